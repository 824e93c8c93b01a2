"""Tables that break across pages well.

Word and LibreOffice break a table wherever the page ends: a table's total can land alone on the
next page under a repeated header, or a header with one row can sit at the foot of a page. Rows
whose paragraphs keep with the next one stay on the page of the row after them, so after rendering:

- a table of a few rows keeps all its rows together — with its caption, whose style keeps with
  the table — and moves whole to the next page if it must (a cut would leave a row or two alone);
- any longer one (a targets table, the budget table, a 自评表) may break where the page ends, the
  header repeated: only its caption, header and first row stay together, and its last three rows
  (the total with two above it). Moving a whole table of 15 rows left a third of a page empty
  before it (阳西, 湖南); a table breaks as running text does.

A row the template already keeps with the next is left as it is.
"""
from __future__ import annotations

from ..wordml.elements import qn

SHORT_ROWS = 6           # a header and up to five rows: split, a row or two would stand alone; it moves whole


def keep_tables_together(document) -> None:
    body = document.element.find(qn("w:body"))
    for tbl in body.findall(qn("w:tbl")) if body is not None else ():
        rows = tbl.findall(qn("w:tr"))
        if len(rows) < 2:
            continue
        if len(rows) <= SHORT_ROWS:
            kept = rows[:-1]
        else:
            head = sum(1 for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None)
            kept = rows[:head + 1] + rows[-3:-1]       # the header with the row under it; the last three together
        for row in kept:
            for p in row.iter(_P):
                _keep_with_next(p)


_P, _PPR, _PSTYLE, _KEEP = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:keepNext")


def _keep_with_next(p) -> None:
    """<w:keepNext/> in the paragraph's properties, in the schema's place (right after pStyle)."""
    ppr = p.find(_PPR)
    if ppr is None:
        ppr = p.makeelement(_PPR, {})
        p.insert(0, ppr)
    if ppr.find(_KEEP) is None:
        first = ppr[0] if len(ppr) else None
        ppr.insert(1 if first is not None and first.tag == _PSTYLE else 0, ppr.makeelement(_KEEP, {}))
