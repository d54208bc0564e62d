"""The faster ways mining and reading find things give exactly what the plain ways gave.

Each fast path (a regex matched after a break instead of looked behind for, a cheap test before a regex,
a bank's YAML nodes built directly) is compared with the plain definition it replaced, on every line of
the seeds and of the shared corpus, and on made-up edge cases.
"""

from __future__ import annotations

import re
from itertools import compress, count
from operator import itemgetter

import pytest
import yaml

from drafter.catalogue import catalogue
from drafter.mining import bank, indicator_phrasing, patterns, segment
from drafter.numbering import MARKERS
from drafter.reading import clean, headings, read
from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus" / "text"
EDGE_CASES = [
    "", " ", "。", "。。", "；;！？", "一、", "（一）", "(二)加强领导", "一是加强领导。二是完善制度；", "１．全角数字",
    "第三条 实行分级管理。", "第十二章", "2019年工作总结", "xx县委县政府高度重视", "20xx年完成投资xx万元，增长*%",
    "在县委县政府的坚强领导下，现将工作总结如下：", "一、今年工作 创新培育（一）科技创新工作不断推进1、高新技术产业",
    "“好品山东 商行天下” 一、总体要求", "白岩、傅尚文等3人", "张三同志讲话", "等{N}人", "截至目前，我们将继续推进以下工作，",
    "重点要抓好以下几项工作。我们要继续深化改革，着力推进各项工作，", "a_b c-d（e）", "Ⅱ号①项", "\u3000\u3000一、总体情况",
    "？？·•开头的杂项", "\u3000 ●■>★要点", "\ufffd乱码", "为全县经济社会发展作出新的更大贡献。", "全年新认定国家高新技术企业12家，同比增长12.5%",
]


