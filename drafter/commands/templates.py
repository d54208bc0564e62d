"""drafter templates list | show | copy: browse the built-in templates and copy one to adapt it."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.output import refuse_existing
from drafter.templating.render import builtin_templates, find_template, template_names


def list_templates(search_path: list[Path]) -> list[str]:
    """One line per template: name, where it comes from, and the first line of its opening comment."""
    builtin = builtin_templates()
    lines = []
    for name in template_names(search_path):
        path = find_template(name, search_path)
        origin = "内置" if path.is_relative_to(builtin) else f"自定义（{path.parent}）"
        lines.append(f"{name:<28} {origin:<6} {_summary(path)}")
    reference = find_template("reference.docx", search_path)
    origin = "内置" if reference.is_relative_to(builtin) else f"自定义（{reference.parent}）"
    lines.append(f"{'reference.docx':<28} {origin:<6} Word 样式和页面设置（可换成本单位的版式）")
    return lines


def _summary(path: Path) -> str:
    first = path.read_text(encoding="utf-8").lstrip("{#- \n").splitlines()[0]
    return first.split("—", 1)[-1].strip()


def show_template(name: str, search_path: list[Path]) -> str:
    return find_template(name, search_path).read_text(encoding="utf-8")


def copy_template(name: str, search_path: list[Path], folder: Path) -> Path:
    source = find_template(name, search_path)
    target = folder / name
    refuse_existing(target, "未覆盖。")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target
