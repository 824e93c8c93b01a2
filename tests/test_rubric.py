"""Rubrics are validated on load, and their own errors point into the rubric file."""
from __future__ import annotations

from pathlib import Path

import pytest
from paths import ROOT

from generator.model.rubric import _cache, load_rubric


def load(tmp_path: Path, text: str):
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    _cache.clear()
    rubric, found, _ = load_rubric(p, "r.yaml")
    return rubric, [f.resolve().text() for f in found]


@pytest.mark.parametrize("name,points,warnings", [
    ("yangxi-2023", 100, []),
    ("hunan-2023", 100, []),
    # only what the county published: its indicators add to 99, said so, and warned about
    ("pingyuan-2023", 99, ["RUBRIC-POINTS"]),
])
def test_shipped_rubrics_are_valid(name, points, warnings):
    rubric, found, _ = load_rubric(ROOT / "rubrics" / f"{name}.yaml", name)
    assert rubric is not None and [f.code for f in found] == warnings
    assert sum(r.points for r in rubric.roots) == rubric.points == points


def test_children_must_add_up_and_ids_be_unique(tmp_path):
    rubric, found = load(tmp_path, """name: 测试
indicators:
  - id: A
    name: 甲
    points: 60
    children:
      - {id: A1, name: 子一, points: 30}
      - {id: A1, name: 子二, points: 20}
  - {id: B, name: 乙, points: 30}
""")
    assert rubric is None
    assert "r.yaml:5:13: 错误 [RUBRIC-SUM] A 甲 分值 60 ≠ 下级指标分值合计 50 = 30 + 20。" in found
    assert any(f.startswith("r.yaml:8:14: 错误 [RUBRIC-ID]") for f in found)
    assert any("[RUBRIC-TOTAL] 一级指标分值合计 90 = 60 + 30，不等于总分 100" in f for f in found)


def test_rule_paths_must_name_facts(tmp_path):
    _, found = load(tmp_path, """name: 测试
indicators:
  - id: A
    name: 甲
    points: 100
    rule:
      kind: not_exceed
      limits: [{actual: finance.three_public.final, limit: finance.three_pubic.budget}]
""")
    assert any("[RUBRIC-PATH]" in f and "finance.three_pubic.budget" in f and f.startswith("r.yaml:8:") for f in found)


def test_grade_bands_must_descend(tmp_path):
    _, found = load(tmp_path, """name: 测试
grades: [{grade: 优, min: 90}, {grade: 良, min: 95}]
indicators: [{id: A, name: 甲, points: 100}]
""")
    assert any("[RUBRIC-GRADE]" in f for f in found)
