"""`mkreport explain`: a score, a fact or a printed figure, traced to where it was written."""
from __future__ import annotations

import json
from pathlib import Path

from paths import ROOT

YANGXI = str(ROOT / "inputs" / "yangxi-2023.yaml")


def line_of(text: str, path: str) -> int:
    return next(i for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_the_target_completion_score_with_every_target_it_counted(run):
    result = run("explain", YANGXI, "C22")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("C22 绩效目标完成率（三级指标，满分 3 分）：2.6 分")
    assert "按规则：已完成目标 13 ÷ 目标总数 15 × 分值 3 = 2.60" in out
    assert "计分规则：得分 = 已完成绩效目标数 ÷ 绩效目标总数 × 分值（" in out and "rubrics/yangxi-2023.yaml:" in out
    row = line_of("{name: 进出口总额,", YANGXI)
    assert f"目标 6 进出口总额：目标值 11.02亿元，完成值 9.22亿元 → 未完成（{YANGXI}:{row}:5）" in out
    assert out.count("→ 完成（") == 13 and out.count("→ 未完成（") == 2
    assert "自评写明的得分：2.6（" in out and "计入上级 C2 效率性" in out


def test_a_printed_figure_finds_what_it_is(run):
    result = run("explain", YANGXI, "86.67%")
    assert result.exit_code == 0 and result.output.startswith("整体绩效目标完成率：86.67%")
    assert "= 已完成目标数 13 ÷ 目标总数 15 × 100%" in result.output
    result = run("explain", YANGXI, "2.6")
    subjects = [line for line in result.output.splitlines() if not line.startswith(" ")]
    assert subjects == ["B24 政府采购执行情况（三级指标，满分 4 分）：2.6 分", "C22 绩效目标完成率（三级指标，满分 3 分）：2.6 分"]
    result = run("explain", YANGXI, "7532.81万元")
    assert "本年收入合计 决算数（finance.income.current.final）：7532.81万元" in result.output


def test_a_derived_fact_shows_its_parts_and_their_lines(run):
    result = run("explain", YANGXI, "finance.income.total.final")
    assert result.exit_code == 0
    assert "收入总计 决算数（finance.income.total.final）：7542.23万元" in result.output
    assert "= 7532.81 + 9.42 = 7542.23（由各项相加，事实文件中没有写）" in result.output
    assert f"本年收入合计 决算数（finance.income.current.final）：7532.81（{YANGXI}:" in result.output


def test_json_for_tools_and_a_control_rate(run):
    result = run("explain", str(ROOT / "inputs" / "hunan-example-2023.yaml"), "B15", "--format", "json")
    body = json.loads(result.output)
    e = body["explanations"][0]
    assert e["subject"].startswith("B15 公用经费控制率") and e["value"] == "3.89 分"
    texts = [s["text"] for s in e["steps"]]
    assert "按规则：公用经费控制率 102.94% > 100%：分值 4 × 100% ÷ 102.94% = 3.89" in texts
    assert all(s["line"] for s in e["steps"] if s["text"].startswith("公用经费 "))


def test_what_cannot_be_found_or_derived(run, tmp_path):
    result = run("explain", YANGXI, "12345")
    assert result.exit_code == 1 and "找不到“12345”" in result.output
    broken = tmp_path / "b.yaml"
    broken.write_text(Path(YANGXI).read_text(encoding="utf-8").replace("rubric: yangxi-2023", "rubric: 没有"), encoding="utf-8")
    result = run("explain", str(broken), "C22")
    assert result.exit_code == 2 and "无法推算" in result.output


def test_a_text_shows_every_claim_it_makes_and_what_it_was_checked_against(run):
    """`explain FILE PATH` on a text: each figure's claim, the fact, the computation and the verdict."""
    result = run("explain", str(ROOT / "inputs" / "yangxi-2023.yaml"), "scores.C1.text")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "正文 scores.C1.text.0：读出 4 个说法" in out
    # "日常公用经费决算数等于日常公用经费调整预算数": two columns compared, no figure written
    assert "“等于” 比较：公用经费（称呼“日常公用经费”） → 相符：决算数 49.91 = 调整预算数 49.91" in out
    assert "“19.85万元” 金额：“三公”经费 决算数" in out and "相符：“三公”经费 决算数 = 19.85万元" in out
    assert "比较：“19.85万元” 小于 “75.45万元” → 相符：19.85 < 75.45" in out
    assert "inputs/yangxi-2023.yaml:" in out              # every line says where it is


def yangxi_saying(tmp_path: Path, other_notes: str) -> Path:
    """The 阳西 facts with `other_notes` replaced, beside a copy of its rubric."""
    path = tmp_path / "x.yaml"
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("other_notes: 无。", f"other_notes: {other_notes}"), encoding="utf-8")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(
        (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_phrase_finds_its_text_and_the_figures_left_unread_say_why(run, tmp_path):
    path = yangxi_saying(tmp_path, "全县一般公共预算收入12.5亿元，同比增长3.2%。本部门收入7532.81万元，较上年增加100万元。")
    out = run("explain", str(path), "全县一般公共预算").output
    assert "“12.5亿元” 未读作说法：说的是别的主体" in out and "“3.2%” 未读作说法：说的是别的主体" in out
    assert "“7532.81万元” 金额：本年收入合计 决算数" in out
    # no last year's figure for income in the file: the change is read, and left unchecked with the reason
    assert "“100万元” 增减额：本年收入合计" in out and "未核对" in out


def test_every_figure_of_a_text_is_listed_even_one_no_part_of_the_reader_took(run, tmp_path):
    # "分别为5和15万元" after a sentence of another year: the second figure is neither claimed nor left unread by
    # any part of the reader — explain still lists it, with the reason that nothing was read of it
    path = yangxi_saying(tmp_path, "2024年“三公”经费预算约为80万元，其中公务用车运行维护费所占比例最大，数额为60万元。"
                                   "此外，因公出国（境）费和公务接待费分别为5和15万元。")
    out = run("explain", str(path), "other_notes").output
    assert "“15万元” 未读作说法：没有读出这个数说的是什么，不核对" in out
    assert "4 个数未核对" in out


def test_a_wrong_figure_is_explained_with_the_computation_that_failed(run, tmp_path):
    path = yangxi_saying(tmp_path, "2023年“三公”经费决算19.85万元，较上年增加6.65万元。")
    out = run("explain", str(path), "other_notes").output
    assert "不符：正文" in out and "19.85 − 上年决算数 14.20 = 5.65万元，与写明的增加 6.65万元 不符" in out


def test_figures_checked_against_their_own_sentence_and_new_reasons_left_unread(run, tmp_path):
    path = yangxi_saying(tmp_path, "专项资金合计480万元，截至2023年12月20日已拨付456万元，执行率59%。"
                                   "本部门机关运行经费安排205.60万元，比上年增加12.40万元，增长6.42%。"
                                   "公务用车运行维护费10.88万元，主要包括：燃料费4.20万元，维修费6.68万元，平均每辆车5.44万元。"
                                   "共设置绩效指标18个，其中一级指标3个，二级指标15个。")
    out = run("explain", str(path), "other_notes").output
    # a project's execution rate: the amount paid ÷ the whole, both written in the sentence
    assert "“59%” 执行率：“456万元” ÷ “480万元”（同一句写明的两个数） → 不符" in out
    # an amount the vocabulary has no name for: its growth rate against its own change
    assert "“6.42%” 增减幅度：“205.60万元”及其增减额“12.40万元”（同一句写明的数） → 相符" in out
    assert "“5.44万元” 未读作说法：“平均每辆”之后是平均数" in out
    assert "“15个” 未读作说法：各级指标的个数互相包含" in out


def test_a_change_from_a_base_the_file_lacks_and_a_share_after_an_unread_amount(run, tmp_path):
    path = yangxi_saying(tmp_path, "2023年年初预算支出1236.50万元，比2021年决算支出1105.20万元增加131.30万元。"
                                   "工资福利支出为320.00万元，占总支出的5.00%；项目支出约为180万元，占总支出的28.13%。")
    out = run("explain", str(path), "other_notes").output
    # 2021's figure is not in the file: the change after it is checked as the difference of the two figures written
    assert "“1105.20万元” 未读作说法：比较的基数不是上年或本年预算（其后的增减额按写明的两个数之差核对）" in out
    assert "“131.30万元” 增减额（与写明的基数之差）：“1236.50万元”与“1105.20万元”之差 →" in out
    # the amount right before the share was left unread (a rough figure): the share is not of the amount before it
    assert "“28.13%” 未读作说法：占比前的金额没有读作说法，说的是哪一项的占比不确定" in out


def test_a_targets_name_in_prose_says_how_its_figure_is_checked(run):
    """The claim reader records where a performance target is named and whether the figure after it is its
    figure this year; explain shows both the mention and the figure (PROSE-TARGET checks it)."""
    seeds = str(ROOT / "tests" / "fixtures" / "seeds" / "yangxi-2023-as-published.yaml")
    out = run("explain", seeds, "进出口总额").output
    assert "绩效目标“进出口总额”：其后紧接的数按绩效目标表的目标值、完成值核对（PROSE-TARGET）" in out
    assert "“9.35亿元” 未读作说法：是绩效目标“进出口总额”的数，按绩效目标表核对" in out
    assert "targets.5.name" not in out          # the target table's own name is no mention


def test_a_formula_shows_what_it_computes_its_expression_and_the_result_from_its_figures(run, tmp_path):
    path = yangxi_saying(tmp_path, "在职人员控制率=在职人数÷编制数×100%=44÷45×100%=97.87%。按评分标准得分=4×（1-2.8%）=3.89分。")
    out = run("explain", str(path), "other_notes").output
    assert "“97.87%” 算式的结果：在职人员控制率，算式 44÷45×100% → 不符：正文算式“44÷45×100% = 97.87%”：" \
           "按写明的数算得 97.78%，与写明的 97.87% 不符。" in out
    assert "算式的结果：按评分标准得分，算式 4×（1-2.8%） → 相符" in out
    assert "“100%” 未读作说法" in out                        # the ×100% of the words before is no rate


def test_a_budget_against_last_years_budget_says_which_base_it_used(run, tmp_path):
    path = yangxi_saying(tmp_path, "2023年“三公”经费预算75.45万元，比2022年预算减少4.55万元，下降5.69%。")
    text = path.read_text(encoding="utf-8").replace("    prior: 14.20\n", "    prior: 14.20\n    prior_budget: 80.00\n", 1)
    path.write_text(text, encoding="utf-8")
    out = run("explain", str(path), "other_notes").output
    assert "比较的基数：上年预算（本年预算与写明的上年预算比较） → 相符：75.45 − 上年预算数 80.00 = -4.55万元" in out
    assert "“5.69%” 增减幅度" in out and "上年预算数 80.00） ÷ 80.00 = -5.69%" in out
    # without the column the same sentence is left unchecked, and says so
    path.write_text(text.replace("    prior_budget: 80.00\n", ""), encoding="utf-8")
    out = run("explain", str(path), "other_notes").output
    assert "未核对：事实文件没有上年预算数" in out


def test_an_amount_whose_words_may_mean_two_facts_shows_both(run, tmp_path):
    """"其中…其他收入35.00万元；调整预算为…": the column-only amount after a list's last item may be the item's or the
    head's — explain names both, and which one it agreed with."""
    path = yangxi_saying(tmp_path, "本年收入合计7532.81万元，其中财政拨款收入7532.81万元；调整预算为7532.81万元。")
    out = run("explain", str(path), "other_notes").output
    line = next(x for x in out.splitlines() if "调整预算数" in x and "金额" in x)
    assert "也可能是" in line and "本年收入合计" in line and "相符" in line


def test_a_share_of_its_own_budget_and_a_change_from_a_stated_base_are_named_as_checked(run, tmp_path):
    """A share of the part's own budget is reported and explained as an execution rate; a change from a base the
    sentence states is explained as a change (PROSE-CHANGE), not a bare difference."""
    path = yangxi_saying(tmp_path, "全年项目支出完成6694.26万元，占年初项目支出预算的636.10%。"
                                   "2023年“三公”经费预算75.45万元，较上年预算80.60万元减少5.15万元。")
    out = run("explain", str(path), "other_notes").output
    assert "“636.10%” 执行率（占自己的预算）：项目支出" in out and "相符" in out
    assert "“5.15万元” 增减额（与写明的基数之差）" in out


def test_a_text_whose_first_amount_is_far_off_is_explained_like_any_other(run, tmp_path):
    # (explain checks only the texts asked for, with a checker that has checked nothing yet: what it asks of the
    # amounts beside a far-off one must be set up for that text first — once an internal error, exit 3)
    path = yangxi_saying(tmp_path, "2023年度，我局实际收到财政拨款和年初结转结余资金总额为1362.00万元。2023年，我局支出总额为"
                                   "1305.93万元，结余65.07万元。")
    result = run("explain", str(path), "other_notes")
    assert result.exit_code == 0, result.output
    assert "“65.07万元” 算式的结果：结余，算式 1362.00万元 − 1305.93万元" in result.output
    assert "按写明的数算得 56.07万元，与写明的 65.07万元 不符" in result.output


def test_a_change_broken_down_by_its_parts_keeps_its_own_reading(run, tmp_path):
    # (the list of the parts' changes is checked after the change: a list that fails is said at the change's figure,
    # and the change's own verdict is still shown)
    path = yangxi_saying(tmp_path, "2023年我局本年支出7540.18万元，比上年增加721.85万元，其中：基本支出增加33.55万元，"
                                   "项目支出增加788.30万元。")
    out = run("explain", str(path), "other_notes").output
    assert "“721.85万元” 其中各项之和：2 项的增减：增加33.55万元 + 增加788.30万元 → " in out
    change = next(line for line in out.splitlines() if line.strip().startswith("“721.85万元” 增减额"))
    assert "→ 未核对：" in change or "→ 相符：" in change or "→ 不符：" in change, change
    assert not change.rstrip().endswith("→ 未核对") and "→ 未核对（" not in change, change


def test_bounded_amounts_and_counted_points_say_how_they_were_read(run, tmp_path):
    """Some projects' money (at most all projects'), vehicles planned (at least the 公务用车购置费), points counted."""
    path = yangxi_saying(tmp_path, "本单位编报绩效目标的项目共12个，涉及项目预算资金6,694.26万元。"
                                   "2023年计划购置车辆1辆、22万元，主要是更新机要通信用车。"
                                   "具体抓好以下三个方面的工作：一是稳外贸；二是促消费；三是保粮食；四是强作风。")
    out = run("explain", str(path), "other_notes").output
    assert "（说的是其中一部分：只核对不超过它）" in out
    assert "“22万元” 金额：“三公”经费分项 公务用车购置费" in out and "只核对不少于它" in out
    assert "说的是其中一部分项目的资金，却超过了 项目支出" in out
    assert "“三个” 个数与列出的名称" in out and "分条列出的是 4 个（一是、二是、三是、四是）" in out
