"""`mkreport summary`: the bureau's workbook of many checked reports, read back."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
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
    assert rows[PUBLISHED[0]]["状态"] == "有错误" and rows[PUBLISHED[0]]["错误"] == 11
    problems = list(wb["问题"].iter_rows(min_row=2, values_only=True))
    assert [c.value for c in wb["问题"][1]] == ["文件", "行", "列", "级别", "代码", "说明"]
    assert sum(r[3] == "错误" for r in problems) == sum(r["错误"] for r in rows.values())
    assert (PUBLISHED[0], 210, 12, "错误", "SCORE-SUM") in [r[:5] for r in problems]
    # the rubric 平远 as built and as published share: its finding is one row, as `check` says it once
    assert [r[4] for r in problems].count("RUBRIC-POINTS") == 1
    assert rows[INPUTS[1]]["警告"] == 2                                   # each department's own count has it
    stats = [r for r in wb["统计"].iter_rows(values_only=True)]
    assert [r[:2] for r in stats[1:6]] == [("等级分布", None), ("优", 5), ("良", 0), ("中", 0), ("差", 0)]
    marked = [r for r in stats if r[0] and str(r[0]).startswith("B24 ")]
    assert marked and marked[0][1] == 2                    # 阳西 as built and as published


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
    assert ("优", 1) in stats and ("未评定（无法读取或缺少评分体系）", 1) in stats
