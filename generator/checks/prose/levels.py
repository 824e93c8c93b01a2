"""Amounts: a figure of this year or last against the fact and column its words name."""
from __future__ import annotations

import itertools
import re
from decimal import Decimal

from ...core.numbers import decimals, fmt, rate_fits, same_figure, sum_consistent
from ...derive.claims import Claim
from ...derive.claims.claim import UNSURE_HEAD
from ...derive.claims.grammar import BY_SOURCE, COMPONENTS
from ...derive.claims.nearby import clause_words
from ...derive.claims.parts import PARENT
from ...derive.claims.patterns import FUND_BUDGETS
from ...derive.claims.tokens import MONEY
from ...model.facts import AMOUNT_PATHS
from .base import WHOLES as _WHOLES
from .columns import _Columns
from .common import _COLUMN_ZH, FAR_OFF, _columns, _places, _scale, far_off

# a bracket right after an amount that says what it takes in besides ("（含上年结转35.20万元）")
_INCLUDES = re.compile(r"[ \t\u3000]*[（(](?:含|包括|包含)[^）)0-9]{0,12}([0-9]+(?:\.[0-9]+)?)[ \t\u3000]*(万元|元|亿元)[）)]")

# the wholes above some projects' money whose figures, written for it, are a slip (see _at_most)
_WHOLES_ABOVE = ("finance.expenditure.current", "finance.expenditure.total")

# the same, of no figure ("13,620,000.00元（含结转）"): it takes in carry-over, how much the text does not say
_CARRIED_IN = re.compile(r"[ \t\u3000]*[（(](?:含|包括|包含)[^）)0-9]{0,8}结(?:转|余)[^）)0-9]{0,6}[）)]")


def _nearest(stated: Decimal, known: list) -> tuple:
    """The figure the words may mean that an amount is a slip of: the nearest of those not many times off it ("总收入
    1214.36万元" beside 收入总计 1300.00 and 本年收入合计 1241.36: a slip of the latter); the first where all are."""
    near = [k for k in known if not far_off(stated, k[2])]
    return min(near, key=lambda k: abs(stated - k[2])) if near else known[0]


def _fits_of_bases(c: Claim, now: Decimal, bases: list) -> tuple[list, list]:
    """The bases (column, value) a change or rate of `now` fits, and what it is against each."""
    if c.kind == "change":
        return [(k, v) for k, v in bases if sum_consistent(c.value, [now, -v])], [now - v for _, v in bases]
    return ([(k, v) for k, v in bases if v and rate_fits((now - v) / v * 100, c.value)],
            [(now - v) / v * 100 if v else Decimal(0) for _, v in bases])


def _parts_add_to(c: Claim, parts: list, value: Decimal) -> bool:
    """Whether three items or more, amounts all, add up to `value` exactly: a breakdown of it."""
    return len(parts) >= 3 and all(p.figure is not None and p.money for p in parts) \
        and sum((abs(p.value) * _scale(p.unit, c.unit) for p in parts), Decimal(0)) == value


