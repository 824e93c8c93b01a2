"""The two seed reports: corrected inputs check clean; as published, every contradiction is found."""
from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT

from generator.pipeline import check

FIXTURES = ROOT / "tests" / "fixtures" / "seeds"


def findings(path: Path):
    return [(f.code, f.severity, f.message) for f in check(path).findings.sorted()]


@pytest.mark.parametrize("name,documented", [
    ("yangxi-2023", []),                     # the published full score is kept, its 评价说明 names the unmet targets
    # no date, no targets published; indicators of 99 points (the README's table of examples says why)
    ("pingyuan-2023", ["DATE-MISSING", "TARGET-NONE", "RUBRIC-POINTS"]),
    ("hunan-example-2023", []),
])
def test_corrected_inputs_report_only_what_their_comments_document(name, documented):
    """inputs/*.yaml encode the reports with their contradictions corrected: no error, and no
    warning beyond the ones their comments explain."""
    assert [f[0] for f in findings(ROOT / "inputs" / f"{name}.yaml")] == documented


# Every contradiction of the published 阳西 report: (code, words that must appear in the message).
YANGXI = [
    ("DATE-YEAR", "人员编制统计截止日期 2022年12月31日"),
    ("DATE-YEAR-END", "2022年年末结余结转率"),
    ("DATE-WORD", "截止2023年12月底，我县完成建设193个"),
    ("TYPO-DOUBLED", "组织企业企业赴欧美日”中“企业”重复了一次"),
    ("PROSE-UNIT", "表的金额单位为“元”、正文为“万元”"),
    ("PROSE-FACT", "决算数7523.81万元"),
    # the 其中 list does not add up to its head, and the head is not the table's 7540.18: both are said
    ("PROSE-FACT", "决算支出7542.23万元”与事实不符：本年支出合计 决算数 为 7540.18万元"),
    ("PROSE-SUM", "决算支出7542.23万元（其中，基本支出845.92万元，项目支出6694.26万元”：其中各项合计 845.92 + 6694.26 = "
                  "7540.18万元，不等于 7542.23万元"),
    # the prose writes the target table's 179座 as 179个
    ("PROSE-TARGET-UNIT", "5G基站建设任务179个”写作“179个”，绩效目标表中“5G基站建设”为“179座”"),
    ("PROSE-TARGET", "总投资526.08亿元"),
    ("PROSE-TARGET", "进出口总额9.35亿元"),
    ("PROSE-TARGET", "合计培训249人次"),
    ("PROSE-TARGET", "新增规上企业14家"),
    ("TARGET-RESTATED", "升规企业数” 的目标值在绩效目标表中为 10家，在实现情况表中为 6家"),
    ("TARGET-UNIT-DIFFERS", "获得省科技型中小企业称号” 的目标值在两表中单位不同"),
    ("TARGET-UNIT-MISSING", "获得省科技型中小企业称号” 的目标值 46个 或完成值 52 没有写单位"),
    ("TARGET-UNIT-MISSING", "推动规模以上工业企业数字化转型的企业数量"),
    ("SCORE-SUM", "B2 资金管理 得分 17.6 ≠ 下级指标合计 18.6 = 2 + 5 + 2 + 2.6 + 4 + 3"),
    ("SCORE-SUM", "C2 效率性 得分 10 ≠ 下级指标合计 9.6 = 3 + 2.60 + 4"),
    ("SCORE-TABLE", "C3 效果性 得满分 20 分，但随附的绩效目标实现情况表中有 2 个目标未完成（进出口总额、高新技术企业数量）"),
]

