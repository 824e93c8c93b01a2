"""build, verify and rollover called from Python (tasks/): nothing printed, everything in the result."""
from __future__ import annotations

import shutil

import yaml
from docx import Document
from openpyxl import load_workbook
from paths import FIXTURES, ROOT

from generator.core.errors import ExitCode
from generator.tasks.build import build
from generator.tasks.rollover import rollover
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
