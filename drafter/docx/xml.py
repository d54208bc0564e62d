"""The few raw WordprocessingML edits python-docx has no API for, one small function per element."""

from __future__ import annotations

from docx.oxml import OxmlElement
from lxml.etree import SubElement
from docx.oxml.ns import qn

from drafter import recache

# Children of w:rPr and w:pPr must appear in schema order; these are the tags that may follow the
# ones we insert (ECMA-376 CT_RPr / CT_PPr sequences).
RPR_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
PPR_AFTER_OUTLINE = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
PPR_AFTER_SNAP = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)
PPR_AFTER_OVERFLOW = (
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
) + PPR_AFTER_SNAP
TBLPR_AFTER_LAYOUT = ("w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Clark names of the elements written for every paragraph, run and cell, looked up once
W = {tag: qn(tag) for tag in ("w:p", "w:pPr", "w:pStyle", "w:val", "w:r", "w:rPr", "w:b", "w:t", "w:br", "w:tcPr",
                              "w:tcW", "w:type", "w:w", "w:vAlign", "w:snapToGrid", "w:sectPr", "xml:space")}


def _replace_child(parent, tag: str, successors: tuple[str, ...], **attrs: str):
    old = parent.find(qn(tag))
    if old is not None:
        parent.remove(old)
    element = OxmlElement(tag, attrs={qn(k): v for k, v in attrs.items()})
    parent.insert_element_before(element, *successors)
    return element


def set_fonts(rpr, latin: str, east_asian: str) -> None:
    """Latin and Chinese font names; theme fonts removed, since they override explicit names."""
    fonts = rpr.get_or_add_rFonts()
    for attr in THEME_FONT_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # Curly quotes, dashes and ellipses belong to the Chinese font, not the Latin one.
    fonts.set(qn("w:hint"), "eastAsia")


def set_char_spacing(rpr, twentieths_pt: int) -> None:
    """Condense (negative) or expand every character; -5 (0.25 pt) fits 28 characters a line."""
    _replace_child(rpr, "w:spacing", RPR_AFTER_SPACING, **{"w:val": str(twentieths_pt)})


def set_language(rpr, east_asian: str = "zh-CN") -> None:
    _replace_child(rpr, "w:lang", RPR_AFTER_LANG, **{"w:val": "en-US", "w:eastAsia": east_asian, "w:bidi": "ar-SA"})


def remove_color(rpr) -> None:
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def set_outline_level(ppr, level: int | None) -> None:
    """Outline level 0..8 makes the paragraph show in Word's navigation pane; None removes it."""
    old = ppr.find(qn("w:outlineLvl"))
    if old is not None:
        ppr.remove(old)
    if level is not None:
        _replace_child(ppr, "w:outlineLvl", PPR_AFTER_OUTLINE, **{"w:val": str(level)})


def set_first_line_chars(ppr, chars: int, twips: int) -> None:
    """First-line indent in characters, with the absolute width too (LibreOffice reads only that)."""
    ind = ppr.get_or_add_ind()
    for attr in ("w:hanging", "w:hangingChars"):
        ind.attrib.pop(qn(attr), None)
    ind.set(qn("w:firstLine"), str(twips))
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def set_widow_control(ppr, on: bool) -> None:
    # Widow control moves single lines to the next page and breaks the 22-lines-a-page grid.
    ppr.get_or_add_widowControl().set(qn("w:val"), "1" if on else "0")


def set_doc_grid(sect_pr, line_pitch_twips: int) -> None:
    """A line grid only: Word's character grid breaks LibreOffice's layout (see GBT9704.md)."""
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))


def add_page_field(paragraph) -> None:
    """A real PAGE field (begin, instruction, separate, placeholder, end) as runs of `paragraph`."""
    def field_run(*children):
        run = paragraph.add_run()
        for child in children:
            run._r.append(child)
        return run

    field_run(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): "begin"}))
    instr = OxmlElement("w:instrText", attrs={qn("xml:space"): "preserve"})
    instr.text = " PAGE "
    field_run(instr)
    field_run(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): "separate"}))
    paragraph.add_run("1")
    field_run(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): "end"}))


