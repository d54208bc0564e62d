"""How long the README's test command takes (the everyday run, without the slow tests), and the
slow tests CI adds. The budget for the everyday run is 2 minutes on 2 cores.

    python bench/test_time.py [--runs 3] [--slow]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET = 120.0  # seconds


def run(selection: list[str]) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system, of pytest and what it starts) and pytest's summary.
    On a shared machine the wall time depends on the neighbours; the CPU time much less."""
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection],
                          cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - before
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
    if done.returncode != 0:
        sys.exit(f"pytest failed ({done.returncode}): {summary}")
    return elapsed, cpu, re.sub(r"\s+in [\d.]+s.*$", "", summary.strip("= "))


def _children_cpu() -> float:
    import resource  # POSIX only; on Windows the CPU column reads 0

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow", action="store_true", help="also time the slow tests (pytest -m slow)")
    args = parser.parse_args()
    print(f"CPU 核数：{os.cpu_count()}；负载 {os.getloadavg()[0]:.1f}；Python {sys.version.split()[0]}")
    times, cpus = [], []
    for _ in range(args.runs):
        elapsed, cpu, summary = run([])
        times.append(elapsed)
        cpus.append(cpu)
    print(f"README 测试命令（python -m pytest）：用时中位数 {statistics.median(times):.1f} 秒，"
          f"最长 {max(times):.1f} 秒，CPU 时间中位数 {statistics.median(cpus):.1f} 秒"
          f"（{args.runs} 次；{summary}）；上限 {BUDGET:.0f} 秒")
    if args.slow:
        elapsed, cpu, summary = run(["-m", "slow"])
        print(f"慢测试（python -m pytest -m slow）：用时 {elapsed:.1f} 秒，CPU 时间 {cpu:.1f} 秒（{summary}）")
    if max(times) > BUDGET:
        sys.exit("超过 2 分钟的上限。")


if __name__ == "__main__":
    main()
