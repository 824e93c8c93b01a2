"""Changes: an increase or decrease against the two figures it is the difference of."""
from __future__ import annotations

from decimal import Decimal

from ...core.numbers import fmt, half_unit, rate_fits, same_figure, sum_consistent
from ...derive.claims import Claim
from ...derive.claims.grammar import BY_SOURCE, within
from ...derive.claims.nearby import PLANNED, clause_words, may_be_negative, reason_the_other_way
from ...derive.claims.parts import WITH_CARRYOVER, source_key
from ...derive.claims.tokens import MONEY
from ...model.facts import AMOUNT_PATHS, fact_label
from .base import _Base
from .common import _COLUMN_ZH, _OF_FAR, _UNSURE_BASE, _as_written, _columns, _level_stated, _scale


def _direction_word(c: Claim) -> str:
    """How the text said the change went: 增加/减少, or 超支/节约 for the plan less the spending."""
    if c.saving:
        return "超支" if c.value >= 0 else "节约"
    return "增加" if c.value >= 0 else "减少"


def _of_adjusted(c: Claim) -> bool:
    """A change against the 年初预算 right after a 全年预算 its sentence states ("全年预算为12.00万元，比年初预算增加…")."""
    return c.against == "budget" and _level_stated(c) and c.of.column == "adjusted" and not c.of.flagged


