"""drafter check: the exact real mistakes of the seeds, each rule on small texts, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from drafter.checks import Target, run_checks
from drafter.cli import cli
from drafter.build import build_report
from drafter.commands.check import check_files, check_text
from drafter.form.load import parse_form
from drafter.reading.read import parse_lines
from drafter.reading.classify import section_kinds
from drafter.document import Document
from tests.conftest import EXAMPLES, MAIN_EXAMPLE, REPO

EXPECTED = yaml.safe_load((Path(__file__).parent / "data" / "seed_findings.yaml").read_text(encoding="utf-8"))


def expected_errors(seed: str) -> list[tuple[int, str]]:
    pairs = []
    for entry in EXPECTED[seed]:
        if entry[0] == "placeholder":
            pairs += [(line, "placeholder.mark") for line in entry[1:]]
        else:
            pairs.append((entry[0], entry[1]))
    return sorted(pairs)


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_errors_exactly(seed):
    [checked] = check_files([REPO / "seeds" / seed])
    found = sorted({(f.where, f.rule) for f in checked.findings if f.severity == "error"})
    assert found == expected_errors(seed)


def findings_for(text: str, form: str | None = None, disable=frozenset()) -> list[tuple[str, str]]:
    lines = list(enumerate(text.strip().splitlines(), start=1))
    blocks, numbers = parse_lines(lines)
    report = parse_form(form, "form.yaml").report if form else None
    target = Target(Document(tuple(blocks)), tuple(numbers), "行", report, tuple(section_kinds(tuple(blocks))))
    return [(f.rule, f.message) for f in run_checks(target, disable)]


def rules_of(text: str, **kwargs) -> list[str]:
    return [rule for rule, _ in findings_for(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "rules"),
    [
        ("一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊", []),
        ("一、甲\n二、乙\n二、丙", ["numbering.sequence"]),
        ("一、甲\n三、乙", ["numbering.sequence"]),
        ("一、甲\n1.乙", ["numbering.skip"]),
        ("一、甲\n(一)乙", ["numbering.bracket"]),
        ("一、甲\n（一）乙\n1、丙", ["numbering.marker"]),
        ("一是甲；二是乙；三是丙。", []),
        ("一是甲；二是乙；二是丙。", ["items.sequence"]),
        ("一是甲；三是乙。", ["items.sequence"]),
        ("统一是指标准化。", []),
    ],
)
def test_numbering_rules(text, rules):
    assert rules_of(text, disable=frozenset({"year"})) == rules


@pytest.mark.parametrize(
    ("text", "rule", "message"),
    [
        ("完成xx家企业评价。", "placeholder.mark", "留有占位符“xx”"),
        ("共有*批**家企业。", "placeholder.mark", "留有占位符“*”"),
        ("在某某乡镇开展。", "placeholder.mark", "留有占位符“某某”"),
        ("发展的的目标。", "repeat.word", "重复用字“的的”"),
        ("截至9月底，截至9月底，完成任务。", "repeat.clause", "重复的词句“截至9月底”"),
        ("截止9月底完成任务。", "year.jiezhi", "“截止”应为“截至”（表示时间点用“截至”）"),
        ("于2024年12月20号召开。", "year.date", "日期“12月20号”应写“日”不写“号”"),
        ("于2024年08月召开。", "year.date", "日期“08月”不写前导零"),
        ("24年工作成效明显。", "year.short", "年份“24年”写成了简称"),
        ("今年以来成效明显。", "year.relative", "“今年”是相对说法，正式文稿宜写明年份"),
        ("增长１２%。", "number.fullwidth", "数字“１２”是全角字符"),
        ("增长10～20%。", "number.range", "数值范围两端都应带“%”"),
        ("研发投入强度提高0.5%。", "stats.points", "比重、比例的变化应以“个百分点”表示，而不是“%”"),
        ("同比增长-3%。", "stats.sign", "“增长”后面跟了负数，方向词与正负号矛盾"),
        ("成本下降3倍。", "stats.fold", "“下降N倍”不成立（最多下降100%）"),
        ("企业增多,效益提高。", "punct.halfwidth", "中文中使用了半角标点“,”"),
        ("出台《办法。", "punct.unmatched", "“《》”不成对"),
        ("等等...", "punct.ellipsis", "省略号写成了“...”"),
        ("2019-2023年成效明显。", "punct.span", "年份起止应使用一字线“—”"),
    ],
)
def test_text_rules(text, rule, message):
    found = findings_for(text)
    assert any(r == rule and m.startswith(message) for r, m in found), found


FORM = """\
meta: {org: 青山县科学技术局, year: 2024, date: 2024-12-20}
indicators:
  - {id: hightech_total, name: 高新技术企业有效总数, unit: 家, value: 98, previous: 86}
  - {id: superior_funds, name: 争取上级科技资金, unit: 万元, value: 23600}
