"""write_docx: Document blocks -> .docx bytes, on top of a reference .docx that carries the styles."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.shared import Mm, Pt

from drafter.document import Block, Document, Heading, Paragraph, Recipient, Signature, Table, Title
from drafter.docx.package import FINGERPRINT_PLACEHOLDER, normalise_zip
from drafter.docx.styles import (
    BODY_SIZE, STYLE_ATTACHMENT, STYLE_BODY, STYLE_DATE, STYLE_HEADINGS, STYLE_NAMES, STYLE_RECIPIENT,
    STYLE_SIGNATURE, STYLE_TABLE_TEXT, STYLE_TABLE_TITLE, STYLE_TITLE, add_page_numbers, apply_page_setup,
    apply_styles,
)
from drafter.docx import xml
from drafter.docx.guard import document_from_bytes, open_docx
from drafter.numbering import heading_marker
from drafter.layout import Layout

RUN_IN_STOPS = "。！？：；.!?:;"
# Column widths of an attached table, in mm, within the 156 mm type area; the first column (the
# indicator's name) takes what the others leave. Tuned for 主要科技指标完成情况表's eight columns.
TABLE_COLUMNS_MM = {8: (38, 14, 16, 16, 24, 14, 17, 17)}


@dataclass(frozen=True)
class DocumentInfo:
    """Core properties: what Word shows under File > Info."""

    title: str
    author: str
    created: dt.date


def heading_number(level: int, number: int) -> str:
    """The marker of the `number`-th heading at `level`: 一、 （一） 1. （1）."""
    return heading_marker(level, number)


def numbered_headings(blocks: tuple[Block, ...]) -> dict[int, str]:
    """Block index -> heading text with its number, counting by position; deeper levels restart."""
    counters = [0, 0, 0, 0]
    numbered = {}
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            counters[block.level - 1] += 1
            counters[block.level:] = [0] * (4 - block.level)
            numbered[index] = heading_number(block.level, counters[block.level - 1]) + block.text.rstrip("。.")
    return numbered


def text_width(text: str) -> float:
    """Width in body characters: CJK and full-width count 1, digits and Latin letters 1/2."""
    return sum(1 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def signature_indents(signature: Signature) -> tuple[float, float]:
    """Right indents (in characters) of the organisation line and the date line.

    Unsealed: the name two characters in from the right, the date starting two characters right of
    the name's first character. Sealed: the date four characters in, the name centred over it.
    """
    name, date = text_width(signature.org), text_width(signature.date)
    if signature.sealed:
        return max(0.0, 4 + (date - name) / 2), 4.0
    return 2.0, max(0.0, name - date)


def _clear_body(document) -> None:
    """Drop the reference's own body text; its last sectPr (page setup, header, footer links) stays."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _new_paragraph(document, style_id: str):
    paragraph = document.add_paragraph()
    xml.set_paragraph_style(paragraph, style_id)
    return paragraph


def _add_paragraph(document, text: str, style_id: str):
    paragraph = _new_paragraph(document, style_id)
    paragraph.add_run(text)
    return paragraph


def open_reference(reference: Path | bytes, layout: Layout, own: bool):
    """The reference .docx with drafter's styles: all of them restyled by the layout for the built-in
    file; for an office's own file (cleaned first, see clean_reference), its styles, page setup, header
    and footer stay, missing styles are added. `reference` may be the cleaned bytes already."""
    if own:
        from drafter.docx.reference import add_missing_styles, clean_office_reference

        cleaned = reference if isinstance(reference, bytes) else clean_office_reference(reference)[0]
        document = document_from_bytes(cleaned, "Word 模板")
        apply_styles(document, layout, only_missing=True)
        add_missing_styles(document)
    else:
        document = open_docx(reference)
    if not own and layout != Layout(reference_docx=layout.reference_docx):
        # The built-in reference is made with the default layout (a test keeps it current), so only
        # another layout needs the styles, page and footers redone.
        apply_styles(document, layout)
        apply_page_setup(document.sections[0], layout)
        add_page_numbers(document, layout)
    _clear_body(document)
    return document


