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

A 自评表's 一级 cell is merged down the rows of its group: broken across a page, the continuation shows
an empty cell, its name left on the page before. A group of up to GROUP_ROWS rows is kept on one page
(it moves whole if it must); a longer one is cut, where its 二级 groups end, into parts of up to
GROUP_ROWS rows, each a merged cell of its own that names the 一级 again, each kept on one page — a page
may end between two parts, never inside one.
"""
from __future__ import annotations

from ..wordml.elements import qn

SHORT_ROWS = 6           # a header and up to five rows: split, a row or two would stand alone; it moves whole
GROUP_ROWS = 10          # rows under one merged first-column cell kept on one page (a third of an A4 page of rows)


def keep_form_total(table) -> None:
    """The national form's indicator table: its total row keeps the two rows above it on its page (it never
    stands alone under a repeated header), and each 一级 group (its second column merged down) of up to
    GROUP_ROWS rows keeps on one page — no continuation opens on an empty 一级 cell. The first column's one
    label down the whole table (绩效指标) is left whole: LibreOffice and Word name it again on a new page."""
    rows = table.findall(qn("w:tr"))
    kept = rows[-3:-1] + [r for group in _merged_groups(rows, column=1) if len(group) <= GROUP_ROWS for r in group[:-1]]
    for row in kept:
        for p in row.iter(_P):
            _keep_with_next(p)


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
            for group in _merged_groups(rows):
                for part in _parts(group) if len(group) > GROUP_ROWS else [group]:
                    kept += part[:-1]
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


_TC, _TCPR, _VMERGE, _VAL = qn("w:tc"), qn("w:tcPr"), qn("w:vMerge"), qn("w:val")


def _merged_groups(rows, column: int = 0) -> list[list]:
    """The runs of rows whose cell in `column` (the first by default) is one cell merged downwards (w:vMerge
    restart, then continue)."""
    groups: list[list] = []
    for row in rows:
        cells = row.findall(_TC)
        tc = cells[column] if len(cells) > column else None
        merge = tc.find(f"{_TCPR}/{_VMERGE}") if tc is not None else None
        if merge is None:
            continue
        if merge.get(_VAL) == "restart" or not groups:
            groups.append([row])
        else:
            groups[-1].append(row)
    return [g for g in groups if len(g) > 1]


def _parts(group: list) -> list[list]:
    """A long group cut into parts of at most GROUP_ROWS rows where its second column's merged cells end (a
    part may be longer only where one 二级 group is); from the second part on, the first cell begins a merged
    cell of its own holding the 一级's name again."""
    runs: list[list] = []
    for row in group:
        tcs = row.findall(_TC)
        merge = tcs[1].find(f"{_TCPR}/{_VMERGE}") if len(tcs) > 1 else None
        if runs and merge is not None and merge.get(_VAL) != "restart":
            runs[-1].append(row)            # the 二级 cell goes on: the same run
        else:
            runs.append([row])
    parts = _balanced(runs, -(-len(group) // GROUP_ROWS))
    first = group[0].find(_TC)
    for part in parts[1:]:
        _restate(first, part[0].find(_TC))
    return parts


def _balanced(runs: list[list], count: int) -> list[list]:
    """The runs joined, in order, into the fewest parts (at least `count`) whose longest is shortest and at most
    GROUP_ROWS rows where the runs allow — the split of a linear partition, by dynamic programming (a group has
    a few dozen rows at most)."""
    sizes = [len(r) for r in runs]
    for k in range(min(count, len(runs)), len(runs) + 1):
        # best[j][i]: (the longest part, where the last part begins) splitting the first i runs into j parts
        best = [[(float("inf"), 0)] * (len(runs) + 1) for _ in range(k + 1)]
        best[0][0] = (0, 0)
        for j in range(1, k + 1):
            for i in range(j, len(runs) + 1):
                best[j][i] = min((max(best[j - 1][b][0], sum(sizes[b:i])), b) for b in range(j - 1, i))
        if best[k][len(runs)][0] <= GROUP_ROWS or k == len(runs):
            break
    cuts, i = [], len(runs)
    for j in range(k, 0, -1):
        b = best[j][i][1]
        cuts.append(b)
        i = b
    bounds = sorted(cuts) + [len(runs)]
    return [[row for run in runs[a:b] for row in run] for a, b in zip(bounds, bounds[1:])]


def _restate(origin, cell) -> None:
    """The cell begins a merged cell of its own, with the text of the merged cell's first one."""
    from copy import deepcopy
    cell.find(f"{_TCPR}/{_VMERGE}").set(_VAL, "restart")
    for p in cell.findall(_P):
        cell.remove(p)
    for p in origin.findall(_P):
        cell.append(deepcopy(p))
