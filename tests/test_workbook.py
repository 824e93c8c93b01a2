"""The workbooks as printed and opened (generator/wordml/workbook.py): A4 one page wide with the heading
on every page, figures shown as the report prints them, totals that carry their values, and no
schema error — read back from the .xlsx the examples build, compared with the report's 自评表."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from lxml import etree
from openpyxl import load_workbook
from paths import EXAMPLES, ROOT

from generator.wordml.workbook import figure_format, lines_across, orientation

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
INPUTS = [str(ROOT / "inputs" / f"{n}.yaml") for n in EXAMPLES]
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (.ci/run installs it)")


def shown(value, number_format: str) -> str:
    """What a spreadsheet shows for `value` under one of the formats mkreport writes (0, 0.0, 0.00 …)."""
    assert number_format == "0" or number_format.startswith("0.") and set(number_format[2:]) == {"0"}, number_format
    return f"{Decimal(str(value)):.{len(number_format.partition('.')[2])}f}"


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def attachment(built: Path, name: str) -> list[list[str]]:
    """The report's own 自评表 (its last table) as printed: the heading, a row per indicator, 合计."""
    return [[c.text for c in row.cells] for row in Document(str(built / f"{name}.docx")).tables[-1].rows]


@pytest.fixture(scope="module")
def summary(tmp_path_factory) -> Path:
    """The bureau's summary of the three examples, written once for this module."""
    from click.testing import CliRunner

    from generator.cli import main
    target = tmp_path_factory.mktemp("summary") / "汇总.xlsx"
    assert CliRunner().invoke(main, ["summary", *INPUTS, "-o", str(target)]).exit_code == 0
    return target


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_score_workbook_prints_on_a4_one_page_wide_with_its_heading_on_every_page(built, name):
    path = built / f"{name}-自评表.xlsx"
    sheet = part(path, "xl/worksheets/sheet1.xml")
    setup = sheet.find(f"{MAIN}pageSetup")
    assert setup.get("paperSize") == "9" and setup.get("orientation") == "portrait"
    assert setup.get("fitToWidth") == "1" and setup.get("fitToHeight") == "0"
    assert sheet.find(f"{MAIN}sheetPr/{MAIN}pageSetUpPr").get("fitToPage") == "1"
    titles = part(path, "xl/workbook.xml").findall(f"{MAIN}definedNames/{MAIN}definedName")
    assert [(d.get("name"), d.text) for d in titles] == [("_xlnm.Print_Titles", "'自评表'!$2:$2")]
    options = sheet.find(f"{MAIN}printOptions")
    assert options.get("gridLines") == "0" and options.get("horizontalCentered") == "1"  # the table is ruled
    margins = sheet.find(f"{MAIN}pageMargins")
    assert (margins.get("left"), margins.get("top")) == ("0.7", "0.75")
    assert "&P" in sheet.find(f"{MAIN}headerFooter/{MAIN}oddFooter").text


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_figure_shows_as_the_attachment_prints_it(built, name):
    """分值 and 得分 under a format per cell that shows what the report shows: 2, 2.5, 4.92 — never
    "4." (Excel's way with 0.##); the 合计 row too."""
    ws = load_workbook(built / f"{name}-自评表.xlsx")["自评表"]
    printed = attachment(built, name)
    for r, line in enumerate(printed[1:], 3):
        for c in (4, 5):
            cell = ws.cell(r, c)
            value = cell.value if cell.data_type == "n" else cached_totals(built / f"{name}-自评表.xlsx")[cell.coordinate]
            assert shown(value, cell.number_format) == line[c - 1], (cell.coordinate, line)
    formats = {ws.cell(r, c).number_format for r in range(3, ws.max_row + 1) for c in (4, 5)}
    assert "0" in formats and formats & {"0.0", "0.00"} and "0.##" not in formats


def cached_totals(path: Path) -> dict[str, Decimal]:
    """Each formula cell's cached value, as a tool that does not recalculate reads it."""
    out = {}
    for c in part(path, "xl/worksheets/sheet1.xml").iter(f"{MAIN}c"):
        if c.find(f"{MAIN}f") is not None:
            out[c.get("r")] = Decimal(c.findtext(f"{MAIN}v"))
    return out


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_totals_carry_the_reports_figures_as_their_values(built, name):
    path = built / f"{name}-自评表.xlsx"
    ws = load_workbook(path)["自评表"]
    last = ws.max_row
    assert ws.cell(last, 4).value == f"=SUM(D3:D{last - 1})"                      # still a formula
    total = attachment(built, name)[-1]
    assert cached_totals(path) == {f"D{last}": Decimal(total[3]), f"E{last}": Decimal(total[4])}
    values = load_workbook(path, data_only=True)["自评表"]                        # a reader of values
    assert [Decimal(str(values.cell(last, c).value)) for c in (4, 5)] == [Decimal(total[3]), Decimal(total[4])]


def test_a_wrapped_reason_gets_a_taller_row_and_the_title_its_lines(built):
    ws = load_workbook(built / "pingyuan-2023-自评表.xlsx")["自评表"]
    heights = {ws.cell(r, 3).value: ws.row_dimensions[r].height for r in range(3, ws.max_row)}
    assert heights["财务管理合规性"] >= 2 * heights["预算编制合理性"] - 5          # its reason takes two lines
    assert ws.row_dimensions[1].height > heights["预算编制合理性"]


