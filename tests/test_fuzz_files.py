"""Fuzzing beyond the form: mutated real Word files and built drafts through the .docx reader (check, extract),
as an office's reference .docx through a build, and mutated text through check and extract. Anything but a
DrafterError is a failure. Small counts here; the slow runs take more (docs/reliability.md has the counts)."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import traceback
from pathlib import Path

import pytest

from drafter.build import build_report, office_reference
from drafter.commands.check import check_files
from drafter.commands.extract import extract_to_form
from drafter.document import parse_draft
from drafter.docx.writer import DocumentInfo, write_docx
from drafter.errors import DrafterError
from drafter.form import load_form
from drafter.templating import render_draft, template_search_path
from tests.conftest import MAIN_EXAMPLE, REPO
from tests.fuzz_inputs import mutate_docx, mutate_text, mutate_yaml

CORPUS = REPO.parent / "shared" / "corpus" / "docx"
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def word_files(tmp_path_factory) -> list[Path]:
    """The real Word files of the shared corpus, plus a draft drafter built."""
    folder = tmp_path_factory.mktemp("built")
    shutil.copyfile(MAIN_EXAMPLE, folder / "report.yaml")
    built = build_report(folder / "report.yaml", folder / "draft.docx").output
    files = sorted(CORPUS.glob("*.docx")) + [built]
    assert len(files) > 5, "../shared/corpus/docx is missing"
    return files


def _failures(cases, run) -> list[str]:
    failures = []
    for number, case in enumerate(cases):
        try:
            run(case)
        except DrafterError:
            pass
        except Exception as error:  # noqa: BLE001 - exactly what the fuzzer looks for
            failures.append(f"case {number} ({case}): {''.join(traceback.format_exception(error)[-3:])}")
    return failures


def _mutated_word_files(word_files, folder: Path, count: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = folder / f"m{number}.docx"
        path.write_bytes(mutate_docx(rng.choice(word_files).read_bytes(), rng))
        paths.append(path)
    return paths


def _read_docx_cases(word_files, tmp_path, count: int, seed: int) -> list[str]:
    paths = _mutated_word_files(word_files, tmp_path, count, seed)

    def run(path: Path) -> None:
        check_files([path])
        extract_to_form(path, path.with_suffix(".yaml"))

    return _failures(paths, run)


def _reference_cases(word_files, tmp_path, count: int, seed: int) -> list[str]:
    report = load_form(MAIN_EXAMPLE).report
    draft = parse_draft(render_draft(report, template_search_path(None, None)))
    info = DocumentInfo("标题", "青山县科学技术局", dt.date(2024, 12, 20))
    paths = _mutated_word_files(word_files, tmp_path, count, seed)

    def run(path: Path) -> None:
        cleaned, _ = office_reference(path)
        write_docx(draft, info, cleaned, report.layout, own_reference=True)

    return _failures(paths, run)


def _text_cases(tmp_path, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = tmp_path / f"t{number}.txt"
        path.write_text(mutate_text(rng.choice(SEEDS).read_text(encoding="utf-8"), rng), encoding="utf-8",
                        errors="surrogatepass")
        paths.append(path)

    def run(path: Path) -> None:
        check_files([path])
        extract_to_form(path, path.with_suffix(".yaml"))

    return _failures(paths, run)


@pytest.fixture(scope="module")
def small_bank() -> str:
    """The shipped phrase bank cut to three entries a kind: every kind and field, a few KB."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the shipped bank is 400 KB: libyaml reads it 10x faster
    data = yaml.load((REPO / "seeds" / "phrasebank.yaml").read_text(encoding="utf-8"), Loader=loader)
    small = {key: value[:3] if isinstance(value, list) else value for key, value in data.items()}
    return "# drafter 短语库\n" + yaml.safe_dump(small, allow_unicode=True, sort_keys=False)


def _bank_cases(small_bank: str, tmp_path, count: int, seed: int, builds: int) -> list[str]:
    from drafter.commands.suggest import suggest

    rng = random.Random(seed)
    form = tmp_path / "report.yaml"
    shutil.copyfile(MAIN_EXAMPLE, form)
    paths = []
    for number in range(count):
        path = tmp_path / f"b{number}.yaml"
        path.write_text(mutate_yaml(small_bank, rng), encoding="utf-8", errors="surrogatepass")
        paths.append(path)

    def run(path: Path) -> None:
        suggest("科技", None, path, 5)
        if int(path.stem[1:]) < builds:  # a build puts the bank's phrases into a draft
            build_report(form, tmp_path / "out.docx", force=True, bank=path)

    return _failures(paths, run)


def test_mutated_phrase_banks_through_suggest_and_build(small_bank, tmp_path):
    assert _bank_cases(small_bank, tmp_path, 60, seed=4, builds=10) == []


@pytest.mark.slow
def test_mutated_phrase_banks_at_length(small_bank, tmp_path):
    assert _bank_cases(small_bank, tmp_path, 800, seed=14, builds=100) == []


def test_mutated_word_files_through_the_reader(word_files, tmp_path):
    assert _read_docx_cases(word_files, tmp_path, 40, seed=1) == []


def test_mutated_word_files_as_a_reference(word_files, tmp_path):
    assert _reference_cases(word_files, tmp_path, 25, seed=2) == []


def test_mutated_text_through_check_and_extract(tmp_path):
    assert _text_cases(tmp_path, 40, seed=3) == []


@pytest.mark.slow
def test_mutated_word_files_through_the_reader_at_length(word_files, tmp_path):
    assert _read_docx_cases(word_files, tmp_path, 1000, seed=11) == []


@pytest.mark.slow
def test_mutated_word_files_as_a_reference_at_length(word_files, tmp_path):
    assert _reference_cases(word_files, tmp_path, 400, seed=12) == []


@pytest.mark.slow
def test_mutated_text_through_check_and_extract_at_length(tmp_path):
    assert _text_cases(tmp_path, 600, seed=13) == []
