"""write_docx: Document blocks -> .docx bytes, on top of a reference .docx that carries the styles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.styles import BabelFish
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from drafter.document import Block, Document, Heading, Paragraph, Recipient, Signature, Table, Title
from drafter.docx.package import FINGERPRINT_PLACEHOLDER, document_bytes
from drafter.docx.styles import (
    BODY_SIZE, STYLE_ATTACHMENT, STYLE_BODY, STYLE_DATE, STYLE_HEADINGS, STYLE_NAMES, STYLE_RECIPIENT,
    STYLE_SIGNATURE, STYLE_TABLE_TEXT, STYLE_TABLE_TITLE, STYLE_TITLE, TABLE_SIZE, add_page_numbers, apply_page_setup,
    apply_styles,
)
from drafter.docx import xml
from drafter.docx.guard import document_from_bytes, open_docx
from drafter.docx.measure import typeset_width
from drafter.docx.table_layout import CELL_MARGIN_PT, cell_lines, column_widths
from drafter.docx.title_lines import title_lines
from drafter.numbering import heading_marker
from drafter.layout import Layout

RUN_IN_STOPS = "。！？：；.!?:;"
ATTACHMENT_NOTE = ("附件：", "附件:")  # 附件说明, the line(s) between the body and the 落款


class DocumentInfo(NamedTuple):
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


def signature_indents(signature: Signature) -> tuple[float, float]:
    """Right indents (in characters) of the organisation line and the date line.

    GB/T 9704 7.3.5.2, unsealed: the name two characters in from the right, the date's first
    character two characters right of the name's first; when the date is the longer, the date two
    characters in and the name moved left to keep that offset. 7.3.5.1, sealed: the date four
    characters in from the right, the name centred over the date.
    """
    name, date = round(typeset_width(signature.org), 2), round(typeset_width(signature.date), 2)
    if signature.sealed:
        return max(0.0, 4 + (date - name) / 2), 4.0
    if date > name:
        return 4 + date - name, 2.0
    return 2.0, name - date


def _clear_body(document) -> None:
    """Drop the reference's own body text; its last sectPr (page setup, header, footer links) stays."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _new_paragraph(document, style_id: str):
    # No direct indent: the flush styles say firstLine 0 in twips and chars themselves (styles.FLUSH_STYLES).
    return xml.append_paragraph(document, style_id)


def _add_paragraph(document, text: str, style_id: str):
    paragraph = _new_paragraph(document, style_id)
    xml.append_run(paragraph, text)
    return paragraph


def _open_builtin(reference):
    """The built-in reference.docx ships inside drafter, so it skips the part-by-part safety parse every
    other .docx gets (a fifth of a build's time); tests/test_fast_paths.py runs it through that check.
    None for any other file."""
    from drafter.resources import templates_dir

    builtin = Path(str(templates_dir())) / "reference.docx"
    if isinstance(reference, Path) and reference.resolve() == builtin.resolve():
        return document_from_bytes(builtin.read_bytes(), reference)
    return None


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
        document = _open_builtin(reference) or open_docx(reference)
    if not own and layout != Layout(reference_docx=layout.reference_docx):
        # The built-in reference is made with the default layout (a test keeps it current), so only
        # another layout needs the styles, page and footers redone.
        apply_styles(document, layout)
        apply_page_setup(document.sections[0], layout)
        add_page_numbers(document, layout)
    _clear_body(document)
    return document


def _add_title(document, block: Title, style_id: str, org: str) -> None:
    """The title centred, in the clerk's own lines or broken at meaning boundaries (title_lines)."""
    xml.append_lines(_new_paragraph(document, style_id)._p, block.lines or title_lines(block.text, org))


def _keep_closing_together(paragraphs, pitch_pt: float) -> None:
    """GB/T 9704 7.3.5: the 落款 never stands alone on a page. The last body paragraph keeps with the
    附件说明 (if any), which keeps with the 落款; the 附件说明 sits one blank line below the body."""
    chain = list(paragraphs)
    notes = [p for p in chain if p.text.startswith(ATTACHMENT_NOTE)]
    if notes:
        notes[0].paragraph_format.space_before = Pt(pitch_pt)
    for paragraph in chain:
        paragraph.paragraph_format.keep_with_next = True


def _closing_paragraphs(document, count: int):
    """The last `count` paragraphs written so far, read from the end of the body (not a full scan)."""
    found = []
    element = document.element.body[-1] if len(document.element.body) else None
    while element is not None and len(found) < count:
        if element.tag == qn("w:p"):
            found.append(DocxParagraph(element, document._body))
        element = element.getprevious()
    return reversed(found)


