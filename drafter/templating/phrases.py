"""Phrases for the templates: the form's own words first, then the office's phrase bank, then a plain,
neutral default; each phrase fits the document's genre and what follows it, none is used twice, and
each one remembers where it came from (`drafter build --explain`)."""

from __future__ import annotations

from typing import NamedTuple

from drafter import recache
from drafter.form.model import Report

FORM, BANK, DEFAULT = "表单", "短语库", "默认用语"

# Used only when neither the form nor the bank has a phrase of the kind: plain words any office may use,
# no province's slogan, no stock formula a clerk would strike out.
DEFAULTS = {
    "leadership": "在{领导机关}的坚强领导下",
    "work": "认真履行职责",
    "transition_report": "现将有关情况报告如下：",
    "transition_summary": "现将有关情况总结如下：",
    "problem_leads": "工作中还存在一些困难和问题，主要是：",
    "plan_leads": "{年}年，重点抓好以下几项工作。",
    "ending_report": "特此报告。",
}

# The leading bodies of an office, from the kind of region it serves: 青山县 -> 县委、县政府.
LEADERS_OF = {"县": "县委、县政府", "市": "市委、市政府", "区": "区委、区政府", "旗": "旗委、旗政府"}


class Used(NamedTuple):
    what: str    # 导语、过渡语、问题引语…
    text: str
    origin: str  # 表单 | 短语库 | 默认用语


CONTROL = recache.compile(r"[\x00-\x1f\x7f]")
LONGEST = 200  # a phrase is a clause or two; anything longer is not a formula


def usable(entry, slot: str | None = None) -> str | None:
    """An entry's text when it can stand in a draft: a bank is a file from anywhere, so a text with a line
    break or a control character (which could start a heading or a table) or of the wrong shape is skipped."""
    text = entry.get("text") if isinstance(entry, dict) else None
    if not isinstance(text, str) or not text.strip() or len(text) > LONGEST or CONTROL.search(text):
        return None
    if slot is not None and text.count(slot) != 1:
        return None
    return text


def genre(report: Report) -> str:
    """报告 when the document is sent to someone (主送), else 总结: decides transition and ending."""
    return "报告" if report.meta.recipient else "总结"


def fits_genre(text: str, kind: str) -> bool:
    """A transition "现将……报告如下" belongs to a 报告, "……总结如下" to a 总结; 汇报 suits either."""
    return ("总结如下" not in text) if kind == "报告" else ("报告如下" not in text)


NOT_WORK = recache.compile(r"思路|目标|指导思想|总体要求|基本原则|原则|保障|措施")


def not_work(tasks) -> bool:
    """Whether the plan's "tasks" are in fact its 思路、目标 or 措施 (a form extracted from a draft, say)."""
    return any(NOT_WORK.search(section.title or "") for section in tasks.sections)


class Phrases:
    def __init__(self, report: Report, years, bank_loader):
        self.report, self.years = report, years
        self._bank_loader, self._bank = bank_loader, None
        self.genre = genre(report)
        self.used: set[str] = set()
        self.log: list[Used] = []

    @property
    def bank(self):
        if self._bank is None:
            self._bank = self._bank_loader()
        return self._bank

    def _note(self, what: str, text: str | None, origin: str) -> str | None:
        if text:
            self.log.append(Used(what, text, origin))
        return text

    def _choose(self, what: str, kind: str, default: str | None, containing: str = "", fits=lambda text: True,
                plan: bool = False) -> str | None:
        """The bank's best unused phrase of a kind that fits, else the default; filled and noted. An opening
        formula is taken from the openings of past reports, not from a sentence of their plans."""
        text = next((t for e in self.bank.entries(kind) if (t := usable(e))
                     and t not in self.used and containing in t and "{N}" not in t and "{数}" not in t
                     and fits(t) and (kind != "openings" or e.get("section") not in ("plans", "problems"))),
                    None)
        origin = BANK if text else DEFAULT
        text = text or default
        if not text:
            return None
        self.used.add(text)
        return self._note(what, self._fill(text, self.years.plan if plan else self.years.year, plan), origin)

    def leaders(self) -> str:
        if self.report.meta.recipient:
            return self.report.meta.recipient.rstrip("：:")
        region = (self.report.meta.region or "").strip()
        return LEADERS_OF.get(region[-1:], "上级党委、政府") if region else "上级党委、政府"

    def _fill(self, text: str, year: int, plan: bool = False) -> str:
        if plan:  # the plan's own label: "2025年", or "下半年" in a mid-year report (not "2023年")
            text = text.replace("{年}年", self.years.plan_label)
        return text.replace("{领导机关}", self.leaders()).replace("{年}", str(year))

    def _override(self, what: str, name: str) -> str | None:
        text = getattr(self.report.phrases, name, None) if self.report.phrases else None
        return self._note(what, text, FORM)

    def transition(self) -> str:
        default = DEFAULTS["transition_report" if self.genre == "报告" else "transition_summary"]
        return self._override("过渡语", "transition") or self._choose(
            "过渡语", "transitions", default, fits=lambda text: fits_genre(text, self.genre))

    def opening(self) -> str:
        """"2024年，在县委、县政府的坚强领导下，我局认真履行职责，各项工作取得新成效。现将有关情况报告如下："."""
        leadership = self._choose("导语（领导）", "openings", DEFAULTS["leadership"], "领导")
        clauses = [leadership]
        if "指导" not in leadership:
            guidance = self._choose("导语（指导）", "openings", None, "指导下")
            if guidance:
                clauses.append(guidance)
        work = self._choose("导语（工作）", "openings", DEFAULTS["work"], "战略")
        return f"{self.years.summary_label}，{'，'.join(clauses)}，我局{work}，各项工作取得新成效。{self.transition()}"

    def problem_lead(self) -> str:
        """The lead-in of a 一是/二是 run of problems: it must end in "：" since the run follows it."""
        return self._override("问题引语", "problem_lead") or self._choose(
            "问题引语", "problem_leads", DEFAULTS["problem_leads"], fits=lambda text: text.endswith(("：", ":")))

    def plan_lead(self) -> str | None:
        """A plan lead-in that fits what follows: "重点抓好以下几项工作" before the tasks themselves; none
        before 总体思路/主要目标, which are not 工作 (the form's own lead-in is always kept)."""
        own = self._override("计划引语", "plan_lead")
        if own or not self.report.plan or not self.report.plan.tasks_only or not_work(self.report.plan.tasks):
            return own
        return self._choose("计划引语", "plan_leads", DEFAULTS["plan_leads"], "以下", plan=True)

    def closing(self) -> str | None:
        """A closing sentence for the plan, when the form or the bank has one."""
        return self._override("计划结束语", "closing") or self._choose(
            "计划结束语", "closings", None, plan=True)

    def ending(self) -> str | None:
        """The document's last line: the form's own closing, else "特此报告。" for a 报告, nothing for a 总结."""
        if self.report.closing:
            return self._note("结束语", self.report.closing, FORM)
        return self._note("结束语", DEFAULTS["ending_report"], DEFAULT) if self.genre == "报告" else None

    def say(self, indicator_id: str) -> str | None:
        """How the office words an indicator ("新认定国家高新技术企业{数}"), from its bank, ranked by years."""
        return next((t for e in self.bank.entries("indicator_phrasing")
                     if isinstance(e, dict) and e.get("indicator") == indicator_id and (t := usable(e, "{数}"))), None)
