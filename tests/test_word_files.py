"""Word files from elsewhere are opened defensively: limits before parsing, a Chinese refusal for anything
broken or hostile, and a run over many files skips the bad one and finishes (docs/reliability.md)."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.commands.check import check_files
from drafter.commands.mine import mine_paths
from drafter.docx.guard import open_docx
from drafter.errors import InputError
from drafter.reading import read_report


@pytest.fixture
def good_docx(tmp_path) -> Path:
    document = docx.Document()
    document.add_paragraph("青山县科学技术局2024年工作总结")
    document.add_paragraph("一、主要工作")
    document.add_paragraph("全年新认定高新技术企业12家，同比增长20%。")
    path = tmp_path / "good.docx"
    document.save(str(path))
    return path


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _with(tmp_path: Path, source: Path, name: str, changes: dict[str, bytes | None]) -> Path:
    parts = _parts(source)
    for part, data in changes.items():
        if data is None:
            parts.pop(part, None)
        else:
            parts[part] = data
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return path


def _document_xml(good_docx: Path) -> str:
    return _parts(good_docx)["word/document.xml"].decode("utf-8")


def test_a_good_file_reads(good_docx):
    assert "高新技术企业12家" in "\n".join(b.text for b in read_report(good_docx).document.blocks if hasattr(b, "text"))


def test_malformed_xml_is_refused(tmp_path, good_docx):
    path = _with(tmp_path, good_docx, "bad.docx", {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(InputError, match="XML 有误"):
        read_report(path)


def test_an_external_entity_is_refused(tmp_path, good_docx):
    xml = _document_xml(good_docx)
    xml = xml.replace("?>", '?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1).replace(
        "全年新认定", "&x;全年新认定")
    path = _with(tmp_path, good_docx, "xxe.docx", {"word/document.xml": xml.encode("utf-8")})
    with pytest.raises(InputError, match="DTD|实体"):
        read_report(path)


def test_an_entity_bomb_is_refused_quickly(tmp_path, good_docx):
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    xml = _document_xml(good_docx).replace("?>", f"?><!DOCTYPE w:document [{entities}]>", 1).replace(
        "全年新认定", "&a9;全年新认定")
    path = _with(tmp_path, good_docx, "bomb.docx", {"word/document.xml": xml.encode("utf-8")})
    start = time.perf_counter()
    with pytest.raises(InputError):
        read_report(path)
    assert time.perf_counter() - start < 2


def test_too_deep_xml_is_refused(tmp_path, good_docx):
    xml = _document_xml(good_docx).replace("<w:body>", "<w:body>" + "<w:sdt><w:sdtContent>" * 3000
                                           + "</w:sdtContent></w:sdt>" * 3000, 1)
    path = _with(tmp_path, good_docx, "deep.docx", {"word/document.xml": xml.encode("utf-8")})
    with pytest.raises(InputError, match="嵌套过深|XML 有误"):
        read_report(path)


def _patch_headers(source: Path, target: Path, local: int, central: int, value: bytes) -> Path:
    """Write `value` at the given offsets of every local and central zip header (the flags, the method)."""
    data = bytearray(source.read_bytes())
    for signature, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset:start + offset + len(value)] = value
            start += 4
    target.write_bytes(bytes(data))
    return target


def test_an_encrypted_member_is_refused(tmp_path, good_docx):
    # the "encrypted" flag, as a zip tool with a password sets it
    path = _patch_headers(good_docx, tmp_path / "encrypted.docx", 6, 8, b"\x09")
    with pytest.raises(InputError, match="加密"):
        read_report(path)


def test_an_imploded_member_is_refused(tmp_path, good_docx):
    path = _patch_headers(good_docx, tmp_path / "imploded.docx", 8, 10, (6).to_bytes(2, "little"))  # method 6
    with pytest.raises(InputError, match="压缩方式"):
        read_report(path)


def test_a_corrupt_deflate_stream_is_refused(tmp_path, good_docx):
    data = bytearray(good_docx.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start + 20:start + 60] = bytes(40)
    path = tmp_path / "crc.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="不是有效的 .docx 文件"):
        read_report(path)


@pytest.mark.parametrize("styles", [b"", b'<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
                                    None, b"<w:hdr xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>"])
def test_empty_missing_or_wrong_styles_read_or_are_refused_cleanly(tmp_path, good_docx, styles):
    path = _with(tmp_path, good_docx, "styles.docx", {"word/styles.xml": styles})
    try:
        read = read_report(path)
    except InputError as error:
        assert "styles" in str(error) or "XML" in str(error)
    else:
        assert any("高新技术企业" in getattr(b, "text", "") for b in read.document.blocks)


def test_too_many_parts_are_refused(tmp_path, good_docx):
    path = _with(tmp_path, good_docx, "parts.docx", {f"junk/{n}.xml": b"<a/>" for n in range(2100)})
    with pytest.raises(InputError, match="部件过多"):
        open_docx(path)


def test_a_fifo_named_docx_is_refused_without_hanging(tmp_path):
    os.mkfifo(tmp_path / "pipe.docx")
    with pytest.raises(InputError, match="不是普通文件"):
        read_report(tmp_path / "pipe.docx")


def test_a_device_named_txt_is_refused(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(InputError, match="不是普通文件"):
        read_report(tmp_path / "zero.txt")


def test_check_over_several_files_skips_the_bad_one_counts_it_and_finishes(tmp_path, good_docx):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    checked = check_files([good_docx, bad, good_docx])
    text = checked.as_text()
    assert "跳过" in text and "bad.docx" in text
    assert "共检查 2 个文件" in text and "另有 1 个文件无法读取，已跳过" in text
    assert checked.exit_code(strict=False) == 2


def test_mine_over_a_folder_skips_bad_word_files_and_finishes(tmp_path, good_docx):
    folder = tmp_path / "reports"
    folder.mkdir()
    for number in range(3):
        (folder / f"good{number}.docx").write_bytes(good_docx.read_bytes())
    (folder / "bad.docx").write_bytes(b"<w:document>")
    xml = _document_xml(good_docx).replace("?>", '?><!DOCTYPE x [<!ENTITY a "b">]>', 1)
    _with(folder, good_docx, "xxe.docx", {"word/document.xml": xml.encode("utf-8")})
    result = mine_paths([folder], tmp_path / "bank.yaml")
    assert result.tally.read == 3 and len(result.tally.skipped) == 2
    assert {Path(name).name for name, _ in result.tally.skipped} == {"bad.docx", "xxe.docx"}


def test_mine_to_a_folder_is_refused(tmp_path, good_docx):
    from drafter.errors import OutputError

    with pytest.raises(OutputError, match="文件夹"):
        mine_paths([good_docx], tmp_path)


def test_reading_does_not_trust_st_size(tmp_path):
    """A file that grows past the limit after stat (or lies about its size) is still cut at the limit."""
    from drafter import safeio

    path = tmp_path / "big.txt"
    path.write_bytes("年".encode("utf-8") * 200_000)
    with pytest.raises(InputError, match="文件过大"):
        safeio.read_bounded(path, 100_000, "文稿")
    assert len(safeio.read_bounded(path, 1_000_000, "文稿")) == 600_000


def test_an_unsupported_zip_version_is_refused(tmp_path, good_docx):
    """Found by the fuzzer: zipfile raised NotImplementedError("zip file version 19.8")."""
    data = bytearray(good_docx.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6] = 198  # "version needed to extract" 19.8
    path = tmp_path / "version.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="不是有效的 .docx 文件"):
        read_report(path)


def test_a_text_past_the_size_limit_is_refused_by_check_and_skipped_by_mine(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes("全年工作扎实推进。\n".encode("utf-8") * (9 * 1024 * 1024 // 28 + 1))
    with pytest.raises(InputError, match="文件过大"):
        check_files([path])
    with pytest.raises(InputError, match="跳过 .*huge.txt：文件过大"):  # skipped; with nothing else read, no bank
        mine_paths([path], tmp_path / "bank.yaml")
    assert not (tmp_path / "bank.yaml").exists()


def test_a_workbook_with_an_entity_is_refused_before_openpyxl_reads_it(tmp_path):
    import openpyxl

    from drafter.docx.guard import check_docx

    book = openpyxl.Workbook()
    book.active["A1"] = "高新技术企业"
    path = tmp_path / "table.xlsx"
    book.save(path)
    check_docx(path, ".xlsx")  # a plain workbook passes
    parts = _parts(path)
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    start = sheet.index("?>") + 2 if sheet.startswith("<?xml") else 0
    doctype = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    parts["xl/worksheets/sheet1.xml"] = (sheet[:start] + doctype + sheet[start:]).encode("utf-8")
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(bad, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(InputError, match="DTD"):
        check_docx(bad, ".xlsx")
