"""`mkreport lsp` driven by a real LSP client (tests/lspclient.py): the server started as
`python -m generator lsp` over stdio, documents opened and edited without being saved, and what
the editor would show read back — diagnostics, hover, completion, code actions."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from lspclient import Session, apply
from paths import ROOT

FACTS = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
RUBRIC = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")
C22_SCORE = "  C22:\n    name: 绩效目标完成率\n    score: 2.6\n"


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """A county folder as `mkreport init` lays it out, under a name with a space and Chinese."""
    folder = tmp_path_factory.mktemp("lsp") / "阳西 县"
    (folder / "inputs").mkdir(parents=True)
    (folder / "rubrics").mkdir()
    (folder / "inputs" / "工信局-2023.yaml").write_text(FACTS, encoding="utf-8")
    shutil.copy(ROOT / "rubrics" / "yangxi-2023.yaml", folder / "rubrics" / "yangxi-2023.yaml")
    return folder


@pytest.fixture(scope="module")
def session(county):
    with Session(county) as s:
        yield s
        assert s.alive, "the server died"


def check_json(folder, text: str) -> list[dict]:
    """What `mkreport check` prints for `text` saved as a facts file in the same folder."""
    path = folder / "inputs" / "对照.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        out = subprocess.run([sys.executable, "-m", "generator", "check", "--format", "json", str(path)],
                             capture_output=True, text=True, cwd=folder, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    finally:
        path.unlink()
    return json.loads(out.stdout)["findings"]


def line_of(text: str, needle: str) -> int:
    """The 0-based line of the first line holding `needle`."""
    return next(i for i, line in enumerate(text.splitlines()) if needle in line)


def test_a_planted_error_in_the_unsaved_text_arrives_where_check_puts_it(session, county):
    """The buffer (not the file on disk, which is clean) holds a wrong score: the diagnostic has
    check's code, severity, Chinese message and place (0-based here, 1-based in check)."""
    facts = county / "inputs" / "工信局-2023.yaml"
    planted = FACTS.replace(C22_SCORE, C22_SCORE.replace("2.6", "2.5"))
    found = session.after(facts, lambda: session.open(facts, planted))
    expected = check_json(county, planted)
    assert [(d.code, d.range.start.line + 1, d.range.start.character + 1, d.message) for d in found] == \
        [(f["code"], f["line"], f["col"], f["message"]) for f in expected]
    rule = next(d for d in found if d.code == "RULE-SCORE")
    assert rule.range.start.line == line_of(planted, "  C22:") + 2 and rule.range.start.character == 11
    assert rule.range.end.character == 14                  # the figure 2.5 underlined
    assert rule.severity == 1 and rule.source == "mkreport" and "按评分规则应为 2.60" in rule.message


def test_a_change_that_fixes_it_empties_the_diagnostics(session, county):
    facts = county / "inputs" / "工信局-2023.yaml"
    planted = FACTS.replace(C22_SCORE, C22_SCORE.replace("2.6", "2.5"))
    assert session.after(facts, lambda: session.change(facts, planted))
    assert session.after(facts, lambda: session.change(facts, FACTS)) == []


def test_the_score_fix_applied_leaves_check_clean(session, county):
    """The code action of RULE-SCORE writes the score the rule computes; the edited text checks clean
    in the server and with `mkreport check`."""
    facts = county / "inputs" / "工信局-2023.yaml"
    planted = FACTS.replace(C22_SCORE, C22_SCORE.replace("2.6", "2.5"))
    found = session.after(facts, lambda: session.change(facts, planted))
    rule = next(d for d in found if d.code == "RULE-SCORE")
    actions = session.actions(facts, rule)
    assert [a.title for a in actions] == ["把 C22 的得分改为 2.60"]
    fixed = apply(planted, actions[0].edit.changes[session.uri(facts)])
    assert "    score: 2.60\n    text: 本部门项目绩效目标" in fixed
    assert session.after(facts, lambda: session.change(facts, fixed)) == []
    assert check_json(county, fixed) == []


