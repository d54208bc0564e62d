"""drafter mine: learn a phrase bank from past reports (files or folders); a summary of what was read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from drafter.errors import InputError, OutputError
from drafter.mining.bank import KINDS, bank_data, dump_bank
from drafter.mining.corpus import Tally, report_files
from drafter.mining.mine import display_names, mine_reports
from drafter.mining.bank import MAX_BANK_BYTES
from drafter.output import NEW_NAME, refuse_unwritable, write_atomically
from drafter.safeio import read_bounded

BANK_HEADER = "# drafter 短语库"
KIND_NAMES = {"headings": "标题格式", "openings": "导语套语", "transitions": "过渡语", "problem_leads": "问题引语",
              "plan_leads": "计划引语", "closings": "结束语", "sentences": "句式", "frames": "数字搭配",
              "collocations": "动宾搭配", "indicator_phrasing": "指标说法", "passages": "原句"}


@dataclass(frozen=True)
class MineResult:
    output: Path
    tally: Tally
    counts: dict[str, int]


def mine_paths(paths: list[Path], output: Path, progress: Callable[[int], Callable[[Path], None]] | None = None,
               jobs: int = 1) -> MineResult:
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputError(f"{missing[0]}: 文件或文件夹不存在。")
    refuse_unwritable(output)
    if output.exists() and not _is_bank(output):
        raise OutputError(f"{output}: 文件已存在且不是 drafter 生成的短语库，未覆盖。{NEW_NAME}")
    files = report_files(paths)
    names = display_names(paths, files)
    tally = Tally()
    collector = mine_reports(files, names, tally, progress(len(files)) if progress else None, jobs)
    if not tally.read:  # an empty bank would silently replace an office's phrasing with the defaults
        skipped = "；".join(f"跳过 {file}：{reason.rstrip('。')}" for file, reason in tally.skipped[:3])
        raise InputError(f"没有读到可以学习的文稿（.txt 或 .docx）{'：' + skipped if skipped else ''}。未写出短语库。")
    skipped = {file for file, _ in tally.skipped}
    read_names = sorted(names[f] for f in files if str(f) not in skipped)
    data = bank_data(collector, tally, read_names)
    write_atomically(output, dump_bank(data).encode("utf-8"))
    return MineResult(output, tally, {kind: len(data[kind]) for kind in KINDS})


def _is_bank(path: Path) -> bool:
    try:
        return read_bounded(path, MAX_BANK_BYTES, "短语库").startswith(BANK_HEADER.encode("utf-8"))
    except InputError:
        return False


def summary(result: MineResult) -> list[str]:
    tally = result.tally
    lines = [*tally.notes]
    lines += [f"跳过 {file}：{reason}" for file, reason in tally.skipped]
    lines.append(f"读取 {tally.read} 个文件（约 {tally.characters / 10000:.1f} 万字），跳过 {len(tally.skipped)} 个。")
    lines.append(f"短语库已写入 {result.output}：" + "，".join(f"{KIND_NAMES[k]} {n} 条" for k, n in result.counts.items()) + "。")
    return lines
