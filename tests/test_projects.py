"""A department keeps its projects beside it (`projects:`): check takes each project with it, at
its own file:line:col, and the facts across the files; build writes the department's form and one
per project, or nothing; new and import add a project to the list, the department file kept as
it was written. Each check fires on one edit of the shipped example, whose clean check is the twin."""
from __future__ import annotations

import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from paths import ROOT

from generator.pipeline import check_family

DEPT = "shuili-2023.yaml"
WATER = "shuili-2023/农村供水保障工程.yaml"
RESERVOIR = "shuili-2023/小型水库除险加固.yaml"
DOCX_NAMES = ["shuili-2023.docx", "shuili-2023-项目-农村供水保障工程.docx", "shuili-2023-项目-小型水库除险加固.docx"]


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """The example department and its two projects, copied to edit."""
    shutil.copy(ROOT / "inputs" / DEPT, tmp_path / DEPT)
    shutil.copytree(ROOT / "inputs" / "shuili-2023", tmp_path / "shuili-2023")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def found(folder: Path) -> list[str]:
    """Every finding of the department and its projects, as `check` prints them (relative names)."""
    import os
    here = os.getcwd()
    os.chdir(folder)
    try:
        family = check_family(Path(DEPT), DEPT)
        return [f.text() for r in family.results for f in r.findings.sorted()]
    finally:
        os.chdir(here)


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_example_department_and_its_projects_check_clean():
    """The clean twin of every check below: the department, both projects, and what they share."""
    family = check_family(ROOT / "inputs" / DEPT)
    assert [f.text() for r in family.results for f in r.findings] == []
    assert [m.report.form.name for m in family.members] == ["2023年度农村供水保障工程", "2023年度小型水库除险加固项目"]
    assert [m.result.derived.total for m in family.members] == [Decimal("99.48"), Decimal("98.82")]
    assert family.head.derived.total == Decimal("98.91")


def test_a_projects_own_finding_stands_at_its_own_file_line_and_column(county):
    edit(county / RESERVOIR, "score: 9.17", "score: 9.5")
    line = line_of(county / RESERVOIR, "score: 9.5")
    assert found(county) == [
        f"shuili-2023/小型水库除险加固.yaml:{line}:14: 错误 [FORM-SCORE] 绩效指标“新增恢复蓄水能力”（效益指标/生态效益指标） "
        "得分 9.5，按规则应为 实际 165万立方米 ÷ 指标值 180万立方米 × 分值 10 = 9.17。",
        "shuili-2023/小型水库除险加固.yaml:47:10: 错误 [FORM-TOTAL] 总分写成了 98.82，各项得分合计为 99.15。"]


def test_a_missing_project_is_a_finding_at_its_list_entry(county):
    edit(county / DEPT, f"  - {RESERVOIR}\n", f"  - {RESERVOIR}\n  - shuili-2023/河道整治.yaml\n")
    line = line_of(county / DEPT, "河道整治")
    assert found(county) == [f"shuili-2023.yaml:{line}:5: 错误 [PROJECT-MISSING] 项目文件 shuili-2023/河道整治.yaml 不存在"
                             "（路径相对于本文件所在的文件夹）：请核对文件名，或删去这一行。"]


def test_an_unreadable_project_is_a_finding_at_its_list_entry_and_at_its_own_place(county):
    (county / RESERVOIR).write_text("kind: project\nyear: [2023\n", encoding="utf-8")
    lines = found(county)
    assert lines[0].startswith(f"shuili-2023.yaml:{line_of(county / DEPT, RESERVOIR)}:5: 错误 [PROJECT-MISSING] "
                               "项目文件 shuili-2023/小型水库除险加固.yaml 读不了")
    assert lines[1].startswith("shuili-2023/小型水库除险加固.yaml:") and "[INPUT]" in lines[1]
    assert len(lines) == 2        # the spending is not compared with a project that could not be read


def test_a_project_listed_twice(county):
    edit(county / DEPT, f"  - {RESERVOIR}\n", f"  - {RESERVOIR}\n  - ./{WATER}\n")
    assert found(county) == [f"shuili-2023.yaml:{line_of(county / DEPT, '- ./')}:5: 错误 [PROJECT-TWICE] 项目 ./{WATER} "
                             "已在 projects 第 1 项列出，这里又列了一次：同一个项目只列一次，请删去这一行。"]


