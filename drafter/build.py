"""Building a report: form -> draft text -> Document (with section kinds) -> checked -> .docx beside the
form (or where -o says). The `drafter build` command only wires this up."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from drafter import recache
from drafter.checks import Target, run_checks
from drafter.checks.base import format_finding
from drafter.checks.language import check_language
from drafter.document import Document, parse_draft
from drafter.reading.classify import classify
from drafter.docx.reference_check import reference_file_warning
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.errors import InputError, OutputError
from drafter.form import load_form
from drafter.form.yaml_source import SourceMap
from drafter.output import backup_edited, check_overwrite, write_atomically
from drafter.layout import Layout
from drafter.paths import confined_path
from drafter.mining.bank import load_bank
from drafter.templating import render_draft, template_search_path
from drafter.templating.render import builtin_templates, find_template

UNSAFE_FILENAME = recache.compile(r'[<>:"/\\|?*\x00-\x1f]')


class BuildResult(NamedTuple):
    output: Path
    document: Document
    notes: tuple[str, ...]
    findings: tuple = ()  # what drafter check finds in the draft just built
    phrases: tuple = ()   # each phrase the templates chose and where it came from (build --explain)


def default_output(form_path: Path, title: str) -> Path:
    name = UNSAFE_FILENAME.sub("", title).strip()[:120] or form_path.stem
    return form_path.parent / f"{name}.docx"


def choose_reference(given: Path | None, layout: Layout, form_path: Path, search_path: list[Path],
                     source=None) -> tuple[Path, bool]:
    """(reference .docx, whether it is an office's own): --reference-docx, then layout.reference_docx
    (confined to the form's folder), then a reference.docx on the template search path, the built-in one last."""
    if given is None and layout.reference_docx:
        given = confined_path(form_path, layout.reference_docx, source or SourceMap(str(form_path)),
                              ("layout", "reference_docx"))
    if given is not None:
        if not given.is_file():
            raise InputError(f"{given}: 找不到 Word 模板文件。")
        return given, True
    builtin = builtin_templates() / "reference.docx"
    found = find_template("reference.docx", search_path)  # never through a symbolic link
    return found, found != builtin


def build_report(form_path: Path, output: Path | None = None, templates: Path | None = None,
                 force: bool = False, reference: Path | None = None, strict: bool = False,
                 last: Path | None = None, bank: Path | None = None) -> BuildResult:
    loaded = load_form(form_path, last)
    loaded.check_strict(strict)
    report = loaded.report
    search_path = template_search_path(templates, form_path)
    bank = bank or office_bank(report, form_path, loaded.source)
    used: list = []
    draft = classify(parse_draft(render_draft(report, search_path, bank_loader=(lambda: load_bank(bank)) if bank else None,
                                              phrase_log=used)))
    findings = tuple(run_checks(Target(draft, draft.positions or tuple(range(1, len(draft.blocks) + 1)),
                                       draft.unit, report, draft.kinds)))
    findings += tuple(check_language(draft, report, used))
    if strict and any(f.severity == "error" for f in findings):
        errors = [format_finding(str(form_path), f) for f in findings if f.severity == "error"]
        raise OutputError("\n".join(errors + [f"文稿校对发现 {len(errors)} 处错误（--strict 时不生成文稿）。"]))
    target = output or default_output(form_path, draft.title)
    if target.suffix.lower() != ".docx":
        raise OutputError(f"{target}: 输出文件名应以 .docx 结尾。")
    if target.exists() and target.resolve() == form_path.resolve():
        raise OutputError(f"{target}: 输出文件不能是表单本身。")
    info = DocumentInfo(title=draft.title, author=report.meta.signer or report.meta.org, created=report.meta.date)
    reference_path, own = choose_reference(reference, report.layout, form_path, search_path, loaded.source)
    reference_data, reference_notes = office_reference(reference_path) if own else (reference_path, ())
    data = write_docx(draft, info, reference_data, report.layout, own)
    check_overwrite(target, force, data)
    backup = backup_edited(target) if force else None
    write_atomically(target, data)
    notes = loaded.notes + tuple(map(str, loaded.warnings)) + reference_notes
    notes += (f"已把修改过的原文件另存为：{backup}",) if backup else ()
    differs = reference_file_warning(reference_path, reference_data) if own else None
    notes += (differs,) if differs else ()
    return BuildResult(target, draft, notes, findings, tuple(used))


def office_bank(report, form_path: Path, source=None) -> Path | None:
    """The form's phrases.bank, confined to the form's folder; no bank means the neutral built-in phrasing."""
    name = report.phrases.bank if report.phrases else None
    if not name:
        return None
    return confined_path(form_path, name, source or SourceMap(str(form_path)), ("phrases", "bank"))


def explain_lines(used) -> list[str]:
    """"过渡语  [默认用语]  现将有关情况报告如下：": each chosen phrase and where it came from."""
    return [f"{u.what}  [{u.origin}]  {u.text}" for u in used]


def office_reference(path: Path) -> tuple[bytes, tuple[str, ...]]:
    """An office's reference .docx, cleaned, and the notes naming it and what was left out of it."""
    from drafter.docx.reference import clean_office_reference

    cleaned, dropped = clean_office_reference(path)
    notes = [f"使用本单位的 Word 模板：{path}（只取样式、页面设置、页眉页脚文字和图片）"]
    if dropped:
        notes.append(f"{path}: 以下内容不会带入文稿，已去除：{'；'.join(dropped)}。")
    return cleaned, tuple(notes)