def set_east_asian_theme_language(settings_element, language: str = "zh-CN") -> None:
    """python-docx's template says ja-JP, which sends Chinese text to a Japanese font."""
    lang = settings_element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), language)


def set_compatibility_mode(settings_element, mode: int = 15) -> None:
    """Mode 15 (Word 2013+) so Word does not open the draft in compatibility mode."""
    for setting in settings_element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))


def enable_even_and_odd_headers(settings_element) -> None:
    if settings_element.find(qn("w:evenAndOddHeaders")) is None:
        settings_element.insert_element_before(
            OxmlElement("w:evenAndOddHeaders"),
            "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing", "w:characterSpacingControl",
            "w:compat", "w:rsids", "m:mathPr", "w:themeFontLang", "w:clrSchemeMapping", "w:decimalSymbol", "w:listSeparator",
        )


def set_snap_to_grid(ppr, on: bool) -> None:
    """Off for the title: a 2号 line would otherwise take two grid lines in LibreOffice."""
    _replace_child(ppr, "w:snapToGrid", PPR_AFTER_SNAP, **{"w:val": "1" if on else "0"})


def set_overflow_punctuation(ppr, on: bool) -> None:
    """Off: a full stop at the end of a full line must not hang outside the type area."""
    _replace_child(ppr, "w:overflowPunct", PPR_AFTER_OVERFLOW, **{"w:val": "1" if on else "0"})


def set_repeat_header(row) -> None:
    """The row repeats at the top of every page the table runs onto (w:tblHeader)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def set_cant_split(row) -> None:
    """A row is never divided between two pages (w:cantSplit)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def set_fixed_layout(table) -> None:
    """Fixed column widths: WPS ignores autofit hints and relies on explicit widths."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblLayout")):
        tbl_pr.remove(old)
    tbl_pr.insert_element_before(OxmlElement("w:tblLayout", attrs={qn("w:type"): "fixed"}), *TBLPR_AFTER_LAYOUT)


def set_paragraph_style(paragraph, style_id: str) -> None:
    """Name the style by its id directly: python-docx's `paragraph.style = …` searches every style
    for the default on each call, a millisecond a paragraph with a full styles part."""
    p = paragraph._p
    if p.pPr is None:  # w:pPr comes first in w:p: put it there without python-docx's successor search
        ppr = OxmlElement("w:pPr")
        SubElement(ppr, qn("w:pStyle")).set(qn("w:val"), style_id)
        p.insert(0, ppr)
        return
    p.pPr.style = style_id


def set_cell_margins(table, left_right_twips: int) -> None:
    """Left and right cell margins of the whole table (w:tblCellMar), narrower than Word's 0.19 cm."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblCellMar")):
        tbl_pr.remove(old)
    margins = OxmlElement("w:tblCellMar")
    for side in ("w:left", "w:right"):
        margins.append(OxmlElement(side, attrs={qn("w:w"): str(left_right_twips), qn("w:type"): "dxa"}))
    tbl_pr.insert_element_before(margins, *TBLPR_AFTER_LAYOUT[1:])


# python-docx's document.add_paragraph()/add_table() insert before w:sectPr by scanning the body for it,
# so a build wrote in time quadratic in its length; these append before the sectPr held at hand.
def _body_end(document):
    body = document.element.body
    last = body[-1] if len(body) else None
    return body, (last if last is not None and last.tag == W["w:sectPr"] else None)


def _append_block(document, element) -> None:
    body, sect_pr = _body_end(document)
    if sect_pr is None:
        body.append(element)
    else:
        sect_pr.addprevious(element)


