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
