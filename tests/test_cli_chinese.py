"""The whole command line speaks Chinese: click's own texts, usage errors, and no traceback from any
command given bad arguments or the wrong kind of file."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from drafter import click_zh
from drafter.cli import cli
from drafter.shell import shell_quote
from tests.conftest import MAIN_EXAMPLE


def click_msgids() -> set[str]:
    """Every text the installed click passes through gettext (`_("…")`, `ngettext("…", "…", n)`)."""
    found = set()
    for source in Path(click.__file__).parent.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        for literal in re.findall(r'\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', text):
            found.add(_join(literal))
        for single, plural in re.findall(r'ngettext\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+),', text):
            found |= {_join(single), _join(plural)}
    return found


def _join(literal: str) -> str:
    return "".join(eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', literal))  # noqa: S307 - click's own literals


def test_every_text_click_translates_has_a_chinese_version():
    msgids = click_msgids()
    assert len(msgids) > 60  # the regular expression still finds click's texts
    missing = sorted(msgids - set(click_zh.MESSAGES) - {"Unknown standard stream '{name}'"} - _terminal_only())
    assert missing == []


def _terminal_only() -> set[str]:
    """Texts of click's Windows console and shell-completion helpers, which drafter never shows."""
    texts = set()
    for name in ("_winconsole.py", "shell_completion.py", "_termui_impl.py", "testing.py", "_compat.py"):
        source = Path(click.__file__).parent / name
        texts |= {_join(x) for x in re.findall(r'\b_\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', source.read_text(encoding="utf-8"))}
    return texts


# English words click could print: every word of its messages and placeholders.
CLICK_WORDS = {
    word
    for text in [*click_zh.MESSAGES, *click_zh.PLACEHOLDERS, "Usage", "Options", "Commands", "Error", "Try"]
    for word in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|%\(\w+\)s", "", text))
}


def english_words(output: str) -> set[str]:
    """Click's English words left in an output, once option names, file names and choice values
    (which the user types as they are) are taken out."""
    output = re.sub(r"--?[A-Za-z][\w-]*|[\w./-]+\.(?:yaml|docx|txt|j2|xlsx|csv|xls|doc|pdf|png)\b|'[a-z_]+'", " ", output)
    return {word for word in re.findall(r"[A-Za-z]+", output) if word in CLICK_WORDS}


def commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found += commands(command, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


BAD_ARGUMENTS = [
    ["--help"],
    [],
    ["--no-such-option"],
    ["missing.yaml"],
    ["a folder"],
    ["word.docx"],
    ["empty.yaml"],
    ["missing.yaml", "多余", "的", "参数"],
    ["word.docx", "-o"],
    ["word.docx", "-n", "abc"],
    ["word.docx", "--year", "abc"],
    ["word.docx", "--format", "xml"],
]


@pytest.fixture
def bad_inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a folder").mkdir()
    (tmp_path / "empty.yaml").write_bytes(b"")
    (tmp_path / "word.docx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    return tmp_path


def test_no_command_given_bad_arguments_shows_a_traceback_or_english(bad_inputs):
    runner = CliRunner()
    seen = 0
    for command in commands():
        for arguments in BAD_ARGUMENTS:
            if command == ("preview",) and "word.docx" in arguments:
                continue  # would start LibreOffice: tests/test_preview.py covers it
            args = [*command, *arguments]
            result = runner.invoke(cli, args, prog_name="drafter")
            output = result.output  # stdout and stderr together
            assert result.exception is None or isinstance(result.exception, SystemExit), (args, output)
            assert "Traceback" not in output, args
            if result.exit_code == 2 or "--help" in args:  # click's own texts (a listing may quote templates)
                assert english_words(output) == set(), (args, output)
            assert result.exit_code in (0, 1, 2), (args, output)
            seen += 1
    assert seen > 100


def test_help_is_in_chinese_with_chinese_placeholders():
    result = CliRunner().invoke(cli, ["build", "--help"], prog_name="drafter")
    assert result.output.startswith("用法：drafter build [选项] 表单\n")
    assert "选项：\n" in result.output
    assert "-h, --help             显示本帮助后退出。" in result.output
    assert "-o, --output 路径      输出的 .docx 文件" in result.output  # columns aligned by display width
    top = CliRunner().invoke(cli, ["--help"], prog_name="drafter").output
    assert top.startswith("用法：drafter [选项] 命令 [参数]...\n") and "\n命令：\n" in top
    listed = top.split("\n命令：\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == sorted(cli.commands)  # one line each, not cut at a space
    assert all(line.endswith("。") for line in listed), listed
    init = CliRunner().invoke(cli, ["init", "--help"], prog_name="drafter").output
    assert "[默认：report.yaml]" in init and "--year 整数" in init


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["biuld", "report.yaml"], "drafter：没有命令“biuld”。您是否要输入 build？\n运行 drafter --help 查看用法。\n"),
        (["valdate"], "drafter：没有命令“valdate”。您是否要输入 validate？\n"),
        (["templates", "shwo"], "drafter templates：没有命令“shwo”。您是否要输入 show？\n"),
        (["zzz"], "drafter：没有命令“zzz”。可用的命令："),
        (["check", "x.txt", "--format", "xml"], "drafter check：--format 的值不对：“xml”不是 'text', 'json' 之一。\n"),
        (["init", "--year", "1800"], "drafter init：--year 的值不对：1800 不在 1990<=x<=2100 范围内。\n"),
        (["suggest", "x", "-n"], "drafter：选项 -n 后面要跟一个值。\n"),
        (["validate", "a.yaml", "b.yaml"], "drafter validate：多给了参数（b.yaml）\n"),
        (["init", "--from", "a.yaml", "--indicators", "b.xlsx"],
         "drafter init：--from 与 --indicators 不能同时使用：请先用 --from 生成表单，再运行 drafter indicators import。\n"),
    ],
)
def test_usage_errors(args, message):
    result = CliRunner().invoke(cli, args, prog_name="drafter")
    assert result.exit_code == 2
    assert result.output.startswith(message), result.output


