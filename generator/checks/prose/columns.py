"""Which column an amount of no column word is in: read from the amounts beside it (side by side in a sentence, the
items of its list, the head above them) and from the words around it — a budget's page names its column once, in a
heading, and its sentences say only "人员支出620.30万元"; and the other columns and years an amount may be a slip of."""
from __future__ import annotations

from ...core.numbers import decimals, rate_fits, same_figure, sum_consistent
from ...derive.claims import Claim
from ...derive.claims.grammar import BY_SOURCE, within
from ...derive.claims.nearby import clause_words
from ...derive.claims.numbered import item_opening
from ...derive.claims.parts import WITH_CARRYOVER
from ...derive.claims.tokens import MONEY, SENTENCE
from ...model.facts import AMOUNT_PATHS
from .base import _Base
from .common import _SPENT_NOW, _Alias


class _Columns(_Base):
    """The column of an amount whose words name none, and the figures of its other columns and years."""

    def _peers_column(self, c: Claim) -> tuple[str, bool] | None:
        """"按支出用途分类，包括人员支出620.30万元，日常公用支出80.00万元，项目支出474.20万元" (a budget's page, its
        column named in a heading): amounts of no column word side by side, each exactly its own fact's 年初预算数
        (or 调整预算数) and not its 决算数 — the sentence is in that column. Two such amounts show it; with three or
        more, all but one: the odd one is a slip. The column and whether the amount is shown to be in it, or None."""
        # (a line paid from one source — "一般公共预算财政拨款支出2903.60万元" — is one of them: see fact)
        if c.head and c.implied and c.column == "final":
            return self._column_of_its_list(c, headed=False)    # (an item that heads its own list, across sentences)
        if not (c.implied and c.column == "final") or (c.fact not in AMOUNT_PATHS and c.fact not in BY_SOURCE) \
                or c.unit not in MONEY or c.head:
            return None
        if _SPENT_NOW.search(clause_words(self.reading, c)):
            return None         # "…（其中基本支出781.25万元…），分配进度100%，已完成支出3237.75万元": spent, the final
        side = self._side_by_side(c.sentence)
        for col in ("budget", "adjusted"):
            shown = [p for p in side if self._only_in(p, col)]
            if len(side) >= 2 and (len(shown) == len(side) or (len(shown) >= 2 and len(shown) == len(side) - 1)):
                return col, len(shown) >= 2 and c not in shown
        numbered = self._numbered_peers(c)
        if numbered is not None:
            return numbered
        if self._prior_in_budget(c) and self._only_in(c, "budget"):
            return "budget", False
        return self._column_of_its_list(c) or self._head_in_budget(c)

    def _numbered_peers(self, c: Claim) -> tuple[str, bool] | None:
        """"2.公务用车购置及运行费45万元，…；公务用车运行维护费45万元，…。3.公务接待费7.55万元，…": the amounts of no column
        word in the numbered items of one paragraph (each item a sentence opening on a number of one style) are side by
        side as a sentence's are (see _peers_column) — those that are figures of every column (0) say nothing; all but
        one exactly of one budget column, the odd one (only its 决算数) is a slip."""
        style = self._item_style(c)
        if style is None:
            return None
        # (a list's head among them: "公务用车购置及运行费45万元，包括…" is an item's amount as well)
        side = [p for p in self._sentences(c.sentence - 6, c.sentence + 6)
                if p.kind == "level" and p.implied and p.column == "final" and p.figure is not None and p.unit in MONEY
                and (p.fact in AMOUNT_PATHS or p.fact in BY_SOURCE) and self._item_style(p) == style
                and "\n" not in self.text[min(p.start, c.start):max(p.start, c.start)]]
        if len({p.fact for p in side}) < len(side):
            return None         # (one fact twice: not one list of the lines)
        for col in ("budget", "adjusted"):
            telling = [p for p in side if self._only_in(p, col) or self._only_in(p, "final")]
            shown = [p for p in telling if self._only_in(p, col)]
            if c in telling and len(shown) >= 2 and len(shown) == len(telling) - 1 and c not in shown:
                self.numbered_peers.add(id(c))
                return col, True
        return None

    def _item_style(self, c: Claim) -> int | None:
        """The style of the item number the sentence of an amount opens on ("3." "（三）"), or None."""
        m = item_opening(self.text, c.start, SENTENCE + "\n", 400)
        return m.lastindex if m is not None else None

    def _budget_in_budget_words(self, c: Claim) -> bool:
        """"本部门当年一般公共预算支出2,903.60万元，其中：（1）行政运行（2150501）…较上年增加…": an amount of no column word,
        exactly its fact's 年初预算数 and not its 决算数, in a text that speaks of 预算 and of nothing of this year's budget
        carried out (Reading.budget_words) — it may well be the budget: no contradiction. Not so an amount with a change
        of its own ("2023年度一般公共预算拨款支出2903.60万元，比上年增加76.20万元"): the year's spending against last year's."""
        return c.implied and c.column == "final" and c.kind == "level" and self.reading.budget_words \
            and (c.fact in AMOUNT_PATHS or c.fact in BY_SOURCE) and c.unit in MONEY and self._only_in(c, "budget") \
            and not any(k.of is c for k in self._sentences(c.sentence) if k.kind in ("change", "rate"))

    def _prior_in_budget(self, c: Claim) -> bool:
        """"项目支出2022年为1837.70万元，2023年上升到2128.4万元": last year's figure of the line in the sentence is its
        上年预算数 (not its 上年决算数) — the sentence compares budgets."""
        key = (c.sentence, c.fact)
        if key not in self._prior_budgets:     # (once a sentence and line: a sentence may have thousands of amounts)
            self._prior_budgets[key] = any(
                (budget := self.fact(p.fact, "prior_budget", p.unit, quiet=True)) is not None
                and same_figure(abs(p.value), budget)
                and ((final := self.fact(p.fact, "prior", p.unit, quiet=True)) is None
                     or not same_figure(abs(p.value), final))
                for p in self._sentences(c.sentence)
                if p.kind == "prior" and p.fact == c.fact and p.figure is not None and p.unit in MONEY)
        return self._prior_budgets[key]

    def _side_by_side(self, sentence: int) -> list:
        """The amounts of no column word of a sentence, each of another line (see _peers_column)."""
        side = self._implied_amounts.get(sentence)
        if side is None:        # (once a sentence: a sentence of thousands of amounts is not searched for each)
            # (a head that is itself an item of a list — "其中人员经费653.60万元（住房公积金…），公用经费42.00万元" — is
            # one of the amounts side by side)
            side = self._implied_amounts[sentence] = [
                p for p in self._sentences(sentence) if p.kind == "level" and p.implied and p.column == "final"
                and (p.fact in AMOUNT_PATHS or p.fact in BY_SOURCE) and p.unit in MONEY and p.figure is not None
                and (not p.head or id(p) in self._lists_of())]
            if len({p.fact for p in side}) < len(side):
                side[:] = []        # (one fact twice: not one list of the lines)
        return side

    def _column_of_its_list(self, c: Claim, headed: bool = True) -> tuple[str, bool] | None:
        """"一般公共预算拨款支出2903.6万元，主要支出项目…包括：（一）人员经费741.6万元。主要用于…。（二）…" (items in
        sentences of their own): a head and its list's amounts, none with a column word, all but one exactly their
        facts' figures of one budget column and not the 决算数 — the list is in that column (the odd one, a slip)."""
        for s in (self._list_headed_by(c) if headed else None, self._lists_of().get(id(c))):
            if s is None:
                continue
            if id(s) not in self._list_column:
                members = [m for m in (s.of, *s.parts) if m is not None and m.kind == "level" and m.implied
                           and m.column == "final" and (m.fact in AMOUNT_PATHS or m.fact in BY_SOURCE)
                           and m.unit in MONEY and m.figure is not None]
                found = None
                for col in ("budget", "adjusted") if len(members) >= 3 else ():
                    shown = [m for m in members if self._only_in(m, col)]
                    if len(shown) >= 2 and len(shown) >= len(members) - 1:
                        found = (col, {id(m) for m in members}, {id(m) for m in shown})
                        break
                self._list_column[id(s)] = found
            found = self._list_column[id(s)]
            if found is not None and id(c) in found[1]:
                return found[0], id(c) not in found[2]
        return None

    def _head_in_budget(self, c: Claim) -> tuple[str, bool] | None:
        """"一般公共预算财政拨款收入1747.99万元，一般公共预算财政拨款支出1747.99万元。其中：基本支出695.60万元…；项目支出
        1025.39万元": an item of a 其中 list whose head's sentence is in a budget column (see _peers_column) is in it
        too — an item that is not its fact's figure there, while another item is, is the slip."""
        budget_head = self._budget_head_before(c)
        column = None if budget_head is None else ("budget" if budget_head.column == "plan" else budget_head.column)
        if budget_head is not None and (self.fact(c.fact, "final", c.unit, quiet=True) not in (None, abs(c.value)) or (
                (v := self.fact(c.fact, column, c.unit, quiet=True)) is not None and not same_figure(abs(c.value), v))):
            # "本年收入预算合计1174.50万元，其中：…上年结转资金0万元": an item of no column word under a head its words
            # name a budget is that budget's item — not its fact's 决算数 (checked where the file has the column)
            return ("budget" if budget_head.column == "plan" else budget_head.column), False
        lst = self._lists_of().get(id(c))
        head = lst.of if lst is not None else None
        if lst is None or head is None or head.sentence == c.sentence or not (head.implied and head.column == "final"):
            return None
        up = self._peers_column_of_sentence(head)
        if up is None or up[1]:
            return None
        others = [p for p in lst.parts if p is not c and p.fact in AMOUNT_PATHS and p.figure is not None]
        return up[0], any(self._only_in(p, up[0]) for p in others)

    def _budget_head_before(self, c: Claim) -> Claim | None:
        """The amount its words name a budget (年初预算, 调整预算) that opens a 其中 list the claim is in, in its sentence."""
        heads = self._budget_heads.get(c.sentence)
        if heads is None:       # (once a sentence: a sentence of thousands of amounts is not searched for each)
            heads = self._budget_heads[c.sentence] = [
                p for p in self._sentences(c.sentence) if p.kind == "level" and not p.implied and p.figure is not None
                and p.column in ("budget", "adjusted", "plan") and p.fact is not None
                and "其中" in self.text[p.figure.end:p.figure.end + 8]]
        side = (c.fact or "").split(".")[:2]
        return next((p for p in reversed(heads) if p.start < c.start and p.fact.split(".")[:2] == side), None)

    def _peers_column_of_sentence(self, c: Claim) -> tuple[str, bool] | None:
        """_peers_column of an amount from its sentence's amounts alone."""
        side = [p for p in self._sentences(c.sentence) if p.kind == "level" and p.implied and p.column == "final"
                and (p.fact in AMOUNT_PATHS or p.fact in BY_SOURCE) and p.unit in MONEY and p.figure is not None]
        if len(side) < 2 or c not in side:
            return None
        for col in ("budget", "adjusted"):
            shown = [p for p in side if self._only_in(p, col)]
            if len(shown) == len(side):
                return col, False
        return None

    def _budget_word_for_final(self, c: Claim) -> bool | None:
        """"本部门预算收入总计1362.00万元，预算支出总计1305.93万元，预算执行率95.9%": amounts under 预算 alone, two or
        more in a sentence and each exactly its fact's 决算数 and no budget column's — 预算 names the budget as
        executed (a single one may be a slip of the column, and is reported). Whether the amount is one of them (False)
        or the odd one out of three or more, no figure of its line (True); None when the sentence is no such one."""
        if c.column != "plan" or c.fact not in AMOUNT_PATHS or c.unit not in MONEY:
            return None
        said = self._sentences(c.sentence)
        # (a fact whose 决算 the sentence states too — "“三公经费”预算12.00万元、决算支出9.86万元" — sets the two apart:
        # there 预算 is the budget)
        contrasted = {p.fact for p in said if p.kind == "level" and p.column == "final" and not p.implied}
        peers = [p for p in said if p.kind == "level" and p.column == "plan" and p.fact in AMOUNT_PATHS
                 and p.unit in MONEY and p.figure is not None and p.fact not in contrasted]
        if len({p.fact for p in peers}) < len(peers) or c not in peers:
            return None
        shown = [p for p in peers if self._final_only(p)]
        if shown == [c] and self._beside_a_final(c, said):
            return False
        odd = next((p for p in peers if p not in shown), None)
        if len(shown) < 2 or len(peers) - len(shown) > 1 or (
                odd is not None and any(self._only_in(odd, col) for col in ("budget", "adjusted"))):
            return None         # (an odd one that is its budget figure: the sentence has both columns)
        return c is odd

    def _beside_a_final(self, c: Claim, said: list) -> bool:
        """"2023年我局收入总计1362.00万元，安排支出1305.93万元": one amount under 安排 (预算) beside another that is its
        决算数 — each exactly its fact's 决算数 and no budget's: the sentence is of the year as it went."""
        return any(p.kind == "level" and p.column == "final" and p.fact not in (None, c.fact) and p.figure is not None
                   and self._final_only(p) for p in said)

    def _final_only(self, p: Claim) -> bool:
        """Whether an amount is its fact's 决算数 and no budget column's — for a 总计, the year's own (本年收入合计)
        too, which some templates call 总计 (see _total_as_current)."""
        current = {v: k for k, v in WITH_CARRYOVER.items()}.get(p.fact)
        facts = [p.fact] + ([current] if current is not None and "总计" in p.label else [])
        return any(self._only_in(_Alias(p, f), "final") for f in facts)

    def _only_in(self, p: Claim | _Alias, column: str) -> bool:
        """Whether an amount is exactly its fact's figure of a column and not that of the others it may be confused
        with: a budget column's and not the 决算数 (a budget's sentence with no column word: see _peers_column,
        _budget_with_its_parts), or the 决算数 and no budget column's (_budget_word_for_final)."""
        value = self.fact(p.fact, column, p.unit, quiet=True)
        others = ("budget", "adjusted") if column == "final" else ("final",)
        return value is not None and same_figure(abs(p.value), value) and not any(
            v is not None and same_figure(abs(p.value), v)
            for v in (self.fact(p.fact, o, p.unit, quiet=True) for o in others))

    def _column_of_its_parts(self, c: Claim) -> str:
        """"我单位支出1174.50万元，较上年增长45.60万元。其中，基本支出预算700.30万元…": the head of a list whose items
        say they are budgets is a budget too — the column its figure is, where it is ("" otherwise)."""
        if not (c.implied and c.column == "final"):
            return ""
        parts = [p for p in self._sentences(c.sentence, c.sentence + 1) if p.kind == "level" and p.start > c.start
                 and p.fact is not None and c.fact is not None and p.fact != c.fact and within(c.fact, p.fact)
                 and p.column in ("budget", "adjusted", "plan") and not p.implied]
        if not parts or "其中" not in self.text[c.start:parts[0].start]:
            return ""
        return next((col for col in ("budget", "adjusted") if (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None
                     and same_figure(abs(c.value), v)), "")

    def _last_years_too(self, c: Claim):
        """Last year's figures of an amount's fact (its final and its budget): an amount that is one of them is the
        department's, written for the wrong year ("一般公共预算财政拨款收入470231.84万元", last year's budget, above
        this year's totals) — a slip to report, not another body's figure."""
        if c.kind != "level" or c.column == "prior":
            return
        for f in (c.fact, *c.alts):
            for col in ("prior", "prior_budget"):
                value = self.fact(f, col, c.unit, quiet=True)
                if value:
                    yield f, col, value

    def _prior_budget_too(self, c: Claim):
        """"2023年收入预算2,903.60万元，比2022年3,016.25万元减少112.65万元": last year's figure a budget is compared with
        may be last year's budget as well as its final — either agreeing is no contradiction (looked up only when the
        final disagrees)."""
        if c.kind != "prior" or c.column != "prior":
            return
        for f in (c.fact, *c.alts):
            value = self.fact(f, "prior_budget", c.unit)
            if value is not None:
                yield f, "prior_budget", value

    def _its_other_columns(self, c: Claim):
        """"全年累计完成项目支出1052.39万元" where 1052.39 is the 年初预算数: exactly another column's figure of the same
        fact — the department's own figure, written in the wrong column, not another body's many times off."""
        if c.kind != "level" or c.fact not in AMOUNT_PATHS or c.unit not in MONEY or decimals(c.value) < 2:
            return
        for col in ("budget", "adjusted", "final"):
            if col != c.column and (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None:
                yield c.fact, col, v

    def _budget_too(self, c: Claim):
        """"浙江大学财政拨款收入达到40.09亿元": with no column word (and no 支出, money spent), an amount may be the
        year's budget as well as its final figure — either agreeing is no contradiction. Looked up only when the
        final figure disagrees, so a budget column is not counted as used by a text that states the final one."""
        if not (c.implied and c.column == "final"):
            return
        if any(p.of is c and p.final_base and "决算" in self.text[c.figure.end:p.start]
               for p in self._sentences(c.sentence, c.sentence + 1) if p.kind in ("change", "rate")):
            # "2023年度收入合计2903.60万元，较上年决算数增加…": compared with last year's final, it is this year's final
            # (a budget is compared with last year's 执行数: "一般公共预算当年拨款…万元，比2022年执行数减少…")
            return
        # (支出 is money spent — unless the sentence spoke of a budget before it: "部门预算总收入1747.99万元，…；总支出
        # 1747.99万元")
        # (a line's name — 基本支出, 项目支出 — opening a sentence names its budget as often as its final)
        if "支出" in (c.label or "") and not self._line_opening_sentence(c) and not any(
                p.kind == "level" and not p.implied and p.column in ("budget", "adjusted", "plan") and p.start < c.start
                for p in self._sentences(c.sentence)) and not self._budget_by_its_change(c):
            return
        if _SPENT_NOW.search(clause_words(self.reading, c)):
            return      # "2023年共使用财政拨款资金3237.75万元": money spent, the final
        if any(p is not c and p.fact != c.fact and self._final_only(p) for p in self._side_by_side(c.sentence)):
            return      # "2023年度收入总计1326.80万元，支出总计1362.00万元": beside a 决算数, of no column word either
        for f in (c.fact, *c.alts):
            for col in ("budget", "adjusted"):
                value = self.fact(f, col, c.unit)
                if value is not None:
                    yield f, col, value

    def _budget_by_its_change(self, c: Claim) -> bool:
        """"2023年度一般公共预算拨款支出2903.60万元，比上年增加67.20万元" (a budget's account): an amount that is exactly its
        fact's 年初预算数, whose change (or rate) stated after it is exactly that budget against last year's — two figures
        that agree on the budget: the amount is it, 支出 or not."""
        budget = self.fact(c.fact, "budget", c.unit, quiet=True)
        # (a source's spending: last year's budget of that source's income — a budget spends what it brings in — or of
        # all spending, where the file has only that)
        facts = (c.fact, *c.alts, *((f"finance.income.{BY_SOURCE[c.fact]}", "finance.expenditure.current")
                                    if c.fact in BY_SOURCE else ()))
        before = next((v for f in facts if (v := self.fact(f, "prior_budget", c.unit, quiet=True)) is not None), None)
        if budget is None or before is None or abs(c.value) != budget:
            return False
        # (or the rate stated with it: "支出2,903.60万元，较上年增加732.35万元，增长2.46%" — 2.46% is on last year's budget,
        # whatever the change says)
        return any(p.of is c and p.against in (None, "prior") and (
            (p.kind == "change" and sum_consistent(p.value, [budget, -before]))
            or (p.kind == "rate" and before > 0 and rate_fits((budget - before) / before * 100, p.value)))
            for p in self._sentences(c.sentence))

    def _both_sides(self, c: Claim) -> list:
        """The income and the spending fact an amount named for both sides is of ("收、支总计均为…", "收支总计"), or []."""
        label = c.label or ""
        if not ("收、支" in label or "收支" in label) or c.fact is None or not c.implied:
            return []
        other = next((a for a in c.alts if a.split(".")[:2] != c.fact.split(".")[:2]), None)
        return [c.fact, other] if other is not None else []

    def _line_opening_sentence(self, c: Claim) -> bool:
        """"基本支出695.60万元，比2022年减少16.85万元": a line of spending by its kind (基本支出, 项目支出) whose amount opens
        its sentence, no part of a list."""
        if c.fact not in ("finance.expenditure.basic", "finance.expenditure.project", "finance.expenditure.personnel",
                          "finance.expenditure.public"):
            return False
        first = next((p for p in self._sentences(c.sentence) if p.figure is not None and p.kind in ("level", "prior", "sum")),
                     None)
        return first is c
