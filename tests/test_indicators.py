"""Indicator arithmetic and wording: exact sentences, and the invariants under any numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import indicators as facts
from drafter.form.model import Indicator, Part, Rank, Target


@pytest.mark.parametrize(
    ("indicator", "sentence"),
    [
        (Indicator("a", "全社会R&D经费投入", "亿元", 12.6, 11.2, 12, Rank("全市", 2)),
         "全社会R&D经费投入达到12.6亿元，同比增长12.5%，完成年度目标的105%，居全市第2位"),
        (Indicator("b", "R&D经费投入强度", "%", 2.45, 2.33),
         "R&D经费投入强度达到2.45%，比上年提高0.12个百分点"),
        (Indicator("c", "财政科技支出占比", "%", 3.5, 3.62),
         "财政科技支出占比达到3.5%，比上年降低0.12个百分点"),
        (Indicator("d", "技术合同登记数", "项", 250, 265),
         "技术合同登记数达到250项，同比下降5.7%"),
        (Indicator("e", "科技特派员", "名", 120, 120), "科技特派员达到120名，与上年持平"),
        (Indicator("f", "专利授权量", "件", 1268, None, parts=(Part("发明专利", 186),)),
         "专利授权量达到1268件（其中发明专利186件）"),
        (Indicator("g", "孵化器", "家", 3, 0), "孵化器达到3家"),
        (Indicator("h", "新认定高新技术企业", "家", 35, 28, 30), "新认定高新技术企业达到35家，同比增长25%，完成年度目标的116.7%"),
    ],
)
def test_indicator_sentences(indicator, sentence):
    assert facts.indicator_sentence(indicator) == sentence


@pytest.mark.parametrize(
    ("indicator", "target", "sentence"),
    [
        (Indicator("a", "全社会R&D经费投入", "亿元", 12.6), Target("a", 14), "全社会R&D经费投入力争达到14亿元，增长11.1%"),
        (Indicator("b", "R&D经费投入强度", "%", 2.45), Target("b", 2.6, "确保"), "R&D经费投入强度确保达到2.6%，提高0.15个百分点"),
        (Indicator("c", "科技特派员", "名", None), Target("c", 130), "科技特派员力争达到130名"),
    ],
)
def test_target_sentences(indicator, target, sentence):
    assert facts.target_sentence(indicator, target) == sentence


@pytest.mark.parametrize(("value", "text"), [(12.60, "12.6"), (35, "35"), (0.1 + 0.2, "0.30000000000000004"), (1e-7, "0.0000001"), (2000.0, "2000")])
def test_number_style_has_no_exponent_and_no_trailing_zeros(value, text):
    assert facts.format_number(value) == text


@pytest.mark.parametrize(("number", "text"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五")])
def test_chinese_numerals(number, text):
    assert facts.chinese_numeral(number) == text


amounts = st.floats(min_value=0.01, max_value=1e7, allow_nan=False).map(lambda x: round(x, 2))


@given(value=amounts, previous=amounts)
def test_direction_word_matches_the_sign(value, previous):
    phrase = facts.change_phrase(Indicator("x", "指标", "万元", value, previous))
    growth = facts.growth_percent(value, previous)
    if growth > 0:
        assert phrase.startswith("同比增长")
    elif growth < 0:
        assert phrase.startswith("同比下降")
    else:
        assert phrase == "与上年持平"
    assert "-" not in phrase


@given(value=st.floats(0, 100).map(lambda x: round(x, 2)), previous=st.floats(0, 100).map(lambda x: round(x, 2)))
def test_shares_change_in_percentage_points_never_in_percent(value, previous):
    phrase = facts.change_phrase(Indicator("x", "比重", "%", value, previous))
    assert "%" not in phrase
    assert phrase == "与上年持平" or phrase.endswith("个百分点")


@given(value=amounts, previous=amounts)
def test_the_same_figure_rounds_the_same_everywhere(value, previous):
    growth = facts.growth_percent(value, previous)
    assert growth == growth.quantize(Decimal("0.1"))
    sentence = facts.indicator_sentence(Indicator("x", "指标", "万元", value, previous))
    if growth != 0:
        assert f"{facts.format_number(abs(growth))}%" in sentence
