"""Past reports from files and folders, one at a time; a file that cannot be read is skipped and said."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from drafter.errors import DrafterError
from drafter.reading import ReadReport, read_report
from drafter.reading.read import drafts_under

SUFFIXES = (".txt", ".docx")


@dataclass
class Tally:
    """What a run read, skipped and why: the summary the user sees."""

    read: int = 0
    characters: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: "Tally") -> None:
        self.read += other.read
        self.characters += other.characters
        self.skipped += other.skipped
        self.notes += other.notes


def report_files(paths: list[Path]) -> list[Path]:
    """Every .txt and .docx named, or found recursively in a named folder, sorted, once each."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(drafts_under(path, SUFFIXES))
        else:
            found.add(path)
    return sorted(found)


def iter_reports(files: list[Path], tally: Tally) -> Iterator[ReadReport]:
    for path in files:
        if path.suffix.lower() not in SUFFIXES:
            tally.skipped.append((str(path), "不是 .txt 或 .docx 文件"))
            continue
        if not path.is_file():
            tally.skipped.append((str(path), "文件不存在"))
            continue
        try:
            report = read_report(path)
        except DrafterError as error:
            tally.skipped.append((str(path), str(error).removeprefix(f"{path}: ")))
            continue
        except (RecursionError, MemoryError, ValueError, KeyError, IndexError, AttributeError, TypeError) as error:
            # a file from elsewhere that trips the reader in a way nobody foresaw: skip it, the run goes on
            tally.skipped.append((str(path), f"无法读取（{type(error).__name__}），已跳过"))
            continue
        if not report.document.blocks:
            tally.skipped.append((str(path), "没有可用的正文"))
            continue
        tally.read += 1
        tally.characters += sum(len(getattr(b, "text", "")) for b in report.document.blocks)
        if report.note:
            tally.notes.append(report.note)
        yield report
