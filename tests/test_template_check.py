"""The template contract: check holds a template to it, renders it on trial, and finds what it drops.

Invariant: an input that `check` accepts, `build` builds — for every house style, a minimal input
and templates with mistakes in them.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from paths import ROOT

from generator.pipeline import check
from generator.template.context import Slots, build_context
from generator.template.contract import CONTEXT, T

INPUTS = ["yangxi-2023", "pingyuan-2023", "hunan-example-2023"]
STYLES = ["yangxi", "pingyuan", "hunan"]
PY = {"text": str, "number": (Decimal, int), "int": int, "date": dt.date, "bool": bool, "quantity": str}


def conforms(value, t: T, where: str) -> None:
    if value is None:
        assert t.optional, f"{where} is none but not optional in the contract"
        return
    if t.kind == "object":
        assert isinstance(value, Slots), where
        assert set(value._values) == set(t.fields), f"{where}: {set(value._values) ^ set(t.fields)}"
        for name, sub in t.fields.items():
            conforms(value._values[name], sub, f"{where}.{name}")
    elif t.kind == "list":
        assert isinstance(value, list), where
        for i, item in enumerate(value):
            conforms(item, t.item, f"{where}[{i}]")
    else:
        assert isinstance(value, PY[t.kind]), f"{where}: {type(value).__name__} is not {t.kind}"


@pytest.mark.parametrize("name", INPUTS)
def test_the_context_is_shaped_exactly_as_the_contract_says(name):
    result = check(ROOT / "inputs" / f"{name}.yaml")
    context = build_context(result.loaded, result.derived)
    assert set(context) == set(CONTEXT.fields)
    for key, t in CONTEXT.fields.items():
        conforms(context[key], t, key)


def test_every_filter_is_documented_for_template_authors():
    from generator.template.phrases import FILTER_DOCS, FILTERS
    assert set(FILTER_DOCS) == set(FILTERS)
    reference = (ROOT / "schema" / "template.md").read_text(encoding="utf-8")
    for name in FILTERS:
        assert f"| `{name}` |" in reference
    for name in CONTEXT.fields:
        assert f"| `{name}` |" in reference


# ---- templates with a mistake in them ------------------------------------------------------

def variant(tmp_path: Path, style: str, old: str, new: str) -> Path:
    out = tmp_path / f"{style}-变体.docx"
    with zipfile.ZipFile(ROOT / "templates" / f"{style}.docx") as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text, old
                data = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(item, data)
    return out


def facts_with(tmp_path: Path, template: Path | None, base: str = "yangxi-2023", edit=None) -> Path:
    text = (ROOT / "inputs" / f"{base}.yaml").read_text(encoding="utf-8")
    if template is not None:
        text = text.replace("report_date:", f"template: {template.name}\nreport_date:", 1)
    if edit:
        text = edit(text)
    path = tmp_path / f"{base}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("old,new,code,words", [
    ("{{ dept.name }}{% if dept.kind %}", "{{ dept.nmae }}{% if dept.kind %}", "TEMPLATE-NAME", "dept（部门） 没有“nmae”。是否想写“name”？"),
    ("{{ units|length }}", "{{ unit|length }}", "TEMPLATE-NAME", "不存在的名字“unit”。是否想写“units”？"),
    ("{{ dept.name }}{% if dept.kind %}", "{{ dept.name|amount }}{% if dept.kind %}", "TEMPLATE-FILTER", "过滤器 amount 用于数，这里给它的 dept.name 是文字"),
    ("{{ dept.name }}{% if dept.kind %}", "{{ dept.name|amont }}{% if dept.kind %}", "TEMPLATE-FILTER", "不存在的过滤器“amont”。是否想写“amount”？"),
    ("{{ dept.name }}{% if dept.kind %}", "{{ dept }}{% if dept.kind %}", "TEMPLATE-OUTPUT", "dept 是对象，不能直接写进报告"),
    ("{{ dept.name }}{% if dept.kind %}", "{{ staffing.posts }}{% if dept.kind %}", "TEMPLATE-OUTPUT", "staffing.posts 是列表"),
    ("二、绩效自评结论", "二、绩效自评结论{% if %}", "TEMPLATE-SYNTAX", "此处缺少表达式（如 {% if x %} 中的 x）。（正文“二、绩效自评结论{% if %}”处）"),
    ("二、绩效自评结论", "二、绩效自评结论{{ 1/0 }}", "TEMPLATE-RENDER", "模板生成时出错（除以零）"),
    ("二、绩效自评结论", "二、绩效自评结论{{ range.__globals__ }}", "TEMPLATE-RENDER", "已被沙箱阻止"),
])
def test_a_template_mistake_is_found_by_check_and_nothing_is_built(tmp_path, run, old, new, code, words):
    template = variant(tmp_path, "yangxi", old, new)
    path = facts_with(tmp_path, template)
    result = run("check", str(path))
    assert result.exit_code == 1 and "Traceback" not in result.output
    line = next(l for l in result.output.splitlines() if f"[{code}]" in l)
    assert line.startswith(f"{template}: 错误 [{code}]") and words in line, line
    out = tmp_path / "out"
    built = run("build", str(path), "-o", str(out))
    assert built.exit_code == 1 and not out.exists()


def test_the_workbook_words_a_reason_as_the_countys_template_does(tmp_path, run):
    """The 扣分原因 column is what the template writes: a county that words it itself, from the
    verdict's parts, gets the same words in the .xlsx."""
    from openpyxl import load_workbook
    template = variant(tmp_path, "yangxi", "{{ r.verdict|deduction }}",
                       "{% if r.lost %}依本县办法扣{{ r.lost|points }}分{% endif %}")
    out = tmp_path / "out"
    assert run("build", str(facts_with(tmp_path, template)), "-o", str(out), "--xlsx").exit_code == 0
    ws = load_workbook(out / "yangxi-2023-自评表.xlsx")["自评表"]
    reasons = [ws.cell(r, 6).value for r in range(3, ws.max_row)]
    assert "依本县办法扣1.4分" in reasons and "依本县办法扣0.4分" in reasons
    assert not any("低于100%" in (r or "") for r in reasons)


