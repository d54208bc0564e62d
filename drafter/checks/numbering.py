"""Numbering: 一、→（一）→1.→（1）, no skipped level, consecutive numbers, the right marks; 一是/二是 in order."""

from __future__ import annotations

from drafter.checks.base import Finding, Target
from drafter.document import Heading, Paragraph
from drafter.numbering import ITEM, chinese_number, chinese_numeral, heading_marker as _right_marker
from drafter.numbering import marker_number as _number


def check_heading_levels_and_sequence(target: Target) -> list[Finding]:
    """No skipped level; numbers consecutive at each level; deeper levels restart under a new parent."""
    findings = []
    previous_level, last = 0, [0] * 5
    for where, block in target.blocks():
        if not isinstance(block, Heading):
            continue
        text = block.marker + block.text
        if block.level > previous_level + 1 and block.marker:
            missing = _right_marker(previous_level + 1, 1) if previous_level else "一、"
            findings.append(target.finding(
                "numbering.skip", "error", where, text, 0,
                f"标题层级跳跃：“{block.marker}”直接出现在第 {previous_level} 级标题之下，缺少第 {previous_level + 1} 级（如“{missing}”）",
                f"改为第 {previous_level + 1} 级序号，或补上缺少的一级"))
        previous_level = block.level
        if not block.marker:  # an unnumbered part title, or a draft drafter numbers itself
            last[block.level:] = [0] * (5 - block.level)
            continue
        number = _number(block.marker)
        expected = last[block.level] + 1
        if number != expected:
            what = "重复" if number == last[block.level] else "不连续"
            findings.append(target.finding(
                "numbering.sequence", "error", where, text, 0,
                f"序号{what}：此处为“{block.marker}”，按顺序应为“{_right_marker(block.level, expected)}”",
                f"改为“{_right_marker(block.level, expected)}”，其后同级序号依次顺延"))
            expected = number  # go on counting from what the author wrote
        last[block.level] = expected
        last[block.level + 1:] = [0] * (4 - block.level)
    return findings


def check_heading_marks(target: Target) -> list[Finding]:
    """The punctuation of each marker: 一、 （一） 1. （1）, full-width brackets, nothing after a bracket."""
    findings = []
    for where, block in target.blocks():
        if not isinstance(block, Heading) or not block.marker:
            continue
        number = _number(block.marker)
        right = _right_marker(block.level, number)
        marker = block.marker.replace(" ", "")
        if marker == right:
            continue
        if "(" in marker or ")" in marker:
            rule, message = "numbering.bracket", f"序号括号应为全角：“{marker}”应为“{right}”"
        else:
            rule, message = "numbering.marker", f"序号写法不规范：“{marker}”应为“{right}”"
        findings.append(target.finding(rule, "warning", where, marker + block.text, 0, message, f"改为“{right}”"))
    return findings


def check_item_sequence(target: Target) -> list[Finding]:
    """一是、二是、三是… in order within a section: no number twice, none skipped.

    A sequence runs on through deeper headings: an author may list (1)(2) under 一是 before 二是.
    """
    findings = []
    last = 0
    for where, block in target.blocks():
        if isinstance(block, Heading):
            if block.level <= 2:
                last = 0
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text
        for match in ITEM.finditer(text):
            number = chinese_number(match.group(1))
            if number in (last + 1, 1):
                last = number
                continue
            what = "重复" if number == last else "不连续"
            right = f"{chinese_numeral(last + 1)}是"
            findings.append(target.finding(
                "items.sequence", "error", where, text, match.start(),
                f"“一是、二是”序号{what}：此处为“{match.group(0)}”，按顺序应为“{right}”", f"改为“{right}”"))
            last = number
    return findings
