"""The two peers drafter's build is measured against, each run as its own process:

    python bench/peers.py floor   BLOCKS.json REFERENCE.docx OUT.docx
    python bench/peers.py docxtpl BLOCKS.json TEMPLATE.docx  OUT.docx

BLOCKS.json holds [style name, text] for every paragraph drafter wrote. The floor imports python-docx,
opens the same reference .docx and writes those paragraphs with those styles, nothing else. docxtpl
renders the same list from a Word template whose tagged paragraphs carry the same styles
(make_docxtpl_template builds it).
"""

from __future__ import annotations

import json
import sys

STYLES = ("Title", "主送机关", "Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "落款", "成文日期",
          "附件标识", "表题")


def floor(blocks_path: str, reference: str, out: str) -> None:
    import docx

    blocks = json.loads(open(blocks_path, encoding="utf-8").read())
    document = docx.Document(reference)
    body = document.element.body
    for child in list(body)[:-1]:  # keep the section properties
        body.remove(child)
    styles = {name: document.styles[name] for name in STYLES}
    for style, text in blocks:
        document.add_paragraph(text, style=styles[style])
    document.save(out)


def make_docxtpl_template(reference: str, out: str) -> None:
    """One tagged paragraph per style inside a loop: {%p for b in blocks %}{%p if b.s == …%}{{ b.t }}…"""
    import docx

    document = docx.Document(reference)
    body = document.element.body
    for child in list(body)[:-1]:
        body.remove(child)
    document.add_paragraph("{%p for b in blocks %}")
    for index, style in enumerate(STYLES):
        document.add_paragraph(("{%p if " if index == 0 else "{%p elif ") + f"b.s == '{style}' %}}")
        document.add_paragraph("{{ b.t }}", style=document.styles[style])
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(out)


def render_docxtpl(blocks_path: str, template: str, out: str) -> None:
    from docxtpl import DocxTemplate

    blocks = [{"s": s, "t": t} for s, t in json.loads(open(blocks_path, encoding="utf-8").read())]
    document = DocxTemplate(template)
    document.render({"blocks": blocks})
    document.save(out)


if __name__ == "__main__":
    {"floor": floor, "docxtpl": render_docxtpl, "template": make_docxtpl_template}[sys.argv[1]](*sys.argv[2:])
