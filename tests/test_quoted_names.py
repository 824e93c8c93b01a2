"""File names quoted in messages: a line break (or any other control character) in a file's name
is shown as a visible symbol, so a name cannot forge an "已生成 …" line, a finding line or a
line of YAML."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from paths import ROOT

from generator.core.console import shown

EVIL = "a\n已生成 evil.docx.yaml"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    (tmp_path / "rubrics").symlink_to(ROOT / "rubrics")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _copy(folder: Path, name: str, seed: str = "yangxi-2023") -> str:
    try:
        shutil.copy(ROOT / "inputs" / f"{seed}.yaml", folder / name)
    except OSError:                             # a file system that refuses such names
        pytest.skip("this file system does not take control characters in names")
    return name


def test_control_characters_are_shown_as_symbols():
    assert shown("a\nb") == "a⏎b"
    assert shown("\t\r\x1b[2J\x7f") == "␉␍␛[2J␡"
    assert shown("名\u202egpj.yaml\x85") == "名<U+202E>gpj.yaml<U+0085>"
    assert shown("阳西县 工信局-2023.yaml") == "阳西县 工信局-2023.yaml"      # what is printable stays


def test_a_line_break_in_a_name_forges_no_line_of_build(folder, run):
    names = [_copy(folder, EVIL), _copy(folder, "b.yaml", "hunan-example-2023")]
    for jobs in ("1", "2"):
        result = run("build", *names, "-o", f"out{jobs}", "-j", jobs)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert f"已生成 out{jobs}/a⏎已生成 evil.docx.docx" in lines
        assert not any(line.startswith("已生成 evil") for line in lines), lines
        assert (folder / f"out{jobs}" / "a\n已生成 evil.docx.docx").exists()      # the file as named


def test_a_line_break_in_a_name_forges_no_finding_line(folder, run):
    fake = "ok\nfake.yaml:1:1: 错误 [TOTAL] 伪造.yaml"
    (folder / fake).write_text("year: [\n", encoding="utf-8")
    result = run("check", fake)
    assert result.exit_code == 2
    assert not any(line.startswith("fake.yaml") for line in result.output.splitlines())
    assert "ok⏎fake.yaml:1:1: 错误 [TOTAL] 伪造.yaml:2:1: 错误 [INPUT]" in result.output


def test_every_message_quotes_the_name_on_one_line(folder, run):
    _copy(folder, EVIL)
    missing = run("build", "x\ny.yaml", "-o", "out")
    assert "x⏎y.yaml:1:1: 错误 [INPUT]" in missing.output or "x⏎y.yaml: 错误" in missing.output, missing.output
    assert not any(line.startswith("y.yaml") for line in missing.output.splitlines())
    csv = run("summary", EVIL, "--format", "csv").output
    assert csv.splitlines()[1].endswith(",a⏎已生成 evil.docx.yaml")
    verify = run("verify", "no\nsuch.docx", EVIL)
    assert verify.exit_code == 2 and "no⏎such.docx" in verify.output
    assert not any(line.startswith("such.docx") for line in verify.output.splitlines())
    usage = run("check", "--format", "a\n已生成 x", EVIL)
    assert usage.exit_code == 2 and "已生成 x" in usage.output
    assert not any(line.startswith("已生成") for line in usage.output.splitlines())
    escape = run("check", "\x1b[2Jclear.yaml")
    assert "\x1b" not in escape.output and "␛[2Jclear.yaml" in escape.output


def test_rollover_writes_the_source_name_on_one_comment_line(folder, run):
    """The new file's header names its source: a line break in that name must not start a line of YAML."""
    source = _copy(folder, "上年\nrubric: evil.yaml")
    result = run("rollover", source, "--year", "2024", "-o", "new.yaml")
    assert result.exit_code == 0, result.output
    header = (folder / "new.yaml").read_text(encoding="utf-8").splitlines()
    assert not any(line.startswith("rubric: evil") for line in header)
    assert any(line.startswith("# 由 mkreport rollover 从 上年⏎rubric: evil.yaml（2023 年度）") for line in header)
