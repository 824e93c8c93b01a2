"""The score table (自评表) as an .xlsx workbook, ready to paste into a finance bureau's workbook.

The same rows as the report's attachment, from the same template values: 一级/二级 cells merged
down their group, widths from the longest name, figures as exact numbers shown as the attachment
prints them, the total as a formula with the value it computes. Printed on A4 one page wide, the
heading row on every page (workbook.py). Written byte for byte the same for the same input, like the .docx.

Every cell of every workbook mkreport writes (this one and the bureau's summary) is written by
`append_row`: a text stays the text it is, whatever it starts with; only a `Formula` is a formula.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from ..wordml.workbook import figure_format, width_to_fit

HEADS = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]
TITLE_SIZE = 16                 # points: 方正小标宋简体 三号, as the attachment's title

# What a spreadsheet takes for the start of a formula (OWASP, "CSV Injection"): = + - @ and their
# full-width forms ＝＋－＠ (some input methods and spreadsheets fold them to the ASCII ones), also
# after leading blanks; and a text that starts with a tab or a carriage return.
FORMULA_START = "=+-@＝＋－＠"


class Formula(str):
    """A formula mkreport writes itself (the total row's =SUM(…)): the one kind of cell that is computed."""


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula when it is typed, pasted or imported."""
    if text[:1] in ("\t", "\r"):
        return True
    rest = text.lstrip()
    return bool(rest) and rest[0] in FORMULA_START


def append_row(ws, values) -> None:
    """Append one row. openpyxl makes a str starting with "=" a formula (and "#N/A" an error value):
    a department named =HYPERLINK(…) would send the sheet's contents to a web address when opened.
    So every str is a text cell (data_type "s") holding the text as written, and one a spreadsheet
    would take for a formula also gets Excel's quote prefix, so that editing the cell keeps it text."""
    from openpyxl.cell.cell import Cell

    cells = []
    for value in values:
        if isinstance(value, Formula):
            cells.append(Cell(ws, value=str(value)))
            continue
        cell = Cell(ws, value=value)
        if isinstance(value, str):
            cell.data_type = "s"
            if formula_like(value):
                cell.quotePrefix = True
        cells.append(cell)
    ws.append(cells)


def score_workbook(context: dict, report_date: _dt.date | None = None, printed: dict | None = None) -> bytes:
    """`printed`: the report's parts as rendered (Derived.rendered), whose 自评表 words the 扣分原因."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    from ..template.phrases import points
    from ..wordml.workbook import fit_rows, lines_across, print_on_a4, row_height, saved

    rows = context["score_table"]
    title = f"{context['dept'].name}{context['year']}年部门整体支出绩效自评表"
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    first, total_row = 3, 3 + len(rows)
    reasons = reasons_as_printed(printed, rows) or [r.reason for r in rows]
    # what the SUM formulas compute, from the figures in the cells: their cached values
    totals = {c: sum((v for v in (getattr(r, key) for r in rows) if v is not None), Decimal(0))
              for c, key in (("D", "points"), ("E", "score"))}
    grade = f"绩效等级：{context['grade']}" if context.get("grade") else ""

    append_row(ws, [title])
    append_row(ws, HEADS)
    for r, reason in zip(rows, reasons):
        append_row(ws, [r.l1_shown, r.l2_shown, r.l3, r.points, r.score, reason])
    append_row(ws, ["合计", "", "", *(Formula(f"=SUM({c}{first}:{c}{total_row - 1})") for c in totals), grade])
    # each cell as the report's 自评表 prints it (a score through the template's `points` filter)
    shown = [HEADS] + [[r.l1_shown, r.l2_shown, r.l3, points(r.points), points(r.score), reason]
                       for r, reason in zip(rows, reasons)]
    shown.append(["合计", "", "", *(points(v) for v in totals.values()), grade])

    _merge_groups(ws, rows, first, total_row)
    _style_table(ws, total_row)
    for r, line in enumerate(shown[1:], first):
        for c in (4, 5):
            if line[c - 1]:
                ws.cell(r, c).number_format = figure_format(line[c - 1])
    widths = _column_widths(shown)
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    # a cell merged across the table is never grown to fit, by Excel either: the title's row is given
    # the lines the title wraps to
    ws.row_dimensions[1].height = row_height(lines_across(title, TITLE_SIZE, widths), TITLE_SIZE) + 6
    fit_rows(ws, widths, 2)
    ws.freeze_panes = "A3"
    print_on_a4(ws, widths, "2:2")
    stamp = _dt.datetime.combine(report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    wb.properties.creator = context["dept"].name
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = stamp
    return saved(wb, {ws.title: {f"{c}{total_row}": v for c, v in totals.items()}})


def _merge_groups(ws, rows: list, first: int, total_row: int) -> None:
    """The title across the table, 合计 across the name columns, and 一级/二级 cells down their
    group, as the printed table merges them."""
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADS))
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=3)
    for col, key in ((1, "l1_merge"), (2, "l2_merge")):
        start = None
        for i, r in enumerate(rows + [None]):
            starts = r is None or getattr(r, key) == "restart"
            if starts and start is not None and first + i - 1 > start:
                ws.merge_cells(start_row=start, start_column=col, end_row=first + i - 1, end_column=col)
            if starts:
                start = first + i


def _style_table(ws, total_row: int) -> None:
    """Ruled cells in 仿宋, the heading and 合计 in 黑体, names and reasons set left and wrapped."""
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="仿宋_GB2312", size=11)
    bold = Font(name="黑体", size=11)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ws.cell(1, 1).font = Font(name="方正小标宋简体", size=TITLE_SIZE)
    ws.cell(1, 1).alignment = centre
    for row in ws.iter_rows(min_row=2, max_row=total_row, max_col=len(HEADS)):
        for cell in row:
            cell.border = box
            cell.font = bold if cell.row in (2, total_row) and cell.column <= 3 else body
            cell.alignment = left if cell.column in (3, 6) and cell.row not in (2, total_row) else centre


def _column_widths(shown: list[list[str]]) -> list[int]:
    """Each column as wide as its longest text as printed (a name column at most 30, 扣分原因 40;
    a longer text wraps)."""
    return [min(max(max(map(width_to_fit, column)), 6), 40 if c == len(HEADS) else 30)
            for c, column in enumerate(zip(*shown), 1)]


def reasons_as_printed(printed: dict | None, rows: list) -> list[str] | None:
    """The 扣分原因 column of the report's own 自评表, as its template words it ("按绩效目标完成率
    87.50%计分" where no reason is written), so the workbook says what the attachment says and the
    wording has one home, the template. None where the report has no table whose rows are these."""
    from lxml import etree

    from ..wordml.elements import W

    for text in (printed or {}).values():
        if not text.startswith("<w:body"):
            continue
        try:
            body = etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, huge_tree=True))
        except etree.XMLSyntaxError:
            return None
        for tbl in body.iter(f"{W}tbl"):
            table = [_grid_row(tr) for tr in tbl.findall(f"{W}tr")]
            column = next((at for row in table[:3] for at, cell in row if cell == "扣分原因"), None)
            if column is None:
                continue
            # each indicator's row, in order, found by its name (a header may take more than one row)
            out, i = [], 0
            for r in rows:
                name = r.l3 or r.l2 or r.l1
                while i < len(table) and name not in (cell for _, cell in table[i]):
                    i += 1
                if i == len(table):
                    break
                out.append(next((cell for at, cell in table[i] if at == column), ""))
                i += 1
            if len(out) == len(rows):
                return out
    return None


def _grid_row(tr) -> list[tuple[int, str]]:
    """(grid column it starts at, text) of each cell of a row; a cell spanning columns counts them all."""
    from ..wordml.elements import W, cell_text, grid_span

    out, at = [], 0
    for tc in tr.findall(f"{W}tc"):
        out.append((at, cell_text(tc)))
        at += grid_span(tc)
    return out
