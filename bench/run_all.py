"""Every benchmark in one go, from a clone with a normal install:

    pip install ".[bench]" && python bench/run_all.py [--quick]

(--quick: mining at 1 and 10 MB only, and build scaling to 300 pages). Prints each benchmark's tables,
then every ratio against its target. Exits non-zero when a benchmark itself is dishonest (a peer's text
differs from drafter's) or fails; a missed target is reported, not hidden, and does not fail the run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", default="7")
    args = parser.parse_args()
    runs = ["--runs", args.runs]
    targets, references, failed = [], [], []
    for title, command in (
        ("生成：与下限和 docxtpl 比较，随篇幅的变化", ["compare_build.py", *runs,
                                                  *(["--sizes", "10", "60", "300"] if args.quick else [])]),
        ("校对：约 100 页的 .docx；一个文件夹里的 100 篇文稿", ["check_speed.py", *runs]),
        ("学习：整个进程的速度、多核、内存", ["mine_speed.py", *runs, *(["--sizes", "1", "10"] if args.quick else [])]),
        ("学习的评测：留一年法", ["eval_mining.py"]),
    ):
        print(f"\n## {title}\n", flush=True)
        done = subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], stdout=subprocess.PIPE, text=True)
        print(done.stdout, end="", flush=True)
        targets += [line for line in done.stdout.splitlines() if line.startswith("目标 |")]
        references += [line for line in done.stdout.splitlines() if line.startswith("参考 |")]
        if done.returncode:
            failed.append(f"{command[0]}（退出码 {done.returncode}）")
    print("\n## 全部目标\n\n目标 | 项目 | 实测 | 目标 | 结论\n--- | --- | --- | --- | ---")
    print("\n".join(targets))
    if references:
        print("\n" + "\n".join(references))
    if failed:
        print("\n基准本身失败或不诚实：" + "、".join(failed))
        sys.exit(1)


if __name__ == "__main__":
    main()
