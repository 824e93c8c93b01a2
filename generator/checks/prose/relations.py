"""Scores, written formulas, differences, comparisons and 持平: a figure against the others it is said of."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...core.numbers import decimals, fmt, half_unit, round_to, same_figure, sum_consistent
from ...derive.claims import Claim
from ...derive.claims.tokens import MONEY
from ...model.facts import AMOUNT_PATHS, fact_label
from .base import _Base
from .common import _COLUMN_ZH, _columns

_OP_ZH = {"<": "小于", ">": "大于", "=": "等于"}


def _interval(node) -> tuple[Decimal, Decimal] | None:
    """The range a formula's expression may have: each figure ± half its last digit (whole numbers as they are)."""
    if node[0] == "num":
        value, places, percent = node[1]
        half = half_unit(value) if places else Decimal(0)
        lo, hi = value - half, value + half
        return (lo / 100, hi / 100) if percent else (lo, hi)
    if node[0] == "neg":
        inner = _interval(node[1])
        return None if inner is None else (-inner[1], -inner[0])
    a, b = _interval(node[1]), _interval(node[2])
    if a is None or b is None:
        return None
    if node[0] == "+":
        return a[0] + b[0], a[1] + b[1]
    if node[0] == "-":
        return a[0] - b[1], a[1] - b[0]
    if node[0] == "/":
        if b[0] <= 0 <= b[1]:
            return None
        b = (1 / b[1], 1 / b[0])
    ends = [x * y for x in a for y in b]
    return min(ends), max(ends)


# what a formula said in words works out (see chains.py): a balance, a total
_FORMULA_ZH = {"结余": "结余", "总计": "合计"}

