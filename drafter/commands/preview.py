"""drafter preview: a form or a .docx rendered to PDF (and PNG pages) by LibreOffice, as a client would."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from drafter.docx.guard import open_docx
from drafter.errors import DrafterError, InputError
from drafter.output import refuse_unwritable
from drafter.preview import INSTALL_HINT, docx_to_pdf, find_soffice, missing_faces, pdf_to_png

DPI_RANGE = (30, 600)


@dataclass(frozen=True)
class PreviewResult:
    pdf: Path
    pages: tuple[Path, ...]
    warnings: tuple[str, ...] = ()  # 公文 fonts the preview could not find, and how to install them


def preview(source: Path, output: Path | None = None, png_dir: Path | None = None,
            templates: Path | None = None, dpi: int = 80) -> PreviewResult:
    if find_soffice() is None:  # say so before building anything
        raise DrafterError(INSTALL_HINT)
    suffix = source.suffix.lower()
    if suffix not in (".yaml", ".yml", ".docx"):
        raise InputError(f"{source}: 请给出表单（.yaml）或文稿（.docx）。")
    if not source.is_file():
        raise InputError(f"{source}: 文件不存在。")
    if output is not None:
        refuse_unwritable(output)
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise InputError(f"--dpi {dpi}: 分辨率应在 {DPI_RANGE[0]}～{DPI_RANGE[1]} 之间。")
    warnings = tuple(missing_faces())
    with tempfile.TemporaryDirectory(prefix="drafter-preview-") as work:
        if suffix == ".docx":
            open_docx(source)  # a damaged or hostile file is refused here, not handed to LibreOffice
            docx, default_pdf = source, source.with_suffix(".pdf")
        else:
            from drafter.build import build_report, default_output

            built = build_report(source, Path(work) / "draft.docx", templates)
            docx = built.output
            default_pdf = default_output(source, built.document.title).with_suffix(".pdf")
        pdf = docx_to_pdf(docx, output or default_pdf)
    pages = tuple(pdf_to_png(pdf, png_dir, resolution=dpi)) if png_dir else ()
    return PreviewResult(pdf, pages, warnings)
