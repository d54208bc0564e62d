"""drafter.recache: fixed patterns compiled once and kept between runs must be exactly re.compile's."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from drafter import recache

HAN_RULE = r"(?<=[\u4e00-\u9fff])[,;:?!]|[,;:?!](?=[\u4e00-\u9fff])"
SAMPLES = ["全年新认定高新技术企业45家,同比增长12.5%", "R&D 经费投入11.2亿元：居全市第2位", "2024年12月20日", ""]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache in tmp_path/cache, as on a machine where drafter never ran."""
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(recache, "_entries", None)
    monkeypatch.setattr(recache, "_added", False)
    return tmp_path / "cache"


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]


def test_a_pattern_from_the_cache_is_the_one_re_compiles(fresh, monkeypatch):
    patterns = [(HAN_RULE, 0), (r"(?P<year>\d{4})年(\d{1,2})月", 0), (r"^r&d\s*(经费)", re.I | re.M)]
    first = [recache.compile(p, f) for p, f in patterns]
    recache._save()
    assert len(list(fresh.glob("patterns-*.marshal"))) == 1
    monkeypatch.setattr(recache, "_entries", None)
    monkeypatch.setattr(recache, "_program", lambda *a: pytest.fail("compiled again instead of read from the cache"))
    for (pattern, flags), earlier in zip(patterns, first):
        again = recache.compile(pattern, flags)
        _same(again, re.compile(pattern, flags))
        _same(again, earlier)


def test_a_damaged_or_foreign_cache_is_a_miss(fresh, monkeypatch):
    recache.compile(HAN_RULE)
    recache._save()
    (cached,) = fresh.glob("patterns-*.marshal")
    for damage in (cached.read_bytes()[:40], b"not marshal at all", b"\xe9" * 64):
        cached.write_bytes(damage)
        monkeypatch.setattr(recache, "_entries", None)
        _same(recache.compile(HAN_RULE), re.compile(HAN_RULE))
    # a program for another pattern under this pattern's key (a matcher's code it refuses): compiled afresh
    monkeypatch.setattr(recache, "_entries", {(HAN_RULE, 0): (32, [1, 2, 3], 0, {}, (None,))})
    _same(recache.compile(HAN_RULE), re.compile(HAN_RULE))


def test_off_means_no_cache_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAFTER_CACHE_DIR", "off")
    monkeypatch.setattr(recache, "_entries", None)
    _same(recache.compile(HAN_RULE), re.compile(HAN_RULE))
    recache._save()
    assert not list(tmp_path.iterdir())