def with_part(style: str, name: str, data: bytes) -> bytes:
    """A shipped template's bytes with one part replaced."""
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(ROOT / "templates" / f"{style}.docx") as zin, zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, data if item.filename == name else zin.read(item.filename))
    return buf.getvalue()


@pytest.mark.parametrize("data,words", [
    (b"this is not a zip file", "不是有效的 Word 文档"),
    ((ROOT / "templates" / "yangxi.docx").read_bytes()[:5000], "不是有效的 Word 文档"),
    # parts a build leaves unparsed (render.py) are still read once when a template is first checked
    (with_part("yangxi", "word/styles.xml", b"<w:styles><w:style"), "不是有效的 Word 文档"),
    (with_part("yangxi", "word/numbering.xml", b"\xff\xfe"), "不是有效的 Word 文档"),
])
def test_a_broken_template_file_is_a_finding(tmp_path, run, data, words):
    template = tmp_path / "坏模板.docx"
    template.write_bytes(data)
    path = facts_with(tmp_path, template)
    result = run("check", str(path))
    assert result.exit_code == 1 and f"{template}: 错误 [TEMPLATE-INVALID]" in result.output and words in result.output
    built = run("build", str(path), "-o", str(tmp_path / "out"))
    assert built.exit_code == 1 and not (tmp_path / "out").exists() and "Traceback" not in built.output


def test_an_unguarded_optional_value_is_a_blank_named_in_the_facts(tmp_path, run):
    """A county template prints the rank without `{% if %}`; a file without a rank would get a hole."""
    template = variant(tmp_path, "yangxi", "{% if dept.rank %}，为{{ dept.rank }}{% endif %}", "，为{{ dept.rank }}")
    path = facts_with(tmp_path, template, edit=lambda t: t.replace("  rank: 正科级\n", ""))
    result = run("check", str(path))
    assert result.exit_code == 1
    line = next(l for l in result.output.splitlines() if "[TEMPLATE-BLANK]" in l)
    assert line.startswith(f"{path}:14:3: 错误 [TEMPLATE-BLANK] 报告中将出现空白：模板 {template}")
    assert "department.rank（部门基本情况 机构规格）" in line
    # with the rank written, the same template is fine
    assert run("check", str(facts_with(tmp_path, template))).exit_code == 0


def test_a_missing_section_the_template_needs_is_named(tmp_path, run):
    template = variant(tmp_path, "yangxi", "{%p if staffing %}", "{%p if true %}")
    start = "  staffing:\n"

    def drop_staffing(text):
        head, tail = text.split(start)
        return head + tail[tail.index("\nbasis:"):]
    result = run("check", str(facts_with(tmp_path, template, edit=drop_staffing)))
    assert "要写出 department.staffing（部门基本情况 人员编制），但事实文件中没有这一节" in result.output


# ---- what a template leaves out ------------------------------------------------------------

