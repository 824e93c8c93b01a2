"""The facts model: types, Chinese messages for wrong values, and the generated JSON Schema."""
from __future__ import annotations

import pytest
from paths import ROOT

from generator.commands.schema import schema_text
from generator.model.facts import Report
from generator.model.schema import Conversion, convert
from generator.model.yamlsource import compose

BASE = "year: 2023\nrubric: r.yaml\ndepartment: {name: 某局}\nscores: {}\n"


def problems(extra: str):
    conv = Conversion()
    report = convert(Report, compose(BASE + extra, "f.yaml"), conv)
    return report, [(p.line, p.message) for p in conv.problems]


def test_money_keeps_the_decimals_written():
    report, found = problems("finance:\n  expenditure:\n    basic: {final: 120.50}\n")
    assert found == []
    assert str(report.finance.expenditure.basic.final) == "120.50"


@pytest.mark.parametrize("value,words", [
    ('"12,345.6"', "请去掉千位分隔符"),
    ("1066.5万元", "此处只写数字，不带单位"),
    ("很多", "应为数字"),
    ("[1, 2]", "应为数字，此处写成了列表"),
])
def test_wrong_number_gets_a_hint(value, words):
    _, found = problems(f"finance:\n  expenditure:\n    basic: {{final: {value}}}\n")
    assert len(found) == 1 and found[0][0] == 7 and words in found[0][1]
    assert "finance.expenditure.basic.final（决算数）" in found[0][1]


def test_target_quantity_needs_a_number_and_unit():
    _, found = problems("targets:\n  - {name: 进出口总额, target: 十一亿元}\n")
    assert len(found) == 1 and "应为“数字+单位”" in found[0][1] and "targets[0].target（目标值）" in found[0][1]


def test_leading_zero_and_no_are_text_not_numbers_or_booleans():
    report, found = problems("basis: {title: 通知, number: '010'}\nother_notes: no\n")
    assert found == [] and report.basis.number == "010" and report.other_notes == ["no"]


def test_dates_in_two_forms():
    report, found = problems("report_date: 2024年3月29日\n")
    assert found == [] and report.report_date.isoformat() == "2024-03-29"
    _, found = problems("report_date: 2024-02-30\n")
    assert "应为日期" in found[0][1]


@pytest.mark.parametrize("kind", ["facts", "rubric", "template"])
def test_committed_references_are_generated_from_the_code(kind):
    """schema/ holds what `mkreport schema [--rubric|--template]` prints: regenerate, never edit."""
    from generator.commands.schema import FILES
    assert (ROOT / "schema" / FILES[kind]).read_text(encoding="utf-8") == schema_text(kind)


def test_every_field_has_a_chinese_description():
    import json
    schema = json.loads(schema_text())
    for name, definition in [("Report", schema), *schema["$defs"].items()]:
        for field, spec in definition.get("properties", {}).items():
            assert any("\u4e00" <= ch <= "\u9fff" for ch in spec["description"]), (name, field)
