"""Read a YAML file safely into a tree of nodes that remember where they were written.

We compose the tree ourselves from PyYAML's event stream rather than let PyYAML construct
Python objects, because we want: every scalar kept as the text the user typed (so `120.50`
keeps two decimals, `010` is not 8 and `no` is not False — the model decides what a text
means), a `line:col` on every key and value, duplicate keys refused, no tags honoured, and
hard limits on size, nesting depth and alias expansion that hold before any memory is spent.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..core import buffers
from ..core.charset import UTF8, Charset, Undecodable
from ..core.charset import decode as charset_decode
from ..core.errors import InputError

MAX_BYTES = 5 * 1024 * 1024   # a year of one department's facts is ~100 KB
MAX_DEPTH = 40                # the facts model nests about 8 levels
MAX_NODES = 200_000           # after alias expansion; stops "billion laughs"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALLOWED_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map",
                 "tag:yaml.org,2002:seq"}
_NULLS = {"", "~", "null", "Null", "NULL"}


class Node:
    """A YAML node: `kind` is 'map', 'seq' or 'scalar'; line and col are 1-based."""

    __slots__ = ("kind", "line", "col", "value", "keys", "quoted", "inline", "start", "end", "raw")

    def __init__(self, kind: str, line: int, col: int, value: Any = None, keys: dict[str, Node] | None = None,
                 quoted: bool = False, inline: bool = False, start: int = 0, end: int = 0):
        self.kind, self.line, self.col = kind, line, col
        # str | None for scalars, list[Node], dict[str, Node]: Any, as `kind` says which (the type
        # checker cannot follow that), and every reader looks at `kind` first
        self.value = value
        self.keys = {} if keys is None else keys   # map only: key text → key Node
        self.quoted = quoted           # scalar written in quotes (or as a block)
        self.inline = inline           # scalar written on one line, character for character
        self.raw = ""                  # a text over several lines: its source, to find a character in
        self.start, self.end = start, end   # character offsets of the node's text in the file

    def __repr__(self):
        return f"Node({self.kind!r}, {self.line}:{self.col}, {self.value!r})"

    @property
    def is_null(self) -> bool:
        return self.kind == "scalar" and self.value is None


class Source:
    """One YAML file as read: its display name, its root node and the conventions it came in."""

    def __init__(self, file: str, root: Node, charset: Charset = UTF8):
        self.file, self.root, self.charset = file, root, charset


def read_yaml(path: Path | str, display: str | None = None) -> Source:
    from ..core.reading import ReadProblem, read_limited

    path = Path(path)
    name = display or str(path)
    unsaved = buffers.text_of(path)
    if unsaved is not None:         # open in an editor (mkreport lsp): what the user sees, not the disk
        return Source(name, compose(_held(unsaved, name), name), UTF8)
    try:
        if not os.path.lexists(path):
            raise InputError(f"找不到文件 {name}。请检查路径是否正确。", name)
        if os.path.isdir(path):
            raise InputError(f"{name} 是一个文件夹，不是 YAML 文件。", name)
    except (OSError, ValueError):
        pass                     # said below, by the read itself
    try:
        data = read_limited(path, MAX_BYTES, " YAML 文件")
    except ReadProblem as exc:
        text = str(exc)
        if text.startswith("文件过大"):
            text += "。一个部门一年的事实文件通常不足 100 KB，请确认选对了文件"
        raise InputError(text + "。", name) from None
    text, charset = decode(data, name)
    return Source(name, compose(text, name), charset)


def _held(text: str, name: str) -> str:
    """An editor's text under the limits a file has (its size, no NUL)."""
    if len(text) > MAX_BYTES:
        raise InputError(f"文件过大（超过 {MAX_BYTES // 1048576} MB 的上限）。一个部门一年的事实文件通常不足 100 KB，"
                         "请确认选对了文件。", name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError("文件中含有空字符（\\x00），可能是二进制文件或编码错误。", name, line, 1)
    lone = _SURROGATE.search(text)        # an editor may hold what no file's bytes decode to
    if lone:
        at = lone.start()
        raise InputError(f"此处有无法保存的字符 U+{ord(lone.group()):04X}（残缺的 UTF-16 代理项），请删除。", name,
                         text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)
    return text


_SURROGATE = re.compile("[\ud800-\udfff]")


def decode(data: bytes, name: str) -> tuple[str, Charset]:
    """The file's text and the conventions it came in (charset.py: UTF-8 with or without BOM,
    UTF-16, GBK/GB18030); bytes that are none of them, or a NUL, are refused at their place."""
    try:
        text, charset = charset_decode(data)
    except Undecodable as exc:
        raise InputError(exc.message, name, exc.line, exc.col) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError("文件中含有空字符（\\x00），可能是二进制文件或编码错误。", name, line, 1)
    return text, charset


# PyYAML's problems, in the words a department's staff will understand.
_PROBLEMS = [
    ("found character '\\t' that cannot start any token",
     "此处有制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格。"),
    ("found a tab character", "此处有制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格。"),
    ("mapping values are not allowed",
     "此处不应出现冒号“:”。若值本身含有“: ”，请给整个值加引号；也可能是上一行缩进有误。"),
    ("could not find expected ':'", "缺少冒号“:”，或者缩进不对齐。"),
    ("did not find expected key", "缩进不对齐，或者上一行的值没有写完（如引号未闭合）。"),
    ("did not find expected '-' indicator", "列表项缩进不对齐。"),
    ("found unexpected end of stream", "文件在此意外结束：可能有未闭合的引号或括号。"),
    ("did not find expected node content", "此处缺少值：列表或映射没有写完，或括号未闭合。"),
    ("did not find expected ',' or ']'", "方括号列表 [ … ] 未闭合，或元素之间缺少逗号。"),
    ("did not find expected ',' or '}'", "花括号 { … } 未闭合，或元素之间缺少逗号。"),
    ("found unacceptable character", "此处有不可见的控制字符（常见于从 Word 复制的文字），请删除。"),
    ("special characters are not allowed", "此处有不可见的控制字符（常见于从 Word 复制的文字），请删除。"),
    ("found undefined alias", "引用了未定义的锚点（*别名）。"),
    ("found character that cannot start any token",
     "此处的字符不能作为值的开头（如 @、`、%）。请给整个值加引号。"),
    ("expected <block end>, but found", "缩进不对齐：此行与上文的层级不一致。"),
    ("expected a single document", "文件中只能有一个 YAML 文档（请删除多余的 ---）。"),
]


def _yaml_message(exc: yaml.YAMLError, text: str, name: str) -> InputError:
    if isinstance(exc, yaml.reader.ReaderError):
        pos = exc.position
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        return InputError(f"此处有不可见的控制字符 U+{exc.character:04X}（常见于从 Word 复制的文字），"
                          "请删除。", name, line, col)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or exc)
    message = next((zh for en, zh in _PROBLEMS if en in problem), None)
    if mark is not None and mark.index < len(text) and text[mark.index] == "\t":
        message = _PROBLEMS[0][1]
    if message is None:
        message = f"YAML 语法错误（{problem}）。"
    if mark is not None:
        return InputError(message, name, mark.line + 1, mark.column + 1)
    return InputError(message, name)


