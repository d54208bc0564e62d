"""The reader against hand-written gold outlines of real Word files and texts (tests/data/reading_gold.yaml),
and nothing of a source lost: every character that is not clutter reappears in what drafter read."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from drafter.cli import cli
from drafter.document import Heading, Paragraph, Recipient, Signature, Table, Title
from drafter.reading import read_report
from tests.conftest import REPO, require_tool
from tests.reading_gold import Score, load_gold, read_outline

GOLD = load_gold()
NOT_DOC = {path: gold for path, gold in GOLD.items() if path.suffix.lower() != ".doc"}


def score(gold) -> Score:
    total = Score()
    for path, headings in gold.items():
        total.add(read_outline(read_report(path).document), headings)
    return total


def test_gold_set_covers_ten_word_files_and_twenty_texts():
    assert sum(p.suffix in (".docx", ".doc") for p in GOLD) >= 10 and sum(p.suffix == ".txt" for p in GOLD) >= 20
    assert all(path.is_file() for path in GOLD), "the corpus is ../shared/corpus beside the repository"


def test_headings_levels_and_kinds_on_the_gold_set():
    result = score(NOT_DOC)
    print(f"P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f} "
          f"level {result.level_accuracy:.3f} kind {result.kind_accuracy:.3f}")
    assert result.f1 >= 0.95 and result.kind_accuracy >= 0.9 and result.level_accuracy >= 0.95


@pytest.mark.slow
def test_old_doc_files_on_the_gold_set():
    require_tool("soffice", "reading .doc files")
    result = score({p: g for p, g in GOLD.items() if p.suffix.lower() == ".doc"})
    assert result.f1 >= 0.95 and result.kind_accuracy >= 0.9


def characters(text: str) -> str:
    """What a reader reads: no white space, punctuation in one width."""
    return re.sub(r"\s+", "", text.translate(str.maketrans("(),;:?!", "（），；：？！")))


def read_text(report) -> str:
    parts = []
    for block in report.document.blocks:
        if isinstance(block, Heading):
            parts.append(block.marker + block.text)
        elif isinstance(block, (Paragraph, Title, Recipient)):
            parts.append(block.text)
        elif isinstance(block, Signature):
            parts.append(block.org + block.date)
        elif isinstance(block, Table):
            parts += ["".join(row) for row in block.rows]
    return characters("".join(parts))


@pytest.mark.parametrize("path", sorted(p for p in GOLD if p.suffix == ".txt") + sorted((REPO / "seeds").glob("*.txt")),
                         ids=lambda p: p.name[:24])
def test_no_report_text_is_lost(path):
    """Every line of the source reappears, whole, in the read document or the outline JSON, unless
    cleaning removed it as clutter and says so; headings lose only the full stop after their title."""
    report = read_report(path)
    outline = json.loads(CliRunner().invoke(cli, ["outline", "--format", "json", str(path)]).stdout)
    kept = read_text(report) + characters("".join(item["text"] for item in outline))
    removed: dict[int, list[str]] = {}
    for r in report.removed:
        removed.setdefault(r.line, []).append(characters(r.text))
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        text = characters(line)
        for piece in removed.get(number, []):  # what cleaning took out, and said so in `outline`
            text = text.replace(piece, "", 1)
        if not text or not line.strip():
            continue
        for piece in re.split(r"[。！？]", text):
            assert piece in kept, f"{path.name}:{number}: lost “{piece[:30]}”"


def test_no_text_is_lost_from_a_word_file():
    path = REPO.parent / "shared" / "corpus" / "docx" / "d12_jishu_guifanshu.docx"
    kept = read_text(read_report(path))
    import docx
    for paragraph in docx.Document(str(path)).paragraphs:
        for piece in re.split(r"[。！？]", characters(paragraph.text)):
            assert piece in kept, f"lost “{piece[:30]}”"
