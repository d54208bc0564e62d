"""Figures from a statistics office's sheet (.xlsx, or .csv): find the header row, read each
indicator's 本年/上年/目标 figures, and match the sheet's names to catalogue ids.

Sheets come from other offices and are typed by hand, so everything is checked and every problem
names its cell (B7): merged header cells, text in a number cell, a formula saved without its result,
a unit that does not fit the indicator. Totals rows and empty cells are skipped with a note.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from drafter import recache
from drafter.catalogue import MONEY_UNITS, catalogue
from drafter.encoding import OLE_MAGIC, decode_text
from drafter.errors import InputError
from drafter.form.lenient import figure_of
from drafter.resources import schemas_dir
from drafter.safeio import read_bounded

FIELDS = ("value", "previous", "target")
FIELD_NAMES = {"value": "本年数值", "previous": "上年数值", "target": "目标"}
MAX_SHEET_BYTES = 20 * 1024 * 1024  # an indicator sheet is a few KB; a workbook of many sheets, a few MB
MAX_ROWS = 2000
MAX_COLUMNS = 60  # a sheet can claim 16,384 columns; an indicator table uses a handful
HEADER_SEARCH_ROWS = 20

# Header words, after normalisation (no spaces, full-width folded). Order matters: 目标 before 本年
# so that "本年目标" is a target.
NAME_HEADERS = ("指标名称", "指标", "项目名称", "项目", "名称", "统计指标", "主要指标")
UNIT_HEADERS = ("计量单位", "单位")
TARGET_WORDS = ("目标", "计划", "预期")
VALUE_WORDS = ("本年", "本期", "今年", "当年", "完成", "实绩", "实际", "累计", "1-12月")
PREVIOUS_WORDS = ("上年", "去年", "上年同期", "同期")
# Columns derived from the figures (增幅, 完成率, 排名…) are not figures to import.
DERIVED_WORDS = ("率", "增", "减", "同比", "比上年", "排名", "位次", "备注", "说明", "差")
TOTAL_NAMES = recache.compile(r"^(全[县市区旗]?)?(合计|总计|小计|总数|共计|汇总)$")
NUMBERING = recache.compile(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[\d]+\s)\s*")
UNIT_IN_NAME = recache.compile(r"[（(]([^（）()]{1,6})[)）]$")
YEAR_HEADER = recache.compile(r"^((?:19|20)\d\d)年?(.*)$")
NOT_XLSX = "不是有效的 .xlsx 文件，或文件已损坏"
MONEY_FACTORS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}


@dataclass(frozen=True)
class Cell:
    value: object      # str, int, float, datetime, None
    address: str       # "B7"
    percent: bool = False  # shown as a percentage in Excel (0.0196 displayed as 1.96%)
    formula: bool = False  # a formula whose result the file did not save


@dataclass(frozen=True)
class Figure:
    """One sheet row matched to an indicator, its figures already in the sheet's unit."""

    indicator: str
    name: str                  # as the sheet writes it
    address: str               # the name cell
    unit: str | None
    unit_address: str
    numbers: dict              # field -> (Decimal, cell address)


@dataclass
class SheetFigures:
    file: str
    sheet: str
    year: int | None                                   # the report year the columns were read for
    figures: list[Figure] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # rows with figures whose name is unknown
    notes: list[str] = field(default_factory=list)      # skipped rows and empty cells
    errors: list[str] = field(default_factory=list)     # cells that make the sheet unusable


def read_figures(path: Path, year: int | None = None, known_names: dict[str, str] | None = None) -> SheetFigures:
    """Read the first sheet that has an indicator header row. `year` is the report year (columns
    headed 2025年/2024年 are then 本年/上年); without it the latest year column is 本年.
    `known_names` maps further names (a form's own indicators) to ids."""
    names = {**alias_table(), **{normalise(n): i for n, i in (known_names or {}).items()}}
    tables = read_tables(path)
    for sheet, rows, merged in tables:
        header = find_header(rows, year)
        if header is not None:
            return _figures(str(path), sheet, rows, merged, header, names)
    years = sorted({m.group(1) for _, rows, _ in tables for row in rows[:HEADER_SEARCH_ROWS] for cell in row
                    if cell.value is not None and (m := YEAR_HEADER.match(normalise(str(cell.value))))}, reverse=True)
    if year and years:
        raise InputError(f"{path}: 表头中的年份（{'、'.join(y + '年' for y in years)}）与报告年度 {year} 年及上一年都不符，"
                         "没有可以填入的列。请核对是否选错了指标表或表单。")
    raise InputError(
        f"{path}: 在各工作表的前 {HEADER_SEARCH_ROWS} 行中找不到表头行。"
        "表头行应有“指标”（或“指标名称”“项目”）列，以及“本年”“上年”“目标”或“2025年”“2024年”这样的数值列。"
    )


