"""Column widths of an attached table from its content, so no figure, percentage or rank is split.

Word and LibreOffice break Chinese text between any two characters and break a number only when
its column is narrower than it. So every column but the first is made wide enough for the longest
piece of its cells that must stay whole ("19300", "102.1%", "全市第2位", "个百分点"), and, where the
type area allows, for its whole longest cell; the first column (the indicator's name) takes the rest,
and a name too long for it is broken by explicit line breaks between words, never inside a figure.
"""

from __future__ import annotations

import re
import unicodedata

from drafter.docx.title_lines import allowed

TYPE_AREA_PT = 156 / 25.4 * 72
CELL_MARGIN_PT = 3.0  # left and right, each (w:tblCellMar); Word's own 5.4 pt wastes a character a column
CELL_PADDING_PT = 2 * CELL_MARGIN_PT + 1.5  # both margins, plus room for rounding and the rule
# Glyph widths in ems of the Latin font (Times New Roman); full-width characters are 1 em.
LATIN_EM = {".": 0.25, ",": 0.25, "%": 0.833, "&": 0.778, "-": 0.333, "+": 0.564, " ": 0.25}
# A cell's pieces that must not be split: a rank, a figure with its sign and %, a run of Chinese.
WHOLE = re.compile(r"[^\s\d第]{0,2}第\d+位|[+\-−]?[\d.,]+[%‰]?|[A-Za-z&]+|[^\x00-\x7f\d]+|\S")
# Where an indicator's name may wrap: before 占 (a ratio) or a conjunction, before a head noun.
NAME_BREAKS = re.compile(r"占|[与和及、]|(?=比重|增加值|总数|总额|数量|成交额|授权量|经费|费用|支出|投入|收入|强度)")
MIN_NAME_CHARS = 6


def em_width(text: str) -> float:
    total = 0.0
    for char in text:
        if unicodedata.east_asian_width(char) in "WFA":
            total += 1.0
        elif char.isdigit():
            total += 0.5
        else:
            total += LATIN_EM.get(char, 0.72 if char.isupper() else 0.5)
    return total


def longest_whole(text: str) -> float:
    """The widest piece of a cell that has to stay on one line, in ems. A run of Chinese counts as
    whole only up to four characters ("个百分点"); longer runs may wrap anywhere."""
    pieces = [m.group() for m in WHOLE.finditer(text)]
    return max((min(em_width(p), 4.0) if not re.search(r"[\d第]", p) else em_width(p) for p in pieces), default=0.0)


def column_widths(rows: tuple[tuple[str, ...], ...], size_pt: float) -> list[float]:
    """Widths in points that add up to the type area's width."""
    columns = max(len(row) for row in rows)
    cells = [[row[c] if c < len(row) else "" for row in rows] for c in range(columns)]
    full = [max(em_width(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    least = [max(longest_whole(text) for text in column) * size_pt + CELL_PADDING_PT for column in cells]
    name_least = MIN_NAME_CHARS * size_pt + CELL_PADDING_PT
    least[0] = max(least[0], name_least) if columns > 1 else TYPE_AREA_PT
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


def name_lines(name: str, width_pt: float, size_pt: float) -> list[str]:
    """An indicator's name in lines that fit the column, broken between words where it can be."""
    capacity = (width_pt - CELL_PADDING_PT) / size_pt
    if em_width(name) <= capacity:
        return [name]
    lines, rest = [], name
    while em_width(rest) > capacity:
        fits = [at for at in range(1, len(rest)) if em_width(rest[:at]) <= capacity and allowed(rest, at)]
        if not fits:
            break
        preferred = [at for at in fits if NAME_BREAKS.match(rest, at)]
        # Break at the last word boundary that fits if it uses at least half the line, else fill the line.
        good = [at for at in preferred if em_width(rest[:at]) >= capacity / 2]
        at = good[-1] if good else fits[-1]
        lines.append(rest[:at])
        rest = rest[at:]
    return lines + [rest]
