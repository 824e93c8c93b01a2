"""Command line: click declarations, help text and exit codes only.

Each command imports its real work inside the function, so `mkreport --help` and
`mkreport check` never pay for the rendering stack.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .commands import clickzh
from .commands.clickzh import Argument, OneOf, Option, Whole, help_row, metavar
from .core.errors import ExitCode, MkreportError

# before any option is declared: click.Path names its kind ("file") in the language of that moment
clickzh.install()


def _verbosity(ctx, param, value) -> None:
    """-q / -v: how much mkreport says besides findings and errors (core/console.py)."""
    if value:
        from .core import console
        console.set_level(console.QUIET if param.name == "quiet" else console.VERBOSE)


def _verbosity_options() -> list[click.Option]:
    return [
        Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_verbosity,
               help="只显示问题和错误：不显示“已生成”、合计和提示。"),
        Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_verbosity,
               help="逐步说明在做什么：读取、查找评分体系和模板、检查、生成、写出。"),
    ]


# the mixin below is a click.Command to the type checker (whose attributes it uses); at run time
# it is a plain mixin, before click.Command or click.Group in the classes that use it
if TYPE_CHECKING:
    _Mixin = click.Command
else:
    _Mixin = object


class _Chinese(_Mixin):
    """Help pages in Chinese: 用法、参数、选项、命令, laid out by clickzh.Formatter; -q and -v on
    every command as on mkreport itself."""

    context_class: type[click.Context] = clickzh.Context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)
        self.params.extend(_verbosity_options())

    def parse_args(self, ctx, args):
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx        # click leaves it out of some: the help to name is this command's
            raise

    def collect_usage_pieces(self, ctx):
        pieces = [self.options_metavar] + [metavar(p) for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        return pieces + ([self.subcommand_metavar] if isinstance(self, click.Group) else [])

    def format_help(self, ctx, formatter):
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        arguments = [help_row(p) for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        if arguments:
            with formatter.section("参数"):
                formatter.write_dl(arguments)
        options = [row for p in self.get_params(ctx) if isinstance(p, click.Option) and (row := help_row(p))]
        if options:
            with formatter.section("选项"):
                formatter.write_dl(options)
        if isinstance(self, click.Group):
            commands = [(name, cmd) for name in self.list_commands(ctx)
                        if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
            if commands:
                room = formatter.width - formatter.current_indent - max(len(n) for n, _ in commands) - 4
                with formatter.section("命令"):
                    formatter.write_dl([(name, clickzh.short_help(cmd, room)) for name, cmd in commands])

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "显示此帮助并退出。"
        return option


class _Command(_Chinese, click.Command):
    pass


class _Group(_Chinese, click.Group):
    command_class = _Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = False, windows_expand_args: bool = True,
             **extra: Any) -> NoReturn:
        """Run mkreport and exit with its code. Never standalone, whatever `standalone_mode` says:
        click would print its usage errors itself; we say them our way."""
        from .core import console
        console.set_level(console.NORMAL)      # -q / -v of this run only (tests run many in one process)
        try:
            code = super().main(args, prog_name or "mkreport", complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
            sys.exit(code if isinstance(code, int) else 0)
        except click.exceptions.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError" and exc.ctx is not None:   # bare `mkreport`: just the help page
                click.echo(exc.ctx.get_help())
                sys.exit(0)
            from .core.console import shown
            cmd = exc.ctx.command_path if exc.ctx else "mkreport"
            click.echo(f"用法错误：{shown(_said(exc))}\n运行 `{cmd} --help` 查看用法和示例。", err=True)
            sys.exit(ExitCode.USAGE)
        except click.exceptions.Abort:
            click.echo("已中止。", err=True)
            sys.exit(ExitCode.USAGE)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except MkreportError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as exc:  # a bug of ours: say so plainly, without a traceback
            from .core.console import shown
            click.echo(f"mkreport 内部错误：{type(exc).__name__}: {shown(exc)}\n"
                       "这是程序的缺陷而不是您的输入问题，请把这条信息和输入文件报告给维护者。", err=True)
            ctx.exit(ExitCode.INTERNAL)


def option(*decls, **attrs):
    return click.option(*decls, cls=Option, **attrs)


def argument(name, **attrs):
    return click.argument(name, cls=Argument, **attrs)


def _said(exc: click.exceptions.UsageError) -> str:
    """A usage error as a sentence: what is missing with what it is for, what was mistyped with
    what was perhaps meant (click's own words are Chinese already: clickzh.CATALOGUE)."""
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        if isinstance(param, click.Argument):
            return f"缺少参数 {metavar(param)}" + (f"：{param.help}" if getattr(param, "help", "") else "。")
        return f"缺少必填的选项 {'/'.join(param.opts)} {metavar(param)}" + (f"：{param.help}" if param.help else "。")
    possibilities = getattr(exc, "possibilities", None)
    if possibilities:
        return f"{exc.message}是否想用 {'、'.join(possibilities)}？"
    return exc.format_message()


@click.group(name="mkreport", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
# the version written in the code, not the installed metadata: an editable install keeps the
# metadata of the day it was installed
@click.version_option(__version__, message="mkreport %(version)s", help="显示版本号并退出。", cls=Option)
def main() -> None:
    """mkreport：由 YAML 事实文件校验并生成部门整体支出绩效自评报告。

    \b
    示例：
      mkreport check inputs/yangxi-2023.yaml
      mkreport build inputs/yangxi-2023.yaml
    """


@main.command()
@argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=True), metavar="事实文件...",
          help="一个或多个事实文件（.yaml），可用通配符，如 inputs/*.yaml。")
