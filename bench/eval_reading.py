"""Reading real documents against hand-written gold outlines (tests/data/reading_gold.yaml: 11 Word
files, 20 texts from ../shared/corpus) and the five seeds (tests/data/seed_outlines.yaml).

    python bench/eval_reading.py [--files]     (--files: one line per file as well)

Prints heading precision, recall and F1 (a heading counts when its marker and title match the gold),
level accuracy and section-kind accuracy over the matched headings, per group. The .doc files need
LibreOffice; without it they are reported as skipped.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafter.reading import read_report  # noqa: E402
from tests.reading_gold import GoldHeading, Score, load_gold, read_outline  # noqa: E402
from tests.seed_gold import GOLD as SEED_GOLD  # noqa: E402
from tests.seed_gold import gold_headings, gold_kinds  # noqa: E402

GROUPS = (("Word 文件（.docx/.doc）", (".docx", ".doc")), ("文本（政策文件、统计公报）", (".txt",)))


def seed_gold() -> dict[Path, list[GoldHeading]]:
    return {REPO / "seeds" / seed: [GoldHeading(level, text, kind) for (level, text), kind
                                   in zip(gold_headings(seed), gold_kinds(seed))] for seed in SEED_GOLD}


def evaluate(gold: dict[Path, list[GoldHeading]], show_files: bool) -> tuple[Score, list[str]]:
    total, skipped = Score(), []
    for path, headings in gold.items():
        if path.suffix.lower() == ".doc" and not shutil.which("soffice"):
            skipped.append(path.name)
            continue
        one = Score().add(read_outline(read_report(path).document), headings)
        for field in ("hits", "found", "gold", "level_right", "kind_right"):
            setattr(total, field, getattr(total, field) + getattr(one, field))
        if show_files:
            print(f"  {path.name[:60]:<62} P {one.precision:.2f} R {one.recall:.2f} F1 {one.f1:.2f} "
                  f"层级 {one.level_accuracy:.2f} 类别 {one.kind_accuracy:.2f}（{one.gold} 个标题）")
    return total, skipped


def line(name: str, files: int, score: Score) -> str:
    return (f"| {name} | {files} | {score.gold} | {score.precision:.3f} | {score.recall:.3f} | {score.f1:.3f} | "
            f"{score.level_accuracy:.3f} | {score.kind_accuracy:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", action="store_true")
    args = parser.parse_args()
    gold = load_gold()
    rows, everything = [], Score()
    for name, suffixes in GROUPS:
        part = {p: h for p, h in gold.items() if p.suffix.lower() in suffixes}
        score, skipped = evaluate(part, args.files)
        rows.append(line(name, len(part) - len(skipped), score))
        for field in ("hits", "found", "gold", "level_right", "kind_right"):
            setattr(everything, field, getattr(everything, field) + getattr(score, field))
        if skipped:
            rows.append(f"| （未装 LibreOffice，跳过 {len(skipped)} 个 .doc） | | | | | | | |")
    rows.append(line("合计（金标准）", len(gold), everything))
    seeds, _ = evaluate(seed_gold(), args.files)
    rows.append(line("种子文稿 seeds/", len(SEED_GOLD), seeds))
    print("| 材料 | 文件数 | 金标准标题数 | 精确率 | 召回率 | F1 | 层级准确率 | 类别准确率 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