# --- reading cells ---------------------------------------------------------------------------------

def read_tables(path: Path) -> list[tuple[str, list[list[Cell]], list[str]]]:
    """(sheet name, rows of cells, merged ranges) for each sheet of the file."""
    raw = read_bounded(path, MAX_SHEET_BYTES, "指标表")
    head = raw[:8]
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC) or suffix in (".xls", ".et"):
        raise InputError(
            f"{path}: 这是旧版 Excel 格式（.xls/.et），drafter 不直接读取。请在 Excel 或 WPS 中打开它，"
            "点“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件。"
        )
    if suffix == ".csv" or (suffix not in (".xlsx", ".xlsm") and not head.startswith(b"PK")):
        return [("", _csv_rows(raw, path), [])]  # a CSV file has one unnamed sheet
    return _xlsx_tables(raw, path)


def _csv_rows(raw: bytes, path: Path) -> list[list[Cell]]:
    text, _note = decode_text(raw, str(path))  # Excel on Chinese Windows saves CSV as GBK
    rows = []
    try:
        for r, values in enumerate(csv.reader(io.StringIO(text)), start=1):
            if r > MAX_ROWS:
                break
            rows.append([Cell(v.strip() or None, f"{column_letter(c)}{r}") for c, v in enumerate(values[:MAX_COLUMNS], start=1)])
    except csv.Error as exc:  # a field longer than any cell, say
        raise InputError(f"{path}: 第 {len(rows) + 1} 行无法按 CSV 读取，不像是指标表（请在 Excel/WPS 中另存为 .xlsx 或 CSV）。") from exc
    return rows


def _xlsx_tables(raw: bytes, path: Path) -> list[tuple[str, list[list[Cell]], list[str]]]:
    import warnings
    import zipfile

    import openpyxl
    from openpyxl.cell.cell import MergedCell

    from drafter.docx.guard import check_parts, package_parts

    try:
        zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputError(f"{path}: {NOT_XLSX}。") from exc
    try:  # limits on the zip and on every XML part (no DTD, no entities) before openpyxl expands anything
        check_parts(package_parts(raw, path, ".xlsx"), path)
    except InputError as exc:  # the XML checks speak of Word files; this one is a workbook
        raise InputError(str(exc).replace("不是有效的 .docx 文件", "不是有效的 .xlsx 文件")) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            values = openpyxl.load_workbook(io.BytesIO(raw), data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(raw), data_only=False)
    except Exception as exc:  # noqa: BLE001 - a sheet from another office may break openpyxl in any of a dozen ways
        raise InputError(f"{path}: {NOT_XLSX}（请在 Excel/WPS 中打开后另存为 .xlsx）。") from exc
    tables = []
    for sheet in values.worksheets:
        if sheet.sheet_state != "visible":
            continue
        formula_sheet = formulas[sheet.title]
        rows = []
        for row in sheet.iter_rows(max_row=min(sheet.max_row, MAX_ROWS), max_col=min(sheet.max_column, MAX_COLUMNS)):
            cells = []
            for cell in row:
                if isinstance(cell, MergedCell):
                    cells.append(Cell(None, cell.coordinate))
                    continue
                unsaved = cell.value is None and str(formula_sheet[cell.coordinate].value or "").startswith("=")
                cells.append(Cell(cell.value, cell.coordinate, "%" in (cell.number_format or ""), unsaved))
            rows.append(cells)
        tables.append((sheet.title, rows, [str(r) for r in sheet.merged_cells.ranges]))
    return tables


