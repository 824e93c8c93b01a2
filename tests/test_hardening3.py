"""Hardening, round 3 (issue 18): damaged containers are bad input, not a crash."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from paths import ROOT


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
    from generator.core.limits import TemplateLimit, render_limits
    from generator.template.environment import environment
    with pytest.raises(TemplateLimit), render_limits():
        environment().from_string(source).render()


def test_constants_are_not_folded_while_compiling():
    """Jinja's optimizer would run `center` on constants at compile time, outside every limit."""
    from generator.template.environment import environment
    code = environment().compile('{{ "a" | center(900000) }}', raw=True)
    assert len(code) < 10_000 and "center" in code


def test_small_values_still_render():
    from generator.template.environment import environment
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


def test_many_of_one_slip_in_one_field_are_listed_up_to_a_limit(workdir, run):
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "other_notes: 无。", "other_notes: " + "截止2023年12月31日，" * 3000), encoding="utf-8")
    result = run("check", "--style", str(path))
    lines = [l for l in result.output.splitlines() if "[DATE-WORD]" in l]
    from generator.model.findings import MAX_PER_FIELD
    assert len(lines) == MAX_PER_FIELD + 1
    assert lines[-1].endswith("此处同类问题（DATE-WORD）过多，以下不再逐条列出；请先改正上面列出的，再运行一次检查。")


def test_usage_findings_are_shown_only_when_asked_for(workdir, run):
    """“截止2023年12月31日” is common in published documents: `check` reports it only with --style."""
    path = workdir / "inputs" / "yangxi-2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "other_notes: 无。", "other_notes: 截止2023年12月31日，已全部完成。"), encoding="utf-8")
    plain, styled = run("check", str(path)), run("check", "--style", str(path))
    assert "[DATE-WORD]" not in plain.output
    assert "[DATE-WORD]" in styled.output and "应写“截至”" in styled.output


def test_a_check_past_its_time_is_a_finding_not_a_hang(workdir, monkeypatch):
    """The guard for the case nobody foresaw: a check that runs past its budget stops with CHECK-TIME."""
    import time

    from generator import pipeline
    from generator.core import limits
    monkeypatch.setattr(limits, "CHECK_SECONDS", 0.5)
    real = pipeline.derive
    monkeypatch.setattr(pipeline, "derive", lambda loaded: (time.sleep(5), real(loaded))[1])
    started = time.monotonic()
    result = pipeline.check(workdir / "inputs" / "yangxi-2023.yaml")
    assert time.monotonic() - started < 3
    assert [f.code for f in result.findings if f.severity == "error"] == ["CHECK-TIME"]
    assert not result.buildable


def test_a_render_inside_a_timed_check_keeps_the_checks_deadline(workdir):
    """Alarms nest: the trial render's own budget does not cancel the check's."""
    import signal

    from generator.core.limits import check_limits, render_limits
    with check_limits(60):
        with render_limits(20):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 50 < remaining <= 60
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_rollover_keeps_the_files_line_ends_and_byte_order_mark(workdir, run):
    source = workdir / "inputs" / "记事本.yaml"
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    source.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    target = workdir / "inputs" / "记事本-2024.yaml"
    assert run("rollover", str(source), "--year", "2024", "-o", str(target)).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") > 250
    plain = workdir / "inputs" / "plain-2024.yaml"
    assert run("rollover", str(workdir / "inputs" / "yangxi-2023.yaml"), "--year", "2024", "-o", str(plain)).exit_code == 0
    assert b"\r" not in plain.read_bytes() and not plain.read_bytes().startswith(b"\xef\xbb\xbf")


# ---- megabyte payloads of every kind end safely ------------------------------------------------------

from hostile import payloads, with_payload  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(payloads(10)))
def test_a_megabyte_of_each_hostile_kind_ends_safely(tmp_path, kind):
    """Read, checked and reported: errors or not, with bounded findings (times: bench/hostile_check.py)."""
    from generator.model.findings import MAX_PER_FIELD
    from generator.pipeline import check
    base = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_bytes((ROOT / "rubrics" / "yangxi-2023.yaml").read_bytes())
    path = tmp_path / "x.yaml"
    path.write_text(with_payload(base, payloads()[kind]), encoding="utf-8")
    found = check(path).findings
    assert all(f.code != "CHECK-TIME" for f in found)
    per_code: dict = {}
    for f in found:
        per_code[f.code] = per_code.get(f.code, 0) + 1
    assert max(per_code.values(), default=0) <= MAX_PER_FIELD + 1, per_code
    assert max((len(f.message) for f in found), default=0) < 2000


# ---- no regular expression that can backtrack without bound ------------------------------------------

# Nested unbounded repeats, each checked by hand to be unambiguous (a separator the inner repeat cannot
# match starts every outer repetition), so they run in linear time.
UNAMBIGUOUS = {
    r"^[+-]?[0-9]{1,3}([,，、 \u3000][0-9]{3})+(\.[0-9]+)?$",
    r"[a-z_]+(\.[a-z_0-9]+)+",
    r"[a-z_]+(\.[A-Za-z_0-9]+)*",
    # summary.py: an absolute path in a message ("/" starts each part and no part holds one)
    "(?<![\\w./])(?:/[^\\s/，。、；：（）“”‘’「」,;()\'\\\"]+){2,}/?|(?<![\\w])[A-Za-z]:\\\\[^\\s，。、；：（）“”‘’「」,;()\'\\\"]*",
}


def _patterns():
    import ast
    for path in sorted((ROOT / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args \
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.args[0].value


def _nested_unbounded(parsed, inside: bool = False) -> bool:
    import re._constants as c
    import re._parser as p
    for op, av in parsed:
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, body = av
            unbounded = hi == c.MAXREPEAT
            if unbounded and inside:
                return True
            if _nested_unbounded(body, inside or unbounded):
                return True
        elif op == c.SUBPATTERN and _nested_unbounded(av[-1], inside):
            return True
        elif op == c.BRANCH and any(_nested_unbounded(b, inside) for b in av[1]):
            return True
        elif op in (c.ASSERT, c.ASSERT_NOT) and _nested_unbounded(av[1], inside):
            return True
        elif isinstance(av, p.SubPattern) and _nested_unbounded(av, inside):
            return True
    return False


def test_no_regular_expression_nests_unbounded_repeats():
    import re._parser as p
    bad = [(where, pattern) for where, pattern in _patterns()
           if pattern not in UNAMBIGUOUS and _nested_unbounded(p.parse(pattern))]
    assert bad == []
