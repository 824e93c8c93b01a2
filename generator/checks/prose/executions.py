"""Execution and completion rates: what was spent or done against the budget column."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...core.numbers import fmt, half_unit, rate_fits, ratio_fits
from ...derive.claims import Claim
from ...derive.claims.nearby import figures_before
from ...derive.claims.parts import within
from ...derive.claims.tokens import MONEY, in_brackets
from ...model.facts import AMOUNT_PATHS, fact_label
from .base import _Base
from .common import _COLUMN_ZH, _as_written, _columns, _places


def _of_nothing(c: Claim, final: Decimal | None, base: Decimal | None) -> bool:
    """"因公出国费预算数0万元，决算数0万元，预决算差异率0%": no rate of a budget of 0 (nor of the alternative whole the
    words may name, which the sentence's 0 is not); of something spent, a rate other than 0 is on another base."""
    return final is not None and base == 0 and (final == 0 or c.value == 0)


def _fits(c: Claim, final: Decimal, base: Decimal) -> bool:
    """Whether an execution rate (or a 预决算差异率) as written is the final on the base, each ± half its last digit."""
    hf, hb = half_unit(final), half_unit(base)
    if c.variance:
        return ratio_fits(abs(final - base), base, abs(c.value), hf + hb, hb,
                          coarse=hf > abs(final) / 200 or hb > abs(base) / 200)
    return ratio_fits(final, base, c.value, hf, hb)


class _Executions(_Base):
    """Execution and completion rates."""

    def _execution(self, c: Claim) -> None:
        if c.other is not None:
            return self._stated_execution(c)
        if c.fact in ("department.staffing.serving", "department.staffing.posts_total", "department.staffing.posts"):
            return self._staff_control(c)
        if (c.fact or "").startswith("department.staffing"):
            return self.skip(c, "这类人员没有控制率的算法")
        if c.of is not None and c.of.flagged:
            return self.skip(c, "它所依据的金额已报错")
        columns = _columns(c.column) if c.column in ("budget", "adjusted") else \
            self._base_column_stated(c) or ["adjusted", "budget"]
        tried, unsure = [], False
        for fact, col in ((f, col) for f in (c.fact, *c.alts) for col in columns):
            final, base = self.fact(fact, "final", "万元"), self.fact(fact, col, "万元")
            if fact == c.fact and _of_nothing(c, final, base):
                return self.skip(c, f"{_COLUMN_ZH[col]}为 0，算不出比率")
            if final is None or not base:
                continue
            if c.column is None and col == "budget" and self._adjusted_not_had(fact):
                unsure = True   # (the rate may be of the 调整预算, which the file has not for this line: see there)
                continue
            rate = (final - base if c.variance else final) / base * 100
            tried.append((fact, col, base, final, rate))
            if _fits(c, final, base):
                how = f"（决算数 {fmt(final)} − {_COLUMN_ZH[col]} {fmt(base)}）" if c.variance else f"决算数 {fmt(final)}"
                whose = "" if fact == c.fact else f"{self._label(fact, None)} "
                return self.ok(c, f"{whose}{how} ÷ {_COLUMN_ZH[col]} {fmt(base)} = {fmt(rate, _places(c))}%")
        if not tried and unsure:
            return self.skip(c, "年中调整过预算，事实文件没有这一项的调整预算数：执行率按哪个预算算的，不能确定")
        if not tried:
            stated = self._stated_pair(c)
            if stated is not None and not c.variance:
                # "…支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.46%": no fact for it (spending
                # of one source beside a carry-over), but the sentence states both amounts — checked against them
                return self._stated_execution(c, stated)
            return self.skip(c, f"事实文件没有{fact_label(c.fact, self.report)}的决算数和预算数")
        self._execution_off(c, tried[0])

    def _adjusted_not_had(self, fact: str) -> bool:
        """Whether the budget was adjusted in the year and the file has no 调整预算数 for this line of the accounts."""
        return fact.startswith(("finance.income.", "finance.expenditure.")) \
            and self.fact(fact, "adjusted", "万元", quiet=True) is None and self._adjusted_in_year()

    def _base_column_stated(self, c: Claim) -> list:
        """"全年预算数1326.80万元，执行数1305.93万元，完成预算的111.19%": a bare 预算 after its sentence stated the
        budget of the same thing in one column — that column, the one the rate is of ([] when none)."""
        said = [(p, col) for p in self._sentences(c.sentence) if p.kind == "level" and p.start < c.start
                and not p.implied and p.fact in (c.fact, *c.alts) and self.verdicts.get(id(p), "").startswith("相符")
                and (col := self._budget_column_of(p))]
        return [said[-1][1]] if said and len({col for _, col in said}) == 1 else []

    def _budget_column_of(self, p: Claim) -> str | None:
        """The budget column an amount stated as a budget is: its own word's, or — a bare 预算 ("预算数1,747.99万元") —
        the one column of its fact it is exactly."""
        if p.column in ("budget", "adjusted"):
            return p.column
        if p.column != "plan" or p.figure is None or p.unit not in MONEY \
                or "预算" not in self.text[max(0, p.start - 12):p.start]:
            return None     # (not "预计完成7532.81万元": a forecast, no budget)
        exact = [col for col in ("budget", "adjusted")
                 if (v := self.fact(p.fact, col, p.unit, quiet=True)) is not None and v == abs(p.value)]
        return exact[0] if len(exact) == 1 else None

    def _execution_off(self, c: Claim, tried: tuple) -> None:
        """A rate of execution the file's figures do not give: still right when the sentence's own amounts give it
        (see _base_in_sentence), else reported with the first reading tried."""
        earlier = self._base_in_sentence(c)
        if earlier is not None:
            return self.ok(c, f"{fmt(abs(c.of.value))} ÷ 同一句前面写明的 {fmt(abs(earlier.value))}{earlier.unit}"
                              f"（同一句写明的数）")
        fact, col, base, final, rate = tried
        how = f"（决算数 {fmt(final)} − {_COLUMN_ZH[col]} {fmt(base)}）" if c.variance else f"决算数 {fmt(final)}"
        self.error("PROSE-EXECUTION", c, f"正文“…{self.quote(c, 20)}”：{self._label(fact, None)} {how} ÷ "
                   f"{_COLUMN_ZH[col]} {fmt(base)} = {fmt(rate, _places(c))}%，与写明的 {fmt(c.value)}% 不符。",
                   stated=c.value, computed=rate, uses={f"{fact}.final", f"{fact}.{col}"},
                   about=f"正文“…{self.quote(c, 8)}”")

    def _in_aside(self, c: Claim) -> bool:
        """Whether a claim's figure stands inside brackets (opened before it, within its last 80 characters)."""
        return in_brackets(self.text, max(0, c.start - 80), c.start)

    def _base_in_sentence(self, c: Claim) -> Any:
        """"预算收入总计1362.00万元，预算支出总计1305.93万元，预算执行率95.9%": a rate of execution that is exactly the
        amount it is of ÷ an amount stated before it in its sentence (each ± half its last digit) — the writer's
        own base, whatever the file's columns; a slipped rate is no such ratio. (As written, not ± half their last digits:
        "年初预算18万元，实际支出15.63万元" gives 86.83%, not anything from 84.5% to 89.3%.)"""
        level = c.of
        if c.variance or level is None or level.figure is None or level.unit not in MONEY or level.sentence != c.sentence:
            return None
        num = abs(level.value) * MONEY[level.unit]
        # (a rate of the 全年预算 by the form's row — "年初预算数…，全年预算数…，全年执行数…，执行率…" — is not of the 年初预算)
        other_column = {id(p.figure) for p in self._sentences(c.sentence) if p.kind == "level" and p.figure is not None
                        and c.column == "adjusted" and p.column == "budget"}
        # (nor an amount read as another line's: "“三公”经费…年初预算为12.00万元，…，其中：公务接待费决算为1.92万元，完成预算的
        # 16.00%" — the whole's budget is no base of its part's rate)
        other_column |= {id(p.figure) for p in self._sentences(c.sentence) if p.kind == "level" and p.figure is not None
                         and p.fact is not None and level.fact is not None and p.fact != level.fact
                         and p.fact not in c.alts and within(p.fact, level.fact)}
        for f in reversed(figures_before(self.reading, level)):
            if f.unit in MONEY and f.value and id(f) not in other_column \
                    and rate_fits(num / (abs(f.value) * MONEY[f.unit]) * 100, c.value):
                return f
        return None

    def _adjusted_in_year(self) -> bool:
        """Whether the file shows the budget changed in the year: a line of income or spending whose 调整预算数 is not
        its 年初预算数. A rate of execution with no base named is then of the 调整预算 as likely as of the 年初预算 —
        a line with no 调整预算数 in the file is not measured on its 年初预算数 ("预算执行率100%" of 3237.75 spent
        where the income's budget grew from 2903.60 to 3237.75)."""
        if self._adjusted is None:
            peek = getattr(self.view, "peek", self.view.value)
            self._adjusted = any((a := peek(f"{f}.adjusted")) is not None and (b := peek(f"{f}.budget")) is not None
                                 and a != b for f in AMOUNT_PATHS if f.startswith(("finance.income.", "finance.expenditure.")))
        return self._adjusted

    def _stated_pair(self, c: Claim) -> tuple | None:
        """(budget, final) of the rate's fact, each written once in its sentence before it, in the column the
        rate names (年初预算 or 调整预算; either for a bare 预算), else None."""
        columns = _columns(c.column) if c.column in ("budget", "adjusted", "plan") else ["budget", "adjusted"]
        mine = [p for p in self._sentences(c.sentence) if p.kind == "level" and p.fact == c.fact
                and p.figure is not None and c.figure is not None and p.figure.start < c.figure.start and p.money]
        budgets = [p for p in mine if p.column in columns or (p.column == "plan" and c.column in (None, "plan"))]
        finals = [p for p in mine if p.column == "final" and not p.implied]
        return (budgets[0], finals[0]) if len(budgets) == 1 and len(finals) == 1 else None

    def _stated_execution(self, c: Claim, pair: tuple | None = None) -> None:
        """An execution rate against the two amounts its sentence states: the amount spent ÷ the whole. Each
        amount stands for ± half its last digit, so the rate may be anywhere between the extremes. `pair`:
        (whole, spent) when the reader did not pair them itself (see _stated_pair)."""
        whole, spent = pair if pair is not None else c.other
        if whole.flagged or spent.flagged:
            return self.skip(c, "它所依据的金额已报错")
        w, s = abs(whole.value) * MONEY[whole.unit], abs(spent.value) * MONEY[spent.unit]
        hw, hs = half_unit(whole.value) * MONEY[whole.unit], half_unit(spent.value) * MONEY[spent.unit]
        if w == 0 and c.value:
            # "一般公共预算财政拨款支出年初预算为 0 万元，…，完成年初预算的 95.89%": nothing budgeted, nothing completed
            return self.error("PROSE-EXECUTION", c, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：写明的预算数为 0，"
                              f"谈不上完成 {fmt(c.value)}%（按全年预算或别的口径算的？）。", stated=c.value, computed=Decimal(0))
        if w - hw <= 0:
            return self.skip(c, "总数为 0")
        rate, low, high = s / w * 100, (s - hs) / (w + hw) * 100, (s + hs) / (w - hw) * 100
        slack = half_unit(c.value)
        how = f"{fmt(abs(spent.value))}{spent.unit} ÷ {fmt(abs(whole.value))}{whole.unit}"
        if low - slack <= c.value <= high + slack:
            return self.ok(c, f"{how} = {fmt(rate, _places(c))}%（同一句写明的两个数）")
        if self._slipped_amount(c, whole, spent):
            return None
        self.error("PROSE-EXECUTION", c, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：{how} = "
                   f"{fmt(rate, _places(c))}%，与写明的执行率 {fmt(c.value)}% 不符。", stated=c.value, computed=rate)

    def _slipped_amount(self, c: Claim, whole: Claim, spent: Claim) -> bool:
        """"部门预算指标1326.80万元，实际执行金额共计1350.93万元，总体执行率为98.43%": the rate is exactly the file's
        execution rate of a line whose whole (or amount spent) the sentence writes as the file has it — the other
        amount, written with no name of the file's, is the slip: reported there (True)."""
        for fact in AMOUNT_PATHS:
            final = self.fact(fact, "final", "万元", quiet=True)
            for col in ("budget", "adjusted"):
                base = self.fact(fact, col, "万元", quiet=True)
                if final is None or not base or not rate_fits(final / base * 100, c.value):
                    continue
                for right, right_value, wrong, wrong_value, col_wrong in ((whole, base, spent, final, "final"),
                                                                          (spent, final, whole, base, col)):
                    if _as_written(right, right_value) and not any(
                            v is not None and _as_written(wrong, v)
                            for v in (self.fact(fact, k, "万元", quiet=True) for k in ("budget", "adjusted", "final"))) \
                            and not self._both_of_a_line(whole, spent):
                        # (not so an amount of another column: the rate is then on the wrong base)
                        self.error("PROSE-FACT", wrong, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：执行率 "
                                   f"{fmt(c.value)}% 正是 {self._label(fact, 'final')} {fmt(final)} ÷ {self._label(fact, col)} "
                                   f"{fmt(base)}；写明的 {fmt(abs(wrong.value))}{wrong.unit} 与 {self._label(fact, col_wrong)} "
                                   f"{fmt(wrong_value)}万元 不符。", stated=wrong.value, fact=wrong_value)
                        self.skip(c, f"执行率与事实相符；写明的 {fmt(abs(wrong.value))}{wrong.unit} 与事实不符，已在那个数处报出")
                        return True
        return False

    def _both_of_a_line(self, whole: Claim, spent: Claim) -> bool:
        """Whether the two amounts are, as written, one line's budget (年初 or 调整) and its final ("全年预算数1326.80万元，
        全年执行数1305.93万元", the spending's): both right — the rate after them is the slip, not either amount."""
        for f in AMOUNT_PATHS:
            final = self.fact(f, "final", "万元", quiet=True)
            if final is None or not _as_written(spent, final):
                continue
            if any(v is not None and _as_written(whole, v)
                   for v in (self.fact(f, col, "万元", quiet=True) for col in ("budget", "adjusted"))):
                return True
        return False