@pytest.mark.parametrize("original, written", [
    ("fiscal: {budget: 1747.99, adjusted: 7532.81,", "fiscal: {budget: 1747.99, adjusted: 7,532.81,"),
    ("year: 2023\n", "year: 2,023\n"),
])
def test_the_thousands_separator_fix_removes_it(session, county, original, written):
    """A figure written with a thousands separator (in a one-line mapping, or a block value): the
    code action takes the separator out, and the file checks clean again."""
    facts = county / "inputs" / "工信局-2023.yaml"
    planted = FACTS.replace(original, written, 1)
    assert planted != FACTS
    found = session.after(facts, lambda: session.change(facts, planted))
    schema = next(d for d in found if d.code == "SCHEMA")
    assert schema.range.start.line == line_of(planted, written.strip())
    actions = session.actions(facts, schema)
    assert [a.title for a in actions] == [f"去掉千位分隔符：改为 {'7532.81' if '7,532' in written else '2023'}"]
    assert apply(planted, actions[0].edit.changes[session.uri(facts)]) == FACTS
    assert session.after(facts, lambda: session.change(facts, FACTS)) == []


def test_bad_yaml_is_one_diagnostic_at_the_error_and_the_server_lives_on(session, county):
    facts = county / "inputs" / "工信局-2023.yaml"
    broken = FACTS.replace("year: 2023", 'year: "2023', 1)
    found = session.after(facts, lambda: session.change(facts, broken))
    assert [d.code for d in found] == ["INPUT"]
    assert found[0].range.start.line >= line_of(broken, 'year: "2023')
    for hostile in ["", "\x00", "[" * 500, "a: &x [*x]", "- " * 10000, "\ud800", "scores: {C22: {score: 1e999999}}",
                    "rubric: ../../../../etc/passwd\nyear: 2023\ndepartment: {name: x}"]:
        session.after(facts, lambda text=hostile: session.change(facts, text))
        assert session.alive
    assert session.after(facts, lambda: session.change(facts, FACTS)) == []


def test_hover_on_a_value_shows_what_explain_prints(session, county):
    facts = county / "inputs" / "工信局-2023.yaml"
    session.after(facts, lambda: session.change(facts, FACTS))
    row = line_of(FACTS, "  C22:") + 2                  # its score: 2.6
    hover = session.hover(facts, row, 12)
    explained = subprocess.run([sys.executable, "-m", "generator", "explain", str(facts), "C22"], capture_output=True,
                               text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}, cwd=county).stdout
    assert "mkreport explain scores.C22.score" in hover.contents.value
    assert explained.splitlines()[0] in hover.contents.value          # C22 绩效目标完成率（三级指标，满分 3 分）：2.6 分
    assert "按规则：已完成目标 13 ÷ 目标总数 15 × 分值 3 = 2.60" in hover.contents.value
    row = line_of(FACTS, "fiscal: {budget: 1747.99")
    fiscal = session.hover(facts, row, FACTS.splitlines()[row].index("final: ") + 8)
    assert "mkreport explain finance.income.fiscal.final" in fiscal.contents.value
    assert "7532.81" in fiscal.contents.value


def test_completion_offers_ids_fact_paths_and_labels(session, county):
    facts = county / "inputs" / "工信局-2023.yaml"
    row = line_of(FACTS, "  C22:")
    text = FACTS.replace("  C22:\n", "  C\n  C22:\n", 1)
    session.after(facts, lambda: session.change(facts, text))
    ids = session.complete(facts, row, 3)
    assert "C22" in [i.label for i in ids] and "B24" in [i.label for i in ids]
    assert next(i for i in ids if i.label == "C22").detail.startswith("绩效目标完成率（3 分）")

    text = FACTS.replace("    text: 本部门项目绩效目标按", "    text: 收入 {{ finance.inc 本部门项目绩效目标按", 1)
    session.after(facts, lambda: session.change(facts, text))
    row = line_of(text, "{{ finance.inc")
    col = text.splitlines()[row].index("finance.inc") + len("finance.inc")
    paths = {i.label: i.detail for i in session.complete(facts, row, col)}
    assert paths.get("finance.income.fiscal.final") == "7532.81" and paths.get("finance.income.total.final")

    text = FACTS.replace("    text: 本部门项目绩效目标按", "    text: 人员 本部门项目绩效目标按", 1)
    session.after(facts, lambda: session.change(facts, text))
    row = line_of(text, "text: 人员 本部门")
    labels = {i.label: i.detail for i in session.complete(facts, row, 13)}
    assert labels.get("人员经费") == "事实：finance.expenditure.personnel"
    session.after(facts, lambda: session.change(facts, FACTS))