def compose(text: str, name: str) -> Node:
    """Build the node tree from the event stream, iteratively (no recursion to exhaust)."""
    return _Composer(text, name).run()


class _Composer:
    """One file's events made into nodes: positions kept, tags refused, aliases and depth bounded."""

    def __init__(self, text: str, name: str):
        self.text, self.name = text, name
        self.root: Node | None = None
        self.stack: list[tuple[Node, list]] = []   # (container, [pending key node] for maps)
        self.anchors: dict[str, Node] = {}
        self.expanded = 0

    def run(self) -> Node:
        loader = _Loader(self.text)
        try:
            while True:
                try:
                    event = loader.get_event()
                except yaml.YAMLError as exc:
                    raise _yaml_message(exc, self.text, self.name) from None
                if event is None or isinstance(event, yaml.StreamEndEvent):
                    break
                self.event(event)
        finally:
            loader.dispose()
        if self.root is None:
            raise InputError("文件是空的。请参照 inputs/ 下的示例填写。", self.name, 1, 1)
        return self.root

    def event(self, event) -> None:
        if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, yaml.DocumentStartEvent):
            if self.root is not None:
                assert event.start_mark is not None      # the parser marks every event (the stubs allow None)
                raise InputError("文件中只能有一个 YAML 文档（请删除多余的 ---）。",
                                 self.name, event.start_mark.line + 1, 1)
            return
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            assert event.end_mark is not None
            self.stack.pop()[0].end = event.end_mark.index
            return
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        tag = getattr(event, "tag", None)
        if tag not in _ALLOWED_TAGS:
            raise InputError(f"不允许使用 YAML 标签 {tag}：事实文件只含文字、数字、列表和映射。",
                             self.name, line, col)
        node = self.node(event, line, col)
        if node is not None:
            self.place(node, event, line, col)

    def node(self, event, line: int, col: int) -> Node | None:
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            return self.alias(event, line, col)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, line, col)
        if isinstance(event, yaml.MappingStartEvent):
            return Node("map", line, col, {}, start=mark.index)
        if isinstance(event, yaml.SequenceStartEvent):
            return Node("seq", line, col, [], start=mark.index)
        return None  # pragma: no cover - PyYAML has no other events

    def alias(self, event, line: int, col: int) -> Node:
        node = self.anchors.get(event.anchor)
        if node is None:
            raise InputError(f"引用了未定义的锚点 *{event.anchor}。", self.name, line, col)
        self.expanded += _size(node, MAX_NODES - self.expanded)
        if self.expanded > MAX_NODES:
            raise InputError(f"别名（*引用）展开后超过 {MAX_NODES} 个节点的上限，"
                             "文件可能是恶意构造的。", self.name, line, col)
        return node

    def scalar(self, event, line: int, col: int) -> Node:
        mark = event.start_mark
        plain = event.style in (None, "")
        value = None if plain and event.value in _NULLS else event.value
        node = Node("scalar", line, col, value, quoted=not plain, start=mark.index, end=event.end_mark.index)
        # the text's characters sit at known columns only on one line and without escapes
        raw = self.text[mark.index:event.end_mark.index]
        node.inline = (event.end_mark.line == mark.line and event.style in (None, "", "'", '"')
                       and "\\" not in raw and "''" not in raw)
        if not node.inline and event.end_mark.line != mark.line:
            node.raw = raw
        return node

    def place(self, node: Node, event, line: int, col: int) -> None:
        """Count the node, remember its anchor, hang it on its parent, and open it if a container."""
        self.expanded += 1
        if self.expanded > MAX_NODES:
            raise InputError(f"文件节点数超过 {MAX_NODES} 的上限。", self.name, line, col)
        alias = isinstance(event, yaml.AliasEvent)
        anchor = getattr(event, "anchor", None)
        if anchor and not alias:
            self.anchors[anchor] = node
        _attach(node, self.stack, self.name)
        if self.root is None:
            self.root = node
        if node.kind in ("map", "seq") and not alias:
            if len(self.stack) >= MAX_DEPTH:
                raise InputError(f"嵌套层级超过 {MAX_DEPTH} 层的上限。", self.name, line, col)
            self.stack.append((node, []))


def _attach(node: Node, stack: list, name: str) -> None:
    if not stack:
        return
    parent, pending = stack[-1]
    if parent.kind == "seq":
        parent.value.append(node)
        return
    if not pending:   # this node is a key
        if node.kind != "scalar" or node.value is None:
            raise InputError("映射的键必须是简单文字。", name, node.line, node.col)
        key = node.value
        if key in parent.value:
            first = parent.keys[key]
            raise InputError(f"键“{key}”重复出现（第一次在第 {first.line} 行）。"
                             "同一层级的键不能重复，请删除或合并其中一个。", name, node.line, node.col)
        pending.append(node)
        return
    key_node = pending.pop()
    parent.value[key_node.value] = node
    parent.keys[key_node.value] = key_node


def _size(node: Node, budget: int) -> int:
    """Nodes in a subtree, counting shared subtrees each time (what expansion would cost)."""
    count, todo = 0, [node]
    while todo and count <= budget:
        n = todo.pop()
        count += 1
        if n.kind == "seq":
            todo.extend(n.value)
        elif n.kind == "map":
            todo.extend(n.value.values())
    return count
