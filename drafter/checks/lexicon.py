"""Word lists: the built-in words.yaml, an office's drafter-words.yaml beside the draft, and --words FILE.

Each entry names a wrong form, the right one, the context in which the wrong form is wrong, an example
that must be flagged and a correct text that must not. Lists from elsewhere are untrusted: they may give
only literal words, never a regular expression (which could run for hours on a long line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from drafter.errors import InputError

OFFICE_LIST = "drafter-words.yaml"
MAX_LIST_BYTES = 2 * 1024 * 1024

_WORDS = {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 20}, "maxItems": 200}
SCHEMA = {
    "type": "object",
    "required": ["words"],
    "additionalProperties": False,
    "properties": {"words": {"type": "array", "maxItems": 5000, "items": {
        "type": "object",
        "required": ["right", "correct"],
        "additionalProperties": False,
        "properties": {
            "rule": {"type": "string"},
            "wrong": {"type": "string", "minLength": 1, "maxLength": 40},
            "pattern": {"type": "string", "minLength": 1, "maxLength": 300},
            "right": {"type": "string", "minLength": 1, "maxLength": 80},
            "note": {"type": "string", "maxLength": 200},
            "followed_by": _WORDS, "preceded_by": _WORDS, "not_followed_by": _WORDS, "not_preceded_by": _WORDS,
            "example": {"type": "string", "minLength": 1, "maxLength": 500},
            "correct": {"type": "string", "minLength": 1, "maxLength": 500},
            "fix": {"type": "boolean"},
            "severity": {"enum": ["error", "warning", "hint"]},
        },
        "oneOf": [{"required": ["wrong"]}, {"required": ["pattern"]}],
    }}},
}
SCHEMA_WORDS = {"wrong": "错误写法", "right": "正确写法", "correct": "不应报出的正确例句", "pattern": "正则",
                "followed_by": "后接", "preceded_by": "前接", "example": "含错误的例句"}


@dataclass(frozen=True)
class Entry:
    rule: str
    right: str
    correct: str
    wrong: str = ""
    pattern: re.Pattern | None = None
    followed_by: tuple[str, ...] = ()
    preceded_by: tuple[str, ...] = ()
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()
    example: str = ""
    note: str = ""
    fix: bool = False
    severity: str | None = None
    source: str = ""

    def matches(self, text: str):
        """(start, end) of every place the entry's mistake stands in `text`."""
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                # a pattern may begin with its left context ("^|。"): the span starts at the first Han
                start = m.start() + (1 if m.group(0)[:1] in "。；！？" else 0)
                yield start, m.end()
            return
        start = text.find(self.wrong)
        while start >= 0:
            end = start + len(self.wrong)
            if self._in_context(text, start, end):
                yield start, end
            start = text.find(self.wrong, end)

    def _in_context(self, text: str, start: int, end: int) -> bool:
        after, before = text[end:end + 20], text[max(0, start - 20):start]
        if self.followed_by and not after.startswith(self.followed_by):
            return False
        if self.preceded_by and not before.endswith(self.preceded_by):
            return False
        if self.not_followed_by and after.startswith(self.not_followed_by):
            return False
        return not (self.not_preceded_by and before.endswith(self.not_preceded_by))


def load_word_list(text: str, source: str, trusted: bool = False) -> tuple[Entry, ...]:
    """One YAML word list -> entries; any mistake is a Chinese error naming the file (and entry).

    Kept in one function so the project's hardened YAML loader can replace safe_load here.
    """
    import yaml

    from drafter.checks.registry import RULES

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise InputError(f"{source}{where}: 词表不是有效的 YAML，请检查这一行附近的冒号、缩进和括号。") from exc
    except RecursionError as exc:
        raise InputError(f"{source}: 词表嵌套过深。") from exc
    if not trusted:  # the built-in list is checked against the schema by the tests, not on every run
        _validate(data, source)
    entries = []
    for number, item in enumerate(data["words"], start=1):
        rule = item.get("rule", "word.custom")
        if rule not in RULES:
            raise InputError(f"{source}: 词表第 {number} 条的 rule “{rule}”不是已知的检查项。")
        pattern = None
        if "pattern" in item:
            if not trusted:
                raise InputError(f"{source}: 词表第 {number} 条用了 pattern：本单位词表只接受文字（wrong），不接受正则。")
            pattern = re.compile(item["pattern"])
        entries.append(Entry(
            rule, item["right"], item["correct"], item.get("wrong", ""), pattern,
            *(tuple(item.get(k, ())) for k in ("followed_by", "preceded_by", "not_followed_by", "not_preceded_by")),
            item.get("example", ""), item.get("note", ""), item.get("fix", False), item.get("severity"),
            f"{source} 第 {number} 条"))
    return tuple(entries)


def _validate(data, source: str) -> None:
    import jsonschema

    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    if not errors:
        return
    path = list(errors[0].path)
    where = f"第 {path[1] + 1} 条" if len(path) >= 2 else "顶层"
    field = SCHEMA_WORDS.get(str(path[-1]), str(path[-1])) if len(path) > 2 else ""
    raise InputError(f"{source}: 词表{where}{('的“' + field + '”') if field else ''}不符合要求："
                     f"每条需有 wrong（错误写法）、right（正确写法）、correct（不应报出的正确例句），"
                     f"可选 followed_by、preceded_by、not_followed_by、not_preceded_by、example、note、fix。"
                     f"文件顶层应为“words:”列表。")


@lru_cache(maxsize=1)
def builtin_words() -> tuple[Entry, ...]:
    text = resources.files("drafter.checks").joinpath("words.yaml").read_text(encoding="utf-8")
    return load_word_list(text, "words.yaml（内置）", trusted=True)


def read_word_list(path: Path) -> tuple[Entry, ...]:
    """An office's list from a file; bounded read, Chinese errors."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_LIST_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: 无法读取词表（{exc.strerror or exc}）。") from exc
    if len(raw) > MAX_LIST_BYTES:
        raise InputError(f"{path}: 词表超过 2 MB，请拆分或精简。")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: 词表应为 UTF-8 编码的文本文件。") from exc
    return load_word_list(text, str(path))


def word_lists_for(draft: Path, extra: tuple[Path, ...] = ()) -> tuple[Entry, ...]:
    """Built-in entries, then the office list beside the draft, then each --words file."""
    entries = builtin_words()
    beside = draft.parent / OFFICE_LIST
    for path in ((beside,) if beside.is_file() else ()) + tuple(extra):
        entries += read_word_list(path)
    return entries
