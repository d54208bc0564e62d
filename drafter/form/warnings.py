"""Warnings about a valid form: figures that do not square with the plan, or with last year's form.

A warning never stops a build unless --strict; each one is located like an error.
"""

from __future__ import annotations

from decimal import Decimal

from drafter import indicators as facts
from drafter import recache
from drafter.catalogue import catalogue_entry, unit_fits
from drafter.errors import Problem
from drafter.form.model import Report, Section
from drafter.form.yaml_source import SourceMap


def _texts(section: Section | None) -> list[str]:
    if section is None:
        return []
    texts = [section.title or "", *section.paragraphs, *(f"{i.lead or ''}{i.text}" for i in section.items)]
    return texts + [text for child in section.sections for text in _texts(child)]


def plan_warnings(report: Report, source: SourceMap) -> list[Problem]:
    """An unmet target or a fall that the problems section does not mention; a unit that does not fit."""
    problems_text = "".join(_texts(report.problems))
    mentioned = set(report.problems.indicators) if report.problems else set()
    warnings = []
    for index, indicator in enumerate(report.indicators):
        path = ("indicators", index)
        told = indicator.id in mentioned or indicator.name in problems_text
        if facts.completion_status(indicator) == "未完成" and not told:
            warnings.append(source.problem(path, f"警告：“{indicator.name}”未完成年度目标（{facts.format_number(indicator.value)}/{facts.format_number(indicator.target)}{indicator.unit}），但“存在的问题”中没有提到"))
        elif indicator.value is not None and indicator.previous is not None and indicator.value < indicator.previous and not told:
            warnings.append(source.problem(path, f"警告：“{indicator.name}”比上年下降（{facts.format_number(indicator.previous)}→{facts.format_number(indicator.value)}{indicator.unit}），但“存在的问题”中没有提到"))
        entry = catalogue_entry(indicator.id)
        if entry is not None and not unit_fits(entry, indicator.unit):
            warnings.append(source.problem(path + ("unit",), f"警告：指标“{indicator.id}”通常以“{entry.unit}”为单位，这里是“{indicator.unit}”，请核对"))
    for index, item in enumerate(report.plan_review):
        if item.status is None:
            warnings.append(source.problem(("plan_review", index), f"警告：上年计划任务“{item.task}”尚未标注完成情况（完成、部分完成或未完成）"))
    return warnings


def last_year_warnings(report: Report, source: SourceMap, last: Report) -> list[Problem]:
    """A previous value that differs from what last year's form said, without a 口径 note."""
    warnings = []
    for index, indicator in enumerate(report.indicators):
        before = last.indicator_index.get(indicator.id)
        if before is None or before.value is None or indicator.previous is None or indicator.note:
            continue
        if facts.to_decimal(before.value) != facts.to_decimal(indicator.previous):
            warnings.append(source.problem(
                ("indicators", index, "previous"),
                f"警告：上年数值 {facts.format_number(indicator.previous)} 与上年表单中的 {facts.format_number(before.value)} 不一致；"
                "如统计口径有调整，请在 note 中说明口径"))
    return warnings


# --- unfinished forms: nothing of the starter's or of init --from's marks passes unnoticed ----------

PLACEHOLDERS = ("在此填写", facts.TO_FILL, "待填写")
# A number typed before a title or an item; drafter numbers them by position, so it would print twice.
TITLE_NUMBER = recache.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十]+\s*[）)]|\d{1,2}\s*[、．.](?!\d)"
    r"|[（(]\s*\d{1,2}\s*[）)]|[①-⑳])\s*")
ITEM_NUMBER = recache.compile(r"^\s*[一二三四五六七八九十]+是\s*[，,：:、]?\s*")
MONEY = {"元": 1, "万元": 10**4, "亿元": 10**8}


def placeholder_warnings(data: dict, source: SourceMap) -> list[Problem]:
    """Texts still saying 在此填写… (drafter init) or （待填写） (drafter init --from)."""
    return [source.problem(path, f"警告：尚未填写，仍是模板中的提示文字“{text}”；请改为实际内容或删除")
            for path, text in _strings(data, ()) if any(mark in text for mark in PLACEHOLDERS)]


def _strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, path + (index,))


def strip_typed_numbers(data: dict, source: SourceMap) -> list[Problem]:
    """Remove numbers typed into titles (（二）强化平台建设) and items (一是…), with a warning each:
    the draft numbers them itself and would print （二）（二）."""
    from drafter.form.validate import section_parts

    warnings = []

    def strip(container, key, pattern, path):
        text = container.get(key) if isinstance(container, dict) else container[key]
        match = pattern.match(text) if isinstance(text, str) else None
        if match and text[match.end():].strip():
            container[key] = text[match.end():]
            warnings.append(source.problem(path, f"警告：“{text}”开头的序号“{match.group().strip()}”已去掉；序号由 drafter 按位置自动编排"))

    for path, section, _ in section_parts(data):
        strip(section, "title", TITLE_NUMBER, path + ("title",))
        for index, item in enumerate(section.get("items", [])):
            if isinstance(item, dict):
                strip(item, "lead", ITEM_NUMBER, path + ("items", index, "lead"))
            else:
                strip(section["items"], index, ITEM_NUMBER, path + ("items", index))
    if isinstance(data.get("plan"), dict):
        strip(data["plan"], "title", TITLE_NUMBER, ("plan", "title"))
    return warnings


def date_warnings(report: Report, source: SourceMap) -> list[Problem]:
    """A 成文日期 outside the report's year or the next (a typo, or last year's form not updated)."""
    year = report.meta.year
    if report.meta.date.year in (year, year + 1):
        return []
    return [source.problem(("meta", "date"), f"警告：成文日期 {report.meta.date.isoformat()} 不在报告年度 {year} 年或次年内，请核对")]


def magnitude_warnings(report: Report, source: SourceMap) -> list[Problem]:
    """Money in a unit that makes the figure implausible for the catalogue's indicator (5.82 万元 of R&D spending)."""
    warnings = []
    for index, indicator in enumerate(report.indicators):
        entry = catalogue_entry(indicator.id)
        if entry is None or entry.unit == indicator.unit or entry.unit not in MONEY or indicator.unit not in MONEY:
            continue
        for field in ("value", "previous", "target"):
            figure = getattr(indicator, field)
            if figure is None or figure == 0:
                continue
            converted = facts.to_decimal(figure) * MONEY[indicator.unit] / MONEY[entry.unit]
            if abs(converted) < Decimal("0.01") or abs(converted) > 10**6:
                warnings.append(source.problem(("indicators", index, field), (
                    f"警告：“{indicator.name}”为 {facts.format_number(figure)}{indicator.unit}，合 {facts.format_number(converted)}{entry.unit}，"
                    f"数量级不像；此项通常以“{entry.unit}”为单位，请核对单位和数值")))
                break
    return warnings