@option("--format", "fmt", type=OneOf(["text", "json"]), default="text",
              help="输出格式：text（默认）供人阅读，json 供程序处理。")
@option("--strict", is_flag=True, help="把警告也当作错误（有警告时退出码为 1）。")
@option("--style", is_flag=True,
              help="也报告用字规范问题（如“截止”直接跟日期应写“截至”）：这类写法在公开文件中很常见，默认不报。")
@option("-j", "--jobs", type=Whole(1, 256), default=None, metavar="个数",
              help="同时处理的文件数，默认为本机的处理器核数。")
def check(inputs: tuple[str, ...], fmt: str, strict: bool, style: bool, jobs: int | None) -> None:
    """校验事实文件：对照评分体系和算术关系，列出所有问题。

    每个问题显示为“文件:行:列: 错误|警告 [代码] 说明”。退出码：0 无错误；1 发现错误
    （加 --strict 时警告也算）；2 参数错误或文件无法读取。

    \b
    示例：
      mkreport check inputs/yangxi-2023.yaml
      mkreport check inputs/*.yaml --format json
    """
    from .commands.check import run_check

    ctx = click.get_current_context()
    ctx.exit(run_check(list(inputs), fmt, strict, jobs, style=style))


def _format_names() -> list[str]:
    from .tasks.formats import FORMATS
    return list(FORMATS)


@main.command()
@argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=True), metavar="事实文件...",
          help="一个或多个事实文件（.yaml），可用通配符，如 inputs/*.yaml。")
@option("-o", "--output-dir", "out_dir", metavar="文件夹",
              help="输出文件夹，默认为当前目录下的 outputs/。")
@option("--to", "formats", multiple=True, type=OneOf(_format_names()), metavar="格式",
              help="要生成的格式，可写多次：" + "、".join(_format_names()) + "（默认 docx）。")
@option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF（即 --to pdf）。")
@option("--xlsx", is_flag=True, help="同时生成自评表的 Excel 文件“名称-自评表.xlsx”（即 --to xlsx）。")
@option("--strict", is_flag=True,
              help="把警告也当作错误：有警告（如还没改写的“【上年】”文字）的文件不生成，退出码为 1。")
@option("-j", "--jobs", type=Whole(1, 256), default=None, metavar="个数",
              help="同时处理的文件数（和同时运行的 LibreOffice 数），默认为本机的处理器核数。")
