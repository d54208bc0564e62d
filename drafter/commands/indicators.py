"""drafter indicators import SHEET FORM, and drafter init --indicators SHEET: put a statistics office's
figures into a form's indicators (value, previous, target).

The form is edited as text at the positions of its YAML nodes, never re-dumped, so the clerk's
comments, order, quoting and line endings stay as they were; the result is read back and compared
with the original to prove that nothing but those figures changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

from drafter.catalogue import catalogue_entry
from drafter.encoding import decode_text
from drafter.errors import FormError, InputError
from drafter.form.excel_import import FIELD_NAMES, FIELDS, SheetFigures, convert, read_figures
from drafter.form.yaml_source import MAX_FORM_BYTES, parse_yaml
from drafter.safeio import read_bounded
from drafter.output import write_atomically
from drafter.shell import shell_quote


@dataclass
class ImportResult:
    text: str
    sheet: SheetFigures
    filled: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # matched indicators the form does not have
    errors: list[str] = field(default_factory=list)


def import_into_form(sheet_path: Path, form_path: Path, dry_run: bool = False) -> list[str]:
    """Fill the form from the sheet; return the report lines. Nothing is written when a cell is bad."""
    raw = read_bounded(form_path, MAX_FORM_BYTES, "表单")
    text, _note = decode_text(raw, str(form_path))  # read_source() would read the file a second time
    data = _parse(text, form_path)
    year = _form_year(data)
    names = {i["name"]: i["id"] for i in _indicator_items(data) if isinstance(i.get("name"), str) and isinstance(i.get("id"), str)}
    result = fill(text, read_figures(sheet_path, year, names), str(form_path))
    lines = report_lines(result)
    if result.errors:
        raise InputError("\n".join([*lines, f"指标表有 {len(result.errors)} 处问题，表单未作修改。"]))
    if dry_run:
        return [*lines, "（试运行：表单未作修改。）"]
    if result.text != text:
        write_atomically(form_path, encode_like(raw, result.text))
    return [*lines, f"已更新表单：{form_path}\n请运行：drafter validate {shell_quote(form_path)}"]


def fill(text: str, sheet: SheetFigures, file: str) -> ImportResult:
    """The form text with the sheet's figures in place, and what was done."""
    result = ImportResult(text, sheet, errors=list(sheet.errors))
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    items = _indicator_nodes(root)
    edits = []
    for figure in sheet.figures:
        node = items.get(figure.indicator)
        if node is None:
            result.missing.append(f"{figure.address} “{figure.name}”（{figure.indicator}）")
            continue
        form_unit = _scalar(node, "unit") or _catalogue_unit(figure.indicator)
        parts = []
        for field_name, (number, address) in sorted(figure.numbers.items(), key=lambda f: FIELDS.index(f[0])):
            try:
                number = convert(number, figure.unit, form_unit) if form_unit else number
            except ValueError:
                result.errors.append(
                    f"{sheet.file} {figure.unit_address}: “{figure.name}”的单位“{figure.unit}”与表单中该指标的单位“{form_unit}”不符；"
                    "请核对后改正指标表或表单的单位。")
                break
            literal = format_number(number)
            old = _scalar(node, field_name)
            edits.append(_edit(text, node, field_name, literal))
            was = f"，原为 {old}" if old not in (None, literal) else ""
            parts.append(f"{FIELD_NAMES[field_name]} {literal}（{address}{was}）")
        if parts:
            result.filled.append(f"{figure.indicator}（{figure.name}）：{'，'.join(parts)}")
    if result.errors:
        return result
    # From the end backwards, so positions stay valid; inserts at one place keep their order.
    for _, (start, end, replacement) in sorted(enumerate(edits), key=lambda e: (e[1][0], e[0]), reverse=True):
        text = text[:start] + replacement + text[end:]
    _prove_only_figures_changed(result.text, text, sheet, file)
    result.text = text
    return result


def report_lines(result: ImportResult) -> list[str]:
    sheet = result.sheet
    where = "，".join(part for part in (f"工作表“{sheet.sheet}”" if sheet.sheet else "", f"{sheet.year}年" if sheet.year else "") if part)
    lines = [f"读取 {sheet.file}{f'（{where}）' if where else ''}，填入：" if result.filled else f"读取 {sheet.file}：没有可填入的数值。"]
    lines += [f"  {line}" for line in result.filled]
    for title, items in (("表单中没有以下指标，未填入（如需要，请在 indicators 中加上它们）：", result.missing),
                         ("以下各行没有对应的指标：", sheet.unmatched), ("提示：", sheet.notes), ("错误：", result.errors)):
        if items:
            lines += [title, *(f"  {item}" for item in items)]
    return lines


def format_number(number: Decimal) -> str:
    """A plain YAML number: 128, 13.56, 0.0035 (never 1E+2 or 13.5600)."""
    number = number.normalize()
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number, "f")


# --- editing the YAML text -------------------------------------------------------------------------

