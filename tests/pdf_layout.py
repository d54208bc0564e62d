"""Measure a rendered PDF: lines per page, characters per line, positions, embedded fonts (poppler-utils)."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
LEFT, RIGHT = 28 * MM, (210 - 26) * MM           # the type area: 156 mm wide
TOP, BOTTOM = 37 * MM, (297 - 35) * MM           # and 225 mm high
XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Line:
    text: str
    x_min: float
    x_max: float
    y_min: float
    y_max: float

    @property
    def width_in_chars(self) -> float:
        """Characters counted the way a 公文 grid counts them: full width 1, half width 1/2."""
        return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in self.text)

    @property
    def all_full_width(self) -> bool:
        return all(unicodedata.east_asian_width(c) in "WF" for c in self.text)


@dataclass(frozen=True)
class Page:
    number: int
    lines: tuple[Line, ...]
    words: tuple[Line, ...] = ()  # pdftotext's words: a table cell's text apart from its neighbours

    @property
    def body(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.y_min < BOTTOM)

    @property
    def footer(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.y_min >= BOTTOM)


def read_pages(pdf: Path) -> list[Page]:
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xhtml)
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        lines, words = [], []
        for line in page.iter(f"{XHTML}line"):
            text = "".join(word.text or "" for word in line.iter(f"{XHTML}word"))
            lines.append(Line(text, *(float(line.get(k)) for k in ("xMin", "xMax", "yMin", "yMax"))))
            words.extend(Line(word.text or "", *(float(word.get(k)) for k in ("xMin", "xMax", "yMin", "yMax")))
                         for word in line.iter(f"{XHTML}word"))
        def order(item):
            return item.y_min, item.x_min
        pages.append(Page(number, tuple(sorted(lines, key=order)), tuple(sorted(words, key=order))))
    return pages


def embedded_fonts(pdf: Path) -> set[str]:
    """Base font names without the subset prefix: {"FandolFang-Regular", …}."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+", 1)[-1] for line in out.splitlines()[2:] if line.strip()}


def require_renderer() -> None:
    """Skip a real-client test unless LibreOffice, poppler and the 公文 fonts (or their free stand-ins)
    are all there; in CI (CI=true) a missing piece is a failure instead, so the tests cannot vanish."""
    import os
    import shutil

    import pytest

    from drafter.preview import find_soffice, missing_faces

    missing = [tool for tool in ("pdftotext", "pdffonts", "pdftoppm") if shutil.which(tool) is None]
    if find_soffice() is None:
        missing.insert(0, "LibreOffice (soffice)")
    fonts = missing_faces()
    if fonts:
        missing.append("fonts: " + " ".join(fonts[:-1]))
    if not missing:
        return
    reason = "real-client rendering needs " + "; ".join(missing) + " (install with: sudo bash .ci/install-renderer)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)
