"""The command line: click wiring only. Each command imports its work lazily and calls one function."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from drafter import __version__, click_zh, recache
from drafter.errors import DrafterError
from drafter.launch import collect_garbage
from drafter.shell import shell_quote

click_zh.install()  # before the decorators below: click reads some of its texts while they run

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORM = click.Path(path_type=Path, dir_okay=True)


# click 8.2 raises this when a group is called without a command (earlier versions just print help).
NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class DrafterGroup(click.Group):
    """Turns every DrafterError into its Chinese message on stderr and exit code 2, and says click's
    own usage errors (a missing argument, an unknown option) in Chinese too."""

    context_class = click_zh.ChineseContext
    command_class = click_zh.ChineseCommand
    group_class = type  # subgroups (drafter templates) behave the same

    def get_short_help_str(self, limit: int = 45) -> str:
        return click_zh.short_help(self, limit)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib  # only a mistyped command needs it

            guess = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.5)
            hint = f"您是否要输入 {guess[0]}？" if guess else f"可用的命令：{'、'.join(self.list_commands(ctx))}。"
            raise click.UsageError(f"没有命令“{name}”。{hint}", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except DrafterError as error:
            click.echo(str(error), err=True)
            sys.exit(error.exit_code)

    def main(self, *args, **kwargs):
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except NO_ARGS_IS_HELP as error:  # `drafter` or `drafter templates` alone: just the help
            click.echo(error.ctx.get_help())
            sys.exit(0)
        except click.exceptions.UsageError as error:
            command = error.ctx.command_path if error.ctx else "drafter"
            click.echo(f"{command}：{usage_message(error)}\n运行 {command} --help 查看用法。", err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("已取消。", err=True)
            sys.exit(1)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)


def usage_message(error: click.exceptions.UsageError) -> str:
    """click's usage errors, in Chinese; the English detail is kept where click gives one."""
    if isinstance(error, click.exceptions.MissingParameter):
        return f"缺少参数 {_param_name(error.param)}。"
    if isinstance(error, click.exceptions.NoSuchOption):
        hint = f"（您是否要输入 {'、'.join(error.possibilities)}？）" if error.possibilities else ""
        return f"没有选项 {error.option_name}{hint}。"
    if isinstance(error, click.exceptions.BadParameter):
        return f"{_param_name(error.param)} 的值不对：{error.message}"
    return error.message if error.message.endswith(("。", "？", "）")) else f"{error.message}。"


def _param_name(param: click.Parameter | None) -> str:
    """An option as the user typed it (--year), an argument by its Chinese placeholder (表单)."""
    if isinstance(param, click.Option):
        return "/".join(param.opts)
    return click_zh.translate_placeholders(param.human_readable_name) if param else ""


@click.group(cls=DrafterGroup, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", message="drafter %(version)s")
def cli():
    """drafter：用 YAML 表单起草科技局年度工作总结及工作计划，生成符合 GB/T 9704 的 Word 文稿。

    \b
    常用流程：
      drafter init -o report.yaml --year 2024 --org 青山县科学技术局   生成表单
      drafter validate report.yaml                                    检查表单
      drafter build report.yaml                                       生成 Word 文稿
    """


@cli.command(context_settings=CONTEXT)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("report.yaml"), show_default=True,
              help="表单文件名。已有同名文件时不会覆盖。")
@click.option("--year", type=click.IntRange(1990, 2100), help="报告年度，默认今年。")
@click.option("--org", help="单位名称（全称），如“青山县科学技术局”。")
@click.option("--from", "last", type=click.Path(path_type=Path),
              help="由上年的表单生成下一年的表单：带入上年数值、目标和小节标题。")
@click.option("--indicators", "sheet", type=click.Path(path_type=Path),
              help="统计部门的指标表（.xlsx 或 .csv）：把其中的本年、上年数值和目标填入新表单。")
