"""Abstraction and formulas: what in a sentence is particular (years, figures, names) and what is habit."""

from __future__ import annotations

import re
from operator import itemgetter

from drafter import recache

YEAR = recache.compile(r"(?:(?:19|20)\d{2}|20xx|xxxx)(?=\s*年)")
FIGURE = recache.compile(r"\d+(?:\.\d+)?|[xX]+(?:\.[xX]+)?|\*+")
FIGURE_CHARACTER = recache.compile(r"[\dxX*]")  # a text has a FIGURE if and only if it has one of these: a quicker test
LEADERS = recache.compile(r"(?:xx)?(?:[县市区]委(?:、)?[县市区]?(?:人民)?政府|[县市区]委[县市区]政府)")
ITEM_LEAD = recache.compile(r"^[一二三四五六七八九十]+是")
SENTENCE_END = recache.compile(r"(?<=[。；;！？])")

# (a word every match contains, the pattern): the cheap test spares most sentences the regex.
OPENING = (
    ("领导下", recache.compile(r"在[^，。；,;]{2,24}?(?:坚强|正确|亲切)?领导下")),
    ("指导下", recache.compile(r"在[^，。；,;]{2,24}?(?:精心|关怀)?指导下")),
    ("为", recache.compile(r"以[^，。；,;]{2,24}?为(?:指引|指导|统领|引领)")),
    ("战略", recache.compile(r"(?:深入|大力|全面|奋力|加快|坚定)实施[^，。；,;]{2,16}战略")),
)
TRANSITION = recache.compile(r"现将[^，。；,;]{0,16}?(?:报告|总结|汇报)如下[：:]?")
PROBLEM_LEAD = recache.compile(r"[^。；;：:]{0,30}?(?:还存在|也存在|仍存在|也还存在|存在)[^。；;：:]{0,14}?(?:问题|不足|困难|短板)[^。；;：:]{0,6}[：:。]")
_PLAN_LEAD_LISTED = r"[^。；;]{0,30}?(?:重点|主要)要?(?:抓好|做好|推进|实施|开展)以下[^。；;]{0,10}[。：:]"
_PLAN_LEAD_OURS = r"[^。；;，,]{0,12}(?:我们|我局)要?(?:将|要)?(?:继续|重点|着力|紧紧)[^。；;]{4,40}?[，,]"
PLAN_LEAD = recache.compile(f"{_PLAN_LEAD_LISTED}|{_PLAN_LEAD_OURS}")
PLAN_LEAD_LISTED, PLAN_LEAD_OURS = recache.compile(_PLAN_LEAD_LISTED), recache.compile(_PLAN_LEAD_OURS)


def maybe_plan_lead(sentence: str) -> bool:
    return "以下" in sentence or "我们" in sentence or "我局" in sentence


def plan_lead_pattern(sentence: str) -> re.Pattern | None:
    """PLAN_LEAD, or the one of its alternatives whose word (以下; 我们 or 我局) the sentence has, which
    finds the same matches at a fraction of the cost; None when it has neither."""
    listed, ours = "以下" in sentence, "我们" in sentence or "我局" in sentence
    if listed and ours:
        return PLAN_LEAD
    return PLAN_LEAD_LISTED if listed else PLAN_LEAD_OURS if ours else None


CLOSING = recache.compile(r"[^。；;，,]{0,20}为[^。；;]{4,40}?(?:作出|做出|提供)[^。；;]{0,20}。")


def abstract(text: str) -> str:
    """Years -> {年}, figures and blanks (xx, *) -> {N}, the leading bodies -> {领导机关}."""
    if "年" in text:  # a YEAR is followed by 年, and every LEADERS names a 委
        text = YEAR.sub("{年}", text)
    if "委" in text:
        text = LEADERS.sub("{领导机关}", text)
    return FIGURE.sub("{N}", text).replace("{N}{N}", "{N}")


CONTEXT_CLAUSE = recache.compile(r"^围绕[^，。；]{2,30}，")


