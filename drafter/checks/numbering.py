"""Numbering: 一、→（一）→1.→（1）, no skipped level, consecutive numbers, the right marks; 一是/二是 in order."""

from __future__ import annotations

import re
import unicodedata

from drafter import recache
from drafter.checks.base import Finding, Target
from drafter.document import Heading, Paragraph
from drafter.numbering import CN, ITEM, chinese_number, chinese_numeral, heading_marker as _right_marker
from drafter.numbering import marker_number as _number, renumbered


ATTACHMENT = recache.compile(r"^附\s*件\s*(\d{1,2}|[：:])")
# text that stops without a mark has not ended, nor has text ending in a cross-reference ("…按附件2中第（五）")
MID_SENTENCE = recache.compile(rf"(?:[\u4e00-\u9fff第]|[（(][{CN}\d]+[）)])$")
STANDARD_MARKER = recache.compile(rf"^(?:[{CN}]+\s*[、，,．.]|[（(]\s*[{CN}\d]+\s*[）)]|\d{{1,2}}\s*[、．.])")
ARTICLE = recache.compile(rf"^第[{CN}百零〇\d]+[条章节]")  # 第五条 (一)(二)…: each article numbers its items anew
# "注：1.……；" "2.……。": the notes under a table or form number a list of their own
FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
NOTE_LIST = recache.compile(r"^(?:注|说明|备注)\s*[：:]\s*1\s*[.．、]")
NOTE_STARTS = "注说备㊟"  # every character whose NFKC form starts with 注, 说 or 备: the rest need no normalising


def _headings(target: Target):
    """(where, heading, fresh, after_text) for each heading: `fresh` says a new numbering starts here (an
    attachment, 附件1 …, numbers its headings anew), `after_text` that running text came between it and the
    heading before. Items of a 附件说明 list ("附件：1.实施方案",
    "2.经费测算表") are a list, not headings, and are left out."""
    fresh, in_attachment_list, after_text, between, open_sentence = False, False, False, [], False
    note_next = 0  # the number the next item of a "注：1.……" list would have, 0 outside one
    for where, block in target.blocks():
        text = getattr(block, "text", "")  # a paragraph joins its runs each time: once here
        if not isinstance(block, Heading):
            between.append(text)
            if isinstance(block, Paragraph):
                if text[:1] in NOTE_STARTS and NOTE_LIST.match(unicodedata.normalize("NFKC", text)):
                    note_next = 2
                elif not open_sentence:
                    note_next = 0  # a new paragraph, not a note's wrapped line: the notes are over
            open_sentence = isinstance(block, Paragraph) and MID_SENTENCE.search(text) is not None
        elif open_sentence:
            # "…依照第十一条第" + "（十二）项规定…": a line broken inside a sentence, not a heading
            between.append(block.marker + text)
            open_sentence = MID_SENTENCE.search(text) is not None
            continue
        if isinstance(block, Paragraph) or isinstance(block, Heading) and not block.marker:
            label = ATTACHMENT.match(text)
            if label:
                fresh, in_attachment_list = True, label.group(1) in "：:"
                continue
            if ARTICLE.match(text):
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
        if note_next and block.level == 3 and _number(block.marker) == note_next:
            note_next += 1
            continue
        note_next = 0
        in_attachment_list = False
        yield where, block, fresh, after_text, "\n".join(between) + "\n"
        fresh, after_text, between = False, False, []


