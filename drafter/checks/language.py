"""The draft's language, as a careful clerk reads it: 达到 of a falling or flat figure, a figure stated
twice, a 20-character span repeated, an opening and a closing of different genres, a set phrase that
came from nowhere. Plain functions over the draft (Document) and its form (Report); run after every build.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafter import indicators as facts
from drafter import recache
from drafter.checks.base import Finding, excerpt, occurrences
from drafter.document import Document, Paragraph, Recipient
from drafter.form.model import Report

REACH_OF_FALL = recache.compile(r"(?:达到|突破)[\d.]+(?:万元|亿元|元|%|[\u4e00-\u9fff]{0,2})[^，。；]{0,12}?，"
                                r"(?:(?:同比|比上年)?(?:下降|降低|减少)|与上年持平)")
SPAN = 20
SLOGAN = recache.compile(r"(?:深入|大力|全面|奋力|加快|坚定)实施[^，。；]{2,12}战略|[^，。；]{0,6}首位战略|但也还存在")
TRANSITION = recache.compile(r"现将[^，。；]{0,16}?(报告|总结|汇报)如下")
ENDING = "特此报告"


def _paragraphs(document: Document) -> list[tuple[int, str]]:
    """(position, text) of the body paragraphs: the paragraph of a draft or .docx, the line of a .txt."""
    return [(document.position(index), block.text) for index, block in enumerate(document.blocks)
            if isinstance(block, Paragraph)]


def _finding(document: Document, rule: str, severity: str, where: int, text: str, start: int, message: str,
             suggestion: str = "") -> Finding:
    """A finding counted in the document's own unit: 段 for a draft or .docx, 行 for a .txt."""
    return Finding(rule, severity, where, excerpt(text, start), message, suggestion, document.unit)


def check_reach_of_fall(document: Document, report: Report | None = None) -> list[Finding]:
    """"达到2.41%，比上年降低…": 达到 and 突破 belong to rising figures."""
    return [_finding(document, "language.reach", "warning", where, text, match.start(),
                     "下降或持平的数字不宜说“达到”“突破”", "改为“为”或直接写数字")
            for where, text in _paragraphs(document) for match in REACH_OF_FALL.finditer(text)]


STATING_WORDS = ("达到", "为", "突破", "共", "累计", "")


def _statement_finder(indicator):
    """A function giving where a paragraph states the indicator's figure: its name or its catalogue
    clause, then the figure, maybe after 达到/为/突破/共/累计 (the figure's start, one per statement).
    Made once per indicator; plain string tests, no pattern compiled per indicator."""
    figure = facts.quantity(indicator.value, indicator.unit)
    clause, _ = facts.wording(indicator)
    heads = sorted({indicator.name, clause.split(facts.FIGURE_SLOT)[0]} - {""})

    def figure_at(text: str, end: int) -> int | None:
        for word in STATING_WORDS:
            start = end + len(word)
            if text.startswith(word, end) and text.startswith(figure, start):
                after = text[start + len(figure): start + len(figure) + 1]
                if not (after.isdecimal() or after == "."):  # as (?![\d.])
                    return start
        return None

    def stated(text: str) -> list[int]:
        if figure not in text:  # most paragraphs: the figure is nowhere, so stated nowhere
            return []
        found = set()
        for head in heads:
            for at in occurrences(head, text):
                start = figure_at(text, at + len(head))
                if start is not None:
                    found.add(start)
        return sorted(found)
    return stated


def check_figure_twice(document: Document, report: Report | None) -> list[Finding]:
    """The same indicator's figure stated in two places (the summary and a section, say)."""
    if report is None:
        return []
    findings = []
    paragraphs = _paragraphs(document)
    for indicator in report.indicators:
        if indicator.value is None:
            continue
        stated = _statement_finder(indicator)
        places = [(where, text, start) for where, text in paragraphs for start in stated(text)]
        for where, text, start in places[1:]:
            findings.append(_finding(document, "language.figure_twice", "warning", where, text, start,
                                     f"“{indicator.name}”的数字在第{places[0][0]}段已说过", "一个数字全文只说一次"))
    return findings