def init(output, year, org, last, sheet):
    """生成一份带注释的空白表单（含科技局常用指标），或用 --from 由上年表单生成。"""
    if sheet is not None and last is not None:
        raise click.UsageError("--from 与 --indicators 不能同时使用：请先用 --from 生成表单，再运行 drafter indicators import。")
    if sheet is not None:
        from drafter.commands.indicators import init_with_figures

        for line in init_with_figures(output, year, org, sheet):
            click.echo(line)
        return
    if last is not None:
        from drafter.commands.next_year import init_from

        path = init_from(last, output)
        click.echo(f"已由 {last} 生成下一年的表单：{path}\n请填写本年数值和标有“（待填写）”的内容后运行：drafter validate {shell_quote(path)}")
        return
    from drafter.commands.init import init_form

    path = init_form(output, year, org)
    click.echo(f"已生成表单：{path}\n请填写后运行：drafter validate {shell_quote(path)}")


STRICT_OPTION = click.option("--strict", is_flag=True, help="把警告（如未完成目标却未在问题中提及）也当作错误。")
LAST_OPTION = click.option("--last", type=click.Path(path_type=Path),
                           help="上年的表单：核对本表单中的上年数值是否与之一致。")


@cli.command(context_settings=CONTEXT)
@click.argument("form", type=FORM)
@STRICT_OPTION
@LAST_OPTION
def validate(form, strict, last):
    """检查表单：一次列出所有问题（文件:行:列），无误时退出码为 0，有问题时为 2。"""
    from drafter.commands.validate import validate_form

    for line in validate_form(form, strict, last):
        click.echo(line)


@cli.command(context_settings=CONTEXT)
@click.argument("form", type=FORM)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出的 .docx 文件；默认放在表单旁，以标题命名。")
@click.option("--templates", type=click.Path(path_type=Path), help="自定义模板文件夹，优先于表单旁的 templates/ 和内置模板。")
@click.option("--reference-docx", "reference", type=click.Path(path_type=Path),
              help="本单位的 Word 模板（.docx）：页面设置、样式、页眉页脚取自该文件。")
@click.option("--force", is_flag=True, help="即使已有文稿在生成后被修改过，也覆盖它。")
@STRICT_OPTION
@LAST_OPTION
@click.option("--bank", type=click.Path(path_type=Path),
              help="本单位的短语库（drafter mine 生成）：导语、引语、结束语和指标说法优先取自其中。")
@click.option("--explain", is_flag=True, help="列出文稿中每条套语和指标句的来源（表单、短语库或默认用语）。")
def build(form, output, templates, reference, force, strict, last, bank, explain):
    """由表单生成 Word 文稿（.docx）。"""
    from drafter.build import build_report, explain_lines
    from drafter.checks.base import format_finding

    result = build_report(form, output, templates, force, reference, strict, last, bank)
    if explain:
        for line in explain_lines(result.phrases):
            click.echo(line)
    for note in result.notes:
        click.echo(note, err=True)
    for finding in result.findings:
        click.echo(format_finding(str(result.output), finding), err=True)
    click.echo(f"已生成文稿：{result.output}")


@cli.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出的 PDF 文件；默认与文稿同名。")
@click.option("--png", "png_dir", type=click.Path(path_type=Path), help="另把每页存为 PNG 图片，放在此文件夹。")
@click.option("--templates", type=click.Path(path_type=Path), help="自定义模板文件夹（给出表单时使用）。")
@click.option("--dpi", type=int, default=80, show_default=True, help="PNG 图片的分辨率（每英寸点数，30～600）。")
def preview(source, output, png_dir, templates, dpi):
    """用 LibreOffice 把表单或文稿排成 PDF（可另存 PNG），查看版式。"""
    from drafter.commands.preview import preview as run_preview

    result = run_preview(source, output, png_dir, templates, dpi)
    for warning in result.warnings:
        click.echo(warning, err=True)
    click.echo(f"已生成预览：{result.pdf}")
    if result.pages:
        click.echo(f"共 {len(result.pages)} 页图片，在：{png_dir}")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--form", type=click.Path(path_type=Path), help="文稿所依据的表单：核对正文数字与表单是否一致。")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式；json 便于脚本处理。")
@click.option("--strict", is_flag=True, help="有警告时也以退出码 1 结束。")
@click.option("--disable", multiple=True, metavar="RULE", help="不做某项检查：检查项或类别，如 punct.halfwidth 或 punct（可多次使用）。")
@click.option("--enable", multiple=True, metavar="RULE", help="开启默认不做的检查项或类别（可多次使用）。")
@click.option("--words", multiple=True, type=click.Path(path_type=Path), metavar="FILE",
              help="本单位词表（YAML，可多次使用）；文稿旁的 drafter-words.yaml 自动使用。")
