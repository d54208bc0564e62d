"""The one hardened YAML reader: YAML 1.2 numbers, core tags only, merge keys, limits, invisible characters,
and the same reader for phrase banks (issue 16, items 4 and 5)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from drafter.errors import FormError, InputError
from drafter.form.load import parse_form
from drafter.form.yaml_source import load_yaml_document, parse_yaml, visible
from drafter.mining.bank import load_bank
from tests.conftest import REPO

FORM = """\
meta:
  org: 青山县科学技术局
  year: 2024
  date: 2024-12-20
indicators:
  - id: a
    name: 高新技术企业
    unit: 家
    value: 45
achievements:
  indicators: [a]
"""


def problems(text: str) -> list[str]:
    with pytest.raises(FormError) as caught:
        parse_form(text, "f.yaml")
    return [str(p) for p in caught.value.problems]


def with_value(typed: str) -> str:
    return FORM.replace("value: 45", f"value: {typed}")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0x1F", 'f.yaml:9:12: indicators[0].value: “0x1F”是十六进制写法；drafter 只读十进制数字，请改为十进制（如 31）'),
        ("0b101", 'f.yaml:9:12: indicators[0].value: “0b101”是二进制写法；drafter 只读十进制数字，请改为十进制（如 5）'),
        ("0o17", 'f.yaml:9:12: indicators[0].value: “0o17”是八进制写法；drafter 只读十进制数字，请改为十进制（如 15）'),
        ("12:30", 'f.yaml:9:12: indicators[0].value: “12:30”不是数字（YAML 1.1 会把它读作六十进制的 750）；请写成十进制数字'),
        ("!!int abc", "f.yaml:9:12: indicators[0].value: 标记“!!int”要求整数，但“abc”不是；请删除标记或改正数值"),
        ("!!int ''", "f.yaml:9:12: indicators[0].value: 标记“!!int”要求整数，但“”不是；请删除标记或改正数值"),
        ("!!float abc", "f.yaml:9:12: indicators[0].value: 标记“!!float”要求数字，但“abc”不是；请删除标记或改正数值"),
        ("!!bool maybe", "f.yaml:9:12: indicators[0].value: 标记“!!bool”要求true 或 false，但“maybe”不是；请删除标记或改正数值"),
        ("!!binary aGVsbG8=", "f.yaml:9:12: indicators[0].value: 不支持的 YAML 标记“!!binary”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("!!set abc", "f.yaml:9:12: indicators[0].value: 不支持的 YAML 标记“!!set”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("!!python/object:os.system id", "f.yaml:9:12: indicators[0].value: 不支持的 YAML 标记“!!python/object:os.system”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("!local 5", "f.yaml:9:12: indicators[0].value: 不支持的 YAML 标记“!local”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("!!map 5", "f.yaml:9:12: indicators[0].value: 标记“!!map”只能用于字段集合，不能用于“5”"),
        ("!!timestamp 2024-01-01", "f.yaml:9:12: indicators[0].value: 不支持的 YAML 标记“!!timestamp”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("1" * 5000, "f.yaml:9:12: indicators[0].value: 数字位数过多（5000 位），不是一个可用的数值"),
        ("!!int " + "1" * 5000, "f.yaml:9:12: indicators[0].value: 标记“!!int”要求整数，但“" + "1" * 5000 + "”不是；请删除标记或改正数值"),
    ],
    ids=lambda v: v[:20],
)
def test_numbers_and_tags_are_what_the_clerk_typed(typed, expected):
    assert problems(with_value(typed)) == [expected]


@pytest.mark.parametrize(("typed", "value"), [("0123", 123), ("!!int 7", 7), ("!!float 7", 7.0), ("!!str 7", 7), ("1e3", 1000.0)])
def test_yaml_1_2_decimal_reading(typed, value):
    assert parse_form(with_value(typed), "f.yaml").report.indicators[0].value == value


def test_a_leading_zero_is_read_as_the_decimal_and_said_so():
    loaded = parse_form(with_value("045"), "f.yaml")
    assert loaded.report.indicators[0].value == 45
    assert "f.yaml:9:12: indicators[0].value: “045”按十进制读作 45" in loaded.notes


def test_yes_and_no_are_text_as_in_yaml_1_2():
    data, _ = parse_yaml("a: yes\nb: on\nc: true\nd: ~\n", "f.yaml")
    assert data == {"a": "yes", "b": "on", "c": True, "d": None}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("03750", "f.yaml:3:9: meta.year: 年份应为四位数字，如 2024（这里写的是“03750”）"),
        ("2024.0", "f.yaml:3:9: meta.year: 年份应为四位数字，如 2024（这里写的是“2024.0”）"),
        ("02024", "f.yaml:3:9: meta.year: 年份应为四位数字，如 2024（这里写的是“02024”）"),
        ("0x7E8", "f.yaml:3:9: meta.year: 年份应为四位数字，如 2024（这里写的是“0x7E8”）"),
    ],
)
def test_years_are_four_digit_integers(typed, expected):
    assert problems(FORM.replace("year: 2024", f"year: {typed}")) == [expected]


@pytest.mark.parametrize(
    ("merge", "expected"),
    [
        ("<<: 5", "f.yaml:14:3: plan: 合并键“<<”后面应为锚点引用的字段集合（如 <<: *基本信息），或这样的列表；请改正或删除这一行"),
        ("<<: *list", "f.yaml:14:3: plan: 合并键“<<”后面应为锚点引用的字段集合（如 <<: *基本信息），或这样的列表；请改正或删除这一行"),
    ],
)
def test_merge_keys_get_chinese_messages(merge, expected):
    text = FORM + "extra: &list [1, 2]\nplan:\n  " + merge + "\n"
    assert expected in problems(text)


def test_merge_of_a_mapping_still_works():
    text = FORM.replace("meta:\n", "base: &base\n  org: 青山县科学技术局\nmeta:\n  <<: *base\n").replace("  org: 青山县科学技术局\n  year", "  year")
    assert problems(text) == ["f.yaml:1:1: base: 不认识的字段“base”（可能是拼写错误；此处可用的字段有：achievements、closing、extra_sections、indicators、layout、main_indicators、meta、opening、phrases、plan、plan_review、problems）"]


@pytest.mark.parametrize("field", ["org", "title", "signer"])
def test_core_property_texts_over_255_characters_are_refused_at_validate(field):
    text = FORM.replace("  year: 2024\n", f"  year: 2024\n  {field}: {'科' * 256}\n") if field != "org" else FORM.replace("青山县科学技术局", "科" * 256)
    assert [p.split(": ", 2)[-1] for p in problems(text)] == ["文字过长：最多 255 个字，这里有 256 个字"]


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\v", "000B"), ("\\uFFFE", "FFFE"), ("\\e[31m", "001B"), ("\\x1e", "001E"), ("\\uFDD0", "FDD0"), ("\\x85", "0085")],
)
def test_control_and_non_characters_are_refused_with_line_and_column(escape, code):
    text = FORM.replace("name: 高新技术企业", f'name: "高新{escape}技术企业"')
    (message,) = problems(text)
    assert message.startswith("f.yaml:7:11: indicators[0].name: 含有不可见的控制字符")
    assert f"U+{code}" in message and "\x1b" not in message


def test_raw_control_characters_are_located_exactly():
    text = FORM.replace("高新技术企业", "高新\x0b技术企业")
    assert problems(text) == ["f.yaml:7:13: 含有不可见的控制字符或非字符 U+000B（多由复制粘贴带入），Word 文档无法保存，请删除"]


def test_escape_sequences_are_never_printed_raw():
    text = 'meta: {org: x, year: 2024, date: 2024-12-20}\nachievements: {}\n"\\e[2J\\e]0;pwned\\a": 1\n'
    for message in problems(text):
        assert "\x1b" not in message and "\x07" not in message
    assert visible("a\x1b[31mb") == "aU+001B[31mb"


def test_alias_bomb_recursion_and_depth_are_refused():
    bomb = "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    start = time.perf_counter()
    assert problems(bomb) == ["f.yaml:1:1: 表单展开后过大（可能是锚点/别名层层引用），已拒绝读取。"]
    assert time.perf_counter() - start < 2
    assert problems("a: &a {b: *a}\n") == ["f.yaml:1:4: a.b: 锚点引用了它自身（循环引用），无法读取"]
    assert "嵌套超过 64 层" in problems("a: " + "[" * 80 + "]" * 80 + "\n")[0]


def test_text_reaches_the_model_as_text_only():
    text = FORM.replace("  indicators: [a]\n", '  paragraphs: ["{{ 7*7 }}{% raw %}<w:p/>&amp;", "# 不是标题", "一、不是标题"]\n')
    report = parse_form(text, "f.yaml").report
    assert report.achievements.paragraphs == ("{{ 7*7 }}{% raw %}<w:p/>&amp;", "# 不是标题", "一、不是标题")


# --- the same reader for phrase banks and word lists --------------------------------------------

def bank_problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_bank(path)
    return [p.message for p in caught.value.problems]


def test_the_shipped_bank_passes_the_hardened_reader():
    bank = load_bank(REPO / "seeds" / "phrasebank.yaml")
    assert bank.entries("sentences") == load_bank().entries("sentences")


def test_bank_with_wrong_types_is_refused_with_positions(tmp_path):
    data = {key: value[:3] if isinstance(value, list) else value for key, value in load_bank().data.items()}
    data["documents"] = "很多"
    data["openings"][0]["count"] = [1]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    assert bank_problems(tmp_path, text) == ['应为整数，实际为 "很多"', "应为整数，实际为 列表"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &a [*a]\n", "锚点引用了它自身（循环引用），无法读取"),
        ("version: 1\nx: \"\\e[31m红\"\n", "含有不可见的控制字符 U+001B（ESC，终端控制序列），请删除"),
        ("version: 1\nx: \"\\x1e一、INJECTED\"\n", "含有不可见的控制字符 U+001E（drafter 文稿的内部标记），请删除"),
        ("version: !!python/name:os.system 1\n", "不支持的 YAML 标记“!!python/name:os.system”；请删除它（drafter 只认文字、数字、true/false、列表和字段集合）"),
        ("version: 1\nversion: 1\n", "字段“version”重复出现（第 1 行已有）"),
        ("", "短语库为空。"),
    ],
)
def test_hostile_banks_are_refused(tmp_path, text, message):
    assert bank_problems(tmp_path, text)[0] == message


def test_bank_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))
    start = time.perf_counter()
    assert bank_problems(tmp_path, bomb) == ["短语库展开后过大（可能是锚点/别名层层引用），已拒绝读取。"]
    assert time.perf_counter() - start < 3


def test_load_yaml_document_for_other_files(tmp_path):
    """The function word lists use: a schema of their own, problems with file:line:col."""
    path = tmp_path / "words.yaml"
    path.write_text("words:\n  - 高质量发展\n  - 42\n", encoding="utf-8")
    schema = {"type": "object", "properties": {"words": {"type": "array", "items": {"type": "string"}}}}
    with pytest.raises(FormError) as caught:
        load_yaml_document(path, schema, what="词表")
    assert [str(p) for p in caught.value.problems] == [f"{path}:3:5: words[1]: 应为文字，实际为 42"]
    path.write_text("words: [高质量发展]\n", encoding="utf-8")
    data, source = load_yaml_document(path, schema, what="词表")
    assert data == {"words": ["高质量发展"]} and source.position(("words", 0)) == (1, 9)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_refused_not_read(tmp_path):
    fifo = tmp_path / "form.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="不是普通文件"):
        load_yaml_document(fifo)
    if Path("/dev/zero").exists():
        with pytest.raises(InputError, match="不是普通文件"):
            load_yaml_document(Path("/dev/zero"))


def test_jinja_and_xml_in_form_text_reach_the_docx_verbatim(tmp_path):
    from drafter.build import build_report
    from tests.docx_reading import text_dump

    form = tmp_path / "f.yaml"
    inert = ["{{ 7*7 }}{% for x in range(3) %}甲{% endfor %}", "<w:p><w:r><w:t>注入</w:t></w:r></w:p>&amp;&lt;", "h1 一、不是标题"]
    form.write_text(FORM.replace("  indicators: [a]\n", "  paragraphs:\n" + "".join(f"    - '{t}'\n" for t in inert)), encoding="utf-8")
    dump = text_dump(build_report(form, tmp_path / "f.docx").output)
    for text in inert:
        assert text in dump
    assert "49" not in dump and "甲甲甲" not in dump


@pytest.mark.skipif(os.name == "nt", reason="POSIX file names are bytes")
def test_a_bank_with_a_non_utf8_file_name_reads_back_and_is_named_printably(tmp_path):
    path = tmp_path / os.fsdecode(b"\xb6\xcc\xd3\xef.yaml")  # 短语 in GBK: not UTF-8
    path.write_bytes((REPO / "seeds" / "phrasebank.yaml").read_bytes())
    assert load_bank(path).entries("openings") == load_bank().entries("openings")
    path.write_text("version: 2\n", encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_bank(path)
    message = str(caught.value)
    message.encode("utf-8")  # printable: no lone surrogates
    assert "U+DCB6U+DCCC" in message


# --- fuzzing the bank reader: any text or structure is a bank or drafter's own error ---------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from drafter.errors import DrafterError  # noqa: E402
from drafter.mining.bank import KINDS  # noqa: E402

BANK_WORDS = ["version", "documents", "files", *KINDS, "text", "count", "docs", "section", "examples", "file", "line",
              "level", "indicator", "verb", "object", "pmi"]
bank_scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(), st.text(max_size=8),
                         st.sampled_from(["achievements", "plans", "{N}", "\x1e", "\x1b[2J", "\ufffe"]))
bank_trees = st.recursive(bank_scalars, lambda children: st.one_of(
    st.lists(children, max_size=3), st.dictionaries(st.sampled_from(BANK_WORDS), children, max_size=5)), max_leaves=20)


SEEDS_BANK = load_bank().data
SMALL_BANK = {"version": 1, "documents": 1, "files": ["a.txt"], **{kind: SEEDS_BANK[kind][:2] for kind in KINDS}}


def bank_never_crashes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        bank = load_bank(path)
    except DrafterError:
        return
    for kind in KINDS:
        bank.best(kind)


@pytest.mark.slow  # fuzzing: runs in CI (.ci/run)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=120))
def test_fuzz_bank_any_text(tmp_path, text):
    bank_never_crashes(tmp_path, text)


@pytest.mark.slow  # fuzzing: runs in CI (.ci/run)
@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(bank_trees)
def test_fuzz_bank_any_structure(tmp_path, tree):
    base = {**SMALL_BANK}
    if isinstance(tree, dict):
        base.update(tree)
    else:
        base["openings"] = tree
    # libyaml's dumper when present: the pure-Python one took half of this test's time
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    bank_never_crashes(tmp_path, yaml.dump(base, Dumper=dumper, allow_unicode=True))
