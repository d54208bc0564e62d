"""Mining speed and memory over a synthetic corpus made by perturbing and repeating the seeds.

    python bench/mine_speed.py [--sizes 1 10 50] [--runs 5]

For each size (MB of UTF-8 text): files like the seeds, with every figure changed and paragraphs
shuffled, are written to a temporary folder. Each run is a fresh process that loads jieba's
dictionary first (excluded from the time, as the issue asks), then times (a) drafter's whole mining
of the folder and (b) jieba.lcut alone over the same files' text; it reports throughput, the ratio
(a)/(b) and the peak memory of the mining process. Median of the runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))

RUN = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from drafter.mining import segment
segment.words("预热")  # load jieba's dictionary and tag table before timing
import jieba
from drafter.mining.corpus import Tally, report_files
from drafter.mining.mine import display_names, mine_reports
from drafter.mining.bank import bank_data
folder = Path({folder!r})
files = report_files([folder])
mode = {mode!r}
start = time.perf_counter()
if mode == "mine":
    tally = Tally()
    collector = mine_reports(files, display_names([folder], files), tally)
    bank_data(collector, tally, [])
else:
    for file in files:
        jieba.lcut(file.read_text(encoding="utf-8"))
elapsed = time.perf_counter() - start
print(json.dumps({{"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def perturb(text: str, rng: random.Random) -> str:
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group()))), text)
    lines = text.splitlines()
    head, body = lines[:3], lines[3:]
    rng.shuffle(body)
    return "\n".join(head + body) + "\n"


def make_corpus(folder: Path, megabytes: float) -> int:
    rng = random.Random(megabytes)
    texts = [s.read_text(encoding="utf-8") for s in SEEDS]
    total, number = 0, 0
    while total < megabytes * 1_000_000:
        text = perturb(texts[number % len(texts)], rng)
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        number += 1
    return total


def run(folder: Path, mode: str) -> dict:
    code = RUN.format(repo=str(REPO), folder=str(folder), mode=mode)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("size MB | mining s | MB/s | jieba.lcut s | ratio | peak MB (mining)")
    print("--- | --- | --- | --- | --- | ---")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as work:
            folder = Path(work)
            total = make_corpus(folder, size)
            run(folder, "mine")  # warm-up: file cache, .pyc
            mining = [run(folder, "mine") for _ in range(args.runs)]
            lcut = [run(folder, "lcut") for _ in range(args.runs)]
        seconds = statistics.median(m["seconds"] for m in mining)
        base = statistics.median(m["seconds"] for m in lcut)
        peak = max(m["peak_mb"] for m in mining)
        print(f"{total / 1e6:.1f} | {seconds:.2f} | {total / 1e6 / seconds:.2f} | {base:.2f} | {seconds / base:.2f} | {peak:.0f}")


if __name__ == "__main__":
    main()
