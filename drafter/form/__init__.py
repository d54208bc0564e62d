"""The YAML form: reading with positions, validation against the schema, the typed model."""

from drafter.form.load import load_form

__all__ = ["load_form"]
