"""Files that ship inside the package (templates, schemas), found through importlib.resources."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable

import yaml

from drafter.cache_dir import cache_root, keep


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


def packaged_yaml(text: str):
    """A YAML file that ships with drafter (the indicator catalogue, the word list, a schema), parsed.
    Read on every build, and libyaml still takes about a millisecond per 5 KB, so the parse is kept as
    JSON in drafter's cache folder under the text's digest: an edited file is a new entry, and a missing
    or damaged entry is a miss. Never for files from elsewhere (those go through form.yaml_source)."""
    root = cache_root()
    entry = None if root is None else root / "data" / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()}.json"
    if entry is not None:
        try:
            return json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if entry is not None:
        _keep_as_json(entry, data)
    return data


def _keep_as_json(entry, data) -> None:
    """Skipped when JSON would not give the same data back (a date, a number as a key)."""
    try:
        copy = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return
    if json.loads(copy) == data:
        keep(entry, copy.encode("utf-8"))
