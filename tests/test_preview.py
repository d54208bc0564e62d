"""drafter preview: LibreOffice renders a form or a .docx to PDF and PNG; without it, a clear message."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from drafter import preview as preview_module
from drafter.cli import cli
from tests.conftest import MAIN_EXAMPLE, REPO, require_tool
from tests.pdf_layout import read_pages, require_renderer


def test_without_libreoffice_says_how_to_install_and_exits_2(monkeypatch, tmp_path):
    monkeypatch.setattr(preview_module.shutil, "which", lambda name: None)
    result = CliRunner().invoke(cli, ["preview", str(MAIN_EXAMPLE), "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2
    assert result.output.startswith("预览需要 LibreOffice，但本机没有找到（soffice）。请先安装")
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.slow
def test_preview_of_a_form_writes_pdf_and_png_pages(tmp_path, monkeypatch):
    require_renderer()
    monkeypatch.chdir(tmp_path)
    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    result = CliRunner().invoke(cli, ["preview", "report.yaml", "--png", "pages"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "青山县科学技术局2024年工作总结及2025年工作计划.pdf"
    assert result.output.startswith(f"已生成预览：{pdf.name}")
    pages = read_pages(pdf)
    # the title broken before 及, not inside "2025年工作计划"
    assert [line.text for line in pages[0].lines[:2]] == ["青山县科学技术局2024年工作总结", "及2025年工作计划"]
    assert len(list((tmp_path / "pages").glob("*.png"))) == len(pages)
    assert not list(tmp_path.glob("*.docx"))  # previewing a form leaves no draft behind


@pytest.mark.slow
def test_main_example_first_two_pages_as_png_for_a_person_to_look_at(tmp_path):
    """Writes tests/output/main-*.png (ignored by git) so a reviewer can open the pages."""
    require_renderer()
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


def _no_cjk_fonts(tmp_path, monkeypatch):
    """A user's own fontconfig file that knows only DejaVu: none of the 公文 faces nor their stand-ins."""
    conf = tmp_path / "user-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>\n', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    return conf


def test_missing_gongwen_fonts_are_named_in_chinese_with_how_to_install(tmp_path, monkeypatch):
    require_tool("fc-list", "fontconfig tells which fonts are installed")
    _no_cjk_fonts(tmp_path, monkeypatch)
    warnings = preview_module.missing_faces()
    assert [w.split("：")[0] for w in warnings[:-1]] == ["预览缺少仿宋字体", "预览缺少黑体字体", "预览缺少楷体字体", "预览缺少小标宋字体"]
    assert "FandolFang" in warnings[0] and "Noto Serif CJK SC" in warnings[3]
    assert "apt-get install fonts-noto-cjk" in warnings[-1] and "fc-list" in warnings[-1]


def test_preview_fontconfig_builds_on_the_users_fontconfig_file(tmp_path, monkeypatch):
    conf = _no_cjk_fonts(tmp_path, monkeypatch)
    written = preview_module.fontconfig_file(tmp_path).read_text(encoding="utf-8")
    assert f'<include ignore_missing="yes">{conf}</include>' in written
    assert "/etc/fonts/fonts.conf" not in written
    assert "<string>FandolFang</string>" in written  # the 仿宋 names go to the stand-in


def test_dpi_out_of_range_is_a_chinese_error_before_rendering(tmp_path, monkeypatch):
    from drafter.commands import preview as command

    monkeypatch.setattr(command, "find_soffice", lambda: "/usr/bin/soffice")
    result = CliRunner().invoke(cli, ["preview", str(MAIN_EXAMPLE), "--png", str(tmp_path), "--dpi", "5000"])
    assert result.exit_code == 2
    assert "--dpi 5000: 分辨率应在 30～600 之间。" in result.output


@pytest.mark.slow
def test_preview_dpi_sets_the_png_size_and_warns_when_fonts_are_missing(tmp_path, monkeypatch):
    require_renderer()
    built = tmp_path / "draft.docx"
    from drafter.build import build_report

    form = tmp_path / "report.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    build_report(form, built)
    _no_cjk_fonts(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["preview", str(built), "--png", str(tmp_path / "png"), "--dpi", "40"])
    assert result.exit_code == 0, result.output
    assert "预览缺少仿宋字体" in result.output
    first = sorted((tmp_path / "png").glob("*.png"))[0].read_bytes()
    assert abs(int.from_bytes(first[16:20], "big") - round(210 / 25.4 * 40)) <= 1  # A4 width at 40 dpi


def test_real_client_tests_skip_without_stand_in_fonts_and_fail_in_ci(monkeypatch):
    """LibreOffice present but no Fandol fonts: a skip that says why, and in CI a failure."""
    monkeypatch.setattr(preview_module, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(preview_module, "missing_faces", lambda: ["预览缺少仿宋字体：……", "可安装……"])
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="fonts: 预览缺少仿宋字体"):
        require_renderer()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="real-client rendering needs fonts"):
        require_renderer()
