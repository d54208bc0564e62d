"""--jobs: check and mine spread files over processes and say exactly what one process says."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

SEEDS = sorted(str(p) for p in (REPO / "seeds").glob("*.txt"))


def _drafter(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True)


def test_check_with_jobs_reports_the_same_findings_in_the_same_order():
    one = _drafter("check", "--format", "json", *SEEDS)
    two = _drafter("check", "--format", "json", "--jobs", "2", *SEEDS)
    assert one.returncode == two.returncode == 1  # the seeds have real errors
    assert one.stdout == two.stdout
    assert '"file"' in one.stdout and "seeds/000_" in one.stdout


def test_check_with_jobs_still_refuses_a_missing_file_in_chinese():
    done = _drafter("check", "-j", "2", SEEDS[0], "missing.docx")
    assert done.returncode == 2 and "missing.docx: 文件不存在。" in done.stderr and "Traceback" not in done.stderr
