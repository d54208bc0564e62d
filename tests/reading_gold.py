"""The hand-written gold outlines of real Word files and texts (tests/data/reading_gold.yaml), and how
a read document is scored against them: heading precision/recall/F1, level and kind accuracy."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from drafter.document import KINDS, Heading
from drafter.reading.headings import normalise

REPO = Path(__file__).resolve().parent.parent
GOLD_FILE = REPO / "tests" / "data" / "reading_gold.yaml"


@dataclass(frozen=True)
class GoldHeading:
    level: int
    text: str
    kind: str


def load_gold(path: Path = GOLD_FILE) -> dict[Path, list[GoldHeading]]:
    """Source path (resolved against the repository) -> its gold headings, kinds inherited from level 1."""
    gold = {}
    for name, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items():
        headings, kind = [], "other"
        for level, text, *more in entries or []:
            named = [m for m in more if m in KINDS]
            if level == 1 or named:
                kind = named[0] if named else "other"
            headings.append(GoldHeading(level, text, kind))
        gold[(REPO / name).resolve()] = headings
    return gold


def key(text: str) -> str:
    """Headings compare without spaces and with full-width punctuation: "3. 积极开展" = "3.积极开展"."""
    return re.sub(r"\s+", "", normalise(text))


def read_outline(document) -> list[GoldHeading]:
    return [GoldHeading(e.block.level, e.block.marker + e.block.text, e.kind)
            for e in document.entries() if isinstance(e.block, Heading)]


@dataclass
class Score:
    hits: int = 0
    found: int = 0
    gold: int = 0
    level_right: int = 0
    kind_right: int = 0

    def add(self, found: list[GoldHeading], gold: list[GoldHeading]) -> "Score":
        """Match found to gold headings by text, in order, each gold heading at most once."""
        remaining = list(gold)
        for heading in found:
            match = next((g for g in remaining if key(g.text) == key(heading.text)), None)
            if match is None:
                continue
            remaining.remove(match)
            self.hits += 1
            self.level_right += heading.level == match.level
            self.kind_right += heading.kind == match.kind
        self.found += len(found)
        self.gold += len(gold)
        return self

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def level_accuracy(self) -> float:
        return self.level_right / self.hits if self.hits else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.hits if self.hits else 1.0
