"""`mkreport rollover`: next year's facts file from this year's, checked for what must change."""
from __future__ import annotations

import hashlib
import re
import shutil

import pytest
import yaml
from paths import ROOT

SEEDS = ["yangxi-2023", "pingyuan-2023", "hunan-example-2023"]


def rows(tree, prefix=""):
    """Every money-table row (a mapping with a `final`) of a facts tree, by dotted path."""
    if isinstance(tree, dict):
        if "final" in tree and set(tree) <= {"budget", "adjusted", "final", "prior", "prior_budget", "change"}:
            yield prefix.rstrip("."), tree
        for k, v in tree.items():
            yield from rows(v, f"{prefix}{k}.")


@pytest.fixture
def county(tmp_path):
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    (tmp_path / "inputs").mkdir()
    for seed in SEEDS:
        shutil.copy(ROOT / "inputs" / f"{seed}.yaml", tmp_path / "inputs" / f"{seed}.yaml")
    return tmp_path


@pytest.mark.parametrize("seed", SEEDS)
def test_the_new_years_check_lists_exactly_what_must_be_updated(county, run, seed):
    source = county / "inputs" / f"{seed}.yaml"
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    target = county / "inputs" / f"{seed.replace('2023', '2024')}.yaml"
    result = run("rollover", str(source), "--year", "2024", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before          # the input is never written
    todo, stale = map(int, re.search(r"(\d+) 处待填写，(\d+) 段上年文字待改写", result.output).groups())
    assert todo > 20 and stale > 5
    checked = run("check", str(target))
    codes = re.findall(r"\[([A-Z-]+)\]", checked.output)
    assert set(codes) - {"RUBRIC-POINTS"} == {"UNFILLED", "STALE"}, checked.output
    assert codes.count("UNFILLED") == todo and codes.count("STALE") == stale
    old, new = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in (source, target))
    assert new["year"] == 2024 and ("report_date" not in old or new["report_date"] == "待填写")
    old_rows, new_rows = dict(rows(old)), dict(rows(new))
    assert old_rows and set(old_rows) == set(new_rows)
    for path, row in old_rows.items():                    # this year's 决算数 is next year's 上年决算数
        assert str(new_rows[path]["prior"]) == str(row["final"]), path
        if "budget" in row:                               # and its 年初预算数 next year's 上年预算数
            assert str(new_rows[path]["prior_budget"]) == str(row["budget"]), path
        else:
            assert "prior_budget" not in new_rows[path], path
        assert new_rows[path]["final"] == "待填写" and "change" not in new_rows[path]
    for t_old, t_new in zip(old.get("targets", []), new.get("targets", [])):   # names and units kept
        assert t_new["name"] == t_old["name"]
        unit = re.sub(r"^[0-9.]+", "", str(t_old["target"]))
        assert t_new["target"] == "待填写" + unit
    text_old, text_new = source.read_text(encoding="utf-8"), target.read_text(encoding="utf-8")
    comments = [line.strip() for line in text_old.splitlines()
                if line.strip().startswith("# ") and "yaml-language-server" not in line]
    assert all(c in text_new for c in comments)           # the user's comments stay
    # the editor's schema, from where the new file is: no schema/ in this folder, so one beside it
    assert text_new.splitlines()[0] == "# yaml-language-server: $schema=schema/facts.schema.json"
    assert (county / "inputs" / "schema" / "facts.schema.json").is_file()
    assert new["department"]["name"] == old["department"]["name"]


def test_the_rubric_moves_to_the_new_years_when_there_is_one(county, run):
    shutil.copy(county / "rubrics" / "yangxi-2023.yaml", county / "rubrics" / "yangxi-2024.yaml")
    target = county / "inputs" / "y-2024.yaml"
    result = run("rollover", str(county / "inputs" / "yangxi-2023.yaml"), "--year", "2024", "-o", str(target))
    assert result.exit_code == 0 and "评分体系改为 yangxi-2024" in result.output
    assert "rubric: yangxi-2024" in target.read_text(encoding="utf-8")
    target2 = county / "inputs" / "h-2024.yaml"
    result = run("rollover", str(county / "inputs" / "hunan-example-2023.yaml"), "--year", "2024", "-o", str(target2))
    assert "没有找到 2024 年度的评分体系“hunan-2024”，仍使用 hunan-2023" in result.output


def test_rollover_refuses_to_write_over_a_file_or_go_back_in_time(county, run):
    source = county / "inputs" / "yangxi-2023.yaml"
    result = run("rollover", str(source), "--year", "2024", "-o", str(source))
    assert result.exit_code == 2 and "这就是输入文件，rollover 从不改写输入" in result.output
    result = run("rollover", str(source), "--year", "2022", "-o", str(county / "inputs" / "x.yaml"))
    assert result.exit_code == 2 and "新的年度 2022 应晚于本文件的年度 2023" in result.output


def test_once_filled_in_nothing_is_left_to_update(county, run):
    """Fill every 待填写 and rewrite every 【上年】 text: check no longer asks for anything
    (what it says about the invented figures is another matter)."""
    target = county / "inputs" / "hunan-2024.yaml"
    assert run("rollover", str(county / "inputs" / "hunan-example-2023.yaml"), "--year", "2024",
               "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8").replace("【上年】", "")
    text = re.sub(r"report_date: 待填写", "report_date: 2025-03-31", text)
    text = re.sub(r"as_of: 待填写", "as_of: 2024-12-31", text)
    text = re.sub(r"(score|value|numerator|denominator): 待填写", lambda m: {"score": "score: 1", "value": "value: 90%",
                  "numerator": "numerator: 9", "denominator": "denominator: 10"}[m.group(1)], text)
    text = re.sub(r"待填写(亿元|万元|元|%|个|家|座|人次|项|件|次|场|名|户|亩|篇|批)", r"1\1", text)
    text = text.replace("待填写", "1")
    target.write_text(text, encoding="utf-8")
    checked = run("check", str(target))
    assert "[UNFILLED]" not in checked.output and "[STALE]" not in checked.output
    assert "year: 2024" in text
