"""Heading markers: 一、 （一） 1. （1） 第X章 at a line's start, glued to each other, or inside text that lost
its line breaks; and whether a numbered line is a heading (it has a caption) or an item of a list."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter import recache
from drafter.numbering import CN, chinese_number, match_marker

RUN_IN_END = recache.compile(r"[。！？]")
# Inside running text a heading starts after a sentence end or a space: 一、 and （一） always; 1. 1、
# and （1） only when a short caption ending in 。 follows, because a viewer's page numbers ("1、"
# glued to a page's first words) and figures ("1.26亿元") look like them.
INLINE_MARKER = recache.compile(rf"(?:^|(?<=[\s。；：:！？]))(?:[{CN}]+、|[（(][{CN}]+[）)])")
INLINE_DIGIT_MARKER = recache.compile(r"(?<=[。；！？])(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])(?=[^。！？，]{2,25}。)")
# What \s matches, spelled out: a plain class is tested quicker than a category (tests check it is the same).
WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
               "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# The same markers found twice as fast: the break before a marker is matched (group 1 is the marker)
# rather than looked behind for at every character; a line's first marker is tried apart. No marker
# contains a break, so the matches are those of the patterns above.
_MARKER_AFTER_BREAK = recache.compile(rf"[{re.escape(WHITE_SPACE)}。；：:！？]((?:[{CN}]+、|[（(][{CN}]+[）)]))")
_MARKER_AT_START = recache.compile(rf"(?:[{CN}]+、|[（(][{CN}]+[）)])")
_DIGIT_MARKER_AFTER_END = recache.compile(r"[。；！？]((?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])(?=[^。！？，]{2,25}。))")
# Whether a line has any marker after a break, in one scan (most lines have none): both patterns above
# as one that starts with a break (the sentence ends are breaks too), so the scan skips to breaks.
_ANY_MARKER_AFTER_BREAK = recache.compile(
    rf"[{re.escape(WHITE_SPACE)}。；：:！？](?:[{CN}]+、|[（(][{CN}]+[）)]"
    r"|(?<=[。；！？])(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)])(?=[^。！？，]{2,25}。))")
# Part names that stand without a number: "2017年主要工作成绩", "结束语", "注释："
UNNUMBERED = recache.compile(
    r"^(\d{4}年)?[^，。；,;]{0,14}(工作成绩|工作计划|工作打算|工作思路|工作总结|存在的问题|主要问题|工作要点|重点工作|"
    r"工作安排|主要任务)[：:]?$|^(结束语|结语|过去五年的?回顾|今后五年的?主要任务|注释|资料来源|附注)[：:]?$")
# "01综合": a statistical bulletin's numbered part names, two digits and no mark
SPACE_RUN = recache.compile(r"\s+")
# A child's first marker glued after a heading's title, and what may stand before it.
FIRST_CHILD = recache.compile(r"[（(](?:一|1)[）)]|(?<![\d.．])1[、.．](?!\d)")
BEFORE_CHILD = recache.compile(r"[\u4e00-\u9fff）)”》]")
TWO_DIGIT_PART = recache.compile(r"^(0[1-9]|1[0-9])([\u4e00-\u9fff][^，。；：,;:\d]{1,14})$")
HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ",": "，", ";": "；", ":": "：", "?": "？", "!": "！"})
_HALF_FULL_PAIRS = tuple((chr(half), full) for half, full in HALF_TO_FULL.items())
CAPTION = 45        # characters: a run-in heading's title is at most this long; longer is a statement
STANDALONE = 60     # characters: a heading on its own line
SHORT_SENTENCE = 30  # a heading written as a sentence ("（一）全面实施申报信用承诺制。") is this short


@dataclass(frozen=True)
class HeadingMatch:
    level: int
    number: int
    marker: str   # as written: "6、", "(一)", "1."
    title: str    # normalised: full-width brackets and commas, no marker, no run-in text
    rest: str     # the run-in text after the title's full stop, as written
    ending: str = ""  # the mark that closed the title ("。"), "" when the line ends with it


def normalise(text: str) -> str:
    """Half-width brackets and punctuation in Chinese text made full width."""
    # str.translate looks up every character of a Chinese text in a dict; seven `in` tests and a
    # replace of the marks present give the same text about fifteen times faster (mining runs this
    # over every paragraph of the corpus).
    for half, full in _HALF_FULL_PAIRS:
        if half in text:
            text = text.replace(half, full)
    return text


# 第一章 / 第二节 / 第三条: the parts of rules and plans. An article that is a whole sentence is text.
ARTICLE = recache.compile(rf"^第\s*([{CN}]+|\d{{1,3}})\s*([章节条])[\s\u3000]*")
ARTICLE_LEVELS = {"章": 1, "节": 2, "条": 3}  # 条 rises to the level under 章 and 节 once the reader knows which it has
SHORT_ARTICLE = 20


def match_article(line: str) -> HeadingMatch | None:
    found = ARTICLE.match(line)
    if not found:
        return None
    body = line[found.end():].strip()
    number = int(found.group(1)) if found.group(1).isdigit() else chinese_number(found.group(1))
    stop = RUN_IN_END.search(body)
    title = body[: stop.start()] if stop else body
    if not number or not title:
        return None
    rest = body[stop.end():].strip() if stop else ""
    return HeadingMatch(ARTICLE_LEVELS[found.group(2)], number, found.group(0).strip(), normalise(title), rest,
                        stop.group() if stop else "")


# A marker's first character: 第, a numeral, a bracket or a digit (what \d matches: str.isdecimal).
_MARKER_FIRST = frozenset("第（(" + CN)


def match_heading(line: str) -> HeadingMatch | None:
    """A heading marker at the start of `line`, with a run-in text split off at the title's first full stop."""
    if not line or line[0] not in _MARKER_FIRST and not line[0].isdecimal():
        return None  # the reader asks of every line: most start with none of the markers' characters
    article = match_article(line) if line[0] == "第" else None  # every ARTICLE starts with 第
    if article:
        return article
    found = match_marker(line)
    if not found:
        return None
    level, number, marker = found
    body = line[len(marker):]
    if not body or body[0] in "是":  # "一是" is an item, not a heading
        return None
    stop = RUN_IN_END.search(body)
    title, rest = (body[: stop.start()], body[stop.end():].strip()) if stop else (body, "")
    return HeadingMatch(level, number, marker.strip(), normalise(title.strip()), rest, stop.group() if stop else "")


