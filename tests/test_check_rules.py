"""drafter check: the rule registry, the word lists (every entry both ways), false alarms on real
text, linear time on long input, init's placeholders, the report object, --comments and --fix."""

from __future__ import annotations

import hashlib
import json
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from drafter.checks import RULES, Selection
from drafter.checks.lexicon import builtin_words, load_word_list
from drafter.cli import cli
from drafter.build import build_report
from drafter.commands.check import check_files, check_text
from drafter.errors import DrafterError
from tests.conftest import REPO, require_tool

CASES = yaml.safe_load((REPO / "tests" / "data" / "check_cases.yaml").read_text(encoding="utf-8"))
CORPUS = REPO.parent / "shared" / "corpus" / "text" / "policies"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return lambda *args: CliRunner().invoke(cli, list(map(str, args)))


def rules(text: str, **kwargs) -> set[str]:
    return {f.rule for f in check_text(text, **kwargs)}


# ---- the case set learned from the peers: every family, and correct texts left alone

@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["text"][:16])
def test_each_expected_finding_is_reported(case):
    assert set(case["expect"]) <= rules(case["text"]), case["source"]


@pytest.mark.parametrize("case", CASES["correct"], ids=lambda c: c["text"][:16])
def test_correct_text_gets_no_error_or_warning(case):
    found = [(f.rule, f.message) for f in check_text(case["text"]) if f.severity != "hint"]
    assert found == [], case["source"]


# ---- registry

def test_every_rule_reported_is_in_the_registry_with_a_chinese_description():
    for rule in RULES.values():
        assert re.search(r"[\u4e00-\u9fff]", rule.description) and rule.severity in ("error", "warning", "hint")
    texts = [c["text"] for c in CASES["cases"]] + [p.read_text(encoding="utf-8") for p in (REPO / "seeds").glob("*.txt")]
    for text in texts:
        assert {f.rule for f in check_text(text)} <= RULES.keys()


def test_rules_lists_every_rule(run):
    result = run("check", "--rules")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == list(RULES)
    assert "punct.halfwidth" in result.output and "中文中用全角标点（含标题）" in result.output


