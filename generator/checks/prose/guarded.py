"""Labels the vocabulary trusts only where the amount after them is their fact's (`when: 相符`).

"机关运行经费" is, in most departments, exactly 公用经费 — but not in all (a department with 事业单位, or paid from
other sources, states a smaller figure). A text naming such a label is read twice: as the vocabulary stands (the
label names nothing: only the arithmetic the text states is checked), and with the label taken at its word. The
second reading is kept only where every amount the label states is one of its fact's figures (a budget, the
final, last year's): then the text is about that line, and its changes, rates and shares are checked against it.
"""
from __future__ import annotations

from ...core.numbers import same_figure
from ...derive.claims.tokens import MONEY

# the figures an amount may restate for the label to be taken at its word
_COLUMNS = ("budget", "adjusted", "final", "prior", "prior_budget")


class Guard:
    """Which reading of a text to keep, for one report."""

    def __init__(self, voc, view_of):
        self.voc = voc
        self.facts = {fact for _, fact in voc.guarded}
        self.spellings = voc.guarded_spellings
        self._view_of = view_of             # the report's FactView, made only when a text names a guarded label
        self._view = None

    def reading(self, text: str, reading, read_again):
        """`reading`, or the one `read_again(vocabulary)` gives with the guarded labels taken at their word."""
        if not any(s in text for s in self.spellings):
            return reading
        alt = read_again(self.voc.with_guarded())
        known = {(c.figure.start, c.fact) for c in reading.claims if c.figure is not None}
        named = [c for c in alt.claims if c.fact in self.facts and c.kind in ("level", "prior")
                 and c.figure is not None and (c.figure.start, c.fact) not in known]
        if not named:
            # ("机关运行经费财政拨款预算较2022年增加了5.00万元，增幅达6.25%": no amount, only a change — taken at its
            # word where the change is one of the fact's own, so its rate is checked)
            named = [c for c in alt.claims if c.fact in self.facts and c.kind == "change" and c.figure is not None
                     and (c.figure.start, c.fact) not in known]
            if not named or not all(self._is_its_change(c) for c in named):
                return reading
        elif not all(self._is_its_figure(c) for c in named):
            return reading
        for c in alt.claims:
            if c.fact in self.facts and any(s in c.label for s in self.spellings):
                c.guarded = True
        return alt

    def _is_its_change(self, c) -> bool:
        """Whether a change is one of its fact's: this year's final or budget less last year's (either column)."""
        seen = self._stated_and_figures(c)
        if seen is None:
            return False
        stated, values = seen
        return any(now is not None and was is not None and same_figure(stated, abs(now - was))
                   for now in (values["final"], values["budget"]) for was in (values["prior"], values["prior_budget"]))

    def _is_its_figure(self, c) -> bool:
        seen = self._stated_and_figures(c)
        return seen is not None and any(v and same_figure(seen[0], v) for v in seen[1].values())

    def _stated_and_figures(self, c) -> tuple | None:
        """A claim's figure in 万元 and its fact's figures by column (None: no amount of money to compare)."""
        scale = MONEY.get(c.unit)
        if scale is None or not c.value:
            return None
        if self._view is None:
            self._view = self._view_of()
        return abs(c.value) * scale, {col: self._view.in_wan(f"{c.fact}.{col}") for col in _COLUMNS}
