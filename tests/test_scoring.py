"""Scores as an official words them (scoring.py, data/scoring.yaml), deductions with their reason, and
nothing printed that the facts do not say — read back from the built reports."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from docx import Document
from paths import EXAMPLES, ROOT

from generator.derive.scoring import CASES, deduction, phrases_for, reason_text, sentence
from generator.model.rules import RULES


def body(path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def reasons(path) -> dict[str, str]:
    """三级指标 → 扣分原因, from the attachment's score table."""
    table = Document(str(path)).tables[-1]
    return {row.cells[2].text or row.cells[1].text: row.cells[-1].text for row in table.rows[1:-1]}


# ---- the phrase library --------------------------------------------------------------------

def _verdict(kind: str, case: str) -> dict:
    lost = Decimal(0) if case in ("full", "capped") else Decimal("1.4")
    return {"kind": kind, "case": case, "points": Decimal(4), "score": Decimal(4) - lost, "lost": lost,
            "measure": "政府采购执行率", "rate": Decimal("64.94"), "limit": Decimal(100), "total": 15,
            "achieved": 13, "unmet": ["进出口总额", "高新技术企业数量"],
            "compared": [{"actual_name": "公用经费决算数", "actual": "33.6万元", "limit_name": "调整预算数",
                          "limit": "33.6万元", "within": case in ("full", "capped")}],
            "reason": "部分采购项目延至次年" if case == "lost_reason" else "", "how": "64.94% × 4 = 2.6"}


@pytest.mark.parametrize("kind", sorted(RULES))
def test_every_rule_kind_is_worded_and_every_sentence_ends_with_the_score(kind):
    """Each registered kind has its wording for full marks and for points lost; every sentence it
    writes ends with the score and 分, every 扣分原因 with the points lost."""
    table = phrases_for(kind)
    assert {"full", "lost"} <= set(table), kind
    for case in CASES:
        v = _verdict(kind, case)
        text = sentence(v)
        assert text == "" and kind == "judgement" and case in ("full", "capped") or \
            re.search(r"得(满分)?[0-9.]+分(（扣[0-9.]+分）)?。$", text), (kind, case, text)
        assert "{" not in text and "分值" not in text and "×" not in text, text
        if case.startswith("lost"):
            assert "得2.6分（扣1.4分）。" in text and "按评分标准" in text, text
            assert deduction(v).endswith("扣1.4分"), deduction(v)
            if case == "lost_reason":
                assert "部分采购项目延至次年" in text and "部分采购项目延至次年" in deduction(v)
        else:
            assert "得满分4分。" in text or text == ""
            assert deduction(v) == ""


def test_the_template_gives_its_own_words_for_the_standard():
    assert sentence(_verdict("rate", "lost"), "根据评分标准") == \
        "政府采购执行率为64.94%，低于100%，根据评分标准，得2.6分（扣1.4分）。"


@pytest.mark.parametrize("written,lost,said", [
    (["部分绩效指标未设置质量、时效指标，扣0.5分。"], "0.5", "部分绩效指标未设置质量、时效指标"),
    (["2023年审计提出整改意见函，已及时整改，根据附件2评分标准，扣 0.5分。"], "0.5", "2023年审计提出整改意见函，已及时整改"),
    (["论证不充分扣1分。"], "1", "论证不充分"),
    (["甲。", "乙，扣1分"], "1", "甲；乙"),
    # a different figure is the user's to correct, not ours to drop
    (["预算调整幅度较大，扣0.3分。"], "0.5", "预算调整幅度较大，扣0.3分"),
])
def test_a_reason_says_the_deduction_once(written, lost, said):
    assert reason_text(written, Decimal(lost)) == said


# ---- the built reports -----------------------------------------------------------------------

