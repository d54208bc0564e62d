"""Checks a careful reader makes on a draft: one rule per function, each finding located and worded."""

from drafter.checks.base import Finding, Target
from drafter.checks.run import RULES, run_checks

__all__ = ["Finding", "Target", "RULES", "run_checks"]
