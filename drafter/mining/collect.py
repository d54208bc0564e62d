"""Counting what recurs across documents, with a few examples each, in memory that stays bounded."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

MAX_EXAMPLES = 3
MAX_KEYS = 200_000  # past this many distinct keys of one kind, entries seen once are dropped


@dataclass
class Entry:
    count: int = 0
    docs: int = 0
    last_doc: int = -1
    sections: Counter = field(default_factory=Counter)
    examples: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)


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
            if len(table) >= MAX_KEYS:
                self._prune(table)
            entry = table[key] = Entry(extra=extra)
        entry.count += 1
        if entry.last_doc != self.doc:
            entry.docs += 1
            entry.last_doc = self.doc
        entry.sections[section] += 1
        if len(entry.examples) < MAX_EXAMPLES:
            entry.examples.append(example() if callable(example) else example)

    def add_pair(self, verb: str, obj: str, section: str, example) -> None:
        self.verbs[verb] += 1
        self.objects[obj] += 1
        self.pairs += 1
        self.add("collocations", f"{verb} {obj}", section, example, verb=verb, object=obj)

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
                    if len(table) >= MAX_KEYS:
                        self._prune(table)
                    entry.last_doc = -1
                    table[key] = entry
                    continue
                mine.count += entry.count
                mine.docs += entry.docs
                mine.sections.update(entry.sections)
                mine.examples.extend(entry.examples[: MAX_EXAMPLES - len(mine.examples)])

    @staticmethod
    def _prune(table: dict) -> None:
        for key in [k for k, e in table.items() if e.count == 1]:
            del table[key]
