"""Web copies and published reports read as a careful person reads them: viewer page numbers, glued
headings, title lines, site keywords and notices, Chinese-numeral years, nested lists, unnumbered
parts, section kinds from meaning, and no report text dropped as clutter."""

from __future__ import annotations

from drafter.document import Heading, Paragraph, Title
from drafter.reading import read_report


def read(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_report(path)


def headings(report):
    return [(e.block.level, e.block.marker + e.block.text, e.kind) for e in report.document.headings()]


def paragraphs(report):
    return [b.text for b in report.document.blocks if isinstance(b, Paragraph)]


def test_glued_headings_are_cut_whatever_the_line_length(tmp_path):
    report = read(tmp_path, "某县科技局2023年工作总结\n"
                  "一、2023年工作完成情况(一)科技创新工作不断推进1、高新技术产业加快发展。全年新增高新技术企业12家。\n")
    assert headings(report) == [(1, "一、2023年工作完成情况", "achievements"),
                                (2, "(一)科技创新工作不断推进", "achievements"),
                                (3, "1、高新技术产业加快发展", "achievements")]
    assert paragraphs(report) == ["全年新增高新技术企业12家。"]


def test_a_viewer_page_number_glued_to_a_page_is_not_a_heading(tmp_path):
    report = read(tmp_path, "2023年科技工作总结\n一、主要工作\n"
                  "今年以来，我局紧紧围绕县委县政府中心工作。\n"
                  "2、各项工作有序推进，全年争取上级资金1200万元，完成年度目标的120%，为全县经济发展作出了积极贡献。\n"
                  "二、存在问题\n人才缺乏。\n")
    assert [text for _, text, _ in headings(report)] == ["一、主要工作", "二、存在问题"]
    assert any(p.startswith("2、各项工作有序推进") for p in paragraphs(report))


def test_title_line_site_keywords_and_notices(tmp_path):
    report = read(tmp_path, "首页 > 范文大全 > 工作总结\n县科技局2022年工作总结\n本文关键词：科技局,工作总结\n"
                  "一、工作开展情况\n全年完成各项任务，交流分享经验12次。\n各位代表！\n各位代表！\n"
                  "详细内容见 www.example.gov.cn 网站，全县科技工作会议于3月召开，部署全年科技创新重点任务，"
                  "要求各乡镇各部门围绕创新驱动发展战略抓好落实，确保各项目标任务全面完成。\n"
                  "二、2023年工作打算：\n继续做好各项工作。\n")
    assert report.document.blocks[0] == Title("县科技局2022年工作总结")
    assert headings(report) == [(1, "一、工作开展情况", "achievements"), (1, "二、2023年工作打算：", "plans")]
    texts = paragraphs(report)
    assert "全年完成各项任务，交流分享经验12次。" in texts          # 分享 in a sentence is report text
    assert texts.count("各位代表！") == 2                          # a short line may say it twice
    assert any(t.startswith("详细内容见 www.example.gov.cn") for t in texts)  # a URL in a long line is kept
    assert [(r.line, r.reason) for r in report.removed] == [(1, "clutter"), (3, "clutter")]


def test_chinese_numeral_years_nested_lists_and_unnumbered_parts(tmp_path):
    report = read(tmp_path, "某市政府工作报告\n过去五年的回顾\n一九五八，这里还是一片荒滩。\n"
                  "一、经济实力显著增强\n全市生产总值突破千亿元。\n二、2025年主要任务\n今年重点做好以下工作：\n"
                  "一、扩大有效投资\n推进重大项目。\n二、激发消费活力\n开展促消费活动。\n三、深化改革开放\n优化营商环境。\n"
                  "三、加强政府自身建设\n依法行政。\n结束语\n让我们携手奋进。\n")
    assert headings(report) == [
        (1, "过去五年的回顾", "achievements"), (1, "一、经济实力显著增强", "achievements"),
        (1, "二、2025年主要任务", "plans"), (1, "三、加强政府自身建设", "plans"), (1, "结束语", "other")]
    assert "一九五八，这里还是一片荒滩。" in paragraphs(report)
    assert "一、扩大有效投资" in paragraphs(report)  # a list restarting inside 二、, then 三、 goes on


def test_a_space_inside_quotes_does_not_end_a_heading(tmp_path):
    report = read(tmp_path, "2024年工作总结\n前言。一、打响“好品山东 商行天下”品牌 全年举办展会20场。\n")
    assert headings(report)[0][1] == "一、打响“好品山东 商行天下”品牌"
    assert paragraphs(report)[-1] == "全年举办展会20场。"


def test_kinds_from_meaning_next_year_position_and_problem_paragraphs(tmp_path):
    report = read(tmp_path, "某省2025年政府工作报告\n一、2025年工作回顾\n经济运行稳中向好。\n"
                  "在肯定成绩的同时，我们也清醒看到，发展中还存在一些困难和问题。一是创新能力不强。\n"
                  "下一步，我们将采取有力措施加以解决。\n二、2026年重点工作\n（一）扩大内需\n促进消费。\n"
                  "三、强化政府自身建设\n转变作风。\n")
    assert headings(report) == [(1, "一、2025年工作回顾", "achievements"), (1, "二、2026年重点工作", "plans"),
                                (2, "（一）扩大内需", "plans"), (1, "三、强化政府自身建设", "plans")]
    kinds = {b.text[:6]: k for b, k in zip(report.document.blocks, report.kinds) if isinstance(b, Paragraph)}
    assert kinds["经济运行稳中"] == "achievements" and kinds["在肯定成绩的"] == "problems"
    assert kinds["下一步，我们"] == "plans"
    sections = report.document.sections()
    assert [(s.heading.text if s.heading else None, s.kind) for s in sections] == [
        (None, "other"), ("2025年工作回顾", "achievements"), ("2026年重点工作", "plans"), ("强化政府自身建设", "plans")]


def test_headings_standing_on_their_own_line_without_punctuation(tmp_path):
    report = read(tmp_path, "2023年工作总结\n（一）狠抓项目落实\n全年实施项目20个。\n（二）强化人才支撑\n引进人才15名。\n")
    assert [text for _, text, _ in headings(report)] == ["（一）狠抓项目落实", "（二）强化人才支撑"]
    assert all(isinstance(b, (Title, Heading, Paragraph)) for b in report.document.blocks)