def check_repeated_span(document: Document, report: Report | None = None) -> list[Finding]:
    """A stretch of 20 or more characters of body text that appears a second time, in the same or another
    paragraph: one finding per stretch, however long (a paragraph pasted twice is one finding, not one per
    20 characters)."""
    seen: dict[str, tuple[int, str, int]] = {}  # span -> where it first appeared: position, text, start
    findings = []
    for where, text in _paragraphs(document):
        start = 0
        while start + SPAN <= len(text):
            span = text[start:start + SPAN]
            if "《" in span or "》" in span:  # a law or plan named again by its full title is no repetition
                start += 1
                continue
            first = seen.get(span)
            if first is not None:
                end = _stretch_end(text, start, first[1], first[2])
                findings.append(_finding(document, "language.repeat_span", "hint", where, text, start,
                                         _repeat_message(text[start:end], first[0]), "删去重复的内容或换个说法"))
                start = end
                continue
            seen[span] = (where, text, start)
            start += 1
    return findings


def _stretch_end(text: str, start: int, earlier: str, earlier_start: int) -> int:
    """Where the repetition of earlier[earlier_start:] that begins at text[start] (SPAN characters long at
    least) stops."""
    end, other = start + SPAN, earlier_start + SPAN
    while end < len(text) and other < len(earlier) and text[end] == earlier[other]:
        end, other = end + 1, other + 1
    return end


def _repeat_message(stretch: str, first: int) -> str:
    if len(stretch) <= SPAN + 10:
        return f"“{stretch}”在第{first}段已出现过"
    return f"“{stretch[:SPAN]}…”（共{len(stretch)}个字）在第{first}段已出现过"


def check_genre(document: Document, report: Report | None = None) -> list[Finding]:
    """One genre from start to end: 报告 (主送, "报告如下", 特此报告) or 总结 (no 特此报告)."""
    has_recipient = any(isinstance(b, Recipient) for b in document.blocks) or bool(report and report.meta.recipient)
    paragraphs = _paragraphs(document)
    transition = next(((w, t, m) for w, t in paragraphs[:4] for m in TRANSITION.finditer(t)), None)
    ending = next(((w, t) for w, t in reversed(paragraphs) if ENDING in t), None)
    findings = []
    if ending and not has_recipient:
        findings.append(_finding(document, "language.genre", "warning", ending[0], ending[1], ending[1].find(ENDING),
                                 "没有主送机关的总结不用“特此报告”", "删去“特此报告。”，或补上主送机关"))
    if transition:
        where, text, match = transition
        word = match.group(1)
        if word == "总结" and (has_recipient and ending):
            findings.append(_finding(document, "language.genre", "warning", where, text, match.start(),
                                     "导语说“总结如下”，结尾却是“特此报告”：文种前后不一",
                                     "报告写“现将有关情况报告如下：”"))
        if word == "报告" and not has_recipient:
            findings.append(_finding(document, "language.genre", "warning", where, text, match.start(),
                                     "没有主送机关，导语却说“报告如下”", "改为“现将有关情况总结如下：”，或补上主送机关"))
    return findings


def check_inserted_phrase(document: Document, report: Report | None, used: Iterable = ()) -> list[Finding]:
    """A slogan ("深入实施……战略", "……首位战略") that neither the form nor a chosen phrase brought in."""
    if report is None:
        return []
    known = "\n".join([*_form_texts(report), *(u.text for u in used)])
    return [_finding(document, "language.inserted", "warning", where, text, match.start(),
                     f"“{match.group(0)}”不是表单或本单位短语库中的说法", "确认本单位确实这样提，否则删去")
            for where, text in _paragraphs(document) for match in SLOGAN.finditer(text)
            if match.group(0) not in known]


def _form_texts(report: Report) -> list[str]:
    """Every text the clerk wrote in the form."""
    texts = list(report.opening) + [report.closing or ""]
    def walk(section):
        if section is None:
            return
        texts.extend(section.paragraphs)
        texts.extend(item.text for item in section.items)
        texts.extend((item.lead or "") for item in section.items)
        for child in section.sections:
            walk(child)
    walk(report.achievements)
    walk(report.problems)
    for extra in report.extra_sections:
        walk(extra)
    if report.plan:
        texts.extend(report.plan.intro)
        for part in (report.plan.approach, report.plan.goals, report.plan.tasks, report.plan.measures):
            walk(part)
    if report.phrases:
        texts.extend(t for t in (report.phrases.transition, report.phrases.problem_lead,
                                 report.phrases.plan_lead, report.phrases.closing) if t)
    return texts


def check_language(document: Document, report: Report | None, used: Iterable = ()) -> list[Finding]:
    """Every language rule; `used` is the phrase log of the build (phrases and where they came from)."""
    findings = (check_reach_of_fall(document, report) + check_figure_twice(document, report)
                + check_repeated_span(document, report) + check_genre(document, report)
                + check_inserted_phrase(document, report, used))
    return sorted(findings, key=Finding.sort_key)
