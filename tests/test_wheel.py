"""The installed package works on its own: build a wheel, install it into a fresh venv, build from elsewhere."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import MAIN_EXAMPLE, REPO
from tests.docx_reading import outline




@pytest.mark.slow
def test_wheel_installs_and_builds_from_any_directory(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("drafter-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    scripts = env_dir / ("Scripts" if sys.platform == "win32" else "bin")  # a venv's layout on Windows
    python = scripts / "python"
    # The dependencies come from the running environment (offline, fast); drafter itself only from the wheel,
    # since a venv's own site-packages comes before any folder a .pth file adds.
    own_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    Path(own_site, "borrowed-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", "-q", str(wheel)],
                   check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    form = work / "form.yaml"
    form.write_bytes(MAIN_EXAMPLE.read_bytes())
    result = subprocess.run([str(scripts / "drafter"), "build", "form.yaml", "-o", "out.docx"],
                            cwd=work, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    where = subprocess.run([str(python), "-c", "import drafter; print(drafter.__file__)"], cwd=work,
                           capture_output=True, text=True, check=True).stdout
    assert str(env_dir) in where  # the installed copy, not the repository
    assert outline(work / "out.docx")[1] == "H1 一、2024年工作完成情况"
    listing = subprocess.run([str(scripts / "drafter"), "templates", "list"], cwd=work,
                             capture_output=True, text=True, check=True).stdout
    assert "sections/plan.j2" in listing
    # the alias list travels in the wheel: 研发投入强度 is an alias, not the catalogue's name
    (work / "指标.csv").write_text("指标,单位,本年,上年\n研发投入强度,%,2.61,2.45\n", encoding="utf-8")
    imported = subprocess.run([str(scripts / "drafter"), "indicators", "import", "指标.csv", "form.yaml"], cwd=work,
                              capture_output=True, text=True, encoding="utf-8", env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert imported.returncode == 0, imported.stderr
    assert "rd_intensity（研发投入强度）：本年数值 2.61（C2，原为 2.45），上年数值 2.45（D2，原为 2.33）" in imported.stdout


@pytest.mark.filterwarnings("ignore")
def test_every_subpackage_is_listed_for_the_wheel():
    """A subpackage missing from pyproject.toml silently vanishes from the wheel."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "drafter").rglob("__init__.py")}
    assert folders <= listed
