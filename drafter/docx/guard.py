"""Opening a Word file from elsewhere: limits checked before anything is parsed, every failure a Chinese refusal.

One place for every reader of .docx files (reading, check, extract, mine, a reference .docx): the file is
read through a bounded reader, the zip's members are counted, measured and decompressed with limits,
and every XML part is parsed by a parser that refuses DTDs and entities (XXE, "billion laughs") and
deep nesting before python-docx sees any of it.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from drafter.errors import DrafterError, InputError
from drafter.safeio import read_bounded

MAX_FILE = 128 * 1024 * 1024     # bytes on disk; a report with photos is a few MB
MAX_MEMBER = 64 * 1024 * 1024    # bytes, uncompressed: a report's document.xml is well under 5 MB
MAX_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 200                  # uncompressed / compressed: XML compresses about 10:1
MAX_PARTS = 2000                 # a long report with many images has a few hundred
MAX_DEPTH = 256                  # XML nesting; Word's own files stay under 30
XML_SUFFIXES = (".xml", ".rels", ".vml")

NOT_DOCX = "不是有效的 .docx 文件，或文件已损坏"
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                              huge_tree=False, remove_blank_text=False)


def _refuse(label, reason: str) -> InputError:
    return InputError(f"{label}: {reason}。")


def check_docx(path: Path, kind: str = ".docx") -> None:
    """Raise InputError for a file that is not a zip, whose members expand past the limits, or whose XML
    holds a DTD, an entity or too deep nesting (an .xlsx is a zip of XML too: `kind` names the format)."""
    check_parts(package_parts(read_bounded(path, MAX_FILE, f"{kind} 文件"), path, kind), path, kind)


def read_package(path: Path) -> dict[str, bytes]:
    """Every member of the .docx at `path`, decompressed within the limits; InputError otherwise."""
    return package_parts(read_bounded(path, MAX_FILE, "Word 文件"), path)


def package_parts(raw: bytes, label, kind: str = ".docx") -> dict[str, bytes]:
    """The members of a .docx (or another Office zip, `kind`) given as bytes; `label` names it in messages."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            RuntimeError, struct.error) as exc:  # NotImplementedError: "zip file version 19.8" (fuzzer)
        raise _refuse(label, NOT_DOCX.replace(".docx", kind)) from exc
    if len(members) > MAX_PARTS:
        raise _refuse(label, f"文件中的部件过多（{len(members)} 个，上限 {MAX_PARTS}），不像是 Word 文稿，已拒绝读取")
    parts: dict[str, bytes] = {}
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise _refuse(label, "文件已加密（设有打开密码），请在 Word/WPS 中取消密码后另存再试")
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(label, "文件使用了 Word 不用的压缩方式，可能已损坏或被改动，已拒绝读取")
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER or total > MAX_TOTAL or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise _refuse(label, "文件解压后过大（可能是“压缩炸弹”），已拒绝读取")
        if member.filename in parts:
            raise _refuse(label, f"文件中有重名的部件（{member.filename}），可能被改动过，已拒绝读取")
        parts[member.filename] = _read_member(archive, member, label)
    return parts


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, label) -> bytes:
    """A member's bytes, never more than the limit whatever its header claims."""
    try:
        with archive.open(member) as stream:
            data = stream.read(MAX_MEMBER + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError) as exc:
        raise _refuse(label, f"{NOT_DOCX}（部件 {member.filename} 无法解压）") from exc
    if len(data) > MAX_MEMBER:
        raise _refuse(label, "文件解压后过大（可能是“压缩炸弹”），已拒绝读取")
    return data


def parse_xml(data: bytes, label, part: str, kind: str = ".docx"):
    """An XML part parsed safely: no DTD or entity, no network, no nesting past MAX_DEPTH."""
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise _refuse(label, f"{NOT_DOCX.replace('.docx', kind)}（部件 {part} 的 XML 有误）") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise _refuse(label, f"部件 {part} 含有 DTD/实体声明（Word 从不使用，可能是恶意构造），已拒绝读取")
    for element in root.iter():
        if isinstance(element, etree._Entity):
            raise _refuse(label, f"部件 {part} 含有实体引用，已拒绝读取")
    if _depth(root) > MAX_DEPTH:
        raise _refuse(label, f"部件 {part} 的 XML 嵌套过深，已拒绝读取")
    return root


def _depth(root) -> int:
    deepest = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def check_parts(parts: dict[str, bytes], label, kind: str = ".docx") -> None:
    """Parse every XML part safely, so python-docx never meets a DTD, an entity or a malformed part."""
    for name, data in parts.items():
        if name.lower().endswith(XML_SUFFIXES):
            parse_xml(data, label, name, kind)


def open_docx(path: Path):
    """A python-docx Document for a Word file from anywhere, or an InputError in Chinese.

    This is the one door every .docx comes in through; readers call it and nothing else.
    """
    raw = read_bounded(path, MAX_FILE, "Word 文件")
    check_parts(package_parts(raw, path), path)
    return document_from_bytes(raw, path)


def document_from_bytes(raw: bytes, label):
    """python-docx's Document for bytes whose parts check_parts has passed."""
    import docx

    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(raw))
        # a part holding the wrong XML (styles.xml that is really a header) fails here, not deep in a reader
        roots = {"document": document.element, "styles": document.styles.element, "settings": document.settings.element}
    except DrafterError:
        raise
    except Exception as exc:  # python-docx raises KeyError, ValueError, AttributeError… for broken packages
        raise _refuse(label, f"{NOT_DOCX}（{type(exc).__name__}）") from exc
    for name, element in roots.items():
        if element.tag != qn(f"w:{name}"):
            raise _refuse(label, f"{NOT_DOCX}（{name} 部件的内容不对）")
    if document.element.body is None:
        raise _refuse(label, f"{NOT_DOCX}（没有正文部分）")
    return document
