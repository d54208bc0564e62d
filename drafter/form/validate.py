"""Check form data against the JSON Schema and the rules a schema cannot say; all problems at once."""

from __future__ import annotations

import json
import math
import re

from typing import TYPE_CHECKING

from drafter.errors import Problem
from drafter.form.lenient import number_form_hint
from drafter.form.fast_schema import is_valid
from drafter.form.model import PLAN_PARTS, tasks_only
from drafter.form.yaml_source import SourceMap
from drafter.resources import report_schema

TYPE_NAMES = {
    "string": "文字",
    "integer": "整数",
    "number": "数字",
    "boolean": "true 或 false",
    "array": "列表",
    "object": "字段集合（键: 值）",
    "null": "空",
}

PATTERN_MESSAGES = {
    "\\S": "不能为空",
    "^[a-z][a-z0-9_]*$": "只能用小写英文字母、数字和下划线，并以字母开头",
    "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$": "格式应为“年-月”，如 2024-06",
}

# jsonschema's own messages are English: every other check gets a Chinese sentence.
FALLBACK_MESSAGES = {
    "const": "取值不对（请用 drafter mine 重新生成）",
    "maxItems": "列表项过多",
    "minItems": "列表项过少",
    "maxLength": "文字过长",
    "format": "格式不对",
}

MAX_HEADING_LEVEL = 4

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def schema_errors(data: object, schema: dict | None = None) -> list[ValidationError]:
    """jsonschema's errors for `data` against a schema (the form's unless told)."""
    from jsonschema import Draft202012Validator, FormatChecker

    return list(Draft202012Validator(schema or report_schema(), format_checker=FormatChecker()).iter_errors(data))


def schema_problems(data: object, source: SourceMap, schema: dict | None = None,
                    errors: list[ValidationError] | None = None) -> list[Problem]:
    """Every schema violation in `data` (against the form schema unless told), each located and worded in Chinese."""
    problems: set[Problem] = {source.problem(path, f"应为有限的数字，实际为 {value}") for path, value in _non_finite(data, ())}
    if schema is None and errors is None and not problems and is_valid(data):
        return []  # the precompiled check of the form schema: no need to import jsonschema
    schema = schema or report_schema()
    for error in schema_errors(data, schema) if errors is None else errors:
        for leaf in _leaf_errors(error):
            if isinstance(leaf.instance, float) and not math.isfinite(leaf.instance):
                continue  # said above, in words that fit
            problems.update(_describe(leaf, schema, source))
    return sorted(problems)


