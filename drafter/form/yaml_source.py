"""Read YAML (a form, a phrase bank, a word list) into plain data while remembering where every value
stands in the file.

This is the one hardened YAML reader of drafter. It reads YAML 1.2 core values only: `0123` is the
decimal 123, `0x1F`, `0b101`, `12:30` and `1_000` stay as typed (text, which the schema then refuses
where a number belongs), `yes`/`no` are text. Tags other than the core ones, aliases that expand too
far or contain themselves, duplicate keys, control characters and non-characters are refused, each
with its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from drafter import recache
from drafter.encoding import decode_text
from drafter.safeio import read_bounded
from drafter.errors import FormError, InputError, Problem

# Aliases let a few lines expand into billions of nodes ("billion laughs"); a real form has a few
# thousand at most, so refuse anything that expands past this many.
MAX_NODES = 200_000
MAX_DEPTH = 64  # the schema nests about 12 deep; YAML itself allows a cycle through an alias
MAX_FORM_BYTES = 8 * 1024 * 1024  # a form with 200 sections is about 100 KB
MAX_DIGITS = 30  # every figure the schema allows fits in 16 digits; int() of 5000 digits raises

PathKey = tuple  # ("indicators", 3, "value")
# libyaml's composer gives the same nodes and marks ten times faster; pure Python where it is missing.
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

PLAIN = "drafter:plain"  # an untagged plain scalar, typed by drafter (YAML 1.2 core), not by PyYAML (1.1)
CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, MAP, SEQ = (CORE + name for name in ("str", "int", "float", "bool", "null", "map", "seq"))

NULLS = {"", "~", "null", "Null", "NULL"}
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
INT_RE = recache.compile(r"[-+]?[0-9]+")
FLOAT_RE = recache.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
INF_RE = recache.compile(r"[-+]?\.(inf|Inf|INF)")
NAN_RE = recache.compile(r"\.(nan|NaN|NAN)")
NUMBER_STARTS = frozenset("+-.0123456789")  # the characters the four patterns above can start with


def _plain_resolving(base):
    """A loader class that leaves every untagged plain scalar to drafter (PyYAML would apply YAML 1.1)."""
    class Loader(base):
        def resolve(self, kind, value, implicit):
            if kind is yaml.ScalarNode:
                return PLAIN if implicit[0] else STR
            return super().resolve(kind, value, implicit)
    return Loader


FAST_LOADER = _plain_resolving(COMPOSER)
SLOW_LOADER = _plain_resolving(yaml.SafeLoader)


@dataclass
class SourceMap:
    """Positions (1-based line, column) of every value and every mapping key, and plain scalars as typed."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    typed: dict[PathKey, str] = field(default_factory=dict)  # plain scalars as written: "0123", "2024.0"
    flow: set[PathKey] = field(default_factory=set)  # mappings written {a: 1}, not over lines

    def text_with_colon(self, path: PathKey, value: object) -> bool:
        """A one-key block mapping where text was meant: `- 全年完成: 35家` read as {全年完成: 35家}."""
        return isinstance(value, dict) and len(value) == 1 and tuple(path) not in self.flow

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
        text += f"[{part}]" if isinstance(part, int) else (f".{visible(str(part))}" if text else visible(str(part)))
    return text


# C0 controls but Tab, LF and CR; DEL and the C1 controls; surrogates; the non-characters U+FDD0…U+FDEF
# and the last two code points of each of the 17 planes (U+FFFE, U+FFFF, U+1FFFE…)
BAD_CHARACTER = recache.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | last) for plane in range(17) for last in (0xFFFE, 0xFFFF)) + "]")


def bad_character(text: str) -> str | None:
    """The first character Word cannot store or a draft must not carry: C0/C1 controls (ESC, VT, the
    draft's directive marker U+001E), non-characters (U+FFFE, U+FDD0…) and lone surrogates."""
    if text.isprintable():  # every one of them is unprintable (Cc, Cs, Cn): most values end here, in C
        return None
    found = BAD_CHARACTER.search(text)
    return found.group() if found else None


def visible(text: str) -> str:
    """Text safe to print on a terminal: control and non-characters shown as U+XXXX, never raw."""
    if bad_character(text) is None:
        return text
    return "".join(f"U+{ord(c):04X}" if bad_character(c) else c for c in text)


def read_source(path: Path, limit: int = MAX_FORM_BYTES, what: str = "表单") -> tuple[str, str | None]:
    """Read a text file through safeio's bounded reader (st_size is not trusted: /dev/zero reports 0; a
    pipe swapped in after the check is not waited on), with the form's own words for a folder or a device."""
    name = visible(str(path))
    if path.is_dir():
        raise InputError(f"{name}: 这是一个文件夹，请指定{what}文件（.yaml）。")
    if path.exists() and not path.is_file():
        raise InputError(f"{name}: 不是普通文件（设备、管道等），不能作为{what}读取。")
    try:
        raw = read_bounded(path, limit, f" drafter {what}")
    except InputError as exc:
        raise InputError(name + str(exc)[len(str(path)):]) from None  # the path shown printably
    return decode_text(raw, name)


