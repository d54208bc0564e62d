"""drafter mine / suggest and the phrase bank: current, deterministic, documented, and used by the templates."""

from __future__ import annotations

import shutil
import sys

import docx
import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from drafter.cli import cli
from drafter.build import build_report
from drafter.commands.mine import mine_paths
from drafter.commands.suggest import suggest
from drafter.mining import patterns
from drafter.mining.bank import KINDS, default_bank_path, json_copy, load_bank
from tests.conftest import MAIN_EXAMPLE, REPO


@pytest.fixture(scope="module")
def mined(tmp_path_factory):
    out = tmp_path_factory.mktemp("bank") / "bank.yaml"
    return mine_paths([REPO / "seeds"], out)


def test_default_bank_is_current(mined):
    assert mined.output.read_text(encoding="utf-8") == (REPO / "seeds" / "phrasebank.yaml").read_text(encoding="utf-8"), \
        "run: drafter mine seeds -o seeds/phrasebank.yaml"
    assert default_bank_path().read_bytes() == (REPO / "seeds" / "phrasebank.yaml").read_bytes()
    assert (REPO / "seeds" / "phrasebank.json").read_text(encoding="utf-8") == json_copy(load_bank(mined.output).data), \
        "run: python -m drafter.mining.bank seeds/phrasebank.yaml"