@click.option("--rules", "list_rules", is_flag=True, help="列出全部检查项（编号、类别、默认级别、说明）。")
@click.option("--comments", type=click.Path(path_type=Path), metavar="OUT.docx",
              help="另存一份 .docx，把每处问题作为 Word 批注标在原文上（原文件不变）。")
@click.option("--fix", type=click.Path(path_type=Path), metavar="OUT",
              help="另存一份改正了机械性问题（标点全半角、截止→截至、3-5→3～5 等）的文稿，并列出改动。")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="同时使用的 CPU 核数；检查多个文件时可加快，结果与单核相同。")
def check(files, form, output_format, strict, disable, enable, words, list_rules, comments, fix, jobs):
    """校对文稿（.docx/.txt，或文件夹中的全部文稿）：序号、占位符、错别字与易混词、重复、年份日期、数字、统计用语、标点、文种，及与表单数字是否一致。

    有错误时退出码为 1（加 --strict 时警告也算），否则为 0。
    """
    collect_garbage()
    from drafter.commands.check import check_files

    if list_rules:
        from drafter.checks.registry import rules_table

        click.echo(rules_table())
        return
    if not files:
        raise DrafterError("请给出要检查的文稿，如：drafter check 文稿.docx")
    from drafter.reading.read import drafts_in

    files = drafts_in(list(files))  # a folder: the drafts in it
    if (comments or fix) and len(files) != 1:
        raise DrafterError("--comments 和 --fix 一次只处理一个文稿。")
    report = check_files(files, form, frozenset(disable), frozenset(enable), tuple(words), jobs)
    click.echo(report.as_json() if output_format == "json" else report.as_text())
    if comments:
        from drafter.checks.annotate import write_comments

        click.echo(f"已写出带批注的文稿：{write_comments(files[0], report.files[0].findings, comments)}", err=True)
    if fix:
        from drafter.checks.annotate import write_fixes

        written, applied = write_fixes(files[0], report.files[0].findings, fix)
        for line in applied:
            click.echo(line, err=True)
        click.echo(f"已写出改正后的文稿（{len(applied)} 处）：{written}", err=True)
    sys.exit(report.exit_code(strict))


@cli.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出的表单；默认与文稿同名（.yaml）。")
def extract(source, output):
    """从已有的文稿（.docx/.doc/.wps/.rtf/.txt）提取表单骨架：标题、各部分与小节、正文中的数字（待核对）。"""
    collect_garbage()
    from drafter.commands.extract import extract_to_form

    path, candidates = extract_to_form(source, output)
    click.echo(f"已提取表单：{path}（找到 {candidates} 个候选指标，请核对）\n请核对后运行：drafter validate {shell_quote(path)}")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式；json 为对象列表（level、text、kind、line），便于脚本处理。")
def outline(files, output_format):
    """显示从文稿读到的提纲：各级标题、所属部分和位置。

    文稿可以是 .docx、.doc、.wps、.rtf（需 LibreOffice）或 .txt，也可以是放文稿的文件夹；另列出清理掉的网页杂项和 Word 的页眉页脚。
    """
    collect_garbage()
    from drafter.commands.outline import as_json, as_text, read_files, removed_summary

    reports = read_files(list(files))
    if output_format == "json":
        for note in filter(None, (removed_summary(r) for r in reports)):
            click.echo(note, err=True)
        click.echo(as_json(reports))
    else:
        click.echo(as_text(reports))


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("phrasebank.yaml"), show_default=True,
              help="短语库文件。已有文件不是 drafter 生成的短语库时不会覆盖。")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="同时使用的 CPU 核数；文件多时可加快学习，结果与单核相同。")
