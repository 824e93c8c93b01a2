"""Shares: a part against the whole its words name."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ...core.numbers import decimals, fmt, half_unit, rate_fits, same_figure, transposed
from ...derive.claims import Claim
from ...derive.claims.grammar import within
from ...derive.claims.nearby import whole_in_share
from ...derive.claims.parts import WITH_CARRYOVER
from ...derive.claims.tokens import MONEY
from .base import _Base
from .common import _COLUMN_ZH, _columns, _places


def _swapped_share(share: Decimal, stated: Decimal) -> bool:
    """Whether a share written to two places or more is the computed one, rounded alike, with two digits swapped."""
    places = decimals(stated)
    if places < 2:
        return False
    nominal = abs(share).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return nominal != stated and transposed(nominal, stated)


class _Shares(_Base):
    """Shares."""

    def _head_of_item(self, item: Claim) -> Claim | None:
        """The head of the 其中 list `item` is the last item of, if any."""
        return self._lists()[1].get(id(item.figure)) if item.figure is not None else None

    def _share(self, c: Claim) -> None:
        part = c.of
        if part is None or part.flagged:
            return self.skip(c, "占比的分子已报错")
        if part.figure is None:         # "流动资产占资产总额的36.94%": the part is a fact
            part_wan = self.fact(part.fact, part.column, "万元")
        else:
            part_wan = abs(part.value) * MONEY[part.unit] if part.unit in MONEY else None
        if part_wan is None:
            return self.skip(c, "事实文件没有作为分子的数")
        wholes = self._wholes(c)
        if wholes is None:
            return self.skip(c, "总数已报错")
        wholes = wholes or self._whole_in_its_words(c) or self._whole_stated_before(c)
        if not wholes:
            return self.skip(c, "事实文件没有作为分母的总数")
        # each written figure stands for ± half its last digit: the share may be anywhere between the extremes
        # (a part the file has a figure for is that figure: the table's precision is the writer's)
        part_half = self._part_half(part, part_wan)
        for whole, whole_zh, whole_half in wholes:
            low = (part_wan - part_half) / (whole + whole_half) * 100
            high = (part_wan + part_half) / max(whole - whole_half, Decimal("0.000001")) * 100
            share = part_wan / whole * 100
            # (within the figures' rounding, but not where the share as computed is the one written with two digits
            # swapped: "75.65%" for 6.80 ÷ 9.00 = 75.56% is miscopied, whatever the rounding allows)
            if low - half_unit(c.value) <= c.value <= high + half_unit(c.value) \
                    and not _swapped_share(share, abs(c.value)):
                return self.ok(c, f"{fmt(part_wan)} ÷ {whole_zh} {fmt(whole)} = {fmt(share, _places(c))}%")
        if self._share_in_budget(c, part, part_wan) or self._unnamed_part_in_budget(c, part, part_wan) \
                or self._part_of_other_column(c, part, part_wan):
            return None
        whole, whole_zh, _ = wholes[0]
        share = part_wan / whole * 100
        if part.fact is None and share > 100 >= c.value and c.whole_from is None:
            # "（全县）税收收入完成6.20亿元，…，占预算收入比重45.32%": an amount of no fact of the file, more than the
            # department's whole its words name — that whole is another's
            return self.skip(c, f"按 {whole_zh} {fmt(whole)}万元 算超过 100%：说的多半是别的主体的总数")
        # (shares written to add up to 100 with the rounding difference put on one of them are still not the figures'
        # shares: said, with the likely reason)
        why = "（各项占比合计正好是 100%：多半是把尾差调到了这一项上，但按所写的数算不是这个比例。）" \
            if self._made_up_to_100(c, share) else "（只差两位数字的次序，多半是写颠倒了。）" \
            if _swapped_share(share, abs(c.value)) else ""
        start = part.start if part.figure is not None else c.start - 16
        named = f"{fmt(abs(part.value))}{part.unit}" if part.figure is not None else \
            f"{self._label(part.fact, part.column)} {fmt(part_wan)}万元"
        # (a share of the part's own budget is how much of it was carried out: "项目支出完成2473.85万元，占年初项目支出预算的
        # 99.0%")
        self.error("PROSE-EXECUTION" if self.of_own_budget(c) else "PROSE-SHARE", c,
                   f"正文“…{self.text[max(0, start - 8):c.figure.end]}”：{named} ÷ {whole_zh} "
                   f"{fmt(whole)}万元 = {fmt(share, _places(c))}%，与写明的 {fmt(c.value)}% 不符。{why}",
                   stated=c.value, computed=share)

    def _part_half(self, part: Claim, part_wan: Decimal) -> Decimal:
        """± half the last digit of a share's part: as written, or the file's figure's where the part is exactly one
        of its fact's figures ("公务用车购置及运行费支出45万元" for 45.00: the share is of 45.00, not of 44.5 to 45.5)."""
        own = [*_columns(part.column)] if part.column else ["final"]
        known = part.fact is not None and any(self.fact(part.fact, col, "万元", quiet=True) is not None for col in own)
        if part.figure is None or not known:
            return half_unit(part_wan) if part.figure is None else half_unit(part.value) * MONEY[part.unit]
        for col in dict.fromkeys((*own, "final", "budget", "adjusted")):
            value = self.fact(part.fact, col, "万元", quiet=True)
            if value is not None and value == part_wan:
                return min(half_unit(part_wan), half_unit(value))
        return half_unit(part_wan)

    def of_own_budget(self, c: Claim) -> bool:
        """Whether a share is of its part's own budget ("项目支出完成2473.85万元，占年初项目支出预算的99.0%"): how much
        of it was carried out — an execution rate."""
        part = c.of
        return c.kind == "share" and part is not None and part.fact is not None and c.whole == part.fact \
            and c.column in ("budget", "adjusted", "plan") and "预算" in self._whole_words(c)

    def _whole_words(self, c: Claim) -> str:
        """The words of a share's whole: from its 占 to its figure ("占年初项目支出预算的")."""
        before = self.text[max(0, c.start - 24):c.start]
        at = before.rfind("占")
        return before[at + 1:] if at >= 0 else ""

    def _share_in_budget(self, c: Claim, part: Claim, part_wan: Decimal) -> bool:
        """"其中:财政拨款 1747.99 万元,占 100%": a part of no column word that is its fact's budget figure (and not its
        final) is a share of the whole in that column (True: it holds so)."""
        if part.figure is None or not part.implied or part.fact is None or c.whole is None:
            return False
        for col in ("budget", "adjusted"):
            whole = self.fact(c.whole, col, "万元", quiet=True)
            if whole and self._only_in(part, col) and rate_fits(part_wan / whole * 100, c.value):
                self.ok(c, f"{fmt(part_wan)} ÷ {self._label(c.whole, col)} {fmt(whole)} = "
                           f"{fmt(part_wan / whole * 100, _places(c))}%（这一项是{_COLUMN_ZH[col]}）")
                return True
        return False

    def _unnamed_part_in_budget(self, c: Claim, part: Claim, part_wan: Decimal) -> bool:
        """"部门预算总收入预计1174.50万元…。其中：财政拨款（补助）1174.50万元，占总收入的100.00%": a part no fact's name
        names, in a text that speaks of the budget, may be a share of the whole's budget — it holds so (True)."""
        if part.fact is not None or part.figure is None or c.whole is None or "预算" not in self.text[:c.start]:
            return False
        for col in ("budget", "adjusted"):
            whole = self.fact(c.whole, col, "万元", quiet=True)
            if whole and rate_fits(part_wan / whole * 100, c.value):
                self.ok(c, f"{fmt(part_wan)} ÷ {self._label(c.whole, col)} {fmt(whole)} = "
                           f"{fmt(part_wan / whole * 100, _places(c))}%（前文说的是预算）")
                return True
        return False

    def _part_of_other_column(self, c: Claim, part: Claim, part_wan: Decimal) -> bool:
        """"基本支出775.20万元，占总支出的24%" (its final 763.90 is 23.59% of the final whole, its budget 775.20): a part
        of no column word that is exactly another column's figure of its fact, where the share is the final's share of
        the final whole — the amount is the slip, not the share (reported at the amount: True)."""
        if part.figure is None or part.fact is None or not part.implied or c.whole is None or part.flagged:
            return False
        final, whole = self.fact(part.fact, "final", "万元", quiet=True), self.fact(c.whole, "final", "万元", quiet=True)
        if not final or not whole or final == part_wan or not rate_fits(final / whole * 100, c.value):
            return False
        written = [col for col in ("budget", "adjusted") if self.fact(part.fact, col, "万元", quiet=True) == part_wan]
        if not written or self._column_of_others(part) != {"final"}:
            # (the sentence's other amounts must be finals: "“三公”经费预算支出中，…公务接待费支出30.45万元，占37.73%"
            # among budgets is a share of the budget, wrong)
            return False
        self.error("PROSE-FACT", part, f"正文“…{self.text[max(0, part.start - 12):part.figure.end]}”与事实不符："
                   f"{self._label(part.fact, 'final')} 为 {fmt(final)}万元，写的是{_COLUMN_ZH[written[0]]}；按决算数算，"
                   f"{fmt(final)} ÷ {self._label(c.whole, 'final')} {fmt(whole)} = {fmt(final / whole * 100, _places(c))}%，"
                   f"正是写明的占比。", stated=part_wan, fact=final)
        self.ok(c, f"按{self._label(part.fact, 'final')} {fmt(final)} 算：÷ {self._label(c.whole, 'final')} {fmt(whole)} = "
                   f"{fmt(final / whole * 100, _places(c))}%（前面的金额写成了{_COLUMN_ZH[written[0]]}，已报错）")
        return True

    def _column_of_others(self, part: Claim) -> set[str]:
        """The columns the other amounts of a part's sentence are exactly, each of its fact (a figure that is two columns'
        counts as neither)."""
        out = set()
        for w in self._sentences(part.sentence):
            if w is part or w.kind != "level" or w.figure is None or w.fact is None or w.unit not in MONEY:
                continue
            value = abs(w.value) * MONEY[w.unit]
            cols = [col for col in ("final", "budget", "adjusted") if self.fact(w.fact, col, "万元", quiet=True) == value]
            if len(cols) == 1:
                out.add(cols[0])
        return out

    def _made_up_to_100(self, c: Claim, share: Decimal) -> bool:
        """"人员经费…、公用经费…、项目支出…，分别占支出合计的50.3%、5.5%、44.2%" (44.14 by the figures): the shares of one
        whole written so that they add up to 100 exactly, the rounding difference put on one of them — off by no more
        than the rounding of all of them together (a practice, still a share the figures do not give: the message says
        so)."""
        siblings = [s for s in self._sentences(c.sentence) if s.kind == "share" and s.whole_from is c.whole_from
                    and s.whole == c.whole and s.value is not None]
        if len(siblings) < 2 or sum(s.value for s in siblings) != 100:
            return False
        return abs(c.value - share) <= half_unit(c.value) * len(siblings)

    def _wholes(self, c: Claim) -> list | None:
        """What a share may be of: (amount in 万元, its words, ± half its last digit), the one written first.
        The head of the list the share is in ("总支出7542.23万元，其中基本支出…，占11.22%"), and the table's
        figures its words may name ("总支出" is 本年支出合计 or 支出总计: a share of either holds); None when
        the whole was reported wrong."""
        if c.series_sum is not None:        # (the sum of the amounts of its series: seriesshares.py)
            return [(c.series_sum[0], "所列各项之和", c.series_sum[1])]
        head = c.whole_from
        if head is not None:
            if head.flagged or head.unit not in MONEY:
                return None
            out = [(abs(head.value) * MONEY[head.unit], "写明的总数", half_unit(head.value) * MONEY[head.unit])]
            for fact in (head.fact, *head.alts) if head.fact is not None else ():
                value = self.fact(fact, head.column or "final", "万元")
                if value and same_figure(out[0][0], value):     # the table's own figure for the total written
                    out.append((value, self._label(fact, head.column), half_unit(value)))
                    if value == out[0][0]:
                        # ("“三公”经费支出预算9万元" for 9.00: the share is of 9.00, not of 8.5 to 9.5 — see _part_half)
                        out[0] = (out[0][0], out[0][1], min(out[0][2], half_unit(value)))
            part = c.of
            if head.column in ("budget", "adjusted", "plan") and head.fact is not None and part is not None \
                    and part.implied and (final := self.fact(head.fact, "final", "万元")):
                # "“三公”经费预算10.50万元，执行率88.48%。其中公务用车运行维护费7.94万元，占85.47%": an item of no column
                # word after a budget may be the final, its share of the whole's final
                out.append((final, self._label(head.fact, "final"), half_unit(final)))
            if c.whole is not None:         # the total its words name, as well as the list's head (see shares.py)
                out.extend(self._named_wholes(c))
            outer = c.other             # an inner list's item: of the outer list's head too (see shares.py)
            if outer is not None and outer.figure is not None and not outer.flagged and outer.unit in MONEY:
                out.append((abs(outer.value) * MONEY[outer.unit], "外层“其中”前的总数", half_unit(outer.value) * MONEY[outer.unit]))
            out.extend(self._stated_wholes_of(c))
            return [w for w in out if w[0] - w[2] > 0]
        return self._named_wholes(c)

    def _whole_in_its_words(self, c: Claim) -> list:
        """"对企业补助合计5501.02万元，占一般公共预算支出7540.18万元的72%": the whole written inside the share's words,
        where the file has no figure of it — the share is checked against the text's own amount."""
        part = c.of
        if part is None or part.figure is None:
            return []
        whole = whole_in_share(self.reading, part.figure.end, c.start)
        if whole is None or whole.unit not in MONEY:
            return []
        return [(abs(whole.value) * MONEY[whole.unit], "写明的总数", half_unit(whole.value) * MONEY[whole.unit])]

    def _whole_stated_before(self, c: Claim) -> list:
        """"本单位固定资产总量为196.40万元，房屋和构筑物150.00万元，占固定资产总额的76.37%": a whole the file has no figure
        of, its amount stated earlier in the sentence — the share is checked against the text's own amount."""
        part = c.of
        if c.whole is None or part is None or part.figure is None:
            return []
        stated = [w for w in self._sentences(c.sentence) if w.kind == "level" and w.fact == c.whole and w.figure is not None
                  and w.figure.end <= part.start and not w.flagged and w.unit in MONEY and w.value]
        if len(stated) != 1:
            return []           # (two amounts of it: which one, the words do not say)
        w = stated[0]
        return [(abs(w.value) * MONEY[w.unit], f"写明的{self._label(w.fact, w.column)}", half_unit(w.value) * MONEY[w.unit])]

    def _stated_wholes_of(self, c: Claim) -> list:
        """"支出总计1466.69万元，其中本年支出1370.33万元…；本年支出中基本支出839.05万元，占61.23%": the other amounts its
        sentence states of a whole the part is in — a share of one of them is no contradiction."""
        part = c.of
        if part is None or part.fact is None or c.whole is not None:
            return []           # (a whole named — "占总收入的55.51%" — is that one)
        return [(abs(w.value) * MONEY[w.unit], f"写明的{self._label(w.fact, w.column)}", half_unit(w.value) * MONEY[w.unit])
                for w in self._sentences(c.sentence) if w.kind == "level" and w.figure is not None and w.fact is not None
                and w is not c.whole_from and not w.flagged and w.unit in MONEY and within(w.fact, part.fact)]

    def _named_wholes(self, c: Claim) -> list:
        # (a share of last year's part is of last year's whole: "2022年本局项目支出1180.53万元，占当年支出合计的46.68%")
        columns = _columns(c.column) if c.column in ("budget", "adjusted", "plan", "any") else \
            ["prior"] if c.column == "prior" else ["final"]
        if len(columns) > 1:
            columns = self._part_column(c, columns)
        elif columns == ["final"] and c.of is not None and c.of.implied:
            # "“三公”经费预算支出中，…公务接待费支出7.30万元，占“三公”经费的…": a part of no column word that is exactly
            # its fact's budget (not its final) is a share of the whole's budget
            exact = self._part_column(c, ["final", "budget", "adjusted"])
            columns = exact if len(exact) == 1 else columns
        carried = {v: k for k, v in WITH_CARRYOVER.items()}
        wholes = [c.whole, WITH_CARRYOVER[c.whole]] if c.implied and c.whole in WITH_CARRYOVER else \
            [c.whole, carried[c.whole]] if c.implied and c.whole in carried else [c.whole]
        wholes += list(c.whole_alts)
        return [(v, self._label(whole, col), half_unit(v)) for whole in wholes for col in columns
                if (v := self.fact(whole, col, "万元"))]

    def _part_column(self, c: Claim, columns: list) -> list:
        """"项目支出预算474.20万元，占支出总预算40.37%": the columns a bare 预算 may mean, narrowed to the one the part's
        amount is exactly (its 年初预算数, not its 调整预算数) — a part of one column is a share of the whole's in it."""
        part = c.of
        if part is None or part.fact is None or part.figure is None or part.unit not in MONEY:
            return columns
        exact = [col for col in columns if (v := self.fact(part.fact, col, part.unit, quiet=True)) is not None
                 and same_figure(abs(part.value), v)]
        return exact if len(exact) == 1 else columns
