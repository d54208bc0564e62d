"""Breaking a long 公文 title into lines the way a person would (GB/T 9704 7.3.1).

"词意完整，排列对称，长短适宜，间距恰当，梯形或菱形": a break falls only between phrases (after the
organisation, before 及/暨/和/与, before a year, before 关于), never inside a number, after 的/和/及,
or between "2025年" and "工作计划"; the lines are balanced, none shorter than about half the longest.
No word segmenter here: the build never loads jieba, and titles follow a few fixed patterns.
"""

from __future__ import annotations

import itertools

from drafter import recache
from drafter.docx.measure import em_width

# 2号 (22 pt) characters on a 156 mm line: 442 pt / 22 pt is 20.
TITLE_CHARS = 20
MAX_LINES = 4
# Preferred break points, cheapest first: (pattern matching the text that starts the new line, cost).
STARTS = (
    (recache.compile(r"[及暨]"), 0),
    (recache.compile(r"关于"), 0),
    (recache.compile(r"[和与]"), 1),
    (recache.compile(r"(?<![\d—–-])\d{4}(?:[—–-]\d{4})?年"), 1),
    (recache.compile(r"(?:过去|今后|未来|近)[一二三四五六七八九十\d]+年"), 1),
)
# Where an organisation's name ends ("…科学技术局", "…人民政府"), when the form's org is not a prefix.
ORG_END = recache.compile(r"(?:委员会|办公室|人民政府|政府|管委会|中心|研究院|局|厅)(?=.)")
NEVER_AFTER = set("的和及与暨、（《“")
NEVER_BEFORE = set("，。、；：？！）》”")
FALLBACK_COST = 4


def allowed(text: str, at: int) -> bool:
    """May a line end before text[at]? Never inside a number, after 的/和/及, or right after 'NNNN年'."""
    before, after = text[at - 1], text[at]
    if before in NEVER_AFTER or after in NEVER_BEFORE:
        return False
    if before.isdigit() or (after.isdigit() and before in ".．%"):
        return False
    if before.isascii() and before.isalpha() and after.isascii() and after.isalnum():
        return False
    if before == "年" and at >= 2 and text[at - 2].isdigit():
        return False  # "2025年" belongs to what follows it: "2025年工作计划"
    return True


def candidate_breaks(text: str, org: str = "") -> dict[int, int]:
    """Positions where a line may end, with a cost; the organisation's name ends a phrase too."""
    found: dict[int, int] = {}
    for pattern, cost in STARTS:
        for match in pattern.finditer(text):
            if 0 < match.start() < len(text):
                found[match.start()] = min(found.get(match.start(), cost), cost)
    for match in ORG_END.finditer(text):
        found.setdefault(match.end(), 1)
    if org and text.startswith(org) and len(org) < len(text):
        found[len(org)] = 0
    return {at: cost for at, cost in found.items() if allowed(text, at)}


def _split(text: str, breaks: tuple[int, ...]) -> list[str]:
    edges = (0, *breaks, len(text))
    return [text[a:b] for a, b in zip(edges, edges[1:])]


def _shape_ok(widths: list[float]) -> bool:
    """Balanced, and a trapezoid or diamond: no line under half the longest, no waist in the middle."""
    longest = max(widths)
    if min(widths) < longest / 2 - 0.01:
        return False
    middle = widths[1:-1]
    return not middle or min(middle) >= min(widths[0], widths[-1]) - 0.01


def _best(text: str, candidates: dict[int, int], capacity: float) -> list[str] | None:
    positions = sorted(candidates)
    least = max(2, int(-(-em_width(text) // capacity)))
    for count in range(least, MAX_LINES + 1):
        best, best_score = None, None
        for breaks in itertools.combinations(positions, count - 1):
            lines = _split(text, breaks)
            widths = [em_width(line) for line in lines]
            if max(widths) > capacity or not _shape_ok(widths):
                continue
            score = (sum(candidates[b] for b in breaks), max(widths) - min(widths))
            if best_score is None or score < best_score:
                best, best_score = lines, score
        if best is not None:
            return best
    return None


def title_lines(text: str, org: str = "", capacity: float = TITLE_CHARS) -> list[str]:
    """The lines of a title: one if it fits, else broken at meaning boundaries into a balanced shape."""
    text = text.strip()
    if em_width(text) <= capacity:
        return [text]
    lines = _best(text, candidate_breaks(text, org), capacity)
    if lines is None:  # an unusual title: any break the hard rules allow, still balanced
        anywhere = {at: FALLBACK_COST for at in range(1, len(text)) if allowed(text, at)}
        anywhere.update(candidate_breaks(text, org))
        lines = _best(text, anywhere, capacity)
    return lines or [text]


def given_lines(text: str) -> list[str]:
    """A title the clerk broke into lines in the form ("\\n" in meta.title): their lines, trimmed."""
    return [line.strip(" \t\u3000") for line in text.split("\n") if line.strip(" \t\u3000")]
