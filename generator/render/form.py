"""The national self-evaluation form as a Word table: the official layout, cell by cell.

`layout()` lays the form out once, as a grid of ten columns with its merges, for the .docx here
and the .xlsx (form_xlsx.py) alike: 项目名称 / 主管部门 / 实施单位, the funds by source with 分值,
执行率 and 得分, the overall goals, then the indicator rows with 一级 and 二级 merged down their
group, and the total. The .docx takes its page and styles from the template (templates/
national-form.docx, made by tools/make_templates.py); the indicator part is a table of its own
whose heading row repeats on every page (Word repeats only a table's first rows).
"""
from __future__ import annotations

import datetime as _dt

from ..core.numbers import NotApplicable, fmt, round_to
from ..model.form import SOURCES

COLUMNS = 10
WIDTH_MM = 170          # A4 less 20 mm margins; the columns are fitted to what they hold (formfit.py)
INDICATOR_HEADS = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                   "偏差原因分析及改进措施", ""]
DASH = "—"


class Grid:
    """Rows of ten cells, the merges (row, col, last row, last col) and which rows are headings."""

    def __init__(self):
        self.rows: list[list] = []
        self.merges: list[tuple[int, int, int, int]] = []
        self.heads: set[int] = set()
        self.left: set[tuple[int, int]] = set()      # cells set left (texts), others centred
        self.figures: set[tuple[int, int]] = set()   # cells of figures, which must not wrap
        self.funding_row: int | None = None            # the 年度资金总额 row (its 分值 counts in the total)

    def add(self, cells: list, head: bool = False) -> int:
        cells = list(cells) + [""] * (COLUMNS - len(cells))
        self.rows.append(cells)
        if head:
            self.heads.add(len(self.rows) - 1)
        return len(self.rows) - 1

    def merge(self, row: int, col: int, last_row: int, last_col: int) -> None:
        if (row, col) != (last_row, last_col):
            self.merges.append((row, col, last_row, last_col))

    def covered(self) -> set[tuple[int, int]]:
        """The cells inside a merge, other than its first."""
        return {(r, c) for row, col, last_row, last_col in self.merges for r in range(row, last_row + 1)
                for c in range(col, last_col + 1) if (r, c) != (row, col)}

    def cells(self) -> list[list[tuple[int, int, str]]]:
        """Each row's cells as drawn: (first column, last column, text), the merged ones once."""
        covered, last = self.covered(), {(r, c): lc for r, c, _, lc in self.merges}
        return [[(c, last.get((r, c), c), str(text)) for c, text in enumerate(cells) if (r, c) not in covered]
                for r, cells in enumerate(self.rows)]


class Layout:
    """The form: its title, the upper grid (names, funds, goals), the indicator grid, the notes."""

    def __init__(self, title: str, year: int, top: Grid, rows: Grid, notes: list[str], author: str):
        self.title, self.year, self.top, self.rows, self.notes, self.author = title, year, top, rows, notes, author


def _money(value) -> str:
    return "" if value is None else fmt(value)


def _points(value) -> str:
    if value is None:
        return ""
    return DASH if isinstance(value, NotApplicable) else fmt(value)


def form_title(report) -> str:
    return "项目支出绩效自评表" if report.kind == "project" else "部门整体支出绩效自评表"


def layout(report, derived) -> Layout:
    form, rubric = report.form, derived.rubric
    dept = report.department.name
    top = Grid()
    project = report.kind == "project"
    r = top.add(["项目名称" if project else "部门（单位）名称", form.name or dept])
    top.merge(r, 1, r, 9)
    top.left.add((r, 1))
    r = top.add(["主管部门", form.authority or dept, "", "", "", "实施单位", "", form.executor or dept])
    top.merge(r, 1, r, 4)
    top.merge(r, 5, r, 6)
    top.merge(r, 7, r, 9)
    _funding(top, form.funding, derived, project)
    _goals(top, form.goals)
    rows = _indicators(form, derived, rubric)
    notes = _notes(report, derived)
    return Layout(form_title(report), report.year, top, rows, notes, dept)


