"""What a person changed in a draft: its paragraphs against the ones drafter would write now, in short Chinese."""

from __future__ import annotations


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHOWN = 5          # changes listed; the rest are counted
EXCERPT = 30       # characters of a paragraph quoted
MAX_DOCUMENT_XML = 64 * 1024 * 1024


def paragraph_texts(data: bytes) -> list[str] | None:
    """The text of every paragraph of the body (table cells included), or None if it cannot be read."""
    from drafter.docx.guard import package_parts, parse_xml
    from drafter.errors import DrafterError

    try:  # through the guard: a damaged zip (zlib.error) or a hostile part must not end in a traceback
        xml = package_parts(data, "").get("word/document.xml")
        if xml is None or len(xml) > MAX_DOCUMENT_XML:
            return None
        root = parse_xml(xml, "", "word/document.xml")
    except DrafterError:
        return None
    texts = []
    for paragraph in root.iter(f"{W}p"):
        text = "".join(node.text or "" for node in paragraph.iter(f"{W}t")).strip()
        if text:
            texts.append(text)
    return texts


def _quote(text: str) -> str:
    return f"“{text[:EXCERPT]}…”" if len(text) > EXCERPT else f"“{text}”"


def describe_edits(existing: bytes, drafted: bytes) -> list[str]:
    """Lines like "第 12 段改为：“…”（原为“…”）", numbered as in the edited file; [] if nothing to say."""
    import difflib  # imported here: only a draft someone edited is compared

    edited, ours = paragraph_texts(existing), paragraph_texts(drafted)
    if edited is None or ours is None:
        return []
    lines = []
    matcher = difflib.SequenceMatcher(a=ours, b=edited, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            for offset in range(max(a2 - a1, b2 - b1)):
                old = ours[a1 + offset] if a1 + offset < a2 else None
                new = edited[b1 + offset] if b1 + offset < b2 else None
                at = min(b1 + offset, b2 - 1) + 1
                if old is None:
                    lines.append(f"第 {at} 段为新增：{_quote(new)}")
                elif new is None:
                    lines.append(f"第 {at} 段后删去了：{_quote(old)}")
                else:
                    lines.append(f"第 {at} 段改为：{_quote(new)}（原为{_quote(old)}）")
        elif tag == "insert":
            lines.extend(f"第 {b + 1} 段为新增：{_quote(edited[b])}" for b in range(b1, b2))
        else:
            lines.extend(f"第 {b1} 段后删去了：{_quote(ours[a])}" for a in range(a1, a2))
    if not lines:
        return ["段落文字未变，改动在格式、样式或页面设置中。"]
    hidden = len(lines) - SHOWN
    return lines[:SHOWN] + ([f"……另有 {hidden} 处改动。"] if hidden > 0 else [])
