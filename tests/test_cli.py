"""The command line through click's CliRunner: outputs, exact messages and exit codes."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import cli
from drafter.form import load_form
from tests.conftest import MAIN_EXAMPLE
from tests.docx_reading import outline


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)
    return invoke


def test_init_writes_a_valid_commented_form_with_the_editor_schema_line(run, tmp_path):
    result = run("init", "--year", 2024, "--org", "青山县科学技术局")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "report.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=file://") and first.endswith("report.schema.json")
    assert Path(first.split("=file://", 1)[1]).is_file()
    report = load_form(tmp_path / "report.yaml").report
    assert (report.meta.org, report.meta.region, report.meta.year, report.meta.recipient) == ("青山县科学技术局", "青山县", 2024, "县委、县政府")
    assert {i.id for i in report.indicators} >= {"rd_expenditure", "rd_intensity", "hightech_total", "tech_contract_value"}
    assert all(i.value is None for i in report.indicators)
    assert "# 本年数值" in text


def test_init_never_overwrites(run, tmp_path):
    (tmp_path / "report.yaml").write_text("我的表单", encoding="utf-8")
    result = run("init")
    assert result.exit_code == 2
    assert result.output == "report.yaml: 文件已存在，drafter init 不会覆盖已有文件。请用 -o 指定新的文件名。\n"
    assert (tmp_path / "report.yaml").read_text(encoding="utf-8") == "我的表单"


def test_init_then_build_works_end_to_end(run, tmp_path):
    run("init", "-o", "mine.yaml", "--year", 2025, "--org", "白云市科技局")
    result = run("build", "mine.yaml")
    assert result.exit_code == 0, result.output
    built = tmp_path / "白云市科技局2025年工作总结及2026年工作计划.docx"
    assert outline(built)[:3] == ["T 白云市科技局2025年工作总结\n及2026年工作计划", "H1 一、2025年工作完成情况", "H2 （一）聚焦主体培育，创新能力持续增强"]


def test_validate_clean_form(run):
    result = run("validate", MAIN_EXAMPLE)
    assert result.exit_code == 0
    assert result.output == f"{MAIN_EXAMPLE}: 表单无误（21 项指标，7 个工作成效小节）。\n"


def test_validate_reports_all_problems_and_exits_2(run, tmp_path):
    form = tmp_path / "report.yaml"
    form.write_text("meta:\n  org: 青山县科学技术局\n  year: 二〇二四年\n  date: 2024-12-20\nachievements:\n  sectoins: []\n", encoding="utf-8")
    result = run("validate", "report.yaml")
    assert result.exit_code == 2
    assert result.output == (
        'report.yaml:3:9: meta.year: 应为整数，实际为 "二〇二四年"\n'
        "report.yaml:6:3: achievements.sectoins: 不认识的字段“sectoins”（是否应为“sections”？）\n"
        "共 2 处错误\n"
    )


def test_build_writes_beside_the_form_and_says_where(run, tmp_path):
    form = tmp_path / "qingshan.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    result = run("build", "qingshan.yaml")
    assert result.exit_code == 0
    assert result.output == "已生成文稿：青山县科学技术局2024年工作总结及2025年工作计划.docx\n"


def test_build_refuses_to_overwrite_an_edited_draft(run, tmp_path):
    (tmp_path / "out.docx").write_bytes(b"not drafter's")
    result = run("build", MAIN_EXAMPLE, "-o", "out.docx")
    assert result.exit_code == 2
    assert result.output.startswith("out.docx: 该文件在 drafter 生成后已被修改（或不是 drafter 生成的），为免丢失修改，未予覆盖。")
    assert (tmp_path / "out.docx").read_bytes() == b"not drafter's"
    assert run("build", MAIN_EXAMPLE, "-o", "out.docx", "--force").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", "missing.yaml"), "missing.yaml: 文件不存在。\n"),
        (("validate", "."), ".: 这是一个文件夹，请指定表单文件（.yaml）。\n"),
        (("build", MAIN_EXAMPLE, "--templates", "nowhere"), "nowhere: 模板文件夹不存在。\n"),
        (("templates", "show", "nope.j2"), "找不到模板“nope.j2”。可用的模板："),
    ],
)
def test_user_errors_exit_2_with_a_chinese_message(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert result.output.startswith(message)


def test_templates_list_show_copy(run, tmp_path):
    listing = run("templates", "list").output.splitlines()
    names = [line.split()[0] for line in listing]
    assert names == ["report.j2", "sections/achievements.j2", "sections/body.j2", "sections/extra.j2",
                     "sections/indicator_table.j2", "sections/macros.j2", "sections/opening.j2", "sections/plan.j2",
                     "sections/problems.j2", "sections/signature.j2", "reference.docx"]
    assert all("内置" in line for line in listing)
    shown = run("templates", "show", "sections/plan.j2").output
    assert shown.startswith("{#- sections/plan.j2")
    result = run("templates", "copy", "sections/plan.j2")
    assert result.output == f"已复制到：{Path('templates/sections/plan.j2')}\n"
    assert (tmp_path / "templates/sections/plan.j2").read_text(encoding="utf-8") == shown
    assert "本单位" in run("templates", "list", "--templates", "templates").output.splitlines()[7]
    again = run("templates", "copy", "sections/plan.j2")
    assert again.exit_code == 2 and "文件已存在，未覆盖" in again.output


def test_templates_beside_the_form_are_listed_and_diffed_without_an_option(run, tmp_path):
    (tmp_path / "report.yaml").write_bytes(MAIN_EXAMPLE.read_bytes())
    run("templates", "copy", "sections/problems.j2")
    path = tmp_path / "templates/sections/problems.j2"
    path.write_text(path.read_text(encoding="utf-8").replace('"存在的问题"', '"困难和不足"'), encoding="utf-8")
    (tmp_path / "templates/report.j2").write_text('{% extends "report.j2" %}\n{% block closing %}{% endblock %}\n',
                                                  encoding="utf-8")
    listing = {line.split()[0]: line for line in run("templates", "list").output.splitlines()}
    assert "本单位（" in listing["sections/problems.j2"] and "内置" in listing["sections/plan.j2"]
    assert "扩展内置" in listing["report.j2"]
    diff = run("templates", "diff", "sections/problems.j2").output.splitlines()
    assert diff[0] == "--- 内置/sections/problems.j2"
    assert [line for line in diff if line[:1] in "+-" and not line.startswith(("---", "+++"))] == [
        '-{{ heading(1, report.problems.title or "存在的问题") }}', '+{{ heading(1, report.problems.title or "困难和不足") }}']
    assert run("templates", "diff", "sections/plan.j2").output == "“sections/plan.j2”没有本单位的版本，使用的就是内置模板。\n"
    context = run("templates", "show", "sections/problems.j2", "--context").output
    assert "phrases" in context and "可覆盖的块：heading、lead" in context


def test_copied_template_beside_the_form_changes_the_build(run, tmp_path):
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    run("templates", "copy", "sections/problems.j2")
    path = tmp_path / "templates/sections/problems.j2"
    path.write_text(path.read_text(encoding="utf-8").replace('"存在的问题"', '"困难和不足"'), encoding="utf-8")
    run("build", "report.yaml", "-o", "out.docx")
    assert "H1 二、困难和不足" in outline(tmp_path / "out.docx")


def test_help_is_in_chinese(run):
    assert "由表单生成 Word 文稿" in run("--help").output
    assert "输出的 .docx 文件" in run("build", "--help").output


def test_python_dash_m_and_no_jieba_on_build(tmp_path):
    code = (
        "import sys, runpy; sys.argv=['drafter','build',%r,'-o',%r];"
        "import drafter.cli as c\n"
        "try:\n    c.main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "assert 'jieba' not in sys.modules, 'build imported jieba'\n"
    ) % (str(MAIN_EXAMPLE), str(tmp_path / "x.docx"))
    subprocess.run([sys.executable, "-c", code], check=True)
    out = subprocess.run([sys.executable, "-m", "drafter", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("drafter ")


def test_schema_json_copy_and_form_docs_are_current():
    from drafter.form.schema_docs import DOCS_PATH, JSON_PATH, form_reference
    from drafter.resources import report_schema_source, schema_json_text

    repo = Path(__file__).resolve().parent.parent
    assert (repo / JSON_PATH).read_text(encoding="utf-8") == schema_json_text(report_schema_source()), "python -m drafter.form.schema_docs"
    assert (repo / DOCS_PATH).read_text(encoding="utf-8") == form_reference(), "python -m drafter.form.schema_docs"


def test_every_schema_property_has_a_chinese_description():
    from drafter.resources import report_schema

    def walk(node, path):
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                described = "description" in child or "$ref" in child
                assert described, f"{path}.{name}"
            for key, child in node.items():
                walk(child, f"{path}.{key}")
        elif isinstance(node, list):
            for child in node:
                walk(child, path)

    walk(report_schema(), "$")
    text = yaml.safe_dump(report_schema(), allow_unicode=True)
    assert text.count("description") > 60


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build"], "drafter build：缺少参数 表单。\n运行 drafter build --help 查看用法。\n"),
        (["build", "x.yaml", "--nope"], "drafter build：没有选项 --nope（您是否要输入 --force？）。\n运行 drafter build --help 查看用法。\n"),
        (["buld"], "drafter：没有命令“buld”。您是否要输入 build？\n"),
        (["biuld"], "drafter：没有命令“biuld”。您是否要输入 build？\n"),
        (["init", "--year", "abc"], "drafter init：--year 的值不对：“abc”不是有效的整数。\n"),
    ],
)
def test_usage_errors_are_said_in_chinese_with_exit_2(args, message):
    result = subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stderr.endswith("查看用法。\n")


def test_no_command_prints_the_help():
    result = subprocess.run([sys.executable, "-m", "drafter"], capture_output=True, text=True)
    assert result.returncode == 0 and "由表单生成 Word 文稿" in result.stdout


def test_the_collector_is_off_for_a_build_and_on_for_commands_that_read_many_files(tmp_path):
    """drafter.launch: a build runs without the cyclic collector; check, outline, extract and mine turn it on."""
    code = ("import gc, sys\nfrom drafter import launch\nsys.argv = ['drafter', *sys.argv[1:]]\n"
            "try:\n    launch.main()\nexcept SystemExit:\n    pass\nprint('collector', gc.isenabled())\n")
    built = tmp_path / "x.docx"
    runs = {"build": ["build", str(MAIN_EXAMPLE), "-o", str(built)], "check": ["check", str(built)]}
    said = {name: subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True).stdout.split()[-1]
            for name, argv in runs.items()}
    assert said == {"build": "False", "check": "True"}
    assert built.is_file() and "由 drafter 生成" in zipfile.ZipFile(built).read("docProps/core.xml").decode()
