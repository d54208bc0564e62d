"""load_form: file -> validated Report, or a FormError listing every problem with its position."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.errors import FormError, Problem
from drafter.form.model import Report, build_report
from drafter.form.validate import rule_problems, schema_problems
from drafter.form.yaml_source import SourceMap, parse_yaml, read_source


@dataclass(frozen=True)
class LoadedForm:
    report: Report
    source: SourceMap
    notes: tuple[str, ...] = ()  # things worth saying that are not errors (a guessed encoding)


def load_form(path: Path) -> LoadedForm:
    """Read, validate and type a form; raise FormError with all problems when it is not usable."""
    text, encoding_note = read_source(path)
    return parse_form(text, str(path), notes=(encoding_note,) if encoding_note else ())


def parse_form(text: str, file: str, notes: tuple[str, ...] = ()) -> LoadedForm:
    data, source = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise FormError([Problem(1, 1, "", "表单的最外层应为字段集合（meta: …、achievements: … 等）", file)])
    problems = schema_problems(data, source)
    if not problems:
        problems = rule_problems(data, source)
    if problems:
        raise FormError(problems)
    return LoadedForm(build_report(data), source, notes)
