"""The phrase bank: a sorted, deterministic YAML file (schemas/phrasebank.schema.yaml). Loading it never
needs jieba, so drafter build can draw phrases from it cheaply."""

from __future__ import annotations

import gc
import heapq
import io
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from drafter.errors import FormError, InputError
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
        entries, sources = [], {}
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
            item.update(count=entry.count, docs=entry.docs)
            entries.append(item)
            sources[id(item)] = entry
        limit = PASSAGE_LIMIT if kind == "passages" else LIMIT
        if kind == "indicator_phrasing":  # an office's habit: the wording most years use comes first
            entries.sort(key=_rank)
            entries = sorted(entries, key=lambda e: (e["indicator"], -e["docs"], -e["count"], e["text"]))[:limit]
        else:  # the best `limit` in rank order, as sorting all and cutting gives (some kinds have 20,000)
            entries = heapq.nsmallest(limit, entries, key=_rank)
        for item in entries:  # section and examples only for the entries kept
            entry = sources[id(item)]
            examples = sorted(entry.examples)[:PASSAGE_EXAMPLES if kind == "passages" else None]
            item.update(section=_top(entry.sections),
                        examples=[{"file": f, "line": l, "text": t} for f, l, t in examples])
        data[kind] = entries
    return data


def _rank(item: dict) -> tuple:
    return (-item["count"], -item["docs"], -item.get("pmi", 0), item.get("level", 0), "indicator" not in item,
            len(item["text"]), item["text"])


def _top(sections) -> str:
    return sorted(sections.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def dump_bank(data: dict) -> str:
    header = "# drafter 短语库（由 drafter mine 生成；格式见 schemas/phrasebank.schema.yaml）\n"
    # libyaml's emitter writes the same text as PyYAML's pure-Python one, four times as fast.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    with _collector_paused():
        try:
            return header + _emit(_plain_nodes(data, set()), _quick_resolving(dumper))
        except _NotPlain:
            return header + yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


class _NotPlain(Exception):
    """The data has something _plain_nodes leaves to PyYAML: another type, or a container twice (an alias)."""


_STR, _INT, _BOOL = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_FLOATS = yaml.representer.SafeRepresenter()


def _plain_nodes(data, seen: set[int]) -> yaml.Node:
    """The node tree yaml.dump(..., sort_keys=False) builds for plain data (dicts, lists, strings, whole
    numbers, booleans, floats), built directly: PyYAML's representer looks every value up by type and
    keeps track of what could become an alias, half the time of writing a bank."""
    kind = type(data)
    if kind is str:
        return yaml.ScalarNode(_STR, data)
    if kind is dict or kind is list:
        if id(data) in seen:
            raise _NotPlain
        seen.add(id(data))
        scalar = yaml.ScalarNode  # strings, most of a bank, made here rather than by a call apiece
        if kind is dict:
            return yaml.MappingNode(_MAP, [(scalar(_STR, key) if type(key) is str else _plain_nodes(key, seen),
                                            scalar(_STR, value) if type(value) is str else _plain_nodes(value, seen))
                                           for key, value in data.items()], flow_style=False)
        return yaml.SequenceNode(_SEQ, [scalar(_STR, item) if type(item) is str else _plain_nodes(item, seen)
                                        for item in data], flow_style=False)
    if kind is int:
        return yaml.ScalarNode(_INT, str(data))
    if kind is bool:
        return yaml.ScalarNode(_BOOL, "true" if data else "false")
    if kind is float:
        return _FLOATS.represent_float(data)  # PyYAML's own spelling (.inf, 1.0e+17)
    raise _NotPlain


@cache
def _quick_resolving(dumper):
    """`dumper`, answering at once the emitter's question (twice a value) of which type a plain scalar
    would be read as when no implicit type can start with its first character (a Chinese text: most of
    a bank): the answer PyYAML's resolver gives, after building and walking two empty lists."""

    class QuickResolving(dumper):
        def resolve(self, kind, value, implicit):
            if kind is not yaml.ScalarNode or self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit)
            if value and value[0] not in self.yaml_implicit_resolvers and None not in self.yaml_implicit_resolvers:
                return self.DEFAULT_SCALAR_TAG
            # the rest (keys, counts, line numbers) recur: the resolver's answer depends on nothing else
            answers = self.__dict__.setdefault("_answers", {})
            tag = answers.get((value, implicit))
            if tag is None:
                tag = answers[value, implicit] = super().resolve(kind, value, implicit)
            return tag

    return QuickResolving


def _emit(node: yaml.Node, dumper) -> str:
    """What yaml.dump writes for the data `node` was built from (same options as dump_bank's fallback)."""
    stream = io.StringIO()
    emitter = dumper(stream, default_flow_style=False, allow_unicode=True, sort_keys=False, width=1000)
    try:
        emitter.open()
        emitter.serialize(node)
        emitter.close()
    finally:
        emitter.dispose()
    return stream.getvalue()


@contextmanager
def _collector_paused():
    """PyYAML first builds a node for every value of the bank (about 100,000 for a full one), a tree
    without reference cycles; while it grows, Python's cyclic collector walked the whole of it several
    times, about as long as the emitting itself. Whatever cycle is made meanwhile is freed by the first
    collection after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    # the hardened reader brings the form package (about 15 ms of imports), which `drafter mine` never needs
    from drafter.form.yaml_source import load_yaml_document, visible

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
