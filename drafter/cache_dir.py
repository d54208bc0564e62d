"""Where drafter keeps what it compiled, between runs: %LOCALAPPDATA%\\drafter\\cache on Windows,
~/.cache/drafter elsewhere; DRAFTER_CACHE_DIR overrides, DRAFTER_CACHE_DIR=off turns caching off."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path | None:
    chosen = os.environ.get("DRAFTER_CACHE_DIR")
    if chosen:
        return None if chosen.lower() == "off" else Path(chosen)
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "drafter" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "drafter"


def keep(path: Path, data: bytes) -> None:
    """Write a cache file whole or not at all (another drafter may be writing it at the same moment):
    a temporary file beside it, then a rename. A cache that cannot be written is simply not kept."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass
