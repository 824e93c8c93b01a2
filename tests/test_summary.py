"""`mkreport summary`: the bureau's workbook of many checked reports, read back."""
from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook
from paths import ROOT

INPUTS = [str(ROOT / "inputs" / f"{n}.yaml") for n in ("yangxi-2023", "pingyuan-2023", "hunan-example-2023")]
PUBLISHED = [str(ROOT / "tests" / "fixtures" / "seeds" / f"{n}-2023-as-published.yaml") for n in ("yangxi", "pingyuan")]


def test_the_summary_workbook(tmp_path, run):
    target = tmp_path / "汇总.xlsx"
    result = run("summary", *INPUTS, *PUBLISHED, "-o", str(target))
    assert result.exit_code == 1                       # as check: the published reports have errors
    assert f"已生成 {target}" in result.output
    wb = load_workbook(target)
    assert wb.sheetnames == ["部门", "问题", "统计"]
    ws = wb["部门"]
    heads = [c.value for c in ws[1]]
    assert heads[:4] == ["部门", "年度", "总分", "等级"] and heads[-5:] == ["错误", "警告", "状态", "评分体系", "文件"]
    assert "A 预算编制" in heads and "A 投入" in heads
    assert ws.freeze_panes == "A2" and ws.column_dimensions["A"].width > 10
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    rows = {r[-1]: dict(zip(heads, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 5
    yangxi = rows[INPUTS[0]]
    assert yangxi["部门"] == "阳西县工业和信息化局" and Decimal(str(yangxi["总分"])) == Decimal("98.2")
    assert yangxi["等级"] == "优" and yangxi["状态"] == "通过" and yangxi["错误"] == 0
    assert Decimal(str(yangxi["B 预算执行"])) == Decimal("38.6")
    assert rows[PUBLISHED[0]]["状态"] == "有错误" and rows[PUBLISHED[0]]["错误"] == 12
    problems = list(wb["问题"].iter_rows(min_row=2, values_only=True))
    assert [c.value for c in wb["问题"][1]] == ["文件", "行", "列", "级别", "代码", "说明"]
    assert sum(r[3] == "错误" for r in problems) == sum(r["错误"] for r in rows.values())
    assert (PUBLISHED[0], 210, 12, "错误", "SCORE-SUM") in [r[:5] for r in problems]
    # the rubric 平远 as built and as published share: its finding is one row, as `check` says it once
    assert [r[4] for r in problems].count("RUBRIC-POINTS") == 1
    assert rows[INPUTS[1]]["警告"] == 3        # each department's own count has it (with DATE-MISSING, TARGET-NONE)
    stats = [r for r in wb["统计"].iter_rows(values_only=True)]
    assert [r[:2] for r in stats[1:7]] == [("等级分布", None), ("优", 3), ("良", 0), ("中", 0), ("差", 0),
                                           ("有错误，未评分", 2)]    # the published two have errors
    marked = [r for r in stats if r[0] and str(r[0]).startswith("B24 ")]
    assert marked and marked[0][1] == 1                    # 阳西 as built; as published it has errors


def test_csv_and_markdown(tmp_path, run):
    result = run("summary", *INPUTS, "--format", "csv")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("部门,年度,总分,等级,")
    assert any(line.startswith("平远县科工商务局,2023,97.5,优,") and line.endswith(INPUTS[1]) for line in lines)
    result = run("summary", *INPUTS, "-o", str(tmp_path / "汇总.md"))
    text = (tmp_path / "汇总.md").read_text(encoding="utf-8")
    assert "## 部门" in text and "## 问题" in text and "## 统计" in text
    assert "| 阳西县工业和信息化局 | 2023 |" in text


def test_an_unreadable_input_is_a_row_and_exit_2(tmp_path, run):
    result = run("summary", INPUTS[0], str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "s.xlsx"))
    assert result.exit_code == 2
    ws = load_workbook(tmp_path / "s.xlsx")["部门"]
    assert [r[-3] for r in ws.iter_rows(min_row=2, values_only=True)] == ["通过", "无法读取"]
    stats = [r[:2] for r in load_workbook(tmp_path / "s.xlsx")["统计"].iter_rows(values_only=True)]
    assert ("优", 1) in stats and ("有错误，未评分", 1) in stats


def _sheets(path) -> dict:
    """Every sheet of a workbook as rows of values."""
    wb = load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}


def _yangxi(tmp_path, name: str, old: str, new: str) -> str:
    """A copy of 阳西 beside the others, with one value changed; its name as typed."""
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return name


def test_a_file_with_errors_has_no_score_and_is_counted_apart(tmp_path, run, monkeypatch):
    """An amount that cannot be read, or a table that does not add up: the department is named,
    its year and rubric too, but no total, grade or indicator score — they come from wrong figures."""
    monkeypatch.chdir(tmp_path)
    unreadable = _yangxi(tmp_path, "坏金额.yaml", "personnel: {budget: 653.6, adjusted: 796.02, final: 796.02}",
                         "personnel: {budget: 653.6, adjusted: 796.02, final: 79x.02}")
    unequal = _yangxi(tmp_path, "不平.yaml", "personnel: {budget: 653.6, adjusted: 796.02, final: 796.02}",
                      "personnel: {budget: 653.6, adjusted: 796.02, final: 896.02}")
    good = _yangxi(tmp_path, "阳西.yaml", "year: 2023", "year: 2023")
    result = run("summary", unreadable, unequal, good, "-o", "汇总.xlsx")
    assert result.exit_code == 1, result.output
    sheets = _sheets(tmp_path / "汇总.xlsx")
    heads, *rows = sheets["部门"]
    rows = {r[-1]: dict(zip(heads, r)) for r in rows}
    for name, code in ((unreadable, "SCHEMA"), (unequal, "TABLE-SUM")):
        row = rows[name]
        assert row["部门"] == "阳西县工业和信息化局" and row["年度"] == 2023, row
        assert row["评分体系"] == rows[good]["评分体系"] == "阳西县部门整体支出绩效自评指标体系（2023年度）"
        assert row["状态"] == "有错误" and row["错误"] == 1
        assert row["总分"] is None and row["等级"] is None and row["A 预算编制"] is None, row
        assert [p[4] for p in sheets["问题"][1:] if p[0] == name and p[3] == "错误"] == [code]
    assert rows[good]["总分"] == 98.2 and rows[good]["等级"] == "优"
    stats = [tuple(r[:2]) for r in sheets["统计"]]
    assert ("优", 1) in stats and ("有错误，未评分", 2) in stats
    assert ("B24 政府采购执行情况", 1) in stats             # marked down in the good file only
    text = run("summary", unreadable, good, "--format", "csv").output
    assert "\n阳西县工业和信息化局,2023,,,,,,1,0,有错误,阳西县部门整体支出绩效自评指标体系（2023年度）,坏金额.yaml" in text


def test_no_absolute_path_in_any_format(tmp_path, run, monkeypatch):
    """A summary is sent on: a finding in a built-in rubric names it 内置：name, and the places a
    missing rubric was looked for are shown relative to the inputs — in every sheet and format."""
    from generator.model import rubric

    # a rubric is read once a process, its findings named from the folder of the first reader: a
    # test before this one read the built-in rubric from another working folder
    monkeypatch.setattr(rubric, "_cache", {})
    monkeypatch.chdir(tmp_path)
    (tmp_path / "平远.yaml").write_text((ROOT / "inputs" / "pingyuan-2023.yaml").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    missing = _yangxi(tmp_path, "无体系.yaml", "rubric: yangxi-2023", "rubric: nosuch-2023")
    names = ["平远.yaml", missing]
    assert run("summary", *names, "-o", "汇总.xlsx").exit_code == 1
    cells = [str(c) for rows in _sheets(tmp_path / "汇总.xlsx").values() for r in rows for c in r if c is not None]
    md = run("summary", *names, "--format", "md").output
    csv = run("summary", *names, "--format", "csv").output
    for where in (str(ROOT), str(tmp_path), str(tmp_path.resolve())):
        assert not any(where in c for c in cells) and where not in md and where not in csv, where
    problems = [r for r in _sheets(tmp_path / "汇总.xlsx")["问题"]]
    assert ["内置：pingyuan-2023", 20, 9, "警告", "RUBRIC-POINTS"] in [r[:5] for r in problems]
    lost = next(r[5] for r in problems if r[4] == "RUBRIC-MISSING")
    assert "查找了：nosuch-2023.yaml、nosuch-2023.yml、内置：nosuch-2023.yaml" in lost, lost
    assert "| 内置：pingyuan-2023 | 20 | 9 | 警告 | RUBRIC-POINTS |" in md
    assert "| 无体系.yaml | 9 | 9 | 错误 | RUBRIC-MISSING | 找不到评分体系“nosuch-2023”（查找了：nosuch-2023.yaml、" in md


def _family(tmp_path, name: str, edits: list[tuple[str, str, str]]) -> str:
    """The example department with its two projects copied to `name`/, each edit (file, old, new) made."""
    import shutil

    folder = tmp_path / name
    folder.mkdir()
    shutil.copy(ROOT / "inputs" / "shuili-2023.yaml", folder)
    shutil.copytree(ROOT / "inputs" / "shuili-2023", folder / "shuili-2023")
    for file, old, new in edits:
        text = (folder / file).read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        (folder / file).write_text(text.replace(old, new), encoding="utf-8")
    return f"{name}/shuili-2023.yaml"


RESERVOIR = "shuili-2023/小型水库除险加固.yaml"
A_PROJECTS_SCORE = (RESERVOIR, "actual: 12座, points: 20, score: 20}", "actual: 12座, points: 20, score: 19}")


def test_a_projects_errors_leave_the_departments_own_score_and_are_named_in_its_row(tmp_path, run, monkeypatch):
    """A project's wrong score: the department keeps its own total, grade and indicator scores (its
    figures are right), its row says which of its projects have errors; a department's own error
    still leaves it unscored; the clean example says its projects have none."""
    monkeypatch.chdir(tmp_path)
    project_wrong = _family(tmp_path, "项目有错", [A_PROJECTS_SCORE])
    own_wrong = _family(tmp_path, "部门有错", [A_PROJECTS_SCORE, ("shuili-2023.yaml", "score: 9.52", "score: 9.9")])
    clean = _family(tmp_path, "无错", [])
    result = run("summary", project_wrong, own_wrong, clean, "-o", "汇总.xlsx")
    assert result.exit_code == 1, result.output
    sheets = _sheets(tmp_path / "汇总.xlsx")
    heads, *rows = sheets["部门"]
    assert heads[-6:] == ["错误", "警告", "状态", "所属项目", "评分体系", "文件"]
    rows = {r[-1]: dict(zip(heads, r)) for r in rows}
    row = rows[project_wrong]
    assert (row["总分"], row["等级"], row["产出 产出指标"], row["状态"]) == (98.91, "优", 49.43, "所属项目有错误"), row
    # the project named as the problems sheet names its file: as typed from where the command ran
    assert row["错误"] == 3 and row["所属项目"] == f"2 个中 1 个有错误：项目有错/{RESERVOIR}（3 个错误）"
    assert any(p[0] == f"项目有错/{RESERVOIR}" for p in sheets["问题"][1:])
    row = rows[own_wrong]
    assert (row["总分"], row["等级"], row["状态"]) == (None, None, "有错误"), row
    assert row["所属项目"] == f"2 个中 1 个有错误：部门有错/{RESERVOIR}（3 个错误）"
    row = rows[clean]
    assert (row["总分"], row["状态"], row["错误"], row["所属项目"]) == (98.91, "通过", 0, "2 个，均无错误"), row
    stats = [tuple(r[:2]) for r in sheets["统计"]]
    assert ("优", 2) in stats and ("有错误，未评分", 1) in stats
    md = run("summary", project_wrong, "--format", "md").output
    assert "| 98.91 | 优 |" in md and f"| 所属项目有错误 | 2 个中 1 个有错误：项目有错/{RESERVOIR}（3 个错误） |" in md


def test_a_summary_without_projects_has_no_projects_column(tmp_path, run):
    """Narrative reports list no projects: the departments table is as it was, no empty column."""
    result = run("summary", INPUTS[0], "--format", "csv")
    assert result.exit_code == 0 and "所属项目" not in result.output
