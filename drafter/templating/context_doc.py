"""The template context as a public API: what each name means, stated once here. Each built-in template's
opening comment lists the names it uses and the blocks an office may override, generated from this table
(`python -m drafter.templating.context_doc` rewrites them; a test keeps them current and checks the table
against the context templates really get)."""

from __future__ import annotations

import sys
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

CONTEXT_DOC = {
    # the report and what is derived from it
    "report": "整份表单（Report）：meta、indicators、opening、achievements、problems、plan、extra_sections、closing、"
              "main_indicators、plan_review、phrases，字段与表单一致",
    "meta": "即 report.meta：org、region、year、kind、period、title、recipient、signer、date、sealed",
    "years": "年份：year、previous、plan、summary_label（“2024年”“2024年上半年”）、plan_label（“2025年”“下半年”）",
    "structure": "结构规则（在 Python 中算好）：genre（报告/总结）、summary_ids（主要指标段要写的指标，各小节已写的不再写）、"
                 "plan_tasks_only（计划只有重点任务）、plan_level",
    "phrases": "套语（表单优先，其次本单位短语库，最后默认用语）：opening()、transition()、problem_lead()、plan_lead()、"
               "closing()、ending()",
    "extras": "按位置分好的额外部分：extras.opening、extras.achievements、extras.problems、extras.plan",
    "extra": "sections/extra.j2 中当前的额外部分（ExtraSection：title、after、paragraphs、items、sections、indicators）",
    "indicator_clauses": "indicator_clauses(指标代号列表)：每个指标一个分句，同段分句句式错开",
    "target_clauses": "target_clauses(目标列表)：下年目标分句，如“力争达到14亿元，比上年增长11.1%”",
    "indicator_rows": "indicator_rows(指标代号列表)：附表的表头和各行",
    # helpers
    "heading": "heading(级别, 文字)：写一个标题，序号由 drafter 按位置编排",
    "title": "title(文字)：文稿标题",
    "recipient": "recipient(文字)：主送机关",
    "signature": "signature(单位, 日期, 是否盖章)：落款",
    "sentence": "sentence(分句列表, 开头)：用“；”连接分句并以“。”结尾",
    "table": "table(标识, 标题)：开始一张附表",
    "table_row": "table_row(单元格列表)：附表的一行",
    "review_sentence": "review_sentence(任务列表, 年度)：上年计划完成情况一句",
}
FILTERS_DOC = "过滤器：items（一是……；二是……。）、cn（汉字数字）、cn_date（2024年12月20日）、number（GB/T 15835 数字）"
HEADER_MARK = "    上下文（自动生成"
HEADER_END = "-#}"


def template_facts(env: jinja2.Environment, source: str) -> tuple[list[str], list[str]]:
    """(context names the template uses, blocks it defines), in order of first use."""
    tree = env.parse(source)
    imported = {n.target for n in tree.find_all(nodes.Import)}
    imported |= {(name[1] if isinstance(name, tuple) else name) for n in tree.find_all(nodes.FromImport) for name in n.names}
    used = meta.find_undeclared_variables(tree) - {"self"} - imported
    order = [n.name for n in tree.find_all(nodes.Name) if n.name in used]
    names = list(dict.fromkeys(order))
    blocks = [b.name for b in tree.find_all(nodes.Block)]
    return names, blocks


def context_lines(env: jinja2.Environment, source: str) -> list[str]:
    names, blocks = template_facts(env, source)
    width = max((len(n) for n in names), default=0) + 2
    lines = [f"{HEADER_MARK}，勿手改；说明见 drafter templates show 模板名 --context）："]
    lines += [f"      {name:<{width}}{CONTEXT_DOC.get(name, '（未说明）')}" for name in names]
    if blocks:
        lines.append(f"    可覆盖的块：{'、'.join(blocks)}")
    return lines


def with_header(env: jinja2.Environment, source: str) -> str:
    """The template with its generated context comment (replacing an older one)."""
    head, end, rest = source.partition(HEADER_END)
    head = head.split("\n" + HEADER_MARK, 1)[0].rstrip("\n")
    return "\n".join([head, *context_lines(env, source), ""]) + end + rest


def main(folder: Path) -> None:
    env = jinja2.Environment()
    for path in sorted(folder.rglob("*.j2")):
        source = path.read_text(encoding="utf-8")
        updated = with_header(env, source)
        if updated != source:
            path.write_text(updated, encoding="utf-8")
            print(f"已更新：{path}")



if __name__ == "__main__":  # python -m drafter.templating.context_doc [templates]
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "templates"))
