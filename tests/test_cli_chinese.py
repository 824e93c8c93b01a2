"""The command line in Chinese throughout: every help page and every usage error, with click's own
words (Usage:, Missing option, [required], DIR, Try 'mkreport -h') translated; help text wrapped
without spaces pushed into Chinese sentences; -q and -v; shell completion; and verify's paragraph
numbers as `mkreport text -n` shows them."""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from paths import ROOT

from generator.cli import main
from generator.commands.clickzh import columns, join_lines, wrap
from generator.core.codes import CODES
from generator.model.facts import Report
from generator.model.rubric import RubricModel

COMMANDS = sorted(main.commands)


def _field_names(model, seen=None) -> set[str]:
    """Every field name of a model and the models under it (rubric:, template:, scores …)."""
    from generator.model.schema import ListOf, MapOf, ModelKind
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.fields)
    for field in model.fields.values():
        kind = field.kind
        while isinstance(kind, ListOf | MapOf):
            kind = kind.item
        if isinstance(kind, ModelKind):
            names |= _field_names(kind.model, seen)
    return names


# What may be written in Latin letters in a Chinese help page or message: the names of options and
# commands, the values an option takes, paths and file names, finding codes, the names of products
# and formats, and the YAML fields a user writes. Anything else is English left over.
PRODUCTS = {"mkreport", "git", "Word", "WPS", "Excel", "LibreOffice", "VS", "Code", "Schema", "Markdown", "Python",
            "Notepad", "pip", "pipx", "diff", "textconv", "quotepath", "off", "core", "docx", "pdf", "xlsx", "csv",
            "md", "json", "text", "yaml", "none", "inputs", "outputs"}
ACRONYMS = {"PDF", "JSON", "YAML", "CSV", "UTF", "GBK", "BOM", "CRLF", "LF", "OOXML", "ID", "GB", "T", "LSP"}
FIELDS = _field_names(Report) | _field_names(RubricModel) | {"kind", "rate", "judgement"}
FORBIDDEN = {"Usage", "Options", "Commands", "Error", "Try", "Missing", "Invalid", "Show", "message", "exit",
             "required", "default", "DIR", "FILE", "PATH", "TEXT", "INTEGER", "RANGE", "NAME", "N", "OPTIONS",
             "COMMAND", "ARGS", "DIRECTORY", "BOOLEAN", "FLOAT", "CHOICE", "Aborted", "option", "argument",
             "command", "value", "for", "help", "the", "is", "not", "one", "of", "does", "exist", "such", "No"}