def append_paragraph(document, style_id: str | None = None):
    """A new empty paragraph at the end of the body (before the section properties), in the style
    with this id: the same XML as add_paragraph() and set_paragraph_style() write, built directly."""
    from docx.text.paragraph import Paragraph

    p = OxmlElement("w:p")
    if style_id is not None:
        SubElement(SubElement(p, W["w:pPr"]), W["w:pStyle"]).set(W["w:val"], style_id)
    _append_block(document, p)
    return Paragraph(p, document._body)


RUN_CONTROLS = recache.compile(r"[\t\r\n]")


def append_run(paragraph, text: str, bold: bool | None = None, empty_rpr: bool = False) -> None:
    """A run of text, bold when asked, as python-docx's add_run(text) (and .bold = True/None) writes it,
    built with lxml directly: python-docx's add_run walks the text a character at a time."""
    if RUN_CONTROLS.search(text):  # tabs and line breaks become w:tab and w:br: leave those to python-docx
        run = paragraph.add_run(text)
        if bold or empty_rpr:
            run.bold = True if bold else None
        return
    r = _new_run(paragraph._p, bold, empty_rpr)
    if text:
        _add_text(r, text)


def append_lines(p, lines, bold: bool = False, empty_rpr: bool = False) -> None:
    """One run a line, each after the first led by a line break (w:br), as python-docx's add_run,
    add_break and add_text write them; bold or empty_rpr give each run its w:rPr, as in append_run."""
    for number, line in enumerate(lines):
        r = _new_run(p, bold, empty_rpr)
        if number:
            SubElement(r, W["w:br"])
        _add_text(r, line)


def _new_run(p, bold: bool | None, empty_rpr: bool):
    r = SubElement(p, W["w:r"])
    if bold or empty_rpr:
        rpr = SubElement(r, W["w:rPr"])
        if bold:
            SubElement(rpr, W["w:b"])
    return r


def _add_text(r, text: str) -> None:
    """A w:t, marked to keep its leading and trailing spaces when it has some (as python-docx's add_t)."""
    t = SubElement(r, W["w:t"])
    t.text = text
    if len(text.strip()) < len(text):
        t.set(W["xml:space"], "preserve")


def fill_cell(tc, width, style_id: str, lines: list[str], bold: bool) -> None:
    """A table cell as the writer lays it out: its width, centred vertically, one paragraph in the table
    style off the line grid, a run a line (each after the first led by a line break). The XML that
    python-docx's cell.width, vertical_alignment and add_run write, built directly: those search the
    children for every property they set, which was half the time of writing a report."""
    from docx.oxml.simpletypes import ST_TwipsMeasure

    for child in list(tc):
        tc.remove(child)
    tc_pr = SubElement(tc, W["w:tcPr"])
    SubElement(tc_pr, W["w:tcW"], {W["w:type"]: "dxa", W["w:w"]: ST_TwipsMeasure.convert_to_xml(width)})
    SubElement(tc_pr, W["w:vAlign"], {W["w:val"]: "center"})
    p = SubElement(tc, W["w:p"])
    p_pr = SubElement(p, W["w:pPr"])
    SubElement(p_pr, W["w:pStyle"], {W["w:val"]: style_id})
    SubElement(p_pr, W["w:snapToGrid"], {W["w:val"]: "0"})
    append_lines(p, lines, bold, empty_rpr=True)  # every run has its w:rPr, empty unless bold


def append_table(document, rows: int, cols: int):
    """A new table at the end of the body, as document.add_table makes it, without the body scan."""
    from docx.oxml.table import CT_Tbl
    from docx.table import Table

    tbl = CT_Tbl.new_tbl(rows, cols, document._block_width)
    _append_block(document, tbl)
    return Table(tbl, document._body)


def last_paragraph(document):
    """The body's last paragraph, found from the end rather than by listing every paragraph."""
    from docx.text.paragraph import Paragraph

    for element in reversed(document.element.body):
        if element.tag == qn("w:p"):
            return Paragraph(element, document._body)
    return None