def texts(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_the_drops_of_the_shipped_templates_are_fixed(tmp_path, run):
    """serving_includes, conclusion.text and a targets table under a third-level indicator reach the report."""
    (tmp_path / "rubrics").mkdir()
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    rubric = rubric.replace(", table: targets}", "}").replace(
        "            rule: {kind: target_rate}", "            rule: {kind: target_rate}\n            table: targets")
    (tmp_path / "rubrics" / "本县-2023.yaml").write_text(rubric, encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    path = facts_with(tmp_path / "inputs", None, edit=lambda t: t.replace("rubric: yangxi-2023", "rubric: 本县-2023")
                      .replace("    serving: 44\n", "    serving: 44\n    serving_includes:\n      - {kind: 县临聘人员, count: 2}\n")
                      .replace("problems:\n", "conclusion:\n  text: 本部门整体支出绩效较好。\nproblems:\n"))
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0 and "TEMPLATE-UNUSED" not in result.output, result.output
    doc = Document(str(tmp_path / "out" / "yangxi-2023.docx"))
    body = [p.text for p in doc.paragraphs]
    assert any("实有在职人员44人（含2名县临聘人员）" in p for p in body)
    assert "本部门整体支出绩效较好。" in body
    # the results table comes right after the paragraph of C22 (a third-level indicator)
    c22 = next(i for i, p in enumerate(body) if p.startswith("（2）绩效目标完成率。"))
    after = doc.element.body.index(doc.paragraphs[c22]._p) + 1
    while doc.element.body[after].tag.endswith("}p") and not doc.element.body[after].xpath("string(.)"):
        after += 1
    assert doc.element.body[after + 1].tag.endswith("}tbl") or doc.element.body[after].tag.endswith("}tbl")


def test_a_field_the_template_never_reads_is_warned_about(tmp_path, run):
    """A county template without a staffing paragraph: the headcounts would silently be missing."""
    template = variant(tmp_path, "yangxi", "{%p if staffing %}", "{%p if false %}")
    path = facts_with(tmp_path, template)
    result = run("check", str(path))
    assert result.exit_code == 0
    warned = [l for l in result.output.splitlines() if "[TEMPLATE-UNUSED]" in l]
    assert warned and all(template.name in l for l in warned)
    first = warned[0]
    assert f"{path}:" in first and "department.staffing.as_of（统计截止日期）已填写" in first
    assert "模板可以用 staffing.as_of 写出它" in first
    assert any("department.staffing.posts[]" in l and "（人员类别" not in l for l in warned)


def test_a_rubric_table_the_template_ignores_is_warned_about_in_the_rubric(tmp_path, run):
    template = variant(tmp_path, "yangxi", "{%p if a.table == 'targets' and targets %}", "{%p if false %}")
    result = run("check", str(facts_with(tmp_path, template)))
    assert "rubrics/yangxi-2023.yaml:103:73: 警告 [TEMPLATE-UNUSED] C3 效果性 的 table: targets" in result.output


def test_last_years_figures_are_kept_for_the_checks_without_a_warning(tmp_path, run):
    """Last year's figures (which rollover carries over) are what the prose checks measure changes from: filled in,
    they are no field the report forgets, whatever the template prints."""
    def with_prior(text):
        return text.replace("{budget: 653.6, adjusted: 796.02, final: 796.02}",
                            "{budget: 653.6, adjusted: 796.02, final: 796.02, prior: 700}").replace(
            "{budget: 1052.39, adjusted: 6694.26, final: 6694.26}",
            "{budget: 1052.39, adjusted: 6694.26, final: 6694.26, prior: 6000}")
    result = run("check", str(facts_with(tmp_path, None, edit=with_prior)))
    warned = [l for l in result.output.splitlines() if "[TEMPLATE-UNUSED]" in l]
    assert not any(".prior" in l for l in warned), warned
    # a change written against them is checked: the figures are used
    result = run("check", str(facts_with(tmp_path, None, edit=lambda t: with_prior(t).replace(
        "other_notes: 无。", "other_notes: 项目支出6694.26万元，较上年增加649.26万元。"))))
    assert "PROSE-CHANGE" in result.output and "694.26" in result.output


# ---- check accepts ⇒ build builds ----------------------------------------------------------

def minimal(tmp_path: Path, rubric: str) -> Path:
    """Only what the schema requires, and a full score for every leaf the rubric does not compute."""
    from generator.model.lookup import RUBRIC, resolve
    from generator.model.rubric import load_rubric
    found = resolve(RUBRIC, rubric, tmp_path / "x.yaml", [tmp_path])
    loaded, _, _ = load_rubric(found.path, rubric, True)
    scores = "".join(f"  {n.id}: {{score: {n.points}}}\n" for n in loaded.walk() if n.is_leaf and not n.rule_kind.computes)
    scores += "".join(f"  {n.id}: {{}}\n" for n in loaded.walk() if n.is_leaf and n.rule_kind.computes)
    path = tmp_path / "minimal.yaml"
    path.write_text(f"year: 2023\nrubric: {rubric}\ndepartment:\n  name: 某县某局\nscores:\n{scores}", encoding="utf-8")
    return path


@pytest.mark.parametrize("rubric", ["yangxi-2023", "pingyuan-2023", "hunan-2023"])
@pytest.mark.parametrize("style", STYLES)
def test_a_minimal_input_checks_and_builds_in_every_house_style(tmp_path, run, rubric, style):
    path = minimal(tmp_path, rubric)
    path.write_text(path.read_text(encoding="utf-8").replace("department:", f"template: {style}\ndepartment:"),
                    encoding="utf-8")
    result = run("check", str(path))
    errors = [l for l in result.output.splitlines() if " 错误 [" in l]
    assert all("[RULE-" in l or "[SCORE-" in l for l in errors), errors    # rules without data, not the template
    if result.exit_code == 0:
        assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
        text = texts(tmp_path / "out" / "minimal.docx")
        for leftover in ("None", "{{", "{%", "（空）"):
            assert leftover not in text


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", INPUTS)
def test_every_input_builds_in_every_house_style(tmp_path, run, name, style):
    path = facts_with(tmp_path, None, base=name, edit=lambda t: t.replace("report_date:", f"template: {style}\nreport_date:", 1))
    assert run("check", str(path)).exit_code == 0
    assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0


def test_headings_from_rubric_names_never_say_qingkuang_twice(tmp_path, run):
    path = facts_with(tmp_path, None, base="pingyuan-2023",
                      edit=lambda t: t.replace("rubric: pingyuan-2023", "rubric: pingyuan-2023\ntemplate: yangxi"))
    assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    text = texts(tmp_path / "out" / "pingyuan-2023.docx")
    assert "（一）预算编制情况。指标总分14分" in text and "情况情况" not in text


COUNTY_RUBRIC = """\
name: 某县指标体系（测试）
indicators:
  - {id: A, name: 决策, points: 30}
  - id: B
    name: 过程
    points: 30
    children:
      - {id: B1, name: 资金管理, points: 30}
  - id: C
    name: 产出与效益
    points: 40
    children:
      - id: C1
        name: 产出
        points: 40
        children:
          - id: C11
            name: 数量
            points: 40
            children:
              - {id: C111, name: 目标完成, points: 20, rule: {kind: target_rate}}
              - {id: C112, name: 重点任务, points: 20}
"""


@pytest.mark.parametrize("style", STYLES)
def test_a_rubric_of_any_depth_reaches_every_level(tmp_path, run, style):
    """Leaves at the first, second and fourth level: names, scores and reasons all in the report."""
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "某县.yaml").write_text(COUNTY_RUBRIC + f"template: {style}\n", encoding="utf-8")
    (tmp_path / "inputs").mkdir()
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    head, _, tail = text.partition("\nscores:\n")
    scores = ("\nscores:\n  A: {score: 29, text: 决策程序规范。, reason: 论证不充分扣1分。}\n"
              "  B1: {score: 28, text: 资金管理规范。, reason: 支付进度偏慢扣2分。}\n"
              "  C111: {text: 目标大部分完成。}\n"
              "  C112: {score: 19.5, text: 重点任务基本完成。, reason: 一项任务延期扣0.5分。}\n")
    rest = tail[tail.index("\nproblems:"):]
    path = tmp_path / "inputs" / "x.yaml"
    path.write_text(head.replace("rubric: yangxi-2023", "rubric: 某县") + scores + rest, encoding="utf-8")
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    unused = [l for l in result.output.splitlines() if "[TEMPLATE-UNUSED]" in l and "scores." in l]
    assert not unused and "TEMPLATE-BLANK" not in result.output, result.output
    body = texts(tmp_path / "out" / "x.docx")
    by = "根据评分标准" if style == "pingyuan" else "按评分标准"
    # each reason said once, in the scoring sentence, whose score ends it; the table gives it short
    for words in (f"论证不充分，{by}，得29分（扣1分）。", f"支付进度偏慢，{by}，得28分（扣2分）。",
                  f"一项任务延期，{by}，得19.5分（扣0.5分）。", "重点任务基本完成。", "数量—重点任务",
                  "整体绩效目标完成率86.67%", "论证不充分，扣1分", "一项任务延期，扣0.5分"):
        assert words in body, words
    assert "论证不充分扣1分" not in body and "扣分原因：" not in body
