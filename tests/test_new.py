"""`mkreport new`: a facts file started from the schema and a rubric, then filled and built."""
from __future__ import annotations

import re
import shutil

import pytest
from paths import ROOT


@pytest.mark.parametrize("rubric", ["yangxi-2023", "pingyuan-2023", "hunan-2023"])
def test_a_new_file_lists_what_remains_to_fill(tmp_path, run, rubric):
    target = tmp_path / "inputs" / "部门-2024.yaml"
    result = run("new", "--rubric", rubric, "-o", str(target), "--year", "2024", "--department", "示例县某某局")
    assert result.exit_code == 0, result.output
    count = int(re.search(r"共 (\d+) 处待填写", result.output).group(1))
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "year: 2024" in text and f"rubric: {rubric}" in text
    assert "  name: 示例县某某局" in text
    from generator.model.rubric import load_rubric
    model, _, _ = load_rubric(ROOT / "rubrics" / f"{rubric}.yaml", rubric)
    for node in model.walk():                                   # every indicator, with its points
        assert re.search(rf"^  {re.escape(node.id)}:  # .*级指标，", text, re.M), node.id
    checked = run("check", str(target))
    assert checked.exit_code == 1
    codes = set(re.findall(r"\[([A-Z-]+)\]", checked.output)) - {"RUBRIC-POINTS"}
    assert codes == {"UNFILLED"}                                # nothing but what is still to write
    assert checked.output.count("[UNFILLED]") == count
    assert f"还有 {count} 项待填写：" in checked.output and "部门基本情况（department）" in checked.output


def test_new_never_overwrites_and_names_a_missing_rubric(tmp_path, run):
    target = tmp_path / "a.yaml"
    target.write_text("原有内容", encoding="utf-8")
    result = run("new", "--rubric", "yangxi-2023", "-o", str(target))
    assert result.exit_code == 2 and "文件已存在，mkreport new 不会覆盖它" in result.output
    assert target.read_text(encoding="utf-8") == "原有内容"
    result = run("new", "--rubric", "没有这个", "-o", str(tmp_path / "b.yaml"))
    assert result.exit_code == 2 and "找不到评分体系“没有这个”" in result.output and not (tmp_path / "b.yaml").exists()


def test_from_nothing_to_a_report(tmp_path, run):
    """Fill what the messages ask for (the dates, every score and its explanation), delete the
    rest: the file checks clean and builds."""
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "facts.schema.json", tmp_path / "schema")
    target = tmp_path / "inputs" / "新部门-2024.yaml"
    assert run("new", "--rubric", "hunan-2023", "-o", str(target), "--year", "2024", "--department", "示例县统计局").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/facts.schema.json")   # the county's own copy
    lines = []
    for line in text.splitlines():
        full = re.search(r"满分 ([0-9.]+)", line)
        if "score: 待填写" in line and full:
            lines.append(line.replace("待填写", full.group(1)))
        elif line.startswith("    text: 待填写"):
            lines.append(line.replace("待填写", "全部完成。"))
        elif "as_of: 待填写" in line or "report_date: 待填写" in line:
            lines.append(line.replace("待填写", "2024-12-31"))
        elif "待填写" not in line or line.lstrip().startswith("#"):
            lines.append(line)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run("check", str(target))
    assert checked.exit_code == 0, checked.output
    built = run("build", str(target), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    from docx import Document
    doc = Document(str(tmp_path / "out" / "新部门-2024.docx"))
    assert doc.paragraphs[0].text.startswith("示例县统计局")


def test_a_county_rubric_from_its_own_folder(tmp_path, run):
    """new, rollover and explain find a rubric in the county's rubrics/ folder like check does."""
    (tmp_path / "rubrics").mkdir()
    text = (ROOT / "rubrics" / "hunan-2023.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubrics" / "本县-2024.yaml").write_text(text.replace("name: 湖南式", "name: 本县"), encoding="utf-8")
    target = tmp_path / "inputs" / "统计局-2024.yaml"
    result = run("new", "--rubric", "本县-2024", "-o", str(target), "--year", "2024")
    assert result.exit_code == 0 and "本县部门整体支出绩效评价指标体系" in result.output
    assert "rubric: 本县-2024" in target.read_text(encoding="utf-8")
    facts = tmp_path / "inputs" / "商务局-2024.yaml"
    facts.write_text((ROOT / "inputs" / "hunan-example-2023.yaml").read_text(encoding="utf-8")
                     .replace("rubric: hunan-2023", "rubric: 本县-2024"), encoding="utf-8")
    result = run("explain", str(facts), "B15")
    assert result.exit_code == 0 and f"{tmp_path / 'rubrics' / '本县-2024.yaml'}" not in result.output.split("\n")[0]
    assert "rubrics/本县-2024.yaml:" in result.output


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@pytest.mark.slow
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=20).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_department_name_is_written_as_yaml_reads_it(tmp_path_factory, name):
    from click.testing import CliRunner

    from generator.cli import main
    from generator.model.yamlsource import read_yaml
    target = tmp_path_factory.mktemp("n") / "x.yaml"
    result = CliRunner().invoke(main, ["new", "--rubric", "hunan-2023", "-o", str(target), "--department", name])
    assert result.exit_code == 0, result.output
    root = read_yaml(target).root
    assert root.value["department"].value["name"].value == name
