"""The bad-input corpus (tests/corpus/cases.yaml): every case refused cleanly by check and build.

For each case: the documented exit code, the Chinese message (with file:line where a line
exists), no traceback, nothing written to the output folder, and the input left untouched.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
import yaml
from paths import ROOT

CORPUS = ROOT / "tests" / "corpus"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))


def materialise(case: dict, tmp: Path) -> Path:
    """The case's input file inside tmp (copied next to what its relative paths need)."""
    shutil.copytree(ROOT / "rubrics", tmp / "rubrics")
    (tmp / "inputs").mkdir()
    base = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    if "file" in case:
        shutil.copytree(CORPUS, tmp / "tests" / "corpus")
        return tmp / "tests" / "corpus" / case["file"]
    path = tmp / "inputs" / "case.yaml"
    if "base" in case:
        base = (ROOT / case["base"]).read_text(encoding="utf-8")
        old, new = case["replace"]
        assert old in base, old
        path.write_text(base.replace(old, new, 1), encoding="utf-8")
        return path
    if "template" in case:
        write_template(case["template"], tmp / "inputs" / "case.docx")
        path.write_text(base.replace("rubric: yangxi-2023\n", "rubric: yangxi-2023\ntemplate: ./case.docx\n", 1),
                        encoding="utf-8")
        return path
    if "rubric" in case:
        rubric = {"passwd": "/etc/passwd", "long": "../rubrics/" + "长" * 300 + ".yaml",
                  "secret": "./secret.yaml", "decimals": "../rubrics/decimals.yaml"}[case["rubric"]]
        (tmp / "inputs" / "secret.yaml").write_text("password: hunter2\ntoken: s3cr3t\n", encoding="utf-8")
        own = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")
        (tmp / "rubrics" / "decimals.yaml").write_text(own.replace("score_decimals: 2", "score_decimals: 99999"),
                                                       encoding="utf-8")
        path.write_text(base.replace("rubric: yangxi-2023\n", f"rubric: {rubric}\n", 1), encoding="utf-8")
        return path
    kind = case["generate"]
    if kind == "fifo":
        os.mkfifo(path)
        return path
    if kind == "dev-zero":
        return Path("/dev/zero")
    if kind.startswith("control-"):
        ch = chr(int(kind.split("-")[1], 16))
        path.write_text(base.replace("other_notes: 无。", f"other_notes: 无{ch}。"), encoding="utf-8")
    elif kind == "gbk":
        path.write_bytes(base.encode("gb18030"))
    elif kind == "utf16":
        path.write_bytes(base.encode("utf-16"))
    elif kind == "undecodable":         # GBK with a byte no encoding has, in other_notes
        notes = "other_notes: 无".encode("gb18030")
        path.write_bytes(base.encode("gb18030").replace(notes, notes + b"\xff", 1))
    elif kind == "huge":
        with open(path, "wb") as fh:      # sparse: 60 MB on paper, nothing on disk
            fh.truncate(60 * 1024 * 1024)
    elif kind == "missing":
        return tmp / "inputs" / "nope.yaml"
    elif kind == "directory":
        return tmp / "inputs"
    return path


TEMPLATE_TAGS = {
    "div0": "{{ 1/0 }}",
    "range": "{% for i in range(10**9) %}x{% endfor %}",
    "nested": "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    "repeat": "{{ 'x' * 1000000000 }}",
    "doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "power": "{{ 7 ** 99999999 }}",
    "center": "{{ 'x'|center(2000000000) }}",
    "output": "{% for i in range(99999) %}{{ 'y' * 999 }}{% endfor %}",
}


def write_template(kind: str, target: Path) -> None:
    """A hostile or broken variant of the shipped 阳西 template."""
    import zipfile
    source = ROOT / "templates" / "yangxi.docx"
    if kind == "not-zip":
        target.write_text("这不是 Word 文档", encoding="utf-8")
        return
    if kind == "truncated":
        target.write_bytes(source.read_bytes()[:20000])
        return
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                if kind == "bomb":            # 17 MB of spaces pack into ~17 KB
                    text = text.replace("<w:body>", "<w:body><!--" + " " * 17_000_000 + "-->", 1)
                elif kind in TEMPLATE_TAGS:
                    text = text.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{TEMPLATE_TAGS[kind]}</w:t></w:r></w:p>", 1)
                data = text.encode("utf-8")
            zout.writestr(info, data)
        if kind == "bomb-media":              # seven 16 MB pictures of nothing: 112 MB from ~120 KB
            for i in range(7):
                zout.writestr(f"word/media/image{i}.png", bytes(16 << 20))


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.mark.parametrize("command", ["check", "build"])
@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_is_refused_cleanly(case, command, tmp_path, run, monkeypatch):
    from generator.core import limits
    for name, value in (case.get("limits") or {}).items():
        monkeypatch.setattr(limits, name, value)
    path = materialise(case, tmp_path)
    before = digest(path) if path.is_file() else None
    out = tmp_path / "out"
    args = [command, str(path)] + (["-o", str(out)] if command == "build" else [])
    result = run(*args)
    output = result.output
    assert "Traceback" not in output and "内部错误" not in output, output
    assert result.exit_code == case["exit"], output
    assert case["message"] in output, output
    for text in case.get("absent", []):
        assert text not in output, output
    if case.get("line"):
        assert f"{path}:{case['line']}:" in output, output
    assert (digest(path) if path.is_file() else None) == before
    if case["exit"] == 0 and command == "build":
        assert (out / "case.docx").is_file() and not [p for p in out.iterdir() if p.name.startswith(".")]
    else:
        assert not out.exists() or not any(out.iterdir())


