"""Draft text into blocks: directives, plain paragraphs, emphasis, heading numbering by position."""

from __future__ import annotations

import pytest

from drafter.document import BOLD_OFF, BOLD_ON, Heading, Paragraph, Run, Signature, Title, directive, parse_draft
from drafter.docx.writer import numbered_headings, signature_indents
from drafter.errors import TemplateError


def test_directives_and_plain_lines():
    text = "\n".join([
        directive("title", "青山县科学技术局2024年工作总结"),
        directive("h1", "2024年工作完成情况"),
        "1.这一行以数字开头，但只是正文。",
        "# 也只是正文",
        directive("h2", "聚焦主体培育，\n创新能力持续增强"),
        f"{BOLD_ON}一是培育主体。{BOLD_OFF}全年新认定35家。",
        directive("signature", "青山县科学技术局", "2024年12月20日", "unsealed"),
    ])
    blocks = parse_draft(text).blocks
    assert blocks == (
        Title("青山县科学技术局2024年工作总结"),
        Heading(1, "2024年工作完成情况"),
        Paragraph((Run("1.这一行以数字开头，但只是正文。"),)),
        Paragraph((Run("# 也只是正文"),)),
        Heading(2, "聚焦主体培育， 创新能力持续增强"),
        Paragraph((Run("一是培育主体。", True), Run("全年新认定35家。"))),
        Signature("青山县科学技术局", "2024年12月20日", False),
    )


def test_a_skipped_heading_level_is_an_error():
    with pytest.raises(TemplateError, match="标题从第 1 级跳到第 3 级"):
        parse_draft(directive("h1", "一") + "\n" + directive("h3", "三"))


def test_numbers_follow_position_and_deeper_levels_restart():
    levels = [1, 2, 2, 3, 3, 4, 2, 3, 1, 2]
    blocks = tuple(Heading(level, f"标题{i}") for i, level in enumerate(levels))
    numbers = [text.removesuffix(f"标题{i}") for i, text in sorted(numbered_headings(blocks).items())]
    assert numbers == ["一、", "（一）", "（二）", "1.", "2.", "（1）", "（三）", "1.", "二、", "（一）"]


def test_signature_positions():
    # Unsealed: name 2 characters in; the date starts 2 characters right of the name.
    # "2024年12月20日" sets 8 characters wide: digits are half a character, with ~0.2 em autospace.
    assert signature_indents(Signature("青山县科学技术局", "2024年12月20日")) == (2.0, 0.0)
    # Sealed: the date 4 characters in; the name centred over it.
    assert signature_indents(Signature("青山县科学技术局", "2024年12月20日", True)) == (4.0, 4.0)
    # Unsealed with a date longer than the name: the date 2 characters in, the name 2 further left.
    assert signature_indents(Signature("县科技局", "2024年12月20日")) == (8.0, 2.0)


def test_numbering_rules_live_in_one_module():
    from drafter.numbering import chinese_number, chinese_numeral, format_number, heading_marker, marker_number
    from drafter.numbering import render_level_text

    assert [chinese_numeral(n) for n in (1, 10, 12, 20, 99)] == ["一", "十", "十二", "二十", "九十九"]
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十三", "一九五八")] == [1, 10, 12, 23, 0]
    assert [heading_marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]
    assert marker_number("（十一）") == 11 and marker_number("12.") == 12
    assert render_level_text("（%2）", [3, 4], ["chineseCounting", "chineseCounting"]) == "（四）"
    assert render_level_text("%1.%2", [2, 5], ["decimal", "decimal"]) == "2.5"
    assert format_number(4, "upperRoman") == "IV" and format_number(3, "decimalEnclosedCircle") == "③"


def test_a_document_carries_positions_and_kinds_and_exposes_sections():
    from drafter.document import Document, Heading, Paragraph, Run
    from drafter.reading.classify import classify

    blocks = (Paragraph((Run("开头"),)), Heading(1, "2024年工作完成情况", "一、"), Paragraph((Run("成绩"),)),
              Heading(2, "创新", "（一）"), Heading(1, "存在的问题", "二、"), Paragraph((Run("不足"),)),
              Heading(1, "2025年工作计划", "三、"))
    document = classify(Document(blocks, (3, 5, 6, 8, 10, 11, 14), source="a.txt", unit="行"))
    sections = document.sections()
    assert [(s.heading.text if s.heading else None, s.kind, s.position) for s in sections] == [
        (None, "other", 3), ("2024年工作完成情况", "achievements", 5), ("存在的问题", "problems", 10),
        ("2025年工作计划", "plans", 14)]
    assert [e.block.text for e in sections[1].entries] == ["2024年工作完成情况", "成绩", "创新"]
    assert [(e.position, e.kind) for e in document.headings()][1] == (8, "achievements")
