"""What the benchmarks share: timing cold processes, and a synthetic form of any length made from
the main example's own sentences."""

from __future__ import annotations

import statistics
import subprocess
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MAIN = REPO / "docs" / "examples" / "qingshan-2024.yaml"


def synthetic_form(pages: int) -> str:
    """About `pages` pages: the main example's figures, then sections of ordinary paragraphs."""
    data = yaml.safe_load(MAIN.read_text(encoding="utf-8"))
    paragraph = ("围绕新材料、装备制造、生物医药等主导产业，组织实施县级揭榜挂帅项目8项，"
                 "攻克高性能密封材料、智能分拣装备等关键技术12项，带动企业新增产值9.6亿元。") * 2
    sections = []
    for number in range(pages):  # a heading and three paragraphs (19 lines) fill about a page
        sections.append({"title": f"深化第{number + 1}项重点工作，创新能力持续增强",
                         "paragraphs": [paragraph] * 3})
    data["achievements"]["sections"] = data["achievements"]["sections"] + sections
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_form(folder: Path, pages: int) -> Path:
    path = folder / f"synthetic-{pages}.yaml"
    path.write_text(synthetic_form(pages), encoding="utf-8")
    return path


def timed(command: list[str], runs: int) -> float:
    """Median wall time of `runs` fresh processes, after one warm-up run (file cache, .pyc)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
