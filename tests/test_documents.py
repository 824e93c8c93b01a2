"""Submittable documents: valid OOXML, the GB/T 9704 page, a 自评表 like the printed ones, Chinese
fonts and language, nothing invented — read back from the .docx, the PDF and the .xlsx."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from paths import EXAMPLES, ROOT

from generator.core.measure import em

NAMES = EXAMPLES                    # what the `built` fixtures build (conftest.py)
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (.ci/run installs it)")


@pytest.mark.parametrize("path", [f"outputs:{n}" for n in NAMES] + [f"templates:{t}" for t in ("yangxi", "pingyuan", "hunan")])
def test_word_opens_it_without_repair(built, path):
    """An independent validator (openxml-audit): no schema error, no Word-compatibility error."""
    from openxml_audit import OpenXmlValidator
    kind, name = path.split(":")
    file = built / f"{name}.docx" if kind == "outputs" else ROOT / "templates" / f"{name}.docx"
    result = OpenXmlValidator(max_errors=1000).validate(str(file))
    assert result.error_count == 0, [(e.error_type.value, e.part_uri, e.description) for e in result.errors]


@pytest.mark.parametrize("name,style", list(zip(NAMES, ("yangxi", "pingyuan", "hunan"))))
def test_parts_the_report_does_not_change_are_the_templates_own_bytes(built, name, style):
    """Styles, settings and numbering are copied, not parsed and written again (render.py)."""
    with zipfile.ZipFile(built / f"{name}.docx") as out, zipfile.ZipFile(ROOT / "templates" / f"{style}.docx") as tpl:
        for part in ("word/styles.xml", "word/settings.xml", "word/numbering.xml"):
            assert out.read(part) == tpl.read(part), part
        assert out.read("word/document.xml") != tpl.read("word/document.xml")


@pytest.mark.parametrize("name", NAMES)
def test_chinese_language_fonts_and_properties(built, name):
    path = built / f"{name}.docx"
    with zipfile.ZipFile(path) as z:
        styles, settings = z.read("word/styles.xml").decode(), z.read("word/settings.xml").decode()
        theme, core = z.read("word/theme/theme1.xml").decode(), z.read("docProps/core.xml").decode()
        app, fonts = z.read("docProps/app.xml").decode(), z.read("word/fontTable.xml").decode()
        names = z.namelist()
    assert 'w:eastAsia="zh-CN"' in styles and 'w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"' in settings
    assert '<a:ea typeface="宋体"/>' in theme
    assert "stylesWithEffects" not in " ".join(names) and not any(n.endswith(".jpeg") for n in names)
    for face in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体"):
        assert f'w:name="{face}"' in fonts
    doc = Document(str(path))
    props = doc.core_properties
    assert props.author == doc.paragraphs[0].text.split("\n")[0] or props.author in doc.paragraphs[0].text
    assert "自评报告" in props.title and "{" not in props.title
    for text in (core, app):
        assert "python-docx" not in text and "mkreport" not in text and "Macintosh" not in text


@pytest.mark.parametrize("name", NAMES)
def test_a_28_by_22_grid_a_trapezoid_title_and_the_attachment_note(built, name):
    doc = Document(str(built / f"{name}.docx"))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:linePitch")) == "579"
    pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096           # ECMA-376: Normal's size + charSpace / 4096
    assert int(156 / 25.4 * 72 // pitch) == 28
    title = doc.paragraphs[0].text
    lines = title.split("\n")
    assert len(lines) >= 2 and "自评报告" in lines[-1]
    assert len(lines[0]) < max(len(line) for line in lines[1:])      # 梯形 or 菱形: the shorter line above
    assert all(em(line) <= 19 for line in lines)                     # each line fits 156 mm of 二号
    texts = [p.text for p in doc.paragraphs]
    note = texts.index(f"附件：{doc.core_properties.author}2023年部门整体支出绩效自评表")
    assert texts[note + 2] == doc.core_properties.author                 # a blank line, then the 落款
    dated = "report_date:" in (ROOT / "inputs" / f"{name}.yaml").read_text(encoding="utf-8")
    assert bool(re.fullmatch(r"20\d\d年\d{1,2}月\d{1,2}日", texts[note + 3])) == dated   # no date invented
    mark = next(p for p in doc.paragraphs if p.text == "附件")
    assert mark.paragraph_format.page_break_before and mark.style.name == "Attachment Mark"


def score_table(doc):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "一级指标")


@pytest.mark.parametrize("name", NAMES)
def test_the_score_table_is_like_a_printed_one(built, name):
    doc = Document(str(built / f"{name}.docx"))
    table = score_table(doc)
    merges = [[tc.tcPr.find(qn("w:vMerge")).get(qn("w:val")) for tc in (row._tr.tc_lst[0],)]
              for row in table.rows[1:-1]]
    assert merges[0] == ["restart"] and ["continue"] in merges          # 一级指标 merged down its group
    for row in table.rows[1:-1]:
        first, second = row._tr.tc_lst[0], row._tr.tc_lst[1]
        if first.tcPr.find(qn("w:vMerge")).get(qn("w:val")) == "continue":
            assert not "".join(t.text or "" for t in first.iter(qn("w:t"))).strip()                   # continued cells carry no text
        assert second.tcPr.find(qn("w:vMerge")) is not None
    total = table.rows[-1]._tr.tc_lst[0]
    assert total.grid_span == 3 and "".join(t.text for t in total.iter(qn("w:t"))) == "合计"
    for cell in (table.rows[1].cells[3], table.rows[1].cells[4]):
        assert cell.paragraphs[0].style.name == "Table Center"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert doc.styles["Table Text"].font.size.pt == 10.5


def test_target_tables_centre_their_number_and_status(built):
    doc = Document(str(built / "yangxi-2023.docx"))
    targets = [t for t in doc.tables if t.rows[0].cells[0].text == "序号"]
    assert targets
    for table in targets:
        assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Center"
        if len(table.columns) == 5:
            assert table.rows[1].cells[4].paragraphs[0].style.name == "Table Center"
            assert table.rows[0].cells[4].text == "完成情况"
    cells = [c for t in targets for r in t.rows[1:] for c in r.cells if re.search(r"[亿万]元|家|个", c.text)]
    assert cells and all(c.paragraphs[0].style.name in ("Table Number", "Table Text") for c in cells)
    number = doc.styles["Table Number"].element.rPr.rFonts
    assert number.get(qn("w:eastAsia")) == "仿宋_GB2312"                # units in figures stay in 仿宋


def test_money_columns_have_one_number_of_decimals(built):
    doc = Document(str(built / "yangxi-2023.docx"))
    table = next(t for t in doc.tables if "年初预算数" in t.rows[0].cells[1].text)
    figures = [c.text for r in table.rows[1:] for c in r.cells[1:] if c.text]
    assert figures and all(re.fullmatch(r"\d+\.\d\d", f) for f in figures), figures
    assert "653.60" in figures and "42.00" in figures


def test_nothing_invented_is_printed_and_numbering_is_consistent(built):
    text = "\n".join(p.text for p in Document(str(built / "pingyuan-2023.docx")).paragraphs)
    assert "原报告未列明" not in text
    work = text[text.index("（三）年度总体工作和重点工作任务"):text.index("（四）部门整体收入")]
    assert "（一）" not in work and "\n1.全力" in work
    duties = text[text.index("27.职能转变"):text.index("28.有关职责分工")]
    assert duties.index("（1）深入推进简政放权") < duties.index("（2）完善公共服务") < duties.index("（3）县科工商务局")


def test_the_score_table_as_a_workbook(built):
    from openpyxl import load_workbook
    wb = load_workbook(built / "yangxi-2023-自评表.xlsx")
    ws = wb["自评表"]
    assert ws["A1"].value == "阳西县工业和信息化局2023年部门整体支出绩效自评表"
    assert [c.value for c in ws[2]] == ["一级指标", "二级指标", "三级指标", "分值", "得分", "扣分原因"]
    last = ws.max_row
    assert ws.cell(last, 1).value == "合计" and ws.cell(last, 4).value == f"=SUM(D3:D{last - 1})"
    assert ws.cell(last, 5).value == f"=SUM(E3:E{last - 1})"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "A3:A7" in merged and f"A{last}:C{last}" in merged                 # 预算编制 over its five rows
    scores = [Decimal(str(ws.cell(r, 5).value)) for r in range(3, last)]
    assert sum(scores) == Decimal("98.2") and all(s == s.quantize(Decimal("0.1")) for s in scores)


@pytest.mark.parametrize("name", NAMES)
def test_the_workbook_gives_each_reason_as_the_attachment_prints_it(built, name):
    from openpyxl import load_workbook
    ws = load_workbook(built / f"{name}-自评表.xlsx")["自评表"]
    reasons = [ws.cell(r, 6).value or "" for r in range(3, ws.max_row)]
    table = Document(str(built / f"{name}.docx")).tables[-1]
    assert reasons == [row.cells[-1].text for row in table.rows[1:-1]]
    # every reason given ends with the points it cost; none reads like a formula
    assert all(re.search(r"扣[0-9.]+分$", r) for r in reasons if r) and any(reasons)
    assert not any("计分" in r or "×" in r for r in reasons)


@pytest.mark.slow
def test_the_workbooks_are_byte_for_byte_reproducible(tmp_path, run):
    """openpyxl stamps the time of saving; the workbooks carry the document's own date instead,
    so two builds a second apart give the same bytes."""
    import time
    facts = str(ROOT / "inputs/hunan-example-2023.yaml")
    for d in ("a", "b"):
        assert run("build", facts, "-o", str(tmp_path / d), "--xlsx").exit_code == 0
        assert run("summary", facts, "-o", str(tmp_path / d / "汇总.xlsx")).exit_code == 0
        time.sleep(1.1)
    for name in ("hunan-example-2023-自评表.xlsx", "汇总.xlsx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.slow
@needs_office
def test_libreoffice_calc_reads_the_same_figures(built, tmp_path):
    shutil.copy(built / "yangxi-2023-自评表.xlsx", tmp_path / "t.xlsx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path), str(tmp_path / "t.xlsx")],
                   capture_output=True, timeout=180)
    rows = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1].startswith("合计,,,100,98.2,绩效等级：优")
    assert any(r.startswith(",,政府采购执行情况,4,2.6,") for r in rows)


def pdf_pages(pdf: Path) -> list[list[str]]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return [[line.replace(" ", "") for line in page.splitlines() if line.strip()] for page in text.split("\f")]


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_has_28_characters_a_line_and_22_lines_a_page(built_pdf, name):
    pages = pdf_pages(built_pdf / f"{name}.pdf")
    body = [p for p in pages if p and not any("|" in line for line in p)]
    chinese = [line for page in body for line in page if re.fullmatch(r"[\u4e00-\u9fff，、。；：“”（）]+", line)]
    assert max(len(line) for line in chinese) in (28, 29)                # 29: a closing mark hangs at the end
    assert sum(len(line) == 28 for line in chinese) >= 1
    full = [len(p) - 1 for p in pages[1:-2] if p]                        # body lines above the page number
    assert max(full) >= 22 and full.count(22) >= 1
    numbers = [p[-1] for p in pages if p]
    assert all(re.fullmatch(r"—\d+—", n) for n in numbers[:3]), numbers[:3]


def pdf_lines(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """Each line of one PDF page as (text, left, right) in points, from pdftotext's word boxes."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True).stdout
    lines: dict[float, list] = {}
    for x0, y0, x1, word in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html):
        lines.setdefault(round(float(y0)), []).append((float(x0), float(x1), word))
    return [("".join(w for _, _, w in sorted(words)), min(w[0] for w in words), max(w[1] for w in words))
            for _, words in sorted(lines.items())]


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("name", ["yangxi-2023", "hunan-example-2023"])
def test_the_signature_is_centred_over_a_date_four_characters_in(built_pdf, name):
    """GB/T 9704 7.3.5.1: 成文日期右空四字, the department's name centred on the date above it."""
    pdf = built_pdf / f"{name}.pdf"
    pages = len(pdf_pages(pdf)) - 1
    lines = next(found for found in (pdf_lines(pdf, page) for page in range(pages, 0, -1))
                 if any(t.startswith("附件：") for t, _, _ in found))
    at = next(i for i, (t, _, _) in enumerate(lines) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", t))
    (_, name_left, name_right), (_, date_left, date_right) = lines[at - 1], lines[at]
    text_right = (28 + 156) / 25.4 * 72                                  # the type area's right edge
    assert abs(date_right - (text_right - 4 * 16)) < 3
    assert abs((name_left + name_right) / 2 - (date_left + date_right) / 2) < 3


def captioned_tables(doc) -> list[tuple[str, object]]:
    """(caption, table) for each body table that follows a "Table Caption" paragraph."""
    from docx.table import Table
    out, caption = [], None
    for child in doc.element.body:
        if child.tag == qn("w:p"):
            style = child.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
            if style is not None and style.get(qn("w:val")) == "TableCaption":
                caption = "".join(t.text or "" for t in child.iter(qn("w:t")))
        elif child.tag == qn("w:tbl"):
            if caption:
                out.append((caption, Table(child, doc)))
            caption = None
    return out


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("name", NAMES)
def test_tables_break_well_across_pages(built_pdf, name):
    """A short table on one page with its caption; a longer one never leaves its caption and first
    row apart, nor its total alone on the next page (pagination.py)."""
    from generator.render.pagination import SHORT_ROWS
    doc = Document(str(built_pdf / f"{name}.docx"))
    pages = pdf_pages(built_pdf / f"{name}.pdf")
    tables = captioned_tables(doc)
    assert tables or name == "pingyuan-2023"
    for caption, table in tables:
        page = next(i for i, p in enumerate(pages) if caption.replace(" ", "") in p)

        def on(row, i):
            return row.cells[0].text.replace(" ", "") in pages[i]
        assert on(table.rows[0], page) and on(table.rows[1], page), caption
        if len(table.rows) <= SHORT_ROWS:
            assert on(table.rows[-1], page), caption
        else:
            end = next(i for i in range(page, len(pages)) if on(table.rows[-1], i))
            assert on(table.rows[-2], end) and on(table.rows[-3], end), caption
    if name == "yangxi-2023":          # the budget table and the targets table may both break
        assert {len(t.rows) > SHORT_ROWS for _, t in tables} == {True}


def test_a_long_table_keeps_its_header_with_a_row_and_its_last_three_rows_together(built):
    doc = Document(str(built / "pingyuan-2023.docx"))
    table = doc.tables[-1]                                               # the 自评表, 34 rows
    def keeps(p):
        k = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
        return k is not None and k.get(qn("w:val"), "1") not in ("0", "false")
    kept = [all(keeps(p) for p in tr.iter(qn("w:p"))) for tr in table._tbl.findall(qn("w:tr"))]   # a row's own cells
    assert len(kept) > 25 and kept[:2] == [True, True] and kept[-3:] == [True, True, False]
    assert not all(kept[2:-3])                                           # the rest may break


@pytest.mark.slow
@needs_office
def test_the_pdf_embeds_the_official_faces_and_times_new_roman_substitute(built_pdf):
    fonts = subprocess.run(["pdffonts", str(built_pdf / "yangxi-2023.pdf")], capture_output=True, text=True).stdout
    for face in ("FandolFang", "FandolHei", "FandolKai", "LiberationSerif"):
        assert face in fonts, fonts


def test_a_longer_name_from_another_rubric_widens_its_column_without_breaking(workdir, run):
    """A county's 二级 name longer than the template's column: the column grows to hold it on one
    line, the running-text columns give the room, the table keeps its width; tables whose labels
    fit keep the template's widths."""
    rubric = workdir / "rubrics" / "hunan-2023.yaml"
    rubric.write_text(rubric.read_text(encoding="utf-8").replace("name: 预算配置\n", "name: 预算配置和绩效管理情况\n"),
                      encoding="utf-8")
    assert run("build", str(workdir / "inputs/hunan-example-2023.yaml"), "-o", str(workdir / "out")).exit_code == 0
    doc = Document(str(workdir / "out/hunan-example-2023.docx"))
    template = Document(str(ROOT / "templates/hunan.docx"))

    def grid(t):
        return [int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))]
    built, drawn = score_table(doc), score_table(template)
    assert sum(grid(built)) == sum(grid(drawn))
    assert grid(built)[1] >= 11 * 210 + 2 * 80 > grid(drawn)[1]          # 11 characters of 5号 and the margins
    row = next(r for r in built.rows if r.cells[1].text == "预算配置和绩效管理情况")
    assert row._tr.tc_lst[1].width.twips == grid(built)[1]               # Word reads the cell widths
    for t, d in zip([t for t in doc.tables if t is not built], [t for t in template.tables if t is not drawn]):
        if t.rows[0].cells[0].text == "序号":
            assert grid(t) == grid(d)


