"""The tables of a filled form as a person sees them: every cell's text as shown, where it is
(自评表!C7, 表1 第7行第3列), and for a cell a merge covers, the merged cell's text and address —
so a 一级指标 spanning five rows is read on each of the five.

A workbook's figures are shown as Excel shows them (a 0.00 format makes 800 "800.00", a 0.00%
format makes 0.9583 "95.83%"), since a form means a figure at the precision it prints. A Word
table's merges are its gridSpan (across) and vMerge (down). Both readers refuse a file that is
not what it says, or that unpacks past a limit, with a Chinese reason (FormFileProblem).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..core.errors import BROKEN_ARCHIVE
from .elements import W, cell_text, grid_span, paragraph_text

MAX_UNPACKED = 64 * 1024 * 1024     # a filled form is some kilobytes; a zip bomb is refused unread
MAX_ROWS = 2000         # a form has some dozens of rows; formatting may claim a million
MAX_COLUMNS = 60


class FormFileProblem(Exception):
    """Why a form file cannot be read, in Chinese; the caller adds the file's name."""


@dataclass
class Cell:
    text: str                  # as shown: a figure at its format's precision, a text stripped
    where: str                 # 自评表!C7 or 表1 第7行第3列
    origin: str = ""           # the merged cell this one shows (its address and span), "" if its own
    key: str = field(init=False)

    def __post_init__(self):
        self.key = label_key(self.text)

    @property
    def source(self) -> str:
        """Where the text was read: the cell itself, or the merged cell covering it."""
        return self.origin or self.where


@dataclass
class Sheet:
    name: str                                    # the worksheet's name, or 表1
    rows: list[list[Cell]]


_SPACE = re.compile(r"[\s\u3000:：*＊]")


def label_key(text: str) -> str:
    """A heading as compared: spaces, line breaks and colons out, full-width brackets as ASCII."""
    return _SPACE.sub("", text).replace("（", "(").replace("）", ")")


def _check_archive(data: bytes, what: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise FormFileProblem(f"{what}解压后超过 {MAX_UNPACKED // 1048576} MB，不像一张自评表")
    except BROKEN_ARCHIVE:
        raise FormFileProblem(f"它不是有效的{what}") from None


# ---- .xlsx ------------------------------------------------------------------------------------

def workbook_sheets(data: bytes) -> list[Sheet]:
    """Every worksheet of a workbook, with the values its formulas last computed."""
    _check_archive(data, " Excel 工作簿（.xlsx）")
    import warnings

    from openpyxl import load_workbook
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")            # openpyxl's notes on data validation and the like
            wb = load_workbook(io.BytesIO(data), data_only=True)
    except BROKEN_ARCHIVE + (TypeError, AttributeError, IndexError) as exc:
        raise FormFileProblem(f"它不是 Excel 能打开的工作簿（.xlsx）：{type(exc).__name__}") from None
    return [_worksheet(ws) for ws in wb.worksheets]


def _worksheet(ws) -> Sheet:
    from openpyxl.utils import get_column_letter

    last_row, last_col = min(ws.max_row, MAX_ROWS), min(ws.max_column, MAX_COLUMNS)
    rows = []
    for r in range(1, last_row + 1):
        rows.append([Cell(shown_value(ws.cell(r, c)), f"{ws.title}!{get_column_letter(c)}{r}")
                     for c in range(1, last_col + 1)])
    for rng in ws.merged_cells.ranges:
        top = rows[rng.min_row - 1][rng.min_col - 1] if rng.min_row <= last_row and rng.min_col <= last_col else None
        if top is None:
            continue
        span = f"{top.where}（合并单元格 {rng.coord}）"
        for r in range(rng.min_row, min(rng.max_row, last_row) + 1):
            for c in range(rng.min_col, min(rng.max_col, last_col) + 1):
                cell = rows[r - 1][c - 1]
                if cell is top:
                    continue
                cell.text, cell.key, cell.origin = top.text, top.key, span
    return Sheet(ws.title, _trimmed(rows))


_PLACES = re.compile(r"0\.(0+)")


def shown_value(cell) -> str:
    """A cell's value as Excel shows it: numbers under their format's decimals and per cent sign."""
    import datetime as _dt

    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (_dt.datetime, _dt.date)):
        d = value.date() if isinstance(value, _dt.datetime) else value
        return f"{d.year}年{d.month}月{d.day}日"
    if isinstance(value, (int, float, Decimal)):
        return shown_number(value, cell.number_format or "General")
    return str(value).strip()


