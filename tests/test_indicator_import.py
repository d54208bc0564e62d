"""Figures from a statistics office's sheet: drafter init --indicators and drafter indicators import,
over sheets built here with openpyxl the way offices send them, good and bad."""

from __future__ import annotations

import codecs
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from drafter.cli import cli
from drafter.form import load_form
from tests.conftest import MAIN_EXAMPLE
from tests.docx_reading import text_dump


def sheet(path: Path, rows: list[list], *, title_row: str | None = None, merge: list[str] = (),
          percent: list[str] = (), formulas: dict[str, str] | None = None, sheets_before: int = 0) -> Path:
    """An .xlsx as a statistics office sends it: optionally a merged title row above the header."""
    book = openpyxl.Workbook()
    for n in range(sheets_before):
        book.create_sheet(f"说明{n}", 0)["A1"] = "本表数据来源：县统计局"
    page = book.worksheets[sheets_before]
    page.title = "主要科技指标"
    if title_row:
        page.append([title_row])
        page.merge_cells(f"A1:{openpyxl.utils.get_column_letter(len(rows[0]))}1")
    for row in rows:
        page.append(row)
    for span in merge:
        page.merge_cells(span)
    for address in percent:
        page[address].number_format = "0.00%"
    for address, formula in (formulas or {}).items():
        page[address] = formula
    book.save(path)
    return path


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def invoke(*args):
        return CliRunner().invoke(cli, list(map(str, args)))
    return invoke


def indicator(form: Path, ident: str):
    return next(i for i in load_form(form).report.indicators if i.id == ident)


