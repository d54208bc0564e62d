"""drafter mine, the whole process: start, the segmenter's dictionary, reading, mining, writing the bank.

    python bench/mine_speed.py [--sizes 1 10 50] [--runs 7] [--jobs N]

For each size (MB of UTF-8 text), files like the seeds (every figure changed, paragraphs shuffled) are
written to a temporary folder; `python -m drafter mine FOLDER -o bank.yaml` is timed as a cold process
with --jobs 1 and --jobs N (N: all cores by default), interleaved, median of at least 7; the two banks
must be identical (else exit 3). Peak memory is the largest resident size of any process of the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CPU, MIN_RUNS, REPO, interleaved, load, machine, run  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))
PEAK = ("import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")


def perturb(text: str, rng: random.Random) -> str:
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), text)
    lines = text.splitlines()
    head, body = lines[:3], lines[3:]
    rng.shuffle(body)
    return "\n".join(head + body) + "\n"


def make_corpus(folder: Path, megabytes: float) -> tuple[int, int]:
    rng = random.Random(megabytes)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    total, number = 0, 0
    while total < megabytes * 1_000_000:
        text = perturb(texts[number % len(texts)], rng)
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        number += 1
    return total, number


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    segmenter = run([sys.executable, "-c", "from drafter.mining import segment; print(segment.backend())"]).stdout.decode().strip()
    print(f"机器：{machine()}\n分词：{segmenter}；开始时负载 {load()}\n")
    print(f"文本 MB | 文件数 | 单核 s | 单核 MB/s | 单核 CPU s | 按 CPU 时间 MB/s | {args.jobs} 核 s | {args.jobs} 核 MB/s | 加速 | "
          "峰值内存 MB（单核 / 多核）")
    print("--- | --- | --- | --- | --- | --- | --- | --- | --- | ---")
    targets = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            corpus = Path(work) / "corpus"
            corpus.mkdir()
            total, files = make_corpus(corpus, size)
            mine = [sys.executable, "-m", "drafter", "mine", str(corpus), "-o"]
            serial, parallel = [*mine, f"{work}/one.yaml", "-j", "1"], [*mine, f"{work}/many.yaml", "-j", str(args.jobs)]
            times = interleaved({"serial": serial, "parallel": parallel}, args.runs)
            if Path(f"{work}/one.yaml").read_bytes() != Path(f"{work}/many.yaml").read_bytes():
                print("不诚实的基准：多进程学习得到的短语库与单进程不同")
                sys.exit(3)
            peaks = [json.loads(run([sys.executable, "-c", PEAK, *command]).stdout) for command in (serial, parallel)]
        mb = total / 1e6
        speedup = times["serial"] / times["parallel"]
        cpu = CPU.get("serial", float("nan"))
        print(f"{mb:.1f} | {files} | {times['serial']:.2f} | {mb / times['serial']:.2f} | {cpu:.2f} | {mb / cpu:.2f} | "
              f"{times['parallel']:.2f} | "
              f"{mb / times['parallel']:.2f} | {speedup:.2f} | {peaks[0]:.0f} / {peaks[1]:.0f}", flush=True)
        if size == 10:
            targets.append(("学习 10 MB 单核整体吞吐（MB/s，越高越好）", mb / times["serial"], 5.0, True))
            if args.jobs > 1:
                targets.append((f"学习 10 MB 用 {args.jobs} 核的并行效率（加速/核数）", speedup / args.jobs, 0.7, True))
        targets.append((f"学习 {mb:.0f} MB 单核峰值内存（MB）", peaks[0], 300, False))
    print(f"\n结束时负载 {load()}\n")
    for name, value, target, higher in targets:
        ok = value >= target if higher else value <= target
        print(f"目标 | {name} | {value:.2f} | {'≥' if higher else '≤'} {target} | {'达标' if ok else '未达标'}")


if __name__ == "__main__":
    main()
