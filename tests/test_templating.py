"""Templates: the search path (user first), the context they get, and their errors and sandbox."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest

from drafter.document import Heading, parse_draft
from drafter.errors import TemplateError
from drafter.form import load_form
from drafter.form.model import ExtraSection, Item
from drafter.templating import render_draft, template_search_path
from drafter.templating.context import GLOBALS, make_context
from drafter.templating.context_doc import CONTEXT_DOC, template_facts, with_header
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


def test_every_template_opens_with_its_generated_context_comment():
    env = jinja2.Environment()
    for path in builtin_templates().rglob("*.j2"):
        source = path.read_text(encoding="utf-8")
        assert source.startswith("{#-") and "上下文（自动生成" in source, path
        assert with_header(env, source) == source, f"{path}: run python -m drafter.templating.context_doc templates"


def test_every_name_the_templates_use_is_in_the_documented_context(report):
    env = jinja2.Environment()
    context = make_context(report)
    real = set(context) | set(GLOBALS) | {"extra"}  # extra: the loop variable report.j2 gives extra.j2
    used = set()
    for path in builtin_templates().rglob("*.j2"):
        used |= set(template_facts(env, path.read_text(encoding="utf-8"))[0])
    assert used <= set(CONTEXT_DOC), used - set(CONTEXT_DOC)
    assert set(CONTEXT_DOC) <= real, set(CONTEXT_DOC) - real
    assert set(context) <= set(CONTEXT_DOC) and set(GLOBALS) <= set(CONTEXT_DOC)


@pytest.mark.parametrize(("source", "message"), [
    ("第一行\n{{ reprot.meta.org }}\n", "2: 模板用到的“reprot”不存在，是否要写：report"),
    ("第一行\n{{ meta.orgg }}\n", "2: Meta 没有“orgg”这一项，是否要写：org"),
    ("一\n{% if 1 %}x{% endiff %}\n", "2: 模板语法错误：未知的标签“endiff”，是否要写：endif、endfor、endwith"),
])
def test_template_errors_are_said_in_chinese_with_file_line_and_what_was_meant(tmp_path, report, source, message):
    (tmp_path / "report.j2").write_text(source, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        render_draft(report, [tmp_path])
    assert str(caught.value) == f"{tmp_path / 'report.j2'}:{message}"


def _draft_lines(report, search_path):
    return [line for line in render_draft(report, search_path).splitlines() if line.strip()]


def test_an_office_template_overriding_one_block_changes_only_that_part(tmp_path, report):
    (tmp_path / "report.j2").write_text(
        '{% extends "report.j2" %}\n{% block closing %}\n以上报告，请审阅。\n{% endblock %}\n', encoding="utf-8")
    builtin = _draft_lines(report, template_search_path(None, None))
    office = _draft_lines(report, template_search_path(tmp_path, None))
    changed = [(a, b) for a, b in zip(builtin, office) if a != b]
    assert len(builtin) == len(office) and changed == [("特此报告。", "以上报告，请审阅。")]


def test_docs_example_changing_only_the_problems_lead(tmp_path, report):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "problems.j2").write_text(
        '{% extends "sections/problems.j2" %}\n{% block lead %}对照县委、县政府的要求，工作中还有一些差距：{% endblock %}\n',
        encoding="utf-8")
    builtin = _draft_lines(report, template_search_path(None, None))
    office = _draft_lines(report, template_search_path(tmp_path, None))
    changed = [(a, b) for a, b in zip(builtin, office) if a != b]
    assert len(changed) == 1 and changed[0][1].startswith("对照县委、县政府的要求，工作中还有一些差距：一是企业创新主体")


def test_docs_example_adding_a_task_section_between_two_parts(tmp_path, report):
    (tmp_path / "report.j2").write_text(
        '{% extends "report.j2" %}\n{% block after_achievements %}\n{{ super() }}\n'
        '{{ heading(1, "《政府工作报告》任务落实情况") }}\n'
        '《政府工作报告》确定由我局牵头的3项任务均已完成。\n{% endblock %}\n', encoding="utf-8")
    blocks = parse_draft(render_draft(report, template_search_path(tmp_path, None))).blocks
    parts = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert parts == ["2024年工作完成情况", "《政府工作报告》任务落实情况", "存在的问题", "2025年工作计划"]


def test_the_per_user_folder_comes_after_the_forms_and_before_the_builtins(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("APPDATA", raising=False)
    mine = tmp_path / "config" / "drafter" / "templates"
    mine.mkdir(parents=True)
    (tmp_path / "office" / "templates").mkdir(parents=True)
    path = template_search_path(None, tmp_path / "office" / "r.yaml")
    assert path == [tmp_path / "office" / "templates", mine, builtin_templates()]


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


def test_an_office_template_can_call_the_macros(tmp_path, report):
    (tmp_path / "sections").mkdir()
    (tmp_path / "sections" / "extra.j2").write_text(
        '{% import "sections/macros.j2" as m with context %}\n{{ m.heading(1, extra.title) }}\n'
        '{{ m.indicators(["hightech_value", "enterprise_rd_share", "science_envoys"], "全年，") }}\n{{ m.run(extra.items, "主要做法：") }}\n',
        encoding="utf-8")
    extra = ExtraSection(title="科技特派员工作", items=(Item("下沉服务"), Item("技术培训")))
    text = render_draft(report._replace(extra_sections=(extra,)), template_search_path(tmp_path, None))
    # science_envoys was stated in its own section already: a figure is said once
    assert "全年，高新技术产业增加值达到86.3亿元，同比增长10.8%；规上工业企业研发费用占营业收入比重为1.86%，比上年提高0.14个百分点。" in text
    assert "主要做法：一是下沉服务；二是技术培训。" in text
    assert [b.text for b in parse_draft(text).blocks if isinstance(b, Heading) and b.level == 1][1] == "科技特派员工作"


def test_the_guide_lists_each_templates_blocks():
    guide = (Path(__file__).parent.parent / "docs" / "templates.md").read_text(encoding="utf-8")
    env = jinja2.Environment()
    for path in builtin_templates().rglob("*.j2"):
        name = path.relative_to(builtin_templates()).as_posix()
        row = next(line for line in guide.splitlines() if line.startswith(f"| `{name}` |"))
        blocks = template_facts(env, path.read_text(encoding="utf-8"))[1]
        assert re.findall(r"`(\w+)`", row.rsplit("|", 2)[1]) == blocks, name


def test_a_template_extending_itself_in_a_loop_is_said_in_chinese(tmp_path, report):
    (tmp_path / "report.j2").write_text('{% extends "@0/report.j2" %}\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="模板层层引用自己"):
        render_draft(report, template_search_path(tmp_path, None))


def test_the_context_comment_generator_rewrites_a_stale_header(tmp_path, capsys):
    import shutil

    from drafter.templating.context_doc import main

    shutil.copytree(builtin_templates(), tmp_path / "t", ignore=shutil.ignore_patterns("*.docx", "*.py", "__pycache__"))
    path = tmp_path / "t" / "sections" / "plan.j2"
    fresh = path.read_text(encoding="utf-8")
    path.write_text(fresh.replace("      structure", "      structure_old"), encoding="utf-8")
    main(tmp_path / "t")
    assert path.read_text(encoding="utf-8") == fresh
    assert capsys.readouterr().out == f"已更新：{path}\n"
