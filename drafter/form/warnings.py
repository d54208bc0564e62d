"""Warnings about a valid form: figures that do not square with the plan, or with last year's form.

A warning never stops a build unless --strict; each one is located like an error.
"""

from __future__ import annotations

from drafter import indicators as facts
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