def _leaf_errors(error: ValidationError) -> list[ValidationError]:
    """For oneOf/anyOf, descend into the branch the value was meant for, when there is one."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    # A branch whose failure is not merely "wrong type here" is the one the author meant.
    meant = [
        errors for errors in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    if len(meant) == 1:
        return [leaf for sub in meant[0] for leaf in _leaf_errors(sub)]
    return [error]


def _describe(error: ValidationError, schema: dict, source: SourceMap) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    if kind in ("additionalProperties", "unevaluatedProperties"):
        known = _declared_properties(error.schema, schema)
        unknown = [key for key in error.instance if key not in known]
        return [source.problem(path + (key,), _unknown_key_message(key, known), key=True) for key in unknown]
    if source.text_with_colon(path, error.instance) and _wants_text(error):
        return [source.problem(path, COLON_IN_TEXT)]
    return [source.problem(path, _message(error))]


COLON_IN_TEXT = "这段文字中有“冒号加空格”（“: ”），YAML 把它当成了字段；请把整段文字用引号括起来，或把冒号改为全角冒号“：”"


def _wants_text(error: ValidationError) -> bool:
    if error.validator == "type":
        return "string" in _as_list(error.validator_value)
    return any(sub.validator == "type" and "string" in _as_list(sub.validator_value) for sub in error.context or ())


def _unknown_key_message(key: str, known: set[str]) -> str:
    import difflib  # only a form with a mistake needs it

    close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
    if close:
        return f"不认识的字段“{key}”（是否应为“{close[0]}”？）"
    return f"不认识的字段“{key}”（可能是拼写错误；此处可用的字段有：{'、'.join(sorted(known))}）"


def _message(error: ValidationError) -> str:
    kind, expected, instance = error.validator, error.validator_value, error.instance
    if kind == "type":
        names = [expected] if isinstance(expected, str) else expected
        wanted = "或".join(TYPE_NAMES[n] for n in names if n != "null")
        hint = number_form_hint(instance) if isinstance(instance, str) and ("number" in names or "integer" in names) else None
        if hint:
            return hint
        if instance is None:
            return f"冒号后面没有填写内容（应为{wanted}）；请填写，或删除这一行"
        return f"应为{wanted}，实际为 {_show(instance)}"
    if kind == "required":
        missing = error.message.split("'")[1]
        return f"缺少必填字段“{missing}”"
    if kind == "enum":
        return f"应为以下之一：{'、'.join(str(e) for e in expected if e is not None)}，实际为 {_show(instance)}"
    if kind == "minimum":
        return f"不能小于 {_figure(expected)}，实际为 {_figure(instance)}"
    if kind == "maximum":
        return f"不能大于 {_figure(expected)}，实际为 {_figure(instance)}"
    if kind == "maxLength":
        return f"文字过长：最多 {expected} 个字，这里有 {len(instance)} 个字"
    if kind == "minLength":
        return "不能为空"
    if kind == "pattern":
        return f"{PATTERN_MESSAGES.get(expected, '格式不对')}，实际为 {_show(instance)}"
    if kind == "format" and expected == "date":
        return f"应为日期，如 2024-12-20，实际为 {_show(instance)}"
    if kind in ("oneOf", "anyOf"):
        types = dict.fromkeys(t for sub in error.context if sub.validator == "type" for t in _as_list(sub.validator_value))
        wanted = "或".join(TYPE_NAMES[t] for t in types if t != "null") or "规定的格式"
        return f"应为{wanted}，实际为 {_show(instance)}"
    return FALLBACK_MESSAGES.get(kind, "不符合表单格式的要求")


def _figure(value) -> str:
    """1e+15 -> "1000000000000000": numbers as people write them."""
    from drafter.indicators import format_number

    return format_number(value) if isinstance(value, (int, float)) else _show(value)


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _show(value: object) -> str:
    if isinstance(value, dict):
        return "字段集合"
    if isinstance(value, list):
        return "列表"
    if value is None:
        return "空值"
    return json.dumps(value, ensure_ascii=False)


def _declared_properties(subschema: dict, root: dict) -> set[str]:
    """Property names a (sub)schema declares, following local $ref as unevaluatedProperties does."""
    names = set(subschema.get("properties", {}))
    ref = subschema.get("$ref", "")
    if ref.startswith("#/$defs/"):
        names |= _declared_properties(root["$defs"][ref.removeprefix("#/$defs/")], root)
    return names


def _non_finite(value: object, path: tuple) -> list[tuple[tuple, float]]:
    """(path, value) of every infinite or NaN number (YAML's .inf and .nan)."""
    if isinstance(value, float) and not math.isfinite(value):
        return [(path, value)]
    if isinstance(value, dict):
        return [hit for key, child in value.items() for hit in _non_finite(child, path + (key,))]
    if isinstance(value, list):
        return [hit for index, child in enumerate(value) for hit in _non_finite(child, path + (index,))]
    return []


def rule_problems(data: dict, source: SourceMap) -> list[Problem]:
    """Rules beyond the schema (control characters are the loader's): unique ids, references that resolve, depth, period."""
    problems: list[Problem] = []
    indicators = data.get("indicators", [])
    ids: dict[str, int] = {}
    for index, indicator in enumerate(indicators):
        if indicator["id"] in ids:
            problems.append(source.problem(("indicators", index, "id"), f"指标代号“{indicator['id']}”与 indicators[{ids[indicator['id']]}] 重复"))
        ids.setdefault(indicator["id"], index)

    for path, section, level in _walk_sections(data):
        if level > MAX_HEADING_LEVEL:
            problems.append(source.problem(path, f"标题层级过深：最多四级（一、（一）1.（1）），此处为第 {level} 级"))
    for ref_path, ref in indicator_references(data):
        if ref in ids:
            continue
        if all(part.strip() in ids for part in re.split("[，、]", ref)):
            problems.append(source.problem(ref_path, f"“{ref}”用了全角逗号或顿号分隔；列表中的各项请用半角逗号加空格“, ”分隔"))
        else:
            problems.append(source.problem(ref_path, f"引用的指标“{ref}”不存在（请先在 indicators 中定义）"))

    meta = data["meta"]
    period = meta.get("period")
    if meta.get("kind") == "multi-year" and not period:
        problems.append(source.problem(("meta",), "多年总结（kind: multi-year）须填写 period，如 {start: 2020-01, end: 2024-12}"))
    if period and period["start"] > period["end"]:
        problems.append(source.problem(("meta", "period"), f"起始年月 {period['start']} 晚于截止年月 {period['end']}"))
    return problems


def _references(data: dict):
    """(path, indicator id) of every reference to an indicator from the text."""
    for path, section, _ in _walk_sections(data):
        for index, ref in enumerate(section.get("indicators", [])):
            yield path + ("indicators", index), ref
    for index, ref in enumerate(data.get("main_indicators", {}).get("ids", [])):
        yield ("main_indicators", "ids", index), ref


def indicator_references(data: dict):
    """(path, indicator id) of every reference to an indicator: from the text, and the plan's targets."""
    yield from _references(data)
    goals = data.get("plan", {}).get("goals", {})
    for index, target in enumerate(goals.get("targets", [])):
        yield ("plan", "goals", "targets", index, "indicator"), target["indicator"]


def unfilled_reference_warnings(data: dict, source: SourceMap) -> list[Problem]:
    """A reference to an indicator whose value is still empty: the draft shows （待填写） there."""
    values = {i["id"]: i.get("value") for i in data.get("indicators", [])}
    return [
        source.problem(path, f"警告：引用的指标“{ref}”尚未填写本年数值（value），文稿中将显示“（待填写）”")
        for path, ref in _references(data) if ref in values and values[ref] is None
    ]


def unused_figures_warnings(data: dict, source: SourceMap) -> list[Problem]:
    """Figures filled in (by hand or by init --indicators from the statistics sheet) while nothing in the form
    refers to an indicator: the draft would state none of them. extract's candidate_N are left out: their
    figures are already in the text they were found in."""
    filled = [i for i in data.get("indicators", []) if i.get("value") is not None and not i["id"].startswith("candidate_")]
    main = data.get("main_indicators")
    shown_by_main = main is not None and (main.get("paragraph", True) or main.get("table", True))
    if not filled or shown_by_main or next(indicator_references(data), None):
        return []
    names = "、".join(i["name"] for i in filled[:3]) + ("等" if len(filled) > 3 else "")
    return [source.problem(("indicators",), (
        f"警告：已填写 {len(filled)} 项指标的本年数值（{names}），但表单中没有一处引用指标，文稿中一个数字也不会出现；"
        f"请启用 main_indicators（去掉其前面的“# ”），或在小节中写上 indicators: [{filled[0]['id']}]"), key=True)]


def section_parts(data: dict):
    """(path, section, heading level) for every section-shaped part of a schema-valid form."""
    return _walk_sections(data)


def _walk_sections(data: dict):
    """(path, section, heading level) for every section-shaped part of the form."""
    def walk(path, section, level):
        yield path, section, level
        for index, child in enumerate(section.get("sections", [])):
            yield from walk(path + ("sections", index), child, level + 1)

    for key in ("achievements", "problems"):
        if key in data:
            yield from walk((key,), data[key], 1)
    for index, extra in enumerate(data.get("extra_sections", [])):
        yield from walk(("extra_sections", index), extra, 1)
    plan = data.get("plan", {})
    parts = [key for key in PLAN_PARTS if key in plan]
    for key in parts:
        yield from walk(("plan", key), plan[key], 1 if tasks_only(parts) else 2)
