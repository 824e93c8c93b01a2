"""Tables and totals you can trust (issue 17): balances over derived totals, a line not given is not 0,
"—" for not applicable, a number split by a thousands separator, spending above the money available,
grades on the rubric's own scale."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from paths import ROOT

from generator.pipeline import check


def edited(workdir, *pairs, name="yangxi-2023.yaml"):
    path = workdir / "inputs" / name
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return path


def findings(path, severity=None):
    return [(f.code, f.message) for f in check(path).findings.sorted() if severity is None or f.severity == severity]


def codes(path):
    return [c for c, _ in findings(path)]


# ---- balances are checked whether or not the totals are written ----------------------------

def test_income_and_spending_totals_left_out_still_balance(workdir):
    """The 阳西 file writes no 收入总计 or 支出总计: a wrong 年初结转 still unbalances them."""
    path = edited(workdir, ("carryover: {final: 9.42}", "carryover: {final: 19.42}"))
    errors = findings(path, "error")
    assert [c for c, _ in errors] == ["TABLE-BALANCE"], errors
    assert errors[0][1].startswith("收入总计 决算数 7552.23（未填写，由 财政拨款收入 7532.81 + 年初结转和结余 19.42 算出）"
                                   " ≠ 支出总计 决算数 7542.23（未填写，由 基本支出 845.92 + 项目支出 6694.26 + "
                                   "年末结转和结余 2.05 算出）（差 10.00）")


def test_economic_classification_left_without_its_total_still_meets_the_spending(workdir):
    path = edited(workdir, ("wages: 718.12", "wages: 728.12"))
    errors = findings(path, "error")
    assert [c for c, _ in errors] == ["TABLE-BALANCE"], errors
    assert "经济分类支出合计 7550.18（未填写，由 工资福利支出 728.12 + 商品和服务支出 1206.24" in errors[0][1]


def test_rounding_of_many_lines_is_not_an_imbalance(workdir):
    """Each side is a sum of rounded figures: a 0.01 from rounding (845.92 ≠ 796.02 + 49.91) is no error."""
    path = edited(workdir, ("carryover: {final: 9.42}", "carryover: {final: 9.43}"))
    assert "TABLE-BALANCE" not in codes(path)


# ---- three states: given, not given, not applicable ---------------------------------------

def test_a_main_line_not_given_is_unknown_not_zero(workdir):
    """A form prints 基本支出 and 公用经费 but no 人员经费: no TABLE-SUM, in any column."""
    path = edited(workdir, ("    personnel: {budget: 653.6, adjusted: 796.02, final: 796.02}\n", ""))
    assert findings(path, "error") == []


def test_lines_given_that_exceed_their_written_total_are_still_an_error(workdir):
    path = edited(workdir, ("    personnel: {budget: 653.6, adjusted: 796.02, final: 796.02}\n", ""),
                  ("public: {budget: 42, adjusted: 49.91, final: 49.91}",
                   "public: {budget: 42, adjusted: 49.91, final: 849.91}"))
    errors = [m for c, m in findings(path, "error") if c == "TABLE-SUM"]
    assert errors == ["基本支出 决算数 845.92万元，少于已填写的 公用经费 849.91 = 849.91万元（人员经费未填写，只核对各项之和不超过合计）。"]


def test_a_line_most_departments_lack_is_zero_when_not_given(workdir):
    """上缴上级支出 is not written in 阳西: 本年支出合计 written beside 基本支出 and 项目支出 is still exact."""
    path = edited(workdir, ("    carryover: {adjusted: 2.05, final: 2.05}\n",
                            "    carryover: {adjusted: 2.05, final: 2.05}\n    current: {final: 7541.18}\n"))
    errors = [m for c, m in findings(path, "error") if c == "TABLE-SUM"]
    assert errors and errors[0].startswith("本年支出合计 决算数 7541.18万元 ≠ 基本支出 845.92 + 项目支出 6694.26")


def test_a_dash_is_not_applicable_counts_as_zero_and_prints_as_a_dash(workdir, run, tmp_path):
    path = edited(workdir, ("carryover: {adjusted: 2.05, final: 2.05}", "carryover: {budget: —, adjusted: 2.05, final: 2.05}"))
    assert findings(path, "error") == []
    out = tmp_path / "out"
    result = run("build", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    doc = Document(str(out / "yangxi-2023.docx"))
    budget = next(t for t in doc.tables if t.cell(0, 0).text.startswith("项目"))
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in budget.rows}
    assert rows["年末结转和结余"] == ["—", "2.05", "2.05"]
    assert rows["总计"] == ["1747.99", "7542.23", "7542.23"]


def test_a_distribution_of_the_balance_is_a_part_of_the_total_and_printed_only_where_given(workdir, run, tmp_path):
    """结余分配 (a 决算's 提取事业基金 and the like): 支出总计 is 本年支出合计 + 结余分配 + 年末结转和结余; a report that has
    none prints no such row."""
    plain = tmp_path / "plain"
    assert run("build", str(workdir / "inputs" / "yangxi-2023.yaml"), "-o", str(plain)).exit_code == 0
    budget = next(t for t in Document(str(plain / "yangxi-2023.docx")).tables if t.cell(0, 0).text.startswith("项目"))
    assert "结余分配" not in [r.cells[0].text for r in budget.rows]
    path = edited(workdir, ("    carryover: {adjusted: 2.05, final: 2.05}\n",
                            "    distribution: {final: 1.00}\n    carryover: {adjusted: 2.05, final: 1.05}\n"),
                  # (the carry-over is smaller now: so is the rubric's 结转结余率)
                  ("text: 2023年年末结余结转率为0.03%。", "text: 2023年年末结余结转率为0.01%。"),
                  ("measure: {value: 0.03%}", "measure: {value: 0.01%}"))
    assert findings(path, "error") == []
    out = tmp_path / "out"
    assert run("build", str(path), "-o", str(out)).exit_code == 0
    budget = next(t for t in Document(str(out / "yangxi-2023.docx")).tables if t.cell(0, 0).text.startswith("项目"))
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in budget.rows}
    assert rows["结余分配"] == ["", "", "1.00"] and rows["年末结转和结余"][2] == "1.05" and rows["总计"][2] == "7542.23"
    # written beside a total that leaves it out, it is a sum error
    wrong = edited(workdir, ("    carryover: {adjusted: 2.05, final: 1.05}\n",
                             "    carryover: {adjusted: 2.05, final: 1.05}\n    total: {final: 7541.23}\n"))
    assert "TABLE-SUM" in codes(wrong)


def test_a_dash_is_refused_where_a_figure_cannot_be_not_applicable(workdir):
    path = edited(workdir, ("serving: 44", "serving: —"))
    assert "SCHEMA" in codes(path)


# ---- a number YAML would split -------------------------------------------------------------

def test_a_thousands_separator_in_a_one_line_mapping_is_named_at_the_value(workdir):
    path = edited(workdir, ("personnel: {budget: 653.6, adjusted: 796.02,", "personnel: {budget: 653.6, adjusted: 1,796.02,"))
    got = check(path).findings.sorted()
    assert [f.code for f in got if f.severity == "error"] == ["SCHEMA"]
    f = got[0]
    assert f.message == ("finance.expenditure.personnel.adjusted（调整预算数） 写成了“1,796.02”：在 {…} 一行的写法里，"
                         "逗号用来分隔各项，千位分隔符把这个数拆开了。请去掉逗号，写成 1796.02。")
    line = path.read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert line[f.col - 1:].startswith("1,796.02")


def test_several_separators_and_a_negative_figure(workdir):
    path = edited(workdir, ("personnel: {budget: 653.6,", "personnel: {budget: 1,234,653.6,"))
    msgs = [m for c, m in findings(path, "error")]
    assert len(msgs) == 1 and "写成了“1,234,653.6”" in msgs[0] and "写成 1234653.6" in msgs[0]


# ---- money spent and money available ---------------------------------------------------------

def small_file(folder: Path, income: str, extra: str = "") -> Path:
    (folder / "rubrics").mkdir(exist_ok=True)
    (folder / "rubrics" / "一项.yaml").write_text("name: 测试\nindicators:\n  - {id: A, name: 整体, points: 100}\n",
                                                encoding="utf-8")
    path = folder / "x.yaml"
    path.write_text(f"year: 2023\nrubric: 一项\nreport_date: 2024-03-01\ndepartment: {{name: 某县某局}}\n"
                    f"scores: {{A: {{score: 100}}}}\nfinance:\n  income:\n{income}  expenditure:\n"
                    f"    personnel: {{final: 300}}\n    public: {{final: 30}}\n    project: {{final: 8.31}}\n{extra}", encoding="utf-8")
    return path


def test_spending_above_the_budget_and_the_carry_over_is_a_warning(tmp_path):
    path = small_file(tmp_path, "    general: {budget: 300, adjusted: 329.77, final: 338.31}\n")
    found = findings(path)
    assert ("FUNDS-OVER", "本年支出合计 决算数 338.31，超过了当年可用的资金 财政拨款收入 调整预算数 329.77 = 329.77"
            "（多 8.54）：支出不能多于预算与结转之和，请核对决算数和调整预算数。") in found


def test_spending_within_the_budget_and_the_carry_over_is_clean(tmp_path):
    path = small_file(tmp_path, "    general: {budget: 300, adjusted: 329.77, final: 329.77}\n"
                                "    carryover: {final: 8.54}\n")
    assert "FUNDS-OVER" not in codes(path)


# ---- grades on the rubric's own scale ---------------------------------------------------------

def ten_point(folder: Path, grades: str = "", grade: str = "优") -> Path:
    (folder / "rubrics").mkdir(exist_ok=True)
    (folder / "rubrics" / "ten.yaml").write_text(
        f"name: 十分制\npoints: 10\n{grades}indicators:\n  - {{id: A, name: 整体, points: 10}}\n", encoding="utf-8")
    path = folder / "x.yaml"
    path.write_text("year: 2023\nrubric: ten\nreport_date: 2024-03-01\ndepartment: {name: 某县某局}\n"
                    f"scores:\n  A: {{score: 9.49, reason: 少量支出未按期完成。}}\nconclusion: {{grade: {grade}}}\n",
                    encoding="utf-8")
    return path


def test_grades_default_to_shares_of_the_rubrics_total(tmp_path):
    assert "GRADE" not in codes(ten_point(tmp_path))
    msgs = [m for c, m in findings(ten_point(tmp_path, grade="差")) if c == "GRADE"]
    assert msgs == ["总分 9.49 对应的绩效等级为“优”（优≥9（总分的 90%）、良≥8（总分的 80%）、中≥6（总分的 60%）、差≥0），"
                    "此处写成“差”。"]


def test_bands_stated_as_percentages(tmp_path):
    path = ten_point(tmp_path, "grades:\n  - {grade: 优, min: 95%}\n  - {grade: 良, min: 85%}\n  - {grade: 差, min: 0}\n",
                     grade="良")
    assert "GRADE" not in codes(path) and "RUBRIC-GRADE" not in codes(path)


def test_bands_in_points_above_the_total_are_a_rubric_error(tmp_path):
    path = ten_point(tmp_path, "grades:\n  - {grade: 优, min: 90}\n  - {grade: 差, min: 0}\n")
    msgs = [m for c, m in findings(path) if c == "RUBRIC-GRADE"]
    assert msgs == ["绩效等级“优”的最低分 90 超过了总分 10：按分数写的等级须在总分以内；若指总分的百分比，请写成 90%。"]


def test_the_built_report_grades_on_the_rubrics_scale(tmp_path, run):
    path = ten_point(tmp_path)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = "\n".join(p.text for p in Document(str(tmp_path / "out" / "x.docx")).paragraphs)
    assert "9.49" in text and "优" in text and "“差”" not in text and "‘差’" not in text


# ---- every printed number can be explained ------------------------------------------------------

def explained(run, path, query):
    result = run("explain", str(path), query)
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_the_total_and_the_grade(run):
    path = ROOT / "inputs" / "yangxi-2023.yaml"
    for query in ("总分", "conclusion.total", "98.2"):
        out = explained(run, path, query)
        assert out.startswith("自评总分（满分 100 分）：98.2 分\n  = 各一级指标得分之和 = 20 + 38.6 + 39.6 = 98.2"), out
    for query in ("等级", "conclusion.grade", "优"):
        out = explained(run, path, query)
        assert out.startswith("绩效等级：优\n  评分体系的等级划分：优≥90、良≥80、中≥60、差≥0（rubrics/yangxi-2023.yaml:18:3）"), out
        assert "自评总分 98.2 分 → 优" in out


def test_explain_an_indicator_by_its_score_path(run):
    out = explained(run, ROOT / "inputs" / "yangxi-2023.yaml", "scores.B24")
    assert out.startswith("B24 政府采购执行情况（三级指标，满分 4 分）：2.6 分") and "政府采购执行率 64.94% × 分值 4 = 2.60" in out


def test_explain_printed_rates_a_change_without_its_sign_and_a_saving_on_the_budget(run):
    path = ROOT / "inputs" / "hunan-example-2023.yaml"
    out = explained(run, path, "5.37%")
    assert "“三公”经费 较上年增减率：-5.37%\n  = (9.86 − 10.42) ÷ 10.42 × 100% = -5.37%" in out
    out = explained(run, path, "17.83%")
    assert "“三公”经费 较年初预算增减率：-17.83%" in out
    out = explained(run, path, "4.12%")
    assert "年末结转和结余 决算数 占 支出总计 决算数 的比重：4.12%" in out
    assert "支出总计 决算数（finance.expenditure.total.final）：1362.00（未填写，由各项相加" in out


def test_explain_a_headcount_rate_in_people_not_money(run):
    out = explained(run, ROOT / "inputs" / "hunan-example-2023.yaml", "95.83%")
    assert "实有在职人员（department.staffing.serving）：23人" in out and "万元" not in out


def test_a_capped_rate_says_so_in_the_formula_and_in_the_report(tmp_path, run):
    text = (ROOT / "inputs" / "hunan-example-2023.yaml").read_text(encoding="utf-8")
    text = (text.replace("project: {budget: 474.20, adjusted: 593.30, final: 574.68}",
                         "project: {budget: 474.20, adjusted: 540.00, final: 574.68}")
            .replace("rubric: hunan-2023", f"rubric: {ROOT / 'rubrics' / 'hunan-2023.yaml'}")
            .replace("本年支出全年预算数1326.80万元，全年执行数1305.93万元，预算完成率98.43%。", "全年执行数超过全年预算数。"))
    path = tmp_path / "h.yaml"
    path.write_text(text, encoding="utf-8")
    assert "按规则：预算完成率 102.55%（超过 100%，按 100% 计） × 分值 5 = 5.00" in explained(run, path, "B11")
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    paragraphs = [p.text for p in Document(str(tmp_path / "out" / "h.docx")).paragraphs]
    # the report says it as an official would; the computation is explain's
    assert any("预算完成率为102.55%，超过100%的部分不计，按评分标准，得满分5分。" in p for p in paragraphs)
    assert not any("× 分值" in p for p in paragraphs)


def test_a_stale_rate_in_a_score_text_is_checked_against_the_one_computed(workdir):
    """B11's text says only "预算完成率98.99%": the figures it is computed from are the facts'."""
    path = edited(workdir, ("text: 本年支出全年预算数1326.80万元，全年执行数1305.93万元，预算完成率98.43%。",
                            "text: 预算完成率98.99%。"), name="hunan-example-2023.yaml")
    errors = findings(path, "error")
    assert errors == [("PROSE-EXECUTION", "正文“…预算完成率98.99%”：本年支出合计 决算数 1305.93 ÷ 调整预算数 1326.80 = "
                                          "98.43%，与写明的 98.99% 不符。")]


def test_numbers_written_the_way_tables_print_them_get_the_fix(workdir):
    """Any style: a full-width or spaced thousands separator, a full-width point, brackets for a negative."""
    for written, fix in (("1，796.02", "请去掉千位分隔符，写成 1796.02。"), ("1 796.02", "请去掉千位分隔符，写成 1796.02。"),
                         ("1796。02", "小数点请用半角的“.”，写成 1796.02。"), ("(1796.02)", "负数请写成 -1796.02（不用括号）。"),
                         ("'1,796.02'", "请去掉千位分隔符，写成 1796.02。")):
        path = workdir / "inputs" / "yangxi-2023.yaml"
        original = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
        path.write_text(original.replace("personnel: {budget: 653.6, adjusted: 796.02,",
                                         f"personnel: {{budget: 653.6, adjusted: {written},"), encoding="utf-8")
        msgs = [m for c, m in findings(path, "error")]
        assert len(msgs) == 1 and msgs[0].endswith(fix), (written, msgs)


def test_a_rubric_total_of_zero_is_an_error_not_a_hundred(tmp_path):
    for zero in ("0", "-0.0"):
        (tmp_path / "rubrics").mkdir(exist_ok=True)
        (tmp_path / "rubrics" / "z.yaml").write_text(
            f"name: 零分\npoints: {zero}\nindicators:\n  - {{id: A, name: 整体, points: 100}}\n", encoding="utf-8")
        path = tmp_path / "x.yaml"
        path.write_text("year: 2023\nrubric: z\nreport_date: 2024-03-01\ndepartment: {name: 某县某局}\n"
                        "scores: {A: {score: 100}}\n", encoding="utf-8")
        msgs = [m for c, m in findings(path) if c == "RUBRIC-TOTAL"]
        assert msgs and msgs[0].startswith("评分体系总分（points）应大于 0"), (zero, findings(path))
