"""Every command's work called from Python (tasks/): nothing printed, everything in the result."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal

import pytest
import yaml
from docx import Document
from openpyxl import load_workbook
from paths import FIXTURES, ROOT

from generator.cli import main
from generator.core.errors import ExitCode, MkreportError
from generator.model.lookup import RUBRIC, TEMPLATE
from generator.tasks.build import build
from generator.tasks.check import check
from generator.tasks.explain import explain
from generator.tasks.importing import import_form
from generator.tasks.listing import list_all
from generator.tasks.new import new
from generator.tasks.repository import init, text
from generator.tasks.rollover import rollover
from generator.tasks.schemas import schema
from generator.tasks.summary import summarize
from generator.tasks.verify import verify

YANGXI = str(ROOT / "inputs" / "yangxi-2023.yaml")


def test_build_returns_the_files_it_wrote_and_prints_nothing(tmp_path, capsys):
    """The written paths, the outcome and the lines the CLI would print are data; the files are real."""
    result = build([YANGXI], tmp_path, ["docx", "xlsx"], jobs=1)
    assert capsys.readouterr() == ("", "")
    docx, xlsx = tmp_path / "yangxi-2023.docx", tmp_path / "yangxi-2023-自评表.xlsx"
    assert result.code == ExitCode.OK
    assert result.written == [docx, xlsx]
    assert [o.status for o in result.outcomes] == ["built"]
    assert result.said.on("info") == [f"已生成 {docx}", f"已生成 {xlsx}"]
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "阳西县工业和信息化局" in text
    assert load_workbook(xlsx).active.max_row > 10


def test_build_of_a_file_with_errors_returns_its_findings(tmp_path, capsys):
    """A refused file: exit 1, its findings as Finding objects, the refusal as a line on err."""
    seed = str(FIXTURES / "seeds" / "yangxi-2023-as-published.yaml")
    result = build([seed, YANGXI], tmp_path, jobs=1)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.FINDINGS
    assert [o.status for o in result.outcomes] == ["refused", "built"]
    codes = {f.code for f in result.outcomes[0].findings}
    assert {"PROSE-FACT", "SCORE-SUM", "TARGET-RESTATED"} <= codes
    assert result.written == [tmp_path / "yangxi-2023.docx"]
    assert any("未生成报告" in line for line in result.said.on("err"))
    assert result.said.on("note")[0].startswith("共 2 个文件：已生成 1 个，未生成 1 个")


def test_verify_returns_the_differences_and_prints_nothing(built, capsys):
    """The report built from its facts matches them; another department's report does not, figure by figure."""
    same = verify(str(built / "yangxi-2023.docx"), YANGXI)
    other = verify(str(built / "pingyuan-2023.docx"), YANGXI)
    assert capsys.readouterr() == ("", "")
    assert same.code == ExitCode.OK and same.differences == [] and same.findings == []
    assert same.said.on("note") == [f"{built / 'yangxi-2023.docx'} 与 {YANGXI} 生成的报告完全一致。"]
    assert other.code == ExitCode.FINDINGS
    assert any(d.figures for d in other.differences)
    assert "VERIFY-FIGURE" in {f.code for f in other.findings}


def test_verify_of_facts_with_errors_returns_their_findings(built, capsys):
    seed = str(FIXTURES / "seeds" / "yangxi-2023-as-published.yaml")
    result = verify(str(built / "yangxi-2023.docx"), seed)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.USAGE and not result.buildable
    assert "PROSE-FACT" in {f.code for f in result.findings}


def test_rollover_returns_what_it_wrote_and_prints_nothing(tmp_path, capsys):
    """The new file, the rubric it names and the counts the CLI says are in the result, and true of the file."""
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    source = tmp_path / "yangxi-2023.yaml"
    shutil.copy(YANGXI, source)
    result = rollover(str(source), 2024, str(tmp_path / "yangxi-2024.yaml"))
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.OK and result.path == tmp_path / "yangxi-2024.yaml"
    written = result.path.read_text(encoding="utf-8")
    assert yaml.safe_load(written)["year"] == 2024
    values = "".join(line for line in written.splitlines(keepends=True) if not line.startswith("#"))
    assert result.unfilled == values.count("待填写") > 0
    assert result.stale == values.count("【上年】") > 0
    assert result.schema_written == tmp_path / "schema" / "facts.schema.json"
    assert result.said.on("info")[0] == (f"已生成 {result.path}：2024 年度，{result.unfilled} 处待填写，"
                                         f"{result.stale} 段上年文字待改写。")


