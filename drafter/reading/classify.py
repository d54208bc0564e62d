"""Which kind of section each block stands in: achievements, problems, plans or other.

A part's kind comes from its heading's words where they are plain (存在的问题, 工作打算, 联系方式), else
from its meaning: a year after the report's year is plans; a part after the problems is plans; a part
named by a task ("加快建设整体高效的数字政府") is plans in a plan or notice and achievements in a summary.
Inside a part, a paragraph that leads with the problems ("…还存在一些困难和问题") starts problems.
"""

from __future__ import annotations

import re
from collections import Counter

from drafter import recache
from drafter.document import Block, Document, Heading, Paragraph
from drafter.numbering import marker_number

PROBLEMS = recache.compile(r"问题|不足|困难|差距|短板|薄弱")
PLANS = recache.compile(r"计划|打算|思路|要点|目标|措施|安排|展望|今后|下一步|下步|明年|谋划|任务|重点工作|总体要求|"
                        r"保障|部署|举措|路径|方向和")
ACHIEVEMENTS = recache.compile(r"工作|成绩|成效|情况|总结|回顾|完成|进展|亮点|成就|成果|做法|经验")
# Words of a part that is neither: rules, conditions, procedures, contacts, notes.
OTHER = recache.compile(r"总则|附则|原则|定义|条件|范围|对象|联系|程序|流程|材料|事项|事宜|注释|资料来源|说明|方式|时间|地点|"
                        r"意义|概况|概述|引言|申报|征集|内容|附件|附表|标准|规范|要求|格式|准则|分工|机构|类别|总额|"
                        r"形势|背景|大纲|作答|笔试|申论|测验|考试|结束语|结语")
RESULT_ENDING = recache.compile(r"(增强|提升|提高|加强|优化|改善|突破|显现|增长|成效|进展|扩大|完善|明显|显著|巩固|加快|"
                                r"发展|推进|见效|向好|有力|稳步|持续|不断|新高|跨越)$")
TASK_START = recache.compile(r"^(加快|推进|推动|加强|强化|完善|建立|健全|实施|打造|培育|构建|提升|促进|深化|落实|贯彻|支持|"
                             r"聚集|聚焦|扩大|做好|开展|积极|着力|大力|逐步|统筹|扎实|以|坚持|全面|持续|优化|夯实|拓展|"
                             r"集约|精简|建设|发展|引领|营造|规范|严格|确保|突破|系统|履行|落实|健全|充分|注重|抓好|围绕)")
YEAR = recache.compile(r"(\d{4})年")
PLAN_GENRE = recache.compile(r"方案|计划|要点|意见|规划|行动|通知|倡议|函|指南|纲要|决定|思路|打算")
REPORT_GENRE = recache.compile(r"总结|报告|公报|回顾|答复|情况|综述")
RULES_GENRE = recache.compile(r"办法|细则|规定|规范|大纲|条例|章程|守则|准则")
# A paragraph that turns to the problems, and one that turns from them to what comes next.
PROBLEM_LEAD = recache.compile(r"(存在|还有|仍有|面临|也要看到|清醒看到)[^。！？]{0,24}(问题|不足|短板|困难|差距|挑战)|"
                               r"^[^。！？]{0,12}(问题|不足|短板)(主要)?(是|有|表现在|如下)")
PLAN_LEAD = recache.compile(r"^(下一步|下步|今后|明年|新的一年|\d{4}年[，,]?(我们|我局|全县|全市)?(将|要)|为此)")


# Every match of PROBLEM_LEAD names one of these: a paragraph without any is spared the regex.
PROBLEM_WORDS = ("问题", "不足", "短板", "困难", "差距", "挑战")


def _names_a_problem(text: str) -> bool:
    return any(map(text.__contains__, PROBLEM_WORDS)) and PROBLEM_LEAD.search(text) is not None


