"""The JSON Schemas editors use (schema/*.json): Chinese messages instead of raw patterns, a fresh
`mkreport new` file with nothing flagged, patterns that accept what `check` accepts, and only
relative `$schema` lines — checked on the schemas themselves, then in a real yaml-language-server."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from paths import ROOT
from yamlls import YamlLanguageServer, server

from generator.commands.schema import schema_text
from generator.model.schema import (
    Conversion,
    Date,
    Integer,
    Number,
    Percent,
    QuantityKind,
    SchemaDefs,
    Threshold,
)
from generator.model.yamlsource import compose

CJK = re.compile(r"[\u4e00-\u9fff]")
REGEX = re.compile(r"\[0-9|\(\?:|\\[sdS]|\^|\$\)|\{1,2\}")


def nodes(value, where=""):
    """Every mapping in a schema, with where it is."""
    if isinstance(value, dict):
        yield where, value
        for k, v in value.items():
            yield from nodes(v, f"{where}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from nodes(v, f"{where}/{i}")


@pytest.mark.parametrize("kind", ["facts", "rubric"])
def test_every_message_an_editor_shows_is_chinese_and_quotes_no_pattern(kind):
    schema = json.loads(schema_text(kind))
    checked = 0
    for where, node in nodes(schema):
        if "pattern" in node:
            assert "patternErrorMessage" in node, where        # else: 字符串不符合模式 "^-?[0-9]+…"
        if any(k in node for k in ("type", "enum", "const")) and "/if/" not in where:   # a condition says nothing
            assert "errorMessage" in node, where
        for key in ("errorMessage", "patternErrorMessage"):
            if key in node:
                checked += 1
                assert CJK.search(node[key]) and not REGEX.search(node[key]), (where, node[key])
    assert checked > 50


def test_a_value_message_starts_with_the_fields_name():
    amounts = json.loads(schema_text("facts"))["$defs"]["Amounts"]["properties"]
    assert amounts["final"]["patternErrorMessage"].startswith("决算数：应为金额")
    assert "不用千位分隔符" in amounts["final"]["patternErrorMessage"]
    report = json.loads(schema_text("facts"))["properties"]
    assert report["report_date"]["errorMessage"] == "成文日期：应为日期，如 2023-12-31 或 2023年12月31日。"


def test_a_misspelt_field_is_answered_with_the_fields_there_are():
    department = json.loads(schema_text("facts"))["$defs"]["Department"]
    assert department["errorMessage"].startswith("部门基本情况：应为映射，字段名只能是 name（部门全称，必填）、short_name（简称）")


def test_a_misspelt_rule_kind_lists_the_kinds():
    rule = json.loads(schema_text("rubric"))["$defs"]["Indicator"]["properties"]["rule"]
    said = rule["properties"]["kind"]["errorMessage"]
    assert said.startswith("规则类型（kind）应为以下之一：judgement（") and "target_rate（" in said


def patterns(kind):
    return [node["pattern"] for _, node in nodes(json.loads(schema_text(kind))) if "pattern" in node]


def test_the_facts_schema_takes_a_value_still_to_fill_and_the_rubric_schema_does_not():
    """`mkreport new` leaves 待填写 (rollover 待填写亿元) where a value is due: check lists each one
    (UNFILLED); the editor must not show one more error for each."""
    facts = patterns("facts")
    assert len(facts) >= 6
    for pattern in facts:
        assert re.fullmatch(pattern, "待填写") and re.fullmatch(pattern, "待填写亿元"), pattern
    for pattern in patterns("rubric"):
        assert not re.fullmatch(pattern, "待填写"), pattern


def accepted(kind, text: str) -> bool:
    conv = Conversion()
    kind.convert(compose(f"v: {json.dumps(text, ensure_ascii=False)}\n", "t.yaml").value["v"], conv, ("v",), "值")
    return not conv.problems


KINDS = {
    "money": (Number("万元", dash=True), ["1066.5", "１０６６．５", "0", "+5", "—", "--", "／", "不适用", "120.50"],
              ["1,066.5", "1066.5万元", "-5", "很多", "1066。5", "(5)", "5 5"]),
    "change": (Number("万元", minimum=None, dash=True), ["-5.2", "－３", "7"], ["-5万元", "5-"]),
    "integer": (Integer(), ["12", "１２", "12.0"], ["12.5", "-1", "十二", "12人"]),
    "percent": (Percent(), ["64.94%", "64.94％", "１００％", "-3%"], ["64.94", "百分之五", "5%%"]),
    "threshold": (Threshold(), ["90", "90%", "90分"], ["优", "-5", "90元"]),
    "quantity": (QuantityKind(), ["500亿元", "179座", "90%", "５０个", "3"], ["五十个", "1,000亿元", "约50个"]),
    "date": (Date(), ["2023-12-31", "2024年3月29日", "２０２３-１２-３１"], ["2023/12/31", "2023.12.31", "去年"]),
}


@pytest.mark.parametrize("name", KINDS)
def test_a_pattern_accepts_what_check_accepts_and_refuses_what_it_refuses(name):
    """The editor and `check` agree on spelling: a figure typed with a Chinese input method
    (１０６６．５) is no error in one and accepted by the other."""
    kind, good, bad = KINDS[name]
    pattern = kind.json_schema(SchemaDefs())["pattern"]
    for text in good:
        assert accepted(kind, text) and re.fullmatch(pattern, text), text
    for text in bad:
        assert not accepted(kind, text) and not re.fullmatch(pattern, text), text


def first_line(path):
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_new_outside_a_county_writes_the_schema_beside_the_file_never_an_absolute_path(tmp_path, run):
    target = tmp_path / "某局-2024.yaml"
    result = run("new", "--rubric", "yangxi-2023", "-o", str(target), "--year", "2024")
    assert result.exit_code == 0, result.output
    assert first_line(target) == "# yaml-language-server: $schema=schema/facts.schema.json"
    assert (tmp_path / "schema" / "facts.schema.json").read_text(encoding="utf-8") == schema_text("facts")
    assert "schema/facts.schema.json：编辑器" in result.output
    second = tmp_path / "另一局-2024.yaml"                  # the copy now there is used, not written again
    result = run("new", "--rubric", "yangxi-2023", "-o", str(second), "--year", "2024")
    assert first_line(second) == first_line(target) and "编辑器" not in result.output
    assert "file:" not in target.read_text(encoding="utf-8") and str(ROOT) not in target.read_text(encoding="utf-8")


def test_new_and_rollover_in_a_county_point_to_its_schema_folder(tmp_path, run):
    assert run("init", str(tmp_path)).exit_code == 0
    target = tmp_path / "inputs" / "某局-2024.yaml"
    assert run("new", "--rubric", "hunan-2023", "-o", str(target), "--year", "2024").exit_code == 0
    assert first_line(target) == "# yaml-language-server: $schema=../schema/facts.schema.json"
    deeper = tmp_path / "inputs" / "2025" / "某局-2025.yaml"
    shutil.copy(ROOT / "inputs" / "hunan-example-2023.yaml", tmp_path / "inputs" / "h-2023.yaml")
    result = run("rollover", str(tmp_path / "inputs" / "h-2023.yaml"), "--year", "2024", "-o", str(deeper))
    assert result.exit_code == 0, result.output
    assert first_line(deeper) == "# yaml-language-server: $schema=../../schema/facts.schema.json"
    assert not (tmp_path / "inputs" / "schema").exists()


def test_init_copies_a_rubric_for_the_county_with_its_schema_line(tmp_path, run):
    result = run("init", str(tmp_path), "--rubric", "yangxi-2023", "--rubric", "hunan-2023")
    assert result.exit_code == 0, result.output
    copied = tmp_path / "rubrics" / "yangxi-2023.yaml"
    text = copied.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/rubric.schema.json"
    assert text.count("yaml-language-server") == 1
    assert text.splitlines()[1:] == (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").splitlines()[1:]
    assert (tmp_path / "rubrics" / "hunan-2023.yaml").is_file()
    listed = run("list", str(tmp_path / "inputs"))                # the county's copy now stands in for the built-in
    assert re.search(r"yangxi-2023 +县文件夹", listed.output), listed.output
    copied.write_text(text + "# 本县改过\n", encoding="utf-8")
    again = run("init", str(tmp_path), "--rubric", "yangxi-2023")
    assert again.exit_code == 0 and "已存在，未复制评分体系“yangxi-2023”" in again.output
    assert copied.read_text(encoding="utf-8").endswith("# 本县改过\n")
    missing = run("init", str(tmp_path), "--rubric", "没有这个")
    assert missing.exit_code == 2 and "找不到评分体系“没有这个”" in missing.output


def test_a_rubric_kept_in_gbk_with_crlf_is_copied_as_it_was(tmp_path, run):
    source = tmp_path / "外县.yaml"
    text = (ROOT / "rubrics" / "hunan-2023.yaml").read_text(encoding="utf-8").splitlines()[1:]
    source.write_bytes("\r\n".join(text + [""]).encode("gb18030"))
    county = tmp_path / "县"
    assert run("init", str(county), "--rubric", str(source)).exit_code == 0
    data = (county / "rubrics" / "外县.yaml").read_bytes()
    assert data.startswith(b"# yaml-language-server: $schema=../schema/rubric.schema.json\r\n")
    assert data.decode("gb18030").count("\n") == data.decode("gb18030").count("\r\n")
    assert data[data.index(b"\r\n") + 2:] == source.read_bytes()


# ---- in a real editor's language server ----

@pytest.fixture(scope="module")
def yamlls(tmp_path_factory):
    command = server()
    if command is None:
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server is not installed (.ci/run installs it with npm)")
        pytest.skip("yaml-language-server not installed (npm install yaml-language-server; MKREPORT_YAMLLS)")
    root = tmp_path_factory.mktemp("county")
    ls = YamlLanguageServer(command, root)
    ls.root = root
    yield ls
    ls.close()


def messages(diagnostics):
    return [(d["range"]["start"]["line"] + 1, d["message"]) for d in diagnostics]


def test_a_fresh_new_file_shows_nothing_in_the_editor(yamlls, run):
    """Before: 59 errors quoting a regular expression, one per 待填写."""
    root = yamlls.root / "新"
    for rubric in ("yangxi-2023", "hunan-2023"):
        target = root / "inputs" / f"{rubric}.yaml"
        assert run("new", "--rubric", rubric, "-o", str(target), "--year", "2024").exit_code == 0
        assert target.read_text(encoding="utf-8").count("待填写") > 50
        assert messages(yamlls.diagnose(target)) == []


@pytest.mark.parametrize("example", ["yangxi-2023", "pingyuan-2023", "hunan-example-2023"])
def test_the_examples_show_nothing_in_the_editor(yamlls, example):
    county = yamlls.root / "示例"
    if not county.exists():
        shutil.copytree(ROOT / "schema", county / "schema")
        shutil.copytree(ROOT / "inputs", county / "inputs")
        shutil.copytree(ROOT / "rubrics", county / "rubrics")
    assert messages(yamlls.diagnose(county / "inputs" / f"{example}.yaml")) == []


PLANTED = [   # (text in yangxi-2023.yaml, the mistake, what the editor says there)
    ("report_date: 2024-03-29", "report_date: 2024/3/29", "成文日期：应为日期，如 2023-12-31"),
    ("  short_name: 我局", "  short_nmae: 我局", "字段名只能是 name（部门全称，必填）、short_name（简称）"),
    ("carryover: {final: 9.42}", "carryover: {final: 9.42万元}", "决算数：应为金额"),
    ("public: {budget: 42, adjusted: 49.91, final: 49.91}",
     'public: {budget: 42, adjusted: 49.91, final: "4,991"}', "不用千位分隔符"),
    ("target: 50个", "target: 五十个", "目标值：应为数字加单位"),
    ("measure: {value: 64.94%}", "measure: {value: 64.94}", "应为百分比，带百分号"),
]


def test_planted_mistakes_are_each_said_in_chinese_on_their_line(yamlls):
    county = yamlls.root / "错"
    shutil.copytree(ROOT / "schema", county / "schema")
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    lines = {}
    for good, bad, _ in PLANTED:
        assert text.count(good) >= 1, good
        lines[bad] = text[:text.index(good)].count("\n") + 1
        text = text.replace(good, bad, 1)
    (county / "inputs").mkdir()
    (county / "inputs" / "错.yaml").write_text(text, encoding="utf-8")
    found = messages(yamlls.diagnose(county / "inputs" / "错.yaml"))
    assert len(found) == len(PLANTED), found
    for (_, bad, said), (line, message) in zip(PLANTED, sorted(found)):
        assert line == lines[bad] and said in message, (bad, line, message)
        assert not REGEX.search(message)


def test_a_rubric_copied_by_init_is_checked_in_the_editor(yamlls, run):
    county = yamlls.root / "评分"
    assert run("init", str(county), "--rubric", "yangxi-2023").exit_code == 0
    rubric = county / "rubrics" / "yangxi-2023.yaml"
    assert messages(yamlls.diagnose(rubric)) == []
    text = rubric.read_text(encoding="utf-8")
    text = re.sub(r"kind: rate\b", "kind: ratio", text, count=1)
    text = re.sub(r"(\n +)points: ", r"\1pionts: ", text, count=1)
    rubric.write_text(text, encoding="utf-8")
    found = messages(yamlls.diagnose(rubric))
    assert any("规则类型（kind）应为以下之一" in m for _, m in found), found
    assert any("pionts" in m or "字段名只能是" in m for _, m in found), found
    assert all(CJK.search(m) and not REGEX.search(m) for _, m in found), found
