"""drafter outline: the headings read, with level, kind and place, as text or JSON; cleaning counted."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from tests.conftest import REPO, require_tool

SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)))


def test_outline_json_lists_each_heading_with_level_text_kind_and_line():
    result = run("outline", "--format", "json", SEEDS / "004_fed0c36332e47857.txt")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert items[0] == {"file": str(SEEDS / "004_fed0c36332e47857.txt"), "level": 1, "text": "2017年主要工作成绩",
                        "kind": "achievements", "line": 5, "unit": "行"}
    assert {"level", "text", "kind", "line"} <= set(items[1])
    assert items[1]["text"] == "(一)科技工作体制机制不断健全" and items[1]["level"] == 2
    assert [i["kind"] for i in items if i["level"] == 1] == ["achievements", "plans"]


def test_outline_text_shows_levels_kinds_places_and_what_cleaning_removed():
    result = run("outline", SEEDS / "001_db84fa0644048a34.txt")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith("标题“2022年科技工作总结”，4 个标题")
    assert "1级 三、存在的主要问题  〔存在问题〕" in result.output
    assert "1级 四、2023年工作打算  〔工作计划〕" in result.output
    assert "清理掉 21 处（网页杂项 19 处，重复内容 2 处），见第 1、2、3、5、7、9、11、13、15、16、17、18等 行。" in result.output


def test_outline_reads_an_old_doc_through_libreoffice_or_says_why_not(tmp_path, monkeypatch):
    source = tmp_path / "notice.doc"
    shutil.copyfile(CORPUS / "doc" / "dd02_shangrao_jingcha_tineng_tongzhi.doc", source)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = run("outline", source)
    assert result.exit_code == 2
    assert "需要 LibreOffice" in result.stderr and "另存为” .docx" in result.stderr and "Traceback" not in result.output


def test_outline_refuses_what_it_cannot_read():
    result = run("outline", "report.pdf")
    assert result.exit_code == 2 and "只能读取 .docx、.txt、.doc、.wps、.rtf 文稿" in result.stderr


@pytest.mark.slow
def test_an_old_doc_is_read_through_libreoffice():
    require_tool("soffice", "reading .doc files")
    items = json.loads(run("outline", "--format", "json", CORPUS / "doc" / "dd02_shangrao_jingcha_tineng_tongzhi.doc").stdout)
    # "1、时间：…" "2、地点：…" follow each other with no text between: a list, not headings
    assert [(i["level"], i["text"], i["unit"]) for i in items] == [
        (1, "一、体能测试的时间和地点", "段"), (1, "二、领取体能测试准考证的时间和地点", "段")]


def test_extract_reads_an_old_doc_or_says_why_not(tmp_path, monkeypatch):
    source = tmp_path / "notice.doc"
    shutil.copyfile(CORPUS / "doc" / "dd02_shangrao_jingcha_tineng_tongzhi.doc", source)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = run("extract", source)
    assert result.exit_code == 2 and "需要 LibreOffice" in result.stderr
    assert run("extract", tmp_path / "a.pdf").stderr.startswith(f"{tmp_path / 'a.pdf'}: 只能从 .docx、.txt、.doc、.wps、.rtf 文稿提取。")
