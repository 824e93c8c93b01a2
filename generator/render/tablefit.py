"""Column widths that fit what a table holds.

A template fixes its tables' column widths for the rubric it was drawn for; another county's rubric
brings longer names ("预算和绩效管理情况"), and Word breaks a name inside a word ("资金使用效/益")
when its column is a character too narrow. After rendering, each table is measured:

1. a column of short labels (names, figures) too narrow for its longest label grows to hold it,
   taking the width from columns with room to spare;
2. columns of running text (a 扣分原因 column) that would wrap get the width the label columns do
   not need (beyond half a character of air), so a reason takes one or two lines, not four, and
   the 自评表 keeps to its page.

The table's total width never changes, and a table whose labels fit and whose text does not wrap
is left exactly as the template drew it.
"""
from __future__ import annotations

import math

from ..core.measure import em
from ..wordml.elements import grid_span, qn
from ..wordml.styletable import StyleTable

_P, _R, _T, _TAB, _BR, _CR = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tab", "w:br", "w:cr"))
_SZ, _VAL, _RPR, _PPR, _PSTYLE = (qn(t) for t in ("w:sz", "w:val", "w:rPr", "w:pPr", "w:pStyle"))
_RUN_SZ, _STYLE = f".//{_R}/{_RPR}/{_SZ}", f"{_PPR}/{_PSTYLE}"
_TR, _TC = qn("w:tr"), qn("w:tc")
_TCW, _TRPR, _BEFORE, _AFTER = f"{qn('w:tcPr')}/{qn('w:tcW')}", qn("w:trPr"), qn("w:gridBefore"), qn("w:gridAfter")
_W_VAL, _W_W, _W_TYPE = qn("w:val"), qn("w:w"), qn("w:type")

LABEL_EM = 12          # a cell up to this many characters, without sentence punctuation, is a name
TEXT_MIN_EM = 6        # a column of running text keeps at least this many characters a line
DEFAULT_MARGIN = 108   # twips, Word's default left and right cell margin
SENTENCE = set("，。；！？")


def fit_columns(document, sizes: StyleTable) -> None:
    body = document.element.find(qn("w:body"))
    for tbl in body.findall(qn("w:tbl")) if body is not None else ():
        try:
            _fit(tbl, sizes)
        except (_Irregular, ValueError, TypeError, ZeroDivisionError):
            continue        # a table drawn in a way this pass does not measure keeps its widths


class _Irregular(Exception):
    """A table this pass does not rearrange (rows not matching its grid, relative widths)."""


def _fit(tbl, sizes: StyleTable) -> None:
    grid = tbl.find(qn("w:tblGrid"))
    cols = grid.findall(qn("w:gridCol")) if grid is not None else []
    if not cols:
        raise _Irregular
    widths = [int(c.get(qn("w:w")) or 0) for c in cols]
    if not all(widths):
        raise _Irregular
    n, margin = len(cols), _margin(tbl)
    need = [0] * n          # twips the longest label of each column needs
    text = [False] * n      # the column holds running text, which may wrap
    longest = [0] * n       # twips the longest paragraph of a text column would take on one line
    one_em = 0
    rows = []
    for tr in tbl.iterchildren(_TR):
        at, cells = _skip(tr, _BEFORE), []
        for tc in tr.iterchildren(_TC):
            span = grid_span(tc)
            cells.append((at, span, tc))
            if span == 1 and at < n:
                label, size, width = cell_content(tc, sizes)
                one_em = max(one_em, math.ceil(size * 20))
                if label is None:
                    text[at] = True
                elif label:
                    need[at] = max(need[at], math.ceil(width) + 2 * margin)
                longest[at] = max(longest[at], math.ceil(width) + 2 * margin)
            at += span
        if at + _skip(tr, _AFTER) != n:
            raise _Irregular
        rows.append(cells)
    new = plan(widths, need, text, longest, one_em, margin)
    if new == widths:
        return
    for col, w in zip(cols, new):
        col.set(qn("w:w"), str(w))
    for cells in rows:
        for at, span, tc in cells:
            tcw = tc.find(_TCW)
            if tcw is not None and tcw.get(qn("w:type")) in (None, "dxa"):
                tcw.set(qn("w:w"), str(sum(new[at:at + span])))
                tcw.set(qn("w:type"), "dxa")


def plan(widths: list[int], need: list[int], text: list[bool], longest: list[int], one_em: int,
         margin: int) -> list[int]:
    """New column widths (twips) for a table: `need` is what each column's longest label takes,
    `text` marks the columns of running text, `longest` their longest paragraph on one line."""
    new, text, labels, short = _fit_labels(widths, need, list(text), one_em, margin)
    return _room_for_wrapping(new, widths, need, text, longest, labels, short, one_em)


