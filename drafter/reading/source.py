"""A line of a source as the reader sees it: text plus what the file said about it (Word's hints)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    """One line of a .txt or paragraph of a .docx body: its text, the number Word prints before it, and the hints
    Word gives about its rank."""

    number: int                 # line of a .txt; paragraph of a .docx body, empty ones counted
    text: str
    marker: str = ""            # list number rendered from numbering.xml ("一、", "（二）", "1.")
    outline: int | None = None  # 1-based heading level from a Heading style or w:outlineLvl
    bold: bool = False          # every character is bold
    centered: bool = False
    in_table: bool = False
    toc: bool = False           # an entry of a table of contents: never a heading
    table: tuple[tuple[str, ...], ...] | None = None  # a table of several columns standing here
