"""Indicator arithmetic and wording: growth, percentage points, completion, rank, number style.

Pure functions, no templates and no I/O. The rules, stated once:
- Rounding: growth and completion percentages are rounded half up to one decimal place; a change in
  a share (个百分点) keeps as many decimals as its inputs; trailing zeros are dropped (105.0% -> 105%).
- Shares: an indicator in % (or one the catalogue calls a ratio) changes in 个百分点, never in %.
- Money in text: an amount of 1亿元 or more given in 万元 is written in 亿元 with at most two decimals
  (23600万元 -> 2.36亿元); an amount under 1亿元 given in 亿元 is written in 万元 (0.85亿元 -> 8500万元).
  A table row uses the unit its 本年 figure has in the text, so table and text agree.
- 翻番 only when the value is at least twice the previous one (翻两番 at four times).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, getcontext
from typing import TYPE_CHECKING

from drafter.catalogue import catalogue_entry

if TYPE_CHECKING:  # only for annotations: importing drafter.form here would import this module back
    from drafter.form.model import Indicator, Target

PERCENT_PLACES = Decimal("0.1")
# Figures are floats of at most 10**15 (the schema says so), the smallest positive one about 5e-324:
# a quotient of two of them stays below 10**340, so 400 digits always leave room to round it.
getcontext().prec = max(getcontext().prec, 400)


def is_share(indicator: Indicator) -> bool:
    """Shares change in 个百分点, never in %: a unit in %, or a catalogue ratio."""
    entry = catalogue_entry(indicator.id)
    return indicator.unit.strip() in ("%", "％") or (entry is not None and entry.change == "points")


def to_decimal(value: float | int) -> Decimal:
    # repr() gives the shortest text that round-trips, so 12.6 stays 12.6 and not 12.599999…
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def format_number(value: float | int | Decimal) -> str:
    """GB/T 15835 style: Arabic digits, no trailing zeros, no exponent: 12.60 -> "12.6"."""
    number = value if isinstance(value, Decimal) else to_decimal(value)
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _places(*values: float | int) -> int:
    return max((max(0, -to_decimal(v).normalize().as_tuple().exponent) for v in values), default=0)


def round_percent(value: Decimal) -> Decimal:
    return value.quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def growth_percent(value: float, previous: float) -> Decimal | None:
    """Relative change in %, rounded; None when there is no base to compare with."""
    if previous == 0:
        return None
    return round_percent((to_decimal(value) - to_decimal(previous)) / abs(to_decimal(previous)) * 100)


def point_change(value: float, previous: float) -> Decimal:
    """Change of a share in percentage points, at the precision of its inputs."""
    places = Decimal(1).scaleb(-_places(value, previous))
    return (to_decimal(value) - to_decimal(previous)).quantize(places, rounding=ROUND_HALF_UP)


def change_phrase(indicator: Indicator) -> str | None:
    """"同比增长12.5%" / "同比下降4.5%" / "比上年提高0.12个百分点" / "与上年持平", or None."""
    if indicator.value is None or indicator.previous is None:
        return None
    if is_share(indicator):
        points = point_change(indicator.value, indicator.previous)
        if points == 0:
            return "与上年持平"
        word = "提高" if points > 0 else "降低"
        return f"比上年{word}{format_number(abs(points))}个百分点"
    growth = growth_percent(indicator.value, indicator.previous)
    if growth is None:
        return None
    if growth == 0:
        return "与上年持平"
    word = "增长" if growth > 0 else "下降"
    return f"同比{word}{format_number(abs(growth))}%"


def completion_percent(value: float, target: float) -> Decimal | None:
    if target == 0:
        return None
    return round_percent(to_decimal(value) / to_decimal(target) * 100)


def completion_phrase(indicator: Indicator) -> str | None:
    """"完成年度目标的112.5%", "完成年度目标" at exactly 100%; None without a target."""
    if indicator.value is None or indicator.target is None:
        return None
    percent = completion_percent(indicator.value, indicator.target)
    if percent is None:
        return None
    return "完成年度目标" if percent == 100 else f"完成年度目标的{format_number(percent)}%"


def rank_phrase(indicator: Indicator) -> str | None:
    if indicator.rank is None:
        return None
    return f"居{indicator.rank.scope}第{indicator.rank.position}位"


YI = Decimal(10000)  # 1亿 = 10000万


def scaled(value: float | int, unit: str) -> tuple[Decimal, str]:
    """The money rule of this module's docstring; other units pass through unchanged."""
    number = to_decimal(value)
    if unit == "万元" and abs(number) >= YI:
        return (number / YI).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), "亿元"
    if unit == "亿元" and 0 < abs(number) < 1:
        return (number * YI).quantize(Decimal(1), rounding=ROUND_HALF_UP), "万元"
    return number, unit