def _fit_labels(widths: list[int], need: list[int], text: list[bool], one_em: int, margin: int):
    """(widths, which columns are running text, the label columns, how much each too narrow one grew)."""
    n = len(widths)
    while True:
        labels = [i for i in range(n) if not text[i] and need[i]]
        texts = [i for i in range(n) if text[i]]
        new = list(widths)
        # 1. a label column too narrow for its longest label grows to hold it
        short = {i: need[i] - widths[i] for i in labels if need[i] > widths[i]}
        if not short:
            return new, text, labels, short
        # 2. label columns keep their labels and one character of air; the rest of their width,
        #    and a text column's beyond a few characters a line, is what can be given
        keep = {i: need[i] + one_em for i in labels}
        spare = {i: widths[i] - keep[i] for i in labels if widths[i] > keep[i] and i not in short}
        # to hold a name, the others may give up their air too
        air = {i: min(widths[i], keep[i]) - need[i] for i in labels if widths[i] > need[i] and i not in short}
        floor = TEXT_MIN_EM * one_em + 2 * margin
        text_spare = {i: widths[i] - floor for i in texts if widths[i] > floor}
        if sum(spare.values()) + sum(air.values()) + sum(text_spare.values()) >= sum(short.values()):
            for i, d in short.items():
                new[i] += d
            _take(new, sum(new) - sum(widths), spare, text_spare, air)
            return new, text, labels, short
        # no room for every label: the column furthest from its labels is running text after all
        # (short reasons in a 扣分原因 column), which wraps and is given room below
        text[max(short, key=lambda i: (short[i], i))] = True


def _room_for_wrapping(new: list[int], widths: list[int], need: list[int], text: list[bool], longest: list[int],
                       labels: list[int], short: dict, one_em: int) -> list[int]:
    """3. running text that wraps gets the room the label columns do not need (a 扣分原因 of one line
    instead of four keeps the 自评表 on its page): a label column keeps half a character of air then,
    enough for Word not to break its longest label."""
    wrapping = [i for i in range(len(new)) if text[i] and longest[i] > new[i]]
    if not wrapping:
        return new
    spare = {i: new[i] - need[i] - one_em // 2 for i in labels
             if i not in short and new[i] > need[i] + one_em // 2}
    if spare:
        room = sum(spare.values())
        _take(new, room, spare)
        base = sum(new[i] for i in wrapping)
        for i in wrapping:
            new[i] += room * new[i] // base
        new[wrapping[-1]] += sum(widths) - sum(new)
    return new


def _take(new: list[int], amount: int, *pools: dict[int, int]) -> None:
    """Narrow columns by `amount` twips in all, from each pool in turn, each column of a pool in
    proportion to what it can give."""
    for pool in pools:
        total = sum(pool.values())
        if amount <= 0 or total <= 0:
            continue
        part = min(amount, total)
        cuts = {i: part * can // total for i, can in pool.items()}
        for i in sorted(pool, key=lambda i: -pool[i])[:part - sum(cuts.values())]:
            cuts[i] += 1        # the twips lost to rounding, one each from the widest
        for i, cut in cuts.items():
            new[i] -= cut
        amount -= part


def _skip(tr, tag: str) -> int:
    trpr = tr.find(_TRPR)
    el = trpr.find(tag) if trpr is not None else None
    return int(el.get(_W_VAL)) if el is not None else 0


def _margin(tbl) -> int:
    mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    if mar is not None:
        sides = [mar.find(qn(f"w:{s}")) for s in ("left", "start", "right", "end")]
        values = [int(s.get(qn("w:w"))) for s in sides if s is not None and (s.get(qn("w:w")) or "").isdigit()]
        if values:
            return max(values)
    return DEFAULT_MARGIN



def cell_content(tc, sizes: StyleTable) -> tuple[str | None, float, float]:
    """A cell's text if it is a label (one short paragraph), None if it is running text; its
    type size; and the width in twips of its longest paragraph set on one line."""
    paragraphs = []
    for p in tc.iterchildren(_P):
        value = "".join(p.itertext(_T, _TAB, _BR, with_tail=False)).strip()
        if not value:
            continue
        # a size set on a run: the largest counts
        runs = [int(sz.get(_VAL)) / 2 for sz in p.iterfind(_RUN_SZ) if (sz.get(_VAL) or "").isdigit()]
        if runs:
            size = max(runs)
        else:
            style = p.find(_STYLE)
            size = sizes.size(style.get(_VAL) if style is not None else None)
        paragraphs.append((value, size))
    if not paragraphs:
        return "", 0.0, 0.0
    width = max(em(value) * size * 20 for value, size in paragraphs)
    value, size = paragraphs[0]
    if len(paragraphs) > 1 or em(value) > LABEL_EM or SENTENCE & set(value):
        return None, max(size for _, size in paragraphs), width
    return value, size, width
