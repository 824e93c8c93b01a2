"""Hardening, round 3 (issue 18): damaged containers are bad input, not a crash."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def damaged(tmp_path: Path, method: int, how: str) -> Path:
    """The shipped template's parts, stored with `method`, word/document.xml's stream then damaged."""
    src = zipfile.ZipFile(ROOT / "templates" / "yangxi.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
    data = bytearray(buf.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    if how == "stream":
        data[start + 60:start + 120] = b"\xff" * 60
    else:                         # the member cut short, the directory kept
        data = data[:start + 200] + data[start + info.compress_size:]
    path = tmp_path / f"坏的 {method}-{how}.docx"
    path.write_bytes(bytes(data))
    return path


CASES = [(zipfile.ZIP_DEFLATED, "stream"), (zipfile.ZIP_BZIP2, "stream"), (zipfile.ZIP_LZMA, "stream"),
         (zipfile.ZIP_DEFLATED, "cut")]


@pytest.mark.parametrize("method,how", CASES)
def test_text_and_verify_refuse_a_damaged_docx_with_exit_2(tmp_path, run, method, how):
    path = damaged(tmp_path, method, how)
    result = run("text", str(path))
    assert result.exit_code == 2, result.output
    assert "它不是有效的 Word 文档（.docx）" in result.output and "内部错误" not in result.output
    result = run("verify", str(path), str(ROOT / "inputs" / "yangxi-2023.yaml"))
    assert result.exit_code == 2, result.output
    assert "它不是有效的 Word 文档（.docx）" in result.output and "内部错误" not in result.output


@pytest.mark.parametrize("method,how", CASES[:2])
def test_a_damaged_template_is_a_finding(workdir, run, method, how):
    template = damaged(workdir / "inputs", method, how)
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "rubric: yangxi-2023", f"rubric: yangxi-2023\ntemplate: {template.name}", 1), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and "[TEMPLATE-INVALID]" in result.output and "内部错误" not in result.output


# ---- limits hold when a template is compiled, and inside one C call ------------------------------

BIG = [
    '{{ "a" | center(900000000) }}',
    '{{ "%900000000s" | format("a") }}',
    '{{ "%*s" | format(900000000, "a") }}',
    '{{ ("a" * 100000) | replace("", "bbbbbbbbbb") }}',
    '{{ ("a" * 100000).replace("", "bbbbbbbbbb") }}',
    '{{ ("a\n" * 100000) | indent(10000) }}',
    '{{ ("\t" * 100000).expandtabs(100000) }}',
    '{{ "a".center(900000000) }}',
    '{{ "a".zfill(900000000) }}',
    '{{ "{:900000000}".format("a") }}',
    '{{ "{:{w}}".format("a", w=900000000) }}',
    '{{ ("x" * 100000).join(["a"] * 100000) }}',
    '{{ (["a"] * 100000) | join("x" * 100000) }}',
    '{{ ("a " * 100000) | wordwrap(1, true, "y" * 100) }}',
]


@pytest.mark.parametrize("source", BIG)
def test_a_value_too_large_is_refused_before_it_is_built(source):
    from generator.environment import environment
    from generator.limits import TemplateLimit, render_limits
    with pytest.raises(TemplateLimit), render_limits():
        environment().from_string(source).render()


def test_constants_are_not_folded_while_compiling():
    """Jinja's optimizer would run `center` on constants at compile time, outside every limit."""
    from generator.environment import environment
    code = environment().compile('{{ "a" | center(900000) }}', raw=True)
    assert len(code) < 10_000 and "center" in code


def test_small_values_still_render():
    from generator.environment import environment
    assert environment().from_string('{{ "a" | center(5) }}|{{ "%5s" | format("b") }}|{{ [1, 2] | join(", ") }}'
                                      ).render() == "  a  |    b|1, 2"


def test_a_template_that_folds_a_huge_constant_is_a_limit_finding(workdir, run):
    from docx import Document
    doc = Document(str(ROOT / "templates" / "yangxi.docx"))
    doc.add_paragraph('{{ "a" | center(900000000) }}')
    doc.save(str(workdir / "inputs" / "大.docx"))
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("rubric: yangxi-2023", "rubric: yangxi-2023\ntemplate: 大.docx", 1),
                    encoding="utf-8")
    for _ in range(2):          # the second run reads the compiled code from the cache: the limit still holds
        result = run("check", str(path))
        assert result.exit_code == 1 and "[TEMPLATE-LIMIT]" in result.output, result.output


# ---- bounded output ---------------------------------------------------------------------------------

def test_verify_says_a_huge_change_in_one_short_line(tmp_path, run):
    from docx import Document
    facts = ROOT / "inputs" / "yangxi-2023.yaml"
    assert run("build", str(facts), "-o", str(tmp_path)).exit_code == 0
    doc = Document(str(tmp_path / "yangxi-2023.docx"))
    target = next(p for p in doc.paragraphs if "万元" in p.text)
    target.runs[0].text += "，".join(str(i) + ".5万元" for i in range(30000))
    edited = tmp_path / "改过的.docx"
    doc.save(str(edited))
    result = run("verify", str(edited), str(facts))
    assert result.exit_code == 1 and "[VERIFY-FIGURE]" in result.output
    assert max(len(line) for line in result.output.splitlines()) < 600
    assert " 等 30000 个" in result.output or " 等 3000" in result.output


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="git not installed")
def test_init_tells_the_truth_about_a_gitattributes_of_the_folders_own(tmp_path, run):
    own = tmp_path / "县"
    own.mkdir()
    (own / ".gitattributes").write_text("*.txt text\n", encoding="utf-8")
    result = run("init", str(own))
    assert result.exit_code == 0
    assert "没有把 .docx 交给 mkreport，git diff 仍不会以文字显示报告：请在其中加一行 *.docx diff=mkreport" in result.output
    assert (own / ".gitattributes").read_text(encoding="utf-8") == "*.txt text\n"      # kept as it was
    fresh = run("init", str(tmp_path / "新县"))
    assert "git diff 将以文字显示 .docx" in fresh.output and "仍不会" not in fresh.output
