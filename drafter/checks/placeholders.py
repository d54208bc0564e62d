"""Placeholders left in a text, and how serious each one is.

A draft's leftover "XX", "【待补】" or "___" is an error: the text is not finished. A blank form that a
document hands its reader (an attachment with 盖章, 签字 and "年  月  日" lines, "一式____份", "联系人：____")
keeps its blanks on purpose: they are reported as a warning, so a clerk still sees them. "***" with no
figure due around it usually stands for a name withheld on publication: a hint.
"""

from __future__ import annotations

import re
from itertools import islice

from drafter import recache
from drafter.checks.base import Finding, Target
from drafter.checks.lines import Lines
from drafter.checks.text import MAX_PER_LINE, PLACEHOLDER, _Filtered, _not_a_numeral_year

FOUND = _Filtered(PLACEHOLDER, _not_a_numeral_year)
# what a fill-in form has and a report does not: seal and signature lines, a blank date, a form's labels
FORM_MARK = recache.compile(
    r"[（(][^（）()]{0,12}[盖签][^（）()]{0,6}[章字名][）)]|签[字名章]\s*[：:]|(?<![\d〇○零一二三四五六七八九十])年\s{2,}月\s{2,}日"
    r"|填表人|填报人|填表日期|填报日期")
ATTACHMENT_LABEL = recache.compile(r"^\s*附\s*[件表]\s*[\d０-９]*\s*(?:[：:].{0,40})?$")
BLANK = recache.compile(r"_{3,}|＿{2,}")
# the blank is the field itself: "联系人：____" (a label and its blank), "一式____份"
FIELD = recache.compile(r"(?:^|\s)[^\s：:，。；]{1,12}[：:]\s*(?:_{3,}|＿{2,})|一式\s*(?:_{3,}|＿{2,})\s*[份套]")
NEAR = 3  # lines either side of a form mark that belong to the form
ASTERISKS = recache.compile(r"[*＊]{2,}")
FIGURE_BEFORE, FIGURE_AFTER = "共有达为计约近第增长成", "批家个项万亿元人名次年月日%．.0123456789"


def check_placeholders(target: Target) -> list[Finding]:
    """xx, XX, ××, ○○, 某某, *, 【待补】, ___, and init's own "在此填写…", each with its severity."""
    lines = target.joined_lines()
    in_form = _form_lines(lines)
    findings = []
    for index in lines.candidates(PLACEHOLDER):
        where, text = lines.texts[index]
        for match in islice(FOUND.finditer(text), MAX_PER_LINE):
            mark = match.group(0)
            severity, message = "error", f"留有占位符“{mark}”"
            if ASTERISKS.fullmatch(mark) and not _figure_due(text, match):
                severity, message = "hint", f"“{mark}”多为发布时隐去的名称；如是未填的内容，请填入"
            elif index in in_form and (BLANK.fullmatch(mark) or mark[0] in "xXＸ"):
                severity, message = "warning", f"表格中留待填写的空“{mark}”；如是本单位的文稿，请填入"
            elif BLANK.fullmatch(mark) and _is_field(text, match):
                severity, message = "warning", f"留待填写的空“{mark}”；如是本单位的文稿，请填入"
            findings.append(target.finding("placeholder.mark", severity, where, text, match.start(), message,
                                           "填入实际内容", mark))
    return findings


def _form_lines(lines: Lines) -> set[int]:
    """Indexes of the lines that belong to a blank form: those near a form mark, and every line of an
    attachment (附件2 … up to the next one) that has a form mark in it."""
    texts = lines.texts
    marked = [i for i in lines.candidates(FORM_MARK) if FORM_MARK.search(texts[i][1])]
    if not marked:
        return set()
    inside = {j for i in marked for j in range(i - NEAR, i + NEAR + 1)}
    labels = [i for i, (_, text) in enumerate(texts) if ATTACHMENT_LABEL.match(text)]
    for start, end in zip(labels, labels[1:] + [len(texts)]):
        if any(start < i < end for i in marked):
            inside.update(range(start, end))
    return inside


def _is_field(text: str, match: re.Match) -> bool:
    return any(field.start() <= match.start() < field.end() for field in FIELD.finditer(text))


def _figure_due(text: str, match: re.Match) -> bool:
    """"共有*批**家": the stars stand for a number still to be filled in."""
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return bool(before and before in FIGURE_BEFORE or after and after in FIGURE_AFTER)
