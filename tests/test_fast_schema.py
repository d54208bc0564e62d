"""The precompiled schema check never calls a form valid that jsonschema rejects, and is current."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from drafter.form.fast_schema import GENERATED, is_valid
from drafter.form.yaml_source import parse_yaml
from drafter.resources import report_schema

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "docs" / "examples").glob("*.yaml"))
ODD_VALUES = (None, "", "2024-02-30", "2024-06\n", -1, 1.5, True, [], {"x": 1})


VALIDATOR = Draft202012Validator(report_schema(), format_checker=FormatChecker())


def _jsonschema_valid(data) -> bool:
    return VALIDATOR.is_valid(data)


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, path + (index,))


def _mutations(data):
    """Every value replaced by odd ones, every key removed, an unknown key in every mapping."""
    for path in list(_paths(data))[1:]:
        *parents, last = path
        for value in ODD_VALUES:
            changed = copy.deepcopy(data)
            parent = changed
            for step in parents:
                parent = parent[step]
            parent[last] = value
            yield changed
        changed = copy.deepcopy(data)
        parent = changed
        for step in parents:
            parent = parent[step]
        if isinstance(parent, dict):
            del parent[last]
            yield changed
            extra = copy.deepcopy(data)
            target = extra
            for step in parents:
                target = target[step]
            target["unknown_key"] = 1
            yield extra


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_take_the_fast_path(example):
    data, _ = parse_yaml(example.read_text(encoding="utf-8"), str(example))
    assert is_valid(data)


@pytest.mark.parametrize("example", [pytest.param(EXAMPLES[0], marks=pytest.mark.slow), EXAMPLES[1]],
                         ids=lambda p: p.stem)
def test_fast_valid_implies_jsonschema_valid(example):
    data, _ = parse_yaml(example.read_text(encoding="utf-8"), str(example))
    checked = invalid = 0
    for mutated in _mutations(data):
        fast = is_valid(mutated)
        if fast:
            assert _jsonschema_valid(mutated), mutated
        else:
            invalid += 1
        checked += 1
    assert checked > 300 and invalid > 100


def test_generated_code_is_current():
    fastjsonschema = pytest.importorskip("fastjsonschema")
    from drafter.form.fast_schema import generated_code

    assert fastjsonschema.VERSION in GENERATED.read_text(encoding="utf-8")
    assert GENERATED.read_text(encoding="utf-8") == generated_code(), "run: python -m drafter.form.fast_schema"
