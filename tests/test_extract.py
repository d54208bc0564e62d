"""drafter extract: a report into a form skeleton; the round trip build -> extract -> build keeps outline and text."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.build import build_report
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
    assert first.note == "待核对：从原文“2017年高新产值增加值占GDP比重达到30%”提取"


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


def texts_of(form) -> list[str]:
    """Every text an extracted form carries: titles, paragraphs, items, at any depth."""
    if isinstance(form, dict):
        return [t for key, value in form.items() if key not in ("meta", "indicators", "after") for t in texts_of(value)]
    if isinstance(form, list):
        return [t for value in form for t in texts_of(value)]
    return [form] if isinstance(form, str) else []


def test_extract_keeps_only_what_the_source_says(tmp_path):
    """No template phrase, the year from the text, headings before the first 一、 kept, plan targets
    apart from this year's figures, indicator names whole."""
    import yaml

    source = tmp_path / "report.txt"
    source.write_text(
        "县科技局工作总结\n"
        "今年以来，我局围绕中心、服务大局，各项工作有序推进。\n"
        "（一）创新主体培育\n全年新增5G基站达到120个，高新技术企业达到156家。\n"
        "一、2023年工作完成情况\n全县R&D经费投入强度达到2.45%，技术合同成交额达到8.72亿元。\n"
        "二、2024年工作计划\n力争高新技术企业达到170家，R&D经费投入强度达到2.6%。\n",
        encoding="utf-8")
    target, _ = extract_to_form(source)
    form = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert form["meta"]["year"] == 2023
    text = source.read_text(encoding="utf-8")
    assert all(t in text for t in texts_of(form) if t != "（待填写）"), "only the source's own words"
    assert [e["title"] for e in form.get("extra_sections", [])] == ["创新主体培育"]
    indicators = {i["name"]: i for i in form["indicators"]}
    assert indicators["5G基站"]["value"] == 120
    assert indicators["高新技术企业"]["value"] == 156 and indicators["高新技术企业"]["target"] == 170
    assert indicators["R&D经费投入强度"]["value"] == 2.45 and indicators["R&D经费投入强度"]["target"] == 2.6
    assert 170 not in [i["value"] for i in form["indicators"]]
    report = load_form(target).report
    assert report.plan.title == "2024年工作计划"


def test_figures_said_the_way_a_person_and_build_say_them_are_candidates(tmp_path):
    """Found reviewing a clerk's draft: "新认定高新技术企业45家" (no 达到) and "1,860万元" were not read,
    and 争取上级科技资金, the indicator's own verb, was taken for a plan."""
    source = tmp_path / "old.txt"
    source.write_text("青山县科学技术局2024年工作总结及2025年工作计划\n一、2024年工作完成情况\n"
                      "新认定高新技术企业45家，同比增长18.4%；评价入库科技型中小企业248家。"
                      "全年争取上级科技资金1,860万元，高新技术企业有效总数达到156家。\n"
                      "二、2025年工作计划\n力争新认定高新技术企业50家。\n", encoding="utf-8")
    indicators = load_form(extract_to_form(source)[0]).report.indicators
    assert [(i.name, i.value, i.unit, i.target) for i in indicators] == [
        ("新认定高新技术企业", 45, "家", 50), ("科技型中小企业评价入库", 248, "家", None),
        ("争取上级科技资金", 1860, "万元", None), ("高新技术企业有效总数", 156, "家", None)]


@pytest.mark.parametrize("content", [b"", b"\n\n   \n"])
def test_an_empty_source_is_refused_not_turned_into_guesses(tmp_path, monkeypatch, content):
    """Found in review: an empty .txt gave a form of （待填写） with a guessed year, exit 0."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.txt").write_bytes(content)
    result = CliRunner().invoke(cli, ["extract", "old.txt"])
    assert result.exit_code == 2 and "没有读到任何文字" in result.output
    assert not (tmp_path / "old.yaml").exists()
