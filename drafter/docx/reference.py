"""Reference .docx files: the built-in one (python-docx's blank document turned into a 公文 with our
styles), and an office's own one, cleaned before use.

templates/reference.docx is this module's output; regenerate it with
`python -m drafter.docx.reference templates/reference.docx` (a test checks it is current).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import sys
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from docx.oxml.ns import qn

from drafter.docx import xml
from drafter.docx.clean_reference import clean_reference
from drafter.docx.guard import check_parts, package_parts, read_package
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


# Styles drafter uses by name beyond the paragraph styles apply_styles defines.
BORROWED_STYLES = ("Table Grid",)


def clean_office_reference(path: Path) -> tuple[bytes, list[str]]:
    """An office's reference .docx reduced to styles, page setup, header and footer (see clean_reference),
    and what was dropped; refused (InputError) before anything is written if it cannot be read back."""
    cleaned, dropped = clean_reference(read_package(path), path)
    check_parts(package_parts(cleaned, path), path)  # what we made must read back as safely as the input
    return cleaned, dropped


@functools.lru_cache(maxsize=1)
def _builtin_styles():
    from drafter.templating.render import builtin_templates

    return docx.Document(str(builtin_templates() / "reference.docx")).styles.element


def add_missing_styles(document) -> None:
    """Copy the styles drafter asks for by name (a LibreOffice-saved letterhead has no "Table Grid"), with
    the styles they are based on, from the built-in reference."""
    own = document.styles.element
    source = _builtin_styles()
    names = {style.name for style in document.styles}
    ids = {element.get(qn("w:styleId")) for element in own.iterchildren(qn("w:style"))}
    by_id = {element.get(qn("w:styleId")): element for element in source.iterchildren(qn("w:style"))}
    by_name = {element.find(qn("w:name")).get(qn("w:val")): element for element in source.iterchildren(qn("w:style"))
               if element.find(qn("w:name")) is not None}
    for name in BORROWED_STYLES:
        element = by_name.get(name)
        while element is not None and name not in names and element.get(qn("w:styleId")) not in ids:
            own.append(copy.deepcopy(element))
            ids.add(element.get(qn("w:styleId")))
            based = element.find(qn("w:basedOn"))
            element = by_id.get(based.get(qn("w:val"))) if based is not None else None


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(reference_bytes())
