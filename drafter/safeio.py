"""Reading files from untrusted places: regular files only, never more than a limit, whatever st_size says.

A FIFO blocks forever when opened, /dev/zero never ends and /dev/stdin is whatever the shell attached;
none of them is a form, a bank, a template or a report, so they are refused before being opened.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from drafter.errors import InputError

CHUNK = 1024 * 1024

# errno -> what a clerk can do about it; anything else keeps the system's own text.
OS_REASONS = {
    errno.ENOSPC: "磁盘空间已满（或文件数已达上限），请清理磁盘后重试",
    errno.EDQUOT: "磁盘配额已用完，请清理后重试",
    errno.EROFS: "该位置只读（如光盘、只读挂载的 U 盘或网络盘），请换一个可写的位置",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOENT: "文件或文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EMFILE: "打开的文件过多",
    errno.EIO: "读写设备出错（磁盘或网络盘可能有故障）",
    errno.ELOOP: "符号链接层数过多",
}


def os_reason(exc: OSError) -> str:
    """A Chinese reason for an OSError, for messages like "X: 写入失败（reason）"."""
    return OS_REASONS.get(exc.errno, exc.strerror or type(exc).__name__)


def _stat_problem(path: Path, missing: str | None, cannot: str, folder: str, special: str) -> str | None:
    """stat `path` and say what makes it unusable: missing (`missing`, None when that is fine), a stat
    error, a folder, or anything that is not a regular file; None for a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return missing
    except OSError as exc:
        return f"{cannot}（{os_reason(exc)}）"
    if stat.S_ISDIR(info.st_mode):
        return folder
    if not stat.S_ISREG(info.st_mode):
        return special
    return None


def regular_file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a file (missing, a folder, a device or pipe), or None when it can."""
    missing = "文件不存在" if not os.path.islink(path) else "是指向不存在文件的符号链接"
    return _stat_problem(path, missing, "无法读取", "这是一个文件夹，不是文件", "不是普通文件（如管道、设备或终端），不予读取")


def read_bounded(path: Path, limit: int, what: str = "文件") -> bytes:
    """The bytes of a regular file of at most `limit` bytes, counted while reading, not trusted from stat.

    Everything that goes wrong is an InputError in Chinese naming the file.
    """
    problem = regular_file_problem(path)
    if problem:
        raise InputError(f"{path}: {problem}。")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
        with open(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped after the check above
                raise InputError(f"{path}: 不是普通文件（如管道、设备或终端），不予读取。")
            chunks, total = [], 0
            while total <= limit:
                chunk = stream.read(min(CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except OSError as exc:
        raise InputError(f"{path}: 无法读取{what}（{os_reason(exc)}）。") from exc
    if total > limit:
        raise InputError(f"{path}: 文件过大（超过 {_size(limit)}），不像是{what}，不予读取。")
    return b"".join(chunks)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"


def output_target_problem(path: Path) -> str | None:
    """Why drafter must not write `path` (a link, a device, a pipe, a folder), or None when it may.

    A symbolic link is refused even when it points at a regular file: writing through it would change a
    file elsewhere, and replacing it would silently cut the link the user made.
    """
    if os.path.islink(path):
        return "是符号链接，为安全起见不写入；请换一个文件名"
    return _stat_problem(path, None, "无法访问", "这是一个文件夹，请指定文件名", "不是普通文件（如管道、设备或终端），不能作为输出")
