"""read_report: a .txt, .docx (or .doc/.wps/.rtf through LibreOffice) into a Document whose blocks carry
their source positions and section kinds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from drafter import recache
from drafter.document import Block, Document, Heading, Paragraph, Recipient, Run, Signature, Table, Title
from drafter.encoding import decode_lines
from drafter.errors import InputError
from drafter.safeio import read_bounded
from drafter.reading.classify import classify
from drafter.reading.clean import SPACES, Removed, clean, fingerprint
from drafter.reading.convert import CONVERTIBLE, converted_docx
from drafter.reading.headings import (HeadingMatch, has_caption, match_heading, match_unnumbered, normalise,
                                      split_glued, split_running_text)
from drafter.reading.source import Line

TITLE_WORDS = recache.compile(r"总结|计划|报告|要点|打算|思路|方案|意见|通知|办法|细则|规定|决定|规划|纲要|公报|纪要|大纲|指南|通报")
DOCUMENT_NUMBER = recache.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号")
CONTENTS = recache.compile(r"^目\s*录$")  # as ATTACHMENT_LIST and ATTACHMENT_LABEL, tried only on a line starting so
ATTACHMENT_LIST = recache.compile(r"^附\s*件\s*[：:]\s*\d")          # "附件：1.项目课程内容"
ATTACHMENT_ITEM = recache.compile(r"^\d{1,2}\s*[.．、]")
ATTACHMENT_LABEL = recache.compile(r"^附\s*件\s*\d{0,2}\s*[：:]?$")      # "附件2" above an attachment's title
DATE = recache.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
ORG = recache.compile(r"(局|委员会|委|政府|办公室|中心|院)$")
FILE_SUFFIX = recache.compile(r"\.(docx?|pdf|txt|wps)$", re.I)
MAX_TEXT_BYTES = 8 * 1024 * 1024  # a report is about 100 KB; 8 MB (~2,000 pages) takes mine ~50 s, check ~15 s
SHORT_HEADING = 40  # characters: a bold or styled line longer than this is text, not a heading
READABLE = (".docx", ".txt") + CONVERTIBLE
WORD_LOCK_FILE = "~$"  # Word's "~$报告.docx" beside a document it has open: not a document


def drafts_under(folder: Path, suffixes: tuple[str, ...] = READABLE) -> list[Path]:
    """The drafts in a folder and below it, sorted, without Word's lock files."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in suffixes and p.is_file()
                  and not p.name.startswith(WORD_LOCK_FILE))


def drafts_in(paths: list[Path], suffixes: tuple[str, ...] = READABLE) -> list[Path]:
    """The paths as given, each folder replaced by drafts_under it; an empty folder is an error."""
    found = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = drafts_under(path, suffixes)
        if not inside:
            raise InputError(f"{path}: 文件夹中没有 {'、'.join(suffixes)} 文稿。")
        found += inside
    return found


@dataclass(frozen=True)
class ReadReport:
    """A report read from a file: its Document (blocks with positions and kinds) and what reading noticed."""

    path: Path
    document: Document
    note: str | None = None            # e.g. the encoding was guessed
    removed: tuple[Removed, ...] = ()  # lines cleaning took out as web-page furniture, with the reason
    headers: tuple[str, ...] = ()      # a Word file's header and footer text, apart from the body
    source: tuple[Line, ...] = ()      # the lines as read, before parsing: what a proofreader quotes

    @property
    def lines(self) -> tuple[int, ...]:
        """Source line (.txt) or paragraph number (.docx) of each block."""
        return tuple(self.document.position(i) for i in range(len(self.document.blocks)))

    @property
    def kinds(self) -> tuple[str, ...]:
        """achievements / problems / plans / other, per block."""
        return tuple(self.document.kind(i) for i in range(len(self.document.blocks)))


