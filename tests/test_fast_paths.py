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


def test_parse_runs_fast_path_for_plain_text_gives_what_the_loop_gives():
    from drafter.document import BOLD_OFF, BOLD_ON, Run, parse_runs

    assert parse_runs("") == ()
    assert parse_runs("全年新认定高新技术企业45家。") == (Run("全年新认定高新技术企业45家。", False),)
    assert parse_runs(f"{BOLD_ON}一是{BOLD_OFF}强化主体。") == (Run("一是", True), Run("强化主体。", False))
    assert parse_runs(f"{BOLD_OFF}末尾") == (Run("末尾", False),)


def test_no_character_the_form_refuses_is_printable():
    """bad_character's fast path (a printable value has none) holds for every code point."""
    from drafter.form.yaml_source import BAD_CHARACTER, bad_character

    refused = [chr(code) for code in range(0x110000) if BAD_CHARACTER.match(chr(code))]
    assert len(refused) > 2000 and not any(char.isprintable() for char in refused)
    assert bad_character("全年\u3000新认定\x1e45家") == "\x1e" and bad_character("R&D 经费") is None


def test_a_plain_value_that_starts_with_no_number_character_is_text_as_the_patterns_say():
    from drafter.form.yaml_source import FLOAT_RE, INF_RE, INT_RE, NAN_RE, NUMBER_STARTS, plain_value

    # every character one of the four patterns can start a match with, tried with the tails they accept
    starts = {chr(code) for code in range(0x110000)
              if any(p.fullmatch(chr(code) + tail) for p in (INT_RE, FLOAT_RE, INF_RE, NAN_RE)
                     for tail in ("", "5", ".5", "inf", "nan"))}
    assert starts == NUMBER_STARTS
    assert [plain_value(t) for t in ("12.6", "-3", ".inf", "1e3", "二〇二四", "0x1F")] == [12.6, -3, float("inf"), 1000.0, "二〇二四", "0x1F"]


def test_table_style_id_is_what_python_docx_would_write():
    """writer._table_style_id, one pass over the styles, against python-docx's table.style setter: for
    every table style of the built-in reference, and again when Table Grid is the default table style."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    from drafter.docx.writer import _table_style_id
    from drafter.resources import templates_dir

    document = docx.Document(str(templates_dir() / "reference.docx"))
    tables = [s.name for s in document.styles if s.type == WD_STYLE_TYPE.TABLE]
    assert "Table Grid" in tables and len(tables) > 5
    for made_default in (False, True):
        if made_default:
            document.styles["Table Grid"].element.set(qn("w:default"), "1")
        for name in tables:
            assert _table_style_id(document, name) == document.part.get_style_id(document.styles[name], WD_STYLE_TYPE.TABLE)
    assert _table_style_id(document, "Table Grid") is None