# ---- the other commands' tasks: check, summary, explain, list, schema, text, init, new, import ----

PINGYUAN = str(ROOT / "inputs" / "pingyuan-2023.yaml")
SEED = str(FIXTURES / "seeds" / "yangxi-2023-as-published.yaml")
FORMS = FIXTURES / "forms"


def test_check_returns_the_findings_and_counts_and_prints_nothing(capsys):
    """Each finding once, counted; the exit code follows --strict; the lines said are those check prints."""
    result = check([YANGXI, PINGYUAN], jobs=1)
    strict = check([YANGXI, PINGYUAN], strict=True, jobs=1)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.OK and strict.code == ExitCode.FINDINGS
    assert (result.errors, result.warnings) == (0, 3)
    assert sorted(f.code for f in result.findings) == ["DATE-MISSING", "RUBRIC-POINTS", "TARGET-NONE"]
    assert [o.name for o in result.outcomes] == [YANGXI, PINGYUAN] and not result.unreadable
    assert result.said.on("out") == ["\n".join(f.text() for f in result.findings)]
    assert result.said.on("note") == ["共发现 0 个错误、3 个警告。"]


def test_check_of_a_file_with_errors_and_as_json(capsys):
    result = check([SEED, YANGXI], fmt="json", jobs=1)
    missing = check([str(ROOT / "inputs" / "没有这个文件.yaml")], jobs=1)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.FINDINGS and result.errors > 0
    assert {"PROSE-FACT", "SCORE-SUM", "TARGET-RESTATED"} <= {f.code for f in result.findings}
    body = json.loads(result.said.on("out")[0])         # json: one document, no counts on note
    assert (body["errors"], body["warnings"]) == (result.errors, result.warnings)
    assert result.said.on("note") == []
    assert missing.code == ExitCode.USAGE and missing.unreadable


def test_summary_returns_its_tables_and_the_file_it_wrote(tmp_path, capsys):
    """The department's row holds the score and grade the report prints; the .md written holds it too."""
    result = summarize([YANGXI, SEED], str(tmp_path / "汇总.md"), jobs=1)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.FINDINGS and result.format == "md"
    assert result.written == tmp_path / "汇总.md"
    departments, findings, _ = result.tables
    heads = departments.heads
    row = dict(zip(heads, departments.rows[0]))
    assert (row["部门"], row["总分"], row["等级"], row["状态"]) == ("阳西县工业和信息化局", Decimal("98.2"), "优", "通过")
    assert dict(zip(heads, departments.rows[1]))["状态"] == "有错误"
    assert len(findings.rows) == result.errors + result.warnings > 0
    assert result.text is not None and result.written.read_text(encoding="utf-8") == result.text
    assert "| 阳西县工业和信息化局 | 2023 | 98.2 | 优 |" in result.text
    assert result.said.on("info") == [f"已生成 {tmp_path / '汇总.md'}"]


def test_summary_as_xlsx_and_to_the_screen(tmp_path, capsys):
    xlsx = summarize([YANGXI], str(tmp_path / "s.xlsx"), jobs=1)
    csv_ = summarize([YANGXI], None, "csv", jobs=1)
    assert capsys.readouterr() == ("", "")
    assert load_workbook(xlsx.written).worksheets[0]["A2"].value == "阳西县工业和信息化局"
    assert csv_.written is None and csv_.said.on("out") == [csv_.text.lstrip("\ufeff").rstrip("\n")]
    assert "阳西县工业和信息化局,2023,98.2,优" in csv_.text


def test_explain_returns_the_explanations_and_prints_nothing(capsys):
    result = explain(YANGXI, "C22")
    none = explain(YANGXI, "没有这个东西")
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.OK and result.derived
    [e] = result.explanations
    assert (e.subject, e.value) == ("C22 绩效目标完成率（三级指标，满分 3 分）", "2.6 分")
    assert "按规则：已完成目标 13 ÷ 目标总数 15 × 分值 3 = 2.60" in [s.text for s in e.steps]
    assert result.said.on("out") == [e.text()]
    assert none.code == ExitCode.FINDINGS and none.explanations == []
    assert none.said.on("err")[0].startswith(f"在 {YANGXI} 中找不到“没有这个东西”")


