"""drafter suggest: what the phrase bank knows about a word: whole sentences and headings that use it (or,
failing that, its collocates), ranked, each with its source; then the formulas, templates and
collocations that contain it."""

from __future__ import annotations

from pathlib import Path

from drafter.commands.mine import KIND_NAMES
from drafter.errors import InputError
from drafter.mining.bank import KINDS, load_bank

LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
PATTERN_KINDS = tuple(kind for kind in KINDS if kind != "passages")


def _matches(entry: dict, kind: str, word: str) -> bool:
    if word in entry["text"]:
        return True
    if kind == "collocations":
        return word in (entry["verb"], entry["object"]) or word in entry["object"]
    return any(word in example["text"] for example in entry["examples"])


def _passage_rank(entry: dict) -> tuple:
    """Used in more reports first, then more often; a heading before a sentence; then the sentence
    nearest an ordinary length (about 40 characters), so a fragment or a page-long run-on comes last."""
    return (-entry["docs"], -entry["count"], "level" not in entry, abs(len(entry["text"]) - 40), entry["text"])


def collocates(bank, word: str) -> list[str]:
    """The words the bank pairs with this one, strongest first: the verbs of an object (特派员 -> 选派),
    the objects of a verb (选派 -> 科技特派员)."""
    found: list[str] = []
    pairs = sorted(bank.entries("collocations"), key=lambda e: (-e["count"], -e.get("pmi", 0), e["text"]))
    for entry in pairs:
        partner = entry["object"] if entry["verb"] == word else entry["verb"] if word in entry["object"] else None
        if partner and partner not in found:
            found.append(partner)
    return found


def passages(bank, word: str, limit: int) -> list[tuple[dict, str]]:
    """(entry, what it was found by): sentences and headings containing the word, then ones containing
    one of its collocates."""
    entries = bank.entries("passages")
    found = [(e, word) for e in sorted((e for e in entries if word in e["text"]), key=_passage_rank)]
    seen = {e["text"] for e, _ in found}
    for phrase in collocates(bank, word):
        if len(found) >= limit:
            break
        for entry in sorted((e for e in entries if phrase in e["text"] and e["text"] not in seen), key=_passage_rank):
            found.append((entry, phrase))
            seen.add(entry["text"])
    return found[:limit]


def suggest(word: str, kind: str | None = None, bank_path: Path | None = None, limit: int = 10) -> list[str]:
    word = word.strip()
    if not word:  # "" is in every text: it would list the whole bank
        raise InputError("请给出要查找的词语，如：drafter suggest 科技特派员")
    bank = load_bank(bank_path)
    lines = []
    if kind in (None, "passages"):
        found = passages(bank, word, limit)
        if found:
            lines.append(f"【{KIND_NAMES['passages']}】")
        for entry, by in found:
            label = f"{LEVEL_NAMES[entry['level']]}标题 " if "level" in entry else ""
            via = "" if by == word else f"（含搭配词“{by}”）"
            sources = "；".join(f"{x['file']}:{x['line']}" for x in entry["examples"])
            lines.append(f"  {label}{entry['text']}{via}（{entry['docs']} 篇，{sources}）")
    for name in ([kind] if kind and kind != "passages" else PATTERN_KINDS if kind is None else ()):
        found = [e for e in bank.entries(name) if _matches(e, name, word)][:limit]
        if not found:
            continue
        lines.append(f"【{KIND_NAMES[name]}】")
        for entry in found:
            label = f"{LEVEL_NAMES[entry['level']]} " if name == "headings" else ""
            extra = f"，PMI {entry['pmi']}" if name == "collocations" else ""
            lines.append(f"  {label}{entry['text']}（{entry['count']} 次，{entry['docs']} 篇{extra}）")
            example = next((x for x in entry["examples"] if word in x["text"]), entry["examples"][0])
            lines.append(f"      例：{example['text']}（{example['file']}:{example['line']}）")
    if not lines:
        lines.append(f"短语库中没有含“{word}”的用语。")
    return lines
