"""Checks the seeds do not trigger, on small edits of a real input (scenario: one slip each)."""
from __future__ import annotations

import pytest
from paths import ROOT

from generator.pipeline import check


def edited(workdir, old: str, new: str):
    path = workdir / "inputs" / "yangxi-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [(f.code, f.message) for f in check(path).findings.sorted() if f.severity == "error"]


@pytest.mark.parametrize("old,new,code,words", [
    ("    score: 2.6\n    text: 2023年政府采购", "    score: 3\n    text: 2023年政府采购", "RULE-SCORE",
     "B24 政府采购执行情况 得分 3，按评分规则应为 2.60（政府采购执行率 64.94% × 分值 4 = 2.60）"),
    ("    score: 2.6\n    text: 本部门项目绩效目标", "    score: 3\n    text: 本部门项目绩效目标", "RULE-SCORE",
     "已完成目标 13 ÷ 目标总数 15 × 分值 3 = 2.60"),
    ("  B26:\n    name: 预决算信息公开性\n    score: 3", "  B26:\n    name: 预决算信息公开性\n    score: 2.5",
     "DEDUCTION-REASON", "B26 预决算信息公开性 得分 2.5 低于满分 3，请在 reason 中写明扣分原因"),
    ("problems:\n", "conclusion:\n  grade: 良\nproblems:\n", "GRADE", "总分 98.2 对应的绩效等级为“优”"),
    ("{name: 进出口总额, target: 11.02亿元, actual: 9.22亿元}",
     "{name: 进出口总额, target: 11.02亿元, actual: 9.22亿元, status: 完成}", "TARGET-STATUS", "应为“未完成”"),
    ("{name: 进出口总额, target: 11.02亿元, actual: 9.22亿元}",
     "{name: 进出口总额, target: 11.02亿元, actual: 92200万元, status: 未完成}", None, None),
    ("    personnel: {budget: 653.6,", "    personnel: {budget: 653.9,", "TABLE-SUM",
     "基本支出 年初预算数 695.60万元 ≠ 人员经费 653.9 + 公用经费 42 = 695.9万元（差 -0.30）"),
    ("  A11:\n    name: 预算编制合理性", "  A11:\n    name: 预算编制规范性", "SCORE-NAME", "A11 在评分体系中是“预算编制合理性”"),
    ("  A11:\n", "  A99:\n    score: 1\n  A11:\n", "SCORE-UNKNOWN", "没有编号为“A99”的指标"),
    ("  C3:\n    name: 效果性\n    score: 20", "  C3:\n    name: 效果性\n    score: 21", "SCORE-RANGE",
     "C3 效果性 得分 21 超过满分 20"),
    ("other_notes: 无。", "other_notes: 无。满分 分", "BLANK", "模板空白"),
    ("problems:\n  - 部门", "problems:\n  - \"  \"\n  - 部门", "EMPTY", "此处为空白文字：请填写或删除该项"),
    ("    score: 2.6\n    text: 2023年政府采购", "    score: 2.6\n    deduction: 1\n    text: 2023年政府采购",
     "SCORE-DEDUCTION", "B24 政府采购执行情况 写明扣 1 分，但满分 4 − 得分 2.6 = 1.4"),
    ("  A11:\n    name: 预算编制合理性\n    score: 4", "  A11:\n    name: 预算编制合理性\n    score: 4\n    max: 5",
     "SCORE-MAX-STATED", "A11 预算编制合理性 写明满分 5 分，评分体系中为 4 分"),
    ("problems:\n", "conclusion:\n  total: 97\nproblems:\n", "TOTAL", "自评总分 97 ≠ 各一级指标得分合计 98.2 = 20 + 38.6 + 39.6"),
    ("    serving: 44", "    posts_total: 46\n    serving: 44", "STAFF-SUM", "核定编制合计 46 ≠ 人员编制 45 = 45"),
    ("{name: 专精特新企业数, target: 3家, actual: 6家}", "{name: 专精特新企业数, target: 3家, actual: 6亿元}",
     "TARGET-UNIT", "完成值 6亿元 与目标值 3家 单位不可比"),
    ("    text: 固定资产利用率超90%以上。", "    text: 固定资产利用率超90%以上。\n    measure: {numerator: 1, denominator: 0}",
     "MEASURE-ZERO", "B42 固定资产利用率 的计算式分母为 0"),
    ("本部门“三公”经费实际支出数19.85万元", "本部门“三公”经费实际支出数19.58万元", "PROSE-FACT",
     "“三公”经费 决算数 为 19.85万元"),
])
def test_one_slip_one_finding(workdir, old, new, code, words):
    errors = edited(workdir, old, new)
    if code is None:
        assert errors == []   # 92200万元 is 9.22亿元: units convert
        return
    assert [c for c, _ in errors] == [code], errors
    assert words in errors[0][1]