def read_report(path: Path) -> ReadReport:
    suffix = path.suffix.lower()
    if suffix == ".docx" or suffix in CONVERTIBLE:
        from drafter.reading.wordml import read_word  # lxml and the zip reader: not for a folder of .txt

        if suffix == ".docx":
            word = read_word(path)
        else:
            with converted_docx(path) as docx:
                word = read_word(docx)
        lines, note, removed, headers, unit = word.lines, None, (), tuple(word.headers), "段"
    else:
        raw = read_bounded(path, MAX_TEXT_BYTES, "文稿")  # regular files only, size counted while reading
        if b"\x00" in raw[:65536]:
            raise InputError(f"{path}: 这是二进制文件，不是文本文稿。")
        text, note = decode_lines(raw, str(path))
        cleaned = clean(text)
        lines, removed, headers, unit = [Line(n, t) for n, t in cleaned.kept], cleaned.removed, (), "行"
    dropped: list[Removed] = []
    blocks, numbers = parse_lines(lines, dropped)
    document = Document(tuple(blocks), tuple(numbers), (), str(path), unit)
    removed = tuple(sorted((*removed, *dropped), key=lambda r: r.line))
    return ReadReport(path, classify(document), note, removed, headers, tuple(lines))


@dataclass
class Piece:
    """A line, or part of one that lost its breaks, on its way to becoming a block."""

    number: int
    text: str
    heading: Heading | None = None   # decided by Word (a Heading style, outline level, bold line)
    block: Block | None = None       # a title or table, already known
    plain: bool = False              # never a heading: a table of contents entry, the 红头 above a title
    found: HeadingMatch | None = None


def _title_text(text: str) -> str:
    """A title as one line: spaces, the line breaks that balance it on the page and a file suffix removed."""
    return FILE_SUFFIX.sub("", SPACES.sub("", text.replace("\n", "")))


def parse_lines(lines: list[Line] | list[tuple[int, str]],
                dropped: list[Removed] | None = None) -> tuple[list[Block], list[int]]:
    """Cleaned lines -> blocks: title, recipient, headings (run-in text split off), paragraphs, signature.
    What is left out (a repeated title, a file name's suffix) is noted in `dropped`."""
    dropped = [] if dropped is None else dropped
    blocks: list[Block] = []
    numbers: list[int] = []

    def add(block: Block, number: int) -> None:
        blocks.append(block)
        numbers.append(number)

    lines = [line if isinstance(line, Line) else Line(*line) for line in lines]
    centered = _centered_title(lines)
    title = _title_text("".join(lines[i].text for i in centered)) if centered else None
    pieces: list[Piece] = []
    # Each piece's marker is asked for when it is split off and again when headings are decided: once here.
    match = lru_cache(maxsize=None)(match_heading)
    attachment_list = False
    skipped: set[int] = set()
    for index, source in enumerate(lines):
        number = source.number
        if index in skipped:
            continue
        if source.table is not None:
            pieces.append(Piece(number, "", block=Table("", "", source.table)))
            continue
        if index in centered:
            if index == centered[0]:
                pieces.append(Piece(number, "", block=Title(normalise(title))))
            continue
        line = _numbered(source) if source.marker else source.text  # a .txt line has no Word number
        if source.toc or line[:1] == "目" and CONTENTS.match(line) or (centered and index < centered[0]):
            pieces.append(Piece(number, line, plain=True))
            continue
        if (title is None and index < TITLE_SEARCH and not any(p.heading for p in pieces)
                and _styled_title(source, lines[index + 1:])):
            title = _title_text(line)
            pieces.append(Piece(number, "", block=Title(normalise(title))))
            continue
        if attachment_list and ATTACHMENT_ITEM.match(line) or pieces and _after_attachment_label(pieces):
            pieces.append(Piece(number, line, plain=True))  # "附件：1.…" goes on "2.…"; an attachment's title
            continue
        attachment_list = line[:1] == "附" and ATTACHMENT_LIST.match(line) is not None
        if title is None and index < 3 and _looks_like_title(line) and not source.marker:
            # a title balanced over several lines by manual breaks is one paragraph: its lines share a number
            # (a Word paragraph: every line of it, also those before the one that looks like a title)
            title = _title_text("".join(other.text for other in lines if other.number == number))
            suffix = FILE_SUFFIX.search(SPACES.sub("", line))
            if suffix:
                dropped.append(Removed(number, suffix.group(), "clutter"))
            pieces = [piece for piece in pieces if piece.number != number]
            skipped.update(i for i in range(index + 1, len(lines)) if lines[i].number == number)
            pieces.append(Piece(number, "", block=Title(normalise(title))))
            continue
        if title:
            if _same_title(line, title):
                dropped.append(Removed(number, line, "repeat"))
                continue
            stripped = _strip_repeated_title(line, title)
            if stripped != line:
                dropped.append(Removed(number, line[: len(line) - len(stripped)].strip(), "repeat"))
            line = stripped
        # a plain line (every line of a .txt) is never a styled heading: spared the call
        styled = _styled_heading(source, line, pieces) if source.outline is not None or source.bold else None
        if styled:
            pieces.append(Piece(number, line, styled))
            continue
        for piece in split_running_text(line):
            pieces += [Piece(number, glued) for glued in split_glued(piece, match)]
    _find_headings(pieces, match)
    for piece in pieces:
        if piece.block is not None:
            add(piece.block, piece.number)
        elif piece.heading is not None:
            add(piece.heading, piece.number)
            if piece.found and piece.found.rest:
                add(Paragraph((Run(piece.found.rest),)), piece.number)
        elif len(piece.text) <= 20 and piece.text.endswith(("：", ":")) and not blocks[1:]:
            add(Recipient(normalise(piece.text)), piece.number)
        else:
            add(Paragraph((Run(piece.text),)), piece.number)
    _join_signature(blocks, numbers)
    _sink_articles(blocks)
    return blocks, numbers


