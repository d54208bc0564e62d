"""Column widths of an attached table from its content, so no figure, percentage or rank is split.

Word and LibreOffice break Chinese text between any two characters and break a number only when
its column is narrower than it. So every column is made wide enough for the widest piece of its
cells that must stay whole ("19300", "102.1%", "第2位", "个百分点") and, where the type area allows,
for its whole longest cell; the first column (the indicator's name) takes the rest. A cell that still
does not fit gets explicit line breaks between words ("全省县域" / "第12位", "提高" / "1.8个百分点"),
never inside a figure.
"""

from __future__ import annotations

import re

from drafter.docx.measure import em_width

TYPE_AREA_PT = 156 / 25.4 * 72
CELL_MARGIN_PT = 3.0  # left and right, each (w:tblCellMar); Word's own 5.4 pt wastes a character a column
CELL_PADDING_PT = 2 * CELL_MARGIN_PT + 1.5  # both margins, plus room for rounding and the rule
# Pieces of a cell that must stay on one line: a rank, a figure with its sign and %, a Latin word,
# and a short Chinese word-like run ("个百分点"); longer Chinese runs may wrap, preferably at BREAK_BEFORE.
WHOLE = re.compile(r"第\d+位|[+\-−]?\d[\d.,]*[%‰]?|[A-Za-z&]+")
SHORT_RUN = 4
BREAK_BEFORE = re.compile(
    r"第\d|占|[与和及、]|个百分点|[+\-−]?\d|比重|增加值|总数|总额|数量|成交额|授权量|经费|费用|支出|投入|收入|强度"
)
MIN_NAME_CHARS = 6


SHORT_RANK = re.compile(r"[^\s\d第]{1,2}第\d+位")  # "全市第2位": a two-character scope stays with its rank
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
    """Widths in points that add up to the type area's width."""
    columns = max(len(row) for row in rows)
    cells = [[row[c] if c < len(row) else "" for row in rows] for c in range(columns)]
    full = [max(em_width(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    least = [max(longest_whole(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    name_least = MIN_NAME_CHARS * size_pt + CELL_PADDING_PT
    if columns == 1:
        return [TYPE_AREA_PT]
    least[0] = max(least[0], name_least)
    widths = list(least)
    # The name first grows until the longest name fits in two lines, then the figure columns grow to
    # their whole cells, and the name takes what is left.
    two_lines = (full[0] - CELL_PADDING_PT) / 2 + size_pt + CELL_PADDING_PT
    widths[0] = max(widths[0], min(two_lines, TYPE_AREA_PT - sum(widths[1:])))
    spare = TYPE_AREA_PT - sum(widths)
    wanted = [max(0.0, full[c] - least[c]) for c in range(1, columns)]
    if spare > 0 and sum(wanted) > 0:
        share = min(1.0, spare / sum(wanted))
        for c in range(1, columns):
            widths[c] += wanted[c - 1] * share
    widths[0] += TYPE_AREA_PT - sum(widths)
    if widths[0] < name_least:  # too many columns for the page: squeeze every column alike
        scale = TYPE_AREA_PT / sum(least)
        widths = [w * scale for w in least]
    return widths


def cell_lines(text: str, width_pt: float, size_pt: float) -> list[str]:
    """A cell's text in lines that fit its column, broken between words, never inside a figure."""
    capacity = (width_pt - CELL_PADDING_PT) / size_pt
    lines, rest = [], text
    while em_width(rest) > capacity:
        inside = {at for a, b in _whole_spans(rest) for at in range(a + 1, b)}
        fits = [at for at in range(1, len(rest))
                if at not in inside and em_width(rest[:at]) <= capacity and _may_break(rest, at)]
        if not fits:
            break
        preferred = [at for at in fits if BREAK_BEFORE.match(rest, at)]
        # The last word boundary that fits if it fills at least half the line, else fill the line.
        good = [at for at in preferred if em_width(rest[:at]) >= capacity / 2]
        at = good[-1] if good else fits[-1]
        lines.append(rest[:at])
        rest = rest[at:]
    return lines + [rest]
