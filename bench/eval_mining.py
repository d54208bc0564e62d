"""Leave-one-out over the seeds: mine four, test on the fifth; prints a table.

    python bench/eval_mining.py

For each held-out seed: heading detection precision and recall and section classification accuracy
(against the hand-written gold in tests/data), and the share of its headings and figure sentences
(clauses carrying a figure) that a mined pattern matches, next to a trivial baseline of the same size:
the most frequent leading two characters of the training headings (or figure clauses).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafter.document import Heading, Paragraph  # noqa: E402
from drafter.mining import patterns  # noqa: E402
from drafter.mining.bank import bank_data  # noqa: E402
from drafter.mining.corpus import Tally  # noqa: E402
from drafter.mining.mine import mine_reports  # noqa: E402
from drafter.reading import read_report  # noqa: E402
from drafter.reading.headings import normalise  # noqa: E402
from tests.seed_gold import gold_headings, gold_kinds, heading_scores, read_headings  # noqa: E402

SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def figure_sentences(report) -> list[str]:
    found = []
    for block, kind in zip(report.document.blocks, report.kinds):
        if isinstance(block, Paragraph) and kind == "achievements":
            for sentence in patterns.sentences(normalise(block.text)):
                found += patterns.figure_clauses(sentence)
    return found


def titles(report) -> list[str]:
    return [b.text for b in report.document.blocks if isinstance(b, Heading)]


def share(items, matches) -> float:
    return sum(1 for item in items if matches(item)) / len(items) if items else float("nan")


def main() -> None:
    rows = []
    for held_out in SEEDS:
        train = [s for s in SEEDS if s != held_out]
        tally = Tally()
        data = bank_data(mine_reports(train, {s: s.name for s in train}, tally), tally, [])
        report = read_report(held_out)
        hits, found, gold = heading_scores(read_headings(report), gold_headings(held_out.name))
        kinds = [k for b, k in zip(report.document.blocks, report.kinds) if isinstance(b, Heading)]
        expected = gold_kinds(held_out.name)
        accuracy = sum(a == b for a, b in zip(kinds, expected)) / len(expected)

        formulas = [patterns.formula_regex(e["text"]) for e in data["headings"]]
        templates = [patterns.formula_regex(e["text"]) for e in data["sentences"]]
        frames = [re.compile(patterns.formula_regex(e["text"]).pattern.strip("^$")) for e in data["frames"]]
        train_reports = [read_report(s) for s in train]
        heading_prefixes = [p for p, _ in Counter(t[:2] for r in train_reports for t in titles(r)).most_common(len(formulas))]
        sentence_prefixes = [p for p, _ in Counter(s[:2] for r in train_reports for s in figure_sentences(r)).most_common(len(templates))]
        frame_prefixes = sentence_prefixes[:len(frames)]
        held_titles, held_sentences = titles(report), figure_sentences(report)
        rows.append((
            held_out.name[:3], hits / found, hits / gold, accuracy,
            share(held_titles, lambda t: any(f.match(t) for f in formulas)),
            share(held_titles, lambda t: t[:2] in heading_prefixes),
            share(held_sentences, lambda s: any(f.match(s) for f in templates)),
            share(held_sentences, lambda s: s[:2] in sentence_prefixes),
            share(held_sentences, lambda s: any(f.search(s) for f in frames)),
            share(held_sentences, lambda s: s[:2] in frame_prefixes),
            len(formulas), len(templates), len(frames),
        ))
    header = ("held out", "heading P", "heading R", "classif.", "headings by formula", "baseline",
              "figure clauses by template", "baseline", "figure clauses by frame", "baseline",
              "formulas", "templates", "frames")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header))
    for row in rows:
        print(" | ".join(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row))
    means = [sum(r[i] for r in rows if r[i] == r[i]) / len([r for r in rows if r[i] == r[i]]) for i in range(1, 10)]
    print(" | ".join(["mean", *(f"{m:.2f}" for m in means), "", "", ""]))


if __name__ == "__main__":
    main()
