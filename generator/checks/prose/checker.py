"""The checker: every relation's checks in one class, and the order claims are checked in."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...core.numbers import decimals, fmt, transposed
from ...derive.claims import Claim
from ...derive.claims.grammar import BY_SOURCE
from ...derive.claims.tokens import CURRENCY
from ...model.facts import fact_label
from .changes import _Changes
from .common import _COLUMN_ZH
from .counts import _Counts
from .executions import _Executions
from .levels import _Levels
from .lists import _Lists
from .rates import _Rates
from .relations import _Relations
from .shares import _Shares

_ORDER = {"level": 0, "prior": 0, "count": 0, "sum": 1, "change": 2, "flat": 2, "rate": 3, "share": 3,
          "execution": 3, "difference": 3, "compare": 3, "margin": 3, "formula": 3, "score": 0, "named": 3}


def _order(c: Claim) -> float:
    """When a claim is checked: a list's parts first, then the list, then its head; then what is computed from them
    — a change's list of its parts' changes after the change itself (its head: reported once where it is wrong)."""
    if c.head and c.kind in ("level", "prior"):
        return 1.5
    return 2.5 if c.changes else _ORDER[c.kind]


MAX_PER_TEXT = 100       # findings from one text; the rest of a hostile text is not checked


class Checker(_Lists, _Relations, _Executions, _Shares, _Rates, _Changes, _Levels, _Counts):
    """What the checks of one report share: its facts, the units its tables are really in, where
    findings go, and the text being checked. `explain` uses it too, to say what each claim was
    checked against. Each relation's checks are a class of their own module (counts, levels, changes,
    rates, shares, executions, relations, lists), on the facts and sentences of base.py."""

    # ---- claims -----------------------------------------------------------------------------------
    def check(self, reading) -> None:
        self._begin(reading)
        # a list's parts first, then the list, then its head; then what is computed from them
        for c in sorted(reading.claims, key=_order):
            if self.reported >= MAX_PER_TEXT:
                # a text this wrong is not a report; the first findings say what to fix
                self.skip(c, f"同一段文字已报出 {MAX_PER_TEXT} 个问题，其余不再核对")
                continue
            self.source = c.source
            if c.sentence in self.far:
                self.skip(c, "这一句中有金额与事实相差好几倍：这一句说的多半不是本部门的")
                continue
            # (a change's list of its parts' changes is checked as such: see lists._sum_of_changes)
            self._either_way(c) if c.twoway else getattr(self, "_sum_of_changes" if c.changes else "_" + c.kind)(c)
        self._swapped_digits(reading.claims)

    # ---- a figure left unchecked that is a fact's figure with two digits swapped ---------------------
    def _swapped_digits(self, claims: list) -> None:
        """A figure left unchecked (its column, year or subject not certain) that is one of its fact's figures — in
        any column — with two digits swapped ("1774.99" for the 年初预算 1747.99) is that figure miscopied: a
        coincidence of three digits or more is one in hundreds, so the doubt that kept the claim unchecked does not
        hold."""
        for c in claims:
            verdict = self.verdicts.get(id(c), "未核对：")
            if c.flagged or not verdict.startswith("未核对") or c.fact is None or self.reported >= MAX_PER_TEXT \
                    or (c.of is not None and id(c.of) in self.far_amounts):
                # (an amount many times its fact's figure is of something else: so are its change and rate — the amount
                # itself may still be another column's figure miscopied: "项目支出1025.39万元" for the 年初预算 1052.39)
                continue
            # (any source: a figure of the line two digits off is miscopied, whichever part of it was meant)
            self.source = ""
            found = next(((how, v) for how, v in self._figures_of(c) if transposed(abs(c.value), v)), None)
            if found is None:
                continue
            how, value = found
            code = {"level": "PROSE-PRIOR" if c.column in ("prior", "prior_budget") else "PROSE-FACT",
                    "prior": "PROSE-PRIOR", "change": "PROSE-CHANGE", "rate": "PROSE-RATE", "count": "PROSE-COUNT",
                    "execution": "PROSE-EXECUTION"}[c.kind]
            unit = "%" if c.kind in ("rate", "execution") else c.unit
            self.error(code, c, f"正文“…{self.quote(c)}”与事实不符：{how} 为 {fmt(value)}{unit}，写的 "
                       f"{fmt(abs(c.value))}{unit} 与它只差两位数字的次序，多半是写颠倒了。",
                       stated=abs(c.value), fact=value)

    def _figures_of(self, c: Claim) -> list[tuple[str, Decimal]]:
        """(what, value) for each figure of a claim's fact (and the facts its words may name) that it may restate:
        an amount, any column; a change, any column against last year or the year's budget; a rate, those changes
        on their base, to the places written."""
        if c.kind == "count":
            return self.count_candidates(c)
        if c.kind not in ("level", "prior", "change", "rate", "execution") or c.unit in CURRENCY:
            return []
        out = []
        # (spending by a source of funds: the year's spending, whichever part of it the source paid)
        for fact in (c.fact, *c.alts, *(["finance.expenditure.current"] if c.fact in BY_SOURCE else [])):
            cols = {col: v for col in ("budget", "adjusted", "final", "prior", "prior_budget")
                    if (v := self.fact(fact, col, "万元" if c.kind in ("rate", "execution") else c.unit, quiet=True))
                    is not None}
            if c.kind in ("level", "prior"):
                out += [(self._label(fact, col), v) for col, v in cols.items()]
                continue
            if c.kind == "execution":
                out += [(f"{fact_label(fact, self.report)} 决算数 ÷ {_COLUMN_ZH[col]}",
                         (cols["final"] / v * 100).quantize(Decimal(1).scaleb(-decimals(c.value)), ROUND_HALF_UP))
                        for col, v in cols.items() if col in ("budget", "adjusted") and v and "final" in cols]
                continue
            for now, base in (("final", "prior"), ("budget", "prior_budget"), ("budget", "prior"), ("adjusted", "budget"),
                              ("final", "budget"), ("final", "adjusted")):
                if now not in cols or base not in cols or not _base_may_be(c.against, base):
                    continue
                delta = cols[now] - cols[base]
                how = f"{fact_label(fact, self.report)} {_COLUMN_ZH.get(now, now)}比{_COLUMN_ZH.get(base, base)}"
                if c.kind == "change":
                    out.append((how + "的增减额", abs(delta)))
                elif cols[base]:
                    rate = abs(delta) / cols[base] * 100
                    out.append((how + "的增减幅度", rate.quantize(Decimal(1).scaleb(-decimals(c.value)), ROUND_HALF_UP)))
        return out

    def _either_way(self, c: Claim) -> None:
        """"减少（增加）2.80万元", "下降（增长）27.78%": a form's words for either direction, of which the writer kept
        both — only the size is said, so the figure is wrong only when it holds in neither direction (then what the
        first reading found is reported)."""
        check = getattr(self, "_" + c.kind)
        before = self._state(c)
        check(c)
        if len(self.found) == before[0]:
            return
        first, found = self._state(c), self.found[before[0]:]
        self._restore(before)
        c.value = -c.value
        check(c)
        c.value = -c.value
        if len(self.found) > before[0]:
            self.found[before[0]:] = found
            self._restore(first)


def _base_may_be(against: str | None, base: str) -> bool:
    """Whether a change or rate that names its base ("较上年", "比年初预算") may be on this column of the file: one
    that says 上年 is on last year's figure, not the year's budget ("较上年增长5.45%" is no 调整-on-年初 rate)."""
    if against in ("prior", "prior_budget"):
        return base in ("prior", "prior_budget")
    if against in ("budget", "adjusted"):
        return base == against
    return True