def test_a_rubric_edit_rechecks_the_facts_file_that_uses_it(session, county):
    """A rubric open and edited: its own findings on its own URI; the open facts file checked
    against the edited text (a renamed indicator → SCORE-NAME in the facts file); closed, the
    disk speaks again."""
    facts = county / "inputs" / "工信局-2023.yaml"
    rubric = county / "rubrics" / "yangxi-2023.yaml"
    session.after(facts, lambda: session.change(facts, FACTS))
    assert session.after(rubric, lambda: session.open(rubric, RUBRIC)) == []
    renamed = RUBRIC.replace("name: 绩效目标完成率", "name: 绩效目标完成比例", 1)
    assert renamed != RUBRIC
    session.settle()
    before = len(session.published.get(session.uri(facts), []))
    session.change(rubric, renamed)
    found = session.next(facts, before)
    assert [d.code for d in found] == ["SCORE-NAME"] and "绩效目标完成比例" in found[0].message

    broken = RUBRIC.replace("points: 3\n", "points: 4\n", 1)
    assert broken != RUBRIC
    own = session.after(rubric, lambda: session.change(rubric, broken))
    assert {d.code for d in own} >= {"RUBRIC-SUM"}
    hover = session.hover(rubric, line_of(RUBRIC, "id: C22"), 10)
    assert hover is None                              # a rubric with errors is not described
    session.after(rubric, lambda: session.change(rubric, RUBRIC))
    hover = session.hover(rubric, line_of(RUBRIC, "id: C22"), 10)
    assert "**C22 绩效目标完成率**" in hover.contents.value and "分值 3 分" in hover.contents.value
    assert "计分规则：" in hover.contents.value

    session.change(rubric, renamed)
    session.settle()
    before = len(session.published.get(session.uri(facts), []))
    session.close(rubric)
    assert session.next(facts, before) == []


def test_a_finding_in_a_rubric_not_open_goes_to_the_rubric(session, county):
    """The rubric on disk has an error and is not open: the facts file's check finds it, and the
    editor is told on the rubric's URI (at its line), not on the facts file."""
    facts = county / "inputs" / "工信局-2023.yaml"
    rubric = county / "rubrics" / "yangxi-2023.yaml"
    broken = RUBRIC.replace("points: 3\n", "points: 4\n", 1)
    rubric.write_text(broken, encoding="utf-8")
    try:
        session.settle()
        before = len(session.published.get(session.uri(rubric), []))
        assert session.after(facts, lambda: session.change(facts, FACTS + "\n")) == []
        found = session.next(rubric, before)
        assert [d.code for d in found] == ["RUBRIC-SUM"]
        at = found[0].range                         # C2's points, that its children no longer add up to
        assert broken.splitlines()[at.start.line][at.start.character:at.end.character] == "10"
        assert found[0].message.startswith("C2 效率性 分值 10 ≠ 下级指标分值合计 11")
    finally:
        rubric.write_text(RUBRIC, encoding="utf-8")
    before = len(session.published.get(session.uri(rubric), []))
    session.after(facts, lambda: session.change(facts, FACTS))
    assert session.next(rubric, before) == []


def test_no_traceback_reaches_the_editor(session):
    session.settle()
    assert not [m for m in session.logs if "出错" in m], session.logs
    assert b"Traceback" not in b"".join(session.stderr)


@pytest.mark.parametrize("name", ["pingyuan-2023-as-published", "yangxi-2023-as-published"])
def test_a_second_check_in_one_process_finds_what_the_first_did(name):
    """Readings are kept between checks (derive/claims/reader.py) for the server's sake: a file
    with wrong figures in its prose (a wrong figure silences what is computed from it), checked
    again and again in one process, gets the very findings of a fresh process."""
    from generator.pipeline import check

    path = ROOT / "tests" / "fixtures" / "seeds" / f"{name}.yaml"
    fresh = subprocess.run([sys.executable, "-m", "generator", "check", str(path)], capture_output=True, text=True,
                           env={"PYTHONPATH": str(ROOT), "PATH": ""}).stdout.splitlines()
    assert sum("[PROSE-" in line for line in fresh) >= 5
    for _ in range(3):
        again = [f.text() for f in check(path, str(path)).findings.sorted() if f.code != "DATE-WORD"]
        assert again == fresh


