"""drafter templates list | show | copy: browse the built-in templates and copy one to adapt it."""

from __future__ import annotations

import shutil
from pathlib import Path

from drafter.errors import InputError, OutputError
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
    path = find_template(name, search_path)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:  # reference.docx, or a binary file in a custom folder
        raise InputError(
            f"{name} 是 Word 文件，不能以文字显示。可用 drafter templates copy {name} 复制出来，"
            "再在 Word/WPS 中打开修改。"
        ) from exc


def copy_template(name: str, search_path: list[Path], folder: Path) -> Path:
    source = find_template(name, search_path)
    target = folder / name
    for parent in reversed(target.parents):
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"{parent}: 这是一个文件，不是文件夹；请给出要复制到的文件夹（如 templates）。")
    refuse_existing(target, "未覆盖。")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    except OSError as exc:
        raise OutputError(f"{target}: 无法复制（{exc.strerror}）。") from exc
    return target
