"""Golden cases: every form in docs/examples builds, reads back to its expected text, and has its seed's outline."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.build import build_report
from tests.conftest import EXAMPLES
from tests.docx_reading import outline, text_dump

GOLDEN = Path(__file__).parent / "golden"
SEED_OUTLINES = yaml.safe_load((Path(__file__).parent / "data" / "seed_outlines.yaml").read_text(encoding="utf-8"))
EXAMPLE_OF_SEED = {
    "000_3e3a879254da2c44.txt": "seed000-five-year-review.yaml",
    "001_db84fa0644048a34.txt": "seed001-government-tasks.yaml",
    "002_bae53ef1428627b3.txt": "seed002-problems-only.yaml",
    "003_3eba50b22d510916.txt": "seed003-midyear.yaml",
    "004_fed0c36332e47857.txt": "seed004-plan-four-parts.yaml",
}


@pytest.mark.parametrize("form", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_example_builds_to_its_golden_text(form, example_copy, regen_golden):
    built = build_report(example_copy(form)).output
    golden = GOLDEN / f"{Path(form).stem}.txt"
    text = text_dump(built)
    if regen_golden:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "if the change is intended: pytest --regen-golden"


def corrected_levels(levels: list[int]) -> list[int]:
    """A level may sit at most one below the one before it: seed 000's 1、 directly under 六、 is a (（一）)."""
    fixed, parents = [], []  # parents: (level in the seed, corrected level)
    for level in levels:
        while parents and parents[-1][0] >= level:
            parents.pop()
        parents.append((level, parents[-1][1] + 1 if parents else 1))
        fixed.append(parents[-1][1])
    return fixed


@pytest.mark.parametrize("seed", sorted(EXAMPLE_OF_SEED))
def test_example_has_its_seeds_outline(seed, example_copy):
    built = build_report(example_copy(EXAMPLE_OF_SEED[seed])).output
    levels = [int(line[1]) for line in outline(built) if line.startswith("H")]
    assert levels == corrected_levels([level for level, *_ in SEED_OUTLINES[seed]])


def test_level_correction_only_closes_skipped_levels():
    assert corrected_levels([1, 3, 3, 1, 2, 3, 3, 2]) == [1, 2, 2, 1, 2, 3, 3, 2]


def test_headings_are_numbered_by_position_without_gaps_or_repeats(example_copy):
    built = build_report(example_copy("seed000-five-year-review.yaml")).output
    level1 = [line.split(" ", 1)[1][:2] for line in outline(built) if line.startswith("H1")]
    assert level1 == ["一、", "二、", "三、", "四、", "五、"]  # the seed itself skips 三、
    plan = outline(built)[-7:]
    assert [line.split(" ", 1)[1][:3] for line in plan] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）"]