def _texts() -> list[str]:
    files = sorted((REPO / "seeds").glob("*.txt"))
    if CORPUS.is_dir():
        files += sorted(CORPUS.rglob("*.txt"))[:60]
    lines = [line for path in files for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [line for line in lines if line.strip()] + EDGE_CASES


TEXTS = _texts()
SENTENCES = [s for text in TEXTS for s in patterns.sentences(headings.normalise(text))] + EDGE_CASES


def test_the_texts_are_real_and_many():
    assert len(TEXTS) > 500 and len(SENTENCES) > 1000


def test_normalise_is_the_translation_it_replaced():
    for text in TEXTS:
        assert headings.normalise(text) == text.translate(headings.HALF_TO_FULL)


def test_sentences_are_the_pieces_of_the_look_behind_split():
    for text in TEXTS:
        normalised = headings.normalise(text)
        assert patterns.sentences(normalised) == [s.strip() for s in patterns.SENTENCE_END.split(normalised) if s.strip()]


def test_figure_clauses_names_and_abstraction_as_before():
    for sentence in SENTENCES:
        plain = patterns.ITEM_LEAD.sub("", sentence)
        assert patterns.figure_clauses(sentence) == [
            c.strip() for c in patterns.CLAUSE_SPLIT.split(plain)
            if patterns.CLAUSE_MIN <= len(c.strip()) <= patterns.CLAUSE_MAX and patterns.FIGURE.search(c)]
        assert patterns.names_a_person(sentence) == (patterns.NAME_LIST.search(sentence) is not None)
        abstracted = patterns.FIGURE.sub("{N}", patterns.LEADERS.sub("{领导机关}", patterns.YEAR.sub("{年}", sentence)))
        assert patterns.abstract(sentence) == abstracted.replace("{N}{N}", "{N}")


def test_plan_lead_alternative_finds_what_the_whole_pattern_finds():
    for sentence in SENTENCES:
        chosen = patterns.plan_lead_pattern(sentence)
        found = [m.group(0) for m in chosen.finditer(sentence)] if chosen else []
        assert found == [m.group(0) for m in patterns.PLAN_LEAD.finditer(sentence)]
        assert (chosen is not None) == patterns.maybe_plan_lead(sentence)


def _place_names_as_before(tagged):
    found = []
    for index in compress(count(), map(patterns.PLACE_TAGS.__contains__, map(itemgetter(1), tagged))):
        word, tag = tagged[index]
        if len(word) >= 3 and word[-1] in patterns.PLACE_SUFFIXES and not word.startswith(("全", "本", "我", "各", "该")):
            found.append(word)
        elif tag == "ns" and len(word) >= 2 and index + 1 < len(tagged) and tagged[index + 1][0] in patterns.PLACE_SUFFIXES:
            found.append(word + tagged[index + 1][0])
    return sorted(set(found), key=len, reverse=True)


def test_tag_codes_give_the_place_names_and_verb_objects_of_the_tags():
    places = 0
    for text in TEXTS[::3]:
        tagged = segment.tagged(headings.normalise(text))
        codes = patterns.tag_codes(tagged)
        assert len(codes) == len(tagged)
        assert patterns.place_names(tagged) == _place_names_as_before(tagged)
        places += len(patterns.place_names(tagged))
        plain = "".join("V" if tag == "v" else "N" if tag in patterns.OBJECT_TAGS else "." for _, tag in tagged)
        assert [m.span() for m in re.finditer(r"V(N{1,3})", plain)] == [m.span() for m in re.finditer(r"V([NZ]{1,3})", codes)]
    assert places > 0


def test_words_are_the_words_of_the_tagged_text():
    for text in TEXTS[::3]:
        normalised = headings.normalise(text)
        assert segment.words(normalised) == [word for word, _ in segment.tagged(normalised)]


def test_running_text_markers_are_those_of_the_look_behind_patterns():
    for text in TEXTS:
        starts = sorted({m.start() for m in headings.INLINE_MARKER.finditer(text)}
                        | {m.start() for m in headings.INLINE_DIGIT_MARKER.finditer(text)})
        fast = sorted({m.start(1) for m in headings._MARKER_AFTER_BREAK.finditer(text)}
                      | {m.start(1) for m in headings._DIGIT_MARKER_AFTER_END.finditer(text)}
                      | ({0} if headings._MARKER_AT_START.match(text) else set()))
        assert fast == starts
        found = headings._MARKER_AT_START.match(text) or headings._ANY_MARKER_AFTER_BREAK.search(text)
        assert bool(found) == bool(starts)


def test_white_space_is_what_backslash_s_matches():
    assert headings.WHITE_SPACE == "".join(chr(code) for code in range(0x110000) if re.match(r"\s", chr(code)))


def _cut_at_space_as_before(piece):
    depth = 0
    for index, char in enumerate(piece):
        if char in "“‘《「":
            depth += 1
        elif char in "”’》」":
            depth = max(depth - 1, 0)
        elif char in " \u3000" and depth == 0:
            if index > headings.STANDALONE or headings.RUN_IN_END.search(piece[:index]):
                return piece, ""
            return piece[:index], piece[index:].strip()
    return piece, ""


def test_cut_at_space_and_the_marker_first_character():
    for text in TEXTS:
        assert headings._cut_at_space(text) == _cut_at_space_as_before(text)
        stripped = text.strip()
        if stripped and stripped[0] not in headings._MARKER_FIRST and not stripped[0].isdecimal():
            assert headings.match_article(stripped) is None
            assert all(pattern.match(stripped) is None for _, pattern in MARKERS)


def _is_clutter_as_before(line):
    if clean.PAGE_COUNTER.match(line):
        return True
    if len(line) > clean.SHORT:
        return False
    if any(word in line for word in clean.ALWAYS_CLUTTER):
        return True
    if re.search(r"[，。！？；]$|[，,]", line) and not any(word in line for word in clean.SITE_SENTENCE):
        return False
    return any(word in line and not clean._bare_label(line, word) for word in clean.CLUTTER_WORDS)


def test_markers_and_problem_leads_as_before():
    from drafter.numbering import chinese_number, match_marker
    from drafter.reading import classify

    for text in TEXTS + ["（１）全角", "１２、全角编号", "(三)加强", "十一、总结"]:
        line = text.strip()
        found = None
        for level, pattern in MARKERS:
            match = pattern.match(line)
            value = match and (int(match.group(1)) if match.group(1).isdigit() else chinese_number(match.group(1)))
            if value:
                found = (level, value, match.group(0))
                break
        assert match_marker(line) == found
        head = line[:60]
        assert classify._names_a_problem(head) == (classify.PROBLEM_LEAD.search(head) is not None)


def test_line_cleaning_and_title_comparison_as_before():
    furniture = ["首页 > 新闻", "资料来源：", "来源：新华网", "http://x.cn", "第 3 页", "分享到微信", "本站会员下载"]
    for text in TEXTS + furniture:
        assert clean.is_clutter(text.strip()) == _is_clutter_as_before(text.strip())
    assert sum(map(clean.is_clutter, furniture)) >= 5
    title = "2019年科技工作总结"
    for text in TEXTS + ["2019 科技工作 总结", "２０１９年科技工作总结", "2019年科技工作总结 2019年科技工作总结正文"]:
        assert clean.fingerprint(text) == re.sub(r"[\W_]+", "", text)
        assert text.lstrip(clean._LEADING_CHARACTERS) == clean.LEADING_JUNK.sub("", text)
        same = clean.fingerprint(text).replace("年", "") == clean.fingerprint(title).replace("年", "")
        assert read._same_title(text, title) == same


def test_indicator_candidates_as_before():
    heads = [c for s in SENTENCES for c in patterns.figure_clauses(s)] + ["高新技术企业增加值", "新认定国家高新技术企业"]
    for head in heads:
        for hint in (None, "tech_sme"):
            found = sorted(((max(len(k) for k in e.keywords if k in head), e) for e in catalogue()
                            if any(k in head for k in e.keywords)), key=lambda pair: (pair[1].id != hint, -pair[0]))
            assert indicator_phrasing._candidates(head, hint) == [entry for _, entry in found]


HEADER = "# drafter 短语库（由 drafter mine 生成；格式见 schemas/phrasebank.schema.yaml）\n"


@pytest.mark.parametrize("data", [
    {"version": 1, "documents": 3, "files": ["a.txt", "b 文稿.txt"], "texts": [
        "", " x", "x ", "yes", "no", "null", "~", "1", "1.0", "0x1F", "2024-01-01", "a: b", "- x", "#c", "'q'", '"d"',
        "\t", "é", "\u2028", "多行\n文字", "x" * 1200, "{N}家", "[1]", "*a", "&a", "!t", "%p", "@a", "`b", "|", ">"]},
    {"floats": [1.5, 0.1, 1e17, -2.25, float("inf"), float("-inf"), -0.0, 2.0], "flags": [True, False],
     "nested": {"empty_list": [], "empty_map": {}, "deep": [[{"a": [1, 2]}]]}},
])
def test_bank_yaml_is_what_yaml_dump_writes(data):
    expected = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000)
    assert bank.dump_bank(data) == HEADER + expected


def test_bank_yaml_falls_back_for_other_values_and_shared_containers():
    shared = ["共用"]
    for data in ({"a": shared, "b": shared}, {"none": None}):
        assert bank.dump_bank(data) == HEADER + yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True,
                                                          sort_keys=False, width=1000)
    assert "*id001" in bank.dump_bank({"a": shared, "b": shared})
