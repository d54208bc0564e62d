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
    """(ReadReport, source lines as written, tables) of a draft: read_report's reading, plus what a
    proofreader needs that a reader does not."""
    from drafter.encoding import decode_lines

    if path.suffix.lower() not in (".docx", ".txt"):
        raise InputError(f"{path}: 只能检查 .docx 或 .txt 文稿。")
    if not path.is_file():
        raise InputError(f"{path}: 文件不存在。")
    if path.suffix.lower() == ".docx":
        lines, tables = _docx_lines_and_tables(path)
        return (*_read_lines(path, lines, None), tables)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: 无法读取文件（{exc.strerror}）。") from exc
    if b"\x00" in raw[:65536]:
        raise InputError(f"{path}: 这是二进制文件，不是文本文稿。")
    text, note = decode_lines(raw, str(path))
    return (*_read_lines(path, _proofreading_lines(text), note), ())


def _docx_lines_and_tables(path: Path):
    """The paragraphs as reading.read._docx_lines gives them, and the tables' cell texts, from one
    opening of the file (opening it twice would cost a 100-page draft a fifth of a second)."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from drafter.docx.guard import check_docx
    from drafter.reading.read import ATTACHMENT_STYLES

    check_docx(path)
    try:
        document = docx.Document(str(path))
        lines = [(number, p.text.strip()) for number, p in enumerate(document.paragraphs, start=1)
                 if p.text.strip() and p.style.name not in ATTACHMENT_STYLES]
        tables = tuple((number, tuple(_row_texts(row) for row in table.rows))
                       for number, table in enumerate(document.tables, start=1))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError, OSError) as exc:
        raise InputError(f"{path}: 不是有效的 .docx 文件，或文件已损坏。") from exc
    return lines, tables


def _row_texts(row) -> tuple[str, ...]:
    """A row's cell texts, a merged cell once (python-docx repeats it for every grid column it spans)."""
    cells, seen = [], []
    for cell in row.cells:
        if not any(cell._tc is element for element in seen):
            seen.append(cell._tc)
            cells.append(cell.text.strip())
    return tuple(cells)


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
    read, lines, tables = read_draft(path)
    unit = "行" if path.suffix.lower() == ".txt" else "段"
    target = Target(read.document, read.lines, unit, report, read.kinds, lines, word_lists_for(path, words), tables)
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
        try:
            result.add(check_draft(path, report, selection, words)[0])
        except InputError as exc:
            if len(paths) == 1:
                raise
            result.skip(str(exc))  # one unreadable file does not stop a folder's check
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
