"""mine: stream past reports through the extractors and turn what recurs into a phrase bank."""

from __future__ import annotations

from functools import cache, lru_cache
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Callable

from drafter import recache
from drafter.catalogue import catalogue
from drafter.document import Heading, Paragraph
from drafter.mining import indicator_phrasing, patterns, segment
from drafter.mining.collect import Collector
from drafter.mining.corpus import Tally, iter_reports
from drafter.reading import ReadReport
from drafter.reading.headings import normalise

OBJECT_TAGS = patterns.OBJECT_TAGS
FIGURE_KINDS = ("achievements", "other")
PASSAGE_MIN, PASSAGE_MAX = 8, 160  # whole sentences worth suggesting: not a fragment, not a page  # other: a section the reader could not place, as in a 统计公报


def display_names(paths: list[Path], files: list[Path]) -> dict[Path, str]:
    """Each file named relative to the folder above the path it was found under: seeds/000_….txt."""
    # each path resolved once (resolving walks every component of the path: three times a file took 0.1 s
    # for a folder of 762)
    folders = [path.resolve() for path in paths if path.is_dir()]
    names = {}
    for file in files:
        real = file.resolve()
        root = next((folder for folder in folders if folder in real.parents), None)
        names[file] = real.relative_to(root.parent if root else real.parent).as_posix()
    return names


def mine_reports(files: list[Path], names: dict[Path, str], tally: Tally,
                 progress: Callable[[Path], None] | None = None, jobs: int = 1) -> Collector:
    """Mine the files in order; with jobs > 1, runs of consecutive files in that many processes,
    merged in file order, so the bank is the same as one process gives."""
    if jobs > 1 and len(files) > 1:
        return _mine_in_processes(files, names, tally, progress, jobs)
    collector = Collector()
    for path in files:
        _mine_one(path, names, tally, collector)
        if progress:
            progress(path)
    return collector


def _mine_one(path: Path, names: dict[Path, str], tally: Tally, collector: Collector) -> None:
    for report in iter_reports([path], tally):
        collector.new_document()
        mine_report(report, names.get(report.path, report.path.name), collector)


def _mine_chunk(chunk: tuple[list[Path], dict[Path, str]]) -> tuple[Collector, Tally, int]:
    files, names = chunk
    tally = Tally()
    collector = Collector()
    for path in files:
        _mine_one(path, names, tally, collector)
    return collector, tally, len(files)


