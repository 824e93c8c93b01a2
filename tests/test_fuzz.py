"""Fuzzing the promises: whatever the input, rubric or template, the run keeps them.

For every mutated facts file, rubric or template, `check` and `build` as a user runs them:
  * the exit code is 0, 1 or 2 — never 3 (a bug), never a traceback;
  * an input `check` accepts, `build` builds;
  * every .docx produced is valid OOXML (openxml-audit: no schema or semantic error);
  * no input file changes, and nothing is written outside the output folder (and the cache).
Derandomised, so CI runs the same examples every time; MKREPORT_FUZZ_EXAMPLES=20000 runs more.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from paths import ROOT

from generator.cli import main

pytestmark = pytest.mark.slow        # 30 s and more: CI runs it (-m "slow or not slow")

NAMES = ("yangxi-2023", "pingyuan-2023", "hunan-example-2023")
SOURCES = {name: (ROOT / "inputs" / f"{name}.yaml").read_bytes() for name in NAMES}
RUBRICS = {name: (ROOT / "rubrics" / f"{name}.yaml").read_bytes() for name in ("yangxi-2023", "hunan-2023")}
FUZZ = settings(max_examples=int(os.environ.get("MKREPORT_FUZZ_EXAMPLES", 60)), deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_validated: set[str] = set()      # document shapes (the XML with its text taken out) already validated


def valid_ooxml(path: Path) -> None:
    """openxml-audit on each new shape of document: a mutation of text alone makes no new shape."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    shape = hashlib.sha256(re.sub(r">[^<]*<", "><", xml).encode()).hexdigest()
    if shape in _validated:
        return
    from openxml_audit import OpenXmlValidator
    result = OpenXmlValidator(max_errors=20).validate(str(path))
    assert result.error_count == 0, [(e.part_uri, e.description) for e in result.errors]
    _validated.add(shape)


def files(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def keeps_its_promises(work: Path, facts: Path) -> None:
    """check, then build, the way a user runs them; the invariants above."""
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    before = files(work)
    runner = CliRunner()
    checked = runner.invoke(main, ["check", str(facts)])
    built = runner.invoke(main, ["build", str(facts), "-o", str(out)])
    for result in (checked, built):
        assert result.exit_code in (0, 1, 2), result.output
        assert "Traceback" not in result.output and "内部错误" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    if checked.exit_code == 0:
        assert built.exit_code == 0 and (out / f"{facts.stem}.docx").is_file(), built.output
    for docx in out.glob("*.docx") if out.exists() else ():
        valid_ooxml(docx)
    after = files(work)
    assert {p: h for p, h in after.items() if p in before} == before          # no input changed
    assert all(p.startswith(str(out) + os.sep) for p in after if p not in before), sorted(set(after) - set(before))
    shutil.rmtree(out, ignore_errors=True)


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.setenv("MKREPORT_CACHE", str(tmp_path.parent / f"{tmp_path.name}-cache"))
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "inputs").mkdir()
    return tmp_path


def place(work: Path, name: str, data: bytes) -> Path:
    path = work / "inputs" / f"{name}.yaml"
    path.write_bytes(data)
    return path


def mutate_bytes(data: bytes, edits) -> bytes:
    data = bytearray(data)
    for where, op, blob in edits:
        i = int(where * (len(data) - 1))
        if op == "insert":
            data[i:i] = blob
        elif op == "delete":
            del data[i:i + len(blob)]
        else:
            data[i:i + len(blob)] = blob
    return bytes(data)


edits = st.lists(st.tuples(st.floats(0, 1), st.sampled_from(["insert", "delete", "replace"]),
                           st.binary(min_size=1, max_size=4)), min_size=1, max_size=6)


@FUZZ
@given(name=st.sampled_from(NAMES), edits=edits)
def test_byte_mutations(work, name, edits):
    keeps_its_promises(work, place(work, name, mutate_bytes(SOURCES[name], edits)))


def paths(tree, prefix=()):
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield prefix + (k,)
            yield from paths(v, prefix + (k,))
    elif isinstance(tree, list):
        for i, v in enumerate(tree):
            yield prefix + (i,)
            yield from paths(v, prefix + (i,))