def check_heading_levels_and_sequence(target: Target) -> list[Finding]:
    """No skipped level; numbers consecutive at each level; deeper levels restart under a new parent.

    A list may start again at 1 (a new list inside a part, an attachment); 一、 straight to 1. is
    common in published documents and only warned about."""
    findings = []
    previous_level, last, running = 0, [0] * 5, [0] * 5  # running: never reset by a new parent
    outer = [[] for _ in range(5)]  # per level: where each enclosing list stopped when a nested one began
    since = [[] for _ in range(5)]  # the running text since the last heading of each level, in pieces
    # (joined only when a heading of that level asks: adding to one long string copied it at every heading)
    # headings met before, not just now: a table of contents, or a text pasted twice, repeats them all
    seen, just_before = set(), [""] * 5
    for where, block, fresh, after_text, between in _headings(target):
        text = block.marker + block.text
        repeated = text in seen and text != just_before[block.level]
        seen.add(text)
        just_before[block.level] = text
        for pieces in since:
            pieces.append(between)
        if fresh:
            previous_level, last, running, outer = 0, [0] * 5, [0] * 5, [[] for _ in range(5)]
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
            outer[block.level:] = [[] for _ in range(block.level, 5)]
            continue
        number = _number(block.marker)
        running_text = "".join(since[block.level])
        last[block.level] = _follow_lines(running_text, block.level, last[block.level], outer[block.level])
        expected = last[block.level] + 1
        restart = number == 1 and last[block.level] >= 2                     # a new list
        if restart:
            outer[block.level].append(last[block.level])
        # "2.强化应用研究" "1.智能制造" "2.生物医药" "3.完善支撑体系": the nested list is over, the outer goes on
        nested_end = number != expected and bool(outer[block.level]) and number == outer[block.level][-1] + 1
        if nested_end:
            outer[block.level].pop()
        continued = number == running[block.level] + 1 and number > 1     # numbered on through the parts
        skipped = range(expected, number) if number > expected else range(1, number)
        malformed = _malformed(running_text, block.level, expected) if number == expected + 1 else None
        if malformed and not repeated:
            # "（二）…三)…（四）": one marker typed wrong, not a gap in the numbering; say so once, there
            findings.append(_malformed_finding(target, where, block.level, expected, malformed))
        elif number != expected and not restart and not continued and not repeated and not nested_end \
                and not _inside_text(running_text, block.level, skipped):
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
        since[block.level:] = [[] for _ in range(block.level, 5)]
        for pieces in since[:block.level]:
            pieces.append(block.marker + block.text)
        last[block.level + 1:] = [0] * (4 - block.level)
        outer[block.level + 1:] = [[] for _ in range(block.level + 1, 5)]
    return findings


LINE_MARKERS = {3: recache.compile(r"(?m)^\s*(\d{1,2})\s*[.．、](?!\d)"), 4: recache.compile(r"(?m)^\s*[（(](\d{1,2})[）)]")}


def _follow_lines(text: str, level: int, last: int, outer: list[int]) -> int:
    """The last number of this level's list after the numbered lines of the running text (list items the
    reader took for text): a line numbered 1. after an item starts a list nested under it, and the number
    the enclosing list had reached is kept in `outer`."""
    pattern = LINE_MARKERS.get(level)
    for match in pattern.finditer(text.translate(FULL_WIDTH_DIGITS)) if pattern else ():
        number = int(match.group(1))
        if number == 1 and last >= 1:
            outer.append(last)
            last = 1
        elif number == last + 1:
            last = number
    return last


def _malformed(text: str, level: int, number: int) -> str | None:
    """The marker of `number` typed wrong at the start of a sentence in the running text (a bracket left
    out: "三)", "(三", "3）"), if there is one: the heading is there, only its marker is malformed."""
    cn = chinese_numeral(number)
    start = r"(?:(?m:^)|(?<=[。；;！？]))\s*"
    title = r"(?=\s*[\u4e00-\u9fff]{2})"  # a title follows: "三)科学设置…", not "三）" closing a phrase
    shape = {2: rf"(?:{cn}[）)]|[（(]{cn}(?![）)]))", 4: rf"(?:{number}[）)]|[（(]{number}(?![）)\d]))"}.get(level)
    if not shape:
        return None
    found = re.search(start + shape + title, text.translate(FULL_WIDTH_DIGITS))
    return found.group(0).strip() if found else None


def _malformed_finding(target: Target, at: int, level: int, number: int, marker: str) -> Finding:
    """numbering.marker on the line (before the heading at `at`) where the malformed marker stands."""
    right = _right_marker(level, number)
    where, text = next(((w, t) for w, t in reversed(list(target.texts()))
                        if w <= at and marker in t.translate(FULL_WIDTH_DIGITS)), (at, marker))
    start = text.translate(FULL_WIDTH_DIGITS).find(marker)  # the translation keeps every position
    written = text[start:start + len(marker)]
    return target.finding("numbering.marker", "warning", where, text, start,
                          f"序号写法不规范：“{written}”应为“{right}”", f"改为“{right}”", written)


def _inside_text(text: str, level: int, numbers: range) -> bool:
    """Whether every missing marker stands inside the running text: a heading that a copied text (from
    a PDF or a web page) ran into the line before, not one the author left out."""
    if not numbers or len(numbers) > 3:
        return False
    text = text.translate(FULL_WIDTH_DIGITS)  # "１０．大力培育…" is heading 10.
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