def test_a_listed_file_that_is_not_a_project(county):
    shutil.copy(ROOT / "inputs" / "yangxi-2023.yaml", county / "yangxi-2023.yaml")
    shutil.copytree(ROOT / "rubrics", county / "rubrics")
    edit(county / DEPT, f"  - {RESERVOIR}\n", f"  - {RESERVOIR}\n  - yangxi-2023.yaml\n")
    assert [line.split(" [")[1].split("]")[0] for line in found(county)] == ["PROJECT-KIND"]


def test_a_project_that_lists_projects_is_told_in_its_own_file(county):
    edit(county / WATER, "form:\n", "projects: [其他.yaml]\n\nform:\n")
    assert found(county) == [f"{WATER}:{line_of(county / WATER, 'projects:')}:11: 错误 [PROJECT-KIND] 项目的事实文件"
                             "（kind: project）不能再列出项目：projects 只写在部门的文件中。请把这些项目移到部门文件的 projects 中。"]


def test_a_project_of_another_year(county):
    edit(county / RESERVOIR, "year: 2023", "year: 2022")
    edit(county / RESERVOIR, "report_date: 2024-03-25", "report_date: 2023-03-25")
    assert found(county) == [f"shuili-2023.yaml:{line_of(county / DEPT, RESERVOIR)}:5: 错误 [PROJECT-YEAR] 项目 {RESERVOIR} "
                             "的报告年度是 2022，部门是 2023：项目的自评表与部门的报告应是同一年度。请改正其中一个的 year，"
                             "或列出该项目本年度的文件。"]


def test_project_spending_below_what_the_listed_projects_spent(county):
    edit(county / DEPT, "project: {final: 1893.50}", "project: {final: 1340.80}")
    assert found(county) == [
        f"shuili-2023.yaml:{line_of(county / DEPT, 'project: {final')}:22: 错误 [PROJECT-SPENT] 项目支出决算数 1340.80万元 "
        "小于所列 2 个项目自评表的全年执行数之和 “2023年度农村供水保障工程” 742.30 + “2023年度小型水库除险加固项目” 598.60 = "
        "1340.90万元（少 0.10）：部门的项目支出包括所列每个项目的支出。请核对项目支出决算数，或各项目的全年执行数和金额单位。"]


@pytest.mark.parametrize("stated", ["1340.90", "1340.89"])     # equal; a cent below, within rounding (XBRL)
def test_project_spending_equal_to_the_projects_within_rounding_is_clean(county, stated):
    edit(county / DEPT, "project: {final: 1893.50}", f"project: {{final: {stated}}}")
    assert found(county) == []


def test_project_spending_in_another_unit_is_compared_in_the_departments(county):
    """A project form in 元: 7,423,000 元 is 742.30 万元; the department's 1340 万元 is short of 1340.90."""
    edit(county / WATER, "  funding:\n", "  funding:\n    unit: 元\n")
    for old, new in (("{budget: 600.00, adjusted: 780.00, final: 742.30}", "{budget: 6000000, adjusted: 7800000, final: 7423000}"),
                     ("{budget: 600.00, adjusted: 700.00, final: 665.30}", "{budget: 6000000, adjusted: 7000000, final: 6653000}"),
                     ("{budget: 0, adjusted: 80.00, final: 77.00}", "{budget: 0, adjusted: 800000, final: 770000}")):
        edit(county / WATER, old, new)
    assert found(county) == []
    edit(county / DEPT, "project: {final: 1893.50}", "project: {final: 1340}")
    assert [line.split(" [")[1].split("]")[0] for line in found(county)] == ["PROJECT-SPENT"]
    assert "742.30 + “2023年度小型水库除险加固项目” 598.60 = 1340.90万元" in found(county)[0]


def test_check_says_each_projects_findings_and_counts_them_with_the_departments(county, run, monkeypatch):
    monkeypatch.chdir(county)
    edit(county / RESERVOIR, "score: 9.17", "score: 9.5")
    result = run("check", DEPT)
    assert result.exit_code == 1
    assert "shuili-2023/小型水库除险加固.yaml:" in result.output and "共发现 2 个错误、0 个警告。" in result.output


# ---- build -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def family_built(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from generator.cli import main
    out = tmp_path_factory.mktemp("family")
    result = CliRunner().invoke(main, ["build", str(ROOT / "inputs" / DEPT), "-o", str(out), "--xlsx"])
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_the_departments_form_and_one_per_project_named_so(family_built):
    assert sorted(p.name for p in family_built.iterdir()) == sorted(
        DOCX_NAMES + [n.replace(".docx", "-自评表.xlsx") for n in DOCX_NAMES])


