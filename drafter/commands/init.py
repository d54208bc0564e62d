"""drafter init: write a complete, commented starter form; never over an existing file."""

from __future__ import annotations

import datetime as dt
import json
import string
from pathlib import Path

from drafter.catalogue import catalogue
from drafter.output import NEW_NAME, refuse_existing, write_atomically
from drafter.resources import installed_schema_uri, templates_dir

DEFAULT_ORG = "××县科学技术局"
INIT_REFUSAL = f"drafter init 不会覆盖已有文件。{NEW_NAME}"


def region_of(org: str) -> str:
    for suffix in ("科学技术局", "科技局", "科学技术和工业信息化局", "科技和工业信息化局"):
        if org.endswith(suffix) and len(org) > len(suffix):
            return org[: -len(suffix)]
    return org


def recipient_of(region: str) -> str:
    level = region[-1:] if region[-1:] in "县市区旗" else "县"
    return f"{level}委、{level}政府"


def indicator_lines() -> str:
    lines = []
    for entry in catalogue():
        lines += [
            f"  - id: {entry.id}",
            f"    name: {_quote(entry.name)}",
            f"    unit: {_quote(entry.unit)}",
            "    value:",
            "    previous:",
            "    target:",
            "    # rank: {scope: 全市, position: 1}",
        ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    """Plain when drafter's YAML reader reads it back unchanged, else double-quoted."""
    from drafter.errors import FormError
    from drafter.form.yaml_source import parse_yaml

    try:
        if parse_yaml(f"k: {text}", "")[0] == {"k": text}:
            return text
    except FormError:
        pass
    return json.dumps(text, ensure_ascii=False)


def starter_form(year: int, org: str) -> str:
    region = region_of(org)
    template = string.Template((templates_dir() / "starter.yaml").read_text(encoding="utf-8"))
    return commented(template.substitute(
        schema_uri=installed_schema_uri(),
        org=_quote(org),
        region=_quote(region),
        recipient=_quote(recipient_of(region)),
        year=year,
        plan_year=year + 1,
        indicators=indicator_lines(),
        title=_quote(f"{org}{year}年工作总结及{year + 1}年工作计划"),
    ))


def commented(form: str) -> str:
    """Field comments from the schema's descriptions; examples commented out after they got theirs."""
    from drafter.form.annotate import annotate, comment_out_examples

    return comment_out_examples(annotate(form))


def init_form(output: Path, year: int | None, org: str | None) -> Path:
    refuse_existing(output, INIT_REFUSAL)
    year = year or dt.date.today().year
    write_atomically(output, starter_form(year, org or DEFAULT_ORG).encode("utf-8"))
    return output
