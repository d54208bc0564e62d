"""One report of a check run: the findings per file, the counts, the summary line, the exit code, and
the text and JSON output, all from the same object (as black's report does)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from drafter.checks.base import Finding, format_finding


@dataclass(frozen=True)
class CheckedFile:
    path: str
    findings: tuple[Finding, ...]
    note: str | None = None

    def skip(self, reason: str) -> None:
        self.skipped.append(reason)

    def count(self, severity: str) -> int:
        return sum(f.severity == severity for f in self.findings)


@dataclass
class CheckReport:
    files: list[CheckedFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why each unreadable file was left out

    def __iter__(self):
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def add(self, checked: CheckedFile) -> None:
        self.files.append(checked)

    def skip(self, reason: str) -> None:
        self.skipped.append(reason)

    def count(self, severity: str) -> int:
        return sum(f.count(severity) for f in self.files)

    @property
    def summary_line(self) -> str:
        skipped = f"（另有 {len(self.skipped)} 个文件无法读取，已跳过）" if self.skipped else ""
        return (f"共检查 {len(self.files)} 个文件{skipped}：错误 {self.count('error')} 处，警告 {self.count('warning')} 处，"
                f"提示 {self.count('hint')} 处。")

    def exit_code(self, strict: bool = False) -> int:
        """2 when a file could not be read, 1 when there are errors (or warnings with --strict), else 0."""
        if self.skipped:
            return 2
        return 1 if self.count("error") or (strict and self.count("warning")) else 0

    def as_text(self) -> str:
        lines = [line for f in self.files
                 for line in ([f.note] if f.note else []) + [format_finding(f.path, x) for x in f.findings]]
        lines += [f"{reason}（已跳过）" for reason in self.skipped]
        return "\n".join(lines + [self.summary_line])

    def as_json(self) -> str:
        data = [{"file": f.path, "findings": [x.to_dict() for x in f.findings]} for f in self.files]
        data += [{"skipped": reason} for reason in self.skipped]
        return json.dumps(data, ensure_ascii=False, indent=2)
