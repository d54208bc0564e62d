"""Counting what recurs across documents, with a few examples each, in memory that stays bounded."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from operator import itemgetter

MAX_EXAMPLES = 3
MAX_KEYS = 100_000  # past this many distinct keys of one kind, the rarest entries are dropped (see _prune)
MAX_KEYS_OF = {"passages": 20_000}  # whole sentences are long: fewer of them in memory
_first, _second = itemgetter(0), itemgetter(1)


class Entry:
    """One counted text. A plain class with slots: a corpus makes hundreds of thousands of these."""

    __slots__ = ("count", "docs", "last_doc", "sections", "examples", "extra")

    def __init__(self, extra: dict | None = None):
        self.count = 0
        self.docs = 0
        self.last_doc = -1
        self.sections: dict[str, int] = {}
        self.examples: list = []
        self.extra = extra or {}


class Collector:
    def __init__(self):
        self.entries: dict[str, dict[str, Entry]] = defaultdict(dict)
        self.verbs: Counter = Counter()
        self.objects: Counter = Counter()
        self.pairs = 0
        self.doc = -1

    def new_document(self) -> None:
        self.doc += 1

    def add(self, kind: str, key: str, section: str, example, **extra) -> None:
        """Count one occurrence; `example` is (file, line, text), or a function giving it, called only
        while the entry still wants examples (most occurrences are not kept as one)."""
        table = self.entries[kind]
        entry = table.get(key)
        if entry is None:
            if len(table) >= MAX_KEYS_OF.get(kind, MAX_KEYS):
                self._prune(table)
            entry = table[key] = Entry(extra)
        entry.count += 1
        if entry.last_doc != self.doc:
            entry.docs += 1
            entry.last_doc = self.doc
        sections = entry.sections
        sections[section] = sections.get(section, 0) + 1
        if len(entry.examples) < MAX_EXAMPLES:
            entry.examples.append(example() if callable(example) else example)

    def add_pair(self, verb: str, obj: str, section: str, example) -> None:
        self.verbs[verb] += 1
        self.objects[obj] += 1
        self.pairs += 1
        self.add("collocations", f"{verb} {obj}", section, example, verb=verb, object=obj)

    def add_pairs(self, pairs: list[tuple[str, str]], section: str, example_of) -> None:
        """add_pair for each (verb, object) of one text, in order; example_of(verb + object) gives the
        example, asked only while the entry still wants one. The counting of add() is written out here:
        collocations are the commonest entries (one every 30 characters), and a call apiece costs."""
        self.pairs += len(pairs)
        self.verbs.update(map(_first, pairs))  # counted at C speed
        self.objects.update(map(_second, pairs))
        table = self.entries["collocations"]
        doc = self.doc
        for verb, obj in pairs:
            key = f"{verb} {obj}"
            entry = table.get(key)
            if entry is None:
                if len(table) >= MAX_KEYS_OF.get("collocations", MAX_KEYS):
                    self._prune(table)
                entry = table[key] = Entry({"verb": verb, "object": obj})
            entry.count += 1
            if entry.last_doc != doc:
                entry.docs += 1
                entry.last_doc = doc
            sections = entry.sections
            sections[section] = sections.get(section, 0) + 1
            if len(entry.examples) < MAX_EXAMPLES:
                entry.examples.append(example_of(verb + obj))

    def __getstate__(self) -> tuple:
        """What a worker process sends back, as rows of plain values: pickled and read back in half the
        time of one object per entry (about 5 ms of each run of --jobs)."""
        tables = {kind: (list(table), [(e.count, e.docs, e.last_doc, e.sections, e.examples, e.extra)
                                       for e in table.values()])
                  for kind, table in self.entries.items()}
        return tables, self.verbs, self.objects, self.pairs, self.doc

    def __setstate__(self, state: tuple) -> None:
        tables, self.verbs, self.objects, self.pairs, self.doc = state
        self.entries = defaultdict(dict)
        for kind, (keys, rows) in tables.items():
            table = self.entries[kind]
            for key, (count, docs, last_doc, sections, examples, extra) in zip(keys, rows):
                entry = table[key] = Entry.__new__(Entry)
                entry.count, entry.docs, entry.last_doc = count, docs, last_doc
                entry.sections, entry.examples, entry.extra = sections, examples, extra

    def pmi(self, verb: str, obj: str, count: int) -> float:
        return math.log2(count * self.pairs / (self.verbs[verb] * self.objects[obj]))

    def merge(self, other: "Collector") -> None:
        """Add what another collector counted over the documents that follow this one's: counts and
        documents add up, examples stay the first ones in document order, as one pass would give."""
        self.verbs.update(other.verbs)
        self.objects.update(other.objects)
        self.pairs += other.pairs
        self.doc += other.doc + 1
        for kind, theirs in other.entries.items():
            table = self.entries[kind]
            for key, entry in theirs.items():
                mine = table.get(key)
                if mine is None:
                    if len(table) >= MAX_KEYS_OF.get(kind, MAX_KEYS):
                        self._prune(table)
                    entry.last_doc = -1
                    table[key] = entry
                    continue
                mine.count += entry.count
                mine.docs += entry.docs
                for section, count in entry.sections.items():
                    mine.sections[section] = mine.sections.get(section, 0) + count
                mine.examples.extend(entry.examples[: MAX_EXAMPLES - len(mine.examples)])

    @staticmethod
    def _prune(table: dict) -> None:
        """Drop the rarest entries until at most half the table is left: those seen once, then twice,
        and so on. Halving (rather than dropping only the ones seen once) keeps a table of entries that
        all recur from being pruned again on every new key; memory stays bounded whatever the corpus."""
        keep = len(table) // 2
        counts = sorted((entry.count for entry in table.values()), reverse=True)
        floor = counts[keep] if keep < len(counts) else 0  # entries seen this often or less go
        for key in [k for k, e in table.items() if e.count <= floor]:
            del table[key]
