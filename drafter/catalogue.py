"""The 科技局 indicator catalogue shipped in schemas/indicators.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from drafter.resources import schemas_dir


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    unit: str
    kind: str    # count | amount | ratio
    change: str  # growth | points


@cache
def catalogue() -> tuple[CatalogueEntry, ...]:
    data = yaml.safe_load((schemas_dir() / "indicators.yaml").read_text(encoding="utf-8"))
    return tuple(CatalogueEntry(**entry) for entry in data["indicators"])