def load_yaml_document(path: Path, schema: dict | None = None, *, limit: int = MAX_FORM_BYTES,
                       max_nodes: int = MAX_NODES, what: str = "文件") -> tuple[object, SourceMap]:
    """Read a YAML file drafter did not write itself (a bank, a word list) through the hardened reader and,
    with `schema`, check it against that JSON Schema. Any problem is a FormError with file:line:col."""
    text, _ = read_source(path, limit, what)
    data, source = parse_yaml(text, visible(str(path)), max_nodes=max_nodes, what=what)
    if schema is not None:
        from drafter.form.validate import schema_problems

        problems = schema_problems(data, source, schema)
        if problems:
            raise FormError(problems)
    return data, source


def _compose(text: str):
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except (yaml.MarkedYAMLError, yaml.reader.ReaderError):
        # libyaml words its errors differently (and leaves out which character); the pure-Python
        # composer says exactly what is wrong, and a broken form can afford it.
        return yaml.compose(text, Loader=SLOW_LOADER)


def parse_yaml(text: str, file: str, *, max_nodes: int = MAX_NODES, what: str = "表单") -> tuple[object, SourceMap]:
    """Compose YAML text into plain data plus a SourceMap; every problem carries line and column."""
    from drafter.form.yaml_mistakes import explain_syntax_error, typing_mistakes

    mistakes = typing_mistakes(text, file)
    if mistakes:
        raise FormError(mistakes)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise FormError([explain_syntax_error(text, exc, file)]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        code = exc.character if isinstance(exc.character, int) else 0
        raise FormError([Problem(line, column, "", _invisible_message(code), file)]) from None
    except yaml.YAMLError as exc:
        raise FormError([Problem(1, 1, "", "YAML 格式有误，无法读取。", file)]) from exc
    if root is None:
        raise FormError([Problem(1, 1, "", "表单为空，请先用 drafter init 生成表单再填写。" if what == "表单" else f"{what}为空。", file)])
    if _expanded_size(root, {}, 0) > max_nodes:
        raise FormError([Problem(1, 1, "", f"{what}展开后过大（可能是锚点/别名层层引用），已拒绝读取。", file)])
    builder = _Builder(file, max_nodes, what, text.splitlines())
    data = builder.build(root, ())
    if builder.problems:
        raise FormError(builder.problems)
    return data, builder.source_map


def _expanded_size(node: yaml.Node, sizes: dict[int, int], depth: int) -> int:
    """How many nodes the document has once every alias is expanded, counted over the shared nodes only
    (so a billion-laughs file is measured in microseconds, before anything is built)."""
    if id(node) in sizes:
        return sizes[id(node)]
    if isinstance(node, yaml.ScalarNode) or depth > MAX_DEPTH:
        return 1
    sizes[id(node)] = 1  # an alias to a collection being measured (a cycle) counts once; the builder refuses it
    children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) else node.value
    sizes[id(node)] = 1 + sum(_expanded_size(child, sizes, depth + 1) for child in children)
    return sizes[id(node)]


def _invisible_message(code: int) -> str:
    if code == 0x1E:
        return "含有不可见的控制字符 U+001E（drafter 文稿的内部标记），请删除"
    if code == 0x1B:
        return "含有不可见的控制字符 U+001B（ESC，终端控制序列），请删除"
    return f"含有不可见的控制字符或非字符 U+{code:04X}（多由复制粘贴带入），Word 文档无法保存，请删除"


def tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else visible(tag)


def core_value(tag: str, text: str):
    """The value of a scalar with an explicit core tag; ValueError when the text does not fit the tag."""
    if tag == STR:
        return text
    if tag == NULL and text in NULLS:
        return None
    if tag == BOOL and text in BOOLS:
        return BOOLS[text]
    if tag == INT and INT_RE.fullmatch(text):
        return int(text)
    if tag == FLOAT and (FLOAT_RE.fullmatch(text) or INT_RE.fullmatch(text)):
        return float(text)
    if tag == FLOAT and (INF_RE.fullmatch(text) or NAN_RE.fullmatch(text)):
        return float(text.replace(".", ""))
    raise ValueError(text)


def plain_value(text: str):
    """An untagged plain scalar as YAML 1.2's core schema reads it."""
    if text in NULLS:
        return None
    if text in BOOLS:
        return BOOLS[text]
    if text[:1] not in NUMBER_STARTS:  # most values are words: no number pattern can match them
        return text
    if INT_RE.fullmatch(text):
        return int(text)
    if FLOAT_RE.fullmatch(text) or INF_RE.fullmatch(text) or NAN_RE.fullmatch(text):
        return core_value(FLOAT, text)
    return text


