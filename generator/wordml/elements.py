"""WordprocessingML as the layout passes, verify and the workbook read it: names, spans, text.

Plain lxml over the document's elements (python-docx's own helpers are not needed, and a check
with a warm cache never imports python-docx)."""
from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def qn(tag: str) -> str:
    """"w:tc" → Clark notation (python-docx's qn, without importing python-docx for it)."""
    return W + tag.split(":", 1)[1]


_SPAN, _VAL = f"{W}tcPr/{W}gridSpan", f"{W}val"
_T, _TAB, _BR, _CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"


# what follows w:w in a run's properties (ECMA-376 CT_RPr), so that a w:w (or what comes before it) goes in its place
AFTER_W = tuple(W + t for t in ("kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
                                "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath",
                                "rPrChange"))


def set_in_place(parent, tag: str, value: str, after: tuple) -> None:
    """parent's `tag` element set to value, in the schema's place among its siblings: before the first
    of `after` it has."""
    el = parent.find(tag)
    if el is None:
        el = parent.makeelement(tag, {})
        insert_in_place(parent, el, after)
    el.set(_VAL, value)


def insert_in_place(parent, child, after: tuple) -> None:
    for i, sibling in enumerate(parent):
        if sibling.tag in after:
            parent.insert(i, child)
            return
    parent.append(child)


def grid_span(tc) -> int:
    """How many grid columns a table cell spans."""
    el = tc.find(_SPAN)
    value = el.get(_VAL) if el is not None else None
    return int(value) if value and value.isdigit() and int(value) > 0 else 1


def paragraph_text(p) -> str:
    """A paragraph's text as a reader reads it: tabs as tabs, line breaks as new lines, no zero
    width spaces (places a line may end: wordml/linefit.py gives a long formula some) — deleted
    text under track changes, in w:delText, is not read."""
    parts = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        parts.append(el.text or "" if el.tag == _T else "\t" if el.tag == _TAB else "\n")
    return "".join(parts).replace("\u200b", "")


def cell_text(tc) -> str:
    return "\n".join(paragraph_text(p) for p in tc.iter(f"{W}p")).strip()
