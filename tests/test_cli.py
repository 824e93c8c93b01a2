"""CLI wiring: exit codes, formats, --strict, help with examples, no tracebacks."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from paths import ROOT


def test_clean_input_exits_0(run):
    result = run("check", str(ROOT / "inputs" / "hunan-example-2023.yaml"))
    assert result.exit_code == 0
    assert "检查通过" in result.stderr


def test_warnings_do_not_fail_unless_strict(run):
    path = str(ROOT / "inputs" / "pingyuan-2023.yaml")
    assert run("check", path).exit_code == 0
    strict = run("check", "--strict", path)
    assert strict.exit_code == 1 and "[TARGET-NONE]" in strict.stdout


def test_json_format_lists_findings_with_positions(run):
    result = run("check", "--format", "json", str(ROOT / "tests/fixtures/seeds/pingyuan-2023-as-published.yaml"))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["errors"] == 11 and data["warnings"] == 11     # one of them: no 成文日期 (DATE-MISSING)
    swap = next(f for f in data["findings"] if f["code"] == "SCORE-SWAPPED")
    assert swap["path"] == "scores.B13.score" and swap["line"] > 0 and swap["severity"] == "error"
    assert swap["numbers"] == {"stated": "5", "max": "4.5"}


def test_unreadable_input_exits_2_and_others_are_still_checked(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\na: [\n", encoding="utf-8")
    result = run("check", str(bad), str(ROOT / "inputs" / "yangxi-2023.yaml"))
    assert result.exit_code == 2
    assert f"{bad}:2:1: 错误 [INPUT] 键“a”重复出现" in result.stdout


def test_missing_file_exits_2(run, tmp_path):
    result = run("check", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "找不到文件" in result.stdout


def test_schema_errors_name_file_line_and_field(run, tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("year: 2023\nrubric: r.yaml\ndepartment:\n  nmae: 某局\nscores: {}\n", encoding="utf-8")
    result = run("check", str(p))
    assert result.exit_code == 1
    assert f"{p}:4:3: 错误 [SCHEMA-UNKNOWN] 未知字段“nmae”" in result.stdout
    assert "是否想写“name”（部门全称）" in result.stdout
    assert f"{p}:4:3: 错误 [SCHEMA-MISSING] 缺少必填字段 department.name（部门全称）。" in result.stdout


def test_missing_rubric_is_a_finding_on_the_rubric_field(run, tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("year: 2023\nrubric: nowhere.yaml\ndepartment: {name: 某局}\nscores: {}\n", encoding="utf-8")
    result = run("check", str(p))
    assert result.exit_code == 1 and f"{p}:2:9: 错误 [RUBRIC-MISSING]" in result.stdout


@pytest.mark.parametrize("command", [[], ["check"], ["build"], ["schema"], ["list"], ["summary"], ["verify"], ["new"],
                                     ["rollover"], ["explain"], ["text"], ["init"]])
def test_every_command_has_chinese_help_with_an_example(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "示例" in result.stdout and "mkreport" in result.stdout
    assert "Options" not in result.stdout and "选项：" in result.stdout


def test_check_does_not_import_the_rendering_stack(tmp_path):
    """Checking must stay fast: once the template's sources are cached, no docxtpl, docx or lxml
    in the process (Jinja is there: check runs the template's code in its sandbox)."""
    code = ("import sys; from generator.cli import main\n"
            "try: main(['check', 'inputs/yangxi-2023.yaml'])\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in ('docxtpl', 'docx', 'lxml') if m in sys.modules))")
    env = {**os.environ, "MKREPORT_CACHE": str(tmp_path)}
    cold = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    warm = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env)
    assert cold.stdout.strip().splitlines()[-1] == "['docx', 'docxtpl', 'lxml']"
    assert warm.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("args,words", [
    (["--nope"], "没有这个选项 --nope"),
    (["chek", "x"], "没有这个命令“chek”"),
    (["check"], "缺少参数 事实文件...：一个或多个事实文件"),
    (["check", "--format", "xml", "a.yaml"], "选项 --format 的值无效：“xml”不是可选的值，可选：text、json"),
    (["schema", "-o", "/"], "选项 -o/--output 的值无效：“/”是一个文件夹，这里应为文件"),
    (["build", "inputs/yangxi-2023.yaml", "-o", "报告.docx"], "-o 是输出文件夹，“报告.docx”像是一个文件名"),
])
def test_command_line_mistakes_are_explained_in_chinese(args, words):
    out = subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 2
    assert words in out.stderr and "--help" in out.stderr and "Error" not in out.stderr
    assert not re.search(r"Error|Usage|Invalid|Try|directory|option|argument|command", out.stderr)   # click's English


def test_build_goes_on_past_an_unreadable_input(run, tmp_path):
    """Like check: one file that cannot be read is reported, the others are still built."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: 1\na: [\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", str(bad), str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(out))
    assert result.exit_code == 2
    assert f"{bad}:2:1: 错误 [INPUT]" in result.output and (out / "yangxi-2023.docx").is_file()
    assert not (out / "bad.docx").exists()


def test_build_writes_the_formats_asked_for(run, tmp_path, monkeypatch):
    """--to names registered formats; a format that needs another writes that one first."""
    from generator.tasks.formats import FORMATS, plan
    assert [f.name for f in plan(["pdf"])] == ["docx", "pdf"] and set(FORMATS) >= {"docx", "pdf"}
    result = run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "--to", "docx", "-o", str(tmp_path))
    assert result.exit_code == 0 and (tmp_path / "yangxi-2023.docx").is_file()
    bad = run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "--to", "odt")
    assert bad.exit_code == 2 and "选项 --to 的值无效：“odt”不是可选的值" in bad.output
