"""Templates: the search path (user first), the context they get, and their errors and sandbox."""

from __future__ import annotations

import re

import pytest

from drafter.document import parse_draft
from drafter.errors import TemplateError
from drafter.form import load_form
from drafter.templating import render_draft, template_search_path
from drafter.templating.render import builtin_templates
from tests.conftest import EXAMPLES, MAIN_EXAMPLE


@pytest.fixture
def report():
    return load_form(MAIN_EXAMPLE).report


def test_user_folder_overrides_one_builtin_template(tmp_path, report):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "opening.j2").write_text("{{ meta.org }}今年干得不错。现报告如下：\n", encoding="utf-8")
    text = render_draft(report, template_search_path(tmp_path, None))
    paragraphs = [b for b in parse_draft(text).blocks if hasattr(b, "runs")]
    assert paragraphs[0].text == "青山县科学技术局今年干得不错。现报告如下："
    assert "2024年工作完成情况" in text  # everything else still comes from the built-ins


def test_templates_folder_beside_the_form_comes_before_builtins(tmp_path, report):
    (tmp_path / "templates").mkdir()
    form = tmp_path / "report.yaml"
    assert template_search_path(None, form) == [tmp_path / "templates", builtin_templates()]
    user = tmp_path / "mine"
    user.mkdir()
    assert template_search_path(user, form)[0] == user


def test_extends_and_blocks_work_for_overrides(tmp_path, report):
    (tmp_path / "report.j2").write_text(
        '{% extends "sections/signature.j2" %}', encoding="utf-8")
    text = render_draft(report, [tmp_path, builtin_templates()])
    assert parse_draft(text).blocks[-1].org == "青山县科学技术局"


def test_no_template_hard_codes_a_year():
    for path in builtin_templates().rglob("*.j2"):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert not any(str(year) in text for year in range(2000, 2100)), path


def test_every_template_opens_with_a_comment_listing_its_context():
    for path in builtin_templates().rglob("*.j2"):
        head = path.read_text(encoding="utf-8")[:600]
        assert head.startswith("{#-") and "Context" in head, path


def test_undefined_variable_names_template_file_and_line(tmp_path, report):
    (tmp_path / "report.j2").write_text("第一行\n{{ meta.orgg }}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_draft(report, [tmp_path])
    assert str(caught.value).startswith(f"{tmp_path / 'report.j2'}:2: 模板出错：")
    assert "orgg" in str(caught.value)


def test_syntax_error_names_template_file_and_line(tmp_path, report):
    (tmp_path / "report.j2").write_text("一\n二\n{% if %}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"report\.j2:3: 模板语法错误"):
        render_draft(report, [tmp_path])


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ meta.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ self._TemplateReference__context }}",
        "{{ heading.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
    ],
)
def test_sandbox_refuses_known_injection_payloads(tmp_path, report, payload):
    (tmp_path / "report.j2").write_text(payload, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_draft(report, [tmp_path])
    assert "root:" not in str(caught.value)


def test_every_example_renders_without_placeholder_years():
    for path in EXAMPLES.glob("*.yaml"):
        report = load_form(path).report
        text = render_draft(report, template_search_path(None, None))
        assert "None" not in text, path