def has_caption(found: HeadingMatch) -> bool:
    """A numbered line is a heading when it names what follows: a short title on its own line or before
    its run-in text. A numbered statement ("1.全面贯彻落实……，确保……。") or an item of an enumerated
    sentence (ending in ；) is a list item."""
    title = found.title
    if not title or title[-1] in "；;，,：:" and found.marker.startswith("第"):
        return False
    if not title or title[-1] in "；;，,":
        return False
    label, colon, description = title.partition("：")
    if colon and len(description) > 12:
        return False  # "1、矩形框标注工具：能在图片上进行……" describes, it does not name
    if found.marker.startswith("第"):
        return len(title) <= SHORT_ARTICLE  # an article's caption: "第五条 实行分级管理。"
    if found.rest:
        return len(title) <= CAPTION
    if found.ending:
        return len(title) <= SHORT_SENTENCE  # and only when body text follows: see the reader
    return len(title) <= STANDALONE


def match_unnumbered(line: str) -> HeadingMatch | None:
    """A part title without a number, standing alone: "2017年主要工作成绩", "结束语", "01综合"."""
    compact = SPACE_RUN.sub("", line)
    if UNNUMBERED.match(compact):
        return HeadingMatch(1, 0, "", compact, "")
    part = TWO_DIGIT_PART.match(compact)
    if part:
        return HeadingMatch(1, int(part.group(1)), part.group(1), part.group(2), "")
    return None


def split_glued(line: str, match=match_heading) -> list[str]:
    """Headings glued together: "一、2019年工作完成情况(一)科技创新工作不断推进1、高新技术产业…" is cut
    before each first child marker that follows a heading's title without a break. `match` is
    match_heading, or a memo of it."""
    found = match(line)
    if not found:
        return [line]
    start = len(found.marker) + (len(line) - len(line.lstrip()))
    for hit in FIRST_CHILD.finditer(line, start + 2, min(start + len(found.title) + 1, start + CAPTION + 4)):
        before = line[hit.start() - 1]
        if BEFORE_CHILD.match(before):
            return [line[: hit.start()].strip()] + split_glued(line[hit.start():].strip(), match)
    return [line]


def split_running_text(line: str) -> list[str]:
    """Cut a line that lost its breaks before each heading marker that follows a space or sentence end.

    A heading cut out this way ends at its first space outside quotes: "一、今年工作 创新培育…" ->
    "一、今年工作", "创新培育…", but "“好品山东 商行天下”" stays whole.
    """
    at_start = _MARKER_AT_START.match(line) is not None
    if not at_start and not _ANY_MARKER_AFTER_BREAK.search(line):
        return [line]
    starts = [m.start(1) for m in _MARKER_AFTER_BREAK.finditer(line)]
    starts += [m.start(1) for m in _DIGIT_MARKER_AFTER_END.finditer(line)]
    starts = sorted(set(starts + [0] if at_start else starts))
    pieces = [line[: starts[0]]] if starts[0] > 0 else []
    for start, end in zip(starts, starts[1:] + [len(line)]):
        piece = line[start:end].strip()
        head, tail = _cut_at_space(piece)
        pieces.append(head)
        if tail:
            pieces.append(tail)
    return [p.strip() for p in pieces if p.strip()]


_QUOTE_OR_SPACE = recache.compile("[“‘《「”’》」 \u3000]")


def _cut_at_space(piece: str) -> tuple[str, str]:
    """A heading that lost its line break ends at the first space outside quotes, if a short title precedes it."""
    if " " not in piece and "\u3000" not in piece:
        return piece, ""  # most pieces: no space to end at
    depth = 0
    for found in _QUOTE_OR_SPACE.finditer(piece):  # only these characters matter: skip to them
        index, char = found.start(), found.group()
        if char in "“‘《「":
            depth += 1
        elif char in "”’》」":
            depth = max(depth - 1, 0)
        elif char in " \u3000" and depth == 0:
            if index > STANDALONE or RUN_IN_END.search(piece[:index]):
                return piece, ""
            return piece[:index], piece[index:].strip()
    return piece, ""
