"""The paragraph styles and page setup of a 公文 per GB/T 9704-2012, applied to a python-docx Document."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.docx import xml
from drafter.layout import BODY_FONT, Layout

LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(16)       # 3号
TITLE_SIZE = Pt(22)      # 2号
FOOTER_SIZE = Pt(14)     # 4号
CONDENSE = -5            # twentieths of a point: 28 characters a line instead of 27

# Style names drafter writes with; an office's own reference .docx may define them (docs/templates.md).
STYLE_TITLE = "Title"
STYLE_HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
STYLE_BODY = "Normal"
STYLE_RECIPIENT = "主送机关"
STYLE_SIGNATURE = "落款"
STYLE_DATE = "成文日期"
STYLE_FOOTER = "Footer"
STYLE_HEADER = "Header"  # drafter writes no header, but an office's 版头 typed into it must not be indented
STYLE_ATTACHMENT = "附件标识"
STYLE_TABLE_TITLE = "表题"
STYLE_TABLE_TEXT = "表格文字"
TABLE_SIZE = Pt(12)      # 小四


def _text(style, font: str, size, *, bold: bool = False, condense: bool = True) -> None:
    rpr = style.element.get_or_add_rPr()
    xml.set_fonts(rpr, LATIN_FONT, font)
    xml.remove_color(rpr)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    if condense:
        xml.set_char_spacing(rpr, CONDENSE)


def _lines(style, layout: Layout, *, after: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.line_pitch_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(layout.line_pitch_pt) if after else Pt(0)


def _first_line(style, chars: int) -> None:
    """The first-line indent in characters and in twips, said even when 0: a style based on Normal
    inherits its firstLineChars="200", and Word takes an inherited chars value over the style's own twips."""
    xml.set_first_line_chars(style.element.get_or_add_pPr(), chars, round(BODY_SIZE.pt * 20) * chars)


def _body(style, layout: Layout) -> None:
    _text(style, BODY_FONT, BODY_SIZE)
    xml.set_language(style.element.get_or_add_rPr())
    _lines(style, layout)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _first_line(style, 2)
    xml.set_widow_control(style.element.get_or_add_pPr(), False)
    xml.set_overflow_punctuation(style.element.get_or_add_pPr(), False)


def _title(style, layout: Layout) -> None:
    _text(style, layout.title_font, TITLE_SIZE, condense=False)
    _lines(style, layout, after=True)  # one blank line under the title
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.keep_with_next = True
    _first_line(style, 0)
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):  # python-docx's Title draws a blue rule
        ppr.remove(border)
    xml.set_snap_to_grid(ppr, False)


def _heading(level: int):
    def apply(style, layout: Layout) -> None:
        _text(style, layout.heading_fonts[level], BODY_SIZE, bold=layout.heading_bold[level])
        _lines(style, layout)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.keep_together = False
        _first_line(style, 2)
        xml.set_outline_level(style.element.get_or_add_pPr(), level)
    return apply


def _flush_left(style, layout: Layout) -> None:
    _first_line(style, 0)


def _signature(style, layout: Layout) -> None:
    _first_line(style, 0)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    style.paragraph_format.keep_with_next = True
    style.paragraph_format.space_before = Pt(layout.line_pitch_pt)  # one blank line below the text


def _date(style, layout: Layout) -> None:
    _first_line(style, 0)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _footer(style, layout: Layout) -> None:
    _text(style, "宋体", FOOTER_SIZE, condense=False)
    style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _first_line(style, 0)


def _attachment(style, layout: Layout) -> None:
    """"附件" at the top left of the attachment's own page, in 黑体 3号."""
    _text(style, layout.heading_fonts[0], BODY_SIZE)
    _first_line(style, 0)
    style.paragraph_format.page_break_before = True
    style.paragraph_format.keep_with_next = True


