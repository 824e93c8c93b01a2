"""Column widths of the national form: figures never wrap, the long texts take the rest.

The form's ten columns are shared by its two tables (names, funds and goals above; the indicator
rows below), so one plan serves both. A fixed set of widths drawn for one form breaks another's
figures ("95.2/2%", "≥1.2万/亩", "100.0/0%") when its column is a character too narrow. So:

1. every figure (an amount, a rate, 分值, 得分, a target or an actual value with a number in it)
   and every heading of a few characters (分值, 得分, 执行率) sets the least width of its column:
   its width on one line (measure.set_em, the small space between Chinese and a digit counted)
   plus the cell's margins and half a character of air — Times New Roman's % is wider than half
   an em, and Word breaks a line a hair before it is full;
   — only when the page has room for them all: otherwise the longest figures give up their
   Chinese units first (≥180 / 万立方米 on two lines, the number itself still whole);
2. the columns of names and headings (the first three) keep two characters a line, as printed
   forms set 产出/指标;
3. the rest of the page's width goes to the two columns of running text, 三级指标 and 偏差原因分析
   (columns 9 and 10 are one cell in every row), split where the indicator rows take the fewest
   lines in all.

Widths are in twips; the type size and the cell margins come from the template.
"""
from __future__ import annotations

import math
import re

from ..core.measure import set_em

AIR_EM = 0.5            # beyond a figure's measured width (see above)
LABEL_EM = 2            # characters a line the heading columns keep at least
TEXT_MIN_EM = 5.5       # characters a line a column of running text keeps at least
SHORT_HEAD_EM = 3       # a heading this short is set on one line like a figure
LABELS = (0, 1, 2)      # 绩效指标 / 一级指标 / 二级指标 and the headings of the upper table
TEXTS = (3, 8)          # 三级指标 and 偏差原因分析及改进措施 (with column 9, always joined to it)
JOINED = 8              # columns 8 and 9: one logical column, split evenly at the end
_UNIT = re.compile(r"[\u3400-\u9fff]+")   # the Chinese unit of a figure (万立方米), where a line may break


def text_twips(text: str, size_pt: float) -> int:
    """The width of a text set on one line at this size, in twips."""
    return math.ceil(set_em(text) * size_pt * 20)


def plan_widths(grids, total: int, size_pt: float, margin: int, columns: int) -> list[int]:
    """Widths (twips) of the form's `columns` columns, summing to `total`, for the cells of `grids`
    (render.form.Grid: rows, merges, heads, figures)."""
    one_em = size_pt * 20
    air = math.ceil(AIR_EM * one_em) + 2 * margin
    need, core, rows = _needs(grids, size_pt, air, columns - 1)
    floor = [0] * len(need)
    for c in LABELS:
        floor[c] = math.ceil(LABEL_EM * one_em) + air
    for c in TEXTS:
        floor[c] = math.ceil(TEXT_MIN_EM * one_em) + air
    widths = [max(n, f) for n, f in zip(need, floor)]
    _units_wrap(widths, total, [max(c, f) for c, f in zip(core, floor)])
    rest = total - sum(widths)
    if rest > 0:
        first = _split(rest, widths, rows, size_pt, margin, math.ceil(one_em / 2))
        widths[TEXTS[0]] += first
        widths[TEXTS[1]] += rest - first
    half = widths[JOINED] // 2
    return widths[:JOINED] + [widths[JOINED] - half, half]


def _units_wrap(widths: list[int], total: int, least: list[int]) -> None:
    """Over the page's width: the widest figure columns are cut to one level, no lower than `least`
    (their numbers whole, the Chinese units let wrap), the level as high as the page allows — so
    the longest figures wrap their units and the shorter ones beside them still keep to a line."""
    over = sum(widths) - total
    cuttable = [c for c in range(len(widths)) if widths[c] > least[c]]
    if over <= 0 or not cuttable:
        return

    def cut(level: int) -> int:
        return sum(widths[c] - max(least[c], min(widths[c], level)) for c in cuttable)

    low, high = 0, max(widths)          # the highest level that cuts enough (or the lowest there is)
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if cut(mid) >= over else (low, mid - 1)
    for c in cuttable:
        widths[c] = max(least[c], min(widths[c], low))


def _needs(grids, size_pt: float, air: int, logical: int) -> tuple[list[int], list[int], list[dict]]:
    """Each logical column's least width (its widest figure or short heading, on one line), the
    same with the figures' Chinese units let wrap, and the running texts of each row in the text
    columns (column → text)."""
    need, core = [0] * logical, [0] * logical
    rows: list[dict] = []
    for grid in grids:
        for r, cells in enumerate(grid.cells()):
            texts = {}
            for c, last, text in cells:
                if not text or min(last, JOINED) != min(c, JOINED):
                    continue        # spans columns of its own: no single column's width to set
                col = min(c, JOINED)
                if (r, c) in grid.figures or (r in grid.heads and set_em(text) <= SHORT_HEAD_EM):
                    need[col] = max(need[col], text_twips(text, size_pt) + air)
                    numbers = _UNIT.split(text) if (r, c) in grid.figures else [text]
                    core[col] = max(core[col], max(text_twips(n, size_pt) for n in numbers) + air)
                elif col in TEXTS:
                    texts[col] = text
            if texts:
                rows.append(texts)
    return need, core, rows


def _split(rest: int, widths: list[int], rows: list[dict], size_pt: float, margin: int, step: int) -> int:
    """How much of `rest` the first text column gets: where the rows take the fewest lines in all
    (a row is as tall as its longer text), the two columns as even as can be on a tie."""
    a, b = TEXTS

    def cost(first: int) -> tuple[int, int]:
        wa, wb = widths[a] + first, widths[b] + rest - first
        lines = sum(max(_lines(row.get(a, ""), wa - 2 * margin, size_pt),
                        _lines(row.get(b, ""), wb - 2 * margin, size_pt)) for row in rows)
        return lines, abs(wa - wb)

    return min(range(0, rest + 1, max(1, step)), key=cost)


def _lines(text: str, room: int, size_pt: float) -> int:
    """Lines a text takes in a column with `room` twips for it (each paragraph its own lines)."""
    if not text:
        return 0
    return sum(max(1, math.ceil(text_twips(p, size_pt) / max(1, room))) for p in text.split("\n"))
