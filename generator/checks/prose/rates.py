"""Growth rates: a rate against its change and the base it is written on."""
from __future__ import annotations

from decimal import Decimal

from ...core.numbers import fmt, half_unit, rate_fits, ratio_fits, same_figure, sum_consistent
from ...derive.claims import Claim
from ...derive.claims.grammar import BY_SOURCE
from ...derive.claims.nearby import figures_before, others_at
from ...derive.claims.parts import source_key
from ...derive.claims.tokens import MONEY
from ...model.facts import AMOUNT_PATHS
from .base import _Base
from .common import _COLUMN_ZH, _OF_FAR, _UNSURE_BASE, _level_stated, _places, _scale


def _rate_within_rounding(rate: Decimal, amount: Decimal, half_amount: Decimal, change: Decimal,
                          half_change: Decimal) -> bool:
    """Whether a growth rate is the change ÷ (the amount − the change) for some figures within half a last digit of
    those written (the rate itself ± half its own last digit)."""
    rates = [(change + y) / (amount + x - change - y) * 100 for x in (-half_amount, half_amount)
             for y in (-half_change, half_change) if amount + x - change - y > 0]
    return bool(rates) and min(rates) - half_unit(rate) <= rate <= max(rates) + half_unit(rate)


def _swaps(value: Decimal) -> list[Decimal]:
    """The figure with any two of its digits swapped (each different figure once; at least three digits)."""
    exponent = value.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{value:.{places}f}"
    digits = [i for i, ch in enumerate(text) if ch.isdigit()]
    if len(digits) < 3:
        return []
    out = set()
    for a in range(len(digits)):
        for b in range(a + 1, len(digits)):
            i, j = digits[a], digits[b]
            if text[i] != text[j]:
                s = list(text)
                s[i], s[j] = s[j], s[i]
                out.add(Decimal("".join(s)))
    return sorted(out - {value})


def _rate_holds(stated: Decimal, computed: Decimal, current: Decimal | None, base: Decimal) -> bool:
    """A growth rate as written against the one computed (from a change as written, as written) or against the
    table's two figures, each ± half its last digit."""
    # (coarse or not by the two amounts, not by their difference: a small change of large amounts is well known)
    return rate_fits(computed, stated) or (current is not None and ratio_fits(
        current - base, base, stated, half_unit(base) + half_unit(current), half_unit(base),
        coarse=half_unit(current) > abs(current) / 200 or half_unit(base) > abs(base) / 200))


