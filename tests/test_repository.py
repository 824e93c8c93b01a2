"""`mkreport text` and `mkreport init`: reports that diff in git, in a county's repository."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from paths import ROOT


def test_a_report_as_text(tmp_path, run):
    assert run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(tmp_path)).exit_code == 0
    result = run("text", str(tmp_path / "yangxi-2023.docx"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "阳西县工业和信息化局 2023年部门整体支出绩效自评报告"
    assert "| 项目（按支出性质和经济分类） | 年初预算数 | 调整预算数 | 决算数 |" in lines
    assert "| 人员经费 | 653.60 | 796.02 | 796.02 |" in lines
    assert any(line.startswith("2023年，我局预算收入1747.99万元") for line in lines)
    bad = tmp_path / "x.docx"
    bad.write_text("不是 Word", encoding="utf-8")
    result = run("text", str(bad))
    assert result.exit_code == 2 and "无法读取报告：它不是有效的 Word 文档" in result.output


def test_init_lays_out_a_county_repository_and_keeps_what_is_there(tmp_path, run):
    (tmp_path / "县").mkdir()
    (tmp_path / "县" / "README.md").write_text("本县自己的说明", encoding="utf-8")
    result = run("init", str(tmp_path / "县"))
    assert result.exit_code == 0
    for sub in ("inputs", "rubrics", "templates", "outputs", "schema"):
        assert (tmp_path / "县" / sub).is_dir()
    assert (tmp_path / "县" / "README.md").read_text(encoding="utf-8") == "本县自己的说明"
    assert "*.docx diff=mkreport" in (tmp_path / "县" / ".gitattributes").read_text(encoding="utf-8")
    assert (tmp_path / "县" / "schema" / "facts.schema.json").is_file()
    # the reference TEMPLATE-NAME sends a county to, as shipped
    assert (tmp_path / "县" / "schema" / "template.md").read_bytes() == (ROOT / "schema" / "template.md").read_bytes()


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def _shell(repo, env):
    """Run a command in `repo` with `env`; its output as text, a failure with what it said."""
    def sh(*cmd):
        done = subprocess.run(list(cmd), cwd=repo, env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        return done.stdout.decode("utf-8")
    return sh


def test_one_figure_changed_shows_its_sentence_in_git_diff(tmp_path):
    """The whole loop: init, a facts file, build, commit, change one figure, build, git diff."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               GIT_AUTHOR_NAME="财政局", GIT_AUTHOR_EMAIL="czj@example.invalid",
               GIT_COMMITTER_NAME="财政局", GIT_COMMITTER_EMAIL="czj@example.invalid", GIT_CONFIG_NOSYSTEM="1",
               HOME=str(tmp_path))
    repo = tmp_path / "县"

    sh = _shell(repo, env)
    repo.mkdir()
    sh(sys.executable, "-m", "generator", "init", ".")
    facts = repo / "inputs" / "商务局-2023.yaml"
    shutil.copy(ROOT / "inputs" / "hunan-example-2023.yaml", facts)
    sh(sys.executable, "-m", "generator", "build", str(facts), "-o", "outputs")
    sh("git", "add", "-A")
    sh("git", "commit", "-q", "-m", "商务局 2023")
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("    retired: 11\n", "    retired: 12\n"), encoding="utf-8")
    sh(sys.executable, "-m", "generator", "build", str(facts), "-o", "outputs")
    diff = sh("git", "diff", "--", "outputs/商务局-2023.docx")
    assert "Binary files" not in diff
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    assert len(removed) == len(added) == 1, diff                      # one sentence, nothing else
    assert removed[0].endswith("退休人员11人。") and added[0].endswith("退休人员12人。")
    assert added[0][1:].replace("退休人员12人", "退休人员11人") == removed[0][1:]


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_diff_shows_reports_as_text_with_no_virtual_environment_activated(tmp_path):
    """`init` writes this interpreter's full path into the repository's own git settings, and
    core.quotepath off: with no venv on PATH (no `mkreport` command at all), `git diff` still shows
    the report's sentences, and the Chinese file name as it is, not as "\\345\\225…"."""
    bare_path = os.pathsep.join(p for p in ("/usr/bin", "/bin") if os.path.isdir(p))
    assert shutil.which("mkreport", path=bare_path) is None
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "GIT_DIR", "GIT_WORK_TREE")}
    env.update(PATH=os.pathsep.join([bare_path, os.path.dirname(shutil.which("git"))]), HOME=str(tmp_path),
               GIT_AUTHOR_NAME="财政局", GIT_AUTHOR_EMAIL="czj@example.invalid", GIT_CONFIG_NOSYSTEM="1",
               GIT_COMMITTER_NAME="财政局", GIT_COMMITTER_EMAIL="czj@example.invalid")
    repo = tmp_path / "县"

    sh = _shell(repo, env)
    repo.mkdir()
    said = sh(sys.executable, "-m", "generator", "init", ".")
    assert "core.quotepath off" in said
    textconv = sh("git", "config", "--local", "diff.mkreport.textconv").strip()
    assert textconv == f"{sys.executable} -m generator text" or textconv.startswith(f"'{sys.executable}'")
    assert sh("git", "config", "--local", "core.quotepath").strip() == "off"
    facts = repo / "inputs" / "工信局-2023.yaml"
    shutil.copy(ROOT / "inputs" / "yangxi-2023.yaml", facts)
    sh(sys.executable, "-m", "generator", "build", str(facts), "-o", "outputs")
    sh("git", "add", "-A")
    sh("git", "commit", "-q", "-m", "工信局 2023")
    text = facts.read_text(encoding="utf-8")
    assert "    retired: 24\n" in text
    facts.write_text(text.replace("    retired: 24\n", "    retired: 25\n"), encoding="utf-8")
    sh(sys.executable, "-m", "generator", "build", str(facts), "-o", "outputs")
    diff = sh("git", "diff")
    assert "diff --git a/outputs/工信局-2023.docx b/outputs/工信局-2023.docx" in diff, diff[:300]
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert any(line.startswith("-") and "退休人员24人" in line for line in changed), diff
    assert any(line.startswith("+") and "退休人员25人" in line for line in changed), diff
    assert " M outputs/工信局-2023.docx" in sh("git", "status", "--porcelain").splitlines()
