"""How wide a line of mixed Chinese and figures is, in ems, erring wide so a line never overflows.

Full-width characters are 1 em. Digits are 0.5 em in Times New Roman but up to 0.62 em where a CJK
font draws them (LibreOffice does, next to Chinese text). Word and LibreOffice also put about a
quarter em between Chinese and a figure or Latin word (autoSpaceDN/DE), on each side.
"""

from __future__ import annotations

import unicodedata

DIGIT_EM = 0.62
LATIN_EM = {".": 0.3, ",": 0.3, "%": 0.9, "&": 0.8, "-": 0.35, "+": 0.6, " ": 0.3}
SCRIPT_GAP_EM = 0.25


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WFA"


def em_width(text: str, digit_em: float = DIGIT_EM, gap_em: float = SCRIPT_GAP_EM) -> float:
    total = 0.0
    for index, char in enumerate(text):
        if is_wide(char):
            total += 1.0
        elif char.isdigit():
            total += digit_em
        else:
            total += LATIN_EM.get(char, 0.75 if char.isupper() else 0.55)
        if index and is_wide(char) != is_wide(text[index - 1]):
            total += gap_em
    return total


def typeset_width(text: str) -> float:
    """The width as set in Times New Roman digits with the ~0.2 em autospace measured in LibreOffice:
    "2024年12月20日" is 8.0 em, not 7. For placing a line, where erring wide would misplace it."""
    return em_width(text, digit_em=0.5, gap_em=0.2)
