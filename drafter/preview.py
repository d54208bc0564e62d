"""Render a .docx as a real client would: LibreOffice headless with free stand-ins for 公文 fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

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


# The four faces a 公文 needs, by the name a clerk knows, with the names that can stand for each.
FACES = {
    "仿宋": (("仿宋_GB2312", "仿宋", "FangSong"), "FandolFang", "正文和三、四级标题"),
    "黑体": (("黑体", "SimHei"), "FandolHei", "一级标题"),
    "楷体": (("楷体_GB2312", "楷体", "KaiTi"), "FandolKai", "二级标题"),
    "小标宋": (("方正小标宋简体", "方正小标宋_GBK"), "Noto Serif CJK SC", "文稿标题"),
}
FONT_HINT = (
    "可安装免费替代字体：sudo apt-get install fonts-noto-cjk texlive-lang-chinese"
    "（Fandol 仿宋/黑体/楷体）；或把已有的字体文件放进 ~/.fonts 后运行 fc-cache。"
    "用 fc-list :lang=zh family 查看本机的中文字体。"
)


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def system_fontconfig() -> str:
    """The configuration the user's own programs use: their FONTCONFIG_FILE if set, else the system's."""
    return os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"


def installed_families(names) -> set[str]:
    """Which of `names` fontconfig knows as installed families (fc-list), under the user's configuration."""
    if shutil.which("fc-list") is None:
        return set(names)  # cannot tell; do not warn falsely
    result = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, text=True,
                            env=dict(os.environ, FONTCONFIG_FILE=system_fontconfig()), check=False)
    families = {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}
    return {name for name in names if name in families}


def missing_faces() -> list[str]:
    """Chinese warnings, one per 公文 face for which neither the font nor a free stand-in is installed."""
    found = installed_families({name for names, stand_in, _ in FACES.values() for name in (*names, stand_in)})
    warnings = [f"预览缺少{face}字体：本机既没有 {'、'.join(names)}，也没有替代字体 {stand_in}；"
                f"{use}将以其他字体显示，版式可能与 Word/WPS 中不同。"
                for face, (names, stand_in, use) in FACES.items() if not found.intersection((*names, stand_in))]
    return warnings + [FONT_HINT] if warnings else []


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file: the user's (or the system's) configuration plus our font aliases, which send
    a 公文 font name to its free stand-in only when the font itself is not installed."""
    real = installed_families(FONT_STAND_INS)
    rules = []
    for name, (stand_in, bold) in FONT_STAND_INS.items():
        if name in real:
            continue
        weight = '<edit name="weight" mode="assign"><const>bold</const></edit>' if bold else ""
        rules.append(
            f'<match target="pattern"><test name="family" compare="eq"><string>{name}</string></test>'
            f'<edit name="family" mode="assign" binding="strong"><string>{stand_in}</string></edit>{weight}</match>'
        )
    path = folder / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f'<include ignore_missing="yes">{escape(system_fontconfig())}</include>\n'
        f'<cachedir>{escape(str(folder / "cache"))}</cachedir>\n' + "\n".join(rules) + "\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


def docs_to_pdfs(documents: list[Path], folder: Path, timeout: float = 600) -> dict[Path, Path]:
    """Convert many files with one LibreOffice start (a second or more saved per file), each PDF
    named after its file in `folder`."""
    if len({document.stem for document in documents}) != len(documents):
        raise DrafterError("同一批转换的文件不能同名。")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as work:
        work_dir = Path(work)
        env = dict(os.environ, FONTCONFIG_FILE=str(fontconfig_file(work_dir)))
        produced = soffice_convert_many(documents, "pdf", work_dir, timeout, env)
        return {document: Path(shutil.move(str(pdf), folder / pdf.name)) for document, pdf in produced.items()}


def docx_to_pdf(docx: Path, pdf: Path, timeout: float = 120) -> Path:
    """One file to `pdf`."""
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as work:
        produced = docs_to_pdfs([docx], Path(work), timeout)[docx]
        _make_folder(pdf.parent)
        write_atomically(pdf, produced.read_bytes())  # atomic, umask permissions, OS errors in Chinese
    return pdf


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: 无法建立文件夹（{os_reason(exc)}）。") from exc


def soffice_convert(source: Path, to: str, work_dir: Path, timeout: float = 120, env: dict | None = None,
                    missing: str = INSTALL_HINT) -> Path:
    """`soffice --headless --convert-to TO` of one file into work_dir; returns the file produced."""
    return soffice_convert_many([source], to, work_dir, timeout, env, missing)[source]


def soffice_convert_many(sources: list[Path], to: str, work_dir: Path, timeout: float = 120,
                         env: dict | None = None, missing: str = INSTALL_HINT) -> dict[Path, Path]:
    """`soffice --headless --convert-to TO` of many files with one start, into work_dir/out, with a private
    profile in work_dir (a shared one makes a second soffice do nothing); source -> file produced."""
    soffice = find_soffice()
    if soffice is None:
        raise DrafterError(missing)
    out = work_dir / "out"
    command = [
        soffice, f"-env:UserInstallation={(work_dir / 'profile').as_uri()}", "--headless", "--norestore",
        "--convert-to", to, "--outdir", str(out), *map(str, sources),
    ]
    try:
        subprocess.run(command, env=env, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DrafterError(f"LibreOffice 转换超时（{timeout:.0f} 秒）。") from exc
    produced = {}
    for source in sources:
        path = out / (source.stem + "." + to.split(":")[0])
        if not path.is_file():
            raise DrafterError(f"{source}: LibreOffice 未能转换该文件。")
        produced[source] = path
    return produced


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
