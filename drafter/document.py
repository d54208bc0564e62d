"""The block model every report becomes, and the parser of draft text into blocks.

Draft text is what templates render: one paragraph per line, no inline markup. Structure is written
only through directive lines that start with DIRECTIVE, a control character that user data can never
contain (the renderer strips it from every value), so a clerk's "1." or "#" is always plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from drafter.errors import TemplateError

DIRECTIVE = "\x1e"  # starts a directive line: "\x1eh2 聚焦主体培育，创新能力持续增强"
FIELD = "\x1f"      # separates a directive's fields
BOLD_ON, BOLD_OFF = "\x1c", "\x1d"  # emphasis inside a paragraph (the lead of 一是…)
# Python counts U+001C..U+001F as white space and line breaks, so never strip() or splitlines() here.
SPACES = " \t\r\u3000"

# Blocks and entries are NamedTuples: plain values like frozen dataclasses, but made without compiling
# six methods per class on every start (Python 3.11), and created faster (a reader makes ~10^5).


class Run(NamedTuple):
    text: str
    bold: bool = False


class Title(NamedTuple):
    text: str
    lines: tuple[str, ...] = ()  # the clerk's own line breaks (meta.title over several lines), else ()


class Recipient(NamedTuple):
    text: str


class Heading(NamedTuple):
    level: int  # 1..4: 一、（一）1.（1）
    text: str
    marker: str = ""  # the number as a read report wrote it ("6、", "(一)"); drafter numbers its own


class Paragraph(NamedTuple):
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class Signature(NamedTuple):
    org: str
    date: str
    sealed: bool = False


class Table(NamedTuple):
    """An attached table on a page of its own: "附件" label, a title, rows (the first is the header)."""

    label: str
    title: str
    rows: tuple[tuple[str, ...], ...]


Block = Title | Recipient | Heading | Paragraph | Signature | Table


KINDS = ("achievements", "problems", "plans", "other")


class Entry(NamedTuple):
    """One block with where it stands in its source and the kind of section it belongs to."""

    index: int      # position in Document.blocks
    block: Block
    position: int   # line of a .txt, paragraph of a .docx or of a built draft (1-based)
    kind: str       # achievements | problems | plans | other


class Section(NamedTuple):
    """A heading (None for the text before the first part) and the entries under it, nested ones included."""

    heading: Heading | None
    kind: str
    entries: tuple[Entry, ...]

    @property
    def position(self) -> int:
        return self.entries[0].position if self.entries else 0


@dataclass(frozen=True)
class Document:
    """A report as blocks; per block its source position and section kind (parallel tuples, so that
    blocks stay plain values that compare equal whatever file they came from)."""

    blocks: tuple[Block, ...]
    positions: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    source: str = field(default="", compare=False)  # the file read; "" for a draft drafter built
    unit: str = "段"   # 行 for a .txt (positions are lines), 段 for a .docx or a draft (paragraphs)

    @property
    def title(self) -> str:
        return next((b.text for b in self.blocks if isinstance(b, Title)), "")

    def position(self, index: int) -> int:
        return self.positions[index] if index < len(self.positions) else index + 1

    def kind(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else "other"

    def entries(self) -> tuple[Entry, ...]:
        return tuple(Entry(i, b, self.position(i), self.kind(i)) for i, b in enumerate(self.blocks))

    def headings(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries() if isinstance(e.block, Heading))

    def sections(self, level: int = 1) -> tuple[Section, ...]:
        """The parts opened by headings at `level` or above, in order; the opening first when it has text."""
        sections, heading, kind, entries = [], None, "other", []
        for entry in self.entries():
            if isinstance(entry.block, Heading) and entry.block.level <= level:
                if heading is not None or entries:
                    sections.append(Section(heading, kind, tuple(entries)))
                heading, kind, entries = entry.block, entry.kind, []
            entries.append(entry)
        if heading is not None or entries:
            sections.append(Section(heading, kind, tuple(entries)))
        return tuple(sections)

    def with_kinds(self, kinds: tuple[str, ...]) -> "Document":
        return replace(self, kinds=tuple(kinds))


def directive(kind: str, *fields: str) -> str:
    """A directive line for draft text; fields are flattened to one line each."""
    return DIRECTIVE + kind + " " + FIELD.join(re.sub(r"[ \t\r\n]+", " ", f).strip(SPACES) for f in fields)


def parse_runs(text: str) -> tuple[Run, ...]:
    if BOLD_ON not in text and BOLD_OFF not in text:  # most paragraphs: one plain run
        return (Run(text),) if text else ()
    runs, bold, current = [], False, ""
    for char in text:
        if char in (BOLD_ON, BOLD_OFF):
            if current:
                runs.append(Run(current, bold))
            current, bold = "", char == BOLD_ON
        else:
            current += char
    if current:
        runs.append(Run(current, bold))
    return tuple(runs)


def parse_draft(text: str, origin: str = "模板") -> Document:
    """Draft text -> Document; heading levels may go down by any amount but up by one at a time."""
    blocks: list[Block] = []
    level = 0
    table: list | None = None  # label, title, rows of the table being read
    for line_number, line in enumerate(text.split("\n"), start=1):
        line = line.strip(SPACES)
        if not line:
            continue
        if table is not None and not line.startswith(DIRECTIVE + "row "):
            blocks.append(Table(table[0], table[1], tuple(table[2])))
            table = None
        if not line.startswith(DIRECTIVE):
            blocks.append(Paragraph(parse_runs(line)))
            continue
        kind, _, payload = line[1:].partition(" ")
        fields = payload.split(FIELD)
        if kind in ("h1", "h2", "h3", "h4"):
            new_level = int(kind[1])
            if new_level > level + 1:
                raise TemplateError(f"{origin}生成的文稿第 {line_number} 行：标题从第 {level} 级跳到第 {new_level} 级（“{fields[0]}”），层级不能跳过。")
            level = new_level
            blocks.append(Heading(new_level, fields[0]))
        elif kind == "title":
            lines = tuple(field for field in fields if field)
            blocks.append(Title("".join(lines), lines if len(lines) > 1 else ()))
        elif kind == "recipient":
            blocks.append(Recipient(fields[0]))
        elif kind == "signature":
            blocks.append(Signature(fields[0], fields[1], fields[2] == "sealed"))
        elif kind == "table":
            table = [fields[0], fields[1], []]
        elif kind == "row" and table is not None:
            table[2].append(tuple(fields))
        else:
            raise TemplateError(f"{origin}生成的文稿第 {line_number} 行：未知的指令“{kind}”。")
    if table is not None:
        blocks.append(Table(table[0], table[1], tuple(table[2])))
    return Document(tuple(blocks))
