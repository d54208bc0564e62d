"""The lines where a line-by-line pattern can match, found by one scan of the whole draft.

A check rule matches its pattern in each line on its own. Calling the matcher once per line and rule
costs more than the matching (a 60-page draft has ~300 lines, the rules ~25 patterns). For most
patterns a match in a line is also a match, at the same place, in the lines joined by line breaks:
those without anchors (^, $, \\b …) and whose negative look-arounds cannot match a line break (they
then see past the line's ends what the line alone does not have, and still hold). For those, a search
of the joined text finds the first line that can hold a match; the rule runs there, and the search goes
on from the next line. A pattern of another kind is matched in every line, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

try:  # Python 3.11+
    from re import _constants as sre, _parser
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

BREAK = "\n"
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT} | ({sre.POSSESSIVE_REPEAT} if hasattr(sre, "POSSESSIVE_REPEAT") else set())
_GROUPS = {sre.SUBPATTERN} | ({sre.ATOMIC_GROUP} if hasattr(sre, "ATOMIC_GROUP") else set())
# classes that hold a line break: \s, and the negations \D and \W
_BREAKING_CATEGORIES = {sre.CATEGORY_SPACE, sre.CATEGORY_NOT_DIGIT, sre.CATEGORY_NOT_WORD,
                        sre.CATEGORY_UNI_SPACE, sre.CATEGORY_UNI_NOT_DIGIT, sre.CATEGORY_UNI_NOT_WORD}


class Lines:
    """(where, text) lines, joined once for every rule's search."""

    def __init__(self, texts):
        self.texts = texts
        self.joined = BREAK.join(text for _, text in texts)
        self.starts, at = [], 0
        for _, text in texts:
            self.starts.append(at)
            at += len(text) + 1

    def candidates(self, pattern) -> range | list[int]:
        """Indices of the lines in which `pattern` (a compiled pattern) may match; every line when the
        joined text cannot tell."""
        if not joinable(pattern):
            return range(len(self.texts))
        found, at = [], 0
        while (match := pattern.search(self.joined, at)) is not None:
            index = bisect_right(self.starts, match.start()) - 1
            found.append(index)
            if index + 1 >= len(self.starts):
                break
            at = self.starts[index + 1]
        return found


@lru_cache(maxsize=None)
def joinable(pattern: re.Pattern) -> bool:
    """Whether every match of `pattern` in a line is a match in lines joined by line breaks."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str) or pattern.flags & re.DOTALL:
        return False
    try:
        return _joinable(_parser.parse(pattern.pattern, pattern.flags).data, in_negation=False)
    except Exception:  # another Python's parser: match line by line
        return False


def _joinable(items, in_negation: bool) -> bool:
    for op, av in items:
        if op is sre.AT or op is sre.GROUPREF_EXISTS or (op is sre.GROUPREF and in_negation):
            return False
        if op is sre.ASSERT_NOT and not _joinable(av[1].data, in_negation=True):
            return False
        if op is sre.ASSERT and not _joinable(av[1].data, in_negation):
            return False
        if op in _GROUPS and not _joinable(av[-1].data, in_negation):
            return False
        if op in _REPEATS and not _joinable(av[2].data, in_negation):
            return False
        if op is sre.BRANCH and not all(_joinable(alternative.data, in_negation) for alternative in av[1]):
            return False
        if in_negation and _may_be_a_break(op, av):
            return False
    return True


def _may_be_a_break(op, av) -> bool:
    """Whether a single-character item can match a line break (ANY cannot: no DOTALL here)."""
    if op is sre.LITERAL:
        return av == ord(BREAK)
    if op is sre.NOT_LITERAL:
        return av != ord(BREAK)
    if op is sre.IN:
        negated = any(o is sre.NEGATE for o, _ in av)
        holds = any(o is sre.LITERAL and a == ord(BREAK) or o is sre.RANGE and a[0] <= ord(BREAK) <= a[1]
                    or o is sre.CATEGORY and a in _BREAKING_CATEGORIES for o, a in av)
        return holds != negated
    return False
