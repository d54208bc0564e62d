"""The .docx itself: styles and fonts, page setup, page numbers, reproducible bytes, safe overwrite."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.shared import Pt

from drafter.build import build_report
from drafter.docx.reference import reference_bytes
from drafter.docx.styles import FLUSH_STYLES
from drafter.errors import OutputError
from drafter.resources import templates_dir
from tests.docx_reading import NS, part_xml, paragraphs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def built(example_copy):
    form = example_copy()
    return build_report(form).output


def style_fonts(path, style_id):
    styles = part_xml(path, "word/styles.xml")
    style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    fonts = style.find("w:rPr/w:rFonts", NS)
    return {k.removeprefix(W): v for k, v in fonts.attrib.items()}


@pytest.mark.parametrize(
    ("style_id", "east_asian"),
    [("Normal", "仿宋_GB2312"), ("Title", "方正小标宋简体"), ("Heading1", "黑体"), ("Heading2", "楷体_GB2312"),
     ("Heading3", "仿宋_GB2312"), ("Heading4", "仿宋_GB2312"), ("Footer", "宋体")],
)
def test_every_style_names_its_chinese_font_and_no_theme_font(built, style_id, east_asian):
    fonts = style_fonts(built, style_id)
    assert fonts["eastAsia"] == east_asian
    assert fonts["ascii"] == fonts["hAnsi"] == "Times New Roman"
    assert fonts["hint"] == "eastAsia"
    assert not any(name.endswith("Theme") or name == "cstheme" for name in fonts)


def test_sizes_bold_outline_levels_and_body_spacing(built):
    document = docx.Document(str(built))
    styles = document.styles
    assert styles["Normal"].font.size == Pt(16)
    assert styles["Title"].font.size == Pt(22)
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28.95)
    assert [styles[f"Heading {n}"].font.bold for n in (1, 2, 3, 4)] == [False, False, True, False]
    xml = part_xml(built, "word/styles.xml")
    levels = [xml.find(f"w:style[@w:styleId='Heading{n}']/w:pPr/w:outlineLvl", NS).get(f"{W}val") for n in (1, 2, 3, 4)]
    assert levels == ["0", "1", "2", "3"]
    indent = xml.find("w:style[@w:styleId='Normal']/w:pPr/w:ind", NS)
    assert (indent.get(f"{W}firstLine"), indent.get(f"{W}firstLineChars")) == ("640", "200")
    spacing = xml.find("w:style[@w:styleId='Normal']/w:rPr/w:spacing", NS)
    assert spacing.get(f"{W}val") == "-5"
    settings = part_xml(built, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(f"{W}eastAsia") == "zh-CN"


def test_flush_styles_say_no_first_line_indent_in_twips_and_chars(built):
    # Word takes Normal's inherited firstLineChars="200" over a style's own firstLine="0": both must be 0.
    styles = part_xml(built, "word/styles.xml")
    by_name = {s.name: s.style_id for s in docx.Document(str(built)).styles}
    for name in FLUSH_STYLES:
        indent = styles.find(f"w:style[@w:styleId='{by_name[name]}']/w:pPr/w:ind", NS)
        assert (indent.get(f"{W}firstLine"), indent.get(f"{W}firstLineChars")) == ("0", "0"), name
    for level in (1, 2, 3, 4):
        indent = styles.find(f"w:style[@w:styleId='Heading{level}']/w:pPr/w:ind", NS)
        assert (indent.get(f"{W}firstLine"), indent.get(f"{W}firstLineChars")) == ("640", "200")


def test_paragraphs_take_their_first_line_indent_from_the_style_alone(built):
    body = part_xml(built, "word/document.xml")
    direct = [ind for ind in body.iter(f"{W}ind")
              if {f"{W}firstLine", f"{W}firstLineChars", f"{W}hanging"} & set(ind.attrib)]
    assert direct == []
    used = {p.style.name for p in docx.Document(str(built)).paragraphs}
    assert {"Title", "主送机关", "落款", "成文日期", "附件标识", "表题"} <= used
    cells = {p.style.name for table in docx.Document(str(built)).tables for cell in table._cells for p in cell.paragraphs}
    assert cells == {"表格文字"}


def test_page_is_a4_with_the_standard_margins_and_a_line_grid(built):
    section = docx.Document(str(built)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [37, 35, 28, 26]
    assert round(section.footer_distance.mm) == 22
    grid = part_xml(built, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert (grid.get(f"{W}type"), grid.get(f"{W}linePitch")) == ("lines", "579")


def test_page_numbers_are_page_fields_right_on_odd_left_on_even(built):
    document = docx.Document(str(built))
    assert part_xml(built, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    section = document.sections[0]
    for footer, alignment in ((section.footer, "right"), (section.even_page_footer, "left")):
        paragraph = footer.paragraphs[0]
        xml = paragraph._p
        assert [i.text for i in xml.iter(f"{W}instrText")] == [" PAGE "]
        assert [f.get(f"{W}fldCharType") for f in xml.iter(f"{W}fldChar")] == ["begin", "separate", "end"]
        assert paragraph.text == "— 1 —"
        assert paragraph.alignment.name.lower() == alignment
        assert paragraph.style.name == "Footer"


def test_title_recipient_body_and_signature_read_back(built):
    lines = paragraphs(built)
    assert lines[0] == ("Title", "青山县科学技术局2024年工作总结\n及2025年工作计划")  # broken before 及
    assert lines[1] == ("主送机关", "县委、县政府：")
    assert lines[2] == ("Normal", "2024年，在县委、县政府的坚强领导下，我局认真履行职责，各项工作取得新成效。"
                                  "现将有关情况报告如下：")  # a 报告 to its 主送: the neutral default
    signature = lines.index(("落款", "青山县科学技术局"))
    assert lines[signature - 2: signature + 2] == [
        ("Normal", "特此报告。"), ("Normal", "附件：主要科技指标完成情况表"),
        ("落款", "青山县科学技术局"), ("成文日期", "2024年12月20日")]
    assert lines[signature + 2:] == [("附件标识", "附件"), ("表题", "主要科技指标完成情况表")]


def test_bold_leads_of_enumerated_items(built):
    document = docx.Document(str(built))
    paragraph = next(p for p in document.paragraphs if p.text.startswith("一是梯次培育体系不断完善"))
    assert [(r.text, r.bold) for r in paragraph.runs][:2] == [("一是梯次培育体系不断完善。", True), (paragraph.runs[1].text, None)]


def test_core_properties(built):
    props = docx.Document(str(built)).core_properties
    assert props.title == "青山县科学技术局2024年工作总结及2025年工作计划"
    assert props.author == "青山县科学技术局"
    assert props.created.date().isoformat() == "2024-12-20"


def test_same_form_gives_byte_identical_docx(example_copy, tmp_path):
    form = example_copy()
    first = build_report(form, tmp_path / "a.docx").output.read_bytes()
    second = build_report(form, tmp_path / "b.docx").output.read_bytes()
    assert first == second


def test_builtin_reference_docx_is_current():
    shipped = (templates_dir() / "reference.docx").read_bytes()
    assert shipped == reference_bytes(), "run: python -m drafter.docx.reference templates/reference.docx"


def test_default_output_is_named_from_the_title_beside_the_form(example_copy):
    form = example_copy()
    result = build_report(form)
    assert result.output == form.parent / "青山县科学技术局2024年工作总结及2025年工作计划.docx"


def test_rebuild_over_unedited_output_is_allowed(built, example_copy):
    assert build_report(example_copy()).output == built


def test_edited_output_is_never_overwritten_without_force(built, example_copy):
    document = docx.Document(str(built))
    document.add_paragraph("科长手改的一段话。")
    document.save(str(built))
    edited = built.read_bytes()
    with pytest.raises(OutputError, match="(?s)已被修改.*--force") as refused:
        build_report(example_copy())
    assert built.read_bytes() == edited
    from drafter.docx.edits import paragraph_texts

    count = len(paragraph_texts(edited))  # the refusal numbers paragraphs as in the edited file
    assert f"第 {count} 段为新增：“科长手改的一段话。”" in str(refused.value)
    assert "原文件会另存为同名的 .bak 备份" in str(refused.value)
    result = build_report(example_copy(), force=True)
    assert "科长手改的一段话。" not in [text for _, text in paragraphs(built)]
    backup = built.with_name(built.name + ".bak")
    assert backup.read_bytes() == edited  # the edited file is kept beside the new draft
    assert f"已把修改过的原文件另存为：{backup}" in result.notes


def test_refusal_quotes_a_changed_paragraph_and_a_second_force_keeps_both_backups(built, example_copy):
    document = docx.Document(str(built))
    heading = next(p for p in document.paragraphs if p.text == "一、2024年工作完成情况")
    heading.runs[0].text = "一、2024年主要工作"
    document.save(str(built))
    with pytest.raises(OutputError) as refused:
        build_report(example_copy())
    assert "段改为：“一、2024年主要工作”（原为“一、2024年工作完成情况”）" in str(refused.value)
    first = built.read_bytes()
    build_report(example_copy(), force=True)
    assert not any("另存为" in note for note in build_report(example_copy(), force=True).notes)  # unedited: no backup
    assert sorted(p.name for p in built.parent.glob("*.bak")) == [built.name + ".bak"]
    document = docx.Document(str(built))
    document.add_paragraph("又改了一次。")
    document.save(str(built))
    build_report(example_copy(), force=True)
    assert built.with_name(built.name + ".bak").read_bytes() == first
    assert built.with_name(built.name + ".2.bak").is_file()


def test_formatting_only_edits_are_named_as_such():
    from drafter.docx.edits import describe_edits

    assert describe_edits(b"not a zip", b"") == []
    changes = describe_edits(_docx_with("一段。"), _docx_with("一段。"))
    assert changes == ["段落文字未变，改动在格式、样式或页面设置中。"]
    many = describe_edits(_docx_with(*map(str, range(10))), _docx_with())
    assert len(many) == 6 and many[-1] == "……另有 5 处改动。"


def _docx_with(*texts: str) -> bytes:
    import io

    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_foreign_docx_is_not_overwritten(tmp_path, example_copy):
    form = example_copy()
    other = tmp_path / "other.docx"
    docx.Document().save(str(other))
    with pytest.raises(OutputError):
        build_report(form, other)


def test_failed_write_leaves_no_temporary_file(tmp_path, example_copy, monkeypatch):
    form = example_copy()
    import os

    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match="请先在 Word/WPS 中关闭该文件"):
        build_report(form, tmp_path / "out.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qingshan-2024.yaml"]


def test_output_must_be_docx_and_not_the_form(example_copy):
    form = example_copy()
    with pytest.raises(OutputError, match=r"应以 \.docx 结尾"):
        build_report(form, form)


def test_docx_parts_are_well_formed_and_without_thumbnail(built):
    with zipfile.ZipFile(io.BytesIO(built.read_bytes())) as archive:
        names = archive.namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert {"word/footer1.xml", "word/footer2.xml"} <= set(names)
