"""How an office's reference .docx differs from a 公文 page (GB/T 9704): paper, margins, body font.

The office's file still wins (its page setup, header and footer are used); the build only says what
differs, so a Letter-size or 宋体 letterhead does not go out unnoticed.
"""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from drafter.layout import BODY_FONT

MM_PER_EMU = 1 / 36000
TOLERANCE_MM = 1.0
PAPER = {"A4": (210, 297), "Letter": (215.9, 279.4), "Legal": (215.9, 355.6), "B5": (176, 250), "A3": (297, 420)}
MARGINS = (("上边距", "top_margin", 37), ("下边距", "bottom_margin", 35), ("左边距", "left_margin", 28), ("右边距", "right_margin", 26))
BODY_SIZE_PT = 16


def _mm(length) -> float | None:
    return None if length is None else length * MM_PER_EMU


def _paper_name(width: float, height: float) -> str:
    for name, (w, h) in PAPER.items():
        if abs(width - w) <= TOLERANCE_MM and abs(height - h) <= TOLERANCE_MM:
            return name
    return "自定义"


def _page_differences(section) -> list[str]:
    found = []
    width, height = _mm(section.page_width), _mm(section.page_height)
    if width is not None and height is not None and (abs(width - 210) > TOLERANCE_MM or abs(height - 297) > TOLERANCE_MM):
        found.append(f"纸张为 {_paper_name(width, height)}（{width:.1f}×{height:.1f} 毫米），公文应为 A4（210×297 毫米）")
    for label, attribute, wanted in MARGINS:
        value = _mm(getattr(section, attribute))
        if value is not None and abs(value - wanted) > TOLERANCE_MM:
            found.append(f"{label} {value:.1f} 毫米（应为 {wanted} 毫米）")
    return found


def _body_font(document) -> str | None:
    """The East Asian font of the Normal style (or the document defaults), as Word would use it."""
    styles = document.styles
    candidates = []
    if "Normal" in [style.name for style in styles]:
        candidates.append(styles["Normal"].element.rPr)
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        candidates.append(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    for rpr in candidates:
        fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
        if fonts is None:
            continue
        if fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
        if fonts.get(qn("w:eastAsiaTheme")):
            return f"主题字体（{fonts.get(qn('w:eastAsiaTheme'))}）"
    return None


def _font_differences(document) -> list[str]:
    found = []
    font = _body_font(document)
    if font is None or "仿宋" not in font:
        found.append(f"正文样式（Normal）的中文字体为 {font or '未指定'}，公文正文应为 {BODY_FONT}")
    size = document.styles["Normal"].font.size if "Normal" in [s.name for s in document.styles] else None
    if size is not None and abs(size.pt - BODY_SIZE_PT) > 0.1:
        found.append(f"正文字号 {size.pt:g} 磅（应为三号，16 磅）")
    return found


def reference_differences(document) -> list[str]:
    """What in a python-docx Document differs from a 公文 page; [] when it matches."""
    return _page_differences(document.sections[0]) + _font_differences(document)


def reference_warning(path: Path, document) -> str | None:
    """One Chinese warning naming every difference, or None."""
    found = reference_differences(document)
    if not found:
        return None
    return (f"注意：Word 模板 {path.name} 不是标准的公文版面（GB/T 9704）：" + "；".join(found)
            + "。文稿仍按该模板的页面设置、页眉页脚和样式生成。")


def reference_file_warning(path: Path, cleaned: bytes) -> str | None:
    """reference_warning for an office's reference, read from its cleaned bytes (see clean_office_reference),
    which the writer has already opened successfully."""
    from drafter.docx.guard import document_from_bytes

    return reference_warning(path, document_from_bytes(cleaned, path))
