"""layout: in the form, and an office's own reference .docx: what they change in the written .docx."""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt

from drafter.build import build_report
from drafter.errors import InputError
from tests.conftest import MAIN_EXAMPLE
from tests.docx_reading import NS, part_xml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build_with(tmp_path, layout: str):
    form = tmp_path / "report.yaml"
    form.write_text(MAIN_EXAMPLE.read_text(encoding="utf-8") + layout, encoding="utf-8")
    return build_report(form, tmp_path / "out.docx").output


def test_line_pitch_and_heading_bold(tmp_path):
    built = build_with(tmp_path, "layout:\n  line_pitch: 28\n  heading_bold: [true, false, false, false]\n")
    styles = docx.Document(str(built)).styles
    assert styles["Normal"].paragraph_format.line_spacing == Pt(28)
    assert [styles[f"Heading {n}"].font.bold for n in (1, 2, 3, 4)] == [True, False, False, False]
    grid = part_xml(built, "word/document.xml").find(".//w:sectPr/w:docGrid", NS)
    assert grid.get(f"{W}linePitch") == "560"


def test_run_in_level3_headings(tmp_path):
    built = build_with(tmp_path, "layout:\n  run_in_level3: true\n")
    paragraph = next(p for p in docx.Document(str(built)).paragraphs if p.text.startswith("1.科创园区"))
    assert paragraph.style.name == "Heading 3"
    assert paragraph.text == "1.科创园区承载能力提升。完善科创中心公共服务平台，提供检验检测、中试熟化、知识产权等服务1200余次。"
    assert [r.bold for r in paragraph.runs] == [None, False]  # the heading keeps its style's bold, the text not


def test_centred_page_numbers_and_title_font(tmp_path):
    built = build_with(tmp_path, "layout:\n  page_numbers: centred\n  title_font: 方正小标宋_GBK\n")
    document = docx.Document(str(built))
    section = document.sections[0]
    assert {section.footer.paragraphs[0].alignment.name, section.even_page_footer.paragraphs[0].alignment.name} == {"CENTER"}
    fonts = part_xml(built, "word/styles.xml").find("w:style[@w:styleId='Title']/w:rPr/w:rFonts", NS)
    assert fonts.get(f"{W}eastAsia") == "方正小标宋_GBK"


def test_sealed_signature_moves_the_date_four_characters_in(tmp_path):
    built = build_with(tmp_path, "")
    text = MAIN_EXAMPLE.read_text(encoding="utf-8").replace("sealed: false", "sealed: true")
    (tmp_path / "sealed.yaml").write_text(text, encoding="utf-8")
    sealed = build_report(tmp_path / "sealed.yaml", tmp_path / "sealed.docx").output
    def indents(path):
        paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.style.name in ("落款", "成文日期")]
        return [round(p.paragraph_format.right_indent.pt) for p in paragraphs]
    assert indents(built) == [32, 0]    # unsealed: name 2 characters in, the 8-character date starts 2 right of it
    assert indents(sealed) == [64, 64]  # sealed: date 4 characters in, name centred over it (both 8 wide)


@pytest.fixture
def office_reference(tmp_path):
    reference = docx.Document()
    section = reference.sections[0]
    section.top_margin, section.left_margin = Mm(30), Mm(25)
    section.header.paragraphs[0].text = "青山县科学技术局文件"
    reference.styles["Normal"].font.name = "宋体"
    reference.add_paragraph("这段正文来自模板，不应出现在文稿中。")
    path = tmp_path / "office.docx"
    reference.save(str(path))
    return path


def test_office_reference_keeps_margins_header_and_styles(tmp_path, office_reference):
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    built = build_report(form, tmp_path / "out.docx", reference=office_reference).output
    document = docx.Document(str(built))
    section = document.sections[0]
    assert (round(section.top_margin.mm), round(section.left_margin.mm)) == (30, 25)
    assert section.header.paragraphs[0].text == "青山县科学技术局文件"
    assert document.styles["Normal"].font.name == "宋体"           # the office's own style stays
    assert document.styles["落款"] is not None                      # drafter's missing styles are added
    texts = [p.text for p in document.paragraphs]
    assert "这段正文来自模板，不应出现在文稿中。" not in texts
    assert texts[0] == "青山县科学技术局2024年工作总结\n及2025年工作计划"


