"""A year not finished: texts still marked 【上年】 by `rollover` are counted, refused by
`build --strict`, and never read as words of the report; last year's 文号 is marked too."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from paths import ROOT

HUNAN = ROOT / "inputs" / "hunan-example-2023.yaml"
CONCLUSION = "总体来看，我局2023年度部门整体支出管理规范，绩效目标大部分完成。"


def _facts(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def _stale_hunan(tmp_path: Path) -> tuple[str, int]:
    """湖南 with every `text:` (work items, 评价说明, problems…) still last year's: correct figures,
    unrevised words."""
    text, marked = re.subn(r"^(\s+text: )", r"\1【上年】", HUNAN.read_text(encoding="utf-8"), flags=re.M)
    assert marked > 20
    return _facts(tmp_path, "湖南-上年.yaml", text), marked


def _findings(output: str) -> list[tuple]:
    """(line, code) of each finding, without the STALE warnings themselves."""
    return [(int(m.group(1)), m.group(2)) for m in re.finditer(r":(\d+):\d+: \S+ \[([A-Z-]+)\]", output)
            if m.group(2) != "STALE"]


def test_check_and_build_count_the_texts_not_yet_rewritten(tmp_path, run):
    """A file still full of 【上年】 texts warns once a text and says how many are left; it builds."""
    stale, marked = _stale_hunan(tmp_path)
    checked = run("check", stale)
    assert checked.exit_code == 0, checked.output
    assert checked.output.count("[STALE]") == marked and f"共发现 0 个错误、{marked} 个警告。" in checked.output
    assert f"还有 {marked} 处【上年】文字未改写" in checked.output
    built = run("build", stale, "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    assert (tmp_path / "out" / "湖南-上年.docx").exists()
    assert f"还有 {marked} 处【上年】文字未改写" in built.output
    clean = run("check", str(HUNAN))
    assert "【上年】" not in clean.output and "未改写" not in clean.output


def test_build_strict_refuses_a_file_with_warnings(tmp_path, run):
    """`build --strict` is `check --strict`: a warning is an error, the file is not built, exit 1;
    a file with no warning builds as before."""
    stale, marked = _stale_hunan(tmp_path)
    assert run("check", stale, "--strict").exit_code == 1
    built = run("build", stale, str(HUNAN), "--strict", "-o", str(tmp_path / "out"))
    assert built.exit_code == 1, built.output
    assert not (tmp_path / "out" / "湖南-上年.docx").exists()
    assert f"湖南-上年.yaml：共发现 0 个错误、{marked} 个警告。未生成报告：加了 --strict，警告也当作错误" in built.output
    assert (tmp_path / "out" / "hunan-example-2023.docx").exists()           # the clean twin is built
    assert "共 2 个文件：已生成 1 个，未生成 1 个（1 个有警告（--strict））。" in built.output
    assert f"还有 {marked} 处【上年】文字未改写" in built.output
    alone = run("build", str(HUNAN), "--strict", "-o", str(tmp_path / "alone"))
    assert alone.exit_code == 0 and (tmp_path / "alone" / "hunan-example-2023.docx").exists(), alone.output


def test_the_mark_is_not_read_as_a_prior_year(tmp_path, run):
    """The 上年 of 【上年】 is no prior-year reference: a text with the mark is checked exactly as the
    same text without it (this year's 收入总计 stays this year's, and is found wrong)."""
    source = HUNAN.read_text(encoding="utf-8")
    assert CONCLUSION in source
    for sentence in ("收入总计1300万元，比上年增长5%。", "2022年收入1200万元，比上年增长5%。"):
        plain = run("check", _facts(tmp_path, "无标记.yaml", source.replace(CONCLUSION, sentence)))
        marked = run("check", _facts(tmp_path, "有标记.yaml", source.replace(CONCLUSION, "【上年】" + sentence)))
        assert _findings(plain.output), plain.output          # the sentence is wrong either way
        assert _findings(marked.output) == _findings(plain.output), (plain.output, marked.output)
        assert marked.output.count("[STALE]") == 1


def test_rollover_marks_last_years_document_number(tmp_path, run):
    """The notice's 文号 (示财绩〔2024〕3号) is last year's: kept, marked 【上年】, warned about until
    rewritten; its dates are to be written again (待填写), never kept as they were."""
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    target = tmp_path / "湖南-2024.yaml"
    assert run("rollover", str(HUNAN), "--year", "2024", "-o", str(target)).exit_code == 0
    new = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert new["basis"]["number"] == "【上年】示财绩〔2024〕3号"
    assert new["report_date"] == "待填写" and new["department"]["staffing"]["as_of"] == "待填写"
    assert new["assets"]["as_of"] == "待填写"
    checked = run("check", str(target))
    line = next(i for i, s in enumerate(target.read_text(encoding="utf-8").splitlines(), 1) if "示财绩" in s)
    assert re.search(rf":{line}:\d+: 警告 \[STALE\] basis\.number（文号）", checked.output), checked.output
    stale = checked.output.count("[STALE]")
    assert f"还有 {stale} 处【上年】文字未改写" in checked.output
