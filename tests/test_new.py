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
    # the columns prose against last year is checked on, offered where the rows are written
    assert re.search(r"^finance:  # .*prior（上年决算数）和 prior_budget（上年预算数）", text, re.M)
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
    assert "全部填写后才核对得分、收支表和正文中的数。" in checked.output      # a clean list is not a checked text


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


# ---- a whole department's national form ------------------------------------------------------

# what a department writes in each row of its new form, in order: points per 一级 as the rubric's
# 50 / 30 / 10, every target met (the clean twin)
FORM_ROWS = [("20", "≥4个", "4个"), ("10", "=100%", "100%"), ("10", "年底前", "11月"), ("10", "≤50万元", "48万元"),
             ("10", "≥2家", "2家"), ("10", "有效提升", "有效提升"), ("5", "—", "—"), ("5", "健全", "健全"),
             ("10", "≥90%", "95.17%")]


def fill_department_form(text: str, spent: str = "860.50") -> str:
    """The new department form filled as a department would, every figure consistent: funds of
    900 of which 860.5 spent (95.61 % of 10 points), each row's target met and its full points."""
    rows = iter(FORM_ROWS)
    out = []
    for n, line in enumerate(text.splitlines()):
        if line.startswith("    total: ") or line.startswith("    fiscal: "):
            line = line.replace("{budget: 待填写, adjusted: 待填写, final: 待填写}",
                                f"{{budget: 800, adjusted: 900, final: {spent}}}")
        elif line.startswith("    carryover: ") or line.startswith("    other: "):
            line = line.replace("{budget: 待填写, adjusted: 待填写, final: 待填写}", "{budget: 0, adjusted: 0, final: 0}")
        elif line.startswith("    score: 待填写"):
            line = line.replace("待填写", "9.56")
        elif line == "      - 待填写":
            line = "      - 目标1：全年完成重点工作。"
        elif line.startswith("    - {level1:"):
            points, target, actual = next(rows)
            score = "—" if target == "—" else points
            line = line.replace("name: 待填写", f"name: 指标{n}").replace("target: 待填写", f"target: {target}") \
                .replace("actual: 待填写", f"actual: {actual}").replace("points: 待填写", f"points: {points}") \
                .replace("score: 待填写", f"score: {score}")
        out.append(line)
    return "\n".join(out) + "\n"


def test_a_departments_national_form_is_scaffolded_as_its_form_not_as_scores(tmp_path, run):
    """new --rubric national-form for a department writes the form's funding, goals and indicator
    rows (as --kind project does), not the narrative's scores; check asks for nothing else."""
    target = tmp_path / "inputs" / "水利局-2024.yaml"
    result = run("new", "--rubric", "national-form", "-o", str(target), "--year", "2024", "--department", "示例县水利局")
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/facts.schema.json\n")
    assert "kind: department\nyear: 2024\nrubric: national-form\ndepartment:\n  name: 示例县水利局" in text
    assert "scores:" not in text and "\n  name: 待填写" not in text      # a department's form has no project name
    assert text.count("    - {level1: ") == 9 and "    total: {budget: 待填写, adjusted: 待填写, final: 待填写}" in text
    assert "# projects:" in text and "# finance:" in text               # optional, written commented out
    count = int(re.search(r"共 (\d+) 处待填写", result.output).group(1))
    checked = run("check", str(target))
    assert checked.exit_code == 1
    assert set(re.findall(r"\[([A-Z-]+)\]", checked.output)) == {"UNFILLED"}
    assert checked.output.count("[UNFILLED]") == count == 60
    assert f"还有 {count} 项待填写：绩效自评表（全国通用格式）（form）{count} 项。全部填写后才核对" in checked.output
    assert run("new", "--rubric", "national-form", "-o", str(tmp_path / "b.yaml"), "--template", "national-form") \
        .exit_code == 2 and not (tmp_path / "b.yaml").exists()


def test_a_departments_new_form_filled_checks_clean_and_builds(tmp_path, run):
    """The clean twin: filled with consistent figures, it checks clean and builds the department's
    form; a funding total that is not the sum of its sources is still found (FORM-FUNDS-SUM)."""
    target = tmp_path / "水利局-2024.yaml"
    assert run("new", "--rubric", "national-form", "-o", str(target), "--year", "2024", "--department", "示例县水利局") \
        .exit_code == 0
    text = fill_department_form(target.read_text(encoding="utf-8"))
    target.write_text(text, encoding="utf-8")
    checked = run("check", str(target))
    assert checked.exit_code == 0 and "[" not in checked.output, checked.output
    built = run("build", str(target), "-o", str(tmp_path / "out"))
    assert built.exit_code == 0, built.output
    from docx import Document
    cells = [c.text for t in Document(str(tmp_path / "out" / "水利局-2024.docx")).tables for r in t.rows for c in r.cells]
    assert "860.50" in cells and "95.61%" in cells and "95.17%" in cells and "9.56" in cells and "99.54" in cells
    target.write_text(text.replace("    other: {budget: 0, adjusted: 0, final: 0}",
                                   "    other: {budget: 0, adjusted: 0, final: 12}"), encoding="utf-8")
    wrong = run("check", str(target))
    assert wrong.exit_code == 1 and "[FORM-FUNDS-SUM]" in wrong.output


def test_a_departments_new_form_in_the_rubrics_own_encoding(tmp_path, run):
    """A county's national form rubric saved by Notepad (GBK, CRLF): the new form file is too."""
    (tmp_path / "rubrics").mkdir()
    rubric = (ROOT / "rubrics" / "national-form.yaml").read_text(encoding="utf-8")
    (tmp_path / "rubrics" / "本县自评表.yaml").write_bytes(rubric.replace("\n", "\r\n").encode("gbk"))
    target = tmp_path / "inputs" / "水利局-2024.yaml"
    assert run("new", "--rubric", "本县自评表", "-o", str(target), "--year", "2024").exit_code == 0
    data = target.read_bytes()
    text = data.decode("gbk")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "") and "rubric: 本县自评表\r\n" in text
    assert "  indicators:  # 绩效指标\r\n" in text and "scores:" not in text