def test_a_wrong_share_is_found(workdir):
    """"占资产总额比 48.46%" is checked against the asset total."""
    path = workdir / "inputs" / "pingyuan-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "占资产总额比48.46%" in text
    path.write_text(text.replace("占资产总额比48.46%", "占资产总额比46.48%"), encoding="utf-8")
    errors = [(f.code, f.message) for f in check(path).findings.sorted() if f.severity == "error"]
    assert [c for c, _ in errors] == ["PROSE-SHARE"]
    assert "451.85万元 ÷ 资产总额 932.43万元 = 48.46%，与写明的 46.48% 不符" in errors[0][1]


def test_counts_after_其中_add_up_exactly(workdir):
    """Counts are not rounded: 115 + 25 > 139 is an error even though it is off by one (a list that
    may name only some items is wrong when it exceeds its head)."""
    path = workdir / "inputs" / "yangxi-2023.yaml"
    text = path.read_text(encoding="utf-8")
    old = "累计引进项目139个（其中工业项目115个、商业及配套企业24个）"
    assert old in text
    path.write_text(text.replace(old, old.replace("24个", "25个")), encoding="utf-8")
    errors = [(f.code, f.message) for f in check(path).findings.sorted() if f.severity == "error"]
    assert errors == [("PROSE-SUM", "正文“…9万亩，累计引进项目139个（其中工业项目115个、商业及配套企业25个”：其中各项合计 "
                                    "115 + 25 = 140个，超过了 139个。")]


def test_a_target_without_an_actual_value_is_a_warning(workdir):
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{name: 专精特新企业数, target: 3家, actual: 6家}",
                                                              "{name: 专精特新企业数, target: 3家}"), encoding="utf-8")
    found = [(f.code, f.severity) for f in check(path).findings]
    assert ("TARGET-ACTUAL", "warning") in found


def hunan_variant(tmp_path, edit):
    """The 湖南 example edited by `edit`, in a folder of its own, naming the shipped rubric by path."""
    text = (ROOT / "inputs" / "hunan-example-2023.yaml").read_text(encoding="utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(edit(text).replace("rubric: hunan-2023", f"rubric: {ROOT / 'rubrics' / 'hunan-2023.yaml'}"),
                    encoding="utf-8")
    return path


def test_a_wrong_total_is_one_finding_that_names_what_was_computed_from_it(tmp_path, run):
    """收入总计 written wrong: the table sum says so once; the balance and the 结转结余率 computed
    from it are named in that finding, not reported again."""
    path = hunan_variant(tmp_path, lambda text: text.replace(
        "    carryover: {final: 35.20}\n", "    carryover: {final: 35.20}\n    total: {final: 1262.00}\n", 1))
    result = run("check", str(path))
    errors = [l for l in result.output.splitlines() if " 错误 [" in l]
    assert len(errors) == 1 and "[TABLE-SUM] 收入总计 决算数 1262.00万元" in errors[0], errors
    assert "（B14 结转结余率 的指标值、收入总计 决算数与支出总计 决算数的平衡是用这个数算的，改正后会随之一致" in errors[0]


