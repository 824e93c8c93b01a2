"""The corpora of real wording (tests/corpus/prose.yaml, claims.yaml, claims-real.yaml): each sentence,
the facts it needs, the outcome. A test per entry, named after what the user wrote: a right sentence
checks clean, a wrong one is caught with its code, and the finding quotes the wrong figure and points
at it (file:line:col on the figure itself).
"""
from __future__ import annotations

import pytest
import yaml
from paths import ROOT
from prosecases import at_figure, run_case

from generator.core.codes import CODES

FILES = ["prose.yaml", "claims.yaml", "claims-real.yaml", "claims-review.yaml"]
CORPUS = [(name, e) for name in FILES if (ROOT / "tests" / "corpus" / name).exists()
          for e in yaml.safe_load((ROOT / "tests" / "corpus" / name).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("entry", [e for _, e in CORPUS], ids=[f"{n}:{e['name']}" for n, e in CORPUS])
def test_what_a_report_says(tmp_path, entry):
    found, others, lines = run_case(tmp_path, entry)
    assert others == [], [f.text() for f in others]          # the scaffolding itself is clean
    if entry["expect"] == "clean":
        assert found == [], [f.text() for f in found]
        return
    assert [f.code for f in found] == [code for code, _ in entry["expect"]], [f.text() for f in found]
    for f, (_code, figure) in zip(found, entry["expect"]):
        assert at_figure(f, figure, lines), (f.text(), lines[f.line - 1] if f.line else "")


def test_every_prose_code_has_a_case_that_fires_and_a_clean_twin_of_its_kind():
    fired = {code for _, e in CORPUS if e["expect"] != "clean" for code, _ in e["expect"]}
    prose = {c for c in CODES if c.startswith("PROSE-")}
    assert prose <= fired, prose - fired
    kinds_wrong = {e.get("kind") for _, e in CORPUS if e["expect"] != "clean"}
    kinds_clean = {e.get("kind") for _, e in CORPUS if e["expect"] == "clean"}
    assert kinds_wrong - {None, "other"} <= kinds_clean


def test_the_corpus_covers_every_wording_the_issue_names():
    texts = " ".join(e["text"] for _, e in CORPUS)
    for words in ("较上年", "比上年同期", "同比", "同比上年度", "比增", "增长", "下降", "增加", "减少",
                  "增幅", "降幅", "增长率", "增速", "与上年持平", "2022年为", "截至", "截止", "占", "比重",
                  "执行率", "完成年初预算", "相差", "差额", "其中", "分别为", "编制", "在职", "退休", "全县", "全省"):
        assert words in texts, words