class _Relations(_Base):
    """Scores, written formulas, differences, comparisons and 持平."""

    def _score(self, c: Claim) -> None:
        """"本部门整体支出绩效自评得分为96.5分": the sum of the indicators' scores (the total written in the
        conclusion is checked against that sum by TOTAL), at the precision written."""
        scores = self.scores
        if scores is None or scores.total is None:
            return self.skip(c, "没有各指标的得分")
        if scores.missing:
            return self.skip(c, "有指标没有自评得分，总分还不完整")
        total, places = scores.total, decimals(c.value)
        stated = getattr(self.report.conclusion, "total", None)
        if round_to(total, places) == c.value or total == c.value or c.value == stated:
            return self.ok(c, f"各指标得分之和 {fmt(total)} 分")
        self.error("PROSE-SCORE", c, f"正文“…{self.quote(c, 24)}分”与自评得分不符：各指标得分之和为 {fmt(total)} 分。",
                   stated=c.value, computed=total)

    def _formula(self, c: Claim) -> None:
        """"在职人员控制率=…=44÷45×100%=97.78%": the result is what the figures written before it make, each figure
        standing for ± half its last digit (a whole number as written: a count, or the 100 of ×100%) — whoever's
        they are. A result in per cent may be written for the ratio (×100%) or for the number (×100)."""
        span = _interval(c.other)
        if span is None:
            return self.skip(c, "算式中有除以 0 或算不出的数")
        lo, hi = span
        half = half_unit(c.value)
        targets = [(c.value / 100, half / 100), (c.value, half)] if c.percent else [(c.value, half)]
        shown = f"{c.expression} = {c.written}"
        if any(lo - h <= v <= hi + h for v, h in targets):
            return self.ok(c, f"{shown}（按算式中写明的数）")
        mid = (lo + hi) / 2
        computed = min((mid * 100, mid), key=lambda x: abs(x - c.value)) if c.percent else mid
        # (a ratio, a balance said in words)
        what = "正文算式" if c.expression_start < 0 else f"正文“…{self.quote(c, 30)}”的{_FORMULA_ZH.get(c.label, '比例')}"
        self.error(c.op, c, f"{what}“{shown}”：按写明的数算得 {fmt(computed, max(decimals(c.value), 2))}{c.unit}，"
                   f"与写明的 {c.written} 不符。", stated=c.value, computed=computed)

    def _difference(self, c: Claim) -> None:
        if c.other is None:             # one fact, two columns: "与年初预算数差额3.46万元"
            pairs: list[tuple[Any, Any]] = [(self.fact(c.fact, a, c.unit), self.fact(c.fact, b, c.unit))
                     for a in _columns(c.column) for b in _columns(c.against)]
            pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
            if not pairs:
                return self.skip(c, "事实文件没有两个口径的数")
            for x, y in pairs:
                if sum_consistent(abs(c.value), [abs(x - y)]):
                    return self.ok(c, f"|{fmt(x)} − {fmt(y)}| = {fmt(abs(x - y))}{c.unit}")
            x, y = pairs[0]
            diff = abs(x - y)
            label = self._label(c.fact, None)
            return self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 30)}”：{label} {_COLUMN_ZH.get(c.column, '')} "
                              f"{fmt(x)} 与{_COLUMN_ZH.get(c.against, '预算数')} {fmt(y)} 相差 {fmt(diff)}{c.unit}，与写明的 "
                              f"{fmt(abs(c.value))}{c.unit} 不符。", stated=abs(c.value), computed=diff)
        a, b = c.other
        if b.figure is None:            # "项目支出达2473.85万元，比基本支出多出…": the other is a fact, by its name
            return self._difference_from_fact(c, a, b)
        if a.flagged or b.flagged or a.unit not in MONEY or b.unit not in MONEY or c.unit not in MONEY:
            return self.skip(c, "两个金额中有已报错的")
        x, y = abs(a.value) * MONEY[a.unit], abs(b.value) * MONEY[b.unit]
        diff = abs(x - y) / MONEY[c.unit]
        stated = abs(c.value)
        if sum_consistent(stated, [diff]) or sum_consistent(stated * MONEY[c.unit], [x, -y]) or \
                sum_consistent(stated * MONEY[c.unit], [y, -x]):
            return self.ok(c, f"|{fmt(x)} − {fmt(y)}| = {fmt(diff)}{c.unit}")
        self.error("PROSE-CHANGE" if c.as_change else "PROSE-DIFF", c, f"正文“…{self.quote(c, 30)}”：{fmt(abs(a.value))}{a.unit} 与 {fmt(abs(b.value))}"
                   f"{b.unit} 相差 {fmt(diff)}{c.unit}，与写明的 {fmt(stated)}{c.unit} 不符。",
                   stated=stated, computed=diff)

    def _difference_from_fact(self, c: Claim, a: Claim, b: Claim) -> None:
        """How much a stated amount is more or less than another fact of the file, in the amount's column."""
        y = self.fact(b.fact, b.column, c.unit)
        if a.flagged or y is None or a.unit not in MONEY or c.unit not in MONEY:
            return self.skip(c, "前面的金额已报错，或事实文件没有比较的那一项")
        x = abs(a.value) * MONEY[a.unit] / MONEY[c.unit]
        diff, label = abs(x - y), self._label(b.fact, b.column)
        if sum_consistent(abs(c.value), [diff]):
            return self.ok(c, f"|{fmt(x)} − {label} {fmt(y)}| = {fmt(diff)}{c.unit}")
        self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 30)}”：{fmt(abs(a.value))}{a.unit} 与{label} {fmt(y)}{c.unit} "
                   f"相差 {fmt(diff)}{c.unit}，与写明的 {fmt(abs(c.value))}{c.unit} 不符。", stated=abs(c.value), computed=diff)

    def _margin(self, c: Claim) -> None:
        """The figure after "高于调整预算…": the column's amount, or the margin between the columns."""
        x = abs(c.other.value) * MONEY[c.other.unit] / MONEY[c.unit] if c.other is not None and c.other.unit in MONEY \
            else self.fact(c.fact, c.column, c.unit)
        ys = [v for v in (self.fact(c.fact, col, c.unit) for col in _columns(c.against)) if v is not None]
        if x is None or not ys:
            return self.skip(c, "事实文件没有比较的两个数")
        what = _COLUMN_ZH.get(c.against, "预算数")
        stated = abs(c.value)
        for y in ys:
            if same_figure(stated, y) or sum_consistent(stated, [abs(x - y)]):
                how = f"{what} = {fmt(y)}{c.unit}" if same_figure(stated, y) else \
                    f"{fmt(x)} 与{what} {fmt(y)} 相差 {fmt(abs(x - y))}{c.unit}"
                if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                    return self.ok(c, how)
                at = c.other.start if c.other is not None else c.start
                return self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 24)}”不成立：{fmt(x)}{c.unit} "
                                  f"不{_OP_ZH[c.op]}{what} {fmt(y)}{c.unit}。", at=at, stated=x)
        y = ys[0]
        if abs(stated - abs(x - y)) < abs(stated - y):
            return self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 24)}”：{fmt(x)} 与{what} {fmt(y)} 相差 "
                              f"{fmt(abs(x - y))}{c.unit}，与写明的 {fmt(stated)}{c.unit} 不符。",
                              stated=stated, computed=abs(x - y))
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{self._label(c.fact, c.against)} 为 "
                   f"{fmt(y)}{c.unit}（差 {fmt(stated - y)}）。", stated=stated, fact=y)

    def _compare(self, c: Claim) -> None:
        if c.bound:
            return self._bound(c)
        a = c.other
        if a is None:
            return self._columns_compare(c)
        if a.flagged:
            return self.skip(c, "比较的数已报错")
        if c.fact is not None:          # "776.17万元，超过调整预算": against the fact's column
            ys = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.column)) if v is not None]
            if not ys or a.unit not in MONEY:
                return self.skip(c, "事实文件没有比较的数")
            x = abs(a.value) * MONEY[a.unit]
            what = _COLUMN_ZH.get(c.column, "预算数")
            for y in ys:
                if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                    return self.ok(c, f"{fmt(x)} {c.op} {what} {fmt(y)}")
            y = ys[0]
            return self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 12)}…{_OP_ZH[c.op]}{what}”不成立："
                              f"{what}为 {fmt(y)}万元。", stated=a.value)
        x, y = abs(a.value) * MONEY[a.unit], abs(c.value) * MONEY[c.unit]
        holds = {"<": x < y, ">": x > y, "=": x == y}[c.op]
        if holds:
            return self.ok(c, f"{fmt(x)} {c.op} {fmt(y)}")
        if c.words_end >= 0:
            # "年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因…": the words after both amounts
            return self.error("PROSE-COMPARE", c, f"正文“…{self.text[max(0, c.start - 8):c.words_end]}”不成立："
                              f"决算数 {fmt(abs(a.value))}{a.unit} 不{_OP_ZH[c.op]}预算数 {fmt(abs(c.value))}{c.unit}。",
                              at=a.start, stated=a.value)
        self.error("PROSE-COMPARE", c, f"正文“{self.text[a.start:c.figure.end]}”不成立：{fmt(abs(a.value))}{a.unit} "
                   f"不{_OP_ZH[c.op]} {fmt(abs(c.value))}{c.unit}。", at=a.start, stated=c.value)

    def _bound(self, c: Claim) -> None:
        """"项目支出决算数超过了2000万元": the fact's figure against the bound written."""
        x = self.fact(c.fact, c.column, c.unit)
        if x is None:
            return self.skip(c, f"事实文件没有 {self._label(c.fact, c.column)}")
        y, label = abs(c.value), self._label(c.fact, c.column)
        if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
            return self.ok(c, f"{label} {fmt(x)} {c.op} {fmt(y)}")
        self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 16)}”不成立：{label} 为 {fmt(x)}{c.unit}，不{_OP_ZH[c.op]} "
                   f"{fmt(y)}{c.unit}。", stated=c.value, fact=x)

    def _columns_compare(self, c: Claim) -> None:
        """"“三公”经费决算数小于预算数": the subject's 决算数 against its budget column, no figure written."""
        x = self.fact(c.fact, "final", "万元")
        ys = [(col, v) for col in _columns(c.column) if (v := self.fact(c.fact, col, "万元")) is not None]
        if x is None or not ys:
            return self.skip(c, "事实文件没有比较的两个数")
        for col, y in ys:
            if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                return self.ok(c, f"决算数 {fmt(x)} {c.op} {_COLUMN_ZH[col]} {fmt(y)}")
        col, y = ys[0]
        self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 12)}{_COLUMN_ZH[col][:-1]}”不成立：{self._label(c.fact, None)} "
                   f"决算数 {fmt(x)}万元，{_COLUMN_ZH[col]} {fmt(y)}万元。", uses={f"{c.fact}.final", f"{c.fact}.{col}"})

    def _flat(self, c: Claim) -> None:
        if c.loose:
            return self.skip(c, "“基本持平”不是一个数")
        if c.fact not in AMOUNT_PATHS or (c.of is not None and c.of.flagged):
            return self.skip(c, "不是收支表中的一项，或本年数已报错")
        if c.against == "prior_budget":
            return self._budget_flat(c)
        if self._budget_stated(c) or self._last_said_as_budget(c):
            return self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")
        current = self.fact(c.fact, "final", "万元")
        bases = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.against)) if v is not None]
        if current is None or not bases:
            return self.skip(c, "事实文件没有两个数")
        for base in bases:
            if sum_consistent(current, [base]):
                return self.ok(c, f"{fmt(current)} = {_COLUMN_ZH.get(c.against, '预算数')} {fmt(base)}")
        base = bases[0]
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 16):c.figure.end + 2]}”写明持平，但"
                   f"{fact_label(c.fact, self.report)} {fmt(current)}万元，{_COLUMN_ZH.get(c.against, '预算数')} {fmt(base)}万元，"
                   f"相差 {fmt(current - base)}万元。", stated=Decimal(0), computed=current - base)

    def _last_said_as_budget(self, c: Claim) -> bool:
        """"（二）公务接待费 2023年预算安排15万元。主要用于…。与上年持平": a 持平 of no amount of its own, after the
        fact's amount was last stated as a budget — the budget compared with last year."""
        if c.of is not None:
            return False
        said = [p for p in self._sentences(max(0, c.sentence - 3), c.sentence)
                if p.kind == "level" and p.fact == c.fact and p.figure is not None and p.start < c.start]
        return bool(said) and said[-1].column in ("budget", "adjusted", "plan")

    def _budget_flat(self, c: Claim) -> None:
        """"公务接待费14万元，与2022年预算持平": this year's budget equals the file's 上年预算数."""
        col, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        if not named or prior is None or not currents:
            return self.skip(c, "事实文件没有上年预算数")
        if any(sum_consistent(now, [prior]) for now in currents):
            return self.ok(c, f"本年预算 = 上年预算数 {fmt(prior)}")
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 16):c.figure.end + 2]}”写明与上年预算持平，但"
                   f"{fact_label(c.fact, self.report)} 本年预算 {fmt(currents[0])}万元，上年预算数 {fmt(prior)}万元，"
                   f"相差 {fmt(currents[0] - prior)}万元。", stated=Decimal(0), computed=currents[0] - prior,
                   uses={f"{c.fact}.prior_budget"})
