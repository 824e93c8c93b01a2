"""click in Chinese: its own messages, help pages laid out for Chinese text, usage errors said plainly.

click writes its messages in English through gettext (`_("Missing option")`), none of which a
county office worker reads. Rather than pattern-match its sentences after the fact, every message
click can print is given here in Chinese, keyed by click's own words (CATALOGUE), and handed to
click's modules as their `_`/`ngettext`. Parameters are named as the help page shows them (选项
--year、参数 报告.docx); ranges and choices are types of our own whose messages are Chinese from the
start; and help text is wrapped by display width — a Chinese character takes two columns, a line
never starts with a closing mark, and a line break in the source is not turned into a space in
the middle of a Chinese sentence.
"""
from __future__ import annotations

import importlib
import re
import sys
import unicodedata

import click

# click's msgids (8.1–8.5) → Chinese, with the same {fields}: a field written {name!r} by click is
# written {name} here and put in Chinese quotes, or left bare where it is an option's name.
CATALOGUE = {
    # usage errors
    "No such option {name!r}.": "没有这个选项 {name}。",
    "No such option: {name}": "没有这个选项 {name}。",
    "No such command {name!r}.": "没有这个命令“{name}”。",
    "No such command '{name}'.": "没有这个命令“{name}”。",
    "Did you mean {possibility}?": "是否想用 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "是否想用以下之一：{possibilities}？",
    "Missing command.": "缺少命令（如 check、build）。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Got unexpected extra argument ({args})": "多余的参数：{args}。",
    "Got unexpected extra arguments ({args})": "多余的参数：{args}。",
    "Option {name!r} does not take a value.": "选项 {name} 后面不带值（不要写“={{值}}”）。",
    "Option {name!r} requires an argument.": "选项 {name} 后面需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name} 后面需要 {nargs} 个值。",
    "{name} option requires an argument": "选项 {name} 后面需要一个值。",
    "{name} option requires {nargs} arguments": "选项 {name} 后面需要 {nargs} 个值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项 {option} 的第一个字符无效",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值，只写了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值，写了 {len} 个。",
    "Value must be an iterable.": "应为一组值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "Could not open file {filename!r}: {message}": "无法打开文件“{filename}”：{message}",
    "unknown error": "未知错误",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 `{command} {option}` 查看用法和示例。",
    "Aborted!": "已中止。",
    # values of click's own types (ours say theirs themselves)
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name}“{filename}”不存在。",
    "{name} '{filename}' does not exist.": "{name}“{filename}”不存在。",
    "{name} {filename!r} is a file.": "“{filename}”是一个文件，这里应为{name}。",
    "{name} '{filename}' is a file.": "“{filename}”是一个文件，这里应为{name}。",
    "{name} {filename!r} is a directory.": "“{filename}”是一个文件夹，这里应为{name}。",
    "{name} '{filename}' is a directory.": "“{filename}”是一个文件夹，这里应为{name}。",
    "{name} {filename!r} is not readable.": "{name}“{filename}”没有读权限。",
    "{name} '{filename}' is not readable.": "{name}“{filename}”没有读权限。",
    "{name} {filename!r} is not writable.": "{name}“{filename}”没有写权限。",
    "{name} '{filename}' is not writable.": "{name}“{filename}”没有写权限。",
    "{name} {filename!r} is not executable.": "{name}“{filename}”不能执行。",
    "{name} '{filename}' is not executable.": "{name}“{filename}”不能执行。",
    "{value!r} is not {choice}.": "“{value}”不是可选的值，应为 {choice}。",
    "{value!r} is not one of {choices}.": "“{value}”不是可选的值，可选：{choices}。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "Choice({choices})": "可选：{choices}",
    "{value!r} is not a valid {number_type}.": "“{value}”不是数字。",
    "{value} is not in the range {range}.": "{value} 不在允许的范围（{range}）内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "“{value}”不是是或否，可写：{states}",
    "{value!r} is not a valid UUID.": "“{value}”不是有效的 UUID。",
    "{value!r} does not match the format {format}.": "“{value}”不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "“{value}”不符合以下任一格式：{formats}。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值，写了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值，写了 {len_value} 个。",
    # help pages
    "Usage:": "用法：",
    "Options": "选项",
    "Positional arguments": "参数",
    "Commands": "命令",
    "Show this message and exit.": "显示此帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s %(version)s",
    "required": "必填",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "(dynamic)": "（按情况而定）",
    "deprecated": "已弃用",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": "注意：命令 {name} 已弃用。{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "注意：{param_type} {name} 已弃用。{extra_message}",
    # prompts and the terminal
    "Do you want to continue?": "是否继续？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次以确认",
    "Error: The two entered values do not match.": "错误：两次输入的不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
    "Unknown color {colour!r}": "未知的颜色“{colour}”",
    "{editor}: Editing failed": "{editor}：编辑失败",
    "{editor}: Editing failed: {e}": "{editor}：编辑失败：{e}",
    "Windows error: {error}": "Windows 错误：{error}",
    "Unknown standard stream '{name}'": "未知的标准流“{name}”",
    "Shell completion is not supported for Bash versions older than 4.4.": "Bash 4.4 以前的版本不支持命令补全。",
    "Couldn't detect Bash version, shell completion is not supported.": "无法判断 Bash 的版本，不支持命令补全。",
    # mistakes in declaring a command: a bug of ours, shown as one (entry.py), in Chinese all the same
    "Could not determine name for option with declarations {decls!r}": "无法确定选项 {decls} 的名字",
    "Name '{name}' defined twice": "名字“{name}”定义了两次",
    "Boolean option {decl!r} cannot use the same flag for true/false.": "开关选项 {decl} 的开和关不能用同一个写法。",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": "参数只能有一个名字，写了 {length} 个：{decls}。",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?": "没有定义选项却给了名字（{name}）。",
}

