"""The shipped examples check without a warning, or the README says why one is expected; a report
without its 成文日期 is warned about."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from paths import ROOT

from generator.pipeline import check

EXAMPLES = sorted(p.name for p in (ROOT / "inputs").glob("*.yaml"))


def expected_in_readme(name: str) -> list[str]:
    """The warnings the README's table of examples gives for one file, in its order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(rf"^\| `{re.escape(name)}` \| `([A-Z-]+)` \| .+\|$", readme, re.M)


@pytest.mark.parametrize("name", EXAMPLES)
def test_each_example_warns_only_as_the_readme_explains(name):
    found = check(ROOT / "inputs" / name).findings
    assert not found.errors, [f.text() for f in found.sorted()]
    assert sorted(f.code for f in found) == sorted(expected_in_readme(name)), [f.text() for f in found.sorted()]


def test_the_newcomers_first_build_says_nothing_but_that_it_built(tmp_path, run):
    """The README's first command: the 阳西 example builds with no warning at all."""
    result = run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(tmp_path))
    assert result.exit_code == 0 and "警告" not in result.output, result.output
    result = run("check", "--strict", str(ROOT / "inputs" / "yangxi-2023.yaml"))
    assert result.exit_code == 0


def test_full_marks_kept_against_unmet_targets_say_so_in_the_report(tmp_path, run):
    """The published score is kept; the report states which targets were missed and the report's own
    judgement, instead of hiding the table's result."""
    from docx import Document
    assert run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(tmp_path)).exit_code == 0
    body = [p.text for p in Document(str(tmp_path / "yangxi-2023.docx")).paragraphs]
    c3 = next(p for p in body if p.startswith("3.效果性。指标总分20分，自评得分20分。"))
    assert "基本按预期完成" in c3 and "进出口总额、高新技术企业数量两个目标未完成" in c3


def without_date(tmp_path: Path, replacement: str = "") -> Path:
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    path = tmp_path / "x.yaml"
    path.write_text(text.replace("report_date: 2024-03-29\n", replacement), encoding="utf-8")
    return path


def test_a_report_without_its_date_is_warned(tmp_path, run):
    path = without_date(tmp_path)
    result = run("check", str(path))
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if "[DATE-MISSING]" in l)
    assert line.startswith(f"{path}:8:1: 警告 [DATE-MISSING] 没有成文日期（report_date）：报告落款只有部门名称、不写日期。")
    assert "report_date: 2024-03-31" in line
    assert run("check", "--strict", str(path)).exit_code == 1


@pytest.mark.parametrize("written,code", [
    ("report_date: 2024-03-29\n", None),              # the twin: dated
    ("report_date: 待填写\n", "UNFILLED"),             # still to write: said once, as unfilled
    ("report_date: 2024-13-01\n", "SCHEMA"),           # not a date: said where it is written
])
def test_a_date_written_is_never_also_missing(tmp_path, run, written, code):
    result = run("check", str(without_date(tmp_path, written)))
    assert "DATE-MISSING" not in result.output
    assert code is None or f"[{code}]" in result.output
