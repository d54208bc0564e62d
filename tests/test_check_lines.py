"""drafter.checks.lines: one search of the joined draft finds every line a rule's pattern matches in."""

from __future__ import annotations

import re

import pytest

from drafter.checks import placeholders, text
from drafter.checks.lines import Lines, joinable
from tests.test_check_patterns import LINES

RULES = [rule for rules in (text.REPEAT_RULES, text.DATE_RULES, text.NUMBER_RULES, text.STATS_RULES,
                            text.PUNCTUATION_RULES, text.SPACE_RULES) for rule in rules]
# (name, pattern searched in the joined lines, what matches in each line)
PATTERNS = [(rule.rule, text._pattern_of(rule), rule.pattern) for rule in RULES] + [
    ("placeholder.mark", text.PLACEHOLDER, placeholders.FOUND), ("form mark", placeholders.FORM_MARK, placeholders.FORM_MARK)]


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"0(?<!\d0)\d月", True),                # a look-behind that no line break can satisfy
    (r"(?<=[\u4e00-\u9fff])[,;]", True),     # a positive look-around may see more joined: never less
    (r"[^。]{2}", True),                      # a class that takes a break only lengthens what is found
    (r"^\(", False), (r"x$", False), (r"\bx", False),  # anchors see the line's ends
    (r"(?<!\s)x", False), (r"x(?![^a])", False), (r"(?<![\D])x", False),  # negations a break satisfies
    (r"(?<![^\n])x", True),
])
def test_which_patterns_may_be_searched_in_the_joined_lines(pattern, expected):
    assert joinable(re.compile(pattern)) is expected


def test_the_lines_found_hold_every_match_of_every_rule():
    """For each rule (and the placeholder check's two patterns), on 400-line blocks of the seeds, the shared corpus and made-up lines: every line
    in which the rule's own per-line matching finds something is among the candidates."""
    searched = 0
    for start in range(0, len(LINES), 400):
        lines = Lines([(number, line) for number, line in enumerate(LINES[start:start + 400])])
        for name, pattern, matcher in PATTERNS:
            candidates = set(lines.candidates(pattern))
            matching = {index for index, (_, line) in enumerate(lines.texts) if any(matcher.finditer(line))}
            assert matching <= candidates, (name, sorted(matching - candidates)[:3])
            searched += pattern is not None and joinable(pattern)
    assert searched > 1000


def test_a_rule_finds_the_same_through_the_joined_lines():
    """_apply with the joined search gives exactly the findings of matching every line."""
    from drafter.checks.base import Target
    from drafter.document import Document, Paragraph, Run

    sample = [line for line in LINES[:3000] if line.strip()]
    document = Document(tuple(Paragraph((Run(line),)) for line in sample))
    target = Target(document, tuple(range(1, len(sample) + 1)))
    for rules in (text.DATE_RULES, text.NUMBER_RULES, text.PUNCTUATION_RULES, text.STATS_RULES):
        every_line = [target.finding(rule.rule, rule.severity, where, line, m.start(), rule.message(m),
                                     rule.suggestion(m), m.group(0), rule.fix(m) if rule.fix else None)
                      for rule in rules for where, line in target.texts()
                      for m in list(rule.pattern.finditer(line))[:text.MAX_PER_LINE]]
        assert text._apply(target, rules) == every_line