def test_each_document_is_its_own_form(family_built):
    from docx import Document

    def said(name: str) -> str:
        doc = Document(str(family_built / name))
        return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])

    dept, water, reservoir = (said(n) for n in DOCX_NAMES)
    assert "部门整体支出绩效自评表" in dept and "项目支出绩效自评表" not in dept and "2399.50" in dept
    assert "项目支出绩效自评表" in water and "2023年度农村供水保障工程" in water and "742.30" in water
    assert "2023年度小型水库除险加固项目" in reservoir and "598.60" in reservoir and "9.17" in reservoir
    assert "小型水库" not in water


def test_each_workbook_holds_its_own_funds_and_total(family_built):
    from openpyxl import load_workbook

    def funds_and_total(name: str) -> tuple:
        ws = load_workbook(family_built / name.replace(".docx", "-自评表.xlsx"), data_only=True).active
        rows = {ws.cell(r, 2).value: [ws.cell(r, c).value for c in range(4, 7)] for r in range(1, ws.max_row + 1)}
        total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
        return rows["年度资金总额"], ws.cell(total, 8).value

    assert [funds_and_total(n) for n in DOCX_NAMES] == [([2100, 2520, 2399.5], 98.91), ([600, 780, 742.3], 99.48),
                                                        ([500, 620, 598.6], 98.82)]


def test_the_family_opens_in_word_and_excel_without_repair(family_built):
    audit = pytest.importorskip("openxml_audit")
    for path in sorted(family_built.iterdir()):
        result = audit.OpenXmlValidator(max_errors=1000).validate(str(path))
        assert [e for e in result.errors if e.error_type.value == "schema"] == [], path.name


def test_one_project_with_an_error_and_nothing_of_the_department_is_written(county, run, monkeypatch):
    monkeypatch.chdir(county)
    out = county / "out"
    assert run("build", DEPT, "-o", str(out)).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    edit(county / DEPT, "score: 9.52\n  goals", "score: 9.5\n  goals")        # would change the department's form
    edit(county / RESERVOIR, "score: 9.17", "score: 9.5")
    result = run("build", DEPT, "-o", str(out))
    assert result.exit_code == 1
    assert "部门和所列 2 个项目都未生成（问题在项目 shuili-2023/小型水库除险加固.yaml）" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before      # the old forms, every byte, and nothing else


def test_strict_refuses_the_department_for_a_projects_warning(county, run, monkeypatch):
    monkeypatch.chdir(county)
    edit(county / WATER, "新建改造供水管网126公里", "新建改造供水管网128公里")       # FORM-GOALS: the goal says 128, the row 126
    result = run("build", DEPT, "-o", "out", "--strict")
    assert result.exit_code == 1 and not (county / "out").exists()
    assert "[FORM-GOALS]" in result.output and "问题在项目 shuili-2023/农村供水保障工程.yaml" in result.output
    assert run("build", DEPT, "-o", "out").exit_code == 0
    assert sorted(p.name for p in (county / "out").iterdir()) == sorted(DOCX_NAMES)


def test_build_returns_every_file_written(county, capsys):
    from generator.tasks.build import build

    result = build([str(county / DEPT)], county / "out")
    assert capsys.readouterr() == ("", "")
    assert [p.name for p in result.written] == DOCX_NAMES
    assert list(result.outcomes[0].members) == ["shuili-2023-项目-农村供水保障工程", "shuili-2023-项目-小型水库除险加固"]


# ---- new and import add a project to the list ------------------------------------------------