def report_year(document: Document) -> int | None:
    """The year a report is about: the first year in its title, else the commonest year in its opening."""
    years = [int(y) for y in YEAR.findall(document.title)]
    if years:
        return years[0]
    opening = " ".join(b.text for b in document.blocks[:12] if isinstance(b, (Paragraph, Heading)))
    common = Counter(int(y) for y in YEAR.findall(opening)).most_common(1)
    return common[0][0] if common else None


def genre(document: Document) -> str:
    """plan, report or rules, from the title; "" when there is none or it says nothing."""
    for name, words in (("rules", RULES_GENRE), ("report", REPORT_GENRE), ("plan", PLAN_GENRE)):
        if words.search(document.title):
            return name
    return ""


def heading_kind(text: str, year: int | None = None, default: str = "other") -> str:
    """A heading's own kind by its words; problems and plans before the general words of a summary."""
    years = [int(y) for y in YEAR.findall(text)]
    if (PROBLEMS.search(text) and not PLANS.search(text.split("问题")[-1])
            and not re.search(r"进展|成效|成绩|成果", text)):
        return "problems"
    if year and years and max(years) > year and not re.search(r"情况|完成|成效|回顾", text):
        return "plans"
    if PLANS.search(text) and not re.search(r"情况|完成|成效|回顾|进展", text):
        return "plans"
    if year and years and max(years) <= year and ACHIEVEMENTS.search(text):
        return "achievements"
    if OTHER.search(text) and not ACHIEVEMENTS.search(text.replace("工作", "")) and not TASK_START.search(text):
        return "other"
    if ACHIEVEMENTS.search(text) and not TASK_START.search(text):
        return "achievements"
    return default


def _part_default(text: str, kind_of_genre: str, after_problems: bool) -> str:
    """The kind of a part whose words do not say: after the problems or the plans it is plans (what a
    report turns to last); else by the document's genre and whether it is named by a task."""
    if RESULT_ENDING.search(text) and not TASK_START.search(text) and kind_of_genre != "plan":
        return "achievements"  # "数字基础设施规模能级大幅提升" reports a result wherever it stands
    if after_problems:
        return "plans"
    if kind_of_genre == "rules":
        return "other"
    if kind_of_genre == "report":
        return "achievements"
    if TASK_START.search(text):
        return "achievements" if RESULT_ENDING.search(text) and kind_of_genre != "plan" else "plans"
    return "achievements" if kind_of_genre == "" else "plans"


def section_kinds(blocks: tuple[Block, ...], year: int | None = None, kind_of_genre: str = "") -> list[str]:
    """The kind of the section each block stands in: a level-1 heading decides for what follows it,
    a deeper heading inherits it (its place), unless no level-1 heading came before; a paragraph leading
    with the problems starts problems until the next heading or a paragraph turning to the plans."""
    kinds, current, seen_problems, part_kind, seen_top = [], "other", False, "other", False
    top = min((b.level for b in blocks if isinstance(b, Heading)), default=1)
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == top or not seen_top:
                if block.level == top and seen_top and marker_number(block.marker) == 1:
                    seen_problems = False  # numbering starts again at 一、: a new document (an annex, a second report)
                seen_top = seen_top or block.level == top
                default = _part_default(block.text, kind_of_genre, seen_problems)
                part_kind = heading_kind(block.text, year, default)
                seen_problems = seen_problems or part_kind in ("problems", "plans")
            current = part_kind
        elif isinstance(block, Paragraph) and part_kind == "achievements":
            if current == "achievements" and _names_a_problem(block.text[:60]):
                current = "problems"
                seen_problems = True
            elif current == "problems" and PLAN_LEAD.search(block.text):
                current = "plans"
        kinds.append(current)
    return kinds


def classify(document: Document) -> Document:
    """The document with the section kind of every block filled in."""
    return document.with_kinds(tuple(section_kinds(document.blocks, report_year(document), genre(document))))
