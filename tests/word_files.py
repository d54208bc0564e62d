"""Word files made the way clerks make them, written part by part so every feature is known: list
numbering from numbering.xml (chineseCounting, decimal, lvlText, restarts, style-linked numbering),
Heading styles, bold lines, tables, text boxes with their fallback copy, tracked changes, a header."""

from __future__ import annotations

import zipfile
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NAMESPACES = (W + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
              ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
              ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
              ' xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"')

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""

# Heading 1 and Heading 2 linked to list 1 (一、 （一）) as Word does when a clerk applies a multilevel
# list to the heading styles; list 2 is a plain decimal list with the pattern "%1."; a WPS-style
# numeric style id ("15") named "heading 3".
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="15"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""

HEADER = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}><w:p><w:r><w:t>青山县科学技术局内部资料</w:t></w:r></w:p></w:hdr>"""


def paragraph(text: str, style: str | None = None, num: tuple[int, int] | None = None, bold: bool = False,
              center: bool = False) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if center:
        ppr += '<w:jc w:val="center"/>'
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>"


def text_box(text: str) -> str:
    """A shape with a text box, and the VML fallback copy Word writes beside it."""
    inner = f"<w:txbxContent>{paragraph(text)}</w:txbxContent>"
    return (f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{inner}"
            f"</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{inner}</v:textbox></w:pict>"
            f"</mc:Fallback></mc:AlternateContent></w:r></w:p>")


def tracked(kept: str, deleted: str, inserted: str) -> str:
    """A paragraph with a deletion and an insertion not yet accepted."""
    return (f'<w:p><w:r><w:t>{kept}</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>{deleted}</w:delText>'
            f'</w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>{inserted}</w:t></w:r></w:ins></w:p>')


def table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def clerk_report() -> list[str]:
    """A work report whose 一、 and （一） come only from the heading styles' list numbering."""
    return [
        paragraph("青山县科学技术局2024年工作总结", "Title"),
        paragraph("2024年，全局上下真抓实干，各项工作取得新成效。"),
        paragraph("2024年工作完成情况", "Heading1"),
        paragraph("科技创新主体不断壮大", "Heading2"),
        paragraph("全年新认定高新技术企业35家。"),
        paragraph("创新平台建设加快推进", "Heading2"),
        tracked("新建省级重点实验室", "3家", "2家，新增研发投入1.2亿元。"),
        paragraph("主要做法", "15"),
        paragraph("强化政策引导。", num=(2, 0)),
        paragraph("优化服务保障。", num=(2, 0)),
        table([["指标", "2024年"], ["高新技术企业（家）", "156"]]),
        text_box("附：科技创新大事记"),
        paragraph("存在的问题", "Heading1"),
        paragraph("研发投入强度仍然偏低。"),
        paragraph("2025年工作计划", "Heading1"),
        paragraph("强化企业创新主体地位", "Heading2"),
        paragraph("力争高新技术企业达到170家。"),
        paragraph("重点任务", bold=True),
        paragraph("实施科技型企业培育工程。", num=(3, 0)),
    ]


def write_docx(path: Path, body: list[str]) -> Path:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NAMESPACES}><w:body>'
                + "".join(body) + '<w:sectPr><w:headerReference w:type="default" r:id="rId3"/></w:sectPr></w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/_rels/document.xml.rels", DOCUMENT_RELS), ("word/document.xml", document),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING), ("word/header1.xml", HEADER)):
            archive.writestr(name, data)
    return path
