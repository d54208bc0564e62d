"""Findings brought to where the clerk works: a copy of the .docx with each finding as a Word comment on
the offending text (--comments), or a copy with the mechanical, certain fixes applied (--fix).

The original is never touched; the copy is written atomically and refused if the name is taken.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path

from docx.oxml.ns import qn

from drafter.checks.base import SEVERITY_NAMES, Finding
from drafter.errors import InputError, OutputError
from drafter.output import refuse_existing, write_atomically

AUTHOR, INITIALS = "drafter 校对", "DR"


def _output_path(source: Path, output: Path, suffixes: tuple[str, ...]) -> Path:
    if output.suffix.lower() not in suffixes:
        raise InputError(f"{output}: 输出文件应为 {' 或 '.join(suffixes)}。")
    if output.resolve() == source.resolve():
        raise OutputError(f"{output}: 不能与原文稿相同（原文稿保持不变），请另取文件名。")
    refuse_existing(output, "为免覆盖，请换一个文件名或先删除它。")
    return output


def _open_docx(path: Path):
    import docx

    from drafter.docx.guard import check_docx

    check_docx(path)
    try:
        return docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError(f"{path}: 不是有效的 .docx 文件，或文件已损坏。") from exc


def _save(document, output: Path) -> Path:
    from drafter.docx.package import normalise_zip

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(output, normalise_zip(buffer.getvalue()))  # fixed zip times: same draft, same bytes
    return output


def paragraphs_by_line(source: Path, document) -> dict:
    """The Word paragraph holding each line drafter check read (its numbers count paragraphs the way a
    clerk counts them in Word, text boxes and framed text included): found by its text, in order."""
    from docx.text.paragraph import Paragraph

    from drafter.commands.check import read_draft

    _, lines = read_draft(source)
    paragraphs = [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]
    texts = [p.text for p in paragraphs]
    found, cursor = {}, 0
    for number, text in lines:
        if number in found:
            continue
        probe = text[:30]
        for index in range(cursor, len(paragraphs)):
            if probe in texts[index]:
                found[number], cursor = paragraphs[index], index  # a paragraph may hold several lines
                break
    return found


def _split_run(run, at: int):
    """Cut `run` at character `at`: the run keeps the left part, a copy after it holds the rest."""
    from docx.text.run import Run

    text = run.text
    right = copy.deepcopy(run._r)
    run._r.addnext(right)
    run.text = text[:at]
    new = Run(right, run._parent)
    new.text = text[at:]
    return new


def isolate(paragraph, start: int, end: int) -> list:
    """The runs covering exactly text[start:end] of the paragraph's runs, splitting runs at both ends."""
    runs, position = [], 0
    for run in list(paragraph.runs):
        length = len(run.text)
        run_start, run_end = position, position + length
        position = run_end
        if run_end <= start or run_start >= end or not length:
            continue
        if run_start < start:
            run = _split_run(run, start - run_start)
            run_start = start
        if run_end > end:
            _split_run(run, end - run_start)
        runs.append(run)
    return runs


def _locate(paragraph, finding: Finding) -> tuple[int, int] | None:
    """Where the finding's span stands in the paragraph's run text: at its recorded offset when it is
    there, else its occurrence nearest to it; None when the span is not in the runs."""
    text = "".join(run.text for run in paragraph.runs)
    if not text.strip():
        return None
    if not finding.span:
        return 0, len(text)
    at = _nearest(text, finding)
    return (at, at + len(finding.span)) if at is not None else (0, len(text))


def _nearest(text: str, finding: Finding) -> int | None:
    """Where the finding's span starts in `text`: at its recorded offset (after the text's leading
    blanks) when it is there, else at the occurrence nearest to it; None when it is not in the text."""
    lead = len(text) - len(text.lstrip())
    guess = finding.start + lead if finding.start >= 0 else 0
    if text[guess:guess + len(finding.span)] == finding.span:
        return guess
    places = []
    found = text.find(finding.span)
    while found >= 0:
        places.append(found)
        found = text.find(finding.span, found + 1)
    return min(places, key=lambda p: abs(p - guess)) if places else None


