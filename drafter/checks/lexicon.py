"""Word lists: the built-in words.yaml, an office's drafter-words.yaml beside the draft, and --words FILE.

Each entry names a wrong form, the right one, the context in which the wrong form is wrong, an example
that must be flagged and a correct text that must not. Lists from elsewhere are untrusted: they may give
only literal words, never a regular expression (which could run for hours on a long line).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from drafter import recache
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

class Entry(NamedTuple):
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
    """One YAML word list -> entries. A list from elsewhere goes through drafter's hardened YAML reader
    and the schema, every problem a Chinese message with file:line:col; the built-in list, checked by
    the tests, is read with libyaml (its parse kept between runs) for speed."""
    from drafter.checks.registry import RULES

    if trusted:
        from drafter.resources import packaged_yaml

        data = packaged_yaml(text)
    else:
        from drafter.errors import FormError
        from drafter.form.validate import schema_problems
        from drafter.form.yaml_source import parse_yaml

        data, where = parse_yaml(text, source, what="词表")
        problems = schema_problems(data, where, SCHEMA)
        if problems:
            raise FormError(problems)
    entries = []
    for number, item in enumerate(data["words"], start=1):
        rule = item.get("rule", "word.custom")
        if rule not in RULES:
            raise InputError(f"{source}: 词表第 {number} 条的 rule “{rule}”不是已知的检查项。")
        pattern = None
        if "pattern" in item:
            if not trusted:
                raise InputError(f"{source}: 词表第 {number} 条用了 pattern：本单位词表只接受文字（wrong），不接受正则。")
            pattern = recache.compile(item["pattern"])  # the built-in list only: fixed for a version
        entries.append(Entry(
            rule, item["right"], item["correct"], item.get("wrong", ""), pattern,
            *(tuple(item.get(k, ())) for k in ("followed_by", "preceded_by", "not_followed_by", "not_preceded_by")),
            item.get("example", ""), item.get("note", ""), item.get("fix", False), item.get("severity"),
            f"{source} 第 {number} 条"))
    return tuple(entries)


@lru_cache(maxsize=1)
def builtin_words() -> tuple[Entry, ...]:
    text = resources.files("drafter.checks").joinpath("words.yaml").read_text(encoding="utf-8")
    return load_word_list(text, "words.yaml（内置）", trusted=True)


def read_word_list(path: Path) -> tuple[Entry, ...]:
    """An office's list from a file: bounded read (st_size not trusted), Chinese errors."""
    from drafter.form.yaml_source import read_source

    text, _ = read_source(path, MAX_LIST_BYTES, "词表")
    return load_word_list(text, str(path))


def word_lists_for(draft: Path, extra: tuple[Path, ...] = ()) -> tuple[Entry, ...]:
    """Built-in entries, then the office list beside the draft, then each --words file."""
    entries = builtin_words()
    beside = draft.parent / OFFICE_LIST
    for path in ((beside,) if beside.is_file() else ()) + tuple(extra):
        entries += read_word_list(path)
    return entries