def test_a_long_title_takes_two_lines_and_a_wide_table_a_landscape_page():
    narrow = [10, 10, 26, 6, 7, 40]
    assert lines_across("示例县商务局2023年部门整体支出绩效自评表", 16, narrow) == 1
    assert lines_across("某某自治县某某某某某某某某某某委员会办公室2023年部门整体支出绩效自评表", 16, narrow) == 2
    assert orientation(narrow) == "portrait" and orientation(narrow + [30, 30]) == "landscape"
    assert [figure_format(t) for t in ("4", "2.5", "96.99", "0.125")] == ["0", "0.0", "0.00", "0.000"]


def test_the_summary_prints_each_sheet_one_page_wide_with_its_heading(summary):
    wb = load_workbook(summary)
    titles = {d.get("localSheetId"): d.text for d in part(summary, "xl/workbook.xml").iter(f"{MAIN}definedName")
              if d.get("name") == "_xlnm.Print_Titles"}
    assert titles == {str(i): f"'{ws.title}'!$1:$1" for i, ws in enumerate(wb.worksheets)}
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9 and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_options.gridLines   # no ruled cells
    assert wb["部门"].page_setup.orientation == "landscape"          # twelve indicators across
    assert wb["统计"].page_setup.orientation == "portrait"


def test_the_summary_shows_figures_as_its_csv_does(summary, run):
    import csv

    wb = load_workbook(summary)
    output = run("summary", *INPUTS, "--format", "csv").output.lstrip("\ufeff").splitlines()
    rows = [r for r in csv.reader(output) if len(r) > 1]          # not the closing line of counts
    heads = rows[0]
    for r, line in enumerate(rows[1:], 2):
        for c, text in enumerate(line, 1):
            cell = wb["部门"].cell(r, c)
            if cell.data_type == "n" and cell.value is not None:
                assert shown(cell.value, cell.number_format) == text, (heads[c - 1], line)
    means = [r[2] for r in wb["统计"].iter_rows(min_row=2) if r[2].data_type == "n" and r[2].value is not None]
    assert means and {c.number_format for c in means} == {"0.00"}     # 平均扣分, rounded to 0.01
    assert len(rows) == 4 and all("0.##" not in c.number_format for ws in wb for r in ws.iter_rows() for c in r)


def schema_errors(path: Path) -> list:
    audit = pytest.importorskip("openxml_audit")
    result = audit.OpenXmlValidator(max_errors=1000).validate(str(path))
    return [(e.part_uri, e.path, e.description) for e in result.errors if e.error_type.value == "schema"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_excel_opens_the_score_workbook_without_repair(built, name):
    """openxml-audit: no schema error (openpyxl writes a font's properties out of the schema's order)."""
    assert schema_errors(built / f"{name}-自评表.xlsx") == []


def test_excel_opens_the_summary_without_repair(summary):
    assert schema_errors(summary) == []


@pytest.mark.slow
@needs_office
def test_libreoffice_prints_a_long_table_one_page_wide_and_repeats_its_heading(tmp_path):
    """A 自评表 three times as long as 平远's, printed by LibreOffice: A4 portrait, the title whole
    on the first page, the heading row again at the top of the next, page numbers at the foot."""
    from generator.pipeline import check
    from generator.render.xlsx import score_workbook
    from generator.template.context import build_context

    result = check(Path(INPUTS[1]))
    context = dict(result.derived.context or build_context(result.loaded, result.derived))
    context["score_table"] = list(context["score_table"]) * 3
    (tmp_path / "long.xlsx").write_bytes(score_workbook(context, None, result.derived.rendered))
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(tmp_path / "long.xlsx")], capture_output=True, timeout=180)
    info = subprocess.run(["pdfinfo", str(tmp_path / "long.pdf")], capture_output=True, text=True).stdout
    assert "595.3" in info and "841.89" in info                                  # A4 portrait
    pages = lines_of_words(tmp_path / "long.pdf")
    assert len(pages) >= 2
    assert pages[0][0] == ["平远县科工商务局2023年部门整体支出绩效自评表"]             # the title whole, on its line
    heading = ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]
    for i, page in enumerate(pages):
        # the heading first under the title, then at the top of each page, every column of it there;
        # LibreOffice leaves the clipped name of a group merged across the page break beside it
        top = [w for line in page[1 if i == 0 else 0:][:2] for w in line]
        assert [w for w in top if w in heading] == heading, (i, page[:3])
    assert "".join(pages[-1][-1]) == f"第{len(pages)}页，共{len(pages)}页"
    total = next(line for line in pages[-1] if "合计" in line)
    assert total == ["合计", "297", "292.5", "绩效等级：优"]


def lines_of_words(pdf: Path) -> list[list[list[str]]]:
    """Each page's words, line by line from the top (words whose tops are within 2 points), left to right."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True).stdout
    out = []
    for page in etree.fromstring(html.encode("utf-8"), etree.HTMLParser(encoding="utf-8")).iter("page"):
        words = sorted((float(w.get("ymin")), float(w.get("xmin")), w.text) for w in page.iter("word"))
        lines: list[list[tuple]] = []
        for word in words:
            if lines and word[0] - lines[-1][0][0] <= 2:
                lines[-1].append(word)
            else:
                lines.append([word])
        out.append([[w[2].replace(" ", "") for w in sorted(line, key=lambda w: w[1])] for line in lines])
    return [p for p in out if p]
