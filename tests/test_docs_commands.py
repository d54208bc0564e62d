"""The docs stay true to the command line: every `drafter …` command that README.md or docs/*.md
quotes is run, and must name a command and options that exist; the README's set-up works from a
folder whose path has spaces and Chinese, as on a clerk's Windows desktop."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from tests.conftest import MAIN_EXAMPLE, REPO
from tests.docx_reading import outline, text_dump

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def quoted_commands() -> list[tuple[str, str]]:
    """(where, command line) for each code span or code-block line that starts with `drafter `."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        blocks = re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.S | re.M)
        lines = [line.strip() for block in blocks for line in block.splitlines()]
        spans = re.findall(r"(?<!`)`(drafter [^`\n]+)`(?!`)", re.sub(r"^```.*?^```", "", text, flags=re.S | re.M))
        for command in [*(line for line in lines if line.startswith("drafter ")), *spans]:
            found.append((doc.name, command))
    return sorted(set(found))


def arguments(command: str) -> list[str]:
    """A synopsis as a user would type it: the notes after two spaces or a # dropped, the
    optional parts ([-o 输出.docx]) kept, the first of alternatives (text|json) chosen."""
    command = re.split(r"\s{2,}|\s#", command)[0].replace("\\|", "|")
    command = command.replace("[", "").replace("]", "").replace("...", "")
    words = shlex.split(command, posix=True)[1:]
    return [word.split("|")[0] if "|" in word and not word.startswith("-") else word for word in words]


COMMANDS = quoted_commands()


def test_the_docs_quote_commands():
    quoted = {" ".join(arguments(c)[:1]) for _, c in COMMANDS}
    assert {"init", "validate", "build", "check", "extract", "mine", "suggest", "templates", "indicators"} <= quoted


@pytest.mark.parametrize(("doc", "command"), COMMANDS, ids=[f"{d}:{c}" for d, c in COMMANDS])
def test_every_quoted_command_and_option_exists(tmp_path, monkeypatch, doc, command):
    monkeypatch.chdir(tmp_path)  # commands that succeed write their files here
    result = CliRunner().invoke(cli, arguments(command), prog_name="drafter")
    assert result.exception is None or isinstance(result.exception, SystemExit), (command, result.output)
    assert "没有选项" not in result.output, f"{doc}: {command}\n{result.output}"
    assert "没有命令" not in result.output, f"{doc}: {command}\n{result.output}"


def test_the_ci_runs_the_readme_test_command_and_then_the_slow_tests():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    posix = [c for c in re.findall(r"^```bash\n(.*?)\n```", readme, flags=re.S | re.M) if "venv" in c]
    windows = [c for c in re.findall(r"^```bat\n(.*?)\n```", readme, flags=re.S | re.M) if c.startswith("py -m venv .venv &&")]
    assert len(posix) == 2 and len(windows) == 3  # install-and-build, test; Windows also the offline install
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert posix[1] in ci and "-m slow" in ci
    assert windows[1] == posix[1].replace("python3", "py").replace(".venv/bin/", ".venv\\Scripts\\").replace("'", '"')


def test_build_from_a_folder_with_spaces_and_chinese_in_its_path(tmp_path):
    folder = tmp_path / "我的 文档" / "2024年 总结"
    folder.mkdir(parents=True)
    form = folder / "青山 2024.yaml"
    shutil.copyfile(MAIN_EXAMPLE, form)

    def drafter(*args):
        return subprocess.run([sys.executable, "-m", "drafter", *args], cwd=folder, capture_output=True, encoding="utf-8",
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})  # a Windows pipe is GBK otherwise

    validated = drafter("validate", form.name)
    assert validated.returncode == 0, validated.stderr
    built = drafter("build", str(form), "-o", str(folder / "文稿 草稿.docx"))
    assert built.returncode == 0, built.stderr
    assert [line.replace("\n", "") for line in outline(folder / "文稿 草稿.docx")[:2]] == ["T 青山县科学技术局2024年工作总结及2025年工作计划", "H1 一、2024年工作完成情况"]
    assert "全社会R&D经费投入达到12.6亿元" in text_dump(folder / "文稿 草稿.docx")
    extracted = drafter("extract", "文稿 草稿.docx", "-o", "提取 结果.yaml")
    assert extracted.returncode == 0, extracted.stderr
    assert extracted.stdout.endswith('请核对后运行：drafter validate "提取 结果.yaml"\n')
    assert drafter("validate", "提取 结果.yaml").returncode == 0
