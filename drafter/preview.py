"""Render a .docx as a real client would: LibreOffice headless with free stand-ins for 公文 fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError

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
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as work:
        work_dir = Path(work)
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(work_dir)))
        produced = soffice_convert(docx, "pdf", work_dir, timeout, env)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), pdf)
    return pdf


def soffice_convert(source: Path, to: str, work_dir: Path, timeout: float = 120, env: dict | None = None,
                    missing: str = INSTALL_HINT) -> Path:
    """`soffice --headless --convert-to TO` into work_dir, with a private profile there (a shared one
    makes a second soffice do nothing); returns the file produced."""
    soffice = find_soffice()
    if soffice is None:
        raise DrafterError(missing)
    command = [
        soffice, f"-env:UserInstallation={(work_dir / 'profile').as_uri()}", "--headless", "--norestore",
        "--convert-to", to, "--outdir", str(work_dir), str(source),
    ]
    try:
        subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DrafterError(f"{source}: LibreOffice 转换超时（{timeout:.0f} 秒）。") from exc
    produced = work_dir / (source.stem + "." + to.split(":")[0])
    if not produced.is_file():
        raise DrafterError(f"{source}: LibreOffice 未能转换该文件。")
    return produced


def pdf_to_png(pdf: Path, folder: Path, resolution: int = 80, last_page: int | None = None) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise DrafterError("生成 PNG 需要 pdftoppm（Debian/Ubuntu：sudo apt-get install poppler-utils）。")
    folder.mkdir(parents=True, exist_ok=True)
    pages = ["-l", str(last_page)] if last_page else []
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), *pages, str(pdf), str(folder / pdf.stem)], check=True)
    return sorted(folder.glob(f"{pdf.stem}*.png"))
