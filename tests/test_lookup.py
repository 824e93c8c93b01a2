"""Rubrics and templates by name or by path: the lookup order, `mkreport list`, the messages."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from paths import ROOT

from generator.core.resources import packaged
from generator.model.lookup import RUBRIC, TEMPLATE, NotFound, resolve

FACTS = (ROOT / "inputs" / "yangxi-2023.yaml").read_text(encoding="utf-8")


def county(tmp_path: Path, rubric: str = "yangxi-2023") -> Path:
    """A county's repository: inputs/ with one facts file, nothing else yet."""
    (tmp_path / "inputs").mkdir()
    path = tmp_path / "inputs" / "部门-2023.yaml"
    path.write_text(FACTS.replace("rubric: yangxi-2023", f"rubric: {rubric}"), encoding="utf-8")
    return path


def test_a_name_falls_back_to_the_shipped_rubric_and_template(tmp_path, run):
    path = county(tmp_path)
    result = run("check", str(path))
    assert result.exit_code == 0, result.output
    found = resolve(RUBRIC, "yangxi-2023", path, [path.parent])
    assert found.builtin and found.path == packaged("rubrics") / "yangxi-2023.yaml"


def test_the_nearest_rubrics_folder_shadows_the_shipped_one(tmp_path, run):
    path = county(tmp_path)
    (tmp_path / "rubrics").mkdir()
    own = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace(
        "name: 阳西县部门整体支出绩效自评指标体系（2023年度）", "name: 本县自己的指标体系")
    (tmp_path / "rubrics" / "yangxi-2023.yaml").write_text(own, encoding="utf-8")
    found = resolve(RUBRIC, "yangxi-2023", path, [path.parent])
    assert found.path == tmp_path / "rubrics" / "yangxi-2023.yaml" and found.origin == "县文件夹"
    listing = run("list", str(path)).output
    assert "yangxi-2023" in listing and "遮盖了内置的" in listing and str(tmp_path / "rubrics") in listing


def test_a_file_beside_the_facts_comes_first(tmp_path):
    path = county(tmp_path, "本县")
    shutil.copy(ROOT / "rubrics" / "yangxi-2023.yaml", path.parent / "本县.yaml")
    (tmp_path / "rubrics").mkdir()
    shutil.copy(ROOT / "rubrics" / "pingyuan-2023.yaml", tmp_path / "rubrics" / "本县.yaml")
    assert resolve(RUBRIC, "本县", path, [path.parent]).path == path.parent / "本县.yaml"


def test_facts_files_named_like_rubrics_are_never_taken_for_one(tmp_path):
    """inputs/yangxi-2023.yaml names rubric yangxi-2023: neither itself nor a sibling facts file."""
    path = county(tmp_path)
    shutil.copy(path, path.parent / "yangxi-2023.yaml")
    own = path.parent / "yangxi-2023.yaml"
    assert resolve(RUBRIC, "yangxi-2023", own, [own.parent]).builtin
    assert resolve(RUBRIC, "yangxi-2023", path, [path.parent]).builtin


def test_a_failed_lookup_names_every_place_tried_and_what_to_do(tmp_path, run):
    path = county(tmp_path, "yangxi-2032")
    result = run("check", str(path))
    assert result.exit_code == 1
    line = next(l for l in result.output.splitlines() if "[RUBRIC-MISSING]" in l)
    assert line.startswith(f"{path}:9:9: 错误 [RUBRIC-MISSING] 找不到评分体系“yangxi-2032”")
    for tried in (path.parent / "yangxi-2032.yaml", packaged("rubrics") / "yangxi-2032.yaml"):
        assert str(tried) in line
    assert "向上没有 rubrics/ 文件夹" in line
    assert "是否想写“yangxi-2023”？" in line and "mkreport list" in line


def test_a_path_is_relative_to_the_file_that_states_it(tmp_path, run):
    path = county(tmp_path, "../规则/甲.yaml")
    (tmp_path / "规则").mkdir()
    shutil.copy(ROOT / "rubrics" / "yangxi-2023.yaml", tmp_path / "规则" / "甲.yaml")
    assert run("check", str(path)).exit_code == 0
    path.write_text(path.read_text(encoding="utf-8").replace("../规则/甲.yaml", "../规则/乙.yaml"), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 1 and str((tmp_path / "规则" / "乙.yaml").resolve()) in result.output


def test_a_template_named_by_a_county_rubric_is_found_in_the_county_folder(tmp_path, run):
    path = county(tmp_path, "本县-2023")
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "templates").mkdir()
    rubric = (ROOT / "rubrics" / "yangxi-2023.yaml").read_text(encoding="utf-8").replace(
        "template: yangxi", "template: 本县")
    (tmp_path / "rubrics" / "本县-2023.yaml").write_text(rubric, encoding="utf-8")
    shutil.copy(ROOT / "templates" / "hunan.docx", tmp_path / "templates" / "本县.docx")
    out = tmp_path / "outputs"
    result = run("build", str(path), "-o", str(out))
    assert result.exit_code == 0, result.output
    from docx import Document
    text = "\n".join(p.text for p in Document(str(out / "部门-2023.docx")).paragraphs)
    assert "四、存在的问题及原因" in text and "五、下一步改进措施" in text      # the county's (Hunan) outline
    # the Hunan outline asks for 结果应用; these facts have none: left out, not made up, and said
    assert "结果拟应用" not in text and "六、其他需要说明的情况" in text
    assert "[TEMPLATE-SECTION]" in result.output and "results_use" in result.output
    # the same name missing from the county folder: every place tried, the rubric's line pointed at
    (tmp_path / "templates" / "本县.docx").unlink()
    result = run("check", str(path))
    assert "本县-2023.yaml:16:11: 错误 [TEMPLATE-MISSING] 找不到报告模板“本县”" in result.output
    assert str(tmp_path / "templates" / "本县.docx") in result.output


def test_list_shows_every_kind_and_where_it_comes_from(tmp_path, run):
    result = run("list", str(tmp_path))
    assert result.exit_code == 0
    for name in ("yangxi-2023", "pingyuan-2023", "hunan-2023", "yangxi", "pingyuan", "hunan"):
        assert f"  {name} " in result.output
    assert "内置" in result.output and "vocabulary.yaml" in result.output
    data = json.loads(run("list", str(tmp_path), "--format", "json").output)
    assert {e["name"] for e in data["template"]} == {"yangxi", "pingyuan", "hunan", "national-form"}
    assert all(e["origin"] == "内置" for e in data["rubric"])


def test_names_too_long_for_the_system_are_not_found_rather_than_a_crash(tmp_path):
    path = county(tmp_path)
    try:
        resolve(TEMPLATE, "x" * 5000, path, [path.parent])
    except NotFound as exc:
        assert "找不到报告模板" in exc.message()
    else:
        raise AssertionError("a 5000-character name was found")