def test_yangxi_says_each_score_and_each_deduction_in_words(built):
    text = "\n".join(body(built / "yangxi-2023.docx"))
    # the facts' text states the rate: the scoring sentence does not say it again (scoring.yaml's `said`)
    assert ("（4）政府采购执行情况。指标总分4分，自评得分2.6分。2023年政府采购执行率为64.94%。"
            "政府采购执行率低于100%，按评分标准，得2.6分（扣1.4分）。") in text
    assert text.count("64.94%") == text.count("政府采购执行率为64.94%") + text.count("64.94%，扣")
    assert ("本部门整体绩效目标共15个，已实现13个，进出口总额、高新技术企业数量2个目标未实现，整体绩效目标完成率86.67%，"
            "按评分标准，得2.6分（扣0.4分）。") in text
    assert ("“三公”经费决算数19.85万元，未超过年初预算数75.45万元；公用经费决算数49.91万元，未超过调整预算数49.91万元，"
            "按评分标准，得满分5分。") in text
    table = reasons(built / "yangxi-2023.docx")
    assert table["政府采购执行情况"] == "政府采购执行率64.94%，扣1.4分"
    assert table["绩效目标完成率"] == "进出口总额、高新技术企业数量2个目标未实现，扣0.4分"


def test_hunan_words_every_kind_of_rule(built):
    text = "\n".join(body(built / "hunan-example-2023.docx"))
    # each of these indicators' texts states its rate already: the sentence says what follows from it
    for said in ("在职人员控制率95.83%。控制率未超过100%，按评分标准，得满分5分。",                    # control, full
                 "公用经费控制率102.94%。控制率超过100%，按评分标准，得3.89分（扣0.11分）。",           # control, lost
                 "预算完成率98.43%。完成率低于100%，按评分标准，得4.92分（扣0.08分）。",               # rate
                 "政府采购执行率92.5%。执行率低于100%，按评分标准，得2.78分（扣0.22分）。",            # rate
                 "固定资产利用率为94.91%，低于100%，按评分标准，得1.9分（扣0.1分）。",                # rate, not stated
                 "合同引资额1个目标未实现，整体绩效目标完成率87.5%，按评分标准，得7分（扣1分）。",       # target_rate
                 "部分绩效指标未设置质量、时效指标，按评分标准，得2.5分（扣0.5分）。"):                 # judgement
        assert said in text, said
    for program in ("计分：", "得 分值", "× 分值", "得满分 5。", "扣分原因："):
        assert program not in text, program
    table = reasons(built / "hunan-example-2023.docx")
    # beside its own name a rate is its last word, so the 自评表 keeps to its page
    assert table["公用经费控制率"] == "控制率102.94%，超过100%，扣0.11分"
    assert table["政府采购执行率"] == "执行率92.5%，扣0.22分"
    assert table["实际完成率"] == "合同引资额1个目标未实现，扣1分"
    assert table["预算调整率"] == "预算调整幅度较大，扣0.5分"


def test_pingyuan_words_it_in_its_own_voice(built):
    text = "\n".join(body(built / "pingyuan-2023.docx"))
    assert "2023年审计提出整改意见函，已及时整改，根据评分标准，得4.5分（扣0.5分）。" in text
    # its text states both figures ("日常公用经费决算数33.6万元=日常公用经费调整数33.6万元"): not said again
    assert "日常公用经费决算数33.6万元=日常公用经费调整数33.6万元（见财决 Z01表）。\n根据评分标准，得满分3分。" in text
    assert "2023年度我局绩效目标产出完成率100%。\n根据评分标准，得满分10分。" in text
    assert reasons(built / "pingyuan-2023.docx")["资产管理合规性"] == \
        "巡视、审计、监督检查工作中发现资产管理存在的问题已整改，扣1分"


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_deduction_comes_with_its_reason_and_every_sentence_with_its_score(built, name):
    path = built / f"{name}.docx"
    table = Document(str(path)).tables[-1]
    for row in table.rows[1:-1]:
        cells = [c.text for c in row.cells]
        lost = Decimal(cells[3]) - Decimal(cells[4])
        if lost:
            assert re.fullmatch(r".+，扣" + re.escape(format(lost.normalize(), "f")) + "分", cells[5]), cells
        else:
            assert cells[5] == "", cells
    for p in body(path):
        if "评分标准，得" in p:
            assert re.search(r"得(满分)?[0-9.]+分(（扣[0-9.]+分）)?。$", p), p


