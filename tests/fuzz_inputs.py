"""Mutations of real files for the fuzz tests: Word packages changed at the byte, zip and XML level, and text
changed the way copy-paste from the web changes it. Deterministic for a given random.Random."""

from __future__ import annotations

import io
import random
import zipfile

XML_NOISE = [b"<w:p>", b"</w:p>", b"<w:r><w:t>", b"</w:t></w:r>", b'<w:fldChar w:fldCharType="begin"/>',
             b"<w:tbl>", b"<w:tc>", b'<w:pStyle w:val="Heading1"/>', b'<w:numPr><w:numId w:val="99"/></w:numPr>',
             b"&amp;", b"&#0;", b"&#xFFFE;", b"<!DOCTYPE x [<!ENTITY a 'b'>]>", b"&a;", b"\x00", b"\xff\xfe",
             b'<w:sectPr/>', b'<w:style w:type="paragraph"/>', b'r:id="rId999"', b"<?xml version='1.0'?>"]
TEXT_NOISE = ["一、", "（一）", "1.", "（1）", "\x1e", "\x0b", "\x1b[31m", "\ufffe", "\u202e", "\x00", "。" * 50,
              "2024年", "增长12.5%", "{{ x }}", "{% for %}", "<w:t>", "\t", "\r", "\u3000" * 20, "𠀀", "，",
              "第一，", "同比增长-0%", "9" * 40, "年" * 100, "一、" * 30, "\n\n\n"]


YAML_NOISE = ["x", "科技", "123", "-1", "", "&a ", "*a", "<<: *a", "!!int ", "!!binary ", "!!set ", "!!python/object:os.system ", "? ", "- ",
              ": ", "\t", "'", '"', "{", "[", "~", "0x1F", "0o17", "1e400", ".nan", "\x1e", "\x1b[2J", "\ufffe",
              "{{ 7*7 }}", "<w:p>", "一、INJECTED", "version: 2", "\n  " * 3, "9" * 5000]


def mutate_yaml(text: str, rng: random.Random) -> str:
    """A YAML file with tags, anchors, aliases, merge keys, odd scalars and broken indentation put in."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(lines)) if lines else 0
        if not lines or rng.random() < 0.6:
            line = lines[index] if lines else ""
            cut = len(line) if rng.random() < 0.5 else rng.randrange(len(line) + 1)  # often a value's end
            lines[index:index + 1] = [line[:cut] + rng.choice(YAML_NOISE) + line[cut:]]
        elif rng.random() < 0.5:
            del lines[index]
        else:
            lines.insert(index, lines[rng.randrange(len(lines))])
    return "\n".join(lines) + "\n"


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    """A few bytes flipped, cut or repeated anywhere in the file (most often a damaged zip)."""
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.random()
        position = rng.randrange(max(len(data), 1))
        if choice < 0.5:
            data[position] = rng.randrange(256)
        elif choice < 0.7:
            del data[position:position + rng.randint(1, 64)]
        elif choice < 0.85:
            data[position:position] = data[position:position + rng.randint(1, 64)]
        else:
            data = data[:position]
    return bytes(data)


def mutate_xml(xml: bytes, rng: random.Random) -> bytes:
    """Spans of an XML part deleted, repeated or replaced with markup that is valid elsewhere."""
    data = bytearray(xml)
    for _ in range(rng.randint(1, 6)):
        if not data:
            break
        position = rng.randrange(len(data))
        choice = rng.random()
        if choice < 0.35:
            data[position:position] = rng.choice(XML_NOISE)
        elif choice < 0.6:
            del data[position:position + rng.randint(1, 200)]
        elif choice < 0.8:
            start = rng.randrange(len(data))
            data[position:position] = data[start:start + rng.randint(1, 400)]
        else:
            data[position] = rng.randrange(256)
    return bytes(data)


def mutate_package(data: bytes, rng: random.Random) -> bytes:
    """A valid zip whose parts are mutated, dropped, duplicated or swapped: the XML and python-docx layers."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    names = list(parts)
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        name = rng.choice(names)
        if name not in parts:
            continue
        if choice < 0.65 and (name.endswith(".xml") or name.endswith(".rels")):
            parts[name] = mutate_xml(parts[name], rng)
        elif choice < 0.75:
            parts.pop(name, None)
        elif choice < 0.85:
            parts[name] = parts.get(rng.choice(names), b"") if rng.random() < 0.5 else b""
        else:
            preferred = [n for n in names if n in ("word/document.xml", "word/styles.xml", "[Content_Types].xml")]
            target = rng.choice(preferred or names)
            if target in parts:
                parts[target] = mutate_xml(parts[target], rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in parts.items():
            archive.writestr(name, blob)
    return out.getvalue()


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    return mutate_package(data, rng) if rng.random() < 0.75 else mutate_bytes(data, rng)


def mutate_text(text: str, rng: random.Random) -> str:
    """Lines cut, joined, repeated and sprinkled with markers, control characters and long runs."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 12)):
        if not lines:
            lines = [""]
        index = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.4:
            line = lines[index]
            cut = rng.randrange(len(line) + 1)
            lines[index] = line[:cut] + rng.choice(TEXT_NOISE) + line[cut:]
        elif choice < 0.55:
            del lines[index]
        elif choice < 0.7 and index + 1 < len(lines):
            lines[index:index + 2] = [lines[index] + lines[index + 1]]
        elif choice < 0.85:
            lines.insert(index, lines[rng.randrange(len(lines))])
        else:
            lines[index] = "".join(rng.choice(TEXT_NOISE) for _ in range(rng.randint(1, 30)))
    return "\n".join(lines)