def test_every_cached_pattern_of_a_build_matches_as_re_compiles_it(tmp_path):
    """Two builds in fresh processes: the first writes the cache, the second reads every pattern from it;
    each pattern in the file, handed to the matcher, behaves as re.compile's (checked in a third)."""
    from tests.conftest import MAIN_EXAMPLE

    outputs, caches = [], []
    for number in (1, 2):  # another hash seed each run: a pattern made from a set must come out the same
        env = {**os.environ, "DRAFTER_CACHE_DIR": str(tmp_path / "cache"), "PYTHONHASHSEED": str(number)}
        out = tmp_path / f"draft{number}.docx"
        subprocess.run([sys.executable, "-m", "drafter", "build", str(MAIN_EXAMPLE), "-o", str(out)],
                       check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
        caches.append({p.name: p.read_bytes() for p in (tmp_path / "cache").glob("patterns-*")})
    assert outputs[0] == outputs[1]
    assert caches[0] == caches[1], "the second build compiled patterns the first had not kept"
    check = ("import marshal, re, sys, _sre\n"
             "entries = marshal.loads(open(sys.argv[1], 'rb').read())\n"
             "assert len(entries) > 100, len(entries)\n"
             "for (pattern, flags), program in entries.items():\n"
             "    a, b = _sre.compile(pattern, *program), re.compile(pattern, flags)\n"
             "    assert (a.flags, a.groups, a.groupindex) == (b.flags, b.groups, b.groupindex), pattern\n"
             "    for text in sys.argv[2:]:\n"
             "        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], pattern\n")
    (cached,) = (tmp_path / "cache").glob("patterns-*.marshal")
    subprocess.run([sys.executable, "-c", check, str(cached), *SAMPLES], check=True)


def test_the_file_stays_bounded(fresh, monkeypatch):
    monkeypatch.setattr(recache, "MAX_ENTRIES", 5)
    monkeypatch.setattr(recache, "_used", {})
    for number in range(12):
        recache.compile(f"第{number}位")
    assert len(recache._entries) <= 5
    assert ("第11位", 0) in recache._entries


def test_packaged_yaml_is_parsed_once_and_kept_as_the_same_data(tmp_path, monkeypatch):
    import yaml

    from drafter.resources import packaged_yaml, schemas_dir

    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    text = (schemas_dir() / "indicators.yaml").read_text(encoding="utf-8")
    expected = yaml.safe_load(text)
    assert packaged_yaml(text) == expected
    (kept,) = (tmp_path / "cache" / "data").iterdir()
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed again instead of read from the cache"))
    assert packaged_yaml(text) == expected
    monkeypatch.undo()
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    kept.write_text('{"indicators": [', encoding="utf-8")  # cut short, as by a crash
    assert packaged_yaml(text) == expected
    edited = text.replace("id: rd_expenditure", "id: rd_spending", 1)  # an edited file: a new entry, never the old parse
    assert packaged_yaml(edited) == yaml.safe_load(edited) != expected
    dated = "year: 2024-01-01\n"  # JSON would not give a date back: parsed every time, never kept
    assert packaged_yaml(dated) == yaml.safe_load(dated)
    assert len(list((tmp_path / "cache" / "data").iterdir())) == 2


def test_a_cache_folder_that_cannot_be_written_changes_nothing(tmp_path, monkeypatch):
    from drafter.resources import packaged_yaml

    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(blocked))
    monkeypatch.setattr(recache, "_entries", None)
    _same(recache.compile(HAN_RULE), re.compile(HAN_RULE))
    recache._save()  # no error, nothing written
    assert packaged_yaml("words: [一, 二]\n") == {"words": ["一", "二"]}
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_patterns_compiled_by_a_module_being_imported_come_from_the_cache(fresh, tmp_path, monkeypatch):
    """import_time_patterns: a library's import-time constant is cached; a pattern compiled at run time, by
    anyone, is not (it may be made from the user's input); afterwards re is as it was."""
    (tmp_path / "library_with_constants.py").write_text(
        f"import re\nRULE = re.compile({HAN_RULE!r})\nSPACE = re.compile(r'\\s+', re.M)\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    plain = re._compile
    with recache.import_time_patterns():
        assert re._compile is not plain
        import library_with_constants

        at_run_time = re.compile("某某" + str(id(tmp_path)))
    assert re._compile is plain
    assert set(recache._entries) == {(HAN_RULE, 0), (r"\s+", int(re.M))}
    _same(library_with_constants.RULE, re.compile(HAN_RULE))
    _same(library_with_constants.SPACE, re.compile(r"\s+", re.M))
    assert at_run_time.pattern.startswith("某某")


def test_a_bad_pattern_in_an_imported_module_fails_as_it_would_without_the_cache(fresh, tmp_path, monkeypatch):
    (tmp_path / "library_with_a_mistake.py").write_text("import re\nRULE = re.compile('[unclosed')\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(re.error), recache.import_time_patterns():
        import library_with_a_mistake  # noqa: F401
    assert re._compile is recache._re_compile


def test_a_run_time_pattern_asked_for_again_is_not_looked_into_again(fresh, monkeypatch):
    """re.sub(pattern, …) in a loop: the stack is walked for the first call only, and the pattern is never cached."""
    walked = []
    monkeypatch.setattr(recache, "_importing", lambda frame: walked.append(frame) or False)
    with recache.import_time_patterns():
        for text in SAMPLES:
            re.sub(r"[，,、]\s*", "|", text)
    assert len(walked) == 1 and not recache._entries
