"""Paths written inside data (a form's layout.reference_docx): confined to the folder of the file naming them.

A form passed between offices must not reach any other file on the clerk's machine: no absolute path,
no "..", no symbolic link leading out of the folder.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath, PureWindowsPath

from drafter.errors import FormError
from drafter.form.yaml_source import SourceMap, format_path


def outside_reason(folder: Path, relative: str) -> str | None:
    """Why `relative` may not be used from `folder`, or None when it stays inside."""
    windows, posix = PureWindowsPath(relative), PurePosixPath(relative)
    if windows.is_absolute() or windows.drive or windows.root or posix.is_absolute():
        return "不能是绝对路径，只能写表单所在文件夹中的文件名（如 本单位模板.docx）"
    if ".." in windows.parts or ".." in posix.parts:
        return "不能含“..”，只能指向表单所在文件夹及其子文件夹中的文件"
    root = os.path.realpath(folder)
    if os.path.commonpath([root, os.path.realpath(folder / relative)]) != root:
        return "经符号链接指向了表单所在文件夹以外，不予使用"
    return None


def confined_path(form_path: Path, relative: str, source: SourceMap, field: tuple) -> Path:
    """`relative` resolved against the form's folder; a FormError naming the field (file:line) otherwise."""
    reason = outside_reason(form_path.parent, relative)
    if reason:
        raise FormError([source.problem(field, f"{reason}（{format_path(field)}: {relative}）")])
    return form_path.parent / relative
