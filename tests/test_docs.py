"""The README documents everything mkreport has a list of: each test is parametrized over the code's
own list — the CLI's commands, the finding codes, the rule kinds, the output formats, the exit codes,
the limits — so a command, code, kind, format or limit added without its documentation fails here.
(sqlite-utils' tests/test_docs.py does this for its commands.)"""
from __future__ import annotations

import ast
import importlib
import math
import re
import signal

import click
import pytest
from click.testing import CliRunner
from paths import ROOT

from generator.cli import main
from generator.core.codes import CODES
from generator.core.errors import ExitCode
from generator.model.rules import RULES
from generator.tasks.formats import FORMATS

README = (ROOT / "README.md").read_text(encoding="utf-8")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def section(heading: str) -> str:
    """The README's text under a heading (any level), up to the next heading of that level or above."""
    m = re.search(rf"^(#+) {re.escape(heading)}\n", README, re.MULTILINE)
    assert m, f"README has no heading “{heading}”"
    end = re.search(rf"^#{{1,{len(m.group(1))}}} ", README[m.end():], re.MULTILINE)
    return README[m.end():m.end() + end.start()] if end else README[m.end():]


def first_cells(text: str) -> list[str]:
    """The first cell of each row of the Markdown tables in `text` (header and rule rows left out)."""
    rows = [line.split("|")[1].strip() for line in text.splitlines() if line.startswith("|")]
    return [cell for cell in rows[2:] if not set(cell) <= set("-: ")] if rows else []


# ---- the commands ------------------------------------------------------------------------------

COMMANDS = sorted(main.commands)


def test_the_command_list_is_the_one_the_help_shows():
    result = CliRunner().invoke(main, ["--help"])
    listed = re.findall(r"^  (\S+)\s", result.output.split("命令：", 1)[1], re.MULTILINE)
    assert sorted(listed) == [n for n in COMMANDS if not main.commands[n].hidden]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_its_own_entry_in_the_readme(name):
    """A heading (## 校验：`mkreport check`) or a bold entry (- **`mkreport new …`**：…) of its own."""
    assert re.search(rf"^(#+ .*`mkreport {name}`|- \*\*`mkreport {name}\b)", README, re.MULTILINE), \
        f"README: add a heading or a bold entry **`mkreport {name} …`** saying what it does"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_chinese_help_with_an_example(name):
    command = main.commands[name]
    assert command.help and CHINESE.search(command.help.splitlines()[0]), "the first line of help, in Chinese"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "用法：" in result.output and "选项：" in result.output and "Usage" not in result.output
    assert re.search(rf"示例：\n(\s+mkreport {name}\b.*\n)+", result.output), "an example under 示例："
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert param.help and CHINESE.search(param.help), f"{param.opts[-1]}: help in Chinese"
        elif isinstance(param, click.Argument):
            assert param.metavar and CHINESE.search(param.metavar), f"{param.name}: a Chinese metavar"


# ---- the finding codes, the rule kinds, the output formats ---------------------------------------

@pytest.mark.parametrize("code", sorted(CODES))
def test_every_finding_code_is_a_row_of_the_readme_table(code):
    """(The table is generated: python tools/update_readme_codes.py; test_codes.py checks it whole.)"""
    assert re.search(rf"^\| `{re.escape(code)}` \| (错误|警告) \| .*[\u4e00-\u9fff]", README, re.MULTILINE), \
        "run: python tools/update_readme_codes.py"


RULE_ROWS = [re.fullmatch(r"`([a-z_]+)`(?:（.*）)?", cell) for cell in first_cells(section("评分体系"))]


@pytest.mark.parametrize("kind", sorted(RULES))
def test_every_rule_kind_is_a_row_of_the_readme_table(kind):
    assert kind in [m.group(1) for m in RULE_ROWS if m], \
        f"README, 评分体系: add a row | `{kind}` | 计分 | to the table of rule.kind"


def test_the_rule_table_names_no_kind_that_does_not_exist():
    documented = [m.group(1) for m in RULE_ROWS if m]
    assert documented and set(documented) <= set(RULES), set(documented) - set(RULES)


