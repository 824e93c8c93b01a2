"""Items a template numbers itself, numbered again by the user: found in the trial render
(TEMPLATE-NUMBERED), and built without the typed numbers — the report never prints "1.1.…"."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from paths import ROOT


def yangxi(tmp_path: Path, edit, template: str = "") -> Path:
    text = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")
    if template:
        text = text.replace("report_date:", f"template: {template}\nreport_date:", 1)
    path = tmp_path / "x.yaml"
    path.write_text(edit(text), encoding="utf-8")
    return path


def one_string_of_duties(text: str) -> str:
    start, end = text.index("    items:\n      - 拟订工业"), text.index("  units:")
    return (text[:start] + "    items: 1.拟订工业、信息化领域发展规划并组织实施；2.监测分析工业运行态势；"
            "3.承办县委、县政府交办的其他任务。\n" + text[end:])


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def test_duties_written_as_one_numbered_string_are_split_and_warned(tmp_path, run):
    """The published 平远 habit: "1.…；2.…" in one string printed as "（1）1.…；2.…"."""
    path = yangxi(tmp_path, one_string_of_duties)
    result = run("check", str(path))
    assert result.exit_code == 0
    line = next(l for l in result.output.splitlines() if "[TEMPLATE-NUMBERED]" in l)
    assert line.startswith(f"{path}:20:12: 警告 [TEMPLATE-NUMBERED] department.duties.items[0]（职责条目） 把 3 条写成了"
                           "一段带编号的文字")
    assert "报告中会是“（1）1.拟订工业" in line and "每条写成一项" in line
    assert run("build", str(path), "-o", str(tmp_path / "out")).exit_code == 0
    body = paragraphs(tmp_path / "out" / "x.docx")
    assert "（1）拟订工业、信息化领域发展规划并组织实施；" in body
    assert "（2）监测分析工业运行态势；" in body and "（3）承办县委、县政府交办的其他任务。" in body
    assert not any("（1）1." in p for p in body)


def test_work_items_numbered_by_hand_lose_the_typed_number(tmp_path, run):
    def numbered(text):
        return text.replace("    - title: 全力以赴暖企业增信心", "    - title: 1.全力以赴暖企业增信心").replace(
            "    - title: 同舟共济抓工业增投资", "    - title: 2.同舟共济抓工业增投资")
    path = yangxi(tmp_path, numbered)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    warned = [l for l in result.output.splitlines() if "[TEMPLATE-NUMBERED]" in l]
    assert len(warned) == 1 and f"{path}:95:14: 警告 [TEMPLATE-NUMBERED] work.items[0].title（标题）等 2 条开头自己写了编号" in warned[0]
    assert "报告中会是“1.1.全力以赴" in warned[0] and "请在事实文件中也删去" in warned[0]
    body = paragraphs(tmp_path / "out" / "x.docx")
    assert any(p.startswith("1.全力以赴暖企业增信心。") for p in body)
    assert any(p.startswith("2.同舟共济抓工业增投资。") for p in body)
    assert not any(p.startswith(("1.1.", "2.2.")) for p in body)


def test_a_list_the_template_does_not_number_keeps_the_users_numbers(tmp_path, run):
    """阳西's template runs the problems on in one paragraph: there the user's "1.…2.…" is right."""
    def problems(text):
        return text.replace("problems:\n  - 部门整体绩效管理意识薄弱", "problems:\n  - 1.部门整体绩效管理意识薄弱").replace(
            "绩效目标设置不够合理、不够完善。\nmeasures:", "绩效目标设置不够合理、不够完善；2.绩效自评不够细致。\nmeasures:")
    path = yangxi(tmp_path, problems)
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0 and "TEMPLATE-NUMBERED" not in result.output, result.output
    body = paragraphs(tmp_path / "out" / "x.docx")
    assert any(p.startswith("（一）存在问题。1.部门整体绩效管理意识薄弱") and "；2.绩效自评不够细致。" in p for p in body)


def test_the_same_string_in_a_template_that_numbers_problems_is_split(tmp_path, run):
    """平远's template numbers each problem (（1）…): the same string is two problems there."""
    def problems(text):
        return text.replace("problems:\n  - 部门整体绩效管理意识薄弱", "problems:\n  - 1.部门整体绩效管理意识薄弱").replace(
            "绩效目标设置不够合理、不够完善。\nmeasures:", "绩效目标设置不够合理、不够完善；2.绩效自评不够细致。\nmeasures:")
    path = yangxi(tmp_path, problems, template="pingyuan")
    result = run("build", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert "problems[0]（存在的问题） 把 2 条写成了一段带编号的文字，而模板 pingyuan（内置）" in result.output
    body = paragraphs(tmp_path / "out" / "x.docx")
    assert any(p.startswith("（1）部门整体绩效管理意识薄弱") for p in body)
    assert "（2）绩效自评不够细致。" in body


def test_the_shipped_inputs_have_no_doubled_numbers(run):
    for name in ("yangxi-2023", "pingyuan-2023", "hunan-example-2023"):
        assert "TEMPLATE-NUMBERED" not in run("check", str(ROOT / "inputs" / f"{name}.yaml")).output


@pytest.mark.parametrize("text,items", [
    ("1.拟订规划；2.监测运行；3.承办交办任务。", ["拟订规划；", "监测运行；", "承办交办任务。"]),
    ("（一）抓招商。（二）稳外贸。", ["抓招商。", "稳外贸。"]),
    ("(1)甲； (2)乙", ["甲；", "乙"]),
    ("①甲；②乙；④丁", ["甲；", "乙；④丁"]),                   # the numbers stop running at ③
    ("1.同比增长1.5倍，2.3万元用于培训", ["同比增长1.5倍，2.3万元用于培训"]),   # figures, not items
    ("2.同舟共济抓工业增投资", ["同舟共济抓工业增投资"]),       # one item's own number
    ("2023年完成投资5.1亿元", ["2023年完成投资5.1亿元"]),
])
def test_a_numbered_string_splits_only_at_its_running_numbers(text, items):
    from generator.template.outline import split
    assert split(text) == items


def test_hundreds_of_numbered_items_are_one_warning_found_in_linear_time(tmp_path, run):
    import time

    def many(text):
        start, end = text.index("    items:\n      - 拟订工业"), text.index("  units:")
        items = "".join(f"      - {i}.第{i}项职责内容。\n" for i in range(1, 901))
        return text[:start] + "    items:\n" + items + text[end:]
    path = yangxi(tmp_path, many)
    began = time.perf_counter()
    result = run("check", str(path))
    assert time.perf_counter() - began < 5
    warned = [l for l in result.output.splitlines() if "[TEMPLATE-NUMBERED]" in l]
    assert len(warned) == 1 and "department.duties.items[0]（职责条目）等 900 条开头自己写了编号" in warned[0]
