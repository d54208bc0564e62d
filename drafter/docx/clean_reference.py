"""An office's reference .docx reduced to what a report takes from it: styles, page setup, header and footer
text and their images. Everything else is dropped and named, because a reference passes into every report.

Walked from the package root along relationships: only the relationship kinds listed below survive, only
to parts inside the package (never TargetMode="External"), and explicit ones (a header, an image) only when
the XML really points at them; every part not reached is left out. In the parts kept, fields other than
PAGE and NUMPAGES become their shown text, references to dropped relationships are removed, and comments,
custom XML bindings, attached templates, document variables and mail merge settings go.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from drafter import recache
from drafter.docx.guard import parse_xml
from drafter.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "http://purl.oclc.org/ooxml/officeDocument/relationships")
OFFICE_RELID = "{urn:schemas-microsoft-com:office:office}relid"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"

ALLOWED_FIELDS = frozenset({"PAGE", "NUMPAGES"})
# A link written straight into an attribute (VML o:href, src), not through a relationship; schema URIs such as
# a:graphicData/@uri name a format, not a place, and stay.
LINK_VALUE = recache.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|\\\\|mhtml:|file:)", re.IGNORECASE)
SCHEMA_HOSTS = ("schemas.openxmlformats.org/", "schemas.microsoft.com/", "purl.oclc.org/", "www.w3.org/",
                "purl.org/", "ns.adobe.com/")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff")

# relationship kinds each kind of part may keep: implicit ones (no r:id in the XML) and explicit ones
IMPLICIT = {
    "root": {"officeDocument"},
    "document": {"styles", "stylesWithEffects", "settings", "webSettings", "fontTable", "theme", "numbering",
                 "footnotes", "endnotes"},
}
EXPLICIT = {
    "document": {"header", "footer", "image"},
    "header": {"image"},
    "footer": {"image"},
    "footnotes": {"image"},
    "endnotes": {"image"},
    "numbering": {"image"},
}
XML_KINDS = {"document", "header", "footer", "footnotes", "endnotes", "numbering", "styles", "stylesWithEffects",
             "settings", "webSettings", "fontTable", "theme"}

# what a dropped relationship or part was, for the build's message
DROPPED_NAMES = {
    "vbaProject": "宏（VBA）", "vbaData": "宏（VBA）", "keyMapCustomizations": "宏（VBA）",
    "comments": "批注", "commentsExtended": "批注", "commentsIds": "批注", "commentsExtensible": "批注", "people": "批注",
    "customXml": "自定义 XML", "customXmlProps": "自定义 XML",
    "core-properties": "文档属性（作者、关键词、备注等）", "metadata/core-properties": "文档属性（作者、关键词、备注等）",
    "extended-properties": "文档属性（作者、关键词、备注等）", "custom-properties": "文档属性（作者、关键词、备注等）",
    "attachedTemplate": "附加模板", "thumbnail": "缩略图", "glossaryDocument": "构建基块（自动图文集）",
    "font": "嵌入字体", "oleObject": "嵌入或链接的对象（OLE）", "package": "嵌入或链接的对象（OLE）",
    "control": "ActiveX 控件", "aFChunk": "嵌入的其他文档", "subDocument": "子文档", "hyperlink": "超链接",
    "mailMergeSource": "邮件合并数据源", "mailMergeHeaderSource": "邮件合并数据源", "recipientData": "邮件合并数据源",
}
SETTINGS_DROPPED = {"attachedTemplate": "附加模板", "docVars": "文档变量", "mailMerge": "邮件合并设置",
                    "saveThroughXslt": "另存时的 XSLT 转换", "linkStyles": "附加模板（自动更新样式）"}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Cleaning:
    """What was dropped, counted by what a clerk would call it."""

    dropped: Counter = field(default_factory=Counter)
    fields: Counter = field(default_factory=Counter)
    unreferenced: int = 0

    def notes(self) -> list[str]:
        lines = [f"{name} {count} 处" for name, count in sorted(self.dropped.items())]
        if self.fields:
            lines.append("域代码 " + "、".join(f"{name}×{n}" for name, n in sorted(self.fields.items())) + "（只保留显示的文字）")
        if self.unreferenced:
            lines.append(f"未被引用的部件 {self.unreferenced} 个")
        return lines


@dataclass
class Relation:
    id: str
    kind: str
    type: str
    target: str
    external: bool


def clean_reference(parts: dict[str, bytes], label) -> tuple[bytes, list[str]]:
    """The reference's parts reduced to a safe .docx (bytes), and the list of what was dropped."""
    cleaning = Cleaning()
    kept: dict[str, bytes] = {}
    kept_rels: dict[str, list[Relation]] = {}
    kinds: dict[str, str] = {"": "root"}
    queue = [""]
    while queue:
        part = queue.pop(0)
        kind = kinds[part]
        root = parse_xml(parts[part], label, part) if kind in XML_KINDS else None
        if kind == "document":
            _clear_body(root)
        referenced = _referenced_ids(root) if root is not None else set()
        relations = []
        for relation in _relations(parts, part, label):
            allowed = (relation.kind in IMPLICIT.get(kind, ()) or
                       (relation.kind in EXPLICIT.get(kind, ()) and relation.id in referenced))
            if relation.external or not allowed or relation.target not in parts or \
                    (relation.kind == "image" and not relation.target.lower().endswith(IMAGE_SUFFIXES)):
                if relation.external or relation.kind not in ("image", "header", "footer"):
                    cleaning.dropped[_description(relation)] += 1
                continue
            relations.append(relation)
            if relation.target not in kinds:
                kinds[relation.target] = "document" if relation.kind == "officeDocument" else relation.kind
                queue.append(relation.target)
        if root is not None:
            _clean_xml(root, {r.id for r in relations}, cleaning, settings=(kind == "settings"))
            kept[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        elif part:
            kept[part] = parts[part]
        kept_rels[part] = relations
    cleaning.unreferenced = sum(1 for name in parts if name not in kinds and not _is_package_file(name))
    return _package(kept, kept_rels, kinds), cleaning.notes()


def _description(relation: Relation) -> str:
    name = DROPPED_NAMES.get(relation.kind, "图片" if relation.kind == "image" else f"其他内容（{relation.kind}）")
    return f"外部链接：{name}" if relation.external else name


def _is_package_file(name: str) -> bool:
    return name == "[Content_Types].xml" or name.endswith(".rels")


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _relations(parts: dict[str, bytes], part: str, label) -> list[Relation]:
    name = _rels_name(part)
    if name not in parts:
        if part == "":
            raise InputError(f"{label}: 不是有效的 .docx 文件，或文件已损坏（缺少 _rels/.rels）。")
        return []
    relations = []
    for element in parse_xml(parts[name], label, name).iter(f"{{{PKG_RELS}}}Relationship"):
        target = element.get("Target", "")
        external = element.get("TargetMode") == "External"
        if not external:
            folder = posixpath.dirname(part)
            target = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
            external = target.startswith("..")
        kind = element.get("Type", "").rsplit("/", 1)[-1]
        relations.append(Relation(element.get("Id", ""), kind, element.get("Type", ""), target, external))
    return relations


def _reference_attributes(element):
    for name, value in element.attrib.items():
        if name == OFFICE_RELID or any(name.startswith(f"{{{ns}}}") for ns in REL_NS):
            yield name, value


def _referenced_ids(root) -> set[str]:
    return {value for element in root.iter() if isinstance(element.tag, str)
            for _, value in _reference_attributes(element)}


def _clear_body(root) -> None:
    """The reference's own body text never reaches a report; its last sectPr (page setup, header and footer
    references) stays."""
    body = root.find(_w("body"))
    if body is None:
        return
    for child in list(body):
        if child.tag != _w("sectPr"):
            body.remove(child)


def _unwrap(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _remove(element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _run_of(element):
    for ancestor in element.iterancestors(_w("r")):
        return ancestor
    return element


def _clean_xml(root, kept_ids: set[str], cleaning: Cleaning, settings: bool) -> None:
    # references to relationships that were dropped: hyperlinks keep their text, pictures and objects go
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        references = list(_reference_attributes(element))
        dangling = [name for name, value in references if value not in kept_ids]
        if not dangling:
            continue
        if len(dangling) < len(references):  # e.g. a:blip with an embedded image and an external link
            for name in dangling:
                del element.attrib[name]
        elif element.tag == _w("hyperlink"):
            _unwrap(element)
        else:
            _remove(_run_of(element))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if LINK_VALUE.match(value) and not any(host in value for host in SCHEMA_HOSTS):
                del element.attrib[name]
                cleaning.dropped["外部链接：写在属性中的网址或路径"] += 1
    _clean_fields(root, cleaning)
    for name in ("commentRangeStart", "commentRangeEnd", "dataBinding"):
        for element in list(root.iter(_w(name))):
            _remove(element)
    for element in list(root.iter(_w("commentReference"))):
        _remove(_run_of(element))
    for element in list(root.iter(_w("customXml"))):
        _unwrap(element)
    if settings:
        for name, description in SETTINGS_DROPPED.items():
            for element in list(root.iter(_w(name))):
                _remove(element)
                cleaning.dropped[description] += 1


def _clean_fields(root, cleaning: Cleaning) -> None:
    """Fields other than PAGE and NUMPAGES (INCLUDEPICTURE, DDEAUTO, HYPERLINK…) keep only their shown text."""
    for simple in list(root.iter(_w("fldSimple"))):
        name = _field_name(simple.get(_w("instr"), ""))
        if name not in ALLOWED_FIELDS:
            cleaning.fields[name or "?"] += 1
            _unwrap(simple)
    stack: list[dict] = []
    fields: list[dict] = []
    for run in list(root.iter(_w("r"))):
        mark = run.find(_w("fldChar"))
        kind = mark.get(_w("fldCharType")) if mark is not None else None
        if kind == "begin":
            stack.append({"runs": [run], "code": [], "shown": False})
            fields.append(stack[-1])
        elif kind == "separate" and stack:
            stack[-1]["runs"].append(run)
            stack[-1]["shown"] = True
        elif kind == "end" and stack:
            stack.pop()["runs"].append(run)
        elif stack and not stack[-1]["shown"]:
            stack[-1]["runs"].append(run)
            stack[-1]["code"].extend(t.text or "" for t in run.iter(_w("instrText")))
    kept_runs = set()
    for found in fields:
        name = _field_name("".join(found["code"]))
        if name in ALLOWED_FIELDS:
            kept_runs.update(found["runs"])
            continue
        cleaning.fields[name or "?"] += 1
        for run in found["runs"]:
            _remove(run)
    for stray in list(root.iter(_w("instrText"), _w("delInstrText"), _w("fldData"))):
        if _run_of(stray) not in kept_runs:  # an instruction outside any field kept above
            _remove(_run_of(stray))


def _field_name(instruction: str) -> str:
    words = instruction.replace("\\", " ").split()
    return words[0].upper() if words else ""


def _package(kept: dict[str, bytes], relations: dict[str, list[Relation]], kinds: dict[str, str]) -> bytes:
    """A zip of the kept parts with their kept relationships and matching content types."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _content_types(kept, kinds))
        for part, found in relations.items():
            if found or part == "":
                archive.writestr(_rels_name(part), _rels_xml(part, found))
        for name, data in kept.items():
            archive.writestr(name, data)
    return out.getvalue()


def _rels_xml(part: str, relations: list[Relation]) -> bytes:
    root = etree.Element(f"{{{PKG_RELS}}}Relationships", nsmap={None: PKG_RELS})
    folder = posixpath.dirname(part)
    for relation in relations:
        etree.SubElement(root, f"{{{PKG_RELS}}}Relationship", Id=relation.id, Type=relation.type,
                         Target=posixpath.relpath(relation.target, folder or "."))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


CONTENT_TYPE_OF = {
    "document": MAIN_TYPE,
    "styles": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
    "stylesWithEffects": "application/vnd.ms-word.stylesWithEffects+xml",
    "settings": "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
    "webSettings": "application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml",
    "fontTable": "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "numbering": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
    "header": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "footer": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    "footnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnotes": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".bmp": "image/bmp", ".emf": "image/x-emf", ".wmf": "image/x-wmf", ".tif": "image/tiff",
               ".tiff": "image/tiff"}


def _content_types(kept: dict[str, bytes], kinds: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CONTENT_TYPES}}}Types", nsmap={None: CONTENT_TYPES})
    etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension="rels", ContentType=RELS_TYPE)
    etree.SubElement(root, f"{{{CONTENT_TYPES}}}Default", Extension="xml", ContentType="application/xml")
    for name in kept:
        kind = kinds[name]
        suffix = posixpath.splitext(name)[1].lower()
        content_type = CONTENT_TYPE_OF.get(kind) or (IMAGE_TYPES.get(suffix) if kind == "image" else None)
        if content_type:
            etree.SubElement(root, f"{{{CONTENT_TYPES}}}Override", PartName="/" + name, ContentType=content_type)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
