"""A template's Jinja code against the contract: every name, attribute and filter it uses.

Each expression is typed by contract.py as the tree is walked (a loop variable is an item of the
list it walks, `{% set i = finance.income %}` names that object), so a misspelt name, an attribute
an object does not have, a filter given the wrong kind of value or a whole object written into the
report is a finding of `mkreport check`, with the paragraph it is in, before anything is built.
"""
from __future__ import annotations

import json
import re

from . import contract
from .contract import CONTEXT, T
from .report_template import Issue, snippet

UNKNOWN = T("unknown")
LOOP = T("object", "循环变量", {n: T("int") for n in ("index", "index0", "revindex", "revindex0", "length", "depth",
                                                    "depth0")}
         | {n: T("bool") for n in ("first", "last")} | {"cycle": UNKNOWN, "changed": UNKNOWN,
                                                        "previtem": UNKNOWN, "nextitem": UNKNOWN},
         name="loop")
_JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none",
                  "True", "False", "None"}
# Jinja's own filters that keep (or pick from) the list they are given
_KEEP = {"list", "sort", "unique", "reverse", "batch", "slice", "select", "reject", "selectattr", "rejectattr"}


class Analyser:
    """Walks a template's Jinja tree, typing each expression by the contract."""

    def __init__(self, env, part: str, source: str):
        self.env, self.part, self.source = env, part, source
        self.scopes: list[dict] = [{}]
        self.issues: list[Issue] = []

    def issue(self, code: str, node, message: str) -> None:
        self.issues.append(Issue(code, message, self.part, snippet(self.source, getattr(node, "lineno", None))))

    # statements
    def visit(self, node) -> None:
        from jinja2 import nodes
        if isinstance(node, nodes.For):
            item = self.expr(node.iter)
            item = item.item if item.kind == "list" and item.item is not None else UNKNOWN
            self.scopes.append({"loop": LOOP})
            self.bind(node.target, item)
            if node.test is not None:
                self.expr(node.test)
            for n in node.body:
                self.visit(n)
            self.scopes.pop()
            for n in node.else_:
                self.visit(n)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.expr(node.node))
        elif isinstance(node, nodes.Output):
            for n in node.nodes:
                if isinstance(n, nodes.TemplateData):
                    continue
                t = self.expr(n)
                if t.kind in ("list", "object"):
                    self.issue("TEMPLATE-OUTPUT", n, f"{_show(n)} 是{'列表' if t.kind == 'list' else '对象'}，"
                               "不能直接写进报告：请写出它的某一项（如 .name），或用 {% for %} 逐项列出。")
        elif isinstance(node, (nodes.Macro, nodes.CallBlock)):
            self.scopes.append({a.name: UNKNOWN for a in getattr(node, "args", [])} | {"caller": UNKNOWN,
                                                                                      "varargs": UNKNOWN,
                                                                                      "kwargs": UNKNOWN})
            if isinstance(node, nodes.Macro):
                self.scopes[-2][node.name] = UNKNOWN
            else:
                self.expr(node.call)
            for n in node.body:
                self.visit(n)
            self.scopes.pop()
        elif isinstance(node, nodes.With):
            self.scopes.append({})
            for target, value in zip(node.targets, node.values):
                self.bind(target, self.expr(value))
            for n in node.body:
                self.visit(n)
            self.scopes.pop()
        elif isinstance(node, nodes.AssignBlock):
            self.bind(node.target, T("text"))
            for n in node.body:
                self.visit(n)
        elif isinstance(node, nodes.Expr):
            self.expr(node)
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self.expr(child)
                else:
                    self.visit(child)

    def bind(self, target, t: T) -> None:
        from jinja2 import nodes
        if isinstance(target, nodes.Name):
            self.scopes[-1][target.name] = t
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, UNKNOWN)
        elif isinstance(target, nodes.NSRef):
            pass

    def lookup(self, name: str):
        for scope in reversed(self.scopes):
            if name in scope:
                return scope[name]
        if name in CONTEXT.fields:
            return CONTEXT.fields[name]
        return None

    # expressions
    def expr(self, node) -> T:
        from jinja2 import nodes
        if isinstance(node, nodes.Name):
            t = self.lookup(node.name)
            if t is None:
                if node.name in _JINJA_GLOBALS:
                    return UNKNOWN
                self.issue("TEMPLATE-NAME", node, f"模板用到了不存在的名字“{node.name}”。"
                           + _near(node.name, CONTEXT.fields) + "可用的名字见 mkreport schema --template。")
                return UNKNOWN
            return t
        if isinstance(node, nodes.Getattr):
            return self.attribute(node, self.expr(node.node), node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.expr(node.node)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.attribute(node, base, node.arg.value)
            self.expr(node.arg)
            if base.kind == "list" and base.item is not None and not isinstance(node.arg, nodes.Slice):
                return base.item
            return base if base.kind == "list" else UNKNOWN
        if isinstance(node, nodes.Filter):
            return self.filter(node)
        if isinstance(node, nodes.Test):
            self.expr(node.node)
            self.args(node)
            return T("bool")
        if isinstance(node, nodes.Const):
            return T("text") if isinstance(node.value, str) else UNKNOWN
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.expr(child)
            elif isinstance(child, nodes.Keyword):
                self.expr(child.value)
            elif isinstance(child, nodes.Pair):
                self.expr(child.key)
                self.expr(child.value)
        if isinstance(node, (nodes.Compare, nodes.Not, nodes.And, nodes.Or)):
            return T("bool")
        if isinstance(node, nodes.Concat):
            return T("text")
        return UNKNOWN

    def attribute(self, node, base: T, attr: str) -> T:
        if base.kind == "object":
            if attr in base.fields:
                return base.fields[attr]
            what = f"{_show(node.node)}（{base.zh}）" if base.zh else _show(node.node)
            self.issue("TEMPLATE-NAME", node, f"{what} 没有“{attr}”。" + _near(attr, base.fields)
                       + "可用：" + "、".join(base.fields) + "。")
            return UNKNOWN
        if base.kind in ("text", "number", "int", "date", "bool", "quantity", "list"):
            self.issue("TEMPLATE-NAME", node, f"{_show(node.node)} 是{contract.describe(base)}，没有“{attr}”。")
        return UNKNOWN

    def args(self, node) -> list[T]:
        out = [self.expr(a) for a in node.args]
        for kw in node.kwargs:
            self.expr(kw.value)
        if node.dyn_args is not None:
            self.expr(node.dyn_args)
        if node.dyn_kwargs is not None:
            self.expr(node.dyn_kwargs)
        return out

    def filter(self, node) -> T:
        from .phrases import FILTER_DOCS
        base = self.expr(node.node) if node.node is not None else UNKNOWN
        self.args(node)
        name = node.name
        if name not in self.env.filters:
            self.issue("TEMPLATE-FILTER", node, f"模板用到了不存在的过滤器“{name}”。" + _near(name, FILTER_DOCS))
            return UNKNOWN
        if name in FILTER_DOCS:
            accepts = FILTER_DOCS[name][0]
            kind = "number" if base.kind == "int" and "number" in accepts else base.kind
            if base.kind == "object" and base.name in accepts:     # a filter made for one shape (Verdict)
                kind = base.name
            if base is not UNKNOWN and kind not in accepts and not (kind == "int" and "number" in accepts):
                self.issue("TEMPLATE-FILTER", node, f"过滤器 {name} 用于{_kinds(accepts)}，这里给它的 {_show(node.node)} "
                           f"是{contract.describe(base)}。")
            return base if name == "required" else T("text")
        if name == "length" or name == "count":
            return T("int")
        if name in _KEEP:
            return base if base.kind == "list" else UNKNOWN
        if name in ("first", "last", "random"):
            return base.item if base.kind == "list" and base.item is not None else UNKNOWN
        if name == "map":
            attr = next((kw.value.value for kw in node.kwargs if kw.key == "attribute"
                         and hasattr(kw.value, "value") and isinstance(kw.value.value, str)), None)
            if attr is not None and base.kind == "list" and base.item is not None:
                return T("list", item=self.attribute(node, base.item, attr.split(".")[0]))
            return T("list", item=UNKNOWN)
        if name in ("join", "string", "e", "escape", "upper", "lower", "title", "trim", "replace", "format",
                    "safe", "striptags", "truncate", "wordwrap", "center", "indent", "capitalize", "urlize"):
            return T("text")
        if name in ("default", "d"):
            return base
        return UNKNOWN


def _show(node) -> str:
    from jinja2 import nodes
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_show(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_show(node.node)}[{node.arg.value!r}]"
    if isinstance(node, nodes.Filter):
        return f"{_show(node.node)}|{node.name}"
    return "这个值"


def _near(name: str, options) -> str:
    import difflib
    match = difflib.get_close_matches(name, list(options), n=1)
    return f"是否想写“{match[0]}”？" if match else ""


def _kinds(kinds) -> str:
    return "、".join(contract._KIND_ZH[k] for k in kinds)


_analysed: dict[str, list[Issue]] = {}


def analyse(parts: list[tuple[str, str]]) -> list[Issue]:
    """Every problem of a template against the contract (syntax, names, filters, printed objects).
    Parsing a large template costs more than the rest of a check, so the result is kept, in
    memory and on disk, keyed by the template's sources and by the contract itself."""
    from ..core import cache
    from .contract import reference

    name = cache.key(reference(), *(p for part in parts for p in part)) + ".issues.json"
    return cache.kept(name, lambda: _analyse(parts),
                      lambda issues: json.dumps([i.__dict__ for i in issues], ensure_ascii=False).encode("utf-8"),
                      lambda data: [Issue(**i) for i in json.loads(data.decode("utf-8"))], _analysed)


def _analyse(parts: list[tuple[str, str]]) -> list[Issue]:
    from jinja2 import TemplateSyntaxError

    from .environment import environment
    env = environment()
    issues: list[Issue] = []
    for part, source in parts:
        try:
            tree = env.parse(source)
        except TemplateSyntaxError as exc:
            issues.append(Issue("TEMPLATE-SYNTAX", f"模板标签写法有误：{_syntax_zh(exc)}", part,
                                snippet(source, exc.lineno)))
            continue
        except RecursionError:
            issues.append(Issue("TEMPLATE-SYNTAX", "模板标签嵌套过深，无法解析。", part))
            continue
        walker = Analyser(env, part, source)
        try:
            walker.visit(tree)
        except RecursionError:
            walker.issues.append(Issue("TEMPLATE-SYNTAX", "模板标签嵌套过深，无法解析。", part))
        issues += walker.issues
    return issues


_SYNTAX = [
    (re.compile(r"unexpected end of template.*'(end\w+)'"), lambda m: f"缺少 {{% {m.group(1)} %}}"),
    (re.compile(r"Encountered unknown tag '(\w+)'.*'(end\w+)'"), lambda m: f"多余或放错位置的 {{% {m.group(1)} %}}"
                                                                           f"（此处应为 {{% {m.group(2)} %}}）"),
    (re.compile(r"Encountered unknown tag '(\w+)'"), lambda m: f"未知的标签 {{% {m.group(1)} %}}"),
    (re.compile(r"unexpected '(.+)'"), lambda m: f"此处不应出现“{m.group(1)}”"),
    (re.compile(r"expected token '(.+)', got '(.+)'"), lambda m: f"此处应为“{m.group(1)}”，写成了“{m.group(2)}”"),
    (re.compile(r"unexpected char '(.+)'"), lambda m: f"此处不应出现字符 {m.group(1)}"),
    (re.compile(r"Expected an expression, got '(.+)'"), lambda m: "此处缺少表达式（如 {% if x %} 中的 x）"),
    (re.compile(r"tag name expected"), lambda m: "{% 之后缺少标签名（如 if、for）"),
]


def _syntax_zh(exc) -> str:
    for pattern, say in _SYNTAX:
        m = pattern.search(str(exc.message or ""))
        if m:
            return say(m) + "。"
    return "无法解析（请检查 {{ }}、{% %} 是否成对、标签是否拼写正确）。"
