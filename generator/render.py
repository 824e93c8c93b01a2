"""Render a report: docxtpl template + context → .docx bytes, byte-for-byte reproducible.

Word files are zip archives carrying timestamps and "last modified" properties; we fix both
(zip entries dated 1980-01-01, core properties from the report's own date) so the same input
always gives the same bytes and reports diff cleanly in git.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path

from .errors import MkreportError
from .pagination import keep_tables_together
from .signature import centre_signature
from .styletable import style_table
from .tablefit import fit_columns

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


_patched: dict[str, str] = {}


_cls = None


def template_class():
    global _cls
    if _cls is not None:
        return _cls
    from docxtpl import DocxTemplate

    class CachedTemplate(DocxTemplate):
        """docxtpl cleans each part's XML with dozens of regexes on every render; the result
        depends only on the XML, so it is kept for the next report built from this template."""

        def patch_xml(self, src_xml):
            out = _patched.get(src_xml)
            if out is None:
                out = _patched[src_xml] = _disk_cached(src_xml, lambda xml: vmerge(super(CachedTemplate, self)
                                                                                   .patch_xml(xml)))
            return out

        def resolve_listing(self, xml):
            # docxtpl turns \n \t \a \f in a text into breaks, tabs and paragraphs by rewriting
            # every run of every paragraph; only the few paragraphs that hold one need it
            if not _LISTING.search(xml):
                return xml
            resolve = super(CachedTemplate, self).resolve_listing
            return _PARAGRAPH.sub(lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

        def init_docx(self, reload: bool = True):
            with _untouched_parts_raw():
                super(CachedTemplate, self).init_docx(reload)

    _cls = CachedTemplate
    return _cls


# Parts docxtpl never renders. python-docx parses every XML part when it opens a document and
# writes each one out again on save; a template's styles.xml (hundreds of KB of Word's built-in
# styles) is its largest part, and the most costly thing in a build that reads it. These parts
# stay as the bytes they came as unless something reads them.
_UNTOUCHED = ("application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml")
_raw_classes: dict = {}


def _raw_until_read(base):
    """`base` (a python-docx XmlPart class) parsing its XML on first use, not when it is opened;
    its bytes are written back unchanged when nothing has read it."""
    if base not in _raw_classes:
        from docx.opc.oxml import serialize_part_xml
        from docx.opc.part import Part
        from docx.oxml.parser import parse_xml

        class RawUntilRead(base):
            @classmethod
            def load(cls, partname, content_type, blob, package):
                part = cls.__new__(cls)
                Part.__init__(part, partname, content_type, package=package)
                part._raw, part._parsed = blob, None
                return part

            @property
            def _element(self):
                if self._parsed is None:
                    self._parsed = parse_xml(self._raw)
                return self._parsed

            @_element.setter
            def _element(self, element):
                self._parsed = element

            @property
            def blob(self):
                return self._raw if self._parsed is None else serialize_part_xml(self._parsed)

        RawUntilRead.__name__ = RawUntilRead.__qualname__ = f"RawUntilRead{base.__name__}"
        _raw_classes[base] = RawUntilRead
    return _raw_classes[base]


class _untouched_parts_raw:
    """While a template opens: the untouched parts' classes swapped for their raw-until-read kind."""

    def __enter__(self):
        from docx.opc.part import PartFactory

        self.saved = {ct: PartFactory.part_type_for.get(ct) for ct in _UNTOUCHED}
        for ct, cls in self.saved.items():
            if cls is not None:
                PartFactory.part_type_for[ct] = _raw_until_read(cls)

    def __exit__(self, *exc):
        from docx.opc.part import PartFactory

        for ct, cls in self.saved.items():
            if cls is not None:
                PartFactory.part_type_for[ct] = cls


