"""Values as a person types them: read where the meaning is certain, and said so in a note.

Full-width digits, thousands separators, a trailing % on a percentage indicator, Chinese numerals
(四十五), 是/否, Chinese names of enum values (年度, 已完成), dates written 2025年12月18日 or 2025.12.18,
indicators referenced by their Chinese name. The schema tells where a number, a yes/no, an enum
value or a date belongs; nothing is guessed where the schema wants text. Number forms no clerk means
(0x1F, 0b101, 12:30) and years not written as four digits are refused instead.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from drafter import recache
from drafter.errors import Problem
from drafter.form.yaml_source import SourceMap, visible

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10**4, "亿": 10**8}
BOOLEANS = {"是": True, "否": False, "对": True, "错": False, "yes": True, "no": False, "Yes": True, "No": False,
            "YES": True, "NO": False, "on": True, "off": False}
ENUM_NAMES = {
    "年度": "annual", "年度总结": "annual", "全年": "annual",
    "年中": "midyear", "年中总结": "midyear", "上半年": "midyear", "半年": "midyear", "上半年总结": "midyear",
    "多年": "multi-year", "多年总结": "multi-year", "五年": "multi-year",
    "已完成": "完成", "全部完成": "完成", "部分": "部分完成", "没有完成": "未完成", "未完成任务": "未完成",
    "居中": "centred", "奇偶": "odd-even",
    "导语": "opening", "工作成效": "achievements", "存在问题": "problems", "存在的问题": "problems", "工作计划": "plan",
}
THOUSANDS = recache.compile(r"[-+]?\d{1,3}([,_]\d{3})+(\.\d+)?")
UNDERSCORED = recache.compile(r"[-+]?\d+(_\d+)+(\.\d+)?")
DATE = recache.compile(r"((?:19|20)\d{2})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*日?")
YEAR_PATHS = (("meta", "year"), ("plan", "year"))
BASES = {"0x": ("十六", 16), "0X": ("十六", 16), "0b": ("二", 2), "0B": ("二", 2), "0o": ("八", 8), "0O": ("八", 8)}


def chinese_number(text: str) -> Decimal | None:
    """四十五 -> 45, 一百零五 -> 105, 二〇二四 -> 2024, 三点五 -> 3.5, 一万二千 -> 12000; None when not a numeral."""
    whole, _, fraction = text.partition("点")
    if not whole or any(c not in DIGITS for c in fraction):
        return None
    if all(c in DIGITS for c in whole) and ("〇" in whole or "○" in whole):  # 二〇二四; 四五 is "four or five"
        integer = int("".join(str(DIGITS[c]) for c in whole))
    else:
        integer = _chinese_integer(whole)
        if integer is None:
            return None
    return Decimal(f"{integer}.{''.join(str(DIGITS[c]) for c in fraction)}" if fraction else integer)


def _chinese_integer(text: str) -> int | None:
    total = section = 0
    digit = None
    for char in text:
        if char in ("零", "〇"):
            digit = None
        elif char in DIGITS:
            if digit is not None:
                return None  # 四五: not a numeral
            digit = DIGITS[char]
        elif char in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        elif char in LARGE_UNITS:
            total = (total + section + (digit or 0)) * LARGE_UNITS[char]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def figure_of(text: str, unit: str | None = None) -> Decimal | None:
    """A figure as a person writes it, or None when its meaning is not certain. A trailing unit (45家,
    1.96%) is certain only when it is the indicator's own."""
    normal = unicodedata.normalize("NFKC", text).strip()  # ６１２ -> 612, ％ -> %, ， -> ,
    if unit and normal.endswith(unicodedata.normalize("NFKC", unit)):
        normal = normal[: -len(unicodedata.normalize("NFKC", unit))].strip()
    if THOUSANDS.fullmatch(normal) or UNDERSCORED.fullmatch(normal):
        normal = normal.replace(",", "").replace("_", "")
    if re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)", normal):
        try:
            return Decimal(normal)
        except InvalidOperation:
            return None
    return chinese_number(normal)


def number_form_hint(text: str) -> str | None:
    """A specific message for number forms drafter does not read (hex, binary, octal, base 60), else None."""
    prefix = text.lstrip("+-")[:2]
    if prefix in BASES:
        name, base = BASES[prefix]
        try:
            meant = f"（如 {int(text.replace(prefix, '', 1), base)}）"
        except ValueError:
            meant = ""
        return f"“{visible(text)}”是{name}进制写法；drafter 只读十进制数字，请改为十进制{meant}"
    if re.fullmatch(r"[-+]?\d+(:[0-5]?\d)+(\.\d*)?", text):
        sexagesimal = 0
        for part in text.lstrip("+-").split(":"):
            sexagesimal = sexagesimal * 60 + float(part)
        return f"“{text}”不是数字（YAML 1.1 会把它读作六十进制的 {sexagesimal:g}）；请写成十进制数字"
    if text.rstrip().endswith(("%", "％")):
        return f"“{visible(text)}”：数值后面不要带“%”，单位请写在 unit 中"
    return None


