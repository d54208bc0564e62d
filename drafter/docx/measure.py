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


def em_width(text: str) -> float:
    total = 0.0
    for index, char in enumerate(text):
        if is_wide(char):
            total += 1.0
        elif char.isdigit():
            total += DIGIT_EM
        else:
            total += LATIN_EM.get(char, 0.75 if char.isupper() else 0.55)
        if index and is_wide(char) != is_wide(text[index - 1]):
            total += SCRIPT_GAP_EM
    return total
