"""Files that ship inside the package (templates, schemas), found through importlib.resources."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

import yaml


def templates_dir() -> Traversable:
    return files("drafter.templates")


def schemas_dir() -> Traversable:
    return files("drafter.schemas")


def seeds_dir() -> Traversable:
    """Where the default phrase bank, mined from seeds/, is installed."""
    return files("drafter.seeds")


@cache
def report_schema() -> dict:
    """The form schema, read from its JSON copy (a test keeps it equal to the YAML source; JSON loads
    in a millisecond, the YAML in twenty)."""
    return json.loads((schemas_dir() / "report.schema.json").read_text(encoding="utf-8"))


def report_schema_source() -> dict:
    """The form schema as written, in YAML: what the JSON copy and docs/form.md are made from."""
    return yaml.safe_load((schemas_dir() / "report.schema.yaml").read_text(encoding="utf-8"))


def schema_json_text(schema: dict) -> str:
    """The JSON copy of a schema exactly as it is written to schemas/report.schema.json."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def installed_schema_uri() -> str:
    """A file:// URI of the JSON schema, for the editor hint at the top of a form."""
    with as_file(schemas_dir() / "report.schema.json") as path:
        return path.resolve().as_uri()
