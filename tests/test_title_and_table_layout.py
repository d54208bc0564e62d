"""Title line breaks (GB/T 9704 7.3.1) and attached-table column widths, without a renderer."""

from __future__ import annotations

import re

import docx
import pytest

from drafter.build import build_report
from drafter.docx.measure import em_width
from drafter.docx.table_layout import TYPE_AREA_PT, cell_lines, column_widths, longest_whole
from drafter.docx.title_lines import TITLE_CHARS, title_lines
from drafter.indicators import TABLE_HEADER
from tests.conftest import MAIN_EXAMPLE

TITLES = [  # (title, organisation) as clerks and the seeds write them
    ("青山县科学技术局2024年工作总结及2025年工作计划", "青山县科学技术局"),
    ("白云县科学技术局过去五年和2023年工作总结及今后五年和2024年工作思路", "白云县科学技术局"),
    ("东湖市科学技术局2023年年中工作总结及2024年工作计划", "东湖市科学技术局"),
    ("芙城区科技局2017年工作总结暨2018年工作计划", "芙城区科学技术局"),
    ("青山县工业和信息化局2024年工作总结及2025年工作计划", "青山县工业和信息化局"),
    ("某某省某某市某某县发展和改革委员会2020—2024年工作总结及2025年工作计划", ""),
    ("青山县科学技术局关于2024年工作总结和2025年工作计划的报告", ""),
    ("关于青山县人民政府办公室2024年度全面深化改革重点任务推进落实情况的报告", "青山县人民政府办公室"),
]


@pytest.mark.parametrize("title, org", TITLES)
def test_long_titles_break_at_meaning_boundaries_into_balanced_lines(title, org):
    lines = title_lines(title, org)
    assert "".join(lines) == title
    assert len(lines) > 1
    widths = [em_width(line) for line in lines]
    assert max(widths) <= TITLE_CHARS
    assert min(widths) >= max(widths) / 2 - 0.01  # 梯形 or 菱形, no stub line
    for line, following in zip(lines, lines[1:]):
        assert not re.search(r"[\d的和及与]$", line), lines  # never after a digit or 的/和/及
        assert not (line.endswith("年") and line[-2].isdigit()), lines  # "2025年" stays with "工作计划"


def test_named_breaks_for_the_common_patterns():
    assert title_lines("东湖市科学技术局2023年年中工作总结及2024年工作计划", "东湖市科学技术局") == [
        "东湖市科学技术局2023年年中工作总结", "及2024年工作计划"]
    assert title_lines("白云县科学技术局过去五年和2023年工作总结及今后五年和2024年工作思路", "白云县科学技术局") == [
        "白云县科学技术局", "过去五年和2023年工作总结", "及今后五年和2024年工作思路"]
    assert title_lines("县科技局2024年工作总结") == ["县科技局2024年工作总结"]  # fits: one line


def test_a_title_given_over_several_lines_in_the_form_keeps_the_clerks_breaks(tmp_path):
    text = MAIN_EXAMPLE.read_text(encoding="utf-8").replace(
        "  sealed: false\n", "  sealed: false\n  title: |\n    青山县科学技术局\n    2024年工作总结及2025年工作计划\n")
    form = tmp_path / "report.yaml"
    form.write_text(text, encoding="utf-8")
    result = build_report(form, tmp_path / "out.docx")
    title = docx.Document(str(result.output)).paragraphs[0]
    assert title.text == "青山县科学技术局\n2024年工作总结及2025年工作计划"
    assert len(title._p.findall(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}br")) == 1
    assert result.document.title == "青山县科学技术局2024年工作总结及2025年工作计划"  # file name, core title
    assert docx.Document(str(result.output)).core_properties.title == result.document.title


ROWS = (
    TABLE_HEADER,
    ("全社会R&D经费投入", "亿元", "11.2", "12.6", "增长12.5%", "12", "105%", "全市第2位"),
    ("高新技术产业增加值占规上工业增加值比重", "%", "59.4", "61.25", "提高1.85个百分点", "—", "—", "—"),
    ("专利授权量", "件", "11900", "12680", "增长6.6%", "—", "—", "全省县域第12位"),
    ("财政科技支出占一般公共预算支出比重", "%", "3.65", "3.82", "提高0.17个百分点", "—", "—", "—"),
)
FIGURE = re.compile(r"[+\-]?\d[\d.,]*%?")


def test_columns_fill_the_type_area_and_hold_every_figure_whole():
    widths = column_widths(ROWS, 12)
    assert abs(sum(widths) - TYPE_AREA_PT) < 0.01
    for column, width in enumerate(widths):
        for row in ROWS:
            assert longest_whole(row[column]) * 12 <= width, (row[column], width)


def test_cells_wrap_between_words_never_inside_a_figure_or_a_short_rank():
    widths = column_widths(ROWS, 12)
    for row in ROWS:
        for text, width in zip(row, widths):
            lines = cell_lines(text, width, 12)
            assert "".join(lines) == text
            figures = FIGURE.findall(text)
            assert all(any(f in line for line in lines) for f in figures), lines
            if text == "全市第2位":
                assert lines == ["全市第2位"]
            if "第12位" in text:
                assert any(line.startswith("第12位") or line == text for line in lines), lines
    assert cell_lines("高新技术产业增加值占规上工业增加值比重", 96, 12) == ["高新技术产业", "增加值占规上", "工业增加值比重"]
    assert cell_lines("提高1.85个百分点", 64, 12) == ["提高1.85", "个百分点"]


def test_a_table_too_wide_for_the_page_is_squeezed_evenly():
    rows = (tuple(f"列{n}" for n in range(20)), tuple("123456" for _ in range(20)))
    widths = column_widths(rows, 12)
    assert abs(sum(widths) - TYPE_AREA_PT) < 0.01 and len(widths) == 20


def test_flush_paragraphs_say_no_first_line_indent_in_characters_too(tmp_path):
    """Normal's firstLineChars="200" is inherited; Word lets it win over a style's firstLine="0". Resolved the
    way Word resolves it (the paragraph, then its style and the styles it is based on), each attribute is 0."""
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    document = docx.Document(str(build_report(form, tmp_path / "out.docx").output))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def resolved(paragraph, attribute):
        ind = paragraph._p.pPr.find(f"{ns}ind") if paragraph._p.pPr is not None else None
        if ind is not None and ind.get(f"{ns}{attribute}") is not None:
            return ind.get(f"{ns}{attribute}")
        style = paragraph.style
        while style is not None:
            ind = style.element.pPr.find(f"{ns}ind") if style.element.pPr is not None else None
            if ind is not None and ind.get(f"{ns}{attribute}") is not None:
                return ind.get(f"{ns}{attribute}")
            style = style.base_style
        return None

    flush = [p for p in document.paragraphs if p.style.name in ("Title", "主送机关", "落款", "成文日期", "附件标识", "表题")]
    flush += [cell.paragraphs[0] for row in document.tables[0].rows for cell in row.cells]
    assert len(flush) > 70
    for paragraph in flush:
        assert resolved(paragraph, "firstLineChars") == resolved(paragraph, "firstLine") == "0", paragraph.text
