"""How mkreport opens a county's .docx template: docxtpl's DocxTemplate, with the work that
depends only on the template kept between reports (its cleaned-up XML, in memory and on disk),
the parts docxtpl never renders left as the bytes they came as, and `{% vmerge %}` cells.

Shared by the template check (which reads a template's Jinja code) and the renderer (which
fills it in): the one place a template is opened.
"""
from __future__ import annotations

import re
from typing import Any

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
            resolve = super().resolve_listing
            return _PARAGRAPH.sub(lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

        def init_docx(self, reload: bool = True):
            with _untouched_parts_raw():
                super().init_docx(reload)

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


def _raw_until_read(base: Any) -> Any:
    """`base` (a python-docx XmlPart class) parsing its XML on first use, not when it is opened;
    its bytes are written back unchanged when nothing has read it."""
    if base not in _raw_classes:
        from docx.opc.oxml import serialize_part_xml
        from docx.opc.part import Part
        from docx.oxml.parser import parse_xml

        class RawUntilRead(base):
            _raw: bytes
            _parsed: Any            # the lxml element, once read

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
        assert tag is not None          # _VMERGE_CELL found the cell by this tag
        tc = tc[:tag.start()] + tc[tag.end():]
        merge = f'<w:vMerge w:val="{{{{ {tag.group(1)} }}}}"/>'
        anchor = re.search(r"<w:tcW[^>]*/>(?:<w:gridSpan[^>]*/>)?(?:<w:hMerge[^>]*/>)?", tc)
        if anchor:         # the schema's order: tcW, gridSpan, hMerge, vMerge, … vAlign
            return tc[:anchor.end()] + merge + tc[anchor.end():]
        return tc.replace("<w:tc>", f"<w:tc><w:tcPr>{merge}</w:tcPr>", 1)
    return _VMERGE_CELL.sub(cell, xml)


def _disk_cached(src_xml: str, patch) -> str:
    """docxtpl's clean-up of a part, kept in the disk cache (keyed by docxtpl's release too)."""
    from ..core import cache

    name = cache.key(cache.docxtpl_stamp(), src_xml) + ".xml"
    return cache.kept(name, lambda: patch(src_xml), lambda xml: xml.encode("utf-8"), lambda data: data.decode("utf-8"))
