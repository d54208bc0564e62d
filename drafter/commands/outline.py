"""drafter outline: what drafter read in each file — headings with level, kind and place, and what
cleaning took out — so a user can see why extract or check did what they did."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from drafter.document import Heading, Title
from drafter.errors import InputError
from drafter.reading import ReadReport, read_report
from drafter.reading.read import READABLE, drafts_in

KIND_NAMES = {"achievements": "工作成绩", "problems": "存在问题", "plans": "工作计划", "other": "其他"}
REASON_NAMES = {"clutter": "网页杂项", "repeat": "重复内容", "excerpt": "网站摘录", "empty": "乱码或空白"}


def read_files(paths: list[Path]) -> list[ReadReport]:
    reports = []
    for path in drafts_in(paths):  # a folder: the drafts in it
        if path.suffix.lower() not in READABLE:
            raise InputError(f"{path}: 只能读取 {'、'.join(READABLE)} 文稿。")
        if not path.is_file():
            raise InputError(f"{path}: 文件不存在。")
        reports.append(read_report(path))
    return reports


def outline_items(report: ReadReport) -> list[dict]:
    """One object per heading: level, text as printed (marker and title), kind, line (or paragraph)."""
    document = report.document
    return [{"file": str(report.path), "level": e.block.level, "text": e.block.marker + e.block.text,
             "kind": e.kind, "line": e.position, "unit": document.unit}
            for e in document.headings()]


def removed_summary(report: ReadReport) -> str | None:
    """“清理掉 5 处（网页杂项 3 处，重复内容 2 处）” — what cleaning took out, so nothing goes unseen."""
    if not report.removed:
        return None
    counts = Counter(r.reason for r in report.removed)
    parts = "，".join(f"{REASON_NAMES[reason]} {count} 处" for reason, count in counts.most_common())
    lines = sorted({r.line for r in report.removed})
    shown = "、".join(map(str, lines[:12])) + ("等" if len(lines) > 12 else "")
    unit = "行" if report.document.unit == "行" else "段"
    return f"{report.path}: 清理掉 {len(report.removed)} 处（{parts}），见第 {shown} {unit}。"


def as_text(reports: list[ReadReport]) -> str:
    out = []
    for report in reports:
        document = report.document
        title = next((b.text for b in document.blocks if isinstance(b, Title)), "")
        headings = document.headings()
        out.append(f"{report.path}：{('标题“' + title + '”，') if title else ''}{len(headings)} 个标题")
        for entry in headings:
            block: Heading = entry.block
            place = f"第{entry.position}{document.unit}"
            out.append(f"  {place:<8}{'  ' * (block.level - 1)}{block.level}级 {block.marker}{block.text}"
                       f"  〔{KIND_NAMES.get(entry.kind, entry.kind)}〕")
        for note in (report.note, removed_summary(report)):
            if note:
                out.append(f"  {note}")
        if report.headers:
            out.append(f"  页眉页脚（不计入正文）：{' | '.join(report.headers)}")
    return "\n".join(out)


def as_json(reports: list[ReadReport]) -> str:
    return json.dumps([item for report in reports for item in outline_items(report)], ensure_ascii=False, indent=2)
