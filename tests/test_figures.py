"""Figures in a whole report: exact sentences and table cells, next year's form, plan-against-results warnings."""

from __future__ import annotations

from decimal import Decimal

import docx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from drafter import indicators as facts
from drafter.cli import cli
from drafter.build import build_report
from drafter.commands.next_year import init_from
from drafter.form import load_form
from drafter.form.model import Indicator
from tests.conftest import MAIN_EXAMPLE
from tests.docx_reading import paragraphs

KNOWN = """\
meta: {org: 白沙县科学技术局, region: 白沙县, year: 2024, date: 2024-12-25}
indicators:
  - {id: rd_expenditure, name: 全社会R&D经费投入, unit: 亿元, value: 5.6, previous: 2.8, target: 5, rank: {scope: 全市, position: 4}}
  - {id: rd_intensity, name: R&D经费投入强度, unit: "%", value: 1.95, previous: 2.05, target: 2.1}
  - {id: superior_funds, name: 争取上级科技资金, unit: 万元, value: 12345, previous: 10000}
  - {id: patent_grants, name: 专利授权量, unit: 件, value: 420, previous: 420, parts: [{name: 发明专利, value: 37}]}
  - {id: tech_contract_value, name: 技术合同成交额, unit: 亿元, value: 0.85, previous: 0.2}
main_indicators: {ids: [rd_expenditure, rd_intensity, superior_funds, patent_grants, tech_contract_value]}
plan_review:
  - {task: 实施高企倍增计划, status: 完成}
  - {task: 建设科创中心, status: 部分完成, note: 二期主体完工，设备尚在采购}
  - {task: 设立科技金融基金, status: 未完成}
achievements:
  sections:
    - title: 聚焦主体培育，创新能力持续增强
      paragraphs: [全年工作扎实推进。]
problems:
  items: [R&D经费投入强度比上年有所下降，未完成年度目标]
plan:
  goals:
    targets:
      - {indicator: rd_expenditure, value: 6.5}
      - {indicator: rd_intensity, value: 2.2, verb: 确保}
"""


@pytest.fixture
def known(tmp_path):
    form = tmp_path / "known.yaml"
    form.write_text(KNOWN, encoding="utf-8")
    return form


def test_known_figures_give_exactly_these_sentences(known, tmp_path):
    built = build_report(known, tmp_path / "known.docx").output
    texts = [text for _, text in paragraphs(built)]
    assert texts[2] == "一、2024年工作完成情况"
    assert texts[3] == (
        "2024年，全社会R&D经费投入达到5.6亿元，同比增长100%，实现翻番，完成年度目标的112%，居全市第4位；"
        "R&D经费投入强度为1.95%，比上年降低0.1个百分点，完成年度目标的92.9%；"
        "争取上级科技资金1.23亿元，增长23.5%；"
        "授权专利420件（其中发明专利37件），与上年持平；"
        "技术合同成交额达到8500万元，比上年增长325%，实现翻两番。"
    )
    assert texts[4] == ("2024年工作计划确定的3项重点任务，已完成1项，部分完成1项，未完成1项。"
                        "其中，“建设科创中心”部分完成，二期主体完工，设备尚在采购；“设立科技金融基金”未完成。")
    goals = texts.index("（一）主要目标")
    assert texts[goals + 1] == "2025年，全社会R&D经费投入力争达到6.5亿元，比上年增长16.1%；R&D经费投入强度确保达到2.2%，提高0.25个百分点。"


def test_known_figures_give_exactly_these_table_cells(known, tmp_path):
    built = build_report(known, tmp_path / "known.docx").output
    table = docx.Document(str(built)).tables[0]
    cells = [[cell.text.replace("\n", "") for cell in row.cells] for row in table.rows]
    assert cells == [
        ["指标", "单位", "上年", "本年", "同比", "目标", "完成率", "排名"],
        ["全社会R&D经费投入", "亿元", "2.8", "5.6", "增长100%", "5", "112%", "全市第4位"],
        ["R&D经费投入强度", "%", "2.05", "1.95", "降低0.1个百分点", "2.1", "92.9%", "—"],
        ["争取上级科技资金", "亿元", "1", "1.23", "增长23.5%", "—", "—", "—"],  # in the unit the text uses
        ["专利授权量", "件", "420", "420", "持平", "—", "—", "—"],
        ["技术合同成交额", "万元", "2000", "8500", "增长325%", "—", "—", "—"],
    ]
    xml = table._tbl.xml
    assert 'w:tblHeader' in xml and 'w:type="fixed"' in xml
    widths = [column.width.mm for column in table.columns]
    assert abs(sum(widths) - 156) < 0.5  # widths from the content, filling the type area
    assert widths[0] > 6 * 12 * 25.4 / 72  # the indicator's name keeps at least six characters a line


