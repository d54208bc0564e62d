"""Cold-process build time of an example form: median of N runs after one warm-up.

    python bench/build_time.py [FORM] [--runs 5]

Each run is a fresh `python -m drafter build` process, so imports are included: this is what a
user waits for. Also reports `drafter --help` and whether jieba was imported by build.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command: list[str], runs: int) -> list[float]:
    subprocess.run(command, check=True, capture_output=True)  # warm-up: file cache, .pyc
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("form", nargs="?", default=str(REPO / "docs/examples/qingshan-2024.yaml"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "out.docx"
        build = [sys.executable, "-m", "drafter", "build", args.form, "-o", str(out), "--force"]
        build_times = timed(build, args.runs)
        help_times = timed([sys.executable, "-m", "drafter", "--help"], args.runs)
        probe = ("import sys, drafter.cli as c; sys.argv=['drafter','build',%r,'-o',%r,'--force']\n"
                 "try: c.main()\nexcept SystemExit: pass\nprint('jieba' in sys.modules)") % (args.form, str(out))
        jieba = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()[-1]
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, {platform.system()}")
    print(f"build {Path(args.form).name}: median {statistics.median(build_times):.3f} s "
          f"(runs: {', '.join(f'{t:.3f}' for t in build_times)})")
    print(f"drafter --help: median {statistics.median(help_times):.3f} s")
    print(f"jieba imported by build: {jieba}")


if __name__ == "__main__":
    main()
