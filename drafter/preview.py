"""Render a .docx as a real client would: LibreOffice headless with free stand-ins for 公文 fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError, OutputError
from drafter.output import write_atomically
from drafter.safeio import os_reason

# The fonts a 公文 names, and the free faces that stand in for them in a preview.
FONT_STAND_INS = {
    "仿宋_GB2312": ("FandolFang", False),
    "仿宋": ("FandolFang", False),
    "楷体_GB2312": ("FandolKai", False),
    "楷体": ("FandolKai", False),
    "黑体": ("FandolHei", False),
    "宋体": ("FandolSong", False),
    "方正小标宋简体": ("Noto Serif CJK SC", True),
    "方正小标宋_GBK": ("Noto Serif CJK SC", True),
}

INSTALL_HINT = (
    "预览需要 LibreOffice，但本机没有找到（soffice）。请先安装，例如在 Debian/Ubuntu 上运行：\n"
    "  sudo apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk\n"
    "Windows 上可直接用 Word 或 WPS 打开生成的 .docx。"
)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file: the system's configuration plus our font aliases."""
    rules = []
    for name, (stand_in, bold) in FONT_STAND_INS.items():
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family" compare="eq"><string>{name}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{stand_in}</string></edit>{weight}</match>'
        )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f'<cachedir>{folder / "cache"}</cachedir>\n' + "\n".join(rules) + "\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def docx_to_pdf(docx: Path, pdf: Path, timeout: float = 120) -> Path:
    """Convert with a private LibreOffice profile (a shared one makes a second soffice do nothing)."""
    soffice = find_soffice()
    if soffice is None:
        raise DrafterError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as work:
        work_dir = Path(work)
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(work_dir)))
        command = [
            soffice, f"-env:UserInstallation={(work_dir / 'profile').as_uri()}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", str(work_dir), str(docx),
        ]
        try:
            subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise DrafterError(f"{docx}: LibreOffice 转换超时（{timeout:.0f} 秒）。") from exc
        produced = work_dir / (docx.stem + ".pdf")
        if not produced.is_file():
            raise DrafterError(f"{docx}: LibreOffice 未能转换该文件。")
        _make_folder(pdf.parent)
        write_atomically(pdf, produced.read_bytes())  # atomic, umask permissions, OS errors in Chinese
    return pdf


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: 无法建立文件夹（{os_reason(exc)}）。") from exc


def pdf_to_png(pdf: Path, folder: Path, resolution: int = 80, last_page: int | None = None) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise DrafterError("生成 PNG 需要 pdftoppm（Debian/Ubuntu：sudo apt-get install poppler-utils）。")
    _make_folder(folder)
    pages = ["-l", str(last_page)] if last_page else []
    done = subprocess.run(["pdftoppm", "-png", "-r", str(resolution), *pages, str(pdf), str(folder / pdf.stem)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise OutputError(f"{folder}: 生成 PNG 失败（pdftoppm：{done.stderr.decode('utf-8', 'replace').strip()[:200]}）。")
    return sorted(folder.glob(f"{pdf.stem}*.png"))