def write_docx(draft: Document, info: DocumentInfo, reference: Path | bytes, layout: Layout = Layout(),
               own_reference: bool = False) -> bytes:
    """Render the blocks with the reference's styles; returns reproducible bytes with a fingerprint."""
    document = open_reference(reference, layout, own_reference)
    ids = _style_ids(document, STYLE_NAMES)  # looked up once, not per paragraph
    numbers = numbered_headings(draft.blocks)
    one_char = BODY_SIZE.pt
    run_in = None  # a level-3 heading paragraph waiting for its first paragraph of text
    org = next((block.org for block in draft.blocks if isinstance(block, Signature)), "")
    for index, block in enumerate(draft.blocks):
        if isinstance(block, Title):
            _add_title(document, block, ids[STYLE_TITLE], org)
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
                xml.append_run(paragraph, run.text, bold=run.bold, empty_rpr=True)
        elif isinstance(block, Signature):
            notes = _attachment_note_length(draft.blocks, index)
            _keep_closing_together(_closing_paragraphs(document, notes + 1), layout.line_pitch_pt)
            name_indent, date_indent = signature_indents(block)
            for text, style, indent in ((block.org, STYLE_SIGNATURE, name_indent), (block.date, STYLE_DATE, date_indent)):
                line = _add_paragraph(document, text, ids[style])
                line.paragraph_format.right_indent = Pt(one_char * indent)
        elif isinstance(block, Table):
            _add_table(document, block, ids, layout)
    _set_core_properties(document, info)
    return _finish(document)


def _style_ids(document, names) -> dict[str, str]:
    """Style name -> style id for `names`, in one pass over the styles part (python-docx's styles[name]
    runs an XPath query over all of them for each name); the first style of a name wins, as there."""
    by_name: dict[str, str] = {}
    style_id, name_tag, val = qn("w:styleId"), qn("w:name"), qn("w:val")
    for style in document.styles.element.iterchildren(qn("w:style")):
        name = style.find(name_tag)
        if name is not None and name.get(val) is not None and style.get(style_id) is not None:
            by_name.setdefault(name.get(val), style.get(style_id))
    ids = {}
    for name in names:
        internal = BabelFish.ui2internal(name)  # "Heading 1" is "heading 1" in the part, as python-docx maps it
        ids[name] = by_name[internal] if internal in by_name else document.styles[name].style_id
    return ids


def _attachment_note_length(blocks, signature: int, reach: int = 10) -> int:
    """How many paragraphs right before the 落款 form the 附件说明 ("附件：1.…" and its further lines)."""
    for start in range(signature - 1, max(-1, signature - 1 - reach), -1):
        block = blocks[start]
        if not isinstance(block, Paragraph):
            break
        if block.text.startswith(ATTACHMENT_NOTE):
            return signature - start
    return 0


def _add_table(document, block: Table, ids: dict[str, str], layout: Layout) -> None:
    """An attachment page: "附件", the title, then the table with widths from its content."""
    _add_paragraph(document, block.label, ids[STYLE_ATTACHMENT])
    # GB/T 9704 8: "附件" on the first line of the type area, the attachment's title on the third.
    _add_paragraph(document, block.title, ids[STYLE_TABLE_TITLE]).paragraph_format.space_before = Pt(layout.line_pitch_pt)
    columns = max(len(row) for row in block.rows)
    widths = column_widths(block.rows, TABLE_SIZE.pt)
    table = xml.append_table(document, rows=len(block.rows), cols=columns)
    table._tbl.tblStyle_val = _table_style_id(document, TABLE_GRID)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    xml.set_fixed_layout(table)
    xml.set_cell_margins(table, round(CELL_MARGIN_PT * 20))
    for column, width in zip(table.columns, widths):
        column.width = Pt(width)
    for row_index, (row, cells) in enumerate(zip(table.rows, block.rows)):
        xml.set_cant_split(row)
        for tc, width, text in zip(row._tr.tc_lst, widths, cells):
            # off the 28.95 pt line grid: table text is set in 18 pt lines
            xml.fill_cell(tc, Pt(width), ids[STYLE_TABLE_TEXT], cell_lines(text, width, TABLE_SIZE.pt), row_index == 0)
    xml.set_repeat_header(table.rows[0])


TABLE_GRID = "Table Grid"
ON = ("1", "true", "on")  # ST_OnOff's true values


def _table_style_id(document, name: str) -> str | None:
    """What python-docx's table.style = styles[name] writes (the style's id, or None when it is the last
    default table style), in one pass over the styles instead of its XPath search of them (2 ms)."""
    style_id = _style_ids(document, (name,))[name]
    kind, default, id_tag = qn("w:type"), qn("w:default"), qn("w:styleId")
    last_default, is_table = None, False
    for style in document.styles.element.iterchildren(qn("w:style")):
        if style.get(kind) == "table" and style.get(default) in ON:
            last_default = style.get(id_tag)
        is_table = is_table or style.get(id_tag) == style_id and style.get(kind) == "table"
    if not is_table:  # not a table style: python-docx's own error
        return document.part.get_style_id(document.styles[name], WD_STYLE_TYPE.TABLE)
    return None if style_id == last_default else style_id



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
    return document_bytes(document, fingerprint=True)
