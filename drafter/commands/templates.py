"""drafter templates list | show | diff | copy: see which template comes from where, what an office's copy
changes against the built-in one, and the context a template may use; copy one to adapt it."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import jinja2

from drafter.errors import InputError, OutputError
from drafter.output import refuse_existing, write_atomically
from drafter.safeio import os_reason
from drafter.templating.loader import user_templates_dir
from drafter.templating.render import (builtin_templates, find_template, read_template, template_names,
                                       template_search_path)


def search_path_here(folder: Path | None) -> list[Path]:
    """The path build would use for a form in the current folder: --templates, ./templates, the per-user folder."""
    return template_search_path(folder, Path.cwd() / "表单.yaml")


def origin(path: Path, search_path: list[Path]) -> str:
    """内置, 本单位（folder）or 个人（folder）; "，扩展内置" when the copy extends the one it replaces."""
    if path.is_relative_to(builtin_templates()):
        return "内置"
    where = "个人" if path.is_relative_to(user_templates_dir()) else "本单位"
    folder = next((f for f in search_path if path.is_relative_to(f)), path.parent)
    extends = path.suffix == ".j2" and "{% extends" in read_template(path)
    return f"{where}（{folder}{'，扩展内置' if extends else ''}）"


def list_templates(search_path: list[Path]) -> list[str]:
    """One line per template: name, where it comes from, and the first line of its opening comment."""
    lines = []
    for name in template_names(search_path):
        path = find_template(name, search_path)
        lines.append(f"{name:<28} {origin(path, search_path):<6} {_summary(path, name)}")
    reference = find_template("reference.docx", search_path)
    lines.append(f"{'reference.docx':<28} {origin(reference, search_path):<6} Word 样式和页面设置（可换成本单位的版式）")
    return lines


def _summary(path: Path, name: str) -> str:
    """The first line of the template's opening comment, or of the built-in one it stands in for."""
    text = read_template(path)
    if not text.lstrip().startswith("{#") and (builtin_templates() / name).is_file():
        text = read_template(builtin_templates() / name)
    lines = text.lstrip("{#- \n").splitlines()
    return lines[0].split("—", 1)[-1].strip() if lines else ""


def show_template(name: str, search_path: list[Path], context: bool = False) -> str:
    path = find_template(name, search_path)
    if path.suffix.lower() == ".docx":
        raise InputError(
            f"{name} 是 Word 文件，不能以文字显示。可用 drafter templates copy {name} 复制出来，"
            "再在 Word/WPS 中打开修改。"
        )
    source = read_template(path)
    if not context:
        return source
    from drafter.templating.context_doc import FILTERS_DOC, context_lines

    lines = context_lines(jinja2.Environment(), source)
    return "\n".join([f"{name}（{origin(path, search_path)}）", *(line.strip() for line in lines), FILTERS_DOC, ""])


def diff_template(name: str, search_path: list[Path]) -> str:
    """How the office's copy differs from the built-in template of the same name, as a unified diff."""
    path = find_template(name, search_path)
    builtin = builtin_templates() / name
    if path.is_relative_to(builtin_templates()):
        return f"“{name}”没有本单位的版本，使用的就是内置模板。\n"
    if not builtin.is_file():
        return f"“{name}”是本单位新增的模板（{path}），没有同名的内置模板。\n"
    lines = difflib.unified_diff(read_template(builtin).splitlines(keepends=True),
                                 read_template(path).splitlines(keepends=True), f"内置/{name}", str(path))
    return "".join(lines) or f"“{name}”与内置模板相同。\n"


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
