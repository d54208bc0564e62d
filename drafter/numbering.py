"""Chinese numerals and the heading numbers of a report: 一、 （一） 1. （1）, and Word's number formats.

The one place these rules live; it imports nothing so every layer (reading, checks, writer, templates)
can use it.
"""

import re

from drafter import recache

CN = "一二三四五六七八九十"
DIGITS = "零一二三四五六七八九"
# How a report numbers its four heading levels (GB/T 9704 practice).
MARKER_FORMATS = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}

# A heading marker at the start of a line, by level; both bracket widths, the marks authors use.
MARKERS = (
    (1, recache.compile(rf"^([{CN}]+)\s*([、，,．.])\s*")),
    (2, recache.compile(rf"^[（(]\s*([{CN}]+)\s*[）)]\s*[、，,．.]?\s*")),
    (3, recache.compile(r"^(\d{1,2})\s*(、|．|\.(?!\d))\s*")),
    (4, recache.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、，,．.]?\s*")),
)
# 一是、二是: items inside a paragraph, not headings.
ITEM = recache.compile(rf"(?:^|(?<=[；;。，,：:\s]))([{CN}]+)是")


def chinese_numeral(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五, 99 -> 九十九 (enough for headings and 一是)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    text = ("" if tens == 1 else DIGITS[tens]) + "十" if tens else ""
    return text + (DIGITS[ones] if ones else "")


def chinese_number(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23; 0 for what is not a numeral below 100."""
    if not text or any(char not in CN for char in text):
        return 0
    if "十" not in text:
        return CN.index(text) + 1 if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return (CN.index(tens) + 1 if tens else 1) * 10 + (CN.index(ones) + 1 if ones else 0)


def heading_marker(level: int, number: int) -> str:
    """The marker of the `number`-th heading at `level`: 一、 （一） 1. （1）."""
    return MARKER_FORMATS[level].format(cn=chinese_numeral(number), n=number)


def marker_number(marker: str) -> int:
    """The number a marker as written stands for: "（三）" -> 3, "12." -> 12."""
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    numeral = re.search(rf"[{CN}]+", marker)
    return chinese_number(numeral.group()) if numeral else 0


def renumbered(marker: str, number: int) -> str:
    """`marker` as its author wrote it, with `number` in place of its own: "7、" -> "6、", "(四)" -> "(三)".
    Used to suggest the right number without also changing the author's style of marker."""
    digits = re.search(r"\d+", marker)
    if digits:
        return (marker[:digits.start()] + str(number) + marker[digits.end():]).strip()
    numeral = re.search(rf"[{CN}]+", marker)
    if numeral:
        return (marker[:numeral.start()] + chinese_numeral(number) + marker[numeral.end():]).strip()
    return marker.strip()


# The characters each level's marker can start with (level 3: a digit, str.isdecimal as \d): a line is
# matched only against the patterns its first character allows; readers ask this of every line.
_FIRST = {1: frozenset(CN), 2: frozenset("（("), 4: frozenset("（(")}


def match_marker(line: str) -> tuple[int, int, str] | None:
    """(level, number, marker as written) of a heading marker at the start of `line`."""
    first = line[:1]
    for level, pattern in MARKERS:
        if not (first.isdecimal() if level == 3 else first in _FIRST[level]):
            continue
        found = pattern.match(line)
        if found:
            number = found.group(1)
            value = int(number) if number.isdigit() else chinese_number(number)
            if value:
                return level, value, found.group(0)
    return None


# Word's w:numFmt values -> how a number is written.
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
LARGEST = 9999  # beyond this a list number is written in digits whatever the format
CHINESE_FORMATS = ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting",
                   "taiwaneseCounting", "chineseLegalSimplified", "ideographLegalTraditional")


def _roman(number: int) -> str:
    text = ""
    for value, letters in ROMAN:
        while number >= value:
            text, number = text + letters, number - value
    return text


def _letters(number: int) -> str:
    # Word repeats the letter: 27 -> aa
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, num_fmt: str) -> str:
    """A list number as Word prints it for w:numFmt (decimal, chineseCounting, upperRoman, …)."""
    if num_fmt in ("none", "bullet"):
        return ""
    if not 0 < number <= LARGEST:
        return str(number)  # a file from elsewhere may start a list at 10**9: no letters or numerals for that
    if num_fmt in CHINESE_FORMATS:
        if num_fmt == "ideographTraditional":  # 甲乙丙丁…
            return "甲乙丙丁戊己庚辛壬癸"[(number - 1) % 10]
        return chinese_numeral(number)
    if num_fmt == "ideographDigital":
        return "".join(DIGITS[int(d)] for d in str(number))
    if num_fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(number)
        return roman.upper() if num_fmt == "upperRoman" else roman
    if num_fmt in ("upperLetter", "lowerLetter"):
        letters = _letters(number)
        return letters.upper() if num_fmt == "upperLetter" else letters
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < number <= len(CIRCLED):
        return CIRCLED[number - 1]
    if num_fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(number))
    if num_fmt == "decimalZero":
        return f"{number:02d}"
    return str(number)


def render_level_text(pattern: str, counters: list[int], formats: list[str]) -> str:
    """Word's lvlText ("%1、", "（%2）", "%1.%2") with each %n replaced by level n's current number."""
    def number(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        if not 0 <= index < len(counters):
            return ""
        return format_number(counters[index], formats[index])
    return re.sub(r"%([1-9])", number, pattern)
