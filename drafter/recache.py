"""Regular expressions compiled once and kept between runs, like Python keeps compiled modules.

Python compiles every pattern afresh in each process, in Python code: a class of Chinese characters
such as [\u4e00-\u9fff] alone takes about a millisecond (re fills a 65,536-entry table one entry at a
time), and the ~150 fixed patterns of the checks took a sixth of a build. `compile` keeps what the
compiler produced for each pattern (the matcher's code, flags and groups, for this Python only) in
one file in drafter's cache folder (drafter.cache_dir; DRAFTER_CACHE_DIR=off: no cache), and
hands it straight to the matcher next time. A missing, damaged or foreign cache is a miss: the
pattern is compiled as before, so the result is always the pattern re.compile would give.

Only fixed patterns go through here, never ones built from input: those written in drafter's code
(`compile`), and those any module compiles while it is being imported (`import_time_patterns`: the
libraries' constants, such as PyYAML's 3 ms class of printable characters; a module's import-time code
cannot see the user's input).
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
from contextlib import contextmanager
from pathlib import Path

try:  # Python 3.11+
    from re import _compiler, _parser
except ImportError:  # Python 3.10
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]
import _sre

from drafter.cache_dir import cache_root, keep

_re_compile = getattr(re, "_compile", re.compile)  # re's own, taken before import_time_patterns stands in
MAX_ENTRIES = 1000  # drafter has about 300; past this the file starts afresh with this run's patterns
_entries: dict | None = None
_used: dict = {}  # this run's patterns
_added = False


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 (the name re uses)
    entries = _load()
    key = (pattern, int(flags))
    program = entries.get(key)
    if program is not None:
        try:
            compiled = _sre.compile(pattern, *program)
            _used[key] = program
            return compiled
        except Exception:  # written by another Python, or damaged: compile afresh
            pass
    try:
        program = _program(pattern, int(flags))
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # the private compiler API changed: fall back to re's own
        return _re_compile(pattern, flags)
    _remember(key, program)
    return compiled


@contextmanager
def import_time_patterns():
    """While inside, a pattern compiled by a module being imported comes from the cache; every other
    pattern (one compiled at run time, by a library or by drafter) is re's business as usual."""
    if getattr(re, "_compile", None) is not _re_compile:  # another Python's re, or already inside
        yield
        return

    # Patterns seen compiled at run time: a check or reader calling re.sub(pattern, …) for every line
    # asks again and again, and walking its stack each time cost 25 ms over 100 drafts.
    at_run_time: set = set()

    def compile_with_cache(pattern, flags):
        if isinstance(pattern, str) and not flags & re.DEBUG and (pattern, flags) not in at_run_time:
            if _importing(sys._getframe(1)):
                return compile(pattern, flags)
            if len(at_run_time) >= MAX_ENTRIES:
                at_run_time.clear()
            at_run_time.add((pattern, flags))
        return _re_compile(pattern, flags)

    re._compile = compile_with_cache
    try:
        yield
    finally:
        re._compile = _re_compile


IMPORT_MACHINERY = "<frozen importlib._bootstrap>"


def _importing(frame) -> bool:
    """Whether the code that asked for a pattern runs under an import statement."""
    while frame is not None:
        if frame.f_code.co_filename == IMPORT_MACHINERY:
            return True
        frame = frame.f_back
    return False


def _program(pattern: str, flags: int) -> tuple:
    """What re.compile hands the matcher (re._compiler.compile, without the matcher call)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the compiler's opcodes are an int subclass, which marshal does not write
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
            dict(groupindex), tuple(indexgroup))


def _cache_file() -> Path | None:
    root = cache_root()
    # one file per Python and matcher version: the code is theirs
    return None if root is None else root / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        path = _cache_file()
        if path is not None:
            try:
                loaded = marshal.loads(path.read_bytes())
                if isinstance(loaded, dict):
                    _entries = loaded
            except Exception:  # absent, unreadable or damaged: start afresh
                pass
    return _entries


def _remember(key: tuple, program: tuple) -> None:
    global _added, _entries
    if len(_entries) >= MAX_ENTRIES:  # start afresh, keeping this run's patterns if they fit
        _entries = dict(_used) if len(_used) < MAX_ENTRIES else {}
    _entries[key] = program
    _used[key] = program
    if not _added:
        _added = True
        atexit.register(_save)


def _save() -> None:
    path = _cache_file()
    if path is not None:
        keep(path, marshal.dumps(_entries))