TAG_WANTS = {INT: "整数", FLOAT: "数字", BOOL: "true 或 false", NULL: "空值", STR: "文字"}


class _Builder:
    """Turns composed nodes into dicts, lists and scalars, recording positions on the way."""

    def __init__(self, file: str, max_nodes: int = MAX_NODES, what: str = "表单", lines: list[str] | None = None):
        self.what = what
        self.lines = lines or []
        self.source_map = SourceMap(file)
        self.problems: list[Problem] = []
        self.count = 0
        self.max_nodes = max_nodes
        self.open: set[int] = set()  # the collections being built, to catch an alias that contains itself

    def build(self, node: yaml.Node, path: PathKey):
        self.count += 1
        if self.count > self.max_nodes:
            raise FormError([Problem(1, 1, "", f"{self.what}展开后过大（可能是锚点/别名层层引用），已拒绝读取。", self.source_map.file)])
        self.source_map.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        where = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.open:
            raise FormError([Problem(*where, format_path(path), "锚点引用了它自身（循环引用），无法读取", self.source_map.file)])
        if len(path) > MAX_DEPTH:
            raise FormError([Problem(*where, format_path(path), f"嵌套超过 {MAX_DEPTH} 层，不像是 drafter 的文件", self.source_map.file)])
        expected = MAP if isinstance(node, yaml.MappingNode) else SEQ
        if node.tag != expected:
            self._problem(node, path, f"不支持的 YAML 标记“{tag_name(node.tag)}”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）")
        if isinstance(node, yaml.MappingNode) and node.flow_style:
            self.source_map.flow.add(path)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, path)
            return [self.build(child, path + (index,)) for index, child in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict:
        result: dict = {}
        merges = []
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == PLAIN and key_node.value == "<<":
                merges.append((key_node, value_node))
                continue
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                self._problem(key_node, path, "字段名必须是文字（冒号前面的部分）")
                continue
            key = str(key)
            if key in result:
                first = self.source_map.keys[path + (key,)][0]
                self._problem(key_node, path + (key,), f"字段“{visible(key)}”重复出现（第 {first} 行已有）")
                continue
            self.source_map.keys[path + (key,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        for key_node, value_node in merges:  # merged values are defaults the node's own keys override
            for merged in self._merge_sources(key_node, value_node, path):
                for key, value in self.build(merged, path + ("<<",)).items():
                    result.setdefault(key, value)
        return result

    def _merge_sources(self, key_node, value_node, path) -> list[yaml.MappingNode]:
        sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
        if all(isinstance(source, yaml.MappingNode) for source in sources):
            return sources
        self._problem(key_node, path, "合并键“<<”后面应为锚点引用的字段集合（如 <<: *基本信息），或这样的列表；请改正或删除这一行")
        return []

    def _scalar(self, node: yaml.ScalarNode, path: PathKey):
        text = node.value
        if bad_character(text):
            self._problem(node, path, _invisible_message(ord(bad_character(text))))
            return ""
        if node.tag == PLAIN and node.end_mark.line > node.start_mark.line:
            self._absorbed_list_items(node, path)
        if node.tag == PLAIN:
            digits = len(text.lstrip("+-"))
            if digits > MAX_DIGITS and INT_RE.fullmatch(text):
                self._problem(node, path, f"数字位数过多（{digits} 位），不是一个可用的数值")
                return None
            self.source_map.typed[path] = text
            return plain_value(text)
        if node.tag in TAG_WANTS:
            try:
                if node.tag == INT and len(text) > MAX_DIGITS:
                    raise ValueError(text)
                return core_value(node.tag, text)
            except ValueError:
                self._problem(node, path, f"标记“{tag_name(node.tag)}”要求{TAG_WANTS[node.tag]}，但“{visible(text)}”不是；请删除标记或改正数值")
                return text
        if node.tag in (MAP, SEQ):
            self._problem(node, path, f"标记“{tag_name(node.tag)}”只能用于{'字段集合' if node.tag == MAP else '列表'}，不能用于“{visible(text)}”")
        else:
            self._problem(node, path, f"不支持的 YAML 标记“{tag_name(node.tag)}”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）")
        return text

    def _absorbed_list_items(self, node: yaml.ScalarNode, path: PathKey) -> None:
        """`- a` followed by a deeper `  - b`: YAML folds the second item into the first's text."""
        for index in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(self.lines))):
            line = self.lines[index]
            if line.lstrip().startswith("- "):
                column = len(line) - len(line.lstrip()) + 1
                self.problems.append(Problem(index + 1, column, format_path(path),
                                             f"第{index + 1}行的列表项“- ”比上面的列表项缩进多，被并进了上一段文字；请与上面的“- ”对齐",
                                             self.source_map.file))

    def _problem(self, node: yaml.Node, path: PathKey, message: str) -> None:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(Problem(line, column, format_path(path), message, self.source_map.file))