def _mine_in_processes(files, names, tally, progress, jobs: int) -> Collector:
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, min(64, len(files) // (jobs * 4)))  # small runs keep the cores evenly busy
    chunks = [(files[i:i + size], {f: names[f] for f in files[i:i + size] if f in names})
              for i in range(0, len(files), size)]
    collector = Collector()
    finished = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for part, part_tally, done in pool.map(_mine_chunk, chunks):  # in order: a deterministic bank
            collector.merge(part)
            tally.merge(part_tally)
            for path in files[finished:finished + done] if progress else ():
                progress(path)
            finished += done
    return collector


@cache
def _keywords() -> tuple[tuple[str, str], ...]:
    """(keyword, indicator id), longest keyword first, so 高新技术企业增加值 wins over 高新技术企业."""
    return tuple(sorted(((k, e.id) for e in catalogue() for k in e.keywords), key=lambda p: -len(p[0])))


@lru_cache(maxsize=1 << 16)
def _indicator_of(text: str) -> str | None:  # cached: the same templates recur in every report
    return next((indicator for keyword, indicator in _keywords() if keyword in text), None)


# Lead-ins found by one pattern each, tried only on a sentence with the word every match contains.
LEADS = (("transitions", "如下", patterns.TRANSITION), ("problem_leads", "存在", patterns.PROBLEM_LEAD))


def mine_report(report: ReadReport, name: str, collector: Collector) -> None:
    document = report.document
    blocks = document.blocks
    # the kinds and positions as the document holds them, when it has one of each for every block
    kinds = document.kinds if len(document.kinds) == len(blocks) else report.kinds
    lines = document.positions if len(document.positions) == len(blocks) else report.lines
    last_part = max((i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.level == 1), default=0)
    add = collector.add
    names_a_person, figure_clauses = patterns.names_a_person, patterns.figure_clauses
    for index, (block, kind, line) in enumerate(zip(blocks, kinds, lines)):
        if isinstance(block, Heading):
            if not names_a_person(block.text):
                add("passages", block.marker + block.text, kind, (name, line, block.marker + block.text),
                    level=block.level)
            for formula in _heading_formulas(block.level, block.text):
                add("headings", f"{block.level}|{formula}", kind, (name, line, block.marker + block.text),
                    level=block.level)
            continue
        if not isinstance(block, Paragraph):
            continue
        text = normalise(block.text)
        tagged = segment.tagged(text)
        codes = patterns.tag_codes(tagged)
        places = None  # found when the paragraph turns out to have a figure clause
        # What a sentence needs a word for is looked for only in a paragraph that has the word somewhere.
        openings = [(guard, pattern) for guard, pattern in patterns.OPENING if guard in text]
        leads = [lead for lead in LEADS if lead[1] in text]
        plans = patterns.maybe_plan_lead(text)
        figures = kind in FIGURE_KINDS
        closing = index > last_part and "为" in text
        for sentence in patterns.sentences(text):
            example = (name, line, sentence)
            if PASSAGE_MIN <= len(sentence) <= PASSAGE_MAX and not names_a_person(sentence):
                add("passages", sentence, kind, example)
            if openings or leads or plans or closing:
                _lead_ins(sentence, kind, example, openings, leads, plans, closing, add)
            clauses = figure_clauses(sentence) if figures else ()
            if clauses:
                if places is None:
                    places = patterns.coded_place_names(tagged, codes)
                for clause, template in _templates(clauses, places):
                    indicator = _indicator_of(template)
                    add("sentences", template, kind, example, indicator=indicator)
                    # a clause naming a place ("认定浙江市科技型中小企业") is one office's, never a habit to lend
                    indicator_phrasing.collect(patterns.without_places(clause, places), indicator, kind, example,
                                               collector)
                    for frame in _frames(template):
                        add("frames", frame, kind, example)
        _collocations(tagged, codes, kind, (name, line, text), collector)


def _lead_ins(sentence: str, kind: str, example, openings, leads, plans: bool, closing: bool, add) -> None:
    """The formulas a sentence may hold (openings, transitions, problem and plan leads, closings), each
    looked for only when its word is in the paragraph (see mine_report)."""
    for guard, pattern in openings:
        if guard in sentence:
            for match in pattern.finditer(sentence):
                add("openings", patterns.abstract(match.group(0)), kind, example)
    for kind_name, guard, pattern in leads:
        if guard in sentence:
            for match in pattern.finditer(sentence):
                add(kind_name, patterns.abstract(match.group(0).strip()), kind, example)
    plan_lead = patterns.plan_lead_pattern(sentence) if plans else None
    for match in (plan_lead.finditer(sentence) if plan_lead else ()):
        add("plan_leads", patterns.plan_lead(match.group(0).strip().rstrip("，,") + ("" if match.group(0).endswith(("。", "：", ":")) else "：")), kind, example)
    if closing and "为" in sentence:
        for match in patterns.CLOSING.finditer(sentence):
            add("closings", patterns.abstract(match.group(0).strip()), kind, example)


def clause_templates(sentence: str, places: list[str]) -> list[tuple[str, str]]:
    """The sentence's figure clauses, each as written and as a template (figures {N}, years {年}, places
    {地名}); none that names people."""
    return _templates(patterns.figure_clauses(sentence), places)


def _templates(clauses: list[str], places: list[str]) -> list[tuple[str, str]]:
    templates = []
    for clause in clauses:
        template = patterns.abstract(clause)
        if not patterns.names_a_person(template):
            templates.append((clause, patterns.without_places(template, places)))
    return templates


def report_templates(report: ReadReport) -> list[tuple[str, str]]:
    """(clause as written, its template) for every figure clause mining would learn from: what a
    held-out report is measured on (bench/eval_mining.py)."""
    found = []
    for block, kind in zip(report.document.blocks, report.kinds):
        if isinstance(block, Paragraph) and kind in FIGURE_KINDS:
            text = normalise(block.text)
            places = patterns.place_names(segment.tagged(text))
            for sentence in patterns.sentences(text):
                found += clause_templates(sentence, places)
    return found


@lru_cache(maxsize=1 << 14)
def _heading_formulas(level: int, title: str) -> tuple[str, ...]:
    """A heading's formulas; cached, so a heading an office uses again is not segmented again."""
    # a part's formula is its title abstracted: only a deeper heading's words are needed
    tagged = segment.tagged(title) if level > 1 else []
    if level > 1 and tagged and tagged[0][1] in patterns.NOUN_TAGS:
        return ()  # "科技X": a noun, not the verb a heading formula starts with
    return tuple(patterns.heading_formulas(level, title, [word for word, _ in tagged]))


@lru_cache(maxsize=1 << 16)
def _frames(template: str) -> tuple[str, ...]:
    """The template's whole-word frames; cached, since the segmenter is asked for each new template."""
    return tuple(patterns.whole_word_frames(template, segment.words(patterns.for_segmenting(template))))


# "A verb, then one to three nouns" over the tags coded one character a word (patterns.TAG_CODES).
_VERB_OBJECT = recache.compile(r"V([NZ]{1,3})")
_span = methodcaller("span")


def _collocations(tagged: list[tuple[str, str]], codes: str, section: str, example: tuple[str, int, str],
                  collector: Collector) -> None:
    """A verb and the noun phrase right after it (consecutive nouns joined): 选派/科技特派员."""
    pairs = []
    for start, end in map(_span, _VERB_OBJECT.finditer(codes)):
        verb = tagged[start][0]
        if len(verb) >= 2:
            # most objects are one noun, joined only when there are more
            obj = tagged[end - 1][0] if end - start == 2 else "".join(map(itemgetter(0), tagged[start + 1:end]))
            if len(obj) >= 2:
                pairs.append((verb, obj))
    if pairs:
        file, line, text = example
        collector.add_pairs(pairs, section, lambda phrase: (file, line, _around(text, phrase)))


def _around(text: str, phrase: str, width: int = 16) -> str:
    at = text.find(phrase)
    if at < 0:
        return text[: 2 * width]
    left = max(0, at - width)
    return ("…" if left else "") + text[left: at + len(phrase) + width] + ("…" if at + len(phrase) + width < len(text) else "")
