"""The score table (自评表) as an .xlsx workbook, ready to paste into a finance bureau's workbook.

The same rows as the report's attachment, from the same template values: 一级/二级 cells merged
down their group, widths from the longest name, figures as exact numbers, the total as a formula.
Written byte for byte the same for the same input, like the .docx.

Every cell of every workbook mkreport writes (this one and the bureau's summary) is written by
`append_row`: a text stays the text it is, whatever it starts with; only a `Formula` is a formula.
"""
from __future__ import annotations

import datetime as _dt
import io
import zipfile

_FIXED = (1980, 1, 1, 0, 0, 0)
HEADS = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]

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
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    rows = context["score_table"]
    title = f"{context['dept'].name}{context['year']}年部门整体支出绩效自评表"
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="仿宋_GB2312", size=11)
    bold = Font(name="黑体", size=11)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    append_row(ws, [title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADS))
    ws.cell(1, 1).font = Font(name="方正小标宋简体", size=16)
    ws.cell(1, 1).alignment = centre
    append_row(ws, HEADS)
    first = 3
    reasons = reasons_as_printed(printed, rows) or [r.reason for r in rows]
    for r, reason in zip(rows, reasons):
        append_row(ws, [r.l1_shown, r.l2_shown, r.l3, r.points, r.score, reason])
    last = first + len(rows) - 1
    total_row = last + 1
    grade = f"绩效等级：{context['grade']}" if context.get("grade") else ""
    sums = [Formula(f"=SUM({c}{first}:{c}{last})") for c in "DE"]
    append_row(ws, ["合计", "", "", *sums, grade])
    ws.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=3)

    # 一级/二级 cells merge down their group, as the printed table does
    for col, key in ((1, "l1_merge"), (2, "l2_merge")):
        start = None
        for i, r in enumerate(rows + [None]):
            starts = r is None or getattr(r, key) == "restart"
            if starts and start is not None and first + i - 1 > start:
                ws.merge_cells(start_row=start, start_column=col, end_row=first + i - 1, end_column=col)
            if starts:
                start = first + i

    for row in ws.iter_rows(min_row=2, max_row=total_row, max_col=len(HEADS)):
        for cell in row:
            cell.border = box
            cell.font = bold if cell.row in (2, total_row) and cell.column <= 3 else body
            cell.alignment = left if cell.column in (3, 6) and cell.row not in (2, total_row) else centre
    for c in range(4, 6):
        for r in range(first, total_row + 1):
            ws.cell(r, c).number_format = "0.##"
    widths = [max((_width(str(ws.cell(r, c).value or "")) for r in range(2, total_row + 1)), default=4)
              for c in range(1, len(HEADS) + 1)]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = min(max(w + 2, 6), 40 if c == 6 else 30)
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    stamp = _dt.datetime.combine(report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    wb.properties.creator = context["dept"].name
    wb.properties.title = title
    wb.properties.created = wb.properties.modified = stamp
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue())


def reasons_as_printed(printed: dict | None, rows: list) -> list[str] | None:
    """The 扣分原因 column of the report's own 自评表, as its template words it ("按绩效目标完成率
    87.50%计分" where no reason is written), so the workbook says what the attachment says and the
    wording has one home, the template. None where the report has no table whose rows are these."""
    from lxml import etree

    from .wordml import W

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
    from .wordml import W, cell_text, grid_span

    out, at = [], 0
    for tc in tr.findall(f"{W}tc"):
        out.append((at, cell_text(tc)))
        at += grid_span(tc)
    return out


def _width(text: str) -> int:
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fixed_zip(data: bytes) -> bytes:
    """The same workbook gives the same bytes: every entry dated 1980-01-01, in a fixed order, and
    the "modified" time openpyxl stamps at every save replaced by the document's own date."""
    import re

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            part = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                created = re.search(rb"<dcterms:created[^>]*>([^<]*)<", part)
                if created:
                    stamp = created.group(1)
                    part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", lambda m, s=stamp: m.group(1) + s + m.group(2),
                                  part)
            zout.writestr(info, part)
    return out.getvalue()
