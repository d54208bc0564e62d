"""Writing outputs safely: atomically, and never over a draft that a person has edited."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from drafter.docx.edits import describe_edits
from drafter.docx.package import is_unedited_drafter_output
from drafter.errors import DrafterError, OutputError
from drafter.safeio import os_reason, output_target_problem, read_bounded

NEW_NAME = "请用 -o 指定新的文件名。"
MAX_EXISTING = 256 * 1024 * 1024  # an existing output larger than this is certainly not a draft of ours


def refuse_existing(path: Path, detail: str) -> None:
    """For files drafter only ever creates (a form, a copied template): stop if one is there already,
    a dangling symbolic link included."""
    if os.path.lexists(path):
        raise OutputError(f"{path}: 文件已存在，{detail}")


def refuse_unwritable(path: Path) -> None:
    """Stop before any work when `path` is a folder, a link, a pipe or a device."""
    problem = output_target_problem(path)
    if problem:
        raise OutputError(f"{path}: {problem}。")


def check_overwrite(path: Path, force: bool, drafted: bytes | None = None) -> None:
    """Refuse to replace a .docx that drafter did not write or that was changed since, unless forced;
    the refusal lists the paragraphs that differ from `drafted`, what drafter would write now."""
    refuse_unwritable(path)
    if force or not path.exists():
        return
    existing = _read_existing(path)
    if not is_unedited_drafter_output(existing):
        changes = describe_edits(existing, drafted) if drafted is not None else []
        listed = "".join(f"\n  {line}" for line in changes)
        raise OutputError(
            f"{path}: 该文件在 drafter 生成后已被修改（或不是 drafter 生成的），为免丢失修改，未予覆盖。"
            + (f"与本次将生成的文稿相比：{listed}\n" if listed else "")
            + "如确需覆盖，请加 --force（原文件会另存为同名的 .bak 备份）；或用 -o 指定新的文件名。"
        )


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(path: Path) -> int:
    """The mode a new file gets from the umask, or the mode of the file being replaced."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _read_existing(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_EXISTING, "已有文件")
    except DrafterError as exc:
        raise OutputError(str(exc)) from exc


def backup_edited(path: Path) -> Path | None:
    """Before a forced rebuild: copy an edited (or foreign) .docx to "name.docx.bak" beside it (or
    "name.docx.2.bak" …, never over an older backup); None when there is nothing worth keeping."""
    if not path.is_file():
        return None
    existing = _read_existing(path)
    if is_unedited_drafter_output(existing):
        return None
    backup = path.with_name(path.name + ".bak")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.{number}.bak")
        number += 1
    write_atomically(backup, existing)
    return backup


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place; on failure leave no trace.

    The file gets the permissions a new file gets from the umask, or keeps those of the file it replaces
    (mkstemp alone would make every output private to its owner).
    """
    refuse_unwritable(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError as exc:
        raise OutputError(f"{path}: 输出文件夹不存在。") from exc
    except PermissionError as exc:
        raise OutputError(f"{path}: 没有在该文件夹中写文件的权限。") from exc
    except OSError as exc:
        raise OutputError(f"{path}: 无法在该文件夹中写文件（{os_reason(exc)}）。") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except PermissionError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{path}: 无法写入：文件可能正在 Word/WPS 中打开，请先在 Word/WPS 中关闭该文件后重试。") from exc
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{path}: 写入失败（{os_reason(exc)}），原有文件未改动。") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
