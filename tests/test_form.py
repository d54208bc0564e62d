"""The form: YAML with positions, schema messages in Chinese, rules beyond the schema, the model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from drafter.errors import FormError, InputError
from drafter.form import load_form
from drafter.form.load import parse_form
from tests.conftest import EXAMPLES

MINIMAL = """\
meta:
  org: 青山县科学技术局
  year: 2024
  date: 2024-12-20
achievements:
  sections:
    - title: 聚焦主体培育，创新能力持续增强
      paragraphs: [全年新认定高新技术企业35家。]
"""


def problems_of(text: str) -> list[str]:
    with pytest.raises(FormError) as caught:
        parse_form(text, "report.yaml")
    return [str(p) for p in caught.value.problems]


def test_minimal_form_loads_into_the_typed_model():
    report = parse_form(MINIMAL, "report.yaml").report
    assert report.meta.org == "青山县科学技术局"
    assert report.meta.date == dt.date(2024, 12, 20)
    assert report.meta.kind == "annual"
    assert report.achievements.sections[0].paragraphs == ("全年新认定高新技术企业35家。",)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_form_is_valid(path: Path):
    assert load_form(path).report.meta.year >= 2017


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("value: 12.6", "value: 很多"), 'report.yaml:10:12: indicators[0].value: 应为数字，实际为 "很多"'),
        (("  kind: annual", "  kinds: annual"), "report.yaml:5:3: meta.kinds: 不认识的字段“kinds”（是否应为“kind”？）"),
        (("  kind: annual", "  type: annual"), "report.yaml:5:3: meta.type: 不认识的字段“type”（可能是拼写错误；此处可用的字段有：date、kind、org、period、recipient、region、sealed、signer、title、year）"),
        (("  date: 2024-12-20", "  date: 2024-13-01"), 'report.yaml:4:9: meta.date: 应为日期，如 2024-12-20，实际为 "2024-13-01"'),
        (("  kind: annual", "  kind: yearly"), 'report.yaml:5:9: meta.kind: 应为以下之一：annual、midyear、multi-year，实际为 "yearly"'),
        (("    unit: 亿元", "    unit: 5"), "report.yaml:9:11: indicators[0].unit: 应为文字，实际为 5"),
        (("  - id: rd", "  - id: R&D"), 'report.yaml:7:9: indicators[0].id: 只能用小写英文字母、数字和下划线，并以字母开头，实际为 "R&D"'),
        (("      indicators: [rd]", "      indicators: [rdx]"), "report.yaml:15:20: achievements.sections[0].indicators[0]: 引用的指标“rdx”不存在（请先在 indicators 中定义）"),
        (("      paragraphs: [全年新认定高新技术企业35家。]", "      paragraphs: 35"), "report.yaml:14:19: achievements.sections[0].paragraphs: 应为文字或列表，实际为 35"),
    ],
)
def test_each_problem_is_located_and_worded(edit, expected):
    form = """\
meta:
  org: 青山县科学技术局
  year: 2024
  date: 2024-12-20
  kind: annual
indicators:
  - id: rd
    name: 全社会R&D经费投入
    unit: 亿元
    value: 12.6
achievements:
  sections:
    - title: 聚焦主体培育
      paragraphs: [全年新认定高新技术企业35家。]
      indicators: [rd]
