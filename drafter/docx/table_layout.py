"""Column widths of an attached table from its content, so no figure, percentage or rank is split.

Word and LibreOffice break Chinese text between any two characters and break a number only when
its column is narrower than it. So every column is made wide enough for the widest piece of its
cells that must stay whole ("19300", "102.1%", "第2位", "个百分点") and, where the type area allows,
for its whole longest cell; the first column (the indicator's name) takes the rest. A cell that still
does not fit gets explicit line breaks between words ("全省县域" / "第12位", "提高" / "1.8个百分点"),
never inside a figure.
"""

from __future__ import annotations

from functools import lru_cache

from drafter import recache
from drafter.docx.measure import em_width, prefix_widths

TYPE_AREA_PT = 156 / 25.4 * 72
CELL_MARGIN_PT = 3.0  # left and right, each (w:tblCellMar); Word's own 5.4 pt wastes a character a column
CELL_PADDING_PT = 2 * CELL_MARGIN_PT + 1.5  # both margins, plus room for rounding and the rule
# Pieces of a cell that must stay on one line: a rank, a figure with its sign and %, a Latin word,
# and a short Chinese word-like run ("个百分点"); longer Chinese runs may wrap, preferably at BREAK_BEFORE.
WHOLE = recache.compile(r"第\d+位|[+\-−]?\d[\d.,]*[%‰]?|[A-Za-z&]+")
SHORT_RUN = 4
# Word boundaries in an indicator's name or a change ("提高" / "1.8个百分点"), without a segmenter
# (the build never loads jieba): before a figure, a rank, 占 or a conjunction, before the head noun
# of a statistic, and after the nouns that close a phrase in these names ("规上工业企业" / "研发费用").
BREAK_BEFORE = recache.compile(
    r"第\d|占|[与和及、]|个百分点|[+\-−]?\d|比重|增加值|总数|总额|数量|成交额|授权量|经费|费用|支出|投入|收入|强度|"
    r"(?<=企业|产业|技术|机构|平台|项目|人才|成果|资金|财政|全市|全省|全县|规上)"
)
FORCED_BREAK_COST = 3  # a break inside a word costs as much as three extra lines of table
MIN_NAME_CHARS = 6


SHORT_RANK = recache.compile(r"[^\s\d第]{1,2}第\d+位")  # "全市第2位": a two-character scope stays with its rank
NEVER_BEFORE = set("，。、；：？！）》”%‰")


def _whole_spans(text: str) -> list[tuple[int, int]]:
    if SHORT_RANK.fullmatch(text):
        return [(0, len(text))]
    return [match.span() for match in WHOLE.finditer(text)]


def _may_break(text: str, at: int) -> bool:
    """Not before closing punctuation, not inside a Latin word or a figure."""
    before, after = text[at - 1], text[at]
    return after not in NEVER_BEFORE and not (before.isascii() and after.isascii() and before.isalnum() and after.isalnum())


def longest_whole(text: str) -> float:
    """The widest piece of a cell that has to stay on one line, in ems."""
    spans = _whole_spans(text)
    widest = max((em_width(text[a:b]) for a, b in spans), default=0.0)
    # Chinese between the whole pieces: a run counts up to SHORT_RUN characters ("个百分点").
    rest = "".join(" " if any(a <= i < b for a, b in spans) else c for i, c in enumerate(text))
    runs = [run for run in rest.split(" ") if run]
    return max([widest, *(min(em_width(run), SHORT_RUN) for run in runs)])


def column_widths(rows: tuple[tuple[str, ...], ...], size_pt: float) -> list[float]:
    """Widths in points that add up to the type area's width, chosen for the fewest lines in all."""
    columns = max(len(row) for row in rows)
    if columns == 1:
        return [TYPE_AREA_PT]
    cells = [[row[c] if c < len(row) else "" for row in rows] for c in range(columns)]
    full = [max(em_width(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    least = [max(longest_whole(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    name_least = MIN_NAME_CHARS * size_pt + CELL_PADDING_PT
    least[0] = max(least[0], name_least)
    if sum(least) > TYPE_AREA_PT:  # too many columns for the page: squeeze every column alike
        return [w * TYPE_AREA_PT / sum(least) for w in least]
    # Try the name column on one, two, three… lines; the figure columns share what it leaves.
    name_text = full[0] - CELL_PADDING_PT
    options = []
    for lines in range(1, 6):
        name = max(least[0], min(name_text / lines + size_pt * (lines > 1) + CELL_PADDING_PT,
                                 TYPE_AREA_PT - sum(least[1:])))
        widths = _share(least, full, name)
        options.append((_total_lines(rows, widths, size_pt), -widths[0], widths))
    return min(options)[2]


def _share(least: list[float], full: list[float], name: float) -> list[float]:
    """Figure columns grow from their least toward their whole cells with what the name leaves."""
    widths = [name, *least[1:]]
    spare = TYPE_AREA_PT - sum(widths)
    wanted = [max(0.0, f - l) for f, l in zip(full[1:], least[1:])]
    if spare > 0 and sum(wanted) > 0:
        share = min(1.0, spare / sum(wanted))
        widths[1:] = [l + w * share for l, w in zip(least[1:], wanted)]
    widths[0] += TYPE_AREA_PT - sum(widths)
    return widths


def _total_lines(rows, widths: list[float], size_pt: float) -> int:
    total = 0
    for row in rows:
        broken = [_broken(text, width, size_pt) for text, width in zip(row, widths)]
        total += max(len(lines) for lines, _ in broken) + FORCED_BREAK_COST * sum(forced for _, forced in broken)
    return total


def cell_lines(text: str, width_pt: float, size_pt: float) -> list[str]:
    """A cell's text in lines that fit its column, broken between words, never inside a figure."""
    return list(_broken(text, width_pt, size_pt)[0])


@lru_cache(maxsize=4096)  # column_widths tries each cell at several widths, and the writer asks again
def _broken(text: str, width_pt: float, size_pt: float) -> tuple[tuple[str, ...], int]:
    """The lines, and how many breaks had to fall inside a word (no word boundary fitted)."""
    capacity = (width_pt - CELL_PADDING_PT) / size_pt
    lines, rest, forced = [], text, 0
    while (widths := prefix_widths(rest))[-1] > capacity:
        inside = {at for a, b in _whole_spans(rest) for at in range(a + 1, b)}
        fits = [at for at in range(1, len(rest))
                if at not in inside and widths[at] <= capacity and _may_break(rest, at)]
        if not fits:
            break
        preferred = [at for at in fits if BREAK_BEFORE.match(rest, at)]
        # The last word boundary that fits, if it fills at least half the line; else any word
        # boundary that fits; else (no boundary at all) fill the line and count a forced break.
        good = [at for at in preferred if widths[at] >= capacity / 2] or preferred
        at = good[-1] if good else fits[-1]
        forced += not good
        lines.append(rest[:at])
        rest = rest[at:]
    return (*lines, rest), forced
