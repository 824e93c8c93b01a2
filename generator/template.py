"""A report template, checked before any build: its names, a trial render, what it leaves out.

`mkreport check` holds the template an input will be built with to the contract (contract.py):
  * every name and attribute it uses exists, every filter suits what it is given;
  * a trial render of its Jinja code with this input's values (the same code docxtpl will run,
    in the same sandbox) raises nothing — so an input `check` accepts, `build` builds;
  * no `{{ … }}` prints a value the facts do not have (a blank in the report);
  * every field the user filled reaches the report, or a warning names it and the template.

The Jinja sources are taken from the .docx exactly as docxtpl prepares them, and kept on disk
by the template's hash beside the compiled templates, so a check does not load docxtpl twice.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import contract
from .contract import CONTEXT, T

MAX_TEMPLATE = 20 * 1024 * 1024
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


class TemplateProblem(Exception):
    """A template that cannot be used at all (not a .docx, unreadable, tags that do not parse)."""


# ---- the Jinja sources of a .docx, as docxtpl compiles them ---------------------------------

_parts_cache: dict[str, list] = {}


def template_parts(path: Path) -> list[tuple[str, str]]:
    """(part, Jinja source) for the body, headers, footers, footnotes and document properties."""
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE:
            raise TemplateProblem(f"模板文件过大（{size / 1048576:.1f} MB），上限为 {MAX_TEMPLATE // 1048576} MB。")
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateProblem(f"无法读取模板：{_os_error(exc)}。") from None
    from .environment import CODE_VERSION, cache_dir

    key = hashlib.sha256(f"{CODE_VERSION}-{_docxtpl_stamp()}\n".encode() + data).hexdigest()
    if key in _parts_cache:
        return _parts_cache[key]
    folder = cache_dir()
    file = folder / f"{key}.parts.json" if folder else None
    parts = None
    if file is not None:
        try:
            loaded = json.loads(file.read_text(encoding="utf-8"))
            if isinstance(loaded, list) and all(isinstance(p, list) and len(p) == 2 and
                                                all(isinstance(x, str) for x in p) for p in loaded):
                parts = [tuple(p) for p in loaded]
        except (OSError, ValueError):
            parts = None       # absent or damaged: made again below
    if parts is None:
        parts = _extract(data)
        if file is not None:
            _write(file, json.dumps(parts, ensure_ascii=False))
    _parts_cache[key] = parts
    return parts


def _docxtpl_stamp() -> str:
    """Which docxtpl prepares the sources (another release may prepare them differently), without
    importing it: a check with a warm cache never loads docxtpl, python-docx or lxml."""
    from importlib.util import find_spec
    spec = find_spec("docxtpl")
    try:
        st = os.stat(Path(spec.origin).parent / "template.py")
        return f"docxtpl-{st.st_size}-{st.st_mtime_ns}"
    except (OSError, TypeError, AttributeError):
        return "docxtpl"


def _os_error(exc: OSError) -> str:
    from .errors import os_error_zh
    return os_error_zh(exc)


def _extract(data: bytes) -> list[tuple[str, str]]:
    import io

    from .render import template_class

    try:
        doc = template_class()(io.BytesIO(data))
        doc.init_docx()
        newline = re.compile(r"<w:p([ >])")      # as docxtpl's render_xml_part does before compiling
        parts = [("正文", newline.sub(r"\n<w:p\1", doc.patch_xml(doc.get_xml())))]
        for uri, label in ((doc.HEADER_URI, "页眉"), (doc.FOOTER_URI, "页脚")):
            for _, part in doc.get_headers_footers(uri):
                parts.append((label, newline.sub(r"\n<w:p\1", doc.patch_xml(doc.get_part_xml(part)))))
        for part in doc.docx.part.package.parts:
            if part.content_type.endswith("wordprocessingml.footnotes+xml"):
                blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
                parts.append(("脚注", newline.sub(r"\n<w:p\1", doc.patch_xml(blob))))
        for prop in _PROPERTIES:
            value = getattr(doc.docx.core_properties, prop) or ""
            if "{" in value:
                parts.append((f"文档属性 {prop}", value))
        return parts
    except TemplateProblem:
        raise
    except Exception:     # python-docx and lxml report a broken file in many ways
        raise TemplateProblem("无法打开模板：它不是有效的 Word 文档（.docx）。请用 Word 或 WPS 另存为 .docx 后重试。") \
            from None


def snippet(source: str, lineno: int | None) -> str:
    """The text of the paragraph a Jinja error is on, as the template's author sees it in Word."""
    if not lineno:
        return ""
    lines = source.splitlines()
    if not 0 < lineno <= len(lines):
        return ""
    text = re.sub(r"<[^>]+>", "", lines[lineno - 1])
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&").strip()
    return text if len(text) <= 80 else text[:77] + "…"


