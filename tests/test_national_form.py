"""The national self-evaluation form (form:): its model, its rules, its checks — each check made to
fire by one edit of the shipped example, whose clean check is the twin of them all."""
from __future__ import annotations

from decimal import Decimal

import pytest
from paths import ROOT

from generator.model.facts import Report
from generator.model.form import NOT_APPLICABLE, QUALITATIVE, QUANTITATIVE, TIME, read_target
from generator.model.schema import Conversion, convert
from generator.model.yamlsource import compose
from generator.pipeline import check

EXAMPLE = ROOT / "inputs" / "national-form-project-2023.yaml"
TEXT = EXAMPLE.read_text(encoding="utf-8")


def checked(tmp_path, text: str, name: str = "f.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check(path, str(path))


def edited(old: str, new: str, text: str = TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def codes(result) -> list[str]:
    return [f.code for f in result.findings.sorted()]


def test_the_example_checks_clean_and_scores_as_its_rubric_says():
    """The clean twin of every check below: the shipped form has no finding at all."""
    result = check(EXAMPLE)
    assert [f.text() for f in result.findings.sorted()] == []
    d = result.derived
    assert d.funding.score == Decimal("9.58")
    # 生态效益 does not apply: 93.58 of the 95 points that apply, rescaled to 100
    assert d.raw_total == Decimal("93.58") and d.applicable == 95 and d.rescaled
    assert d.total == Decimal("98.51") and d.scores.grade == "优"
    assert d.levels["产出"] == (Decimal(50), Decimal(49))


@pytest.mark.parametrize("text,kind,direction,value,when", [
    ("≥1.2万亩", QUANTITATIVE, ">=", Decimal("1.2"), None),
    ("≤4天", QUANTITATIVE, "<=", Decimal(4), None),
    ("100%", QUANTITATIVE, ">=", Decimal(100), None),           # a bare figure: ≥, as forms mean it
    ("=100%", QUANTITATIVE, "=", Decimal(100), None),
    ("不低于90%", QUANTITATIVE, ">=", Decimal(90), None),
    ("9月前", TIME, "<=", None, (9, 31)),
    ("2023年10月15日前", TIME, "<=", None, (10, 15)),
    ("年底前", TIME, "<=", None, (12, 31)),
    ("有效提升", QUALITATIVE, "", None, None),
    ("—", NOT_APPLICABLE, "", None, None),
])
def test_a_target_value_is_read_with_its_direction(text, kind, direction, value, when):
    t = read_target(text)
    assert (t.kind, t.direction, t.value, t.when, t.text) == (kind, direction, value, when, text)


BASE = "year: 2023\nrubric: r.yaml\ndepartment: {name: 某局}\nscores: {}\n"


def problems(extra: str) -> list[str]:
    conv = Conversion()
    convert(Report, compose(BASE + extra, "f.yaml"), conv)
    return [p.message for p in conv.problems]


def test_a_direction_written_where_a_number_goes_gets_a_chinese_hint():
    """"≤4" is a SCHEMA error in a number or a narrative target, and says where the sign goes."""
    found = problems("targets:\n  - {name: 办结时限, target: ≤4天}\n")
    assert len(found) == 1 and "“≤”是指标的方向" in found[0] and "direction: ≤" in found[0] and "4天" in found[0]
    found = problems("form:\n  funding: {points: ≤4}\n  indicators: []\n")
    assert len(found) == 1 and found[0].startswith("form.funding.points（分值） 应为数字，写成了“≤4”。")


def test_a_project_without_its_form_or_a_report_without_scores_is_told_what_is_missing(tmp_path):
    result = checked(tmp_path, "kind: project\nyear: 2023\nrubric: national-form\ndepartment: {name: 某局}\n")
    assert [(f.code, f.path) for f in result.findings] == [("SCHEMA-MISSING", ("form",))]
    result = checked(tmp_path, "year: 2023\nrubric: yangxi-2023\ndepartment: {name: 某局}\n")
    assert [(f.code, f.path) for f in result.findings] == [("SCHEMA-MISSING", ("scores",))]


# One edit of the example each, the code it must raise, and words of its message.
FIRING = [
    # real errors seen in published forms
    pytest.param("total:     {budget: 800,", "total:     {budget: 0,", "FORM-FUNDS-SUM",
                 "年度资金总额的年初预算数 0 ≠ 当年财政拨款 800 + 上年结转资金 0 + 其他资金 0 = 800", id="total-0-above-90"),
    pytest.param("adjusted: 1200, final: 1150}", "adjusted: 1200, final: 1200}", "FORM-FUNDS-SUM",
                 "执行数与全年预算数（可用资金，即收入）相同，可能把收入合计填在了执行数一栏", id="income-typed-as-spending"),
    pytest.param("    score: 9.58\n", "", "FORM-BLANK", "预算执行率的得分（form.funding.score）空着：按规则应为 9.58",
                 id="blank-funding-score"),
    pytest.param("points: 15, score: 15}", "points: 15}", "FORM-BLANK",
                 "绩效指标“新建高标准农田面积”（产出指标/数量指标） 的得分空着：按规则应为 15", id="blank-row-score"),
    pytest.param("actual: 1420元, ", "", "FORM-BLANK", "的实际完成值空着", id="blank-actual"),
    # scores against their rules
    pytest.param("score: 9.58", "score: 10", "FORM-SCORE", "预算执行率得分 10，按规则应为 执行率 1150 ÷ 1200 = 95.83%",
                 id="funding-score"),
    pytest.param("rate: 95.83%", "rate: 96.83%", "FORM-RATE", "执行率写成了 96.83%，全年执行数 ÷ 全年预算数 = 95.83%",
                 id="rate"),
    pytest.param("points: 10\n      score: 9\n", "points: 10\n      score: 8\n", "FORM-SCORE",
                 "得分 8，按规则应为 实际 18公里 ÷ 指标值 20公里 × 分值 10 = 9.00", id="at-least"),
    pytest.param("actual: 1420元, points: 10, score: 10", "actual: 1600元, points: 10, score: 10", "FORM-SCORE",
                 "指标值 1500元 ÷ 实际 1600元 × 分值 10 = 9.38", id="at-most"),
    pytest.param("target: 11月底前, actual: 11月", "target: 10月底前, actual: 11月", "FORM-SCORE",
                 "完成时间 11月 未达到年度指标值 10月底前，却得满分 5", id="time-missed-full-marks"),
    pytest.param("target: 健全, actual: 健全,", "target: 健全, actual: 基本健全, met: 否,", "FORM-SCORE",
                 "未达到年度指标值 健全，却得满分 5", id="qualitative-missed-full-marks"),
    # reasons, levels, points, totals
    pytest.param("      reason: 两处机耕道因占用基本农田调整线路，未能当年完成；已列入2024年度计划，6月底前完工。\n", "",
                 "FORM-REASON", "扣了 1 分（分值 10，得分 9），没有写偏差原因分析及改进措施", id="reason"),
    pytest.param("{level1: 满意度指标,", "{level1: 满意指标,", "FORM-LEVEL", "的一级指标“满意指标”不在评分体系中",
                 id="level"),
    pytest.param("name: 新建高标准农田面积, target: ≥1.2万亩, actual: 1.25万亩, points: 15, score: 15",
                 "name: 新建高标准农田面积, target: ≥1.2万亩, actual: 1.25万亩, points: 20, score: 20",
                 "FORM-POINTS", "产出指标 各行的分值合计 55 = 20 + 10 + 10 + 5 + 10，评分体系为 50 分", id="points"),
    pytest.param("  total: 98.51", "  total: 93.58", "FORM-TOTAL",
                 "总分写成了 93.58，各项得分合计为 93.58 ÷ 适用指标的分值 95 × 100 = 98.51", id="total"),
    pytest.param("  grade: 优", "  grade: 良", "GRADE", "绩效等级写成了“良”，总分 98.51 应为“优”", id="grade"),
    # the goals' achieved text against the rows' actual values
    pytest.param("目标1：建成高标准农田1.25万亩", "目标1：建成高标准农田1.3万亩", "FORM-GOALS",
                 "实际完成情况第 1 条写的是 1.3万亩，绩效指标“新建高标准农田面积”的实际完成值是 1.25万亩", id="goals"),
]


@pytest.mark.parametrize("old,new,code,words", FIRING)
def test_each_check_fires_on_one_edit(tmp_path, old, new, code, words):
    result = checked(tmp_path, edited(old, new))
    found = [f for f in result.findings if f.code == code]
    assert found and any(words in f.message for f in found), [f.text() for f in result.findings.sorted()]


def test_spending_above_all_funds_available_is_an_error(tmp_path):
    """Every source spent above its budget, the total adding up: more spent than there was."""
    text = edited("final: 1150}", "final: 1300}")
    text = edited("adjusted: 1000, final: 960}", "adjusted: 1000, final: 1110}", text)
    result = checked(tmp_path, text)
    assert codes(result).count("FORM-FUNDS-OVER") == 1 and "FORM-FUNDS-SUM" not in codes(result)
    f = next(f for f in result.findings if f.code == "FORM-FUNDS-OVER")
    assert f.message.startswith("全年执行数 1300 超过全年预算数 1200（多 100）") and f.line == 21


def test_a_total_that_is_the_slip_is_said_once(tmp_path):
    """A wrong total above parts that fit the funds is FORM-FUNDS-SUM, not also FORM-FUNDS-OVER."""
    result = checked(tmp_path, edited("final: 1150}", "final: 1300}"))
    assert "FORM-FUNDS-SUM" in codes(result) and "FORM-FUNDS-OVER" not in codes(result)


DEPARTMENT = """\
year: 2023
rubric: national-form
report_date: 2024-03-20
department: {name: 示例县统计局}
finance:
  income:
    general: {final: 300}
    other: {final: 20}
  expenditure:
    personnel: {final: 200}
    public: {final: 60}
    project: {final: 50}
form:
  funding:
    total: {budget: 300, adjusted: 320, final: SPENT}
    fiscal: {budget: 300, adjusted: 300, final: 290}
    other: {budget: 0, adjusted: 20, final: 20}
    score: SCORE
  indicators:
    - {level1: 产出指标, level2: 数量指标, name: 统计调查项目完成数, target: ≥12项, actual: 12项, points: 50, score: 50}
    - {level1: 效益指标, level2: 社会效益指标, name: 统计数据按时发布率, target: 100%, actual: 100%, points: 30, score: 30}
    - {level1: 满意度指标, level2: 服务对象满意度指标, name: 数据使用者满意度, target: ≥90%, actual: 93%, points: 10, score: 10}
"""


def test_a_department_form_spends_its_spending_total_not_its_income(tmp_path):
    """The department's form against its own accounts: 310 spent, 320 received; the twin is clean."""
    clean = checked(tmp_path, DEPARTMENT.replace("SPENT", "310").replace("SCORE", "9.69"), "a.yaml")
    assert codes(clean) == []
    wrong = checked(tmp_path, DEPARTMENT.replace("SPENT", "320").replace("SCORE", "10"), "b.yaml")
    assert "FORM-FUNDS-SPENT" in codes(wrong)
    f = next(f for f in wrong.findings if f.code == "FORM-FUNDS-SPENT")
    assert "与本年收入合计相同：填成了收入合计" in f.message and "本年支出合计 310" in f.message


def test_a_row_rule_is_refused_on_a_rubric_indicator(tmp_path):
    from generator.model.rubric import load_rubric
    path = tmp_path / "r.yaml"
    path.write_text("name: 甲\nindicators:\n  - {id: A, name: 甲, points: 100, rule: {kind: met}}\n"
                    "form: {quantitative: {kind: rate}}\n", encoding="utf-8")
    _, found, _ = load_rubric(path, "r.yaml")
    assert sorted(f.code for f in found) == ["RUBRIC-RULE", "RUBRIC-RULE"]
    assert any("只用于自评表的绩效指标行" in f.message for f in found)
    assert any("form.quantitative 的规则“rate”不是为自评表的一行计分的规则" in f.message for f in found)


def test_without_rescaling_a_row_that_does_not_apply_only_drops_out(tmp_path):
    rubric = (ROOT / "rubrics" / "national-form.yaml").read_text(encoding="utf-8")
    (tmp_path / "national-form.yaml").write_text(
        rubric.replace("not_applicable: rescale", "not_applicable: exclude").replace("template: national-form\n", ""),
        encoding="utf-8")
    result = checked(tmp_path, TEXT.replace("rubric: national-form", "rubric: ./national-form.yaml"))
    assert result.derived.total == Decimal("93.58")
    assert [f.code for f in result.findings if f.severity == "error"] == ["FORM-TOTAL"]


# ---- output: the form as .docx and .xlsx ------------------------------------------------------

@pytest.fixture(scope="module")
def form_built(tmp_path_factory):
    from click.testing import CliRunner

    from generator.cli import main

    out = tmp_path_factory.mktemp("form")
    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "--xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _cells(row) -> list[str]:
    seen, out = set(), []
    for cell in row.cells:                  # a merged cell is returned once per grid column it spans
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell.text)
    return out


def test_the_docx_is_the_official_table(form_built):
    """A4, the title by kind, the funds by source, the indicator rows with 一级/二级 merged down their
    group, the heading row repeated on every page, the total; read back from the file."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(form_built / "national-form-project-2023.docx"))
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [p.text for p in doc.paragraphs[:2]] == ["项目支出绩效自评表", "（2023年度）"]
    top, rows = doc.tables
    assert _cells(top.rows[3]) == ["项目资金（万元）", "年度资金总额", "800", "1200", "1150", "10", "95.83%", "9.58"]
    assert _cells(top.rows[4])[1:] == ["其中：当年财政拨款", "800", "1000", "960", "—", "—", "—"]
    head = rows.rows[0]
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None
    assert _cells(head) == ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                            "偏差原因分析及改进措施"]
    assert _cells(rows.rows[2])[3:] == ["新建机耕道长度", "≥20公里", "18公里", "10", "9",
                                        "两处机耕道因占用基本农田调整线路，未能当年完成；已列入2024年度计划，6月底前完工。"]
    # 产出指标 spans its five rows, 数量指标 its two
    产出 = [rows.cell(i, 1)._tc for i in range(1, 6)]
    assert len(set(map(id, 产出))) == 1 and rows.cell(6, 1).text == "效益指标"
    assert rows.cell(1, 2)._tc is rows.cell(2, 2)._tc and rows.cell(3, 2).text == "质量指标"
    assert _cells(rows.rows[-1]) == ["总分", "100", "98.51", "绩效等级：优"]
    # the total never stands alone under a repeated heading: the two rows above keep with it
    def keeps(tr):
        return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in tr.iter(qn("w:p")))
    assert [keeps(r._tr) for r in rows.rows[-3:]] == [True, True, False]
    # each 一级 group keeps on one page (产出指标: rows 1–5): no continuation opens on an empty 一级 cell
    assert [keeps(rows.rows[i]._tr) for i in range(1, 7)] == [True, True, True, True, False, True]
    assert any("93.58 ÷ 95 × 100 = 98.51" in p.text for p in doc.paragraphs)
    assert doc.core_properties.author == "示例县农业农村局"


def test_the_docx_opens_in_word_without_repair(form_built):
    audit = pytest.importorskip("openxml_audit")
    for name in ("national-form-project-2023.docx", "national-form-project-2023-自评表.xlsx"):
        result = audit.OpenXmlValidator(max_errors=1000).validate(str(form_built / name))
        assert [e for e in result.errors if e.error_type.value == "schema"] == [], name


def test_the_workbook_has_the_same_cells_with_numbers_and_a_cached_sum(form_built):
    from openpyxl import load_workbook

    path = form_built / "national-form-project-2023-自评表.xlsx"
    ws = load_workbook(path)["自评表"]
    values = load_workbook(path, data_only=True)["自评表"]
    assert [c.value for c in ws[5]][:9] == [None, "年度资金总额", None, 800, 1200, 1150, 10, "95.83%", 9.58]
    total = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "总分")
    assert ws.cell(total, 7).value == f"=SUM(G12:G{total - 1})+G5"
    assert values.cell(total, 7).value == 100 and values.cell(total, 8).value == 98.51
    assert ws.cell(13, 4).value == "新建机耕道长度" and ws.cell(13, 7).value == 10 and ws.cell(13, 8).value == 9
    assert ws.print_title_rows == "$11:$11" and int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"B12:B16", "B17:B20", "C12:C13", "A4:A8"} <= merged


def test_the_same_input_builds_the_same_bytes(form_built, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    assert CliRunner().invoke(main, ["build", str(EXAMPLE), "--xlsx", "-o", str(tmp_path)]).exit_code == 0
    for name in ("national-form-project-2023.docx", "national-form-project-2023-自评表.xlsx"):
        assert (tmp_path / name).read_bytes() == (form_built / name).read_bytes(), name


@pytest.mark.parametrize("old,new", [
    # two figures in 万亩 in the achieved goal: which one is the area is not known
    ("目标1：建成高标准农田1.25万亩，", "目标1：建成高标准农田1.3万亩（其中旱地0.4万亩），"),
    # the expected goals do not name the target: which goal speaks of the row is not known
    ("目标1：新建高标准农田1.2万亩，", "目标1：新建高标准农田，"),
    # a share is written of too many things to pair it
    ("工程全部验收合格", "工程验收合格率98%"),
])
def test_the_goals_check_is_silent_when_unsure(tmp_path, old, new):
    result = checked(tmp_path, edited(old, new))
    assert "FORM-GOALS" not in codes(result), [f.text() for f in result.findings.sorted()]