def _funding(top: Grid, funding, derived, project: bool) -> None:
    unit = funding.unit or "万元"
    first = top.add([f"{'项目' if project else '年度'}资金（{unit}）", "", "", "年初预算数", "全年预算数", "全年执行数",
                     "分值", "执行率", "得分"], head=True)
    top.merge(first, 1, first, 2)
    top.merge(first, 8, first, 9)
    exp = derived.funding
    rate = funding.rate if funding.rate is not None else (exp.measure if exp is not None else None)
    points = funding.points if funding.points is not None else derived.funding_points
    lines = [("total", "年度资金总额")] + list(SOURCES.items())
    for key, name in lines:
        row = getattr(funding, key)
        cells = [_money(getattr(row, c)) if row is not None else "" for c in ("budget", "adjusted", "final")]
        if key == "total":
            if row is None:       # the total left out: the sum of the sources, as printed
                from ..model.rules import funding_total
                cells = [_money(funding_total(funding, c)) for c in ("budget", "adjusted", "final")]
            tail = [_points(points), f"{fmt(round_to(rate, 2))}%" if rate is not None else "", _points(funding.score)]
        else:
            tail = [DASH, DASH, DASH]
        r = top.add(["", name, "", *cells, *tail])
        top.figures.update((r, c) for c in range(3, 9))
        if key == "total":
            top.funding_row = r
        top.merge(r, 1, r, 2)
        top.merge(r, 8, r, 9)
        top.left.add((r, 1))
    top.merge(first, 0, first + len(lines), 0)


def _goals(top: Grid, goals) -> None:
    head = top.add(["年度总体目标", "预期目标", "", "", "", "实际完成情况"], head=True)
    top.merge(head, 1, head, 4)
    top.merge(head, 5, head, 9)
    expected = "\n".join(goals.expected) if goals is not None else ""
    actual = "\n".join(goals.actual) if goals is not None else ""
    r = top.add(["", expected, "", "", "", actual])
    top.merge(r, 1, r, 4)
    top.merge(r, 5, r, 9)
    top.merge(head, 0, r, 0)
    top.left.update({(r, 1), (r, 5)})


def _indicators(form, derived, rubric) -> Grid:
    grid = Grid()
    head = grid.add(INDICATOR_HEADS, head=True)
    grid.merge(head, 8, head, 9)
    for result in derived.rows:
        row = result.row
        actual = row.actual.text if row.actual is not None else ""
        reason = row.reason or ""
        r = grid.add(["", row.level1, row.level2, row.name, row.target.text, actual, _points(row.points),
                      _points(row.score), reason])
        grid.merge(r, 8, r, 9)
        # a target or an actual value with a number in it (≥1.2万亩, 95.17%, 9月前) is a figure; 有效提升 is text
        grid.figures.update((r, c) for c in (4, 5) if any(ch.isdigit() for ch in grid.rows[r][c]))
        grid.figures.update({(r, 6), (r, 7)})
        grid.left.update({(r, 3), (r, 8)})
    last = len(grid.rows) - 1
    grid.merge(head, 0, last, 0)
    if last > head:
        _merge_groups(grid, head + 1, last)
    total = form.total if form.total is not None else derived.total
    grade = form.grade or derived.scores.grade
    r = grid.add(["总分", "", "", "", "", "", fmt(rubric.points), _points(total), f"绩效等级：{grade}" if grade else ""],
                 head=True)
    grid.merge(r, 0, r, 5)
    grid.merge(r, 8, r, 9)
    grid.figures.update({(r, 6), (r, 7)})
    return grid


def _merge_groups(grid: Grid, first: int, last: int) -> None:
    """一级 down its rows; 二级 down its rows within one 一级: as the printed form merges them."""
    for col, key in ((1, lambda i: grid.rows[i][1]), (2, lambda i: (grid.rows[i][1], grid.rows[i][2]))):
        start = first
        for i in range(first, last + 2):
            if i == last + 1 or key(i) != key(start):
                grid.merge(start, col, i - 1, col)
                start = i


