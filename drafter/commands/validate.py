"""drafter validate: every problem of a form at once, or a confirmation that it is clean."""

from __future__ import annotations

from pathlib import Path

from drafter.form import load_form
from drafter.paths import confined_path


def validate_form(path: Path, strict: bool = False, last: Path | None = None) -> list[str]:
    """Lines to print for a usable form (warnings first); raises FormError (all problems) otherwise."""
    loaded = load_form(path, last)
    loaded.check_strict(strict)
    report = loaded.report
    if report.layout.reference_docx:
        confined_path(path, report.layout.reference_docx, loaded.source, ("layout", "reference_docx"))
    verdict = "表单无误" if not loaded.warnings else f"表单可以使用，但有 {len(loaded.warnings)} 处警告"
    return [
        *loaded.notes,
        *map(str, loaded.warnings),
        f"{path}: {verdict}（{len(report.indicators)} 项指标，{len(report.achievements.sections)} 个工作成效小节）。",
    ]
