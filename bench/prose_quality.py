"""How the built drafts read: over every example form, the clerk's bad-year form in tests/data, and a
falling and a flat variant of each (every previous value 8 % above this year's, or equal to it), count
the language self-check's findings: 达到 of a falling or flat figure, a figure stated twice, a repeated
20-character span, opening and closing of different genres, a slogan from nowhere.

    python bench/prose_quality.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from drafter.checks.language import check_language
from drafter.document import parse_draft
from drafter.form import load_form
from drafter.templating import render_draft, template_search_path

REPO = Path(__file__).resolve().parent.parent
FORMS = sorted((REPO / "docs" / "examples").glob("*.yaml")) + [REPO / "tests" / "data" / "clerk-falls.yaml"]
RULES = ("language.reach", "language.figure_twice", "language.repeat_span", "language.genre", "language.inserted")


def variants(path: Path, folder: Path):
    """The form as written, then with every figure falling, then with every figure flat."""
    yield "原样", path
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for name, factor in (("全部下降", 1.08), ("全部持平", 1)):
        changed = dict(data, indicators=[dict(i, previous=round(i["value"] * factor, 2)) if i.get("value") is not None
                                         else i for i in data.get("indicators", [])])
        target = folder / f"{path.stem}-{name}.yaml"
        target.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
        yield name, target


def main() -> None:
    totals: Counter = Counter()
    drafts = clauses = 0
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for form in FORMS:
            for name, path in variants(form, Path(folder)):
                report = load_form(path).report
                used: list = []
                text = render_draft(report, template_search_path(None, path), phrase_log=used)
                findings = check_language(parse_draft(text), report, used)
                counts = Counter(f.rule for f in findings)
                drafts += 1
                clauses += sum(u.what.startswith("指标") for u in used)
                totals.update(counts)
                totals.update({f"drafts:{rule}": 1 for rule in counts})
                rows.append((f"{form.stem}（{name}）", [counts[r] for r in RULES]))
    print("| 表单 | 达到用于下降/持平 | 数字重复 | 20字重复 | 文种不一 | 无来由的提法 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, counts in rows:
        print(f"| {name} | " + " | ".join(map(str, counts)) + " |")
    print(f"\n{drafts} 篇文稿，{clauses} 个指标分句；各项问题合计："
          + "，".join(f"{rule.split('.')[1]} {totals[rule]} 处（{totals['drafts:' + rule]} 篇）" for rule in RULES))
    sys.exit(0)


if __name__ == "__main__":
    main()
