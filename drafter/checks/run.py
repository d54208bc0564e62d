"""run_checks: every check over a Target, keeping the findings of the rules selected, sorted by place."""

from __future__ import annotations

from drafter.checks import figures, genre, lexical, numbering, placeholders, tables, text
from drafter.checks.base import Finding, Target
from drafter.checks.registry import Selection

# family -> check functions; adding a check is one line here plus its rules in registry.RULES.
CHECKS = (
    ("numbering", numbering.check_heading_levels_and_sequence),
    ("numbering", numbering.check_heading_marks),
    ("items", numbering.check_item_sequence),
    ("placeholder", placeholders.check_placeholders),
    ("repeat", text.check_repeats),
    ("year", text.check_dates),
    ("year", text.check_title_years),
    ("number", text.check_number_style),
    ("stats", text.check_statistics_wording),
    ("punct", text.check_punctuation),
    (None, lexical.check_words),  # entries of many families
    ("genre", genre.check_genre),
    ("attach", genre.check_attachments),
    ("table", tables.check_tables),
    ("form", figures.check_figures),
)


def run_checks(target: Target, disable: frozenset[str] | Selection = frozenset(),
               enable: frozenset[str] = frozenset()) -> list[Finding]:
    selection = disable if isinstance(disable, Selection) else Selection(frozenset(disable), frozenset(enable))
    findings = []
    for family, function in CHECKS:
        if family is None or selection.family_on(family):
            findings += function(target)
    kept = [f for f in findings if selection.on(f.rule)]
    return sorted(kept, key=Finding.sort_key)
