"""A line the facts file leaves out is derived where the file says enough: a total from its parts, and one part
from its total and every other part (what the prose and the tables are then checked against)."""
from __future__ import annotations

from paths import ROOT

from generator.derive.values import FactView
from generator.pipeline import load


def view_of(tmp_path, old: str, new: str) -> FactView:
    text = (ROOT / "inputs" / "pingyuan-2023.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "pingyuan-2023.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return FactView(load(path).report)


def test_a_part_left_out_is_its_total_less_the_others(tmp_path):
    # pingyuan writes 基本支出 763.9 and 公用经费 33.6, not 人员经费
    view = view_of(tmp_path, "public: {adjusted: 33.6,", "public: {adjusted: 33.6,")
    assert view.stated("finance.expenditure.personnel.final") is None
    assert str(view.value("finance.expenditure.personnel.final")) == "730.3"
    # last year's: 基本支出 717.14, 公用经费 55.28 (from its change)… but the change is not written as a figure
    assert view.value("finance.expenditure.personnel.prior") is None


def test_no_part_is_derived_while_another_is_unknown(tmp_path):
    # yangxi writes only 财政拨款收入: its 一般公共预算 part is not all of it unless the file says the others are 0
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    path = tmp_path / "yangxi-2023.yaml"
    path.write_text(text, encoding="utf-8")
    view = FactView(load(path).report)
    assert view.value("finance.income.fiscal.budget") is not None
    assert view.value("finance.income.general.budget") is None


def test_a_part_is_never_derived_below_zero(tmp_path):
    view = view_of(tmp_path, "public: {adjusted: 33.6, final: 33.6,", "public: {adjusted: 33.6, final: 800,")
    assert view.value("finance.expenditure.personnel.final") is None


def test_the_prose_is_checked_against_the_derived_part(tmp_path, run):
    text = (ROOT / "inputs" / "pingyuan-2023.yaml").read_text(encoding="utf-8")
    path = tmp_path / "pingyuan-2023.yaml"
    sentence = "2023年人员经费支出703.3万元。"
    path.write_text(text.replace("problems:\n", f"other_notes: {sentence}\nproblems:\n", 1), encoding="utf-8")
    out = run("check", str(path)).output
    assert "[PROSE-FACT]" in out and "人员经费 决算数 为 730.30万元" in out
    path.write_text(path.read_text(encoding="utf-8").replace("703.3万元", "730.3万元"), encoding="utf-8")
    assert "[PROSE-" not in run("check", str(path)).output
