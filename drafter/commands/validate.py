"""drafter validate: every problem of a form at once, or a confirmation that it is clean."""

from __future__ import annotations

from pathlib import Path

from drafter.form import load_form


def validate_form(path: Path, strict: bool = False, last: Path | None = None) -> list[str]:
    """Lines to print for a usable form (warnings first); raises FormError (all problems) otherwise."""
    loaded = load_form(path, last)
    loaded.check_strict(strict)
    report = loaded.report
    verdict = "表单无误" if not loaded.warnings else f"表单可以使用，但有 {len(loaded.warnings)} 处警告"
    return [
        *loaded.notes,
        *map(str, loaded.warnings),
        f"{path}: {verdict}（{len(report.indicators)} 项指标，{len(report.achievements.sections)} 个工作成效小节）。",
    ]
