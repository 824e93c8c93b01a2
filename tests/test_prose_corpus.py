"""The corpus of real wording (tests/corpus/prose.yaml): each sentence, the facts it needs, the outcome.

A test per entry, named after what the user wrote: a right sentence checks clean, a wrong one is
caught with its code, and the finding quotes the wrong figure and points at it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
CORPUS = yaml.safe_load((ROOT / "tests" / "corpus" / "prose.yaml").read_text(encoding="utf-8"))
RUBRIC = "name: 测试用评分体系\nindicators:\n  - {id: A, name: 整体, points: 100}\n"
WATCHED = ("PROSE-", "DATE-")


def nested(dotted: dict) -> dict:
    out: dict = {}
    for path, value in dotted.items():
        node = out
        *heads, last = path.split(".")
        for h in heads:
            node = node.setdefault(h, {})
        node[last] = str(value)
    return out


def facts_file(tmp_path: Path, entry: dict) -> Path:
    (tmp_path / "rubrics").mkdir(exist_ok=True)
    (tmp_path / "rubrics" / "一项.yaml").write_text(RUBRIC, encoding="utf-8")
    data = {"year": "2023", "rubric": "一项", "report_date": str(entry.get("report_date", "2024-03-29")),
            "department": {"name": "某县某局"}, "scores": {"A": {"score": "100"}}}
    data.update(nested(entry.get("facts") or {}))
    data.update(nested({entry.get("in", "other_notes"): entry["text"]}))
    path = tmp_path / "inputs" / "x.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("entry", CORPUS, ids=[e["name"] for e in CORPUS])
def test_what_a_report_says(tmp_path, entry):
    path = facts_file(tmp_path, entry)
    result = check(path)
    found = [f for f in result.findings.sorted() if f.code.startswith(WATCHED)]
    others = [f for f in result.findings.sorted() if f.severity == "error" and not f.code.startswith(WATCHED)]
    assert others == [], [f.text() for f in others]          # the scaffolding itself is clean
    if entry["expect"] == "clean":
        assert found == [], [f.text() for f in found]
        return
    assert [f.code for f in found] == [code for code, _ in entry["expect"]], [f.text() for f in found]
    lines = path.read_text(encoding="utf-8").splitlines()
    for f, (code, figure) in zip(found, entry["expect"]):
        assert figure in f.message, f.text()
        assert figure.rstrip("%") in lines[f.line - 1][f.col - 1:f.col + 40], (f.text(), lines[f.line - 1])


def test_the_corpus_covers_every_wording_the_issue_names():
    texts = " ".join(e["text"] for e in CORPUS)
    for words in ("较上年", "比上年同期", "同比", "同比上年度", "比增", "增长", "下降", "增加", "减少",
                  "增幅", "降幅", "增长率", "增速", "与上年持平", "2022年为", "截至", "截止"):
        assert words in texts, words
