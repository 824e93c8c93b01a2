"""`mkreport import`: a filled national form read back into facts. The round trip (build → import →
build gives the same cells, .xlsx and .docx), the layouts a county may use (tests/fixtures/forms),
two published county forms whose provable errors `check` must find and nothing else, and the
command's refusals."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import ROOT

from generator.cli import main
from generator.model.findings import WARNING
from generator.pipeline import check
from generator.wordml.filledtables import document_rows, workbook_sheets

EXAMPLE = ROOT / "inputs" / "national-form-project-2023.yaml"
FORMS = ROOT / "tests" / "fixtures" / "forms"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def cells(path: Path) -> list[list[str]]:
    """Every cell's text as shown, row by row (a workbook's sheets, or a document's body)."""
    data = path.read_bytes()
    sheets = workbook_sheets(data) if path.suffix == ".xlsx" else [document_rows(data)]
    return [[c.text for c in row] for sheet in sheets for row in sheet.rows]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    result = run("build", EXAMPLE, "--xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", ["national-form-project-2023-自评表.xlsx", "national-form-project-2023.docx"])
def test_import_then_build_gives_back_every_cell(built, tmp_path, name):
    """The round trip: the built form imported, the facts built again, every cell's text the same."""
    facts = tmp_path / "again.yaml"
    result = run("import", built / name, "-o", facts)
    assert result.exit_code == 0, result.output
    assert check(facts).findings.sorted() == []
    assert run("build", facts, "--xlsx", "-o", tmp_path / "out").exit_code == 0
    again = tmp_path / "out" / ("again-自评表.xlsx" if name.endswith(".xlsx") else "again.docx")
    first, second = cells(built / name), cells(again)
    assert len(first) > 20 and first == second
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook
        merged = [sorted(str(r) for r in load_workbook(p).active.merged_cells.ranges) for p in (built / name, again)]
        assert merged[0] == merged[1]


def test_every_value_says_its_cell(built, tmp_path):
    facts = tmp_path / "f.yaml"
    assert run("import", built / "national-form-project-2023-自评表.xlsx", "-o", facts).exit_code == 0
    text = facts.read_text(encoding="utf-8")
    assert "      budget: 800  # 自评表!D5\n" in text
    assert "    - level1: 产出指标  # 自评表!B12（合并单元格 B12:B16）\n" in text.split("新建高标准农田面积")[1]
    assert "rate: 95.83%  # 自评表!H5" in text and "score: —  # 自评表!H19" in text
    values = [line for line in text.splitlines() if ": " in line and not line.lstrip().startswith("#")]
    assert all("# " in line for line in values if not line.startswith(("kind", "rubric")) and
               line.split(": ", 1)[1] not in ("",)), [v for v in values if "# " not in v]
    docx = tmp_path / "d.yaml"
    assert run("import", built / "national-form-project-2023.docx", "-o", docx).exit_code == 0
    assert "final: 1150  # 表1 第4行第6列" in docx.read_text(encoding="utf-8")
    assert "year: 2023  # 第2段" in docx.read_text(encoding="utf-8")


def test_explain_shows_which_cell_was_read_as_what(built, tmp_path):
    result = run("import", built / "national-form-project-2023-自评表.xlsx", "-o", tmp_path / "f.yaml", "--explain")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["单元格", "读作", "值"]
    assert any(line.split() == ["自评表!E13", "绩效指标", "第2项", "年度指标值", "≥20公里"] for line in lines)
    assert any(line.split()[:2] == ["自评表!H22", "总分"] and line.split()[-1] == "98.51" for line in lines)


def _form(path: Path):
    result = check(path)
    assert result.loaded.report is not None, [f.text() for f in result.findings.sorted()]
    return result


def _same_form(a, b) -> None:
    fa, fb = a.loaded.report.form, b.loaded.report.form
    for source in ("total", "fiscal", "carryover", "other"):
        for col in ("budget", "adjusted", "final"):
            assert getattr(getattr(fa.funding, source), col) == getattr(getattr(fb.funding, source), col), (source, col)
    assert (fa.funding.points, fa.funding.rate, fa.funding.score) == (fb.funding.points, fb.funding.rate, fb.funding.score)
    rows = [[(r.level1, r.level2, r.name, r.target.text, r.actual.text, r.points, r.score, r.reason) for r in f.indicators]
            for f in (fa, fb)]
    assert rows[0] == rows[1]
    assert (fa.goals.expected, fa.goals.actual) == (fb.goals.expected, fb.goals.actual)
    assert (fa.total, fa.grade, fa.contact, fa.name, fa.executor) == (fb.total, fb.grade, fb.contact, fb.name, fb.executor)
    assert a.derived.total == b.derived.total == Decimal("98.51")


@pytest.mark.parametrize("name", ["columns-reordered", "blank-rows", "two-row-heading", "renamed-sheet"])
def test_a_layout_of_the_example_reads_to_the_same_facts(tmp_path, name):
    """Columns in another order, blank rows, headings on two rows, another sheet: the same form."""
    facts = tmp_path / f"{name}.yaml"
    result = run("import", FORMS / f"{name}.xlsx", "-o", facts)
    assert result.exit_code == 0, result.output
    imported = _form(facts)
    assert imported.findings.sorted() == [], [f.text() for f in imported.findings.sorted()]
    _same_form(imported, check(EXAMPLE))


