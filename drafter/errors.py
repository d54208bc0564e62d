"""The one error hierarchy: every user-facing failure is a DrafterError with a Chinese message."""

from __future__ import annotations

from typing import NamedTuple


class DrafterError(Exception):
    """A problem the user can fix. The CLI prints it and exits with code 2; never a traceback."""

    exit_code = 2


class Problem(NamedTuple):
    """One located problem in a form: file:line:column: path: message."""

    line: int
    column: int
    path: str
    message: str
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class FormError(DrafterError):
    """The form cannot be used; carries every problem found, sorted by position."""

    def __init__(self, problems: list[Problem], summary: str | None = None):
        self.problems = sorted(problems)
        lines = [str(p) for p in self.problems]
        lines.append(summary or f"共 {len(self.problems)} 处错误")
        super().__init__("\n".join(lines))


class TemplateError(DrafterError):
    """A template failed to load or render; the message names the template file and line."""


class OutputError(DrafterError):
    """The output file cannot be written, or writing it would lose the user's edits."""


class InputError(DrafterError):
    """An input file (form, reference .docx, draft) cannot be read."""