def mine(paths, output, jobs):
    """从往年文稿（.txt/.docx 文件或文件夹）学习标题格式、套语、句式和搭配，生成短语库。"""
    collect_garbage()
    from drafter.commands.mine import mine_paths, summary

    bars = []

    def progress(total):
        bar = click.progressbar(length=total, label="正在学习", file=sys.stderr, show_pos=True)
        bar.__enter__()
        bars.append(bar)
        return lambda path: bar.update(1)

    try:
        result = mine_paths(list(paths), output, progress, jobs)
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
    for line in summary(result):
        click.echo(line)


@cli.command(context_settings=CONTEXT)
@click.argument("word")
@click.option("--kind", type=click.Choice(["headings", "openings", "transitions", "problem_leads", "plan_leads",
                                           "closings", "sentences", "frames", "collocations", "passages"]),
              help="只看某一类用语（passages：含该词的原句和标题）。")
@click.option("--bank", type=click.Path(path_type=Path), help="短语库文件；默认用 drafter 自带的。")
@click.option("-n", "limit", type=click.IntRange(1, 100), default=10, show_default=True, help="每类最多列出几条。")
def suggest(word, kind, bank, limit):
    """在短语库中查找含有该词语（或与它常搭配的词）的原句和标题，按使用篇数排列并给出出处；再列出含它的标题格式、套语和句式。"""
    from drafter.commands.suggest import suggest as run_suggest

    for line in run_suggest(word, kind, bank, limit):
        click.echo(line)


@cli.group(context_settings=CONTEXT)
def indicators():
    """把统计部门指标表（.xlsx/.csv）中的数值填入表单。"""


@indicators.command("import", context_settings=CONTEXT)
@click.argument("sheet", type=click.Path(path_type=Path))
@click.argument("form", type=FORM)
@click.option("--dry-run", is_flag=True, help="只列出将填入的数值，不修改表单。")
def indicators_import(sheet, form, dry_run):
    """把指标表中各指标的本年、上年数值和目标填入表单，表单的其他内容和注释保持不变。"""
    from drafter.commands.indicators import import_into_form

    for line in import_into_form(sheet, form, dry_run):
        click.echo(line)


@cli.group(context_settings=CONTEXT)
def templates():
    """查看、复制内置模板，以便按本单位习惯修改。"""


def _search_path(folder):
    from drafter.commands.templates import search_path_here

    return search_path_here(folder)


TEMPLATES_OPTION = click.option("--templates", "folder", type=click.Path(path_type=Path),
                                help="自定义模板文件夹（与 build 的 --templates 相同）。")


@templates.command("list", context_settings=CONTEXT)
@TEMPLATES_OPTION
def templates_list(folder):
    """列出所有模板及其来源（--templates、表单旁的 templates/、个人模板文件夹、内置，依次优先）。"""
    from drafter.commands.templates import list_templates

    for line in list_templates(_search_path(folder)):
        click.echo(line)


@templates.command("show", context_settings=CONTEXT)
@click.argument("name")
@TEMPLATES_OPTION
@click.option("--context", "context", is_flag=True, help="只列出该模板能用的上下文（名称和说明）及可覆盖的块。")
def templates_show(name, folder, context):
    """显示模板的内容，如 sections/plan.j2。"""
    from drafter.commands.templates import show_template

    click.echo(show_template(name, _search_path(folder), context), nl=False)


@templates.command("diff", context_settings=CONTEXT)
@click.argument("name")
@TEMPLATES_OPTION
def templates_diff(name, folder):
    """显示本单位的模板与同名内置模板的差异（升级后可据此查看内置模板改了什么）。"""
    from drafter.commands.templates import diff_template

    click.echo(diff_template(name, _search_path(folder)), nl=False)


@templates.command("copy", context_settings=CONTEXT)
@click.argument("name")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("templates"))
def templates_copy(name, folder):
    """把模板复制到文件夹（默认 ./templates），修改后 build 会优先使用它。"""
    from drafter.commands.templates import copy_template

    target = copy_template(name, _search_path(None), folder)
    click.echo(f"已复制到：{target}")


def main():
    try:
        with recache.import_time_patterns():  # the libraries each command imports compile ~80 patterns
            cli(prog_name="drafter")
    finally:
        # At exit Python's cyclic collector walks every object still alive (the ~100,000 the imports
        # made) before freeing them, a sixth of a build; frozen objects are skipped, and the operating
        # system takes the memory back all the same.
        gc.freeze()
