"""Every benchmark in one go: build against its peers and its scaling, check, mining speed and memory,
and the leave-one-out evaluation. Needs the bench extra: pip install -e '.[bench]'.

    python bench/run_all.py [--quick]     (--quick: 3 runs, mining at 1 and 10 MB only)
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
    args = parser.parse_args()
    runs = ["--runs", "3" if args.quick else "5"]
    sizes = ["--sizes", "1", "10"] if args.quick else ["--sizes", "1", "10", "50"]
    for title, command in (
        ("生成：与下限和 docxtpl 比较，随篇幅的变化", ["compare_build.py", *runs]),
        ("校对约 100 页的 .docx", ["check_speed.py", *runs]),
        ("学习：速度、与 jieba.lcut 的比值、内存", ["mine_speed.py", *runs, *sizes]),
        ("留一法评测", ["eval_mining.py"]),
    ):
        print(f"\n## {title}\n", flush=True)
        subprocess.run([sys.executable, str(HERE / command[0]), *command[1:]], check=True)


if __name__ == "__main__":
    main()