achievements: {paragraphs: [x]}
plan: {tasks: {paragraphs: [x]}}
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、2024年工作\n高新技术企业有效总数达到98家。", []),
        ("一、2024年工作\n争取上级科技资金达到2.36亿元。", []),
        ("一、2024年工作\n高新技术企业有效总数达到96家。", ["form.figure"]),
        ("一、2024年工作\n高新技术企业有效总数突破100家。", ["form.qualifier"]),
        ("一、2024年工作\n高新技术企业有效总数由上年的86家增加到98家。", []),
        ("一、2025年工作计划\n高新技术企业有效总数力争达到120家。", []),
        ("青山县科学技术局2024年工作总结及2026年工作计划\n一、2024年工作", ["year.title"]),
    ],
)
def test_against_the_form(text, expected):
    assert [r for r in rules_of(text, form=FORM) if r.startswith(("form", "year.title"))] == expected


def test_built_examples_have_no_errors(example_copy):
    for form in EXAMPLES.glob("*.yaml"):
        result = build_report(example_copy(form.name))
        assert [f for f in result.findings if f.severity == "error"] == [], form.name
        [checked] = check_files([result.output], form=example_copy(form.name))
        assert [f for f in checked.findings if f.severity == "error"] == [], form.name


def test_an_edited_docx_is_checked_by_paragraph(example_copy, tmp_path):
    built = build_report(example_copy()).output
    document = docx.Document(str(built))
    document.paragraphs[5].add_run("完成xx项。")
    document.paragraphs[7].text = "（一）聚焦主体培育，创新能力持续增强"  # a second （一）
    document.save(str(built))
    [checked] = check_files([built])
    errors = [(f.where, f.rule) for f in checked.findings if f.severity == "error"]
    assert (6, "placeholder.mark") in errors and (8, "numbering.sequence") in errors


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda *args: CliRunner().invoke(cli, list(map(str, args)))


def test_cli_exit_codes_and_formats(run, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("青山县科学技术局2024年工作总结\n一、2024年工作完成情况\n全年新认定高新技术企业35家。\n", encoding="utf-8")
    assert run("check", clean).exit_code == 0
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("一、工作\n完成xx家,增长明显。\n", encoding="utf-8")
    result = run("check", dirty)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{dirty}:第2行: [错误] placeholder.mark: 留有占位符“xx”（完成xx家,增长明显。） 建议：填入实际内容。")
    assert result.output.splitlines()[-1] == "共检查 1 个文件：错误 1 处，警告 1 处，提示 0 处。"
    data = json.loads(run("check", dirty, "--format", "json").output)
    assert data[0]["findings"][0] == {"rule": "placeholder.mark", "severity": "error", "location": {"line": 2},
                                      "excerpt": "完成xx家,增长明显。", "message": "留有占位符“xx”", "suggestion": "填入实际内容",
                                      "span": "xx"}
    assert run("check", dirty, "--disable", "placeholder").exit_code == 0
    assert run("check", dirty, "--disable", "placeholder", "--strict").exit_code == 1  # the warning counts
    missing = run("check", "nope.docx")
    assert missing.exit_code == 2 and missing.output == "nope.docx: 文件不存在。\n"


def test_build_prints_the_findings_and_strict_blocks_on_errors(run, tmp_path):
    form = tmp_path / "r.yaml"
    form.write_text(MAIN_EXAMPLE.read_text(encoding="utf-8").replace("入驻科技型企业68家", "入驻科技型企业xx家"), encoding="utf-8")
    result = run("build", "r.yaml", "-o", "r.docx")
    assert result.exit_code == 0
    assert "[错误] placeholder.mark: 留有占位符“xx”" in result.output
    strict = run("build", "r.yaml", "-o", "s.docx", "--strict")
    assert strict.exit_code == 2 and not (tmp_path / "s.docx").exists()
    assert strict.output.splitlines()[-1] == "文稿校对发现 1 处错误（--strict 时不生成文稿）。"


# ---- found by the review of the merged tool on real files (corpus d13: 5、 7、 10、)

@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("一、总体要求\n正文。\n（一）工作目标\n正文。\n（三）保障措施\n正文。", "（二）"),
        ("一、总体要求\n正文。\n（一）工作目标\n正文。\n(三)保障措施\n正文。", "(二)"),
        ("一、总体要求\n正文。\n三、保障措施\n正文。", "二、"),
        ("一、总体要求\n（一）工作目标\n1、加强组织领导\n正文。\n3、强化资金保障\n正文。", "2、"),
        ("一、总体要求\n（一）工作目标\n1.加强组织领导\n正文。\n3.强化资金保障\n正文。", "2."),
    ],
)
def test_sequence_suggests_the_number_in_the_authors_own_marker(text, suggested):
    [finding] = [f for f in check_text(text) if f.rule == "numbering.sequence"]
    assert f"按顺序应为“{suggested}”" in finding.message and finding.suggestion.startswith(f"改为“{suggested}”")