def test_init_with_a_sheet_fills_the_starter_form_and_the_draft_says_the_figures(run, tmp_path):
    sheet(tmp_path / "指标.xlsx", [
        ["序号", "指标名称", "单位", "本年", "上年", "目标", "增幅（%）"],
        [1, "全社会R&D经费投入", "亿元", 13.56, 12.1, 14, 12.07],
        [2, "研发投入强度", "%", 0.0231, 0.0215, None, None],
        [3, "高新技术企业", "家", "１２８", "一百一十二", None, None],
        [4, "技术合同成交额", "万元", 52000, 41000, 50000, None],
    ], title_row="2025年青山县主要科技指标完成情况", percent=["D4", "E4"])
    result = run("init", "--indicators", "指标.xlsx", "--year", 2025, "--org", "青山县科学技术局", "-o", "青山.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:5] == [
        "读取 指标.xlsx（工作表“主要科技指标”，2025年），填入：",
        "  rd_expenditure（全社会R&D经费投入）：本年数值 13.56（D3），上年数值 12.1（E3），目标 14（F3）",
        "  rd_intensity（研发投入强度）：本年数值 2.31（D4），上年数值 2.15（E4）",
        "  hightech_total（高新技术企业）：本年数值 128（D5），上年数值 112（E5）",
        "  tech_contract_value（技术合同成交额）：本年数值 5.2（D6），上年数值 4.1（E6），目标 5（F6）",
    ]
    form = tmp_path / "青山.yaml"
    assert (indicator(form, "rd_intensity").value, indicator(form, "rd_intensity").previous) == (2.31, 2.15)
    assert (indicator(form, "tech_contract_value").value, indicator(form, "tech_contract_value").target) == (5.2, 5)
    text = form.read_text(encoding="utf-8")
    assert run("init", "--year", 2025, "--org", "青山县科学技术局", "-o", "空白.yaml").exit_code == 0
    blank = (tmp_path / "空白.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(a.strip(), b.strip()) for a, b in zip(blank, text.splitlines(), strict=True) if a != b]
    assert len(changed) == 10  # the ten figures above; every comment and every other line as init writes them
    assert all(re.match(r"(value|previous|target):( #.*)?$", a) and re.match(r"(value|previous|target): [\d.]+", b)
               for a, b in changed), changed
    # the figures land on their own lines; the commented example after them is kept
    assert "    # 本年数值；尚未取得时留空。\n    value: 13.56\n" in text and "    target: 14\n    # rank: {scope: 全市, position: 1}\n" in text
    assert "  - id: hightech_total\n    name: 高新技术企业有效总数\n    unit: 家\n    value: 128\n    previous: 112\n    target:\n" in text
    form.write_text(text + "\nmain_indicators:\n  paragraph: true\n", encoding="utf-8")  # ids: those with a value
    built = run("build", "青山.yaml", "-o", "draft.docx")
    assert built.exit_code == 0, built.output
    body = text_dump(tmp_path / "draft.docx")
    assert "13.56亿元" in body and "128家" in body


def test_year_columns_set_the_report_year(run, tmp_path):
    sheet(tmp_path / "figures.xlsx", [
        ["指标", "计量单位", "2024年", "2025年", "2025年目标", "同比增长"],
        ["专利授权量", "件", 1190, 1302, 1250, "9.4%"],
        ["科技特派员", "名", 86, 92, None, None],
    ])
    result = run("init", "--indicators", "figures.xlsx", "-o", "r.yaml")
    assert result.exit_code == 0, result.output
    form = tmp_path / "r.yaml"
    assert load_form(form).report.meta.year == 2025
    patents = indicator(form, "patent_grants")
    assert (patents.value, patents.previous, patents.target) == (1302, 1190, 1250)
    assert indicator(form, "science_envoys").value == 92


def test_year_columns_that_fit_neither_the_report_year_nor_the_one_before(run, tmp_path):
    (tmp_path / "old.csv").write_text("指标,单位,2022年,2021年\n专利授权量,件,900,800\n", encoding="utf-8")
    result = run("init", "--indicators", "old.csv", "--year", 2025, "-o", "r.yaml")
    assert (result.exit_code, result.output) == (2, "old.csv: 表头中的年份（2022年、2021年）与报告年度 2025 年及上一年都不符，"
                                                     "没有可以填入的列。请核对是否选错了指标表或表单。\n")


def test_import_into_an_edited_form_changes_only_the_figures(run, tmp_path):
    form = tmp_path / "我的 表单.yaml"
    original = MAIN_EXAMPLE.read_text(encoding="utf-8").replace("indicators:\n", "indicators:   # 县统计局 12 月数据\n", 1)
    original = original.replace("    value: 156\n", "    value:         # 待统计局快报\n", 1)
    form.write_text(original, encoding="utf-8")
    sheet(tmp_path / "2024年指标.xlsx", [
        ["指标", "单位", "本年", "上年", "目标"],
        ["高新技术企业有效总数", "家", 160, 136, None],
        ["R&D经费投入", "万元", 128000, 112000, 120000],  # alias, and 万元 into a form in 亿元
        ["规上工业总产值", "亿元", 300, 280, None],
        ["合计", None, 1000, 900, None],
    ])
    result = run("indicators", "import", "2024年指标.xlsx", form)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "读取 2024年指标.xlsx（工作表“主要科技指标”，2024年），填入：",
        "  hightech_total（高新技术企业有效总数）：本年数值 160（C2），上年数值 136（D2）",
        "  rd_expenditure（R&D经费投入）：本年数值 12.8（C3，原为 12.6），上年数值 11.2（D3），目标 12（E3）",
        "以下各行没有对应的指标：",
        "  2024年指标.xlsx（工作表“主要科技指标”） A4: “规上工业总产值”不是目录中的指标，未填入；请在表单中手工填写。",
        "提示：",
        "  2024年指标.xlsx（工作表“主要科技指标”） E2: “高新技术企业有效总数”的目标为空，未填入。",
        "  2024年指标.xlsx（工作表“主要科技指标”） A5: “合计”是合计行，不是单项指标，已跳过。",
        f"已更新表单：{form}",
        f'请运行：drafter validate "{form}"',
    ]
    changed = [(a, b) for a, b in zip(original.splitlines(), form.read_text(encoding="utf-8").splitlines()) if a != b]
    assert changed == [("    value: 12.6", "    value: 12.8"), ("    value:         # 待统计局快报", "    value: 160     # 待统计局快报")]
    assert "indicators:   # 县统计局 12 月数据" in form.read_text(encoding="utf-8")


def test_missing_fields_are_added_in_block_and_flow_items_and_line_endings_and_encoding_kept(run, tmp_path):
    text = ("meta: {org: 青山县科学技术局, year: 2025}\r\n"
            "indicators:\r\n"
            "  - id: patent_grants   # 专利\r\n"
            "    name: 专利授权量\r\n"
            "    unit: 件\r\n"
            "    rank:\r\n"
            "      scope: 全市\r\n"
            "      position: 2\r\n"
            "  - {id: trainings, name: 科技培训, unit: 场次}\r\n"
            "# 结尾的注释\r\n")
    form = tmp_path / "notepad.yaml"
    form.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "s.csv").write_bytes("指标,单位,2025年,2024年\r\n专利授权量,件,1302,1190\r\n科技培训,场次,45,40\r\n".encode("gb18030"))
    result = run("indicators", "import", "s.csv", "notepad.yaml")
    assert result.exit_code == 0, result.output
    raw = form.read_bytes()
    assert raw.startswith(codecs.BOM_UTF16_LE)
    assert raw.decode("utf-16") == text.replace(
        "      position: 2\r\n", "      position: 2\r\n    value: 1302\r\n    previous: 1190\r\n").replace(
        "unit: 场次}", "unit: 场次, value: 45, previous: 40}")


