"""drafter validate: every problem of a form at once, or a confirmation that it is clean."""

from __future__ import annotations

from pathlib import Path

from drafter.form import load_form


def validate_form(path: Path) -> list[str]:
    """Lines to print for a clean form; raises FormError (all problems) otherwise."""
    loaded = load_form(path)
    report = loaded.report
    return [
        *loaded.notes,
        f"{path}: 表单无误（{len(report.indicators)} 项指标，{len(report.achievements.sections)} 个工作成效小节）。",
    ]