VALUES = st.one_of(st.text(max_size=30), st.sampled_from([
    "", "0", "-1", "1e9", "12,345.6", "1066.5万元", "64.94", "64.94%", "2023-02-30", "no", "~", "{{ x }}", "满分 分",
    "９９", "１９．８５", "2৪", "1" * 40, "0.0000000000000001", "99999", "1000000", "{{ year | cn_date }}",
    "{{ targets }}", "{{ department.name | amount }}", "/etc/passwd", "../" * 30 + "x.yaml", "a" * 300,
    "收入12345678901234567890123456789万元"]),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2))


def mutate_tree(data, tree):
    import copy
    tree = copy.deepcopy(tree)
    all_paths = list(paths(tree))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(all_paths))
        parent = tree
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = data.draw(st.sampled_from(["set", "delete", "unknown"]))
            if action == "set":
                parent[path[-1]] = data.draw(VALUES)
            elif action == "delete":
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[data.draw(st.text(min_size=1, max_size=8))] = data.draw(VALUES)
        except (KeyError, IndexError, TypeError):
            continue    # an earlier mutation removed this path
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8")


TREES = {name: yaml.load(data, Loader=yaml.BaseLoader) for name, data in SOURCES.items()}   # all text
RUBRIC_TREES = {name: yaml.load(data, Loader=yaml.BaseLoader) for name, data in RUBRICS.items()}


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.data())
def test_structural_mutations(work, name, data):
    keeps_its_promises(work, place(work, name, mutate_tree(data, TREES[name])))


@FUZZ
@given(prose=st.lists(st.sampled_from(list("0123456789.万元亿%，。；其中较上年增加减少增幅占收入总额的小于=（）财政拨款支出基本项目 ")
                                      + ["\u3000", "{{", "}}", "【上年】", "截止", "—", "人", "编制", "在职", "执行率",
                                         "全县", "分别为", "、", "比", "2022年", "2023年12月31日",
                                         # bodies, item numbers, a department's own words, an account, a share's whole
                                         "县财政局", "第一中学", "某某县总工会", "（一）", "1.", "一是", "本级", "局本级",
                                         "部门整体", "上级补助收入", "收入决算总额", "多出", "实有编制", "净增", "分别占",
                                         "自评得分", "分", "合计", "共", "行政编制", "退休", "遗属", "年初预算", "调整预算"]),
                      max_size=80).map("".join))
def test_prose_checks_take_any_text(work, prose):
    text = SOURCES["yangxi-2023"].decode("utf-8").replace("other_notes: 无。", "other_notes: " + json.dumps(prose, ensure_ascii=False))
    keeps_its_promises(work, place(work, "yangxi-2023", text.encode("utf-8")))


@FUZZ
@given(rubric=st.sampled_from(sorted(RUBRICS)), data=st.data())
def test_rubric_mutations(work, rubric, data):
    """A county's rubric, mutated in its bytes or its structure."""
    if data.draw(st.booleans()):
        text = mutate_bytes(RUBRICS[rubric], data.draw(edits))
    else:
        text = mutate_tree(data, RUBRIC_TREES[rubric])
    (work / "rubrics" / f"{rubric}.yaml").write_bytes(text)
    name = "yangxi-2023" if rubric.startswith("yangxi") else "hunan-example-2023"
    keeps_its_promises(work, place(work, name, SOURCES[name]))


TAGS = st.sampled_from([
    "{{ dept.name }}", "{{ year }}", "{{ total|points }}", "{{ 1/0 }}", "{{ x }}", "{{ dept }}", "{%p if year %}",
    "{%p endif %}", "{% for r in score_table %}", "{% endfor %}", "{{ 'x' * 99999999 }}", "{{ 9 ** 999999 }}",
    "{{ ''.__class__ }}", "{{ range(10**9)|list }}", "{% include 'x' %}", "{{", "}}", "{%", "%}", "{#", "#}",
    "{{ finance.rows|length }}", "{{ report_date|cn_date }}", "{%tr for r in targets %}", "{%tr endfor %}",
    "<", "&", "{{ '<w:p>' }}", "{{ targets[0].name }}", "{{ namespace(a=1).a }}",
    # values built in one C call, and by Jinja while it compiles (round 3)
    "{{ 'a'|center(900000000) }}", "{{ '%900000000s'|format('a') }}", "{{ ('a' * 99999)|replace('', 'bbbbbbbbbb') }}",
    "{{ 'a'.zfill(900000000) }}", "{{ '{:900000000}'.format('a') }}", "{{ (['a'] * 99999)|join('x' * 99999) }}"])


