"""Text files from Chinese offices: UTF-8 (with or without BOM), or GB18030 as old Windows tools save it."""

from __future__ import annotations

from drafter.errors import InputError


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
