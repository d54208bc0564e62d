""".docx as Word shows it: paragraphs of the body in order (tables, text boxes once), list numbers rendered
from numbering.xml, heading levels from styles and outline levels, tracked changes accepted, headers apart.

Read with lxml straight from the package parts rather than python-docx, which sees neither numbering,
text boxes nor the runs inside w:ins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path


from drafter import recache
from drafter.docx.guard import parse_xml, read_package
from drafter.errors import InputError
from drafter.numbering import render_level_text
from drafter.reading.source import Line

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "mc": MC}
# Subtrees whose text Word does not show: deletions (tracked changes read as accepted), the fallback copy
# of a text box or shape, field instructions, footnote references' marks.
HIDDEN = {f"{{{W}}}del", f"{{{W}}}moveFrom", f"{{{MC}}}Fallback", f"{{{W}}}instrText", f"{{{W}}}delText",
          f"{{{W}}}pPr", f"{{{W}}}rPr", f"{{{W}}}txbxContent", f"{{{W}}}delInstrText"}
HEADING_NAME = recache.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)
TOC_STYLE = recache.compile(r"^(toc\b|目录)", re.I)
# Drafter's attachment-page styles: furniture around a table it wrote, not report text.
ATTACHMENT_STYLES = ("附件标识", "表题")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class WordText:
    lines: list[Line]
    headers: list[str] = field(default_factory=list)   # header and footer text, kept apart from the body


@dataclass(frozen=True)
class Level:
    start: int
    num_fmt: str
    text: str
    restart: int | None  # w:lvlRestart: restart after this (1-based) level; None = after any shallower one


class Numbering:
    """numbering.xml: w:num -> abstract definition and overrides; counters kept per abstract list."""

    def __init__(self, root):
        self.abstract: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        self.started: set[tuple[str, int]] = set()
        self.style_levels: dict[tuple[str, str], int] = {}  # (abstract id, style id) -> the level naming it
        if root is None:
            return
        for abstract in root.iterfind("w:abstractNum", NS):
            abstract_id = abstract.get(w("abstractNumId"))
            self.abstract[abstract_id] = {_int(lvl.get(w("ilvl")), 0): _level(lvl) for lvl in abstract.iterfind("w:lvl", NS)}
            for lvl in abstract.iterfind("w:lvl", NS):
                style = lvl.find("w:pStyle", NS)
                if style is not None:
                    self.style_levels[(abstract_id, style.get(w("val")))] = _int(lvl.get(w("ilvl")), 0)
        for num in root.iterfind("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            overrides = {}
            for override in num.iterfind("w:lvlOverride", NS):
                start = override.find("w:startOverride", NS)
                if start is not None:
                    overrides[int(override.get(w("ilvl"), "0"))] = _int(start.get(w("val")), 1)
            if ref is not None:
                self.nums[num.get(w("numId"))] = (ref.get(w("val")), overrides)

    def render(self, num_id: str, ilvl: int) -> str:
        """The number Word prints for the next paragraph of list `num_id` at level `ilvl`."""
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract_id, [level.start - 1 for level in
                                                          (levels.get(i, Level(1, "decimal", "", None)) for i in range(9))])
        if ilvl in overrides and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))
            counters[ilvl] = overrides[ilvl] - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            level = levels.get(deeper)
            if level and (level.restart is None or level.restart > ilvl):
                counters[deeper] = level.start - 1
        formats = [levels.get(i, Level(1, "decimal", "", None)).num_fmt for i in range(9)]
        shown = [max(c, levels.get(i, Level(1, "decimal", "", None)).start) for i, c in enumerate(counters)]
        return render_level_text(levels[ilvl].text, shown, formats).strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(lvl) -> Level:
    def val(name: str) -> str | None:
        found = lvl.find(f"w:{name}", NS)
        return found.get(w("val")) if found is not None else None
    restart = val("lvlRestart")
    return Level(_int(val("start"), 1), val("numFmt") or "decimal", val("lvlText") or "",
                 _int(restart, 0) if restart is not None else None)


@dataclass
class Style:
    name: str
    based_on: str | None
    num: tuple[str, int] | None   # numId, ilvl linked to the style
    outline: int | None           # 0-based w:outlineLvl
    bold: bool | None


class Styles:
    def __init__(self, root):
        self.styles: dict[str, Style] = {}
        self.default_paragraph = None
        if root is None:
            return
        for style in root.iterfind("w:style", NS):
            style_id = style.get(w("styleId"))
            name = style.find("w:name", NS)
            based = style.find("w:basedOn", NS)
            ppr = style.find("w:pPr", NS)
            rpr = style.find("w:rPr", NS)
            self.styles[style_id] = Style(
                name.get(w("val"), "") if name is not None else style_id,
                based.get(w("val")) if based is not None else None,
                _num_pr(ppr) if ppr is not None else None,
                _outline(ppr) if ppr is not None else None,
                _bold(rpr) if rpr is not None else None)
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in ("1", "true"):
                self.default_paragraph = style_id

    def chain(self, style_id: str | None):
        seen = set()
        style_id = style_id or self.default_paragraph
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or self.default_paragraph or "")
        return style.name if style else ""

    def first(self, style_id: str | None, attribute: str):
        return next((getattr(s, attribute) for s in self.chain(style_id) if getattr(s, attribute) is not None), None)

    def heading_level(self, style_id: str | None) -> int | None:
        for style in self.chain(style_id):
            found = HEADING_NAME.match(style.name.strip())
            if found:
                return int(found.group(1))
        outline = self.first(style_id, "outline")
        return outline + 1 if outline is not None else None


def _num_pr(ppr) -> tuple[str, int] | None:
    num_pr = ppr.find("w:numPr", NS)
    if num_pr is None:
        return None
    num_id, ilvl = num_pr.find("w:numId", NS), num_pr.find("w:ilvl", NS)
    return (num_id.get(w("val")) if num_id is not None else None,
            _int(ilvl.get(w("val")), 0) if ilvl is not None else None)


def _outline(ppr) -> int | None:
    found = ppr.find("w:outlineLvl", NS)
    level = _int(found.get(w("val")), 9) if found is not None else None
    return level if level is not None and level < 9 else None


def _bold(rpr) -> bool | None:
    found = rpr.find("w:b", NS)
    if found is None:
        return None
    return found.get(w("val"), "true") not in ("0", "false", "off")


BREAK = "\x0b"  # a line break inside a paragraph, until we know whether it ends a line of its own
BREAK_ENDS_LINE = recache.compile(r"(?<=[。！？；：:])\x0b|\x0b(?=\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
                                  r"\d{1,2}[、.．]\D|[•·●■◆▪○\uf06c\uf0a7\uf0b7\uf0d8]))")


def _lines_of(text: str) -> list[str]:
    """A paragraph's text cut at the line breaks that end a line of its own (after a full stop, or before
    a heading number); a break in the middle of a sentence or title is only layout."""
    return [piece.replace(BREAK, "") for piece in BREAK_ENDS_LINE.sub("\n", text).split("\n")]


def _text(element) -> str:
    """The text Word shows for an element: runs in w:ins kept, deletions and fallback copies left out."""
    parts = []

    def walk(node):
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in HIDDEN:
                continue
            if tag == w("t"):
                parts.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                parts.append(" ")
            elif tag in (w("br"), w("cr")):
                # a line break inside a paragraph is layout (a title or a sentence broken to fit), except
                # before a page break, which ends what is on the page
                parts.append("\n" if child.get(w("type")) == "page" else BREAK)
            elif tag == w("noBreakHyphen"):
                parts.append("-")
            elif tag == w("sym"):
                char = child.get(w("char"), "")
                parts.append(chr(int(char, 16)) if re.fullmatch(r"[0-9A-Fa-f]{4}", char) and int(char, 16) < 0xF000 else "")
            else:
                walk(child)
    walk(element)
    return "".join(parts)


def _all_bold(paragraph, styles: Styles, style_id: str | None) -> bool:
    style_bold = bool(styles.first(style_id, "bold"))
    runs = [r for r in paragraph.iter(w("r")) if _text(r).replace(BREAK, "").strip() and not _hidden_run(r)]
    if not runs:
        return False
    for run in runs:
        rpr = run.find("w:rPr", NS)
        bold = _bold(rpr) if rpr is not None else None
        if rpr is not None and bold is None:
            run_style = rpr.find("w:rStyle", NS)
            if run_style is not None:
                bold = styles.first(run_style.get(w("val")), "bold")
        if not (bold if bold is not None else style_bold):
            return False
    return True


def _hidden_run(run) -> bool:
    return any(ancestor.tag in HIDDEN for ancestor in run.iterancestors())


class Reader:
    def __init__(self, numbering: Numbering, styles: Styles):
        self.numbering, self.styles = numbering, styles
        self.lines: list[Line] = []
        self.count = 0  # paragraphs met so far, empty ones included: how a user counts them in Word

    def body(self, container, in_table: bool = False) -> None:
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.paragraph(child, in_table)
            elif tag == w("tbl"):
                self.table(child)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("moveTo"), w("smartTag")):
                self.body(child.find("w:sdtContent", NS) if tag == w("sdt") else child, in_table)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find("mc:Choice", NS)
                if choice is not None:
                    self.body(choice, in_table)

    def table(self, table) -> None:
        rows = []
        for row in table.iterfind("w:tr", NS):
            cells = []
            for cell in row.iterfind("w:tc", NS):
                cells.append("\n".join(t for p in cell.iterfind(".//w:p", NS) for t in _lines_of(_text(p).strip()) if t))
            rows.append(tuple(cells))
        columns = max((len(r) for r in rows), default=0)
        if columns <= 1:  # a one-column table is a frame around body text: read it as the body
            for row in table.iterfind("w:tr", NS):
                for cell in row.iterfind("w:tc", NS):
                    self.body(cell, in_table=True)
            return
        if any(any(cell for cell in row) for row in rows):
            self.lines.append(Line(self.count + 1, "", in_table=True, table=tuple(rows)))

    def paragraph(self, paragraph, in_table: bool) -> None:
        self.count += 1
        number = self.count
        ppr = paragraph.find("w:pPr", NS)
        style_id = None
        direct_num, outline, centered = None, None, False
        if ppr is not None:
            style = ppr.find("w:pStyle", NS)
            style_id = style.get(w("val")) if style is not None else None
            direct_num = _num_pr(ppr)
            outline = _outline(ppr)
            jc = ppr.find("w:jc", NS)
            centered = jc is not None and jc.get(w("val")) == "center"
            if ppr.find("w:rPr/w:del", NS) is not None and not _text(paragraph).strip():
                return  # a paragraph mark deleted with tracked changes
        if self.styles.name(style_id) in ATTACHMENT_STYLES:
            return
        text = "\n".join(_lines_of(_text(paragraph)))
        marker = ""
        num = self._num(direct_num, style_id)
        if num and text.strip():
            marker = self.numbering.render(*num)
        level = self.styles.heading_level(style_id) if outline is None else outline + 1
        bold = _all_bold(paragraph, self.styles, style_id)
        toc = TOC_STYLE.match(self.styles.name(style_id)) is not None
        for piece in text.split("\n"):
            if piece.strip():
                self.lines.append(Line(number, piece.strip(), marker, None if toc else level, bold, centered,
                                       in_table, toc))
                marker = ""
        # text boxes anchored in this paragraph, once (mc:Fallback holds a VML copy of the same text)
        for box in _text_boxes(paragraph):
            self.body(box, in_table)

    def _num(self, direct, style_id):
        """(numId, ilvl) from the paragraph, else from its style chain (Heading styles linked to a list)."""
        num_id, ilvl = direct if direct else (None, None)
        if num_id is None or ilvl is None:
            linked = self.styles.first(style_id, "num")
            if linked:
                num_id = num_id if num_id is not None else linked[0]
                ilvl = ilvl if ilvl is not None else (linked[1] if linked[1] is not None else None)
        if num_id is None or num_id == "0":
            return None
        if ilvl is None:
            ilvl = self._style_level(num_id, style_id)
        return num_id, ilvl

    def _style_level(self, num_id: str, style_id: str | None) -> int:
        """A style linked to a list without w:ilvl takes the level whose w:pStyle names it."""
        abstract_id = self.numbering.nums.get(num_id, ("", {}))[0]
        return self.numbering.style_levels.get((abstract_id, style_id), 0)


def _text_boxes(paragraph):
    for box in paragraph.iter(w("txbxContent")):
        if not any(a.tag in (f"{{{MC}}}Fallback", w("del")) for a in box.iterancestors()):
            yield box


def read_word(path: Path) -> WordText:
    """The body, numbering, styles and header text of a Word file, through the guarded door (size, part
    count, depth and entity limits; every failure a Chinese refusal)."""
    parts = read_package(path)

    def part(name: str):
        return parse_xml(parts[name], path, name) if name in parts else None

    document = part("word/document.xml")
    if document is None:
        raise InputError(f"{path}: 不是有效的 .docx 文件，或文件已损坏（缺少 word/document.xml）。")
    numbering_root = part("word/numbering.xml")
    styles = Styles(part("word/styles.xml"))
    headers = []
    for name in sorted(n for n in parts if re.fullmatch(r"word/(header|footer)\d*\.xml", n)):
        root = part(name)
        text = " ".join(t for p in root.iter(w("p")) for t in _lines_of(_text(p).strip()) if t)
        if text and text not in headers:
            headers.append(text)
    reader = Reader(Numbering(numbering_root), styles)
    body = document.find("w:body", NS)
    if body is not None:
        reader.body(body)
    return WordText(reader.lines, headers)