def english(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """The Latin words in `text` that are none of the things a Chinese page may name in Latin."""
    out = []
    for m in re.finditer(r"(?<![\w.\-/])[A-Za-z][\w.\-/*:]*", text):
        token = m.group().rstrip(".:")
        bare = token.split(":")[0]
        if token in FORBIDDEN or bare in FORBIDDEN:
            out.append(token)
        elif (token.startswith("-") or "/" in token or "." in token or "*" in token or re.search(r"\d", token)
              or bare in COMMANDS or bare in PRODUCTS or bare in FIELDS or bare in allowed
              or bare in CODES or bare in ACRONYMS):
            continue
        else:
            out.append(token)
    return out


def invoke(*args: str, columns_: int = 80):
    """The command run in this process, its help laid out for a terminal `columns_` wide."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False, terminal_width=columns_)


def choices(command) -> set[str]:
    from generator.commands.clickzh import OneOf
    return {c for p in command.params if isinstance(p.type, OneOf) for c in p.type.choices}


@pytest.mark.parametrize("name", [None, *COMMANDS])
@pytest.mark.parametrize("width", [50, 80, 120])
def test_every_help_page_is_chinese(name, width):
    command = main if name is None else main.commands[name]
    result = invoke(*([name] if name else []), "--help", columns_=width)
    assert result.exit_code == 0
    page = result.output
    assert page.startswith(f"用法：mkreport{' ' + name if name else ''} [选项]")
    assert "选项：" in page and "-h, --help  " in page.replace("-h, --help ", "-h, --help  ") and "显示此帮助并退出。" in page
    assert english(page, choices(command)) == [], page
    for line in page.splitlines():           # within the width, but for examples and one unbreakable word
        if columns(line) > width and not line.lstrip().startswith("mkreport ") and " " in line.strip():
            assert columns(re.sub(r"\S+$", "", line)) <= width, line


def test_arguments_are_listed_with_what_they_are():
    page = invoke("verify", "--help").output
    assert "参数：\n  报告.docx      在 Word 中改过的报告（.docx）。\n  事实文件.yaml  生成这份报告所用的事实文件。" in page
    assert "-j, --jobs 个数" in invoke("check", "--help").output
    assert "（2000–2099，必填）" in invoke("rollover", "--help").output   # not [2000<=x<=2099; required]


MISTAKES = [   # (command line, what it must say, the help to point to)
    (["--nope"], "没有这个选项 --nope。", "mkreport"),
    (["chek"], "没有这个命令“chek”。是否想用 check", "mkreport"),
    ([], None, None),
    (["-q"], "缺少命令", "mkreport"),
    (["check"], "缺少参数 事实文件...：一个或多个事实文件（.yaml）", "mkreport check"),
    (["check", "--stric", "a.yaml"], "没有这个选项 --stric。是否想用 --strict？", "mkreport check"),
    (["check", "--format", "xml", "a.yaml"], "选项 --format 的值无效：“xml”不是可选的值，可选：text、json。", "mkreport check"),
    (["check", "-j", "0", "a.yaml"], "选项 -j/--jobs 的值无效：0 不在 1 到 256 之间。", "mkreport check"),
    (["check", "-j", "abc", "a.yaml"], "“abc”不是整数，应为 1 到 256 之间的整数。", "mkreport check"),
    (["check", "--jobs"], "选项 --jobs 后面需要一个值。", "mkreport check"),
    (["check", "--strict=1", "a.yaml"], "选项 --strict 后面不带值", "mkreport check"),
    (["build", "--to", "odt", "a.yaml"], "“odt”不是可选的值，可选：docx、pdf、xlsx。", "mkreport build"),
    (["build", "-o"], "选项 -o 后面需要一个值。", "mkreport build"),
    (["new"], "缺少必填的选项 -o/--output 文件：要生成的事实文件", "mkreport new"),
    (["new", "-o", "a.yaml"], "缺少必填的选项 --rubric 名字：评分体系的名字或路径", "mkreport new"),
    (["new", "--rubric", "x"], "缺少必填的选项 -o/--output 文件：要生成的事实文件", "mkreport new"),
    (["new", "--rubric", "x", "-o", "a.yaml", "--year", "1999"], "1999 不在 2000 到 2099 之间。", "mkreport new"),
    (["new", "--rubric", "x", "-o", "/"], "选项 -o/--output 的值无效：“/”是一个文件夹，这里应为文件。", "mkreport new"),
    (["rollover", "a.yaml"], "缺少必填的选项 --year 年度：新的报告年度", "mkreport rollover"),
    (["verify", "a.docx"], "缺少参数 事实文件.yaml：生成这份报告所用的事实文件。", "mkreport verify"),
    (["text", "/"], "参数 报告.docx 的值无效：“/”是一个文件夹，这里应为文件。", "mkreport text"),
    (["text", "a.docx", "b.docx"], "多余的参数：b.docx。", "mkreport text"),
    (["explain", "a.yaml"], "缺少参数 要解释的：指标编号", "mkreport explain"),
    (["schema", "-o", "/"], "“/”是一个文件夹，这里应为文件。", "mkreport schema"),
    (["list", "a", "b"], "多余的参数：b。", "mkreport list"),
    (["summary", "--format", "pdf", "a.yaml"], "“pdf”不是可选的值，可选：xlsx、csv、md。", "mkreport summary"),
]


@pytest.mark.parametrize("args,words,where", MISTAKES)
def test_a_mistake_on_the_command_line_is_said_in_chinese(args, words, where, tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "COLUMNS": "80"}, timeout=60)
    if words is None:                        # bare `mkreport`: its help page
        assert done.returncode == 0 and done.stdout.startswith("用法：mkreport [选项] 命令 [参数]...")
        return
    assert done.returncode == 2 and done.stdout == ""
    first, second = done.stderr.splitlines()
    assert first.startswith("用法错误：") and words in first, done.stderr
    assert second == f"运行 `{where} --help` 查看用法和示例。"
    assert english(done.stderr, set(args)) == [], done.stderr      # what the user typed may be quoted


def test_init_on_a_file_says_so_in_chinese(tmp_path):
    (tmp_path / "f").write_text("", encoding="utf-8")
    result = invoke("init", str(tmp_path / "f"))
    assert result.exit_code == 2 and f"参数 [文件夹] 的值无效：“{tmp_path / 'f'}”是一个文件，这里应为文件夹。" in result.output


def test_every_click_message_has_a_chinese_entry():
    """click's msgids, read from its own source: a click release with a new message fails here
    before a user sees it in English."""
    import ast
    import pathlib

    import click

    from generator.commands.clickzh import CATALOGUE
    missing = []
    for path in pathlib.Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                for arg in node.args[:2]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and len(arg.value) > 1 \
                            and arg.value not in CATALOGUE:
                        missing.append((path.name, arg.value))
    assert missing == []


# ---- wrapping Chinese ----

def test_a_line_break_in_a_chinese_sentence_is_no_space():
    assert join_lines(["退出码：0 无错误；1 发现错误", "（加 --strict 时警告也算）；2 参数错误"]) == \
        "退出码：0 无错误；1 发现错误（加 --strict 时警告也算）；2 参数错误"
    assert join_lines(["文件先", "写到临时文件"]) == "文件先写到临时文件"
    assert join_lines(["运行 mkreport check", "会逐项列出"]) == "运行 mkreport check 会逐项列出"
    assert join_lines(["see the", "rest"]) == "see the rest"


@pytest.mark.parametrize("width", [20, 27, 33, 40, 61])
def test_wrapping_keeps_sentences_whole_and_marks_in_place(width):
    text = ("每个文件先运行与 check 相同的校验：有错误的文件不生成报告，列出错误，其余文件照常生成；加 --strict 时"
            "有警告的文件也不生成（如 inputs/工信局-2024.yaml）。“待填写”处填本年数据，【上年】文字改写。")
    lines = wrap(text, width, "  ", "  ")
    assert join_lines(lines) == text                      # nothing added, nothing lost
    for line in lines:
        assert columns(line) <= width or " " not in line.strip(), line
        assert line.strip()[0] not in "，。、；：）”】", line  # no line starts with a closing mark
        assert line.rstrip()[-1] not in "（“【", line          # nor ends with an opening one
    assert any("inputs/工信局-2024.yaml" in line for line in lines)   # a path is never cut
    assert all("--stri" not in line or "--strict" in line for line in lines)


def test_no_help_page_has_a_space_the_source_does_not():
    """click's wrapper joined the lines of a paragraph with spaces: 发现错误 （加 --strict, 文件先 写到."""
    between = r"[\u3000-\u9fff\uff00-\uffef] [\u3000-\u9fff\uff00-\uffef]"
    sources = "\n".join(filter(None, [main.help] + [c.help for c in main.commands.values()]
                                + [getattr(p, "help", "") for c in main.commands.values() for p in c.params]))
    written = set(re.findall(between, sources))         # 如 阳西县…: a space the author wrote
    assert len(written) <= 2
    for name in COMMANDS:
        for width in (40, 56, 72, 100):
            page = invoke(name, "--help", columns_=width).output
            assert set(re.findall(between, page)) <= written, (name, width, page)


# ---- -q and -v ----

def test_quiet_says_only_findings_and_errors(tmp_path):
    clean = invoke("-q", "check", str(ROOT / "inputs" / "yangxi-2023.yaml"))
    assert clean.exit_code == 0 and clean.output == ""
    said = invoke("check", str(ROOT / "inputs" / "yangxi-2023.yaml"))
    assert "检查通过" in said.output
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
                   .replace("    retired: 24\n", "    retired: 24.5\n"), encoding="utf-8")
    quiet = invoke("check", "-q", str(bad))                  # after the command as before it
    assert quiet.exit_code == 1 and "错误 [SCHEMA]" in quiet.output and "共发现" not in quiet.output
    built = invoke("-q", "build", str(ROOT / "inputs" / "hunan-example-2023.yaml"), "-o", str(tmp_path))
    assert built.exit_code == 0 and built.output == "" and (tmp_path / "hunan-example-2023.docx").is_file()
    assert "已生成" in invoke("build", str(ROOT / "inputs" / "hunan-example-2023.yaml"), "-o", str(tmp_path)).output


