"""Heading markers: 一、 （一） 1. （1） at a line's start, or inside text that lost its line breaks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.numbering import CN, MARKERS, chinese_number

RUN_IN_END = re.compile(r"[。！？]")
# Inside running text only the Chinese-numbered markers count: a viewer's page markers ("1、" glued to
# a page's first words) and figures ("1.26亿元") look like 1. and 1、 but never like 一、 or （一）.
INLINE_MARKER = re.compile(rf"(?:^|(?<=[\s。；：:！？]))(?:[{CN}]+、|[（(][{CN}]+[）)])")
UNNUMBERED = re.compile(r"^(\d{4}年)?[^，。；：,;:]{0,14}(工作成绩|工作计划|工作打算|工作思路|工作总结|存在的问题|主要问题|工作要点)$")
HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})


@dataclass(frozen=True)
class HeadingMatch:
    level: int
    number: int
    marker: str   # as written: "6、", "(一)", "1."
    title: str    # normalised: full-width brackets and commas, no marker, no run-in text
    rest: str     # the run-in text after the title's full stop, as written


def normalise(text: str) -> str:
    """Half-width brackets and punctuation in Chinese text made full width."""
    return text.translate(HALF_TO_FULL)


# 第一章 / 第二节 / 第三条: the parts of rules and plans. An article that is a whole sentence is text.
ARTICLE = re.compile(rf"^第\s*([{CN}]+|\d{{1,3}})\s*([章节条])[\s\u3000]*")
ARTICLE_LEVELS = {"章": 1, "节": 2, "条": 1}  # 条 sinks below 章 and 节 when the document has them
SHORT_ARTICLE = 20


def match_article(line: str) -> HeadingMatch | None:
    found = ARTICLE.match(line)
    if not found:
        return None
    body = line[found.end():].strip()
    number = int(found.group(1)) if found.group(1).isdigit() else chinese_number(found.group(1))
    if not number or not body or len(body) > SHORT_ARTICLE or RUN_IN_END.search(body) or body[-1] in "，；,;":
        return None
    return HeadingMatch(ARTICLE_LEVELS[found.group(2)], number, found.group(0).strip(), normalise(body), "")


def match_heading(line: str) -> HeadingMatch | None:
    """A heading at the start of `line`, with a run-in text split off at the title's first full stop."""
    article = match_article(line)
    if article:
        return article
    for level, pattern in MARKERS:
        found = pattern.match(line)
        if not found:
            continue
        body = line[found.end():]
        if not body or body[0] in "是":  # "一是" is an item, not a heading
            return None
        number = int(found.group(1)) if found.group(1).isdigit() else chinese_number(found.group(1))
        stop = RUN_IN_END.search(body)
        title, rest = (body[: stop.start()], body[stop.end():].strip()) if stop else (body, "")
        return HeadingMatch(level, number, found.group(0).strip(), normalise(title.strip()), rest)
    return None


def match_unnumbered(line: str) -> HeadingMatch | None:
    """A part title without a number, standing alone: "2017年主要工作成绩", "2018年工作计划"."""
    compact = line.replace(" ", "")
    return HeadingMatch(1, 0, "", compact, "") if UNNUMBERED.match(compact) else None


def split_running_text(line: str) -> list[str]:
    """Cut a line that lost its breaks before each 一、 or （一） that follows a space or sentence end.

    The heading then ends at the first space: "一、今年工作 创新培育…" -> "一、今年工作", "创新培育…".
    """
    starts = [m.start() for m in INLINE_MARKER.finditer(line)]
    if not starts:
        return [line]
    pieces = [line[: starts[0]]] if starts[0] > 0 else []
    for start, end in zip(starts, starts[1:] + [len(line)]):
        piece = line[start:end].strip()
        head, space, tail = piece.partition(" ")
        pieces.append(head)
        if tail.strip():
            pieces.append(tail.strip())
    return [p.strip() for p in pieces if p.strip()]