def quantity(value: float | int, unit: str) -> str:
    """"12.6亿元", "2.36亿元" for 23600万元: a figure with its unit, scaled for the text."""
    number, unit = scaled(value, unit)
    return f"{format_number(number)}{unit}"


def doubling_phrase(indicator: Indicator) -> str | None:
    """"实现翻番" at two times the previous value or more, "实现翻两番" at four times; else None."""
    if is_share(indicator) or indicator.value is None or not indicator.previous or indicator.previous <= 0:
        return None
    ratio = to_decimal(indicator.value) / to_decimal(indicator.previous)
    if ratio >= 4:
        return "实现翻两番"
    if ratio >= 2:
        return "实现翻番"
    return None


def completion_status(indicator: Indicator) -> str | None:
    """超额完成 / 完成 / 未完成 against the year's target, or None without one."""
    if indicator.value is None or indicator.target is None:
        return None
    if indicator.value > indicator.target:
        return "超额完成"
    return "完成" if indicator.value == indicator.target else "未完成"


QUALIFIER_TESTS = {
    "突破": lambda value, mark: value > mark,
    "超过": lambda value, mark: value > mark,
    "达到": lambda value, mark: value >= mark,
    "近": lambda value, mark: Decimal("0.9") * mark <= value < mark,
}


def qualifier_holds(word: str, value: float, mark: float) -> bool:
    """Whether "突破/超过/达到/近 mark" is true of value: "突破100家" for 98 is not."""
    return QUALIFIER_TESTS[word](to_decimal(value), to_decimal(mark))


