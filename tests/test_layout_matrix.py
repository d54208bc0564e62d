"""A matrix of forms rendered by LibreOffice, each checked against GB/T 9704 from `pdftotext -bbox`.

The body grows one line at a time across a whole page, so the 落款 falls on every line of a page
(and on the first line of the next), sealed and unsealed, with and without the 附件说明 and the
attached table, under short, long, three-line and clerk-broken titles. All drafts are converted by
one soffice call. Checked: the page with the 落款 has body text; the 附件说明 is one blank line below
the body; the name and date sit where 7.3.5 puts them; title lines are balanced and broken only at
meaning boundaries; every figure of the table is on one line.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from drafter.build import build_report
from drafter.docx.writer import signature_indents
from drafter.document import Signature
from drafter.preview import docs_to_pdfs
from tests.pdf_layout import BOTTOM, LEFT, RIGHT, Page, read_pages, require_renderer

pytestmark = pytest.mark.slow

PITCH = 28.95
CHAR = 16.0
# (organisation, meta.title or None for drafter's own, the title lines a reader should see).
TITLES = (
    ("县科技局", None, ["县科技局2024年工作总结"]),
    ("青山县科学技术局", "青山县科学技术局2024年工作总结及2025年工作计划",
     ["青山县科学技术局2024年工作总结", "及2025年工作计划"]),
    ("白云县科学技术局", "白云县科学技术局过去五年和2023年工作总结及今后五年和2024年工作思路", None),
    ("青山县工业和信息化局", "|\n    青山县工业和信息化局\n    2024年科技创新工作总结", ["青山县工业和信息化局", "2024年科技创新工作总结"]),
)
FILLER = "科技创新驱动发展" * 80
TABLE_INDICATORS = """indicators:
  - {id: rd, name: 全社会R&D经费投入, unit: 亿元, value: 12.6, previous: 11.2, target: 12, rank: {scope: 全市, position: 2}}
  - {id: share, name: 高新技术产业增加值占规上工业增加值比重, unit: "%", value: 61.25, previous: 59.4}
  - {id: patents, name: 专利授权量, unit: 件, value: 12680, previous: 11900, rank: {scope: 全省县域, position: 12}}
  - {id: fund, name: 兑现科技奖补资金, unit: 万元, value: 5200, previous: 4650, target: 5000}
main_indicators: {ids: [rd, share, patents, fund], paragraph: false, table: true}
"""
STEPS = 23  # one more than the lines of a page: the 落款 falls on each line and wraps to the next page


@dataclass(frozen=True)
class Case:
    name: str
    org: str
    title_given: str | None
    title_lines: list[str] | None
    sealed: bool
    table: bool
    extra_lines: int


def paragraph_of(lines: int) -> str:
    """A paragraph exactly `lines` lines long: no punctuation but the final full stop."""
    return FILLER[: 26 + 28 * (lines - 1) - 1] + "。"


def form_text(case: Case) -> str:
    title = f"  title: {case.title_given}\n" if case.title_given else ""
    body = [paragraph_of(5), paragraph_of(4)] + ([paragraph_of(case.extra_lines)] if case.extra_lines else [])
    return (
        f"meta:\n  org: {case.org}\n  year: 2024\n  date: 2024-12-20\n  recipient: 县委、县政府\n"
        f"  sealed: {'true' if case.sealed else 'false'}\n{title}"
        + (TABLE_INDICATORS if case.table else "")
        + "achievements:\n  paragraphs:\n" + "".join(f"    - {p}\n" for p in body)
        + "closing: 特此报告。\n"
    )


def cases() -> list[Case]:
    found = []
    for number, (sealed, table, extra) in enumerate(itertools.product((False, True), (False, True), range(STEPS))):
        org, given, lines = TITLES[number % len(TITLES)]
        found.append(Case(f"c{number:03d}", org, given, lines, sealed, table, extra))
    return found


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, tuple[Case, list[Page]]]:
    require_renderer()
    work = tmp_path_factory.mktemp("matrix")
    built = {}
    for case in cases():
        form = work / f"{case.name}.yaml"
        form.write_text(form_text(case), encoding="utf-8")
        built[case.name] = (case, build_report(form, work / f"{case.name}.docx").output)
    pdfs = docs_to_pdfs([docx for _, docx in built.values()], work / "pdf")
    return {name: (case, read_pages(pdfs[docx])) for name, (case, docx) in built.items()}


def closing_page(case: Case, pages: list[Page]) -> tuple[Page, int]:
    """The page holding the 落款, and the index of the organisation's line on it."""
    for page in pages:
        for index, line in enumerate(page.body):
            if line.text == case.org and line.x_min > (LEFT + RIGHT) / 2 - 60:
                return page, index
    raise AssertionError(f"{case.name}: no 落款 line for {case.org}")


def test_every_case_was_rendered_and_the_closing_moves_across_pages(rendered):
    assert len(rendered) == 2 * 2 * STEPS
    for sealed, table in itertools.product((False, True), (False, True)):
        places = set()
        for case, pages in rendered.values():
            if (case.sealed, case.table) == (sealed, table):
                page, at = closing_page(case, pages)
                places.add((page.number, round(page.body[at].y_min)))
        assert len({number for number, _ in places}) >= 2  # the 落款 crossed a page boundary
        assert len(places) >= 9, places  # and landed on many lines of the page


