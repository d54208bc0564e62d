"""What the build's fast paths rely on."""

from __future__ import annotations

from pathlib import Path

from drafter.docx.guard import check_parts, package_parts
from drafter.docx.writer import _open_builtin
from drafter.resources import templates_dir
from tests.conftest import REPO

BUILTIN = Path(str(templates_dir())) / "reference.docx"


def test_the_builtin_reference_passes_the_safety_check_it_skips_at_build_time():
    raw = BUILTIN.read_bytes()
    check_parts(package_parts(raw, BUILTIN), BUILTIN)  # raises on a DTD, an entity, bad XML, deep nesting


def test_only_the_builtin_reference_skips_the_check(tmp_path):
    assert _open_builtin(BUILTIN) is not None
    copy = tmp_path / "reference.docx"
    copy.write_bytes(BUILTIN.read_bytes())
    assert _open_builtin(copy) is None  # an office's file, even an identical one, is checked
    assert _open_builtin(REPO / "templates" / "starter.yaml") is None


def test_the_notes_prefilter_lets_through_every_character_that_normalises_to_a_notes_word():
    """checks.numbering normalises (NFKC) only paragraphs starting with one of NOTE_STARTS."""
    import unicodedata

    from drafter.checks.numbering import NOTE_STARTS

    starts = {chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF
              and unicodedata.normalize("NFKC", chr(code))[:1] in "注说备"}
    assert starts <= set(NOTE_STARTS)


def test_the_bad_character_pattern_is_the_plain_definition_on_every_code_point():
    from drafter.form.yaml_source import bad_character

    def plain(code: int) -> bool:
        return ((code < 32 and chr(code) not in "\t\n\r") or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF
                or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE)

    assert [code for code in range(0x110000) if (bad_character(chr(code)) is not None) != plain(code)] == []
