"""The claims a text makes (see `derive/claims/`), checked against the facts and against each other.

A level against the fact it names (this year's column or last year's), a change against the two
figures it is the difference of, a growth rate against the change and its base, a share against its
whole, an execution rate against the budget column, a difference and a comparison against their two
figures, a 其中 list against its head, a headcount against the staffing facts. Every tolerance comes
from the precision written. A figure computed from one already reported wrong is not reported
again: one slip, one finding. A claim whose facts are not in the file is not checked.
"""
from __future__ import annotations

from datetime import date

from ...derive.claims import read
from ...derive.claims.grammar import BY_SOURCE
from ...derive.values import FactView
from ...derive.vocabulary import with_own_words, without_stand_ins
from ...model.facts import AMOUNT_PATHS, Report
from ...model.findings import Document, Findings
from ..text import iter_texts
from .base import _Reads
from .checker import Checker
from .common import _HEADCOUNTS, _Alias, _columns
from .guarded import Guard
from .targets import _check_targets, _table_units

__all__ = ["Checker", "_table_units", "check_prose", "read_texts"]


def read_texts(report: Report, voc):
    """(path, text, reading) for every narrative text of the report."""
    dept = getattr(report, "department", None)
    names = tuple(n for n in [getattr(dept, "name", None), getattr(dept, "short_name", None),
                              *(getattr(dept, "plaques", None) or [])] if isinstance(n, str))
    targets = tuple((k, name) for k, t in enumerate(getattr(report, "targets", None) or [])
                    for name in [t.name, *(t.aliases or [])] if isinstance(name, str) and name)
    staffing = getattr(dept, "staffing", None)
    view = _LazyView(report)
    voc = without_stand_ins(with_own_words(voc, staffing), view.has)
    as_of = getattr(staffing, "as_of", None)
    # a budget written in its year counts its people at the end of the year before (see checks/text.py)
    counts_year = as_of.year if as_of is not None and as_of.year == report.year - 1 else None
    # the days the file counts its stocks on ("截至2023年1月31日，本部门固定资产金额…": that day's balance)
    assets_on = getattr(getattr(report, "assets", None), "as_of", None)
    moments = ((assets_on.month, assets_on.day),) if isinstance(assets_on, date) else ()
    seen: set[str] = set()
    guard = Guard(voc, view.get) if voc.guarded else None
    for path, raw in iter_texts(report):
        if path and path[0] in ("rubric", "template", "title"):
            continue
        # a text written twice is read twice: each reading carries its own check's marks
        # (a target's own fields name it: not a mention to check)
        def read_with(v, raw=raw, path=path):
            return read(raw, v, report.year, names, kept=raw not in seen,
                        targets=() if path and path[0] == "targets" else targets, counts_year=counts_year,
                        moments=moments)
        reading = read_with(voc)
        if guard is not None:
            reading = guard.reading(raw, reading, read_with)
        yield path, raw, reading
        seen.add(raw)


class _LazyView:
    """The report's FactView, made only when a reading asks for a figure (most texts never do)."""

    def __init__(self, report: Report):
        self.report = report
        self._view: FactView | None = None

    def get(self) -> FactView:
        if self._view is None:
            self._view = FactView(self.report)
        return self._view

    def has(self, path: str) -> bool:
        """Whether the report has a figure of a fact, stated or derived (a fact of columns: in any of them)."""
        view = self.get()
        return view.value(path) is not None or any(view.value(f"{path}.{col}") is not None
                                                   for col in ("budget", "adjusted", "final"))


def check_prose(report: Report, doc: Document, view: FactView, texts: list, found: Findings,
                scores=None) -> dict:
    """Check the claims of every text (as read_texts gives them); return, for each text, the facts it states.
    `scores`: the derived scores, what a total score stated in the prose is checked against."""
    units = _table_units(report, doc, view, texts, found)
    reads = _Reads(view)
    ctx = Checker(report, reads, units, doc, found)
    ctx.scores = scores
    out = {}
    for path, text, reading in texts:
        reads.paths = set()
        ctx.path, ctx.text = path, text
        ctx.check(reading)
        _check_targets(report, text, reading, doc, path, found)
        out[path] = _stated(reading) | reads.paths | _references(text)
    return out




def _stated(reading) -> set:
    """The facts a text states: each level's, and the figures a change or rate is made of."""
    out = set()
    for c in reading.claims:
        if not c.fact:
            continue
        fact = "finance.expenditure.current" if c.fact in BY_SOURCE else c.fact
        c = _Alias(c, fact)
        if c.kind in ("level", "prior") and c.column:
            out |= {f"{c.fact}.{col}" if c.fact in AMOUNT_PATHS else c.fact for col in _columns(c.column)}
        elif c.kind in ("change", "rate") and c.fact in AMOUNT_PATHS and not c.budget_base:
            out |= {f"{c.fact}.final"} | {f"{c.fact}.{col}" for col in _columns(c.against or "prior")}
        elif c.kind == "share" and c.whole:
            out.add(c.whole if c.whole not in AMOUNT_PATHS else f"{c.whole}.{c.column or 'final'}")
        elif c.kind == "count":
            out |= {p for f in (c.fact, *c.alts) for p in _HEADCOUNTS.get(f, (f,))}
    return out


def _references(text: str) -> set:
    from ...template.references import REFERENCE
    return {m.group(1) for m in REFERENCE.finditer(text)}