def test_disable_by_id_or_family_is_honoured_in_headings_too(run, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("青山县科学技术局2024年工作总结\n一、2024年工作完成情况\n（一）聚焦主体培育,创新能力持续增强\n"
                     "全年新认定高新技术企业35家,同比增长25%。\n", encoding="utf-8")
    data = json.loads(run("check", draft, "--format", "json").output)
    halfwidth = [f["location"]["line"] for f in data[0]["findings"] if f["rule"] == "punct.halfwidth"]
    assert halfwidth == [3, 4]  # the heading's comma is reported too
    for name in ("punct.halfwidth", "punct"):
        data = json.loads(run("check", draft, "--format", "json", "--disable", name).output)
        assert not [f for f in data[0]["findings"] if f["rule"] == "punct.halfwidth"]
    assert run("check", draft, "--enable", "punct.halfwidth").exit_code == 0


def test_unknown_rule_names_are_a_chinese_error(run, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("全年新认定高新技术企业35家。\n", encoding="utf-8")
    result = run("check", draft, "--disable", "punct.nonsense")
    assert result.exit_code == 2 and "未知的检查项：punct.nonsense" in result.output


def test_selection_disable_wins_and_families_cover_their_rules():
    selection = Selection(frozenset({"punct"}), frozenset({"punct.quotes"}))
    assert not selection.on("punct.quotes") and selection.on("word.typo")
    assert not Selection(frozenset({"word.typo"})).on("word.typo")


def test_one_report_gives_counts_summary_exit_code_text_and_json(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("一、工作\n完成xx家,增长明显。\n近期将组织评审。\n", encoding="utf-8")
    report = check_files([draft])
    assert (report.count("error"), report.count("warning"), report.count("hint")) == (1, 1, 1)
    assert report.summary_line == "共检查 1 个文件：错误 1 处，警告 1 处，提示 1 处。"
    assert report.exit_code() == 1 and report.as_text().endswith(report.summary_line)
    assert len(json.loads(report.as_json())[0]["findings"]) == 3


# ---- word lists

@pytest.mark.parametrize("entry", builtin_words(), ids=lambda e: e.wrong or e.right)
def test_every_word_list_entry_both_ways(entry):
    assert entry.example and entry.rule in rules(entry.example), entry.source
    assert entry.rule not in rules(entry.correct), entry.source


def test_an_office_list_beside_the_draft_and_words_option(run, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("全县科技特派员达到126名，青山茶业获评优秀。\n", encoding="utf-8")
    assert run("check", draft).exit_code == 0
    (tmp_path / "drafter-words.yaml").write_text(
        "words:\n  - {wrong: 科技特派员, right: 科技特派员（农业）, severity: error, correct: 农业科技特派员126名。}\n",
        encoding="utf-8")
    result = run("check", draft)
    assert result.exit_code == 1 and "word.custom" in result.output and "应为“科技特派员（农业）”" in result.output
    extra = tmp_path / "more.yaml"
    extra.write_text("words:\n  - {rule: word.typo, wrong: 青山茶业, right: 青山茶叶, correct: 青山茶叶获评优秀。}\n",
                     encoding="utf-8")
    assert "“青山茶业”应为“青山茶叶”" in run("check", draft, "--words", extra).output


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("words:\n  - {wrong: 甲, right: 乙}\n", "words.yaml:2:5: words[0]: 缺少必填字段“correct”"),
        ("words: [\n", "words.yaml:2:1: 第2行格式有误"),
        ("words:\n  - {pattern: '(a+)+$', right: 乙, correct: 丙}\n", "不接受正则"),
        ("words:\n  - {rule: nonsense.rule, wrong: 甲, right: 乙, correct: 丙}\n", "不是已知的检查项"),
        ("- 甲\n", "words.yaml:1:1: 应为字段集合"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
         "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
         "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\nwords: [*f]\n", "过大"),
    ],
)
def test_bad_word_lists_are_refused_in_chinese_with_the_line(text, message):
    with pytest.raises(DrafterError, match=re.escape(message)):
        load_word_list(text, "words.yaml")


def test_a_bad_words_option_exits_2_without_a_traceback(run, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("全年新认定高新技术企业35家。\n", encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("words: {a: 1}\n", encoding="utf-8")
    result = run("check", draft, "--words", bad)
    assert result.exit_code == 2 and "bad.yaml:1:8: words: 应为列表" in result.output and "Traceback" not in result.output


# ---- false alarms on real, published text

def test_published_documents_have_few_error_level_findings():
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus is not beside this clone")
    report = check_files(paths)
    # 1138 before this work, 21 (0.098 per document) after; see docs/check.md. A little room for the
    # corpus or the reading to change, none for a rule that starts raising false errors again
    assert report.count("error") < 0.12 * len(paths)


@pytest.mark.parametrize(
    "text",
    [
        "他的的确确做了大量工作。",
        "以提升能力为目的的培训。",
        "积极应对对外开放中的新情况。",
        "坚持实事求是是基本要求。",
        "全家和和美美。",
        "二○○○年以来成效明显。",
    ],
)
def test_words_and_numerals_that_only_look_like_mistakes(text):
    assert not rules(text) & {"repeat.word", "placeholder.mark"}


def test_brackets_and_quotes_may_span_line_breaks_inside_a_paragraph():
    assert "punct.unmatched" not in rules("出台《青山县科技创新券\n管理办法》，支持“揭榜挂\n帅”项目。")
    assert "punct.unmatched" in rules("出台《青山县科技创新券管理办法。\n二、工作打算")


def errors_and_warnings(text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.severity, f.span) for f in check_text(text) if f.severity != "hint"]


def test_a_malformed_marker_is_reported_once_not_as_a_gap_in_the_numbering():
    text = ("一、工作要求\n（一）加强组织领导。各单位要高度重视。\n（二）健全工作机制。定期调度进展。"
            "三)夯实数据基础。各单位要规范数据。\n（四）做好宣传。及时回应关切。")
    assert errors_and_warnings(text) == [("numbering.marker", "warning", "三)")]
    # "（3" is no marker of a 1. list: the gap stays
    assert ("numbering.sequence", "error", "（四）") in errors_and_warnings(text.replace("三)", "（3"))
    gap = "一、工作要求\n（一）加强组织领导\n（二）健全工作机制\n（四）做好宣传"
    assert ("numbering.sequence", "error", "（四）") in errors_and_warnings(gap)


def test_a_nested_list_of_notes_and_a_cross_reference_are_not_headings():
    notes = ("一、推荐要求\n1.智能制造优秀场景\n各地推荐不超过10个。\n注：1.推荐场景排名有先后；\n"
             "2.推荐数量不能超过规定的上限。\n2.智能制造示范工厂\n各地推荐不超过5个。\n3.工作要求\n按时报送。")
    assert "numbering.sequence" not in rules(notes)
    reference = ("一、申请材料\n（一）首次申请\n提交申请书和测试方案。\n（二）异地申请\n除原申请材料外，还应按附件2中第（五）\n"
                 "（十二）项规定提供相关材料。\n（三）其他材料\n联席会议要求的其他材料。")
    assert not {r for r in rules(reference) if r.startswith("numbering")}


@pytest.mark.parametrize("lost", [False, True])
def test_a_list_restarting_at_1_under_an_item_is_nested_and_the_outer_list_goes_on(lost):
    inner = "2.强化应用研究\n1.智能制造\n推进示范工厂。\n2.生物医药\n建设平台。\n3.新材料\n培育企业。\n"
    if lost:  # the reader took the first items for text: the numbered lines still count
        inner = "2.强化应用研究\n重点包括\n1.智能制造\n推进示范工厂。\n2.生物医药\n建设平台。\n3.新材料\n培育企业。\n"
    text = ("一、重点任务\n（一）基础研究\n1.加强基础研究\n推进重大项目。\n" + inner
            + "3.完善支撑体系\n建设平台。\n4.优化创新生态\n营造环境。\n")
    assert "numbering.sequence" not in rules(text)
    wrong = text.replace("4.优化创新生态", "3.优化创新生态")
    assert "numbering.sequence" in rules(wrong)


def test_a_heading_in_full_width_digits_run_into_the_line_before_is_found():
    text = ("一、支持创新发展\n８．支持人才集聚。给予奖励。\n９．支持研发机构。（责任单位：市科技局）"
            "１０．培育平台型企业。给予补助。\n１１．支持关键技术突破。给予奖励。")
    assert not [f for f in check_text(text) if f.rule == "numbering.sequence" and f.where == 4]


def test_a_heading_that_names_a_download_is_read_as_a_heading(tmp_path):
    # cleaning drops short lines with a site's words (下载) as web-page furniture; inside the body a
    # numbered heading is report text
    path = tmp_path / "指南.txt"
    path.write_text("一、升级管理要求\n（七）企业应记录软件版本。\n应能支持全生命周期追溯。\n"
                    "（八）企业应对 OTA（Over-The-Air，空中下载技术）\n升级服务平台采取安全防护措施。\n"
                    "（九）企业应具备升级过程管理能力。\n履行用户告知义务。\n", encoding="utf-8")
    [checked] = check_files([path])
    assert not [f for f in checked.findings if f.rule == "numbering.sequence" and f.severity == "error"]


def test_one_wrong_closing_glyph_is_one_finding():
    for text, span in (("推进“两库’建设应用，用好“两库”。", "“两库’"), ("在各省“区、市）排名前10的网站。", "“区、市）")):
        assert errors_and_warnings(text) == [("punct.unmatched", "error", span)]
    # across a sentence end: two marks missing, not one typed wrong
    assert len(errors_and_warnings("他说：“抓落实。见表）。")) == 2


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        ("全年新增高新技术企业XX家。", "error"),
        ("全年完成____个项目。", "error"),
        ("工作范围：【待补】。", "error"),
        ("共有*批**家企业入选。", "error"),
        ("联系人：____", "warning"),
        ("本协议书一式____份，报送四份。", "warning"),
        ("联系人及电话：国家发展改革委产业发展司　***　010-68501696", "hint"),
        ("这一解决方案是由***公司进行改造实施。", "hint"),
    ],
)
def test_placeholder_severity_draft_leftover_form_blank_or_withheld_name(text, severity):
    assert {f.severity for f in check_text(text) if f.rule == "placeholder.mark"} == {severity}


def test_blanks_inside_an_attachment_that_is_a_form_are_warnings_and_the_report_keeps_its_errors():
    report = "一、工作成效\n全年新增高新技术企业XX家。\n完成____个项目。\n"
    form = "附件3\n20XX年  第XXX号\n道路测试安全性自我声明\n本单位承诺：所填内容真实。\n\n\n\n（法人签章）\n年    月    日"
    found = [(f.span, f.severity) for f in check_text(report + form) if f.rule == "placeholder.mark"]
    assert found == [("XX", "error"), ("____", "error"), ("XX", "warning"), ("XXX", "warning")]


def test_an_attachment_list_is_a_list_not_headings():
    text = "一、工作成效\n全年新认定高新技术企业35家。\n附件：1.指标完成情况表\n2.经费测算表\n3.项目清单"
    assert not {r for r in rules(text) if r.startswith("numbering")}


# ---- linear time on long input (issue 16 item 7)

@pytest.mark.parametrize("shape", ["line", "paragraph"])
def test_a_megabyte_is_checked_in_seconds(shape):
    unit = "科技创新驱动发展能力持续增强" * 3
    if shape == "line":  # one line without punctuation: the old repeated-clause regex backtracked on it
        text = "一、工作\n" + unit * (1_000_000 // len(unit)) + "\n"
    else:  # one paragraph of clauses broken into short lines, brackets open across them
        text = "一、工作\n" + ("（" + unit + "，\n") * (1_000_000 // (len(unit) + 3)) + "。\n"
    started = time.process_time()  # CPU time: the machine running the tests may be busy
    check_text(text)
    assert time.process_time() - started < 2.0


# ---- init's own placeholders

def test_an_untouched_init_form_builds_a_draft_full_of_placeholders(run, tmp_path):
    assert run("init", "-o", "r.yaml", "--year", "2025", "--org", "青山县科学技术局").exit_code == 0
    assert run("build", "r.yaml", "-o", "r.docx").exit_code == 0
    result = run("check", "r.docx")
    assert result.exit_code == 1
    assert result.output.count("留有占位符“在此填写”") >= 6


# ---- --comments and --fix

DIRTY = "截止9月底,完成xx项，认真布署。"


@pytest.fixture
def dirty_docx(example_copy, tmp_path):
    built = build_report(example_copy()).output
    document = docx.Document(str(built))
    document.paragraphs[5].add_run(DIRTY)
    path = tmp_path / "dirty.docx"
    document.save(str(path))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def anchored_texts(path: Path) -> list[str]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    spans = re.findall(r'<w:commentRangeStart w:id="\d+"/>(.*?)<w:commentRangeEnd', xml, re.S)
    return sorted(re.sub(r"<[^>]+>", "", span) for span in spans)


def test_comments_are_anchored_on_exactly_the_offending_text(run, dirty_docx, tmp_path):
    before = digest(dirty_docx)
    result = run("check", dirty_docx, "--comments", tmp_path / "c.docx")
    assert result.exit_code == 1 and digest(dirty_docx) == before
    commented = docx.Document(str(tmp_path / "c.docx"))
    texts = sorted(c.text for c in commented.comments)
    assert any("“布署”应为“部署”" in t for t in texts) and any("留有占位符“xx”" in t for t in texts)
    assert anchored_texts(tmp_path / "c.docx") == sorted(["截止", ",", "xx", "布署"])
    assert commented.paragraphs[5].text == docx.Document(str(dirty_docx)).paragraphs[5].text  # text unchanged
    again = run("check", dirty_docx, "--comments", tmp_path / "c2.docx")
    assert again.exit_code == 1 and digest(tmp_path / "c.docx") == digest(tmp_path / "c2.docx")


def test_fix_applies_only_certain_mechanical_fixes_and_lists_them(run, dirty_docx, tmp_path):
    result = run("check", dirty_docx, "--fix", tmp_path / "f.docx")
    text = docx.Document(str(tmp_path / "f.docx")).paragraphs[5].text
    assert text.endswith("截至9月底，完成xx项，认真部署。")  # xx is left for the clerk
    assert "第6段：“布署”→“部署”（word.typo）" in result.output and "（3 处）" in result.output
    plain = tmp_path / "d.txt"
    plain.write_text("一、工作\n每年支持3-5个项目,涉及到12家企业。\n", encoding="utf-8")
    run("check", plain, "--fix", tmp_path / "d-fixed.txt")
    assert (tmp_path / "d-fixed.txt").read_text(encoding="utf-8") == "一、工作\n每年支持3～5个项目，涉及12家企业。\n"


def test_outputs_never_replace_the_original_or_an_existing_file(run, dirty_docx, tmp_path):
    same = run("check", dirty_docx, "--comments", dirty_docx)
    assert same.exit_code == 2 and "原文稿" in same.output
    (tmp_path / "taken.docx").write_bytes(b"x")
    taken = run("check", dirty_docx, "--fix", tmp_path / "taken.docx")
    assert taken.exit_code == 2 and (tmp_path / "taken.docx").read_bytes() == b"x"


@pytest.mark.slow
def test_libreoffice_opens_the_commented_and_fixed_copies(run, dirty_docx, tmp_path):
    require_tool("soffice", "LibreOffice re-opens the copies")
    from drafter.preview import docx_to_pdf
    import subprocess

    run("check", dirty_docx, "--comments", tmp_path / "c.docx", "--fix", tmp_path / "f.docx")
    for name, expected in (("c.docx", "认真布署"), ("f.docx", "认真部署")):
        pdf = docx_to_pdf(tmp_path / name, tmp_path / (name + ".pdf"))
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert expected in text.replace("\n", "")


def test_the_built_in_word_list_meets_the_schema_offices_must_meet():
    import jsonschema

    from drafter.checks.lexicon import SCHEMA

    data = yaml.safe_load((REPO / "drafter" / "checks" / "words.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)


# ---- tables in any .docx, without a form

def table_docx(path: Path, rows) -> Path:
    document = docx.Document()
    document.add_paragraph("青山县科学技术局2024年工作总结")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["指标", "2024年", "2023年", "增长（%）"], ["研发经费（万元）", "1260", "1120", "12.5"],
          ["技术合同（万元）", "3200", "3000", "6.7"], ["合计", "4460", "4120", "8.3"]], []),
        ([["指标", "2024年", "2023年", "增长（%）"], ["研发经费（万元）", "1260", "1120", "12.5"],
          ["技术合同（万元）", "3200", "3000", "8.0"], ["合计", "4460", "4120", "8.3"]], ["table.growth"]),
        ([["乡镇", "项目数", "资金（万元）"], ["城关镇", "12", "320.5"], ["青石乡", "8", "210.0"],
          ["合计", "21", "530.5"]], ["table.sum"]),
        ([["类别", "数量", "占比（%）"], ["国家级", "3", "10.0"], ["省级", "12", "40.0"], ["市级", "15", "45.0"]],
         ["table.share"]),
        ([["类别", "数量", "占比（%）"], ["国家级", "3", "10.0"], ["省级", "12", "40.0"], ["市级", "15", "50.0"]], []),
    ],
)
def test_table_sums_shares_and_growth_rates(tmp_path, rows, expected):
    [checked] = check_files([table_docx(tmp_path / "t.docx", rows)])
    assert [f.rule for f in checked.findings if f.rule.startswith("table")] == expected


def test_table_findings_print_the_table_and_stay_out_of_comments(run, tmp_path):
    path = table_docx(tmp_path / "t.docx", [["乡镇", "项目数"], ["城关镇", "12"], ["青石乡", "8"], ["合计", "21"]])
    result = run("check", path, "--comments", tmp_path / "c.docx")
    assert "t.docx:第1个表格: [错误] table.sum: “项目数”的合计为 21，各行之和为 20" in result.output
    assert len(docx.Document(str(tmp_path / "c.docx")).comments) == 0


def test_an_unreadable_file_among_several_is_skipped_counted_and_exits_2(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("全年新认定高新技术企业35家。\n", encoding="utf-8")
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    result = run("check", good, tmp_path / "bad.docx")
    assert result.exit_code == 2
    assert "bad.docx: 不是有效的 .docx 文件，或文件已损坏。（已跳过）" in result.output
    assert result.output.splitlines()[-1] == "共检查 1 个文件（另有 1 个文件无法读取，已跳过）：错误 0 处，警告 0 处，提示 0 处。"
