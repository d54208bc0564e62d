"""drafter init --from LAST.yaml: next year's form from this year's.

Year + 1; each indicator's previous is last year's value and its target last year's plan target;
section titles carried over with their texts emptied and marked to fill; last year's plan tasks
listed in plan_review for the author to mark 完成 / 部分完成 / 未完成.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.commands.init import INIT_REFUSAL
from drafter.form import load_form
from drafter.form.annotate import annotate
from drafter.form.model import Report, Section
from drafter.indicators import TO_FILL
from drafter.output import refuse_existing, write_atomically
from drafter.resources import installed_schema_uri



def _emptied(section: Section, keep_title: bool = True) -> dict:
    """A section with its title and shape kept, its texts replaced by the to-fill mark."""
    data: dict = {"title": section.title} if keep_title and section.title else {}
    if section.indicators:
        data["indicators"] = list(section.indicators)  # their values are to fill; the draft says so
    if section.paragraphs or not (section.sections or section.indicators or section.items):
        data["paragraphs"] = [TO_FILL]
    if section.items:
        data["items"] = [TO_FILL]
    if section.sections:
        data["sections"] = [_emptied(child) for child in section.sections]
    return data


def _tasks_of(report: Report) -> list[str]:
    """Last year's plan tasks: the task sections' titles, or the leads of task items."""
    tasks = report.plan.tasks if report.plan else None
    if tasks is None:
        return []
    return [s.title for s in tasks.sections] or [item.lead or item.text for item in tasks.items]


def next_year_data(last: Report) -> dict:
    meta = last.meta
    year = meta.year + 1
    targets = {t.indicator: t.value for t in last.plan.goals.targets} if last.plan and last.plan.goals else {}
    data: dict = {"meta": {"org": meta.org}}
    if meta.region:
        data["meta"]["region"] = meta.region
    # A multi-year review is not repeated the next year: its period would be wrong, so the follower is annual.
    data["meta"].update({"year": year, "kind": "annual" if meta.kind == "multi-year" else meta.kind})
    if meta.recipient:
        data["meta"]["recipient"] = meta.recipient
    if meta.signer:
        data["meta"]["signer"] = meta.signer
    data["meta"].update({"date": f"{year}-{meta.date.month:02d}-{meta.date.day:02d}", "sealed": meta.sealed})
    data["indicators"] = [
        {"id": i.id, "name": i.name, "unit": i.unit, "value": None, "previous": i.value,
         "target": targets.get(i.id)}
        for i in last.indicators
    ]
    if last.main_indicators:
        data["main_indicators"] = {"ids": list(last.main_indicators.ids), "paragraph": last.main_indicators.paragraph,
                                   "table": last.main_indicators.table}
    tasks = _tasks_of(last)
    if tasks:
        data["plan_review"] = [{"task": task, "status": None} for task in tasks]
    achievements = _emptied(last.achievements)
    achievements.pop("title", None)  # the default title carries the new year
    data["achievements"] = achievements
    if last.problems:
        data["problems"] = {"items": [TO_FILL]} if not last.problems.sections else _emptied(last.problems)
    if last.plan:
        plan: dict = {}
        for key in ("approach", "goals", "tasks", "measures"):
            part = getattr(last.plan, key)
            if part is not None:
                plan[key] = _emptied(part)
        if "goals" in plan:
            plan["goals"]["targets"] = []
        data["plan"] = plan
    if last.extra_sections:
        data["extra_sections"] = [{**_emptied(e), "after": e.after} for e in last.extra_sections]
    if last.closing:
        data["closing"] = last.closing
    return data


def next_year_form(last_path: Path) -> str:
    last = load_form(last_path).report
    data = next_year_data(last)
    header = (
        f"# yaml-language-server: $schema={installed_schema_uri()}\n"
        f"#\n# {last.meta.org}{last.meta.year + 1}年表单，由 drafter init --from {last_path.name} 生成。\n"
        "# 已带入：上年数值（previous，即上年表单的本年数值）、本年目标（target，即上年计划中的目标）、各小节标题。\n"
        f"# 请填写：各指标的本年数值（value）、标有“{TO_FILL}”的内容；在 plan_review 中标注上年计划任务的完成情况\n"
        "# （status: 完成 / 部分完成 / 未完成，可加 note 说明）。每个字段上方的注释说明它的含义。\n\n"
    )
    return header + annotate(yaml.dump(data, Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=100))


class _FormDumper(yaml.SafeDumper):
    """Lists indented under their key and empty values left empty, as in the form drafter init writes."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


_FormDumper.add_representer(type(None), lambda dumper, _: dumper.represent_scalar("tag:yaml.org,2002:null", ""))


def init_from(last_path: Path, output: Path) -> Path:
    refuse_existing(output, INIT_REFUSAL)
    write_atomically(output, next_year_form(last_path).encode("utf-8"))
    return output