def test_balance_and_change_checks_fire_on_their_own(tmp_path, run):
    path = hunan_variant(tmp_path, lambda text: text
                         .replace("    carryover: {final: 56.07}", "    carryover: {final: 65.07}\n    total: {final: 1371.00}")
                         .replace("{budget: 12.00, final: 9.86, prior: 10.42}",
                                  "{budget: 12.00, final: 9.86, prior: 10.42, change: -0.65}"))
    result = run("check", str(path))
    assert ("[TABLE-BALANCE] 收入总计 决算数 1362.00（未填写，由 一般公共预算财政拨款收入 1326.80 + 年初结转和结余 35.20 算出）"
            " ≠ 支出总计 决算数 1371.00（差 -9.00）") in result.output
    assert "[TABLE-CHANGE] “三公”经费 较上年增减 -0.65 ≠ 决算数 9.86 − 上年决算数 10.42 = -0.56" in result.output


def test_a_swapped_score_and_maximum_is_one_finding(tmp_path, run):
    """"自评分 5 分，满分 4.5 分": one finding, and the total built on 4.5 still agrees."""
    text = (ROOT / "inputs" / "pingyuan-2023.yaml").read_text(encoding="utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(text.replace("    score: 4.5\n    # 更正", "    score: 5\n    max: 4.5\n    deduction: 0.5\n    # 更正")
                    .replace("rubric: pingyuan-2023", f"rubric: {ROOT / 'rubrics' / 'pingyuan-2023.yaml'}")
                    .replace("scores:\n", "conclusion:\n  total: 97.5\nscores:\n", 1), encoding="utf-8")
    errors = [l for l in run("check", str(path)).output.splitlines() if " 错误 [" in l]
    assert len(errors) == 1 and "[SCORE-SWAPPED] B13 财务管理合规性 写明“自评分 5 分，满分 4.5 分”" in errors[0]
    assert "请改为 score: 4.5，max: 5" in errors[0]


def test_a_rule_computed_from_a_wrong_total_is_not_a_second_finding(tmp_path, run):
    path = hunan_variant(tmp_path, lambda text: text
                         .replace("    carryover: {final: 56.07}", "    carryover: {final: 56.07}\n    current: {final: 1350.93}")
                         .replace("  B11:\n", "  B11:\n    score: 4.92\n"))
    errors = [l for l in run("check", str(path)).output.splitlines() if " 错误 [" in l]
    assert len(errors) == 1 and "[TABLE-SUM] 本年支出合计 决算数 1350.93万元" in errors[0], errors
    assert "B11 预算完成率 的应得分" in errors[0]


@pytest.mark.parametrize("text,code,words", [
    ("依据《关于印发办法的通知》（梅市财行[2016]26号）执行。", "TYPO-BRACKET", "应为“〔2016〕”"),
    ("完善定额体系;建立支出标准。", "TYPO-PUNCT", "“;”改为“；”"),
    ("得分=1826/1826*3=3分。", "TYPO-OPERATOR", "“*”改为“×”、“/”改为“÷”"),
    ("结转结余率=结转结余数/（年初结转数+决算数）×100%。", "TYPO-OPERATOR", "“/”改为“÷”"),
    ("组织企业企业赴欧美参展。", "TYPO-DOUBLED", "“企业”重复了一次"),
    ("审计提出的问题我司已及时整改。", "TYPO-SELF", "自称应为“我局”，此处写成“我司”"),
])
def test_typography_slips_are_warned_with_their_fix(workdir, text, code, words):
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("other_notes: 无。", f"other_notes: {text}"), encoding="utf-8")
    found = [(f.code, f.message) for f in check(path).findings if f.code.startswith("TYPO")]
    assert len(found) == 1 and found[0][0] == code and words in found[0][1], found


@pytest.mark.parametrize("text", [
    "会议于10:30开始，签约1,000万元（PPP）项目，执行率1:1。",
    "截至2023/12/31，一步一步推进，逐项逐项落实。",
    "我局已及时整改。", "签订PPP(Public-Private Partnership)合同。",
    "人均培训经费=培训经费÷人数=0.5万元/人，服务企业200家/次。",
    "全县183个行政村每村每月放映1场公益电影。",
])
def test_ordinary_writing_is_not_a_typography_slip(workdir, text):
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("other_notes: 无。", f"other_notes: {text}"), encoding="utf-8")
    assert [f.text() for f in check(path).findings.sorted() if f.code.startswith("TYPO")] == []


