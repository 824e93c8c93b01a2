"""What every workbook mkreport writes (a report's 自评表, a bureau's 汇总) has in common once its
cells are written: figures shown as the report prints them, an A4 page one table wide with the
heading row on every page, and a package that Excel, WPS and LibreOffice open as it is — no repair,
no blank totals in a viewer that does not recalculate — and that is the same bytes for the same input.
"""
from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal

_FIXED = (1980, 1, 1, 0, 0, 0)
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

# Excel's "Normal" margins, in inches: 1.8 cm at the sides, 1.9 cm above and below, the footer 0.8 cm
# from the edge — room for a page number, and the most of an A4 sheet left for the table.
MARGINS = {"left": 0.7, "right": 0.7, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
A4_POINTS = {"portrait": 210 / 25.4 * 72, "landscape": 297 / 25.4 * 72}
# Fitted to the width of a portrait page, a table printed smaller than this is hard to read (an 11-point
# 仿宋 under 9 points): it goes on a landscape page instead.
SMALLEST_SCALE = 0.8
CELL_MARGINS = 4                # points: what a cell leaves blank at its sides
LINE_SPACING = 1.3               # a line of a Chinese face, in its size: glyphs and the space between lines
PAGE_NUMBER = "第 &P 页，共 &N 页"          # Excel's codes: this page, the number of pages

# The order ECMA-376's CT_Font sequence gives a font's properties (the Open XML SDK, and Excel, hold a
# file to it); openpyxl writes name, family, color and sz first, which Excel repairs.
FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
              "name", "family", "charset", "scheme"]


def figure_format(shown: str) -> str:
    """The number format under which a spreadsheet shows a figure as the report prints it, `shown`:
    "2" → 0, "2.5" → 0.0, "4.92" → 0.00. Not 0.##: Excel shows a whole number under that as "4."."""
    places = len(shown.partition(".")[2])
    return "0." + "0" * places if places else "0"


def column_points(width: float) -> float:
    """A column's printed width in points: Excel counts a width in digits of the default font
    (Calibri 11, 7 pixels at 96 dpi) and adds 5 pixels of padding."""
    return (width * 7 + 5) * 0.75


def text_points(text: str, size: float) -> float:
    """How wide one line of `text` is set at `size` points, counted so as not to fall short: a
    Chinese character one em; a Latin letter or figure, half an em in the Chinese faces, counted
    a fifth more, as a word or figure that does not fit is carried whole to the next line."""
    narrow = len(text.encode("ascii", "ignore"))
    return (len(text) - narrow + narrow * 0.6) * size


def width_to_fit(text: str, size: float = 11) -> int:
    """The column width (Excel's unit, see column_points) in which `text` is one line, and a digit to spare."""
    return math.ceil(((text_points(text, size) + CELL_MARGINS) / 0.75 - 5) / 7) + 1


def printable_points(orientation: str) -> float:
    """The width inside the margins of an A4 page turned `orientation`."""
    return A4_POINTS[orientation] - (MARGINS["left"] + MARGINS["right"]) * 72


def orientation(widths: Sequence[float]) -> str:
    """Portrait where the table, fitted to the page's width, is printed at SMALLEST_SCALE or larger."""
    table = sum(map(column_points, widths))
    return "portrait" if table * SMALLEST_SCALE <= printable_points("portrait") else "landscape"


def lines_across(text: str, size: float, widths: Sequence[float]) -> int:
    """How many lines `text` takes at `size` points when it wraps across columns of these widths."""
    return max(1, math.ceil(text_points(text, size) / sum(map(column_points, widths))))


def lines_in(text: str, size: float, width: float) -> int:
    """How many lines `text` takes in a wrapping cell of a column `width` wide (each of its own lines at least one)."""
    inner = column_points(width) - CELL_MARGINS
    return sum(max(1, math.ceil(text_points(line, size) / inner)) for line in text.split("\n"))


def row_height(lines: int, size: float) -> float:
    """A row of `lines` lines at `size` points, with a little room above and below."""
    return round(lines * size * LINE_SPACING + 4, 1)


