"""read_report: a .txt or .docx into a Document, with source lines and section kinds per block."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafter.document import Block, Document, Heading, Paragraph, Recipient, Run, Signature, Title
from drafter.docx.guard import open_docx
from drafter.encoding import decode_lines
from drafter.errors import InputError
from drafter.safeio import read_bounded
from drafter.reading.classify import section_kinds
from drafter.reading.clean import SPACES, clean_lines, fingerprint
from drafter.reading.headings import match_heading, match_unnumbered, normalise, split_running_text

TITLE_WORDS = re.compile(r"总结|计划|报告|要点|打算|思路")
DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
ORG = re.compile(r"(局|委员会|委|政府|办公室|中心|院)$")
FILE_SUFFIX = re.compile(r"\.(docx?|pdf|txt|wps)$", re.I)
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a report is about 100 KB; 8 MB (~2,000 pages) takes mine ~50 s, check ~15 s
LOST_BREAKS = 300  # a line this long holding headings has lost its line breaks


@dataclass(frozen=True)
class ReadReport:
    path: Path
    document: Document
    lines: tuple[int, ...]   # source line (.txt) or paragraph number (.docx) of each block
    kinds: tuple[str, ...]   # achievements / problems / plans / other, per block
    note: str | None = None  # e.g. the encoding was guessed


def read_report(path: Path) -> ReadReport:
    if path.suffix.lower() == ".docx":
        lines, note = _docx_lines(path), None
    else:
        raw = read_bounded(path, MAX_TEXT_BYTES, "文稿")  # regular files only, size counted while reading
        if b"\x00" in raw[:65536]:
            raise InputError(f"{path}: 这是二进制文件，不是文本文稿。")
        text, note = decode_lines(raw, str(path))
        lines = clean_lines(text)
    blocks, numbers = parse_lines(lines)
    document = Document(tuple(blocks))
    return ReadReport(path, document, tuple(numbers), tuple(section_kinds(document.blocks)), note)


# Paragraph styles of drafter's attachment page: furniture around a table, not report text.
ATTACHMENT_STYLES = ("附件标识", "表题")


def _docx_lines(path: Path) -> list[tuple[int, str]]:
    document = open_docx(path)  # limits, safe XML, every failure a Chinese refusal
    return [(number, p.text.strip()) for number, p in enumerate(document.paragraphs, start=1)
            if p.text.strip() and getattr(p.style, "name", None) not in ATTACHMENT_STYLES]


def parse_lines(lines: list[tuple[int, str]]) -> tuple[list[Block], list[int]]:
    """Cleaned lines -> blocks: title, recipient, headings (run-in text split off), paragraphs, signature."""
    blocks: list[Block] = []
    numbers: list[int] = []

    def add(block: Block, number: int) -> None:
        blocks.append(block)
        numbers.append(number)

    title = None
    for index, (number, line) in enumerate(lines):
        if title is None and index < 3 and _looks_like_title(line):
            title = FILE_SUFFIX.sub("", SPACES.sub("", line))
            add(Title(normalise(title)), number)
            continue
        if title:
            if _same_title(line, title):
                continue
            line = _strip_repeated_title(line, title)
        pieces = split_running_text(line) if len(line) > LOST_BREAKS else [line]
        for piece in pieces:
            heading = match_heading(piece) or (match_unnumbered(piece) if len(piece) <= 24 else None)
            if heading:
                add(Heading(heading.level, heading.title, heading.marker), number)
                if heading.rest:
                    add(Paragraph((Run(heading.rest),)), number)
            elif len(piece) <= 20 and piece.endswith(("：", ":")) and not blocks[1:]:
                add(Recipient(normalise(piece)), number)
            else:
                add(Paragraph((Run(piece),)), number)
    _join_signature(blocks, numbers)
    return blocks, numbers


def _looks_like_title(line: str) -> bool:
    return (len(line) <= 60 and TITLE_WORDS.search(line) is not None and not line.endswith("。")
            and match_heading(line) is None)


def _same_title(line: str, title: str) -> bool:
    """"2022 科技工作 总结" repeats "2022年科技工作总结" on a document-sharing site."""
    return fingerprint(line).replace("年", "") == fingerprint(title).replace("年", "")


def _strip_repeated_title(line: str, title: str) -> str:
    """Text copied from a viewer often repeats the title at the start of the body: drop it."""
    while True:
        compact = SPACES.sub("", line)
        if not compact.startswith(title) or len(compact) == len(title):
            return line
        # cut the same number of non-space characters from the original line
        seen, cut = 0, 0
        while seen < len(title) and cut < len(line):
            seen += not line[cut].isspace()
            cut += 1
        line = line[cut:].strip()


def _join_signature(blocks: list[Block], numbers: list[int]) -> None:
    """An organisation line followed by a date line at the end is the 落款."""
    if len(blocks) < 2 or not all(isinstance(b, Paragraph) for b in blocks[-2:]):
        return
    org, date = blocks[-2].text, SPACES.sub("", blocks[-1].text)
    if DATE.match(date) and len(org) <= 30 and ORG.search(org):
        blocks[-2:] = [Signature(org, date)]
        numbers[-2:] = [numbers[-2]]
