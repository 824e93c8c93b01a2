"""Render a report: docxtpl template + context → .docx bytes, byte-for-byte reproducible.

Word files are zip archives carrying timestamps and "last modified" properties; we fix both
(zip entries dated 1980-01-01, core properties from the report's own date) so the same input
always gives the same bytes and reports diff cleanly in git.
"""
from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

from ..core.errors import MkreportError
from ..wordml.docxtemplate import template_class
from ..wordml.linefit import fit_lines
from ..wordml.styletable import style_table
from .headings import tidy_headings
from .pagination import keep_tables_together
from .signature import centre_signature
from .tablefit import fit_columns

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _template_problem(exc) -> str:
    """A Jinja error in the words `check` uses for it (Jinja's own text is English)."""
    from jinja2.exceptions import TemplateNotFound, TemplateSyntaxError

    from ..template.analysis import _syntax_zh
    from ..template.report_template import _render_zh

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

    from ..core.limits import TemplateLimit, render_limits
    from ..template.environment import environment
    from ..template.report_template import TemplateProblem, read_template

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
    fit_character_grid(doc.docx)
    styles = style_table(doc.docx)
    fit_columns(doc.docx, styles)
    centre_signature(doc.docx, styles)
    keep_tables_together(doc.docx)
    tidy_headings(doc.docx)
    fit_lines(doc.docx.element, styles)
    props = doc.docx.core_properties
    stamp = _dt.datetime.combine(report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    props.author = props.last_modified_by = author      # the department; no program's name
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    return save_fixed(doc.docx)


def fit_character_grid(document) -> None:
    """The delivered .docx laid out 28 × 22 by LibreOffice (and WPS) as by Word, whatever template it
    came from (wordml/chargrid.py): the styles on the character grid, and the paragraphs and runs
    that say otherwise, drawn one cell wide — off the grid where the line height is exact. A
    template that already has it (ours) keeps its styles' bytes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from ..wordml.chargrid import char_space, fit_paragraphs, fitted_styles

    space = char_space(document.element)
    if space is None:
        return
    try:
        part = document.part.part_related_by(RT.STYLES)
    except KeyError:
        return
    new, fit = fitted_styles(part.blob, space)
    if new is not None:
        _replace_xml(part, new)
    if fit is not None:
        fit_paragraphs(document.element.body, fit)


def _replace_xml(part, blob: bytes) -> None:
    """A part's XML replaced: as bytes where it is kept unparsed (wordml/docxtemplate.py)."""
    if getattr(part, "_parsed", False) is None:
        part._raw = blob
    else:
        from docx.oxml.parser import parse_xml
        part._element = parse_xml(blob)


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
    phys_pkg._ZipPkgWriter.write = write  # type: ignore[method-assign]  # patched for this save only
    try:
        buf = io.BytesIO()
        document.save(buf)
    finally:
        phys_pkg._ZipPkgWriter.write = original  # type: ignore[method-assign]  # restored
    return buf.getvalue()
