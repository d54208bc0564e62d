"""Strip what web pages wrap around a report: site names, share and download notices, navigation, URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter import recache
from drafter.reading.headings import WHITE_SPACE

# Short lines containing these are page furniture, not report text.
CLUTTER_WORDS = (
    "首页", "分享", "下载", "收藏", "温馨提示", "版权", "客服", "免责声明", "来源:", "来源：", "网站:", "网站：",
    "时间:", "发布时间", "字体大小", "相关阅读", "相关推荐", "相关解读", "法宝联想", "热门图文", "上一篇", "下一篇", "最近更新",
    "本文关键词", "本文内容", "互联网用户", "转载", "页数:", "大小:", "格式:", "ID:", "此文档", "你可能关注",
    "收起", "秘籍", "浏览次数", "阅读次数", "打印本页", "关闭窗口", "扫一扫", "微信", "公众号",
)
# A sentence with these is the site talking to its users ("…文件下载后无此问题,请放心下载。").
SITE_SENTENCE = ("下载", "预览", "本站", "转载", "侵权", "网友", "VIP", "会员", "文档", "关键词", "免责声明", "版权")
# Lines containing these are furniture whatever their length (a site's excerpt of the report).
ALWAYS_CLUTTER = ("本文简介", "http://", "https://", "www.")
SHORT = 60
REPEAT = 20  # characters: a shorter line ("各位代表！", "一是加强领导。") may well say the same thing twice
LEADING_JUNK = recache.compile(r"^[\s?？�·•●■□◆★>]+")
PAGE_COUNTER = recache.compile(r"^(第\s*\d+\s*页|\d+\s*/\s*\d+|共\s*\d+\s*页)$")
SPACES = recache.compile(r"[\s\u3000]+")
SENTENCE_MARKS = recache.compile(r"[，。！？；]$|[，,]")
NOT_WORD = recache.compile(r"[\W_]+")
# The marks and spaces of Chinese and Western text, every one a NOT_WORD character: removing them by an
# explicit class is quicker than testing every character's Unicode category, and what is left is then
# most often all letters and figures already. The runs between them are found and joined: the same text
# as re.sub removing them gives, a quarter quicker.
_COMMON_MARKS = "".join(
    re.escape(chr(code)) for block in (range(0x80), range(0xA0, 0x100), range(0x2000, 0x2070), range(0x3000, 0x3040),
                                       range(0xFF00, 0xFFF0))
    for code in block if not chr(code).isalnum())
_BETWEEN_COMMON_MARKS = recache.compile(f"[^{_COMMON_MARKS}]+")
_LEADING_CHARACTERS = WHITE_SPACE + "?？�·•●■□◆★>"  # what LEADING_JUNK takes, for str.lstrip
# Each word list as one pattern: a search for any of its words is a scan at C speed that skips every
# character no word starts with, where `word in line` for each word was a Python step apiece.
_ANY_CLUTTER_WORD, _ANY_SITE_WORD, _ANY_ALWAYS_CLUTTER = (
    recache.compile("|".join(map(re.escape, words))) for words in (CLUTTER_WORDS, SITE_SENTENCE, ALWAYS_CLUTTER))


def is_clutter(line: str) -> bool:
    """Page furniture: a short line with a site's words that is not a sentence of the report, a URL or a
    page counter on a line of its own. A long line is report text whatever it contains (a report's
    paragraph may name a website), and so is a sentence ("…交流分享经验。")."""
    if PAGE_COUNTER.match(line):
        return True
    if len(line) > SHORT:
        return False
    if _ANY_ALWAYS_CLUTTER.search(line):
        return True
    if SENTENCE_MARKS.search(line) and not _ANY_SITE_WORD.search(line):
        return False
    return (_ANY_CLUTTER_WORD.search(line) is not None
            and any(not _bare_label(line, word) for word in CLUTTER_WORDS if word in line))


def _bare_label(line: str, word: str) -> bool:
    """"资料来源：" standing alone names a part of the report; "来源：新华网" is the site's."""
    return word.endswith(("：", ":")) and line.rstrip().endswith(word) and not line.startswith(word)


def fingerprint(line: str) -> str:
    """A line with spaces and punctuation removed, to recognise a repeated block."""
    key = "".join(_BETWEEN_COMMON_MARKS.findall(line))
    return key if key.isalnum() else NOT_WORD.sub("", key)


@dataclass(frozen=True)
class Removed:
    """A source line cleaning took out, and why: shown by `drafter outline` so nothing goes unnoticed."""

    line: int
    text: str
    reason: str  # clutter | repeat | excerpt | empty


@dataclass(frozen=True)
class Cleaned:
    kept: list[tuple[int, str]]
    removed: list[Removed]


def clean(text: str) -> Cleaned:
    """The lines that belong to the report, (1-based line number, text), and what was removed."""
    kept: list[tuple[int, str]] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    keys: list[str] = []  # each kept line's fingerprint, for _drop_excerpts
    for number, raw in enumerate(text.splitlines(), start=1):
        # LEADING_JUNK's characters stripped by str.lstrip, no regex (white space: headings.WHITE_SPACE, what \s is)
        line = raw.lstrip(_LEADING_CHARACTERS).strip()
        if "\ufffd" in line:
            line = line.replace("\ufffd", "").strip()
        if not line:
            if raw.strip():
                removed.append(Removed(number, raw.strip(), "empty"))
            continue
        if is_clutter(line):
            removed.append(Removed(number, line, "clutter"))
            continue
        key = fingerprint(line)
        if len(key) >= REPEAT and key in seen:
            removed.append(Removed(number, line, "repeat"))
            continue  # seed 000 repeats its title and opening several times
        seen.add(key)
        kept.append((number, line))
        keys.append(key)
    final = _drop_excerpts(kept, keys)
    left = set(final)
    removed += [Removed(number, line, "excerpt") for number, line in kept if (number, line) not in left]
    return Cleaned(final, sorted(removed, key=lambda r: r.line))


def clean_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, text) of the lines that belong to the report, repeated blocks dropped."""
    return clean(text).kept


EXCERPT = 30  # characters: shorter lines may repeat by chance


def _drop_excerpts(lines: list[tuple[int, str]], keys: list[str] | None = None) -> list[tuple[int, str]]:
    """Drop a long line whose text reappears in what follows it: a site's excerpt of the opening.
    `keys`, the lines' fingerprints, when the caller has them already."""
    if keys is None:
        keys = [fingerprint(line) for _, line in lines]
    kept, following = [], ""
    for (number, line), key in zip(reversed(lines), reversed(keys)):
        if len(key) < EXCERPT or _body(key) not in following:
            kept.append((number, line))
        following = key + following
    return kept[::-1]


def _body(key: str) -> str:
    # an excerpt is cut off mid-sentence and may start with the site's own words: compare its middle
    return key[len(key) // 4: -10] if len(key) > 60 else key
