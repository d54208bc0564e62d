"""Which kind of section a heading opens: achievements, problems, plans or other."""

from __future__ import annotations

import re

from drafter.document import KINDS, Block, Document, Heading  # noqa: F401  (KINDS: the names kinds take)

PROBLEMS = re.compile(r"问题|不足|困难|差距|短板|薄弱")
PLANS = re.compile(r"计划|打算|思路|要点|目标|措施|安排|展望|今后|下一步|下步|明年|谋划")
ACHIEVEMENTS = re.compile(r"工作|成绩|成效|情况|总结|回顾|完成|进展|亮点")


def heading_kind(text: str) -> str:
    """A heading's own kind by its words; problems and plans before the general words of a summary."""
    if PROBLEMS.search(text):
        return "problems"
    if PLANS.search(text) and not re.search(r"情况|完成|成效", text):
        return "plans"
    if ACHIEVEMENTS.search(text):
        return "achievements"
    return "other"


def section_kinds(blocks: tuple[Block, ...]) -> list[str]:
    """The kind of the section each block stands in: a level-1 heading decides for what follows it,
    a deeper heading inherits it (its place), unless no level-1 heading came before."""
    kinds, current = [], "other"
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1 or current == "other":
                current = heading_kind(block.text)
        kinds.append(current)
    return kinds


def classify(document: Document) -> Document:
    """The document with the section kind of every block filled in."""
    return document.with_kinds(tuple(section_kinds(document.blocks)))
