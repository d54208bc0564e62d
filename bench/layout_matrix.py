"""Measure the layout matrix (tests/test_layout_matrix.py) in LibreOffice and print the counts.

    python bench/layout_matrix.py

Builds the 92 drafts of the test's matrix (the body growing a line at a time across a page, sealed
and unsealed, with and without 附件说明 and table, four kinds of title), converts them in one soffice
call and reports from `pdftotext -bbox-layout`: 落款 pages with body text, where the name and date
sit, title line balance and break points, figures of the table kept whole. Needs LibreOffice,
poppler and the stand-in fonts (.ci/install-renderer).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from drafter.build import build_report  # noqa: E402
from drafter.preview import docs_to_pdfs  # noqa: E402
from tests.pdf_layout import BOTTOM, RIGHT, read_pages  # noqa: E402
from tests.test_layout_matrix import CHAR, NEVER_ENDS_A_LINE, cases, closing_page, form_text, table_page  # noqa: E402

FIGURES = {"12.6", "11.2", "12", "105%", "61.25", "59.4", "12680", "11900", "5200", "4650", "5000", "104%",
           "12.5%", "6.6%", "11.8%", "1.85"}


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        built = {}
        for case in cases():
            form = work / f"{case.name}.yaml"
            form.write_text(form_text(case), encoding="utf-8")
            built[case.name] = (case, build_report(form, work / f"{case.name}.docx").output)
        started = time.perf_counter()
        pdfs = docs_to_pdfs([docx for _, docx in built.values()], work / "pdf")
        seconds = time.perf_counter() - started
        rendered = [(case, read_pages(pdfs[docx])) for case, docx in built.values()]
    report(rendered, seconds)


def report(rendered, seconds: float) -> None:
    with_body, places, gaps = 0, set(), Counter()
    offsets = {False: [], True: []}
    titles = Counter()
    figures_whole = figures_total = 0
    for case, pages in rendered:
        page, at = closing_page(case, pages)
        if any(not line.text.startswith("附件：") for line in page.body[:at]):
            with_body += 1
        places.add((case.sealed, case.table, page.number, round(page.body[at].y_min)))
        name, date = page.body[at], page.body[at + 1]
        gaps[("盖章" if case.sealed else "不盖章", round((RIGHT - name.x_max) / CHAR, 1), round((RIGHT - date.x_max) / CHAR, 1))] += 1
        offsets[case.sealed].append((date.x_min - name.x_min) / CHAR)
        lines = [line for line in pages[0].body if line.y_max - line.y_min > 25]
        widths = [line.x_max - line.x_min for line in lines]
        titles["lines=%d" % len(lines)] += 1
        if len(lines) > 1:
            titles["balanced (shortest >= half the longest)"] += min(widths) >= max(widths) / 2 - 2
            titles["no line ends in a digit, 年 after a year, 的/和/及/与"] += not any(
                NEVER_ENDS_A_LINE.search(line.text) for line in lines[:-1])
        if case.table:
            table = table_page(pages)
            words = {word.text for word in table.words if word.y_min < BOTTOM}
            figures_total += len(FIGURES)
            figures_whole += len(FIGURES & words)
    print(f"drafts: {len(rendered)}; one soffice call converted them in {seconds:.1f} s")
    print(f"落款 page holds body text: {with_body} of {len(rendered)}")
    print(f"distinct (sealed, table, page, line) places of the 落款: {len(places)}")
    print("name / date right gaps in characters (kind, name, date): count")
    for key, count in sorted(gaps.items()):
        print(f"  {key}: {count}")
    for sealed, values in offsets.items():
        label = "sealed" if sealed else "unsealed"
        print(f"date start minus name start, {label}: {min(values):.2f}..{max(values):.2f} characters")
    for key, count in sorted(titles.items()):
        print(f"title {key}: {count}")
    print(f"table figures found whole: {figures_whole} of {figures_total}")


if __name__ == "__main__":
    main()
