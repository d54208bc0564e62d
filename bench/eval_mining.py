"""Does mining earn its place? Two evaluations, printed as tables.

    python bench/eval_mining.py

1. Leave one year out, one office: 万载县's 统计公报 of 2015 and 2022 (../shared/corpus/text/tongjigongbao).
   Mine one year with drafter's own miner; on the other (held-out) year, measure over its figure clauses
   ("全县实现生产总值262.6亿元", "同比增长5.3％"):
   a. whole wording: the share whose template ("全县实现生产总值{N}亿元") the bank holds, against a
      same-size baseline (K = the number of templates mined) that memorises the K most frequent clauses
      of the training year verbatim;
   b. the start only: the share whose first two characters begin one of the mined templates, against the
      K most frequent first two characters of the training clauses (a baseline that guesses only how a
      clause starts, and so can never give its wording).
   And the same miner fed another office's bulletin instead (宜春市 2022, 江西省 2022): does the office's
   own past phrasing predict its next report better than another office's?
2. Leave one seed out (five reports of five offices): heading detection and section classification
   against the hand-written gold outline (tests/data), and the same template coverage.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO))  # after site-packages: drafter is the installed one, tests/ is the clone's

from drafter.document import Heading  # noqa: E402
from drafter.mining.bank import bank_data  # noqa: E402
from drafter.mining.corpus import Tally  # noqa: E402
from drafter.mining.mine import mine_reports, report_templates  # noqa: E402
from drafter.reading import read_report  # noqa: E402
from tests.seed_gold import gold_headings, gold_kinds, heading_scores, read_headings  # noqa: E402

BULLETINS = REPO.parent / "shared" / "corpus" / "text" / "tongjigongbao"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def mined_templates(train: list[Path]) -> list[str]:
    tally = Tally()
    data = bank_data(mine_reports(train, {p: p.name for p in train}, tally), tally, [])
    return [e["text"] for e in data["sentences"]]


def coverage(train: list[Path], held_out: Path) -> dict:
    templates = mined_templates(train)
    k = len(templates)
    training = [pair for path in train for pair in report_templates(read_report(path))]
    verbatim = {c for c, _ in Counter(clause for clause, _ in training).most_common(k)}
    prefixes = {p for p, _ in Counter(clause[:2] for clause, _ in training).most_common(k)}
    held = report_templates(read_report(held_out))
    share = (lambda hit: sum(1 for pair in held if hit(*pair)) / len(held)) if held else (lambda hit: float("nan"))
    known = set(templates)
    starts = {t[:2] for t in templates}
    return {"k": k, "clauses": len(held),
            "mined": share(lambda clause, template: template in known),
            "verbatim": share(lambda clause, template: clause in verbatim),
            "mined_start": share(lambda clause, template: template[:2] in starts),
            "prefix": share(lambda clause, template: clause[:2] in prefixes)}


def row(label: str, r: dict) -> str:
    return (f"{label} | {r['k']} | {r['clauses']} | {r['mined']:.2f} | {r['verbatim']:.2f} | "
            f"{r['mined'] - r['verbatim']:+.2f} | {r['mined_start']:.2f} | {r['prefix']:.2f}")


def main() -> None:
    print("## 1. 同一单位逐年留一：万载县统计公报\n")
    print("训练 → 留出 | 模板数 K | 留出的数字分句 | 完整措辞：挖掘的模板 | 完整措辞：基线 K 条原句 | 领先 | "
          "句首二字：挖掘的模板 | 句首二字：基线 K 个最常见句首")
    print("--- | --- | --- | --- | --- | --- | --- | ---")
    own = {}
    if not BULLETINS.is_dir():
        print(f"（找不到 {BULLETINS}，跳过）")
    else:
        years = {2015: BULLETINS / "wanzai_2015_tongjigongbao.txt", 2022: BULLETINS / "wanzai_2022_tongjigongbao.txt"}
        for train, held in ((2015, 2022), (2022, 2015)):
            own[held] = coverage([years[train]], years[held])
            print(row(f"万载 {train} → 万载 {held}", own[held]))
        for other in ("yichun_2022_tongjigongbao.txt", "jiangxi_2022_tongjigongbao.txt"):
            name = "宜春 2022" if other.startswith("yichun") else "江西 2022"
            print(row(f"{name} → 万载 2022（别的单位）", coverage([BULLETINS / other], years[2022])))
    print("\n## 2. 样例逐篇留一（五个单位各一篇）\n")
    header = ("留出", "标题精确率", "标题召回率", "部分归类", "模板数 K", "数字分句", "完整措辞：模板", "完整措辞：原句基线",
              "句首二字：模板", "句首二字：基线")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for held_out in SEEDS:
        train = [s for s in SEEDS if s != held_out]
        report = read_report(held_out)
        hits, found, gold = heading_scores(read_headings(report), gold_headings(held_out.name))
        kinds = [k for b, k in zip(report.document.blocks, report.kinds) if isinstance(b, Heading)]
        expected = gold_kinds(held_out.name)
        accuracy = sum(a == b for a, b in zip(kinds, expected)) / len(expected)
        r = coverage(train, held_out)
        print(f"{held_out.name[:3]} | {hits / found:.2f} | {hits / gold:.2f} | {accuracy:.2f} | {r['k']} | {r['clauses']} | "
              f"{r['mined']:.2f} | {r['verbatim']:.2f} | {r['mined_start']:.2f} | {r['prefix']:.2f}")
    if own:
        worst = min(r["mined"] - r["verbatim"] for r in own.values())
        print(f"\n目标 | 同一单位留一年：完整措辞覆盖领先同规模原句基线的最小差值（越高越好） | {worst:.2f} | ≥ 0.1 | "
              f"{'达标' if worst >= 0.1 else '未达标'}")
        start = min(r["mined_start"] - r["prefix"] for r in own.values())
        print(f"目标 | 同一单位留一年：句首二字覆盖领先同规模句首基线的最小差值（越高越好） | {start:.2f} | ≥ 0.1 | "
              f"{'达标' if start >= 0.1 else '未达标'}")


if __name__ == "__main__":
    main()
