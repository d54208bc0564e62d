"""Read a built .docx back for assertions: paragraphs with their styles, the heading outline."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every non-empty body paragraph."""
    document = docx.Document(str(path))
    return [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]


def outline(path: Path) -> list[str]:
    """"H<level> <text>" for headings, "T <text>" for the title: the shape of the report."""
    lines = []
    for style, text in paragraphs(path):
        if style.startswith("Heading "):
            lines.append(f"H{style.split()[1]} {text}")
        elif style == "Title":
            lines.append(f"T {text}")
    return lines


def text_dump(path: Path) -> str:
    """Every paragraph as "style | text": the golden form of a built report."""
    return "".join(f"{style} | {text}\n" for style, text in paragraphs(path))


def part_xml(path_or_bytes, name: str):
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))
