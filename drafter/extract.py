"""A form skeleton from an existing report: meta guessed from the title, parts and sections with their
texts, and the figures found listed as candidate indicators for review."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

from drafter import recache
from drafter.catalogue import catalogue
from drafter.document import Heading, Paragraph, Recipient, Signature, Table, Title
from drafter.reading import ReadReport
from drafter.reading.classify import YEAR as TITLE_YEAR
from drafter.reading.classify import report_year

ORG_IN_TITLE = recache.compile(r"^(.*?(?:局|委员会|委|办公室|中心|院|政府))(?=\d{4}年|过去|关于|年中|上半年)")
DATE = recache.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A figure and the name before it; the name may hold digits and letters ("5G基站", "R&D经费投入强度").
FIGURE = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # 1,860 as Word writes it, or 1860
UNIT = r"(亿元|万元|元|家|项|件|人次|人|个|名|场次|场|%)"
CANDIDATE = recache.compile(r"([\u4e00-\u9fffA-Za-z0-9&＆]{2,20}?)(?:达到|达|为|完成|实现|共)\s*" + FIGURE + r"\s*" + UNIT)
LEAD_WORDS = recache.compile(r"^(\d{4}年(?:底|末)?|全年|全县|全市|全区|累计|其中|今年|当年|新增|完成|实现|共|年内|力争|确保|争取|计划|预计|年)+")
# A clause about what is to come: its figures are targets, not this year's results.
PLAN_CLAUSE = recache.compile(r"力争|计划|预计|目标|确保|争取|将要|要达到|拟")
CLAUSE = recache.compile(r"[^。；！？]+")
ATTACHMENT_NOTE = recache.compile(r"^附件[：:]")
CLOSINGS = ("特此报告。", "特此报告", "以上报告，请审阅。")


def guess_meta(read: ReadReport) -> dict:
    blocks = read.document.blocks
    title = next((b.text for b in blocks if isinstance(b, Title)), "")
    signature = next((b for b in blocks if isinstance(b, Signature)), None)
    recipient = next((b.text.rstrip("：:") for b in blocks if isinstance(b, Recipient)), None)
    date = DATE.search(signature.date) if signature else None
    year = _year(read, date)
    org = ORG_IN_TITLE.match(title)
    org = org.group(1) if org else (signature.org if signature else "（待填写）单位名称")
    kind = "midyear" if re.search(r"年中|上半年|半年", title) else "multi-year" if "五年" in title else "annual"
    meta = {"org": org, "year": year, "kind": kind}
    if kind == "multi-year":
        meta["period"] = {"start": f"{year - 4}-01", "end": f"{year}-12"}
    if title:
        meta["title"] = title
    if recipient:
        meta["recipient"] = recipient
    if signature and signature.org != org:
        meta["signer"] = signature.org
    meta["date"] = f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date else f"{year}-12-31"
    return meta


def _year(read: ReadReport, date) -> int:
    """The year the report is about: its title's, else the one its text names most (its first part's
    headings and paragraphs), else the year before a January date or the date's own year."""
    year = report_year(read.document)
    if year:
        return year
    if date:
        return int(date.group(1)) - (date.group(2) == "1")
    texts = " ".join(b.text for b in read.document.blocks if isinstance(b, (Heading, Paragraph)))
    years = Counter(int(y) for y in TITLE_YEAR.findall(texts))
    if years:
        return years.most_common(1)[0][0]
    return dt.date.today().year - 1  # no year anywhere ("xxxx年"): last year's report, marked 待核对 in the header


def _section(heading: Heading, body: list) -> dict:
    section: dict = {"title": heading.text}
    section.update(_body(body, heading.level))
    return section


def _body(items: list, level: int) -> dict:
    """Paragraphs up to the first deeper heading, then the subsections."""
    body: dict = {}
    paragraphs = []
    index = 0
    while index < len(items) and not isinstance(items[index], Heading):
        paragraphs.append(items[index].text)
        index += 1
    if paragraphs:
        body["paragraphs"] = paragraphs
    sections = []
    while index < len(items):
        heading = items[index]
        index += 1
        start = index
        while index < len(items) and not (isinstance(items[index], Heading) and items[index].level <= heading.level):
            index += 1
        sections.append(_section(heading, items[start:index]))
    if sections:
        body["sections"] = sections
    return body


def _parts(read: ReadReport):
    """Level-1 parts in order: (heading or None for the opening, kind, blocks under it)."""
    parts, current = [], [None, "opening", []]
    for block, kind in zip(read.document.blocks, read.kinds):
        if isinstance(block, (Title, Recipient, Signature, Table)):
            continue  # a table read from a Word file has no place in the form's texts
        if isinstance(block, Paragraph) and ATTACHMENT_NOTE.match(block.text):
            continue
        if isinstance(block, Heading) and block.level == 1:
            parts.append(current)
            current = [block, kind, []]
        else:
            current[2].append(block)
    parts.append(current)
    return parts


def extract_form(read: ReadReport) -> dict:
    form: dict = {"meta": guess_meta(read)}
    parts = _parts(read)
    first_heading = next((i for i, b in enumerate(parts[0][2]) if isinstance(b, Heading)), None)
    if first_heading is not None and parts[1:]:
        # headings before the first 一、 (a report that opens with （一） or an unnumbered part): kept
        # as a part of their own, in their place after the opening
        lead, rest = parts[0][2][:first_heading], parts[0][2][first_heading:]
        heading = rest[0]
        parts[0][2] = lead
        parts.insert(1, [heading, "other", rest[1:]])  # an extra section: the main parts come after
    opening = [b.text for b in parts[0][2] if isinstance(b, Paragraph)]
    if opening:
        form["opening"] = opening
    sections = parts[1:]
    closing = _take_closing(sections or [parts[0]])
    if not sections:  # no headings at all: the whole text is the summary
        form.pop("opening", None)
        form["achievements"] = {"paragraphs": opening or ["（待填写）"]}
    else:
        _assign_parts(form, sections)
    if closing:
        form["closing"] = closing
    candidates = candidate_indicators(read)
    if candidates:
        form["indicators"] = candidates
    return {key: form[key] for key in ("meta", "indicators", "opening", "achievements", "problems", "plan",
                                       "extra_sections", "closing") if key in form}


