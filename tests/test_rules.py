"""Scoring rule kinds: one registry, one class per kind, parameters checked where the rubric says them."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from paths import ROOT

from generator.model.rubric import _cache, load_rubric
from generator.model.rules import RULES, Expected, RuleKind, register
from generator.pipeline import check


def rubric_file(tmp_path: Path, rule: str, measure: str = "") -> Path:
    p = tmp_path / "r.yaml"
    p.write_text("name: 测试\nindicators:\n  - id: A\n    name: 甲\n    points: 100\n"
                 f"    rule: {rule}\n" + (f"    measure: {measure}\n" if measure else ""), encoding="utf-8")
    _cache.clear()
    return p


def messages(path: Path) -> list[str]:
    _, found, _ = load_rubric(path, "r.yaml")
    return [f.resolve().text() for f in found]


def test_an_unknown_kind_lists_the_kinds_there_are(tmp_path):
    found = messages(rubric_file(tmp_path, "{kind: ratio}"))
    assert len(found) == 1 and found[0].startswith("r.yaml:6:18: 错误 [RUBRIC-SCHEMA] indicators[0].rule.kind（规则类型）")
    for name in RULES:
        assert name in found[0]


@pytest.mark.parametrize("rule,code,words", [
    ("{kind: rate, limits: []}", "RUBRIC-SCHEMA-UNKNOWN", "未知字段“limits”"),
    ("{kind: not_exceed}", "RUBRIC-SCHEMA-MISSING", "limits（比较项）"),
    ("{kind: control, limit: 100}", "RUBRIC-SCHEMA", "应为百分比"),
    ("rate", "RUBRIC-SCHEMA", "应为映射，如 {kind: rate}"),
])
def test_each_kind_takes_its_own_parameters(tmp_path, rule, code, words):
    found = messages(rubric_file(tmp_path, rule))
    assert any(f"[{code}]" in f and words in f for f in found), found


def test_the_rubric_schema_offers_each_kind_with_its_parameters():
    schema = json.loads((ROOT / "schema" / "rubric.schema.json").read_text(encoding="utf-8"))
    for name, cls in RULES.items():
        d = schema["$defs"][f"Rule_{name}"]
        assert d["properties"]["kind"]["const"] == name and cls.zh in d["properties"]["kind"]["description"]
    assert "limit" in schema["$defs"]["Rule_control"]["properties"]


def scores(name: str) -> dict:
    result = check(ROOT / "inputs" / f"{name}.yaml")
    assert not result.findings.errors
    return result.derived.scores


def test_control_rates_score_full_under_the_limit_and_in_proportion_over_it():
    s = scores("hunan-example-2023")
    assert s.expected["A21"].score == 5 and "在职人员控制率 95.83% ≤ 100%" in s.expected["A21"].how
    # 公用经费 82.35 ÷ 80.00 = 102.94% > 100%: 4 × 100% ÷ 102.94% = 3.89
    assert s.expected["B15"].score == Decimal("3.89")
    assert "102.94% > 100%" in s.expected["B15"].how
    assert s.expected["B11"].score == Decimal("4.92")           # rate: 98.43% × 5
    assert s.expected["C11"].score == 7                          # target_rate: 7 ÷ 8 × 8
    assert s.total == Decimal("96.99") and s.grade == "优"


def test_a_new_kind_of_rule_is_one_class(tmp_path, run):
    """A county's own kind: registered once, then usable from any rubric, checked like the others."""
    @register
    class Half(RuleKind):
        name = "half"
        zh = "得分为分值的一半"

        class Params(RULES["judgement"].Params):
            """半分"""

        def expected(self, node, params, inputs):
            return Expected(node.points / 2, f"分值 {node.points} ÷ 2")

    try:
        (tmp_path / "rubrics").mkdir()
        rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace(
            "{id: B1, name: 制度管理, points: 5, criteria: 制定并严格执行财务、资产、内控等管理制度}",
            "{id: B1, name: 制度管理, points: 5, rule: {kind: half}}")
        (tmp_path / "rubrics" / "本县.yaml").write_text(rubric, encoding="utf-8")
        (tmp_path / "inputs").mkdir()
        facts = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace(
            "rubric: yangxi-2023", "rubric: 本县")
        path = tmp_path / "inputs" / "x.yaml"
        path.write_text(facts, encoding="utf-8")
        _cache.clear()
        result = run("check", str(path))
        assert "[RULE-SCORE] B1 制度管理 得分 5，按评分规则应为 2.5（分值 5 ÷ 2）" in result.output
    finally:
        from generator.model.rules import _WITH_KIND
        del RULES["half"]
        _WITH_KIND.pop("half", None)
        _cache.clear()


def test_a_parent_indicator_cannot_have_a_rule_of_its_own(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("name: 测试\nindicators:\n  - id: A\n    name: 甲\n    points: 100\n    rule: {kind: rate}\n"
                 "    children:\n      - {id: A1, name: 乙, points: 100}\n", encoding="utf-8")
    _cache.clear()
    found = messages(p)
    assert any("[RUBRIC-RULE] A 甲 有下级指标，得分由下级相加，不能另设计分规则" in f for f in found), found


def test_a_measure_names_its_rate_or_says_how_to_compute_it(tmp_path):
    """A measure may be named alone (the self-evaluation states the rate; the report's sentence
    names it), but a numerator wants its denominator."""
    assert messages(rubric_file(tmp_path, "{kind: rate}", "{name: 政府采购执行率}")) == []
    found = messages(rubric_file(tmp_path, "{kind: rate}", "{name: 执行率, numerator: finance.expenditure.current.final}"))
    assert len(found) == 1 and "[RUBRIC-SCHEMA-MISSING] A 甲 的 measure 写了分子（numerator），缺少分母（denominator）" \
        in found[0], found
