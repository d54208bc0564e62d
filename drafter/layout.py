"""Layout choices a form may make (`layout:`), each defaulting to GB/T 9704-2012. No Word code here."""

from __future__ import annotations

from typing import NamedTuple

BODY_FONT = "仿宋_GB2312"


class Layout(NamedTuple):
    line_pitch_pt: float = 28.95  # exact line spacing: 22 lines a page with the standard margins
    title_font: str = "方正小标宋简体"
    heading_fonts: tuple[str, ...] = ("黑体", "楷体_GB2312", BODY_FONT, BODY_FONT)
    heading_bold: tuple[bool, ...] = (False, False, True, False)
    run_in_level3: bool = False   # "1.高新技术企业量质齐升。全年新认定……" in one paragraph
    page_numbers: str = "odd-even"  # odd-even: odd right, even left; centred: both centred
    reference_docx: str | None = None  # an office's own styles and page setup, relative to the form

    @property
    def line_pitch_twips(self) -> int:
        return round(self.line_pitch_pt * 20)

    @classmethod
    def from_form(cls, data: dict | None) -> Layout:
        data = data or {}
        defaults = cls()
        return cls(
            line_pitch_pt=data.get("line_pitch", defaults.line_pitch_pt),
            title_font=data.get("title_font", defaults.title_font),
            heading_bold=tuple(data.get("heading_bold", defaults.heading_bold)),
            run_in_level3=data.get("run_in_level3", defaults.run_in_level3),
            page_numbers=data.get("page_numbers", defaults.page_numbers),
            reference_docx=data.get("reference_docx"),
        )
