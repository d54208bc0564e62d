"""Rules on the words: placeholders, repeated words, years and dates, numbers (GB/T 15835), statistics
wording, punctuation (GB/T 15834)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from drafter.checks.base import Finding, Target
from drafter.document import Heading, Title

HAN = r"\u4e00-\u9fff"


@dataclass(frozen=True)
class PatternRule:
    """A rule that is one pattern: its id, severity, and how a match is told and mended."""

    rule: str
    severity: str
    pattern: re.Pattern  # or anything with finditer(text), such as _Filtered
    message: Callable[[re.Match], str]
    suggestion: Callable[[re.Match], str]


def _apply(target: Target, rules: tuple[PatternRule, ...]) -> list[Finding]:
    """For each rule, a finding at the first match in each block, with the count when there are more."""
    findings = []
    for rule in rules:
        for where, text in target.texts():
            matches = list(rule.pattern.finditer(text))
            if not matches:
                continue
            count = f"（本段共 {len(matches)} 处）" if len(matches) > 1 else ""
            findings.append(target.finding(rule.rule, rule.severity, where, text, matches[0].start(),
                                           rule.message(matches[0]) + count, rule.suggestion(matches[0])))
    return findings


PLACEHOLDER = re.compile(r"[xX]{2,}|(?<![A-Za-z])x(?![A-Za-z])|[×＊*]{2,}|(?<![A-Za-z\d])\*(?![A-Za-z\d]*\*)|○{2,}|某某|（待填写）|XX")
PLACEHOLDER_RULES = (
    PatternRule("placeholder", "error", PLACEHOLDER,
                lambda m: f"留有占位符“{m.group(0)}”", lambda m: "填入实际内容"),
)


def check_placeholders(target: Target) -> list[Finding]:
    """xx, XX, x.xx, *, **, ○○, 某某, （待填写） left in a draft."""
    return _apply(target, PLACEHOLDER_RULES)


REPEATED_CHAR = re.compile(r"(的的|了了|和和|在在|是是|对对|把把)")
REPEATED_CLAUSE = re.compile(rf"([{HAN}\w]{{4,}})[，,、]\s*\1")


class _Filtered:
    """A pattern whose matches are kept only when `keep(text, match)` says so."""

    def __init__(self, pattern: re.Pattern, keep):
        self.pattern, self.keep = pattern, keep

    def finditer(self, text: str):
        return (m for m in self.pattern.finditer(text) if self.keep(text, m))


def _not_reduplication(text: str, match: re.Match) -> bool:
    # "实实在在", "的的确确": AABB words are not typos
    start = match.start()
    return not (start >= 2 and text[start - 2] == text[start - 1])


def _wordy_clause(text: str, match: re.Match) -> bool:
    # "xx亿元、xx亿元" are two figures blanked out alike, not a clause typed twice
    return len(re.findall(rf"[{HAN}]", re.sub(r"[xX*]", "", match.group(1)))) >= 4


REPEAT_RULES = (
    PatternRule("repeat.word", "error", _Filtered(REPEATED_CHAR, _not_reduplication),
                lambda m: f"重复用字“{m.group(0)}”", lambda m: f"改为“{m.group(0)[0]}”"),
    PatternRule("repeat.clause", "error", _Filtered(REPEATED_CLAUSE, _wordy_clause),
                lambda m: f"重复的词句“{m.group(1)}”", lambda m: f"删去重复的“{m.group(1)}”"),
)


def check_repeats(target: Target) -> list[Finding]:
    """Words or clauses typed twice: "的的", "截止9月底,截止9月底"."""
    return _apply(target, REPEAT_RULES)


RELATIVE = re.compile(r"今年|去年|明年|上年度|本年度")
DATE_WITH_HAO = re.compile(r"\d{1,2}月\d{1,2}号")
LEADING_ZERO = re.compile(r"(?<!\d)0\d月|月0\d日")
SHORT_YEAR = re.compile(r"(?<![\d.])(1[5-9]|2\d|3[0-5])年(?=[度底初末工计总上下])")
JIEZHI = re.compile(r"截止(?=\s*(\d|目前|今年|年底|月底|上半年|前三季度|[一二三四五六七八九十]+月))")
DATE_RULES = (
    PatternRule("year.relative", "hint", RELATIVE,
                lambda m: f"“{m.group(0)}”是相对说法，正式文稿宜写明年份", lambda m: "改为具体年份，如“2024年”"),
    PatternRule("year.date", "warning", DATE_WITH_HAO,
                lambda m: f"日期“{m.group(0)}”应写“日”不写“号”", lambda m: m.group(0).replace("号", "日")),
    PatternRule("year.date", "warning", LEADING_ZERO,
                lambda m: f"日期“{m.group(0)}”不写前导零", lambda m: "去掉月、日前面的“0”"),
    PatternRule("year.short", "warning", SHORT_YEAR,
                lambda m: f"年份“{m.group(0)}”写成了简称", lambda m: f"写全年份，如“20{m.group(1)}年”"),
    PatternRule("year.jiezhi", "error", JIEZHI,
                lambda m: "表示时间点应写“截至”，不是“截止”", lambda m: "改为“截至”"),
)


def check_dates(target: Target) -> list[Finding]:
    """Relative dates where a year is meant; 号 and leading zeros in dates; 24年; 截止 before a date."""
    return _apply(target, DATE_RULES)


TITLE_SUMMARY = re.compile(r"(\d{4})年(?:上半年|年中)?(?:[^0-9年]{0,6})?(?:工作)?总结")
TITLE_PLAN = re.compile(r"(\d{4})年(?:[^0-9年]{0,4})?(?:工作)?(计划|思路|打算|要点)")
YEAR_IN_HEADING = re.compile(r"(\d{4})年")


def check_title_years(target: Target) -> list[Finding]:
    """The title's summary and plan years agree with the body's part titles and with the form."""
    blocks = list(target.blocks())
    title = next(((where, b.text) for where, b in blocks if isinstance(b, Title)), None)
    if title is None:
        return []
    where, text = title
    findings = []
    form = target.form
    plan_year = TITLE_PLAN.search(text)
    summary_year = TITLE_SUMMARY.search(text)
    body_plans = [(w, b.text, int(m.group(1))) for (w, b), kind in zip(blocks, target.kinds)
                  if isinstance(b, Heading) and b.level == 1 and kind == "plans" and (m := YEAR_IN_HEADING.search(b.text))]
    if plan_year:
        year = int(plan_year.group(1))
        for _, heading, body_year in body_plans:
            if body_year != year:
                findings.append(target.finding(
                    "year.title", "error", where, text, plan_year.start(),
                    f"标题中的计划年度为{year}年，正文“{heading}”为{body_year}年", "统一标题与正文的年度"))
        if form and form.plan and year != form.plan_year:
            findings.append(target.finding("year.title", "error", where, text, plan_year.start(),
                                           f"标题中的计划年度为{year}年，表单中为{form.plan_year}年", "统一年度"))
    if summary_year and form and int(summary_year.group(1)) != form.meta.year and form.meta.kind != "multi-year":
        findings.append(target.finding("year.title", "error", where, text, summary_year.start(),
                                       f"标题中的总结年度为{summary_year.group(1)}年，表单中为{form.meta.year}年", "统一年度"))
    return findings


FULL_WIDTH_DIGIT = re.compile(r"[０-９]+")
PERCENT_RANGE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?%)")
UNIT_RANGE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?[万亿])")
NUMBER_RULES = (
    PatternRule("number.fullwidth", "warning", FULL_WIDTH_DIGIT,
                lambda m: f"数字“{m.group(0)}”是全角字符", lambda m: "改为半角阿拉伯数字"),
    PatternRule("number.range", "warning", PERCENT_RANGE,
                lambda m: "数值范围两端都应带“%”", lambda m: f"写作“{m.group(0)}%～…%”"),
    PatternRule("number.range", "warning", UNIT_RANGE,
                lambda m: "数值范围两端的“万”“亿”都应保留", lambda m: f"写作“{m.group(0)}万～…万”"),
)


def check_number_style(target: Target) -> list[Finding]:
    """GB/T 15835: half-width digits; % and 万/亿 on both ends of a range."""
    return _apply(target, NUMBER_RULES)


SHARE_IN_PERCENT = re.compile(r"(比重|占比|强度|比例)[^。；，,]{0,10}?(提高|增长|上升|下降|降低|增加|减少)了?\s*\d+(?:\.\d+)?%")
SIGN_WORD = re.compile(r"(增长|提高|增加|上升|下降|减少|降低)了?\s*[-−]\s*\d")
FALL_TIMES = re.compile(r"(下降|减少|降低)了?\s*\d+(?:\.\d+)?\s*倍")
STATS_RULES = (
    PatternRule("stats.points", "warning", SHARE_IN_PERCENT,
                lambda m: "比重、比例的变化应以“个百分点”表示，而不是“%”", lambda m: "改为“提高/降低N个百分点”"),
    PatternRule("stats.sign", "error", SIGN_WORD,
                lambda m: f"“{m.group(1)}”后面跟了负数，方向词与正负号矛盾", lambda m: "去掉负号并换用相反的方向词"),
    PatternRule("stats.fold", "error", FALL_TIMES,
                lambda m: "“下降N倍”不成立（最多下降100%）", lambda m: "改为“下降N%”或“降至原来的几分之一”"),
)


def check_statistics_wording(target: Target) -> list[Finding]:
    """A share changes in 个百分点; direction word and sign agree; nothing "下降N倍"."""
    return _apply(target, STATS_RULES)


HALF_PUNCT = re.compile(rf"(?<=[{HAN}])[,;:?!]|[,;:?!](?=[{HAN}])")
HALF_PARENS = re.compile(rf"\([^()]*[{HAN}][^()]*\)")
ELLIPSIS = re.compile(r"\.{3,}|。{3,}|…(?!…)")
YEAR_SPAN = re.compile(r"(?<!\d)(\d{4})\s*[-~～]\s*(\d{4})年")
PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"), ("【", "】"))
PUNCTUATION_RULES = (
    PatternRule("punct.halfwidth", "warning", HALF_PUNCT,
                lambda m: f"中文中使用了半角标点“{m.group(0)}”", lambda m: "改为全角标点（，；：？！）"),
    PatternRule("punct.halfwidth", "warning", HALF_PARENS,
                lambda m: "中文中使用了半角括号“( )”", lambda m: "改为全角括号“（ ）”"),
    PatternRule("punct.ellipsis", "warning", ELLIPSIS,
                lambda m: f"省略号写成了“{m.group(0)}”", lambda m: "改为“……”"),
    PatternRule("punct.span", "warning", YEAR_SPAN,
                lambda m: "年份起止应使用一字线“—”", lambda m: f"写作“{m.group(1)}—{m.group(2)}年”"),
)


def check_punctuation(target: Target) -> list[Finding]:
    """GB/T 15834: full-width punctuation in Chinese text, matched pairs, ……, year spans with —."""
    findings = _apply(target, PUNCTUATION_RULES)
    for where, text in target.texts():
        for opening, closing in PAIRS:
            depth = 0
            for position, char in enumerate(text):
                depth += (char == opening) - (char == closing)
                if depth < 0:
                    break
            if depth != 0:
                findings.append(target.finding(
                    "punct.unmatched", "error", where, text, max(text.rfind(opening), 0) if depth > 0 else position,
                    f"“{opening}{closing}”不成对", f"补上缺少的“{closing if depth > 0 else opening}”"))
    return findings