def test_numbered_names_with_units_and_other_header_words(run, tmp_path):
    (tmp_path / "s.csv").write_text(
        "序号,项目,本期,上年同期,比上年增长（%）\n"
        "1,1、全社会R&D经费投入（万元）,\"128,000\",112 000,14.3\n"
        "2,（二）高新技术企业数（家）,１６０家,—,\n"
        "3,R&D经费投入强度（%）,2.45%,2.33%,\n",
        encoding="utf-8")
    result = run("init", "--indicators", "s.csv", "--year", 2024, "-o", "r.yaml")
    assert result.exit_code == 0, result.output
    form = tmp_path / "r.yaml"
    assert (indicator(form, "rd_expenditure").value, indicator(form, "rd_expenditure").previous) == (12.8, 11.2)
    assert (indicator(form, "hightech_total").value, indicator(form, "hightech_total").previous) == (160, None)
    assert (indicator(form, "rd_intensity").value, indicator(form, "rd_intensity").previous) == (2.45, 2.33)


def test_dry_run_leaves_the_form_alone(run, tmp_path):
    form = tmp_path / "r.yaml"
    shutil.copyfile(MAIN_EXAMPLE, form)
    (tmp_path / "s.csv").write_text("指标,本年\n专利授权量,2000\n", encoding="utf-8")
    result = run("indicators", "import", "s.csv", "r.yaml", "--dry-run")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "（试运行：表单未作修改。）"
    assert form.read_bytes() == MAIN_EXAMPLE.read_bytes()


HEADER = ["指标", "单位", "本年", "上年", "目标"]


@pytest.mark.parametrize(
    ("rows", "options", "message"),
    [
        ([["指标", "单位", "本年", None, "上年"], [None, None, "完成", "目标", None], ["专利授权量", "件", 1, 2, 3]],
         {"merge": ["C1:D1"]},
         "s.xlsx（工作表“主要科技指标”） C1:D1: 表头是合并单元格。请取消合并，让每个数值列在表头行有自己的标题（如“本年”“上年”“目标”，或“2025年”“2024年”）。"),
        ([HEADER, ["专利授权量", "件", "约1300", 1190, None]], {},
         "s.xlsx（工作表“主要科技指标”） C2: “专利授权量”的本年数值应为数字，实际为“约1300”。请只填数字，单位写在“单位”列。"),
        ([HEADER, ["专利授权量", "件", 1302, 1190, None], [None, None, 5, 6, None]], {},
         "s.xlsx（工作表“主要科技指标”） A3: 这一行有数值，但指标名称为空，请补上名称或删除这一行。"),
        ([HEADER, ["专利授权量", "项", 1302, 1190, None]], {},
         "s.xlsx B2: “专利授权量”的单位“项”与表单中该指标的单位“件”不符；请核对后改正指标表或表单的单位。"),
        ([HEADER, ["专利授权量", "件", None, 1190, None]], {"formulas": {"C2": "=D2*1.1"}},
         "s.xlsx（工作表“主要科技指标”） C2: “专利授权量”的本年数值是公式，但文件中没有保存计算结果。请在 Excel/WPS 中打开该文件、保存后再导入。"),
        ([HEADER, ["专利授权量", "件", 1302, 1190, None], ["专利授权", "件", 1302, 1190, None]], {},
         "s.xlsx（工作表“主要科技指标”） A3: “专利授权”与 A2 对应同一个指标（patent_grants），请只保留一行。"),
        ([HEADER, ["专利授权量", "件", "1302项", 1190, None]], {},
         "s.xlsx（工作表“主要科技指标”） C2: “专利授权量”的本年数值写作“1302项”，带有单位“项”，与单位“件”不同。请只填数字，单位写在“单位”列。"),
        ([HEADER, ["专利授权量", "件", "NaN", 1190, None]], {},
         "s.xlsx（工作表“主要科技指标”） C2: “专利授权量”的本年数值应为数字，实际为“NaN”。请只填数字，单位写在“单位”列。"),
        ([HEADER, ["专利授权量", "件", 1302, "10%", None]], {},
         "s.xlsx（工作表“主要科技指标”） D2: “专利授权量”的上年数值写作百分数“10%”，但单位是“件”。"),
    ],
)
def test_bad_sheets_name_the_cell_and_leave_the_form_alone(run, tmp_path, rows, options, message):
    form = tmp_path / "r.yaml"
    shutil.copyfile(MAIN_EXAMPLE, form)
    sheet(tmp_path / "s.xlsx", rows, **options)
    result = run("indicators", "import", "s.xlsx", "r.yaml")
    assert result.exit_code == 2, result.output
    assert f"  {message}\n" in result.output
    assert result.output.endswith("处问题，表单未作修改。\n")
    assert form.read_bytes() == MAIN_EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
         "old.xls: 这是旧版 Excel 格式（.xls/.et），drafter 不直接读取。请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，"
         "保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件。\n"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "broken.xlsx: 不是有效的 .xlsx 文件，或文件已损坏。\n"),
        ("none.csv", "名称,数量\n专利,3\n".encode(), "none.csv: 在各工作表的前 20 行中找不到表头行。"),
        ("missing.xlsx", None, "missing.xlsx: 文件不存在。\n"),
        ("huge.csv", ("指标,本年\n\"" + "很长" * 100_000 + "\",5\n").encode(), "huge.csv: 第 2 行无法按 CSV 读取"),
    ],
)
def test_files_that_are_not_indicator_sheets(run, tmp_path, name, content, message):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = run("init", "--indicators", name, "-o", "r.yaml")
    assert result.exit_code == 2
    assert result.output.startswith(message)
    assert not (tmp_path / "r.yaml").exists()


