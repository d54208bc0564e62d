"""drafter extract: last year's Word or text report into a form skeleton that validates and builds."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.errors import InputError
from drafter.extract import extract_form
from drafter.form.load import parse_form
from drafter.output import NEW_NAME, refuse_existing, write_atomically
from drafter.reading import read_report
from drafter.reading.read import READABLE
from drafter.resources import installed_schema_uri


def extract_to_form(source: Path, output: Path | None = None) -> tuple[Path, int]:
    """Write the form beside the source (or to `output`); returns its path and the candidate count."""
    if source.suffix.lower() not in READABLE:
        raise InputError(f"{source}: 只能从 {'、'.join(READABLE)} 文稿提取。")
    if not source.is_file():
        raise InputError(f"{source}: 文件不存在。")
    target = output or source.with_suffix(".yaml")
    refuse_existing(target, f"未覆盖。{NEW_NAME}")
    read = read_report(source)
    if not read.document.blocks:  # an empty file gives a form of nothing but guesses
        raise InputError(f"{source}: 没有读到任何文字，无法提取。请确认选对了文件。")
    form = extract_form(read)
    text = (
        f"# yaml-language-server: $schema={installed_schema_uri()}\n"
        f"#\n# 由 drafter extract 从 {source.name} 提取的表单骨架。请核对：meta（单位、年度、日期为推测）、\n"
        "# indicators（从正文找到的数字，名称为推测，note 中有原文），再按需改写各部分。\n\n"
        + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)
    )
    parse_form(text, str(target))  # what we write must be a valid form
    write_atomically(target, text.encode("utf-8"))
    return target, len(form.get("indicators", []))
