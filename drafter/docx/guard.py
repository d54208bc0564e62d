"""Refuse a .docx that would cost more to open than a report ever does: a zip bomb, or not a zip at all."""

from __future__ import annotations

import zipfile
from pathlib import Path

from drafter.errors import InputError

MAX_MEMBER = 64 * 1024 * 1024    # bytes, uncompressed: a report's document.xml is well under 5 MB
MAX_TOTAL = 256 * 1024 * 1024
MAX_RATIO = 200                  # uncompressed / compressed: XML compresses about 10:1


def check_docx(path: Path, kind: str = ".docx") -> None:
    """Raise InputError for a file that is not a zip, or whose members expand past the limits
    (an .xlsx is a zip of XML too: `kind` names the format in the message)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path}: 不是有效的 {kind} 文件，或文件已损坏。") from exc
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER or total > MAX_TOTAL or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise InputError(f"{path}: 文件解压后过大（可能是“压缩炸弹”），已拒绝读取。")