def _indicator_nodes(root) -> dict[str, yaml.MappingNode]:
    sequence = _child(root, "indicators")
    if not isinstance(sequence, yaml.SequenceNode):
        return {}
    found = {}
    for item in sequence.value:
        if isinstance(item, yaml.MappingNode):
            ident = _child(item, "id")
            if isinstance(ident, yaml.ScalarNode):
                found.setdefault(ident.value, item)
    return found


def _child(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _scalar(node, key: str) -> str | None:
    """The text of a scalar value; None when missing or null (`value:`, `value: null`, `value: ~`)."""
    child = _child(node, key)
    if not isinstance(child, yaml.ScalarNode) or child.tag == "tag:yaml.org,2002:null":
        return None
    return child.value


def _edit(text: str, node: yaml.MappingNode, key: str, literal: str) -> tuple[int, int, str]:
    """(start, end, replacement) that sets `key: literal` in the mapping `node`."""
    child = _child(node, key)
    if isinstance(child, yaml.ScalarNode):
        start, end = child.start_mark.index, child.end_mark.index
        if start == end:  # `value:` with nothing after the colon
            literal = f" {literal}" if text[start - 1:start] == ":" else literal
        return start, _keep_comment_column(text, end, len(literal) - (end - start)), literal
    if child is not None:
        raise InputError(f"{node.start_mark.line + 1}行: {key} 应为一个数字。")
    if node.flow_style:  # `- {id: x, name: y}`: add before the closing brace
        close = node.end_mark.index - 1
        return close, close, f", {key}: {literal}"
    last_key = node.value[-1][0]
    end = _last_leaf(node).end_mark.index
    line_end = end - 1 if text[end - 1:end] == "\n" else text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = " " * last_key.start_mark.column
    insert_at = line_end - 1 if text[line_end - 1:line_end] == "\r" else line_end
    return insert_at, insert_at, f"{newline}{indent}{key}: {literal}"


def _last_leaf(node):
    """The last node written inside a block collection: the mapping's own end mark lies on the next
    item's line, but the new key must go right after this one's line."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    return node


def _keep_comment_column(text: str, end: int, growth: int) -> int:
    """Where a comment follows on the line, take the longer value out of the spaces before it, so
    the starter form's comments stay in their column (at least one space is kept)."""
    spaces = len(text[end:]) - len(text[end:].lstrip(" "))
    if growth > 0 and text[end + spaces:end + spaces + 1] == "#":
        return end + min(growth, spaces - 1)
    return end


def _prove_only_figures_changed(before: str, after: str, sheet: SheetFigures, file: str) -> None:
    """Read both texts; they must be equal once the new figures are taken out."""
    try:
        old, new = parse_yaml(before, file)[0], parse_yaml(after, file)[0]
    except FormError:
        old, new = True, False
    expected = {f.indicator for f in sheet.figures}
    for item in [*_indicator_items(old), *_indicator_items(new)]:
        if item.get("id") in expected:
            for field_name in FIELDS:
                item.pop(field_name, None)
    if old != new:
        raise InputError("内部错误：填入数值时表单的其他内容发生了变化，表单未作修改。请把表单和指标表发给维护人员。")


def _indicator_items(data) -> list[dict]:
    items = data.get("indicators") if isinstance(data, dict) else None
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _catalogue_unit(indicator: str) -> str | None:
    entry = catalogue_entry(indicator)
    return entry.unit if entry else None


def _parse(text: str, path: Path):
    """The form through drafter's one hardened YAML reader (YAML 1.2 numbers, bounded aliases)."""
    try:
        return parse_yaml(text, str(path))[0]
    except FormError as exc:
        raise FormError(exc.problems, summary=f"表单有格式错误，请先运行 drafter validate {shell_quote(path)} 改正后再导入。") from None


def _form_year(data) -> int | None:
    meta = data.get("meta") if isinstance(data, dict) else None
    year = meta.get("year") if isinstance(meta, dict) else None
    return year if isinstance(year, int) else None


def encode_like(raw: bytes, text: str) -> bytes:
    """Write the form back in the encoding it came in (UTF-16 from Notepad, a BOM, GB18030)."""
    import codecs

    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return text.encode("utf-16")
    if raw.startswith(codecs.BOM_UTF8):
        return text.encode("utf-8-sig")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return text.encode("gb18030")
    return text.encode("utf-8")


def init_with_figures(output: Path, year: int | None, org: str | None, sheet_path: Path) -> list[str]:
    """drafter init --indicators: the starter form with the sheet's figures already in it. The year
    comes from --year, else from the sheet's year columns (2025年/2024年), else this year."""
    import datetime as dt

    from drafter.commands.init import DEFAULT_ORG, INIT_REFUSAL, starter_form
    from drafter.output import refuse_existing

    refuse_existing(output, INIT_REFUSAL)
    sheet = read_figures(sheet_path, year)
    year = year or sheet.year or dt.date.today().year
    result = fill(starter_form(year, org or DEFAULT_ORG), sheet, str(output))
    lines = report_lines(result)
    if result.errors:
        raise InputError("\n".join([*lines, f"指标表有 {len(result.errors)} 处问题，未生成表单。"]))
    write_atomically(output, result.text.encode("utf-8"))
    return [*lines, f"已生成表单：{output}\n请填写其余内容后运行：drafter validate {shell_quote(output)}"]
