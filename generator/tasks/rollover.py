"""Next year's facts file from this year's, edited in place so that comments and layout stay.

What changes each year is made a placeholder (待填写) or marked (【上年】); what last year's
report can give this year's is carried over:
  * `year` moves on; the rubric moves to the new year's where one exists (yangxi-2023 → yangxi-2024);
  * every row of the money tables: this year's 决算数 becomes `prior` (上年决算数), the other
    columns are to be filled; a restated 增减额 is dropped;
  * single figures, headcounts, dates and scores are to be filled; targets keep their names and
    units (待填写亿元);
  * narratives, and the title and 文号 of the notice the evaluation follows, are kept, each marked
    【上年】 until rewritten (check warns on each one; build --strict refuses the file);
  * what describes the department (its name, duties, units) stays as it is.
The input file is never written; the result is checked by `mkreport check` like any other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.facts import Amounts, Report, Target
from ..model.schema import PLACEHOLDER, STALE, Date, Integer, ListOf, Model, ModelKind, Number, Percent

# texts of one year: kept, marked as last year's — the narratives, and the bureau's notice the
# evaluation follows (its 文号 西财绩〔2024〕1号 is next year's to write, like its title)
YEARLY = {"work", "targets_intro", "problems", "measures", "rectification", "results_use", "other_notes",
          "conclusion.text", "finance.narrative", "basis.title", "basis.issuer", "basis.number"}
SCORE_TEXTS = {"text", "reason"}


@dataclass
class Edits:
    text: str
    changes: list = field(default_factory=list)      # (start, end, replacement)
    notes: list = field(default_factory=list)

    def replace(self, node, value: str) -> None:
        end = self.end(node)
        if node.is_null or end <= node.start:
            self.changes.append((node.start, node.start, " " + value))
        else:
            self.changes.append((node.start, end, value))

    def end(self, node) -> int:
        """Where a node's own text ends: a block mapping or list ends with its last value (the
        parser's end mark is the start of whatever follows, comments and line breaks included)."""
        while node.kind in ("map", "seq") and self.text[node.start:node.start + 1] not in ("{", "["):
            children = list(node.value.values()) if node.kind == "map" else node.value
            if not children:
                break
            node = children[-1]
        return node.end

    def mark(self, node) -> None:
        """【上年】 before a text, inside its quotes or after a block scalar's header."""
        if node.kind != "scalar" or not node.value or node.value.lstrip().startswith(STALE):
            return
        at = node.start
        head = self.text[at:at + 1]
        if head in "\"'":
            at += 1
        elif head in "|>":
            newline = self.text.find("\n", at)
            at = newline + 1
            while at < len(self.text) and self.text[at] == " ":
                at += 1
        self.changes.append((at, at, STALE))

    def apply(self) -> str:
        out = self.text
        for start, end, value in sorted(self.changes, key=lambda c: (c[0], c[1]), reverse=True):
            out = out[:start] + value + out[end:]
        return out


def roll(text: str, root, year: int, old_year: int, rubric_ref: str | None) -> Edits:
    edits = Edits(text)
    _model(root, Report, (), edits, year, old_year, rubric_ref)
    return edits