def _table_title(style, layout: Layout) -> None:
    _text(style, layout.title_font, BODY_SIZE, condense=False)
    _lines(style, layout, after=True)
    style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style.paragraph_format.keep_with_next = True
    _first_line(style, 0)


def _table_text(style, layout: Layout) -> None:
    _text(style, BODY_FONT, TABLE_SIZE, condense=False)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(18)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _first_line(style, 0)


STYLE_DEFINITIONS = (
    (STYLE_BODY, _body),
    (STYLE_TITLE, _title),
    *((name, _heading(level)) for level, name in enumerate(STYLE_HEADINGS)),
    (STYLE_RECIPIENT, _flush_left),
    (STYLE_SIGNATURE, _signature),
    (STYLE_DATE, _date),
    (STYLE_FOOTER, _footer),
    (STYLE_HEADER, _flush_left),
    (STYLE_ATTACHMENT, _attachment),
    (STYLE_TABLE_TITLE, _table_title),
    (STYLE_TABLE_TEXT, _table_text),
)


STYLE_NAMES = tuple(name for name, _ in STYLE_DEFINITIONS)

# The styles whose lines start at the margin (or are centred / right-aligned by the style): no first-line indent.
FLUSH_STYLES = (STYLE_TITLE, STYLE_RECIPIENT, STYLE_SIGNATURE, STYLE_DATE, STYLE_FOOTER, STYLE_HEADER,
                STYLE_ATTACHMENT, STYLE_TABLE_TITLE, STYLE_TABLE_TEXT)


def apply_styles(document, layout: Layout = Layout(), *, only_missing: bool = False) -> None:
    """Define every style drafter writes with. With only_missing, an office's own styles stay as they are."""
    styles = document.styles
    existing = {style.name for style in styles}
    for name, define in STYLE_DEFINITIONS:
        if name in existing:
            if only_missing:
                if name in FLUSH_STYLES:
                    _no_inherited_indent(styles[name])
                continue
            style = styles[name]
        else:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if name != STYLE_BODY:
                style.base_style = styles[STYLE_BODY]
            style.quick_style = True
        define(style, layout)


def _no_inherited_indent(style) -> None:
    """An office's own flush style that says no indent of its own (or only firstLine="0") would still
    inherit its Normal's firstLineChars in Word; say 0 in both units. An indent the office set stays."""
    ind = style.element.pPr.find(qn("w:ind")) if style.element.pPr is not None else None
    own = {} if ind is None else {key.split("}")[-1]: value for key, value in ind.attrib.items()}
    if any(key in own for key in ("firstLineChars", "hanging", "hangingChars")) or own.get("firstLine", "0") != "0":
        return
    _first_line(style, 0)


def apply_page_setup(section, layout: Layout = Layout()) -> None:
    """A4; top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; footer 22 mm; a line grid at the pitch."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(22)
    section.gutter = Mm(0)
    xml.set_doc_grid(section._sectPr, layout.line_pitch_twips)


def add_page_numbers(document, layout: Layout = Layout()) -> None:
    """"— N —" in 宋体 4号: odd pages right and even pages left, one character in; or all centred."""
    section = document.sections[0]
    xml.enable_even_and_odd_headers(document.settings.element)
    placements = {
        "odd-even": ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)),
        "centred": ((section.footer, WD_ALIGN_PARAGRAPH.CENTER), (section.even_page_footer, WD_ALIGN_PARAGRAPH.CENTER)),
    }[layout.page_numbers]
    for footer, alignment in placements:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.clear()
        paragraph.style = document.styles[STYLE_FOOTER]
        paragraph.alignment = alignment
        fmt = paragraph.paragraph_format
        fmt.right_indent = FOOTER_SIZE if alignment == WD_ALIGN_PARAGRAPH.RIGHT else None
        fmt.left_indent = FOOTER_SIZE if alignment == WD_ALIGN_PARAGRAPH.LEFT else None
        paragraph.add_run("— ")
        xml.add_page_field(paragraph)
        paragraph.add_run(" —")