def test_a_rate_cut_off_rather_than_rounded_is_named_so(tmp_path):
    from prosecases import run_case
    # (large enough that the table's own rounding cannot make 6.01%: see the next test)
    facts = {"finance.income.fiscal": {"final": "3646.60", "prior": "3880.00"}}
    right = {"text": "财政拨款收入3646.60万元。较上年度决算数减少233.40万元，下降6.02%。", "facts": facts}
    cut = {"text": "财政拨款收入3646.60万元。较上年度决算数减少233.40万元，下降6.01%。", "facts": facts}   # 6.0155…%
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found, others, _ = run_case(tmp_path / "a", right)
    assert others == [] and found == []
    found, others, _ = run_case(tmp_path / "b", cut)
    assert [f.code for f in found] == ["PROSE-RATE"]
    assert "6.01% 是截去尾数的结果，按四舍五入应为 6.02%" in found[0].message


def test_a_rate_of_small_table_figures_allows_their_rounding(tmp_path):
    """"2.64万元 … 9.38万元 … 完成预算的28.15%": the writer's software divided the yuan behind the table's 2.64 and
    9.38 (2.635–2.645 ÷ 9.375–9.385: 28.08%–28.21%); a slip further off than rounding still fires."""
    from prosecases import run_case
    facts = {"finance.three_public_parts.vehicles": {"budget": "9.38", "final": "2.64"}}
    rounded = {"text": "公务用车购置及运行维护费支出决算为2.64万元，完成预算的28.15%。", "facts": facts}
    slip = {"text": "公务用车购置及运行维护费支出决算为2.64万元，完成预算的28.41%。", "facts": facts}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found, others, _ = run_case(tmp_path / "a", rounded)
    assert others == [] and found == []
    found, others, _ = run_case(tmp_path / "b", slip)
    assert [f.code for f in found] == ["PROSE-EXECUTION"] and "28.14%" in found[0].message


@pytest.mark.parametrize("report_date,fires", [("2024-03-29", True), ("2023-06-30", False)])
def test_staff_counted_at_the_end_of_last_year_only_in_a_document_of_the_year(workdir, report_date, fires):
    # a budget written in its own year counts its people at the end of the year before; a report of the year after
    # the year it reports on counts them at that year's end
    path = workdir / "inputs" / "yangxi-2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert "as_of: 2023-12-31" in text and "report_date: 2024-03-29" in text
    path.write_text(text.replace("as_of: 2023-12-31", "as_of: 2022-12-31", 1)
                    .replace("report_date: 2024-03-29", f"report_date: {report_date}", 1), encoding="utf-8")
    found = [f for f in check(path).findings.sorted() if f.code == "DATE-YEAR" and "人员编制统计截止日期" in f.message]
    assert bool(found) == fires, [f.message for f in found]


def test_a_change_between_two_amounts_of_different_units_that_agree_as_written_says_the_unit_slipped(tmp_path):
    """"基本支出252.5元，较上年231.5万元，增加21万元" (a kindergarten's published text): the figures agree as written —
    the finding says a unit was miscopied, not only that 252.5元 − 231.5万元 is far from 21万元; a slip in the digits
    says nothing of units."""
    from prosecases import run_case
    unit = {"text": "区第二幼儿园本年支出合计252.5万元，较上年231.5万元，增加21万元，其中：基本支出252.5元，较上年231.5万元，增加21万元。"}
    digits = {"text": "区第二幼儿园本年支出合计252.5万元，较上年231.5万元，增加21万元，其中：基本支出252.5万元，较上年231.5万元，增加12万元。"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    found, _, _ = run_case(tmp_path / "a", unit)
    assert [f.code for f in found] == ["PROSE-CHANGE"] and "单位写错" in found[0].message
    found, _, _ = run_case(tmp_path / "b", digits)
    assert [f.code for f in found] == ["PROSE-CHANGE"] and "单位" not in found[0].message
