"""What a check reads (Target) and what it reports (Finding)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple, TYPE_CHECKING

from drafter.document import Document, Heading, Paragraph, Recipient, Signature, Title

if TYPE_CHECKING:  # the form package pulls in jsonschema: not needed to proofread
    from drafter.form.model import Report

SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "hint": "提示"}


class Finding(NamedTuple):
    rule: str        # e.g. "numbering.sequence"
    severity: str    # error | warning | hint
    where: int       # line of a .txt, paragraph number of a .docx or a built draft
    excerpt: str
    message: str
    suggestion: str = ""
    unit: str = "行"  # 行 for .txt, 段 for .docx and built drafts
    span: str = ""    # the offending text itself, for anchoring a Word comment on it
    start: int = -1   # where `span` starts in the line/paragraph text, -1 when unknown
    fix: str | None = None  # the certain, mechanical replacement of `span` (--fix), if there is one

    def sort_key(self):
        return (self.where, SEVERITY_ORDER[self.severity], self.rule)

    def to_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "location": {self.unit_key: self.where},
                "excerpt": self.excerpt, "message": self.message, "suggestion": self.suggestion, "span": self.span}

    @property
    def unit_key(self) -> str:
        return {"行": "line", "个表格": "table"}.get(self.unit, "paragraph")


@dataclass(frozen=True)
class Target:
    """A draft to check: its blocks, where each one stands, and the form it was written from, if any."""

    document: Document
    numbers: tuple[int, ...]
    unit: str = "段"
    form: Report | None = None
    kinds: tuple[str, ...] = ()  # section kind per block (achievements, problems, plans, other)
    lines: tuple[tuple[int, str], ...] = ()  # the source lines/paragraphs as written, when read from a file
    words: tuple | None = None  # word-list entries (lexicon.Entry); None: the built-in list only
    tables: tuple = ()  # (number, rows of cell texts) of each table of a .docx, or of a built draft

    def __post_init__(self):
        if not self.tables:  # a built draft's attached tables are blocks of its document
            from drafter.document import Table

            rows = [b.rows for b in self.document.blocks if isinstance(b, Table)]
            object.__setattr__(self, "tables", tuple(enumerate(rows, start=1)))

    def kind_at(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else "other"

    def blocks(self):
        """(number, block) pairs."""
        return zip(self.numbers, self.document.blocks)

    def texts(self) -> tuple[tuple[int, str], ...]:
        """(number, text) of every line a reader reads: the source lines as written when there are
        some (headings keep their markers and half-width marks), else the text of each block."""
        return self._texts

    def joined_lines(self):
        """texts() joined for one search per rule (drafter.checks.lines)."""
        return self._joined

    @cached_property
    def _joined(self):
        from drafter.checks.lines import Lines

        return Lines(self._texts)

    @cached_property  # every rule reads them: made once per draft
    def _texts(self) -> tuple[tuple[int, str], ...]:
        if self.lines:
            return tuple(self.lines)
        texts = []
        for number, block in self.blocks():
            if isinstance(block, (Paragraph, Heading, Title, Recipient)):
                texts.append((number, block.text))
            elif isinstance(block, Signature):
                texts.append((number, f"{block.org}{block.date}"))
        return tuple(texts)

    def finding(self, rule: str, severity: str, where: int, text: str, start: int, message: str,
                suggestion: str = "", span: str = "", fix: str | None = None) -> Finding:
        return Finding(rule, severity, where, excerpt(text, start), message, suggestion, self.unit, span,
                       start if span else -1, fix)


def occurrences(word: str, text: str):
    """Where `word` starts in `text`, occurrences that do not overlap (as re.finditer of the escaped
    word finds them, without compiling a pattern for every indicator's name)."""
    at = text.find(word) if word else -1
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


def excerpt(text: str, start: int, width: int = 12) -> str:
    """A few characters either side of `start`, with … where text was cut."""
    left, right = max(0, start - width), min(len(text), start + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")



def format_finding(path: str, finding: Finding) -> str:
    advice = f" 建议：{finding.suggestion}。" if finding.suggestion else ""
    return (f"{path}:第{finding.where}{finding.unit}: [{SEVERITY_NAMES[finding.severity]}] {finding.rule}: "
            f"{finding.message}（{finding.excerpt}）{advice}")
