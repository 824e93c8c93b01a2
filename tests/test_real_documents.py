"""Whole real documents (six published Shanghai budgets, tests/fixtures/documents/SOURCE.md), every prose paragraph
as a user's text and the facts their own tables state: `check` finds exactly the errors the documents themselves
contain (expected.yaml, each with its arithmetic) — no more. A finding not listed is a false alarm on real text."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent / "fixtures" / "documents"
EXPECTED = yaml.safe_load((ROOT / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_document_raises_exactly_its_own_errors(name):
    from generator.pipeline import check
    path = ROOT / "inputs" / name
    result = check(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    found = [f for f in result.findings.sorted() if f.code.startswith("PROSE-") or f.code == "DATE-YEAR"]
    assert [(f.code, f.line) for f in found] == [(code, line) for code, line, _ in EXPECTED[name]], \
        [f.text() for f in found]
    for _, line, figure in EXPECTED[name]:
        assert figure in lines[line - 1], (name, line, figure)      # the wrong figure is on the line reported
    errors = [f for f in result.findings.sorted() if f.severity == "error" and f not in found]
    assert not errors, [f.text() for f in errors]                  # the facts themselves are valid
