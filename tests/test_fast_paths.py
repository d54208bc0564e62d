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
