"""drafter build: form -> draft text -> blocks -> .docx beside the form (or where -o says)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter.document import Document, parse_draft
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.errors import OutputError
from drafter.form import load_form
from drafter.output import check_overwrite, write_atomically
from drafter.templating import render_draft, template_search_path

UNSAFE_FILENAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass(frozen=True)
class BuildResult:
    output: Path
    document: Document
    notes: tuple[str, ...]


def default_output(form_path: Path, title: str) -> Path:
    name = UNSAFE_FILENAME.sub("", title).strip()[:120] or form_path.stem
    return form_path.parent / f"{name}.docx"


def reference_docx(search_path: list[Path]) -> Path:
    """The first reference.docx on the template search path: an office's own, or the built-in one."""
    return next(folder / "reference.docx" for folder in search_path if (folder / "reference.docx").is_file())


def build_report(form_path: Path, output: Path | None = None, templates: Path | None = None,
                 force: bool = False) -> BuildResult:
    loaded = load_form(form_path)
    report = loaded.report
    search_path = template_search_path(templates, form_path)
    draft = parse_draft(render_draft(report, search_path))
    target = output or default_output(form_path, draft.title)
    if target.suffix.lower() != ".docx":
        raise OutputError(f"{target}: 输出文件名应以 .docx 结尾。")
    if target.exists() and target.resolve() == form_path.resolve():
        raise OutputError(f"{target}: 输出文件不能是表单本身。")
    info = DocumentInfo(title=draft.title, author=report.meta.signer or report.meta.org, created=report.meta.date)
    data = write_docx(draft, info, reference_docx(search_path))
    check_overwrite(target, force)
    write_atomically(target, data)
    return BuildResult(target, draft, loaded.notes)
