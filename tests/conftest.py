"""Shared fixtures: example forms, a built-docx reader, and the --regen-golden switch."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "docs" / "examples"
MAIN_EXAMPLE = EXAMPLES / "qingshan-2024.yaml"


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory):
    """The suite's caches (patterns, templates, packaged data) in a folder of its own, for every process it
    starts too: tests neither read what the developer's runs left nor fill their cache folder."""
    previous = os.environ.get("DRAFTER_CACHE_DIR")
    os.environ["DRAFTER_CACHE_DIR"] = str(tmp_path_factory.mktemp("drafter-cache"))
    yield
    if previous is None:
        os.environ.pop("DRAFTER_CACHE_DIR", None)
    else:
        os.environ["DRAFTER_CACHE_DIR"] = previous


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true", help="rewrite tests/golden/* from the current output")


@pytest.fixture
def regen_golden(request) -> bool:
    return request.config.getoption("--regen-golden")


@pytest.fixture
def example_copy(tmp_path):
    """Copy an example form into a temporary folder (so outputs land there) and return its path."""
    def copy(name: str = MAIN_EXAMPLE.name) -> Path:
        target = tmp_path / name
        shutil.copyfile(EXAMPLES / name, target)
        return target
    return copy


def require_tool(name: str, reason: str):
    """Skip when a real-client tool is missing, except in CI, where a missing tool is a failure."""
    if shutil.which(name):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is required in CI: {reason}")
    pytest.skip(f"{name} not installed: {reason}")
