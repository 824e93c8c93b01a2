"""One prose case — a sentence, the facts it needs, what `check` must say — turned into a facts
file and checked. Shared by the corpus tests and `bench/prose_recall.py`.

A case (YAML mapping):
  name:   what the case is
  kind:   what the sentence states (amount, prior, change, rate, share, execution, sum, difference,
          compare, count, other-subject, scope, …), for the bench's table
  text:   the sentence or paragraph, written into `in` (default other_notes)
  facts:  dotted fact paths → values (a list or mapping is written as it is)
  expect: clean, or [[CODE, "the wrong figure as written"], …]
  style:  true to see what `check --style` shows (usage findings such as DATE-WORD)
"""
from __future__ import annotations

from pathlib import Path

import yaml

RUBRIC = "name: 测试用评分体系\nindicators:\n  - {id: A, name: 整体, points: 100}\n"
WATCHED = ("PROSE-", "DATE-")


def nested(dotted: dict) -> dict:
    out: dict = {}
    for path, value in dotted.items():
        node = out
        *heads, last = path.split(".")
        for h in heads:
            node = node.setdefault(h, {})
        node[last] = value if isinstance(value, (list, dict)) else str(value)
    return out


def merge(into: dict, extra: dict) -> dict:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = value
    return into


def facts_file(folder: Path, entry: dict) -> Path:
    (folder / "rubrics").mkdir(exist_ok=True)
    (folder / "rubrics" / "一项.yaml").write_text(RUBRIC, encoding="utf-8")
    data = {"year": "2023", "rubric": "一项", "report_date": str(entry.get("report_date", "2024-03-29")),
            "department": {"name": "某县某局"}, "scores": {"A": {"score": "100"}}}
    merge(data, nested(entry.get("facts") or {}))
    merge(data, nested({entry.get("in", "other_notes"): entry["text"]}))
    path = folder / "inputs" / "x.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_case(folder: Path, entry: dict):
    """(the watched findings, other errors, the facts file's lines) for one case."""
    from generator.core.codes import STYLE
    from generator.pipeline import check
    path = facts_file(folder, entry)
    result = check(path)
    # what `check` shows by default: usage findings (codes.STYLE) only with --style (a case's `style: true`)
    found = [f for f in result.findings.sorted()
             if f.code.startswith(WATCHED) and (entry.get("style") or f.code not in STYLE)]
    others = [f for f in result.findings.sorted() if f.severity == "error" and not f.code.startswith(WATCHED)]
    return found, others, path.read_text(encoding="utf-8").splitlines()


def at_figure(f, figure: str, lines: list[str]) -> bool:
    """The finding quotes the figure and points at it (file:line:col on the figure itself)."""
    if figure not in f.message or not f.line:
        return False
    return figure.rstrip("%").lstrip("-+−") in lines[f.line - 1][f.col - 1:f.col + 40]     # (it may point past a sign)
