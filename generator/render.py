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

from .errors import MkreportError

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render_docx(template: Path, context: dict, report_date: _dt.date | None = None) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    from .environment import environment

    try:
        doc = DocxTemplate(str(template))
    except Exception as exc:   # python-docx reports a broken file in many ways
        raise MkreportError(f"无法打开模板 {template}：{exc}。", str(template)) from None
    try:
        doc.render(context, jinja_env=environment(), autoescape=True)
    except TemplateError as exc:
        raise MkreportError(f"模板 {template.name} 出错：{exc}（第 {getattr(exc, 'lineno', '?')} 处）。",
                            str(template)) from None
    props = doc.docx.core_properties
    stamp = _dt.datetime.combine(report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    props.author = props.last_modified_by = "mkreport"
    props.created = props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and attributes, entries in their original order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