class _Changes(_Base):
    """Changes."""

    def _direction_contradicted(self, c: Claim) -> bool:
        """A change whose direction its own sentence contradicts, whatever the file holds (reported: True): the reason
        given right after it is a change of the same size the other way ("减少105.77万元，主要是经费拨款增加105.77万元"), or
        the changes of its parts stated after it add up to it exactly the other way ("支出较去年减少27.18万元，主要是基本支出
        增加27.18万元，项目支出增加0万元")."""
        if not c.value or c.twoway:
            return False
        word, other = ("增加", "减少") if c.value > 0 else ("减少", "增加")
        reason = reason_the_other_way(self.reading, c)
        if reason is not None:
            self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 8):reason.end]}”：写明{word} {fmt(abs(c.value))}"
                       f"{c.unit}，所说的原因却是同样多的{other}：增减的方向写反了。", stated=c.value, computed=-c.value)
            return True
        total = self._parts_change_other_way(c)
        if total is None:
            return False
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：写明{word} {fmt(abs(c.value))}{c.unit}，其后所列各部分的"
                   f"增减合计却是{other} {fmt(abs(total) / MONEY[c.unit])}{c.unit}：增减的方向写反了（或是各部分的方向写反了）。",
                   stated=c.value, computed=total / MONEY[c.unit])
        return True

    def _parts_change_other_way(self, c: Claim) -> Decimal | None:
        """The sum (万元) of the changes of a change's parts stated after it in its sentence, where it is the change
        exactly the other way; else None."""
        parts = [p for p in self._sentences(c.sentence) if p.kind == "change" and p.start > c.start and p.fact is not None
                 and p.fact != c.fact and within(c.fact, p.fact) and p.money and not p.twoway]
        if not parts or any(within(a.fact, b.fact) for a in parts for b in parts if a is not b):
            return None
        total = sum((p.value * MONEY[p.unit] for p in parts), Decimal(0))
        whole = c.value * MONEY[c.unit]
        slack = half_unit(c.value) * MONEY[c.unit] + sum((half_unit(p.value) * MONEY[p.unit] for p in parts), Decimal(0))
        return total if abs(total + whole) <= slack < abs(total - whole) else None

    def _change_of_another_amount(self, c: Claim) -> bool:
        """Whether last year's figure stated before a change fits, with it, an earlier amount (see below)."""
        return any(p.kind == "prior" and p.start < c.start and self._base_of_another_amount(p) is not None
                   for p in self._sentences(c.sentence))

    def _budget_stated(self, c: Claim) -> bool:
        """"财政拨款安排的“三公”经费X万元，比上年…": X may be the budget or the final (column "any"); a
        change from last year is checked only when X is the final."""
        of = c.of
        if of is not None and id(of) in self.restated:
            return True             # the amount said again is a budget (see _said_before)
        if of is None or of.figure is None or (of.column != "any" and not (of.implied and of.column == "final")):
            return False
        final = self.fact(of.fact, "final", of.unit)
        if of.column == "final":
            # "（一）收入预算：2023年收入合计1174.50万元…。收入较去年增加74.50万元": an amount of no column word that is
            # the budget, not the final — the change after it is the budget's (not one that is the final of another
            # fact its words may name: "收入合计7532.81万元" is 本年收入合计's, whatever 收入总计's 调整预算数)
            if any(v is not None and same_figure(abs(of.value), v)
                   for v in (self.fact(f, "final", of.unit, quiet=True) for f in of.alts)):
                return False
            # (a line of one source, whose final the file cannot tell: "一般公共预算财政拨款支出1174.50万元" is its budget
            # when that is the figure)
            return (final is None or not same_figure(abs(of.value), final)) and self._a_budget_figure(of)
        return final is None or not same_figure(abs(of.value), final) or self._either_with_budget_only(of)

    def _either_with_budget_only(self, level: Claim) -> bool:
        """"财政拨款安排…公务用车运行维护费6.5万元，比上年减少0.2万元": an amount of column "any" that is both its fact's
        budget and final, where the file has last year's budget and not last year's final — the final's change cannot
        be measured, the budget's can (as _only_prior_budget): read as the budget."""
        fact = level.fact
        return level.column == "any" and fact is not None and level.figure is not None \
            and self.fact(fact, "prior", level.unit, quiet=True) is None \
            and self.fact(fact, "prior_budget", level.unit, quiet=True) is not None \
            and self._a_budget_figure(level, quiet=True)

    def _a_budget_figure(self, level: Claim, quiet: bool = False) -> bool:
        """Whether an amount is its fact's 年初预算数 or 调整预算数."""
        return any(v is not None and same_figure(abs(level.value), v)
                   for v in (self.fact(level.fact, col, level.unit, quiet=quiet) for col in ("budget", "adjusted")))

    def _change_of_a_budget(self, c: Claim) -> None:
        """A change of this year's budget: against last year's (budget_base), the 调整预算 against the 年初预算, or an
        amount stated that is the budget, not the final."""
        if c.budget_base:
            return self._budget_change(c)
        if _of_adjusted(c):
            return self._adjusted_change(c, c.of)
        if c.against == "budget" and c.column == "adjusted":
            return self._adjusted_change(c, None)
        if self._stated_budget_on_either(c):
            return None
        # ("一般公共预算拨款收入2,903.60万元，与上年相比增加122.45万元，增长4.4%": the file has last year's budget only)
        budget = self._only_prior_budget(c)
        currents = self._budgets_of(c) if budget else []
        if budget and currents:
            return self._change_on_prior_budget(c, currents, budget)
        prior = self.fact(c.fact, "prior", "万元", quiet=True) if c.final_base else None
        currents = self._stated_currents(c) if prior is not None else []
        if prior is not None and currents:
            return self._change_on_named_final(c, currents, prior)
        return self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")

    def _stated_currents(self, c: Claim) -> list[Decimal]:
        """This year's figure a change is of, as its sentence states it and the file has it in some column (万元)."""
        of = c.of
        if of is None or of.figure is None or of.unit not in MONEY or of.sentence != c.sentence or of.flagged:
            return []
        now = abs(of.value) * MONEY[of.unit]
        return [now] if any(same_figure(now, v) for col in ("budget", "adjusted", "final")
                            if (v := self.fact(c.fact, col, "万元", quiet=True)) is not None) else []

    def _change_on_named_final(self, c: Claim, currents: list[Decimal], prior: Decimal) -> None:
        """"一般公共预算当年拨款2903.60万元，比上年执行数增加732.35万元": this year's budget against last year's final,
        named — the change is their difference."""
        delta = c.value * MONEY[c.unit]
        now = currents[0]
        if sum_consistent(delta, [now, -prior]):
            return self.ok(c, f"{fmt(now)} − 上年决算数 {fmt(prior)} = {fmt(now - prior)}万元（写明比较的是上年决算数）")
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年 {fmt(now)} − "
                   f"上年决算数 {fmt(prior)} = {fmt(now - prior)}万元，与写明的{_direction_word(c)} {fmt(abs(c.value))}"
                   f"{c.unit} 不符（写明比较的是上年决算数）。", stated=c.value, computed=(now - prior) / MONEY[c.unit],
                   uses={f"{c.fact}.prior"}, about=f"正文“…{self.quote(c, 8)}”")

    def _stated_budget_on_either(self, c: Claim) -> bool:
        """"财政拨款安排“三公”经费12.00万元，比上年增加1.58万元，增长15.16%": the amount stated is this year's budget
        (not the final), and the file has both of last year's figures — a change or rate that fits neither is wrong
        whichever was meant (see _both_last_years). Checked (True) or not."""
        of, both = c.of, self._both_last_years(c)
        if not both or of is None or of.figure is None or id(of) in self.restated or of.flagged:
            return False
        budget = next((v for v in (self.fact(of.fact, col, "万元") for col in ("budget", "adjusted"))
                       if v is not None and same_figure(abs(of.value) * MONEY[of.unit] / MONEY["万元"], v)), None)
        if budget is None:
            return False
        if c.kind == "rate":
            self._rate_on_either(c, [budget], both)
        else:
            self._change_on_either(c, [budget], both)
        return True

    def _fact_of(self, c: Claim) -> str:
        """The fact a change or rate is of: of the facts its words may name ("收入合计": 本年收入合计 or 收入总计),
        the one whose figure the amount stated before it is — the change is that figure's. (Asked of a claim
        with a fact.)"""
        of = c.of if c.of is not None else self._said_of(c)
        if of is None or of.figure is None or not of.alts or of.column != "final":
            return c.fact
        matching = [f for f in (of.fact, *of.alts)
                    if (value := self.fact(f, "final", of.unit)) is not None and same_figure(abs(of.value), value)]
        # ("财政拨款收、支总计3,237.75万元…各减少…": both sides' 总计 are the figure — the one the file knows last year's of)
        return next((f for f in matching if self.fact(f, "prior", of.unit, quiet=True) is not None),
                    matching[0] if matching else c.fact)

    def _said_of(self, c: Claim) -> Claim | None:
        """"收入1362.00万元，支出1362.00万元。收入较上年增加…。支出较上年增加64.86万元": with no amount in its own
        sentence, a change is of the last amount of the same words stated before it in the sentence before or its
        own or the two before — that amount says which of the facts the words may name is meant."""
        return next((p for p in reversed(self._sentences(max(c.sentence - 2, 0), c.sentence))
                     if p.kind == "level" and p.fact == c.fact and p.alts and p.figure is not None
                     and p.start < c.start and p.column == "final"), None)

    def _current(self, c: Claim, fact: str | None = None) -> tuple[Decimal | None, bool]:
        """This year's figure a change or rate is measured on: the fact, else the level stated; and
        whether the level stated for it was reported wrong."""
        stated = c.of if c.of is not None and c.of.column == "final" else None
        value = self.fact(fact or c.fact, "final", c.unit)
        if value is None and stated is not None:
            value = abs(stated.value) * _scale(stated.unit, c.unit)
        return value, bool(stated is not None and stated.flagged)

    def _bases(self, c: Claim, fact: str | None = None) -> list[tuple[str, Decimal]]:
        """What a change may be measured from: the stated base, else the column the words name, else
        (no base named) each base the file has — a change that fits any of them is not reported."""
        if c.base is not None and id(c.base) not in self.changes_read_as_prior:
            return [(c.base.column or "prior", abs(c.base.value) * _scale(c.base.unit, c.unit))]
        columns = _columns(c.against) if c.against else ["prior", "budget", "adjusted"]
        out = []
        for col in columns:
            v = self.fact(fact or c.fact, col, c.unit)
            if v is not None:
                out.append((col, v))
        return out

    def _change(self, c: Claim) -> None:
        if not c.money:
            return self.skip(c, "不是金额")
        if c.fact is None:
            return self._stated_change(c)
        if self._direction_contradicted(c):
            return None
        if c.of is not None and id(c.of) in self.far_amounts:
            # ("商品和服务支出（302）2157.20万元，较上年减少140.35万元" where 公用经费 is 33.60: of the amount, not of the fact)
            return self.skip(c, _OF_FAR)
        stated_base = c.base or self._stated_prior(c)
        if self._change_of_another_amount(c):
            return self.skip(c, "写明的基数和这个增减额合的是前面的另一个数：说的是它的增减")
        if (stated_base is not None and stated_base.flagged) or (c.fact, c.sentence) in self.wrong_priors:
            # "…2022年支出15.28万元，减少0.92万元": the change from a last year's figure already reported wrong
            return self.skip(c, "它所依据的上年数已报错")
        if stated_base is None and self._change_is_last_years(c):
            return None
        if stated_base is not None and self._budget_level(c) is not None and c.of is not None:
            return self._stated_budget_change(c, c.of, stated_base)
        if self._of_budget_peers(c):
            return None
        if c.budget_base or _of_adjusted(c) or (c.against == "budget" and c.column == "adjusted") or self._budget_stated(c):
            return self._change_of_a_budget(c)
        fact = self._fact_of(c)
        if self._after_a_budget(c):
            return self._change_after_a_budget(c, fact)
        whole = self._change_of_whole(c)
        if whole is not None:
            return self.ok(c, f"{fact_label(whole, self.report)}的增减额（其中所列各项之前的总数）")
        return self._change_on_facts(c, fact)

    def _change_on_facts(self, c: Claim, fact: str) -> None:
        """A change of a fact against the file's figures: this year's less a base — the one named, or any the file has."""
        current, stale = self._current(c, fact)
        bases = self._bases(c, fact)
        if self._more_than_there_is(c, bases):
            return None
        if current is None or not bases:
            return self.skip(c, "事实文件没有本年数或比较的基数")
        if c.against is None and not any(col == "prior" for col, _ in bases):
            return self.skip(c, "没有写比较的基数，事实文件也没有上年数")
        bases = self._on_its_rates_base(c, current, bases)
        for col, base in bases:
            if sum_consistent(c.value, [current, -base]):
                self.change_base[id(c)] = col
                return self.ok(c, f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}{c.unit}")
        if stale:
            return self.skip(c, "它所说的本年数已报错")
        budgets = self._budget_on_budget(c, fact)
        if budgets:
            self.change_base[id(c)] = "prior_budget"       # (its rate is on last year's budget too: see rates)
            return self.ok(c, budgets)
        executed = self._budget_on_executed(c, fact)
        if executed:
            self.change_base[id(c)] = "budget-prior"       # (its rate too: see rates)
            return self.ok(c, executed)
        col, base = self._base_said(c, fact, bases)
        word = _direction_word(c)
        # ("与预算总计9万元相比节约0.033万元": what was saved of the budget stated — a difference)
        saved = col in ("budget", "adjusted") and self.reading is not None and self.reading.cues is not None \
            and self.reading.cues.saving.at(self.text, c.start)
        self.error("PROSE-DIFF" if saved else "PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(fact, self.report)} "
                   f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}{c.unit}，"
                   f"与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。", stated=c.value, computed=current - base,
                   uses={f"{fact}.final", f"{fact}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _on_its_rates_base(self, c: Claim, current: Decimal, bases: list[tuple[str, Decimal]]) -> list:
        """The bases a change of no base named may be on. "一般公共预算财政拨款收入完成1326.80万元，增收152.30万元，增长
        6.88%": its rate names none either, and fits last year's figure (85.44 ÷ 1241.36) and not the change on any
        other base (152.30 ÷ 年初预算 1174.50 = 12.97%): the two are on last year's — the change is checked there only."""
        if c.against is not None or c.base is not None or not c.money:
            return bases
        prior = next((b for col, b in bases if col == "prior"), None)
        rate = next((r for r in self.by_sentence.get(c.sentence, ()) if r.kind == "rate" and r.change is c
                     and r.against is None and r.base is None and r.figure is not None), None)
        if not prior or rate is None:
            return bases
        delta = c.value
        on_others = any(b and rate_fits(delta / b * 100, rate.value) for col, b in bases if col != "prior")
        if on_others or not rate_fits((current - prior) / prior * 100, rate.value):
            return bases
        return [(col, b) for col, b in bases if col == "prior"]

    def _base_said(self, c: Claim, fact: str, bases: list[tuple[str, Decimal]]) -> tuple[str, Decimal]:
        """The base a wrong change is shown against: the column whose amount its sentence stated ("调整预算593.30万元，
        实际支出574.68万元，节约资金18.26万元": the 调整预算), else the first the file has."""
        said = {col for k in self.by_sentence.get(c.sentence, ()) if k.kind == "level" and k.fact == fact
                and k.figure is not None and k.start < c.start for col in _columns(k.column)}
        return next(((col, v) for col, v in bases if col in said), bases[0])

    def _budget_on_budget(self, c: Claim, fact: str) -> str:
        """"2023年与2022年相比总收入增加了417.3万元，…项目支出收入增加384.9万元" (a budget's account): a change from last
        year with no amount and no column stated may compare this year's budget with last year's — where the file has
        both, that holding is no contradiction (so too with an amount that is exactly this year's budget as well: "一般
        公共预算拨款安排的机关运行经费支出33.60万元，比上年增加3.40万元"). How it holds, or ""."""
        if c.against not in (None, "prior") or c.final_base:
            return ""
        budget = self.fact(fact, "budget", c.unit)
        if c.of is not None and (c.of.figure is None or c.of.unit not in MONEY
                                 or abs(c.of.value) * MONEY[c.of.unit] / MONEY[c.unit] != budget):
            return ""
        return self._budget_less(c, fact, "prior_budget", quiet=False)

    def _budget_on_executed(self, c: Claim, fact: str) -> str:
        """"与2022年预算执行数相比，2023年公务接待费增加10.75万元": last year's figure named as its 执行数, as a budget's
        account names it — this year's figure, no column named, may be the budget. How it holds, or ""."""
        if not c.executed_base or c.of is not None:
            return ""
        return self._budget_less(c, fact, "prior", quiet=True)

    def _budget_less(self, c: Claim, fact: str, base: str, quiet: bool) -> str:
        """How a change holds as this year's budget less last year's figure in the column `base` ("" where it does not)."""
        budget, before = self.fact(fact, "budget", c.unit, quiet=quiet), self.fact(fact, base, c.unit, quiet=quiet)
        if budget is None or before is None or not sum_consistent(c.value, [budget, -before]):
            return ""
        name = "上年预算数" if base == "prior_budget" else "上年决算数（执行数）"
        return f"本年预算 {fmt(budget)} − {name} {fmt(before)} = {fmt(budget - before)}{c.unit}"

    def _after_a_budget(self, c: Claim) -> bool:
        """"（一）收入预算：2023年年初预算数1174.50万元，其中：…。收入较2022增加75.39万元": a change of no amount of its own
        and no column word, after the text has stated its side's budget — this year's budget against last year's
        may be meant as well as the final against last year's final."""
        if c.of is not None or c.against not in (None, "prior") or c.base is not None or c.fact not in AMOUNT_PATHS:
            return False
        side = c.fact.split(".")[1]
        return any(p.kind == "level" and p.column in ("budget", "adjusted") and not p.implied and p.fact is not None
                   and p.fact.startswith(f"finance.{side}.") and p.figure is not None and p.figure.start < c.start
                   for p in self.claims)

    def _change_after_a_budget(self, c: Claim, fact: str) -> None:
        """A change after its side's budget (see _after_a_budget): it fits the budget against either of last year's
        figures, or the final against last year's; wrong only when all three are known and it fits none."""
        tried, delta = [], Decimal(0)
        pairs: tuple[tuple[str, str], ...] = (("budget", "prior_budget"), ("budget", "prior"), ("final", "prior"))
        peer = self._base_of_peers(c, [(col, Decimal(0)) for col in ("prior_budget", "prior")])
        if peer is not None:
            # (the sentence's other changes all fit one of last year's figures: the text measures from it)
            pairs = tuple((now, base) for now, base in pairs if base == peer)
        for now, base in pairs:
            current, before = self.fact(fact, now, c.unit), self.fact(fact, base, c.unit, quiet=True)
            if current is None or before is None:
                if base == "prior_budget":
                    return self.skip(c, "前文说的是预算数：事实文件没有本年预算数或上年预算数，比较的基数不确定")
                continue        # (a budget is compared with last year's budget where the file has no other figure)
            if sum_consistent(c.value, [current, -before]):
                return self.ok(c, f"{_COLUMN_ZH[now]} {fmt(current)} − {_COLUMN_ZH[base]} {fmt(before)} = "
                                  f"{fmt(current - before)}{c.unit}")
            delta = current - before
            tried.append(f"{_COLUMN_ZH[now]} {fmt(current)} − {_COLUMN_ZH[base]} {fmt(before)} = {fmt(delta)}{c.unit}")
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(fact, self.report)} 与上年相比，写明的"
                   f"{'增加' if c.value >= 0 else '减少'} {fmt(abs(c.value))}{c.unit} {'既不是' if len(tried) > 1 else '不是'} {'，也不是 '.join(tried)}"
                   + (f"（同一句中其他的增减正是按{_COLUMN_ZH[peer]}算的）。" if peer else "。"),
                   stated=c.value, computed=delta, about=f"正文“…{self.quote(c, 8)}”")

    def _change_of_whole(self, c: Claim) -> str | None:
        """The head of the list whose last item the change follows (see the reader), when the change is that head's:
        against last year, or the base its sentence states or names ("…；比预算4.50万元节约1.38万元")."""
        for whole in c.alts:
            now, against = self.fact(whole, "final", c.unit), self._bases(c, whole)
            if now is not None and any(sum_consistent(c.value, [now, -b]) for col, b in against
                                       if col == "prior" or c.base is not None or c.against not in (None, "prior")):
                return whole
        return None

    def _more_than_there_is(self, c: Claim, bases: list) -> bool:
        """"公务接待费支出3.50万元，比上年增加4.50万元" where the file has no last year's figure (see _below_nothing)."""
        if any(col == "prior" for col, _ in bases) or c.against not in (None, "prior") or not _level_stated(c) \
                or c.of.flagged:
            return False
        return self._below_nothing(c, c.of, c)

    def _below_nothing(self, c: Claim, level: Claim, change: Claim) -> bool:
        """An increase written larger than the amount it is of ("机关运行经费支出10.23万元，比2023年度增加10.32万元"):
        last year's amount would be below nothing — reported on `c` at the change (True), unless the amount is of a
        kind that may be negative (利润, 结余…) or the two agree within their last digits."""
        if change.value <= 0 or change.unit not in MONEY or may_be_negative(self.reading, level):
            return False
        now, added = abs(level.value) * MONEY[level.unit], change.value * MONEY[change.unit]
        if now - added + half_unit(level.value) * MONEY[level.unit] + half_unit(change.value) * MONEY[change.unit] >= 0:
            return False
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, level.start - 8):change.figure.end]}”：写明增加 "
                   f"{fmt(abs(change.value))}{change.unit}，比本年数 {fmt(abs(level.value))}{level.unit} 还多，"
                   f"上年数（本年数减去增加额）成了负数 {fmt(now - added)}万元。", at=change.start,
                   stated=change.value, computed=now)
        return True

    def _adjusted_change(self, c: Claim, level: Claim | None) -> None:
        """"年初预算为5.00万元，全年预算为12.00万元，比年初预算增加7.00万元": the 全年预算 written against the
        file's 年初预算数 (not the 决算数)."""
        base = self.fact(c.fact, "budget", c.unit)
        # "调整预算比年初预算增加6809.73万元" with no 调整预算 stated: the file's
        now = abs(level.value) * _scale(level.unit, c.unit) if level is not None else self.fact(c.fact, "adjusted", c.unit)
        if base is None or now is None:
            return self.skip(c, "事实文件没有年初预算数或调整预算数")
        for whole in level.alts if level is not None else ():
            # "…其中…其他收入35.00万元；调整预算为12328.90万元，较年初预算增加…": the 调整预算 of the list's head
            # (the amount's words may mean either: see the reader's alts)
            other = self.fact(whole, "budget", c.unit)
            if other is not None and sum_consistent(c.value, [now, -other]):
                return self.ok(c, f"写明的全年预算 {fmt(now)} − {self._label(whole, 'budget')} {fmt(other)} = {fmt(now - other)}{c.unit}")
        how = f"{'写明的全年预算' if level is not None else '调整预算数'} {fmt(now)} − 年初预算数 {fmt(base)} = {fmt(now - base)}{c.unit}"
        if sum_consistent(c.value, [now, -base]):
            return self.ok(c, how)
        for other in c.alts if level is None else ():
            # "本局追加预算5784.82万元": the department's budget — its income's or its spending's (the claim's alts)
            a, b = self.fact(other, "adjusted", c.unit, quiet=True), self.fact(other, "budget", c.unit, quiet=True)
            if a is not None and b is not None and sum_consistent(c.value, [a, -b]):
                return self.ok(c, f"{self._label(other, 'adjusted')} {fmt(a)} − {self._label(other, 'budget')} {fmt(b)} = "
                                  f"{fmt(a - b)}{c.unit}")
            if a is None and b is not None:
                return self.skip(c, f"也可能是{self._label(other, 'budget')}的调增减，事实文件没有它的调整预算数")
        word = _direction_word(c)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{how}，与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。",
                   stated=c.value, computed=now - base)

    def _stated_change(self, c: Claim) -> None:
        """A change between two amounts its sentence states (no fact of the file): the later less the earlier,
        each amount ± half its last digit."""
        later, earlier = c.of, c.base
        if later.flagged or earlier.flagged:
            return self.skip(c, "它所依据的金额已报错")
        a, b = abs(later.value) * _scale(later.unit, c.unit), abs(earlier.value) * _scale(earlier.unit, c.unit)
        how = f"{fmt(abs(later.value))}{later.unit} − {fmt(abs(earlier.value))}{earlier.unit} = {fmt(a - b)}{c.unit}"
        if sum_consistent(c.value, [a, -b]):
            return self.ok(c, f"{how}（同一句写明的两个数）")
        word = _direction_word(c)
        slip = ""
        if later.unit != earlier.unit and sum_consistent(c.value, [abs(later.value), -abs(earlier.value)]):
            # "基本支出252.5元，较上年231.5万元，增加21万元": the figures agree as written; one unit is miscopied
            slip = f"按写出的数字 {fmt(abs(later.value))} − {fmt(abs(earlier.value))} 正合，多半是单位写错了（{later.unit}、{earlier.unit}）。"
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, earlier.start - 8):c.figure.end]}”：{how}，"
                   f"与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。{slip}", stated=c.value, computed=a - b)

    # ---- this year's budget against last year -------------------------------------------------------
    def _fits_stated_budget(self, c: Claim, probe: Claim) -> bool:
        """"预算221.48万元，比上年实际支出359万元，减少138万元，降低38.31%": the rate fits the budget and the base
        as written, the change only as rounded — no contradiction."""
        before = self._stated_prior(probe)
        if before is None or c.of is None or self._budget_level(probe) is None or not before.value:
            return False
        now = abs(c.of.value) * _scale(c.of.unit, before.unit)
        return rate_fits((now - abs(before.value)) / abs(before.value) * 100, c.value)

    def _stated_prior(self, c: Claim) -> Claim | None:
        """Last year's amount of the same fact written between the amount a change is of and the change
        ("预算总额575.48万元，比2022年实际支出761.33万元，减少185.85万元")."""
        of = c.of
        here = self._sentences(c.sentence)
        if of is None or of.figure is None or c.figure is None or any(
                p.kind == "level" and p.fact == c.fact and p.column == "final" for p in here):
            return None         # "实际支出19.85万元，较预算数75.45万元减少…，较上年14.20万元增加…": of the 决算数
        return next((p for p in here if p.kind == "prior" and p.fact == c.fact
                     and p.figure is not None and of.figure.end <= p.figure.start < c.figure.start), None)

    def _stated_budget_change(self, c: Claim, level: Claim, base: Claim) -> None:
        """"支出预算总额575.48万元，比2022年实际支出761.33万元，减少185.85万元": this year's budget and the base
        are both written: the change is the one minus the other, whatever the file's 决算数."""
        if level.flagged or base.flagged:
            return self.skip(c, "它所依据的金额已报错")
        current = abs(level.value) * _scale(level.unit, c.unit)
        before = abs(base.value) * _scale(base.unit, c.unit)
        if sum_consistent(c.value, [current, -before]):
            return self.ok(c, f"写明的本年预算数 {fmt(current)} − 写明的基数 {fmt(before)} = {fmt(current - before)}{c.unit}")
        if self._slipped_base(c, current, base):
            return None
        word = _direction_word(c)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：写明的本年预算数 {fmt(current)} − 写明的基数 "
                   f"{fmt(before)} = {fmt(current - before)}{c.unit}，与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。",
                   stated=c.value, computed=current - before, about=f"正文“…{self.quote(c, 8)}”")

    def _slipped_base(self, c: Claim, current: Decimal, base: Claim) -> bool:
        """"收入预算1747.99万元，比2022年1609.27万元增加57.72万元" where the file's 上年预算数 is 1690.27: the change
        is this year's less the file's last year's figure, and the base written is not that figure — the base is
        the slip: reported there (True)."""
        for col in ("prior_budget", "prior"):
            was = self.fact(base.fact, col, c.unit, quiet=True)
            if was is not None and sum_consistent(c.value, [current, -was]) and not _as_written(
                    base, was * MONEY[c.unit] / MONEY["万元"]):
                label = self._label(base.fact, col)
                self.error("PROSE-PRIOR", base, f"正文“…{self.quote(c, 24)}”：写明的基数 {fmt(abs(base.value))}{base.unit} "
                           f"与 {label} {fmt(was)}{c.unit} 不符（本年数 {fmt(current)} − {fmt(was)} 正是写明的增减额）。",
                           stated=base.value, fact=was)
                self.skip(c, "增减额与事实相符；写明的基数与事实不符，已在那个数处报出")
                return True
        return False


    def _budget_level(self, c: Claim) -> Decimal | None:
        """The budget a change or rate of a budget against last year is of, as stated in its sentence (万元)."""
        level = c.of
        if level is None or level.figure is None or level.unit not in MONEY or not self._level_leads(level, c) \
                or (level.column not in ("budget", "adjusted", "plan") and not self._budget_only(level)
                    and not self._either_with_budget_only(level)):
            return None
        return abs(level.value) * MONEY[level.unit]

    def _budget_only(self, level: Claim) -> bool:
        """"2023年机关运行经费80.00万元，比2022年减少1.60万元": an amount of no column word that is its fact's 年初预算数
        and none of its other figures of the year — the budget, as much as if the words had said so."""
        return level.implied and level.fact is not None and self._only_in(level, "budget") \
            and not self._only_in(level, "adjusted")

    def _level_leads(self, level: Claim, c: Claim) -> bool:
        """Whether the amount a claim is of is its sentence's, or closes the sentence before with the claim's
        sentence stating none ("项目支出预算数为10208.94万元。与上年相比减少1134.33万元，减少11.11%") — or only its own
        其中 list after it ("年初预算数3033.04万元,其中:…。收入较2024年增加233.89万元")."""
        if level.sentence == c.sentence:
            return True
        own = self._lists()[0].get(id(level), set())
        return level.sentence == c.sentence - 1 and level.figure is not None and not any(
            p.figure is not None and p is not c and p.kind not in ("rate", "change", "sum") and id(p) not in own and (
                (p.sentence == level.sentence and p.figure.start > level.figure.start) or
                (p.sentence == c.sentence and p.figure.start < c.figure.start))
            for p in self._sentences(level.sentence, c.sentence))

    def _budgets_of(self, c: Claim, fact: str | None = None) -> list[Decimal]:
        """This year's budget a change or rate of a budget against last year is of (万元): the one stated in its
        sentence (as the file has it, where it is that figure: its precision, not the prose's), or, none stated,
        the file's 年初预算数 and 调整预算数."""
        fact = fact or c.fact
        stated = self._budget_level(c)
        if stated is None:
            return [v for v in (self.fact(fact, col, "万元") for col in ("budget", "adjusted")) if v is not None]
        files = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.of.column)) if v is not None]
        same = next((v for v in files if same_figure(stated, v)), None)
        # (a budget stated other than the file's — "年初预算数1209.70万元（含上年结转35.20万元）" — may be counted
        # otherwise than the change after it, which may be the file's)
        return [same] if same is not None else [stated, *files]

    def _fits_any_fact(self, c: Claim) -> str | None:
        """With no budget stated, a change its words may name of several facts ("收入"): the one it fits, if any."""
        if self._budget_level(c) is not None:
            return None
        delta = c.value * MONEY[c.unit]
        for fact in c.alts:
            prior = self._last_year(c, fact)[1]
            if prior is not None and any(sum_consistent(delta, [now, -prior]) for now in self._budgets_of(c, fact)):
                return fact
        return None

    def _last_year(self, c: Claim, fact: str | None = None) -> tuple[str, Decimal | None, bool]:
        """Last year's figure a budget's change or rate is measured from, its column, and whether the text
        names it: the file's 上年预算数 where the text says last year's budget ("比2022年预算…") and the file
        has it; else its 上年决算数 — named where the text says last year's final ("较2022年决算…")."""
        fact = fact or c.fact
        if c.against == "prior_budget":
            value = self.fact(fact, "prior_budget", "万元")
            if value is not None:
                return "prior_budget", value, True
        return "prior", self.fact(fact, "prior", "万元"), c.final_base

    @property
    def prior_shown(self) -> bool:
        """Whether a change of a budget against last year in the text fits the file's 上年决算数: the text's 上年 is
        the file's."""
        if self._prior_shown is None:
            self._prior_shown = any(self._shows_prior(c) for c in self.claims if c.budget_base)
        return self._prior_shown

    def _shows_prior(self, c: Claim) -> bool:
        """Whether a change of a budget against last year fits the file's 上年决算数 exactly, and is not nil: the
        text's 上年 is the file's (a budget of last year equal to its final to the last digit is rare)."""
        if c.kind != "change" or not c.budget_base or not c.value or not c.money or c.fact is None \
                or c.sentence in self.far:
            return False
        col, prior, _ = self._last_year(c)
        if col != "prior":
            return False            # the file's 上年预算数 answers for itself
        return (prior is not None and any(sum_consistent(c.value * MONEY[c.unit], [now, -prior])
                                          for now in self._budgets_of(c))) or self._fits_any_fact(c) is not None

    def _unsourced(self, fact: str, column: str) -> Decimal | None:
        """A fact's figure (万元) read as it is, not as the part paid from the claim's source (see fact)."""
        saved, self.source = self.source, ""
        try:
            return self.fact(fact, column, "万元", quiet=True)
        finally:
            self.source = saved

    @staticmethod
    def _income_of_source(c: Claim) -> str:
        """The income line of the source a spending claim is paid from ("一般公共预算拨款支出" → its income), or ""."""
        source = BY_SOURCE.get(c.fact) or (c.source if c.fact == "finance.expenditure.current" else "")
        return f"finance.income.{source_key(source)}" if source else ""

    def _income_twin(self, c: Claim) -> str | None:
        """"一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元": spending paid from one source against
        last year's budget, which the file gives for that source's income only. With no carry-over in this year's
        budget, the spending budgeted from a source is its income — the stated amount shows it — and so was last
        year's: the income line (its path), or None."""
        if c.against != "prior_budget" or c.fact is None or self.fact(c.fact, "prior_budget", "万元", quiet=True) is not None:
            return None
        twin, level = self._income_of_source(c), self._budget_level(c)
        if not twin or level is None:
            return None
        now, prior = self._unsourced(twin, "budget"), self._unsourced(twin, "prior_budget")
        carried = self._unsourced("finance.income.carryover", "budget") or \
            self._unsourced("finance.income.carryover", "prior_budget")
        if now is None or prior is None or carried or not same_figure(level, now):
            return None
        return twin

    def _budget_twin(self, c: Claim) -> str:
        """The income line of the source a budgeted spending amount is paid from, where the file says this year's
        budget carries nothing over (年初结转和结余 0): spending budgeted from a source is then that source's income
        ("一般公共预算拨款支出预算49,376万元" beside 政府性基金 spending, which the file's spending lines do not split)."""
        if c.column not in ("budget", "adjusted", "plan") or not c.money:
            return ""
        twin = self._income_of_source(c)
        return twin if twin and self._unsourced("finance.income.carryover", "budget") == 0 else ""

    def _twin_change(self, c: Claim, twin: str) -> None:
        now, prior = self._unsourced(twin, "budget"), self._unsourced(twin, "prior_budget")
        assert now is not None and prior is not None         # (see _income_twin)
        delta = c.value * MONEY[c.unit]
        how = f"{fact_label(twin, self.report)} 本年预算 {fmt(now)} − 上年预算数 {fmt(prior)} = {fmt(now - prior)}万元"
        if sum_consistent(delta, [now, -prior]):
            return self.ok(c, f"{how}（按来源安排的支出即这一来源的收入）")
        word = _direction_word(c)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：按这一来源安排的支出即其收入，{how}，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符。", stated=c.value, computed=(now - prior) / MONEY[c.unit],
                   uses={f"{twin}.budget", f"{twin}.prior_budget"}, about=f"正文“…{self.quote(c, 8)}”")

    def _total_as_current(self, c: Claim) -> list[tuple[str, str, Decimal]]:
        """"学校2023年度收入总计430,725.03万元" where 430,725.03 is 本年收入合计: some templates call the year's own
        income and spending 收入总计、支出总计 (the tables' 总计 takes in the carry-over) — either is no contradiction."""
        current = {v: k for k, v in WITH_CARRYOVER.items()}.get(c.fact)
        if current is None or "总计" not in c.label or ("收" in c.label and "支" in c.label) or any(
                p.kind == "level" and p.fact == current for p in self._sentences(c.sentence)) \
                or self._other_side_total(c):
            return []           # (收、支总计 is the tables' 总计 in every template; so is one beside 本年收入合计)
        return [(current, col, v) for col in _columns(c.column) if (v := self.fact(current, col, c.unit)) is not None]

    def _other_side_total(self, c: Claim) -> bool:
        """"收入总计7542.23万元，支出总计7540.18万元": the other side's 总计 beside it, as the file's 总计 (with the
        carry-over) has it — the sentence's 总计 are the tables'."""
        for p in self._sentences(c.sentence):
            if p is not c and p.kind == "level" and p.money and p.fact in WITH_CARRYOVER.values() and p.fact != c.fact \
                    and "总计" in p.label:
                v = self.fact(p.fact, p.column if p.column in ("budget", "adjusted", "final") else "final", "万元", quiet=True)
                if v is not None and _as_written(p, v):
                    return True
        return False

    def _part_of_budgets_change(self, c: Claim) -> bool:
        """"2.支出预算减少108.85万元，其中基本支出增加26.84万元，项目支出减少135.69万元": a part of a list of changes
        whose head is a budget's change (found so against last year's budget) is its budget's change too."""
        for k in self.by_sentence.get(c.sentence, ()):
            if k.kind == "sum" and k.changes and any(p is c for p in k.parts):
                verdict = self.verdicts.get(id(k.of), "")
                return verdict.startswith("相符") and "上年预算数" in verdict
        return False

    def _change_is_last_years(self, c: Claim) -> bool:
        """"收支预算1,747.99万元，比上年减少1,941.84万元": a change written as last year's figure of its fact (or of a fact
        its words may name) — a figure of three digits or more, and this year's figure is not twice it — is that figure
        miscopied into the change, whichever of last year's figures the text measures from (reported: True)."""
        if c.unit not in MONEY or c.figure is None or c.flagged or len(str(abs(c.value)).replace(".", "").lstrip("0")) < 3:
            return False
        if c.of is not None and (c.of.flagged or id(c.of) in self.far_amounts):
            return False
        for fact in (c.fact, *c.alts):
            nows = [v for col in ("budget", "adjusted", "final") if (v := self.fact(fact, col, "万元", quiet=True)) is not None]
            if c.of is not None and not any(same_figure(abs(c.of.value) * MONEY[c.of.unit], v) for v in nows):
                continue        # (of an amount that is not this fact's figure)
            for col in ("prior_budget", "prior"):
                was = self.fact(fact, col, "万元", quiet=True)
                if not was or not nows or not same_figure(abs(c.value), was / MONEY[c.unit]) \
                        or any(same_figure(abs(c.value), abs(now - was) / MONEY[c.unit]) for now in nows):
                    continue
                now = nows[0]
                self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：写的{_direction_word(c)} {fmt(abs(c.value))}{c.unit} "
                           f"正是{self._label(fact, col)}，不是增减额：{fmt(now)} − {fmt(was)} = {fmt(now - was)}万元。",
                           stated=c.value, computed=(now - was) / MONEY[c.unit], uses={f"{fact}.{col}"},
                           about=f"正文“…{self.quote(c, 8)}”")
                return True
        return False

    def _budget_change(self, c: Claim) -> None:
        """"预算数为20.1万元，与上年相比减少0.3万元，下降0.99%": last year's figure may be its budget, which the
        file does not have. The change is wrong only where the file's 上年决算数 is shown to be the base — the
        text names it, the rate stated with it fits that base exactly, or another change of a budget against
        last year in the same text fits its own 上年决算数 — and the change does not."""
        twin = self._income_twin(c)
        if twin is not None:
            return self._twin_change(c, twin)
        # "较2022年决算减少…", "比2022年预算减少…" (the file has 上年预算数): the base is named
        col, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        both = self._both_last_years(c)
        if both and currents and not (c.of is not None and c.of.flagged):
            return self._change_on_either(c, currents, both)
        if prior is None and currents and not (c.of is not None and c.of.flagged):
            budget = self._only_prior_budget(c)
            if budget is not None:
                return self._change_on_prior_budget(c, currents, budget)
        if not currents or prior is None or (c.of is not None and c.of.flagged):
            return self.skip(c, "事实文件没有上年预算数" if c.against == "prior_budget" else _UNSURE_BASE)
        zh = _COLUMN_ZH[col]
        delta = c.value * MONEY[c.unit]
        for current in currents:
            if sum_consistent(delta, [current, -prior]):
                return self.ok(c, f"{fmt(current)} − {zh} {fmt(prior)} = {fmt(current - prior)}万元")
        other = self._fits_any_fact(c)
        if other is not None:
            return self.ok(c, f"{fact_label(other, self.report)}的本年预算 − 上年决算数")
        current = currents[0]
        rate = self.rates.get(id(c))
        rate_shows = rate is not None and prior and \
            abs((current - prior) / prior * 100 - rate.value) <= half_unit(rate.value)
        if not (named or rate_shows or self.prior_shown):
            return self.skip(c, "事实文件没有上年预算数" if c.against == "prior_budget" else _UNSURE_BASE)
        word = _direction_word(c)
        why = f"写明比较的是{zh[:-1]}" if named else f"写明的 {fmt(abs(rate.value))}% 正是按上年决算数算的" \
            if rate_shows and rate is not None else "同一段中另一处与上年的比较正是按上年决算数算的"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算 "
                   f"{fmt(current)} − {zh} {fmt(prior)} = {fmt(current - prior)}万元，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符（{why}）。",
                   stated=c.value, computed=(current - prior) / MONEY[c.unit],
                   uses={f"{c.fact}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _only_prior_budget(self, c: Claim) -> Decimal | None:
        """"预算总计37188.34万元，与上年相比…增加4016.19万元，增长12.11%": last year's figure unnamed, and the file has
        last year's budget but not last year's final — the 上年预算数 (万元), or None."""
        if c.against not in (None, "prior") or c.final_base or self.fact(c.fact, "prior", "万元") is not None:
            return None
        return self.fact(c.fact, "prior_budget", "万元")

    def _change_on_prior_budget(self, c: Claim, currents: list[Decimal], budget: Decimal) -> None:
        """The change fits the file's 上年预算数 (no contradiction); or it does not, and either the rate stated with it
        fits that base (the rate shows which base the text means) or no rate is stated — the file gives last year's
        budget as the figure of last year, so a budget is compared with a budget: the change is wrong. A rate that
        fits neither says the text measured from another base: nothing is certain."""
        delta = c.value * MONEY[c.unit]
        for current in currents:
            if sum_consistent(delta, [current, -budget]):
                return self.ok(c, f"{fmt(current)} − 上年预算数 {fmt(budget)} = {fmt(current - budget)}万元")
        rate, current = self._rate_with(c), currents[0]
        if (rate is None and self._budget_level(c) is None and not self._part_of_budgets_change(c)) or (
                rate is not None and (not budget or not rate_fits((current - budget) / budget * 100, rate.value))):
            # (with no rate, only a change of a budget stated with it: "与上年相比支出减少2万元" after another line's
            # budget may be of that line)
            return self.skip(c, _UNSURE_BASE)
        word = _direction_word(c)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算 "
                   f"{fmt(current)} − 上年预算数 {fmt(budget)} = {fmt(current - budget)}万元，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符（" + (f"写明的 {fmt(abs(rate.value))}% 正是按上年预算数算的"
                   if rate is not None else "事实文件的上年数是上年预算数") + "）。",
                   stated=c.value, computed=(current - budget) / MONEY[c.unit],
                   uses={f"{c.fact}.prior_budget"}, about=f"正文“…{self.quote(c, 8)}”")

    def _rate_with(self, c: Claim) -> Claim | None:
        """The rate stated with a change (of a budget against last year's, or of the amount before it)."""
        return self.rates.get(id(c)) or next((r for r in self.by_sentence.get(c.sentence, ())
                                               if r.kind == "rate" and r.change is c and r.figure is not None), None)

    def _rates_base(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> list[tuple[str, Decimal]]:
        """"收入预算2903.60万元，比上年增加122.45万元，增长4.4%": the rate stated with the change fits one of last year's
        figures only (4.4% = 122.45 ÷ 上年预算数 2781.15) — the text measures both from it, and the change is checked there
        alone (a change that fits the other base, 2903.60 − 上年决算数, is then wrong)."""
        rate = self._rate_with(c)
        if rate is None or rate.figure is None or len(currents) != 1:
            return both
        fits = [(col, b) for col, b in both if b and rate_fits((currents[0] - b) / b * 100, rate.value)]
        return fits if len(fits) == 1 else both

    def _bases_shown(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> tuple:
        """Last year's figures a change may be measured from, narrowed to the one the rate stated with it fits
        (_rates_base) or, with no rate, the one the sentence's other changes all fit (_base_of_peers): (bases, the
        rate that showed it or None, the column the peers showed or None)."""
        shown = self._rates_base(c, currents, both)
        if len(shown) < len(both):
            return shown, self._rate_with(c), None
        peer = self._base_of_peers(c, both)
        return ([(col, b) for col, b in both if col == peer] if peer else both), None, peer

    def _base_of_peers(self, c: Claim, both: list[tuple[str, Decimal]]) -> str | None:
        """"一般公共预算财政拨款支出2903.60万元，比2022年减少54.60万元。其中：基本支出775.20万元，…，比2022年增加58.06万元":
        the other changes of budgets against last year in the sentence (and the one before: a 其中 after a full stop)
        fit one of last year's figures only (54.60 = 2903.60 − 上年预算数) and none fits the other — the text measures
        them all from it. That column, or None."""
        shown = set()
        for p in (*self.by_sentence.get(c.sentence - 1, ()), *self.by_sentence.get(c.sentence, ())):
            if p is c or p.kind != "change" or p.against not in (None, "prior") or p.final_base or not p.value \
                    or not p.money or p.fact is None or p.flagged or p.fact == c.fact:
                continue
            delta = p.value * MONEY[p.unit]
            fits = {col for col, _ in both
                    if (base := self.fact(p.fact, col, "万元", quiet=True)) is not None
                    and any(sum_consistent(delta, [now, -base]) for now in self._budgets_of(p))}
            if len(fits) == 1:
                shown |= fits
        return shown.pop() if len(shown) == 1 else None

    def _both_last_years(self, c: Claim, fact: str | None = None) -> list[tuple[str, Decimal]]:
        """"预算80万元，比上年增加5万元": last year's figure unnamed, budget or final — both, where the file has
        both (上年决算数 and 上年预算数): then a change or rate that fits neither is wrong whichever was meant."""
        if c.against not in (None, "prior") or c.final_base:
            return []
        both = [(col, v) for col in ("prior", "prior_budget") if (v := self.fact(fact or c.fact, col, "万元")) is not None]
        return both if len(both) == 2 else []

    def _change_on_either(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> None:
        delta = c.value * MONEY[c.unit]
        both, rate, peer = self._bases_shown(c, currents, both)
        for current in currents:
            for col, base in both:
                if sum_consistent(delta, [current, -base]):
                    return self.ok(c, f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}万元")
        # "…，其他收入23万元。较2023年增加40.17万元": of the whole the list before it was of, with no budget stated
        for whole in c.alts if c.of is None else ():
            for current in self._budgets_of(c, whole):
                for col, base in self._both_last_years(c, whole):
                    if sum_consistent(delta, [current, -base]):
                        return self.ok(c, f"{fact_label(whole, self.report)} {fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)}"
                                          f" = {fmt(current - base)}万元")
        others = {*c.alts, *(c.of.alts if c.of is not None else ())} - {c.fact}
        if any(not self._both_last_years(c, whole) and any(v not in currents for v in self._budgets_of(c, whole))
               for whole in others):
            # "年初预算数1209.70万元（含上年结转35.20万元），…。收入较2022年增加55.87万元": the words may name a whole
            # of another budget (with the carry-over), whose last year the file lacks — measured from that, the change
            # may hold
            return self.skip(c, _UNSURE_BASE)
        final, prior = self.fact(c.fact, "final", "万元", quiet=True), self.fact(c.fact, "prior", "万元", quiet=True)
        if c.of is None and final is not None and prior is not None and final not in currents \
                and not PLANNED.search(clause_words(self.reading, c)) and sum_consistent(delta, [final, -prior]) \
                and not self._part_of_budgets_change(c):
            # "收入较上年增加1066.5万元，主要原因是项目经费预算收入（其中，人员经费增加68.44万元…）": a part's change under
            # words of the budget, with no amount of its own, may be its final's (the reason for a change of the year's
            # income; "支出预算2903.6万元，比上年增加1066.5万元" is the budget's change, wrong)
            return self.ok(c, f"按决算数算：{fmt(final)} − 上年决算数 {fmt(prior)} = {fmt(final - prior)}万元")
        current = currents[0]
        how = "，也不是".join(f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}万元"
                            for col, base in both)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算与上年相比，"
                   f"写明的{'增加' if c.value >= 0 else '减少'} {fmt(abs(c.value))}{c.unit} {'' if rate is not None else '既'}不是 {how}" +
                   (f"（写明的 {fmt(abs(rate.value))}% 正是按{_COLUMN_ZH[both[0][0]]}算的）。" if rate is not None else
                    f"（同一句中其他的增减正是按{_COLUMN_ZH[peer]}算的）。" if peer else "。"),
                   stated=c.value, computed=(current - both[0][1]) / MONEY[c.unit],
                   uses={f"{c.fact}.{col}" for col, _ in both}, about=f"正文“…{self.quote(c, 8)}”")
