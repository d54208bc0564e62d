"""Word files read as Word shows them: list numbers from numbering.xml, Heading styles, bold lines,
tables, text boxes once, tracked changes accepted, headers apart; real Word and WPS files."""

from __future__ import annotations

import pytest

from drafter.document import Paragraph, Table, Title
from drafter.numbering import format_number, render_level_text
from drafter.reading import read_report
from tests.conftest import REPO
from tests.word_files import clerk_report, paragraph, text_box, tracked, write_docx

CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture
def clerk_docx(tmp_path):
    return write_docx(tmp_path / "clerk.docx", clerk_report())


def outline(report):
    return [(e.block.level, e.block.marker + e.block.text, e.kind, e.position) for e in report.document.headings()]


def test_numbers_come_from_numbering_xml_through_the_heading_styles(clerk_docx):
    report = read_report(clerk_docx)
    assert report.document.blocks[0] == Title("青山县科学技术局2024年工作总结")
    assert outline(report) == [
        (1, "一、2024年工作完成情况", "achievements", 3),
        (2, "（一）科技创新主体不断壮大", "achievements", 4),
        (2, "（二）创新平台建设加快推进", "achievements", 6),
        (3, "主要做法", "achievements", 8),          # a WPS numeric style id named "heading 3"
        (1, "二、存在的问题", "problems", 13),
        (1, "三、2025年工作计划", "plans", 15),
        (2, "（一）强化企业创新主体地位", "plans", 16),  # deeper levels restart under a new 一、
        (3, "重点任务", "plans", 18),               # a bold short line under a numbered heading
    ]
    texts = [b.text for b in report.document.blocks if isinstance(b, Paragraph)]
    assert "1.强化政策引导。" in texts and "2.优化服务保障。" in texts
    assert "1.实施科技型企业培育工程。" in texts  # a w:num with startOverride restarts the shared list


def test_tracked_changes_read_as_accepted_text_boxes_once_tables_and_headers_apart(clerk_docx):
    report = read_report(clerk_docx)
    texts = [b.text for b in report.document.blocks if isinstance(b, Paragraph)]
    assert "新建省级重点实验室2家，新增研发投入1.2亿元。" in texts  # w:del dropped, w:ins kept
    assert texts.count("附：科技创新大事记") == 1                   # not again from mc:Fallback
    tables = [b for b in report.document.blocks if isinstance(b, Table)]
    assert tables[0].rows == (("指标", "2024年"), ("高新技术企业（家）", "156"))
    assert report.headers == ("青山县科学技术局内部资料",)
    assert not any("内部资料" in t for t in texts)


def test_a_line_break_in_a_title_is_layout_but_one_after_a_full_stop_ends_a_line(tmp_path):
    body = [paragraph("总结"), '<w:p><w:r><w:t>一、今年</w:t><w:br/><w:t>工作</w:t></w:r></w:p>',
            '<w:p><w:r><w:t>全年完成任务。</w:t><w:br/><w:t>（一）创新</w:t></w:r></w:p>', paragraph("正文。"),
            text_box("（二）平台"), tracked("", "（三）删去的标题", "")]
    report = read_report(write_docx(tmp_path / "breaks.docx", body))
    assert [(h.block.marker + h.block.text) for h in report.document.headings()] == ["一、今年工作", "（一）创新", "（二）平台"]


@pytest.mark.parametrize(("number", "fmt", "text"), [
    (3, "chineseCounting", "三"), (12, "chineseCountingThousand", "十二"), (4, "decimal", "4"),
    (2, "upperLetter", "B"), (9, "lowerRoman", "ix"), (5, "decimalEnclosedCircle", "⑤"), (2, "ideographTraditional", "乙"),
    (7, "decimalFullWidth", "７"), (1, "bullet", ""),
])
def test_word_number_formats(number, fmt, text):
    assert format_number(number, fmt) == text


def test_level_text_patterns_combine_levels():
    assert render_level_text("第%1章", [2], ["chineseCounting"]) == "第二章"
    assert render_level_text("%1.%2.%3", [2, 3, 1], ["decimal"] * 3) == "2.3.1"


def test_a_wps_file_with_style_linked_numbering_reads_with_word_s_numbers():
    report = read_report(CORPUS / "docx" / "d11_lixiang_baogao_template.docx")
    headings = [(level, text) for level, text, *_ in outline(report)]
    assert headings[:4] == [(1, "1 引言"), (2, "1.1 项目名称"), (2, "1.2 项目背景"), (3, "1.2.1 项目简介")]
    assert (4, "2.3.2.11 数据安全性要求") in headings and (1, "7 项目的实施准则") == headings[-1]
    assert report.document.title == "标题" and "目录" not in [t for _, t in headings]


def test_a_table_of_contents_is_not_read_as_headings():
    report = read_report(CORPUS / "docx" / "d12_jishu_guifanshu.docx")
    headings = [text for _, text, *_ in outline(report)]
    assert headings.count("1 总则") == 1 and not any(text.endswith(" 4") for text in headings)


def test_hostile_numbering_values_stay_cheap_and_readable(tmp_path):
    import time

    from tests import word_files

    numbering = word_files.NUMBERING.replace('<w:start w:val="1"/><w:numFmt w:val="decimal"/>',
                                             '<w:start w:val="999999999"/><w:numFmt w:val="upperRoman"/>')
    numbering = numbering.replace('w:val="（%2）"', 'w:val="%9（%2）%x"')
    original = word_files.NUMBERING
    word_files.NUMBERING = numbering
    try:
        path = write_docx(tmp_path / "odd.docx", clerk_report())
    finally:
        word_files.NUMBERING = original
    started = time.perf_counter()
    report = read_report(path)
    assert time.perf_counter() - started < 2
    texts = [b.text for b in report.document.blocks if isinstance(b, Paragraph)]
    assert "999999999.强化政策引导。" in texts
