"""drafter templates list | show | copy: browse the built-in templates and copy one to adapt it."""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import InputError, OutputError
from drafter.output import refuse_existing, write_atomically
from drafter.safeio import os_reason
from drafter.templating.render import builtin_templates, find_template, read_template, template_names


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
    lines = read_template(path).lstrip("{#- \n").splitlines()
    return lines[0].split("—", 1)[-1].strip() if lines else ""


def show_template(name: str, search_path: list[Path]) -> str:
    path = find_template(name, search_path)
    if path.suffix.lower() == ".docx":
        raise InputError(
            f"{name} 是 Word 文件，不能以文字显示。可用 drafter templates copy {name} 复制出来，"
            "再在 Word/WPS 中打开修改。"
        )
    return read_template(path)


def copy_template(name: str, search_path: list[Path], folder: Path) -> Path:
    """Copy a template into `folder` under the same name, atomically, never outside the folder,
    never over an existing file or through a symbolic link."""
    source = find_template(name, search_path)
    data = source.read_bytes() if source.suffix == ".docx" else read_template(source).encode("utf-8")
    target = folder / name
    for parent in reversed(target.parents):
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"{parent}: 这是一个文件，不是文件夹；请给出要复制到的文件夹（如 templates）。")
    refuse_existing(target, "未覆盖。")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{target.parent}: 无法建立文件夹（{os_reason(exc)}）。") from exc
    inside = os.path.realpath(target.parent)
    if os.path.commonpath([inside, os.path.realpath(folder)]) != os.path.realpath(folder):
        raise OutputError(f"{target}: 不在文件夹 {folder} 中（路径经过了符号链接），未复制。")
    write_atomically(target, data)
    return target
