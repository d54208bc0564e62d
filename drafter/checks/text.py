"""Rules on the words: placeholders, repeated words, years and dates, numbers (GB/T 15835), statistics
wording, punctuation (GB/T 15834)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Callable, NamedTuple

from drafter import recache
from drafter.checks.base import Finding, Target
from drafter.checks.lines import Lines
from drafter.document import Heading, Signature, Title

HAN = r"\u4e00-\u9fff"
# The patterns below start with the character they consume first, and put a look-behind after it
# ("0(?<!\d0)" for "(?<!\d)0"): the matcher then jumps from candidate to candidate instead of trying
# every position, 2-10 times faster. tests/test_check_patterns.py holds the plain spelling of each and
# checks both find the same matches.


class PatternRule(NamedTuple):
    """A rule that is one pattern: its id, severity, and how a match is told and mended.

    Patterns here must run in linear time: no nested or overlapping unbounded repeats."""

    rule: str
    severity: str
    pattern: re.Pattern  # or anything with finditer(text), such as _Filtered
    message: Callable[[re.Match], str]
    suggestion: Callable[[re.Match], str]
    fix: Callable[[re.Match], str] | None = None  # a certain, mechanical replacement of the match


MAX_PER_LINE = 20  # findings of one rule in one line: enough to show, few enough to read


def _apply(target: Target, rules: tuple[PatternRule, ...]) -> list[Finding]:
    """A finding at each match of each rule in each line."""
    findings = []
    lines = target.joined_lines()
    for rule in rules:
        finditer = rule.pattern.finditer
        for index in lines.candidates(_pattern_of(rule)):
            where, text = lines.texts[index]
            for match in islice(finditer(text), MAX_PER_LINE):
                findings.append(target.finding(rule.rule, rule.severity, where, text, match.start(),
                                               rule.message(match), rule.suggestion(match), match.group(0),
                                               rule.fix(match) if rule.fix else None))
    return findings


def _pattern_of(rule: PatternRule) -> re.Pattern | None:
    """The compiled pattern behind a rule (a filtered one's, whose matches are a subset), or None."""
    pattern = rule.pattern
    return pattern if isinstance(pattern, re.Pattern) else getattr(pattern, "pattern", None)


CN_DIGITS = "〇○零一二三四五六七八九十"
_TO_FILL = r"\s*待[^）)】\]\n]{0,8}[）)】\]]"  # （待填写）, [待定]
PLACEHOLDER = recache.compile(
    r"x[xX]+|X[xX]+|x(?<![A-Za-z\d]x)(?![A-Za-z\d])|ＸＸ+|×[×＊*]+|＊[×＊*]+|\*[×＊*]+"
    r"|\*(?<=[共有达为计约近第增长成，、：\s]\*)(?=[批家个项万亿元人名次年月日%．.])|○○+|〇〇+|某某"
    rf"|（{_TO_FILL}|\({_TO_FILL}|【{_TO_FILL}|\[{_TO_FILL}|___+|＿＿+|在此(?:填写|输入|补充)")


def _not_a_numeral_year(text: str, match: re.Match) -> bool:
    # 二○○○年, 二〇二四年: zeros inside a year written in Chinese numerals are no placeholder
    if match.group(0)[0] not in "○〇":
        return True
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return not (before in CN_DIGITS and before or after in CN_DIGITS + "年月日" and after)


class _Filtered:
    """A pattern whose matches are kept only when `keep(text, match)` says so."""

    def __init__(self, pattern: re.Pattern, keep):
        self.pattern, self.keep = pattern, keep

    def finditer(self, text: str):
        return (m for m in self.pattern.finditer(text) if self.keep(text, m))


REPEATED_CHAR = recache.compile(r"(的的|了了|和和|在在|是是|对对|把把)")


@lru_cache(maxsize=1)
def _jieba():
    """jieba, loaded only when a doubled character is found, without its start-up chatter."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _typed_twice(text: str, match: re.Match) -> bool:
    """"的的" typed twice, not a word: AABB reduplication (实实在在, 的的确确, 和和美美) and word
    boundaries (目的的, 应对对外, 实事求是是) are told apart by segmenting the words around it."""
    start, end = match.start(), match.end()
    if start >= 2 and text[start - 2] == text[start - 1]:
        return False
    if end + 1 < len(text) and text[end] == text[end + 1]:
        return False
    left = max(0, start - 8)
    window = text[left:min(len(text), end + 8)]
    position = 0
    for word in _jieba().lcut(window, HMM=False):
        word_start, word_end = left + position, left + position + len(word)
        position += len(word)
        if len(word) > 1 and word_start < end and word_end > start:
            return False  # one of the two characters belongs to a longer word
    return True


def repeated_clauses(text: str, longest: int = 40):
    """(start, clause) where a clause of 4+ characters is typed again right after a ，、 or ",".

    The copy must end where a clause ends, so "进行检测验证，检测验证合格的" (a clause picking up the
    last words of the one before) is no repeat. Linear: each separator compares at most `longest`
    characters either side (a backtracking regex took 165 s on a 400 KB line)."""
    for sep in re.finditer(r"[，,、]\s*", text):
        following = text[sep.end():sep.end() + 1]
        if sep.start() < 4 or not following or text.find(following, max(0, sep.start() - longest), sep.start() - 3) < 0:
            continue  # no clause of 4+ characters before the separator starts as the text after it does
        before_start = sep.start()
        while before_start > 0 and sep.start() - before_start < longest and _wordy(text[before_start - 1]):
            before_start -= 1
        whole = sep.start() - before_start
        # in a 、 list only a whole item typed twice is a repeat: "本硕博连读、硕博连读" names two things
        for size in range(whole, 3, -1) if text[sep.start()] != "、" else (whole,):
            if text[sep.start() - size:sep.start() - size + 1] != following:
                continue  # the copy would start with another character: no need to compare the rest
            clause, end = text[sep.start() - size:sep.start()], sep.end() + size
            if text[sep.end():end] == clause and not (end < len(text) and _wordy(text[end])):
                if len(re.findall(rf"[{HAN}]", re.sub(r"[xX*]", "", clause))) >= 4:
                    yield sep.start() - size, clause
                break


def _wordy(char: str) -> bool:
    return char.isalnum() or "\u4e00" <= char <= "\u9fff"


class _Clauses:
    """repeated_clauses() as a pattern: match-like objects for _apply."""

    def finditer(self, text: str):
        return (_Match(start, clause) for start, clause in repeated_clauses(text))


class _Match(NamedTuple):
    at: int
    clause: str

    def start(self) -> int:
        return self.at

    def group(self, index: int = 0) -> str:
        return self.clause


REPEAT_RULES = (
    PatternRule("repeat.word", "error", _Filtered(REPEATED_CHAR, _typed_twice),
                lambda m: f"重复用字“{m.group(0)}”", lambda m: f"改为“{m.group(0)[0]}”"),
    PatternRule("repeat.clause", "error", _Clauses(),
                lambda m: f"重复的词句“{m.group(1)}”", lambda m: f"删去重复的“{m.group(1)}”"),
)


def check_repeats(target: Target) -> list[Finding]:
    """Words or clauses typed twice: "的的", "截止9月底,截止9月底"."""
    return _apply(target, REPEAT_RULES)


RELATIVE = recache.compile(r"今年|去年|明年|前年|上年度|本年度|近期|日前|明天|昨天|今天|后天|下周|上周|本周|下个月|上个月")
DATE_WITH_HAO = recache.compile(r"\d\d?月\d{1,2}号")
LEADING_ZERO = recache.compile(r"0(?<!\d0)\d月|月0\d日")
NOT_AFTER_A_NUMBER = r"(?<![\d.．\-／/:：].)"  # after the first digit: what comes before it
SHORT_YEAR = recache.compile(rf"(1{NOT_AFTER_A_NUMBER}[5-9]|2{NOT_AFTER_A_NUMBER}\d|3{NOT_AFTER_A_NUMBER}[0-5])年"
                             r"(?=[度底初末工计总上下]|\d{1,2}月)")
SHORT_YEAR_SPAN = recache.compile(r"(1(?<![\d.].)[5-9]|2(?<![\d.].)\d)\s*[-—～~]\s*(1[6-9]|2\d|3[0-5])年")
WEEKDAY = recache.compile(r"(\d\d{3})年(\d{1,2})月(\d{1,2})日\s*[（(]?\s*(?:星期|周)([一二三四五六日天])")
CLOCK = recache.compile(r"(上午|早上|下午|晚上)\s*(1[3-9]|2[0-3])\s*[:：时]\s*\d{0,2}")
SIGN_DATE = recache.compile(r"^[\s　]*[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日[\s　]*$")
WEEKDAYS = "一二三四五六日"


def _wrong_weekday(text: str, match: re.Match) -> bool:
    from datetime import date

    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return False
    written = 6 if match.group(4) in "日天" else WEEKDAYS.index(match.group(4))
    return day.weekday() != written


def _weekday_of(m: re.Match) -> str:
    from datetime import date

    try:
        return "星期" + WEEKDAYS[date(int(m.group(1)), int(m.group(2)), int(m.group(3))).weekday()]
    except ValueError:
        return "核对日期"


DATE_RULES = (
    PatternRule("year.relative", "hint", RELATIVE,
                lambda m: f"“{m.group(0)}”是相对说法，正式文稿宜写明年份日期", lambda m: "改为具体的年份或日期（如本文稿所写的年度）。"),
    PatternRule("year.date", "warning", DATE_WITH_HAO,
                lambda m: f"日期“{m.group(0)}”应写“日”不写“号”", lambda m: m.group(0).replace("号", "日"),
                lambda m: m.group(0).replace("号", "日")),
    PatternRule("year.date", "warning", LEADING_ZERO,
                lambda m: f"日期“{m.group(0)}”不写前导零", lambda m: "去掉月、日前面的“0”"),
    PatternRule("year.short", "warning", SHORT_YEAR,
                lambda m: f"年份“{m.group(0)}”写成了简称", lambda m: f"写全年份，如“20{m.group(1)}年”"),
    PatternRule("year.short", "warning", SHORT_YEAR_SPAN,
                lambda m: f"年份“{m.group(0)}”写成了简称", lambda m: f"写全年份，如“20{m.group(1)}—20{m.group(2)}年”"),
    PatternRule("year.weekday", "error", _Filtered(WEEKDAY, _wrong_weekday),
                lambda m: f"“{m.group(1)}年{m.group(2)}月{m.group(3)}日”与所注星期不符", lambda m: f"应为{_weekday_of(m)}，请核对日期"),
    PatternRule("year.clock", "warning", CLOCK,
                lambda m: f"“{m.group(0)}”：24小时制时刻前不加“上午/下午”", lambda m: f"写作“{m.group(2)}:…”或“下午{int(m.group(2)) - 12}时…”"),
    PatternRule("year.signdate", "warning", SIGN_DATE,
                lambda m: "成文日期应用阿拉伯数字书写（GB/T 9704—2012）", lambda m: "写作“2024年12月20日”"),
)


def check_dates(target: Target) -> list[Finding]:
    """Relative dates; 号 and leading zeros; 24年; weekday vs date; 下午14:30; 成文日期 in Chinese numerals."""
    return _apply(target, DATE_RULES)


TITLE_SUMMARY = recache.compile(r"(\d{4})年(?:上半年|年中)?(?:[^0-9年]{0,6})?(?:工作)?总结")
TITLE_PLAN = recache.compile(r"(\d{4})年(?:[^0-9年]{0,4})?(?:工作)?(计划|思路|打算|要点)")
YEAR_IN_HEADING = recache.compile(r"(\d{4})年")


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
    if summary_year:
        findings += _signing_year(target, blocks, int(summary_year.group(1)))
    return findings


SIGN_YEAR = recache.compile(r"^\s*(\d{4})\s*年")  # the reader takes a 落款 dated in figures (GB/T 9704)


def _signing_year(target: Target, blocks: list, year: int) -> list[Finding]:
    """A summary of `year` is signed in that year or early in the next (a typed 2031, last year's copy)."""
    findings = []
    for where, block in blocks:
        found = SIGN_YEAR.match(block.date) if isinstance(block, Signature) else None
        if found and (signed := int(found.group(1))) not in (year, year + 1):
            findings.append(target.finding(
                "year.signyear", "warning", where, block.date, found.start(1),
                f"成文日期为{signed}年，而这是{year}年的总结", f"核对成文日期，应在{year}年或{year + 1}年"))
    return findings


FULL_WIDTH_DIGIT = recache.compile(r"[０-９]+")
PERCENT_RANGE = recache.compile(r"\d(?<![\d.]\d)\d*(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?%)")
UNIT_RANGE = recache.compile(r"\d(?<![\d.]\d)\d*(?:\.\d+)?(?=[～~—\-至]\d+(?:\.\d+)?[万亿])")
# 3-5个, 10-20%: a hyphen between two figures before a unit (not dates 2024-12-20, years, phone numbers)
HYPHEN_RANGE = recache.compile(r"(\d(?<![\d.\-/:]\d)\d{0,2}(?:\.\d+)?)\s*-\s*(\d{1,4}(?:\.\d+)?)(?![\d.\-])(?=\s*(?:%|[个万亿元家项人名次天倍户所台套条件批期周年月日]))")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
NUMBER_RULES = (
    PatternRule("number.fullwidth", "warning", FULL_WIDTH_DIGIT,
                lambda m: f"数字“{m.group(0)}”是全角字符", lambda m: "改为半角阿拉伯数字",
                lambda m: m.group(0).translate(FULLWIDTH_DIGITS)),
    PatternRule("number.range", "warning", PERCENT_RANGE,
                lambda m: "数值范围两端都应带“%”", lambda m: f"写作“{m.group(0)}%～…%”"),
    PatternRule("number.range", "warning", UNIT_RANGE,
                lambda m: "数值范围两端的“万”“亿”都应保留", lambda m: f"写作“{m.group(0)}万～…万”"),
    PatternRule("number.space", "warning", recache.compile(r"[ \u3000](?<=\d.)[ \u3000]*(?=[%％])"),
                lambda m: "数字与“%”之间有空格", lambda m: "删去空格", lambda m: ""),
    PatternRule("number.dash", "warning", HYPHEN_RANGE,
                lambda m: f"数值范围“{m.group(0)}”用了连字符“-”", lambda m: f"写作“{m.group(1)}～{m.group(2)}”",
                lambda m: f"{m.group(1)}～{m.group(2)}"),
)


def check_number_style(target: Target) -> list[Finding]:
    """GB/T 15835: half-width digits; % and 万/亿 on both ends of a range; 3～5, not 3-5."""
    return _apply(target, NUMBER_RULES)


SHARE_IN_PERCENT = recache.compile(r"(比重|占比|强度|比例)[^。；，,]{0,10}?(提高|增长|上升|下降|降低|增加|减少)了?\s*\d+(?:\.\d+)?%")
SIGN_WORD = recache.compile(r"(增长|提高|增加|上升|下降|减少|降低)了?\s*[-−]\s*\d")
FALL_TIMES = recache.compile(r"(下降|减少|降低)了?\s*\d+(?:\.\d+)?\s*倍")
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


HALF_PUNCT = recache.compile(rf"[,;:?!.](?:(?<=[{HAN}][,;:?!])|(?<=[,;:?!])(?=[{HAN}])|(?<=[{HAN}]\.)(?=$|[{HAN}]))")
# (not a heading's "(一)" at the start of a line: numbering.bracket reports that one)
HALF_PARENS = recache.compile(rf"\((?:(?<!^\()[^()\n]{{0,80}}[{HAN}][^()\n]{{0,80}}\)|(?<=^\()[^()\n]{{0,80}}[{HAN}]{{2}}[^()\n]{{0,80}}\))")
ELLIPSIS = recache.compile(r"\.(?<!\.\.)\.{2,4}(?!\.)|。{3,}|…(?<!……)(?!…)")  # longer dot runs lead a contents line to its page
YEAR_SPAN = recache.compile(r"(\d(?<!\d\d)\d{3})\s*[-~～]\s*(\d{4})年")
DOUBLED = recache.compile(r"[，。、；：！？](?:(?<=(.))\1+|(?<=[，、；：])[，。、；：]|(?<=。)[，、；：])")
STRAIGHT_QUOTE = recache.compile(rf"[\"'](?:(?<=[{HAN}，。；：、（].)|(?=[{HAN}，。；：、）]))")
# not the space after 第九条 or a heading's number, which GB/T 9704 practice writes on purpose
HAN_SPACE = recache.compile(rf"[ \u3000](?<=[{HAN}].)(?<![条章节].)[ \u3000]*(?=[{HAN}])")
HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"})
# (opening, closing, half-width stand-ins): a “ closed by a straight " or a （ by a ) is a pair with a
# wrong glyph (punct.quotes / punct.halfwidth say so), not a missing mark.
PAIRS = (("“", "”", '"', '"'), ("（", "）", "(", ")"), ("《", "》", "", ""), ("‘", "’", "'", "'"), ("【", "】", "", ""))
PUNCTUATION_RULES = (
    PatternRule("punct.halfwidth", "warning", HALF_PUNCT,
                lambda m: f"中文中使用了半角标点“{m.group(0)}”", lambda m: "改为全角标点（，；：？！。）",
                lambda m: m.group(0).translate(HALF_TO_FULL)),
    PatternRule("punct.halfwidth", "warning", HALF_PARENS,
                lambda m: "中文中使用了半角括号“( )”", lambda m: "改为全角括号“（ ）”",
                lambda m: "（" + m.group(0)[1:-1] + "）"),
    PatternRule("punct.ellipsis", "warning", ELLIPSIS,
                lambda m: f"省略号写成了“{m.group(0)}”", lambda m: "改为“……”"),
    PatternRule("punct.span", "warning", YEAR_SPAN,
                lambda m: "年份起止应使用一字线“—”", lambda m: f"写作“{m.group(1)}—{m.group(2)}年”",
                lambda m: f"{m.group(1)}—{m.group(2)}年"),
    PatternRule("punct.doubled", "error", DOUBLED,
                lambda m: f"标点“{m.group(0)}”重复或连用", lambda m: "只保留一个合适的标点"),
    PatternRule("punct.quotes", "warning", STRAIGHT_QUOTE,
                lambda m: "中文中使用了直引号", lambda m: "改为弯引号“”或‘’"),
)
SPACE_RULES = (
    PatternRule("punct.space", "warning", HAN_SPACE,
                lambda m: "汉字之间有空格", lambda m: "删去空格", lambda m: ""),
)
LONG_ENOUGH_FOR_SPACES = 30  # titles, names and 落款 lines are spaced out on purpose


def check_punctuation(target: Target) -> list[Finding]:
    """GB/T 15834: full-width punctuation in Chinese text (headings too), no doubled marks, curly
    quotes, matched pairs within a paragraph, ……, year spans with —; no spaces inside running text."""
    findings = _apply(target, PUNCTUATION_RULES)
    spaced = [(w, t) for w, t in target.texts() if len(t) > LONG_ENOUGH_FOR_SPACES]
    findings += _apply(_LinesOnly(target, spaced), SPACE_RULES)
    for lines in paragraphs(target):
        findings += _unmatched(target, lines)
    return findings


class _LinesOnly(NamedTuple):
    """A view of a target that yields only the given lines."""

    target: Target
    lines: list

    def texts(self):
        return iter(self.lines)

    def joined_lines(self) -> Lines:
        return Lines(self.lines)

    def finding(self, *args, **kwargs):
        return self.target.finding(*args, **kwargs)


PARAGRAPH_END = recache.compile(r"[。！？；：:!?;]\s*[”’）)]?\s*$")


def paragraphs(target: Target):
    """Lines grouped into the paragraphs they belong to: a line that does not end a sentence runs on
    into the next one unless that one starts a heading (text copied from a PDF or web page breaks
    lines inside paragraphs, and a 《…》 or “…” may open on one line and close on the next)."""
    from drafter.reading.headings import match_heading

    group = []
    for where, text in target.texts():
        if group and match_heading(text):
            yield group
            group = []
        group.append((where, text))
        if PARAGRAPH_END.search(text) or len(group) >= 60:
            yield group
            group = []
    if group:
        yield group


def _enumerator(text: str, position: int) -> bool:
    """Whether the ）at `position` closes a list number ("1）", "12）", "a)") that starts a clause."""
    for size in (1, 2):
        start = position - size
        number = text[start:position] if start >= 0 else ""
        follows = text[position + 1:position + 2]
        if (number.isascii() and (number.isdigit() or size == 1 and number.isalpha())
                and (start == 0 or text[start - 1] in "：:；;，,。") and (not follows or follows not in "。，；、")):
            return True
    return False


def _unmatched(target: Target, lines: list[tuple[int, str]]) -> list[Finding]:
    """A finding for each kind of pair left unmatched in a paragraph; an opening mark closed by the
    closing mark of another kind close by ("“两库’", "各省“区、市）") is one wrong glyph, reported once."""
    opened, closed = [], []  # (pair, where, text, position) of what is left unmatched
    paragraph = "".join(text for _, text in lines)
    for pair in PAIRS:
        if not any(mark and mark in paragraph for mark in pair):
            continue  # none of the pair's marks here (most paragraphs, most pairs): nothing to match
        left = _left_unmatched(pair, lines)
        if left:
            (opened if left[0] > 0 else closed).append((pair, *left[1:]))
    findings = []
    for pair, where, text, position in opened:
        other = next((c for c in closed if c[1] == where and 0 < c[3] - position <= WRONG_GLYPH_REACH
                      and not SENTENCE_END.search(text, position, c[3])), None)
        if other:
            closed.remove(other)
            closing = other[2][other[3]]
            findings.append(target.finding(
                "punct.unmatched", "error", where, text, position, f"引号或括号前后不一致：以“{text[position]}”开头，以“{closing}”结尾",
                f"改为“{pair[0]}{pair[1]}”或“{other[0][0]}{other[0][1]}”", text[position:other[3] + 1]))
            continue
        findings.append(target.finding(
            "punct.unmatched", "error", where, text, position, f"“{pair[0]}{pair[1]}”不成对",
            f"补上缺少的“{pair[1]}”", text[position]))
    for pair, where, text, position in closed:
        findings.append(target.finding(
            "punct.unmatched", "error", where, text, position, f"“{pair[0]}{pair[1]}”不成对",
            f"补上缺少的“{pair[0]}”", text[position]))
    return findings


WRONG_GLYPH_REACH = 12  # characters: a quoted word or a bracketed note is short, and inside one sentence
SENTENCE_END = recache.compile("[。！？；]")


# each pair's four marks as one class: a paragraph is scanned for these only
PAIR_MARKS = {pair: recache.compile("[" + re.escape("".join(pair)) + "]") for pair in PAIRS}


def _left_unmatched(pair: tuple[str, str, str, str], lines: list[tuple[int, str]]):
    """(+1 for an opening mark left open or -1 for a closing mark with none open, where, text, position)
    of the first mark of `pair` left unmatched in a paragraph, or None when all are matched."""
    opening, closing, half_open, half_close = pair
    marks = PAIR_MARKS[pair]
    stack, curly = [], 0  # stack: (where, text, position) of each mark still open
    for where, text in lines:
        for found in marks.finditer(text):  # only the marks of this pair: linear and fast
            char, position = found.group(0), found.start()
            if char in "）)" and _enumerator(text, position):
                continue  # "1）道路边界；2）…": a list number, not a bracket
            if char == closing or char == half_close and stack:
                if not stack:
                    return -1, where, text, position
                stack.pop()
                curly -= char == closing
            elif char == opening or char == half_open and curly > 0:
                stack.append((where, text, position))
                curly += char == opening
    if not stack:
        return None
    if opening in "“‘" and lines[0][1].lstrip().startswith(opening):
        return None  # GB/T 15834: a quotation of several paragraphs opens each one and closes only the last
    return (1, *stack[-1])