def build(inputs: tuple[str, ...], out_dir: str | None, formats: tuple[str, ...], pdf: bool, xlsx: bool,
          strict: bool, jobs: int | None) -> None:
    """校验并生成报告（.docx，可选 PDF），写入 outputs/。

    每个文件先运行与 check 相同的校验：有错误的文件不生成报告，列出错误，其余文件照常生成；
    加 --strict 时有警告的文件也不生成。有文件出错时退出码为 1（文件无法读取时为 2）。文件先
    写到临时文件再改名，失败时不会留下半个文件，也不会覆盖已有的报告。

    \b
    示例：
      mkreport build inputs/yangxi-2023.yaml
      mkreport build inputs/*.yaml -o outputs --pdf --xlsx
      mkreport build inputs/*.yaml --strict
    """
    from .commands.build import run_build

    if out_dir is not None and os.path.splitext(out_dir)[1].lower() in (".docx", ".doc", ".pdf", ".xlsx"):
        # (a folder named "报告.docx" would be made, and the report written inside it)
        raise click.UsageError(f"-o 是输出文件夹，“{out_dir}”像是一个文件名：请写文件夹（如 -o outputs），"
                               "报告的文件名由事实文件的名称而来（yangxi-2023.yaml → yangxi-2023.docx）。")
    ctx = click.get_current_context()
    wanted = list(formats) or ["docx"]      # --pdf and --xlsx come on top of the report itself
    ctx.exit(run_build(list(inputs), out_dir, wanted + (["pdf"] if pdf else []) + (["xlsx"] if xlsx else []), jobs,
                       strict))


@main.command()
@argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=True), metavar="事实文件...",
          help="一个或多个事实文件（.yaml），可用通配符，如 inputs/*.yaml。")
@option("-o", "--output", metavar="文件", help="写入的文件：.xlsx（默认 outputs/汇总.xlsx）、.csv 或 .md。")
@option("--format", "fmt", type=OneOf(["xlsx", "csv", "md"]), default=None,
              help="格式：xlsx（三张表）、csv（部门表）、md（三张表）；省略时按 -o 的扩展名。csv 和 md 不写 -o 时输出到屏幕。")
@option("-j", "--jobs", type=Whole(1, 256), default=None, metavar="个数",
              help="同时检查的文件数，默认为本机的处理器核数。")
def summary(inputs: tuple[str, ...], output: str | None, fmt: str | None, jobs: int | None) -> None:
    """检查多个事实文件，生成财政局的汇总表。

    第一张表每个部门一行：部门、年度、总分、等级、各一级指标得分、错误和警告数；第二张表列出
    所有问题（文件、行、列、级别、代码、说明）；第三张表是等级分布和扣分最多的指标。
    有错误的文件照样列入（其行注明“有错误”），但不给总分和等级，在等级分布中另计为“有错误，未评分”；
    退出码与 check 相同。

    \b
    示例：
      mkreport summary inputs/*.yaml -o outputs/汇总.xlsx
      mkreport summary inputs/*.yaml --format md
    """
    from .commands.summary import run_summary

    ctx = click.get_current_context()
    ctx.exit(run_summary(list(inputs), output, fmt, jobs))


@main.command()
@argument("report", type=click.Path(dir_okay=False), metavar="报告.docx", help="在 Word 中改过的报告（.docx）。")
@argument("facts", type=click.Path(dir_okay=False), metavar="事实文件.yaml", help="生成这份报告所用的事实文件。")
def verify(report: str, facts: str) -> None:
    """核对一份在 Word 中改过的报告是否仍与事实文件一致。

    用事实文件重新生成报告，与给定的 .docx 逐段、逐个表格单元格比较：数字不同是错误，
    只改了文字、数字未变是警告，每处都注明在第几段或第几张表的哪一格（段数只数有文字的段落，
    与 mkreport text -n 显示的相同）。退出码：0 数字全部一致；
    1 有数字不同；2 文件无法读取或事实文件有错误。

    \b
    示例：
      mkreport verify 报送/阳西县工信局-2023.docx inputs/yangxi-2023.yaml
    """
    from .commands.verify import run_verify

    ctx = click.get_current_context()
    ctx.exit(run_verify(report, facts))


@main.command()
@option("--rubric", "rubric", default=None, metavar="名字",
              help="评分体系的名字或路径（运行 mkreport list 查看可用的）；新建部门的文件时必填，项目默认用内置的全国通用自评表。")
