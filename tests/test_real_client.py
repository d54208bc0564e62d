"""The .docx as a real client renders it: LibreOffice PDF measured against GB/T 9704 (22 x 28, page numbers, fonts)."""

from __future__ import annotations

import re
import shutil

import docx
import pytest
from docx.shared import Mm

from drafter.build import build_report
from drafter.document import Signature
from drafter.docx.writer import signature_indents
from drafter.form import load_form
from drafter.preview import docx_to_pdf
from tests.conftest import EXAMPLES
from tests.pdf_layout import BOTTOM, LEFT, RIGHT, TOP, embedded_fonts, read_pages, require_renderer

pytestmark = pytest.mark.slow

PITCH = 28.95
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
PUNCTUATION = set("，。、；：？！“”‘’（）《》—…")


@pytest.fixture(scope="module", autouse=True)
def renderer():
    require_renderer()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every example built and rendered once: name -> (docx, pdf)."""
    work = tmp_path_factory.mktemp("rendered")
    result = {}
    for form in sorted(EXAMPLES.glob("*.yaml")):
        copy = work / form.name
        shutil.copyfile(form, copy)
        built = build_report(copy, work / f"{form.stem}.docx").output
        result[form.stem] = (built, docx_to_pdf(built, work / f"{form.stem}.pdf"))
    return result


EXAMPLE_NAMES = sorted(p.stem for p in EXAMPLES.glob("*.yaml"))


def text_pages(pages):
    """The pages of the report itself: an attached table starts a page with "附件"."""
    attachment = next((i for i, page in enumerate(pages) if page.body and page.body[0].text == "附件"), len(pages))
    return pages[:attachment]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_lines_sit_on_the_28_95_pt_grid_and_full_pages_have_22(rendered, name):
    pages = text_pages(read_pages(rendered[name][1]))
    for page in pages:
        tops = [line.y_min for line in page.body]
        gaps = [b - a for a, b in zip(tops, tops[1:])]
        body_gaps = gaps[1:] if page.number == 1 else gaps  # the title's 2号 lines come first
        assert all(abs(gap - PITCH) < 1.0 or abs(gap - 2 * PITCH) < 1.0 for gap in body_gaps if gap < 40), (page.number, gaps)
        assert len(page.body) <= 22
        if page.number > 1:
            assert abs(tops[0] - pages[1].body[0].y_min) < 1.0  # every page starts at the top of the type area
    for page, following in zip(pages[1:-1], pages[2:]):
        closing_next = following is pages[-1]  # the last paragraph keeps with the 落款
        if not (HEADING.match(following.body[0].text) or closing_next):
            assert len(page.body) == 22, f"page {page.number} has {len(page.body)} lines"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_full_lines_hold_28_characters(rendered, name):
    checked = 0
    for page in text_pages(read_pages(rendered[name][1])):
        for line in page.body:
            if line.x_max < RIGHT - 3 or not line.all_full_width:
                continue  # a paragraph's last line, or a line with half-width digits
            indent = round((line.x_min - LEFT) / 16)
            count = len(line.text) + indent
            if PUNCTUATION.isdisjoint(line.text):
                assert count == 28, line.text
            else:  # line-breaking rules and end-of-line punctuation squeezing move one character
                assert 27 <= count <= 30, line.text
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_page_numbers_read_dash_n_dash_right_on_odd_left_on_even_below_the_type_area(rendered, name):
    for page in read_pages(rendered[name][1]):
        assert len(page.footer) == 1
        number = page.footer[0]
        assert number.text == f"—{page.number}—"
        assert number.y_min > BOTTOM
        if page.number % 2:
            assert abs(number.x_max - (RIGHT - 14)) < 2  # one character (4号) in from the right
        else:
            assert abs(number.x_min - (LEFT + 14)) < 2


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_title_centred_and_signature_right_indented_as_the_standard_says(rendered, name):
    """The flush styles' zero indent as rendered: every title line centred in the type area (7.3.1), the
    organisation and date at the right indents of GB/T 9704 7.3.5 (signature_indents), nothing two characters off."""
    built, pdf = rendered[name]
    paragraphs = docx.Document(str(built)).paragraphs
    title = next(p.text for p in paragraphs if p.style.name == "Title").split("\n")
    org = next(p.text for p in paragraphs if p.style.name == "落款")
    date = next(p.text for p in paragraphs if p.style.name == "成文日期")
    pages = text_pages(read_pages(pdf))
    assert [line.text for line in pages[0].body[:len(title)]] == title
    for line in pages[0].body[:len(title)]:
        assert abs((line.x_min + line.x_max) / 2 - (LEFT + RIGHT) / 2) < 3, line.text
    closing = [(page, i) for page in pages for i, line in enumerate(page.body) if line.text == org]
    page, at = closing[-1]
    assert page.body[at + 1].text == date
    sealed = load_form(EXAMPLES / f"{name}.yaml").report.meta.sealed
    name_indent, date_indent = signature_indents(Signature(org, date, sealed))
    assert abs((RIGHT - page.body[at].x_max) - name_indent * 16) < 2.5, (RIGHT - page.body[at].x_max, name_indent)
    assert abs((RIGHT - page.body[at + 1].x_max) - date_indent * 16) < 2.5, (RIGHT - page.body[at + 1].x_max, date_indent)


CLOSING_MARKS = "，。、；：？！”’）》"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_no_text_outside_the_type_area(rendered, name):
    for page in read_pages(rendered[name][1]):
        for line in page.body:
            assert LEFT - 1 <= line.x_min, line.text
            assert TOP - 1 <= line.y_min and line.y_max <= BOTTOM + 1, line.text
            if line.x_max > RIGHT + 1:
                # LibreOffice 7.4 reads w:overflowPunct inverted (docs/layout.md): the body style says
                # "no hanging punctuation" as ECMA-376 and Word read it, LibreOffice hangs one closing mark.
                assert line.text[-1] in CLOSING_MARKS and line.x_max - 16 <= RIGHT + 1, line.text


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_substitute_fonts_embedded_for_title_body_and_each_heading_level(rendered, name):
    built, pdf = rendered[name]
    styles = {p.style.name for p in docx.Document(str(built)).paragraphs}
    expected = {"FandolFang-Regular"}  # body, 主送, 落款, levels 3 and 4
    if "Heading 1" in styles:
        expected.add("FandolHei-Regular")
    if "Heading 2" in styles:
        expected.add("FandolKai-Regular")
    cjk = {font for font in embedded_fonts(pdf) if font.startswith(("Fandol", "Noto"))}
    title = {font for font in cjk if font.startswith("NotoSerifCJK")}
    assert len(title) == 1 and "Bold" in title.pop()  # 方正小标宋简体 -> Noto Serif CJK SC bold
    assert {font for font in cjk if font.startswith("Fandol")} == expected


def test_plain_text_fills_exactly_22_lines_of_28_characters(tmp_path):
    """Punctuation-free paragraphs show the bare grid: no line-breaking rule can move a character.

    Each paragraph is 26 + 7 x 28 characters, so every line is full: 26 after the indent, then 28.
    """
    paragraph = ("科技创新驱动发展" * 30)[: 26 + 7 * 28]
    form = tmp_path / "grid.yaml"
    form.write_text(
        "meta: {org: 青山县科学技术局, year: 2024, date: 2024-12-20}\n"
        "achievements:\n  paragraphs:\n" + f"    - {paragraph}\n" * 12, encoding="utf-8")
    built = build_report(form, tmp_path / "grid.docx").output
    pages = read_pages(docx_to_pdf(built, tmp_path / "grid.pdf"))
    assert len(pages) >= 4
    for page in pages[1:-1]:
        assert len(page.body) == 22
        for line in page.body:
            indented = line.x_min > LEFT + 16
            assert len(line.text) == (26 if indented else 28), line.text


def test_office_reference_docx_keeps_its_margins_and_header(tmp_path):
    reference = docx.Document()
    section = reference.sections[0]
    section.top_margin, section.left_margin = Mm(25), Mm(20)
    section.header.paragraphs[0].text = "内部资料 注意保存"
    reference.save(str(tmp_path / "office.docx"))
    form = tmp_path / "report.yaml"
    form.write_bytes((EXAMPLES / "qingshan-2024.yaml").read_bytes())
    built = build_report(form, tmp_path / "out.docx", reference=tmp_path / "office.docx").output
    pages = read_pages(docx_to_pdf(built, tmp_path / "out.pdf"))
    assert pages[0].lines[0].text == "内部资料注意保存"
    assert abs(pages[0].body[1].x_min - Mm(20).pt) < 2  # the title's line starts at the office's left margin


def test_attached_table_sits_in_the_type_area_on_its_own_page(rendered):
    pages = read_pages(rendered["qingshan-2024"][1])
    table_page = pages[-1]
    assert [line.text for line in table_page.body[:2]] == ["附件", "主要科技指标完成情况表"]
    first_cell = next(line for line in table_page.body if line.text == "指标")
    header = sorted((line for line in table_page.body if abs(line.y_min - first_cell.y_min) < 3), key=lambda l: l.x_min)
    assert "".join(line.text for line in header) == "指标单位上年本年同比目标完成率排名"
    assert all(LEFT - 1 <= line.x_min and line.x_max <= RIGHT + 1 for line in table_page.body)
    texts = "".join(line.text for line in table_page.body)
    assert "全社会R&D" in texts and "经费投入" in texts and "105%" in texts and "增长12.5%" in texts and "102.1%" in texts
    assert table_page.footer[0].text == f"—{table_page.number}—"
