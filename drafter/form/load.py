"""load_form: file -> validated Report, or a FormError listing every problem with its position."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from drafter.errors import FormError, Problem
from drafter.form.lenient import indicator_names, leading_zero_notes, read_as_meant, year_problems
from drafter.form.model import Report, build_report
from drafter.form.validate import rule_problems, schema_problems, unfilled_reference_warnings, unused_figures_warnings
from drafter.form.warnings import (date_warnings, last_year_warnings, magnitude_warnings, placeholder_warnings,
                                   plan_warnings, strip_typed_numbers)
from drafter.form.yaml_source import SourceMap, parse_yaml, read_source, visible


@dataclass(frozen=True)
class LoadedForm:
    report: Report
    source: SourceMap
    notes: tuple[str, ...] = ()  # things worth saying that are not errors (a guessed encoding)
    warnings: tuple[Problem, ...] = ()

    def check_strict(self, strict: bool) -> None:
        """With --strict, warnings are errors."""
        if strict and self.warnings:
            raise FormError(list(self.warnings), summary=f"共 {len(self.warnings)} 处警告（--strict 时视为错误）")


def load_form(path: Path, last: Path | None = None) -> LoadedForm:
    """Read, validate and type a form; raise FormError with all problems when it is not usable.

    With `last` (last year's form), previous values are compared with what it said.
    """
    text, encoding_note = read_source(path)
    loaded = parse_form(text, visible(str(path)), notes=(encoding_note,) if encoding_note else ())
    warnings = list(loaded.warnings) + plan_warnings(loaded.report, loaded.source)
    if last is not None:
        warnings += last_year_warnings(loaded.report, loaded.source, load_form(last).report)
    return replace(loaded, warnings=tuple(sorted(warnings)))


def parse_form(text: str, file: str, notes: tuple[str, ...] = ()) -> LoadedForm:
    data, source = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise FormError([Problem(1, 1, "", "表单的最外层应为字段集合（meta: …、achievements: … 等）", file)])
    years = year_problems(data, source)
    readings, errors = read_as_meant(data, source)
    readings = leading_zero_notes(source) + readings
    problems = years + [p for p in schema_problems(data, source, errors=errors) if p.path not in {y.path for y in years}]
    if not problems:
        readings += indicator_names(data, source)
        problems = rule_problems(data, source)
    if problems:
        raise FormError(problems)
    notes = notes + tuple(map(str, sorted(readings)))
    warnings = strip_typed_numbers(data, source) + placeholder_warnings(data, source) + unfilled_reference_warnings(data, source)
    warnings += unused_figures_warnings(data, source)
    report = build_report(data)
    warnings += date_warnings(report, source) + magnitude_warnings(report, source)
    return LoadedForm(report, source, notes, tuple(warnings))