def fit_rows(ws, widths: Sequence[float], first: int, size: float = 11) -> None:
    """Give each row from `first` down the height its tallest wrapping cell needs. Excel grows a row
    with no height to fit when it opens the file; LibreOffice keeps the default 15 points (seen in its
    PDF), and the second line of a text runs into the row below. A merged cell is measured in its
    first column alone: mkreport merges only names down their group and 合计 across empty cells."""
    for row in ws.iter_rows(min_row=first, max_col=len(widths)):
        lines = 1
        for cell in row:
            if cell.data_type == "s" and cell.value and cell.alignment.wrap_text:     # a formula is not its text
                lines = max(lines, lines_in(cell.value, cell.font.sz or size, widths[cell.column - 1]))
        ws.row_dimensions[row[0].row].height = row_height(lines, size)


def print_on_a4(ws, widths: Sequence[float], heading_rows: str, gridlines: bool = False) -> None:
    """Print the sheet on A4, one page wide (as many pages down as it takes), `heading_rows` ("2:2")
    again at the top of every page, centred, numbered at the foot; gridlines only for a sheet whose
    cells have no borders of their own."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = orientation(widths)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0     # 0: as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = heading_rows
    ws.page_margins = PageMargins(**MARGINS)
    ws.print_options.horizontalCentered = True
    ws.print_options.gridLines = gridlines
    ws.oddFooter.center.text = PAGE_NUMBER


def saved(wb, cached: dict[str, dict[str, Decimal]] | None = None) -> bytes:
    """The workbook's bytes: fonts in the schema's order, each formula of `cached` ({sheet title:
    {"D28": value}}) with the value it computes, and the package made reproducible (_fixed_zip).
    openpyxl writes a formula with an empty value; a viewer or script that does not recalculate
    shows that as a blank total."""
    buf = io.BytesIO()
    wb.save(buf)
    rewrite = {"xl/styles.xml": fonts_in_schema_order}
    values = cached or {}
    for number, ws in enumerate(wb.worksheets, 1):       # openpyxl names the parts in the sheets' order
        if values.get(ws.title):
            rewrite[f"xl/worksheets/sheet{number}.xml"] = _with_values(values[ws.title])
    return _fixed_zip(buf.getvalue(), rewrite)


def fonts_in_schema_order(part: bytes) -> bytes:
    """styles.xml with each font's properties in FONT_ORDER."""
    from lxml import etree

    root = etree.fromstring(part)
    for font in root.iter(f"{_MAIN}font"):
        font[:] = sorted(font, key=lambda el: FONT_ORDER.index(etree.QName(el).localname))
    return _xml(root)


def _with_values(values: dict[str, Decimal]):
    def rewrite(part: bytes) -> bytes:
        return formulas_with_values(part, values)
    return rewrite


def formulas_with_values(part: bytes, values: dict[str, Decimal]) -> bytes:
    """A worksheet part with each formula cell named in `values` carrying that value as its cached
    result <v>, written out in full (no exponent), as the report prints the figure it sums."""
    from lxml import etree

    root = etree.fromstring(part)
    for c in root.iter(f"{_MAIN}c"):
        ref = c.get("r")
        if ref in values and c.find(f"{_MAIN}f") is not None:
            v = c.find(f"{_MAIN}v")
            if v is None:
                v = etree.SubElement(c, f"{_MAIN}v")
            v.text = format(values[ref], "f")
    return _xml(root)


def _xml(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _stamped(stamp: bytes) -> Callable[[re.Match[bytes]], bytes]:
    """A replacement that puts `stamp` between the two groups of the match (a function, not a
    template: the stamp is copied as written, backslashes included)."""
    return lambda m: m.group(1) + stamp + m.group(2)


def _fixed_zip(data: bytes, rewrite: dict | None = None) -> bytes:
    """The same workbook gives the same bytes: every entry dated 1980-01-01, in a fixed order, and
    the "modified" time openpyxl stamps at every save replaced by the document's own date; each part
    named in `rewrite` passed through its function."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=_FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            part = zin.read(item.filename)
            if rewrite and item.filename in rewrite:
                part = rewrite[item.filename](part)
            if item.filename == "docProps/core.xml":
                created = re.search(rb"<dcterms:created[^>]*>([^<]*)<", part)
                if created:
                    part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)", _stamped(created.group(1)), part)
            zout.writestr(info, part)
    return out.getvalue()