def test_years_come_from_meta(known, tmp_path):
    midyear = known.read_text(encoding="utf-8").replace("date: 2024-12-25}", "date: 2024-07-10, kind: midyear}")
    known.write_text(midyear, encoding="utf-8")
    texts = [text for _, text in paragraphs(build_report(known, tmp_path / "mid.docx").output)]
    assert texts[0].replace("\n", "") == "白沙县科学技术局2024年上半年工作总结及下半年工作计划"
    assert "一、2024年上半年工作完成情况" in texts
    assert "三、下半年工作计划" in texts


def test_no_warnings_on_any_example():
    from tests.conftest import EXAMPLES

    for form in EXAMPLES.glob("*.yaml"):
        assert load_form(form).warnings == (), form.name


TRIGGERS = """\
meta: {org: 白沙县科学技术局, year: 2024, date: 2024-12-25}
indicators:
  - {id: rd_intensity, name: R&D经费投入强度, unit: "%", value: 1.95, previous: 2.05, target: 2.1}
  - {id: tech_contracts, name: 技术合同登记数, unit: 项, value: 80, previous: 95}
  - {id: hightech_new, name: 新认定高新技术企业, unit: 个, value: 12}
  - {id: patent_grants, name: 专利授权量, unit: 件, value: 300, previous: 280}
plan_review:
  - {task: 建设科创中心}
achievements:
  indicators: [rd_intensity]
problems:
  items: [企业研发投入不足]
"""


def test_warnings_fire_on_a_form_built_to_trigger_them(tmp_path):
    form = tmp_path / "triggers.yaml"
    form.write_text(TRIGGERS, encoding="utf-8")
    warnings = [str(w).split(": ", 1)[1] for w in load_form(form).warnings]
    assert warnings == [
        "indicators[0]: 警告：“R&D经费投入强度”未完成年度目标（1.95/2.1%），但“存在的问题”中没有提到",
        "indicators[1]: 警告：“技术合同登记数”比上年下降（95→80项），但“存在的问题”中没有提到",
        "indicators[2].unit: 警告：指标“hightech_new”通常以“家”为单位，这里是“个”，请核对",
        "plan_review[0]: 警告：上年计划任务“建设科创中心”尚未标注完成情况（完成、部分完成或未完成）",
    ]


def test_a_problem_that_names_the_indicator_silences_its_warning(tmp_path):
    form = tmp_path / "told.yaml"
    form.write_text(TRIGGERS.replace("[企业研发投入不足]", "[R&D经费投入强度未达目标, 技术合同登记数有所减少]"), encoding="utf-8")
    assert [w.path for w in load_form(form).warnings] == ["indicators[2].unit", "plan_review[0]"]


def test_strict_makes_warnings_errors_at_validate_and_build(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "t.yaml").write_text(TRIGGERS, encoding="utf-8")
    runner = CliRunner()
    relaxed = runner.invoke(cli, ["validate", "t.yaml"])
    assert relaxed.exit_code == 0
    assert relaxed.output.splitlines()[-1] == "t.yaml: 表单可以使用，但有 4 处警告（4 项指标，0 个工作成效小节）。"
    strict = runner.invoke(cli, ["validate", "t.yaml", "--strict"])
    assert strict.exit_code == 2
    assert strict.output.splitlines()[-1] == "共 4 处警告（--strict 时视为错误）"
    built = runner.invoke(cli, ["build", "t.yaml", "-o", "t.docx"])
    assert built.exit_code == 0 and "警告：“技术合同登记数”比上年下降" in built.output
    assert runner.invoke(cli, ["build", "t.yaml", "-o", "u.docx", "--strict"]).exit_code == 2
    assert not (tmp_path / "u.docx").exists()