PINGYUAN = [
    ("PROSE-FACT", "实际财政拨款支出3237.85万元”与事实不符：本年支出合计 决算数 为 3237.75万元"),
    # the same slip seen from the text itself: all income is 财政拨款, so 基本支出 and 项目 make all of it
    ("PROSE-SUM", "763.9 + 2473.85 = 3237.75万元，不等于 3237.85万元"),
    ("PROSE-FACT", "财政拨款支出合计3237.74万元”与事实不符"),
    ("PROSE-FACT", "一般公共预算财政拨款支出3237.74万元”与事实不符"),
    ("PROSE-SUM", "3900.85 + 3787.55 = 7688.40万美元，超过了 7688.1万美元"),
    # a rate the figures contradict: 决算 3237.75 against 年初预算 2903.6 is 11.51 % apart, not 0
    ("PROSE-EXECUTION", "预决算差异率为0”：本年收入合计 （决算数 3237.75 − 年初预算数 2903.60） ÷ 年初预算数 2903.60 = 11.51%"),
    ("MEASURE-FACT", "B11 结转结余率 的分母写成 0（分母为 0，比率无意义），按结转结余率应为 3237.75"),
    ("SCORE-SWAPPED", "B13 财务管理合规性 写明“自评分 5 分，满分 4.5 分”：得分与满分写反了——评分体系中满分为 5 分；"
                      "写明的扣 0.5 分也说明得分为 4.5 分"),
    ("SCORE-SWAPPED", "B55 资产管理合规性 写明“自评分 2 分，满分 1 分”：得分与满分写反了"),
    ("TOTAL", "自评总分 98.5 ≠ 各一级指标得分合计 97.5 = 14 + 47.5 + 36（相差的 1 分正是评分体系总分 99 分与 100 分之差"),
    ("RUBRIC-POINTS", "评分体系总分为 99 分，不是通常的 100 分"),
    ("TYPO-BRACKET", "（梅市财行[2016]26号”中的“[2016]”应为“〔2016〕”"),
    ("TYPO-BRACKET", "（平财行字[2016]10号”中的“[2016]”应为“〔2016〕”"),
    ("TYPO-PUNCT", "项目支出定额体系;建立行政运行经费"),
    ("TYPO-PUNCT", "机构运行信息表)。"),
    ("TYPO-PUNCT", "可降解植物源基质(木薯淀粉)"),
    ("TYPO-OPERATOR", "结转和结余决算数/（年初"),
    ("TYPO-OPERATOR", "“*”改为“×”、“/”改为“÷”"),
    ("TYPO-SELF", "我司已及时整改。”：本部门是“平远县科工商务局”，自称应为“我局”"),
    ("BLANK", "该项一级指标满分 分，自评得分 分"),
    ("TARGET-NONE", "未列出部门整体支出绩效目标"),
    ("DATE-MISSING", "没有成文日期（report_date）"),      # the published report is undated
]


@pytest.mark.parametrize("name,expected", [("yangxi", YANGXI), ("pingyuan", PINGYUAN)])
def test_as_published_reports_every_contradiction(name, expected):
    """Each expected finding is present, and nothing else is reported."""
    got = findings(FIXTURES / f"{name}-2023-as-published.yaml")
    unmatched = list(got)
    for code, words in expected:
        hit = next((f for f in unmatched if f[0] == code and words in f[2]), None)
        assert hit is not None, f"missing {code}: {words}\n" + "\n".join(map(str, got))
        unmatched.remove(hit)
    assert unmatched == [], "unexpected findings:\n" + "\n".join(map(str, unmatched))


def test_as_published_findings_carry_file_line_col(run):
    """Each line of `mkreport check` output starts with file:line:col."""
    path = "tests/fixtures/seeds/yangxi-2023-as-published.yaml"
    result = run("check", "--style", str(ROOT / path))
    assert result.exit_code == 1
    lines = [l for l in result.stdout.splitlines() if l]
    assert len(lines) == len(YANGXI)
    for line in lines:
        file, row, col, rest = line.split(":", 3)
        assert file.endswith("yangxi-2023-as-published.yaml") and int(row) > 0 and int(col) > 0
        assert rest.startswith(" 错误 [") or rest.startswith(" 警告 [")


def test_score_sum_points_at_the_stated_score():
    """The 资金管理 finding points at the line where 17.6 is written."""
    path = FIXTURES / "yangxi-2023-as-published.yaml"
    f = next(f for f in check(path).findings.sorted() if "资金管理" in f.message)
    line = path.read_text(encoding="utf-8").splitlines()[f.line - 1]
    assert "score: 17.6" in line and line.index("17.6") + 1 == f.col


@pytest.mark.parametrize("code,starts_with", [
    ("PROSE-FACT", "7523.81万元"),
    ("PROSE-TARGET", "526.08亿元"),
    ("PROSE-TARGET", "249人次"),
    ("DATE-YEAR-END", "2022年年末"),
])
def test_prose_findings_point_at_the_very_characters(code, starts_with):
    """Inside a paragraph, line:col is where the wrong figure is written, not where the text starts."""
    path = FIXTURES / "yangxi-2023-as-published.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [f for f in check(path).findings.sorted() if f.code == code]
    assert any(lines[f.line - 1][f.col - 1:].startswith(starts_with) for f in hits), [(f.line, f.col) for f in hits]