"""
    old, new = edit
    assert old in form
    assert problems_of(form.replace(old, new)) == [expected]


def test_a_misspelt_required_key_gives_both_problems_with_a_suggestion():
    form = MINIMAL.replace("    - title:", "    - titel:")
    assert problems_of(form) == [
        "report.yaml:7:7: achievements.sections[0]: 缺少必填字段“title”",
        "report.yaml:7:7: achievements.sections[0].titel: 不认识的字段“titel”（是否应为“title”？）",
    ]


def test_all_problems_at_once_sorted_by_line():
    form = MINIMAL.replace("year: 2024", "year: 二〇二四年").replace("      paragraphs:", "      paragraph:")
    form += "closing: 3\n"
    problems = problems_of(form)
    assert [p.split(":")[1] for p in problems] == ["3", "8", "9"]
    with pytest.raises(FormError) as caught:
        parse_form(form, "report.yaml")
    assert str(caught.value).endswith("共 3 处错误")


def test_unknown_key_points_at_the_key_itself():
    problems = problems_of(MINIMAL + "  extra: 1\n")
    assert problems == [
        "report.yaml:9:3: achievements.extra: 不认识的字段“extra”（可能是拼写错误；此处可用的字段有：indicators、items、paragraphs、sections、title）"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meta: [1\n", "report.yaml:1:1: 第1行方括号 [ ]里的内容有误"),
        ("meta:\n\torg: x\n", "report.yaml:2:1: 第2行用 Tab 键缩进；YAML 只认空格，请把 Tab 改为空格"),
        ("meta: a: b\n", "report.yaml:1:8: 第1行的文字中有“冒号加空格”"),
        ("", "report.yaml:1:1: 表单为空，请先用 drafter init 生成表单再填写。"),
        ("- a\n- b\n", "report.yaml:1:1: 表单的最外层应为字段集合"),
    ],
)
def test_yaml_syntax_errors_have_line_and_column(text, expected):
    assert problems_of(text)[0].startswith(expected)


def test_duplicate_keys_are_errors_not_silently_the_last():
    form = MINIMAL.replace("  year: 2024\n", "  year: 2024\n  year: 2025\n")
    assert problems_of(form) == ["report.yaml:4:3: meta.year: 字段“year”重复出现（第 3 行已有）"]


def test_alias_bomb_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ", ".join([f"*{previous}"] * 10) + "]\n"
    assert problems_of(bomb) == ["report.yaml:1:1: 表单展开后过大（可能是锚点/别名层层引用），已拒绝读取。"]


def test_anchors_and_merge_keys_still_work():
    form = MINIMAL + """\
indicators:
  - &base {id: a, name: 专利授权量, unit: 件, value: 1}
  - {<<: *base, id: b}
"""
    report = parse_form(form, "report.yaml").report
    assert [i.id for i in report.indicators] == ["a", "b"]
    assert report.indicator("b").name == "专利授权量"


def test_control_characters_are_refused_with_the_field():
    form = MINIMAL.replace("全年新认定", "全年\x0b新认定")
    assert problems_of(form) == ["report.yaml:8:22: 含有不可见的控制字符或非字符 U+000B（多由复制粘贴带入），Word 文档无法保存，请删除"]


def test_control_characters_in_escaped_strings_are_refused_with_the_field():
    form = MINIMAL.replace("[全年新认定高新技术企业35家。]", '["全年\\x1e新认定"]')
    assert problems_of(form) == [
        "report.yaml:8:20: achievements.sections[0].paragraphs[0]: 含有不可见的控制字符 U+001E（drafter 文稿的内部标记），请删除"
    ]


def test_headings_deeper_than_four_levels_are_refused():
    form = MINIMAL + """\
      sections:
        - title: 三级
          sections:
            - title: 四级
              sections:
                - title: 五级
"""
    assert problems_of(form) == ["report.yaml:14:19: achievements.sections[0].sections[0].sections[0].sections[0]: 标题层级过深：最多四级（一、（一）1.（1）），此处为第 5 级"]


def test_multi_year_needs_a_period():
    form = MINIMAL.replace("  date:", "  kind: multi-year\n  date:")
    assert problems_of(form) == ["report.yaml:2:3: meta: 多年总结（kind: multi-year）须填写 period，如 {start: 2020-01, end: 2024-12}"]


def test_referenced_indicator_without_value_is_a_warning_not_an_error():
    form = MINIMAL + "      indicators: [rd]\nindicators:\n  - {id: rd, name: 全社会R&D经费投入, unit: 亿元}\n"
    warnings = [str(w) for w in parse_form(form, "report.yaml").warnings]
    assert warnings == ["report.yaml:9:20: achievements.sections[0].indicators[0]: 警告：引用的指标“rd”尚未填写本年数值（value），文稿中将显示“（待填写）”"]


def test_gbk_file_is_read_with_a_note(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_bytes(MINIMAL.encode("gb18030"))
    loaded = load_form(path)
    assert loaded.report.meta.org == "青山县科学技术局"
    assert loaded.notes == (f"{path}: 按 GB18030（GBK）编码读取；建议另存为 UTF-8。",)


def test_bom_and_crlf_are_fine(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode())
    assert load_form(path).report.meta.year == 2024


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="文件不存在"):
        load_form(tmp_path / "nope.yaml")