def test_next_year_form_from_the_main_example(tmp_path):
    new = init_from(MAIN_EXAMPLE, tmp_path / "2025.yaml")
    loaded = load_form(new)  # valid as written
    report, last = loaded.report, load_form(MAIN_EXAMPLE).report
    assert report.meta.year == 2025 and report.meta.date.isoformat() == "2025-12-20"
    for indicator in report.indicators:
        before = last.indicator(indicator.id)
        assert indicator.previous == before.value
        assert indicator.value is None
    targets = {i.id: i.target for i in report.indicators if i.target is not None}
    assert targets == {"rd_expenditure": 14, "rd_intensity": 2.6, "hightech_total": 175, "tech_contract_value": 10}
    assert [s.title for s in report.achievements.sections] == [s.title for s in last.achievements.sections]
    assert all(p == "（待填写）" for s in report.achievements.sections for p in s.paragraphs)
    assert [(r.task, r.status) for r in report.plan_review] == [
        ("聚焦企业主体，提升创新能力", None), ("强化平台支撑，集聚创新资源", None),
        ("加强项目攻关，突破关键技术", None), ("畅通转化渠道，做强技术市场", None)]
    text = new.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=file://")
    with pytest.raises(Exception, match="已存在"):
        init_from(MAIN_EXAMPLE, new)


def test_next_year_form_builds_with_visible_gaps(tmp_path):
    new = init_from(MAIN_EXAMPLE, tmp_path / "2025.yaml")
    texts = [text for _, text in paragraphs(build_report(new, tmp_path / "2025.docx").output)]
    assert texts[0].replace("\n", "") == "青山县科学技术局2025年工作总结及2026年工作计划"
    assert texts[4].startswith("2025年，全社会R&D经费投入（待填写）亿元；")


def test_last_year_form_catches_a_changed_previous_value(tmp_path):
    new = init_from(MAIN_EXAMPLE, tmp_path / "2025.yaml")
    new.write_text(new.read_text(encoding="utf-8").replace("previous: 12.6", "previous: 12.9"), encoding="utf-8")
    warnings = [str(w).split(": ", 1)[1] for w in load_form(new, last=MAIN_EXAMPLE).warnings if "上年表单" in str(w)]
    assert warnings == ["indicators[0].previous: 警告：上年数值 12.9 与上年表单中的 12.6 不一致；如统计口径有调整，请在 note 中说明口径"]


money = st.integers(min_value=1, max_value=10**9)


@given(value=money)
def test_money_scaling_keeps_the_amount(value):
    number, unit = facts.scaled(value, "万元")
    back = number * 10000 if unit == "亿元" else number
    assert abs(back - value) <= 50  # two decimals of 亿元 are 100万元
    assert (unit == "亿元") == (value >= 10000)


@given(value=st.floats(0.01, 1e6).map(lambda x: round(x, 2)), previous=st.floats(0.01, 1e6).map(lambda x: round(x, 2)))
def test_doubling_only_at_twice_or_more(value, previous):
    phrase = facts.doubling_phrase(Indicator("x", "指标", "件", value, previous))
    ratio = Decimal(repr(value)) / Decimal(repr(previous))
    assert (phrase is not None) == (ratio >= 2)


@pytest.mark.parametrize(("word", "value", "mark", "holds"), [
    ("突破", 98, 100, False), ("突破", 101, 100, True), ("达到", 100, 100, True), ("超过", 100, 100, False),
    ("近", 95, 100, True), ("近", 100, 100, False)])
def test_qualifiers_only_when_the_value_supports_them(word, value, mark, holds):
    assert facts.qualifier_holds(word, value, mark) is holds


@pytest.mark.parametrize(("value", "previous", "mark"), [(8.72, 6.35, 8), (35, 28, 30), (156, 136, None), (1268, 1190, None), (5, 7, None)])
def test_milestones_first_passed_this_year(value, previous, mark):
    assert facts.milestone(value, previous) == (None if mark is None else Decimal(mark))
