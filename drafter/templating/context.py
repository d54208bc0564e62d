"""What templates see: the report, its years and wording helpers that write directives and sentences."""

from __future__ import annotations

from dataclasses import dataclass

from drafter import indicators as facts
from drafter.document import BOLD_OFF, BOLD_ON, directive
from drafter.form.model import Item, Report, ReviewItem, Target


@dataclass(frozen=True)
class Years:
    """Every year the text mentions, derived from meta: no template hard-codes a year."""

    year: int
    previous: int
    plan: int
    summary_label: str  # "2024年", "2024年上半年", "2020—2024年"
    plan_label: str     # "2025年", "下半年"

    @classmethod
    def of(cls, report: Report) -> Years:
        meta = report.meta
        plan_year = report.plan_year
        if meta.kind == "midyear":
            summary = f"{meta.year}年上半年"
        elif meta.kind == "multi-year" and meta.period:
            summary = f"{meta.period.start_year}—{meta.period.end_year}年"
        else:
            summary = f"{meta.year}年"
        plan_label = "下半年" if plan_year == meta.year else f"{plan_year}年"
        return cls(meta.year, meta.year - 1, plan_year, summary, plan_label)


def heading(level: int, text: str) -> str:
    return directive(f"h{level}", text)


def title(text: str) -> str:
    """A line break in meta.title is the clerk's own break of the title: each line is a field."""
    return directive("title", *text.strip().split("\n"))


def recipient(text: str) -> str:
    return directive("recipient", text.rstrip("：:") + "：")


def signature(org: str, date, sealed: bool) -> str:
    return directive("signature", org, facts.chinese_date(date), "sealed" if sealed else "unsealed")


def table(label: str, title: str) -> str:
    return directive("table", label, title)


def table_row(cells) -> str:
    return directive("row", *cells)


def review_sentence(items: list[ReviewItem], year_label: str) -> str:
    """"2024年工作计划确定的8项重点任务，已完成6项，部分完成1项，未完成1项。其中，……" (marked items only)."""
    marked = [item for item in items if item.status]
    if not marked:
        return ""
    counts = "，".join(f"{status}{n}项" for status in ("完成", "部分完成", "未完成")
                      if (n := sum(item.status == status for item in marked)))
    text = f"{year_label}工作计划确定的{len(marked)}项重点任务，已{counts}。"
    open_items = [f"“{item.task}”{item.status}" + (f"，{item.note.rstrip('。；;，, ')}" if item.note else "")
                  for item in marked if item.status != "完成"]
    return text + (f"其中，{'；'.join(open_items)}。" if open_items else "")


def sentence(clauses: list[str], lead: str = "") -> str:
    """Clauses joined with "；" and closed with "。": "全年，A；B。"."""
    body = "；".join(c.rstrip("。；;，, ") for c in clauses if c)
    return f"{lead}{body}。" if body else ""


def enumerate_items(items: list[Item]) -> str:
    """"一是……；二是……；三是……。" with each lead in bold."""
    clauses = []
    for number, item in enumerate(items, start=1):
        marker = f"{facts.chinese_numeral(number)}是"
        text = item.text.rstrip("。；;，, ")
        if item.lead:
            lead = item.lead.rstrip("。；;，, ")
            clauses.append(f"{BOLD_ON}{marker}{lead}。{BOLD_OFF}{text}")
        else:
            clauses.append(f"{marker}{text}")
    return sentence(clauses)


def make_context(report: Report, bank_loader=None) -> dict:
    """The whole context every template gets; documented in docs/templates.md."""
    from drafter.mining.bank import load_bank
    from drafter.templating.phrases import Phrases

    years = Years.of(report)

    def indicator_clauses(ids: list[str]) -> list[str]:
        return [facts.indicator_sentence(report.indicator(i)) for i in ids]

    def target_clauses(targets: list[Target]) -> list[str]:
        return [facts.target_sentence(report.indicator(t.indicator), t) for t in targets]

    extras = {where: [e for e in report.extra_sections if e.after == where]
              for where in ("opening", "achievements", "problems", "plan")}
    def indicator_rows(ids: list[str]) -> list[tuple[str, ...]]:
        return [facts.TABLE_HEADER, *(facts.table_row(report.indicator(i)) for i in ids)]

    return {
        "report": report,
        "indicator_rows": indicator_rows,
        "meta": report.meta,
        "years": years,
        "phrases": Phrases(report, years, bank_loader or load_bank),
        "extras": extras,
        "indicator_clauses": indicator_clauses,
        "target_clauses": target_clauses,
    }


GLOBALS = {
    "heading": heading,
    "title": title,
    "recipient": recipient,
    "signature": signature,
    "sentence": sentence,
    "table": table,
    "table_row": table_row,
    "review_sentence": review_sentence,
}

FILTERS = {
    "items": enumerate_items,
    "cn": facts.chinese_numeral,
    "cn_date": facts.chinese_date,
    "number": facts.format_number,
}