def test_bom_and_crlf_are_accepted(tmp_path, run):
    """A file saved by Windows Notepad (UTF-8 with BOM, CRLF line ends) checks and builds."""
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "yangxi-2023.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run("check", str(path)).exit_code == 0
    assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0


def test_output_folder_that_is_a_file(tmp_path, run):
    blocker = tmp_path / "outputs"
    blocker.write_text("not a folder")
    result = run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(blocker))
    assert result.exit_code == 2 and "无法写入文件夹" in result.output
    assert "Traceback" not in result.output and blocker.read_text() == "not a folder"


def test_user_text_is_data_never_code(workdir, run):
    """Jinja syntax and XML specials in user text appear literally in the report."""
    path = workdir / "inputs" / "yangxi-2023.yaml"
    nasty = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %} {{ ''.__class__.__mro__ }} R&D <b>粗体</b> 5 > 3 & “引号”"
    import json
    text = path.read_text(encoding="utf-8").replace("other_notes: 无。", "other_notes: " + json.dumps(nasty, ensure_ascii=False))
    path.write_text(text, encoding="utf-8")
    assert run("check", str(path)).exit_code == 0
    result = run("build", str(path), "-o", str(workdir / "out"))
    assert result.exit_code == 0, result.output
    from docx import Document
    paras = [p.text for p in Document(str(workdir / "out" / "yangxi-2023.docx")).paragraphs]
    assert nasty in paras
    assert not any("49" == p.strip() for p in paras)


def render_one_line_template(tmp_path: Path, line: str, context: dict) -> str:
    """Render a template holding one paragraph; the error message if rendering is refused."""
    from docx import Document

    from generator.core.errors import MkreportError
    from generator.render.docx import render_docx
    doc = Document()
    doc.add_paragraph(line)
    path = tmp_path / "one.docx"
    doc.save(path)
    with pytest.raises(MkreportError) as err:
        render_docx(path, context)
    return err.value.message


def test_a_template_cannot_reach_python_internals(tmp_path):
    """A hostile template is stopped by the sandbox with a clean error, not run."""
    message = render_one_line_template(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}", {})
    assert "模板 one.docx 出错：模板试图访问不安全的内容，已被沙箱阻止。" in message and "unsafe" not in message


def test_an_undefined_name_in_a_template_is_an_error(tmp_path):
    message = render_one_line_template(tmp_path, "{{ departmnet.name }}", {"dept": {}})
    assert "用到了不存在的名字“departmnet”" in message and "undefined" not in message


@pytest.mark.slow
def test_two_builds_at_once_into_one_folder(tmp_path):
    """Concurrent builds each write through their own temporary file: both results are whole."""
    import subprocess
    import sys
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "generator.cli", "build", "inputs/yangxi-2023.yaml", "inputs/pingyuan-2023.yaml",
           "-o", str(out)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0 and b"Traceback" not in err
    from docx import Document
    names = sorted(p.name for p in out.iterdir())
    assert names == ["pingyuan-2023.docx", "yangxi-2023.docx"]      # no temporary file left behind
    for name in names:
        assert Document(str(out / name)).paragraphs[0].text.endswith("部门整体支出绩效自评报告")


def test_check_and_build_never_write_the_input(tmp_path, run):
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    path = tmp_path / "inputs" / "yangxi-2023.yaml"
    before = (digest(path), path.stat().st_mtime_ns)
    run("check", str(path))
    run("build", str(path), "-o", str(tmp_path / "out"))
    assert (digest(path), path.stat().st_mtime_ns) == before


def test_permission_denied_output_folder(tmp_path, run, monkeypatch):
    """Root ignores folder permissions, so the refusal is simulated where the OS would give it."""
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    result = run("build", str(ROOT / "inputs" / "yangxi-2023.yaml"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "无法写入文件夹" in result.output and "没有权限" in result.output and "Permission" not in result.output
    assert "Traceback" not in result.output and not any((tmp_path / "out").iterdir())


def test_a_template_cannot_include_files(tmp_path):
    message = render_one_line_template(tmp_path, "{% include '/etc/passwd' %}", {})
    assert "模板 one.docx 出错：模板不能包含或引用其他文件" in message and "root:" not in message