def test_merges_left_blank_are_carried_down_and_said(tmp_path):
    facts = tmp_path / "b.yaml"
    assert run("import", FORMS / "blank-rows.xlsx", "-o", facts).exit_code == 0
    text = facts.read_text(encoding="utf-8")
    assert "level1: 产出指标  # 自评表!B16：空白，沿用上一行（自评表!B15）" in text


def test_figures_are_read_at_the_precision_the_form_prints(tmp_path):
    """0.00% of 0.958333 is 95.83%; a 0 format of 800 is 800."""
    facts = tmp_path / "r.yaml"
    result = run("import", FORMS / "renamed-sheet.xlsx", "-o", facts)
    assert result.exit_code == 0, result.output
    text = facts.read_text(encoding="utf-8")
    assert "rate: 95.83%  # 附件2 项目自评!G5" in text and "other:\n      budget: 0  # 附件2 项目自评!C8" in text
    assert "工作表“附件2 项目自评”" in text


# ---- real forms -------------------------------------------------------------------------------

REAL = {
    "qingshen-2023-wages": ["FORM-BLANK"] * 5,
    "zhongjiang-2022-water": ["FORM-POINTS", "FORM-POINTS", "FORM-TOTAL"],
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_a_published_form_shows_its_provable_errors_and_nothing_else(tmp_path, name):
    facts = tmp_path / f"{name}.yaml"
    assert run("import", FORMS / f"{name}.xlsx", "-o", facts).exit_code == 0
    found = _form(facts).findings.sorted()
    errors = sorted(f.code for f in found if f.severity != WARNING)
    assert errors == sorted(REAL[name]), [f.text() for f in found]
    assert {f.code for f in found if f.severity == WARNING} <= {"TYPO-PUNCT"}     # 半角标点, as published


@pytest.mark.parametrize("name", sorted(REAL))
def test_the_published_form_with_its_errors_fixed_checks_clean(tmp_path, name):
    facts = tmp_path / f"{name}-fixed.yaml"
    assert run("import", FORMS / f"{name}-fixed.xlsx", "-o", facts).exit_code == 0
    assert [f.text() for f in _form(facts).findings.sorted()] == []


def test_points_per_level_of_the_form_make_a_rubric_beside_it(tmp_path):
    """青神县: 执行率 10, 产出 60, 效益 30, adding up to the 100 of its 合计 row: a rubric of its own."""
    facts = tmp_path / "qs.yaml"
    result = run("import", FORMS / "qingshen-2023-wages-fixed.xlsx", "-o", facts)
    assert result.exit_code == 0, result.output
    assert "rubric: ./qs-评分体系.yaml" in facts.read_text(encoding="utf-8")
    from generator.model.rubric import load_rubric
    rubric, found, _ = load_rubric(tmp_path / "qs-评分体系.yaml", "qs-评分体系.yaml")
    assert rubric is not None, [f.text() for f in found]
    assert [(n.name, n.points, n.rule) for n in rubric.roots] == [
        ("预算执行率", 10, "execution_rate"), ("产出指标", 60, "form_rows"), ("效益指标", 30, "form_rows")]
    # 中江县's points (10 + 70 + 20 + 10 = 110) do not add up to its 总分 100: a slip, not a rubric
    other = tmp_path / "zj.yaml"
    result = run("import", FORMS / "zhongjiang-2022-water.xlsx", "-o", other)
    assert "rubric: national-form" in other.read_text(encoding="utf-8") and not (tmp_path / "zj-评分体系.yaml").exists()
    assert "合计 110，与总分的分值 100 不符" in result.output


def test_direction_and_unit_columns_make_one_target(tmp_path):
    facts = tmp_path / "qs.yaml"
    assert run("import", FORMS / "qingshen-2023-wages-fixed.xlsx", "-o", facts).exit_code == 0
    form = _form(facts).loaded.report.form
    assert [(r.target.text, r.actual.text) for r in form.indicators] == [("=100%", "100%"), ("=100%", "100%")]
    assert form.funding.other is None and form.funding.total.budget == Decimal("238.93")


# ---- refusals ---------------------------------------------------------------------------------

def test_an_existing_output_is_never_overwritten_without_force(built, tmp_path):
    facts = tmp_path / "f.yaml"
    facts.write_text("# mine\n", encoding="utf-8")
    result = run("import", built / "national-form-project-2023-自评表.xlsx", "-o", facts)
    assert result.exit_code == 2 and "文件已存在" in result.output and "--force" in result.output
    assert facts.read_text(encoding="utf-8") == "# mine\n"
    assert run("import", built / "national-form-project-2023-自评表.xlsx", "-o", facts, "--force").exit_code == 0
    assert facts.read_text(encoding="utf-8").count("自评表!") > 90


@pytest.mark.parametrize("content,name,words", [
    (b"not a zip", "f.xlsx", "不是有效的 Excel 工作簿"),
    (b"not a zip", "f.docx", "不是有效的 Word 文档"),
    (b"", "f.xls", "请先在 Excel、Word 或 WPS 中另存为 .xlsx 或 .docx"),
])
def test_a_file_that_is_not_a_form_is_refused_in_chinese(tmp_path, content, name, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("import", path, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2 and words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.yaml").exists()


def test_a_workbook_without_the_indicators_heading_is_not_a_form(tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["部门", "金额"])
    wb.save(tmp_path / "other.xlsx")
    result = run("import", tmp_path / "other.xlsx")
    assert result.exit_code == 2 and "找不到绩效指标的表头" in result.output
    assert not (tmp_path / "other.yaml").exists()
