"""What templates see: the report, its years and wording helpers that write directives and sentences."""

from __future__ import annotations

from typing import NamedTuple

from drafter import indicators as facts
from drafter.document import BOLD_OFF, BOLD_ON, directive
from drafter.numbering import chinese_numeral
from drafter.form.model import Item, Report, ReviewItem, Target


class Years(NamedTuple):
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
    """"一是……；二是……；三是……。", or, when items have a lead in bold, one full stop after each part:
    "一是加强组织领导。发挥……机制。二是……。" (one punctuation scheme for the whole run)."""
    if not any(item.lead for item in items):
        return sentence([f"{chinese_numeral(n)}是{item.text}" for n, item in enumerate(items, start=1)])
    parts = []
    for number, item in enumerate(items, start=1):
        marker = f"{chinese_numeral(number)}是"
        text = item.text.rstrip("。；;，, ")
        lead = (item.lead or "").rstrip("。；;，, ")
        parts.append(f"{BOLD_ON}{marker}{lead}。{BOLD_OFF}{text}。" if lead else f"{marker}{text}。")
    return "".join(parts)


def section_indicators(sections) -> set[str]:
    """Every indicator a section (or one of its subsections) states."""
    found: set[str] = set()
    for section in sections:
        if section is not None:
            found.update(section.indicators)
            found |= section_indicators(section.sections)
    return found


class Structure(NamedTuple):
    """Rules that decide the draft's structure, computed once here and only placed by the templates."""

    genre: str                       # 报告 (sent to 主送) | 总结
    summary_ids: tuple[str, ...]     # main indicators the summary paragraph states: those no section states
    plan_tasks_only: bool            # the plan has only tasks: they sit one level up, under its 一、
    plan_level: int                  # heading level of the plan's parts' contents (1 with tasks only, else 2)

    @classmethod
    def of(cls, report: Report) -> Structure:
        from drafter.templating.phrases import genre

        stated = section_indicators([report.achievements, report.problems, *report.extra_sections])
        main = report.main_indicators
        summary = tuple(i for i in main.ids if i not in stated) if main and main.paragraph else ()
        tasks_only = bool(report.plan and report.plan.tasks_only)
        return cls(genre(report), summary, tasks_only, 1 if tasks_only else 2)


def make_context(report: Report, bank_loader=None) -> dict:
    """The whole context every template gets; documented in docs/templates.md."""
    from drafter.templating.phrases import BANK, Phrases, Used

    years = Years.of(report)

    phrases = Phrases(report, years, bank_loader or empty_bank)

    stated: set[str] = set()

    def indicator_clauses(ids: list[str]) -> list[str]:
        """One clause per indicator not stated earlier in the draft (a figure is said once); the clauses of
        one paragraph turn through the ways of saying a change."""
        clauses = []
        fresh = [i for i in dict.fromkeys(ids) if i not in stated]
        stated.update(fresh)
        for shape, indicator_id in enumerate(fresh):
            own = phrases.say(indicator_id)
            clause = facts.indicator_sentence(report.indicator(indicator_id), shape, own)
            phrases.log.append(Used(f"指标 {indicator_id}", clause, BANK if own else "指标目录"))
            clauses.append(clause)
        return clauses

    def target_clauses(targets: list[Target]) -> list[str]:
        return [facts.target_sentence(report.indicator(t.indicator), t, shape, phrases.say(t.indicator))
                for shape, t in enumerate(targets)]

    extras = {where: [e for e in report.extra_sections if e.after == where]
              for where in ("opening", "achievements", "problems", "plan")}
    def indicator_rows(ids: list[str]) -> list[tuple[str, ...]]:
        return [facts.TABLE_HEADER, *(facts.table_row(report.indicator(i)) for i in ids)]

    return {
        "report": report,
        "indicator_rows": indicator_rows,
        "meta": report.meta,
        "years": years,
        "phrases": phrases,
        "structure": Structure.of(report),
        "extras": extras,
        "indicator_clauses": indicator_clauses,
        "target_clauses": target_clauses,
    }


def empty_bank():
    """No office bank: every phrase is the form's own or a neutral default."""
    from drafter.mining.bank import PhraseBank

    return PhraseBank({})


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
    "cn": chinese_numeral,
    "cn_date": facts.chinese_date,
    "number": facts.format_number,
}