def test_explain_of_facts_that_cannot_be_derived_returns_their_findings(tmp_path, capsys):
    """A rubric not found: the findings that stop it, exit 2, the error line the CLI prints."""
    seed = tmp_path / "seed.yaml"
    shutil.copy(SEED, seed)          # its rubric is named by a path that does not reach from here
    result = explain(str(seed), "C22", fmt="json")
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.USAGE and not result.derived and result.explanations == []
    assert [f.code for f in result.findings if f.severity == "error"] == ["RUBRIC-MISSING"]
    assert result.said.on("err") == [f"{seed}: 错误 事实文件或评分体系有错误，无法推算；请先改正上面的错误。"]


def test_list_returns_the_entries_and_prints_nothing(capsys):
    result = list_all(YANGXI, fmt="json")
    assert capsys.readouterr() == ("", "")
    assert result.folder == ROOT / "inputs"
    assert {"yangxi-2023", "pingyuan-2023", "hunan-2023", "national-form"} <= set(result.names(RUBRIC))
    assert {"yangxi", "hunan"} <= set(result.names(TEMPLATE))
    yangxi = next(e for e in result.entries[RUBRIC] if e.name == "yangxi-2023")
    assert yangxi.found.path == ROOT / "rubrics" / "yangxi-2023.yaml"
    assert json.loads(result.said.on("out")[0]) == result.as_json()


def test_schema_returns_its_text_and_the_file_written(tmp_path, capsys):
    facts = schema("facts")
    rubric = schema("rubric", str(tmp_path / "r.json"))
    assert capsys.readouterr() == ("", "")
    assert json.loads(facts.text)["$id"].endswith("facts.schema.json") and facts.written is None
    assert "year" in json.loads(facts.text)["properties"]
    assert rubric.written == tmp_path / "r.json" and rubric.written.read_text(encoding="utf-8") == rubric.text
    assert json.loads(rubric.text)["$id"].endswith("rubric.schema.json")
    assert rubric.said.on("info") == [f"已生成 {tmp_path / 'r.json'}"]


def test_text_returns_the_reports_lines_and_prints_nothing(built, capsys):
    """The lines are the report's paragraphs as Word holds them, numbered as verify counts them."""
    report = str(built / "yangxi-2023.docx")
    plain, numbered = text(report), text(report, numbered=True)
    assert capsys.readouterr() == ("", "")
    # a line break inside a paragraph (the title's) is a space: one paragraph, one line
    paragraphs = [p.text.replace("\n", " ").strip() for p in Document(report).paragraphs if p.text.strip()]
    assert plain.lines[:5] == paragraphs[:5]
    assert numbered.lines[0] == f"第 1 段：{paragraphs[0]}" and "阳西县工业和信息化局" in paragraphs[0]
    assert any(line.startswith("第 1 张表第 1 行：| ") for line in numbered.lines)
    assert plain.outside == 0 and plain.said.on("err") == []


def test_init_returns_what_it_made_and_prints_nothing(tmp_path, capsys):
    repo = tmp_path / "县仓库"
    result = init(str(repo), ["yangxi-2023"])
    again = init(str(repo))
    assert capsys.readouterr() == ("", "")
    assert result.root == repo
    assert {repo / ".gitattributes", repo / "README.md", repo / "schema" / "facts.schema.json",
            repo / "inputs" / "说明.txt"} <= set(result.made)
    assert result.rubrics == [repo / "rubrics" / "yangxi-2023.yaml"]
    copied = result.rubrics[0].read_text(encoding="utf-8")
    assert copied.startswith("# yaml-language-server: $schema=../schema/rubric.schema.json")
    assert result.said.on("info")[:len(result.made)] == [f"已生成 {p}" for p in result.made]
    assert again.made == [] and again.rubrics == []          # a county's own files are never replaced
    if shutil.which("git"):
        assert result.git_ready and (repo / ".git").is_dir()
    with pytest.raises(MkreportError, match="不是文件夹"):
        init(YANGXI)


def test_new_returns_the_file_it_wrote_and_prints_nothing(tmp_path, capsys):
    result = new("yangxi-2023", str(tmp_path / "工信局-2024.yaml"), 2024, "阳西县工业和信息化局")
    assert capsys.readouterr() == ("", "")
    written = result.path.read_text(encoding="utf-8")
    assert result.code == ExitCode.OK and result.path == tmp_path / "工信局-2024.yaml"
    assert (yaml.safe_load(written)["year"], result.year) == (2024, 2024)
    assert result.rubric == "阳西县部门整体支出绩效自评指标体系（2023年度）"
    assert result.template == ROOT / "templates" / "yangxi.docx" and result.omitted
    values = "".join(line.split("#")[0] for line in written.splitlines())
    assert result.unfilled == values.count("待填写") > 0
    assert result.schema_written == tmp_path / "schema" / "facts.schema.json"
    with pytest.raises(MkreportError, match="已存在"):
        new("yangxi-2023", str(result.path), 2024)