def milestone(value: float, previous: float | None) -> Decimal | None:
    """The round figure first passed this year (previous < mark <= value), for "首次突破8亿元"."""
    if previous is None or value <= 0 or previous >= value:
        return None
    step = Decimal(10) ** (len(str(int(to_decimal(value)))) - 1) if value >= 1 else Decimal(1)
    mark = (to_decimal(value) // step) * step
    return mark if to_decimal(previous) < mark <= to_decimal(value) and mark > 0 else None


def parts_phrase(indicator: Indicator) -> str:
    """"（其中发明专利7件）", or "" when there are no parts."""
    if not indicator.parts:
        return ""
    listed = "，".join(f"{part.name}{quantity(part.value, part.unit or indicator.unit)}" for part in indicator.parts)
    return f"（其中{listed}）"


TO_FILL = "（待填写）"
FIGURE_SLOT = "{数}"
SHAPES = 3  # how many ways a clause can state its change; a paragraph turns through them


def wording(indicator: Indicator, say: str | None = None) -> tuple[str, tuple[str, ...]]:
    """(the clause with its {数} slot, the qualifiers that fit a rise; () when the clause has its own verb).

    `say` is an office's own clause (from its phrase bank); else the catalogue's, when the form keeps the
    catalogue's name (a clerk who renamed the indicator keeps the words; the name and figure are then said).
    """
    entry = catalogue_entry(indicator.id)
    if say:
        return say, ()
    if entry and entry.say and entry.name == indicator.name:
        return entry.say, ()
    return indicator.name + FIGURE_SLOT, (entry.reach if entry else ()) or ("",)


def change_words(indicator: Indicator) -> tuple[str, str]:
    """(rise, fall): 增长/下降, for shares 提高/降低, or the catalogue's own."""
    entry = catalogue_entry(indicator.id)
    rise, fall = ("提高", "降低") if is_share(indicator) else ("增长", "下降")
    return (entry.rise or rise, entry.fall or fall) if entry else (rise, fall)


def direction(indicator: Indicator) -> int | None:
    """1 rising, -1 falling, 0 flat (as the text rounds it), None without a previous value."""
    if indicator.value is None or indicator.previous is None:
        return None
    if is_share(indicator):
        change = point_change(indicator.value, indicator.previous)
    else:
        change = growth_percent(indicator.value, indicator.previous)
        if change is None:
            return 1 if indicator.value > 0 else 0 if indicator.value == 0 else -1
    return (change > 0) - (change < 0)


def _is_count(indicator: Indicator) -> bool:
    entry = catalogue_entry(indicator.id)
    return (entry.kind == "count" if entry else indicator.unit not in ("元", "万元", "亿元")) and not is_share(indicator)


def varied_change(indicator: Indicator, shape: int = 0) -> str | None:
    """The change, said one of SHAPES ways so a paragraph does not repeat itself:
    0 "同比增长12.5%", 1 "比上年增长12.5%" (a count: "比上年增加7家"), 2 "增长12.5%"; flat "与上年持平"."""
    way = direction(indicator)
    if way is None:
        return None
    if way == 0:
        return "与上年持平"
    rise, fall = change_words(indicator)
    word = rise if way > 0 else fall
    if is_share(indicator):
        points = format_number(abs(point_change(indicator.value, indicator.previous)))
        return f"{'' if shape % SHAPES == 2 else '比上年'}{word}{points}个百分点"
    growth = growth_percent(indicator.value, indicator.previous)
    shape %= SHAPES
    if shape == 1 and _is_count(indicator):
        difference = to_decimal(indicator.value) - to_decimal(indicator.previous)
        more = "增加" if way > 0 else "减少"
        return f"比上年{more}{format_number(abs(difference))}{indicator.unit}"
    if growth is None:
        return None
    return f"{('同比', '比上年', '')[shape]}{word}{format_number(abs(growth))}%"


def indicator_sentence(indicator: Indicator, shape: int = 0, say: str | None = None) -> str:
    """One clause per indicator, said as a person would: "选派科技特派员126名，比上年增加8名",
    "全社会R&D经费投入达到12.6亿元，同比增长12.5%，完成年度目标的105%，居全市第2位",
    "R&D经费投入强度为2.41%，比上年降低0.15个百分点" (never 达到 of a fall), "…，与上年持平".

    `shape` turns the clause's wording (see varied_change; 达到 only on even shapes), `say` is an office's
    own clause with a {数} slot. Without a value yet, the clause says so visibly: "…（待填写）亿元".
    """
    clause, reach = wording(indicator, say)
    if indicator.value is None:
        return clause.replace(FIGURE_SLOT, f"{TO_FILL}{indicator.unit}")
    way = direction(indicator)
    joint = ""
    if reach:  # the bare name and figure: a joining word may fit
        if "达到" in reach and way == 1 and shape % 2 == 0:
            joint = "达到"
        elif is_share(indicator) or way in (0, -1) or indicator.name.endswith(("数", "量", "额", "率")):
            joint = "为"  # "比重为2.41%，比上年降低…": a share, a fall or a total reads better with 为
    figure = joint + quantity(indicator.value, indicator.unit) + parts_phrase(indicator)
    head = clause.replace(FIGURE_SLOT, figure, 1)
    phrases = (varied_change(indicator, shape), doubling_phrase(indicator), completion_phrase(indicator),
               rank_phrase(indicator))
    return "，".join([head, *(phrase for phrase in phrases if phrase)])


def target_sentence(indicator: Indicator, target: Target, shape: int = 0, say: str | None = None) -> str:
    """Next year's goal: "全社会R&D经费投入力争达到14亿元，比上年增长11.1%", "力争选派科技特派员130名"."""
    clause, _ = wording(indicator, say)
    figure = quantity(target.value, indicator.unit)
    if clause.startswith(indicator.name + FIGURE_SLOT):
        keep = indicator.value is not None and target.value == indicator.value
        text = clause.replace(FIGURE_SLOT, f"{target.verb}{'保持在' if keep else '达到'}{figure}", 1)
    else:
        text = target.verb + clause.replace(FIGURE_SLOT, figure, 1)
    if indicator.value is None:
        return text
    lead = "" if shape % 2 else "比上年"
    if is_share(indicator):
        points = point_change(target.value, indicator.value)
        if points > 0:
            text += f"，{lead}提高{format_number(points)}个百分点"
    else:
        growth = growth_percent(target.value, indicator.value)
        if growth is not None and growth > 0:
            text += f"，{lead}增长{format_number(growth)}%"
    return text


def chinese_date(value) -> str:
    """2024-12-20 -> "2024年12月20日" (Arabic numerals, no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"


TABLE_HEADER = ("指标", "单位", "上年", "本年", "同比", "目标", "完成率", "排名")


def in_unit(value, unit: str, shown: str) -> Decimal:
    """A money figure given in `unit` expressed in `shown` (万元 <-> 亿元), two decimals in 亿元."""
    number = to_decimal(value)
    if unit == "万元" and shown == "亿元":
        return (number / YI).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if unit == "亿元" and shown == "万元":
        return (number * YI).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return number


def table_row(indicator: Indicator) -> tuple[str, ...]:
    """One row of 主要科技指标完成情况表 in the unit the text uses for 本年; "—" where there is nothing to say."""
    shown = indicator.unit if indicator.value is None else scaled(indicator.value, indicator.unit)[1]

    def figure(value):
        return "—" if value is None else format_number(in_unit(value, indicator.unit, shown))

    change = change_phrase(indicator) or "—"
    change = change.removeprefix("同比").removeprefix("比上年").replace("与上年持平", "持平")
    completion = "—"
    if indicator.value is not None and indicator.target:
        completion = f"{format_number(completion_percent(indicator.value, indicator.target))}%"
    rank = f"{indicator.rank.scope}第{indicator.rank.position}位" if indicator.rank else "—"
    value = TO_FILL if indicator.value is None else figure(indicator.value)
    return (indicator.name, shown, figure(indicator.previous), value, change,
            figure(indicator.target), completion, rank)