def test_bank_follows_its_schema_and_is_sorted(mined):
    data = yaml.safe_load(mined.output.read_text(encoding="utf-8"))
    schema = yaml.safe_load((REPO / "schemas" / "phrasebank.schema.yaml").read_text(encoding="utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    for kind in ("headings", "sentences", "collocations"):
        counts = [e["count"] for e in data[kind]]
        assert counts == sorted(counts, reverse=True)
    assert data["documents"] == 5 and len(data["files"]) == 5


def test_what_the_seeds_teach(mined):
    bank = load_bank(mined.output)
    texts = {kind: [e["text"] for e in bank.entries(kind)] for kind in KINDS}
    assert "在{领导机关}的坚强领导和上级科技部门的关怀指导下" in texts["openings"]
    assert "全面实施创新驱动发展战略" in texts["openings"]
    assert texts["transitions"] == ["现将一年来工作总结如下："]
    assert texts["problem_leads"] == ["{年}年，虽然取得了一定的成绩，但也还存在一些问题和不足："]
    assert texts["plan_leads"][0] == "{年}年重点要抓好以下几项工作。"
    assert "聚焦X，Y的支撑力" in texts["headings"]  # from "（二）聚焦重点促创新，增强…的支撑力"
    linked = {e["text"]: e.get("indicator") for e in bank.entries("sentences")}
    assert linked["登记备案科技型中小企业{N}家"] == "tech_sme"
    assert "同比增长{N}%" in linked
    pairs = {(e["verb"], e["object"]) for e in bank.entries("collocations")}
    assert ("推广", "新品种") in pairs
    example = bank.entries("openings")[0]["examples"][0]
    assert example["file"].startswith("seeds/") and example["line"] > 0


@pytest.mark.parametrize(
    ("text", "abstracted"),
    [
        ("2024年，全县新认定高新技术企业35家", "{年}年，全县新认定高新技术企业{N}家"),
        ("完成xx家企业评价，占比x.x%", "完成{N}家企业评价，占比{N}%"),
        ("在县委、县政府的坚强领导下", "在{领导机关}的坚强领导下"),
        ("在xx市委市政府的坚强领导下", "在{领导机关}的坚强领导下"),
    ],
)
def test_abstraction(text, abstracted):
    assert patterns.abstract(text) == abstracted


@pytest.mark.parametrize(
    ("level", "title", "words", "formula"),
    [
        (2, "聚焦主体培育，创新能力持续增强", ["聚焦", "主体", "培育", "，", "创新", "能力", "持续", "增强"], "聚焦X，Y持续增强"),
        (3, "强化科技特派员等人才工作", ["强化", "科技", "特派员", "等", "人才", "工作"], "强化X"),
        (1, "2019年工作打算", ["2019", "年", "工作", "打算"], "{年}年工作打算"),
    ],
)
def test_heading_formulas(level, title, words, formula):
    assert patterns.heading_formula(level, title, words) == formula
    if "，" in formula:
        assert patterns.heading_formulas(level, title, words) == [formula, formula.split("X")[0] + "X"]
    assert patterns.formula_regex(formula).match(title if level > 1 else "2025年工作打算")


def test_suggest_finds_useful_headings_and_sentences_for_science_envoys():
    lines = suggest("科技特派员")
    assert lines[0] == "【原句】"
    assert lines[1] == "  二级标题 (四)强化人才引领，继续深化科技特派员等人才工作（1 篇，seeds/000_3e3a879254da2c44.txt:51）"
    assert "【标题格式】" in lines
    assert any("强化科技特派员等人才工作" in line for line in lines)
    assert "【句式】" in lines
    assert any("科技特派员" in line and "{N}" in line for line in lines)
    assert all("seeds/" in line for line in lines if line.strip().startswith("例："))


def test_suggest_finds_whole_sentences_with_their_source():
    lines = suggest("孵化器", kind="passages")
    assert lines[0] == "【原句】"
    assert any("湖南金丹科技投资有限公司被评为省级科技企业孵化器" in line and "seeds/004_fed0c36332e47857.txt:39" in line
               for line in lines)
    assert all(line.rstrip("）").endswith(tuple("0123456789")) for line in lines[1:])


def test_suggest_falls_back_to_sentences_with_a_collocate(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(
        "甲县科技局2023年工作总结\n一、工作成效\n全年引进科技人才30名。深入开展科技培训20场次。\n"
        "继续引进科技人才驻企服务。\n引进农业专家下乡指导。\n二、存在问题\n经费不足。\n", encoding="utf-8")
    bank = mine_paths([tmp_path / "old"], tmp_path / "b.yaml").output
    assert suggest("科技人才", kind="passages", bank_path=bank) == [
        "【原句】", "  继续引进科技人才驻企服务。（1 篇，old/a.txt:4）", "  全年引进科技人才30名。（1 篇，old/a.txt:3）",
        "  引进农业专家下乡指导。（含搭配词“引进”）（1 篇，old/a.txt:5）"]


def test_mining_leaves_out_names_other_places_fragments_and_noun_led_formulas(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(
        "乙县科技局2023年工作总结\n一、工作成效\n（一）科技创新能力持续增强\n（二）聚焦主体培育，企业实力不断壮大\n"
        "白岩、傅尚文等12人被评为市科技特派员先进个人。认定宜春市科技型中小企业15家。培育科技示范户120户。\n"
        "二、存在问题\n经费不足。\n", encoding="utf-8")
    data = yaml.safe_load(mine_paths([tmp_path / "old"], tmp_path / "b.yaml").output.read_text(encoding="utf-8"))
    texts = {kind: [e["text"] for e in data[kind]] for kind in KINDS}
    assert "聚焦X，Y不断壮大" in texts["headings"] and not any(t.startswith("科技X") for t in texts["headings"])
    assert "认定{地名}科技型中小企业{N}家" in texts["sentences"]
    assert not any("傅尚文" in t for kind in KINDS for t in texts[kind])
    assert "示范户{N}户" not in texts["frames"] and "范户{N}户" not in texts["frames"]
    assert "（一）科技创新能力持续增强" in texts["passages"]  # a heading is still a sentence worth finding


def test_suggest_by_kind_and_nothing_found():
    assert suggest("领导", kind="openings", limit=1)[0] == "【导语套语】"
    assert suggest("不存在的词语") == ["短语库中没有含“不存在的词语”的用语。"]


def test_without_a_bank_the_phrasing_is_plain_and_fits_the_document(example_copy):
    texts = [p.text for p in docx.Document(str(build_report(example_copy("seed001-government-tasks.yaml")).output)).paragraphs]
    joined = "".join(texts)
    assert "但也还存在" not in joined and "首位战略" not in joined and "重点要抓好" not in joined
    main = [p.text for p in docx.Document(str(build_report(example_copy()).output)).paragraphs]
    assert main[2] == "2024年，在县委、县政府的坚强领导下，我局认真履行职责，各项工作取得新成效。现将有关情况报告如下："
    assert "工作中还存在一些困难和问题，主要是：一是企业创新主体作用发挥不够充分" in "".join(main)


def test_an_office_bank_changes_the_phrasing(tmp_path, example_copy):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "2023.txt").write_text(
        "白沙县科学技术局2023年工作总结\n2023年，在县委、县政府的亲切关怀下，在市科技局的精心指导下，我局奋力实施科技强县战略。现将有关工作汇报如下：\n"
        "一、工作成效\n全年新认定高新技术企业12家。\n二、存在问题\n工作中也存在一些短板：一是投入不足。\n", encoding="utf-8")
    bank = mine_paths([tmp_path / "old"], tmp_path / "office.yaml").output
    form = example_copy()
    text = [p.text for p in docx.Document(str(build_report(form, tmp_path / "o.docx", bank=bank).output)).paragraphs]
    assert text[2].startswith("2024年，在县委、县政府的坚强领导下，在市科技局的精心指导下，我局奋力实施科技强县战略")
    assert text[2].endswith("现将有关工作汇报如下：")


def test_form_phrases_replace_the_banks(tmp_path):
    form = tmp_path / "r.yaml"
    form.write_text(MAIN_EXAMPLE.read_text(encoding="utf-8") + "phrases:\n  transition: 现将有关情况报告如下：\n  problem_lead: 我们也清醒看到：\n", encoding="utf-8")
    text = "".join(p.text for p in docx.Document(str(build_report(form, tmp_path / "o.docx").output)).paragraphs)
    assert "现将有关情况报告如下：" in text and "我们也清醒看到：一是" in text and "现将一年来工作总结如下" not in text


def test_cli_mine_summary_and_refusing_a_foreign_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns("*.yaml", "*.py"))
    (tmp_path / "seeds" / "broken.docx").write_bytes(b"PK not really")
    result = CliRunner().invoke(cli, ["mine", "seeds", "-o", "bank.yaml"])
    assert result.exit_code == 0, result.output
    assert "跳过 seeds/broken.docx：不是有效的 .docx 文件，或文件已损坏。" in result.output
    assert "读取 5 个文件（约 2.2 万字），跳过 1 个。" in result.output
    (tmp_path / "mine.yaml").write_text("my notes", encoding="utf-8")
    refused = CliRunner().invoke(cli, ["mine", "seeds", "-o", "mine.yaml"])
    assert refused.exit_code == 2 and "不是 drafter 生成的短语库，未覆盖" in refused.output


def test_build_and_suggest_never_import_jieba(tmp_path):
    import subprocess

    code = ("import sys, drafter.cli as c\n"
            "for argv in (['suggest','科技特派员'], ['build', %r, '-o', %r]):\n"
            "    sys.argv = ['drafter', *argv]\n"
            "    try:\n        c.main()\n    except SystemExit as e:\n        assert not e.code\n"
            "assert 'jieba' not in sys.modules\n") % (str(MAIN_EXAMPLE), str(tmp_path / "x.docx"))
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_both_segmenters_and_any_number_of_jobs_give_the_same_bank(tmp_path, monkeypatch):
    """rjieba (when installed) and jieba cut and tag alike; parallel mining merges in file order."""
    import subprocess

    corpus = tmp_path / "corpus"
    shutil.copytree(REPO / "seeds", corpus / "seeds", ignore=shutil.ignore_patterns("*.yaml", "*.py", "*.json"))
    shutil.copytree(REPO.parent / "shared" / "corpus" / "text" / "tongjigongbao", corpus / "tongjigongbao")
    (corpus / "broken.docx").write_bytes(b"PK not really")
    running = {}
    # jieba in one process against rjieba (when installed) in three: equal banks show both at once
    for name, segmenter, jobs in (("jieba", "jieba", "1"), ("jobs", "", "3")):
        env = {**__import__("os").environ, "DRAFTER_SEGMENTER": segmenter}
        command = [sys.executable, "-m", "drafter", "mine", str(corpus), "-o", str(tmp_path / f"{name}.yaml"), "-j", jobs]
        # the runs side by side: each spends most of its time starting and loading a dictionary
        running[name] = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    banks = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        assert "broken.docx：不是有效的 .docx 文件" in stdout
        banks[name] = (tmp_path / f"{name}.yaml").read_text(encoding="utf-8")
    assert banks["jieba"] == banks["jobs"]
    assert "collocations:" in banks["jieba"] and "corpus/tongjigongbao/wanzai_2022_tongjigongbao.txt" in banks["jieba"]


def test_segmenter_fallback_is_jieba(monkeypatch):
    from drafter.mining import segment

    segment.backend.cache_clear()
    monkeypatch.setenv("DRAFTER_SEGMENTER", "jieba")
    try:
        assert segment.backend() == "jieba"  # what jieba then gives is the same-bank test's subject
    finally:
        segment.backend.cache_clear()


def test_memory_stays_bounded_and_recurring_entries_survive(monkeypatch):
    from drafter.mining import collect

    monkeypatch.setattr(collect, "MAX_KEYS", 100)
    collector = collect.Collector()
    for number in range(1000):
        collector.new_document()
        collector.add("sentences", "全年新认定高新技术企业{N}家", "achievements", ("a.txt", number, "x"))
        collector.add("sentences", f"一次性的句子{number}", "achievements", ("a.txt", number, "x"))
        collector.add("sentences", f"出现两次的句子{number // 2}", "achievements", ("a.txt", number, "x"))
        assert len(collector.entries["sentences"]) <= 100
    kept = collector.entries["sentences"]["全年新认定高新技术企业{N}家"]
    assert (kept.count, kept.docs, len(kept.examples)) == (1000, 1000, 3)


def test_nothing_readable_writes_no_bank_and_an_empty_word_is_refused(tmp_path, monkeypatch):
    """Found in review: `mine 指标.xlsx -o x.yaml` wrote an empty bank with exit 0, and `suggest ""` listed
    the whole bank."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "指标.xlsx").write_bytes(b"PK\x03\x04 not a report")
    mined = CliRunner().invoke(cli, ["mine", "指标.xlsx", "-o", "bank.yaml"])
    assert mined.exit_code == 2 and "没有读到可以学习的文稿" in mined.output and "指标.xlsx" in mined.output
    assert not (tmp_path / "bank.yaml").exists() and "Traceback" not in mined.output
    for word in ("", "  "):
        result = CliRunner().invoke(cli, ["suggest", word])
        assert result.exit_code == 2 and "请给出要查找的词语" in result.output


def test_a_collector_sent_back_by_a_worker_process_arrives_whole():
    """Collector's pickled form (rows of plain values) gives back every entry as it was."""
    import pickle

    from drafter.mining.collect import Collector

    collector = Collector()
    collector.new_document()
    collector.add("passages", "全年新认定高新技术企业45家", "achievements", ("a.txt", 3, "全年…"), level=2)
    collector.add_pairs([("推进", "改革"), ("推进", "改革")], "plans", lambda words: ("b.txt", 9, words))
    back = pickle.loads(pickle.dumps(collector))
    assert (back.verbs, back.objects, back.pairs, back.doc) == (collector.verbs, collector.objects, 2, 0)
    for kind, table in collector.entries.items():
        assert list(back.entries[kind]) == list(table)
        for key, entry in table.items():
            again = back.entries[kind][key]
            assert [getattr(again, name) for name in entry.__slots__] == [getattr(entry, name) for name in entry.__slots__]
    assert back.entries["collocations"]["推进 改革"].count == 2