class _Levels(_Columns):
    """Amounts."""

    def _level(self, c: Claim) -> None:
        if (c.flagged and not c.summed) or self._level_by_its_list(c):
            return                      # (already reported)
        known, twin = self._known_or_twin(c)
        label = self._label(c.fact, c.column)
        if (c.at_most or c.at_least) and known:
            return self._at_most(c, known) if c.at_most else self._at_least(c, known)
        executed = self._budget_word_for_final(c)
        if executed is not None:
            return self._level_as_executed(c, executed)
        peers = self._peers_column(c)
        if peers is not None:
            return self._level_in_peers_column(c, *peers)
        if not known:
            return self.skip(c, f"事实文件没有 {label}")
        if self._exactly_another_column(c, known):
            return None
        if self._final_by_its_change(c) or self._final_by_its_parts(c) or self._budget_meant_by_its_change(c) \
                or self._budget_by_its_parts(c):
            return None
        matched = self._matched_figure(c, known)
        if matched is not None:
            f, col, value = matched
            return self.ok(c, f"{self._label(f, col)} = {fmt(value)}{c.unit}")
        budget_too = self._budget_with_its_parts(c)
        if budget_too:
            return self.ok(c, budget_too)
        if self._budget_in_budget_words(c):
            return self.ok(c, f"{self._label(c.fact, 'budget')} = {fmt(abs(c.value))}{c.unit}（没有写口径；这一段说到预算，"
                              "没有说本年预算已执行：可以是年初预算）")
        if self._with_what_it_includes(c, known):
            return None
        if self._no_budget_column(c, twin):
            return None
        if self._budget_to_carry_out(c):
            return self.skip(c, "“预算执行”之后同一句又写了实际支出：这个数说的是要执行的预算")
        return self._level_off(c, known, twin)

    def _at_most(self, c: Claim, known: list) -> None:
        """The money of some of what a fact is the whole of (see Claim.at_most): wrong only above the whole."""
        fact, col, value = max(known, key=lambda k: k[2])
        # (not last year's figure of the whole exactly, to the cent: some of this year's projects adding up to it is a
        # coincidence of one in thousands — the whole of last year copied)
        last = next((lc for lf, lc, v in self._last_years_too(c) if decimals(c.value) >= 2 and abs(c.value) == v
                     and not any(abs(c.value) == k[2] for k in known)), None)
        if last is not None:
            return self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{self._label(fact, col)} 为 {fmt(value)}"
                              f"{c.unit}，写的 {fmt(abs(c.value))}{c.unit} 是{self._label(fact, last)}。",
                              stated=abs(c.value), fact=value, about=f"正文“…{self.quote(c, 8)}”")
        if abs(c.value) <= value or same_figure(abs(c.value), value):
            return self.ok(c, f"未超过 {self._label(fact, col)} {fmt(value)}{c.unit}（说的是其中一部分项目）")
        # (more than the whole is certain to be a slip only where it is another figure of the file: "涉及项目预算资金
        # 7054.05万元" above a project budget of 6606.72 is published as such — the money the targets cover may count
        # a carry-over or a unit's other funds)
        other = next(((f, oc) for f in (fact, *_WHOLES_ABOVE) for oc in ("budget", "adjusted", "final")
                      if (v := self.fact(f, oc, c.unit, quiet=True)) is not None and v and same_figure(abs(c.value), v)),
                     None)
        why = f"写的是{self._label(*other)}" if other is not None else \
            "写明的占比正是按它算的" if self._share_shows(c, fact, col) else ""
        if not why:
            return self.skip(c, f"超过了 {self._label(fact, col)} {fmt(value)}{c.unit}，但所涉及的资金可能另含结转或其他"
                                "资金：不能确定")
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：说的是其中一部分项目的资金，却超过了 "
                                    f"{self._label(fact, col)} {fmt(value)}{c.unit}（{why}）。",
                   stated=abs(c.value), fact=value, about=f"正文“…{self.quote(c, 8)}”")

    def _share_shows(self, c: Claim, fact: str, col: str) -> bool:
        """"涉及财政性资金合计539.40万元，占财政性资金(人员类和运转类…除外)总额的比例为40.37%": the share stated with
        the amount is the whole's own share of its whole (474.20 ÷ 1174.50) — the text itself says the amount is the
        whole's figure."""
        value = self.fact(fact, col, c.unit, quiet=True)
        for s in self.by_sentence.get(c.sentence, ()):
            if s.kind != "share" or s.of is None or s.of.figure is None or c.figure is None \
                    or s.of.figure.start != c.figure.start or s.value is None or not value:
                continue
            for whole in (s.whole, *s.whole_alts):
                total = self.fact(whole, col, c.unit, quiet=True) if isinstance(whole, str) else None
                if total and whole != fact and rate_fits(value / total * 100, s.value):
                    return True
        return False

    def _at_least(self, c: Claim, known: list) -> None:
        """The money of more than a fact (see Claim.at_least): wrong only below it."""
        fact, col, value = min(known, key=lambda k: k[2])
        if abs(c.value) >= value or same_figure(abs(c.value), value):
            return self.ok(c, f"不少于 {self._label(fact, col)} {fmt(value)}{c.unit}（计划购置的全部车辆，不论资金来源）")
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：计划购置车辆的金额不会少于{self._label(fact, col)}"
                                    f" {fmt(value)}{c.unit}。", stated=abs(c.value), fact=value,
                   about=f"正文“…{self.quote(c, 8)}”")

    def _level_off(self, c: Claim, known: list, twin: str) -> None:
        """An amount that matches none of the figures its words may mean: reported against the nearest — unless it
        restates, or is the change, the base or the whole of another."""
        fact, col, value = _nearest(abs(c.value), known)
        label = self._label(fact, col) + ("（本年预算没有结转，按这一来源安排的支出即其收入）" if twin else "")
        said = self._said_before(c)
        if said is not None:
            self.restated.add(id(c))
            return self.ok(c, f"前面已写明它是{self._label(c.fact, said)}（{fmt(abs(c.value))}{c.unit}），这里再说一次")
        if col == "prior" and self._change_not_prior(c, value):
            self.changes_read_as_prior.add(id(c))      # not a base for the rate after it
            return self.ok(c, "是增减额（省略了“增加”“减少”）：决算数 − 上年决算数")
        whole = self._whole_written(c) if far_off(abs(c.value), value) else None
        if whole is not None:
            return self.error("PROSE-FACT" if c.kind == "level" else "PROSE-PRIOR", c,
                              f"正文“…{self.quote(c)}”与事实不符：{label} 为 {fmt(value)}{c.unit}，写的 "
                              f"{fmt(abs(c.value))}{c.unit} 是{whole}。", stated=abs(c.value), fact=value,
                              about=f"正文“…{self.quote(c, 8)}”")
        other_col = next((col for f, col, v in self._its_other_columns(c) if same_figure(abs(c.value), v)), None)
        if other_col in ("budget", "adjusted") and c.column in (None, "final") and self._budget_written_as_budget(c):
            return self.ok(c, f"写明“预算”：{self._label(c.fact, other_col)} = {fmt(abs(c.value))}{c.unit}")
        if far_off(abs(c.value), value) and other_col is None:
            self.far_amounts.add(id(c))
            return self.skip(c, f"与 {label} {fmt(value)}{c.unit} 相差好几倍：说的多半不是本部门的这一项")
        owner = self._base_of_another_amount(c)
        if owner is not None:
            return self.skip(c, f"写明的基数和其后的增减额合的是前面的 {fmt(abs(owner.value))}{owner.unit}：说的是它的上年数")
        listed = self._column_of_its_parts(c)
        if listed:
            return self.ok(c, f"其中各项写明是{_COLUMN_ZH[listed]}：{self._label(c.fact, listed)} = {fmt(abs(c.value))}{c.unit}")
        whole_col = self._whole_if_all_from_source(c)
        if whole_col:
            return self.skip(c, f"是本年支出合计的{_COLUMN_ZH[whole_col]}：写的是全部支出，不只这一来源的部分")
        unknown = self._unknown_alternative(c)
        if unknown:
            return self.skip(c, f"也可能说的是{unknown}，事实文件算不出它（收入不全来自这一来源）：不核对")
        path = f"{fact}.{col}" if fact in AMOUNT_PATHS else fact
        last = next((lc for lf, lc, v in self._last_years_too(c) if lf == fact and same_figure(abs(c.value), v)), None)
        last = last or other_col
        note = f"写的是{_COLUMN_ZH[last]}" if last else f"差 {fmt(abs(c.value) - value)}"
        self.error("PROSE-PRIOR" if col in ("prior", "prior_budget") else "PROSE-FACT", c,
                   f"正文“…{self.quote(c)}”与事实不符：{label} 为 {fmt(value)}{c.unit}（{note}）。",
                   stated=abs(c.value), fact=value, uses={path}, about=f"正文“…{self.quote(c, 8)}”")

    _prior = _level

    def _budget_to_carry_out(self, c: Claim) -> bool:
        """"我局财政拨款预算执行3270.00万元，实际支出金额3237.75万元": an amount after 预算执行 with what was actually
        spent stated after it in the sentence — the budget to be carried out, not what was."""
        cues = self.reading.cues if self.reading is not None else None
        if cues is None or c.kind != "level" or c.column != "final" or not cues.to_carry_out.at(self.text, c.start):
            return False
        return any(p.kind == "level" and p.column == "final" and p.start > c.start and p.figure is not None
                   and cues.actual_before.at(self.text, p.start) for p in self._sentences(c.sentence))

    def _base_of_another_amount(self, c: Claim) -> Claim | None:
        """"总支出为19.85万元，主要是…15.48万元，接待费4.37万元，比去年14.20万元增加5.65万元": last year's figure and the
        change after it fit an earlier amount of the sentence (19.85 − 14.20 = 5.65), not the one right before — the
        base is that amount's, whatever name the words before it carried. The earlier amount, or None."""
        if c.kind != "prior" or c.figure is None:
            return None
        here = self._sentences(c.sentence)
        change = next((p for p in here if p.kind == "change" and p.figure is not None and p.start > c.start), None)
        levels = [p for p in here if p.kind == "level" and p.figure is not None and p.start < c.start
                  and p.unit == c.unit == (change.unit if change is not None else "")]
        if change is None or len(levels) < 2:
            return None

        def fits(level: Claim) -> bool:
            return sum_consistent(change.value, [abs(level.value), -abs(c.value)])
        return next((p for p in levels[:-1] if fits(p)), None) if not fits(levels[-1]) else None

    def _final_by_its_change(self, c: Claim) -> bool:
        """"基本支出总额 733.50万元，与2022年度相比增加了30.85万元": an amount of no column word whose change from last
        year, stated right after it, is exactly the final's (731.25 − 700.40) is the final — another column's figure
        in its place is wrong (reported: True)."""
        if c.kind != "level" or not c.implied or c.fact is None or c.figure is None or not c.money:
            return False
        final, prior = self.fact(c.fact, "final", c.unit, quiet=True), self.fact(c.fact, "prior", c.unit, quiet=True)
        if final is None or prior is None or final == prior or any(
                same_figure(abs(c.value), v) for f in (c.fact, *c.alts)
                if (v := self.fact(f, "final", c.unit, quiet=True)) is not None):
            return False        # (the final of another fact its words may name: "收入合计" of 本年收入合计 or 收入总计)
        if self._budget_written_as_budget(c):
            return False        # (the change may as well be the slip: it is checked as the budget's)
        said = self._final_change_said(c, final, prior)
        if said is None:
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：其后的{said}正是{self._label(c.fact, 'final')} "
                   f"{fmt(final)} 与上年决算数 {fmt(prior)} 相比的，说的是决算数，应为 {fmt(final)}{c.unit}。",
                   stated=abs(c.value), fact=final, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _budget_written_as_budget(self, c: Claim) -> bool:
        """"财政预算拨款“三公”经费支出合计12.00万元，比上年减少0.56万元": an amount of no column word of its own that is
        exactly its fact's 年初预算 or 调整预算, after a word for the budget in its clause — a budget's figure written as
        it is: whatever follows it (a change that fits the final) may be the slip, not this."""
        if self.reading is None or c.fact is None:
            return False
        words = clause_words(self.reading, c)
        for fund in FUND_BUDGETS:       # (a fund's name is no word for the budget: "一般公共预算支出")
            words = words.replace(fund, "")
        if "预算" not in words:
            return False
        return any(same_figure(abs(c.value), v) for col in ("budget", "adjusted")
                   if (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None)

    def _budget_meant_by_its_change(self, c: Claim) -> bool:
        """"2023年一般公共预算财政拨款运行经费33.60万元，比2022年减少2.70万元": an amount of no column word (or of 预算, 安排:
        either budget) that is its fact's 决算数 or 调整预算数, whose change from last year (or last year's budget) stated
        right after it is exactly the 年初预算's from last year's budget (38.35 − 41.05) and not from last year's final —
        the text is of the 年初预算, the other column's figure in its place is wrong (reported: True)."""
        if c.kind != "level" or not (c.implied or c.column == "plan") or c.fact is None or c.figure is None or not c.money:
            return False
        budget, was = self.fact(c.fact, "budget", c.unit, quiet=True), self.fact(c.fact, "prior_budget", c.unit, quiet=True)
        if budget is None or was is None or budget == was or same_figure(abs(c.value), budget) or not any(
                same_figure(abs(c.value), v) for col in ("final", "adjusted")
                if (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None):
            return False
        final, prior = self.fact(c.fact, "final", c.unit, quiet=True), self.fact(c.fact, "prior", c.unit, quiet=True)
        said = self._final_change_said(c, budget, was, (None, "prior", "prior_budget")) or self._budget_change_and_rate(c, budget, was)
        if said is None or (final is not None and prior is not None and (self._final_change_said(c, final, prior) or any(
                p.kind == "rate" and p.of is c and prior and rate_fits((final - prior) / prior * 100, p.value)
                and not (was and rate_fits((budget - was) / was * 100, p.value)) for p in self._sentences(c.sentence)))):
            # ("基本支出845.92万元，比上年增加57.44万元，增长7.06%": the rate is the final's — the change is the slip; a
            # rate that fits both, rounded, tells nothing)
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：其后的{said}正是{self._label(c.fact, 'budget')} "
                   f"{fmt(budget)} 与上年预算数 {fmt(was)} 相比的，说的是年初预算数，应为 {fmt(budget)}{c.unit}。",
                   stated=abs(c.value), fact=budget, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _budget_change_and_rate(self, c: Claim, budget: Decimal, was: Decimal) -> str | None:
        """"机关运行经费安排49.91万元，较2022年预算增加0.3万元，增长0.7%": a change of fewer places and the rate with it,
        both exactly the 年初预算's against last year's budget (42.00 − 41.70 = 0.30, 0.72%) — two figures that agree."""
        near = [x for x in self._sentences(c.sentence) if x.of is c and x.figure is not None and x.value is not None
                and x.against in (None, "prior", "prior_budget")]
        change = next((x for x in near if x.kind == "change" and x.value == budget - was), None)
        rate = next((x for x in near if x.kind == "rate" and was and rate_fits((budget - was) / was * 100, x.value)), None)
        return f"增减额 {fmt(change.value)}{c.unit} 和增幅 {fmt(rate.value)}% " if change and rate else None

    def _final_by_its_parts(self, c: Claim) -> bool:
        """"“三公”经费公共财政拨款支出12.00万元。具体情况如下：（一）因公出国（境）费0万元。（二）…7.26万元。（三）…2.60万元":
        a head of no column word that is not the final but a budget's figure, whose list names every part, each its
        fact's 决算数, adding up to the head's 决算数 exactly — the head is the final too, the budget's figure in its
        place is wrong (reported: True)."""
        if c.kind != "level" or not c.implied or c.column != "final" or not c.head or c.fact not in AMOUNT_PATHS \
                or not c.money or not (self._only_in(c, "budget") or self._only_in(c, "adjusted")):
            return False
        listed = self._list_headed_by(c)
        final = self.fact(c.fact, "final", c.unit, quiet=True)
        if listed is None or final is None or len(listed.parts) < 2 or any(
                same_figure(abs(c.value), v) for f in c.alts if (v := self.fact(f, "final", c.unit, quiet=True)) is not None):
            return False        # (the final of another fact its words may name: "收入合计" of 本年收入合计 or 收入总计)
        parts = listed.parts
        if any(p.fact is None or p.figure is None or not p.money or p.column != "final"
               or (v := self.fact(p.fact, "final", p.unit, quiet=True)) is None or not same_figure(abs(p.value), v)
               for p in parts):
            return False
        if sum((abs(p.value) * _scale(p.unit, c.unit) for p in parts), Decimal(0)) != final \
                or not self._complete(c.fact, {p.fact for p in parts}, "final"):
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：其后所列各项都是决算数，合计正是"
                   f"{self._label(c.fact, 'final')} {fmt(final)}{c.unit}，写的是{self._label(c.fact, 'budget')}。",
                   stated=abs(c.value), fact=final, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _budget_by_its_parts(self, c: Claim) -> bool:
        """"2023年本部门当年一般公共预算支出3237.75万元，其中：工资福利支出（301）640.20万元，…资本性支出（310）272.40万元"
        (a budget's page): a head of no column word that is the final, whose parts — three or more, to the cent — add up
        exactly to its 年初预算数 instead: the parts are the budget's, so is the head (reported: True)."""
        if c.kind != "level" or not c.implied or c.column != "final" or not c.head \
                or (c.fact not in AMOUNT_PATHS and c.fact not in BY_SOURCE) or not c.money:
            return False
        final, budget = self.fact(c.fact, "final", c.unit, quiet=True), self.fact(c.fact, "budget", c.unit, quiet=True)
        listed = self._list_headed_by(c)
        if listed is None or final is None or budget is None or same_figure(budget, final) \
                or not same_figure(abs(c.value), final) or decimals(budget) < 2 or not _parts_add_to(c, listed.parts, budget):
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：其后所列各项合计正是{self._label(c.fact, 'budget')} "
                   f"{fmt(budget)}{c.unit}，写的是{self._label(c.fact, 'final')}。", stated=abs(c.value), fact=budget,
                   about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _final_change_said(self, c: Claim, final: Decimal, prior: Decimal, againsts: tuple = (None, "prior")) -> str | None:
        """The change or growth rate from last year stated right after an amount that is exactly the final's and not
        the amount's as written ("增减额 30.85万元", "增长率 70.13%"), or None."""
        claims = self._sentences(c.sentence, c.sentence + 2)
        for x in claims:
            if x.kind not in ("change", "rate") or x.figure is None or x.value is None or x.against not in againsts \
                    or x.twoway or decimals(x.value) < 2:
                continue
            if x.of is not c and not self._next_sentence_change_of(c, x, claims):
                continue
            if x.kind == "change" and x.value == final - prior \
                    and not same_figure(abs(x.value), abs(abs(c.value) - prior)):
                return f"增减额 {fmt(x.value)}{c.unit} "
            if x.kind == "rate" and prior > 0 and rate_fits((final - prior) / prior * 100, x.value) \
                    and not rate_fits((abs(c.value) - prior) / prior * 100, x.value):
                return f"增减幅度 {fmt(x.value)}% "
        return None

    @staticmethod
    def _next_sentence_change_of(c: Claim, x: Claim, claims: list) -> bool:
        """"（三）公务接待费3.50万元。主要用于…。与2022年相比，公务接待费支出下降17.20%": a change or rate of the same fact
        with no amount of its own, a sentence or two after the amount — no other amount said between."""
        return x.of is None and x.fact == c.fact and c.sentence < x.sentence and x.kind in ("change", "rate") \
            and not any(p is not c and p.figure is not None and p.fact is not None and c.start < p.start < x.start
                        for p in claims)

    def _matched_figure(self, c: Claim, known: list) -> tuple | None:
        """The figure of the file an amount restates: of its column, or another its words may mean — not one written
        coarser that it agrees with only by rounding, where its own column has a figure as fine ("公务接待费2.9976万元"
        beside 决算数 2.9967 and 年初预算数 3.00)."""
        both = self._both_sides(c)
        if both:
            # "收、支总计均为7532.81万元": the figure of both sides in one column, not of one side in a column where the
            # other side's differs
            for col in ("final", "adjusted", "budget"):
                values = [self.fact(f, col, c.unit, quiet=True) for f in both]
                if all(v is not None and same_figure(abs(c.value), v) for v in values):
                    return both[0], col, values[0]
            return None
        fine = decimals(abs(c.value))
        own_fine = any(decimals(v) >= fine for _, _, v in known)
        for f, col, value in itertools.chain(known, self._budget_too(c), self._total_as_current(c), self._prior_budget_too(c)):
            if same_figure(abs(c.value), value) and not (own_fine and fine > 2 and decimals(value) < fine):
                return f, col, value
        return None

    def _unknown_alternative(self, c: Claim) -> str:
        """"共使用财政拨款资金2903.6万元": words that may mean a source's income or its spending, where the file cannot
        tell the spending (some income came from elsewhere) — the amount matching the income proves nothing, missing it
        proves nothing either: the label of the fact not known ("" when every meaning is known)."""
        return next((self._label(f, c.column) for f in (c.fact, *c.alts) if c.alts and f in BY_SOURCE
                     and all(self.fact(f, col, c.unit, quiet=True) is None for col in _columns(c.column))), "")

    def _whole_if_all_from_source(self, c: Claim) -> str:
        """"财政拨款支出预算7540.18万元" where the year's spending in the 调整预算 column was not all from this year's fiscal
        income (some was carried over): the writer counts all of it as the source's — the column whose whole figure the
        amount is ("" when none)."""
        if c.fact not in BY_SOURCE and not c.source:
            return ""
        source, self.source = self.source, ""
        try:
            values = [(col, self.fact("finance.expenditure.current", col, c.unit, quiet=True)) for col in _columns(c.column)]
        finally:
            self.source = source
        for col, v in values:
            if v is not None and same_figure(abs(c.value), v):
                return col
        return ""

    def _known_or_twin(self, c: Claim) -> tuple[list, str]:
        """The figures an amount's words may mean (see _known), or its twin's: "一般公共预算拨款支出预算55,341万元" in a
        budget with no carry-over is that source's income (the twin's fact, or "")."""
        known = self._known(c)
        twin = "" if known else self._budget_twin(c)
        if twin:
            known = [(twin, col, v * MONEY["万元"] / MONEY[c.unit]) for col in _columns(c.column)
                     if col in ("budget", "adjusted") and (v := self._unsourced(twin, col)) is not None]
        return known, twin

    def _no_budget_column(self, c: Claim, twin: str) -> bool:
        """"支出包括：…、结转下年 0 万元" of a budget: 预算 is 年初 or 调整, and the file has no 年初 — the one a budget's
        text most often means: not checked (True)."""
        if not (c.column == "plan" or (c.in_budget and c.column == "budget")) or twin \
                or self.fact(c.fact, "budget", c.unit, quiet=True) is not None:
            return False
        self.skip(c, f"事实文件没有 {self._label(c.fact, 'budget')}，写的“预算”可能是它")
        return True

    def _exactly_another_column(self, c: Claim, known: list) -> bool:
        """"“三公经费”本年预算数8.9967万元" where the file has 预算数 9 and 决算数 8.9967: an amount more precise than the
        file's figure of its column, which it agrees with only by rounding, and exactly another column's figure of the
        same fact — that column's, written for this one (reported: True)."""
        if c.kind != "level" or c.implied or c.fact is None or c.fact not in AMOUNT_PATHS:
            return False
        stated = abs(c.value)
        near = [(f, col, v) for f, col, v in known if same_figure(stated, v)]
        if not near or any(v == stated or decimals(stated) <= decimals(v) for _, _, v in near):
            return False
        f, col, value = near[0]
        other = next((o for o in ("final", "adjusted", "budget") if o != col and o not in _columns(c.column)
                      and self.fact(c.fact, o, c.unit, quiet=True) == stated), None)
        if other is None:
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{self._label(f, col)} 为 {fmt(value)}{c.unit}"
                   f"（写的是{_COLUMN_ZH[other]} {fmt(stated)}）。", stated=stated, fact=value,
                   uses={f"{f}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _unsure_last_year_of_budget(self, of: Claim, now: Decimal | None, bases: list) -> str:
        """Why the change of a budget (see _of_budget_peers) cannot be checked against last year's figures the file has
        (`bases`), or ""."""
        if now is None or not bases:
            return "写明的本年数是预算数：事实文件没有上年的数"
        if all(k != "prior_budget" for k, _ in bases):
            # "一般公共预算财政拨款支出2903.60万元，比2022年增加253.30万元" (a budget's page): a budget is measured from last
            # year's budget as often as from its final — with only the final in the file, the base is not certain
            return "写明的本年数是预算数，事实文件只有上年决算数：比较的基数可能是上年预算数"
        peek = getattr(self.view, "peek", self.view.value)
        if len(bases) < sum(peek(f"{of.fact}.{k}") is not None for k in ("prior_budget", "prior")):
            # "一般公共预算财政拨款支出…。其中：基本支出…，比2022年减少35.51万元": last year's final of the line is in the
            # file, but not how much of it was from that source — it may be the base meant
            return "事实文件有上年决算数，但不知其中这一来源的部分：比较的基数不确定"
        return ""

    def _of_budget_peers(self, c: Claim) -> bool:
        """"一般公共预算财政拨款支出1747.99万元，比2022年增加27.18万元。其中：基本支出695.60万元，比2022年增加27.18万元":
        a change (or rate) of an amount its sentence shows to be in a budget column (see _peers_column) — this year's
        budget against last year's, its budget or its final (the file's, either holding is no contradiction).
        Checked (True) or not."""
        of = c.of
        if of is None or of.figure is None or of.flagged or c.against not in (None, "prior") or c.base is not None:
            return False
        peers = self._peers_column(of)
        if peers is None or peers[1]:
            return False
        now = self.fact(of.fact, peers[0], c.unit if c.kind == "change" else "万元")
        bases = [(k, v) for k in ("prior_budget", "prior")
                 if (v := self.fact(of.fact, k, c.unit if c.kind == "change" else "万元", quiet=True)) is not None]
        unsure = self._unsure_last_year_of_budget(of, now, bases)
        if unsure or now is None:
            self.skip(c, unsure)
            return True
        peer = self._base_of_peers(c, bases) if c.kind == "change" and len(bases) == 2 else None
        bases = [(k, v) for k, v in bases if k == peer] if peer else bases
        fits, computed = _fits_of_bases(c, now, bases)
        label = self._label(of.fact, peers[0])
        if fits:
            k, v = fits[0]
            self.ok(c, f"{label} {fmt(now)} 与 {self._label(of.fact, k)} {fmt(v)} 相比")
            return True
        other = self._budget_change_of_another(c, peers[0])
        if other:
            self.ok(c, other)
            return True
        how = "；".join(f"{label} {fmt(now)} 与 {self._label(of.fact, k)} {fmt(v)} 相比为 {fmt(x, _places(c))}"
                       f"{c.unit if c.kind == 'change' else '%'}" for (k, v), x in zip(bases, computed))
        self.error("PROSE-CHANGE" if c.kind == "change" else "PROSE-RATE", c,
                   f"正文“…{self.quote(c, 24)}”：这一句的数是预算数，{how}，与写明的 {fmt(c.value)}"
                   f"{c.unit if c.kind == 'change' else '%'} 不符" + (f"（同一句中其他的增减正是按{self._label(of.fact, peer)[-5:]}"
                                                                      "算的）。" if peer else "。"),
                   stated=c.value, computed=computed[0])
        return True

    def _budget_change_of_another(self, c: Claim, column: str) -> str:
        """"其中：基本支出700.30万元、项目支出474.20万元。比上年减少66.86万元，下降5.39%": a change (or rate) whose words may
        be another fact's too (the list's head: see the reader's alts), that fact's budget against last year — how it
        holds, or ""."""
        change = c if c.kind == "change" else c.change
        if change is None or change.unit not in MONEY:
            return ""
        unit = c.unit if c.kind == "change" else "万元"
        for fact in change.alts:
            now = self.fact(fact, column, unit, quiet=True)
            for k in ("prior_budget", "prior"):
                was = self.fact(fact, k, unit, quiet=True)
                if now is None or not was:
                    continue
                fits = sum_consistent(c.value, [now, -was]) if c.kind == "change" else rate_fits((now - was) / was * 100, c.value)
                if fits:
                    return f"{self._label(fact, column)} {fmt(now)} 与 {self._label(fact, k)} {fmt(was)} 相比"
        return ""

    def _level_by_its_list(self, c: Claim) -> bool:
        """An item its list decides: under a head of unsure words that is not the department's (left unchecked), or 人员
        beside the grants to households (checked with them). True when so done."""
        if c.under is not None and not self._head_is_ours(c):
            self.skip(c, UNSURE_HEAD)
            return True
        return self._wages_beside_grants(c)

    def _wages_beside_grants(self, c: Claim) -> bool:
        """"其中：人员支出690.35万元，对个人和家庭补助支出51.25万元，公用支出33.6万元": 人员 listed beside the grants to
        households is the wages alone — the two together are the file's 人员经费 (True: checked so)."""
        if c.fact != "finance.expenditure.personnel" or c.figure is None or c.unit not in MONEY:
            return False
        if c.sentence not in self._grants:
            # (once a sentence: a hostile one may name 人员经费 thousands of times)
            self._grants[c.sentence] = next((k for k in self.by_sentence.get(c.sentence, ())
                                             if k.fact == "finance.economic.households" and k.kind == "level"
                                             and k.figure is not None and k.unit in MONEY), None)
        grants = self._grants[c.sentence]
        if grants is None:
            if c.wages:
                self.skip(c, "与“对个人和家庭的补助”并列：人员支出只是工资福利部分，不是人员经费")
            return c.wages
        both = abs(c.value) + abs(grants.value) * MONEY[grants.unit] / MONEY[c.unit]
        columns = [(col, v) for col in (_columns(c.column) if c.column else ("final", "budget", "adjusted"))
                   if (v := self.fact(c.fact, col, c.unit)) is not None]
        how = f"与对个人和家庭的补助 {fmt(abs(grants.value))}{grants.unit} 合起来"
        for col, value in columns:
            if sum_consistent(both, [value]):
                self.ok(c, f"{how}是{self._label(c.fact, col)} {fmt(value)}{c.unit}（这里的人员支出不含对个人和家庭的补助）")
                return True
        if not columns or (not c.wages and any(same_figure(abs(c.value), v) for _, v in columns)):
            return False
        col, value = columns[0]
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：人员支出 {how}是 {fmt(both)}{c.unit}，"
                   f"{self._label(c.fact, col)} 为 {fmt(value)}{c.unit}（差 {fmt(both - value)}）。", stated=both,
                   fact=value, uses={f"{c.fact}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _head_is_ours(self, c: Claim) -> bool:
        """Whether the head of the list an item is under, its words unsure, is the figure of the whole the item is a
        part of ("财政资金支出合计3237.75万元，其中：基本支出…": 本年支出合计 3237.75) — then the list is the department's."""
        return self._whole_under(c) is not None

    def _whole_under(self, c: Claim) -> str | None:
        """The whole whose figure the head of unsure words over `c` is (see _head_is_ours), or None: the item's whole,
        its items two or more of that whole's direct parts; or a whole further up that its items cover completely
        ("年度资金总额：3237.75万（人员经费730.30万元，公用经费55.28万元，项目支出2473.85万元）": 本年支出合计, its
        基本支出 named by its two parts)."""
        head = c.under
        if PARENT.get(c.fact) is None or head.unit not in MONEY:
            return None
        # (only a list that names its whole's parts and nothing else: "人员支出…，对个人和家庭补助支出…，公用支出…" names
        # lines in another cut, whose 人员 is not the file's 人员经费)
        if id(head) not in self._under:     # (once a list: it may have thousands of items)
            self._under[id(head)] = {k.fact for k in self.by_sentence.get(c.sentence, ()) if k.under is head}
        items = self._under[id(head)]
        if len(items) < 2:
            return None
        parent = PARENT[c.fact]
        whole = parent if items <= set(COMPONENTS.get(parent, ())) else self._covering_whole(items, parent)
        return whole if whole is not None and self._is_figure_of(whole, head.value, head.unit) else None

    def _level_as_executed(self, c: Claim, odd: bool) -> None:
        """An amount under 预算 among others that are all 决算数 (see _budget_word_for_final): its 决算数, or the odd
        one out — a slip."""
        if not odd:
            return self.ok(c, f"{self._label(c.fact, 'final')} = {fmt(abs(c.value))}{c.unit}（同一句写“预算”的各项都是"
                              f"决算数：这里的“预算”说的是预算的执行）")
        value = self.fact(c.fact, "final", c.unit)
        if value is None or far_off(abs(c.value), value):
            return self.skip(c, "同一句写“预算”的其他各项都是决算数，这一项说的不是预算数")
        label = self._label(c.fact, "final")
        if same_figure(abs(c.value), value):
            # (its 决算数 and its budget's alike, "因公出国（境）费0万元": not the odd one)
            return self.ok(c, f"{label} = {fmt(value)}{c.unit}（同一句写“预算”的各项都是决算数）")
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：同一句写“预算”的其他各项都是决算数，"
                   f"{label} 为 {fmt(value)}{c.unit}（差 {fmt(abs(c.value) - value)}）。",
                   stated=abs(c.value), fact=value, uses={f"{c.fact}.final"}, about=f"正文“…{self.quote(c, 8)}”")

    def _level_in_peers_column(self, c: Claim, column: str, odd: bool) -> None:
        """An amount among others that are all of one budget column (see _peers_column): that column's figure, or
        the odd one out — a slip."""
        value = self.fact(c.fact, column, c.unit)
        label = self._label(c.fact, column)
        if value is not None and same_figure(abs(c.value), value):
            return self.ok(c, f"{label} = {fmt(value)}{c.unit}（同一句的其他各项也都是{_COLUMN_ZH[column]}）")
        if value is None or not odd or far_off(abs(c.value), value):
            return self.skip(c, f"同一句的其他各项都是{_COLUMN_ZH[column]}，这一项说的不是决算数")
        where = "同一段编号的其他各项" if id(c) in self.numbered_peers else "同一句的其他各项"
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{where}都是{_COLUMN_ZH[column]}，"
                   f"{label} 为 {fmt(value)}{c.unit}（差 {fmt(abs(c.value) - value)}）。",
                   stated=abs(c.value), fact=value, uses={f"{c.fact}.{column}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _with_what_it_includes(self, c: Claim, known: list) -> bool:
        """"一般公共预算拨款1209.70万元（含上年结转35.20万元）": the line with what the bracket says it takes in (True:
        it agrees so)."""
        if c.figure is not None and _CARRIED_IN.match(self.text, c.figure.end) \
                and any(abs(c.value) > value for _, _, value in known):
            self.skip(c, "括号中写明含结转，却没有写结转多少：不知它比这一项多出多少")
            return True
        extra = self._included_after(c)
        for f, col, value in known if extra is not None else ():
            if extra is not None and same_figure(abs(c.value) - extra, value):
                self.ok(c, f"{self._label(f, col)} {fmt(value)} + 括号中写明含的 {fmt(extra)} = {fmt(value + extra)}{c.unit}")
                return True
        return False

    def _included_after(self, c: Claim) -> Decimal | None:
        """The amount a bracket right after an amount says it takes in ("1209.70万元（含上年结转35.20万元）"), in its unit."""
        m = _INCLUDES.match(self.text, c.figure.end) if c.figure is not None else None
        if m is None or m.group(2) not in MONEY or c.unit not in MONEY:
            return None
        return Decimal(m.group(1)) * MONEY[m.group(2)] / MONEY[c.unit]

    def _budget_with_its_parts(self, c: Claim) -> str:
        """"2023年基本支出695.60万元，其中人员经费653.60万元，公用经费42万元" (a budget's sentence): an amount of no
        column word that is not the final but the budget, whose 其中 items are each the budget of their own fact too —
        the whole list is in that column. How it agrees, or ""."""
        if not (c.implied and c.column == "final") or not c.head or c.fact is None:
            return ""
        listed = self._list_headed_by(c)
        if listed is None or len(listed.parts) < 2:
            return ""
        for col in ("budget", "adjusted"):
            value = self.fact(c.fact, col, c.unit)
            if value is None or not same_figure(abs(c.value), value):
                continue
            if all(p.fact is not None and p.figure is not None and self._only_in(p, col) for p in listed.parts):
                return f"{self._label(c.fact, col)} = {fmt(value)}{c.unit}（其中各项也都是{_COLUMN_ZH[col]}）"
        found = self._column_of_its_list(c)
        if found is not None and not found[1]:
            value = self.fact(c.fact, found[0], c.unit)
            return f"{self._label(c.fact, found[0])} = {fmt(value)}{c.unit}（其中各项也都是{_COLUMN_ZH[found[0]]}，只有一项不是）"
        return self._budget_its_parts_add_to(c, listed.parts)

    def _budget_its_parts_add_to(self, c: Claim, parts: list) -> str:
        """"本部门当年一般公共预算支出2903.60万元，其中：（1）工资福利支出（301）652.30万元，…": the budget, not the final,
        whose three or more items (lines the file has no figure of) add up to it to the cent — a budget's breakdown. How
        it agrees, or ""."""
        budget = self.fact(c.fact, "budget", c.unit, quiet=True)
        if budget is None or not same_figure(abs(c.value), budget) or decimals(budget) < 2 \
                or not _parts_add_to(c, parts, abs(c.value)):
            return ""
        return f"{self._label(c.fact, 'budget')} = {fmt(budget)}{c.unit}（其后各项合计正是它：一份预算的分项）"

    def _said_before(self, c: Claim) -> str | None:
        """"“三公”经费支出预算为3.1万元。其中:公务接待费支出预算为3.1万元…。具体情况如下:(一)公务接待费支出3.1万元":
        an amount with no column word that the text already gave, of the same fact, with its column named — said
        again, in that column. The column, or None."""
        if not c.implied or c.figure is None:
            return None
        if self.columns_said is None:       # (once a text: a text of many amounts is not searched again for each)
            self.columns_said = {}
            for p in self.claims:
                if p.kind == "level" and p.figure is not None and not p.implied and p.column not in (None, "final"):
                    self.columns_said.setdefault((p.fact, p.value, p.unit), p)
        p = self.columns_said.get((c.fact, c.value, c.unit))
        if p is None or p.start >= c.start or p.flagged:
            return None
        column = p.column if p.column != "plan" else "budget"
        value = self.fact(p.fact, column, c.unit)
        return column if value is not None and same_figure(abs(c.value), value) else None

    def _change_not_prior(self, c: Claim, prior: Decimal) -> bool:
        """"财政拨款收入177.28万元，…，与2016年相比66.15万元，增加59.52%": a figure after 与上年相比 that is not last
        year's figure but exactly this year's less it — the change, its verb left out."""
        now = self.fact(c.fact, "final", c.unit)
        return now is not None and now != prior and sum_consistent(abs(c.value), [abs(now - prior)])

    def _far_sentences(self, claims: list) -> set:
        """The sentences where an amount is many times off every figure of the fact it is read as."""
        out = set()
        seen: dict[tuple, bool] = {}       # the same amount of the same fact, read again (a hostile text: thousands)
        for c in claims:
            if c.kind == "count" and c.figure is not None and c.sentence not in out and self._far_count(c):
                out.add(c.sentence)
            if c.kind not in ("level", "prior") or c.fact is None or c.figure is None or c.sentence in out:
                continue
            key = (c.kind, c.fact, c.alts, c.column, c.value, c.unit, c.implied, "支出" in (c.label or ""))
            far = seen.get(key)
            if far is None:
                far = seen[key] = self._far_amount(c)
            if far:
                out.add(c.sentence)
        # "其中，因公出国(境)费0.61亿元。比2015年减少48.45万元": a sentence that states no amount of its own goes on about
        # the one before — another body's, when that one's was
        stated = {c.sentence for c in claims if c.kind in ("level", "prior", "count") and c.figure is not None}
        out |= {c.sentence for c in claims if c.sentence - 1 in out and c.sentence not in stated}
        return out

    def _far_amount(self, c: Claim) -> bool:
        """Whether an amount is many times off every figure of the fact it is read as (and no figure of the
        department's the words may mean)."""
        if any(all(self.fact(a, col, c.unit, quiet=True) is None for col in ("final", "budget", "adjusted")) for a in c.alts):
            return False        # ("商品和服务支出（302）1,748.10万元": the words may mean a line the file has no figure of)
        known = self._known(c)
        # (far from every figure the words may mean: "部门预算…项目支出6649.26万元" is 调整预算数 6694.26 as well
        # as 年初预算数 1052.39)
        # (an amount of no column word near its fact's budget is not far: "部门预算…项目支出1025.39万元")
        budgets = [v for col in ("budget", "adjusted") if c.implied
                   and (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None]
        return bool(known) and (all(far_off(abs(c.value), v) for v in [*(k[2] for k in known), *budgets])
                                or self._beyond_whole(c)) \
            and not any(same_figure(abs(c.value), v) for _, _, v in itertools.chain(
                known, self._budget_too(c), self._last_years_too(c), self._its_other_columns(c))) \
            and not (known[0][1] == "prior" and self._change_not_prior(c, known[0][2])) \
            and self._whole_written(c) is None

    def _whole_written(self, c: Claim) -> str | None:
        """"财政拨款基本支出7540.18万元" where 7540.18 is the department's 本年支出合计: a part of its income or spending
        written as exactly one of its totals (of that side, the year the claim is of) is the department's, miscopied —
        not another body's figure many times off. What that total is, or None."""
        if c.kind not in ("level", "prior") or c.fact in _WHOLES or not (c.fact or "").startswith(
                ("finance.income.", "finance.expenditure.")) or c.unit not in MONEY or decimals(c.value) < 2:
            return None
        cols = ("prior", "prior_budget") if c.column in ("prior", "prior_budget") else ("final", "budget", "adjusted")
        side = c.fact.split(".")[1]
        for whole in _WHOLES:
            if whole.split(".")[1] != side:
                continue
            for col in cols:
                v = self.fact(whole, col, c.unit, quiet=True)
                if v is not None and same_figure(abs(c.value), v):
                    return self._label(whole, col)
        return None

    def _beyond_whole(self, c: Claim) -> bool:
        """"（据市财政局介绍）因公出国（境）经费支出1113.81万元" beside the department's 567.45万元 of spending: a part
        of the department's money larger than all of it (by a tenth) is no figure of the department's."""
        if c.fact in _WHOLES or not (c.fact or "").startswith("finance.") or c.unit not in MONEY:
            return False            # (assets may well be more than a year's money)
        if self._whole is None:
            # the department's own totals, whatever source of funds the claim being checked names
            source, self.source = self.source, ""
            values = [self.fact(f, col, "万元", quiet=True) for f in _WHOLES for col in ("final", "budget", "adjusted", "prior")]
            self._whole, self.source = max((v for v in values if v is not None), default=Decimal(0)), source
        if self._whole and abs(c.value) * MONEY[c.unit] > self._whole * Decimal("1.1"):
            return True
        # "因公出国（境）费1,139.76万元" beside “三公”经费 9.86万元: a part many times more than all of its whole
        parent = PARENT.get(c.fact)
        whole = max((v for col in ("final", "budget", "adjusted", "prior")
                     if (v := self.fact(parent, col, "万元", quiet=True)) is not None), default=None) if parent else None
        if whole is None or whole <= 0 or abs(c.value) * MONEY[c.unit] <= whole * FAR_OFF:
            return False
        # (not its own figure with the decimal point slipped: "公务用车运行维护费支出50.00万元" for 5.00 is a slip)
        own = [v for col in ("final", "budget", "adjusted") if (v := self.fact(c.fact, col, "万元", quiet=True))]
        return all(far_off(abs(c.value) * MONEY[c.unit], v) for v in own)
