"""run_checks: every rule over a Target, minus the disabled ones, sorted by place."""

from __future__ import annotations

from drafter.checks import figures, numbering, text
from drafter.checks.base import Finding, Target

# rule id prefix -> function; --disable takes an id ("numbering.bracket") or a prefix ("numbering").
RULES = {
    "numbering": (numbering.check_heading_levels_and_sequence, numbering.check_heading_marks),
    "items": (numbering.check_item_sequence,),
    "placeholder": (text.check_placeholders,),
    "repeat": (text.check_repeats,),
    "year": (text.check_dates,),
    "number": (text.check_number_style,),
    "stats": (text.check_statistics_wording,),
    "punct": (text.check_punctuation,),
    "form": (figures.check_figures,),
}


def run_checks(target: Target, disable: frozenset[str] = frozenset()) -> list[Finding]:
    findings = []
    for prefix, functions in RULES.items():
        if prefix in disable:
            continue
        for function in functions:
            findings += function(target)
    findings += text.check_title_years(target)
    kept = [f for f in findings if f.rule not in disable and f.rule.split(".")[0] not in disable]
    return sorted(kept, key=Finding.sort_key)
