"""Read a YAML form into plain data while remembering where every value stands in the file."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter.encoding import decode_text, read_input
from drafter.errors import FormError, InputError, Problem

# Aliases let a few lines expand into billions of nodes ("billion laughs"); a real form has a few
# thousand at most, so refuse anything that expands past this many.
MAX_NODES = 200_000
MAX_DEPTH = 64  # the schema nests about 12 deep; YAML itself allows a cycle through an alias
MAX_FORM_BYTES = 8 * 1024 * 1024  # a form with 200 sections is about 100 KB

PathKey = tuple  # ("indicators", 3, "value")
# libyaml's composer gives the same nodes and marks ten times faster; pure Python where it is missing.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class SourceMap:
    """Positions (1-based line, column) of every value and every mapping key in the form."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        path = tuple(path)
        while path not in table and path:
            path = path[:-1]
        return table.get(path, self.values.get(path, (1, 1)))

    def problem(self, path: PathKey, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(line, column, format_path(path), message, self.file)


def format_path(path: PathKey) -> str:
    """("indicators", 3, "value") -> "indicators[3].value"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_source(path: Path) -> tuple[str, str | None]:
    """Read a form file's text; a missing or unreadable file is an InputError."""
    raw = read_input(path, MAX_FORM_BYTES, "不像是 drafter 表单。", "请指定表单文件（.yaml）。")
    return decode_text(raw, str(path))


def _compose(text: str):
    try:
        return yaml.compose(text, Loader=COMPOSER)
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError):
        # libyaml words its errors differently (and leaves out which character); the pure-Python
        # composer says exactly what is wrong, and a broken form can afford it.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, file: str) -> tuple[object, SourceMap]:
    """Compose YAML text into plain data plus a SourceMap; syntax errors carry line and column."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "格式错误"
        raise FormError([Problem(line, column, "", f"YAML 语法错误：{_yaml_reason(reason)}", file)]) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"含有不可见的控制字符 U+{exc.character:04X}（多由复制粘贴带入），请删除" if isinstance(exc.character, int) else str(exc)
        raise FormError([Problem(line, column, "", message, file)]) from exc
    except yaml.YAMLError as exc:
        raise FormError([Problem(1, 1, "", f"YAML 语法错误：{exc}", file)]) from exc
    if root is None:
        raise FormError([Problem(1, 1, "", "表单为空，请先用 drafter init 生成表单再填写。", file)])
    builder = _Builder(file)
    data = builder.build(root, ())
    if builder.problems:
        raise FormError(builder.problems)
    return data, builder.source_map


_YAML_REASONS = {
    "found character '\\t' that cannot start any token": "不能用制表符（Tab）缩进，请改用空格",
    "mapping values are not allowed here": "此处不能出现冒号，冒号后需加空格，含冒号的文字请加引号",
    "could not find expected ':'": "缺少冒号“:”",
    "found undefined alias": "引用了未定义的锚点",
}


def _yaml_reason(reason: str) -> str:
    for english, chinese in _YAML_REASONS.items():
        if reason.startswith(english):
            return f"{chinese}（{reason}）"
    return reason


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording positions on the way."""

    def __init__(self, file: str):
        self.source_map = SourceMap(file)
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self.count = 0
        self.open: set[int] = set()  # the collections being built, to catch an alias that contains itself

    def build(self, node: yaml.Node, path: PathKey):
        self.count += 1
        if self.count > MAX_NODES:
            raise FormError([Problem(1, 1, "", "表单展开后过大（可能是锚点/别名层层引用），已拒绝读取。", self.source_map.file)])
        self.source_map.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.open:
            raise FormError([Problem(*where, format_path(path), "锚点引用了它自身（循环引用），无法读取", self.source_map.file)])
        if len(path) > MAX_DEPTH:
            raise FormError([Problem(*where, format_path(path), f"嵌套超过 {MAX_DEPTH} 层，不像是 drafter 表单", self.source_map.file)])
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(child, path + (index,)) for index, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict:
        own = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
        self.constructor.flatten_mapping(node)  # resolves "<<": merged pairs first, then the node's own
        merged = len(node.value) - own
        result: dict = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if index < merged:  # merged values are defaults the node's own keys may override
                key = self._scalar(key_node)
                if isinstance(key, (str, int)) and str(key) not in result:
                    result[str(key)] = self.build(value_node, path + (str(key),))
                continue
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self._problem(key_node, path, "字段名必须是文字")
                continue
            key = str(key)
            if key in result and path + (key,) in self.source_map.keys:
                self._problem(key_node, path + (key,), f"字段“{key}”重复出现（第 {self.source_map.keys[path + (key,)][0]} 行已有）")
                continue
            self.source_map.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result

    def _scalar(self, node: yaml.ScalarNode):
        # Dates stay text: the schema checks their format and the model parses them, so that
        # `2024-12-20` and `"2024-12-20"` mean the same thing.
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        try:
            return self.constructor.construct_object(node)
        except yaml.constructor.ConstructorError:
            return node.value

    def _problem(self, node: yaml.Node, path: PathKey, message: str) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(line, column, format_path(path), message, self.source_map.file))