@pytest.mark.parametrize("name", EXAMPLES)
def test_nothing_stands_in_for_what_the_facts_do_not_say(built, name):
    paragraphs = body(built / f"{name}.docx")
    assert not any("自评结果将作为以后年度" in p for p in paragraphs)
    if name != "yangxi-2023":          # 阳西 writes 其他需要说明的情况 “无。” itself (other_notes)
        assert "无。" not in paragraphs


# ---- a section the bureau expects, left empty ------------------------------------------------

def _hunan_without(tmp_path, *fields: str):
    text = (ROOT / "inputs" / "hunan-example-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("rubric: hunan-2023", f"rubric: {ROOT / 'rubrics' / 'hunan-2023.yaml'}")
    head, _, tail = text.partition("\nproblems:\n")
    keep = {"problems": "problems:\n" + tail.partition("measures:")[0],
            "measures": "measures:" + tail.partition("measures:")[2].partition("results_use:")[0],
            "results_use": "results_use:" + tail.partition("results_use:")[2]}
    path = tmp_path / "h.yaml"
    path.write_text(head + "\n" + "".join(v for k, v in keep.items() if k not in fields), encoding="utf-8")
    return path


def test_an_empty_required_section_is_left_out_and_check_warns(tmp_path, run):
    path = _hunan_without(tmp_path, "problems", "results_use")
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    warned = [l for l in result.output.splitlines() if "[TEMPLATE-SECTION]" in l]
    assert len(warned) == 2, result.output
    assert "“存在的问题及原因”一节" in warned[0] and "problems（存在的问题）" in warned[0]
    assert "“绩效自评结果拟应用和公开情况”一节" in warned[1] and "results_use" in warned[1]
    paragraphs = body(tmp_path / "out" / "h.docx")
    # left out, never filled with stock words; what follows is numbered as it comes
    assert "四、下一步改进措施" in paragraphs and not any("存在的问题" in p for p in paragraphs)
    assert "无。" not in paragraphs and not any("自评结果将作为" in p for p in paragraphs)
    assert not any(p.startswith("五、") or p.startswith("六、") for p in paragraphs)


def test_a_filled_section_gives_no_warning(tmp_path, run):
    """The clean twin: the example with every section the Hunan outline asks for."""
    result = run("check", str(_hunan_without(tmp_path)))
    assert result.exit_code == 0 and "TEMPLATE-SECTION" not in result.output, result.output


def test_yangxi_and_pingyuan_require_their_own_sections(tmp_path, run):
    for name, cut, section in (("yangxi-2023", "other_notes: 无。\n", "其他需要说明的情况"),
                               ("pingyuan-2023", None, "上年度绩效自评整改情况")):
        text = (ROOT / "inputs" / f"{name}.yaml").read_text(encoding="utf-8")
        text = text.replace(f"rubric: {name}", f"rubric: {ROOT / 'rubrics' / (name + '.yaml')}")
        if cut is None:
            text = text[:text.index("\nrectification:")] + "\n"
        else:
            assert cut in text
            text = text.replace(cut, "")
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        result = run("build", str(path), "-o", str(tmp_path / "out"))
        assert result.exit_code == 0 and f"“{section}”一节" in result.output, result.output
        assert not any(section in p for p in body(tmp_path / "out" / f"{name}.docx"))


# ---- 平远's performance targets ---------------------------------------------------------------

def test_pingyuan_without_targets_is_warned_with_the_claims_it_cannot_show(built, run):
    """The published report has no targets (its 绩效目标 section held the year's work, kept as
    `work`): nothing is made up in the report, and check names the scores that rest on them."""
    paragraphs = body(built / "pingyuan-2023.docx")
    assert "（四）部门整体收入和部门整体支出情况（以决算数为统计口径）" in paragraphs
    assert not any(p.endswith("部门整体支出绩效目标") for p in paragraphs)
    result = run("check", str(ROOT / "inputs" / "pingyuan-2023.yaml"))
    line = next(l for l in result.output.splitlines() if "[TARGET-NONE]" in l)
    assert "报告中不写绩效目标一节" in line
    assert "C31 部门整体绩效目标产出指标完成情况（10 分）、C32 部门整体绩效目标效益指标完成情况（10 分）" in line


def test_the_targets_section_is_written_whenever_the_facts_have_it(tmp_path, run):
    """An introduction with no table yet is a section too (平远 printed the section only with a table)."""
    text = (ROOT / "inputs" / "pingyuan-2023.yaml").read_text(encoding="utf-8")
    text = text.replace("rubric: pingyuan-2023", f"rubric: {ROOT / 'rubrics' / 'pingyuan-2023.yaml'}")
    text = text.replace("targets: []", "targets_intro: 2023年部门整体支出绩效目标按年初批复的部门预算设定。\ntargets: []")
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    paragraphs = body(tmp_path / "out" / "p.docx")
    at = paragraphs.index("（四）部门整体支出绩效目标")
    assert paragraphs[at + 1] == "2023年部门整体支出绩效目标按年初批复的部门预算设定。"
    assert paragraphs[at + 2] == "（五）部门整体收入和部门整体支出情况（以决算数为统计口径）"


def test_a_published_kind_brings_its_own_words_or_gets_the_plain_ones():
    from generator.model.rules import RuleKind, register

    @register
    class Worded(RuleKind):
        name = "worded"
        zh = "示例"
        phrases = {"full": {"text": "{by}，得满分{points}分。", "cell": ""},
                   "lost": {"text": "未达标，{by}，得{score}分（扣{lost}分）。", "cell": "未达标，扣{lost}分"}}

        class Params(RULES["judgement"].Params):
            """示例"""

    try:
        assert sentence(_verdict("worded", "lost")) == "未达标，按评分标准，得2.6分（扣1.4分）。"
        assert sentence(_verdict("worded", "lost_reason")) == "未达标，按评分标准，得2.6分（扣1.4分）。"
        # a kind with no words of its own: the library's plain ones, the computation as its reason
        assert sentence(_verdict("unworded", "lost")) == "按评分规则计算（64.94% × 4 = 2.6），按评分标准，得2.6分（扣1.4分）。"
    finally:
        from generator.model.rules import _WITH_KIND
        del RULES["worded"]
        _WITH_KIND.pop("worded", None)


def test_a_reason_is_text_not_a_pattern():
    """The facts' words go in as they are: braces in a reason are not the library's names."""
    v = dict(_verdict("judgement", "lost_reason"), reason="见{by}与{0.__class__}")
    assert sentence(v) == "见{by}与{0.__class__}，按评分标准，得2.6分（扣1.4分）。"


@pytest.mark.parametrize("said,stated", [
    ("2023年政府采购执行率为64.94%。", True),
    ("政府采购执行率64.9%。", False),           # another figure: the sentence says the rate
    ("采购项目共164.94万元。", False),            # the digits inside another figure are not the rate
    ("", False),
])
def test_a_rate_the_text_states_is_not_said_again(said, stated):
    from generator.derive.scoring import _already_said, sentence
    values = {"kind": "rate", "case": "lost", "points": Decimal(4), "score": Decimal("2.6"), "lost": Decimal("1.4"),
              "measure": "政府采购执行率", "short": "政府采购执行率", "rate": Decimal("64.94"), "limit": None,
              "total": None, "achieved": None, "unmet": [], "compared": [], "reason": "", "how": "",
              "stated": stated}
    assert _already_said(said, {"rate": Decimal("64.94")}) is stated
    expected = ("政府采购执行率低于100%，按评分标准，得2.6分（扣1.4分）。" if stated
                else "政府采购执行率为64.94%，低于100%，按评分标准，得2.6分（扣1.4分）。")
    assert sentence(values) == expected


def test_a_control_rate_on_posts_left_to_be_summed_from_their_categories(tmp_path, run):
    """posts_total may be left out (the schema says it is the categories' sum): 在职人员控制率 is
    still computed — 23 ÷ (18 + 6) — and no RULE-DATA says its measure is missing."""
    path = _hunan_without(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("    posts_total: 24\n", ""), encoding="utf-8")
    assert "posts_total" not in path.read_text(encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0 and "RULE-DATA" not in result.output, result.output
    result = run("explain", str(path), "scores.A21")
    assert "95.83" in result.output, result.output