@option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="文件",
              help="要生成的事实文件，如 inputs/工信局-2024.yaml（已存在时不覆盖）。")
@option("--kind", type=OneOf(["department", "project"]), default="department", metavar="类型",
              help="department（部门，默认）或 project（项目支出绩效自评表）。")
@option("--into", type=click.Path(dir_okay=False), metavar="部门文件",
              help="项目所属部门的事实文件：年度和部门名称取自它，新项目加入它的 projects（注释、编码和换行保持原样）。")
@option("--name", metavar="项目名称", help="项目名称，如 2023年度农村供水保障工程（--kind project）。")
@option("--year", type=Whole(2000, 2099), default=None, metavar="年度", help="报告年度，默认为上一年（或 --into 的部门的年度）。")
@option("--department", metavar="名称", help="部门全称，如 阳西县工业和信息化局。")
@option("--template", metavar="名字", help="报告模板（可省略，默认用评分体系指定的）。")
@option("--full", is_flag=True,
              help="写出事实文件的全部栏目，包括这个模板不写出、检查也用不到的项（如上年决算数）。")
def new(rubric: str | None, output: str, kind: str, into: str | None, name: str | None, year: int | None,
        department: str | None, template: str | None, full: bool) -> None:
    """新建一个事实文件：列出所选模板会写出、检查会用到的栏目和评分体系的全部指标。

    每个要填的地方写着“待填写”，旁边的注释说明它是什么；可推算或可选的项写成注释，需要时去掉
    “# ”启用。mkreport check 会逐项列出还没填写的地方。模板不写出、检查也用不到的项（填了 check
    会提示“没有用到”）不列出；要全部栏目时加 --full。--kind project 新建一个项目的自评表，
    加上 --into（部门文件）时同时把它列入部门的 projects。

    \b
    示例：
      mkreport new --rubric yangxi-2023 -o inputs/工信局-2024.yaml --year 2024 --department 阳西县工业和信息化局
      mkreport new --kind project --into inputs/shuili-2023.yaml -o inputs/shuili-2023/河道整治.yaml
    """
    from .commands.new import run_new

    ctx = click.get_current_context()
    if rubric is None and kind == "department":      # a project's rubric has a default; a department's has none
        raise click.MissingParameter(ctx=ctx, param=next(p for p in ctx.command.params if p.name == "rubric"))
    ctx.exit(run_new(rubric, output, year, department, template, full, kind, into, name))


@main.command()
@argument("report", type=click.Path(dir_okay=False), metavar="报告.docx", help="要显示文字的报告（.docx）。")
@option("-n", "--numbered", is_flag=True,
        help="每行前写明位置（第 30 段、第 2 张表第 3 行），与 mkreport verify 指出改动时所说的位置相同。")
def text(report: str, numbered: bool) -> None:
    """显示一份报告的文字：段落逐行，表格逐行（单元格以“ | ”分隔）。

    供 git 比较 Word 报告用：仓库的 .gitattributes 写 `*.docx diff=mkreport`，仓库的 git 设置
    把这条命令登记为 mkreport 的文字转换（mkreport init 会替你做好），git diff 就显示报告中
    哪句话、哪个数变了。

    段落只数有文字的（排版用的空段不算），与 verify 所说的“第 30 段”一致；加 -n 时每行前写明是第几段。

    \b
    示例：
      mkreport text outputs/yangxi-2023.docx
      mkreport text -n 报送/阳西县工信局-2023.docx
    """
    from .commands.repository import run_text

    ctx = click.get_current_context()
    ctx.exit(run_text(report, numbered))


@main.command()
@argument("folder", type=click.Path(file_okay=False), metavar="文件夹", default=".", required=False,
          help="县仓库的文件夹，不存在时新建；省略时为当前文件夹。")
@option("--rubric", "rubrics", multiple=True, metavar="名字",
              help="把这个评分体系（内置的、已安装的包中的，或一个路径）复制到 rubrics/ 供本县修改，可写多次。")
