"""How wide a line of mixed Chinese and figures is, in ems, erring wide so a line never overflows.

Full-width characters are 1 em. Digits are 0.5 em in Times New Roman but up to 0.62 em where a CJK
font draws them (LibreOffice does, next to Chinese text). Word and LibreOffice also put about a
quarter em between Chinese and a figure or Latin word (autoSpaceDN/DE), on each side.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

DIGIT_EM = 0.62
LATIN_EM = {".": 0.3, ",": 0.3, "%": 0.9, "&": 0.8, "-": 0.35, "+": 0.6, " ": 0.3}
SCRIPT_GAP_EM = 0.25


@lru_cache(maxsize=None)  # a table's layout measures the same few hundred characters thousands of times
def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WFA"


def prefix_widths(text: str, digit_em: float = DIGIT_EM, gap_em: float = SCRIPT_GAP_EM) -> list[float]:
    """[em_width(text[:0]), em_width(text[:1]), …, em_width(text)], in one pass over the text."""
    widths = [0.0]
    total, was_wide = 0.0, None
    for index, char in enumerate(text):
        wide = is_wide(char)
        if wide:
            total += 1.0
        elif char.isdigit():
            total += digit_em
        else:
            total += LATIN_EM.get(char, 0.75 if char.isupper() else 0.55)
        if index and wide != was_wide:
            total += gap_em
        was_wide = wide
        widths.append(total)
    return widths


def em_width(text: str, digit_em: float = DIGIT_EM, gap_em: float = SCRIPT_GAP_EM) -> float:
    return prefix_widths(text, digit_em, gap_em)[-1]


def typeset_width(text: str) -> float:
    """The width as set in Times New Roman digits with the ~0.2 em autospace measured in LibreOffice:
    "2024年12月20日" is 8.0 em, not 7. For placing a line, where erring wide would misplace it."""
    return em_width(text, digit_em=0.5, gap_em=0.2)