@pytest.mark.parametrize("title,name,expected", [
    ("阳西县工业和信息化局2023年部门整体支出绩效自评报告", "阳西县工业和信息化局",
     ["阳西县工业和信息化局", "2023年部门整体支出绩效自评报告"]),
    ("示例县商务局2023年度部门整体支出绩效自评报告（示例）", "示例县商务局",
     ["示例县商务局", "2023年度部门整体支出", "绩效自评报告（示例）"]),
    ("某某县发展和改革局（县粮食和物资储备局）2023年度部门整体支出绩效自评报告", "某某县发展和改革局（县粮食和物资储备局）",
     ["某某县发展和改革局", "（县粮食和物资储备局）", "2023年度部门整体支出绩效自评报告"]),
    ("2023年度部门整体支出绩效自评报告", "", ["2023年度部门整体支出绩效自评报告"]),
])
def test_titles_break_between_words_into_lines_that_fit(title, name, expected):
    from generator.template.phrases import title_lines
    assert title_lines(title, name).split("\n") == expected


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("name", ["yangxi-2023", "hunan-example-2023"])
def test_a_score_table_of_thirty_rows_fits_its_page(built_pdf, name):
    """The 扣分原因 column gets the width the name columns do not need, so reasons take one or
    two lines and the 自评表 stays on the attachment's page, 合计 included."""
    pages = pdf_pages(built_pdf / f"{name}.pdf")
    attachment = next(p for p in pages if p and p[0] == "附件")
    assert any(line.startswith("合计") for line in attachment), attachment[-5:]
    doc, template = Document(str(built_pdf / f"{name}.docx")), Document(str(ROOT / "templates" / f"{name.split('-')[0]}.docx"))
    reasons = [int(t._tbl.tblGrid.findall(qn("w:gridCol"))[5].get(qn("w:w"))) for t in (score_table(doc), score_table(template))]
    # 阳西's names leave the reasons less than a character more
    assert reasons[0] > reasons[1] + 210 if name.startswith("hunan") else 0 <= reasons[0] - reasons[1] < 210


@pytest.mark.parametrize("widths,need,text,longest,expected", [
    # labels fit, text does not wrap: the template's widths
    ([1000, 3000], [800, 0], [False, True], [800, 2500], [1000, 3000]),
    # a name a character too wide: its column grows, the text column gives
    ([1000, 3000], [1300, 0], [False, True], [1300, 2500], [1300, 2700]),
    # wrapping text takes the label column's room beyond its label and half a character of air
    ([2000, 2000], [800, 0], [False, True], [800, 5000], [905, 3095]),
    # a "label" column no width could hold becomes running text; nothing is forced
    ([1000, 1000], [1000, 3000], [False, False], [1000, 3000], [1000, 1000]),
])
def test_column_plan(widths, need, text, longest, expected):
    from generator.render.tablefit import plan
    new = plan(widths, need, text, longest, one_em=210, margin=80)
    assert new == expected and sum(new) == sum(widths)
