"""The paragraph styles and page setup of a 公文 per GB/T 9704-2012, applied to a python-docx Document."""

from __future__ import annotations

from dataclasses import dataclass

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.docx import xml

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"
BODY_SIZE = Pt(16)       # 3号
TITLE_SIZE = Pt(22)      # 2号
FOOTER_SIZE = Pt(14)     # 4号
CONDENSE = -5            # twentieths of a point: 28 characters a line instead of 27

# Style names drafter writes with; an office's own reference .docx should define them.
STYLE_TITLE = "Title"
STYLE_HEADINGS = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
STYLE_BODY = "Normal"
STYLE_RECIPIENT = "主送机关"
STYLE_SIGNATURE = "落款"
STYLE_DATE = "成文日期"
STYLE_FOOTER = "Footer"


@dataclass(frozen=True)
class Layout:
    """Layout figures; every default comes from the standard (GBT9704.md)."""

    line_pitch_pt: float = 28.95  # 22 lines a page with these margins
    title_font: str = "方正小标宋简体"
    heading_fonts: tuple[str, ...] = ("黑体", "楷体_GB2312", BODY_FONT, BODY_FONT)
    heading_bold: tuple[bool, ...] = (False, False, True, False)

    @property
    def line_pitch(self) -> Pt:
        return Pt(self.line_pitch_pt)

    @property
    def line_pitch_twips(self) -> int:
        return round(self.line_pitch_pt * 20)


def _paragraph_style(document, name: str, base: str | None = STYLE_BODY):
    styles = document.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = styles[base]
    style.quick_style = True
    return style


def _text_style(style, font: str, size, *, bold: bool = False, condense: bool = True) -> None:
    rpr = style.element.get_or_add_rPr()
    xml.set_fonts(rpr, LATIN_FONT, font)
    xml.remove_color(rpr)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    if condense:
        xml.set_char_spacing(rpr, CONDENSE)


def _exact_lines(style, layout: Layout, *, before=Pt(0), after=Pt(0)) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = layout.line_pitch
    fmt.space_before = before
    fmt.space_after = after


def _indent(style, first_line_chars: int) -> None:
    ppr = style.element.get_or_add_pPr()
    if first_line_chars:
        xml.set_first_line_chars(ppr, first_line_chars, round(BODY_SIZE.pt * 20) * first_line_chars)
    else:
        style.paragraph_format.first_line_indent = Pt(0)


def apply_styles(document, layout: Layout = Layout()) -> None:
    """Define every style drafter writes with: body, title, four heading levels, 主送, 落款, footer."""
    styles = document.styles
    body = styles[STYLE_BODY]
    _text_style(body, BODY_FONT, BODY_SIZE)
    xml.set_language(body.element.get_or_add_rPr())
    _exact_lines(body, layout)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent(body, 2)
    xml.set_widow_control(body.element.get_or_add_pPr(), False)

    title = _paragraph_style(document, STYLE_TITLE)
    _text_style(title, layout.title_font, TITLE_SIZE, condense=False)
    _exact_lines(title, layout, after=layout.line_pitch)  # one blank line under the title
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _indent(title, 0)
    title.paragraph_format.keep_with_next = True
    _strip_borders(title)
    xml.set_snap_to_grid(title.element.get_or_add_pPr(), False)

    for level, name in enumerate(STYLE_HEADINGS):
        heading = _paragraph_style(document, name)
        _text_style(heading, layout.heading_fonts[level], BODY_SIZE, bold=layout.heading_bold[level])
        _exact_lines(heading, layout)
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        heading.paragraph_format.keep_with_next = True
        heading.paragraph_format.keep_together = False
        _indent(heading, 2)
        xml.set_outline_level(heading.element.get_or_add_pPr(), level)

    recipient = _paragraph_style(document, STYLE_RECIPIENT)
    _indent(recipient, 0)

    signature = _paragraph_style(document, STYLE_SIGNATURE)
    _indent(signature, 0)
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.paragraph_format.keep_with_next = True
    signature.paragraph_format.space_before = layout.line_pitch  # one blank line below the text

    date = _paragraph_style(document, STYLE_DATE)
    _indent(date, 0)
    date.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    footer = _paragraph_style(document, STYLE_FOOTER)
    _text_style(footer, "宋体", FOOTER_SIZE, condense=False)
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    _indent(footer, 0)


def _strip_borders(style) -> None:
    # python-docx's Title style draws a blue rule under the title.
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def apply_page_setup(section, layout: Layout = Layout()) -> None:
    """A4; top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; footer 22 mm; a 22-line grid."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(22)
    section.gutter = Mm(0)
    xml.set_doc_grid(section._sectPr, layout.line_pitch_twips)


def add_page_numbers(document) -> None:
    """"— N —" in 宋体 4号: odd pages right, even pages left, one character in from the type area."""
    section = document.sections[0]
    xml.enable_even_and_odd_headers(document.settings.element)
    one_char = FOOTER_SIZE
    for footer, alignment in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.clear()
        paragraph.style = document.styles[STYLE_FOOTER]
        paragraph.alignment = alignment
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = one_char
        else:
            paragraph.paragraph_format.left_indent = one_char
        paragraph.add_run("— ")
        xml.add_page_field(paragraph)
        paragraph.add_run(" —")