def test_verbose_says_each_step(tmp_path):
    result = invoke("-v", "build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(tmp_path))
    steps = [line[2:] for line in result.output.splitlines() if line.startswith("· ")]
    assert steps[0].startswith("检查并生成 1 个文件。格式：docx；写入")
    assert re.match(r"已检查 .*yangxi-2023\.yaml（评分体系 .*yangxi-2023\.yaml，模板 .*yangxi\.docx）："
                    r"0 个错误、0 个警告，用时 [0-9.]+ 秒。", steps[1]), steps
    assert "已生成" in result.output
    new = invoke("new", "-v", "--rubric", "hunan-2023", "-o", str(tmp_path / "n.yaml"), "--year", "2024")
    steps = [line[2:] for line in new.output.splitlines() if line.startswith("· ")]
    assert steps[0].startswith("评分体系“hunan-2023”：") and any(s.startswith("模板：") for s in steps)
    assert steps[-1].startswith(f"写入 {tmp_path / 'n.yaml'}（不列出 ")
    assert not any(line.startswith("· ") for line in invoke("check", str(ROOT / "inputs" / "yangxi-2023.yaml")).output.splitlines())


# ---- completion ----

def complete(words: str, cword: int) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "generator"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "_MKREPORT_COMPLETE": "bash_complete", "COMP_WORDS": words,
                               "COMP_CWORD": str(cword)})
    return done.stdout.splitlines()


