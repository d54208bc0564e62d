"""drafter extract: a report into a form skeleton; the round trip build -> extract -> build keeps outline and text."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.commands.build import build_report
from drafter.commands.extract import extract_to_form
from drafter.form import load_form
from tests.conftest import EXAMPLES, REPO
from tests.docx_reading import paragraphs

ATTACHMENT = ("附件标识", "表题")


@pytest.mark.parametrize("form", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_round_trip_keeps_outline_and_texts(form, tmp_path):
    shutil.copyfile(EXAMPLES / form, tmp_path / form)
    first = build_report(tmp_path / form, tmp_path / "first.docx").output
    extracted, _ = extract_to_form(first, tmp_path / "extracted.yaml")
    second = build_report(extracted, tmp_path / "second.docx").output
    expected = [p for p in paragraphs(first) if p[0] not in ATTACHMENT and not p[1].startswith("附件：")]
    assert paragraphs(second) == expected


@pytest.mark.parametrize("seed", sorted(p.name for p in (REPO / "seeds").glob("*.txt")))
def test_each_seed_extracts_to_a_form_that_validates_and_builds(seed, tmp_path):
    source = tmp_path / seed
    shutil.copyfile(REPO / "seeds" / seed, source)
    form, _ = extract_to_form(source)
    assert form == source.with_suffix(".yaml")
    loaded = load_form(form)
    assert build_report(form, tmp_path / "out.docx").output.is_file()
    assert loaded.report.achievements is not None


def test_meta_and_candidates_from_seed_004(tmp_path):
    source = tmp_path / "004.txt"
    shutil.copyfile(REPO / "seeds" / "004_fed0c36332e47857.txt", source)
    report = load_form(extract_to_form(source)[0]).report
    meta = report.meta
    assert (meta.org, meta.year, meta.kind, meta.title) == ("芙蓉区科技局", 2017, "annual", "芙蓉区科技局2017年工作总结暨2018年工作计划")
    assert (meta.signer, meta.date.isoformat()) == ("芙蓉区科学技术局", "2018-01-04")
    assert report.achievements.title == "2017年主要工作成绩"
    assert [s.title for s in report.plan.tasks.sections] == ["主要思路", "主要目标", "主要任务", "主要措施"]
    first = report.indicators[0]
    assert (first.id, first.name, first.value, first.unit) == ("candidate_1", "高新产值增加值占GDP比重", 30, "%")
    assert first.note == "待核对：从原文“年高新产值增加值占GDP比重达到30%”提取"


def test_seed_000_parts_keep_their_order(tmp_path):
    source = tmp_path / "000.txt"
    shutil.copyfile(REPO / "seeds" / "000_3e3a879254da2c44.txt", source)
    report = load_form(extract_to_form(source)[0]).report
    assert report.meta.kind == "multi-year"
    assert report.achievements.title == "过去五年工作"
    assert [(e.title, e.after) for e in report.extra_sections] == [("2019年工作", "achievements"), ("今后五年工作思路", "problems")]
    assert report.plan.title == "2019年工作打算"


def test_cli_extract_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(REPO / "seeds" / "002_bae53ef1428627b3.txt", tmp_path / "old.txt")
    first = CliRunner().invoke(cli, ["extract", "old.txt"])
    assert first.exit_code == 0 and first.output.startswith("已提取表单：old.yaml（找到 0 个候选指标，请核对）")
    again = CliRunner().invoke(cli, ["extract", "old.txt"])
    assert again.exit_code == 2 and again.output == "old.yaml: 文件已存在，未覆盖。请用 -o 指定新的文件名。\n"