def column_letter(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# --- the header row --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Header:
    row: int                  # index into rows
    name: int                 # column index of the names
    unit: int | None
    columns: dict             # field -> column index
    year: int | None


def find_header(rows: list[list[Cell]], year: int | None) -> Header | None:
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [normalise(str(cell.value)) if cell.value is not None else "" for cell in row]
        name = next((c for c, t in enumerate(texts) if t in NAME_HEADERS), None)
        if name is None:
            continue
        unit = next((c for c, t in enumerate(texts) if t in UNIT_HEADERS), None)
        columns, found_year = _figure_columns(texts, year)
        if columns:
            return Header(index, name, unit, columns, found_year)
    return None


def _figure_columns(texts: list[str], year: int | None) -> tuple[dict, int | None]:
    years = {c: YEAR_HEADER.match(t) for c, t in enumerate(texts)}
    years = {c: (int(m.group(1)), m.group(2)) for c, m in years.items() if m}
    plain_years = [y for y, rest in years.values() if not any(w in rest for w in TARGET_WORDS)]
    year = year or (max(plain_years) if plain_years else None)
    columns = {}
    for c, text in enumerate(texts):
        if any(w in text for w in DERIVED_WORDS):
            role = None
        elif c in years:
            column_year, rest = years[c]
            if any(w in rest for w in TARGET_WORDS):
                role = "target" if column_year in (year, None) else None
            else:
                role = {year: "value", (year or 0) - 1: "previous"}.get(column_year)
        elif any(w in text for w in TARGET_WORDS):
            role = "target"
        elif any(text.startswith(w) for w in PREVIOUS_WORDS):
            role = "previous"
        elif any(text.startswith(w) for w in VALUE_WORDS):
            role = "value"
        else:
            role = None
        if role and role not in columns:
            columns[role] = c
    return columns, year


# --- rows ------------------------------------------------------------------------------------------

def _figures(file: str, sheet: str, rows: list[list[Cell]], merged: list[str], header: Header,
             names: dict[str, str]) -> SheetFigures:
    result = SheetFigures(file, sheet, header.year)
    where = f"{file}（工作表“{sheet}”）" if sheet else file
    for span in merged:
        first_row, last_row = _rows_of(span)
        if first_row <= header.row + 1 <= last_row and ":" in span:
            result.errors.append(
                f"{where} {span}: 表头是合并单元格。请取消合并，让每个数值列在表头行有自己的标题"
                "（如“本年”“上年”“目标”，或“2025年”“2024年”）。")
    if result.errors:
        return result
    seen: dict[str, str] = {}
    for row_number, row in enumerate(rows[header.row + 1:], start=header.row + 2):
        cells = {c: cell for c, cell in enumerate(row)}
        name_cell = cells.get(header.name)
        figure_cells = {f: cells.get(c) for f, c in header.columns.items()}
        name = str(name_cell.value).strip() if name_cell and name_cell.value is not None else ""
        has_figures = any(cell and (cell.value is not None or cell.formula) for cell in figure_cells.values())
        if not name:
            if has_figures:
                address = name_cell.address if name_cell else f"{column_letter(header.name + 1)}{row_number}"
                result.errors.append(f"{where} {address}: 这一行有数值，但指标名称为空，请补上名称或删除这一行。")
            continue
        plain, unit_in_name = split_name(name)
        if TOTAL_NAMES.match(plain):
            if has_figures:
                result.notes.append(f"{where} {name_cell.address}: “{name}”是合计行，不是单项指标，已跳过。")
            continue
        indicator = names.get(plain)
        if indicator is None:
            if has_figures:
                result.unmatched.append(_unmatched(where, name_cell.address, name, names))
            continue
        if indicator in seen:
            result.errors.append(f"{where} {name_cell.address}: “{name}”与 {seen[indicator]} 对应同一个指标（{indicator}），请只保留一行。")
            continue
        seen[indicator] = name_cell.address
        unit_cell = cells.get(header.unit) if header.unit is not None else None
        unit = clean_unit(str(unit_cell.value)) if unit_cell and unit_cell.value is not None else unit_in_name
        numbers = {}
        for field_name, cell in figure_cells.items():
            label = f"“{name}”的{FIELD_NAMES[field_name]}"
            if cell is None or (cell.value is None and not cell.formula):
                address = cell.address if cell else f"{column_letter(header.columns[field_name] + 1)}{row_number}"
                result.notes.append(f"{where} {address}: {label}为空，未填入。")
                continue
            try:
                number = parse_cell(cell, unit)
            except ValueError as problem:
                result.errors.append(f"{where} {cell.address}: {label}{problem}")
                continue
            if number is not None:
                numbers[field_name] = (number, cell.address)
        result.figures.append(Figure(indicator, name, name_cell.address, unit,
                                     unit_cell.address if unit_cell else name_cell.address, numbers))
    return result


def _rows_of(span: str) -> tuple[int, int]:
    numbers = [int(n) for n in re.findall(r"\d+", span)]
    return min(numbers), max(numbers)


def _unmatched(where: str, address: str, name: str, names: dict[str, str]) -> str:
    close = difflib.get_close_matches(split_name(name)[0], list(names), n=1, cutoff=0.6)
    hint = f"是否为“{close[0]}”（{names[close[0]]}）？如是，请把表中名称改为它" if close else "请在表单中手工填写"
    return f"{where} {address}: “{name}”不是目录中的指标，未填入；{hint}。"


def parse_cell(cell: Cell, unit: str | None) -> Decimal | None:
    """A cell's number. Text is read as a person would ("23,600", "６１２", "1.96%", "四十五"); anything else
    raises ValueError with the reason (said after the indicator's name)."""
    if cell.formula:
        raise ValueError("是公式，但文件中没有保存计算结果。请在 Excel/WPS 中打开该文件、保存后再导入。")
    value = cell.value
    if isinstance(value, bool):
        raise ValueError(f"应为数字，实际为“{'是' if value else '否'}”。")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value))
        return number * 100 if cell.percent and unit in (None, "%") else number
    if not isinstance(value, str):
        raise ValueError(f"应为数字，实际为日期或其他内容（{value}）。")
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))  # "1 302" as Excel's text export spaces it
    if text in ("", "-", "—", "--", "/", "无"):
        return None
    written_unit = next((u for u in sorted(KNOWN_UNITS - {"%"}, key=len, reverse=True) if text.endswith(u)), None)
    if written_unit:  # "128家": fine when it is the row's unit
        if written_unit != unit:
            raise ValueError(f"写作“{value}”，带有单位“{written_unit}”{f'，与单位“{unit}”不同' if unit else ''}。请只填数字，单位写在“单位”列。")
        text = text[: -len(written_unit)]
    if text.endswith("%") and unit not in (None, "%"):
        raise ValueError(f"写作百分数“{value}”，但单位是“{unit}”。")
    number = figure_of(text, "%" if text.endswith("%") else unit)  # the form's own reading: "23,600", "６１２", "四十五"
    if number is None:
        raise ValueError(f"应为数字，实际为“{value}”。请只填数字，单位写在“单位”列。")
    return number


