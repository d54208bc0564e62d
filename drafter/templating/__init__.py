"""Jinja rendering of the report: sandboxed, strict, one ordered template search path."""

from drafter.templating.render import render_draft, template_search_path

__all__ = ["render_draft", "template_search_path"]
