"""Every command, given every kind of bad argument, answers in Chinese with an exit code; never a traceback,
never a hang (docs/reliability.md, "命令行参数")."""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from tests.conftest import MAIN_EXAMPLE, REPO

SEED_TEXT = REPO / "seeds" / "000_3e3a879254da2c44.txt"
X = "{X}"

COMMANDS = [
    ["validate", X], ["validate", "{FORM}", "--last", X],
    ["build", X], ["build", "{FORM}", "-o", X], ["build", "{FORM}", "--templates", X],
    ["build", "{FORM}", "--reference-docx", X], ["build", "{FORM}", "--last", X],
    ["init", "-o", X], ["init", "--from", X, "-o", "{NEW}.yaml"], ["init", "--year", X, "-o", "{NEW}.yaml"],
    ["check", X], ["check", "{TXT}", X], ["check", "{TXT}", "--form", X],
    ["extract", X], ["extract", "{TXT}", "-o", X],
    ["mine", X, "-o", "{NEW}.yaml"], ["mine", "{TXT}", "-o", X],
    ["suggest", "科技", "--bank", X], ["suggest", "科技", "-n", X], ["suggest", X],
    # preview runs LibreOffice whenever an argument turns out usable (a read-only form is still a form)
    pytest.param(["preview", X], marks=pytest.mark.slow), pytest.param(["preview", "{FORM}", "-o", X], marks=pytest.mark.slow),
    ["preview", "{BIN}.docx", "-o", X], ["preview", X, "-o", "{DIR}"],
    ["templates", "list", "--templates", X], ["templates", "show", X],
    ["templates", "show", "report.j2", "--templates", X],
    ["templates", "copy", "report.j2", X], ["templates", "copy", X, "{NEW}"],
    ["templates", "diff", X], ["templates", "diff", "report.j2", "--templates", X],
    ["templates", "show", "report.j2", "--context", "--templates", X],
    ["build", "{FORM}", "--bank", X], ["check", "{TXT}", "--words", X], ["check", "{TXT}", "--comments", X],
    ["check", "{TXT}", "--fix", X], ["check", X, "--enable", "punct"],
    ["check", "{TXT}", "-j", X], ["check", "{TXT}", "--disable", X], ["mine", "{TXT}", "-o", "{NEW}.yaml", "-j", X],
    ["init", "--indicators", X, "-o", "{NEW}.yaml"],
    ["indicators", "import", X, "{FORM}", "--dry-run"], ["indicators", "import", "{TXT}", X, "--dry-run"],
    ["outline", X], ["outline", "{TXT}", X],
    ["preview", "{BIN}.docx", "--dpi", X], ["preview", "{BIN}.docx", "--png", X],
]

# Every kind of bad argument once (empty, missing, a folder, a pipe, an endless device, unwritable,
# binary noise, a number, a path out of the folder, a dangling link): every command meets these in the
# default run. The variants of the same kinds (other suffixes, other devices) run with the slow tests,
# since a usable argument means a whole build or mining run each time.
BAD_KINDS = ["", "nope", "{DIR}", "{FIFO}", "/dev/zero", "{RODIR}/out.docx", "{BIN}.docx", "-5", "../x.j2",
             "{DANGLING}"]
BAD_VARIANTS = ["nope.yaml", "nope.docx", "nope.txt", "/dev/null", "/dev/stdin", "{RO}.yaml", "{BIN}.yaml",
                "{BIN}.txt", "{PNG}", "abc"]
BAD = BAD_KINDS + BAD_VARIANTS


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("args")
    shutil.copyfile(MAIN_EXAMPLE, root / "form.yaml")
    shutil.copyfile(SEED_TEXT, root / "good.txt")
    (root / "dir").mkdir()
    os.mkfifo(root / "fifo")
    shutil.copyfile(MAIN_EXAMPLE, root / "ro.yaml")
    os.chmod(root / "ro.yaml", 0o444)
    (root / "rodir").mkdir()
    os.chmod(root / "rodir", 0o555)
    noise = random.Random(9).randbytes(4096)
    for suffix in (".yaml", ".docx", ".txt"):
        (root / f"bin{suffix}").write_bytes(noise)
    (root / "picture.png").write_text("not a picture")
    (root / "dangling.docx").symlink_to(root / "gone.docx")
    yield {"FORM": str(root / "form.yaml"), "TXT": str(root / "good.txt"), "DIR": str(root / "dir"),
           "FIFO": str(root / "fifo"), "RO": str(root / "ro"), "RODIR": str(root / "rodir"), "BIN": str(root / "bin"),
           "PNG": str(root / "picture.png"), "DANGLING": str(root / "dangling.docx"), "ROOT": str(root)}
    os.chmod(root / "rodir", stat.S_IRWXU)


def _command_paths(group, prefix=()) -> set[tuple[str, ...]]:
    paths = set()
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        paths |= _command_paths(command, prefix + (name,)) if sub else {prefix + (name,)}
    return paths


def test_every_command_is_in_the_matrix():
    shapes = [c if isinstance(c, list) else c.values[0] for c in COMMANDS]
    covered = {tuple(part for part in shape[:2] if not part.startswith(("{", "-")) and part != "科技") for shape in shapes}
    missing = [path for path in _command_paths(cli) if not any(path == c[:len(path)] for c in covered)]
    assert missing == []


def _alarm(signum, frame):
    raise TimeoutError("the command hung")


@pytest.mark.parametrize("bads", [pytest.param(BAD_KINDS, id="kinds"),
                                  pytest.param(BAD_VARIANTS, id="variants", marks=pytest.mark.slow)])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) if isinstance(c, list) else None)
def test_no_command_ends_in_a_traceback_or_hangs(command, bads, places, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for number, bad in enumerate(bads):
            fill = dict(places, X=bad.format(**places), NEW=str(tmp_path / f"new{number}"))
            args = [part.format(**fill) for part in command]
            signal.alarm(30)
            try:
                result = runner.invoke(cli, args, catch_exceptions=True)
            finally:
                signal.alarm(0)
            where = f"drafter {' '.join(args)}"
            assert result.exception is None or isinstance(result.exception, SystemExit), \
                f"{where}: {result.exception!r}\n{result.output}"
            assert result.exit_code in (0, 1, 2), f"{where}: exit {result.exit_code}\n{result.output}"
            assert "Traceback" not in result.output, where
            if result.exit_code == 2:
                assert any("\u4e00" <= ch <= "\u9fff" for ch in result.output), f"{where}: {result.output}"
    finally:
        signal.signal(signal.SIGALRM, previous)