def write_docx(draft: Document, info: DocumentInfo, reference: Path | bytes, layout: Layout = Layout(),
               own_reference: bool = False) -> bytes:
    """Render the blocks with the reference's styles; returns reproducible bytes with a fingerprint."""
    document = open_reference(reference, layout, own_reference)
    ids = {name: document.styles[name].style_id for name in STYLE_NAMES}  # looked up once, not per paragraph
    numbers = numbered_headings(draft.blocks)
    one_char = BODY_SIZE.pt
    run_in = None  # a level-3 heading paragraph waiting for its first paragraph of text
    for index, block in enumerate(draft.blocks):
        if isinstance(block, Title):
            _add_paragraph(document, block.text, ids[STYLE_TITLE])
        elif isinstance(block, Recipient):
            _add_paragraph(document, block.text, ids[STYLE_RECIPIENT])
        elif isinstance(block, Heading):
            heading = _add_paragraph(document, numbers[index], ids[STYLE_HEADINGS[block.level - 1]])
            following = draft.blocks[index + 1] if index + 1 < len(draft.blocks) else None
            if layout.run_in_level3 and block.level == 3 and isinstance(following, Paragraph):
                run_in = heading
        elif isinstance(block, Paragraph) and run_in is not None:
            if not run_in.text.endswith(tuple(RUN_IN_STOPS)):
                run_in.runs[-1].text += "。"
            for run in block.runs:
                run_in.add_run(run.text).bold = run.bold
            run_in.paragraph_format.keep_with_next = False
            run_in = None
        elif isinstance(block, Paragraph):
            paragraph = _new_paragraph(document, ids[STYLE_BODY])
            for run in block.runs:
                paragraph.add_run(run.text).bold = True if run.bold else None
        elif isinstance(block, Signature):
            # The 落款 never stands alone on a page: the last paragraph goes with it.
            if document.paragraphs:
                document.paragraphs[-1].paragraph_format.keep_with_next = True
            name_indent, date_indent = signature_indents(block)
            name = _add_paragraph(document, block.org, ids[STYLE_SIGNATURE])
            name.paragraph_format.right_indent = Pt(one_char * name_indent)
            date = _add_paragraph(document, block.date, ids[STYLE_DATE])
            date.paragraph_format.right_indent = Pt(one_char * date_indent)
        elif isinstance(block, Table):
            _add_table(document, block, ids)
    _set_core_properties(document, info)
    return _finish(document)


def _add_table(document, block: Table, ids: dict[str, str]) -> None:
    """An attachment page: "附件", the title, then the table with fixed widths and a repeating header."""
    _add_paragraph(document, block.label, ids[STYLE_ATTACHMENT])
    _add_paragraph(document, block.title, ids[STYLE_TABLE_TITLE])
    columns = max(len(row) for row in block.rows)
    widths = TABLE_COLUMNS_MM.get(columns) or (156 / columns,) * columns
    table = document.add_table(rows=len(block.rows), cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    xml.set_fixed_layout(table)
    for column, width in zip(table.columns, widths):
        column.width = Mm(width)
    for row_index, (row, cells) in enumerate(zip(table.rows, block.rows)):
        for cell, width, text in zip(row.cells, widths, cells):
            cell.width = Mm(width)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            xml.set_paragraph_style(paragraph, ids[STYLE_TABLE_TEXT])
            run = paragraph.add_run(text)
            if row_index == 0:
                run.bold = True
    xml.set_repeat_header(table.rows[0])


def _set_core_properties(document, info: DocumentInfo) -> None:
    props = document.core_properties
    props.title = info.title
    props.author = info.author
    props.last_modified_by = info.author
    props.comments = "由 drafter 生成"
    moment = dt.datetime.combine(info.created, dt.time(9, 0), tzinfo=dt.timezone.utc)
    props.created = props.modified = moment
    props.revision = 1


def _finish(document) -> bytes:
    """Save once with a placeholder fingerprint, then put the fingerprint of the content in its place."""
    document.core_properties.identifier = FINGERPRINT_PLACEHOLDER
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue(), fingerprint=True)