def _numbered(source: Line) -> str:
    """A Word paragraph's text with the number Word prints before it: "一、" joins the text, "1.2" is
    followed by a space as Word's tab shows it ("1.2 项目背景")."""
    if not source.marker or source.text.startswith(source.marker):
        return source.text
    gap = " " if source.marker[-1].isalnum() else ""
    return source.marker + gap + source.text


def _styled_title(source: Line, following: list[Line]) -> bool:
    """A Word file's first line in a Title or Heading style or in bold, unnumbered, with body text after it."""
    return ((source.outline is not None or source.bold) and not source.marker and not source.in_table and len(source.text) <= 40
            and match_heading(source.text) is None and any(line.outline is None and line.text for line in following[:3]))


def _after_attachment_label(pieces: list[Piece]) -> bool:
    # every label starts with 附: most lines are spared the regex
    return (bool(pieces) and pieces[-1].block is None and pieces[-1].text[:1] == "附"
            and ATTACHMENT_LABEL.match(pieces[-1].text) is not None)


def _find_headings(pieces: list[Piece], match=match_heading) -> None:
    """Decide which numbered lines are headings. Items of one list are of one kind: a run of siblings is
    headings when most of them have a caption (a short title), list items when half or more are statements
    ("1.全面贯彻落实……，确保……。", "（1）组织……答辩；"). Siblings standing one after another with no
    text between them are a list; a sequence restarting inside a part which then goes on (一、…十、
    under 二、, then 三、) is a list too."""
    captioned: dict[int, bool] = {}
    for index, piece in enumerate(pieces):
        if piece.heading is not None or piece.block is not None or piece.plain:
            continue
        found = match(piece.text)
        if found:
            piece.found = found
            captioned[index] = has_caption(found) and not (
                found.ending and not found.rest and not _body_follows(pieces, index, found.level, match))
        elif len(piece.text) <= 24 and (found := match_unnumbered(piece.text)):
            piece.found = found
    for group in _sibling_groups(pieces):
        if sum(not captioned.get(i, True) for i in group) >= len(group) / 2:
            for i in group:
                pieces[i].found = None
    _demote_bare_runs(pieces)
    _demote_nested_restarts(pieces)
    _demote_lists_under_parts(pieces)
    for piece in pieces:
        if piece.found is not None:
            piece.heading = Heading(piece.found.level, piece.found.title, piece.found.marker)


def _sibling_groups(pieces: list[Piece]) -> list[list[int]]:
    """Indexes of numbered lines that are siblings: same level, no shallower heading between them."""
    groups: list[list[int]] = []
    open_groups: dict[int, list[int]] = {}
    for index, piece in enumerate(pieces):
        found = piece.found
        level = piece.heading.level if piece.heading is not None else (found.level if found else None)
        if level is None:
            continue
        for deeper in [lvl for lvl in open_groups if lvl > level]:
            groups.append(open_groups.pop(deeper))
        if found is not None and found.marker and piece.heading is None:
            if level in open_groups and found.number == 1:
                groups.append(open_groups.pop(level))
            open_groups.setdefault(level, []).append(index)
    return groups + list(open_groups.values())


