"""The built-in reference .docx: python-docx's blank document turned into a 公文 with our styles.

templates/reference.docx is this module's output; regenerate it with
`python -m drafter.docx.reference templates/reference.docx` (a test checks it is current).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from drafter.docx import xml
from drafter.docx.package import normalise_zip
from drafter.docx.styles import add_page_numbers, apply_page_setup, apply_styles
from drafter.layout import Layout

EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def make_reference(layout: Layout = Layout()) -> docx.document.Document:
    document = docx.Document()
    settings = document.settings.element
    xml.set_east_asian_theme_language(settings)
    xml.set_compatibility_mode(settings)
    apply_styles(document, layout)
    apply_page_setup(document.sections[0], layout)
    add_page_numbers(document, layout)
    _drop_thumbnail(document)
    props = document.core_properties
    props.author, props.comments, props.last_modified_by = "drafter", "", "drafter"
    props.created = props.modified = EPOCH
    props.revision = 1
    return document


def _drop_thumbnail(document) -> None:
    # The blank template carries a thumbnail of an empty page; Explorer would show it for every draft.
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def reference_bytes(layout: Layout = Layout()) -> bytes:
    buffer = io.BytesIO()
    make_reference(layout).save(buffer)
    return normalise_zip(buffer.getvalue())


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(reference_bytes())
