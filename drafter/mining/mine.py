"""mine: stream past reports through the extractors and turn what recurs into a phrase bank."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Callable

from drafter.catalogue import catalogue
from drafter.document import Heading, Paragraph
from drafter.mining import indicator_phrasing, patterns, segment
from drafter.mining.collect import Collector
from drafter.mining.corpus import Tally, iter_reports
from drafter.reading import ReadReport
from drafter.reading.headings import normalise

OBJECT_TAGS = {"n", "nz", "nt", "nr", "ns", "vn", "nrt", "ng"}


def display_names(paths: list[Path], files: list[Path]) -> dict[Path, str]:
    """Each file named relative to the folder above the path it was found under: seeds/000_….txt."""
    names = {}
    for file in files:
        root = next((p for p in paths if p.is_dir() and p.resolve() in file.resolve().parents), None)
        base = (root.resolve().parent if root else file.resolve().parent)
        names[file] = file.resolve().relative_to(base).as_posix()
    return names


def mine_reports(files: list[Path], names: dict[Path, str], tally: Tally,
                 progress: Callable[[Path], None] | None = None) -> Collector:
    collector = Collector()
    for report in iter_reports(files, tally):
        collector.new_document()
        mine_report(report, names.get(report.path, report.path.name), collector)
        if progress:
            progress(report.path)
    return collector


@cache
def _keywords() -> tuple[tuple[str, str], ...]:
    """(keyword, indicator id), longest keyword first, so 高新技术企业增加值 wins over 高新技术企业."""
    return tuple(sorted(((k, e.id) for e in catalogue() for k in e.keywords), key=lambda p: -len(p[0])))


def _indicator_of(text: str) -> str | None:
    return next((indicator for keyword, indicator in _keywords() if keyword in text), None)


def mine_report(report: ReadReport, name: str, collector: Collector) -> None:
    blocks = report.document.blocks
    last_part = max((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), default=0)
    for index, (block, kind, line) in enumerate(zip(blocks, report.kinds, report.lines)):
        if isinstance(block, Heading):
            words = segment.words(block.text)
            for formula in patterns.heading_formulas(block.level, block.text, words):
                collector.add("headings", f"{block.level}|{formula}", kind, (name, line, block.marker + block.text),
                              level=block.level)
            continue
        if not isinstance(block, Paragraph):
            continue
        text = normalise(block.text)
        for sentence in patterns.sentences(text):
            example = (name, line, sentence)
            for guard, pattern in patterns.OPENING:
                if guard in sentence:
                    for match in pattern.finditer(sentence):
                        collector.add("openings", patterns.abstract(match.group(0)), kind, example)
            for kind_name, guard, pattern in (("transitions", "如下", patterns.TRANSITION),
                                              ("problem_leads", "存在", patterns.PROBLEM_LEAD)):
                if guard in sentence:
                    for match in pattern.finditer(sentence):
                        collector.add(kind_name, patterns.abstract(match.group(0).strip()), kind, example)
            for match in (patterns.PLAN_LEAD.finditer(sentence) if patterns.maybe_plan_lead(sentence) else ()):
                collector.add("plan_leads", patterns.plan_lead(match.group(0).strip().rstrip("，,") + ("" if match.group(0).endswith(("。", "：", ":")) else "：")), kind, example)
            if index > last_part and "为" in sentence:
                for match in patterns.CLOSING.finditer(sentence):
                    collector.add("closings", patterns.abstract(match.group(0).strip()), kind, example)
            if kind == "achievements":
                for clause in patterns.figure_clauses(sentence):
                    template = patterns.abstract(clause)
                    collector.add("sentences", template, kind, example, indicator=_indicator_of(template))
                    indicator_phrasing.collect(clause, _indicator_of(template), kind, example, collector)
                    for frame in patterns.figure_frames(template):
                        collector.add("frames", frame, kind, example)
        _collocations(segment.words(text), kind, (name, line, text), collector)


def _collocations(words: list[str], section: str, example: tuple[str, int, str], collector: Collector) -> None:
    """A verb and the noun phrase right after it (consecutive nouns joined): 选派/科技特派员."""
    tag = segment.tag
    count = len(words)
    for i, word in enumerate(words):
        if len(word) < 2 or tag(word) != "v":
            continue
        j = i + 1
        parts = []
        while j < count and len(parts) < 3 and tag(words[j]) in OBJECT_TAGS:
            parts.append(words[j])
            j += 1
        obj = "".join(parts)
        if len(obj) >= 2:
            collector.add_pair(word, obj, section, (example[0], example[1], _around(example[2], word + obj)))


def _around(text: str, phrase: str, width: int = 16) -> str:
    at = text.find(phrase)
    if at < 0:
        return text[: 2 * width]
    left = max(0, at - width)
    return ("…" if left else "") + text[left: at + len(phrase) + width] + ("…" if at + len(phrase) + width < len(text) else "")