def _numbered_run(pieces: list[Piece], start: int, level: int) -> list[int]:
    """Indexes of the items at `level` numbered 1, 2, 3… from `start`, until the count breaks."""
    run, expected = [], 1
    for index in range(start, len(pieces)):
        found = pieces[index].found
        if found is None or not found.marker or found.level > level:
            continue
        if found.level < level or found.number != expected:
            break
        run.append(index)
        expected += 1
    return run


def _demote_lists_under_parts(pieces: list[Piece]) -> None:
    """Numbered lines under a label ("注释：1.本公报中数据…") are notes; a 一、 or （一） under a Word
    heading of a deeper level ("3.3 业务场景说明" then "一、内容智能生产") is a list in it."""
    label, word_level = False, 0
    for piece in pieces:
        if piece.heading is not None:
            label, word_level = False, piece.heading.level
            continue
        found = piece.found
        if found is None:
            continue
        if not found.marker:
            label = found.title.endswith(("：", ":"))
        elif label or found.level < word_level:
            piece.found = None


def _body_follows(pieces: list[Piece], index: int, level: int, match=match_heading) -> bool:
    following = next((p for p in pieces[index + 1:] if not isinstance(p.block, Title)), None)
    if following is None or following.heading is not None or following.block is not None:
        return False
    found = match(following.text)
    return found is None or found.level > level


LIST_LEVEL = 3  # bare 一、 and （一） lines in a row are an outline, bare 1、 lines a list


def _demote_bare_runs(pieces: list[Piece]) -> None:
    """Two or more same-level 1、 or （1） lines in a row with nothing between them are a list
    ("1、时间：…" "2、地点：…"), not headings; a deeper heading between them counts as text."""
    index = 0
    while index < len(pieces):
        found = pieces[index].found
        if not _bare(found) or found.level < LIST_LEVEL:
            index += 1
            continue
        end = index + 1
        while end < len(pieces) and _bare(pieces[end].found) and pieces[end].found.level == found.level:
            end += 1
        if end - index >= 2 and (end == len(pieces) or _is_text(pieces[end], found.level)):
            for piece in pieces[index:end]:
                piece.found = None
        index = max(end, index + 1)


def _bare(found: HeadingMatch | None) -> bool:
    """A numbered title alone on its line, no full stop, no run-in text."""
    return found is not None and bool(found.marker) and not found.rest and not found.ending


def _is_text(piece: Piece, level: int) -> bool:
    """After a run of bare siblings: the list ends in text or a shallower heading, not a child heading."""
    return piece.found is None or piece.found.level <= level or piece.heading is not None or piece.block is not None


def _demote_nested_restarts(pieces: list[Piece]) -> None:
    last: dict[int, int] = {}
    index = 0
    while index < len(pieces):
        found = pieces[index].found
        if pieces[index].heading is not None:  # a Word heading opens a new part: numbering below it restarts
            for deeper in range(pieces[index].heading.level, 5):
                last.pop(deeper, None)
        if found is None or not found.marker:
            index += 1
            continue
        level = found.level
        previous = last.get(level, 0)
        if found.number == 1 and previous >= 1:
            run = _numbered_run(pieces, index, level)
            after = next((i for i in range(run[-1] + 1, len(pieces)) if pieces[i].found is not None
                          and pieces[i].found.level <= level and pieces[i].found.marker), None)
            if after is not None and pieces[after].found.level == level and pieces[after].found.number == previous + 1:
                for i in range(index, after):
                    if pieces[i].found is not None and pieces[i].found.marker and pieces[i].found.level >= level:
                        pieces[i].found = None
                index = after
                continue
        last[level] = found.number
        for deeper in range(level + 1, 5):
            last.pop(deeper, None)
        index += 1


TITLE_SEARCH = 8  # lines: a Word title stands among the first few, after the 红头 and 文号