_LISTING = re.compile(r"[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.S)


_VMERGE_CELL = re.compile(r"<w:tc>(?:(?!</w:tc>).)*?\{%\s*vmerge\s+(?:(?!%\}).)+?%\}.*?</w:tc>", re.S)
_VMERGE_TAG = re.compile(r"\{%\s*vmerge\s+((?:(?!%\}).)+?)\s*%\}", re.S)


def vmerge(xml: str) -> str:
    """`{% vmerge expr %}` in a table cell: the cell merges vertically with the one above when
    `expr` is "continue", and starts a merged group when it is "restart" — how the 一级/二级 cells
    of a 自评表 span their rows. (docxtpl's own `{% vm %}` follows loop.first only.)"""
    def cell(m: re.Match) -> str:
        tc = m.group(0)
        tag = _VMERGE_TAG.search(tc)
        tc = tc[:tag.start()] + tc[tag.end():]
        merge = f'<w:vMerge w:val="{{{{ {tag.group(1)} }}}}"/>'
        anchor = re.search(r"<w:tcW[^>]*/>(?:<w:gridSpan[^>]*/>)?(?:<w:hMerge[^>]*/>)?", tc)
        if anchor:         # the schema's order: tcW, gridSpan, hMerge, vMerge, … vAlign
            return tc[:anchor.end()] + merge + tc[anchor.end():]
        return tc.replace("<w:tc>", f"<w:tc><w:tcPr>{merge}</w:tcPr>", 1)
    return _VMERGE_CELL.sub(cell, xml)


def _disk_cached(src_xml: str, patch) -> str:
    """docxtpl's clean-up of a part, kept in the disk cache (keyed by docxtpl's release too)."""
    from . import cache

    name = cache.key(cache.docxtpl_stamp(), src_xml) + ".xml"
    return cache.kept(name, lambda: patch(src_xml), lambda xml: xml.encode("utf-8"), lambda data: data.decode("utf-8"))


def _template_problem(exc) -> str:
    """A Jinja error in the words `check` uses for it (Jinja's own text is English)."""
    from jinja2.exceptions import TemplateNotFound, TemplateSyntaxError

    from .analysis import _syntax_zh
    from .template import _render_zh

    if isinstance(exc, TemplateNotFound):
        return "模板不能包含或引用其他文件（include、import、extends）。"
    if isinstance(exc, TemplateSyntaxError):
        return "模板标签写法有误：" + _syntax_zh(exc)
    return _render_zh(exc)


class _Replay:
    """The environment docxtpl is given when the check has already rendered these very sources
    with these values: a part whose source it knows is not rendered again."""

    def __init__(self, env, rendered: dict):
        self.env, self.rendered = env, rendered

    def from_string(self, source, *args, **kwargs):
        text = self.rendered.get(source) if not args and not kwargs else None
        return _Done(text) if text is not None else self.env.from_string(source, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.env, name)


class _Done:
    def __init__(self, text: str):
        self.text = text

    def render(self, *args, **kwargs) -> str:
        return self.text


def render_docx(template: Path, context: dict, report_date: _dt.date | None = None, author: str = "",
                rendered: dict | None = None) -> bytes:
    from jinja2 import TemplateError

    from .environment import environment
    from .limits import TemplateLimit, render_limits
    from .template import TemplateProblem, read_template

    try:
        doc = template_class()(io.BytesIO(read_template(template)))
    except TemplateProblem as exc:
        raise MkreportError(f"{template}：{exc}", str(template)) from None
    except Exception:   # python-docx reports a broken file in many ways
        raise MkreportError(f"无法打开模板 {template}：它不是有效的 Word 文档（.docx）。", str(template)) from None
    try:
        with render_limits():
            env = _Replay(environment(), rendered) if rendered else environment()
            doc.render(context, jinja_env=env, autoescape=True)
    except TemplateLimit as exc:
        raise MkreportError(f"模板 {template.name} 出错：{exc}", str(template)) from None
    except MemoryError:
        raise MkreportError(f"模板 {template.name} 出错：生成时占用的内存超过上限，已停止。", str(template)) from None
    except TemplateError as exc:
        raise MkreportError(f"模板 {template.name} 出错：{_template_problem(exc)}", str(template)) from None
    except Exception as exc:
        # check has already rendered the template's Jinja code with these values, so what fails here
        # is the Word XML a template's tags produced (a tag splitting a table row, say)
        raise MkreportError(f"用模板 {template.name} 生成报告时出错：模板中的标签生成了无效的 Word 文档结构"
                            f"（{type(exc).__name__}）。请检查模板中跨段落、跨表格行的 {{% %}} 标签。", str(template)) from None
    styles = style_table(doc.docx)
    fit_columns(doc.docx, styles)
    centre_signature(doc.docx, styles)
    keep_tables_together(doc.docx)
    props = doc.docx.core_properties
    stamp = _dt.datetime.combine(report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    props.author = props.last_modified_by = author      # the department; no program's name
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    return save_fixed(doc.docx)


def save_fixed(document) -> bytes:
    """Save with every zip entry dated 1980-01-01. python-docx stamps entries with the current
    time; rather than compress everything twice (save, then rewrite), we give its zip writer
    fixed entry headers for the duration of this save."""
    from docx.opc import phys_pkg

    def write(self, pack_uri, blob):
        info = zipfile.ZipInfo(pack_uri.membername, date_time=_FIXED_ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zipf.writestr(info, blob, compresslevel=1)   # ~3x faster than level 6, ~10% larger

    original = phys_pkg._ZipPkgWriter.write
    phys_pkg._ZipPkgWriter.write = write
    try:
        buf = io.BytesIO()
        document.save(buf)
    finally:
        phys_pkg._ZipPkgWriter.write = original
    return buf.getvalue()