def _to_line() -> str:
    lines = [line for line in section("生成报告：`mkreport build`").splitlines() if "`--to 格式`" in line]
    assert len(lines) == 1, "README, mkreport build: the line that explains `--to 格式`"
    return lines[0]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_output_format_is_named_where_the_readme_explains_to(name):
    assert f"`{name}`" in _to_line(), f"README, mkreport build: name `{name}` after `--to 格式` and say what it writes"


# ---- the exit codes -----------------------------------------------------------------------------

# Ended by a signal: 128 + its number (entry.py), the shell's convention, documented with the rest.
SIGNALLED = {128 + signal.SIGINT, 128 + signal.SIGTERM}


def _exit_rows() -> list[set[int]]:
    return [{int(n) for n in re.split(r"[、,，]\s*", cell)} for cell in first_cells(section("退出码"))]


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: f"{c.value}-{c.name}")
def test_every_exit_code_has_its_row_in_the_readme(code):
    assert any(code.value in row for row in _exit_rows()), f"README, 退出码: add a row | {code.value} | 含义 |"


def test_the_exit_code_table_lists_only_codes_mkreport_exits_with():
    documented = set().union(*_exit_rows())
    assert documented - {c.value for c in ExitCode} == SIGNALLED


# ---- the limits ----------------------------------------------------------------------------------
# A limit is a module-level constant named MAX_… or …_SECONDS (and the two below named otherwise);
# each is shown in the README with its value, on a line found by its anchor (a row of the table in
# "输入的限制与安全", or the sentence that explains it). Changing a value without the README fails,
# and so does a new limit: test_every_limit_in_the_code_is_documented finds it by its name.

def _mb(n: int) -> str:
    assert n % (1 << 20) == 0
    return f"{n >> 20} MB"


LIMITS = {    # "module.NAME": (the README line's anchor, how the value is written there)
    "yamlsource.MAX_BYTES": ("| 文件大小 |", _mb),
    "yamlsource.MAX_DEPTH": ("| 嵌套层级 |", lambda v: f"{v} 层"),
    "yamlsource.MAX_NODES": ("| 节点数", lambda v: f"| {v:,} |"),
    "numbers.MAX_DIGITS": ("| 数字位数 |", lambda v: f"{v} 位"),
    "report_template.MAX_TEMPLATE": ("| 模板文件大小 |", _mb),
    "report_template.MAX_UNPACKED": ("| 模板解压后大小 |", lambda v: f"共 {_mb(v)}"),
    "report_template.MAX_XML_PART": ("| 模板解压后大小 |", lambda v: f"每个 XML 部件 {_mb(v)}"),
    "report_template.MAX_PARTS": ("| 模板解压后大小 |", lambda v: f"部件数 {v}"),
    "links.MAX_SHOWN": ("和链接地址（一行", lambda v: f"超过 {v} 处时其余计数"),
    "links.TARGET_WIDTH": ("和链接地址（一行", lambda v: f"最多 {v} 个字符"),
    "limits.TEMPLATE_SECONDS": ("| 模板运行时间 |", lambda v: f"每次生成 {v} 秒"),
    "limits.MEMORY_HEADROOM": ("| 模板占用内存 |", lambda v: f"再加 {v >> 30} GB"),
    "limits.MAX_VALUE": ("| 模板生成的值", lambda v: f"单个值 {v:,} 个字符"),
    "limits.MAX_OUTPUT": ("| 模板生成的值", lambda v: f"每个部件写出 {_mb(v)}"),
    "limits.MAX_POWER_BITS": ("| 模板生成的值", lambda v: f"整数乘方约 {round(v * math.log10(2) / 10000)} 万位"),
    "vocabulary.MAX_PATTERN": ("| 词表中的正则表达式 |", lambda v: f"| {v} 个字符"),
    "lexicon.MAX_SPELLINGS": ("| 词表中的正则表达式 |", lambda v: f"至多 {v} 种写法"),
    "lexicon.MAX_LENGTH": ("| 词表中的正则表达式 |", lambda v: f"每种至多 {v} 个字"),
    "pdf.PDF_SECONDS": ("| PDF 转换时间 |", lambda v: f"| {v} 秒 |"),
    "pdf.MAX_OFFICES": ("LibreOffice 进程生成", lambda v: f"最多 {v} 个"),
    "limits.CHECK_SECONDS": ("| 检查一个文件的时间 |", lambda v: f"| {v} 秒"),
    "findings.MAX_PER_FIELD": ("| 同一问题的条数 |", lambda v: f"每个字段每种问题 {v} 条"),
    "findings.MAX_PER_FILE": ("| 同一问题的条数 |", lambda v: f"每个文件每种 {v} 条"),
    "checker.MAX_PER_TEXT": ("| 同一问题的条数 |", lambda v: f"一段文字至多报出 {v} 个问题"),
    "grammar.MAX_FIGURES": ("| 正文一句中的数 |", lambda v: f"{v} 个"),
    "tokens.MAX_TEXT_FIGURES": ("| 正文一段中的数 |", lambda v: f"{v} 个"),
    "tokens.MAX_TEXT_TOKENS": ("| 正文一段的长度 |", lambda v: f"{v} 个词"),
    "reader.MAX_TEXT_CHARS": ("| 正文一段的长度 |", lambda v: f"{v} 个字符"),
    "importing.MAX_FORM_BYTES": ("| 导入的自评表", lambda v: f"文件 {_mb(v)}"),
    "filledtables.MAX_UNPACKED": ("| 导入的自评表", lambda v: f"解压后 {_mb(v)}"),
    "filledtables.MAX_ROWS": ("| 导入的自评表", lambda v: f"前 {v} 行"),
    "filledtables.MAX_COLUMNS": ("| 导入的自评表", lambda v: f"{v} 列"),
}