# the click modules that say something through gettext (_winconsole exists on Windows only)
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
            "shell_completion", "_termui_impl") + (("_winconsole",) if sys.platform == "win32" else ())


def zh(message: str) -> str:
    return CATALOGUE.get(message, message)


def nzh(singular: str, plural: str, n: int) -> str:
    return zh(singular if n == 1 else plural)


def install() -> None:
    """Give click's modules the catalogue as their gettext."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:         # a module of another click version
            continue
        # click's own messages go through its modules' gettext names: replaced where a module has them
        if hasattr(module, "_"):
            setattr(module, "_", zh)  # noqa: B010  # a name mypy cannot see on every module
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", nzh)  # noqa: B010


# ---- parameter types whose messages are ours ----

class Whole(click.ParamType):
    """A whole number from `low` to `high`."""

    name = "整数"

    def __init__(self, low: int, high: int):
        self.low, self.high = low, high

    def describe(self) -> str:
        return f"{self.low}–{self.high}"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                self.fail(f"“{value}”不是整数，应为 {self.low} 到 {self.high} 之间的整数。", param, ctx)
        if not self.low <= number <= self.high:
            self.fail(f"{number} 不在 {self.low} 到 {self.high} 之间。", param, ctx)
        return number


class OneOf(click.ParamType):
    """One of a few words (text、json): the same words on the help page, in errors and in completion."""

    name = "选项值"

    def __init__(self, choices):
        self.choices = list(choices)

    def metavar(self) -> str:
        return "[" + "|".join(self.choices) + "]"

    def get_metavar(self, param, ctx=None):
        return self.metavar()

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        self.fail(f"“{value}”不是可选的值，可选：{'、'.join(self.choices)}。", param, ctx)

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem
        return [CompletionItem(c) for c in self.choices if c.startswith(incomplete)]


class Option(click.Option):
    """An option named in errors by all its names: 选项 -j/--jobs."""

    def get_error_hint(self, ctx):
        return "选项 " + "/".join(self.opts)


class Argument(click.Argument):
    """A positional argument with a help text (click before 8.5 has none) and a Chinese name in errors."""

    def __init__(self, param_decls, help: str = "", **attrs):
        super().__init__(param_decls, **attrs)
        self.help = help

    def get_error_hint(self, ctx):
        return f"参数 {metavar(self)}"


def metavar(param: click.Parameter) -> str:
    """What stands for a parameter's value on the help page and in the usage line."""
    if param.metavar:
        shown = param.metavar
    elif isinstance(param.type, OneOf):
        shown = param.type.metavar()
    else:
        shown = "值"
    if isinstance(param, click.Argument):
        if not param.required and not shown.startswith("["):
            shown = f"[{shown}]"
        if param.nargs != 1 and not shown.endswith("..."):
            shown += "..."
    return shown


def help_row(param: click.Parameter) -> tuple[str, str] | None:
    """An option's or argument's line on a help page: its names and value, its help, and what
    click would add in English ([required], [1<=x<=256]) said in Chinese."""
    if getattr(param, "hidden", False):
        return None
    if isinstance(param, click.Argument):
        return metavar(param), getattr(param, "help", "") or ""
    assert isinstance(param, click.Option)
    names = ", ".join(param.opts + param.secondary_opts)
    if not param.is_flag and not getattr(param, "count", False):
        names += " " + metavar(param)
    notes = []
    if isinstance(param.type, Whole):
        notes.append(param.type.describe())
    if param.required:
        notes.append("必填")
    text = param.help or ""
    if notes:                   # inside the sentence: 默认为本机的处理器核数（1–256）。
        stop = "。" if text.endswith("。") else ""
        text = text[:len(text) - len(stop)]
        if text.endswith("）"):     # （已存在时不覆盖，必填）, not （已存在时不覆盖）（必填）
            text = f"{text[:-1]}，{'，'.join(notes)}）{stop}"
        else:
            text = f"{text}（{'，'.join(notes)}）{stop}"
    return names, text


def short_help(command: click.Command, width: int) -> str:
    """A command's line in the list of commands: its first sentence, or what comes before the
    first colon of it when the sentence is too long for the line."""
    text = (command.short_help or command.help or "").strip().split("\n\n")[0]
    text = join_lines(text.splitlines())
    sentence = text.split("。")[0] + ("。" if "。" in text else "")
    if columns(sentence) <= width:
        return sentence
    head = re.split("[：；，（]", sentence)[0]
    if columns(head) <= width:
        return head
    kept = ""
    for token in _tokens(head):             # as much as fits, never part of a word
        if columns(kept + token) > width - 4:
            break
        kept += token
    return kept.rstrip() + "……"