def _damaged_copies(good: Path):
    """The workbook with one member replaced by broken XML, emptied, or cut in half."""
    import zipfile

    with zipfile.ZipFile(good) as source:
        members = {name: source.read(name) for name in source.namelist()}
    for victim, data in members.items():
        for broken in (b"<x><y></x>", b"", data[: len(data) // 2]):
            copy = io.BytesIO()
            with zipfile.ZipFile(copy, "w") as target:
                for name, content in members.items():
                    target.writestr(name, broken if name == victim else content)
            yield victim, copy.getvalue()


def test_damaged_workbooks_are_refused_without_a_traceback(run, tmp_path):
    good = sheet(tmp_path / "good.xlsx", [HEADER, ["专利授权量", "件", 1302, 1190, None]])
    refused = 0
    for victim, content in _damaged_copies(good):
        (tmp_path / "bad.xlsx").write_bytes(content)
        result = run("init", "--indicators", "bad.xlsx", "-o", "r.yaml")
        assert result.exception is None or isinstance(result.exception, SystemExit), (victim, result.exception)
        if result.exit_code == 2:
            assert result.output.startswith("bad.xlsx: 不是有效的 .xlsx 文件，或文件已损坏"), (victim, result.output)
            refused += 1
        (tmp_path / "r.yaml").unlink(missing_ok=True)
    assert refused >= 15


def test_a_near_name_is_suggested_and_the_header_is_found_on_a_later_sheet(run, tmp_path):
    sheet(tmp_path / "s.xlsx", [HEADER, ["高新技术企业有效数", "家", 160, 136, None]], sheets_before=1)
    result = run("init", "--indicators", "s.xlsx", "--year", 2025, "-o", "r.yaml")
    assert result.exit_code == 0, result.output
    assert ("  s.xlsx（工作表“主要科技指标”） A2: “高新技术企业有效数”不是目录中的指标，未填入；"
            "是否为“高新技术企业有效总数”（hightech_total）？如是，请把表中名称改为它。") in result.output.splitlines()


def test_every_alias_names_one_catalogue_indicator():
    from drafter.catalogue import catalogue
    from drafter.form.excel_import import normalise
    from drafter.resources import schemas_dir

    aliases = yaml.safe_load((schemas_dir() / "indicator_aliases.yaml").read_text(encoding="utf-8"))
    ids = {entry.id for entry in catalogue()}
    assert set(aliases) <= ids
    names = [normalise(a) for values in aliases.values() for a in values] + [normalise(e.name) for e in catalogue()]
    assert len(names) == len(set(names)), "an alias is used twice or repeats a catalogue name"
