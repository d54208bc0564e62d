"""Every rule drafter check knows, in one table: id, family, default severity, Chinese description.

Registering a rule is one line in RULES (and its check function one line in run.CHECKS). `--disable` and
`--enable` take rule ids ("punct.halfwidth") or families ("punct"); a rule with default=False runs only
when enabled.
"""

from __future__ import annotations

from typing import NamedTuple

from drafter.errors import InputError


class Rule(NamedTuple):
    id: str
    severity: str      # default severity: error | warning | hint
    description: str   # Chinese, shown by `drafter check --rules`
    default: bool = True

    @property
    def family(self) -> str:
        return self.id.split(".")[0]


RULES = {rule.id: rule for rule in (
    Rule("numbering.sequence", "error", "同级序号连续、不重复（一、二、三……）"),
    Rule("numbering.skip", "warning", "标题层级不跳级（一、→（一）→1.→（1））"),
    Rule("numbering.bracket", "warning", "序号括号用全角“（）”"),
    Rule("numbering.marker", "warning", "序号写法规范：一、 （一） 1. （1）"),
    Rule("items.sequence", "error", "“一是、二是……”按顺序，不重复不跳号"),
    Rule("placeholder.mark", "error", "留有占位符：xx、××、○○、某某、【待补】、___、“在此填写”等（所附表格中待填的空为警告，隐去名称的 *** 为提示）"),
    Rule("repeat.word", "error", "重复用字（的的、了了），按分词排除“的的确确”“目的的”"),
    Rule("repeat.clause", "error", "同一词句紧接着重复出现"),
    Rule("year.relative", "hint", "相对时间（今年、近期、明天）宜写明具体年份日期"),
    Rule("year.date", "warning", "日期写法：写“日”不写“号”，不加前导零"),
    Rule("year.short", "warning", "年份不用简称（“24年”应为“2024年”）"),
    Rule("year.title", "error", "标题中的年度与正文、表单一致"),
    Rule("year.weekday", "error", "日期与所注星期几一致"),
    Rule("year.clock", "warning", "时刻写法：“下午14:30”应为“14:30”或“下午2:30”"),
    Rule("year.signdate", "warning", "成文日期用阿拉伯数字（GB/T 9704—2012）"),
    Rule("year.signyear", "warning", "成文日期在总结年度当年或次年"),
    Rule("year.jiezhi", "error", "表示时间点用“截至”，不用“截止”"),
    Rule("number.fullwidth", "warning", "数字用半角阿拉伯数字"),
    Rule("number.range", "warning", "数值范围两端都带“%”“万”“亿”"),
    Rule("number.space", "warning", "数字与“%”之间不留空格"),
    Rule("number.dash", "warning", "数值范围用浪纹线“～”（3～5），不用“-”"),
    Rule("stats.points", "warning", "比重、比例的变化用“个百分点”"),
    Rule("stats.sign", "error", "方向词与正负号一致"),
    Rule("stats.fold", "error", "不说“下降N倍”"),
    Rule("punct.halfwidth", "warning", "中文中用全角标点（含标题）"),
    Rule("punct.unmatched", "error", "引号、括号、书名号成对（段内跨行也算）"),
    Rule("punct.ellipsis", "warning", "省略号写作“……”"),
    Rule("punct.span", "warning", "年份起止用一字线“—”"),
    Rule("punct.doubled", "error", "标点重复或连用（，，、。，）"),
    Rule("punct.quotes", "warning", "中文中用弯引号“”，不用直引号\"\""),
    Rule("punct.space", "warning", "汉字之间不留空格"),
    Rule("word.typo", "error", "公文常见错别字（布署、按排……）"),
    Rule("word.confusable", "warning", "易混词（其它/其他、必需/必须、做/作……）"),
    Rule("word.de", "warning", "“的、地、得”确定用错的搭配"),
    Rule("word.custom", "warning", "本单位词表（drafter-words.yaml 或 --words）中的词"),
    Rule("word.title", "warning", "领导人、机关的称谓与并列写法"),
    Rule("grammar.redundant", "warning", "语义重复（涉及到、大约……左右、目前现在）"),
    Rule("grammar.subject", "warning", "“通过……使……”“经过……使……”缺主语"),
    Rule("genre.request", "error", "报告中不得夹带请示事项（妥否，请批示）"),
    Rule("genre.titlepunct", "error", "标题末尾不加标点"),
    Rule("genre.address", "warning", "报告（上行文）中不用“你局”“你委”等下行称谓"),
    Rule("genre.closing", "warning", "结束语与文种相符（报告用“特此报告”）"),
    Rule("attach.mismatch", "warning", "正文提到的附件与附件说明一致"),
    Rule("table.sum", "error", "表格“合计”行等于各行之和（不需要表单）"),
    Rule("table.share", "warning", "表格中“占比”一列相加为 100%"),
    Rule("table.growth", "error", "表格中的增幅与本年、上年数字相符"),
    # run by drafter build on the draft it has just written (drafter/checks/language.py)
    Rule("language.reach", "warning", "下降或持平的数字不说“达到”“突破”（生成时自查）"),
    Rule("language.figure_twice", "warning", "同一指标的数字不说两遍（生成时自查）"),
    Rule("language.repeat_span", "hint", "20 个字以上的重复（生成时自查）"),
    Rule("language.genre", "warning", "导语与结尾文种一致（生成时自查）"),
    Rule("language.inserted", "warning", "表单和短语库中都没有的提法（生成时自查）"),
    Rule("form.figure", "error", "正文数字与表单一致"),
    Rule("form.qualifier", "error", "“突破、超过”与表单数值相符"),
)}

FAMILIES = frozenset(rule.family for rule in RULES.values())


def check_names(names) -> frozenset[str]:
    """The ids or families given to --disable/--enable; an unknown one is a Chinese error."""
    unknown = sorted(n for n in names if n not in RULES and n not in FAMILIES)
    if unknown:
        raise InputError(f"未知的检查项：{'、'.join(unknown)}。运行 drafter check --rules 查看全部检查项。")
    return frozenset(names)


class Selection(NamedTuple):
    """Which rules run: the defaults, plus --enable, minus --disable (disable wins)."""

    disable: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()

    def on(self, rule_id: str) -> bool:
        rule = RULES.get(rule_id)
        family = rule_id.split(".")[0]
        if rule_id in self.disable or family in self.disable:
            return False
        return (rule.default if rule else True) or rule_id in self.enable or family in self.enable

    def family_on(self, family: str) -> bool:
        return any(self.on(r.id) for r in RULES.values() if r.family == family)


def rules_table() -> str:
    """The text of `drafter check --rules`."""
    names = {"error": "错误", "warning": "警告", "hint": "提示"}
    lines = []
    for rule in RULES.values():
        off = "（默认不检查，用 --enable 开启）" if not rule.default else ""
        lines.append(f"{rule.id:<20} {names[rule.severity]}  {rule.description}{off}")
    return "\n".join(lines)