# ---- the names a template uses, against the contract ----------------------------------------

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


@dataclass
class Issue:
    code: str
    message: str
    part: str = ""
    where: str = ""          # the paragraph's text


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
            if base is not UNKNOWN and kind not in accepts and not (kind == "int" and "number" in accepts):
                self.issue("TEMPLATE-FILTER", node, f"过滤器 {name} 用于{_kinds(accepts)}，这里给它的 {_show(node.node)} "
                           f"是{contract.describe(base)}。")
            return T("text")
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
    from .contract import reference
    from .environment import CODE_VERSION, cache_dir

    digest = hashlib.sha256(CODE_VERSION.encode())
    digest.update(reference().encode())
    for part, source in parts:
        digest.update(part.encode() + b"\0" + source.encode() + b"\0")
    key = digest.hexdigest()
    if key in _analysed:
        return _analysed[key]
    folder = cache_dir()
    file = folder / f"{key}.issues.json" if folder else None
    issues = None
    if file is not None:
        try:
            issues = [Issue(**i) for i in json.loads(file.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            issues = None
    if issues is None:
        issues = _analyse(parts)
        if file is not None:
            _write(file, json.dumps([i.__dict__ for i in issues], ensure_ascii=False))
    _analysed[key] = issues
    return issues


def _write(file: Path, text: str) -> None:
    """A cache entry, written whole or not at all; a cache that cannot be written is no error."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, file)
    except OSError:
        pass


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


# ---- a trial render, recording what the template read ----------------------------------------

@dataclass
class Trial:
    reads: set = field(default_factory=set)      # source paths of every value the render read
    blanks: list = field(default_factory=list)   # (part, sources) of each value printed as nothing
    error: Issue | None = None
    complete: bool = True                        # every part rendered to its end


def trial_render(parts: list[tuple[str, str]], context: dict, top_sources: dict) -> Trial:
    """Render every part's Jinja code with this input's values, as docxtpl will, and record."""
    from jinja2 import TemplateError
    from jinja2.runtime import Context

    from .context import Slots
    from .environment import ReportEnvironment

    trial = Trial()
    state = {"last_none": None, "part": ""}

    def note(obj, name, value):
        sources = obj._sources.get(name) if isinstance(obj, Slots) else None
        if sources:
            trial.reads.update(sources)
        if value is None:      # a blank printed next is this value's (None: no fact behind it)
            state["last_none"] = sources

    def blank(value):
        if value is None:
            trial.blanks.append((state["part"], state["last_none"]))
            return ""
        return value

    class Recording(Context):
        # Jinja resolves every name a template mentions when it starts, taken branch or not: a
        # value with parts (Slots) or paragraphs (Lines) records itself when really used
        def resolve_or_missing(self, key):
            value = super().resolve_or_missing(key)
            if key in top_sources and not isinstance(value, (Slots, list)):
                trial.reads.update(top_sources[key])
                if value is None:
                    state["last_none"] = top_sources[key]
            return value

    class RecordingEnvironment(ReportEnvironment):
        context_class = Recording

        def getattr(self, obj, attribute):
            value = super().getattr(obj, attribute)
            note(obj, attribute, value)
            return value

        def getitem(self, obj, argument):
            value = super().getitem(obj, argument)
            if isinstance(argument, str):
                note(obj, argument, value)
            return value

    env = RecordingEnvironment(finalize=blank)
    for name, f in list(env.filters.items()):
        from .phrases import FILTERS
        if name in FILTERS:
            env.filters[name] = _watch(f, blank)
    from .context import READS
    READS.append(trial.reads.update)
    try:
        _render_parts(env, parts, context, top_sources, trial, state)
    finally:
        READS.pop()
    return trial


def _render_parts(env, parts, context, top_sources, trial, state) -> None:
    from jinja2 import TemplateError

    for part, source in parts:
        state["part"], state["last_none"] = part, None
        try:
            env.from_string(source).render(context)
        except TemplateError as exc:
            missing = _missing_section(exc, source, context, top_sources)
            if missing is not None:
                # `staffing.as_of` with no staffing written: a missing section, said in the facts' words
                trial.blanks.append((part, missing))
                trial.complete = False
                continue
            trial.error = Issue("TEMPLATE-RENDER", f"模板生成时出错：{_render_zh(exc)}", part,
                                snippet(source, getattr(exc, "lineno", None) or _template_line(exc)))
            break
        except (ArithmeticError, ValueError, TypeError, LookupError, RecursionError, MemoryError) as exc:
            trial.error = Issue("TEMPLATE-RENDER", f"模板生成时出错（{_runtime_zh(exc)}）。请检查模板中的计算和过滤器。",
                                part, snippet(source, _template_line(exc)))
            break


def _missing_section(exc, source: str, context: dict, top_sources: dict):
    """For "'None' has no attribute 'as_of'": the sources of the value that was none, found by
    reading the expression on the template line the error happened on."""
    from jinja2.exceptions import UndefinedError

    from .context import Slots
    m = re.search(r"'None' has no attribute '(\w+)'", str(exc)) if isinstance(exc, UndefinedError) else None
    line = snippet(source, _template_line(exc)) if m else ""
    for expr in re.findall(r"([A-Za-z_][\w.]*)\." + re.escape(m.group(1)) + r"\b", line) if m else []:
        names = expr.split(".")
        if names[0] not in context:
            continue
        if len(names) == 1:
            return top_sources.get(names[0], ())
        value = context[names[0]]
        for name in names[1:-1]:
            value = getattr(value, name, None) if isinstance(value, Slots) else None
        if isinstance(value, Slots) and names[-1] in value._sources:
            return value._sources[names[-1]]
    return None


def _template_line(exc: BaseException) -> int | None:
    """The template line an error happened on: Jinja's compiled code carries it in the traceback."""
    tb, line = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _watch(f, blank):
    def watched(value, *args, **kwargs):
        if value is None or any(a is None for a in args):
            blank(None)
        return f(value, *args, **kwargs)
    return watched


def _render_zh(exc) -> str:
    from jinja2.exceptions import SecurityError, UndefinedError
    if isinstance(exc, SecurityError):
        return "模板试图访问不安全的内容，已被沙箱阻止。"
    if isinstance(exc, UndefinedError):
        m = re.search(r"'([^']+)' (?:is undefined|has no attribute '([^']+)')", str(exc))
        if m:
            return f"用到了不存在的名字“{m.group(2) or m.group(1)}”。"
        return "用到了不存在的名字。"
    return "模板标签有误。"


def _runtime_zh(exc) -> str:
    if isinstance(exc, ZeroDivisionError):
        return "除以零"
    if isinstance(exc, OverflowError):
        return "数值或循环次数过大"
    if isinstance(exc, RecursionError):
        return "递归过深"
    if isinstance(exc, MemoryError):
        return "内存不足"
    return "计算出错"
