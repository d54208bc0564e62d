"""drafter preview: LibreOffice renders a form or a .docx to PDF and PNG; without it, a clear message."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from drafter import preview as preview_module
from drafter.cli import cli
from tests.conftest import MAIN_EXAMPLE, REPO, require_tool
from tests.pdf_layout import read_pages


def test_without_libreoffice_says_how_to_install_and_exits_2(monkeypatch, tmp_path):
    monkeypatch.setattr(preview_module.shutil, "which", lambda name: None)
    result = CliRunner().invoke(cli, ["preview", str(MAIN_EXAMPLE), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert result.output.startswith("预览需要 LibreOffice，但本机没有找到（soffice）。请先安装")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
def test_preview_of_a_form_writes_pdf_and_png_pages(tmp_path, monkeypatch):
    require_tool("soffice", "drafter preview renders with LibreOffice")
    monkeypatch.chdir(tmp_path)
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    result = CliRunner().invoke(cli, ["preview", "report.yaml", "--png", "pages"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "青山县科学技术局2024年工作总结及2025年工作计划.pdf"
    assert result.output.startswith(f"已生成预览：{pdf.name}")
    pages = read_pages(pdf)
    assert pages[0].lines[0].text.startswith("青山县科学技术局2024年工作总结及2025年")
    assert len(list((tmp_path / "pages").glob("*.png"))) == len(pages)
    assert not list(tmp_path.glob("*.docx"))  # previewing a form leaves no draft behind


@pytest.mark.slow
def test_main_example_first_two_pages_as_png_for_a_person_to_look_at(tmp_path):
    """Writes tests/output/main-*.png (ignored by git) so a reviewer can open the pages."""
    require_tool("soffice", "renders the main example")
    from drafter.commands.preview import preview
    from drafter.preview import pdf_to_png

    out = REPO / "tests" / "output"
    pdf = preview(MAIN_EXAMPLE, tmp_path / "main.pdf").pdf
    pages = pdf_to_png(pdf, out, last_page=2)
    assert [p.name for p in pages] == ["main-1.png", "main-2.png"]
    for page in pages:
        header = page.read_bytes()[:24]
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert abs(height / width - 297 / 210) < 0.01  # A4 portrait
