"""The YAML mistakes a clerk makes, explained in plain Chinese on the line where they are.

Two kinds: slips that are certain from the text alone (a full-width colon or comma after a field name,
a Tab in the indentation), found before parsing so the parser never blames the next line; and what
the parser trips over, translated from its error into the cause a person can act on. No English
parser phrase ever reaches the user.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from drafter import recache
from drafter.errors import Problem

INDICATORS = "\"'[]{}*&!|>%@`#"  # characters YAML reads specially at the start of a value


@cache
def field_names() -> frozenset[str]:
    """Every field name the report and phrase-bank schemas declare."""
    from drafter.mining.bank import bank_schema
    from drafter.resources import report_schema

    names: set[str] = set()

    def collect(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for child in node.values():
                collect(child)
        elif isinstance(node, list):
            for child in node:
                collect(child)

    collect(report_schema())
    collect(bank_schema())
    return frozenset(names)


def _key_pattern() -> str:
    # longest first, then by name: the same pattern text in every run (a set's order is not)
    return "|".join(sorted(map(re.escape, field_names()), key=lambda key: (-len(key), key)))


def typing_mistakes(text: str, file: str) -> list[Problem]:
    """Mistakes certain from the text: `：` or `，` where YAML needs `:` or `,` after a field name; Tab or
    full-width-space indents."""
    keys = _key_pattern()
    # fixed for a version of drafter (the keys are the schemas'), so kept compiled between runs
    colon = recache.compile(rf"(?:^\s*(?:-\s+)?|[{{,，]\s*)(?:{keys})\s*(：)")
    comma = recache.compile(rf"(，)\s*(?:{keys})\s*[:：]")
    no_space = recache.compile(rf"^\s*(?:-\s+)?((?:{keys}):)(?=[^\s:/])")
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if stripped.startswith("#"):
            continue
        if stripped.startswith("\u3000") and stripped.strip():
            problems.append(Problem(number, len(line) - len(stripped) + 1, "",
                                    f"第{number}行开头有全角空格；YAML 只认半角空格缩进，请把全角空格改为半角空格", file))
            continue
        if stripped.startswith("\t") and stripped.strip():
            problems.append(Problem(number, len(line) - len(stripped) + 1, "",
                                    f"第{number}行用 Tab 键缩进；YAML 只认空格，请把 Tab 改为空格", file))
            continue
        for match in colon.finditer(line) if "：" in line else ():
            problems.append(Problem(number, match.start(1) + 1, "",
                                    f"第{number}行用了全角冒号“：”，请改为半角冒号加空格“: ”", file))
        match = no_space.match(line) if ":" in line else None
        if match:
            problems.append(Problem(number, match.end(1) + 1, "",
                                    f"第{number}行冒号后面缺少空格：请写成“{match.group(1)} …”（半角冒号后加一个空格）", file))
        if "{" in line:
            for match in comma.finditer(line):
                problems.append(Problem(number, match.start(1) + 1, "",
                                        f"第{number}行花括号里用了全角逗号“，”分隔字段，请改为半角逗号加空格“, ”", file))
    return problems


def explain_syntax_error(text: str, exc: yaml.MarkedYAMLError, file: str) -> Problem:
    """The parser's error as the mistake a person made, on that mistake's line."""
    lines = text.splitlines() or [""]
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    problem, context = exc.problem or "", exc.context or ""

    def at(number: int, message: str, col: int | None = None) -> Problem:
        return Problem(number, col or _indent(lines, number) + 1, "", message, file)

    unclosed = _unclosed_quote(lines, line)
    if unclosed:
        start, col, quote = unclosed
        return at(start, f"第{start}行的引号“{quote}”没有配对的结束引号；请在文字末尾补上“{quote}”，或去掉开头的引号", col)
    if "'\\t'" in problem:
        return at(line, f"第{line}行有 Tab 字符；YAML 只认空格缩进，请把 Tab 改为空格", column)
    if "quoted scalar" in context and exc.context_mark:
        start = exc.context_mark.line + 1
        quote = _char(lines, start, exc.context_mark.column)
        return at(start, f"第{start}行的引号“{quote}”没有配对的结束引号；请在文字末尾补上“{quote}”，"
                         "或去掉开头的引号", exc.context_mark.column + 1)
    if "alias" in context or "anchor" in context or "undefined alias" in problem:
        start = (exc.context_mark or mark).line + 1 if (exc.context_mark or mark) else line
        return at(start, f"第{start}行的文字以“*”或“&”开头，YAML 把它当作特殊符号；这样开头的文字请整段加引号，"
                         "如 '*重点工作……'")
    if "could not find expected ':'" in problem and exc.context_mark:
        return _no_colon(lines, exc.context_mark.line + 1, at)
    if "expected <block end>, but found '-'" in problem or "found '<block sequence start>'" in problem:
        return at(line, f"第{line}行的列表项“- ”与同一列表的其他项缩进不一致；请与上面的“- ”对齐")
    if "expected <block end>, but found '<scalar>'" in problem or "expected <block end>, but found '<flow" in problem:
        first = _value_start(lines, line)
        if first and first in INDICATORS:
            return at(line, _indicator_message(line, first))
        return at(line, f"第{line}行的缩进与同一层的其他字段不一致，或上一行的文字没有写完；请检查缩进（同一层用相同数量的空格开头）")
    if "expected <block end>" in problem:
        return at(line, f"第{line}行的缩进与同一层的其他字段不一致；同一层的字段请用相同数量的空格开头")
    if "mapping values are not allowed" in problem:
        return _stray_colon(lines, line, column, at)
    if "flow mapping" in context or "flow sequence" in context:
        start = exc.context_mark.line + 1 if exc.context_mark else line
        closing = "}" if "mapping" in context else "]"
        return at(start, f"第{start}行{'花括号 { }' if closing == '}' else '方括号 [ ]'}里的内容有误：各项之间用半角逗号“,”分隔，"
                        f"字段名后用半角冒号加空格“: ”，并以“{closing}”结束；含逗号或冒号的文字请加引号")
    if "block scalar" in context:
        return at(line, f"第{line}行的“|”或“>”后面只能写在行末，文字请另起一行并缩进")
    if "directive" in context or "directive" in problem:
        return at(line, f"第{line}行以“%”开头，YAML 把它当作指令；这样开头的文字请整段加引号")
    return at(line, f"第{line}行格式有误，无法读取；请检查这一行和上一行的缩进、冒号（半角“: ”）和引号是否配对")


def _unclosed_quote(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """(line, column, quote) of a value opened with a quote that its line does not close, before line `upto`."""
    for number in range(1, min(upto, len(lines)) + 1):
        match = re.match(r"^(\s*(?:-\s+)?(?:[A-Za-z_][\w]*:\s+)?)([\"'])(.*)$", lines[number - 1])
        if not match:
            continue
        quote, rest = match.group(2), match.group(3)
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else "'" in rest
        if not closed:
            return number, len(match.group(1)) + 1, quote
    return None


def _indent(lines: list[str], number: int) -> int:
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    return len(line) - len(line.lstrip(" "))


def _char(lines: list[str], number: int, column: int) -> str:
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    return line[column] if column < len(line) else "\""


def _value_start(lines: list[str], number: int) -> str:
    """The first character of the value on a line: after `- ` or `key: `."""
    line = lines[number - 1].strip() if 0 < number <= len(lines) else ""
    line = re.sub(r"^(-\s+)+", "", line)
    key = re.match(r"^[A-Za-z_][\w]*:\s+", line)
    return (line[key.end():] if key else line)[:1]


def _indicator_message(number: int, first: str) -> str:
    if first in "\"'":
        other = "单" if first == '"' else "双"
        return (f"第{number}行的文字以引号“{first}”开头，YAML 把引号里的部分当作完整的内容，后面的文字就多出来了；"
                f"请把整段文字再用{other}引号括起来，或改用中文引号“”")
    return f"第{number}行的文字以“{first}”开头，YAML 把它当作特殊符号；这样开头的文字请整段加引号，或改用中文括号【】"


def _no_colon(lines: list[str], number: int, at) -> Problem:
    """A line with no colon where a field was expected: a field name without `:`, or text broken off the line above."""
    text = lines[number - 1].strip() if number <= len(lines) else ""
    if re.fullmatch(r"(-\s+)?[A-Za-z_][\w]*(\s+\S.*)?", text):
        return at(number, f"第{number}行缺少冒号：字段名后面要加半角冒号和空格，如“year: 2024”")
    previous = next((n for n in range(number - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), 0)
    if previous and _indent(lines, number) <= _indent(lines, previous):
        return at(number, f"第{number}行似乎是上一行文字的延续（从 Word 粘贴时断开了），但没有缩进；"
                          f"请把它接到第{previous}行末尾，或在行首加空格，比上一行的“-”或字段名缩进更多")
    return at(number, f"第{number}行缺少冒号：字段名后面要加半角冒号和空格“: ”；若这是文字，请检查它的缩进")


def _stray_colon(lines: list[str], number: int, column: int, at) -> Problem:
    """`: ` where YAML cannot start a field: an over-indented field, or a colon inside text."""
    previous = next((n for n in range(number - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")), 0)
    text = lines[number - 1] if number <= len(lines) else ""
    field = re.match(r"^\s*(-\s+)?[A-Za-z_][\w]*:(\s|$)", text)
    at_field_colon = field is not None and column - 1 == text.index(":")
    if previous and at_field_colon and _indent(lines, number) > _indent(lines, previous):
        return at(number, f"第{number}行比上一行多缩进了，但上一行的字段已经有值；同一层的字段请用相同数量的空格开头")
    return at(number, f"第{number}行的文字中有“冒号加空格”，YAML 把它当成了字段；请把整段文字用引号括起来，"
                      "或把这个冒号改为全角冒号“：”", column)
