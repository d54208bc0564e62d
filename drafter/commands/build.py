"""drafter build: the pipeline lives in drafter.build; the names stay importable from here."""

from drafter.build import BuildResult, build_report, choose_reference, default_output, explain_lines

__all__ = ["BuildResult", "build_report", "choose_reference", "default_output", "explain_lines"]
