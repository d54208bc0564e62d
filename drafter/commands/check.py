"""drafter check: proofread drafts (.docx, .txt) as a careful reader would, optionally against the form."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks import Finding, Selection, Target, run_checks
from drafter.checks.lexicon import read_word_list, word_lists_for
from drafter.checks.registry import check_names
from drafter.checks.report import CheckedFile, CheckReport, format_finding
from drafter.document import Document
from drafter.errors import InputError

if TYPE_CHECKING:  # the form package pulls in jsonschema: not needed to proofread
    from drafter.form.model import Report

__all__ = ["CheckedFile", "CheckReport", "check_files", "check_text", "check_document", "format_finding", "read_draft",
           "as_text", "as_json", "exit_code", "summary_line"]


def read_draft(path: Path):
    """The draft as blocks (read_report's reading) plus its source lines as written."""
    from drafter.encoding import decode_lines
    from drafter.reading.read import _docx_lines

    if path.suffix.lower() not in (".docx", ".txt"):
        raise InputError(f"{path}: 只能检查 .docx 或 .txt 文稿。")
    if not path.is_file():
        raise InputError(f"{path}: 文件不存在。")
    if path.suffix.lower() == ".docx":
        return _read_lines(path, _docx_lines(path), None)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: 无法读取文件（{exc.strerror}）。") from exc
    if b"\x00" in raw[:65536]:
        raise InputError(f"{path}: 这是二进制文件，不是文本文稿。")
    text, note = decode_lines(raw, str(path))
    return _read_lines(path, _proofreading_lines(text), note)


def _proofreading_lines(text: str) -> list[tuple[int, str]]:
    """clean_lines drops a line repeated in the text as a web page's furniture; a repeated numbered
    heading ("（一）申报条件" under each article) is text to proofread, so it is kept."""
    from drafter.reading.clean import clean_lines
    from drafter.reading.headings import match_heading

    kept = clean_lines(text)
    numbers = {number for number, _ in kept}
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.strip()
        if number not in numbers and line and len(line) <= 60 and match_heading(line):
            kept.append((number, line))
    return sorted(kept)


def _read_lines(path: Path, lines: list[tuple[int, str]], note: str | None):
    from drafter.reading.classify import section_kinds
    from drafter.reading.read import ReadReport, parse_lines

    blocks, numbers = parse_lines(lines)
    document = Document(tuple(blocks))
    return ReadReport(path, document, tuple(numbers), tuple(section_kinds(document.blocks)), note), tuple(lines)


def check_draft(path: Path, report: Report | None, selection: Selection, words: tuple[Path, ...] = ()):
    """(CheckedFile, Target) of one draft."""
    read, lines = read_draft(path)
    unit = "行" if path.suffix.lower() == ".txt" else "段"
    target = Target(read.document, read.lines, unit, report, read.kinds, lines, word_lists_for(path, words))
    return CheckedFile(str(path), tuple(run_checks(target, selection)), read.note), target


def check_text(text: str, report: Report | None = None, selection: Selection = Selection(), words=None) -> list[Finding]:
    """The findings on a text given as a string, read the way a .txt draft is read."""
    read, lines = _read_lines(Path("text.txt"), _proofreading_lines(text), None)
    target = Target(read.document, read.lines, "行", report, read.kinds, lines, words)
    return run_checks(target, selection)


def check_files(paths: list[Path], form: Path | None = None, disable=frozenset(), enable=frozenset(),
                words: tuple[Path, ...] = ()) -> CheckReport:
    selection = Selection(check_names(disable), check_names(enable))
    for path in words:  # a bad --words list is refused before any draft is read
        read_word_list(path)
    report = None
    if form:
        from drafter.form import load_form

        report = load_form(form).report
    result = CheckReport()
    for path in paths:
        result.add(check_draft(path, report, selection, words)[0])
    return result


def check_document(document: Document, report: Report, kinds: tuple[str, ...] | None = None,
                   selection: Selection = Selection()) -> list[Finding]:
    """The checks on a draft drafter has just built, located by paragraph."""
    numbers = tuple(range(1, len(document.blocks) + 1))
    return run_checks(Target(document, numbers, "段", report, kinds or ()), selection)


# The report's methods under the names callers used before the report object existed.
def summary_line(files) -> str:
    return CheckReport(list(files)).summary_line


def as_text(files) -> str:
    return CheckReport(list(files)).as_text()


def as_json(files) -> str:
    return CheckReport(list(files)).as_json()


def exit_code(files, strict: bool) -> int:
    return CheckReport(list(files)).exit_code(strict)
