"""The phrase bank: a sorted, deterministic YAML file (schemas/phrasebank.schema.yaml). Loading it never
needs jieba, so drafter build can draw phrases from it cheaply."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from drafter.errors import FormError, InputError
from drafter.form.yaml_source import load_yaml_document, visible
from drafter.resources import packaged_yaml, schemas_dir, seeds_dir

KINDS = ("headings", "openings", "transitions", "problem_leads", "plan_leads", "closings", "sentences", "frames",
         "collocations", "indicator_phrasing", "passages")
KEYED = ("headings", "indicator_phrasing")  # kinds whose key is "group|text"
LIMIT = 500          # entries kept per kind
PASSAGE_LIMIT = 2000  # whole sentences and headings kept for `drafter suggest`
PASSAGE_EXAMPLES = 2  # a passage's examples repeat its text: two sources are enough
MIN_PAIR_COUNT = 2   # a collocation seen once says nothing about habit


def bank_data(collector, tally, files: list[str]) -> dict:
    """The collector's counts as the bank's plain data, sorted by count, then documents, then text."""
    data: dict = {"version": 1, "documents": tally.read, "files": sorted(files)}
    for kind in KINDS:
        entries = []
        for key, entry in collector.entries.get(kind, {}).items():
            if kind == "collocations" and entry.count < MIN_PAIR_COUNT:
                continue
            item: dict = {"text": key.split("|", 1)[-1] if kind in KEYED else key}
            if kind == "headings":
                item["level"] = entry.extra["level"]
            if kind in ("sentences", "indicator_phrasing") and entry.extra.get("indicator"):
                item["indicator"] = entry.extra["indicator"]
            if kind == "collocations":
                item.update(verb=entry.extra["verb"], object=entry.extra["object"],
                            pmi=round(collector.pmi(entry.extra["verb"], entry.extra["object"], entry.count), 2))
            if kind == "passages" and entry.extra.get("level"):
                item["level"] = entry.extra["level"]
            examples = sorted(entry.examples)[:PASSAGE_EXAMPLES if kind == "passages" else None]
            item.update(count=entry.count, docs=entry.docs, section=_top(entry.sections),
                        examples=[{"file": f, "line": l, "text": t} for f, l, t in examples])
            entries.append(item)
        entries.sort(key=lambda e: (-e["count"], -e["docs"], -e.get("pmi", 0), e.get("level", 0),
                                    "indicator" not in e, len(e["text"]), e["text"]))
        if kind == "indicator_phrasing":  # an office's habit: the wording most years use comes first
            entries.sort(key=lambda e: (e["indicator"], -e["docs"], -e["count"], e["text"]))
        data[kind] = entries[:PASSAGE_LIMIT if kind == "passages" else LIMIT]
    return data


def _top(sections) -> str:
    return sorted(sections.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def dump_bank(data: dict) -> str:
    header = "# drafter 短语库（由 drafter mine 生成；格式见 schemas/phrasebank.schema.yaml）\n"
    # libyaml's emitter writes the same text as PyYAML's pure-Python one, four times as fast.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


@dataclass(frozen=True)
class PhraseBank:
    data: dict

    def entries(self, kind: str) -> list[dict]:
        entries = self.data.get(kind, [])
        return entries if isinstance(entries, list) else []  # a bank written by hand may have anything here

    def best(self, kind: str, avoid: set[str] = frozenset(), containing: str = "") -> str | None:
        """The best-ranked text of a kind not used yet (and containing a word, when asked) that can stand
        in a draft as it is: a text with a {N} slot needs a figure no template has for it."""
        return next((e["text"] for e in self.entries(kind)
                     if e["text"] not in avoid and containing in e["text"] and "{N}" not in e["text"]), None)


def default_bank_path() -> Path:
    return Path(str(seeds_dir() / "phrasebank.yaml"))


def json_copy(data: dict) -> str:
    """The default bank's JSON copy: what `drafter build` reads (a millisecond, against 50 ms of YAML)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


MAX_BANK_BYTES = 32 * 1024 * 1024  # a full bank (500 entries of each kind, three examples each) is about 5 MB
MAX_BANK_NODES = 400_000  # a full bank has about 120,000 nodes


@cache
def bank_schema() -> dict:
    return packaged_yaml((schemas_dir() / "phrasebank.schema.yaml").read_text(encoding="utf-8"))  # on every build


def load_bank(path: Path | None = None) -> PhraseBank:
    """The default bank (its JSON copy), or a bank file from anywhere, read as untrusted: through the
    hardened YAML reader and checked against schemas/phrasebank.schema.yaml, every problem located."""
    if path is None:
        return PhraseBank(json.loads((seeds_dir() / "phrasebank.json").read_text(encoding="utf-8")))
    try:
        data, _ = load_yaml_document(path, bank_schema(), limit=MAX_BANK_BYTES, max_nodes=MAX_BANK_NODES, what="短语库")
    except FormError as exc:
        raise FormError(exc.problems, summary=f"共 {len(exc.problems)} 处错误：不是有效的短语库文件（应由 drafter mine 生成）") from None
    except InputError as exc:
        if "不存在" in str(exc):
            raise InputError(f"{visible(str(path))}: 短语库文件不存在。") from None
        raise
    return PhraseBank(data)


if __name__ == "__main__":  # python -m drafter.mining.bank seeds/phrasebank.yaml -> seeds/phrasebank.json
    source = Path(sys.argv[1])
    source.with_suffix(".json").write_text(json_copy(load_bank(source).data), encoding="utf-8")
