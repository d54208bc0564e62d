"""Rules read from word lists: typos, confusable words, 的地得, redundancy, 称谓, an office's own words."""

from __future__ import annotations

from drafter.checks.base import Finding, Target
from drafter.checks.lexicon import builtin_words
from drafter.checks.registry import RULES


def check_words(target: Target) -> list[Finding]:
    entries = target.words if target.words is not None else builtin_words()
    # most of the list's words are nowhere in a draft: drop them once, not in every line
    whole = "\n".join(text for _, text in target.texts())
    entries = [entry for entry in entries if entry.pattern is not None or entry.wrong in whole]
    findings = []
    for where, text in target.texts():
        for entry in entries:
            for start, end in entry.matches(text):
                wrong = text[start:end]
                severity = entry.severity or RULES[entry.rule].severity
                right = entry.right
                suggestion = f"改为“{right}”" if entry.wrong else right
                message = f"“{wrong}”应为“{right}”" if entry.wrong else f"“{wrong}”：{right}"
                if entry.note:
                    message += f"（{entry.note}）"
                findings.append(target.finding(entry.rule, severity, where, text, start, message, suggestion,
                                               wrong, right if entry.fix and entry.wrong else None))
    return findings
