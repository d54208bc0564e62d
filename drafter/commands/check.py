"""drafter check: proofread drafts (.docx, .txt) as a careful reader would, optionally against the form."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter import recache
from drafter.checks import Finding, Selection, Target, run_checks
from drafter.checks.lexicon import read_word_list, word_lists_for
from drafter.checks.registry import check_names
from drafter.checks.base import format_finding
from drafter.checks.report import CheckedFile, CheckReport
from drafter.document import Document
from drafter.errors import InputError

if TYPE_CHECKING:  # the form package pulls in jsonschema: not needed to proofread
    from drafter.form.model import Report

__all__ = ["CheckedFile", "CheckReport", "check_files", "check_text", "format_finding", "read_draft"]


PAIR_MARKS = recache.compile("[“”（）《》‘’【】]")


def read_draft(path: Path):
    """(ReadReport, source lines as written) of a draft: read_report's reading, plus the lines a
    proofreader quotes (see _restore)."""
    from drafter.reading.read import read_report

    _refuse_unreadable(path)
    read = read_report(path)
    source, back, lines = _restore(read.source, read.removed)
    if back:
        from dataclasses import replace

        read = replace(read, document=_parse(source, str(path), read.document.unit), source=source)
    return read, lines


def _refuse_unreadable(path: Path) -> None:
    from drafter.reading.read import READABLE

    if path.suffix.lower() not in READABLE:
        raise InputError(f"{path}: 只能检查 .docx 或 .txt 文稿（.doc、.wps 需装有 LibreOffice）。")
    if not path.is_file():
        raise InputError(f"{path}: 文件不存在。")


def _restore(source, removed):
    """(source lines with text put back, the lines put back, the lines a proofreader quotes).

    Numbered headings that cleaning dropped as repeated web-page furniture ("（一）申报条件" under every
    article), or inside the body took for a site's words ("（八）企业应对OTA（…空中下载技术）" has 下载 in it),
    are report text and go back. Lines taken out as furniture that hold a bracket or quote are quoted
    too: the pair opened on the line before may close there."""
    from drafter.reading.headings import match_heading
    from drafter.reading.source import Line

    body = range(source[0].number, source[-1].number + 1) if source else range(0)
    back = tuple(Line(r.line, r.text) for r in removed
                 if (r.reason == "repeat" or r.reason == "clutter" and r.line in body)
                 and len(r.text) <= 60 and match_heading(r.text))
    if back:
        source = tuple(sorted((*source, *back), key=lambda line: line.number))
    lines = [(line.number, line.text) for line in source if line.text and not line.toc]
    lines += [(r.line, r.text) for r in removed if r.reason in ("repeat", "clutter") and PAIR_MARKS.search(r.text)]
    return source, back, tuple(sorted(set(lines)))


def _parse(source, name: str, unit: str) -> Document:
    from drafter.reading.classify import classify
    from drafter.reading.read import parse_lines

    blocks, numbers = parse_lines(list(source))
    return classify(Document(tuple(blocks), tuple(numbers), (), name, unit))


def check_draft(path: Path, report: Report | None, selection: Selection, words: tuple[Path, ...] = ()):
    """(CheckedFile, Target) of one draft."""
    read, lines = read_draft(path)
    document = read.document
    target = Target(document, read.lines, document.unit, report, read.kinds, lines, word_lists_for(path, words))
    return CheckedFile(str(path), tuple(run_checks(target, selection)), read.note), target


def check_text(text: str, report: Report | None = None, selection: Selection = Selection(), words=None) -> list[Finding]:
    """The findings on a text given as a string, read the way a .txt draft is read."""
    from drafter.reading.clean import clean
    from drafter.reading.source import Line

    cleaned = clean(text)
    source, _, lines = _restore(tuple(Line(n, t) for n, t in cleaned.kept), cleaned.removed)
    document = _parse(source, "", "行")
    numbers = tuple(document.position(i) for i in range(len(document.blocks)))
    kinds = tuple(document.kind(i) for i in range(len(document.blocks)))
    return run_checks(Target(document, numbers, "行", report, kinds, lines, words), selection)


def check_files(paths: list[Path], form: Path | None = None, disable=frozenset(), enable=frozenset(),
                words: tuple[Path, ...] = (), jobs: int = 1) -> CheckReport:
    """Check each draft; with jobs > 1, drafts are read and checked in that many processes (results in the
    order given). A mistyped name stops the run before any work; among many drafts, one that cannot be
    read is counted as skipped and the rest are checked."""
    selection = Selection(check_names(disable), check_names(enable))
    for path in words:  # a bad --words list is refused before any draft is read
        read_word_list(path)
    for path in paths:
        _refuse_unreadable(path)
    report = None
    if form:
        from drafter.form import load_form

        report = load_form(form).report
    many = len(paths) > 1
    if jobs > 1 and many:
        from concurrent.futures import ProcessPoolExecutor
        from itertools import repeat

        import drafter.reading.read  # noqa: F401  the readers imported once here, before the workers are forked

        workers = min(jobs, len(paths))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outcomes = list(pool.map(_check_one, paths, repeat(report), repeat(selection), repeat(words), repeat(many),
                                     chunksize=max(1, len(paths) // (workers * 4))))
    else:
        outcomes = [_check_one(path, report, selection, words, many) for path in paths]
    result = CheckReport()
    for outcome in outcomes:
        if isinstance(outcome, str):
            result.skip(outcome)  # one unreadable file does not stop a folder's check
        else:
            result.add(outcome)
    return result


def _check_one(path: Path, report: Report | None, selection: Selection, words: tuple[Path, ...],
               many: bool) -> CheckedFile | str:
    """A draft's CheckedFile, or (among many) the reason it could not be read."""
    try:
        return check_draft(path, report, selection, words)[0]
    except InputError as exc:
        if not many:
            raise
        return str(exc)