def test_templates_show_of_the_word_file_and_copy_onto_a_file(bad_inputs):
    runner = CliRunner()
    shown = runner.invoke(cli, ["templates", "show", "reference.docx"])
    assert (shown.exit_code, shown.output) == (
        2, "reference.docx 是 Word 文件，不能以文字显示。可用 drafter templates copy reference.docx 复制出来，再在 Word/WPS 中打开修改。\n")
    (bad_inputs / "notes.txt").write_text("我的笔记", encoding="utf-8")
    copied = runner.invoke(cli, ["templates", "copy", "report.j2", "notes.txt"])
    assert (copied.exit_code, copied.output) == (2, "notes.txt: 这是一个文件，不是文件夹；请给出要复制到的文件夹（如 templates）。\n")
    assert (bad_inputs / "notes.txt").read_text(encoding="utf-8") == "我的笔记"


def test_a_word_file_given_to_build_points_to_extract(bad_inputs):
    result = CliRunner().invoke(cli, ["build", "word.docx"])
    assert result.exit_code == 2
    assert result.output == (
        "word.docx: 这是 Word 文稿（.docx）或其他压缩格式的文件，不是 YAML 表单或纯文本。"
        "要由已有文稿生成表单，请运行：drafter extract word.docx\n")
    (bad_inputs / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    old = CliRunner().invoke(cli, ["validate", "old.doc"])
    assert old.exit_code == 2 and "如是文稿，要由它生成表单，请运行：drafter extract old.doc（需要 LibreOffice" in old.output
    (bad_inputs / "saved as rtf.yaml").write_bytes(b"{\\rtf1\\ansi \\f0 \\'c7\\'e0}")
    rtf = CliRunner().invoke(cli, ["validate", "saved as rtf.yaml"])
    assert rtf.exit_code == 2 and 'drafter extract "saved as rtf.yaml"' in rtf.output


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_form_saved_by_notepad_as_unicode_is_read(tmp_path, encoding):
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    form = tmp_path / "记事本.yaml"
    form.write_bytes(bom + MAIN_EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    result = CliRunner().invoke(cli, ["build", str(form), "-o", str(tmp_path / "out.docx")])
    assert result.exit_code == 0, result.output
    from tests.docx_reading import outline

    assert outline(tmp_path / "out.docx")[0].replace("\n", "") == "T 青山县科学技术局2024年工作总结及2025年工作计划"


def test_suggested_commands_quote_paths_with_spaces(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "我的 文件夹").mkdir()
    result = CliRunner().invoke(cli, ["init", "-o", "我的 文件夹/表单 2025.yaml", "--year", "2025"])
    assert result.output.endswith(f'请填写后运行：drafter validate "{Path("我的 文件夹/表单 2025.yaml")}"\n')  # \\ on Windows
    plain = CliRunner().invoke(cli, ["init", "-o", "表单.yaml", "--year", "2025"])
    assert plain.output.endswith("请填写后运行：drafter validate 表单.yaml\n")
    assert shell_quote(Path("C:/Users/张三/My Documents/r.yaml")) == '"C:/Users/张三/My Documents/r.yaml"'


def test_usage_error_through_the_real_entry_point_is_chinese_on_stderr():
    result = subprocess.run([sys.executable, "-m", "drafter", "biuld"], capture_output=True, encoding="utf-8",
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})  # a Windows pipe is GBK otherwise
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "drafter：没有命令“biuld”。您是否要输入 build？\n运行 drafter --help 查看用法。\n"
