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
  base:   a facts file of the repository (e.g. inputs/yangxi-2023.yaml) the case is written into, with
          its rubric, instead of the bare one-indicator file: the sentence then meets a whole report's
          facts (staffing, targets, scores, projects), as a user's would
"""
from __future__ import annotations

from pathlib import Path

import yaml

RUBRIC = "name: 测试用评分体系\nindicators:\n  - {id: A, name: 整体, points: 100}\n"
WATCHED = ("PROSE-", "DATE-")
# what a base file says of itself, not of the case's sentence (pingyuan-2023.yaml has no report_date)
NOT_OF_TEXT = frozenset({"DATE-MISSING"})


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


REPO = Path(__file__).resolve().parent.parent


def _base(folder: Path, entry: dict) -> dict:
    if not entry.get("base"):
        (folder / "rubrics" / "一项.yaml").write_text(RUBRIC, encoding="utf-8")
        return {"year": "2023", "rubric": "一项", "report_date": str(entry.get("report_date", "2024-03-29")),
                "department": {"name": "某县某局"}, "scores": {"A": {"score": "100"}}}
    # every scalar as the file writes it (BaseLoader): 695.60 stays 695.60, not the float 695.6
    data = yaml.load((REPO / entry["base"]).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    rubric = REPO / "rubrics" / f"{data['rubric']}.yaml"
    (folder / "rubrics" / rubric.name).write_text(rubric.read_text(encoding="utf-8"), encoding="utf-8")
    return data


def facts_file(folder: Path, entry: dict) -> Path:
    (folder / "rubrics").mkdir(exist_ok=True)
    data = _base(folder, entry)
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
             if f.code.startswith(WATCHED) and f.code not in NOT_OF_TEXT and (entry.get("style") or f.code not in STYLE)]
    others = [f for f in result.findings.sorted() if f.severity == "error" and not f.code.startswith(WATCHED)]
    return found, others, path.read_text(encoding="utf-8").splitlines()


def at_figure(f, figure: str, lines: list[str]) -> bool:
    """The finding quotes the figure and points at it (file:line:col on the figure itself)."""
    if figure not in f.message or not f.line:
        return False
    return figure.rstrip("%").lstrip("-+−") in lines[f.line - 1][f.col - 1:f.col + 40]     # (it may point past a sign)