@pytest.mark.parametrize(
    ("date", "flagged"),
    [("2031年12月18日", True), ("2024年12月20日", False), ("2025年1月10日", False),
     ("2023年12月20日", True)],
)
def test_signing_date_outside_the_report_year_is_flagged(date, flagged):
    text = f"青山县科学技术局2024年工作总结及2025年工作计划\n一、2024年工作完成情况\n正文。\n特此报告。\n青山县科学技术局\n{date}"
    found = [f for f in check_text(text) if f.rule == "year.signyear"]
    assert bool(found) == flagged, found
    if flagged:
        assert "2024" in found[0].message and found[0].severity == "warning"


def test_a_line_broken_after_a_numbered_reference_is_not_a_heading():
    """Corpus s032: "…按附件2中第（五）" + "（十二）项规定提供相关材料" is one sentence over two lines."""
    text = ("一、总体要求\n（一）申请条件\n申请在其他地方进行道路测试的，除原申请材料外，还应按附件2中第（五）\n"
            "（十二）项规定提供相关材料。\n（二）审核程序\n正文。")
    assert [f.message for f in check_text(text) if f.rule.startswith("numbering")] == []


def test_a_folder_is_checked_as_the_drafts_in_it(tmp_path):
    """check FOLDER and outline FOLDER read every draft in it and below it, in name order, and not Word's
    "~$" lock files; an empty folder is a Chinese error, exit code 2; mine leaves lock files out too."""
    import shutil

    from drafter.mining.corpus import report_files

    seeds = sorted((REPO / "seeds").glob("*.txt"))[:2]
    (tmp_path / "reports" / "2023").mkdir(parents=True)
    shutil.copy(seeds[0], tmp_path / "reports" / seeds[0].name)
    shutil.copy(seeds[1], tmp_path / "reports" / "2023" / seeds[1].name)
    (tmp_path / "reports" / "~$locked.docx").write_bytes(b"\x00owner")
    drafts = sorted([tmp_path / "reports" / "2023" / seeds[1].name, tmp_path / "reports" / seeds[0].name])
    runner = CliRunner()
    by_folder = runner.invoke(cli, ["check", str(tmp_path / "reports")])
    by_files = runner.invoke(cli, ["check", *map(str, drafts)])
    assert by_folder.output == by_files.output and "共检查 2 个文件" in by_folder.output
    assert by_folder.exit_code == by_files.exit_code
    assert runner.invoke(cli, ["outline", str(tmp_path / "reports")]).output == runner.invoke(cli, ["outline", *map(str, drafts)]).output
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(cli, ["check", str(tmp_path / "empty")])
    assert empty.exit_code == 2 and "文件夹中没有 .docx、.txt" in empty.output
    assert report_files([tmp_path / "reports"]) == drafts