def plan_lead(text: str) -> str:
    """A plan lead-in without the clause that names one report's context ("围绕今后五年的工作思路，")."""
    return abstract(CONTEXT_CLAUSE.sub("", text))


# Each sentence with its end, or the text after the last end: the pieces SENTENCE_END.split gives,
# found without testing the look-behind at every character.
_SENTENCE = recache.compile(r"[^。；;！？]*[。；;！？]|[^。；;！？]+")


def sentences(text: str) -> list[str]:
    return [s for s in map(str.strip, _SENTENCE.findall(text)) if s]


CLAUSE_SPLIT = recache.compile(r"[，,；;。：:！？]")
CLAUSE_MIN, CLAUSE_MAX = 4, 40


def figure_clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that carry a figure, without an item's 一是: the reusable unit of a
    report's phrasing ("同比增长12.5%", "完成专利授权957件")."""
    if not FIGURE_CHARACTER.search(sentence):
        return []  # half the sentences of a report: no clause to split
    sentence = ITEM_LEAD.sub("", sentence)
    return [c.strip() for c in CLAUSE_SPLIT.split(sentence)
            if CLAUSE_MIN <= len(c.strip()) <= CLAUSE_MAX and FIGURE_CHARACTER.search(c)]


FRAME = recache.compile(r"([\u4e00-\u9fff]{2})(?:了|为|达到|达|到|至)?\{N\}([\u4e00-\u9fff]{1,2}|%)")


def figure_frames(template: str) -> list[str]:
    """The frame around each figure of an abstracted clause: "专利奖励{N}万元" -> "奖励{N}万元"."""
    return [f"{m.group(1)}{{N}}{m.group(2)}" for m in FRAME.finditer(template)]


def heading_formulas(level: int, title: str, words: list[str]) -> list[str]:
    """The heading's formula and, for a paired heading, its lead alone ("聚焦X")."""
    formula = heading_formula(level, title, words)
    lead = formula.split("X", 1)[0] + "X" if level > 1 and "，" in formula else None
    return [formula, lead] if lead and lead != formula else [formula]


def heading_formula(level: int, title: str, words: list[str]) -> str:
    """"（一）聚焦主体培育，创新能力持续增强" -> "聚焦X，Y持续增强"; one phrase -> "强化X"."""
    if level == 1:
        return abstract(title)
    first, comma, second = title.partition("，")
    head = words[0] if words else first[:2]
    if len(head) == 1 and len(words) > 1:
        head += words[1]
    if not comma:
        return f"{head}X" if len(first) > len(head) else head
    tail_words = [w for w in words if w][-2:]
    tail = "".join(tail_words) if len("".join(tail_words)) <= 4 else tail_words[-1]
    if not second.endswith(tail) or len(second) <= len(tail):
        return f"{head}X，Y"
    return f"{head}X，Y{tail}"


def formula_regex(formula: str) -> re.Pattern:
    """A heading formula or sentence template as a pattern that a new text can match."""
    escaped = re.escape(formula)
    for slot, pattern in (("X", ".+?"), ("Y", ".+?"), (r"\{N\}", r"[\d.xX*]+"), (r"\{年\}", r"\d{4}"),
                          (r"\{领导机关\}", ".+?")):
        escaped = escaped.replace(slot, pattern)
    return re.compile(f"^{escaped}$")


# What is not phrasing: it names one office's people or places, or it is a piece of a word.
NAME_LIST = recache.compile(r"(?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3}等(?:\{N\}|\d+)(?:人|名|位)"
                            r"|[\u4e00-\u9fff]{2,3}(?:同志|先生|女士)")
PLACE_SUFFIXES = "省市县区州盟旗镇乡"
PLACE_TAGS = {"ns", "nr", "nrt", "nz"}   # jieba tags 万载县 nr and 丽水市 ns: both are places by their suffix
NOUN_TAGS = {"n", "nr", "nrt", "ns", "nt", "nz", "ng", "j", "b"}
# Objects of a collocation; not nr/ns/nrt: a person or a place is one office's fact, not its phrasing.
OBJECT_TAGS = {"n", "nz", "nt", "vn", "ng"}