class _Rates(_Base):
    """Growth rates."""

    def _rate_on_either(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> None:
        tried = [(col, base, (now - base) / base * 100) for now in currents for col, base in both if base]
        for col, base, computed in tried:
            if rate_fits(computed, c.value):
                return self.ok(c, f"（本年预算 − {_COLUMN_ZH[col]} {fmt(base)}） ÷ {fmt(base)} = {fmt(computed, _places(c))}%")
        if not tried:
            return self.skip(c, "上年的数为 0")
        other = self._budget_change_of_another(c, "budget")
        if other:
            return self.ok(c, other)    # (the list head's, not the last item's: see the reader's alts)
        how = "，也不是".join(f"按{_COLUMN_ZH[col]} {fmt(base)} 算的 {fmt(computed, _places(c))}%" for col, base, computed in tried[:2])
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：本年预算与上年相比，写明的 {fmt(abs(c.value))}% "
                   f"既不是{how}。", stated=c.value, computed=tried[0][2],
                   uses={f"{c.fact}.{col}" for col, _ in both})

    def _rate_on_stated_base(self, c: Claim, currents: list[Decimal]) -> bool:
        """"预算收入总计1747.99万元，较2022年部门预算收入总数2073.50万元减少325.51万元，同比下降18.62%": the sentence
        states last year's figure itself — the rate is on it, whichever column it was. Checked (True) or not."""
        base = c.base
        if base is None or base.kind != "prior" or base.sentence != c.sentence or base.figure is None or base.flagged \
                or not currents or base.unit not in MONEY or (c.of is not None and c.of.flagged):
            return False
        was = abs(base.value) * _scale(base.unit, "万元")
        if not was:
            return False
        tried = [(now - was) / was * 100 for now in currents]
        for computed in tried:
            if rate_fits(computed, c.value):
                self.ok(c, f"（本年预算 − 写明的上年数 {fmt(was)}） ÷ {fmt(was)} = {fmt(computed, _places(c))}%")
                return True
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：按写明的上年数 {fmt(was)} 算，本年预算与上年相比"
                   f"{'增长' if tried[0] > 0 else '下降'} {fmt(abs(tried[0]), _places(c))}%，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=tried[0])
        return True

    def _rate_on_prior_budget(self, c: Claim, currents: list[Decimal], budget: Decimal) -> bool:
        """"与上年相比，增加146.47万元，增长8.38%": the change stated is this year's budget less last year's (the only
        figure of last year the file has) — so the rate is on that base (True: checked)."""
        change = c.change
        if change is None or not change.money or change.sentence != c.sentence or change.flagged:
            return False
        delta = abs(change.value) * MONEY[change.unit]
        now = next((v for v in currents if same_figure(delta, abs(v - budget))), None)
        if now is None:
            return False
        computed = (now - budget) / budget * 100
        # (the difference is known as closely as the change stated says it, if that is closer than the two amounts do)
        near = min(half_unit(now) + half_unit(budget), half_unit(abs(change.value) * MONEY[change.unit]))
        if ratio_fits(abs(now - budget), budget, abs(c.value), near, half_unit(budget)):
            self.ok(c, f"（本年预算 {fmt(now)} − 上年预算数 {fmt(budget)}） ÷ {fmt(budget)} = "
                       f"{fmt(computed, _places(c))}%（写明的数各有尾差）")
            return True
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：写明的增减额 {fmt(delta)} 是本年预算 {fmt(now)} "
                   f"与上年预算数 {fmt(budget)} 之差，按它算{'增长' if computed >= 0 else '下降'} "
                   f"{fmt(abs(computed), _places(c))}%，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)
        return True

    def _budget_rate(self, c: Claim) -> None:
        """The rate of a budget against last year, against its own sentence: the change stated ÷ last year's
        figure, which is the budget stated less the change, whichever of last year's columns that was."""
        current, change = self._budget_level(c), c.change
        _, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        if self._rate_on_stated_base(c, currents):
            return None
        both = self._both_last_years(c)
        if both and currents and not (c.of is not None and c.of.flagged):
            return self._rate_on_either(c, currents, both)
        if currents and prior and (named or self._fits_last_year(c, currents, prior) or (
                self.prior_shown and (change is None or change.sentence != c.sentence))):
            return self._rate_on_last_year(c, currents)
        budget = self._only_prior_budget(c) if currents and prior is None else None
        if budget and self._fits_last_year(c, currents, budget):
            return self.ok(c, f"（本年预算 − 上年预算数 {fmt(budget)}） ÷ {fmt(budget)}")
        if budget and self._rate_on_prior_budget(c, currents, budget):
            return None
        if current is None or change is None or not change.money or change.sentence != c.sentence:
            return self.skip(c, _UNSURE_BASE)
        return self._rate_on_its_sentence(c, current, change)

    def _rate_on_its_sentence(self, c: Claim, current: Decimal, change: Claim) -> None:
        """The rate against the budget and the change its sentence states (last year's figure is their difference)."""
        if change.flagged or (c.of is not None and c.of.flagged):
            return self.skip(c, "它所依据的金额已报错")
        delta = change.value * MONEY[change.unit]
        base = current - delta
        if base <= 0:
            return self.skip(c, _UNSURE_BASE)
        computed = delta / base * 100
        if rate_fits(computed, c.value) or self._within_rounding(c, current, delta, c.of, change):
            return self.ok(c, f"{fmt(delta)} ÷ 上年数 {fmt(base)}（本年预算 {fmt(current)} − 增减额） = {fmt(computed, _places(c))}%")
        if self._change_off_file_base(c, current):
            return None
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {fmt(delta)} ÷ 上年数 {fmt(base)}（本年预算 "
                   f"{fmt(current)} 减去变动）= {words}，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)

    @staticmethod
    def _within_rounding(c: Claim, current: Decimal, delta: Decimal, level: Claim | None, change: Claim) -> bool:
        """Whether the rate is the change ÷ (the budget − the change) for some figures that round to those written
        ("预算数为2.64万元。比上年增加0.26万元，增长10.93%": 0.2592 ÷ 2.3708 = 10.93%) — each ± half its last digit —
        and is not the change ÷ the budget."""
        if current and rate_fits(delta / current * 100, c.value):
            return False        # "预算1.71万元，同比增加0.01万元，上升0.58%": the change ÷ this year's — the usual slip
        hc = half_unit(level.value) * MONEY[level.unit] if level is not None and level.unit in MONEY else Decimal(0)
        return _rate_within_rounding(c.value, current, hc, delta, half_unit(change.value) * MONEY[change.unit])

    @staticmethod
    def _fits_last_year(c: Claim, currents: list[Decimal], prior: Decimal) -> bool:
        """Whether a budget's growth rate fits the file's figure of last year exactly: then it is no contradiction
        (and the change stated with it is checked on that base, see _budget_change)."""
        return any(rate_fits((now - prior) / prior * 100, c.value) for now in currents)

    def _rate_on_last_year(self, c: Claim, currents: list[Decimal]) -> None:
        """"经费预算48万元，较2022年决算增长25%", "比2022年预算增长…": this year's budget against the file's figure
        of last year, as the text says (or as another change of a budget in the same text shows)."""
        col, prior, _ = self._last_year(c)
        if not prior or (c.of is not None and c.of.flagged):
            return self.skip(c, f"事实文件没有{_COLUMN_ZH[col]}")
        zh = _COLUMN_ZH[col]
        for current in currents:
            computed = (current - prior) / prior * 100
            how = f"（本年预算 {fmt(current)} − {zh} {fmt(prior)}） ÷ {fmt(prior)}"
            if rate_fits(computed, c.value):
                return self.ok(c, f"{how} = {fmt(computed, _places(c))}%")
        other = self._budget_change_of_another(c, "budget")
        if other:
            # "其中：…；项目支出预算474.20万元，…。2023年预算比2022年预算增加54.10万元，增长4.83%": the list head's
            return self.ok(c, other)
        computed = (currents[0] - prior) / prior * 100
        how = f"（本年预算 {fmt(currents[0])} − {zh} {fmt(prior)}） ÷ {fmt(prior)}"
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：{how} = {words}，与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。", stated=c.value, computed=computed,
                   uses={f"{c.fact}.{col}"})

    def _rate(self, c: Claim) -> None:
        if c.value < -100:
            # "同比下降114.19%" (the change over this year's amount): an amount that falls to nothing falls by 100 %
            return self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：写明下降 {fmt(abs(c.value))}%，但一个数减少到"
                              " 0 也只下降 100%：下降的幅度应是减少额 ÷ 上年数。", stated=c.value, computed=Decimal(-100))
        if c.fact is None:
            return self._stated_rate(c)
        if c.of is not None and id(c.of) in self.far_amounts:
            return self.skip(c, _OF_FAR)
        stated = self._stated_level(c)
        if stated is not None:
            return self._stated_rate(c, stated)
        if c.column == "adjusted" and c.against == "budget":
            return self._rate_of_adjustment(c)
        if self._of_budget_peers(c):
            return None
        if c.budget_base or (c.against in (None, "prior") and self._last_said_as_budget(c)):
            # ("（二）公务接待费 2023年预算安排3.2万元。…。与上年相比支出增加97.53%": its budget against last year)
            return self._budget_rate(c)
        if self._budget_stated(c):
            # ("项目支出1052.39万元，同比增加95.27万元，增长9.05%": the change is this year's budget less last year's, the
            # only figure of last year the file has — the rate is on it)
            budget = self._only_prior_budget(c)
            currents = self._budgets_of(c) if budget else []
            if self._stated_budget_on_either(c) or (budget and currents and self._rate_on_prior_budget(c, currents, budget)):
                return None
            level, change = c.of, c.change
            if level is not None and level.figure is not None and level.unit in MONEY and level.sentence == c.sentence \
                    and change is not None and change.money and change.sentence == c.sentence \
                    and not self._unread_between(level.figure.end, change.start):
                current = abs(level.value) * MONEY[level.unit]
                # ("一般公共预算当年拨款2903.60万元，比上年执行数增加732.35万元，增长25.2%": whichever of last year's
                # figures it was, it is the budget less the change — 732.35 ÷ 2171.25)
                return self._rate_on_its_sentence(c, current, change)
            return self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")
        if self._rate_of_another(c):
            return None
        if c.change is not None and self.change_base.get(id(c.change)) in ("prior_budget", "budget-prior"):
            return self._rate_budget_on_budget(c, self.change_base[id(c.change)])
        return self._rate_on_facts(c)

    def _rate_budget_on_budget(self, c: Claim, base: str = "prior_budget") -> None:
        """"公务接待费同口径比2022年减少2.50万元，同口径比2022年下降13.9%": the change was this year's budget less last
        year's (see changes._budget_on_budget) — its rate is on last year's budget; or less last year's 执行数
        ("budget-prior", changes._budget_on_executed) — on that."""
        fact = self._fact_of(c)
        column = "prior" if base == "budget-prior" else "prior_budget"
        budget, prior = self.fact(fact, "budget", "万元"), self.fact(fact, column, "万元")
        if budget is None or not prior:
            return self.skip(c, _UNSURE_BASE)
        computed = (budget - prior) / prior * 100
        name = _COLUMN_ZH[column]
        how = f"（本年预算 {fmt(budget)} − {name} {fmt(prior)}） ÷ {fmt(prior)} = {fmt(computed, _places(c))}%"
        if rate_fits(computed, c.value):
            return self.ok(c, how + f"（增减额也是本年预算与{name}之差）")
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：增减额是本年预算与{name}之差，{how}，与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。", stated=c.value, computed=computed,
                   uses={f"{fact}.budget", f"{fact}.{column}"})

    def _rate_of_adjustment(self, c: Claim) -> None:
        """"全年预算比年初预算增长17.04%": (调整预算 − 年初预算) ÷ 年初预算."""
        fact = self._fact_of(c)
        adjusted, budget = self.fact(fact, "adjusted", "万元"), self.fact(fact, "budget", "万元")
        if adjusted is None or not budget:
            return self.skip(c, f"事实文件没有 {self._label(fact, 'adjusted')} 或 {self._label(fact, 'budget')}")
        computed = (adjusted - budget) / budget * 100
        how = f"（{self._label(fact, 'adjusted')} {fmt(adjusted)} − 年初预算数 {fmt(budget)}）÷ {fmt(budget)} = " \
              f"{fmt(computed, _places(c))}%"
        if rate_fits(computed, c.value):
            return self.ok(c, how)
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：{how}，与写明的 {fmt(c.value)}% 不符。",
                   stated=c.value, computed=computed)

    def _rate_of_another(self, c: Claim) -> bool:
        """The rate of a change whose words may be another fact's too, on that fact's base — it holding is no
        contradiction: "收入总计7542.23万元，其中年初结转和结余9.42万元，较2022年增加417.48万元，增长5.9%" (the list head's,
        see _change); "…其他收入35.00万元；调整预算为12328.90万元，较年初预算增加5473.45万元，增长79.84%" (the amount's
        other fact, see the reader's alts)."""
        change = c.change
        if change is None or change.kind != "change" or change.unit not in MONEY:
            return False
        tried = [(w, "prior") for w in change.alts]
        if change.of is not None and c.against in ("budget", "adjusted"):
            tried += [(w, c.against) for w in change.of.alts]
        delta = change.value * MONEY[change.unit]
        for whole, col in tried:
            base = self.fact(whole, col, "万元")
            final = self.fact(whole, "final", "万元", quiet=True) if col == "prior" else None
            if final is not None and base is not None and not any(sum_consistent(d, [final, -base]) for d in (delta, -delta)):
                # ("收支较上年决算数增加62.00万元、增长5.0%": 本年收入合计 rose by 85.44, not 62.00 — its base is not this
                # change's: 62.00 ÷ its 1241.36 = 4.99 % agrees by chance; a change of the right size in the wrong
                # direction is the change's error, reported there)
                continue
            if base and rate_fits(delta / base * 100, c.value):
                self.ok(c, f"{fmt(delta)} ÷ {self._label(whole, col)} {fmt(base)} = {fmt(delta / base * 100, _places(c))}%")
                return True
        return False

    def _alt_whose_change(self, c: Claim) -> list[tuple]:
        """"收支较上年决算数增加1,066.50万元、增长32.9%": the rate's own fact has no figure of last year, but one of the
        facts its words may name (see the reader's alts) changed by exactly the change stated — the rate is on that
        fact's last year (as (column, base, change, rate), or nothing)."""
        change = c.change
        if change is None or change.kind != "change" or change.unit not in MONEY or change.flagged:
            return []
        delta = change.value * MONEY[change.unit]
        for whole in change.alts:
            base = self.fact(whole, "prior", "万元", quiet=True)
            final = self.fact(whole, "final", "万元", quiet=True)
            if base and final is not None and sum_consistent(delta, [final, -base]):
                return [("prior", base, delta, delta / base * 100)]
        return []

    def _rate_on_facts(self, c: Claim) -> None:
        """A growth rate against the file's figures: this year's and last year's (or the change stated with it)."""
        unit = "万元"
        change = None
        if c.change is not None and c.change.money and not c.change.flagged:
            unit, change = c.change.unit, c.change.value
        probe = Claim("change", c.figure, self._fact_of(c), against=c.against, of=c.of, base=c.base, unit=unit,
                      value=c.value, sentence=c.sentence)
        current, stale = self._current(probe)
        if stale or (c.base is not None and c.base.flagged):
            return self.skip(c, "它所依据的金额已报错")
        bases = self._rate_bases(c, probe, change)
        if c.change is not None and c.change.money and c.change.flagged and not self._turned(c.change, current, bases):
            # (a change reported only for its direction leaves the rate's own direction to be checked: "减少98.73万元，
            # 下降13.45%" for a rise of 98.73 — both words are wrong)
            return self.skip(c, "它所依据的增减额已报错")
        if change is not None and id(c.change) in self.change_base:
            # "减少40217.50元，下降118.29%": the change fitted last year's figure, so its rate is on that figure too
            bases = [(col, b) for col, b in bases if col == self.change_base[id(c.change)]] or bases
        if not any(col == "prior" for col, _ in bases) and change is not None and current is not None \
                and c.against in (None, "prior") and c.base is None and _level_stated(c):
            return self._rate_from_change(c, current, change)
        if c.against is None and c.base is None and not any(col == "prior" for col, _ in bases):
            return self.skip(c, "没有写比较的基数，事实文件也没有上年数")
        return self._rate_on_bases(c, probe, bases, current, change)

    def _unread_between(self, start: int, end: int) -> bool:
        """Whether an amount left unread stands between `start` and `end` ("收入1,747.99万元，其中：一般公共预算拨款
        1,735.49万元，较上年减少…": the change is of the item, not of the amount before it)."""
        return any(start <= u.figure.start < end and u.figure.unit in MONEY for u in self.reading.unread)

    def _rate_bases(self, c: Claim, probe: Claim, change: Decimal | None) -> list[tuple[str, Decimal]]:
        """What a growth rate may be on. "财政拨款收入完成7532.81万元，增长330.94%": naming no base, on last year's figure
        where the file has it (330.94% is on the 年初预算: no rate of the year) — a change may name no base and be a
        budget's (see changes._on_its_rates_base): its rate is then on the change's base (see _rate_on_facts)."""
        bases = self._bases(probe)
        if c.against is None and c.base is None and any(col == "prior" for col, _ in bases) \
                and not (change is not None and id(c.change) in self.change_base):
            return [(col, b) for col, b in bases if col == "prior"]
        return bases

    @staticmethod
    def _turned(change: Claim, current: Decimal | None, bases: list) -> bool:
        """Whether a change is the table's change with its direction turned: its amount right, its sign wrong."""
        if current is None:
            return False
        amount = change.value * _scale(change.unit, "万元")
        return any(same_figure(abs(amount), abs(current - base)) and (amount > 0) != (current - base > 0)
                   for _, base in bases if current != base)

    def _change_swapped(self, c: Claim, current: Decimal, half_current: Decimal, change: Decimal,
                        half_change: Decimal) -> bool:
        """"支出52.36万元，与上年相比增加6.81万元，增长13.38%": the rate agrees with the change with two of its digits
        swapped (6.18) and not with the change as written — the change is miscopied, not the rate (reported: True).
        The amounts in 万元."""
        stated = c.change
        if stated is None or stated.figure is None or stated.unit not in MONEY \
                or self.verdicts.get(id(stated), "").startswith("相符") \
                or len(str(abs(c.value)).replace(".", "").lstrip("0")) < 3:
            # (a change that agrees with the figures it is of is right: the rate is not; a rate of two digits
            # fits too many changes to tell which was miscopied)
            return False
        scale = MONEY[stated.unit]
        sign = -1 if change < 0 else 1
        fits = [s for s in _swaps(abs(stated.value))
                if _rate_within_rounding(c.value, current, half_current, sign * s * scale, half_change)]
        if len(fits) != 1:
            return False
        stated.flagged = True
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, stated.start - 24):c.figure.end]}”：本年 {fmt(current)}万元 与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 合的增减额约为 {fmt(fits[0])}{stated.unit}，"
                   f"写的 {fmt(abs(stated.value))}{stated.unit} 与它只差两位数字的次序，多半是写颠倒了。",
                   at=stated.start, stated=abs(stated.value), computed=fits[0])
        return True

    def _change_off_file_base(self, c: Claim, current: Decimal) -> bool:
        """"公务用车运行维护费6.50万元，比上年减少7.80万元，下降16.67％" where the file has last year's budget 7.80 (and no
        final): the rate is exactly this year's against that figure of last year's — it is the change that is wrong, not
        the rate (reported at the change: True). So too for a figure of last year of another fact the words may name
        ("收、支预算总计各增加45.83万元，增长5.34%": 1747.99 − 本年收入合计的上年预算数 1659.44 = 88.55)."""
        stated = c.change
        if stated is None or stated.figure is None or stated.unit not in MONEY or stated.flagged:
            return False
        for fact, col in self._last_years_named(c):
            was = self.fact(fact, col, "万元", quiet=True)
            if not was or not self._fits_last_year(c, [current], was):
                continue
            return self._change_wrong_by(c, stated, current, was, _COLUMN_ZH[col], f"{fact}.{col}")
        return False

    def _stated_change_off_file(self, c: Claim, level: Claim, now: Decimal) -> bool:
        """"其中：一般公共预算拨款2,903.60万元，较上年增加732.35万元，增长4.88%" (an item the reader left unread): its amount
        is exactly a line's figure of this year (of three digits or more), and the rate exactly that line's against its
        figure of last year, the change not — the change is the slip (reported at it: True)."""
        stated = c.change
        if stated is None or stated.figure is None or stated.unit not in MONEY or stated.flagged \
                or len(str(abs(level.value)).replace(".", "").lstrip("0")) < 3:
            return False
        for fact in AMOUNT_PATHS:
            if not fact.startswith("finance.") or not any(
                    (v := self.fact(fact, col, "万元", quiet=True)) is not None and v == now for col in ("budget", "adjusted", "final")):
                continue
            for col in ("prior_budget", "prior"):
                was = self.fact(fact, col, "万元", quiet=True)
                if not was or not rate_fits((now - was) / was * 100, c.value):
                    continue
                return self._change_wrong_by(c, stated, now, was, self._label(fact, col), f"{fact}.{col}")
        return False

    def _change_wrong_by(self, c: Claim, stated: Claim, now: Decimal, was: Decimal, label: str, path: str) -> bool:
        """The rate is exactly this year's (`now`) against last year's figure `was` (万元): the change stated with it is
        reported as the slip unless it fits that base too (True: reported)."""
        delta = (now - was) / MONEY[stated.unit]
        if same_figure(abs(stated.value), abs(delta)):
            return False
        stated.flagged = True
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, stated.start - 24):c.figure.end]}”：写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 正是本年 {fmt(now)}万元 与"
                   f"{label} {fmt(was)}万元 相比，增减额应为 {fmt(abs(delta))}{stated.unit}，与写明的 "
                   f"{fmt(abs(stated.value))}{stated.unit} 不符。", at=stated.start, stated=abs(stated.value),
                   computed=abs(delta), uses={path})
        return True

    def _last_years_named(self, c: Claim) -> list[tuple[str, str]]:
        """(fact, column) of each figure of last year the rate's words may be measured from: its fact's, then those of
        the other facts its words (or its amount's) may name — a 预算总计 of no carry-over being this year's income or
        spending, whose 上年预算数 the file may have for that line only."""
        named = [self._fact_of(c), *c.alts, *(c.of.alts if c.of is not None else ())]
        # ("一般公共预算拨款支出…，较上年增加…，增长2.46%": the spending of a source, measured from its income of last year)
        named += [f"finance.income.{BY_SOURCE[f]}" for f in named if f in BY_SOURCE]
        if self.source:
            named.append(f"finance.income.{source_key(self.source)}")
        facts = dict.fromkeys([*named, *(f[:-len("total")] + "current" for f in named if f and f.endswith(".total"))])
        return [(f, col) for f in facts if f for col in ("prior", "prior_budget")]

    def _rate_from_change(self, c: Claim, current: Decimal, change: Decimal) -> None:
        """"公务用车购置及运行维护费支出决算增加21.90万元，增长58.63%": the file has this year's amount but not last
        year's — which is this year's less the change stated: the rate is the change ÷ that, each figure ± half its
        last digit."""
        level = c.of            # (written in the sentence: see _level_stated)
        if level.flagged:
            return self.skip(c, "它所依据的金额已报错")
        if c.change is not None and c.change.unit in MONEY:
            # the amount as its sentence states it (the file's may be the same line under another name: 收入总计)
            current = abs(level.value) * _scale(level.unit, c.change.unit)
        base = current - change
        hc, hd = half_unit(current), half_unit(change)
        if base - hc - hd <= 0:
            return self.skip(c, "上年数（本年数减去增减额）为 0 或太小，算不准")
        computed = change / base * 100
        how = f"{fmt(change)} ÷ 上年数 {fmt(base)}（本年 {fmt(current)} 减去写明的增减额）"
        if _rate_within_rounding(c.value, current, hc, change, hd):
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%")
        if self._change_swapped(c, current, hc, change, hd) or self._change_off_file_base(c, current):
            return None
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {how} = {words}，与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。", stated=c.value, computed=computed)

    def _rate_on_bases(self, c: Claim, probe: Claim, bases: list, current: Decimal | None, change) -> None:
        tried = []
        for col, base in bases:
            delta = change if change is not None else (current - base if current is not None else None)
            if delta is None or not base:
                continue
            computed = delta / base * 100
            tried.append((col, base, delta, computed))
            if _rate_holds(c.value, computed, current, base) or self._fits_stated_budget(c, probe):
                return self.ok(c, f"{fmt(delta)} ÷ {_COLUMN_ZH[col]} {fmt(base)} = {fmt(computed, _places(c))}%")
            if c.saving and current and rate_fits(delta / current * 100, c.value):
                # "节约资金11.30万元，节约率1.48%": some divide the saving by what was spent
                return self.ok(c, f"节约 {fmt(-delta)} ÷ 决算数 {fmt(current)} = {fmt(-delta / current * 100, _places(c))}%")
        if not tried:
            tried = self._alt_whose_change(c)
        if not tried and self._amount_and_change_stated(c):
            # "收入总计3237.75万元。收支较上年决算数减少1066.5万元，增长49.1%": the file has no figure of last year, but
            # the text states this year's amount and the change — the rate is checked against those two
            return self._stated_rate(c, c.of)
        if not tried:
            return self.skip(c, "事实文件没有算出增幅所需的数")
        col, base, delta, computed = tried[0]
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {fmt(delta)} ÷ {_COLUMN_ZH[col]} {fmt(base)} "
                   f"= {words}，与写明的{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)

    def _amount_and_change_stated(self, c: Claim) -> bool:
        """Whether the rate's amount (this year's, of its fact, in its sentence or the one before) and its change (in
        its sentence, after the amount, no other amount left unread between) are both written."""
        level, change = c.of, c.change
        return level is not None and level.kind == "level" and level.fact == c.fact and level.figure is not None \
            and level.unit in MONEY and level.sentence in (c.sentence, c.sentence - 1) and not level.flagged \
            and change is not None and change.money and change.figure is not None and change.sentence == c.sentence \
            and level.figure.start < change.figure.start and not self._unread_between(level.figure.end, change.start)

    def _stated_level(self, c: Claim) -> Claim | None:
        """"一般公共预算财政拨款支出2940.05万元。与2022年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%":
        the file has no figure of the fact (spending of one source beside a carry-over), but the text states this
        year's amount (in this sentence or the one before) and the change from last year — the rate is checked
        against those two, as a fact-less one. The amount, or None."""
        change = c.change
        if c.against not in (None, "prior") or change is None or change.figure is None or not change.money \
                or c.figure is None or self.fact(c.fact, "final", "万元") is not None \
                or self.fact(c.fact, "prior", "万元") is not None:
            return None
        levels = [p for p in self._sentences(c.sentence - 1, c.sentence) if p.kind == "level" and p.fact == c.fact
                  and p.column == "final" and p.money and p.figure is not None
                  and p.figure.start < change.figure.start]
        return levels[-1] if len(levels) == 1 else None

    def _two_years_rate(self, c: Claim) -> None:
        """A growth rate against last year's amount and this year's, both written in its sentence (no fact of the
        file): (this − last) ÷ last, each amount ± half its last digit."""
        now, before = c.of, c.base
        b, n = abs(before.value) * MONEY[before.unit], abs(now.value) * MONEY[now.unit]
        hb, hn = half_unit(before.value) * MONEY[before.unit], half_unit(now.value) * MONEY[now.unit]
        if b - hb <= 0:
            return self.skip(c, "上年数为 0 或太小，算不准")
        rates = [(n + y - b - x) / (b + x) * 100 for x in (-hb, hb) for y in (-hn, hn)]
        slack = half_unit(c.value)
        computed = (n - b) / b * 100
        how = f"（{fmt(abs(now.value))}{now.unit} − 上年 {fmt(abs(before.value))}{before.unit}） ÷ 上年 {fmt(abs(before.value))}{before.unit}"
        if min(rates) - slack <= c.value <= max(rates) + slack:
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%（同一句写明的两年的数）")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        stated = f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.text[max(0, before.start - 8):c.figure.end]}”：{how} = {words}，"
                   f"与写明的{stated} 不符。", stated=c.value, computed=computed)

    def _stated_rate_of_another(self, c: Claim, level: Claim, d: Decimal, hd: Decimal) -> str:
        """How a rate that does not fit its amount and change fits them with another amount its sentence states (the
        head of the amount's list, an amount before it), or ""."""
        head = self._head_of_item(level)
        if head is not None and head.unit in MONEY and not head.flagged and _rate_within_rounding(
                c.value, abs(head.value) * MONEY[head.unit], half_unit(head.value) * MONEY[head.unit], d, hd):
            # "总预算安排37337407.64元，其中：…，项目支出预算36849227元，同比增加27125219.46元，增长265.6%": after the
            # last item of a list, the change and its rate may be the list's head's
            return f"按“其中”前的总数 {fmt(abs(head.value))}{head.unit} 算（同一句写明的数）"
        earlier = next((f for f in reversed(figures_before(self.reading, level)) if f.unit in MONEY and _rate_within_rounding(
            c.value, abs(f.value) * MONEY[f.unit], half_unit(f.value) * MONEY[f.unit], d, hd)), None)
        if earlier is not None:
            # "税务完成4659万元，占年初预算月进度的147.2%，月进度1493万元，较上年同月减收484万元，下降9.4%": the change
            # and its rate may be of an amount stated earlier in the sentence
            return f"按同一句前面的 {fmt(abs(earlier.value))}{earlier.unit} 算（同一句写明的数）"
        return ""

    def _change_the_slip(self, c: Claim, level: Claim, a: Decimal, ha: Decimal, d: Decimal, hd: Decimal) -> bool:
        """Whether the change stated with a rate is shown to be the slip — two digits swapped, or the rate exactly this
        year's against a figure of last year the change does not fit (reported at the change: True)."""
        # ("一般公共预算拨款支出1,735.49万元，较上年减少94.41万元，下降5.80%": 5.80% is on last year's budget of that
        # source, 1842.40 — the change is the slip)
        return self._change_swapped(c, a, ha, d, hd) or (c.fact is not None and self._change_off_file_base(c, a)) \
            or (c.fact is None and self._stated_change_off_file(c, level, a))

    def _stated_rate(self, c: Claim, level: Claim | None = None) -> None:
        """A growth rate against the amount and the change its sentence states (no fact of the file): the change ÷
        last year's amount, which is the amount less the change. Each amount stands for ± half its last digit,
        so the rate may be anywhere between the extremes."""
        if c.change is None and c.base is not None:
            return self._two_years_rate(c)
        level, change = level or c.of, c.change
        if level.flagged or change.flagged or level.unit not in MONEY or change.unit not in MONEY:
            return self.skip(c, "它所依据的金额已报错")
        a, d = abs(level.value) * MONEY[level.unit], change.value * MONEY[change.unit]
        ha, hd = half_unit(level.value) * MONEY[level.unit], half_unit(change.value) * MONEY[change.unit]
        if self._below_nothing(c, level, change):
            return None
        if a - d - ha - hd <= 0:
            return self.skip(c, "上年数（本年数减去增减额）为 0 或太小，算不准")

        def fits(d: Decimal) -> bool:
            return _rate_within_rounding(c.value, a, ha, d, hd)

        computed = d / (a - d) * 100
        # (in the unit the sentence writes both in: "35.3亿元 ÷ 上年数 330.0亿元", not in 万元)
        u = level.unit if level.unit == change.unit else "万元"
        how = (f"{fmt(d / MONEY[u])}{u} ÷ 上年数 {fmt((a - d) / MONEY[u])}{u}（本年 {fmt(a / MONEY[u])} 减去增减额）")
        if fits(d):
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%（同一句写明的数）")
        another = self._stated_rate_of_another(c, level, d, hd)
        if another:
            return self.ok(c, another)
        if d and fits(-d):
            # "比上年减少15.18万元，增长5.11%": with the change the other way the rate is exact — the word for the
            # change's direction is the slip, not the rate
            flipped = "增加" if d < 0 else "减少"
            return self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, level.start - 8):c.figure.end]}”：写明"
                              f"{'减少' if d < 0 else '增加'} {fmt(abs(change.value))}{change.unit}，但按{flipped}算，"
                              f"{fmt(abs(d))}万元 ÷ 上年数 {fmt(a + d)}万元 正是写明的 {fmt(abs(c.value))}%：增减的方向写反了。",
                              at=change.start, stated=change.value, computed=-change.value)
        if self._change_the_slip(c, level, a, ha, d, hd):
            return None
        if level.start in others_at(self.reading) and abs(abs(computed) - abs(c.value)) <= 10 * half_unit(c.value):
            # another body's figures, off in the last digit or two: its rate may be of figures finer than it wrote
            return self.skip(c, f"{how} = {fmt(computed, _places(c))}%：别的主体的数，只差末位，可能是按更细的数算的")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        stated = f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.text[max(0, level.start - 8):c.figure.end]}”：变动 {how} = {words}，"
                   f"与写明的{stated} 不符。", stated=c.value, computed=computed)
