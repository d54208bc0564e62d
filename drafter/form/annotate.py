"""Comments for a form, generated from the schema's descriptions so that they never drift from it.

`annotate` puts each field's description on the line above the field's first occurrence (the first
indicator explains id, name, unit…; the others stay short). `comment_out_examples` turns the blocks
between `#example` and `#end` lines into commented examples, after they were annotated like the rest.
"""

from __future__ import annotations

import yaml

from drafter.form.schema_docs import _resolve
from drafter.form.yaml_source import SLOW_LOADER
from drafter.resources import report_schema

EXAMPLE_START, EXAMPLE_END = "#example", "#end"


def _shape(node: dict, root: dict, kind: str) -> dict:
    """The schema node, resolved, and for a oneOf the branch that fits a mapping or a sequence."""
    resolved = _resolve(node, root)
    for option in resolved.get("oneOf", []):
        option = _resolve(option, root)
        if (kind == "map" and (option.get("type") == "object" or "properties" in option)) or \
                (kind == "seq" and option.get("type") == "array"):
            return option
    return resolved


def description(node: dict, root: dict) -> str:
    return node.get("description") or _resolve(node, root).get("description", "")


def annotate(text: str) -> str:
    """The form text with each field's schema description above its first occurrence."""
    root_schema = report_schema()
    lines = text.splitlines(keepends=True)
    above: dict[int, list[str]] = {}
    seen: set[tuple] = set()

    def walk(node, schema: dict, path: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            properties = _shape(schema, root_schema, "map").get("properties", {})
            for key, value in node.value:
                child = properties.get(key.value) if isinstance(key, yaml.ScalarNode) else None
                if child is None:
                    continue
                field_path = path + (key.value,)
                line = key.start_mark.line
                text_line = lines[line] if line < len(lines) else ""
                written = text_line.lstrip(" -")
                if field_path not in seen and not node.flow_style and written.startswith(key.value) \
                        and description(child, root_schema):
                    seen.add(field_path)
                    indent = len(text_line) - len(text_line.lstrip(" "))
                    above.setdefault(line, []).append(" " * indent + "# " + description(child, root_schema) + "\n")
                walk(value, child, field_path)
        elif isinstance(node, yaml.SequenceNode):
            items = _shape(schema, root_schema, "seq").get("items", {})
            for child in node.value:
                walk(child, items, path + ("[]",))

    walk(yaml.compose(text, Loader=SLOW_LOADER), root_schema, ())
    out = []
    for index, line in enumerate(lines):
        previous = out[-1].strip() if out else ""
        comments = [c for c in above.get(index, []) if c.strip() != previous]
        if comments and not comments[0].startswith(" ") and out and previous:
            out.append("\n")  # a blank line before each top-level part
        out += comments
        out.append(line)
    return "".join(out)


def comment_out_examples(text: str) -> str:
    """Lines between `#example` and `#end` become comments at the block's indentation (delete "# " to use)."""
    out: list[str] = []
    block: list[str] | None = None
    for line in text.splitlines(keepends=True):
        marker = line.strip()
        if marker == EXAMPLE_START:
            block = []
        elif marker == EXAMPLE_END and block is not None:
            base = min((len(l) - len(l.lstrip(" ")) for l in block if l.strip()), default=0)
            # The block's own description stays above it; everything inside, comments too, gets "# " at the
            # block's indentation, so removing that "# " from every line gives valid YAML.
            top = next((i for i, l in enumerate(block) if l.strip() and not l.lstrip().startswith("#")), 0)
            out += block[:top] + [l[:base] + "# " + l[base:] if l.strip() else l for l in block[top:]]
            block = None
        elif block is not None:
            block.append(line)
        else:
            out.append(line)
    return "".join(out + (block or []))
