"""A fact is used when the template prints it or a check reads it: TEMPLATE-UNUSED only for what
neither does, and `mkreport new` asks only for what the chosen template and the checks use."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
import yaml
from paths import ROOT


def yangxi(tmp_path: Path, edit=lambda t: t, template: Path | None = None) -> Path:
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    if template is not None:
        text = text.replace("report_date:", f"template: {template.name}\nreport_date:", 1)
    path = tmp_path / "x.yaml"
    path.write_text(edit(text), encoding="utf-8")
    return path


def unused(output: str) -> list[str]:
    return [line for line in output.splitlines() if "[TEMPLATE-UNUSED]" in line]


def with_narrative(sentence: str):
    return lambda t: t.replace("  three_public:\n", f"  narrative:\n    - {sentence}\n  three_public:\n", 1)


def test_the_budget_columns_a_written_narrative_is_checked_against_are_used(tmp_path, run):
    """A department that writes its own 收支情况说明 (the template then prints it instead of the
    standard sentence) is not told to delete the 年初预算 and 调整预算 its execution rates are checked against."""
    path = yangxi(tmp_path, with_narrative("2023年，我局本年收入合计7532.81万元，完成年初预算的430.94%，完成调整预算的100%。"))
    result = run("check", str(path))
    assert result.exit_code == 0 and "PROSE-" not in result.output, result.output
    assert not unused(result.output), result.output


def test_budget_columns_no_printed_text_reads_are_still_unused(tmp_path, run):
    """The twin: the narrative states only 决算数, so the income budget columns reach nothing."""
    path = yangxi(tmp_path, with_narrative("2023年，我局本年收入合计7532.81万元。"))
    warned = unused(run("check", str(path)).output)
    assert [w.split("[TEMPLATE-UNUSED] ")[1].split("（")[0] for w in warned] == \
        ["finance.income.*.budget", "finance.income.*.adjusted"]
    assert "没有写出它，也没有哪项检查用到它" in warned[0]


def test_three_public_parts_no_template_prints_are_there_for_the_checks(tmp_path, run):
    """“三公”经费分项 have no name in any template: they exist to check sentences like
    “公务接待费5.2万元” and are never called unused."""
    def parts(text):
        return text.replace("\ntargets_intro:", "  three_public_parts:\n    reception: {budget: 10, final: 5.2}\n"
                            "    vehicles: {budget: 65.45, final: 14.65}\n\ntargets_intro:", 1)
    result = run("check", str(yangxi(tmp_path, parts)))
    assert result.exit_code == 0 and not unused(result.output), result.output


def staffing_dropped(tmp_path: Path) -> Path:
    out = tmp_path / "无人员段.docx"
    with zipfile.ZipFile(ROOT / "templates" / "yangxi.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode("utf-8").replace("{%p if staffing %}", "{%p if false %}", 1).encode("utf-8")
            zout.writestr(item, data)
    return out


def test_headcounts_a_printed_text_states_are_used(tmp_path, run):
    """A county template without the staffing paragraph, and a work summary that states the
    编制, 在职 and 退休 counts: those are checked there, so used; 政府聘员 and 其他人员 are not."""
    template = staffing_dropped(tmp_path)
    path = yangxi(tmp_path, lambda t: t.replace(
        "助推我县经济高质量发展。\n  items:", "助推我县经济高质量发展。截至2023年末，本单位人员编制45人，实有在职人员44人，退休人员24人。\n"
        "  items:", 1), template)
    result = run("check", str(path))
    assert result.exit_code == 0 and "PROSE-COUNT" not in result.output
    fields = [w.split("[TEMPLATE-UNUSED] ")[1].split("（")[0] for w in unused(result.output)]
    assert fields == ["department.staffing.others[].kind", "department.staffing.others[].count"], result.output


# ---- mkreport new: only what the template and the checks use ---------------------------------

def fill(node, kind):
    """Every 待填写 of a new file replaced by a value of its field's kind (the model says which)."""
    from generator.model.facts import Prose
    from generator.model.schema import Date, Integer, ListOf, MapOf, ModelKind, Number, Percent, QuantityKind
    if isinstance(kind, ModelKind) and isinstance(node, dict):
        return {k: fill(v, kind.model.fields[k].kind) if k in kind.model.fields else v for k, v in node.items()}
    if isinstance(kind, MapOf) and isinstance(node, dict):
        return {k: fill(v, kind.item) for k, v in node.items()}
    if isinstance(kind, ListOf) and isinstance(node, list):
        return [fill(v, kind.item) for v in node]
    if node != "待填写":
        return node
    if isinstance(kind, Date):
        return dt.date(2024, 12, 31)
    if isinstance(kind, Percent):
        return "100%"
    if isinstance(kind, QuantityKind):
        return "1个"
    if isinstance(kind, (Number, Integer)):
        return 0
    return "示例。" if isinstance(kind, Prose) else "示例"