# ---- Chinese text on a terminal ----

# a line does not start with these (they close what came before) nor end with the openers
_NO_START = set("，。、；：？！）》」』】〕］｝”’…—·%％")
_NO_END = set("（《「『【〔［｛“‘")


def wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def columns(text: str) -> int:
    """Display width on a terminal: a Chinese character or full-width mark takes two columns."""
    return sum(2 if wide(ch) else 0 if unicodedata.combining(ch) else 1 for ch in text)


def join_lines(lines: list[str]) -> str:
    """The lines of one paragraph as one line. A line break between two Chinese characters (or next
    to a full-width mark) is no space in Chinese; between Latin words, or a word and a Chinese
    character (运行 mkreport list 查看), it is one."""
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if out and (not wide(out[-1]) and not wide(line[0]) or _mixed(out[-1], line[0])):
            out += " "
        out += line
    return out


def _mixed(before: str, after: str) -> bool:
    """A Latin word meeting a Chinese character (not a full-width mark): a space, as written."""
    def mark(ch: str) -> bool:          # a mark of Chinese text; ASCII ones (- ( .) go with Latin words
        return _chinese(ch) and (unicodedata.category(ch).startswith("P") or ch in "…—")
    return wide(before) != wide(after) and not mark(before) and not mark(after)


def _chinese(ch: str) -> bool:
    """A character a line may break beside: a Chinese one, or a mark of Chinese text."""
    return wide(ch) or ch in "“”‘’…—·"


# a path or a file name, Chinese in it or not (inputs/工信局-2024.yaml, 名称-自评表.xlsx): one unit
_STOPS = "\\s，。、；：？！（）“”《》「」"
_NAME = re.compile(rf"[^{_STOPS}]*(?:/|\\|\.(?:docx|xlsx|yaml|yml|pdf|csv|md|json|txt)\b)[^{_STOPS}]*")


def _tokens(text: str) -> list[str]:
    """Units a line may break between: spaces, and runs of text broken only between two Chinese
    characters — never inside a Latin word, an option, a number or a path, nor between such a run
    and the character it touches."""
    out: list[str] = []
    for piece in re.findall(rf"\s+|{_NAME.pattern}|[!-~]+|.", text):
        if out and not piece.isspace() and not out[-1].isspace() \
                and not (_chinese(out[-1][-1]) and _chinese(piece[0])):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """One paragraph wrapped to `width` display columns (indents included), breaking between
    Chinese characters and at spaces, never inside a Latin word, a path or an option name; a
    closing mark is not left to start a line, an opening one not left to end it."""
    width = max(width, columns(first) + 10, columns(rest) + 10)
    lines: list[str] = []
    line: list[str] = []
    indent = first

    def used() -> int:
        return columns(indent) + columns("".join(line))

    for token in _tokens(text):
        if token.isspace():
            if line:
                line.append(" ")
            continue
        if line and used() + columns(token) > width:
            carry = [token]
            while line and (line[-1].isspace() or line[-1][-1] in _NO_END or carry[0][0] in _NO_START):
                item = line.pop()       # an opener goes down with what it opens, a closer takes its word along
                if not item.isspace():
                    carry.insert(0, item)
            token = carry.pop()
            if line:
                lines.append(indent + "".join(line).rstrip())
                indent, line = rest, carry
            else:                               # nothing could be left on the line: break as it came
                line = carry
        line.append(token)
    if line or not lines:
        lines.append(indent + "".join(line).rstrip())
    return lines


class Formatter(click.HelpFormatter):
    """click's help layout (usage, sections, definition lists) measured in display columns, with
    Chinese headings followed by a full-width colon."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{' ' * self.current_indent}{prefix or '用法：'}{prog}"
        lines = wrap(args, self.width, head + " ", " " * (columns(head) + 1)) if args else [head]
        self.write("\n".join(lines) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        blocks = re.split(r"\n\s*\n", text)
        out = []
        for block in blocks:
            lines = block.splitlines()
            if lines and lines[0].strip() == "\b":          # click's mark: these lines as they are
                out.append("\n".join(indent + line for line in lines[1:]))
            else:
                out.append("\n".join(wrap(join_lines(lines), self.width, indent, indent)))
        self.write("\n\n".join(out) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first = min(max((columns(r[0]) for r in rows), default=0), col_max)
        for term, text in rows:
            start = " " * self.current_indent + term
            if not text:
                self.write(start + "\n")
                continue
            hang = " " * (self.current_indent + first + col_spacing)
            if columns(term) <= first:
                head = start + " " * (first - columns(term) + col_spacing)
                self.write("\n".join(wrap(join_lines(text.splitlines()), self.width, head, hang)) + "\n")
            else:                       # a long option: its help on the next line
                self.write(start + "\n")
                self.write("\n".join(wrap(join_lines(text.splitlines()), self.width, hang, hang)) + "\n")


class Context(click.Context):
    formatter_class = Formatter