# Bounds inside the machinery that a user never meets as a limit of their own, each with the reason.
INTERNAL = {
    "grammar.MAX_DEPTH": "how deep the claim reader follows brackets inside brackets; figures deeper are left "
                         "unread, and `explain` gives the reason, like any figure it leaves unread",
    "links.MAX_PART": "the link scan's bound on one part: the template's own MAX_XML_PART, refused before it",
    "links.MAX_READ": "the link scan's bound on all parts together, above the template's MAX_UNPACKED",
    "reader.MAX_KEPT": "how many prose readings a process keeps between checks (a cache: past it, they are read "
                       "again), not a limit on the input",
}
LIMIT_NAME = re.compile(r"MAX_[A-Z0-9_]+|[A-Z0-9_]+_SECONDS")


def _module_constants() -> dict[str, str]:
    """{"module.NAME": dotted module} for every module-level upper-case name in generator/."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            for t in targets:
                if isinstance(t, ast.Name) and t.id.isupper():
                    key = f"{path.stem}.{t.id}"
                    assert found.get(key, module) == module, f"{key} in two modules: name the limits apart"
                    found[key] = module
    return found


CONSTANTS = _module_constants()


def test_every_limit_in_the_code_is_documented():
    limits = {key for key in CONSTANTS if LIMIT_NAME.fullmatch(key.split(".", 1)[1])}
    assert limits - set(LIMITS) - set(INTERNAL) == set(), \
        "a new limit: show it in the README (输入的限制与安全) and add it to LIMITS, or to INTERNAL with the reason"
    assert set(LIMITS) | set(INTERNAL) <= set(CONSTANTS), "a limit listed here is gone from the code"


@pytest.mark.parametrize("key", sorted(LIMITS))
def test_every_limit_is_shown_with_its_value(key):
    anchor, written = LIMITS[key]
    value = getattr(importlib.import_module(CONSTANTS[key]), key.split(".", 1)[1])
    lines = [line for line in README.splitlines() if anchor in line]
    assert len(lines) == 1, f"README: one line with “{anchor}”"
    assert written(value) in lines[0], f"README: “{anchor}” should say {written(value)!r} ({key} = {value})"
