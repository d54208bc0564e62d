"""The 科技局 indicator catalogue shipped in schemas/indicators.yaml."""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from drafter.resources import packaged_yaml, schemas_dir


class CatalogueEntry(NamedTuple):
    id: str
    name: str
    unit: str
    kind: str    # count | amount | ratio
    change: str  # growth | points
    keywords: tuple[str, ...] = ()
    say: str = ""                # "选派科技特派员{数}": the clause, when it leads with a verb
    reach: tuple[str, ...] = ()  # 达到 / 突破 where they fit a rising figure
    rise: str = ""               # the words of a change, when not the default 增长/下降 (提高/降低)
    fall: str = ""


@cache
def catalogue() -> tuple[CatalogueEntry, ...]:
    data = packaged_yaml((schemas_dir() / "indicators.yaml").read_text(encoding="utf-8"))  # on every build
    return tuple(CatalogueEntry(**{**entry, "keywords": tuple(entry.get("keywords", ())),
                                   "reach": tuple(entry.get("reach", ()))}) for entry in data["indicators"])


def catalogue_entry(indicator_id: str) -> CatalogueEntry | None:
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, CatalogueEntry]:
    return {entry.id: entry for entry in catalogue()}


MONEY_UNITS = ("元", "万元", "亿元")


def unit_fits(entry: CatalogueEntry, unit: str) -> bool:
    """A unit fits when it is the catalogue's, or money for money (万元 and 亿元 convert)."""
    return unit == entry.unit or (entry.unit in MONEY_UNITS and unit in MONEY_UNITS)
