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
    keywords: tuple[str, ...] = ()


@cache
def catalogue() -> tuple[CatalogueEntry, ...]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # read on every build: use libyaml
    data = yaml.load((schemas_dir() / "indicators.yaml").read_text(encoding="utf-8"), Loader=loader)
    return tuple(CatalogueEntry(**{**entry, "keywords": tuple(entry.get("keywords", ()))}) for entry in data["indicators"])


def catalogue_entry(indicator_id: str) -> CatalogueEntry | None:
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, CatalogueEntry]:
    return {entry.id: entry for entry in catalogue()}


MONEY_UNITS = ("元", "万元", "亿元")


def unit_fits(entry: CatalogueEntry, unit: str) -> bool:
    """A unit fits when it is the catalogue's, or money for money (万元 and 亿元 convert)."""
    return unit == entry.unit or (entry.unit in MONEY_UNITS and unit in MONEY_UNITS)