def _model(node, model: type[Model], path: tuple, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if node.kind != "map":
        return
    for key, child in node.value.items():
        f = model.fields.get(key)
        if f is None:
            continue
        top = _TOP.get(key) if model is Report else None
        if top is not None:
            top(child, edits, year, old_year, rubric_ref)
        else:
            _field(child, f, path + (key,), edits, year, old_year, rubric_ref)


def _field(child, f, sub: tuple, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    """One field below the top: this year's texts marked, rows rolled, figures to be written."""
    kind = f.kind
    if ".".join(str(p) for p in sub) in YEARLY:
        _mark_all(child, edits)
    elif isinstance(kind, ModelKind) and kind.model is Amounts:
        _amounts(child, edits)
    elif isinstance(kind, ModelKind):
        _model(child, kind.model, sub, edits, year, old_year, rubric_ref)
    elif isinstance(kind, ListOf) and isinstance(kind.item, ModelKind):
        item = kind.item.model
        for i, element in enumerate(child.value if child.kind == "seq" else ()):
            if item is Target:
                _target(element, edits)
            else:
                _model(element, item, sub + (i,), edits, year, old_year, rubric_ref)
    elif isinstance(kind, (Number, Integer, Percent, Date)) and child.kind == "scalar":
        if not (isinstance(kind, Integer) and f.zh.endswith("小数位数")):
            edits.replace(child, PLACEHOLDER)


def _year(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    edits.replace(child, str(year))


def _rubric(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if rubric_ref:
        edits.replace(child, rubric_ref)


def _title(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if child.kind == "scalar" and child.value:
        edits.replace(child, _quoted(child, edits.text).replace(str(old_year), str(year)))


def _scores(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    for entry in (child.value.values() if child.kind == "map" else ()):
        _score(entry, edits)


# The report's own top-level fields that roll in their own way (the year, its rubric, its title,
# the scores); every other field by its kind (_field).
_TOP = {"year": _year, "rubric": _rubric, "title": _title, "scores": _scores}


def _amounts(node, edits: Edits) -> None:
    """A table row: 决算数 → 上年决算数; the year's columns to fill; a restated 增减额 dropped."""
    if node.kind != "map":
        return
    cols = [c for c in ("budget", "adjusted", "final") if c in node.value]
    final = node.value.get("final")
    parts = [f"{c}: {PLACEHOLDER}" for c in cols]
    if final is not None and final.kind == "scalar" and final.value is not None:
        from ..model.scaffold import scalar
        parts.append(f"prior: {scalar(final.value)}")       # quoted if YAML would misread it
    elif "prior" in node.value:
        parts.append(f"prior: {PLACEHOLDER}")
    edits.replace(node, "{" + ", ".join(parts) + "}")


def _target(node, edits: Edits) -> None:
    """A target keeps its name and its units; its values are to be written."""
    from ..core.numbers import parse_quantity

    if node.kind != "map":
        return
    for key in ("target", "actual", "results_target"):
        child = node.value.get(key)
        if child is not None and child.kind == "scalar" and child.value is not None:
            q = parse_quantity(child.value)
            edits.replace(child, PLACEHOLDER + (q.unit if q is not None else ""))
    status = node.value.get("status")
    if status is not None and status.kind == "scalar":
        edits.replace(status, PLACEHOLDER)


def _score(node, edits: Edits) -> None:
    if node.kind != "map":
        return
    for key, child in node.value.items():
        if key in ("score", "deduction") and child.kind == "scalar":
            edits.replace(child, PLACEHOLDER)
        elif key in SCORE_TEXTS:
            _mark_all(child, edits)
        elif key == "measure" and child.kind == "map":
            for k, v in child.value.items():
                if k in ("value", "numerator", "denominator") and v.kind == "scalar":
                    edits.replace(v, PLACEHOLDER)
                elif k == "text":
                    _mark_all(v, edits)


def _mark_all(node, edits: Edits) -> None:
    """Every text of a narrative (a paragraph, a list of them, headed blocks) marked 【上年】."""
    todo = [node]
    while todo:
        n = todo.pop()
        if n.kind == "scalar":
            edits.mark(n)
        elif n.kind == "seq":
            todo.extend(n.value)
        elif n.kind == "map":
            todo.extend(n.value.values())


def _quoted(node, text: str) -> str:
    """A scalar's source text, quotes included."""
    return text[node.start:node.end]


def next_rubric(ref: str, old_year: int, year: int) -> str | None:
    """yangxi-2023 → yangxi-2024: the same rubric's name for the new year, if it names a year."""
    if str(old_year) not in ref:
        return None
    return re.sub(str(old_year), str(year), ref)
