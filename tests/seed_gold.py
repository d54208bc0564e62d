"""The hand-written gold outlines of the seeds, and how a read report is scored against them."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.document import Heading
from drafter.reading.headings import normalise

GOLD = yaml.safe_load((Path(__file__).parent / "data" / "seed_outlines.yaml").read_text(encoding="utf-8"))


def read_headings(report) -> list[tuple[int, str]]:
    """(level, marker + title) of every heading read, normalised like the gold."""
    return [(b.level, normalise(b.marker + b.text)) for b in report.document.blocks if isinstance(b, Heading)]


def gold_headings(seed: str) -> list[tuple[int, str]]:
    return [(level, text) for level, text, *rest in GOLD[seed] if "list" not in rest]


def gold_kinds(seed: str) -> list[str]:
    """The gold kind of each heading: a level-1 entry names it, deeper ones inherit it."""
    kinds, current = [], "other"
    for level, _, *kind in GOLD[seed]:
        if "list" in kind:
            continue
        if kind:
            current = kind[0]
        kinds.append(current)
    return kinds


def heading_scores(found: list, gold: list) -> tuple[int, int, int]:
    """(true positives, found, gold), matching headings as a multiset in order-free fashion."""
    remaining = list(gold)
    hits = 0
    for item in found:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return hits, len(found), len(gold)