# --- names and units -------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Compare names as a person reads them: full-width folded, no spaces, Latin letters upper-case."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text).upper().replace("（", "(").replace("）", ")")


def split_name(name: str) -> tuple[str, str | None]:
    """"3. 全社会R&D经费投入（亿元）" -> ("全社会R&D经费投入" normalised, "亿元")."""
    text = NUMBERING.sub("", unicodedata.normalize("NFKC", name).strip())
    unit = None
    match = UNIT_IN_NAME.search(text)
    if match and clean_unit(match.group(1)) in KNOWN_UNITS:
        unit, text = clean_unit(match.group(1)), text[: match.start()]
    return normalise(text), unit


def clean_unit(unit: str) -> str:
    unit = unicodedata.normalize("NFKC", unit).strip()
    return "%" if unit in ("%", "百分比", "百分点") else unit


KNOWN_UNITS = {"%", "元", "万元", "亿元", "家", "个", "项", "件", "名", "人", "场", "场次", "次", "人次", "亩", "台", "套", "篇"}


@cache
def alias_table() -> dict[str, str]:
    """Normalised name -> id: catalogue names and ids, then the aliases of schemas/indicator_aliases.yaml."""
    table = {}
    aliases = yaml.safe_load((schemas_dir() / "indicator_aliases.yaml").read_text(encoding="utf-8")) or {}
    for entry in catalogue():
        for alias in aliases.get(entry.id, ()):
            table[normalise(alias)] = entry.id
    for entry in catalogue():
        table[normalise(entry.id)] = entry.id
        table[normalise(entry.name)] = entry.id
    return table


def convert(number: Decimal, unit: str | None, target_unit: str) -> Decimal:
    """The number in the form's unit: 万元 and 亿元 convert; any other difference is a ValueError."""
    if unit is None or unit == target_unit:
        return number
    if unit in MONEY_UNITS and target_unit in MONEY_UNITS:
        return number * MONEY_FACTORS[unit] / MONEY_FACTORS[target_unit]
    raise ValueError(unit)
