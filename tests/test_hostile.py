"""Bad input never crashes drafter, loses data, or runs code (docs/reliability.md lists these cases)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.build import build_report
from drafter.document import parse_draft
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.errors import DrafterError, FormError, InputError, OutputError, TemplateError
from drafter.form import load_form
from drafter.form.load import parse_form
from drafter.mining.corpus import Tally, iter_reports
from drafter.reading import read_report
from drafter.templating import render_draft
from drafter.templating.render import builtin_templates
from tests.conftest import MAIN_EXAMPLE, REPO

MINIMAL = "meta: {org: 青山县科学技术局, year: 2024, date: 2024-12-20}\nachievements: {paragraphs: [全年工作扎实推进。]}\n"
REFERENCE = builtin_templates() / "reference.docx"


def problems(text: str) -> list[str]:
    with pytest.raises(FormError) as caught:
        parse_form(text, "f.yaml")
    return [p.message for p in caught.value.problems]


# --- forms -----------------------------------------------------------------------------------------

def test_bytes_in_no_known_encoding(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"meta: \x81\x30\xff\xff\xfe\n")
    with pytest.raises(InputError, match="无法识别文件编码"):
        load_form(path)


def test_a_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"#" * (9 * 1024 * 1024))
    with pytest.raises(InputError, match="文件过大"):
        load_form(path)


def test_alias_bomb_is_refused_quickly_and_in_bounded_memory():
    bomb = "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    start = time.perf_counter()
    assert problems(bomb) == ["表单展开后过大（可能是锚点/别名层层引用），已拒绝读取。"]
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("year: 2024", 'year: "二〇二四年"'), '应为整数，实际为 "二〇二四年"'),
        (("year: 2024", "year: 2024.5"), "年份应为四位数字，如 2024（这里写的是“2024.5”）"),
        (("date: 2024-12-20", "date: 20241220"), "应为文字，实际为 20241220"),
        (("date: 2024-12-20", "date: [2024]"), "应为文字，实际为 列表"),
        (("org: 青山县科学技术局", "org: {a: 1}"), "应为文字，实际为 字段集合"),
        (("org: 青山县科学技术局", "org: ''"), "不能为空"),
        (("achievements: {paragraphs: [全年工作扎实推进。]}", "achievements: []"), "应为字段集合（键: 值），实际为 列表"),
        (("achievements: {paragraphs: [全年工作扎实推进。]}", "achievements: {sections: [{title: 甲, sections: 3}]}"), "应为列表，实际为 3"),
        (("achievements: {paragraphs: [全年工作扎实推进。]}", "achievements: {items: [{lead: 甲, text: 1}]}"), "应为文字，实际为 1"),
    ],
)
def test_wrong_types_at_every_level(edit, message):
    old, new = edit
    assert old in MINIMAL
    assert message in problems(MINIMAL.replace(old, new))[0]


def test_indicator_figures_must_be_finite():
    form = MINIMAL + "indicators: [{id: a, name: 甲, unit: 家, value: .inf, previous: .nan}]\n"
    assert problems(form) == ["应为有限的数字，实际为 inf", "应为有限的数字，实际为 nan"]


def test_a_200_section_form_builds_in_reasonable_time(tmp_path):
    sections = "".join(f"    - {{title: 第{n}项重点工作, paragraphs: [全年推进第{n}项工作，成效明显。]}}\n" for n in range(200))
    form = tmp_path / "big.yaml"
    form.write_text(MINIMAL.replace("achievements: {paragraphs: [全年工作扎实推进。]}", "achievements:\n  sections:\n" + sections), encoding="utf-8")
    start = time.perf_counter()
    result = build_report(form, tmp_path / "big.docx")
    assert time.perf_counter() - start < 10
    assert sum(1 for b in result.document.blocks if getattr(b, "level", 0) == 2) == 200


# --- fuzzing: any YAML text either builds or raises drafter's own error ----------------------------

SCHEMA_WORDS = sorted({*yaml.safe_load((REPO / "schemas" / "report.schema.yaml").read_text(encoding="utf-8"))["properties"],
                       "org", "year", "date", "kind", "title", "sections", "paragraphs", "items", "indicators", "id",
                       "name", "unit", "value", "previous", "target", "rank", "scope", "position", "parts", "lead",
                       "text", "tasks", "goals", "targets", "indicator", "after", "inline", "ids", "status", "task"})
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=12), st.sampled_from(["2024-12-20", "annual", "家", "%", "xx", "完成"]))
trees = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=3),
    st.dictionaries(st.one_of(st.sampled_from(SCHEMA_WORDS), st.text(max_size=4)), children, max_size=4)), max_leaves=14)


def build_in_memory(text: str) -> None:
    """Everything `drafter build` does, without touching the disk."""
    report = parse_form(text, "f.yaml").report
    draft = parse_draft(render_draft(report, [builtin_templates()]))
    write_docx(draft, DocumentInfo(draft.title, report.meta.org, report.meta.date), REFERENCE, report.layout)


def never_crashes(text: str) -> None:
    try:
        build_in_memory(text)
    except DrafterError:
        pass


@pytest.mark.slow  # fuzzing: runs in CI (.ci/run)
@settings(max_examples=1400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=200))
def test_fuzz_any_text(text):
    never_crashes(text)


@pytest.mark.slow  # fuzzing: runs in CI (.ci/run)
@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(trees)
def test_fuzz_any_yaml_structure(tree):
    never_crashes(yaml.safe_dump({"meta": {"org": "甲", "year": 2024, "date": "2024-12-20"}, "achievements": {}, "x": tree}
                                 if not isinstance(tree, dict) else tree, allow_unicode=True))


@pytest.mark.slow  # fuzzing: runs in CI (.ci/run)
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_fuzz_valid_forms_with_one_value_changed(data):
    """Mostly valid forms reach the templates and the writer: change one value of a short example."""
    form = yaml.safe_load((REPO / "docs" / "examples" / "seed001-government-tasks.yaml").read_text(encoding="utf-8"))
    node = form
    path = []
    while isinstance(node, (dict, list)) and node and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(node) if isinstance(node, dict) else list(range(len(node)))))
        path.append(key)
        if not isinstance(node[key], (dict, list)):
            break
        node = node[key]
    if path:
        parent = form
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = data.draw(scalars)
    never_crashes(yaml.safe_dump(form, allow_unicode=True))


NASTY = [
    "", "\x00", "---\n...\n", "meta: !!python/object:os.system 'id'\n", "meta: &a [*a]\n", "? [a]\n: b\n",
    "meta: {org: x, year: 2024, date: 2024-02-30}\nachievements: {}\n",
    "meta: {org: x, year: 99999999999999999999, date: 2024-12-20}\nachievements: {}\n",
    MINIMAL + "indicators: [{id: a, name: 甲, unit: 万元, value: 1e308, previous: 1e-308, target: 0}]\n",
    # the largest figure over the smallest: a growth of about 10**339 %, found by the fuzzer
    "meta: {org: 甲局, year: 2024, date: 2024-12-20}\nachievements: {indicators: [a]}\n"
    "indicators: [{id: a, name: 甲, unit: 家, value: 1.0e+15, previous: 5.0e-324, target: 5.0e-324}]\n",
    MINIMAL + "main_indicators: {ids: []}\nindicators: [{id: a, name: 甲, unit: '%', value: 0, previous: 0, target: 0}]\n",
    MINIMAL.replace("全年工作扎实推进。", "\u202e反向文字\ufeff零宽\u200b"),
    MINIMAL + "layout: {line_pitch: 20, heading_bold: [true, true, true, true], page_numbers: centred}\n",
    MINIMAL + "problems: {inline: true}\nplan: {}\n",
    MINIMAL + "extra_sections: [{title: 甲, after: plan}]\n",
]


@pytest.mark.parametrize("text", NASTY)
def test_seed_corpus_of_nasty_forms(text):
    never_crashes(text)


# --- templates are untrusted ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "payload",
    [
        "{% include '../../../../etc/passwd' %}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ ().__class__.__bases__[0].__subclasses__() }}",
        "{{ report.__class__.__module__ }}{{ report.__dict__ }}",
        "{% for x in range(10**9) %}{% endfor %}",
    ],
)
def test_template_payloads_are_refused(tmp_path, payload):
    (tmp_path / "report.j2").write_text(payload, encoding="utf-8")
    report = parse_form(MINIMAL, "f.yaml").report
    with pytest.raises(TemplateError):
        render_draft(report, [tmp_path, builtin_templates()])


# --- output safety --------------------------------------------------------------------------------

@pytest.fixture
def form(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_bytes(MAIN_EXAMPLE.read_bytes())
    return path


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(tmp_path, form):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(OutputError, match="没有在该文件夹中写文件的权限"):
        build_report(form, folder / "out.docx")


def test_read_only_folder_as_root_is_simulated(tmp_path, form, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="没有在该文件夹中写文件的权限"):
        build_report(form, tmp_path / "out.docx")


def test_output_onto_a_directory_or_missing_folder(tmp_path, form):
    (tmp_path / "dir.docx").mkdir()
    with pytest.raises(OutputError, match="这是一个文件夹"):
        build_report(form, tmp_path / "dir.docx")
    with pytest.raises(OutputError, match="输出文件夹不存在"):
        build_report(form, tmp_path / "nowhere" / "out.docx")


def test_a_build_killed_mid_write_leaves_the_previous_docx_intact(tmp_path, form):
    out = tmp_path / "out.docx"
    build_report(form, out)
    before = out.read_bytes()
    script = (
        "import os, signal, sys\n"
        "import drafter.output as o\n"
        "real = o.os.fdopen\n"
        "class Dying:\n"
        "    def __init__(self, f): self.f = f\n"
        "    def __enter__(self): return self\n"
        "    def __exit__(self, *a): return False\n"
        "    def write(self, data):\n"
        "        self.f.write(data[: len(data) // 2]); self.f.flush(); os.kill(os.getpid(), signal.SIGKILL)\n"
        "o.os.fdopen = lambda fd, mode: Dying(real(fd, mode))\n"
        "from drafter.build import build_report\n"
        "from pathlib import Path\n"
        f"build_report(Path({str(form)!r}), Path({str(out)!r}), force=True)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -signal.SIGKILL
    assert out.read_bytes() == before
    assert load_form(form)  # and the form is untouched too


def test_nothing_left_behind_after_an_error(tmp_path, form, monkeypatch):
    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OutputError, match="写入失败"):
        build_report(form, tmp_path / "out.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]


# --- reading and mining ---------------------------------------------------------------------------

def zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (80 * 1024 * 1024))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("junk.txt", bytes(range(256)) * 8, "这是二进制文件，不是文本文稿。"),
        ("empty.txt", b"", None),
        ("truncated.docx", None, "不是有效的 .docx 文件，或文件已损坏。"),
        ("notzip.docx", b"PK not really a zip", "不是有效的 .docx 文件，或文件已损坏。"),
        ("bomb.docx", "bomb", "文件解压后过大（可能是“压缩炸弹”），已拒绝读取。"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    if content is None:
        path.write_bytes(MAIN_EXAMPLE.read_bytes())  # placeholder, replaced below
        good = build_report(MAIN_EXAMPLE, tmp_path / "good.docx").output.read_bytes()
        path.write_bytes(good[: len(good) // 2])
    elif content == "bomb":
        zip_bomb(path)
    else:
        path.write_bytes(content)
    if message is None:
        assert read_report(path).document.blocks == ()
        return
    with pytest.raises(InputError) as caught:
        read_report(path)
    assert str(caught.value) == f"{path}: {message}"


def test_mixed_encodings_are_read_without_crashing(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("一、工作情况\n".encode("utf-8") + "全年完成任务。\n".encode("gb18030"))
    report = read_report(path)
    assert report.note == f"{path}: 各行编码不一（UTF-8 与 GB18030 混杂），已逐行识别，个别字可能有误。"
    assert [b.text for b in report.document.blocks] == ["工作情况", "全年完成任务。"]


def test_a_self_referencing_anchor_is_refused():
    assert problems("meta: &a [*a]\n") == ["锚点引用了它自身（循环引用），无法读取"]


def test_a_corpus_with_five_percent_bad_files_completes_with_the_right_counts(tmp_path):
    text = "青山县科学技术局2024年工作总结\n一、工作成效\n全年新认定高新技术企业35家，同比增长25%。\n"
    for number in range(1000):
        path = tmp_path / f"{number:04d}.{'docx' if number % 20 == 0 else 'txt'}"
        path.write_bytes(b"not a docx" if number % 20 == 0 else text.replace("35", str(number)).encode())
    tally = Tally()
    files = sorted(tmp_path.iterdir())
    assert sum(1 for _ in iter_reports(files, tally)) == 950
    assert (tally.read, len(tally.skipped)) == (950, 50)
    assert {reason for _, reason in tally.skipped} == {"不是有效的 .docx 文件，或文件已损坏。"}
