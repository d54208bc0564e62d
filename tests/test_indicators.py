"""Indicator arithmetic and wording: exact sentences, and the invariants under any numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import indicators as facts
from drafter.form.model import Indicator, Part, Rank, Target


@pytest.mark.parametrize(
    ("indicator", "shape", "sentence"),
    [
        # rises: 达到 only of a level that rose, a verb phrase for what the office did
        (Indicator("rd_expenditure", "全社会R&D经费投入", "亿元", 12.6, 11.2, 12, Rank("全市", 2)), 0,
         "全社会R&D经费投入达到12.6亿元，同比增长12.5%，完成年度目标的105%，居全市第2位"),
        (Indicator("rd_intensity", "R&D经费投入强度", "%", 2.45, 2.33), 0, "R&D经费投入强度达到2.45%，比上年提高0.12个百分点"),
        (Indicator("science_envoys", "科技特派员", "名", 126, 118), 0, "选派科技特派员126名，同比增长6.8%"),
        (Indicator("science_envoys", "科技特派员", "名", 126, 118), 1, "选派科技特派员126名，比上年增加8名"),
        (Indicator("hightech_new", "新认定高新技术企业", "家", 35, 28, 30), 0,
         "新认定高新技术企业35家，同比增长25%，完成年度目标的116.7%"),
        (Indicator("hightech_total", "高新技术企业有效总数", "家", 156, 136), 2, "高新技术企业有效总数达到156家，增长14.7%"),
        # falls and flat values: never 达到
        (Indicator("rd_intensity", "R&D经费投入强度", "%", 2.41, 2.56), 0, "R&D经费投入强度为2.41%，比上年降低0.15个百分点"),
        (Indicator("tech_contracts", "技术合同登记数", "项", 250, 265), 0, "登记技术合同250项，同比下降5.7%"),
        (Indicator("tech_contracts", "技术合同登记数", "项", 250, 265), 1, "登记技术合同250项，比上年减少15项"),
        (Indicator("hightech_total", "高新技术企业有效总数", "家", 130, 138), 0, "高新技术企业有效总数为130家，同比下降5.8%"),
        (Indicator("trainings", "科技培训", "场次", 80, 80), 2, "开展科技培训80场次，与上年持平"),
        (Indicator("fiscal_st_share", "财政科技支出占一般公共预算支出比重", "%", 3.5, 3.5), 1,
         "财政科技支出占一般公共预算支出比重为3.5%，与上年持平"),
        # missing previous value, parts, no value yet
        (Indicator("tech_sme", "科技型中小企业评价入库", "家", 248, None), 0, "评价入库科技型中小企业248家"),
        (Indicator("patent_grants", "专利授权量", "件", 1268, None, parts=(Part("发明专利", 186),)), 0,
         "授权专利1268件（其中发明专利186件）"),
        (Indicator("rd_expenditure", "全社会R&D经费投入", "亿元", None, 11.2), 0, "全社会R&D经费投入（待填写）亿元"),
        # money: 万元 of 1亿 or more in 亿元, 亿元 under 1亿 in 万元
        (Indicator("subsidies_paid", "兑现科技奖补资金", "万元", 5200, 4650), 0, "兑现科技奖补资金5200万元，同比增长11.8%"),
        (Indicator("fiscal_st", "财政科技支出", "万元", 21500, 19300), 1, "财政科技支出2.15亿元，比上年增长11.4%"),
        (Indicator("superior_funds", "争取上级科技资金", "亿元", 0.85, 0.9), 0, "争取上级科技资金8500万元，同比下降5.6%"),
        # not in the catalogue, or renamed by the clerk: the name and the figure, neutral and correct
        (Indicator("x", "科普活动", "场", 23, 20), 0, "科普活动23场，同比增长15%"),
        (Indicator("y", "公民具备科学素质比例", "%", 14.6, 13.9), 0, "公民具备科学素质比例为14.6%，比上年提高0.7个百分点"),
        (Indicator("z", "孵化器", "家", 3, 0), 0, "孵化器3家"),
        (Indicator("hightech_total", "国家高新技术企业", "家", 156, 136), 0, "国家高新技术企业达到156家，同比增长14.7%"),
    ],
)
def test_indicator_sentences(indicator, shape, sentence):
    assert facts.indicator_sentence(indicator, shape) == sentence


def test_an_office_clause_replaces_the_catalogue_wording():
    indicator = Indicator("hightech_new", "新认定高新技术企业", "家", 35, 28)
    assert facts.indicator_sentence(indicator, 1, "新认定国家高新技术企业{数}") == "新认定国家高新技术企业35家，比上年增加7家"


@pytest.mark.parametrize(
    ("indicator", "target", "shape", "sentence"),
    [
        (Indicator("rd_expenditure", "全社会R&D经费投入", "亿元", 12.6), Target("a", 14), 0,
         "全社会R&D经费投入力争达到14亿元，比上年增长11.1%"),
        (Indicator("rd_intensity", "R&D经费投入强度", "%", 2.45), Target("b", 2.6, "确保"), 1,
         "R&D经费投入强度确保达到2.6%，提高0.15个百分点"),
        (Indicator("science_envoys", "科技特派员", "名", None), Target("c", 130), 0, "力争选派科技特派员130名"),
        (Indicator("science_envoys", "科技特派员", "名", 126), Target("c", 130), 0, "力争选派科技特派员130名，比上年增长3.2%"),
        (Indicator("hightech_total", "高新技术企业有效总数", "家", 156), Target("c", 156), 0, "高新技术企业有效总数力争保持在156家"),
    ],
)
def test_target_sentences(indicator, target, shape, sentence):
    assert facts.target_sentence(indicator, target, shape) == sentence


@pytest.mark.parametrize(("value", "text"), [(12.60, "12.6"), (35, "35"), (0.1 + 0.2, "0.30000000000000004"), (1e-7, "0.0000001"), (2000.0, "2000")])
def test_number_style_has_no_exponent_and_no_trailing_zeros(value, text):
    assert facts.format_number(value) == text


@pytest.mark.parametrize(("number", "text"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五")])
def test_chinese_numerals(number, text):
    from drafter.numbering import chinese_numeral

    assert chinese_numeral(number) == text


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


@given(value=amounts, previous=amounts, shape=st.integers(0, 5),
       indicator_id=st.sampled_from(["rd_expenditure", "rd_intensity", "hightech_total", "science_envoys", "other"]))
def test_never_reach_of_a_fall_and_the_change_agrees_with_the_figures(value, previous, shape, indicator_id):
    unit = "%" if indicator_id == "rd_intensity" else "家"
    indicator = Indicator(indicator_id, "指标", unit, value, previous)
    sentence = facts.indicator_sentence(indicator, shape)
    way = facts.direction(indicator)
    if way != 1:
        assert "达到" not in sentence and "突破" not in sentence
    words = {1: ("增长", "提高", "增加"), -1: ("下降", "降低", "减少"), 0: ("与上年持平",)}[way]
    assert any(word in sentence for word in words), sentence
    assert "-" not in sentence
