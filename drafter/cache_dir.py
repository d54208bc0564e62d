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