def test_office_flush_styles_stop_inheriting_the_body_indent_and_keep_their_own(tmp_path):
    reference = docx.Document()
    styles = reference.styles
    normal = styles["Normal"].element.get_or_add_pPr().get_or_add_ind()
    normal.set(f"{W}firstLine", "640")
    normal.set(f"{W}firstLineChars", "200")  # a typical office Normal; its Title says no indent of its own
    signature = styles.add_style("落款", WD_STYLE_TYPE.PARAGRAPH)
    signature.base_style = styles["Normal"]
    signature.paragraph_format.first_line_indent = Pt(0)  # twips only: Word would still take the chars
    recipient = styles.add_style("主送机关", WD_STYLE_TYPE.PARAGRAPH)
    recipient.base_style = styles["Normal"]
    recipient.paragraph_format.first_line_indent = Pt(8)  # the office's own choice
    reference.save(str(tmp_path / "office.docx"))
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    built = build_report(form, tmp_path / "out.docx", reference=tmp_path / "office.docx").output

    def indent(style_id):
        ind = part_xml(built, "word/styles.xml").find(f"w:style[@w:styleId='{style_id}']/w:pPr/w:ind", NS)
        return (ind.get(f"{W}firstLine"), ind.get(f"{W}firstLineChars")) if ind is not None else None
    ids = {style.name: style.style_id for style in docx.Document(str(built)).styles}
    assert indent(ids["Normal"]) == ("640", "200")
    assert indent(ids["Title"]) == indent(ids["落款"]) == indent(ids["成文日期"]) == ("0", "0")
    assert indent(ids["主送机关"]) == ("160", None)


def test_reference_that_is_not_a_gongwen_page_is_named_in_a_warning_and_still_used(tmp_path):
    reference = docx.Document()  # python-docx's blank file: Letter paper, 1-inch margins, no 仿宋
    reference.sections[0].header.paragraphs[0].text = "内部资料"
    reference.save(str(tmp_path / "letter.docx"))
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    result = build_report(form, tmp_path / "out.docx", reference=tmp_path / "letter.docx")
    warning = next(note for note in result.notes if "不是标准的公文版面" in note)
    assert warning.startswith("注意：Word 模板 letter.docx 不是标准的公文版面（GB/T 9704）：")
    assert "纸张为 Letter（215.9×279.4 毫米），公文应为 A4（210×297 毫米）" in warning
    assert "上边距 25.4 毫米（应为 37 毫米）" in warning and "右边距 31.8 毫米（应为 26 毫米）" in warning
    assert "正文样式（Normal）的中文字体为" in warning and "应为 仿宋_GB2312" in warning
    assert docx.Document(str(result.output)).sections[0].header.paragraphs[0].text == "内部资料"


def test_a_gongwen_reference_and_the_builtin_one_give_no_warning(tmp_path):
    from drafter.docx.reference_check import reference_differences
    from drafter.templating.render import builtin_templates

    assert reference_differences(docx.Document(str(builtin_templates() / "reference.docx"))) == []
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    notes = build_report(form, tmp_path / "a.docx", reference=builtin_templates() / "reference.docx").notes
    assert not any("公文版面" in note for note in notes)


def test_reference_from_the_form_relative_to_it(tmp_path, office_reference):
    built = build_with(tmp_path, "layout:\n  reference_docx: office.docx\n")
    assert docx.Document(str(built)).sections[0].header.paragraphs[0].text == "青山县科学技术局文件"


def test_reference_in_the_templates_folder_beside_the_form(tmp_path, office_reference):
    (tmp_path / "templates").mkdir()
    office_reference.rename(tmp_path / "templates" / "reference.docx")
    built = build_with(tmp_path, "")
    assert round(docx.Document(str(built)).sections[0].top_margin.mm) == 30


def test_missing_or_broken_reference_is_a_clear_error(tmp_path):
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    with pytest.raises(InputError, match="找不到 Word 模板文件"):
        build_report(form, tmp_path / "out.docx", reference=tmp_path / "none.docx")
    (tmp_path / "bad.docx").write_text("not a docx")
    with pytest.raises(InputError, match=r"不是有效的 \.docx 文件，或文件已损坏。"):
        build_report(form, tmp_path / "out.docx", reference=tmp_path / "bad.docx")
