"""drafter suggest: the phrase bank's best phrases containing or collocating with a word, with sources."""

from __future__ import annotations

from pathlib import Path

from drafter.commands.mine import KIND_NAMES
from drafter.mining.bank import KINDS, load_bank

LEVEL_NAMES = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def _matches(entry: dict, kind: str, word: str) -> bool:
    if word in entry["text"]:
        return True
    if kind == "collocations":
        return word in (entry["verb"], entry["object"]) or word in entry["object"]
    return any(word in example["text"] for example in entry["examples"])


def suggest(word: str, kind: str | None = None, bank_path: Path | None = None, limit: int = 10) -> list[str]:
    bank = load_bank(bank_path)
    lines = []
    for name in ([kind] if kind else KINDS):
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
