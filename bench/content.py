"""The content of a .docx body as the benchmarks compare it: every paragraph's style id and runs
(text, bold), and every table's cells, in order. Peers must write exactly drafter's content."""

from __future__ import annotations

import json
from pathlib import Path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _runs(p) -> list[list]:
    """(text, bold) per run, adjacent runs of the same weight merged, empty runs dropped."""
    runs: list[list] = []
    for r in p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        if not text:
            continue
        b = r.find(f"{W}rPr/{W}b")
        bold = b is not None and b.get(f"{W}val", "true") not in ("0", "false")
        if runs and runs[-1][1] == bold:
            runs[-1][0] += text
        else:
            runs.append([text, bold])
    return runs


def _style(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else "Normal"  # no pStyle: the default style


def body_content(path: Path) -> list[dict]:
    """[{"p": style id, "r": [[text, bold], …]} | {"table": cell style id, "rows": [[[[text, bold]…]…]…]}]"""
    import docx

    blocks = []
    for element in docx.Document(str(path)).element.body.iterchildren():
        if element.tag == f"{W}p":
            blocks.append({"p": _style(element), "r": _runs(element)})
        elif element.tag == f"{W}tbl":
            cells = [p for p in element.iter(f"{W}p")]
            rows = [[_runs(tc.find(f"{W}p")) for tc in tr.iter(f"{W}tc")] for tr in element.iter(f"{W}tr")]
            blocks.append({"table": _style(cells[0]) if cells else "", "rows": rows})
    return [b for b in blocks if "table" in b or b["r"]]


def save(blocks: list[dict], path: Path) -> None:
    path.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")


def load(path: str | Path) -> list[dict]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def first_difference(expected: list[dict], actual: list[dict]) -> str | None:
    for index, (a, b) in enumerate(zip(expected, actual)):
        if a != b:
            return f"block {index}: expected {json.dumps(a, ensure_ascii=False)[:200]}, got {json.dumps(b, ensure_ascii=False)[:200]}"
    if len(expected) != len(actual):
        return f"{len(expected)} blocks expected, {len(actual)} written"
    return None
