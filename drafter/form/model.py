"""The typed, frozen report model that templates read; built from validated form data.

Records are NamedTuples, not frozen dataclasses: as immutable and as typed, and made in a quarter of
the time (Python 3.11 compiles six methods for each frozen dataclass on every start: 5 ms of a build). The Section family repeats Section's fields, since a NamedTuple cannot extend another.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import NamedTuple

from drafter.layout import Layout


class Period(NamedTuple):
    start: str  # "2020-01"
    end: str

    @property
    def start_year(self) -> int:
        return int(self.start[:4])

    @property
    def end_year(self) -> int:
        return int(self.end[:4])


class Meta(NamedTuple):
    org: str
    year: int
    date: dt.date
    region: str | None = None
    kind: str = "annual"
    period: Period | None = None
    title: str | None = None
    recipient: str | None = None
    signer: str | None = None
    sealed: bool = False


class Rank(NamedTuple):
    scope: str
    position: int


class Part(NamedTuple):
    name: str
    value: float
    unit: str | None = None


class Indicator(NamedTuple):
    id: str
    name: str
    unit: str
    value: float | None = None
    previous: float | None = None
    target: float | None = None
    rank: Rank | None = None
    note: str | None = None
    parts: tuple[Part, ...] = ()


class Item(NamedTuple):
    text: str
    lead: str | None = None


class Section(NamedTuple):
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    indicators: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()


class Problems(NamedTuple):  # a Section, placed under its own heading or inline
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    indicators: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    inline: bool = False


class Target(NamedTuple):
    indicator: str
    value: float
    verb: str = "力争"


class Goals(NamedTuple):  # a Section with the year's targets
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    indicators: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    targets: tuple[Target, ...] = ()


class ExtraSection(NamedTuple):  # a Section the office adds, placed after a given part
    title: str | None = None
    paragraphs: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    indicators: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    after: str = "achievements"


class MainIndicators(NamedTuple):
    ids: tuple[str, ...]
    paragraph: bool = True
    table: bool = True


class ReviewItem(NamedTuple):
    task: str
    status: str | None = None  # 完成 | 部分完成 | 未完成
    note: str | None = None


class PhraseOverrides(NamedTuple):
    transition: str | None = None
    problem_lead: str | None = None
    plan_lead: str | None = None
    closing: str | None = None
    bank: str | None = None  # the office's phrase bank, relative to the form


PLAN_PARTS = ("approach", "goals", "tasks", "measures")


def tasks_only(present) -> bool:
    """A plan with only tasks puts them directly under its 一、 heading, one level up: the one place the
    rule is stated (templates and validation both ask it)."""
    return [part for part in PLAN_PARTS if part in present] == ["tasks"]


class Plan(NamedTuple):
    title: str | None = None
    year: int | None = None
    intro: tuple[str, ...] = ()
    approach: Section | None = None
    goals: Goals | None = None
    tasks: Section | None = None
    measures: Section | None = None

    @property
    def tasks_only(self) -> bool:
        return tasks_only([part for part in PLAN_PARTS if getattr(self, part)])


class Report(NamedTuple):
    meta: Meta
    achievements: Section
    indicators: tuple[Indicator, ...] = ()
    opening: tuple[str, ...] = ()
    problems: Problems | None = None
    plan: Plan | None = None
    extra_sections: tuple[ExtraSection, ...] = ()
    closing: str | None = None
    main_indicators: MainIndicators | None = None
    plan_review: tuple[ReviewItem, ...] = ()
    phrases: PhraseOverrides | None = None
    layout: Layout = Layout()
    indicator_index: MappingProxyType = MappingProxyType({})  # id -> Indicator, made by build_report

    def indicator(self, indicator_id: str) -> Indicator:
        return self.indicator_index[indicator_id]

    @property
    def plan_year(self) -> int:
        """The plan's year: as the form says, else this year for a mid-year report, else the next."""
        if self.plan and self.plan.year:
            return self.plan.year
        return self.meta.year if self.meta.kind == "midyear" else self.meta.year + 1


def _paragraphs(value) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _item(value) -> Item:
    return Item(value) if isinstance(value, str) else Item(value["text"], value["lead"])


def _section_fields(data: dict) -> dict:
    return {
        "title": data.get("title"),
        "paragraphs": _paragraphs(data.get("paragraphs")),
        "items": tuple(_item(i) for i in data.get("items", [])),
        "indicators": tuple(data.get("indicators", [])),
        "sections": tuple(_section(s) for s in data.get("sections", [])),
    }


def _section(data: dict | None) -> Section | None:
    return None if data is None else Section(**_section_fields(data))


def _indicator(data: dict) -> Indicator:
    rank = data.get("rank")
    return Indicator(
        id=data["id"], name=data["name"], unit=data["unit"],
        value=data.get("value"), previous=data.get("previous"), target=data.get("target"),
        rank=Rank(**rank) if rank else None,
        note=data.get("note"),
        parts=tuple(Part(p["name"], p["value"], p.get("unit")) for p in data.get("parts", [])),
    )


def _plan(data: dict | None) -> Plan | None:
    if data is None:
        return None
    goals = data.get("goals")
    return Plan(
        title=data.get("title"),
        year=data.get("year"),
        intro=_paragraphs(data.get("intro")),
        approach=_section(data.get("approach")),
        goals=None if goals is None else Goals(
            **_section_fields(goals),
            targets=tuple(Target(t["indicator"], t["value"], t.get("verb", "力争")) for t in goals.get("targets", [])),
        ),
        tasks=_section(data.get("tasks")),
        measures=_section(data.get("measures")),
    )


def _main_indicators(data: dict | None, indicators: tuple[Indicator, ...]) -> MainIndicators | None:
    if data is None:
        return None
    ids = data.get("ids") or [i.id for i in indicators if i.value is not None]
    return MainIndicators(tuple(ids), data.get("paragraph", True), data.get("table", True))


def build_report(data: dict) -> Report:
    """Validated form data -> Report. Assumes the schema and rule checks passed."""
    meta = data["meta"]
    period = meta.get("period")
    indicators = tuple(_indicator(i) for i in data.get("indicators", []))
    problems = data.get("problems")
    return Report(
        meta=Meta(
            org=meta["org"], year=meta["year"], date=dt.date.fromisoformat(meta["date"]),
            region=meta.get("region"), kind=meta.get("kind", "annual"),
            period=Period(period["start"], period["end"]) if period else None,
            title=meta.get("title"), recipient=meta.get("recipient"), signer=meta.get("signer"),
            sealed=meta.get("sealed", False),
        ),
        achievements=_section(data["achievements"]),
        indicators=indicators,
        opening=_paragraphs(data.get("opening")),
        problems=None if problems is None else Problems(**_section_fields(problems), inline=problems.get("inline", False)),
        plan=_plan(data.get("plan")),
        extra_sections=tuple(
            ExtraSection(**_section_fields(extra), after=extra["after"]) for extra in data.get("extra_sections", [])
        ),
        closing=data.get("closing"),
        main_indicators=_main_indicators(data.get("main_indicators"), indicators),
        plan_review=tuple(ReviewItem(r["task"], r.get("status"), r.get("note")) for r in data.get("plan_review", [])),
        phrases=PhraseOverrides(**data["phrases"]) if "phrases" in data else None,
        layout=Layout.from_form(data.get("layout")),
        indicator_index=MappingProxyType({i.id: i for i in indicators}),
    )