@FUZZ
@given(template=st.sampled_from(["yangxi", "hunan"]), data=st.data())
def test_template_mutations(work, template, data):
    """Tags and text spliced into a template's paragraphs: a broken template is a finding."""
    path = work / "templates" / f"{template}.docx"
    with zipfile.ZipFile(ROOT / "templates" / f"{template}.docx") as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = parts["word/document.xml"].decode("utf-8")
    texts = [m.end() for m in re.finditer(r"<w:t(?: [^>]*)?>", xml)]
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.sampled_from(texts))
        tag = data.draw(TAGS).replace("&", "&amp;").replace("<", "&lt;")
        xml = xml[:at] + tag + xml[at:]
        texts = [t + len(tag) if t > at else t for t in texts]
    parts["word/document.xml"] = xml.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    path.write_bytes(buf.getvalue())
    name = "yangxi-2023" if template == "yangxi" else "hunan-example-2023"
    keeps_its_promises(work, place(work, name, SOURCES[name]))


def _external(parts: dict, data) -> None:
    """A relationship or field that would fetch something when the document is opened or converted."""
    target = data.draw(st.sampled_from(["file:///etc/passwd", "http://127.0.0.1:9/x.png", "\\\\server\\share\\a.dotm"]))
    rels = data.draw(st.sampled_from(["word/_rels/document.xml.rels", "word/_rels/settings.xml.rels"]))
    kind = data.draw(st.sampled_from(["image", "attachedTemplate", "oleObject", "subDocument"]))
    rel = (f'<Relationship Id="rIdX9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}"'
           f' Target="{target}" TargetMode="External"/>')
    body = parts.get(rels, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                     b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    parts[rels] = body.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


@FUZZ
@given(template=st.sampled_from(["yangxi", "hunan"]), data=st.data())
def test_template_packages(work, template, data):
    """A template's package rather than its text: links out, damaged streams, a DTD, a cut member."""
    with zipfile.ZipFile(ROOT / "templates" / f"{template}.docx") as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    how = data.draw(st.sampled_from(["external", "dtd", "stream", "cut"]))
    if how == "external":
        _external(parts, data)
    elif how == "dtd":
        name = "word/_rels/document.xml.rels"
        parts[name] = parts[name].replace(b"<Relationships", b'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                          b"<Relationships", 1)
    buf = io.BytesIO()
    method = data.draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, blob in parts.items():
            z.writestr(name, blob)
    blob = bytearray(buf.getvalue())
    if how in ("stream", "cut"):
        info = zipfile.ZipFile(io.BytesIO(bytes(blob))).getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        at = start + data.draw(st.integers(0, max(info.compress_size - 40, 0)))
        if how == "stream":
            blob[at:at + 32] = bytes(data.draw(st.binary(min_size=32, max_size=32)))
        else:
            blob = blob[:at] + blob[start + info.compress_size:]
    (work / "templates" / f"{template}.docx").write_bytes(bytes(blob))
    name = "yangxi-2023" if template == "yangxi" else "hunan-example-2023"
    keeps_its_promises(work, place(work, name, SOURCES[name]))


@FUZZ
@given(name=st.sampled_from(NAMES), data=st.data())
def test_rollover_of_any_file(work, name, data):
    """Whatever this year's file holds, rollover ends in 0 or 2 without a traceback, never
    writes its input, and what it writes is YAML that check reads (placeholders and all)."""
    if data.draw(st.booleans()):
        text = mutate_bytes(SOURCES[name], data.draw(edits))
    else:
        text = mutate_tree(data, TREES[name])
    source = place(work, name, text)
    target = work / "inputs" / "next.yaml"
    target.unlink(missing_ok=True)
    result = CliRunner().invoke(main, ["rollover", str(source), "--year", "2099", "-o", str(target)])
    assert result.exit_code in (0, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert source.read_bytes() == text
    if result.exit_code == 0:
        checked = CliRunner().invoke(main, ["check", str(target)])
        assert checked.exit_code in (0, 1, 2) and "内部错误" not in checked.output
        if "[INPUT]" in checked.output:        # unreadable only if this year's file was too
            assert "[INPUT]" in CliRunner().invoke(main, ["check", str(source)]).output, checked.output
