"""The two peers drafter's build is measured against, each run as its own process, each writing the
content drafter wrote (bench/content.py: paragraphs with their style ids and bold runs, and the
attached table) the fastest way its library offers:

    python bench/peers.py floor   BLOCKS.json REFERENCE.docx OUT.docx
    python bench/peers.py template BLOCKS.json REFERENCE.docx TEMPLATE.docx   (not timed)
    python bench/peers.py docxtpl BLOCKS.json TEMPLATE.docx  OUT.docx
    python bench/peers.py floor-libraries BLOCKS.json REFERENCE.docx OUT.docx   (a reference, not a peer)

The floor imports python-docx, opens the same reference .docx, and appends each paragraph before the
section properties with its style id set directly (not python-docx's `style=` name lookup, which
drafter avoids too), its runs and bold, then the table with the Table Grid style. docxtpl renders the
same blocks with autoescape on (so "R&D" survives) from a template made of the same reference, runs as
RichText, the table as a {%tr %} row loop.

floor-libraries is the floor that also imports the libraries drafter cannot build without and the
floor does not use (Jinja2 with its sandbox, PyYAML, click): what any tool on this stack pays before
its own work, so the table can show how much of drafter's time is drafter's.
"""

from __future__ import annotations

import sys

from content import load


def _clear(document) -> None:
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def floor(blocks_path: str, reference: str, out: str) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.table import CT_Tbl
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(reference)
    _clear(document)
    sect_pr = document.element.body[-1]
    parent = document._body

    def paragraph(style_id: str, runs, p=None):
        if p is None:
            p = OxmlElement("w:p")
            sect_pr.addprevious(p)
        p.get_or_add_pPr().style = style_id
        para = Paragraph(p, parent)
        for text, bold in runs:
            para.add_run(text).bold = True if bold else None

    for block in load(blocks_path):
        if "p" in block:
            paragraph(block["p"], block["r"])
            continue
        rows = block["rows"]
        tbl = CT_Tbl.new_tbl(len(rows), max(map(len, rows)), document._block_width)
        sect_pr.addprevious(tbl)
        table = Table(tbl, parent)
        table.style = document.styles["Table Grid"]
        for row, cells in zip(table.rows, rows):
            for cell, runs in zip(row.cells, cells):
                paragraph(block["table"], runs, cell._tc.p_lst[0])
    document.save(out)


def make_docxtpl_template(blocks_path: str, reference: str, out: str) -> None:
    """Paragraph loops before and after the table, one tagged paragraph per style; a bold header row
    and a {%tr %} loop over the data rows, with as many columns as drafter's table."""
    import docx

    blocks = load(blocks_path)
    document = docx.Document(reference)
    _clear(document)
    styles = sorted({b["p"] for b in blocks if "p" in b})
    by_id = {s.style_id: s for s in document.styles}

    def paragraph_loop(name: str) -> None:
        document.add_paragraph(f"{{%p for b in {name} %}}")
        for index, style in enumerate(styles):
            document.add_paragraph(("{%p if " if index == 0 else "{%p elif ") + f"b.s == '{style}' %}}")
            document.add_paragraph("{{r b.rt }}", style=by_id[style])
        document.add_paragraph("{%p endif %}")
        document.add_paragraph("{%p endfor %}")

    paragraph_loop("before")
    table_block = next((b for b in blocks if "table" in b), None)
    if table_block:
        columns = max(map(len, table_block["rows"]))
        table = document.add_table(rows=4, cols=columns)
        table.style = document.styles["Table Grid"]
        cell_style = by_id[table_block["table"]]
        for column in range(columns):
            for row, text in ((0, f"{{{{r header[{column}] }}}}"), (2, f"{{{{r row[{column}] }}}}")):
                table.rows[row].cells[column].paragraphs[0].add_run(text)
                table.rows[row].cells[column].paragraphs[0].style = cell_style
        table.rows[1].cells[0].paragraphs[0].add_run("{%tr for row in rows %}")
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        paragraph_loop("after")
    document.save(out)


def render_docxtpl(blocks_path: str, template: str, out: str) -> None:
    from docxtpl import DocxTemplate, RichText

    def rich(runs) -> RichText:
        text = RichText()
        for t, bold in runs:
            text.add(t, bold=bold or None)
        return text

    blocks = load(blocks_path)
    at = next((i for i, b in enumerate(blocks) if "table" in b), len(blocks))
    paragraphs = [{"s": b["p"], "rt": rich(b["r"])} for b in blocks if "p" in b]
    context = {"before": paragraphs[:at], "after": paragraphs[at:], "header": [], "rows": []}
    if at < len(blocks):
        rows = blocks[at]["rows"]
        context["header"] = [rich(cell) for cell in rows[0]]
        context["rows"] = [[rich(cell) for cell in row] for row in rows[1:]]
    document = DocxTemplate(template)
    document.render(context, autoescape=True)
    document.save(out)


def floor_with_libraries(blocks_path: str, reference: str, out: str) -> None:
    import click  # noqa: F401
    import jinja2  # noqa: F401
    import jinja2.sandbox  # noqa: F401
    import yaml  # noqa: F401

    floor(blocks_path, reference, out)


if __name__ == "__main__":
    {"floor": floor, "docxtpl": render_docxtpl, "template": make_docxtpl_template,
     "floor-libraries": floor_with_libraries}[sys.argv[1]](*sys.argv[2:])
