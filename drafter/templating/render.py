"""render_draft: report -> draft text through the sandboxed Jinja templates."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from drafter.errors import TemplateError
from drafter.form.model import Report
from drafter.resources import templates_dir
from drafter.templating.context import FILTERS, GLOBALS, make_context
from drafter.templating.loader import LayeredLoader, syntax_message, undefined_message, user_templates_dir

def builtin_templates() -> Path:
    return Path(str(templates_dir()))


def template_search_path(user_dir: Path | None, form_path: Path | None) -> list[Path]:
    """--templates DIR first, then templates/ beside the form, then the per-user folder, then the built-ins."""
    path = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"{user_dir}: 模板文件夹不存在。")
        path.append(user_dir)
    if form_path is not None and (form_path.parent / "templates").is_dir():
        path.append(form_path.parent / "templates")
    if user_templates_dir().is_dir():
        path.append(user_templates_dir())
    path.append(builtin_templates())
    return path


def make_environment(search_path: list[Path]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=LayeredLoader(search_path),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.globals.update(GLOBALS)
    env.filters.update(FILTERS)
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
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: 模板语法错误：{syntax_message(exc.message)}") from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"找不到模板“{exc.name}”（查找位置：{'；'.join(map(str, search_path))}）。") from exc
    except (jinja2.UndefinedError, SecurityError, TypeError, ValueError, AttributeError, KeyError,
            OverflowError, RecursionError, ZeroDivisionError) as exc:
        where = _template_location(exc)
        if isinstance(exc, jinja2.UndefinedError):
            raise TemplateError(f"{where}: {undefined_message(str(exc), [*context, *env.globals])}") from exc
        kind = "模板访问了不允许的内容" if isinstance(exc, SecurityError) else "模板出错"
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
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise TemplateError(f"找不到模板“{name}”。可用的模板：{'、'.join(template_names(search_path))}")