def init(folder: str, rubrics: tuple[str, ...]) -> None:
    """建立一个县的报告仓库：inputs/ rubrics/ templates/ outputs/ schema/、说明文件和 git 设置。

    已有的文件不会被覆盖。装有 git 时建立 git 仓库，并在仓库自己的 git 设置中登记：git diff 以文字
    显示 Word 报告（用安装 mkreport 的 Python 的完整路径，不必激活虚拟环境）、中文文件名照原样显示。
    新克隆的仓库、重装 mkreport 之后，在仓库中再运行一次 mkreport init . 即可。

    \b
    示例：
      mkreport init 阳西县绩效自评
      mkreport init 阳西县绩效自评 --rubric yangxi-2023
    """
    from .commands.repository import run_init

    ctx = click.get_current_context()
    ctx.exit(run_init(folder, rubrics))


@main.command()
@argument("facts", type=click.Path(dir_okay=False), metavar="事实文件.yaml", help="要解释的数所在的事实文件。")
@argument("ident", metavar="要解释的",
          help="指标编号（C22）、事实路径（finance.income.total.final）、报告中印出的数（86.67%）、一段文字的路径或其中的几个字。")
@option("--format", "fmt", type=OneOf(["text", "json"]), default="text",
              help="输出格式：text（默认）或 json。")
def explain(facts: str, ident: str, fmt: str) -> None:
    """说明一个得分、一个事实或报告中的一个数是怎样来的。

    要解释的可以是指标编号（如 C22）、事实路径（如 finance.income.total.final），或报告中
    印出的数（如 2.6、86.67%、7532.81万元）。说明计分规则、带数字的算式，以及每个数写在
    哪个文件的哪一行哪一列。

    也可以是一段文字的路径（如 work.items.1.text、scores.C1.text）或其中的几个字（如“较上年”）：
    列出 mkreport 怎样读这段文字里的每个数——说的是哪项事实、什么关系、与什么核对、结果如何，
    以及没有核对的数和原因。

    \b
    示例：
      mkreport explain inputs/yangxi-2023.yaml C22
      mkreport explain inputs/yangxi-2023.yaml 86.67%
      mkreport explain inputs/yangxi-2023.yaml scores.C1.text
    """
    from .commands.explain import run_explain

    ctx = click.get_current_context()
    ctx.exit(run_explain(facts, ident, fmt))


@main.command(name="import")
@argument("form", type=click.Path(dir_okay=False), metavar="自评表",
          help="填好的部门整体或项目支出绩效自评表：.xlsx（Excel）或 .docx（Word）。")
@option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件",
        help="要生成的事实文件，默认与自评表同名、扩展名 .yaml（已存在时不覆盖）。")
@option("--force", is_flag=True, help="覆盖已有的事实文件（和它旁边的评分体系文件）。")
@option("--explain", is_flag=True, help="列出读到的每个单元格：在哪一格、读作哪一项、值是什么。")
@option("--into", type=click.Path(dir_okay=False), metavar="部门文件",
        help="把读入的项目加入这个部门事实文件的 projects（注释、编码和换行保持原样）；只用于项目支出绩效自评表。")
def import_(form: str, output: str | None, force: bool, explain: bool, into: str | None) -> None:
    """读回一张填好的绩效自评表（全国通用格式），生成事实文件。

    按表头（年初预算数、全年预算数、全年执行数、一级/二级/三级指标、年度指标值、实际完成值、
    分值、得分、偏差原因分析及改进措施等）找到各格，不按固定位置；合并的一级、二级指标逐行沿用；
    “—”“/”为不适用，空着的格不按 0 计，留给 check 指出。事实文件中每个值后的注释写明它来自哪一格
    （工作表名!C7，或 表1 第7行第3列）。表中各一级指标的分值与内置评分体系不同时，另生成一个评分体系文件。
    然后 mkreport check 列出表中自相矛盾之处，mkreport build 按同样的格式重新生成。

    \b
    示例：
      mkreport import 项目支出绩效自评表.xlsx -o inputs/高标准农田-2023.yaml
      mkreport import 部门整体支出绩效自评表.docx --explain
      mkreport import 供水项目自评表.xlsx -o inputs/shuili-2023/供水.yaml --into inputs/shuili-2023.yaml
    """
    from .commands.importing import run_import

    ctx = click.get_current_context()
    ctx.exit(run_import(form, output, force, explain, into))


