"""drafter check: proofread drafts (.docx, .txt) as a careful reader would, optionally against the form."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from drafter.checks import Finding, Target, run_checks
from drafter.checks.base import SEVERITY_NAMES, format_finding  # noqa: F401  (format_finding: used by cli)
from drafter.document import Document
from drafter.errors import DrafterError, InputError
from drafter.form.model import Report


@dataclass(frozen=True)
class CheckedFile:
    path: str
    findings: tuple[Finding, ...]
    note: str | None = None
    skipped: bool = False  # could not be read; the note says why

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


def check_files(paths: list[Path], form: Path | None = None, disable: frozenset[str] = frozenset(),
                jobs: int = 1) -> list[CheckedFile]:
    """Check each file; with jobs > 1, files are read and checked in that many processes (results in
    the order given). Among many files, one that cannot be read is counted as skipped and the rest checked."""
    from drafter.form import load_form

    for path in paths:  # a mistyped name is the user's to fix before any work; a damaged file is skipped
        if path.suffix.lower() not in (".docx", ".txt"):
            raise InputError(f"{path}: 只能检查 .docx 或 .txt 文稿。")
        if not path.is_file():
            raise InputError(f"{path}: 文件不存在。")
    report = load_form(form).report if form else None
    many = len(paths) > 1
    if jobs > 1 and many:
        from concurrent.futures import ProcessPoolExecutor
        from itertools import repeat

        import drafter.reading  # noqa: F401  imported once here, before the workers are forked

        workers = min(jobs, len(paths))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_check_file, paths, repeat(report), repeat(disable), repeat(many),
                                 chunksize=max(1, len(paths) // (workers * 4))))
    return [_check_file(path, report, disable, many) for path in paths]


def _check_file(path: Path, report: Report | None, disable: frozenset[str], many: bool) -> CheckedFile:
    from drafter.reading import read_report

    try:
        read = read_report(path)
    except DrafterError as error:
        if not many:
            raise
        # one unreadable file among many: say so, count it and check the rest
        return CheckedFile(str(path), (), f"跳过 {error}", skipped=True)
    unit = "行" if path.suffix.lower() == ".txt" else "段"
    target = Target(read.document, read.lines, unit, report, read.kinds)
    return CheckedFile(str(path), tuple(run_checks(target, disable)), read.note)


def check_document(document: Document, report: Report, kinds: tuple[str, ...] | None = None) -> list[Finding]:
    """The checks on a draft drafter has just built, located by paragraph."""
    numbers = tuple(range(1, len(document.blocks) + 1))
    return run_checks(Target(document, numbers, "段", report, kinds or ()))


def summary_line(files: list[CheckedFile]) -> str:
    errors = sum(f.count("error") for f in files)
    warnings = sum(f.count("warning") for f in files)
    hints = sum(f.count("hint") for f in files)
    skipped = sum(f.skipped for f in files)
    unread = f"（另有 {skipped} 个文件无法读取，已跳过）" if skipped else ""
    return f"共检查 {len(files) - skipped} 个文件{unread}：错误 {errors} 处，警告 {warnings} 处，提示 {hints} 处。"


def as_text(files: list[CheckedFile]) -> str:
    lines = [line for f in files for line in ([f.note] if f.note else []) + [format_finding(f.path, x) for x in f.findings]]
    return "\n".join(lines + [summary_line(files)])


def as_json(files: list[CheckedFile]) -> str:
    data = [{"file": f.path, "findings": [x.to_dict() for x in f.findings]} | ({"skipped": f.note} if f.skipped else {})
            for f in files]
    return json.dumps(data, ensure_ascii=False, indent=2)


def exit_code(files: list[CheckedFile], strict: bool) -> int:
    """2 when a file could not be read, 1 when there are errors (or warnings with --strict), else 0."""
    if any(f.skipped for f in files):
        return 2
    errors = sum(f.count("error") for f in files)
    warnings = sum(f.count("warning") for f in files)
    return 1 if errors or (strict and warnings) else 0