def _centered_title(lines: list[Line]) -> list[int]:
    """Indexes of the centred lines at the top of a Word file that make up its title (a title is often
    broken over two or three lines); empty when there are none."""
    run: list[int] = []
    for index, line in enumerate(lines[:TITLE_SEARCH]):
        title_like = (line.centered and not line.in_table and not line.marker and len(line.text) <= 40
                      and not line.text.endswith("。") and not DOCUMENT_NUMBER.search(line.text)
                      and len(SPACES.sub("", line.text)) > 2)
        if title_like:
            run.append(index)
        elif run:
            break
    if run and any(TITLE_WORDS.search(lines[i].text) for i in run) and run[-1] + 1 < len(lines):
        return run
    return []


def _sink_articles(blocks: list[Block]) -> None:
    """第X条 sits at the level under 第X章 and 第X节 when the document has them, at level 1 otherwise."""
    markers = [b.marker for b in blocks if isinstance(b, Heading)]
    depth = 1 + any(m.endswith("章") for m in markers) + any(m.endswith("节") for m in markers)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.marker.endswith("条") and block.marker.startswith("第"):
            blocks[index] = Heading(min(depth, 4), block.text, block.marker)


def _styled_heading(source: Line, line: str, pieces: list[Piece]) -> Heading | None:
    """A heading Word marks by a Heading style or outline level, or by bold on a short line of its own."""
    if source.in_table or len(line) > SHORT_HEADING * 2 or (source.outline is None and not source.bold):
        return None  # a plain line (every line of a .txt) is never a styled heading
    found = match_heading(line)
    if source.outline is not None and source.outline <= 4:
        if found and not found.rest:
            return Heading(found.level, found.title, found.marker)
        return Heading(source.outline, normalise(line)) if not found else None
    short = len(line) <= SHORT_HEADING and not line.endswith(("。", "；", ";", "，", ","))
    if source.bold and short and not found and not source.centered:
        last = next((p.heading for p in reversed(pieces) if isinstance(p.heading, Heading)), None)
        previous = last.level if last else 0
        # beneath a numbered heading a bold line is one level down
        return Heading(min(previous + 1, 4) if previous and last.marker else max(previous, 1), normalise(line))
    return None


def _looks_like_title(line: str) -> bool:
    return (len(line) <= 60 and TITLE_WORDS.search(line) is not None and not line.endswith("。")
            and match_heading(line) is None)


def _same_title(line: str, title: str) -> bool:
    """"2022 科技工作 总结" repeats "2022年科技工作总结" on a document-sharing site."""
    key = _title_key(title)
    if key and (key[0] not in line or key[-1] not in line):
        return False  # the fingerprint keeps the line's characters: the title's first and last must be there
    # A line's start says it differs, mostly: its fingerprint must begin with the start's (the fingerprint
    # keeps characters one by one), so the whole line is only fingerprinted when that start agrees.
    start = fingerprint(line[: 2 * len(key) + 8]).replace("年", "")
    if not key.startswith(start):
        return False
    return fingerprint(line).replace("年", "") == key


@lru_cache(maxsize=16)
def _title_key(title: str) -> str:  # asked for every line of a report: one title, worked out once
    return fingerprint(title).replace("年", "")


def _strip_repeated_title(line: str, title: str) -> str:
    """Text copied from a viewer often repeats the title at the start of the body: drop it."""
    while True:
        if title and line.lstrip()[:1] != title[:1]:
            return line  # the first character already differs (most lines): spare the regex
        compact = SPACES.sub("", line)
        if not compact.startswith(title) or len(compact) == len(title):
            return line
        # cut the same number of non-space characters from the original line
        seen, cut = 0, 0
        while seen < len(title) and cut < len(line):
            seen += not line[cut].isspace()
            cut += 1
        line = line[cut:].strip()


def _join_signature(blocks: list[Block], numbers: list[int]) -> None:
    """An organisation line followed by a date line at the end (before any attached table) is the 落款."""
    end = len(blocks)
    while end and isinstance(blocks[end - 1], Table):
        end -= 1
    if end < 2 or not all(isinstance(b, Paragraph) for b in blocks[end - 2:end]):
        return
    org, date = blocks[end - 2].text, SPACES.sub("", blocks[end - 1].text)
    if DATE.match(date) and len(org) <= 30 and ORG.search(org):
        blocks[end - 2:end] = [Signature(org, date)]
        numbers[end - 2:end] = [numbers[end - 2]]


