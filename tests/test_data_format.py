"""Data files that outlive a version: `format:` says which format a facts file, rubric or vocabulary
is written in (a newer one than this mkreport knows is one clear error: upgrade), and a renamed field
still loads under its old name with a warning that names the new one (schema.Deprecated)."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from paths import ROOT

from generator import __version__
from generator.derive.vocabulary import Label, VocabularyModel
from generator.model.facts import FORMAT, Report
from generator.model.rubric import RubricModel
from generator.model.schema import (
    Conversion,
    Deprecated,
    Field,
    ListOf,
    Model,
    ModelKind,
    Number,
    Text,
    convert,
    json_schema,
)
from generator.model.yamlsource import compose
from generator.pipeline import load

YANGXI = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")


def county(tmp_path: Path, facts: str = YANGXI, rubric: str | None = None) -> Path:
    """A county folder: inputs/部门-2023.yaml beside a copy of the shipped rubrics."""
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    (tmp_path / "inputs").mkdir()
    if rubric is not None:
        (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(rubric, encoding="utf-8")
    path = tmp_path / "inputs" / "部门-2023.yaml"
    path.write_text(facts, encoding="utf-8")
    return path


def lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if "[" in line]


def with_format(text: str, version: str, after: str) -> str:
    """The text with `format: N` written on the line after its first line starting with `after`."""
    head, _, rest = text.partition("\n" + after)
    line, _, tail = rest.partition("\n")
    return f"{head}\n{after}{line}\nformat: {version}\n{tail}"


# ---- format: ------------------------------------------------------------------------------------

def test_a_facts_file_of_a_newer_format_is_one_error_that_says_to_upgrade(tmp_path, run):
    # a field this mkreport does not know comes with the newer format: it is not listed as unknown
    text = with_format(YANGXI, str(FORMAT + 1), "year:") + "signed_by: 张三\n"
    result = run("check", str(county(tmp_path, text)))
    assert result.exit_code == 1
    [finding] = lines(result)
    line = text.splitlines().index(f"format: {FORMAT + 1}") + 1
    assert f"部门-2023.yaml:{line}:9: 错误 [SCHEMA-FORMAT] format（格式版本） 为 {FORMAT + 1}，" in finding
    assert f"这个 mkreport（{__version__}）只认识到格式 {FORMAT}" in finding and "请升级 mkreport" in finding


def test_the_current_format_written_out_is_the_same_as_none(tmp_path, run):
    result = run("check", str(county(tmp_path, with_format(YANGXI, str(FORMAT), "year:"))))
    assert result.exit_code == 0 and lines(result) == []


def test_a_format_that_is_no_version_is_a_type_error(tmp_path, run):
    result = run("check", str(county(tmp_path, with_format(YANGXI, "新版", "year:"))))
    assert result.exit_code == 1
    assert [f.split(": ", 1)[1] for f in lines(result)] == \
        [f"错误 [SCHEMA] format（格式版本） 应为正整数（当前格式为 {FORMAT}，可省略），写成了“新版”。"]


def test_a_rubric_of_a_newer_format_says_to_upgrade(tmp_path, run):
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    result = run("check", str(county(tmp_path, rubric=with_format(rubric, "9", "name:"))))
    assert result.exit_code == 1
    assert [f.split(": ", 1)[1].split("，")[0] for f in lines(result)] == \
        ["错误 [RUBRIC-SCHEMA-FORMAT] format（格式版本） 为 9"]


def test_a_county_vocabulary_of_a_newer_format_says_to_upgrade(tmp_path, run):
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text("format: 3\nfacts:\n  - {label: '资金总量', fact: finance.income.total}\n",
                                              encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1
    [finding] = lines(result)
    assert "vocabulary.yaml:1:9: 错误 [VOCABULARY-SCHEMA-FORMAT] format（格式版本） 为 3" in finding


def test_the_editors_schema_knows_the_format_field():
    schema = json.loads((ROOT / "schema" / "facts.schema.json").read_text(encoding="utf-8"))
    fmt = schema["properties"]["format"]
    assert fmt["maximum"] == FORMAT and fmt["default"] == FORMAT and "可省略" in fmt["description"]
    assert "format" in json.loads((ROOT / "schema" / "rubric.schema.json").read_text(encoding="utf-8"))["properties"]


def test_rollover_keeps_the_format_and_refuses_a_newer_one(tmp_path, run):
    """rollover edits the text by the fields it knows: a file of a newer format it leaves alone."""
    source = county(tmp_path, with_format(YANGXI, str(FORMAT), "year:"))
    out = tmp_path / "inputs" / "部门-2024.yaml"
    assert run("rollover", str(source), "--year", "2024", "-o", str(out)).exit_code == 0
    assert f"\nformat: {FORMAT}\n" in out.read_text(encoding="utf-8")
    source.write_text(with_format(YANGXI, str(FORMAT + 1), "year:"), encoding="utf-8")
    out.unlink()
    result = run("rollover", str(source), "--year", "2024", "-o", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert f"为 {FORMAT + 1}，而这个 mkreport（{__version__}）只认识到格式 {FORMAT}" in result.output
    assert "请升级 mkreport（pip install -U mkreport）后再转入下一年。" in result.output


def test_new_writes_no_format_line(tmp_path, run):
    """Absent means current: a department has nothing to write there."""
    out = tmp_path / "新.yaml"
    assert run("new", "--rubric", "yangxi-2023", "-o", str(out)).exit_code == 0
    assert "format" not in out.read_text(encoding="utf-8")


# ---- deprecated field names ---------------------------------------------------------------------

class Detail(Model):
    """明细"""

    note = Field(Text(), "说明")


class Record(Model):
    """测试用的记录"""

    amount = Field(Number(), "金额")
    detail = Field(ModelKind(Detail), "明细")
    total = Field(Number(), "合计", deprecated=Deprecated(moved_to="amount"))
    remark = Field(Text(), "备注", deprecated=Deprecated(moved_to="detail.note"))
    legacy = Field(Text(), "旧设置", deprecated=Deprecated(note="现在由评分体系决定。"))


def read(text: str):
    conv = Conversion()
    obj = convert(Record, compose(text, "t.yaml"), conv)
    return obj, [(p.path, p.line, p.col, p.code, p.message) for p in conv.problems]


def test_an_old_name_loads_as_the_new_one_with_a_warning_that_names_it():
    obj, problems = read("detail: {}\ntotal: 12.5\n")
    assert obj.amount == Decimal("12.5") and not hasattr(obj, "total")
    assert problems == [(("total",), 2, 1, "SCHEMA-DEPRECATED",
                         "字段 total（合计） 已改名为 amount：这次按新名读取，请改用新名（以后的版本可能不再接受旧名）。")]


def test_an_old_name_moves_into_a_section_made_for_it_or_written_beside_it():
    obj, problems = read("remark: 见附件\n")
    assert obj.detail.note == "见附件" and [p[3] for p in problems] == ["SCHEMA-DEPRECATED"]
    assert "已改名为 detail.note" in problems[0][4]
    obj, _ = read("detail:\n  note: 原有\nremark: 见附件\n")
    assert obj.detail.note == "原有"


def test_an_old_and_a_new_name_both_written_is_an_error():
    obj, problems = read("amount: 3\ntotal: 4\n")
    assert obj.amount == 3
    assert [(p[0], p[3], p[4]) for p in problems] == \
        [(("total",), "SCHEMA", "total（合计） 是 amount 的旧名，两者都写了：请删去旧名这一项。")]


def test_a_name_no_longer_used_is_dropped_with_a_warning():
    obj, problems = read("legacy: yangxi\n")
    assert not hasattr(obj, "legacy")
    assert problems == [(("legacy",), 1, 1, "SCHEMA-DEPRECATED",
                         "字段 legacy（旧设置） 已不再使用，其值不再读取：请删除这一项。现在由评分体系决定。")]


def test_an_old_name_is_not_a_field_but_the_schema_marks_it_deprecated():
    assert "total" not in Record.fields and set(Record.deprecated) == {"total", "remark", "legacy"}
    props = json_schema(Record, "t")["properties"]
    assert props["total"]["deprecated"] is True and "已改名为 amount" in props["total"]["deprecationMessage"]
    assert props["total"]["description"].startswith("合计（已改名为 amount")
    assert "deprecated" not in props["amount"]


# The three kinds of file, through the real commands: an old name declared on the real model.

def test_a_facts_file_with_an_old_name_checks_and_builds_as_with_the_new(tmp_path, run, monkeypatch):
    monkeypatch.setitem(Report.deprecated, "report_title",
                        Field(Text(), "报告标题", deprecated=Deprecated(moved_to="title")))
    text = YANGXI.replace("\nyear:", "\nreport_title: 阳西县工业和信息化局2023年度部门整体支出绩效自评报告\nyear:", 1)
    path = county(tmp_path, text)
    result = run("check", str(path))
    assert result.exit_code == 0
    line = text.splitlines().index("report_title: 阳西县工业和信息化局2023年度部门整体支出绩效自评报告") + 1
    assert lines(result) == [(f"{path}:{line}:1: 警告 [SCHEMA-DEPRECATED] 字段 report_title（报告标题） 已改名为 title："
                              "这次按新名读取，请改用新名（以后的版本可能不再接受旧名）。")]
    assert load(path).report.title == "阳西县工业和信息化局2023年度部门整体支出绩效自评报告"


def test_a_rubric_with_an_old_name_is_read_with_a_warning(tmp_path, run, monkeypatch):
    monkeypatch.setitem(RubricModel.deprecated, "title", Field(Text(), "名称", deprecated=Deprecated(moved_to="name")))
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace("\nname:", "\ntitle:", 1)
    result = run("check", str(county(tmp_path, rubric=rubric)))
    assert result.exit_code == 0
    [finding] = lines(result)
    assert "yangxi-2023.yaml:" in finding and "警告 [RUBRIC-SCHEMA-DEPRECATED] 字段 title（名称） 已改名为 name" in finding


def test_a_vocabulary_with_an_old_name_is_read_with_a_warning(tmp_path, run, monkeypatch):
    monkeypatch.setitem(VocabularyModel.deprecated, "labels",
                        Field(ListOf(ModelKind(Label)), "事实的称呼", deprecated=Deprecated(moved_to="facts")))
    path = county(tmp_path, YANGXI.replace("other_notes: 无。", "other_notes: 2023年部门资金总量7540.18万元。"))
    (tmp_path / "vocabulary.yaml").write_text("labels:\n  - {label: '资金总量', fact: finance.income.total}\n",
                                              encoding="utf-8")
    found = lines(run("check", str(path)))
    assert any("vocabulary.yaml:1:1: 警告 [VOCABULARY-SCHEMA-DEPRECATED] 字段 labels（事实的称呼） 已改名为 facts" in f
               for f in found)
    # the word is read under its new name: the wrong figure it labels is found
    assert any("[PROSE-FACT]" in f and "收入总计 决算数 为 7542.23万元" in f for f in found)
