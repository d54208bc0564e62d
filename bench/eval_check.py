"""Measure drafter check: recall per family and false alarms on the case set learned from the peers
(tests/data/check_cases.yaml), and error-level findings per published document.

    python bench/eval_check.py                      # case set + ../shared/corpus/text/policies
    python bench/eval_check.py --list-errors        # also print every error-level finding on the corpus
    python bench/eval_check.py --corpus DIR         # another folder of published .txt/.docx documents
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "data" / "check_cases.yaml"
CORPUS = REPO.parent / "shared" / "corpus" / "text" / "policies"


def evaluate_cases(path: Path = CASES) -> dict:
    """Recall per family (a case counts when every expected rule is reported) and false alarms."""
    from drafter.commands.check import check_text

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    hits, totals, missed = defaultdict(int), defaultdict(int), []
    for case in data["cases"]:
        found = {f.rule for f in check_text(case["text"])}
        totals[case["family"]] += 1
        if set(case["expect"]) <= found:
            hits[case["family"]] += 1
        else:
            missed.append((case["family"], case["text"], case["expect"], sorted(found)))
    alarms = []
    for case in data["correct"]:
        bad = [f for f in check_text(case["text"]) if f.severity in ("error", "warning")]
        if bad:
            alarms.append((case["text"], [(f.rule, f.message) for f in bad]))
    return {"recall": {family: hits[family] / totals[family] for family in totals},
            "cases": sum(totals.values()), "hits": sum(hits.values()), "missed": missed,
            "correct": len(data["correct"]), "alarms": alarms}


def evaluate_corpus(folder: Path) -> tuple[int, list]:
    from drafter.commands.check import check_files

    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".docx"))
    report = check_files(paths)
    errors = [(f.path, x) for f in report for x in f.findings if x.severity == "error"]
    return len(paths), errors


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--list-errors", action="store_true")
    args = parser.parse_args()
    result = evaluate_cases()
    print(f"case set: {result['hits']}/{result['cases']} expected findings reported "
          f"(recall {result['hits'] / result['cases']:.2f})")
    for family, recall in sorted(result["recall"].items(), key=lambda kv: kv[1]):
        print(f"  {family:<8} {recall:.2f}")
    for family, text, expect, found in result["missed"]:
        print(f"  missed [{family}] {text!r}: expected {expect}, found {found}")
    print(f"correct texts: {len(result['alarms'])} of {result['correct']} with an error or warning")
    for text, bad in result["alarms"]:
        print(f"  false alarm on {text!r}: {bad}")
    if args.corpus.is_dir():
        started = time.perf_counter()
        count, errors = evaluate_corpus(args.corpus)
        seconds = time.perf_counter() - started
        print(f"published documents: {count}, error-level findings {len(errors)} "
              f"({len(errors) / max(count, 1):.2f} per document; {seconds:.1f} s)")
        if args.list_errors:
            for path, finding in errors:
                print(f"  {Path(path).name[:40]}:{finding.where}: {finding.rule}: {finding.message}（{finding.excerpt}）")
    else:
        print(f"corpus folder not found: {args.corpus}", file=sys.stderr)


if __name__ == "__main__":
    main()
