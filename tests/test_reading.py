"""Reading past reports: web clutter stripped, headings found (F1 against hand-written gold), sections classified."""

from __future__ import annotations


import pytest

from drafter.build import build_report
from drafter.document import Heading, Paragraph, Signature, Title
from drafter.reading import read_report
from drafter.reading.headings import match_heading, split_running_text
from tests.conftest import MAIN_EXAMPLE, REPO
from tests.seed_gold import GOLD, gold_headings, gold_kinds, heading_scores, read_headings

SEEDS = REPO / "seeds"


def test_heading_detection_f1_and_classification_on_the_seeds():
    hits = found = gold = 0
    right = total = 0
    for seed in GOLD:
        report = read_report(SEEDS / seed)
        h, f, g = heading_scores(read_headings(report), gold_headings(seed))
        hits, found, gold = hits + h, found + f, gold + g
        kinds = [k for b, k in zip(report.document.blocks, report.kinds) if isinstance(b, Heading)]
        expected = gold_kinds(seed)
        if len(kinds) == len(expected):
            right += sum(a == b for a, b in zip(kinds, expected))
        total += len(expected)
    precision, recall = hits / found, hits / gold
    f1 = 2 * precision * recall / (precision + recall)
    accuracy = right / total
    print(f"headings: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}; classification {accuracy:.3f}")
    assert f1 >= 0.95
    assert accuracy >= 0.90


@pytest.mark.parametrize("seed", sorted(GOLD))
def test_each_seed_outline_exactly(seed):
    assert read_headings(read_report(SEEDS / seed)) == gold_headings(seed)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1.26亿元的研发投入", None),
        ("2024.12.20召开会议", None),
        ("12.5%的增长", None),
        ("一是培育创新主体。", None),
        ("2017年主要工作成绩", None),  # unnumbered: found only as a standalone short line
        ("（一）聚焦主体培育,创新能力持续增强。全年新认定35家。", (2, 1, "（一）", "聚焦主体培育，创新能力持续增强", "全年新认定35家。")),
        ("1.高新技术企业量质齐升。全年新认定35家。", (3, 1, "1.", "高新技术企业量质齐升", "全年新认定35家。")),
        ("6、统筹兼顾", (3, 6, "6、", "统筹兼顾", "")),
        ("(3)、组织申报", (4, 3, "(3)、", "组织申报", "")),
        ("十二、其他", (1, 12, "十二、", "其他", "")),
    ],
)
def test_heading_markers(line, expected):
    found = match_heading(line)
    assert (found and (found.level, found.number, found.marker, found.title, found.rest)) == expected


def test_running_text_is_cut_only_before_chinese_numbered_markers():
    text = "现将工作总结如下: 一、今年工作 创新培育,强发展动能。完成1.26亿元。 1、本页 二、存在的问题 一是投入不足"
    assert split_running_text(text) == [
        "现将工作总结如下:", "一、今年工作", "创新培育,强发展动能。完成1.26亿元。 1、本页", "二、存在的问题", "一是投入不足"]


def test_web_clutter_is_stripped_and_report_lines_kept():
    report = read_report(SEEDS / "004_fed0c36332e47857.txt")
    blocks = report.document.blocks
    assert blocks[0] == Title("芙蓉区科技局2017年工作总结暨2018年工作计划")
    texts = [b.text for b in blocks if isinstance(b, (Paragraph, Heading))]
    assert not any("发布时间" in t or "来源" in t for t in texts)
    assert blocks[-1] == Signature("芙蓉区科学技术局", "2018年1月4日")
    # every line of the report itself is kept: the seed's content lines all appear
    source = (SEEDS / "004_fed0c36332e47857.txt").read_text(encoding="utf-8").splitlines()
    content = [line.strip() for line in source[5:103] if line.strip()]
    read_text = "".join(texts)
    for line in content:
        if line.startswith(("（", "(", "1", "2", "3", "4", "5", "6")) or "芙蓉区科学技术局" in line or line == "2018年1月4日":
            continue
        assert line.replace(" ", "") in read_text.replace(" ", ""), line


def test_document_sharing_site_text_without_line_breaks():
    report = read_report(SEEDS / "001_db84fa0644048a34.txt")
    blocks = report.document.blocks
    assert blocks[0] == Title("2022年科技工作总结")
    assert isinstance(blocks[1], Paragraph) and blocks[1].text.startswith("今年以来我们县委、县政府的坚强领导下")
    assert not any("下载" in b.text for b in blocks if isinstance(b, Paragraph))


def test_repeated_opening_is_dropped():
    blocks = read_report(SEEDS / "000_3e3a879254da2c44.txt").document.blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert len([t for t in texts if t.startswith("一是科技发展环境不断优化")]) == 1
    assert not any("本文简介" in t or "秘籍" in t for t in texts)


def test_encodings(tmp_path):
    text = "青山县科学技术局2024年工作总结\n一、2024年工作完成情况\n全年新认定高新技术企业35家。\n"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    gbk, bom = read_report(tmp_path / "gbk.txt"), read_report(tmp_path / "bom.txt")
    assert gbk.document == bom.document
    assert gbk.note == f"{tmp_path / 'gbk.txt'}: 按 GB18030（GBK）编码读取；建议另存为 UTF-8。" and bom.note is None


def test_a_built_docx_reads_back_with_its_outline(tmp_path):
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    built = build_report(form, tmp_path / "out.docx").output
    report = read_report(built)
    headings = [(b.level, b.marker, b.text) for b in report.document.blocks if isinstance(b, Heading)]
    assert headings[:3] == [(1, "一、", "2024年工作完成情况"), (2, "（一）", "聚焦主体培育，创新能力持续增强"),
                            (2, "（二）", "强化平台建设，创新载体提质扩容")]
    assert report.document.blocks[0] == Title("青山县科学技术局2024年工作总结及2025年工作计划")
    kinds = dict(zip([b.text for b in report.document.blocks if isinstance(b, Heading)],
                     [k for b, k in zip(report.document.blocks, report.kinds) if isinstance(b, Heading)]))
    assert (kinds["存在的问题"], kinds["2025年工作计划"], kinds["2024年工作完成情况"]) == ("problems", "plans", "achievements")