def filled(path: Path) -> Path:
    from generator.model.facts import Report
    from generator.model.schema import ModelKind
    data = fill(yaml.safe_load(path.read_text(encoding="utf-8")), ModelKind(Report))
    out = path.with_name("filled-" + path.name)
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


@pytest.mark.parametrize("rubric", ["yangxi-2023", "pingyuan-2023", "hunan-2023"])
def test_new_asks_for_nothing_check_then_calls_unused(tmp_path, run, rubric):
    target = tmp_path / "部门-2024.yaml"
    assert run("new", "--rubric", rubric, "-o", str(target), "--year", "2024").exit_code == 0
    result = run("check", str(filled(target)))
    assert "[UNFILLED]" not in result.output
    assert not unused(result.output), result.output


def test_new_full_writes_every_field_and_check_names_the_ones_this_template_leaves_out(tmp_path, run):
    target = tmp_path / "部门-2024.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(target), "--year", "2024", "--full").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "prior: 待填写" in text and "  as_of: 待填写  # 截止日期" in text       # 上年决算数, assets: not printed by 阳西
    warned = unused(run("check", str(filled(target))).output)
    assert any("assets." in w for w in warned), warned
    # last year's figures are the prose checks' (changes on last year): filled in, no warning
    assert not any(".prior" in w for w in warned), warned
    minimal = tmp_path / "简-2024.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(minimal), "--year", "2024").exit_code == 0
    short = minimal.read_text(encoding="utf-8")
    # the table rows with last year's figures (the prose checks' base for changes), the derivable 基本支出
    # (commented out) too; last year's budget only some departments have is named in the finance comment,
    # not asked on every row
    assert "    personnel: {budget: 待填写, adjusted: 待填写, final: 待填写, prior: 待填写}  # 人员经费" in short
    assert "    # basic: {budget: 待填写, adjusted: 待填写, final: 待填写, prior: 待填写}  # 基本支出" in short
    assert "prior_budget: 待填写" not in short and "prior_budget（上年预算数）" in short
    assert "\nassets:" not in short                               # 阳西 prints no assets section


def test_new_asks_for_what_the_chosen_template_prints(tmp_path, run):
    """阳西's rubric with 平远's template: the economic classification 平远 never prints is not asked for."""
    target = tmp_path / "部门-2024.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(target), "--template", "pingyuan").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "template: pingyuan" in text and "wages:" not in text and "economic:" not in text
    assert not unused(run("check", str(filled(target))).output)


def test_new_asks_what_the_countys_own_template_prints(tmp_path, run):
    """A county keeps its own templates/yangxi.docx (here 平远's layout): `new` asks for what that
    template prints, found as `check` will find it from where the file is written."""
    import shutil
    (tmp_path / "templates").mkdir()
    shutil.copy(ROOT / "templates" / "pingyuan.docx", tmp_path / "templates" / "yangxi.docx")
    target = tmp_path / "inputs" / "部门-2024.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(target), "--year", "2024").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "template:" not in text.replace("# template:", "") and "wages:" not in text
    assert not unused(run("check", str(filled(target))).output)