def test_the_closing_page_always_holds_body_text(rendered):
    alone = []
    for case, pages in rendered.values():
        page, at = closing_page(case, pages)
        body = [line for line in page.body[:at] if not line.text.startswith("附件：")]
        if not body:
            alone.append(case.name)
    assert alone == []


def test_attachment_note_one_blank_line_below_the_body(rendered):
    checked = 0
    for case, pages in rendered.values():
        if not case.table:
            assert not any(line.text.startswith("附件：") for page in pages for line in page.body)
            continue
        page = next(page for page in pages if any(line.text.startswith("附件：") for line in page.body))
        at = next(i for i, line in enumerate(page.body) if line.text.startswith("附件："))
        assert at > 0, case.name  # never the first line of a page: the body keeps with it
        note, above = page.body[at], page.body[at - 1]
        assert above.text == "特此报告。", case.name
        assert abs(note.y_min - above.y_min - 2 * PITCH) < 1.5, (case.name, note.y_min - above.y_min)
        assert abs(note.x_min - (LEFT + 2 * CHAR)) < 2, case.name  # 左空二字
        checked += 1
    assert checked == 2 * STEPS


def test_name_and_date_placed_as_the_standard_says(rendered):
    for case, pages in rendered.values():
        page, at = closing_page(case, pages)
        name, date = page.body[at], page.body[at + 1]
        assert date.text == "2024年12月20日", case.name
        name_indent, date_indent = signature_indents(Signature(case.org, date.text, case.sealed))
        assert abs((RIGHT - name.x_max) - name_indent * CHAR) < 2.5, (case.name, RIGHT - name.x_max)
        assert abs((RIGHT - date.x_max) - date_indent * CHAR) < 2.5, (case.name, RIGHT - date.x_max)
        assert abs(date.y_min - name.y_min - PITCH) < 1.5
        if case.sealed:  # the name centred over the date (to within the preview's wider digits)
            assert abs((name.x_min + name.x_max) / 2 - (date.x_min + date.x_max) / 2) < CHAR, case.name


NEVER_ENDS_A_LINE = re.compile(r"(\d|[的和及与]|\d年)$")


def test_titles_balanced_and_broken_at_meaning_boundaries(rendered):
    for case, pages in rendered.values():
        title = [line for line in pages[0].body if line.y_max - line.y_min > 25]  # 2号 lines, not 3号
        texts = [line.text for line in title]
        if case.title_lines is not None:
            assert texts == case.title_lines, case.name
        widths = [line.x_max - line.x_min for line in title]
        assert min(widths) >= max(widths) / 2 - 2, (case.name, texts)
        for line in texts[:-1]:
            assert not NEVER_ENDS_A_LINE.search(line), (case.name, texts)
        for line in title:  # each line centred in the type area
            assert abs((line.x_min + line.x_max) / 2 - (LEFT + RIGHT) / 2) < 3, (case.name, line.text)


FIGURE = re.compile(r"\d[\d.]*%?|第\d+位")


def table_page(pages: list[Page]) -> Page:
    return next(page for page in pages if page.body and page.body[0].text == "附件")


def test_attachment_title_on_the_third_line_and_no_figure_split(rendered):
    expected = {"12.6", "11.2", "12", "105%", "61.25", "59.4", "12680", "11900", "5200", "4650", "5000", "104%",
                "12.5%", "6.6%", "11.8%", "1.85"}
    checked = 0
    for case, pages in rendered.values():
        if not case.table:
            continue
        page = table_page(pages)
        lines = page.body
        assert lines[0].text == "附件" and abs(lines[0].x_min - LEFT) < 2
        title = next(line for line in lines if line.text == "主要科技指标完成情况表")
        assert abs(title.y_min - lines[0].y_min - 2 * PITCH) < 3, case.name  # 版心第三行
        cells = [word.text for word in page.words if word.y_min > title.y_max and word.y_min < BOTTOM]
        # pdftotext gives each figure as a word of its own (the font changes around it): every figure
        # of the table must be there whole.
        assert expected <= set(cells), (case.name, expected - set(cells))
        rows = "\n".join(line.text for line in page.lines)
        assert "全市第2位" in rows and "第12位" in rows, case.name  # each rank on one line
        for word in page.words:  # "第" is followed on its own line by the rank's number
            if word.text.endswith("第"):
                assert any(abs(other.y_min - word.y_min) < 3 and 0 <= other.x_min - word.x_max < 6
                           and other.text[:1].isdigit() for other in page.words), (case.name, word.text)
        assert "个百分点" in cells  # a unit word is not split either
        at = cells.index("高新技术产业增加值")  # the long name wraps only between words
        name = [cells[at]] + [c for c in cells[at + 1:] if c in ("占规上工业增加值比重", "占规上工业增加值", "比重")]
        assert "".join(name) == "高新技术产业增加值占规上工业增加值比重", name
        checked += 1
    assert checked == 2 * STEPS