def year_problems(data: object, source: SourceMap) -> list[Problem]:
    """Years are four digits as typed: 03750, 02024, 2024.0 and 0x7E8 are not years a clerk writes."""
    problems = []
    for path in YEAR_PATHS:
        typed, value = source.typed.get(path), _get(data, path)
        numeric = isinstance(value, (int, float)) or (isinstance(value, str) and number_form_hint(value))
        if typed is not None and numeric and not re.fullmatch(r"\d{4}", typed):
            problems.append(source.problem(path, f"年份应为四位数字，如 2024（这里写的是“{visible(typed)}”）"))
    return problems


def leading_zero_notes(source: SourceMap) -> list[Problem]:
    """`0123` is read as YAML 1.2 reads it, the decimal 123 (YAML 1.1 read 83); say so."""
    return [source.problem(path, f"“{typed}”按十进制读作 {int(typed)}")
            for path, typed in sorted(source.typed.items(), key=lambda item: source.position(item[0]))
            if re.fullmatch(r"[-+]?0\d+", typed) and path not in YEAR_PATHS]


def read_as_meant(data: dict, source: SourceMap) -> tuple[list[Problem], list]:
    """Replace, in `data`, values whose meaning is certain though not in the schema's form; one note each.
    Returns the notes and the schema errors that remain (so the form is validated once when all is well)."""
    from drafter.form.fast_schema import is_valid
    from drafter.form.validate import schema_errors

    if is_valid(data):  # the precompiled check: a valid form never imports jsonschema
        return [], []
    notes: list[Problem] = []
    errors = schema_errors(data)
    for _ in range(3):  # a fix can expose the next error below it
        fixes = [(tuple(leaf.absolute_path), *fix) for error in errors for leaf in _leaves(error)
                 if (fix := _reading(leaf, data)) is not None]
        if not fixes:
            break
        for path, value, note in fixes:
            _set(data, path, value)
            notes.append(source.problem(path, note))
        errors = schema_errors(data)
    return notes, errors


def _leaves(error):
    if error.context:
        return [leaf for sub in error.context for leaf in _leaves(sub)]
    return [error]


def _reading(error, data) -> tuple[object, str] | None:
    instance, expected = error.instance, error.validator_value
    if not isinstance(instance, str):
        return None
    if error.validator == "type":
        kinds = [expected] if isinstance(expected, str) else expected
        if "number" in kinds or "integer" in kinds:
            figure = figure_of(instance, _unit_at(data, tuple(error.absolute_path)))
            if figure is None or ("number" not in kinds and figure != figure.to_integral_value()):
                return None
            value = int(figure) if figure == figure.to_integral_value() and "." not in str(figure) else float(figure)
            return value, f"已按数字 {value} 读取（原文“{visible(instance)}”）"
        if "boolean" in kinds and instance.strip() in BOOLEANS:
            value = BOOLEANS[instance.strip()]
            return value, f"已按 {str(value).lower()} 读取（原文“{visible(instance)}”）"
    if error.validator == "enum":
        meant = ENUM_NAMES.get(instance.strip())
        if meant in expected:
            return meant, f"已按“{meant}”读取（原文“{visible(instance)}”）"
    if error.validator == "format" and expected == "date":
        match = DATE.fullmatch(unicodedata.normalize("NFKC", instance).strip())
        if match:
            try:
                date = dt.date(*map(int, match.groups())).isoformat()
            except ValueError:
                return None
            return date, f"已按日期 {date} 读取（原文“{visible(instance)}”）"
    return None


def _unit_at(data: dict, path: tuple) -> str | None:
    """The unit of the indicator a figure belongs to (value, previous, target, or a plan target for it)."""
    indicators = data.get("indicators") if isinstance(data, dict) else None
    indicators = indicators if isinstance(indicators, list) else []
    unit = None
    if len(path) == 3 and path[0] == "indicators" and isinstance(path[1], int) and path[1] < len(indicators):
        unit = _get(indicators, (path[1], "unit"))
    elif path[:3] == ("plan", "goals", "targets") and len(path) == 5:
        units = {i.get("id"): i.get("unit") for i in indicators if isinstance(i, dict)}
        unit = units.get(_get(data, path[:4] + ("indicator",)))
    return unit if isinstance(unit, str) and unit.strip() else None


def indicator_names(data: dict, source: SourceMap) -> list[Problem]:
    """References written with an indicator's Chinese name instead of its id (on schema-valid data)."""
    from drafter.form.validate import indicator_references

    indicators = [i for i in data.get("indicators", []) if isinstance(i, dict)]
    ids = {i.get("id") for i in indicators}
    by_name = {i.get("name"): i.get("id") for i in indicators if isinstance(i.get("name"), str)}
    notes = []
    for path, ref in indicator_references(data):
        if ref not in ids and isinstance(ref, str) and ref.strip() in by_name:
            _set(data, path, by_name[ref.strip()])
            notes.append(source.problem(path, f"已按指标“{by_name[ref.strip()]}”读取（原文“{visible(ref)}”）"))
    return notes


def _get(data, path):
    for key in path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _set(data, path, value) -> None:
    _get(data, path[:-1])[path[-1]] = value
