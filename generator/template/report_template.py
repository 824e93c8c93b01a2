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

import json
import re
from pathlib import Path

from ..core.errors import BROKEN_ARCHIVE

MAX_TEMPLATE = 20 * 1024 * 1024       # the .docx file
MAX_UNPACKED = 100 * 1024 * 1024      # all its parts unpacked (a report template is under 1 MB)
MAX_PARTS = 2000
MAX_XML_PART = 16 * 1024 * 1024       # one XML part, which becomes one Jinja source
NOT_DOCX = "无法打开模板：它不是有效的 Word 文档（.docx）。请用 Word 或 WPS 另存为 .docx 后重试。"
_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")


class TemplateProblem(Exception):
    """A template that cannot be used at all (not a .docx, unreadable, tags that do not parse)."""


class TemplateExternal(TemplateProblem):
    """A template with links Word or LibreOffice would follow out of the file when a report made
    from it is opened (links.py): refused, so no report carries them."""

    def __init__(self, found):
        self.links, self.total = found.shown, found.total
        super().__init__(external_message(found.shown[0]) + (f"（共 {found.total} 处）" if found.total > 1 else ""))


def external_message(link) -> str:
    from ..wordml.links import removal, shown
    return (f"模板的 {shown(link.part, 80)} 中有指向文件之外的{link.what}：“{shown(link.target)}”。用这个模板生成的报告"
            f"在 Word 或 LibreOffice 中打开时会去读取这个地址（别人的服务器或本机的文件），因此不能使用。请{removal(link)}，"
            "或换用内置模板。")


# ---- the Jinja sources of a .docx, as docxtpl compiles them ---------------------------------

_parts_cache: dict[str, list] = {}


def template_parts(path: Path) -> list[tuple[str, str]]:
    """(part, Jinja source) for the body, headers, footers, footnotes and document properties."""
    data = read_template(path)
    from ..core import cache

    name = cache.key(cache.docxtpl_stamp(), data) + ".parts.json"
    return cache.kept(name, lambda: _extract(data),
                      lambda parts: json.dumps(parts, ensure_ascii=False).encode("utf-8"), _parts_from_json, _parts_cache)


def _parts_from_json(data: bytes):
    loaded = json.loads(data.decode("utf-8"))
    if not (isinstance(loaded, list) and all(isinstance(p, list) and len(p) == 2 and
                                             all(isinstance(x, str) for x in p) for p in loaded)):
        return None
    return [tuple(p) for p in loaded]


def read_template(path: Path) -> bytes:
    """A template's bytes, refused before anything unpacks it if its parts would unpack to more
    than MAX_UNPACKED (a 600 MB document.xml packs into a few hundred KB)."""
    from ..core.reading import ReadProblem, read_limited

    try:
        data = read_limited(path, MAX_TEMPLATE, "模板")
    except ReadProblem as exc:
        text = str(exc)
        raise TemplateProblem(("模板" + text if text.startswith("文件过大") else text) + "。") from None
    check_unpacked(data)
    return data


_passed: set[bytes] = set()         # digests of the templates this process found sound


def check_unpacked(data: bytes) -> None:
    """Refused before anything unpacks it: too many parts, a part or the whole too large when
    unpacked, or a link out of the file (every part's relationships and fields, links.py). Run on
    every read, before the disk cache: a cached result never stands in for these. Within one
    process the same bytes pass once (a batch reads one template for every report, twice each)."""
    import hashlib
    import io
    import zipfile

    from ..wordml.links import LinkProblem, external_links

    digest = hashlib.sha256(data).digest()
    if digest in _passed:
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            _check_sizes(z.infolist())
            found = external_links(z)
    except BROKEN_ARCHIVE + (LinkProblem,):
        raise TemplateProblem(NOT_DOCX) from None
    if found.total:
        raise TemplateExternal(found)
    _passed.add(digest)


def _check_sizes(infos: list) -> None:
    if len(infos) > MAX_PARTS:
        raise TemplateProblem(f"模板包含 {len(infos)} 个部件，超过 {MAX_PARTS} 个的上限；这不是一个正常的 Word 文档。")
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise TemplateProblem(f"模板中的 {info.filename} 有 {info.file_size / 1048576:.0f} MB，超过 "
                                  f"{MAX_XML_PART // 1048576} MB 的上限（正常的报告正文不足 1 MB）。")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED:
        raise TemplateProblem(f"模板解压后有 {unpacked / 1048576:.0f} MB，超过 {MAX_UNPACKED // 1048576} MB 的上限"
                              "（正常的报告模板不足 1 MB）；这可能是恶意构造的文件。")


