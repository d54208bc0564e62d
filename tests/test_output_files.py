"""Every write path: atomic, permissions from the umask and kept on replace, OS errors in Chinese with nothing
half-written left behind, never through a link or into a special file (docs/reliability.md)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from pathlib import Path

import pytest

from drafter.build import build_report
from drafter.commands.extract import extract_to_form
from drafter.commands.init import init_form
from drafter.commands.mine import mine_paths
from drafter.commands.templates import copy_template
from drafter.errors import DrafterError, OutputError
from drafter.output import write_atomically
from drafter.templating.render import builtin_templates
from tests.conftest import MAIN_EXAMPLE, REPO

SEED_TEXT = REPO / "seeds" / "000_3e3a879254da2c44.txt"


@pytest.fixture
def form(tmp_path) -> Path:
    path = tmp_path / "r.yaml"
    shutil.copyfile(MAIN_EXAMPLE, path)
    return path


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _writers(tmp_path: Path, form: Path):
    """Each command that writes a file, as a function of the target path."""
    text = tmp_path / "old.txt"
    text.write_text("\n".join(SEED_TEXT.read_text(encoding="utf-8").splitlines()[:30]), encoding="utf-8")
    return {
        "build": lambda target: build_report(form, target, force=True),
        "init": lambda target: init_form(target, 2024, "青山县科学技术局"),
        "extract": lambda target: extract_to_form(text, target),
        "mine": lambda target: mine_paths([text], target),
        "templates copy": lambda target: copy_template("report.j2", [builtin_templates()], target.parent),
    }


NAMES = {"build": "out.docx", "init": "f.yaml", "extract": "e.yaml", "mine": "bank.yaml", "templates copy": "report.j2"}


@pytest.mark.parametrize("command", list(NAMES))
def test_new_files_get_the_umask_permissions(tmp_path, form, umask_022, command):
    target = tmp_path / "out" / NAMES[command]
    target.parent.mkdir()
    _writers(tmp_path, form)[command](target)
    assert _mode(target) == 0o644


def test_a_rebuild_keeps_the_permissions_of_the_draft_it_replaces(tmp_path, form, umask_022):
    out = build_report(form, tmp_path / "out.docx").output
    os.chmod(out, 0o640)
    build_report(form, out)
    assert _mode(out) == 0o640
    os.chmod(out, 0o664)
    build_report(form, out, force=True)
    assert _mode(out) == 0o664


ERRORS = [(errno.ENOSPC, "磁盘空间已满"), (errno.EROFS, "只读"), (errno.EDQUOT, "配额"), (errno.EIO, "读写设备出错")]


@pytest.mark.parametrize(("command", "code", "reason"),
                         [("build", code, reason) for code, reason in ERRORS]
                         + [(command, *ERRORS[0]) for command in NAMES if command != "build"])
def test_os_errors_while_writing_are_chinese_and_leave_nothing(tmp_path, form, monkeypatch, code, reason, command):
    writers = _writers(tmp_path, form)
    target = tmp_path / "out" / NAMES[command]
    target.parent.mkdir()
    before = sorted(p.name for p in target.parent.iterdir())

    def fail(*args):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OutputError, match=reason):
        writers[command](target)
    assert sorted(p.name for p in target.parent.iterdir()) == before  # no temporary file, no 0-byte file


@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "只读"), (errno.ENOSPC, "磁盘空间已满")])
def test_an_unwritable_folder_is_said_before_anything_is_made(tmp_path, form, monkeypatch, code, reason):
    import tempfile

    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", fail)
    with pytest.raises(OutputError, match=reason):
        build_report(form, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_no_write_through_a_symlink(tmp_path, form):
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"keep me")
    (tmp_path / "out.docx").symlink_to(victim)
    with pytest.raises(OutputError, match="符号链接"):
        build_report(form, tmp_path / "out.docx", force=True)
    assert victim.read_bytes() == b"keep me"
    (tmp_path / "dangling.docx").symlink_to(tmp_path / "nowhere.docx")
    with pytest.raises(OutputError, match="符号链接"):
        write_atomically(tmp_path / "dangling.docx", b"x")
    assert not (tmp_path / "nowhere.docx").exists()


@pytest.mark.parametrize("special", ["fifo", "/dev/null", "/dev/zero"])
def test_no_output_into_a_special_file(tmp_path, form, special):
    if special == "fifo":
        os.mkfifo(tmp_path / "pipe.docx")
        target = tmp_path / "pipe.docx"
    else:
        target = tmp_path / "dev.docx"
        target.symlink_to(special)
    with pytest.raises(OutputError):
        build_report(form, target, force=True)


def test_a_form_from_stdin_or_a_device_is_refused(tmp_path):
    from drafter.form import load_form

    for device in ("/dev/zero", "/dev/urandom", "/dev/stdin", "/dev/null"):
        with pytest.raises(DrafterError):
            load_form(Path(device))


def test_an_existing_output_that_is_a_zip_bomb_is_not_opened(tmp_path, form):
    import time
    import zipfile

    out = tmp_path / "out.docx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/core.xml", b"\x00" * (70 * 1024 * 1024))
    start = time.perf_counter()
    with pytest.raises(OutputError, match="已被修改|不是 drafter 生成的"):
        build_report(form, out)
    assert time.perf_counter() - start < 5


def test_an_existing_output_with_a_corrupt_member_is_a_refusal_not_a_traceback(tmp_path, form):
    """Listing what was edited in an existing file read it without the guard: zlib.error escaped."""
    out = build_report(form, tmp_path / "out.docx").output
    data = bytearray(out.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 20:start + 60] = bytes(40)
    out.write_bytes(bytes(data))
    with pytest.raises(OutputError, match="已被修改|不是 drafter 生成的"):
        build_report(form, out)