# Each word's tag as one character, so that what is looked for among every word of the corpus (a verb
# and the nouns after it, candidate place names) is a regex over a string rather than a Python loop:
# V verb, N a noun that can be an object, S ns, R nr or nrt, Z nz (an object and a candidate place).
TAG_CODES = {"v": "V", **{tag: "N" for tag in OBJECT_TAGS - PLACE_TAGS},
             **{tag: "Z" for tag in OBJECT_TAGS & PLACE_TAGS},
             **{tag: "S" if tag == "ns" else "R" for tag in PLACE_TAGS - OBJECT_TAGS}}
PLACE_CODES = recache.compile("[SRZ]")


class _Codes(dict):
    """TAG_CODES, "." for any other tag (remembered, so each tag is missed once): a plain lookup per word."""

    def __missing__(self, tag: str) -> str:
        self[tag] = "."
        return "."


_CODES = _Codes(TAG_CODES)


def tag_codes(tagged: list[tuple[str, str]]) -> str:
    """The tags of a segmented text as one string of TAG_CODES ("." for the rest), a character a word."""
    return "".join(map(_CODES.__getitem__, map(itemgetter(1), tagged)))


# What every match of NAME_LIST contains (同志, 先生, 女士 or the "等N人" tail), searched for in one pass:
# the cheap test spares nearly every sentence the regex.
_NAME_LIST_CLUE = recache.compile(r"同志|先生|女士|等(?:\{N\}|\d+)(?:人|名|位)")


def names_a_person(text: str) -> bool:
    """A list of people ("白岩、傅尚文等{N}人") or a person addressed ("张三同志"): one office's facts."""
    return _NAME_LIST_CLUE.search(text) is not None and NAME_LIST.search(text) is not None


def place_names(tagged: list[tuple[str, str]]) -> list[str]:
    """Place names jieba finds, with their administrative suffix: 宜春市, 江西省, 青山县 (青山 + 县).
    jieba's ns alone is too loose (it tags 城镇 and 普及 ns), so the suffix decides."""
    return coded_place_names(tagged, tag_codes(tagged))


def coded_place_names(tagged: list[tuple[str, str]], codes: str) -> list[str]:
    """place_names, given the text's tag_codes as well."""
    found = []
    # The candidates picked out at C speed: this runs over every word of the corpus.
    for candidate in PLACE_CODES.finditer(codes):
        index = candidate.start()
        word = tagged[index][0]
        if len(word) >= 3 and word[-1] in PLACE_SUFFIXES and not word.startswith(("全", "本", "我", "各", "该")):
            found.append(word)
        elif codes[index] == "S" and len(word) >= 2 and index + 1 < len(tagged) and tagged[index + 1][0] in PLACE_SUFFIXES:
            found.append(word + tagged[index + 1][0])
    return sorted(set(found), key=len, reverse=True)


def without_places(text: str, places: list[str]) -> str:
    """Each place name as {地名}: "宜春市实现生产总值{N}亿元" -> "{地名}实现生产总值{N}亿元"."""
    for place in places:
        text = text.replace(place, "{地名}")
    return text


def word_bounds(text: str, words: list[str]) -> set[int]:
    """The offsets where the segmenter's words of `text` begin or end."""
    bounds, at = {0}, 0
    for word in words:
        at += len(word)
        bounds.add(at)
    return bounds if at == len(text) else set(range(len(text) + 1))  # segmenter changed the text: no test


def whole_word_frames(template: str, words: list[str]) -> list[str]:
    """figure_frames, without those that begin or end inside a word ("范户{N}户" from 示范户)."""
    bounds = word_bounds(template, words)
    return [f"{m.group(1)}{{N}}{m.group(2)}" for m in FRAME.finditer(template)
            if m.start(1) in bounds and m.end(2) in bounds]


def for_segmenting(template: str) -> str:
    """The template with each {N} as three digits, so the segmenter sees a figure of the same length."""
    return template.replace("{N}", "000")
