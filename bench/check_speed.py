"""drafter check: one .docx of just over 100 pages, and a folder of 100 reports with --jobs 1 and N.

    python bench/check_speed.py [--runs 7] [--jobs N]   (N: the cores, by default all of them)

Cold processes, interleaved, median of at least 7 runs. The 100 reports are the main example and the
five seed-shaped examples built by drafter, copied to 100 files. Findings with --jobs N must equal those
of one process (else exit 3: the parallel run would not be doing the same work).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CPU, MIN_RUNS, REPO, interleaved, load, machine, page_count, run, verdict, write_form  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=108)  # 108 sections render as just over 100 pages
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    print(f"机器：{machine()}；开始时负载 {load()}\n")
    drafter = [sys.executable, "-m", "drafter"]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        long = work / "long.docx"
        run([*drafter, "build", str(write_form(work, args.pages)), "-o", str(long)])
        reports = work / "reports"
        reports.mkdir()
        built = []
        for example in sorted((REPO / "docs" / "examples").glob("*.yaml")):
            out = work / f"{example.stem}.docx"
            run([*drafter, "build", str(example), "-o", str(out)])
            built.append(out)
        files = []
        for number in range(100):
            files.append(reports / f"{number:03d}.docx")
            shutil.copy(built[number % len(built)], files[-1])
        # check exits 1 when it finds errors, which is not a failure of the benchmark
        check = [sys.executable, "-c", "import sys, drafter.cli as c\ntry: c.main()\nexcept SystemExit as e: sys.exit(0 if e.code in (0, 1) else e.code)", "check"]
        one_file = [*check, str(long)]
        serial = [*check, "--format", "json", "-j", "1", *map(str, files)]
        parallel = [*check, "--format", "json", "-j", str(args.jobs), *map(str, files)]
        if run(serial).stdout != run(parallel).stdout:
            print("不诚实的基准：多进程检查的结果与单进程不同")
            sys.exit(3)
        times = interleaved({"one": one_file, "serial": serial, "parallel": parallel}, args.runs)
        pages = page_count(long)
    print(f"校对一篇 {pages} 页的 .docx：{times['one']:.3f} s（CPU {CPU.get('one', float('nan')):.3f} s）")
    print(f"校对 100 篇文稿：--jobs 1 {times['serial']:.3f} s（CPU {CPU.get('serial', float('nan')):.3f} s），"
          f"--jobs {args.jobs} {times['parallel']:.3f} s（各进程 CPU 合计 {CPU.get('parallel', float('nan')):.3f} s），"
          f"加速 {times['serial'] / times['parallel']:.2f} 倍（{args.jobs} 核）；结束时负载 {load()}\n")
    print(f"目标 | 校对约 100 页（秒） | {times['one']:.3f} | ≤ 0.5 | {verdict(times['one'], 0.5)}")
    if args.jobs > 1:
        efficiency = times["serial"] / times["parallel"] / args.jobs
        print(f"目标 | 校对 100 篇用 {args.jobs} 核的并行效率（加速倍数/核数，越高越好） | {efficiency:.2f} | ≥ 0.7 | "
              f"{'达标' if efficiency >= 0.7 else '未达标'}")


if __name__ == "__main__":
    main()
