"""click's own texts in Chinese.

click looks up every text it shows through a module-level `_ = gettext.gettext` (and `ngettext`) in
each of its modules. Those are its translation hooks: `install()` points them at the table below, so
"Usage:", "Options", "Show this message and exit.", "[default: …]" and every error click builds read
in Chinese. The few texts click writes without gettext (the "[OPTIONS]" placeholder and the names of
value types such as PATH or TEXT) are translated by `ChineseHelpFormatter`, click's other hook for
help pages (Context.formatter_class).
"""

from __future__ import annotations

import re
import unicodedata

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types
import click.utils

from drafter import recache

# click's messages (msgids, exactly as click spells them) -> Chinese. tests/test_cli_chinese.py checks
# that every msgid of the installed click is here, so an upgrade of click cannot bring English back.
MESSAGES = {
    "Aborted!": "已取消。",
    "deprecated": "已弃用",
    "Options": "选项",
    "Positional arguments": "位置参数",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "提示：命令 {name!r} 已弃用。{extra_message}",
    "Commands": "命令",
    "Missing command.": "缺少命令。",
    "Value must be an iterable.": "该值应为多个值。",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "提示：{param_type} {name!r} 已弃用。{extra_message}",
    "Name '{name}' defined twice": "名称“{name}”定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "开关选项 {decl!r} 的开、关不能用同一写法。",
    "Could not determine name for option with declarations {decls!r}": "无法确定选项 {decls!r} 的名称",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "没有定义选项却给了名称（{name}）。",
    "env var: {var}": "环境变量：{var}",
    "default: {default}": "默认：{default}",
    "(dynamic)": "（动态）",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "参数只能有一个名称，实际有 {length} 个：{decls}。",
    "required": "必填",
    "Got unexpected extra argument ({args})": "多给了参数（{args}）",
    "Got unexpected extra arguments ({args})": "多给了参数（{args}）",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，实际给了 {len} 个。",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行“{command} {option}”查看用法。",
    "Invalid value: {message}": "值不对：{message}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "No such option {name!r}.": "没有选项 {name}。",
    "No such command {name!r}.": "没有命令 {name}。",
    "unknown error": "未知错误",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename}：{message}",
    "Did you mean {possibility}?": "您是否要输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（您是否要输入其中之一：{possibilities}？）",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Choice({choices})": "可选（{choices}）",
    "{value!r} is not a valid {number_type}.": "“{value}”不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在 {range} 范围内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是有效的是/否值，可用：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "{name}“{filename}”是文件，应为文件夹。",
    "{name} {filename!r} is a directory.": "{name}“{filename}”是文件夹，应为文件。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”无法读取。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”无法写入。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不能执行。",
    "{value!r} is not {choice}.": "“{value}”不是 {choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是 {choices} 之一。",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合格式 {formats}。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，实际给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，实际给了 {len_value} 个。",
    "Usage:": "用法：",
    "Invalid start character for option ({option})": "选项开头的字符不对（{option}）",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name} 不带值。",
    "Option {name!r} requires an argument.": "选项 {name} 后面要跟一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 后面要跟 {nargs} 个值。",
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不经询问直接执行。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Show the version and exit.": "显示版本号后退出。",
    "Show this message and exit.": "显示本帮助后退出。",
    "Unknown standard stream '{name}'": "未知的标准流“{name}”",
    "Repeat for confirmation": "请再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入不一致。",
    "Error: invalid input": "错误：输入无效",
    "Unknown color {colour!r}": "未知的颜色 {colour!r}",
    "Press any key to continue...": "按任意键继续……",
    # Names click puts into the messages above ({param_type}, {number_type}).
    "argument": "参数",
    "option": "选项",
    "parameter": "参数",
    "integer": "整数",
    "float": "数",
}

# Texts click writes without gettext: placeholders in usage lines and the names of value types
# (shown upper-case after an option, as in "--output PATH").
PLACEHOLDERS = {
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "INTEGER RANGE": "整数",
    "FLOAT RANGE": "数",
    "INTEGER": "整数",
    "FLOAT": "数",
    "BOOLEAN": "是/否",
    "FILENAME": "文件",
    "PATH": "路径",
    "TEXT": "文字",
    # drafter's own argument names, upper-cased by click.
    "FORM": "表单",
    "SOURCE": "文稿",
    "FILES": "文件",
    "FILE": "文件",
    "PATHS": "路径",
    "WORD": "词语",
    "NAME": "模板名",
    "FOLDER": "文件夹",
    "RULE": "规则",
    "FORMS": "表单",
    "SHEET": "指标表",
}
_PLACEHOLDER = recache.compile("|".join(re.escape(key) for key in sorted(PLACEHOLDERS, key=len, reverse=True)))


def translate_placeholders(text: str) -> str:
    """Swap click's upper-case placeholders (only whole words, never inside an option name)."""
    return _PLACEHOLDER.sub(lambda m: _whole(text, m), text)


def _whole(text: str, match: re.Match) -> str:
    before = text[match.start() - 1] if match.start() else " "
    after = text[match.end()] if match.end() < len(text) else " "
    if before.isalnum() or before in "-_" or after.isalnum() or after == "_":
        return match.group()
    return PLACEHOLDERS[match.group()]


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


CLICK_MODULES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                 click.termui, click.types, click.utils)


# Value types name themselves in messages ("'x' is not a valid integer range") and, upper-cased, in help.
TYPE_NAMES = {click.types.IntParamType: "整数", click.types.IntRange: "整数", click.types.FloatParamType: "数",
              click.types.FloatRange: "数", click.types.StringParamType: "文字", click.types.BoolParamType: "是/否"}


def display_width(text: str) -> int:
    """Columns a terminal gives the text: a Chinese character takes two (click counts one, and
    misaligns the help columns)."""
    text = click.unstyle(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def install() -> None:
    """Point click's gettext hooks at the Chinese table (idempotent; drafter runs only click of its own)."""
    click.formatting.term_len = display_width
    for kind, name in TYPE_NAMES.items():
        kind.name = name
    for module in CLICK_MODULES:
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


class ChineseHelpFormatter(click.HelpFormatter):
    """Help pages with Chinese placeholders ("用法：drafter build [选项] 表单")."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, translate_placeholders(args), "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(translate_placeholders(first), second) for first, second in rows], col_max, col_spacing)


class ChineseContext(click.Context):
    formatter_class = ChineseHelpFormatter


def short_help(command: click.Command, limit: int = 45) -> str:
    """The first sentence of a command's help for the command list. click cuts at the last space
    that fits, and Chinese has no spaces ("显示 drafter..."); a sentence ends at “。”."""
    if command.short_help:
        return command.short_help
    first = (command.help or "").strip().split("\n\n", 1)[0].replace("\n", "")
    sentence = first.split("。", 1)[0]
    if display_width(sentence) > 2 * limit and "：" in sentence:  # the list shows what it does, not every detail
        sentence = sentence.split("：", 1)[0]
    return f"{sentence}。"


class ChineseCommand(click.Command):
    context_class = ChineseContext

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self, limit)
