"""A share (占…%): of which amount, of which whole — the whole named, an amount the same words stated earlier,
the head of the list, or the total named just before (_Shares)."""
from __future__ import annotations

from decimal import Decimal

from ...core.numbers import same_figure
from .claim import OTHER_SUBJECT, WHOLE_IN_SHARE, Claim
from .parts import NATURAL_WHOLES, PARENT, WITH_CARRYOVER, within
from .patterns import _HAN_RUN, FUNCTION, _content
from .state import _Lead, _Scope, _State
from .tokens import CLOSE, MONEY, OPEN, Token

# the words between a name and its amount: "采购合同总额为250万元"
_NAMING_VERBS = ("共计为", "合计为", "总计为", "达到", "共计", "合计", "总计", "为", "是", "达", "计", "：", ":")


# words for a whole that some reports use with the carry-over and some without ("占总收入的78.89%")
EITHER_TOTAL = frozenset({"总收入", "收入总额", "收入决算总额", "收入总量", "总支出", "支出总额", "支出决算总额", "支出总量"})
_TOTALS = frozenset({*WITH_CARRYOVER, *WITH_CARRYOVER.values()})
NO_WHOLE = "没有说明占的是哪个总数"


class _Shares(_State):
    """Shares and their wholes."""

    def _share(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A share: of which amount (the part), of which whole — or left unread with the reason."""
        if self._share_of_no_amount(tok, lead):
            return None
        part, why = self._share_part(lead, scope)
        if part is None:
            return self._unread(tok, why)
        if len(lead.wholes) >= 2 and self._series_length(tok) == len(lead.wholes):
            # "占本部门财政拨款支出和基本支出的比重分别为1.0%和4.4%": of the first whole, the next of the next
            (lead.whole, lead.whole_word), *rest = lead.wholes
            self.pending_wholes = [(part, fact, words) for fact, words in rest]
        whole, whole_from, why, either = self._share_whole(tok, lead, part)
        if why == NO_WHOLE and part.figure is not None and part.money:
            self.unnamed_shares.append((tok, part))     # (of the sum of a series, perhaps: _shares_of_their_sum)
        if why:
            return self._unread(tok, why)
        self._part_of_a_budget(part, lead)
        column = lead.exec_col or part.column
        lst = self.list if self.list is not None and part in self.list.parts else None
        each = self.each_claims if len(self.each_claims) >= 2 else self._parts_in_turn(tok)
        if len(each) >= 2 and part is each[-1] and all(c.money and c.kind in ("level", "prior") for c in each):
            # "A、B分别为x和y，占…的p%和q%": the shares are of the parts in turn
            part, self.pending_shares, self.each_claims, self.each_parts = each[0], each[1:], [], list(each)
            self.each_share = (whole, whole_from, column)
        claim = Claim("share", tok, part.fact, of=part, whole=whole, whole_from=whole_from,
                      column=column, sentence=self.sentence, implied=either)
        if self.share_whole_alts:
            claim.whole_alts, self.share_whole_alts = self.share_whole_alts, ()
        outer = (lst.outer or lst.within) if lst is not None and whole_from is lst.head else None
        if outer is not None and outer.head.figure is not None:
            # "财政拨款收入4032.78万元（其中：一般公共预算财政拨款收入3412.78万元，占84.37%；…）": an inner item's share
            # may be of the outer list's head too (the 收入决算表 gives every line's share of the whole)
            up = outer.outer or outer.within
            while up is not None and up.head.figure is not None:
                outer, up = up, up.outer or up.within
            claim.other = outer.head
        self.out.claims.append(claim)
        if lst is not None:
            lst.shares.append((claim, lead.whole))

    def _shares_of_their_sum(self) -> None:
        """"按支出用途分类，包括人员支出736.85万元，占25.4%；日常公用支出38.35万元，占1.3%；项目支出2128.40万元，占73.3%"
        (after "支出预算2903.60万元"): shares of no whole named, two or more in a sentence, whose amounts add up exactly to
        an amount the text stated before them — the shares are of that amount (a check of the text against itself)."""
        by_sentence: dict[int, list] = {}
        for tok, part in self.unnamed_shares:
            by_sentence.setdefault(part.sentence, []).append((tok, part))
        for sentence, series in by_sentence.items():
            # (with the shares of the sentence read already: "项目支出2128.40万元，占73.3%" is of 本年支出合计 by itself)
            parts = [p for _, p in series] + [c.of for c in self.out.claims if c.kind == "share" and c.sentence == sentence
                                               and c.of is not None and c.of.figure is not None and c.of.money]
            if len(parts) < 2 or len({id(p) for p in parts}) < len(parts):
                continue
            total = sum((abs(p.value) * MONEY[p.unit] for p in parts), Decimal(0))
            first = min(p.start for p in parts)
            whole = next((c for c in reversed(self.out.claims) if c.kind == "level" and c.money and c.figure is not None
                          and c.start < first and c not in parts and same_figure(abs(c.value) * MONEY[c.unit], total)),
                         None)
            if whole is None:
                continue
            taken = {id(tok) for tok, _ in series}
            self.out.unread[:] = [u for u in self.out.unread if id(u.figure) not in taken]
            for tok, part in series:
                self.out.claims.append(Claim("share", tok, part.fact, of=part, whole=None, whole_from=whole,
                                             column=part.column, sentence=part.sentence, summed_whole=True))

    def _part_of_a_budget(self, part: Claim, lead: _Lead) -> None:
        """"（二）商品和服务支出80.00万元，占支出预算的6.81%": a part of a budget is a budget's line — an amount of no
        column word right before its share of one is in that column."""
        if part.implied and part.kind == "level" and part.column == "final" and lead.exec_col == "plan" \
                and not self._spent_before(part):
            part.column, part.implied = lead.exec_col, False

    def _spent_before(self, part: Claim) -> bool:
        """Whether the words of the amount's clause say it was spent or done ("全年项目支出完成574.68万元"): its share
        of a budget is how much of the budget was carried out, not a part of it."""
        return part.figure is not None and self.cues.done.search(self._clause_before(part.figure.start)) is not None

    def _share_of_no_amount(self, tok: Token, lead: _Lead) -> bool:
        """A percentage after 占 that is no share of an amount (read here, or left unread: True)."""
        if lead.total and not lead.label:
            # "比例分别为23.59%及76.41%，合计占支出100%": the shares of the parts added up, not a share of one
            self._unread(tok, "是各项占比的合计，不是哪一项的占比")
            return True
        last = self.last_claim
        if lead.whole == "department.staffing.posts_total" and last is not None and last.kind == "count" \
                and last.fact == "department.staffing.serving" and last.sentence == self.sentence and not self.scope.blocked:
            # "我局共有在职人员23人，…，占核定编制的95.83%": the serving against the posts — the staff control rate
            self.out.claims.append(Claim("execution", tok, last.fact, sentence=self.sentence, label=last.label,
                                         as_share=True))
            return True
        return False

    def _share_part(self, lead: _Lead, scope: _Scope) -> tuple[Claim | None, str]:
        last = self.last_claim
        named = self._named_otherwise(lead, last)
        if named:
            return None, f"占比前的“{named}”不在词表中，说的是哪一项的占比不确定"
        part = last if last is not None and last.kind in ("level", "prior") and last.money \
            and last.sentence == self.sentence and not lead.label else None
        account = self._account_part(lead, part)
        if account is not None:
            return account, ""
        part = self._amount_before_base(part)
        if part is not None and part.fact is None and part.year not in (None, self.year):
            # "海关总署…2009年度预算支出共计…万元，占部门预算支出总额的69.78%": another year's amount, of its own whole
            return None, "占比前的金额是别的年份的"
        if part is not None and self._unread_since(part):
            # "…57.49万元，占31.42%；项目支出约为7万元，占3.83%": the amount right before the share was left unread
            # (an approximate figure, another subject's): the share is of that amount, not of the one before it
            return None, "占比前的金额没有读作说法，说的是哪一项的占比不确定"
        if part is None and not lead.label and last is not None and last.kind == "change" \
                and last.sentence == self.sentence and last.fact == scope.subject and not scope.blocked:
            # "支出合计X万元，较上年减少Y万元，下降p%，占支出总计的q%": the share is of the amount, not the change
            part = self._level_of(last.fact)
            part = part if part is not None and part.money and part.figure is not None else None
        if part is None and lead.label and not scope.blocked and not lead.unknown:
            # "…合计1000万元，人员经费比重为60.0%": the part is the fact named right before the share
            # "流动资产占资产总额的36.94%": the part is the fact its label names
            part = Claim("level", None, lead.label, column=scope.column or "final", unit="万元", value=None,
                         sentence=self.sentence)
        return part, "" if part is not None else "占比前没有可核对的金额"

    def _account_part(self, lead: _Lead, part: Claim | None) -> Claim | None:
        """"上级补助收入0万元，占收入总计的0.12%": the amount of a line of accounts the file has no figure for, right before
        a share of a whole the department's words name, is its part (None when it is not the one right before)."""
        account = self.account_amount
        if account is None or account.sentence != self.sentence or lead.label or self.aside \
                or (lead.whole is None and (lead.share_unknown or self.list is not None)) \
                or (part is not None and part.start > account.start):
            return None
        return account

    def _amount_before_base(self, base: Claim | None) -> Claim | None:
        """"…收入为7532.81万元，比上年的6258.40万元增长20.36%，占收入总计的比例为99.88%": a base stated after 比 is no part
        — the share is of this year's amount before it (None when the sentence states none). Any other part as it is."""
        if base is None or base.kind != "prior" or not base.compared or base.fact is None:
            return base
        now = self._level_of(base.fact)
        return now if now is not None and now.money and now.sentence == self.sentence and now.figure is not None \
            and now.start < base.start else None

    def _named_otherwise(self, lead: _Lead, last: Claim | None) -> str:
        """"其中生态护林员补助412万元、防火隔离带建设156.80万元，重点支出占项目支出的67.49%": the share of something its
        clause names by words the vocabulary does not know, not of the amount before it — those words, or ""."""
        named = self._named_before_share(lead)
        if named and not lead.label and not lead.figure and last is not None and last.figure is not None \
                and self._clause_after(last.figure.end) and not self._same_thing(named, last):
            return named
        return ""

    def _named_before_share(self, lead: _Lead) -> str:
        """The words before 占 in its clause that the vocabulary does not know ("重点支出占…"), or ""."""
        if lead.share_from < 0:
            return ""
        start = max(self.text.rfind(ch, max(0, lead.share_from - 24), lead.share_from) for ch in "，,；;：:。") + 1
        zhan = self.text.find("占", start, lead.share_from)       # (the first share word: "占本年支出合计的比重为")
        end = zhan if zhan >= 0 else lead.share_from
        runs = [m.group() for m in _HAN_RUN.finditer(self.text, start, end) if not FUNCTION.issuperset(m.group())]
        return "".join(runs)

    def _same_thing(self, named: str, last: Claim) -> bool:
        """"授予中小企业合同金额为83.70万元，授予中小企业合同总金额占…的48.9%": the words name the amount before again."""
        before = self.text[max(0, last.start - 24):last.start]
        return any(named[i:i + 4] in before for i in range(max(1, len(named) - 3)))

    def _clause_after(self, end: int) -> bool:
        """Whether a clause mark (，；：) stands between `end` and the current token: the share is in a clause of its own."""
        return any(ch in self.text[end:self.tokens[self.index].start] for ch in "，,；;：:")

    def _share_whole(self, tok: Token, lead: _Lead, part: Claim) -> tuple[str | None, Claim | None, str, bool]:
        """(the whole's fact, or the claim stating it, or the reason it is not known; and whether the whole may
        be either of the department's totals, with the carry-over or without: no word names it, or the word
        some reports use for either — "占68.34%", "占总收入的78.89%")."""
        if lead.whole is not None:
            return self._whole_named(lead, part)
        if lead.share_unknown:
            # "采购合同总额为250万元。…小微企业合同金额为200万元，占采购合同总额的80.0%": the whole is the amount the
            # same words stated earlier in the text — a check of the text against itself
            named = self._named_amount(lead, tok, part)
            if named is None:
                return None, None, f"占的总数（“{lead.share_unknown}”）不在词表中", False
            return None, named, "", False
        if self.list is not None and part in self.list.parts and self.list.head.figure is not None:
            return None, self.list.head, "", False
        return self._whole_not_named(part)

    def _whole_named(self, lead: _Lead, part: Claim) -> tuple[str | None, Claim | None, str, bool]:
        """The whole the words after 占 name (see _share_whole)."""
        blocked = self.scope.blocked
        if part.fact is None and blocked and not self._of_account() and (
                self.cues.bodies.not_local.search(blocked) or self.cues.bodies.unit_kind.search(blocked)
                or self.blocked_first):
            # "全国人大…收入共计X万元。1.财政拨款收入Y万元，占总收入的68.6%": another body's amount, of its own total
            # (as in a sentence another body opens: "县总工会2023年…支出X万元，占本年支出合计的p%")
            return None, None, f"{OTHER_SUBJECT}（“{self.scope.blocked}”）的总数", False
        either = lead.whole_word in EITHER_TOTAL
        head = self.list.head if self.list is not None and part in self.list.parts else None
        if either and head is not None and head.figure is not None \
                and not any(c.kind == "share" and c.of is head for c in self.out.claims[-64:]):
            # "财政拨款支出总计为237,100.00万元，其中基本支出199,015.13万元，占总支出的83.94%": 总支出 may be
            # the list's own head as well as the department's total — either holds (not where the head is itself
            # a share of that whole: "本年收入合计678.32万元，占总收入99.40%，包括…")
            return lead.whole, head, "", not self._total_stated()
        stated = self._stated_total() if either and self.list is None else None
        if stated is not None:
            # "收入总计430,725.03万元，财政拨款收入243,015.38万元，占收入总额56.42%": the total this sentence
            # stated, whatever the table calls it
            return lead.whole, stated, "", False
        return lead.whole, None, "", either and not self._total_stated()

    def _whole_not_named(self, part: Claim) -> tuple[str | None, Claim | None, str, bool]:
        """The whole of a share no words name: the total named before, a sibling's, the natural one (see
        _share_whole)."""
        # "“三公”经费支出决算中，公务接待费9.84万元，占19.52%": the total named just before; or the whole of
        # a share of the same total's other part ("基本支出…，占32.12%。…项目支出…，占67.88%"), as open as that one's
        parent = self._named_parent(part.fact)
        if parent is not None:
            # (of a total further up too, where the parent was named in a clause before the part's: "基本支出731.25万元，
            # …；人员经费648.90万元，增长7.7%，占比49.7%" — of 基本支出, or of all the spending)
            self.share_whole_alts = self._totals_above(parent) if self._named_before_clause(parent) else ()
            return parent, None, "", False
        sibling = self._sibling_share(part.fact) or self._series_share(part.fact)
        if sibling is not None:
            return sibling.whole, None, "", sibling.implied
        whole = self._natural_whole(part) or self._whole_said_before_list(part) or self._natural_whole_of_label(part)
        return whole, None, "" if whole is not None else NO_WHOLE, True

    def _natural_whole_of_label(self, part: Claim) -> str | None:
        """"项目支出占比上升到87.07%": a part named by its label alone, in a sentence of no amount, whose only whole is
        one of the department's totals — that total."""
        parent = PARENT.get(part.fact) if part.fact is not None and part.figure is None else None
        if parent not in NATURAL_WHOLES or self.scope.blocked or self.amounts_in_sentence:
            return None
        return parent

    def _whole_said_before_list(self, part: Claim) -> str | None:
        """"我局财政拨款支出增速49.1%，其中项目支出占比达23.6%": a part named by its label alone after 其中, in a
        sentence that said something of the part's whole before the 其中 — that whole."""
        if part.fact is None or part.figure is not None or self.scope.blocked:
            return None
        said = [c for c in self.out.claims[-16:] if c.sentence == self.sentence and c.figure is not None
                and c.fact is not None and within(c.fact, part.fact)]
        at = self.tokens[self.index].start
        return said[-1].fact if said and "其中" in self.text[said[-1].figure.end:at] else None

    def _stated_total(self) -> Claim | None:
        """The one amount of a department's total this sentence stated, if one."""
        totals = [c for c in self.levels[-16:] if c.kind == "level" and c.sentence == self.sentence
                  and c.fact in _TOTALS and c.figure is not None and c.money]
        return totals[0] if len(totals) == 1 else None

    def _total_stated(self) -> bool:
        """Whether this sentence stated one of the department's totals (or heads a list): "占总支出的…" is of it."""
        return self.list is not None or any(c.kind == "level" and c.sentence == self.sentence and c.fact in _TOTALS
                                            for c in self.levels[-16:])

    def _natural_whole(self, part: Claim) -> str | None:
        """"基本支出820.30万元，占68.34%": no whole named, right after an amount whose only whole is one of the
        department's totals (本年收支合计, or with the carry-over; “三公”经费) — that total. Not so for the parts of
        a part ("人员经费…，占…%": of 基本支出 or of all spending, the text does not say)."""
        parent = PARENT.get(part.fact) if part.fact is not None and part.figure is not None else None
        return parent if parent in NATURAL_WHOLES and part is self.last_claim and not self.scope.blocked else None

    def _unread_since(self, part: Claim) -> bool:
        """Whether an amount of this sentence after `part`, outside brackets, was left unread."""
        # (not the whole's amount written inside the share: "占当年支出合计2528.91万元的46.68%")
        unread = [u for u in self.out.unread[-2:] if u.why != WHOLE_IN_SHARE]
        last = unread[-1].figure if unread else None
        if last is None or last.start <= part.start or last.start < self.sentence_start or last.unit not in MONEY:
            return False
        between = self.text[part.start:last.start]
        return sum(between.count(c) for c in OPEN) <= sum(between.count(c) for c in CLOSE)

    def _named_amount(self, lead: _Lead, tok: Token, part: Claim) -> Claim | None:
        """The one earlier amount of the text written right after the words a share names its whole by
        ("采购合同总额为250万元。…占采购合同总额的80.0%"), or None."""
        if lead.share_at < 0 or part.figure is None or part.unit not in MONEY or tok.start - lead.share_at > 24:
            return None
        words = self.text[lead.share_at:tok.start].strip(" \t\u3000")
        words = words[:-1] if words.endswith("的") else words
        if len(words) < 4 or not _HAN_RUN.fullmatch(words) or FUNCTION.issuperset(words):
            return None
        # the words before 占 ("…，小微企业合同金额占…") must name the part, as the words before its amount did
        said = _content(self._clause_before(lead.share_from))
        if said and not _content(self._clause_before(part.start)).endswith(said):
            return None
        found = []
        for c in self.amounts[-64:]:        # the text's last amounts: a bounded look back
            if c is part or c.start >= part.start or c.unit not in MONEY:
                continue
            before = self.text[max(0, c.start - len(words) - 4):c.start].rstrip(" \t\u3000")
            for verb in _NAMING_VERBS:
                if before.endswith(verb):
                    before = before[:-len(verb)]
                    break
            if before.endswith(words):
                found.append(c)
        return found[0] if len(found) == 1 else None

    def _share_of_next_whole(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """The next share of one part in a series of its wholes (see _share)."""
        part, lead.whole, lead.whole_word = self.pending_wholes.pop(0)
        lead.share, self.last_claim = True, part
        self._share(tok, lead, scope)

    def _each_share(self, tok: Token) -> None:
        part = self.pending_shares.pop(0)
        whole, whole_from, column = self.each_share
        self.out.claims.append(Claim("share", tok, part.fact, of=part, whole=whole, whole_from=whole_from,
                                     column=column, sentence=self.sentence))

    def _sibling_share(self, fact: str | None) -> Claim | None:
        """The share of the same total's other part, stated just before ("基本支出…，占32.12%。…项目支出…")."""
        parent = PARENT.get(fact) if fact is not None else None
        if parent is None:
            return None
        for c in reversed(self.out.claims[-64:]):
            if c.kind == "share" and c.whole == parent and c.fact != fact and PARENT.get(c.fact) == parent \
                    and c.sentence >= self.sentence - 3:
                return c
        return None

    def _series_share(self, fact: str | None) -> Claim | None:
        """"工资福利支出1898.36万元，占本年支出的55.34%；商品和服务支出596.42万元，占17.39%": the share just before in the
        sentence named its whole, and this part is of that whole too (not a part of that share's part)."""
        last = next((c for c in reversed(self.out.claims[-16:]) if c.kind == "share"), None)
        if fact is None or last is None or last.sentence != self.sentence or last.whole is None \
                or last.whole_from is not None or last.whole == fact or not within(last.whole, fact) \
                or (last.fact is not None and within(last.fact, fact)):
            return None
        return last

    @staticmethod
    def _totals_above(fact: str) -> tuple:
        """The department's totals that hold `fact` (its parent's parent and on, to the natural wholes)."""
        out = []
        up = PARENT.get(fact)
        while up is not None:
            if up in NATURAL_WHOLES:
                out.append(up)
            up = PARENT.get(up)
        return tuple(out)

    def _named_before_clause(self, fact: str) -> bool:
        """Whether the last mention of `fact` this sentence made is in a clause before the current one."""
        at = self.tokens[self.index].start
        start = max(self.text.rfind(ch, max(0, at - 60), at) for ch in "，,；;。")
        said = [c for c in self.out.claims[-16:] if c.fact == fact and c.figure is not None and c.kind == "level"]
        return bool(said) and said[-1].figure.end < start

    def _named_parent(self, fact: str | None) -> str | None:
        """The nearest total of `fact` named in this sentence or the one before."""
        named = self.mentioned | self.prev_mentioned
        while fact is not None:
            fact = PARENT.get(fact)
            if fact in named:
                return fact
        return None
