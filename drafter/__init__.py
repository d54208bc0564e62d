"""drafter: drafts a county or city bureau's annual work report from a YAML form."""

__version__ = "0.1.0"
