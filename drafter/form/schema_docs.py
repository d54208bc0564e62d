"""Files generated from schemas/report.schema.yaml: its JSON copy and the field reference docs/form.md.

Regenerate both with `python -m drafter.form.schema_docs` from the repository root; tests check
that the committed files are current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.resources import report_schema_source, schema_json_text

JSON_PATH = Path("schemas/report.schema.json")
DOCS_PATH = Path("docs/form.md")


def _resolve(node: dict, root: dict) -> dict:
    """Merge a node with what its local $ref points to (descriptions of the node win)."""
    ref = node.get("$ref", "")
    if not ref.startswith("#/$defs/"):
        return node
    target = _resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)
    merged = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    merged["properties"] = {**node.get("properties", {}), **target.get("properties", {})}
    return merged


def _type_name(node: dict, root: dict) -> str:
    node = _resolve(node, root)
    if "enum" in node:
        return " / ".join(map(str, node["enum"]))
    if "oneOf" in node:
        return " 或 ".join(_type_name(option, root) for option in node["oneOf"])
    names = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "true/false",
             "array": "列表", "object": "字段集合", "null": "可留空"}
    kinds = node.get("type", "object")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if node.get("format") == "date":
        return "日期"
    return "，".join(names[k] for k in kinds)


def _rows(node: dict, root: dict, prefix: str, depth: int, seen: set[str]):
    node = _resolve(node, root)
    required = set(node.get("required", []))
    for name, child in node.get("properties", {}).items():
        path = f"{prefix}.{name}" if prefix else name
        resolved = _resolve(child, root)
        description = child.get("description") or resolved.get("description", "")
        mark = "（必填）" if name in required else ""
        yield f"| `{path}` | {_type_name(child, root)} | {description}{mark} |"
        ref = child.get("$ref") or resolved.get("items", {}).get("$ref", "")
        if ref in seen or depth > 3:
            continue
        item = resolved.get("items")
        target = _resolve(item, root) if isinstance(item, dict) else resolved
        if target.get("properties"):
            suffix = "[]" if item else ""
            yield from _rows(target, root, path + suffix, depth + 1, seen | {ref})


def form_reference() -> str:
    schema = report_schema_source()
    lines = [
        "# 表单字段说明",
        "",
        "本页由 `schemas/report.schema.yaml` 自动生成（`python -m drafter.form.schema_docs`），请勿手工修改。",
        "字段名后带 `[]` 的是列表中的每一项。“小节”（section）可以层层嵌套，标题最多四级：一、（一）1.（1）。",
        "",
        "| 字段 | 类型 | 说明 |",
        "| --- | --- | --- |",
        *_rows(schema, schema, "", 0, set()),
        "",
    ]
    return "\n".join(lines)


def main(root: Path) -> None:
    (root / JSON_PATH).write_text(schema_json_text(report_schema_source()), encoding="utf-8")
    (root / DOCS_PATH).write_text(form_reference(), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