def _take_closing(parts) -> str | None:
    blocks = parts[-1][2]
    if blocks and isinstance(blocks[-1], Paragraph) and blocks[-1].text in CLOSINGS:
        return blocks.pop().text
    return None


def _assign_parts(form: dict, parts) -> None:
    """The first summary part is achievements, the first problems part after it the problems, the last
    plans part the plan; every other part is an extra section placed after the main part before it."""
    kinds = [kind for _, kind, _ in parts]
    main = {"achievements": next((i for i, k in enumerate(kinds) if k == "achievements"), 0)}
    problems = next((i for i, k in enumerate(kinds) if k == "problems" and i > main["achievements"]), None)
    plans = [i for i, k in enumerate(kinds) if k == "plans" and i > max(main["achievements"], problems or -1)]
    if problems is not None:
        main["problems"] = problems
    if plans:
        main["plan"] = plans[-1]
    by_index = {index: name for name, index in main.items()}
    after = "opening"
    for index, (heading, _, blocks) in enumerate(parts):
        name = by_index.get(index)
        body = _body(blocks, 1)
        if name == "achievements":
            form["achievements"] = {"title": heading.text, **body}
        elif name == "problems":
            form["problems"] = {"title": heading.text, **body}
        elif name == "plan":
            plan: dict = {"title": heading.text}
            paragraphs = body.get("paragraphs", [])
            if paragraphs and body.get("sections"):
                plan["intro"] = body.pop("paragraphs")  # a lead-in before the tasks
            elif len(paragraphs) > 1 and len(paragraphs[0]) <= 40 and "以下" in paragraphs[0]:
                plan["intro"] = [paragraphs.pop(0)]  # "2023年重点要抓好以下几项工作。"
            plan["tasks"] = body or {"paragraphs": ["（待填写）"]}
            form["plan"] = plan
        else:
            form.setdefault("extra_sections", []).append({"title": heading.text, "after": after, **body})
        if name:
            after = name


def candidate_indicators(read: ReadReport) -> list[dict]:
    """Figures found in the text, each a candidate indicator with a guessed name, marked for review.
    A figure in a plan part or in a clause about the future ("力争达到170家") is a target: it goes to
    the candidate of the same name as its target, never in as this year's value."""
    candidates, by_name, targets = [], {}, []
    for block, kind in zip(read.document.blocks, read.kinds):
        if not isinstance(block, Paragraph):
            continue
        for clause in CLAUSE.findall(block.text):
            figures = _named_figures(clause)
            plain = clause  # 争取上级科技资金: an indicator's own verb does not make its clause a plan
            for _, _, lead in figures:
                plain = plain.replace(lead, "") if lead else plain
            planned = kind == "plans" or PLAN_CLAUSE.search(plain) is not None
            for name, match, _ in figures:
                figure = match.group(2).replace(",", "")
                value = float(figure) if "." in figure else int(figure)
                if planned:
                    targets.append((name, value, match.group(3)))
                    continue
                if name in by_name:
                    continue
                by_name[name] = {"id": f"candidate_{len(candidates) + 1}", "name": name, "unit": match.group(3),
                                 "value": value, "note": f"待核对：从原文“{match.group(0)}”提取"}
                candidates.append(by_name[name])
    for name, value, unit in targets:
        candidate = by_name.get(name)
        if candidate and candidate["unit"] == unit and "target" not in candidate:
            candidate["target"] = value
            candidate["note"] += f"；计划目标 {value}{unit} 取自原文计划部分"
    return candidates


def _named_figures(clause: str) -> list[tuple[str, re.Match, str]]:
    """(name, match, the indicator's own lead words or "") of each figure in a clause, in order: "X达到N家",
    and the verb-led way a person (and drafter's own build) says a catalogue indicator, "新认定高新技术企业45家",
    named as in the catalogue."""
    found = []
    for pattern, name, lead in _said_patterns():
        found += [(match.start(), name, match, lead) for match in pattern.finditer(clause)]
    taken = [range(match.start(), match.end()) for _, _, match, _ in found]
    for match in CANDIDATE.finditer(clause):
        name = LEAD_WORDS.sub("", match.group(1)).strip()
        if len(name) < 2 or name[0].isdigit() and not re.match(r"\d+[A-Za-z]", name):
            continue
        if not any(match.start(2) in span for span in taken):
            found.append((match.start(), name, match, ""))
    return [(name, match, lead) for _, name, match, lead in sorted(found, key=lambda f: f[0])]


@cache
def _said_patterns() -> tuple[tuple[re.Pattern, str, str], ...]:
    """For each catalogue indicator said with a verb ("选派科技特派员{数}"): its words directly before a figure."""
    patterns = []
    for entry in catalogue():
        lead = entry.say.partition("{数}")[0]
        if lead and "{数}" in entry.say:
            patterns.append((re.compile("()" + re.escape(lead) + r"\s*" + FIGURE + r"\s*" + UNIT), entry.name, lead))
    return tuple(patterns)