def comment_text(finding: Finding) -> str:
    advice = f"建议：{finding.suggestion}。" if finding.suggestion else ""
    return f"[{SEVERITY_NAMES[finding.severity]}] {finding.message}。{advice}（{finding.rule}）"


def write_comments(source: Path, findings: tuple[Finding, ...], output: Path) -> Path:
    """A copy of `source` (.docx) with one Word comment per finding, anchored on the offending text."""
    if source.suffix.lower() != ".docx":
        raise InputError(f"{source}: --comments 只用于 .docx 文稿。")
    output = _output_path(source, output, (".docx",))
    document = _open_docx(source)
    paragraphs = paragraphs_by_line(source, document)
    # right to left within a paragraph, so splitting runs never moves a span still to be anchored
    for finding in sorted(findings, key=lambda f: (f.where, -f.start)):
        paragraph = paragraphs.get(finding.where) if finding.unit == "段" else None
        if paragraph is None:
            continue  # findings on a table have no paragraph to anchor on
        place = _locate(paragraph, finding)
        if place is None:
            continue
        runs = isolate(paragraph, *place)
        if runs:
            comment = document.add_comment(runs, comment_text(finding), AUTHOR, INITIALS)
            # no timestamp: the same draft gives the same file (w:date is optional)
            comment._comment_elm.attrib.pop(qn("w:date"), None)
    return _save(document, output)


def _fixes_by_line(findings: tuple[Finding, ...]) -> dict[int, list[Finding]]:
    """The findings that carry a certain fix, per line, without overlapping spans (the first wins)."""
    by_line: dict[int, list[Finding]] = {}
    for finding in sorted((f for f in findings if f.fix is not None and f.span and f.start >= 0),
                          key=lambda f: (f.where, f.start)):
        kept = by_line.setdefault(finding.where, [])
        if not kept or kept[-1].start + len(kept[-1].span) <= finding.start:
            kept.append(finding)
    return by_line


def _describe(finding: Finding) -> str:
    return f"第{finding.where}{finding.unit}：“{finding.span}”→“{finding.fix}”（{finding.rule}）"


def write_fixes(source: Path, findings: tuple[Finding, ...], output: Path) -> tuple[Path, list[str]]:
    """A copy of `source` with only the mechanical, certain fixes applied; the list of what changed."""
    suffix = source.suffix.lower()
    output = _output_path(source, output, (suffix,))
    by_line = _fixes_by_line(findings)
    applied: list[Finding] = []
    if suffix == ".docx":
        document = _open_docx(source)
        paragraphs = paragraphs_by_line(source, document)
        for where, fixes in by_line.items():
            paragraph = paragraphs.get(where)
            if paragraph is None:
                continue
            for finding in reversed(fixes):
                place = _locate(paragraph, finding)
                if place is None or place[1] - place[0] != len(finding.span):
                    continue
                runs = isolate(paragraph, *place)
                if not runs:
                    continue
                runs[0].text = finding.fix  # the first run keeps its formatting; the rest are emptied
                for run in runs[1:]:
                    run._r.getparent().remove(run._r)
                applied.append(finding)
        _save(document, output)
    else:
        from drafter.encoding import decode_lines

        text, _ = decode_lines(source.read_bytes(), str(source))
        lines = text.splitlines()  # numbered as reading.clean numbers them
        for where, fixes in by_line.items():
            line = lines[where - 1]
            for finding in reversed(fixes):
                at = _nearest(line, finding)
                if at is not None:
                    line = line[:at] + finding.fix + line[at + len(finding.span):]
                    applied.append(finding)
            lines[where - 1] = line
        write_atomically(output, ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8"))
    return output, [_describe(f) for f in sorted(applied, key=lambda f: (f.where, f.start))]
