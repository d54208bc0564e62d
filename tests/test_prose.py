"""The draft reads as written by the office: exact indicator sentences over falls, flats and gaps, one genre
from opening to close, lead-ins that fit, the office's own phrasing from its past reports, and the
language self-check that runs after every build."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from drafter.checks.language import (check_figure_twice, check_genre, check_inserted_phrase, check_language,
                                     check_reach_of_fall, check_repeated_span)
from drafter.cli import cli
from drafter.build import build_report
from drafter.commands.mine import mine_paths
from drafter.document import Document, Paragraph, Recipient, Run, Title
from drafter.form import load_form
from tests.conftest import EXAMPLES, MAIN_EXAMPLE

DATA = Path(__file__).parent / "data"
CLERK = DATA / "clerk-falls.yaml"
BAIHE = DATA / "baihe"  # three past reports (2021-2023) of one fictional county bureau, same habits


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.fixture
def clerk(tmp_path):
    form = tmp_path / CLERK.name
    shutil.copyfile(CLERK, form)
    return form


def test_a_bad_year_gives_exactly_these_sentences(clerk, tmp_path):
    body = texts(build_report(clerk, tmp_path / "d.docx").output)
    assert body[1] == "2024年，在县委、县政府的坚强领导下，我局认真履行职责，各项工作取得新成效。现将有关情况总结如下："
    assert body[3] == ("2024年，全社会R&D经费投入为2.36亿元，同比下降6%，完成年度目标的90.8%；"
                       "R&D经费投入强度为1.42%，与上年持平；技术合同成交额为6200万元。")
    assert body[5] == ("新认定高新技术企业6家，同比下降33.3%；高新技术企业有效总数为31家，比上年减少2家，居全市第7位；"
                       "授权专利214件（其中发明专利12件），与上年持平。")
    assert body[8] == "选派科技特派员40名，同比增长11.1%；开展科技培训18场次，与上年持平；科技下乡活动为9场，下降25%。"
    assert body[10] == "工作中还存在一些困难和问题，主要是：一是研发投入下降，企业创新意愿不强；二是高新技术企业培育后劲不足。"
    assert body[12:14] == ["2025年，重点抓好以下几项工作。",
                           "一是稳住研发投入，落实研发费用加计扣除政策；二是抓好高新技术企业培育，新认定10家以上。"]
    assert "特此报告。" not in body  # a 总结 without 主送
    assert not any("达到" in line for line in body[3:9])


def test_each_figure_is_stated_once_in_the_draft(example_copy):
    result = build_report(example_copy())
    joined = "".join(texts(result.output))
    for figure in ("高新技术企业有效总数为156家", "授权专利1268件", "财政科技支出2.15亿元"):
        assert joined.count(figure) == 1, figure
    assert not [f for f in result.findings if f.rule.startswith("language.")]


@pytest.mark.parametrize("form", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_built_examples_have_no_language_findings(form, example_copy):
    assert [f for f in build_report(example_copy(form)).findings if f.rule.startswith("language.")] == []


def test_a_report_with_a_recipient_says_so_from_opening_to_close(tmp_path):
    form = tmp_path / "r.yaml"
    data = yaml.safe_load(MAIN_EXAMPLE.read_text(encoding="utf-8"))
    del data["closing"]
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    body = texts(build_report(form, tmp_path / "o.docx").output)
    assert body[2].endswith("现将有关情况报告如下：")
    assert body[body.index("附件：主要科技指标完成情况表") - 1] == "特此报告。"


def test_the_plan_lead_is_left_out_before_approach_and_goals(example_copy):
    data = yaml.safe_load(MAIN_EXAMPLE.read_text(encoding="utf-8"))
    del data["plan"]["intro"]
    form = example_copy()
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    body = texts(build_report(form).output)
    plan = body.index("三、2025年工作计划")
    assert body[plan + 1] == "（一）总体思路"
    assert not any("以下几项工作" in line for line in body)


def test_one_punctuation_scheme_in_a_run_with_leads(example_copy):
    body = texts(build_report(example_copy()).output)
    run = next(line for line in body if line.startswith("一是加强组织领导"))
    assert run == ("一是加强组织领导。发挥县科技创新委员会统筹作用，建立重点任务清单和月调度机制。"
                   "二是加大投入保障。确保财政科技支出稳定增长，用好科技创新券和风险补偿资金。"
                   "三是强化督查考核。将科技创新指标纳入乡镇和部门年度考核，定期通报进展。")
    assert "；" not in run


@pytest.fixture
def baihe_form(tmp_path):
    """The office's own form for 2024: the main example's content, signed by the bureau that wrote BAIHE."""
    data = yaml.safe_load(MAIN_EXAMPLE.read_text(encoding="utf-8"))
    data["meta"].update(org="白河县科学技术局", region="白河县")
    for part in ("intro", "approach", "goals", "measures"):
        del data["plan"][part]
    form = tmp_path / "baihe-2024.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return form


def test_a_bank_mined_from_three_past_reports_changes_opening_leads_and_indicator_sentences(tmp_path, baihe_form):
    bank = mine_paths([BAIHE], tmp_path / "baihe-bank.yaml").output
    mined = yaml.safe_load(bank.read_text(encoding="utf-8"))
    assert [(e["indicator"], e["text"], e["docs"]) for e in mined["indicator_phrasing"]] == [
        ("hightech_new", "新认定国家高新技术企业{数}", 3), ("hightech_total", "高新技术企业总数{数}", 3),
        ("science_envoys", "选派省市县三级科技特派员{数}", 3), ("superior_funds", "争取上级科技项目资金{数}", 3)]
    plain = texts(build_report(baihe_form, tmp_path / "plain.docx").output)
    own = texts(build_report(baihe_form, tmp_path / "own.docx", bank=bank).output)
    assert plain[2] == "2024年，在县委、县政府的坚强领导下，我局认真履行职责，各项工作取得新成效。现将有关情况报告如下："
    assert own[2] == ("2024年，在县委、县政府的正确领导下，在市科技局的精心指导下，我局坚定实施科技强县战略，"
                      "各项工作取得新成效。现将有关情况报告如下：")
    assert "新认定国家高新技术企业35家，同比增长25%，完成年度目标的116.7%；高新技术企业总数156家，比上年增加20家，居全市第3位；" \
           "评价入库科技型中小企业248家，增长21%，完成年度目标的107.8%。" in own
    assert "选派省市县三级科技特派员126名，同比增长6.8%；开展科技培训86场次，比上年增加6场次。" in own
    assert any(line.startswith("对照县委、县政府的要求，我们的工作还存在一些短板：一是") for line in own)
    assert "2025年，我局将重点抓好以下几个方面的工作：" in own
    assert "为建设创新型白河作出新的更大贡献。" in own
    assert "2025年，我局将重点抓好以下几个方面的工作：" not in plain


def test_phrases_bank_in_the_form_and_explain(tmp_path, baihe_form):
    mine_paths([BAIHE], tmp_path / "bank.yaml")
    baihe_form.write_text(baihe_form.read_text(encoding="utf-8") + "phrases:\n  bank: bank.yaml\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(baihe_form), "-o", str(tmp_path / "o.docx"), "--explain"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "导语（工作）  [短语库]  坚定实施科技强县战略" in lines
    assert "指标 hightech_new  [短语库]  新认定国家高新技术企业35家，同比增长25%，完成年度目标的116.7%" in lines
    assert "指标 tech_sme  [指标目录]  评价入库科技型中小企业248家，增长21%，完成年度目标的107.8%" in lines
    assert "结束语  [表单]  特此报告。" in lines


def test_a_missing_bank_is_a_clear_error(tmp_path, example_copy):
    result = CliRunner().invoke(cli, ["build", str(example_copy()), "--bank", str(tmp_path / "none.yaml")])
    assert result.exit_code == 2 and "短语库文件不存在" in result.output and "Traceback" not in result.output


def para(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def test_language_rule_reach_of_a_fall():
    document = Document((para("R&D经费投入强度达到2.41%，比上年降低0.15个百分点；科技培训达到45场次，与上年持平。"),))
    found = check_reach_of_fall(document)
    assert [f.rule for f in found] == ["language.reach", "language.reach"] and found[0].where == 1


def test_language_rule_figure_twice():
    report = load_form(MAIN_EXAMPLE).report
    document = Document((para("2024年，高新技术企业有效总数达到156家，同比增长14.7%。"), para("其中，高新技术企业有效总数为156家。")))
    found = check_figure_twice(document, report)
    assert [(f.rule, f.where) for f in found] == [("language.figure_twice", 2)]
    assert "第1段已说过" in found[0].message


def test_language_rule_repeated_span():
    span = "高新技术企业有效总数达到156家，同比增长14"
    document = Document((para(f"全年{span}.7%。"), para(f"截至年底，{span}.7%。")))
    found = check_repeated_span(document)
    assert [(f.rule, f.where) for f in found] == [("language.repeat_span", 2)]


def test_language_rule_genre():
    summary = Document((Title("某局2024年工作总结"), para("现将有关情况报告如下："), para("特此报告。")))
    assert [f.rule for f in check_genre(summary)] == ["language.genre", "language.genre"]
    report = Document((Title("某局2024年工作总结"), Recipient("县委、县政府："), para("现将一年来工作总结如下："),
                       para("特此报告。")))
    assert [f.message for f in check_genre(report)] == ["导语说“总结如下”，结尾却是“特此报告”：文种前后不一"]


def test_language_rule_inserted_phrase():
    report = load_form(MAIN_EXAMPLE).report
    document = Document((para("2024年，我局深入实施创新首位战略，各项工作取得新成效。"),))
    assert [f.excerpt for f in check_inserted_phrase(document, report)] == ["2024年，我局深入实施创新首位战略，各…"]
    assert check_language(Document((para("以企业为主体，深入实施创新驱动发展战略。"),)), report) == []  # the form says it


def test_a_hostile_bank_cannot_inject_structure_or_drop_a_figure(tmp_path, baihe_form):
    data = yaml.safe_load(mine_paths([BAIHE], tmp_path / "bank.yaml").output.read_text(encoding="utf-8"))
    data["transitions"][0]["text"] = "现将\n一、注入的标题\n报告如下："
    for entry in data["indicator_phrasing"]:
        if entry["indicator"] == "science_envoys":
            entry["text"] = "选派特派员"  # no {数}: the figure would be lost
    bank = tmp_path / "hostile.yaml"
    bank.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    body = texts(build_report(baihe_form, tmp_path / "o.docx", bank=bank).output)
    assert body[2].endswith("现将有关情况报告如下：") and not any("注入" in line for line in body)
    assert "选派科技特派员126名，同比增长6.8%；开展科技培训86场次，比上年增加6场次。" in body
    data["transitions"][0]["text"] = "现将\x1eh1 注入\n报告如下："
    bank.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(baihe_form), "--bank", str(bank)])
    assert result.exit_code == 2 and "控制字符" in result.output and "Traceback" not in result.output


def test_an_indicator_listed_in_two_sections_is_stated_in_the_first_only(tmp_path):
    data = yaml.safe_load(MAIN_EXAMPLE.read_text(encoding="utf-8"))
    data["achievements"]["sections"][1]["indicators"].append("hightech_new")
    form = tmp_path / "r.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = build_report(form, tmp_path / "o.docx")
    assert "".join(texts(result.output)).count("新认定高新技术企业35家") == 1
    assert not [f for f in result.findings if f.rule == "language.figure_twice"]


def test_a_mid_year_plan_lead_says_the_second_half(tmp_path):
    data = yaml.safe_load((EXAMPLES / "seed003-midyear.yaml").read_text(encoding="utf-8"))
    data["plan"].pop("intro", None)
    data["plan"].pop("year", None)
    form = tmp_path / "m.yaml"
    form.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    body = texts(build_report(form, tmp_path / "o.docx").output)
    assert "下半年，重点抓好以下几项工作。" in body


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("重新认定高新技术企业2家", None),                   # re-certified, not 新认定
        ("安排县级科技项目15项", None),                      # county projects are not 省级以上
        ("建成市级以上研发平台6家", None),
        ("全年新认定高新技术企业12家", ("hightech_new", "新认定高新技术企业{数}")),
        ("获批省级以上科技项目8项", ("provincial_projects", "获批省级以上科技项目{数}")),
        ("选派省市县三级科技特派员126名", ("science_envoys", "选派省市县三级科技特派员{数}")),
    ],
)
def test_mined_indicator_wording_never_changes_what_the_figure_counts(clause, expected):
    """Found reviewing a build with a bank mined from the seeds: "重新认定高新技术企业45家" and
    "安排县级科技项目12项" were written for 新认定 and 省级以上 figures."""
    from drafter.mining.indicator_phrasing import clause_template

    assert clause_template(clause, None) == expected


def test_a_paragraph_pasted_twice_is_one_repeat_finding_for_the_whole_stretch():
    text = "围绕新材料、装备制造、生物医药等主导产业，组织实施县级揭榜挂帅项目8项，攻克高性能密封材料、智能分拣装备等关键技术12项。"
    document = Document((para(text), para("另有其他工作。"), para("其中，" + text)))
    (found,) = check_repeated_span(document)
    assert (found.where, found.excerpt[:6]) == (3, "其中，围绕新")
    assert found.message == f"“{text[:20]}…”（共{len(text)}个字）在第1段已出现过"
    within = Document((para("全年新认定高新技术企业45家，同比增长12.5%；全年新认定高新技术企业45家，同比增长12.5%。"),))
    (again,) = check_repeated_span(within)
    assert again.message == "“全年新认定高新技术企业45家，同比增长12.5%”在第1段已出现过"
