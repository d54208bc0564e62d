"""Text files from Chinese offices: UTF-8 (with or without BOM), GB18030 as old Windows tools save it,
or UTF-16 with a BOM, which is what Windows Notepad writes when "Unicode" is chosen."""

from __future__ import annotations

import codecs

from drafter.errors import InputError
from drafter.shell import shell_quote

UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Word files given where text is expected: a .docx is a zip, a .doc (and .xls) an OLE2 compound file.
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"


def decode_lines(raw: bytes, file: str) -> tuple[str, str | None]:
    """Like decode_text, but a file that mixes encodings (text pasted from several places) is decoded
    line by line; a line in neither encoding keeps what can be read of it."""
    _refuse_binary(raw, file)
    try:
        return decode_text(raw, file)
    except InputError:
        pass
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("gb18030", errors="replace"))
    return "\n".join(lines), f"{file}: 各行编码不一（UTF-8 与 GB18030 混杂），已逐行识别，个别字可能有误。"


def decode_text(raw: bytes, file: str) -> tuple[str, str | None]:
    """Bytes to text, and a note when the encoding had to be guessed (GB18030)."""
    _refuse_binary(raw, file)
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise InputError(f"{file}: 按 UTF-16（“Unicode”）编码读取失败（第 {exc.start + 1} 个字节起），请另存为 UTF-8 编码后重试。") from exc
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), f"{file}: 按 GB18030（GBK）编码读取；建议另存为 UTF-8。"
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{file}: 无法识别文件编码（第 {exc.start + 1} 个字节起），请另存为 UTF-8 编码后重试。"
        ) from exc


def _refuse_binary(raw: bytes, file: str) -> None:
    """A Word file given as a form or text: say what to do with it instead of "unknown encoding"."""
    if raw.startswith(ZIP_MAGIC):
        raise InputError(
            f"{file}: 这是 Word 文稿（.docx）或其他压缩格式的文件，不是 YAML 表单或纯文本。"
            f"要由已有文稿生成表单，请运行：drafter extract {shell_quote(file)}"
        )
    if raw.startswith(OLE_MAGIC) or raw.startswith(RTF_MAGIC):
        raise InputError(
            f"{file}: 这是旧版 Word/WPS 文稿（.doc/.wps/.rtf）或 Excel 表格（.xls），不是 YAML 表单或纯文本。"
            f"如是文稿，要由它生成表单，请运行：drafter extract {shell_quote(file)}（需要 LibreOffice；"
            "也可先在 Word/WPS 中另存为 .docx）"
        )
