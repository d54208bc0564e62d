"""Untrusted templates, reference .docx files and paths from other offices (docs/reliability.md)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from drafter.commands.templates import copy_template, show_template
from drafter.errors import DrafterError, OutputError, TemplateError
from drafter.form import load_form
from drafter.templating import render_draft, template_search_path
from drafter.templating import sandbox
from drafter.templating.render import builtin_templates
from tests.conftest import MAIN_EXAMPLE

SECRET = "BEGIN-SECRET-KEY-42"


@pytest.fixture(scope="module")
def report():
    return load_form(MAIN_EXAMPLE).report


def render_with(tmp_path: Path, report, files: dict[str, str], name: str = "t.j2") -> str:
    folder = tmp_path / "tpl"
    for file, text in files.items():
        (folder / file).parent.mkdir(parents=True, exist_ok=True)
        (folder / file).write_text(text, encoding="utf-8")
    return render_draft(report, [folder, builtin_templates()], name=name)


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "id_rsa"
    path.write_text(SECRET)
    return path


# --- the loader reads only files inside the template folders -------------------------------------

def test_a_template_that_is_a_symlink_is_refused(tmp_path, report, secret):
    folder = tmp_path / "tpl" / "sections"
    folder.mkdir(parents=True)
    (folder / "opening.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="符号链接") as caught:
        render_draft(report, [tmp_path / "tpl", builtin_templates()])
    assert SECRET not in str(caught.value)


def test_an_include_of_a_symlinked_file_is_refused(tmp_path, report, secret):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "leak.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="符号链接"):
        render_with(tmp_path, report, {"t.j2": "{% include 'leak.j2' %}"})


def test_a_linked_folder_is_refused(tmp_path, report, secret):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "etc").symlink_to(tmp_path)
    with pytest.raises(TemplateError, match="符号链接"):
        render_with(tmp_path, report, {"t.j2": "{% include 'etc/id_rsa' %}"})


def test_a_symlinked_templates_folder_beside_the_form_is_refused(tmp_path, secret):
    (tmp_path / "templates").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(TemplateError, match="符号链接"):
        template_search_path(None, tmp_path / "report.yaml")


def test_templates_show_and_list_do_not_follow_links(tmp_path, secret):
    (tmp_path / "report.j2").symlink_to(secret)
    with pytest.raises(TemplateError, match="符号链接"):
        show_template("report.j2", [tmp_path, builtin_templates()])


def test_an_empty_template_is_refused_not_rendered_as_an_empty_report(tmp_path, report):
    with pytest.raises(TemplateError, match="模板文件是空的"):
        render_with(tmp_path, report, {"t.j2": ""})


def test_a_fifo_in_the_template_folder_is_refused_without_hanging(tmp_path, report):
    (tmp_path / "tpl").mkdir()
    os.mkfifo(tmp_path / "tpl" / "pipe.j2")
    with pytest.raises(DrafterError):
        render_with(tmp_path, report, {"t.j2": "{% include 'pipe.j2' %}"})


# --- templates run within a time and memory budget --------------------------------------------------

GIANTS = [
    "{{ 'a' * 10**9 }}",
    "{{ 'a' * 1000000000 }}",
    "{{ [1] * 1000000000 }}",
    "{{ 10 ** 100000000 }}",
    "{{ 'x' | center(1000000000) }}",
    "{{ 'x'.center(1000000000) }}",
    "{{ 'x'.ljust(1000000000) }}",
    "{{ '%0999999999d' % 1 }}",
    "{{ '%0999999999d' | format(1) }}",
    "{{ '{:>999999999}'.format(1) }}",
    "{{ '{:>{}}'.format(1, 999999999) }}",
    "{{ '%*d' % (999999999, 1) }}",
    "{{ '%*d' | format(999999999, 1) }}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "{% set ns = namespace(s=[1]) %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "{% set ns = namespace(n=3) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s|replace('a', 'aa') %}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s.replace('a', 'aa') %}{% endfor %}",
    "{% set ns = namespace(s=['ab']) %}{% for i in range(64) %}{% set ns.s = [ns.s|join, ns.s|join] %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{{ 'x' * 100 }}{% endfor %}{% endfor %}",
    "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) or '' }}{% endfor %}",
]


@pytest.mark.parametrize("source", GIANTS)
def test_giants_are_refused_quickly(tmp_path, report, source):
    start = time.perf_counter()
    with pytest.raises(TemplateError, match="t.j2|模板"):
        render_with(tmp_path, report, {"t.j2": source})
    assert time.perf_counter() - start < 5


LOOPS = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% macro f(n) %}{{ f(n) }}{{ f(n) }}{% endmacro %}{{ f(1) }}",
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
    "{% set l = [1] %}{% for x in l %}{{ l.append(x) or '' }}{% endfor %}",
]


@pytest.mark.parametrize("source", LOOPS)
def test_endless_work_stops_at_the_time_limit(tmp_path, report, source, monkeypatch):
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1.0)
    start = time.perf_counter()
    with pytest.raises(TemplateError):
        render_with(tmp_path, report, {"t.j2": source})
    assert time.perf_counter() - start < 6


@pytest.mark.parametrize("source", [
    "{% for a in [1] %}" * 25 + "x" + "{% endfor %}" * 25,           # Python: too many statically nested blocks
    "{% macro m() %}" * 200 + "{% endmacro %}" * 200,                # Python: too many levels of indentation
    "{% if true %}" * 3000 + "x" + "{% endif %}" * 3000,
    "{{ " + "(" * 100000 + "1" + ")" * 100000 + " }}",
])
def test_templates_nested_past_pythons_limits_are_refused(tmp_path, report, source):
    with pytest.raises(TemplateError, match="嵌套或递归过深"):
        render_with(tmp_path, report, {"t.j2": source})


def test_compile_time_folding_builds_no_giant(tmp_path, report):
    start = time.perf_counter()
    with pytest.raises(TemplateError):
        render_with(tmp_path, report, {"t.j2": "{% if false %}{{ 'a' * 10**9 }}{{ 'b'|center(999999999) }}{% endif %}"
                                                "{{ 'a' * 10**9 }}"})
    assert time.perf_counter() - start < 2


def test_normal_arithmetic_and_formatting_still_work(tmp_path, report):
    text = render_with(tmp_path, report, {"t.j2": "{{ '%05.1f' % 3.14159 }} {{ 'ab' * 3 }} {{ 2 ** 10 }} "
                                                  "{{ '{:,}'.format(1234567) }} {{ '{:>{}}'.format(1, 3) }} {{ [1, 2] + [3] }} {{ 'x' ~ 1 }}"
                                                  "{% for i in range(3) %}{{ i }}{% endfor %}"
                                                  "{{ range(5)|list|length }} {{ 1000000000000000 }}"})
    assert text == "003.1 ababab 1024 1,234,567   1 [1, 2, 3] x10125 1000000000000000"


def test_form_text_that_looks_like_a_format_is_just_text(tmp_path, report):
    text = render_with(tmp_path, report, {"t.j2": "{{ sentence(['占比%1234567', '{:>9999999}'], '') }}"})
    assert "%1234567" in text and "{:>9999999}" in text


def test_the_builtin_report_renders_with_the_budget(report):
    text = render_draft(report, template_search_path(None, None))
    assert "一、" in text or "工作" in text


# --- templates copy ---------------------------------------------------------------------------------

def test_templates_copy_refuses_a_dangling_symlink(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "report.j2").symlink_to(tmp_path / "nowhere.j2")
    with pytest.raises(OutputError, match="已存在"):
        copy_template("report.j2", [builtin_templates()], folder)
    assert not (tmp_path / "nowhere.j2").exists()


def test_templates_copy_refuses_a_name_leaving_the_folder(tmp_path):
    with pytest.raises(TemplateError, match="找不到模板"):
        copy_template("../report.j2", [builtin_templates()], tmp_path / "templates")
    assert not (tmp_path / "report.j2").exists()


def test_templates_copy_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        target = copy_template("report.j2", [builtin_templates()], tmp_path / "templates")
    finally:
        os.umask(old)
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert target.read_text(encoding="utf-8") == (builtin_templates() / "report.j2").read_text(encoding="utf-8")