def _notes(report, derived) -> list[str]:
    out = []
    if derived.rescaled:
        names = "、".join(f"“{r.row.name}”" for r in derived.rows if not r.applies)
        out.append(f"注：{names}不适用，不计分；总分按适用指标的分值 {fmt(derived.applicable)} 分折算为 "
                   f"{fmt(derived.rubric.points)} 分（{fmt(derived.raw_total)} ÷ {fmt(derived.applicable)} × "
                   f"{fmt(derived.rubric.points)} = {fmt(derived.total)}）。")
    if report.form.contact:
        out.append(f"填报人及联系电话：{report.form.contact}")
    return out


# ---- .docx ------------------------------------------------------------------------------------

def form_docx(template, report, derived) -> bytes:
    from docx import Document
    from docx.shared import Mm

    from .docx import save_fixed
    from .pagination import keep_form_total

    form = layout(report, derived)
    doc = Document(str(template))
    widths = _widths(doc, form, Mm)
    body = doc.element.body
    for el in list(body):
        if not el.tag.endswith("}sectPr"):
            body.remove(el)
    doc.add_paragraph(form.title, style="Attachment Title")
    doc.add_paragraph(f"（{form.year}年度）", style="Table Center")
    _table(doc, form.top, widths, repeat=False)
    gap = doc.add_paragraph(style="Table Text")       # two tables touching would be joined into one by Word
    _tiny(gap)
    _table(doc, form.rows, widths, repeat=True)
    keep_form_total(doc.tables[-1]._tbl)
    for note in form.notes:
        doc.add_paragraph(note, style="Table Text")
    props = doc.core_properties
    stamp = _dt.datetime.combine(report.report_date or _dt.date(2000, 1, 1), _dt.time(9, 0))
    props.title = f"{form.author}{form.year}年度{form.title}"
    props.author = props.last_modified_by = form.author
    props.created = props.modified = props.last_printed = stamp
    props.revision = 1
    props.comments = props.keywords = props.subject = ""
    return save_fixed(doc)


def _widths(doc, form: Layout, Mm) -> list:
    """The columns' widths, fitted to the figures and texts of this form in the template's table
    type size (its Table Center style) and the table style's cell margins."""
    from docx.shared import Twips

    from ..wordml.styletable import style_table
    from .formfit import plan_widths
    from .tablefit import DEFAULT_MARGIN

    size = style_table(doc).size("TableCenter")
    total = round(Mm(WIDTH_MM).twips)
    return [Twips(w) for w in plan_widths([form.top, form.rows], total, size, DEFAULT_MARGIN, COLUMNS)]


def _tiny(paragraph) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    pf = paragraph.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(1)
    pf.space_before = pf.space_after = Pt(0)


def _table(doc, grid: Grid, widths: list, repeat: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = doc.add_table(rows=len(grid.rows), cols=COLUMNS)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    # autofit off is python-docx's fixed tblLayout; the borders go before it (the schema's order)
    after = tbl_pr.find(qn("w:tblLayout"))
    if after is None:
        after = tbl_pr.find(qn("w:tblLook"))
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    if after is not None:
        after.addprevious(borders)
    else:
        tbl_pr.append(borders)
    for i, width in enumerate(widths):
        table.columns[i].width = width
        for cell in table.columns[i].cells:
            cell.width = width
    for i, tr in enumerate(table.rows):
        tr_pr = tr._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if repeat and i == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))
    for row, col, last_row, last_col in grid.merges:
        table.cell(row, col).merge(table.cell(last_row, last_col))
    covered = grid.covered()
    for r, cells in enumerate(grid.rows):
        for c, text in enumerate(cells):
            if (r, c) in covered:
                continue
            cell = table.cell(r, c)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            style = "Table Head" if r in grid.heads or (c == 0 and text) else \
                "Table Text" if (r, c) in grid.left else "Table Center"
            lines = str(text).split("\n")
            first = cell.paragraphs[0]
            first.style = style
            first.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line, style=style)