def test_shell_completion_offers_commands_options_and_values():
    assert complete("mkreport ch", 1) == ["plain,check"]
    assert complete("mkreport check --format ", 3) == ["plain,text", "plain,json"]
    assert "plain,--strict" in complete("mkreport check --", 2)
    script = subprocess.run([sys.executable, "-m", "generator"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "_MKREPORT_COMPLETE": "bash_source"}).stdout
    assert "_mkreport_completion()" in script and "complete -o nosort -F _mkreport_completion mkreport" in script
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_MKREPORT_COMPLETE=bash_source mkreport" in readme and "_MKREPORT_COMPLETE=zsh_source mkreport" in readme


# ---- verify's places, as `mkreport text -n` shows them ----

def test_verify_names_the_paragraph_and_cell_text_n_shows(built, tmp_path):
    """Edited as a department does: a figure changed after the template's own empty paragraphs, a
    cell changed, and a blank line added at the top with Enter. verify's 第 N 段 is the line
    `mkreport text -n` shows as 第 N 段 — and the N-th paragraph line of plain `mkreport text`."""
    from docx import Document

    doc = Document(str(built / "yangxi-2023.docx"))
    empty_before = 0
    for paragraph in doc.paragraphs:
        if "2023年政府采购执行率为64.94%" in paragraph.text:
            break
        empty_before += not paragraph.text.strip()
    assert empty_before >= 2                  # the template's spacing paragraphs come before it
    text = paragraph.text.replace("64.94%", "46.94%", 1)
    for run in paragraph.runs[1:]:
        run.text = ""
    paragraph.runs[0].text = text
    doc.paragraphs[1].insert_paragraph_before("")
    doc.tables[0].rows[2].cells[1].paragraphs[0].runs[0].text = "653.70"
    edited = tmp_path / "改过.docx"
    doc.save(str(edited))
    found = invoke("verify", str(edited), str(ROOT / "inputs" / "yangxi-2023.yaml")).output
    para = int(re.search(r"\[VERIFY-FIGURE\] 第 (\d+) 段：数字与事实文件不符（64.94 → 46.94）", found).group(1))
    table, row, col = map(int, re.search(r"\[VERIFY-FIGURE\] 第 (\d+) 张表第 (\d+) 行第 (\d+) 列", found).groups())
    shown = invoke("text", "-n", str(edited)).output.splitlines()
    line = next(line for line in shown if line.startswith(f"第 {para} 段："))
    assert "2023年政府采购执行率为46.94%" in line
    row_line = next(line for line in shown if line.startswith(f"第 {table} 张表第 {row} 行："))
    assert row_line.split("：", 1)[1].strip("| ").split(" | ")[col - 1] == "653.70"
    # the same lines as without -n, in the same order: -n only says where each one is
    plain = invoke("text", str(edited)).output.splitlines()
    assert [re.sub(r"^第 \d+ (段|张表第 \d+ 行)：", "", s) for s in shown] == plain
    # and counting by hand gives the same: the N-th line of text that is a paragraph
    paragraphs = [s for s in plain if s and not s.startswith("| ")]
    assert "2023年政府采购执行率为46.94%" in paragraphs[para - 1]
    # Word's own count (every paragraph, empty ones too) is another number: not the one said
    assert para < next(i for i, p in enumerate(Document(str(edited)).paragraphs, 1) if "46.94%" in p.text)
