"""The national self-evaluation form as an .xlsx workbook: the same grid as the .docx (form.py),
figures as numbers shown as printed, the indicator 分值 and 得分 totals as =SUM(…) with their
values cached, A4 one page wide with the indicator heading repeated (wordml/workbook.py)."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ..core.numbers import parse_decimal
from ..wordml.workbook import figure_format
from .form import COLUMNS, layout
from .xlsx import Formula, append_row

TITLE_SIZE = 16
# characters per column: the .docx's proportions (form.WIDTHS_MM), narrow enough to print portrait
WIDTHS = [9, 10, 11, 18, 11, 11, 7, 8, 12, 12]
NUMERIC = {3, 4, 5, 6, 7, 8}        # columns (0-based) where a figure is a number, not a text


def _cell(text: str, col: int, numeric_row: bool):
    """A figure as an exact number (its format as printed), anything else as the text it is."""
    if numeric_row and col in NUMERIC and text and not text.endswith("%"):
        value = parse_decimal(text)
        if value is not None:
            return value
    return text


def form_workbook(report, derived) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from ..wordml.workbook import fit_rows, lines_across, print_on_a4, row_height, saved

    form = layout(report, derived)
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    title = f"{form.title}（{form.year}年度）"
    append_row(ws, [title])
    offset = 2                                  # worksheet row of the grid's first row
    shown: list[list[str]] = []
    merges = [(0, 0, 0, COLUMNS - 1)]
    heads = set()
    cached: dict[str, Decimal] = {}
    for grid in (form.top, form.rows):
        base = offset - 1 + len(shown)          # 0-based sheet row of this grid's first row
        rows = grid.rows
        totals_row = len(rows) - 1 if grid is form.rows else None
        for i, cells in enumerate(rows):
            values = [_cell(str(t), c, i not in grid.heads or i == totals_row) for c, t in enumerate(cells)]
            if i == totals_row:
                at = form.top.funding_row
                funds = (2 + at, form.top.rows[at][6]) if at is not None else None
                values = _sum_row(values, base, rows, funds, cached)
            append_row(ws, values)
            shown.append([str(t) for t in cells])
            if i in grid.heads:
                heads.add(base + i)
        merges += [(base + r, c, base + lr, lc) for r, c, lr, lc in grid.merges]
        if grid is form.rows:
            indicator_head = base + 1            # 1-based sheet row of the indicator heading
    for note in form.notes:
        append_row(ws, [note])
        merges.append((ws.max_row - 1, 0, ws.max_row - 1, COLUMNS - 1))
        shown.append([""] * COLUMNS)
    for r, c, lr, lc in merges:
        ws.merge_cells(start_row=r + 1, start_column=c + 1, end_row=lr + 1, end_column=lc + 1)
    widths = list(WIDTHS)
    _style(ws, shown, heads, form, len(form.notes))
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.row_dimensions[1].height = row_height(lines_across(title, TITLE_SIZE, widths), TITLE_SIZE) + 6
    fit_rows(ws, widths, 2)
    print_on_a4(ws, widths, f"{indicator_head}:{indicator_head}")
    stamp = _dt.datetime.combine(report.report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    wb.properties.creator = form.author
    wb.properties.title = f"{form.author}{form.year}年度{form.title}"
    wb.properties.created = wb.properties.modified = stamp
    return saved(wb, {ws.title: cached})


def _sum_row(values: list, base: int, rows: list, funds: tuple | None, cached: dict) -> list:
    """The total row's 分值 as =SUM over the indicator rows plus the funds' 分值 cell, with the value
    it computes cached; its 得分 stays the figure (a rescaled total is no plain sum). `funds`: (sheet
    row, shown 分值) of the 年度资金总额 row."""
    first, last = base + 2, base + len(rows) - 1      # 1-based sheet rows of the indicator rows
    shown = [r[6] for r in rows[1:-1]] + ([funds[1]] if funds is not None else [])
    numbers = [parse_decimal(str(c)) for c in shown if c]
    out = list(values)
    out[6] = Formula(f"=SUM(G{first}:G{last})" + (f"+G{funds[0]}" if funds is not None else ""))
    cached[f"G{base + len(rows)}"] = sum((n for n in numbers if n is not None), Decimal(0))
    return out


def _style(ws, shown: list, heads: set, form, notes: int) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body, bold = Font(name="仿宋_GB2312", size=11), Font(name="黑体", size=11)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ws.cell(1, 1).font = Font(name="方正小标宋简体", size=TITLE_SIZE)
    ws.cell(1, 1).alignment = centre
    last = len(shown) + 1 - notes
    for i, row in enumerate(ws.iter_rows(min_row=2, max_row=last, max_col=COLUMNS)):
        for cell in row:
            cell.border = box
            cell.font = bold if i + 1 in heads or cell.column == 1 else body
            text = shown[i][cell.column - 1]
            cell.alignment = left if len(text) > 12 else centre
            if isinstance(cell.value, Decimal):
                cell.number_format = figure_format(text)
    for r in range(last + 1, ws.max_row + 1):
        ws.cell(r, 1).font = body
        ws.cell(r, 1).alignment = left

