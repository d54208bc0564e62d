"""Compiled templates are kept between runs, checked against their source, and never in the way."""

from __future__ import annotations

import shutil

import jinja2
import pytest

from drafter.form import load_form
from drafter.templating import render_draft, template_search_path
from drafter.templating.cache import cache_folder
from tests.conftest import MAIN_EXAMPLE, REPO


@pytest.fixture
def compiles(monkeypatch):
    """How many templates Jinja compiled from source."""
    calls = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        calls.append(name)
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return calls


def _render(search_path):
    return render_draft(load_form(MAIN_EXAMPLE).report, search_path)


def test_templates_compile_once_then_come_from_the_cache(tmp_path, monkeypatch, compiles):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    search_path = template_search_path(None, MAIN_EXAMPLE)
    first = _render(search_path)
    assert len(compiles) >= 8 and len(list((tmp_path / "cache" / "templates").iterdir())) == len(compiles)
    compiles.clear()
    assert _render(search_path) == first and compiles == []


def test_an_edited_template_is_compiled_afresh(tmp_path, monkeypatch, compiles):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    own = tmp_path / "templates"
    shutil.copytree(REPO / "templates", own)
    _render([own])
    signature = own / "sections" / "signature.j2"
    signature.write_text(signature.read_text(encoding="utf-8") + "{# 本单位修改 #}\n", encoding="utf-8")
    compiles.clear()
    _render([own])
    assert compiles == ["sections/signature.j2"]


def test_a_damaged_cache_or_none_at_all_changes_nothing(tmp_path, monkeypatch, compiles):
    search_path = template_search_path(None, MAIN_EXAMPLE)
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    assert cache_folder() is None
    expected = _render(search_path)
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    _render(search_path)
    for entry in (tmp_path / "cache" / "templates").iterdir():
        entry.write_bytes(entry.read_bytes()[:12])  # cut short, as by a crash
    compiles.clear()
    assert _render(search_path) == expected and len(compiles) >= 8
    (tmp_path / "blocked").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "blocked"))
    assert _render(search_path) == expected
