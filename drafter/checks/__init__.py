"""Checks a careful reader makes on a draft: every rule in one registry, findings located and worded."""

from drafter.checks.base import Finding, Target
from drafter.checks.registry import RULES, Selection
from drafter.checks.run import CHECKS, run_checks

__all__ = ["Finding", "Target", "RULES", "CHECKS", "Selection", "run_checks"]