FIXES = [   # (example, what is written, what is planted, the finding, its fix's title)
    ("yangxi-2023", "    score: 2.6\n    text: 本部门项目绩效目标", "    score: 2.5\n    text: 本部门项目绩效目标",
     "RULE-SCORE", "把 C22 的得分改为 2.60"),
    ("yangxi-2023", "    score: 2.6\n    text: 本部门项目绩效目标", "    score: 2.6\n    deduction: 0.5\n    text: 本部门项目绩效目标",
     "SCORE-DEDUCTION", "把 C22 的扣分改为 0.4"),
    ("yangxi-2023", "  C21:\n", "  C2:\n    score: 9.5\n  C21:\n", "SCORE-SUM", "把 C2 的得分改为下级合计 9.6"),
    ("hunan-example-2023", "conclusion:\n", "conclusion:\n  total: 80\n", "TOTAL", "把自评总分改为各一级指标得分合计 96.99"),
    ("pingyuan-2023", "prior: 717.14}", "prior: 717.14, change: 46.7}", "TABLE-CHANGE", "把较上年增减改为 46.76"),
    ("yangxi-2023", "adjusted: 7532.81, final", "adjusted: 7,532.81, final", "SCHEMA", "去掉千位分隔符：改为 7532.81"),
    ("yangxi-2023", "year: 2023\n", "year: 2,023\n", "SCHEMA", "去掉千位分隔符：改为 2023"),
]


@pytest.mark.parametrize("name, written, planted, code, title", FIXES)
def test_a_findings_fix_applied_gives_back_a_file_that_checks_as_before(name, written, planted, code, title):
    """Each finding that computes the right figure carries it as an edit (findings.Fix); applied to the
    text, the file checks exactly as the example did before the slip was planted."""
    from generator.core import buffers
    from generator.model.findings import visible
    from generator.pipeline import check

    path = ROOT / "inputs" / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    assert written in text
    try:
        buffers.edited(path, text)
        before = [(f.code, f.line) for f in visible(check(path, str(path)).findings.sorted())]
        slipped = text.replace(written, planted, 1)
        buffers.edited(path, slipped)
        [found] = [f for f in visible(check(path, str(path)).findings.sorted()) if f.code == code]
        assert found.fix is not None and found.fix.title == title
        fixed = slipped[:found.fix.start] + found.fix.text + slipped[found.fix.end:]
        buffers.edited(path, fixed)
        assert [(f.code, f.fix) for f in visible(check(path, str(path)).findings.sorted())] == \
            [(c, None) for c, _ in before]
    finally:
        buffers.closed(path)


@pytest.fixture(scope="module")
def water(tmp_path_factory):
    """The example department and its two projects (the national form), in a folder of their own."""
    folder = tmp_path_factory.mktemp("lsp-projects")
    (folder / "inputs").mkdir()
    shutil.copy(ROOT / "inputs" / "shuili-2023.yaml", folder / "inputs" / "shuili-2023.yaml")
    shutil.copytree(ROOT / "inputs" / "shuili-2023", folder / "inputs" / "shuili-2023")
    return folder


def test_a_department_open_shows_what_its_projects_must_agree_on_and_a_project_edit_rechecks_it(water):
    """The department's check takes its listed projects as `check` does: a project of another year is the
    department's PROJECT-YEAR at its list entry; the project open and put right in the editor (not saved)
    clears it on the department."""
    dept = water / "inputs" / "shuili-2023.yaml"
    project = water / "inputs" / "shuili-2023" / "农村供水保障工程.yaml"
    original = project.read_text(encoding="utf-8")
    project.write_text(original.replace("year: 2023", "year: 2022", 1), encoding="utf-8")
    with Session(water) as s:
        found = s.after(dept, lambda: s.open(dept, dept.read_text(encoding="utf-8")))
        assert [d.code for d in found] == ["PROJECT-YEAR"], [(d.code, d.message) for d in found]
        assert "农村供水保障工程" in found[0].message
        s.settle()
        before = len(s.published.get(s.uri(dept), []))
        s.open(project, original)                          # the editor holds the project as it should be
        assert s.next(dept, before) == []
        assert s.alive
