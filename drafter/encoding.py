"""Text files from Chinese offices: UTF-8 (with or without BOM), or GB18030 as old Windows tools save it."""

from __future__ import annotations

from drafter.errors import InputError


def decode_lines(raw: bytes, file: str) -> tuple[str, str | None]:
    """Like decode_text, but a file that mixes encodings (text pasted from several places) is decoded
    line by line; a line in neither encoding keeps what can be read of it."""
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