def test_new_project_into_a_department_kept_as_notepad_saved_it(county, run, monkeypatch):
    """GBK with CRLF, comments and all: only the new entry is added, in the file's own conventions."""
    monkeypatch.chdir(county)
    text = (county / DEPT).read_text(encoding="utf-8")
    (county / DEPT).write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    result = run("new", "--kind", "project", "--into", DEPT, "-o", "shuili-2023/河道整治.yaml", "--name", "2023年度河道清淤整治项目")
    assert result.exit_code == 0, result.output
    assert "已加入 shuili-2023.yaml 的 projects：shuili-2023/河道整治.yaml。" in result.output
    after = (county / DEPT).read_bytes()
    assert after == text.replace(f"  - {RESERVOIR}\n", f"  - {RESERVOIR}\n  - shuili-2023/河道整治.yaml\n") \
        .replace("\n", "\r\n").encode("gbk")
    new = (county / "shuili-2023" / "河道整治.yaml").read_text(encoding="utf-8")
    assert "kind: project\nyear: 2023\nrubric: national-form\n" in new and "  name: 示例县水利局" in new
    assert "  name: 2023年度河道清淤整治项目" in new
    lines = [x for x in found(county) if "[ENCODING]" not in x]      # the department's note on how it was read
    assert lines and all(x.startswith("shuili-2023/河道整治.yaml:") and "[UNFILLED]" in x for x in lines), lines
    # a project fills the national form: a narrative's rubric is refused
    assert run("new", "--kind", "project", "--into", DEPT, "-o", "shuili-2023/x.yaml", "--rubric", "yangxi-2023") \
        .exit_code == 2


@pytest.mark.parametrize("before,after", [
    ("projects: [a.yaml]\n", "projects: [a.yaml, p/新.yaml]\n"),
    ("projects: []\n", "projects: [p/新.yaml]\n"),
    ("projects:  # 项目\nyear: 2023\n", "projects:  # 项目\n  - p/新.yaml\nyear: 2023\n"),
    ("year: 2023\n", "year: 2023\nprojects:  # 本部门的项目：各项目事实文件的路径（相对于本文件）\n  - p/新.yaml\n"),
    ("projects:\n    - a.yaml  # 第一个\nyear: 2023\n", "projects:\n    - a.yaml  # 第一个\n    - p/新.yaml\nyear: 2023\n"),
])
def test_the_entry_goes_where_the_list_is_as_it_is_written(tmp_path, before, after):
    from generator.tasks.projects import add_project

    dept = tmp_path / "d.yaml"
    dept.write_text(before, encoding="utf-8")
    assert add_project(str(dept), tmp_path / "p" / "新.yaml") == "p/新.yaml"
    assert dept.read_text(encoding="utf-8") == after
    assert add_project(str(dept), tmp_path / "p" / "新.yaml") == ""          # listed already: left as it is
    assert dept.read_text(encoding="utf-8") == after


def test_import_into_adds_the_project_read_back(county, family_built, run, monkeypatch):
    monkeypatch.chdir(county)
    (county / RESERVOIR).unlink()
    edit(county / DEPT, f"  - {RESERVOIR}\n", "")
    form = family_built / "shuili-2023-项目-小型水库除险加固-自评表.xlsx"
    result = run("import", str(form), "-o", "shuili-2023/水库.yaml", "--into", DEPT)
    assert result.exit_code == 0, result.output
    assert "  - shuili-2023/水库.yaml\n" in (county / DEPT).read_text(encoding="utf-8")
    assert found(county) == []
    family = check_family(county / DEPT)
    assert [m.report.form.name for m in family.members] == ["2023年度农村供水保障工程", "2023年度小型水库除险加固项目"]


def test_import_into_refuses_a_departments_form_before_writing(county, family_built, run, monkeypatch):
    monkeypatch.chdir(county)
    before = (county / DEPT).read_bytes()
    result = run("import", str(family_built / "shuili-2023-自评表.xlsx"), "-o", "x.yaml", "--into", DEPT)
    assert result.exit_code == 2 and "--into 只把项目支出绩效自评表加入部门的 projects" in result.output
    assert not (county / "x.yaml").exists() and (county / DEPT).read_bytes() == before


def test_the_zip_of_a_project_form_names_its_project(family_built):
    """Document properties: a project's form is titled as its table is."""
    with zipfile.ZipFile(family_built / DOCX_NAMES[1]) as z:
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "示例县水利局" in core


def test_a_project_given_beside_its_department_is_built_once_with_it(county, tmp_path):
    """`build dept.yaml dept/project.yaml`: the project's form is the department's member, not a second copy
    under the project's own name; the user is told why."""
    from click.testing import CliRunner

    from generator.cli import main
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(county / DEPT), str(county / WATER), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(DOCX_NAMES)
    assert "是" in result.output and "所列的项目，随它一起检查和生成" in result.output
    # alone, a project is built under its own name as before
    alone = CliRunner().invoke(main, ["build", str(county / WATER), "-o", str(tmp_path / "alone")])
    assert alone.exit_code == 0 and [p.name for p in (tmp_path / "alone").iterdir()] == ["农村供水保障工程.docx"]