def _extract(data: bytes) -> list[tuple[str, str]]:
    import io

    from ..wordml.docxtemplate import template_class

    try:
        doc = template_class()(io.BytesIO(data))
        doc.init_docx()
        for part in doc.docx.part.package.parts:
            getattr(part, "_element", None)     # the parts a build leaves unread parse here, once per template
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
        raise TemplateProblem(NOT_DOCX) from None


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


class Issue:
    def __init__(self, code: str, message: str, part: str = "", where: str = ""):
        self.code, self.message, self.part = code, message, part
        self.where = where       # the paragraph's text

    def __repr__(self):
        return f"Issue({self.code!r}, {self.message!r}, {self.part!r}, {self.where!r})"


# ---- a trial render, recording what the template read ----------------------------------------

class Trial:
    def __init__(self):
        self.reads: set = set()          # source paths of every value the render read
        self.blanks: list = []           # (part, sources) of each value printed as nothing
        self.error: Issue | None = None
        self.complete = True             # every part rendered to its end
        self.sections: list = []         # (section, sources) the template requires and the facts leave empty
        # what each part's source rendered to: the very text docxtpl's render would produce with
        # these values, so a build of this check's result does not render the template twice
        self.outputs: dict = {}


def trial_render(parts: list[tuple[str, str]], context: dict, top_sources: dict) -> Trial:
    """Render every part's Jinja code with this input's values, as docxtpl will, and record."""
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
        if name == "required":
            env.filters[name] = _required(f, trial)
        elif name in FILTERS:
            env.filters[name] = _watch(f, blank, trial.reads.update)
    from .context import READS
    READS.append(trial.reads.update)
    try:
        _render_parts(env, parts, context, top_sources, trial, state)
    finally:
        READS.pop()
    return trial


def _render_parts(env, parts, context, top_sources, trial, state) -> None:
    from ..core.limits import TemplateLimit, render_limits

    try:
        with render_limits():
            _render_each(env, parts, context, top_sources, trial, state)
    except TemplateLimit as exc:
        trial.error = Issue("TEMPLATE-LIMIT", str(exc), state["part"])
    except MemoryError:
        trial.error = Issue("TEMPLATE-LIMIT", "模板生成时占用的内存超过上限，已停止。请检查模板中的计算和循环。", state["part"])


def _render_each(env, parts, context, top_sources, trial, state) -> None:
    from jinja2 import TemplateError

    from ..core.limits import TemplateLimit

    for part, source in parts:
        state["part"], state["last_none"] = part, None
        try:
            trial.outputs[source] = env.from_string(source).render(context)
        except TemplateLimit:
            raise
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
        except MemoryError:
            raise
        except Exception as exc:        # whatever a template's code raises is the template's problem
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


def _watch(f, blank, read):
    """A filter that notes a blank value given to it, and the facts behind a value with parts it
    reads itself (a Verdict worded by `scoring`); Jinja's own first argument (the filters of our
    environment take the render context: see environment._at_render) passed on."""
    from .context import Slots

    jinja_first = hasattr(f, "jinja_pass_arg")

    def watched(*args, **kwargs):
        given = args[1:] if jinja_first else args
        if not given or any(a is None for a in given):
            blank(None)
        for a in given:
            if isinstance(a, Slots):
                for sources in a._sources.values():
                    read(sources)
        return f(*args, **kwargs)

    if jinja_first:
        watched.jinja_pass_arg = f.jinja_pass_arg     # type: ignore[attr-defined]  # Jinja reads it off the function
    return watched


def _required(f, trial):
    """`required`, noting each section the template requires that the facts leave empty, by the
    facts it would show (a value with no facts behind it is no field of the user's to fill)."""
    def noted(*args, **kwargs):
        given = args[1:]         # after Jinja's own first argument (see environment._at_render)
        value, section = (given + (None, ""))[:2]
        section = kwargs.get("section", section)
        source = getattr(value, "_source", ())
        if not value and source:
            trial.sections.append((str(section or ""), source))
        return f(*args, **kwargs)

    noted.jinja_pass_arg = f.jinja_pass_arg       # type: ignore[attr-defined]  # Jinja reads it off the function
    return noted


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