@main.command()
@argument("source", type=click.Path(dir_okay=False), metavar="上年事实文件.yaml", help="上一年的事实文件（不会被改动）。")
@option("--year", type=Whole(2000, 2099), required=True, metavar="年度", help="新的报告年度，如 2024。")
@option("-o", "--output", required=True, type=click.Path(dir_okay=False), metavar="文件",
              help="新年度的事实文件（已存在时不覆盖）。")
def rollover(source: str, year: int, output: str) -> None:
    """由上一年的事实文件生成新一年的：上年决算数转为比较用的“上年数”，本年数据和得分
    改为“待填写”，叙述文字保留并标上“【上年】”待改写，评分体系换成新年度的（如有）。

    原文件不会被改动，注释和格式保留。mkreport check 会逐项列出要更新的地方。

    \b
    示例：
      mkreport rollover inputs/工信局-2023.yaml --year 2024 -o inputs/工信局-2024.yaml
    """
    from .commands.rollover import run_rollover

    ctx = click.get_current_context()
    ctx.exit(run_rollover(source, year, output))


@main.command(name="list")
@argument("where", required=False, type=click.Path(), metavar="[位置]",
          help="从这个事实文件或文件夹查找，省略时为当前文件夹。")
@option("--format", "fmt", type=OneOf(["text", "json"]), default="text",
              help="输出格式：text（默认）或 json。")
def list_(where: str | None, fmt: str) -> None:
    """列出可用的评分体系、报告模板和正文词表，以及各自的位置。

    位置是一个事实文件或文件夹（默认为当前文件夹）：mkreport 从那里查找，与
    事实文件中写 rubric: 名字、template: 名字时的查找顺序相同——同一文件夹、向上最近的
    rubrics/（templates/、vocabularies/）文件夹、mkreport 内置。同名时排在前面的生效。

    \b
    示例：
      mkreport list
      mkreport list inputs/yangxi-2023.yaml
    """
    from .commands.listing import run_list

    run_list(where, fmt)


@main.command()
@option("--stdio", is_flag=True, help="经标准输入输出与编辑器通信（默认的、也是唯一的方式；编辑器常这样写，照样接受）。")
def lsp(stdio: bool) -> None:
    """启动语言服务器，供编辑器在编写时显示检查结果（LSP，经标准输入输出通信）。

    编辑器打开、修改、保存事实文件或评分体系时，对编辑器中尚未保存的内容运行与 mkreport check
    相同的检查，把每个问题标在所在文件的行列处；悬停显示一个值是怎样推算的（同 mkreport explain），
    补全指标编号、{{ }} 中的事实路径和正文词表中的称呼，并能一键改正得分、千位分隔符等问题。
    由编辑器启动，不必手动运行；各编辑器的设置见说明文件中的“在编辑器里看检查结果”一节。

    \b
    示例：
      mkreport lsp
    """
    from .commands.lsp import run_lsp

    ctx = click.get_current_context()
    ctx.exit(run_lsp())


@main.command()
@option("--rubric", "kind", flag_value="rubric", help="输出评分体系文件的 JSON Schema。")
@option("--template", "kind", flag_value="template", help="输出模板中可用的名字和过滤器（Markdown）。")
@option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件", help="写入的文件；省略时输出到屏幕。")
def schema(kind: str | None, output: str | None) -> None:
    """输出事实文件的 JSON Schema（供 VS Code 等编辑器提示字段和说明）。

    加 --rubric 输出评分体系文件的 JSON Schema；加 --template 输出报告模板中可用的全部名字、
    类型、说明和过滤器——自己改模板时照着写，mkreport check 会按它核对模板。

    \b
    示例：
      mkreport schema -o schema/facts.schema.json
      mkreport schema --rubric -o schema/rubric.schema.json
      mkreport schema --template -o schema/template.md
    """
    from .commands.schema import run_schema

    run_schema(kind or "facts", output)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
