"""Indicator arithmetic and wording: growth, percentage points, completion, rank, number style.

Pure functions, no templates and no I/O. Rounding rule, stated once: percentages and shares are
rounded half-up to one decimal place; a change in a share keeps as many decimals as its inputs.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from drafter.form.model import Indicator, Target

PERCENT_PLACES = Decimal("0.1")


def is_share(indicator: Indicator) -> bool:
    """Shares (units in %) change in 个百分点, never in %."""
    return indicator.unit.strip() in ("%", "％")


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
    """"完成年度目标的112.5%"; None without a target."""
    if indicator.value is None or indicator.target is None:
        return None
    percent = completion_percent(indicator.value, indicator.target)
    return None if percent is None else f"完成年度目标的{format_number(percent)}%"


def rank_phrase(indicator: Indicator) -> str | None:
    if indicator.rank is None:
        return None
    return f"居{indicator.rank.scope}第{indicator.rank.position}位"


def quantity(value: float | int, unit: str) -> str:
    return f"{format_number(value)}{unit}"


def parts_phrase(indicator: Indicator) -> str:
    """"（其中发明专利7件）", or "" when there are no parts."""
    if not indicator.parts:
        return ""
    listed = "，".join(f"{part.name}{quantity(part.value, part.unit or indicator.unit)}" for part in indicator.parts)
    return f"（其中{listed}）"


def indicator_sentence(indicator: Indicator) -> str:
    """One clause per indicator: "全社会R&D经费投入达到12.6亿元，同比增长12.5%，居全市第2位"."""
    if indicator.value is None:
        raise ValueError(f"indicator {indicator.id} has no value")
    head = f"{indicator.name}达到{quantity(indicator.value, indicator.unit)}{parts_phrase(indicator)}"
    tail = [phrase for phrase in (change_phrase(indicator), completion_phrase(indicator), rank_phrase(indicator)) if phrase]
    return "，".join([head, *tail])


def target_sentence(indicator: Indicator, target: Target) -> str:
    """"全社会R&D经费投入力争达到14亿元，增长11.1%" for next year's goal."""
    text = f"{indicator.name}{target.verb}达到{quantity(target.value, indicator.unit)}"
    if indicator.value is None:
        return text
    if is_share(indicator):
        points = point_change(target.value, indicator.value)
        if points > 0:
            text += f"，提高{format_number(points)}个百分点"
    else:
        growth = growth_percent(target.value, indicator.value)
        if growth is not None and growth > 0:
            text += f"，增长{format_number(growth)}%"
    return text


CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 25 -> 二十五, 99 -> 九十九 (enough for headings and 一是)."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    text = ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" if tens else ""
    return text + (CHINESE_DIGITS[ones] if ones else "")


def chinese_date(value) -> str:
    """2024-12-20 -> "2024年12月20日" (Arabic numerals, no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"
