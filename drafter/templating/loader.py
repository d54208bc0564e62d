"""The template search path as layers (render.ConfinedLoader reads them), and Jinja's errors said in Chinese.

Layers, first found wins: --templates DIR, templates/ beside the form, the per-user folder, the built-ins.
An office's template may extend the one it replaces under the same name ({% extends "report.j2" %} in
its own report.j2): that name then means the next layer down, so the office keeps only the blocks it
changed and the rest follows drafter's upgrades.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from drafter import recache

LAYERED = recache.compile(r"^@(\d+)/(.+)$")  # "@2/report.j2": report.j2 looked up from layer 2 down


def user_templates_dir() -> Path:
    """The per-user folder: %APPDATA%\\drafter\\templates on Windows, else $XDG_CONFIG_HOME (~/.config)."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "drafter" / "templates"


def split_layer(template: str) -> tuple[int, str]:
    """"@2/report.j2" -> (2, "report.j2"): the name looked up from layer 2 down; a plain name from the top."""
    match = LAYERED.match(template)
    return (int(match.group(1)), match.group(2)) if match else (0, template)


def next_layer_extends(source: str, name: str, next_layer: int) -> str:
    """A template extending its own name extends the next layer's template of that name."""
    if name not in source:  # most templates do not extend their own name: no pattern to compile
        return source
    pattern = re.compile(r"(\{%-?\s*extends\s+)([\"'])" + re.escape(name) + r"\2")
    return pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}@{next_layer}/{name}{m.group(2)}", source)


# Jinja's parser messages, in Chinese: (pattern of the English message, Chinese message).
TAGS = ("if", "elif", "else", "endif", "for", "endfor", "block", "endblock", "extends", "include", "import", "from",
        "macro", "endmacro", "set", "endset", "call", "endcall", "filter", "endfilter", "with", "endwith")
SYNTAX_MESSAGES = (
    (re.compile(r"Encountered unknown tag '(\w+)'"), lambda m: f"未知的标签“{m.group(1)}”{did_you_mean(m.group(1), TAGS)}"),
    (re.compile(r"Unexpected end of template.*?'(end\w+)'", re.S | re.I),
     lambda m: f"模板在结束前缺少“{m.group(1)}”"),
    (re.compile(r"unexpected end of template", re.I), lambda m: "模板意外结束（可能缺少 endif、endfor 或 endblock）"),
    (re.compile(r"expected token '([^']+)', got '([^']+)'"), lambda m: f"此处应为“{m.group(1)}”，却是“{m.group(2)}”"),
    (re.compile(r"unexpected '([^']+)'"), lambda m: f"此处不应出现“{m.group(1)}”"),
    (re.compile(r"Block '(\w+)' defined twice"), lambda m: f"块“{m.group(1)}”定义了两次"),
    (re.compile(r"no filter named '(\w+)'"), lambda m: f"没有名为“{m.group(1)}”的过滤器"),
)
UNDEFINED = recache.compile(r"'([^']+)' is undefined")
NO_ATTRIBUTE = recache.compile(r"'([^']+)' has no attribute '([^']+)'")


def did_you_mean(name: str, names) -> str:
    import difflib  # only a missing template needs it

    close = difflib.get_close_matches(name, list(names), n=3, cutoff=0.6)
    return f"，是否要写：{'、'.join(close)}" if close else ""


def syntax_message(message: str) -> str:
    for pattern, say in SYNTAX_MESSAGES:
        match = pattern.search(message or "")
        if match:
            return say(match)
    return f"模板语法错误（{message}）"


def undefined_message(message: str, names) -> str:
    """"'reprot' is undefined" -> "“reprot”未定义，是否要写：report" (the names the context has)."""
    match = UNDEFINED.search(message)
    if match:
        name = match.group(1)
        return f"模板用到的“{name}”不存在{did_you_mean(name, names) or '（可用的名称见 drafter templates show 模板名 --context）'}"
    match = NO_ATTRIBUTE.search(message)
    if match:
        owner = match.group(1).split()[0].rsplit(".", 1)[-1]  # "drafter.form.model.Meta object" -> Meta
        return f"{owner} 没有“{match.group(2)}”这一项{did_you_mean(match.group(2), _fields(match.group(1)))}"
    return f"模板用到的内容不存在（{message}）"


def _fields(described: str) -> list[str]:
    """The fields of a form model object Jinja names ("drafter.form.model.Report object")."""
    from drafter.form import model

    cls = getattr(model, described.split()[0].rsplit(".", 1)[-1], None)
    return list(getattr(cls, "_fields", ()))
