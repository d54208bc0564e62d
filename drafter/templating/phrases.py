"""Phrases for the templates: the form's own words first, then the phrase bank's best, then a plain
default, so a draft sounds like the office that mined the bank; no phrase is used twice in a draft."""

from __future__ import annotations

from drafter.form.model import Report

# Used only when neither the form nor the bank has a phrase of the kind.
DEFAULTS = {
    "leadership": "在{领导机关}的坚强领导下",
    "strategy": "深入实施创新驱动发展战略",
    "transitions": "现将有关情况报告如下：",
    "problem_leads": "在肯定成绩的同时，我们也清醒地认识到，工作中还存在一些困难和不足：",
    "plan_leads": "{年}年重点抓好以下几项工作。",
}


class Phrases:
    def __init__(self, report: Report, years, bank_loader):
        self.report, self.years = report, years
        self._bank_loader, self._bank = bank_loader, None
        self.used: set[str] = set()

    @property
    def bank(self):
        if self._bank is None:
            self._bank = self._bank_loader()
        return self._bank

    def _pick(self, kind: str, containing: str = "", default: str | None = None) -> str | None:
        text = self.bank.best(kind, self.used, containing) or default
        if text:
            self.used.add(text)
        return text

    def _fill(self, text: str, year: int) -> str:
        leaders = (self.report.meta.recipient or "上级党委、政府").rstrip("：:")
        return text.replace("{领导机关}", leaders).replace("{年}", str(year))

    def _override(self, name: str) -> str | None:
        return getattr(self.report.phrases, name, None) if self.report.phrases else None

    def transition(self) -> str:
        return self._override("transition") or self._fill(self._pick("transitions", default=DEFAULTS["transitions"]), self.years.year)

    def opening(self) -> str:
        """"2024年，在县委、县政府的坚强领导下，…，我局深入实施…战略，各项工作取得新成效。现将…如下："."""
        leadership = self._pick("openings", "领导", DEFAULTS["leadership"])
        clauses = [leadership]
        if "指导" not in leadership:
            guidance = self._pick("openings", "指导下")
            if guidance:
                clauses.append(guidance)
        strategy = self._pick("openings", "战略", DEFAULTS["strategy"])
        body = "，".join(self._fill(c, self.years.year) for c in clauses)
        return f"{self.years.summary_label}，{body}，我局{strategy}，各项工作取得新成效。{self.transition()}"

    def problem_lead(self) -> str:
        return self._override("problem_lead") or self._fill(
            self._pick("problem_leads", default=DEFAULTS["problem_leads"]), self.years.year)

    def plan_lead(self) -> str:
        return self._override("plan_lead") or self._fill(
            self._pick("plan_leads", "以下", DEFAULTS["plan_leads"]), self.years.plan)

    def closing(self) -> str | None:
        """A closing sentence for the plan, when the form or the bank has one."""
        return self._override("closing") or (
            lambda text: self._fill(text, self.years.plan) if text else None)(self._pick("closings"))
