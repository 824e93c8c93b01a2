"""A 其中 list against its head: a sum that must equal, or only not exceed, the head."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.numbers import decimals, fmt, half_unit, same_figure, sum_consistent, transposed
from ...derive.claims import Claim
from ...derive.claims.grammar import BODY_UNITS, BY_SOURCE, COMPONENTS, PEOPLE_UNITS, VEHICLE_UNITS, within
from ...derive.claims.nearby import (
    clause_words,
    figures_before,
    income_and_spending,
    named_as_base,
    names_posts,
    others_at,
)
from ...derive.claims.parts import PARENT, spending_mirror
from ...derive.claims.tokens import COUNTS, MONEY
from ...model.facts import AMOUNT_PATHS
from .base import _Base
from .common import _COLUMN_ZH, _columns, _rows_named, _scale

# parts a total seldom has: a list without them still names every part
RARE = {"finance.expenditure.remit_upper", "finance.expenditure.operating", "finance.expenditure.subsidiary",
        "finance.expenditure.distribution",
        "finance.income.state_capital"}


# what stands before an item's name in a 其中 list ("其中：会议费…")
_ITEM_LEAD = re.compile(r"^[ \t\u3000]*(?:其中|包括|含)?[：:，,、 \t\u3000]*|(?:为|是|共|计|预算|预算数|支出)?[ \t\u3000]*$")

# an amount said to be paid out already: the progress of what a whole was spent on, no part of it
_PAID_OUT = re.compile("已(?:经)?(?:拨付|支付|使用|支出|完成|下达|兑付|发放|报账)")


# the longest stretch of a list a finding quotes whole (a longer one is quoted by its two ends)
_QUOTE_MAX = 120
_BY_CATEGORY = frozenset({"department.staffing.posts", "department.staffing.others"})


def _list_fits(total: Decimal, s: Decimal, values: list, complete: bool, exact: bool) -> bool:
    """Whether a list's sum `s` agrees with its head: equal (a count), within the rounding of the figures as
    written (an amount), or not above it (a list of some items)."""
    if exact:
        return s == total if complete else s <= total
    # each figure stands for ± half its last digit (XBRL); a written "0" among "1.72" and "0.68" is nothing at
    # all, not 0 ± 0.5
    slack = half_unit(total) + sum((half_unit(v) for v in values if v != 0), Decimal(0))
    return abs(total - s) <= slack or (not complete and s <= total)


def _nested(values: list, total: Decimal) -> str:
    """Why a list of another subject's head that exceeds it may still be right: a first item as large as all those after it
    together, within the head — a class and the classes in it ("一般公共预算支出24.86亿元…其中，
    民生支出20.31亿元…；教育支出5.12亿元…"); or ""."""
    # (the first item and three or more after it: two items are any list's shape)
    rest = sum(values[1:], Decimal(0))
    if len(values) >= 4 and 0 < rest <= values[0] <= total:
        return "第一项不小于其后各项之和：其后各项可能都在这一项之内"
    return ""


def _prefix_is_head(values: list, total: Decimal, exact: bool) -> str:
    """Why the figures after the first few of a list that fails its sum are no parts of its head — the first few
    already make it ("收入200000万元，其中：税收收入150000万元，…；非税收入50000万元；政府性基金预算收入1200万元…": the
    list ended where they did) — or ""."""
    running = Decimal(0)
    for k, v in enumerate(values[:-1], 1):
        running += v
        slack = Decimal(0) if exact else half_unit(total) + sum((half_unit(x) for x in values[:k] if x != 0), Decimal(0))
        if abs(running - total) <= slack and any(values[k:]):
            return f"前 {k} 项之和已等于 {fmt(total)}：其后的数不是它的分项"
    return ""


def _retired(c: Claim) -> bool:
    """A count of the retired (退休, 离休, 离退休)."""
    return c.fact == "department.staffing.retired" or "退休" in (c.label or "") or "离休" in (c.label or "")


def _each_row_once(parts: list, rows: list) -> bool:
    """Whether the items of a list name each row of a staffing list once, and nothing else."""
    named = []
    for p in parts:
        matched = _rows_named(p.kind_text, rows)
        if not matched and not p.value:
            continue            # "参照公务员法管理的事业编制人数0人": a category the file does not have, none of it
        if len(matched) != 1:
            return False
        named.append(id(matched[0]))
    return len(set(named)) == len(named) == len(rows)


def _folding_subtotals(parts: list, unit: str) -> list:
    """"实有人数25人，其中：在职人数小计14人，行政在职人数5人，…事业单位在职人数8人。离休0人，退休11人": the items
    right after a 小计 that add up to it exactly are its parts, not more items of the list."""
    out, k = [], 0
    while k < len(parts):
        p = parts[k]
        out.append(p)
        k += 1
        if not p.subtotal:
            continue
        run, j = Decimal(0), k
        target = abs(p.value) * _scale(p.unit, unit)
        while j < len(parts) and run < target:
            run += abs(parts[j].value) * _scale(parts[j].unit, unit)
            j += 1
        if run == target and j > k:
            k = j
    return out


def _sum_wording(complete: bool, swapped: bool, part_swapped: tuple | None) -> tuple[str, str]:
    """How a list's sum is said against its head ("不等于", "超过了", "与 … 只差两位数字的次序"), and what follows it."""
    if swapped:
        return "与", "只差两位数字的次序，多半是写颠倒了"
    if part_swapped:
        return "不等于", (f"：其中 {fmt(part_swapped[0])} 若是 {fmt(part_swapped[1])}（只差两位数字的次序）各项正好合计为"
                        "总数，多半是写颠倒了")
    return ("不等于" if complete else "超过了"), ""


class _Lists(_Base):
    """A 其中 list against its head."""

    def _sum(self, c: Claim) -> None:
        head, parts = c.of, c.parts
        # a list that does not add up is wrong in itself, whatever else was found in its figures: a part that
        # contradicts the facts makes the sum fail too, and both are said
        if head.figure is None:
            return self.skip(c, "没有总数")
        unit = head.unit
        why = self._not_summed(unit, parts, c.traits)
        if why:
            return self.skip(c, why)
        if head.fact is not None and any(p.another for p in parts) and not self._split_by_bodies(parts):
            # "编制总数45名，其中：行政编制16名，区财政局占用1名；…": another body's figure said on the way is no part of
            # the department's head (it is a part of a part)
            parts = [p for p in parts if not p.another]
        parts = _folding_subtotals(parts, unit)
        values = [abs(p.value) * _scale(p.unit, unit) for p in parts]
        total = self._known_total(head, unit) or abs(head.value)
        exact = unit in COUNTS
        s = sum(values, Decimal(0))
        complete, slip = self._completeness(c, parts, s, values, exact, total)
        terms = " + ".join(fmt(v) for v in values)
        fits = _list_fits(total, s, values, complete, exact)
        # a list of some items whose sum is its head with two digits swapped is no partial list: the head (or the
        # sum) was miscopied
        swapped = not complete and s != total and transposed(total, s)
        # (not a sum that is the head to the places it is written in: "财政拨款3860万元，其中：…3004.32万…" adding to 3860.09)
        part_swapped = self._swap_in_parts(parts, values, total, s, unit, complete and not fits or swapped)
        if fits and not swapped and part_swapped is None:
            return self.ok(c, f"{terms} = {fmt(s)}{unit}" + ("" if complete else f"，未超过 {fmt(total)}{unit}（只列了部分项目）"))
        why = "" if complete or swapped else self._no_parts_of(head, parts, values, total, exact)
        if why:
            return self.skip(c, why)
        self._sum_wrong(c, parts, values, (s, total), (complete, swapped, part_swapped, slip))

    def _sum_wrong(self, c: Claim, parts: list, values: list, sums: tuple, how: tuple) -> None:
        """A list that does not add up to its head, reported at the head: `sums` (the parts' sum, the head), `how`
        (complete, head swapped, a part swapped, known complete only by an item's slip)."""
        head, unit = c.of, c.of.unit
        s, total = sums
        complete, swapped, part_swapped, slip = how
        terms = " + ".join(fmt(v) for v in values)
        what, note = _sum_wording(complete, swapped, part_swapped)
        wrong = [p for p in (*parts, head) if p.flagged]
        also = f"（其中 {'、'.join(fmt(abs(p.value)) for p in wrong)} 与事实不符，已另外列出。）" if wrong else ""
        own = self.verdicts.get(id(head))      # a head checked before its list (a count) keeps its own verdict
        flagged_before = head.flagged
        first, last = (parts[0].figure, head.figure) if head.start > parts[-1].start else (head.figure, parts[-1].figure)
        summed = f"其中各项合计 {terms} = {fmt(s)}{unit}" if len(values) > 1 else f"其中的一项 {fmt(s)}{unit}"
        self.error("PROSE-SUM", head, f"正文“…{self._span(first, last)}”：{summed}，{what} "
                   f"{fmt(total)}{unit}{note}。{also}",
                   stated=total, computed=s)
        self.verdicts[id(c)] = self.verdicts.pop(id(head))
        if own is not None:
            self.verdicts[id(head)] = own
        head.summed = True
        # (where the slip is an item's, said already, the head's own figure stands — what is computed from it is checked)
        head.flagged = flagged_before if slip else head.flagged
        self._odd_part(head, parts, values, total, complete)

    def _completeness(self, c: Claim, parts: list, s: Decimal, values: list, exact: bool, total: Decimal) -> tuple:
        """(whether a list names every part of its head, whether it is known so only by an item's slip put right: see
        _whole_but_a_slip)."""
        if self._names_every_part(c, parts, s, values, exact):
            return True, False
        slip = self._whole_but_a_slip(parts, values, total, s, c.of.unit)
        return slip, slip

    def _whole_but_a_slip(self, parts: list, values: list, total: Decimal, s: Decimal, unit: str) -> bool:
        """"预算2,903.60万元，包括在职人员经费655.30万元、公用经费33.60万元（其年初预算 34.40）、…": a list short of its
        head where one item was found wrong, and its fact's figure in the item's column in its place adds the list up
        to the head exactly — the list is every part of the head; its sum fails with the slip."""
        if s >= total or unit not in MONEY:
            return False
        for p, v in zip(parts, values):
            if not p.flagged or p.fact is None:
                continue
            for col in _columns(p.column) if p.column else ("final", "budget", "adjusted"):
                right = self.fact(p.fact, col, unit, quiet=True)
                if right is not None and s - v + right == total:
                    return True
        return False

    def _split_by_bodies(self, parts: list) -> bool:
        """"单位管理的离退休人员24人，其中阳西县工业和信息化局22人，县中小企业局3人": every item named by a body — the
        department's own among them — the head split by body, each item a part (not another body's figure on the way)."""
        if self.reading is None or self.reading.cues is None or len(parts) < 2:
            return False
        ends = self.reading.cues.bodies.body_end
        words = [clause_words(self.reading, p).rstrip(" \t\u3000") for p in parts]
        # (the department's own name is read as 本部门: see reader.own_names)
        return all(ends.search(w) or w.endswith(("本部门", "本单位", "本级", "局机关")) for w in words)

    def _span(self, first, last) -> str:
        """The words from a list's first figure to its last, as a finding quotes them: a long stretch (numbered items
        with what each was spent on) shortened to its two ends."""
        start = max(0, first.start - 10)
        if last.end - start <= _QUOTE_MAX:
            return self.text[start:last.end]
        return f"{self.text[start:first.end]}……{self.text[max(first.end, last.start - 14):last.end]}"

    def _sum_of_changes(self, c: Claim) -> None:
        """"与上年相比增加8.73万元，其中：财政拨款收入减少18.62万元，…；其他收入增加27.35万元": the parts' changes,
        signed, add up to the whole's — where they are all its parts (a part left out may have changed too)."""
        head, parts = c.of, c.parts
        if head.flagged:
            return self.skip(c, "它的增减额已报错")
        if not self._complete(head.fact, {p.fact for p in parts}, "any"):
            return self.skip(c, "所列各项不是它的全部：各项的增减之和不必等于它的增减")
        values = [p.value * _scale(p.unit, head.unit) for p in parts]
        s = sum(values, Decimal(0))
        terms = ("−" if values[0] < 0 else "") + fmt(abs(values[0])) \
            + "".join((" + " if v >= 0 else " − ") + fmt(abs(v)) for v in values[1:])
        said = f"{'增加' if head.value >= 0 else '减少'} {fmt(abs(head.value))}{head.unit}"
        if sum_consistent(head.value, values):
            return self.ok(c, f"各项增减 {terms} = {fmt(s)}{head.unit}，即{said}")
        wrong = [p for p in (*parts, head) if p.flagged]
        also = f"（其中 {'、'.join(fmt(abs(p.value)) for p in wrong)} 已另外列出。）" if wrong else ""
        own = self.verdicts.get(id(head))      # the change's own verdict (checked before its list) is kept
        self.error("PROSE-SUM", head, f"正文“…{self._span(head.figure, parts[-1].figure)}”：其中各项"
                   f"的增减 {terms} = {fmt(s)}{head.unit}，与写明的{said} 不符。{also}", stated=head.value, computed=s)
        self.verdicts[id(c)] = self.verdicts.pop(id(head))
        if own is not None:
            self.verdicts[id(head)] = own
        head.summed = True

    def _swap_in_parts(self, parts: list, values: list, total: Decimal, s: Decimal, unit: str, settled: bool) -> tuple | None:
        """An item with two digits swapped that makes the list add up to its head to the cent (see _part_swapped) —
        not looked for where the list adds up exactly, or its failing is settled already (`settled`: a complete list
        that does not add up, or a head with two digits swapped)."""
        return None if settled or s == total else self._part_swapped(parts, values, total, s, unit)

    @staticmethod
    def _part_swapped(parts: list, values: list, total: Decimal, s: Decimal, unit: str) -> tuple | None:
        """"1153.00万元，主要用于…652.00万元；…317.00万元；…10.00万元；…120.00万元": a list of some items that falls short of
        (or exceeds) its head by what one item with two digits swapped explains (371 for 317) adds up exactly once that
        item is put right — no partial list then, but a miscopied item: (the item as written, as it adds up), or None."""
        if sum_consistent(total, [v for v in values if v]) and decimals(total) < 2:
            # (not a list that is its head to the places it is written in — a "0" item is nought exactly, whatever
            # places it is written to: "财政拨款3860万元，其中：…3004.32万…" adding to 3860.09; a head written to the cent
            # whose whole-万元 items leave it 0.18 short is the list with two digits of one item swapped, where that
            # swap makes it add up to the cent: "1,747.99万元，包括…92.64万元…城乡社区支出25万元…")
            return None
        fits = [(v, total - (s - v)) for p, v in zip(parts, values)
                if p.unit == unit and total - (s - v) > 0 and transposed(v, total - (s - v))]
        return fits[0] if len(fits) == 1 else None

    def _odd_part(self, head: Claim, parts: list, values: list, total: Decimal, complete: bool) -> None:
        """"预算支出1174.50万元，其中人员经费620.30万元，公用经费80.00万元；项目支出593.30万元" (a list that fails its sum):
        where the head and every item but one are their facts' figures of one column, and that item's figure of the
        column makes the list add up, the one item is the slip — reported at it too (593.30 is another column's figure,
        the 调整预算, which alone would not be wrong)."""
        unit = head.unit
        if head.fact is None or unit not in MONEY:
            return
        for col in ("final", "budget", "adjusted"):
            whole = self.fact(head.fact, col, unit, quiet=True)
            if whole is None and head.fact in BY_SOURCE:
                # (spending of one source the file has no figure for: the department's, where the head is that)
                whole = self.fact("finance.expenditure.current", col, unit, quiet=True)
            if whole is None or not same_figure(total, whole):
                continue
            expected = [self.fact(p.fact, col, unit, quiet=True) if p.fact else None for p in parts]
            # (an item of nothing — "基金预算支出0万元" — is no item to doubt)
            odd = [i for i, (v, e) in enumerate(zip(values, expected)) if (e is None and v) or (e is not None and not same_figure(v, e))]
            if len(odd) != 1 or (value := expected[odd[0]]) is None:
                continue
            fixed = [value if i == odd[0] else v for i, v in enumerate(values)]
            p = parts[odd[0]]
            if p.flagged or not _list_fits(total, sum(fixed, Decimal(0)), fixed, complete, False):
                return
            self.error("PROSE-FACT", p, f"正文“…{self.quote(p)}”与事实不符：总数和“其中”所列其他各项都是{_COLUMN_ZH[col]}，"
                       f"{self._label(p.fact, col)} 为 {fmt(value)}{unit}（差 {fmt(values[odd[0]] - value)}），"
                       f"按它各项之和正是总数。", stated=values[odd[0]], fact=value, uses={f"{p.fact}.{col}"},
                       about=f"正文“…{self.quote(p, 8)}”")
            return

    def _known_total(self, head: Claim, unit: str) -> Decimal | None:
        """"“三公”经费预算数12万元。其中：公务接待费7.6万元，公务用车运行维护费4.6万元": a head written coarser than the
        file's figure, which is the same number to more places (12.00), is that figure — its parts are summed against
        it, not against 12 ± 0.5 (a head the author rounded, 3 for 2.8767, keeps the rounding of what was written).
        None where the head is no fact's, or its figure is no finer in the file, or columns disagree."""
        if head.fact is None or head.flagged or unit not in MONEY:
            return None
        stated = abs(head.value)
        found = [v for col in (_columns(head.column) if head.column else ("final", "budget", "adjusted"))
                 if (v := self.fact(head.fact, col, unit, quiet=True)) is not None and same_figure(stated, v)]
        if not found or any(v != stated for v in found):
            return None
        return max(found, key=decimals) if max(map(decimals, found)) > decimals(stated) else None

    def _no_parts_of(self, head: Claim, parts: list, values: list, total: Decimal, exact: bool) -> str:
        """Why the items of a list not said to be complete that exceeds its head may be no parts of it, or ""."""
        prefix = "" if exact and self._one_enumeration(parts) else _prefix_is_head(values, total, exact)
        return prefix or self._not_its_parts(head, parts, values, total, exact) or (
            _nested(values, total) if head.fact is None and self._someone_elses(head) else "")

    def _someone_elses(self, head: Claim) -> bool:
        """Whether an amount is another subject's: read so, or the head of a list in a sentence whose other figures
        before the list are read so ("全县一般公共预算支出完成24.86亿元，为调整预算的96.2%，…。其中，…")."""
        others = others_at(self.reading)
        if head.start in others:
            return True
        end = self.text.find("其中", head.start, head.start + 200)
        return any(head.start < at < end for at in others) if end > 0 else False

    def _one_enumeration(self, parts: list) -> bool:
        """"在职人员286人（其中民警275人、行政人员11人、事业人员18人）": items of names no fact has, parted by 、 alone —
        one enumeration of the head's people, however many of them already add up to it (see the reader's
        _more_of_the_same)."""
        return all(p.fact is None and p.figure is not None for p in parts) and all(
            "、" in self.text[a.figure.end:b.figure.start] for a, b in zip(parts, parts[1:]))

    def _names_every_part(self, c: Claim, parts: list, s: Decimal, values: list, exact: bool) -> bool:
        """Whether a list names all of its head, so that its sum must be the head (not only not exceed it): it says so,
        or it names every part the file has; for counts, every category of post or of staff in service; or its parts
        add up to the file's figure of the head exactly ("本年收入合计982.47万元，其中：…": all of it, the head stated
        is not their sum)."""
        head = c.of
        # (a line the file has no fact for, listed at 0 — "上缴上级支出0万元" — adds nothing: it leaves the list complete)
        named = {p.fact for p in parts if p.fact is not None or p.figure is None or p.value != 0}
        if "finance.economic.households" in named and "finance.expenditure.personnel" in named:
            named.discard("finance.economic.households")     # 人员 (wages only) and the grants: all of 人员经费
        # "总支出7542.23万元，其中基本支出…项目支出…": words that may name 本年支出合计 or 支出总计 make a complete
        # list only when it is complete for each
        # (posts are named by category: "行政编制22人、行政执法专项编制6人" names two of the file's three — see _all_posts;
        # a plain 支出 listed by every line of this year's spending is this year's alone — see _alts)
        if c.complete or self._items_named_by_head(head, parts) or self._every_part_under(head, parts, named) \
                or self._unnamed_whole(head, parts, named):
            return True
        elsewhere = self._agrees_elsewhere(head)
        if elsewhere:
            # the head is another column's figure, or another fact's its words may name: the list is complete only
            # if it names all of each of them
            return not named & _BY_CATEGORY and all(self._complete(f, named, col) for f, col in elsewhere)
        alts = self._alts_listed(head, named)
        column = self._column_it_is(head)
        if (head.fact is not None and not named & _BY_CATEGORY and all(
                self._complete(f, named, column) or self._complete_as_spent(head, f, named, column)
                for f in (head.fact, *alts))):
            return True
        if exact and (self._all_posts(head, parts) or self._all_people(head, parts) or self._all_kept(head, parts)):
            return True
        return self._sums_to_fact(head, s, values, exact)

    def _alts_listed(self, head: Claim, named: set) -> list:
        """The other facts a head's words may name that its list may be of: not one the list names a part outside of
        ("收入合计…，其中：…年初结转和结余…" read as 收入总计, though it may be 本年收入合计), nor a whole the head is itself a
        part of ("公务用车购置和运行维护费40万元，包括购置费…、运行维护费…" as an item of the “三公” list may be read as the
        三公经费 too, but its items name all of what it is)."""
        return [a for a in self._alts(head) if all(f is None or f == a or within(a, f) for f in named)
                and not (head.fact is not None and a != head.fact and within(a, head.fact))]

    def _every_part_under(self, head: Claim, parts: list, named: set) -> bool:
        """"财政资金支出合计3237.75万元，其中：基本支出763.9万元…；项目支出2437.85万元": a head of unsure words that is the
        figure of the whole its named items are parts of (see _head_is_ours), and they name every part of it."""
        ours = [p for p in parts if p.fact is not None and p.under is head]
        whole = self._whole_under(ours[0]) if ours else None
        return whole is not None and len(ours) == len([p for p in parts if p.fact is not None]) \
            and self._complete(whole, named, None)

    def _complete_as_spent(self, head: Claim, fact: str, named: set, column: str | None) -> bool:
        """"2023年县财政累计下达我局预算2903.6万元，其中基本支出…，项目支出…" read as 本年收入合计: an income split by
        what it is spent on, complete for the spending — where the head's figure is that spending's too."""
        spent = spending_mirror(fact)
        if spent is None or not self._complete(spent, named, column):
            return False
        # (in any column: "2023年预算财政拨款资金共计3237.75万元" is the budget as executed — the 决算数)
        return self._is_figure_of(spent, head.value, head.unit)

    def _unnamed_whole(self, head: Claim, parts: list, named: set) -> bool:
        """"已全面完成2023年7540.18万元支出任务，其中基本支出845.92万元，项目支出6649.26万元": a head of no known name
        whose items name every part of a whole, its figure that whole's (in a column of the file) — the list is all
        of it."""
        if head.fact is not None or head.figure is None or head.unit not in MONEY or len(parts) < 2 \
                or None in named or not named or any(p.another for p in parts):
            return False
        whole = self._covering_whole(named, PARENT.get(next(iter(named))))
        return whole is not None and self._is_figure_of(whole, head.value, head.unit)

    def _column_it_is(self, head: Claim) -> str | None:
        """"部门预算总支出1747.99万元，其中：基本支出…，项目支出…": the column a head of a bare 预算 (年初 or 调整) is, where
        its figure is exactly one of them (the 年初预算 has no 结转下年 the 调整预算 of 支出总计 may have); else its own."""
        if head.column not in ("plan", "any") or head.fact not in AMOUNT_PATHS or head.figure is None:
            return head.column
        exact = [col for col in _columns(head.column)
                 if (v := self.fact(head.fact, col, head.unit, quiet=True)) is not None and same_figure(abs(head.value), v)]
        return exact[0] if len(exact) == 1 else head.column

    def _items_named_by_head(self, head: Claim, parts: list) -> bool:
        """"“会议费”“培训费”“差旅费”财政拨款预算数3.40万元，其中：会议费0.60万元，培训费2.80万元，差旅费0.80万元": a head of
        no fact whose own words name each item its list names — the list is all of it."""
        others = others_at(self.reading)
        if head.fact is not None or head.figure is None or len(parts) < 2 or any(p.figure is None for p in parts) \
                or self._someone_elses(head) or any(p.start in others for p in parts):
            return False        # (nor items read as someone else's: "…项目资金总预算为2455.5万元，其中部门预算项目支出…")
        before = self.text[max(0, head.start - 40):head.start]
        words = before[max(before.rfind(ch) for ch in "。；;！？!?\n") + 1:]
        names = [_ITEM_LEAD.sub("", clause_words(self.reading, p)) for p in parts]
        return all(len(n) >= 2 and n in words for n in names) and len(set(names)) == len(names)

    def _agrees_elsewhere(self, head: Claim) -> list:
        """"收入合计7,532.81万元…。其中：财政拨款收入7,532.81万元，占100%，年初结转和结余9.42万元" read as 收入总计 (its
        list names the carry-over), whose 决算数 is 7542.23: where a head read as a 决算数 is not its fact's, the columns
        (its 调整预算数, by chance) and the other facts its words may name (本年收入合计) whose figure it is — what the list
        must be complete for; [] where the head is its fact's 决算数 or no other figure."""
        if head.kind != "level" or head.fact not in AMOUNT_PATHS or head.column not in ("final", None):
            return []
        final = self.fact(head.fact, "final", head.unit, quiet=True)
        if final is None or same_figure(abs(head.value), final):
            return []
        places = [(head.fact, col) for col in ("budget", "adjusted")] + [(alt, "final") for alt in self._alts(head)]
        return [(f, col) for f, col in places
                if (v := self.fact(f, col, head.unit, quiet=True)) is not None and same_figure(abs(head.value), v)]

    def _all_posts(self, head: Claim, parts: list) -> bool:
        """"实有人员编制39人。其中：行政编制5人，事业编制32人": a number of posts listed by every category of post the
        file has — the list is complete, and its sum is the number of posts."""
        staffing = self.report.get("department.staffing")
        rows = [p for p in (staffing.posts or [] if staffing is not None else []) if p.count and p.kind]
        if not rows or not names_posts(self.reading, head) or \
                any(p.fact != "department.staffing.posts" for p in parts):
            return False
        return _each_row_once(parts, rows)

    def _all_people(self, head: Claim, parts: list) -> bool:
        """"实有人数52人，其中事业编制4人，聘用人员44人，保安2人": the staff in service listed by every category the
        file counts them in (each category of post, each kind of people counted among them) — the whole of them."""
        staffing = self.report.get("department.staffing")
        if staffing is None or head.fact not in ("department.staffing.serving", "department.staffing.actual"):
            return False
        rows = [p for p in (*(staffing.posts or []), *(staffing.serving_includes or [])) if p.count and p.kind]
        if not rows or any(p.fact not in ("department.staffing.posts", "department.staffing.others") for p in parts):
            return False
        return _each_row_once(parts, rows)

    def _all_kept(self, head: Claim, parts: list) -> bool:
        """"实有财政供养人数34人，其中：在职职工23人，…；退休11人，…；遗属0人": all the people a department has (or the
        state pays) listed as those in service, the retired and the others (where the file counts any) — all of them."""
        staffing = self.report.get("department.staffing")
        kinds = {"department.staffing.serving", "department.staffing.retired", "department.staffing.others"}
        facts = {p.fact for p in parts}
        if staffing is None or head.fact != "department.staffing.actual" or not facts <= kinds \
                or not {"department.staffing.serving", "department.staffing.retired"} <= facts:
            return False
        return "department.staffing.others" in facts or not any(p.count for p in staffing.others or [])

    def _not_summed(self, unit: str, parts: list, traits: bool) -> str:
        """Why a list's parts are not added up against its head, or ""."""
        if any((p.unit in MONEY) != (unit in MONEY) or (unit not in MONEY and p.unit != unit and not {p.unit, unit} <= PEOPLE_UNITS
                                                         and not {p.unit, unit} <= BODY_UNITS
                                                         and not {p.unit, unit} <= VEHICLE_UNITS)
               for p in parts):
            return "单位不同"
        if unit in PEOPLE_UNITS and traits:
            # "干部职工21人，其中党员15人，大专以上学历19人": traits of the people, which overlap — not parts
            return "所列的有人员的特征（党员、学历、职称等），可以互相重叠，不相加"
        return ""

    def _sums_to_fact(self, head: Claim, s: Decimal, values: list, exact: bool) -> bool:
        """Whether a list's parts add up to the file's figure of its head (each part ± half its last digit)."""
        if head.fact is None or head.kind not in ("level", "count"):
            return False
        if exact:
            counts = [value for _, value in self.count_candidates(head)] if head.kind == "count" else []
            return head.value not in counts and s in counts
        known = [value for _, _, value in self._known(head)]
        if any(same_figure(abs(head.value), value) for value in known):
            return False        # the head is one of its facts ("总支出" with the carry-over): the parts another
        slack = sum((half_unit(v) for v in values if v != 0), Decimal(0))
        return any(abs(s - value) <= slack for value in known)

    def _not_its_parts(self, head: Claim, parts: list, values: list, total: Decimal, exact: bool) -> str:
        """Why figures read as a 其中 list that exceeds its head are not all its parts, or "" (see also _prefix_is_head):
        for a head that is no fact of the file, one of them alone is more than it (the head was another figure), or they
        are income and spending both (no total has both as parts)."""
        if head.fact is None and parts and parts[0].sentence > head.sentence and any(
                f.unit == head.unit for f in figures_before(self.reading, head)):
            # "设行政单位1个，事业单位5个。其中：全额拨款行政单位1个，全额拨款的事业单位5个": a list opening the sentence
            # after several figures of one kind may be of them all, not of the last
            return "前一句并列了几个数：其后“其中”各项可能是它们合起来的"
        if any(named_as_base(self.reading, p) for p in parts):
            return "所列的数中有比较的基数（“比上年……”）：它不是分项"
        if exact and any(v >= 10 * total for v in values):
            # "年末实有人数46人，其中经费补助在职人员44人；退休人员24人；年末学生人数3008人": a count ten times the head's
            # is of something else (students, visits), not one of its parts
            return "有一项比总数大得多：所列的不都是它的分项"
        apart = [self.text[a.figure.end:p.start].count("；") > 0 and _retired(p) for a, p in zip(parts, parts[1:])]
        if exact and any(apart) and sum((v for p, v in zip(parts, values) if not _retired(p)), Decimal(0)) <= total:
            # "年末实有人数46人，其中经费补助在职人员44人；退休人员24人": the retired in a clause of their own — whether the
            # count of all the staff has them in it, documents differ; without them the list fits
            return "退休人员另起一个分句，不算他们时各项未超过总数：这个总数可能不含退休人员"
        if head.fact is not None:
            return ""
        if any(_PAID_OUT.search(clause_words(self.reading, p)) for p in parts):
            # "整合使用财政涉农资金107.13万元,其中项目管理费1.07万元,目前项目资金已拨付106.36万元": how much of it is paid
            return "所列的有已拨付、已支付的数：那是执行的进度，不是分项"
        if any(v > total for v in values):
            return "有一项就大于“其中”前的数：这个数多半不是它们的总数"
        if len(values) >= 3 and sum(values[1:], Decimal(0)) == values[0]:
            # "其中公共财政预算收入13.68亿元…；税收收入6.20亿元…；非税收入7.48亿元": the items after the first are its parts
            return "第一项之后各项之和正好等于第一项：它们是第一项的分项"
        if income_and_spending(self.reading, parts):
            return "所列各项有收入也有支出，不是同一个总数的分项"
        return ""

    def _complete(self, head: str | None, named: set, column: str | None = None) -> bool:
        """Whether a list names every part of its head that the file has a figure other than 0 for (in the
        head's column: "上年“三公”经费24.67万元，其中公务用车运行维护费…、公务接待费…" leaves out no 出国费 of 0)."""
        if head is None or None in named:
            return False
        if head in BY_SOURCE and (self._all_from(BY_SOURCE[head])
                                  or (named - {head}) <= self._descendants("finance.expenditure.current")):
            # "一般公共预算财政拨款支出1643.29万元。其中：基本支出…；项目支出…": spending of the one source all income
            # came from is the department's spending (see fact), made of its parts; spending of one source among
            # several is split the same way ("一般公共预算拨款支出…包括：人员经费…公用经费…项目经费…" names all of it)
            head = "finance.expenditure.current"
        columns = ("final", "budget", "adjusted") if column in (None, "any") else tuple(_columns(column))
        return self._covered(head, named, 0, columns)

    def _covered(self, fact: str, named: set, depth: int, columns: tuple) -> bool:
        """Every part of `fact` with a figure in the file is named, or covered by its own parts."""
        parts = COMPONENTS.get(fact)
        if parts is None or depth > 3:
            return False
        if depth == 0 and not (named - {fact}) <= self._descendants(fact):
            return False
        have = {p for p in parts if any(self._value(p, col) is not None for col in columns)}
        required = {p for p in have if any(self._value(p, col) for col in columns)} if have else \
            {p for p in parts if p not in RARE}
        return all(p in named or self._covered(p, named, depth + 1, columns) for p in required)

    def _covering_whole(self, named: set, start: str | None) -> str | None:
        """The first whole from `start` up (through PARENT) that has every named fact under it and that they name
        completely, or None."""
        whole = start
        while whole is not None and not (named <= self._descendants(whole) and self._complete(whole, named)):
            whole = PARENT.get(whole)
        return whole

    def _descendants(self, fact: str) -> set:
        out, todo = set(), list(COMPONENTS.get(fact, ()))
        while todo:
            p = todo.pop()
            if p not in out:
                out.add(p)
                todo.extend(COMPONENTS.get(p, ()))
        return out

    def _value(self, fact: str, column: str) -> Decimal | None:
        return self.view.value(f"{fact}.{column}") if fact in AMOUNT_PATHS else self.view.value(fact)
