"""Numbering: 一、→（一）→1.→（1）, no skipped level, consecutive numbers, the right marks; 一是/二是 in order."""

from __future__ import annotations

import re

from drafter.checks.base import Finding, Target
from drafter.document import Heading, Paragraph
from drafter.numbering import CN, ITEM, chinese_number, chinese_numeral, heading_marker as _right_marker
from drafter.numbering import marker_number as _number, renumbered


ATTACHMENT = re.compile(r"^附\s*件\s*(\d{1,2}|[：:])")
# text that stops without a mark has not ended; nor has "…按附件2中第（五）" before "（十二）项规定…"
MID_SENTENCE = re.compile(rf"[\u4e00-\u9fff第]$|第[（(][{CN}\d]{{1,3}}[）)]$")
STANDARD_MARKER = re.compile(rf"^(?:[{CN}]+\s*[、，,．.]|[（(]\s*[{CN}\d]+\s*[）)]|\d{{1,2}}\s*[、．.])")
ARTICLE = re.compile(rf"^第[{CN}百零〇\d]+[条章节]")  # 第五条 (一)(二)…: each article numbers its items anew


def _headings(target: Target):
    """(where, heading, fresh, after_text) for each heading: `fresh` says a new numbering starts here (an
    attachment, 附件1 …, numbers its headings anew), `after_text` that running text came between it and the
    heading before. Items of a 附件说明 list ("附件：1.实施方案",
    "2.经费测算表") are a list, not headings, and are left out."""
    fresh, in_attachment_list, after_text, between, open_sentence = False, False, False, [], False
    for where, block in target.blocks():
        if not isinstance(block, Heading):
            between.append(getattr(block, "text", ""))
            open_sentence = isinstance(block, Paragraph) and MID_SENTENCE.search(block.text) is not None
        elif open_sentence:
            # "…依照第十一条第" + "（十二）项规定…": a line broken inside a sentence, not a heading
            between.append(block.marker + block.text)
            open_sentence = MID_SENTENCE.search(block.text) is not None
            continue
        if isinstance(block, Paragraph) or isinstance(block, Heading) and not block.marker:
            label = ATTACHMENT.match(block.text)
            if label:
                fresh, in_attachment_list = True, label.group(1) in "：:"
                continue
            if ARTICLE.match(block.text):
                fresh = True
        if not isinstance(block, Heading):
            in_attachment_list, after_text = False, True
            continue
        if block.marker and not STANDARD_MARKER.match(block.marker):
            # 第二章, 02: a chapter (its parts number anew) or a number style of its own, not 一、（一）1.（1）
            fresh = fresh or block.marker.startswith("第")
            continue
        if in_attachment_list and block.level >= 3:
            continue
        in_attachment_list = False
        yield where, block, fresh, after_text, "\n".join(between) + "\n"
        fresh, after_text, between = False, False, []


def check_heading_levels_and_sequence(target: Target) -> list[Finding]:
    """No skipped level; numbers consecutive at each level; deeper levels restart under a new parent.

    A list may start again at 1 (a new list inside a part, an attachment); 一、 straight to 1. is
    common in published documents and only warned about."""
    findings = []
    previous_level, last, running = 0, [0] * 5, [0] * 5  # running: never reset by a new parent
    since = [""] * 5  # the running text since the last heading of each level
    # headings met before, not just now: a table of contents, or a text pasted twice, repeats them all
    seen, just_before = set(), [""] * 5
    for where, block, fresh, after_text, between in _headings(target):
        text = block.marker + block.text
        repeated = text in seen and text != just_before[block.level]
        seen.add(text)
        just_before[block.level] = text
        since = [t + between for t in since]
        if fresh:
            previous_level, last, running = 0, [0] * 5, [0] * 5
        text = block.marker + block.text
        # 1. or （1） after running text is a list inside the part, not a heading that skips a level
        is_list = after_text and block.level >= 3
        if block.level > previous_level + 1 and block.marker and previous_level and not is_list:
            missing = _right_marker(previous_level + 1, 1)
            # GB/T 9704 says the levels are "generally" 一、（一）1.（1）: a skip is a warning
            severity = "warning"
            findings.append(target.finding(
                "numbering.skip", severity, where, text, 0,
                f"标题层级跳跃：“{block.marker}”直接出现在第 {previous_level} 级标题之下，缺少第 {previous_level + 1} 级（如“{missing}”）",
                f"改为第 {previous_level + 1} 级序号，或补上缺少的一级", block.marker))
        previous_level = block.level
        if not block.marker:  # an unnumbered part title, or a draft drafter numbers itself
            last[block.level:] = [0] * (5 - block.level)
            continue
        number = _number(block.marker)
        expected = last[block.level] + 1
        restart = number == 1 and last[block.level] >= 2                     # a new list
        continued = number == running[block.level] + 1 and number > 1     # numbered on through the parts
        skipped = range(expected, number) if number > expected else range(1, number)
        if number != expected and not restart and not continued and not repeated \
                and not _inside_text(since[block.level], block.level, skipped):
            what = "重复" if number == last[block.level] else "不连续"
            # a list that seems to start at （二）: more often its first item was not found on a line of
            # its own (text copied from a PDF) than left out; say so, but not as an error
            severity = "warning" if expected == 1 else "error"
            # the number in the author's own style of marker: "7、" -> "6、"; the style is numbering.marker's
            right = renumbered(block.marker, expected)
            findings.append(target.finding(
                "numbering.sequence", severity, where, text, 0,
                f"序号{what}：此处为“{block.marker.strip()}”，按顺序应为“{right}”",
                f"改为“{right}”，其后同级序号依次顺延", block.marker))
        last[block.level] = running[block.level] = number  # go on counting from what the author wrote
        since[block.level:] = [""] * (5 - block.level)
        since[:block.level] = [t + block.marker + block.text for t in since[:block.level]]
        last[block.level + 1:] = [0] * (4 - block.level)
    return findings


def _inside_text(text: str, level: int, numbers: range) -> bool:
    """Whether every missing marker stands inside the running text: a heading that a copied text (from
    a PDF or a web page) ran into the line before, not one the author left out."""
    if not numbers or len(numbers) > 3:
        return False
    for number in numbers:
        cn = chinese_numeral(number)
        marker = (rf"(?<![{CN}]){cn}、", rf"[（(]{cn}[）)]", rf"(?<![\d.．]){number}[.．、](?!\d)|(?m:^){number}[.．、]",
                  rf"[（(]{number}[）)]")[level - 1]
        if not re.search(marker, text):
            return False
    return True


def check_heading_marks(target: Target) -> list[Finding]:
    """The punctuation of each marker: 一、 （一） 1. （1）, full-width brackets, nothing after a bracket."""
    findings = []
    for where, block, *_ in _headings(target):
        if not block.marker:
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
        findings.append(target.finding(rule, "warning", where, marker + block.text, 0, message, f"改为“{right}”",
                                       block.marker))
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
                "items.sequence", "warning" if last == 0 else "error", where, text, match.start(),
                f"“一是、二是”序号{what}：此处为“{match.group(0)}”，按顺序应为“{right}”", f"改为“{right}”"))
            last = number
    return findings
