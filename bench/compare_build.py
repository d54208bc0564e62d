"""drafter build against its peers on the same content, then its scaling with length and --help.

    python bench/compare_build.py [--runs 7] [--sizes 10 60 300 1000]

Forms: the main example and a 60-page synthetic form (bench/common.py). For each, drafter builds the
.docx once; its body content (bench/content.py: every paragraph's style id and bold/plain runs, and the
attached table's cells) is what the peers (bench/peers.py) must write: the floor (python-docx on its
fast path) and docxtpl (autoescape on). Every peer's output is read back and compared with drafter's,
before and after timing; if any differs the benchmark is dishonest and exits with code 3.
A reference, not a peer: the floor that also imports Jinja2, PyYAML and click ("libraries"), the share of
drafter's time that comes with its stack; it writes the same content and is checked like the peers.
Timing: cold processes, interleaved rounds (drafter, floor, docxtpl, drafter, …), median of at least 7.
Lines starting with "目标 |" are the ratios against their targets (collected by run_all.py).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import CPU, MAIN, MIN_RUNS, NEUTRAL, REPO, installed_drafter, interleaved, load, machine, page_count, run, verdict, write_form  # noqa: E402
from content import body_content, first_difference, save  # noqa: E402

REFERENCE = REPO / "templates" / "reference.docx"
PEERS = [sys.executable, str(HERE / "peers.py")]
DISHONEST = 3


def build_command(form: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "drafter", "build", str(form), "-o", str(out), "--force"]


def same_content(expected: list[dict], outputs: dict[str, Path]) -> None:
    for name, path in outputs.items():
        difference = first_difference(expected, body_content(path))
        if difference:
            print(f"不诚实的基准：{name} 写出的内容与 drafter 不同（{difference}）", flush=True)
            sys.exit(DISHONEST)


def compare(form: Path, work: Path, runs: int) -> dict:
    out = work / f"{form.stem}.docx"
    run(build_command(form, out))
    expected = body_content(out)
    blocks = work / f"{form.stem}.json"
    save(expected, blocks)
    template = work / f"{form.stem}-template.docx"
    run([*PEERS, "template", str(blocks), str(REFERENCE), str(template)])
    outputs = {name: work / f"{form.stem}-{name}.docx" for name in ("floor", "docxtpl", "libraries")}
    commands = {
        "drafter": build_command(form, out),
        "floor": [*PEERS, "floor", str(blocks), str(REFERENCE), str(outputs["floor"])],
        "docxtpl": [*PEERS, "docxtpl", str(blocks), str(template), str(outputs["docxtpl"])],
        "libraries": [*PEERS, "floor-libraries", str(blocks), str(REFERENCE), str(outputs["libraries"])],
    }
    for name in ("floor", "docxtpl", "libraries"):
        run(commands[name])
    same_content(expected, outputs)
    times = interleaved(commands, runs)
    same_content(expected, outputs)  # what was timed wrote the same content
    cells = sum(len(row) for b in expected if "table" in b for row in b["rows"])
    cpu = {f"cpu_{name}": CPU.get(name, float("nan")) for name in commands}
    return {"pages": page_count(out), "paragraphs": sum("p" in b for b in expected), "cells": cells, **times, **cpu}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=MIN_RUNS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 60, 300, 1000])
    args = parser.parse_args()
    print(f"机器：{machine()}")
    print(f"drafter 导入自：{installed_drafter()}")
    print(f"每项为冷启动进程，交替运行（A B C A B C …），取 {max(args.runs, MIN_RUNS)} 次的中位数（先预热一轮）；"
          f"开始时负载 {load()}。\n")
    rows, references = [], []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("表单 | 页数 | 段落 | 表格单元格 | drafter s | 下限 s | drafter/下限 | docxtpl s | drafter/docxtpl | "
              "CPU s（drafter / 下限 / docxtpl） | CPU 比值（/下限，/docxtpl） | 下限＋drafter 必需的库 s（CPU），/下限")
        print("--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---")
        for label, form in (("主示例", MAIN), ("60 页", write_form(work, 60))):
            r = compare(form, work, args.runs)
            print(f"{form.name} | {r['pages']} | {r['paragraphs']} | {r['cells']} | {r['drafter']:.3f} | {r['floor']:.3f} | "
                  f"{r['drafter'] / r['floor']:.2f} | {r['docxtpl']:.3f} | {r['drafter'] / r['docxtpl']:.2f} | "
                  f"{r['cpu_drafter']:.3f} / {r['cpu_floor']:.3f} / {r['cpu_docxtpl']:.3f} | "
                  f"{r['cpu_drafter'] / r['cpu_floor']:.2f}，{r['cpu_drafter'] / r['cpu_docxtpl']:.2f} | "
                  f"{r['libraries']:.3f}（{r['cpu_libraries']:.3f}），{r['cpu_libraries'] / r['cpu_floor']:.2f}", flush=True)
            references.append(f"参考 | 生成 {label}：只导入 drafter 必需而下限不用的库（Jinja2、PyYAML、click）就使下限成为 "
                              f"{r['cpu_libraries'] / r['cpu_floor']:.2f} 倍（CPU）；drafter 自身的工作（读表单、校验、"
                              f"渲染模板、校对、写文件中多于下限的部分、导入自己的模块）占 "
                              f"{r['cpu_drafter'] - r['cpu_libraries']:.3f} s CPU")
            rows.append((f"生成 {label}：drafter/下限（墙钟）", r["drafter"] / r["floor"], 1.5))
            rows.append((f"生成 {label}：drafter/下限（CPU）", r["cpu_drafter"] / r["cpu_floor"], 1.5))
            rows.append((f"生成 {label}：drafter/docxtpl（墙钟）", r["drafter"] / r["docxtpl"], 1.0))
            rows.append((f"生成 {label}：drafter/docxtpl（CPU）", r["cpu_drafter"] / r["cpu_docxtpl"], 1.0))
        print("\n要求页数 | 段落 | drafter s | CPU s | 每 100 段 CPU s | 与上一档之间每 100 段的增量：墙钟 s / CPU s")
        print("--- | --- | --- | --- | --- | ---")
        commands, paragraphs = {}, {}
        for pages in args.sizes:
            out = work / f"scale-{pages}.docx"
            commands[pages] = build_command(write_form(work, pages), out)
            run(commands[pages])
            paragraphs[pages] = sum("p" in b for b in body_content(out))
        times = interleaved(commands, args.runs)
        cpu = {pages: CPU.get(pages, float("nan")) for pages in args.sizes}
        steps: dict[str, list[float]] = {"wall": [], "cpu": []}
        previous = None
        for pages in args.sizes:
            increment = ""
            if previous is not None:
                added = paragraphs[pages] - paragraphs[previous]
                wall_step = (times[pages] - times[previous]) / added * 100
                cpu_step = (cpu[pages] - cpu[previous]) / added * 100
                steps["wall"].append(wall_step)
                steps["cpu"].append(cpu_step)
                increment = f"{wall_step:.4f} / {cpu_step:.4f}"
            print(f"{pages} | {paragraphs[pages]} | {times[pages]:.3f} | {cpu[pages]:.3f} | "
                  f"{cpu[pages] / paragraphs[pages] * 100:.4f} | {increment}")
            previous = pages
        if len(steps["wall"]) >= 2:
            # Linear: 100 more paragraphs cost no more for the longest drafts than for shorter ones.
            for name, label in (("wall", "墙钟"), ("cpu", "CPU")):
                earlier = statistics.mean(steps[name][:-1])
                growth = steps[name][-1] / earlier if earlier > 0 else float("nan")  # nan: noise swamped the steps
                rows.append((f"生成随篇幅线性（{label}，{args.sizes[-2]}→{args.sizes[-1]} 页每 100 段的增量/较短各档增量的平均）",
                             growth, 1.3))
        helps = interleaved({"help": [sys.executable, "-m", "drafter", "--help"],
                             "python": [sys.executable, "-c", "pass"]}, args.runs)
        print(f"\ndrafter --help：{helps['help']:.3f} s，CPU {CPU.get('help', float('nan')):.3f} s"
              f"（空跑 python -c pass：{helps['python']:.3f} s，CPU {CPU.get('python', float('nan')):.3f} s）")
        rows.append(("drafter --help（墙钟，秒）", helps["help"], 0.1))
        rows.append(("drafter --help（CPU，秒）", CPU.get("help", float("nan")), 0.1))
        probe = ("import sys, drafter.cli as c; sys.argv=['drafter','build',%r,'-o',%r,'--force']\n"
                 "try: c.main()\nexcept SystemExit: pass\nprint(sorted(m for m in ('jieba','rjieba','jsonschema') if m in sys.modules))"
                 ) % (str(MAIN), str(work / "p.docx"))
        imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                                  cwd=NEUTRAL).stdout.split("\n")[-2]
        print(f"生成主示例时导入的 jieba/rjieba/jsonschema：{imported}")
    print(f"\n结束时负载 {load()}（负载高于核数时，墙钟时间含等待 CPU 的时间，CPU 时间更可比）\n")
    for name, value, target in rows:
        judged = verdict(value, target) if value == value else "无法判断（负载造成的噪声大于增量）"
        print(f"目标 | {name} | {value:.3f} | ≤ {target} | {judged}")
    for line in references:
        print(line)


if __name__ == "__main__":
    main()