def shown_number(value, number_format: str) -> str:
    fmt = number_format.split(";")[0]
    try:
        number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except InvalidOperation:
        return str(value)
    percent = "%" in fmt
    if percent:
        number *= 100
    m = _PLACES.search(fmt)
    if m:
        number = number.quantize(Decimal(1).scaleb(-len(m.group(1))))
    elif fmt != "General" and "0" in fmt:
        number = number.quantize(Decimal(1))
    text = format(number, "f")
    if not m and "." in text:
        text = text.rstrip("0").rstrip(".")      # General shows 9.58, not 9.5800000001
    return text + ("%" if percent else "")


def _trimmed(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Trailing rows and columns left empty (a sheet's formatting reaches past its table) dropped."""
    while rows and not any(c.text for c in rows[-1]):
        rows.pop()
    width = max((max((i + 1 for i, c in enumerate(row) if c.text), default=0) for row in rows), default=0)
    return [row[:width] for row in rows]


# ---- .docx ------------------------------------------------------------------------------------

def document_rows(data: bytes) -> Sheet:
    """A Word document's body as rows, in order: a paragraph outside the tables as a row of one cell
    (第3段, counting paragraphs with text), each table's rows as they are (表1 第7行第3列)."""
    from lxml import etree

    _check_archive(data, " Word 文档（.docx）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml")
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
    except (*BROKEN_ARCHIVE, etree.XMLSyntaxError):
        raise FormFileProblem("它不是有效的 Word 文档（.docx）") from None
    body = root.find(f"{W}body")
    rows: list[list[Cell]] = []
    tables = paragraphs = 0
    for el in _blocks(body) if body is not None else ():
        if el.tag == f"{W}tbl":
            tables += 1
            rows.extend(_table(el, tables).rows)
        else:
            text = paragraph_text(el).strip()
            if text:
                paragraphs += 1
                rows.append([Cell(text, f"第{paragraphs}段")])
        if len(rows) > MAX_ROWS:
            break
    return Sheet("", rows[:MAX_ROWS])


def _blocks(container):
    """The body's paragraphs and tables in order, looking into content controls (w:sdt)."""
    for el in container:
        if el.tag in (f"{W}p", f"{W}tbl"):
            yield el
        elif el.tag == f"{W}sdt":
            content = el.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _table(tbl, number: int) -> Sheet:
    name = f"表{number}"
    rows: list[list[Cell]] = []
    for r, tr in enumerate(tbl.iter(f"{W}tr"), 1):
        if r > MAX_ROWS:
            break
        if any(a.tag == f"{W}tbl" and a is not tbl for a in tr.iterancestors()):
            continue                     # a row of a table inside a cell: part of that cell's text
        row: list[Cell] = []
        before = tr.find(f"{W}trPr/{W}gridBefore")
        for _ in range(_int(before.get(f"{W}val")) if before is not None else 0):
            row.append(Cell("", f"{name} 第{len(rows) + 1}行第{len(row) + 1}列"))
        for tc in tr.findall(f"{W}tc"):
            span = min(grid_span(tc), MAX_COLUMNS)
            col = len(row)
            where = f"{name} 第{len(rows) + 1}行第{col + 1}列"
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            above = rows[-1][col] if rows and col < len(rows[-1]) else None
            if merge is not None and merge.get(f"{W}val") in (None, "continue") and above is not None:
                origin = above.origin or f"{above.where}（合并单元格）"
                cells = [Cell(above.text, where, origin) for _ in range(span)]
            else:
                text = cell_text(tc)
                cells = [Cell(text, where)]
                cells += [Cell(text, where, f"{where}（合并单元格）") for _ in range(span - 1)]
            row.extend(cells)
        rows.append(row[:MAX_COLUMNS])
    width = max((len(r) for r in rows), default=0)
    for i, row in enumerate(rows):
        row.extend(Cell("", f"{name} 第{i + 1}行第{c + 1}列") for c in range(len(row), width))
    return Sheet(name, _trimmed(rows))


def _int(value) -> int:
    return int(value) if value and value.isdigit() else 0
