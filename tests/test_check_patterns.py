"""The check rules' patterns, written to start with the character they consume first (so the matcher
jumps from candidate to candidate), find exactly what their plain spelling finds: the same spans and
groups, on every line of the seeds and of the shared corpus, on examples of what each pattern is about with
every character a look-around tests before and after them, and on 30,000 made-up lines of those
characters."""

from __future__ import annotations

import random
import re

import pytest

from drafter.checks import text
from tests.conftest import REPO

HAN = text.HAN
# name in drafter.checks.text -> its plain spelling (as the rules were first written)
PLAIN = {
    "PLACEHOLDER": r"[xX]{2,}|(?<![A-Za-z\d])x(?![A-Za-z\d])|Ｘ{2,}|[×＊*]{2,}|(?<=[共有达为计约近第增长成，、：\s])\*"
                   r"(?=[批家个项万亿元人名次年月日%．.])|○{2,}|〇{2,}|某某"
                   r"|[（(【\[]\s*待[^）)】\]\n]{0,8}[）)】\]]|_{3,}|＿{2,}|在此(?:填写|输入|补充)",
    "DATE_WITH_HAO": r"\d{1,2}月\d{1,2}号",
    "LEADING_ZERO": r"(?<!\d)0\d月|月0\d日",
    "SHORT_YEAR": r"(?<![\d.．\-／/:：])(1[5-9]|2\d|3[0-5])年(?=[度底初末工计总上下]|\d{1,2}月)",
    "SHORT_YEAR_SPAN": r"(?<![\d.])(1[5-9]|2\d)\s*[-—～~]\s*(1[6-9]|2\d|3[0-5])年",
    "WEEKDAY": r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*[（(]?\s*(?:星期|周)([一二三四五六日天])",
    "PERCENT_RANGE": r"(?<![\d.])\d+(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?%)",
    "UNIT_RANGE": r"(?<![\d.])\d+(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?[万亿])",
    "HYPHEN_RANGE": r"(?<![\d.\-/:])(\d{1,3}(?:\.\d+)?)\s*-\s*(\d{1,4}(?:\.\d+)?)(?![\d.\-])"
                    r"(?=\s*(?:%|[个万亿元家项人名次天倍户所台套条件批期周年月日]))",
    "HALF_PUNCT": rf"(?<=[{HAN}])[,;:?!]|[,;:?!](?=[{HAN}])|(?<=[{HAN}])\.(?=$|[{HAN}])",
    "HALF_PARENS": rf"(?<!^)\([^()\n]{{0,80}}[{HAN}][^()\n]{{0,80}}\)|^\([^()\n]{{0,80}}[{HAN}]{{2}}[^()\n]{{0,80}}\)",
    "ELLIPSIS": r"(?<!\.)\.{3,5}(?!\.)|。{3,}|(?<!…)…(?!…)",
    "YEAR_SPAN": r"(?<!\d)(\d{4})\s*[-~～]\s*(\d{4})年",
    "DOUBLED": r"([，。、；：！？])\1+|[，、；：][，。、；：]|。[，、；：]",
    "STRAIGHT_QUOTE": rf"(?<=[{HAN}，。；：、（])[\"']|[\"'](?=[{HAN}，。；：、）])",
    "HAN_SPACE": rf"(?<=[{HAN}])(?<![条章节])[ \u3000]+(?=[{HAN}])",
}
NUMBER_SPACE = r"(?<=\d)[ \u3000]+(?=[%％])"  # the number.space rule's pattern, which has no name
ALPHABET = (list("0123456789.．-／/:：～~—至%％年月日号度底初末工计总上下万亿个家项批人名次 \u3000\t\n,;:?!。，、；：！？…\"'（）()"
                 "一二三四五六七八九十〇○星期周天xXＸ×＊*某_＿待在此填写【】[]Aa条章节共有达为")
            + ["\u4e00", "中", "国", "\u9fff", "12", "5", "05", "24", "2024", "2025", "12.5", "星期三", "周五", "（待", "xx", "**",
               "○○", "___", "……", "...", "。。。", " %", "10-20", "3～5", "比重", "提高", "下午", "号", "月", "年"])


# what each pattern is about, to be tried after and before every character a look-around tests
EXAMPLES = ["12月20号", "1月5号", "05月", "月08日", "24年度", "15年初", "35年计划", "21年3月", "21-25年", "19～22年",
            "2024年12月20日（星期五）", "2024年12月20日周三", "2024年2月30日 星期一", "3-5%", "10～20万", "3.5-6.2亿",
            "5-10个", "2021-2025年", "2021~2025年", "，，", "。，", "、；", "...", "....", "......", "。。。", "…", "……",
            "abc,中", "中,", "中.", "中.中", "(中文)", "(中文)结束", "\"中\"", "中'", "中 文", "中\u3000文", "第九条 中",
            "5 %", "5\u3000％", "xx", "x", "XxX", "××", "**", "共*家", "○○", "〇〇〇", "某某", "（待填写）", "[待定]", "___",
            "＿＿", "在此填写"]
AROUND = ["", "1", "0", ".", "．", "-", "/", ":", "：", "年", "月", "a", "中", "条", " ", "，", "。", "（", "）", "…", "\n"]


def _lines() -> list[str]:
    files = sorted((REPO / "seeds").glob("*.txt"))
    corpus = REPO.parent / "shared" / "corpus" / "text"
    if corpus.is_dir():
        files += sorted(corpus.rglob("*.txt"))[:150]
    lines = [line for path in files for line in path.read_text(encoding="utf-8", errors="replace").split("\n")]
    rng = random.Random(7)
    made_up = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    examples = [before + example + after for example in EXAMPLES for before in AROUND for after in AROUND]
    return lines + made_up + examples


LINES = _lines()


def _matches(pattern: re.Pattern, line: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(line)]


@pytest.mark.parametrize("name", [*PLAIN, "number.space"])
def test_a_rewritten_pattern_finds_what_its_plain_spelling_finds(name):
    if name == "number.space":
        fast = next(r.pattern for r in text.NUMBER_RULES if r.rule == "number.space")
        plain = re.compile(NUMBER_SPACE)
    else:
        fast, plain = getattr(text, name), re.compile(PLAIN[name])
    assert fast.groups == plain.groups
    found = 0
    for line in LINES:
        expected = _matches(plain, line)
        assert _matches(fast, line) == expected, line
        found += bool(expected)
    assert found >= 5, "the lines hardly exercise this pattern"
