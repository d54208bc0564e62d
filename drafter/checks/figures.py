"""With the form: every figure the text gives for an indicator equals the form's, and 突破/超过 hold."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from drafter import recache
from drafter.checks.base import Finding, Target, occurrences
from drafter.document import Paragraph

if TYPE_CHECKING:
    from drafter.form.model import Indicator

# A clause with these words states another quantity than the year's value: a target, an increment,
# a cumulative or multi-year figure.
OTHER_QUANTITY = recache.compile(r"力争|确保|预计|目标|计划|新增|新建|累计|五年|历年|以来|增加|新认定")
FIGURE = recache.compile(r"[^。；，,：:]{0,10}?(突破|超过|达到|达|近|为|共|累计)?\s*(\d+(?:\.\d+)?)\s*(万元|亿元|元|%|[\u4e00-\u9fff]{0,2})")


def _same(number: Decimal, unit: str, indicator: Indicator, value) -> bool:
    """Whether `number unit` states `value` (the indicator's unit), allowing 万元 <-> 亿元 and rounding."""
    from drafter import indicators as facts

    if value is None:
        return False
    amount = facts.to_decimal(value)
    if unit and indicator.unit in ("万元", "亿元") and unit in ("万元", "亿元") and unit != indicator.unit:
        amount = amount / facts.YI if unit == "亿元" else amount * facts.YI
    places = Decimal(1).scaleb(number.as_tuple().exponent)
    return abs(amount - number) <= places / 2 or amount.quantize(places) == number


def check_figures(target: Target) -> list[Finding]:
    form = target.form
    if form is None:
        return []
    from drafter import indicators as facts  # only with a form: it pulls in the form package

    findings = []
    paragraphs = [(where, block.text) for index, (where, block) in enumerate(target.blocks())
                  if isinstance(block, Paragraph) and target.kind_at(index) != "plans"]
    for indicator in form.indicators:
        if indicator.value is None:
            continue
        for where, text in paragraphs:
            for start in occurrences(indicator.name, text):
                end = start + len(indicator.name)
                figure = FIGURE.match(text, end)
                clause_start = max(text.rfind(mark, 0, start) for mark in "，。；,;：")
                if not figure or OTHER_QUANTITY.search(text, clause_start + 1, start) \
                        or OTHER_QUANTITY.search(figure.group(0)):
                    continue
                word, number, unit = figure.group(1), Decimal(figure.group(2)), figure.group(3)
                if unit and not (unit == indicator.unit or {unit, indicator.unit} <= {"万元", "亿元"}):
                    continue  # another quantity in the clause (e.g. 其中…项)
                if word in facts.QUALIFIER_TESTS and word != "达到" and not facts.qualifier_holds(word, indicator.value, number):
                    findings.append(target.finding(
                        "form.qualifier", "error", where, text, figure.start(2),
                        f"“{indicator.name}{word}{number}{unit}”与表单数值 {facts.format_number(indicator.value)}{indicator.unit} 不符",
                        "换用与数值相符的说法，如“达到”"))
                elif word not in ("突破", "超过", "近") and not any(
                        _same(number, unit, indicator, v) for v in (indicator.value, indicator.previous)):
                    findings.append(target.finding(
                        "form.figure", "error", where, text, figure.start(2),
                        f"正文中“{indicator.name}”为 {number}{unit or indicator.unit}，表单中为 {facts.format_number(indicator.value)}{indicator.unit}",
                        "以表单数据为准修改正文，或核对表单"))
    return findings