def test_new_with_a_rubric_that_has_errors_returns_its_findings(tmp_path, capsys):
    rubric = ROOT / "tests" / "corpus" / "rubric-unbalanced.yaml"
    result = new(str(rubric), str(tmp_path / "n.yaml"), 2024)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.USAGE and not result.path.exists()
    assert [f.code for f in result.findings] == ["RUBRIC-TOTAL", "RUBRIC-SUM"]
    assert result.said.on("err")[-1].endswith("有错误，请先改正。")


def test_import_returns_the_cells_it_read_and_prints_nothing(tmp_path, capsys):
    """Every cell read, the slips of the published form, and what check finds in the new file."""
    result = import_form(str(FORMS / "zhongjiang-2022-water.xlsx"), str(tmp_path / "z.yaml"), explain=True)
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.OK and result.path.exists()
    assert result.values == sum(v != "（空白）" for *_, v in result.rows) == 81
    assert result.check_errors == 3              # FORM-POINTS twice, FORM-TOTAL (tests/fixtures/forms/SOURCE.md)
    facts = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert facts["rubric"] == "national-form" and result.rubric_written is None
    cells = {path: value for cell, path, zh, value in result.rows}
    assert cells["year"] == str(facts["year"])
    assert len(result.said.on("out")) == len(result.rows) + 1          # --explain: the table, a heading line


def test_import_of_a_form_with_its_own_points_writes_a_rubric(tmp_path, capsys):
    result = import_form(str(FORMS / "qingshen-2023-wages.xlsx"), str(tmp_path / "q.yaml"))
    assert capsys.readouterr() == ("", "")
    assert result.rubric_written == tmp_path / "q-评分体系.yaml" and result.rubric_written.exists()
    assert (result.values, result.blanks, result.check_errors) == (28, 5, 5)
    assert yaml.safe_load(result.path.read_text(encoding="utf-8"))["rubric"] == "./q-评分体系.yaml"
    with pytest.raises(MkreportError, match="已存在"):
        import_form(str(FORMS / "qingshen-2023-wages.xlsx"), str(result.path))


# ---- every command of the CLI has a task that returns its data and prints nothing ----------------

def _calls(tmp_path, built) -> dict:
    """A call of each command's task, as the command makes it (cli.py's command list must match)."""
    report = str(built / "yangxi-2023.docx")
    return {
        "check": lambda: check([YANGXI], jobs=1),
        "build": lambda: build([YANGXI], tmp_path / "out", jobs=1),
        "summary": lambda: summarize([YANGXI], str(tmp_path / "s.md"), jobs=1),
        "verify": lambda: verify(report, YANGXI),
        "new": lambda: new("hunan-2023", str(tmp_path / "n.yaml"), 2024),
        "text": lambda: text(report),
        "init": lambda: init(str(tmp_path / "repo")),
        "explain": lambda: explain(YANGXI, "C1"),
        "import": lambda: import_form(str(FORMS / "renamed-sheet.xlsx"), str(tmp_path / "i.yaml")),
        "rollover": lambda: rollover(YANGXI, 2024, str(tmp_path / "r.yaml")),
        "list": lambda: list_all(YANGXI),
        "schema": lambda: schema("template"),
    }


# `mkreport lsp` is a server that speaks LSP on stdin/stdout for as long as the editor runs: it prints no lines and
# returns no result; what it does is tested over a real LSP connection (tests/test_lsp.py)
SERVERS = {"lsp"}


@pytest.mark.parametrize("command", sorted(set(main.commands) - SERVERS))
def test_every_command_is_a_task_that_prints_nothing(command, tmp_path, built, capsys):
    """Each command of the CLI's own list: its work called from Python says its lines into the
    result (the command prints those) and prints nothing itself."""
    calls = _calls(tmp_path, built)
    assert command in calls, f"mkreport {command}: no task in tests/test_tasks.py::_calls"
    result = calls[command]()
    assert capsys.readouterr() == ("", "")
    assert result.code == ExitCode.OK
    assert [channel for channel, _ in result.said.lines if channel != "step"]     # something for the CLI to print


def test_the_task_list_is_the_clis_command_list(tmp_path, built):
    assert sorted(_calls(tmp_path, built)) == sorted(set(main.commands) - SERVERS)
    assert SERVERS <= set(main.commands)
