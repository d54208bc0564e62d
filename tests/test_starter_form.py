"""The starter form speaks to a clerk: a comment from the schema above every field, in the form `init` writes
and in the one `init --from` writes; commented examples that work when uncommented (issue 14, item 3)."""

from __future__ import annotations

import pytest
import yaml

from drafter.commands.init import starter_form
from drafter.commands.next_year import next_year_form
from drafter.form import annotate as annotate_module
from drafter.form.annotate import _shape, description
from drafter.form.load import parse_form
from drafter.resources import report_schema
from tests.conftest import EXAMPLES, MAIN_EXAMPLE


def missing_comments(text: str) -> list[str]:
    """Fields (first occurrence of each schema path, block style) not preceded by their schema description."""
    root = report_schema()
    lines = text.splitlines()
    missing, seen = [], set()

    def walk(node, schema, path):
        if isinstance(node, yaml.MappingNode):
            properties = _shape(schema, root, "map").get("properties", {})
            for key, value in node.value:
                child = properties[key.value]  # every key of a valid form is in the schema
                field = path + (key.value,)
                if field not in seen and not node.flow_style:
                    seen.add(field)
                    above = lines[key.start_mark.line - 1].strip()
                    if above != "# " + description(child, root):
                        missing.append(f"{'.'.join(field)} (line {key.start_mark.line + 1}: {above!r})")
                walk(value, child, field)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child, _shape(schema, root, "seq").get("items", {}), path + ("[]",))

    walk(yaml.compose(text), root, ())
    return missing


def test_every_field_of_the_starter_form_has_its_schema_description_above_it():
    text = starter_form(2025, "青山县科学技术局")
    assert missing_comments(text) == []
    assert "# 本年数值；尚未取得时留空。\n    value:\n" in text


@pytest.mark.parametrize("last", [MAIN_EXAMPLE, *sorted(EXAMPLES.glob("seed00*.yaml"))], ids=lambda p: p.name)
def test_init_from_keeps_the_comments(last):
    text = next_year_form(last)
    assert missing_comments(text) == []
    parse_form(text, "next.yaml")  # still valid as written


def test_no_reference_to_files_an_installed_user_does_not_have():
    for text in (starter_form(2025, "青山县科学技术局"), next_year_form(MAIN_EXAMPLE)):
        assert "docs/" not in text and "form.md" not in text


def test_examples_are_shown_commented():
    text = starter_form(2025, "青山县科学技术局")
    for example in ("# main_indicators:\n", "      #   - lead: 培育创新主体\n", "      #     text: 在此填写条目内容。\n",
                    "# closing: 特此报告。\n", "# phrases:\n", "#   plan_lead: 2026年，重点抓好以下几项工作。\n",
                    "    # targets:\n", "  # title: 青山县科学技术局2025年工作总结及2026年工作计划\n"):
        assert example in text, example
    assert "#example" not in text and "#end" not in text
    assert "# 主要指标：在“一、”开头用一段话概述，并在文末附“主要科技指标完成情况表”。\n# main_indicators:" in text


def test_examples_are_valid_when_uncommented(monkeypatch):
    """The starter with every example switched on is a valid form: the examples cannot rot."""
    monkeypatch.setattr(annotate_module, "comment_out_examples",
                        lambda text: "".join(l for l in text.splitlines(keepends=True) if l.strip() not in ("#example", "#end")))
    loaded = parse_form(starter_form(2025, "青山县科学技术局"), "report.yaml")
    report = loaded.report
    assert report.closing == "特此报告。" and report.phrases.plan_lead == "2026年，重点抓好以下几项工作。"
    assert [(i.lead, i.text) for i in report.achievements.sections[0].items][0] == ("培育创新主体", "在此填写条目内容。")
    assert report.main_indicators.ids == ("rd_expenditure", "hightech_total", "tech_contract_value")


def _with_values(text: str) -> str:
    """The starter form with two figures filled in, as init --indicators or a clerk leaves it."""
    for indicator, value in (("hightech_total", 156), ("science_envoys", 126)):
        start = text.index(f"- id: {indicator}\n")
        empty = text.index("    value:\n", start)
        text = text[:empty] + f"    value: {value}\n" + text[empty + len("    value:\n"):]
    return text


def test_figures_filled_in_but_referenced_nowhere_are_warned_about():
    """Found in review: after `init --indicators 指标.xlsx` the built draft stated none of the sheet's
    figures, and nothing said so."""
    text = _with_values(starter_form(2025, "白河县科学技术局"))
    form = parse_form(text, "f.yaml")
    [warning] = [w for w in form.warnings if "没有一处引用指标" in w.message]
    assert "已填写 2 项指标的本年数值（高新技术企业有效总数、科技特派员）" in warning.message
    assert warning.path == "indicators" and "main_indicators" in warning.message
    referenced = text.replace("indicators: []", "indicators: [hightech_total]", 1)
    assert not [w for w in parse_form(referenced, "f.yaml").warnings if "没有一处引用指标" in w.message]
    with_main = text + "\nmain_indicators:\n  table: false\n"
    assert not [w for w in parse_form(with_main, "f.yaml").warnings if "没有一处引用指标" in w.message]
