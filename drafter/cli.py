"""The command line: click wiring only. Each command imports its work lazily and calls one function."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from drafter import __version__
from drafter.errors import DrafterError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
FORM = click.Path(path_type=Path, dir_okay=True)


# click 8.2 raises this when a group is called without a command (earlier versions just print help).
NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


class DrafterGroup(click.Group):
    """Turns every DrafterError into its Chinese message on stderr and exit code 2, and says click's
    own usage errors (a missing argument, an unknown option) in Chinese too."""

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
        return f"缺少参数 {error.param.human_readable_name if error.param else ''}。"
    if isinstance(error, click.exceptions.NoSuchOption):
        hint = f"（是否应为 {'、'.join(error.possibilities)}？）" if error.possibilities else ""
        return f"没有选项 {error.option_name}{hint}。"
    if isinstance(error, click.exceptions.BadParameter):
        name = error.param.human_readable_name if error.param else ""
        return f"参数 {name} 的值不对（{error.message}）。"
    if "No such command" in error.message:
        return f"没有这个命令（{error.message}）。可用的命令见 drafter --help。"
    if "Got unexpected extra argument" in error.message:
        return f"多给了参数（{error.message}）。"
    return error.message


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
def init(output, year, org, last):
    """生成一份带注释的空白表单（含科技局常用指标），或用 --from 由上年表单生成。"""
    if last is not None:
        from drafter.commands.next_year import init_from

        path = init_from(last, output)
        click.echo(f"已由 {last} 生成下一年的表单：{path}\n请填写本年数值和标有“（待填写）”的内容后运行：drafter validate {path}")
        return
    from drafter.commands.init import init_form

    path = init_form(output, year, org)
    click.echo(f"已生成表单：{path}\n请填写后运行：drafter validate {path}")


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
def build(form, output, templates, reference, force, strict, last):
    """由表单生成 Word 文稿（.docx）。"""
    from drafter.commands.build import build_report

    from drafter.commands.check import format_finding

    result = build_report(form, output, templates, force, reference, strict, last)
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
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--form", type=click.Path(path_type=Path), help="文稿所依据的表单：核对正文数字与表单是否一致。")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式；json 便于脚本处理。")
@click.option("--strict", is_flag=True, help="有警告时也以退出码 1 结束。")
@click.option("--disable", multiple=True, metavar="RULE", help="不做某项检查，如 punct.halfwidth 或 punct（可多次使用）。")
def check(files, form, output_format, strict, disable):
    """校对文稿（.docx/.txt）：序号、占位符、重复、年份日期、数字、统计用语、标点，及与表单数字是否一致。

    有错误时退出码为 1（加 --strict 时警告也算），否则为 0。
    """
    from drafter.commands.check import as_json, as_text, check_files, exit_code

    checked = check_files(list(files), form, frozenset(disable))
    click.echo(as_json(checked) if output_format == "json" else as_text(checked))
    sys.exit(exit_code(checked, strict))


@cli.command(context_settings=CONTEXT)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出的表单；默认与文稿同名（.yaml）。")
def extract(source, output):
    """从已有的文稿（.docx/.txt）提取表单骨架：标题、各部分与小节、正文中的数字（待核对）。"""
    from drafter.commands.extract import extract_to_form

    path, candidates = extract_to_form(source, output)
    click.echo(f"已提取表单：{path}（找到 {candidates} 个候选指标，请核对）\n请核对后运行：drafter validate {path}")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式；json 为对象列表（level、text、kind、line），便于脚本处理。")
def outline(files, output_format):
    """显示 drafter 从文稿（.docx/.doc/.wps/.rtf/.txt）读到的提纲：各级标题、所属部分（成绩/问题/计划）和位置，
    以及清理掉的网页杂项行数。"""
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
def mine(paths, output):
    """从往年文稿（.txt/.docx 文件或文件夹）学习标题格式、套语、句式和搭配，生成短语库。"""
    from drafter.commands.mine import mine_paths, summary

    bars = []

    def progress(total):
        bar = click.progressbar(length=total, label="正在学习", file=sys.stderr, show_pos=True)
        bar.__enter__()
        bars.append(bar)
        return lambda path: bar.update(1)

    try:
        result = mine_paths(list(paths), output, progress)
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
    for line in summary(result):
        click.echo(line)


@cli.command(context_settings=CONTEXT)
@click.argument("word")
@click.option("--kind", type=click.Choice(["headings", "openings", "transitions", "problem_leads", "plan_leads",
                                           "closings", "sentences", "frames", "collocations"]), help="只看某一类用语。")
@click.option("--bank", type=click.Path(path_type=Path), help="短语库文件；默认用 drafter 自带的。")
@click.option("-n", "limit", type=click.IntRange(1, 100), default=10, show_default=True, help="每类最多列出几条。")
def suggest(word, kind, bank, limit):
    """在短语库中查找含有或常与 WORD 搭配的标题、套语和句式，并给出原文出处。"""
    from drafter.commands.suggest import suggest as run_suggest

    for line in run_suggest(word, kind, bank, limit):
        click.echo(line)


@cli.group(context_settings=CONTEXT)
def templates():
    """查看、复制内置模板，以便按本单位习惯修改。"""


def _search_path(folder):
    from drafter.templating import template_search_path

    return template_search_path(folder, None)


TEMPLATES_OPTION = click.option("--templates", "folder", type=click.Path(path_type=Path),
                                help="自定义模板文件夹（与 build 的 --templates 相同）。")


@templates.command("list", context_settings=CONTEXT)
@TEMPLATES_OPTION
def templates_list(folder):
    """列出所有模板及其来源。"""
    from drafter.commands.templates import list_templates

    for line in list_templates(_search_path(folder)):
        click.echo(line)


@templates.command("show", context_settings=CONTEXT)
@click.argument("name")
@TEMPLATES_OPTION
def templates_show(name, folder):
    """显示模板 NAME 的内容，如 sections/plan.j2。"""
    from drafter.commands.templates import show_template

    click.echo(show_template(name, _search_path(folder)), nl=False)


@templates.command("copy", context_settings=CONTEXT)
@click.argument("name")
@click.argument("folder", type=click.Path(path_type=Path), default=Path("templates"))
def templates_copy(name, folder):
    """把模板 NAME 复制到 FOLDER（默认 ./templates），修改后 build 会优先使用它。"""
    from drafter.commands.templates import copy_template

    target = copy_template(name, _search_path(None), folder)
    click.echo(f"已复制到：{target}")


def main():
    cli(prog_name="drafter")
