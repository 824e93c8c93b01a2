"""A county's words for figures: added from its own folder or named by its rubric, read like any input."""
from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT

from generator.derive.vocabulary import pattern_problem

FACTS = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
# a county's report names its income "资金总量" (not a word mkreport knows) and states it wrongly
SENTENCE = "2023年部门资金总量7540.18万元，与上年基本持平。"


def county(tmp_path: Path, sentence: str = SENTENCE) -> Path:
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "部门-2023.yaml"
    path.write_text(FACTS.replace("other_notes: 无。", f"other_notes: {sentence}"), encoding="utf-8")
    return path


def prose_findings(run, path: Path) -> list[str]:
    return [l for l in run("check", str(path)).output.splitlines() if "[PROSE-" in l or "[VOCABULARY" in l]


def test_an_unknown_word_is_not_checked_until_the_county_says_what_it_means(tmp_path, run):
    path = county(tmp_path)
    assert prose_findings(run, path) == []
    (tmp_path / "vocabulary.yaml").write_text(
        "# 本县的说法\nfacts:\n  - {label: '资金总量', fact: finance.income.total}\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-FACT]" in found[0]
    assert "收入总计 决算数 为 7542.23万元" in found[0]
    assert run("list", str(path)).output.count(str(tmp_path / "vocabulary.yaml")) == 1


def test_a_rubric_can_name_the_vocabulary_its_county_uses(tmp_path, run):
    path = county(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "vocabularies").mkdir()
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace(
        "template: yangxi", "template: yangxi\nvocabulary: 本县说法")
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(rubric, encoding="utf-8")
    (tmp_path / "vocabularies" / "本县说法.yaml").write_text(
        "facts:\n  - {label: '资金总量', fact: finance.income.total}\n", encoding="utf-8")
    assert len(prose_findings(run, path)) == 1
    (tmp_path / "vocabularies" / "本县说法.yaml").unlink()
    result = run("check", str(path))
    assert "[VOCABULARY-MISSING] 找不到正文词表“本县说法”" in result.output and result.exit_code == 1


@pytest.mark.parametrize("entry,code,words,col", [
    ("- {label: '资金(总量', fact: finance.income.total}", "VOCABULARY-PATTERN", "缺少右括号“)”", 13),
    ("- {label: '(资金+)+', fact: finance.income.total}", "VOCABULARY-PATTERN", "匹配时间可能成倍增长", 13),
    ("- {label: '.*', fact: finance.income.total}", "VOCABULARY-PATTERN", "它能匹配空文字", 13),
    ("- {label: '资金总量', fact: finance.income.totl}", "VOCABULARY-PATH", "是否想写“finance.income.total”", 27),
    ("- {label: '资金总量', fact: finance.income.total, note: x}", "VOCABULARY-SCHEMA-UNKNOWN", "未知字段“note”", 49),
])
def test_a_bad_entry_is_a_finding_at_its_line_and_the_check_goes_on(tmp_path, run, entry, code, words, col):
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text(f"facts:\n  {entry}\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"vocabulary.yaml:2:{col}: 错误 [{code}]" in result.output and words in result.output
    # the rest of the check still ran: the built-in words still catch a wrong figure
    path.write_text(path.read_text(encoding="utf-8").replace("实际支出数19.85万元", "实际支出数19.58万元"),
                    encoding="utf-8")
    assert "[PROSE-FACT]" in run("check", str(path)).output


def test_unknown_columns_are_named():
    import tempfile

    from generator.derive.vocabulary import _read
    from generator.model.findings import Findings
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "v.yaml"
        p.write_text("columns:\n  total: '合计'\n", encoding="utf-8")
        found = Findings()
        _read(p, found)
        assert [f.code for f in found] == ["VOCABULARY-SCHEMA-UNKNOWN"]
        assert "未知的口径“total”" in found[0].message and "adjusted（调整预算数）" in found[0].message


@pytest.mark.parametrize("sentence,fact", [
    # the national self-evaluation table's columns: 年初预算数 / 全年预算数 (adjusted) / 全年执行数 (final)
    ("本年支出全年预算数7540.18万元，全年执行数7540.18万元。", None),
    ("本年支出全年预算数7540.81万元。", "调整预算数 为 7540.18万元"),
    ("本年支出全年执行数7541.18万元。", "决算数 为 7540.18万元"),
    ("全年预算收入7532.81万元。", None),
    ("全年预算收入7523.81万元。", "本年收入合计 调整预算数 为 7532.81万元"),
])
def test_the_national_columns_are_built_in(tmp_path, run, sentence, fact):
    found = prose_findings(run, county(tmp_path, sentence))
    if fact is None:
        assert found == []
    else:
        assert len(found) == 1 and fact in found[0], found


def test_the_built_in_vocabulary_passes_its_own_checks():
    from generator.derive.vocabulary import BUILTIN, _read
    from generator.model.findings import Findings
    found = Findings()
    assert _read(BUILTIN, found) is not None and not found


@pytest.mark.parametrize("pattern", ["收入", "(?:部门)?(?:预算)?收入(?:计划)?", "项目(?:专项资金|支出)", "[一二]季度收入"])
def test_ordinary_patterns_are_accepted(pattern):
    assert pattern_problem(pattern) == ""


def test_a_broken_county_file_is_reported_once_for_all_its_inputs(tmp_path, run):
    path = county(tmp_path)
    other = path.with_name("另一部门-2023.yaml")
    other.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "vocabulary.yaml").write_text("facts:\n  - {label: '资金(总量', fact: finance.income.total}\n",
                                              encoding="utf-8")
    result = run("check", str(path), str(other))
    assert result.output.count("[VOCABULARY-PATTERN]") == 1 and "共发现 1 个错误" in result.output


@pytest.mark.parametrize("text,code", [
    ("facts: 12\n", "VOCABULARY-SCHEMA"),
    ("facts:\n  - {label: '资金总量'}\n", "VOCABULARY-SCHEMA-MISSING"),
])
def test_a_vocabulary_of_the_wrong_shape_is_a_finding(tmp_path, run, text, code):
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text(text, encoding="utf-8")
    result = run("check", str(path))
    assert "vocabulary.yaml:" in result.output and f"[{code}]" in result.output


@pytest.mark.parametrize("pattern,words", [
    ("资金.", "不能用“.”"),
    ("资金.+", "不限次数"),
    ("资金+总量", "不限次数"),
    ("(?<!全县)资金总量", "环视"),
    ("[^收]入", "方括号中只能列出具体的字"),
])
def test_a_label_must_be_a_list_of_spellings(pattern, words):
    """A county's label stands for a few spellings, so the matcher stays linear whatever it writes."""
    problem = pattern_problem(pattern)
    assert words in problem and "几种具体的写法" in problem


def test_a_county_adds_other_subjects_and_relation_words(tmp_path, run):
    path = county(tmp_path, "2023年开发区收入7540.18万元。本部门收入7540.18万元，比上年增收10万元。")
    (tmp_path / "vocabulary.yaml").write_text("facts:\n  - {label: '资金总量', fact: finance.income.total}\n",
                                              encoding="utf-8")
    # without the county's words: "开发区收入" is read as the department's, "增收" is a change
    assert any("[PROSE-FACT]" in l for l in prose_findings(run, path))
    (tmp_path / "vocabulary.yaml").write_text("others:\n  - '开发区'\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert not any("7540.18万元”与事实不符" in l and "开发区" in l for l in found), found


def test_an_edited_county_vocabulary_is_read_again_in_the_same_process(tmp_path):
    """The vocabulary cache knows a file by its path, size and time written: an edit is seen at once."""
    import os

    from generator.derive.vocabulary import vocabulary

    county = tmp_path / "vocabulary.yaml"
    county.write_text("facts:\n  - {label: '资金总量', fact: finance.income.total}\n", encoding="utf-8")
    first, _ = vocabulary((county,))
    county.write_text("facts:\n  - {label: '资金总盘子', fact: finance.income.total}\n", encoding="utf-8")
    os.utime(county, ns=(county.stat().st_atime_ns, county.stat().st_mtime_ns + 1_000_000_000))
    second, _ = vocabulary((county,))
    assert second is not first
    assert [t.text for t in second.lexicon.tokens("资金总盘子100万元") if t.kind == "word"] == ["资金总盘子"]


def test_every_fact_the_vocabulary_names_has_a_chinese_name():
    """explain and the findings name the fact a figure was read as: never a bare field name in English
    (department.staffing.actual and the spending by source are worked out, not fields)."""
    import re

    from generator.derive.vocabulary import vocabulary
    from generator.model.facts import Report, fact_label
    report = Report.__new__(Report)
    voc, _ = vocabulary()
    for fact in {f for _, f in voc.facts}:
        for path in (fact, f"{fact}.final", f"{fact}.prior_budget"):
            assert not re.search("[A-Za-z]", fact_label(path, report)), path


def test_a_bare_budget_column_is_named_in_chinese(run, tmp_path):
    """"预算" alone is 年初 or 调整预算: explain names it 预算数, not the reader's word for it."""
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(
        (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "x.yaml"
    # (with a word of the year carried out: alone, the sentence is a budget's — its 预算 is the 年初预算, see below)
    path.write_text(text.replace("other_notes: 无。", "other_notes: 2023年“三公”经费预算75.45万元，决算19.85万元。"),
                    encoding="utf-8")
    out = run("explain", str(path), "other_notes").output
    assert "“75.45万元” 金额：“三公”经费 预算数" in out and " plan" not in out
    path.write_text(text.replace("other_notes: 无。", "other_notes: 2023年“三公”经费预算75.45万元。"), encoding="utf-8")
    out = run("explain", str(path), "other_notes").output
    assert "“75.45万元” 金额：“三公”经费 年初预算数" in out and "读作年初预算" in out


def test_a_county_adds_cue_words(tmp_path, run):
    """Cue words are looked for only before or after another word: "没设" before a body says it does not exist, so
    the figures after it are still the department's."""
    path = county(tmp_path, "本局没设下属单位，年末实有在职人员45人。")
    assert prose_findings(run, path) == []          # 下属单位 takes the figure: another body's, not checked
    (tmp_path / "vocabulary.yaml").write_text("cues:\n  negated: '没设'\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-COUNT]" in found[0] and "44人" in found[0], found
    (tmp_path / "vocabulary.yaml").write_text("cues:\n  unknown_kind: '没设'\n", encoding="utf-8")
    assert any("未知的线索词类别“unknown_kind”" in l for l in prose_findings(run, path))


def test_a_county_adds_a_kind_of_body(tmp_path, run):
    """The kinds a body's name ends with are vocabulary: a county whose text names a 管委会 adds the kind, and a
    sentence that opens with one is about that body, not the department."""
    path = county(tmp_path, "城南片区管委会2023年末实有在职人员45人。")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-COUNT]" in found[0], found     # read as the department's 45 (it has 44)
    (tmp_path / "vocabulary.yaml").write_text("cues:\n  opening_kind: '管委会'\n", encoding="utf-8")
    assert prose_findings(run, path) == []
    (tmp_path / "vocabulary.yaml").write_text("cues:\n  organ_kind: '管委会'\n", encoding="utf-8")
    assert prose_findings(run, path) == []         # (an organ's kind is one a name opening a sentence may end with)


def test_a_county_names_the_items_that_make_a_whole(tmp_path, run):
    """A partition: a 其中 list of exactly its items is all of the head, and must add up to it."""
    path = county(tmp_path, "本年培训费用30万元，其中：线上培训费用10万元、线下培训费用15万元。")
    assert prose_findings(run, path) == []          # only some items listed, for all mkreport knows: 25 ≤ 30
    (tmp_path / "vocabulary.yaml").write_text("partitions:\n  - '线上|线下'\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-SUM]" in found[0] and "不等于 30万元" in found[0], found


def test_a_class_of_words_may_be_a_list_of_patterns(tmp_path, run):
    """A long class is written as several patterns (each at most 300 characters); each is read."""
    path = county(tmp_path, "本局没设下属单位，年末实有在职人员45人。")
    (tmp_path / "vocabulary.yaml").write_text("cues:\n  negated:\n    - '并无'\n    - '没设'\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-COUNT]" in found[0], found
    (tmp_path / "vocabulary.yaml").write_text("words:\n  neutral:\n    - '某某说法'\n    - '(?:'\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert any("[VOCABULARY-PATTERN]" in l and "words.neutral[1]" in l for l in found), found


def test_a_guarded_label_names_its_fact_only_where_its_amount_is_one_of_the_facts(tmp_path, run):
    # "部门运行经费" is this county's 公用经费 in most reports, not in all: taken at its word only where the amount
    # written is one of 公用经费's figures (yangxi: budget 42, final 49.91)
    path = county(tmp_path, "2023年部门运行经费年初预算为49.91万元。")
    assert prose_findings(run, path) == []
    (tmp_path / "vocabulary.yaml").write_text(
        "facts:\n  - {label: '部门运行经费', fact: finance.expenditure.public, when: 相符}\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-FACT]" in found[0] and "公用经费 年初预算数 为 42.00万元" in found[0]
    explained = run("explain", str(path), "other_notes").output
    assert "称呼“部门运行经费”：它的金额与这一项的数相符，才认作这一项" in explained
    # an amount that is none of 公用经费's figures: someone else's running costs, or another line — not checked
    path.write_text(path.read_text(encoding="utf-8").replace("年初预算为49.91万元", "年初预算为38.00万元"), encoding="utf-8")
    assert prose_findings(run, path) == []


def test_the_built_in_office_running_costs_are_the_public_line_where_the_amount_agrees(tmp_path, run):
    path = county(tmp_path, "2023年机关运行经费支出49.91万元，比2022年下降16.95%。")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "public: {budget: 42, adjusted: 49.91, final: 49.91}",
        "public: {budget: 42, adjusted: 49.91, final: 49.91, prior: 58.37}"), encoding="utf-8")
    found = prose_findings(run, path)
    assert len(found) == 1 and "[PROSE-RATE]" in found[0] and "下降 14.49%" in found[0]
    path.write_text(path.read_text(encoding="utf-8").replace("下降16.95%", "下降14.49%"), encoding="utf-8")
    assert prose_findings(run, path) == []


def test_when_takes_only_its_one_word(tmp_path, run):
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text(
        "facts:\n  - {label: '部门运行经费', fact: finance.expenditure.public, when: 总是}\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "vocabulary.yaml:2:" in result.output and "应为以下之一：相符" in result.output


@pytest.mark.parametrize("unless,reported", [("assets.fixed", True), ("finance.expenditure.total", False)])
def test_a_stand_in_label_is_used_only_where_the_file_lacks_the_fact_it_stands_in_for(tmp_path, run, unless, reported):
    """`unless`: "资金总量" read as 收入总计 only where the file states no figure of the fact named — yangxi states its
    spending total and no net fixed assets."""
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text(
        f"facts:\n  - {{label: '资金总量', fact: finance.income.total, unless: {unless}}}\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert any("[PROSE-FACT]" in l and "7540.18万元" in l for l in found) is reported, found


def test_a_stand_in_for_no_fact_of_the_file_is_a_finding(tmp_path, run):
    path = county(tmp_path)
    (tmp_path / "vocabulary.yaml").write_text(
        "facts:\n  - {label: '资金总量', fact: finance.income.total, unless: assets.nothing}\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert any("vocabulary.yaml:2:" in l and "assets.nothing" in l for l in found), found


@pytest.mark.parametrize("sentence,reported", [
    ("公务用车购置及运行费12.00万元，其中：购置费3.00万元、车辆使用费8.00万元。", True),
    ("本年车辆使用费8.00万元，购置费3.00万元。", False)])
def test_a_part_label_names_its_fact_only_listed_after_its_whole(tmp_path, run, sentence, reported):
    """`within`: "车辆使用费" is the vehicles' running cost only as a part listed right after the amount of 公务用车购置及
    运行费 — there the two parts are all of it (3.00 + 8.00 ≠ 12.00); standing alone it names nothing of the file's."""
    path = county(tmp_path, sentence)
    assert prose_findings(run, path) == []          # (without the county's word, a list of some of the parts)
    (tmp_path / "vocabulary.yaml").write_text(
        "facts:\n  - {label: '车辆使用费', fact: finance.three_public_parts.vehicle_running, "
        "within: finance.three_public_parts.vehicles}\n", encoding="utf-8")
    found = prose_findings(run, path)
    assert any("[PROSE-SUM]" in l and "不等于 12.00万元" in l for l in found) is reported, found
    assert len(found) == reported, found
