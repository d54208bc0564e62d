"""render_draft: report -> draft text through the sandboxed Jinja templates."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
from jinja2.loaders import split_template_path
from jinja2.sandbox import SecurityError

from drafter.errors import DrafterError, TemplateError
from drafter.form.model import Report
from drafter.resources import templates_dir
from drafter.safeio import read_bounded
from drafter.templating.cache import bytecode_cache
from drafter.templating.context import FILTERS, GLOBALS, make_context
from drafter.templating.loader import next_layer_extends, split_layer, syntax_message, undefined_message, user_templates_dir
from drafter.templating.sandbox import BoundedEnvironment, BudgetExceeded

MAX_TEMPLATE_BYTES = 1024 * 1024  # the largest built-in template is under 10 KB

def builtin_templates() -> Path:
    return Path(str(templates_dir()))


def template_search_path(user_dir: Path | None, form_path: Path | None) -> list[Path]:
    """--templates DIR first, then templates/ beside the form, then the per-user folder, then the built-ins."""
    path = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"{user_dir}: 模板文件夹不存在。")
        path.append(user_dir)
    beside = form_path.parent / "templates" if form_path is not None else None
    if beside is not None and beside.is_symlink():
        raise TemplateError(f"{beside}: 表单旁的模板文件夹是符号链接，为防止读入别处的文件，不予使用。")
    if beside is not None and beside.is_dir():
        path.append(beside)
    if user_templates_dir().is_dir():
        path.append(user_templates_dir())
    path.append(builtin_templates())
    return path


def locate_template(folder: Path, name: str) -> Path | None:
    """The file `name` in `folder`, or None; a TemplateError when reaching it would leave the folder.

    Every step from the folder down is checked: a symbolic link (to ~/.ssh/id_rsa, or a folder linked
    to /etc) or a path resolving elsewhere would put another file's content into the draft.
    """
    try:
        pieces = split_template_path(name)
    except jinja2.TemplateNotFound:
        return None
    candidate = folder.joinpath(*pieces)
    if not os.path.lexists(candidate):
        return None
    step = folder
    for piece in pieces:
        step = step / piece
        if os.path.islink(step):
            raise TemplateError(f"{step}: 是符号链接，为防止读入模板文件夹以外的文件，不予使用；请换成普通文件。")
    root = os.path.realpath(folder)
    if os.path.commonpath([root, os.path.realpath(candidate)]) != root:
        raise TemplateError(f"{candidate}: 位于模板文件夹 {folder} 以外，不予使用。")
    return candidate if os.path.isfile(candidate) else None


def read_template(path: Path) -> str:
    """A template's text: a bounded read of a regular file, UTF-8, not empty."""
    try:
        raw = read_bounded(path, MAX_TEMPLATE_BYTES, "模板")
    except DrafterError as exc:
        raise TemplateError(str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: 模板不是 UTF-8 编码（第 {exc.start + 1} 个字节起），请另存为 UTF-8。") from exc
    if not text.strip():
        # a copy cut short by a full disk must not build an empty report that looks like success
        raise TemplateError(f"{path}: 模板文件是空的（可能复制时磁盘已满），请重新复制或删除它。")
    return text


class ConfinedLoader(jinja2.BaseLoader):
    """FileSystemLoader's search order, reading only regular files inside each folder.

    The folders are layers: an office's template that extends the one it replaces under the same name
    ({% extends "report.j2" %} in its own report.j2) gets the next layer's, so it keeps only its changes.
    """

    def __init__(self, search_path: list[Path]):
        self.search_path = search_path

    def get_source(self, environment, template):
        start, name = split_layer(template)
        for index in range(start, len(self.search_path)):
            path = locate_template(self.search_path[index], name)
            if path is not None:
                mtime = os.path.getmtime(path)
                source = next_layer_extends(read_template(path), name, index + 1)
                return source, str(path), lambda: os.path.getmtime(path) == mtime
        raise jinja2.TemplateNotFound(name)

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.search_path:
            for root, dirs, files in os.walk(folder):  # os.walk does not enter linked folders
                dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(root, d))]
                for file in files:
                    path = Path(root, file)
                    if not path.is_symlink():
                        found.add(path.relative_to(folder).as_posix())
        return sorted(found)


def make_environment(search_path: list[Path]) -> BoundedEnvironment:
    env = BoundedEnvironment(
        loader=ConfinedLoader(search_path),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=bytecode_cache(),
    )
    env.globals.update(GLOBALS)
    env.add_filters(FILTERS)
    return env


def render_draft(report: Report, search_path: list[Path], name: str = "report.j2", bank_loader=None,
                 phrase_log: list | None = None) -> str:
    """Render the report's draft text; any template failure becomes a TemplateError naming file:line.

    bank_loader gives an office's phrase bank, read only when a template asks (none: neutral defaults);
    phrase_log, when given, receives each phrase chosen and where it came from.
    """
    env = make_environment(search_path)
    context = make_context(report, bank_loader)
    if phrase_log is not None:
        context["phrases"].log = phrase_log
    try:
        return env.render_bounded(env.get_template(name), context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: 模板语法错误：{syntax_message(exc.message)}") from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板“{exc.name}”（查找位置：{'；'.join(map(str, search_path))}）。") from exc
    except (SyntaxError, RecursionError, MemoryError) as exc:
        # Python's own limits on the code Jinja generates: 25 nested loops, 200 nested macros, 3000 nested ifs
        cycle = "（extends、include 或宏形成了循环时也会这样）" if isinstance(exc, RecursionError) else ""
        raise TemplateError(f"{_template_location(exc)}: 模板嵌套或递归过深，或模板层层引用自己{cycle}，无法运行。") from exc
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError, AttributeError, KeyError,
            OverflowError, ZeroDivisionError, IndexError, jinja2.TemplateRuntimeError) as exc:
        where = _template_location(exc)
        if isinstance(exc, jinja2.UndefinedError):
            raise TemplateError(f"{where}: {undefined_message(str(exc), [*context, *env.globals])}") from exc
        kind = ("模板超出限制" if isinstance(exc, BudgetExceeded) else
                "模板访问了不允许的内容" if isinstance(exc, SecurityError) else "模板出错")
        raise TemplateError(f"{where}: {kind}：{exc}") from exc


def _template_location(exc: BaseException) -> str:
    """file:line of the innermost template frame in the traceback Jinja rewrote for us."""
    location = "模板"
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            location = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return location


def template_names(search_path: list[Path]) -> list[str]:
    return sorted(make_environment(search_path).list_templates(extensions=["j2"]))


def find_template(name: str, search_path: list[Path]) -> Path:
    for folder in search_path:
        candidate = locate_template(folder, name)
        if candidate is not None:
            return candidate
    raise TemplateError(f"找不到模板“{name}”。可用的模板：{'、'.join(template_names(search_path))}")


