"""Statements whose arithmetic is checked on the text itself, whoever's figures they are: a change between two
columns, a growth rate of two years' amounts or of an amount and its change, an execution rate of two amounts,
a change from a base the file does not have (_Stated)."""
from __future__ import annotations

import re

from .claim import Claim
from .patterns import _YEAR_IN, _content
from .state import _Lead, _Scope, _State
from .tokens import BASE_BEFORE, CLAUSE, CLOSE, MONEY, OPEN, SENTENCE, Token, in_brackets

# "由年初预算A调整为B，调增C": the words between the two amounts, between the second and the change, and before the first
_FROM_TO = re.compile(r"[ \t\u3000]*(?:调整为|调整到|调整至|调增为|调减为|增加到|增加至|减少到|减少至|增至|减至|提高到|提高至|"
                      r"降至|降低到|降低至|变为)[ \t\u3000]*")
_CLAUSE_GAP = re.compile(r"[ \t\u3000]*[，,]?[ \t\u3000]*(?:共|累计|净)?(?:调增|调减|增加|减少|增长|下降|增|减)?[ \t\u3000]*")
_FROM = re.compile("由|从")
# "…2万元，较2022年预算1.50万元增长…": between this year's amount and last year's, the words naming it the base
# (the year's own digits are checked by the caller); and between that base and the rate, only the direction
_BASE_NAMED = re.compile(r"[ \t\u3000]*[，,]?[ \t\u3000]*(?:较|比)[ \t\u3000]*(?:(?:19|20)[0-9]{2}[ \t\u3000]*年度?|上年度?|去年)"
                         r"(?:同期)?的?(?:年初预算|预算|决算|执行|实际支出|支出)?数?(?:为)?[ \t\u3000]*")
_ONLY_DIRECTION = re.compile(r"[ \t\u3000]*(?:增长|下降|增加|减少|上升|降低)了?(?:幅度)?为?[ \t\u3000]*")


def _stage(words: str) -> int | None:
    """Where a column word puts an amount in the year's course: 0 年初预算, 1 调整预算, 2 执行数 — None if the words name
    no single one (a clause of its own words: "年初预算1747.99万元")."""
    found = {i for i, names in enumerate(_STAGES) if any(n in words for n in names)}
    return found.pop() if len(found) == 1 else None


# what a region counts in all (revenue, spending, output, trade, investment): its growth rates are often on a comparable
# footing the sentence does not state
_AGGREGATE = re.compile("收入|支出|GDP|生产总值|增加值|零售|产值|投资|税|外贸|进出口|出口|进口|规上|规模以上|全国|全省|全市|全县|全区|全州|全镇|全乡|各|地方|中央|上级|本级")
_STAGES = (("年初预算", "年初预算数"), ("调整预算", "调整后预算", "全年预算"), ("执行数", "决算数", "决算", "实际支出"))
# an execution rate's name and its verb right before the figure: "执行率为", "执行率达到"
_RATE_IS = re.compile(r"执行率[ \t\u3000]*(?:为|是|达到|达)[ \t\u3000]*$")
# a sentence opening with the comparison, naming (or not) again what it compares: "与2022年度相比，X增加"
_RESTATED = re.compile(r"[ \t\u3000]*(?:(?:与|同|和)[ \t\u3000]*(?:上年度?|去年|(?:19|20)[0-9]{2}[ \t\u3000]*年度?)"
                       r"[ \t\u3000]*(?:同期)?(?:相比|比较)[ \t\u3000]*[，,]?[ \t\u3000]*"
                       r"(?P<name>[\u4e00-\u9fff“”\"]{0,20}?)"
                       # "…3118.29万元，主要用于…。较2022年决算数增加3097.36万元": no name, the base's year and column
                       # ("…128.00万元，主要用于…。比上年执行数减少12.60万元": a budget's base, last year's execution)
                       r"|(?:较|比)[ \t\u3000]*(?:上年度?|去年|(?:19|20)[0-9]{2}[ \t\u3000]*年度?)(?:同期)?"
                       r"(?:决算数?|实际支出数?|(?:预算)?执行数?|预算数?)?)"
                       r"[ \t\u3000]*(?:增加|减少|增长|下降|上升|降低)了?[ \t\u3000]*$")
# words that say an amount was paid out or spent ("已完成拨付2113.63万元", "实际支出…"): the amount an execution rate
# is of, when a sentence states it with the whole it is a rate of (checked as written text, not read as tokens)
_COMPLETED = frozenset({"完成", "达到", "达"})
_SPENT = ("拨付", "支付", "支出", "使用", "执行", "兑付", "发放", "完成", "报账", "采购")
# words before the whole that make it not the base of such a rate: the budget at the start of the year (the rate
# may be of the adjusted budget), last year's amount, an amount already paid or spent itself ("已拨付…"), or an
# investment, which may span years (the rate is then of the year's plan)
_NOT_WHOLE = ("年初", "上年", "去年", "同期", "已", "实际", "累计", "投资")
# words that make an amount a budget or an allotment, even where a word for spending stands beside them ("安排支出")
_BUDGETED = ("预算", "计划", "下达", "安排", "总额", "共计", "合计", "资金总额")


# between an amount and its share: "，占支出总预算" (a clause of its own, naming the whole)
_SHARE_CLAUSE = re.compile(r"[ \t\u3000]*[，,][ \t\u3000]*占[\u4e00-\u9fff“”]{0,16}[ \t\u3000]*(?:的)?[ \t\u3000]*")
# "增加54万元（去年预算数为0万元，无法计算增减比率）": last year's figure, in a bracket right after the change
_BASE_IN_BRACKET = re.compile(r"[ \t\u3000]*[（(][ \t\u3000]*(?:去年|上年|上一年)度?(?:同期)?(?:预算数?|执行数?|决算数?|支出数?)?(?:为|是)?"
                              r"[ \t\u3000]*")


class _Stated(_State):
    """Arithmetic of the figures a sentence writes, checked on the text itself."""

    def _base_in_bracket(self, tok: Token) -> bool:
        """"灾害风险防治（项）支出45万元，与上年相比增加54万元（去年预算数为0万元，无法计算增减比率）": last year's figure
        in a bracket right after a change kept by _stated_change — the change is checked as the difference of the two
        amounts written (PROSE-CHANGE). Claimed (True) or not."""
        if self.stated_change is None or tok.unit not in MONEY:
            return False
        level, change = self.stated_change
        if change.kind != "change" or change.figure is None or level.figure is None or change.sentence != self.sentence \
                or level.unit not in MONEY or _BASE_IN_BRACKET.fullmatch(self.text, change.figure.end, tok.start) is None:
            return False
        self.stated_change = None
        self.out.claims.append(Claim("difference", change.figure, None, other=(level, Claim("level", tok, None, sentence=self.sentence)),
                                     sentence=self.sentence, as_change=True, value=change.value))
        self._unread(tok, "括号中写明的上年数：其前的增减额按写明的两个数之差核对")
        return True

    def _other_base(self, tok: Token, lead: _Lead, fact: str, rate_base: bool) -> str:
        """"2023年年初预算收入7031.72万元，比2022年年初预算收入2724.44万元增加4307.28万元": a base the file does
        not have, stated with its figure — the change after it is the difference of the two figures stated, and
        whatever else the sentence measures from that base is not measured from the file's."""
        self._budget_level(lead, fact)      # "…12万元，较上年预算数10万元增加…": the 12 is this year's budget
        left = self.last_money
        if not rate_base and left is not None and left.figure is not None and left.sentence == self.sentence \
                and left.money and tok.unit in MONEY:
            self.scope.base = "other"
            self.other_base = (Claim("level", tok, None, sentence=self.sentence), left, self.figures)
            return "（其后的增减额按写明的两个数之差核对）"
        if lead.base == "prior_budget" and (left is None or left.sentence != self.sentence):
            # "2023年基本支出预算比2022年基本支出预算619.2万元增加165万元": no amount of this year's in the sentence —
            # the change is this year's budget against last year's, as the file has them (the stated base is
            # checked against the file's)
            return ""
        self.scope.base = "other"
        return ""

    def _other_change(self, tok: Token, lead: _Lead) -> None:
        """The change right after a base the file does not have: checked as the difference of the two figures (and kept
        for the growth rate right after it: "比上年预算80.60万元减少5.15万元，下降6.4%", see _stated_rate)."""
        base, left, _ = self.other_base  # type: ignore[misc]  # its caller checks it is set
        self.other_base = None
        said = Claim("difference", tok, None, other=(left, base), sentence=self.sentence, as_change=True,
                     value=tok.value * lead.dir)
        self.out.claims.append(said)
        self.stated_change = (left, said)

    def _two_years_rate(self, tok: Token, lead: _Lead) -> None:
        """"2022年当年预算执行数为711.34万元，2023年预算安排738.66万元，比2022年预算执行数增加3.84%": the sentence
        states last year's amount and this year's, each after its year, then the rate of the one on the other —
        whoever's they are, the rate is (this − last) ÷ last. Only where the words leave no doubt: exactly two
        amounts before the rate in the sentence, their years written, and the rate compared with last year."""
        recent = self.tokens[max(0, self.index - 40):self.index]      # (bounded: a hostile sentence stays linear)
        amounts = [t for t in recent if t.start >= self.sentence_start and t.kind == "num" and t.unit in MONEY]
        if len(amounts) != 2 or not (lead.rate or lead.dir):
            return
        before, now = amounts
        years = [self._year_before(t.start, lo) for t, lo in ((before, self.sentence_start), (now, before.end))]
        between = self.text[now.end:tok.start]
        if years[0] == self.year and years[1] in (None, self.year - 1) \
                and _BASE_NAMED.fullmatch(self.text, before.end, now.start) and _ONLY_DIRECTION.fullmatch(between):
            # "培训费2023年预算2万元，较2022年预算1.50万元增长75%": this year's amount, then last year's as the base
            before, now = now, before
        elif years != [self.year - 1, self.year] or not re.search(rf"[比较].{{0,4}}(?:{self.year - 1}|上年|去年)", between):
            return
        if self.out.unread and self.out.unread[-1].figure is tok:
            self.out.unread.pop()           # read after all
        self.out.claims.append(Claim("rate", tok, None, value=tok.value * (lead.rate or lead.dir),
                                     of=Claim("level", now, None, sentence=self.sentence), label="同一句写明的两年的数",
                                     base=Claim("prior", before, None, sentence=self.sentence), sentence=self.sentence))

    def _after_two_years(self, tok: Token) -> bool:
        """"2023年“三公”经费支出14.36万元，2022年支出15.82万元，减少1.46万元", "本年度…，上年度为15.82万元，下降9.23%":
        a change right after last year's amount of a fact whose amount this year the sentence stated before it —
        this year's change from last year."""
        prior = self.last_claim
        figure = prior.figure if prior is not None else None
        if prior is None or figure is None or prior.kind != "prior" or prior.sentence != self.sentence \
                or prior.fact is None:
            return False
        start = figure.start
        if self._figure_before(tok) is not figure:
            return False
        return any(c.kind == "level" and c.fact == prior.fact and c.sentence == self.sentence and c.column == "final"
                   and c.figure is not None and c.figure.end <= start for c in self.levels[-16:])

    def _year_before(self, at: int, lo: int) -> int | None:
        """The year written last between `lo` and `at` (in the clause of the figure at `at`)."""
        found = None
        for m in _YEAR_IN.finditer(self.text, lo, at):
            found = int(m.group(1))
        return found

    def _stated_change(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """"本部门机关运行经费安排312.23万元，比上年增加15.18万元，增长5.11%": an amount the file has no fact for
        (or compared with a base it lacks), its change and then its growth rate — whoever's they are, the rate is
        the change ÷ (the amount − the change). The change is kept for the rate right after it (_stated_rate);
        only where the words leave no doubt: the amount right before the change, nothing but 比上年增加 between."""
        self.stated_change = None
        if self._column_change(tok, lead, scope) or self._from_to_change(tok, lead):
            return
        # (a line of the department's accounts states its own amount and change: checked against each other)
        if (scope.blocked and not self._of_account() and not self._own_arithmetic(scope)) or not lead.dir or lead.label \
                or lead.unknown or lead.other_fact or lead.to_level \
                or lead.share or lead.exec or lead.diff or lead.op or tok.unit not in MONEY:
            return
        if self.last_claim is not None and self.last_claim.kind == "prior" and self.last_claim.sentence == self.sentence:
            return                  # "…上年度为15.82万元，减少1.46万元": the amount before is last year's
        level = self._amount_changed(tok)
        if level is None:
            return self._change_from_stated_base(tok, lead)
        if level.value == 0 and any(lst is not None and any(p.figure is level for p in lst.parts)
                                    for lst in (self.list, self.ended)):
            return          # ("其中：…、上年结转0.00万元，较上年减少202.20万元": nought is the last item — the change the head's)
        found = next((c for c in self.out.claims[-8:] if c.figure is level and c.fact is not None), None)
        self.stated_change = (found or Claim("level", level, None, sentence=self.sentence),
                              Claim("change", tok, None, value=tok.value * lead.dir, sentence=self.sentence))

    def _from_to_change(self, tok: Token, lead: _Lead) -> bool:
        """"全镇调入资金由年初预算39497.37万元调整为39069.73万元，调减427.64万元": the two amounts the words say the
        change is from and to, right before it — the change is the one less the other, whoever's they are (plain
        arithmetic the text states: no footing to doubt). Claimed (True) or not."""
        if not lead.dir or tok.unit not in MONEY:
            return False
        to = self._figure_before(tok)
        if to is None or to.unit not in MONEY or _CLAUSE_GAP.fullmatch(self.text, to.end, tok.start) is None:
            return False
        start = self._figure_before_token(to)
        if start is None or start.unit not in MONEY or _FROM_TO.fullmatch(self.text, start.end, to.start) is None \
                or _FROM.search(self.text, max(self.sentence_start, start.start - 16), start.start) is None:
            return False
        found = {id(c.figure): c for c in self.out.claims[-8:] if c.figure is not None}
        if any(c.kind == "change" and c.figure is tok for c in self.out.claims[-4:]):
            return False
        now = found.get(id(to)) or Claim("level", to, None, sentence=self.sentence)
        before = found.get(id(start)) or Claim("prior", start, None, sentence=self.sentence, compared=True)
        change = Claim("change", tok, None, value=tok.value * lead.dir, of=now, base=before, sentence=self.sentence)
        self.out.claims.append(change)
        self.stated_change = (now, change)
        return True

    def _change_from_stated_base(self, tok: Token, lead: _Lead) -> None:
        """"…的补助164.89万元，较2022年决算数73.92万元增加90.79万元，增长123.07%": the amount, last year's right after it
        (after 较/比 and its year), then the change — the change is the one less the other, whoever's they are (the rate
        after it is checked as after any change of a stated amount)."""
        base = self._figure_before(tok)
        if base is None or base.unit not in MONEY or tok.start - base.end > 4 or not self._last_years(base) \
                or not BASE_BEFORE.search(self.text, max(self.sentence_start, base.start - 16), base.start):
            return
        level = self._figure_before_token(base)
        if level is None or level.unit not in MONEY or base.start - level.end > 24 or self._last_years(level):
            return
        found = {id(c.figure): c for c in self.out.claims[-8:] if c.figure is not None}
        now = found.get(id(level)) or Claim("level", level, None, sentence=self.sentence)
        before = found.get(id(base)) or Claim("prior", base, None, sentence=self.sentence, compared=True)
        change = Claim("change", tok, None, value=tok.value * lead.dir, of=now, base=before, sentence=self.sentence)
        self.out.claims.append(change)
        self.stated_change = (now, change)

    def _amount_changed(self, tok: Token) -> Token | None:
        """The amount a change `tok` is of by the words: the one right before it (or before the bracket it stands in),
        or the one amount of the sentence before, restated; None when that is not certain."""
        level = self._figure_before(tok)
        if level is not None and level.unit == "%":
            level = self._amount_before_its_share(level)
        level = level or self._restated_level(tok) or self._head_of_list_ended(tok)
        if level is None or level.unit not in MONEY or self._last_years(level):
            return None             # "较上年同期518706万元增支22532万元": the amount before is last year's
        if self._in_brackets(level) and not self._in_brackets(tok):
            # "812.64万元（其中…26.24万元），总体较上年增加59.35万元": a bracket's amount is an aside — the change is
            # of the amount right before the bracket, if any
            level = self._before_bracket(level)
            if level is None or level.unit not in MONEY:
                return None
        elif tok.start - level.end > 48 and level.start >= self.sentence_start:
            return None             # (an amount far before the change: what it is of, the words may not say)
        if level.start >= self.sentence_start and self._framed_base(level, tok):
            return None             # "与2012年预算30850万元相比，增加4573万元": so is an amount before 相比
        return level

    def _amount_before_its_share(self, share: Token) -> Token | None:
        """"住房保障支出类科目618,730.00元，占支出总预算3.54%，同比增加82,500.00元": the amount before the share clause
        between it and the change — the change is of that amount (the share is of it too)."""
        j = next((k for k in range(self.index - 1, max(-1, self.index - 13), -1) if self.tokens[k] is share), None)
        if j is None:
            return None
        amount = self._figure_before(share, j)
        if amount is None or amount.unit not in MONEY or _SHARE_CLAUSE.fullmatch(self.text, amount.end, share.start) is None:
            return None
        return amount

    def _head_of_list_ended(self, tok: Token) -> Token | None:
        """"4.研究调研活动86.40万元，主要包括：A 52.80万元，…；B 33.60万元，…。较2022年年初预算增加12.60万元，增幅14.6%":
        a change opening its sentence (no figure before it) right after a sentence that was a list of an amount of no
        fact — that amount's (its parts are named, it is not)."""
        lst = self.ended
        if lst is None or self.figures_in_sentence > 1 or lst.head.fact is not None or lst.head.figure is None \
                or lst.head.sentence != self.sentence - 1 or len(lst.parts) < 2 or lst.head.kind != "level":
            return None
        last = lst.parts[-1].figure
        if last is None or last.start < self.sentence_start - 400 or self.text[last.end:self.sentence_start].count("。") > 1:
            return None
        return lst.head.figure

    def _last_years(self, level: Token) -> bool:
        """Whether the amount before a change is last year's by the words of its clause ("较上年同期518706万元",
        "上年为391.30万元", "2022年支出391.30万元")."""
        before = self._clause_before(level.start)
        return any(w in before for w in ("比", "较", "上年", "去年", "上一年", "同期")) \
            or self._year_before(level.start, max(self.sentence_start, level.start - len(before))) not in (None, self.year)

    def _framed_base(self, level: Token, tok: Token) -> bool:
        """Whether 相比/对比 follows the amount in its own clause ("与…30850万元相比，增加"), not after a clause mark
        ("…10,883.36万元，与上年相比增加…": the amount is this year's)."""
        for word in ("相比", "对比"):
            at = self.text.find(word, level.end, tok.start)
            if at >= 0 and not any(ch in CLAUSE for ch in self.text[level.end:at]):
                return True
        return False

    def _column_change(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"年初预算1747.99万元，调整预算7532.81万元，增加5784.82万元": two amounts of one thing in two columns (年初预算,
        then 调整预算 or 执行数), then a change with no base named — the later less the earlier, whoever's they are.
        Only where the words leave no doubt: exactly two amounts before it in the sentence, each after its column
        word, in the order a budget is made and spent."""
        if (scope.blocked and not self._of_account()) or not lead.dir or lead.cmp or lead.base or lead.label \
                or lead.unknown or lead.to_level or lead.share or lead.exec or lead.diff or lead.op \
                or tok.unit not in MONEY:
            return False
        amounts = self._sentence_amounts()
        if amounts is None or len(amounts) != 2:
            return False
        later, earlier = amounts
        stages = [_stage(self._clause_before(t.start)) for t in (earlier, later)]
        if None in stages or stages[0] >= stages[1] or later.unit != earlier.unit:  # type: ignore[operator]
            return False
        self.out.claims.append(Claim("change", tok, None, value=tok.value * lead.dir, sentence=self.sentence,
                                     of=Claim("level", later, None, sentence=self.sentence),
                                     base=Claim("level", earlier, None, sentence=self.sentence),
                                     label="同一句写明的两个口径的数"))
        return True

    def _restated_level(self, tok: Token) -> Token | None:
        """"…财政拨款收入支出总计9746.50万元。与2022年度相比，财政拨款收入支出总计增加1193.20万元": a sentence that
        opens with the comparison and names again what the sentence before stated the one amount of — that
        amount is the one changed. None unless the words leave no doubt (the same name, or none, and one amount)."""
        m = _RESTATED.match(self.text, self.sentence_start, tok.start)
        if m is None or self.figures_in_sentence > 1:       # the change is the sentence's first figure
            return None
        start = max(self.text.rfind(ch, 0, self.sentence_start - 1) for ch in SENTENCE) + 1
        before = [t for t in self.tokens[max(0, self.index - 48):self.index]
                  if t.kind == "num" and t.unit in MONEY and start <= t.start < self.sentence_start]   # (no code, no share)
        if len(before) != 1 or before[0].unit not in MONEY:
            return None
        level = before[0]
        said = _content(self.text[start:level.start])
        named = m.group("name") or ""
        return level if not named or said.endswith(_content(named)) else None

    def _stated_rate(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """The growth rate right after a change kept by _stated_change: checked against the two amounts."""
        pending, self.stated_change = self.stated_change, None
        if pending is None and not ((scope.blocked and not self._of_account()) or lead.label or lead.other_fact
                                    or lead.share):
            return self._two_years_rate(tok, lead)
        if pending is None or (scope.blocked and not self._of_account() and not self._own_arithmetic(scope)) \
                or lead.label or lead.unknown or lead.other_fact or lead.share:
            return
        level, change = pending
        before = self._figure_before(tok)
        if before is None or before is not change.figure or tok.start - before.end > 16:
            return
        between = self.text[level.figure.end:tok.start]
        if "口径" in between or "可比" in between:
            return                  # "同口径增长", "按可比价格计算": a rate on another footing than the amounts
        self.out.claims.append(Claim("rate", tok, None, value=tok.value * (lead.rate or lead.dir), of=level,
                                     change=change, sentence=self.sentence))

    def _own_arithmetic(self, scope: _Scope) -> bool:
        """Whether another subject's amount, change and rate may be checked against each other: a body's ("清华大学2023年
        预算为365.3亿元，比上年增加35.3亿元，增长12.70%") — not a region's revenue, output or investment, whose growth is
        often on a comparable footing the sentence does not state."""
        # (not in a sentence of the department's own, where another body is an aside: "本局收支总预算…，含机关幼儿园经费
        # 459.68万元；比2022年预算增加651.22万元")
        # (a body's, named as one: "财政对基本养老保险基金的补助收入14.07万元，较上年增加85.44万元" — the fund is
        # no body, and the change is of the line the sentence is about)
        return not self.self_named and not _AGGREGATE.search(scope.blocked) and self.cues.bodies.body_end.search(scope.blocked) is not None

    def _figure_before_token(self, figure: Token) -> Token | None:
        """The figure before `figure` (a figure a few tokens before the current one) in the same sentence, or None."""
        i = self.index - 1
        while i >= 0 and self.index - i <= 12 and self.tokens[i] is not figure:
            i -= 1
        return self._figure_before(figure, i) if i >= 0 and self.tokens[i] is figure else None

    def _figure_before(self, tok: Token, index: int | None = None) -> Token | None:
        """The figure before `tok` (at `index`, the current token's by default) in the same sentence (a few tokens back
        at most), or None."""
        at = self.index if index is None else index
        i = at - 1
        while i >= 0 and at - i <= 12:
            t = self.tokens[i]
            if t.start < self.sentence_start:
                return None
            if t.kind == "num":
                return t
            i -= 1
        return None

    def _stated_execution(self, tok: Token, lead: _Lead, unread: bool = False) -> bool:
        """"项目资金共2179万元，截至12月8日已完成拨付2113.63万元，执行率97%": the execution rate of a project's (another
        subject's, or part of the year's) funds, which no fact of the file is, is still the amount paid right before
        it ÷ the one other amount of the sentence — checked against the sentence itself, whoever's it is. Only
        where the words leave no doubt: 执行率 right after the amount spent, and exactly two amounts."""
        if lead.exec_of and lead.exec_col in ("budget", "adjusted", "plan") and not lead.exec:
            return self._stated_completion(tok, lead, unread)
        # "执行率为100.1%": 为 after the rate's name is only the verb (a 完成…的% names its own whole)
        verb_only = lead.exec_of and _RATE_IS.search(self.text, max(0, tok.start - 8), tok.start) is not None
        if not lead.exec or any((lead.exec_of and not verb_only, lead.exec_col, lead.variance, lead.label,
                                 lead.share, lead.dir, lead.rate, lead.cmp)):
            return False
        amounts = self._sentence_amounts()
        if amounts is not None:
            # ("全年预算数227.95万元（含年初结转和结余3.20万元），实际支出225.11万元": what a bracket says is an aside)
            amounts = [t for t in amounts if not self._in_brackets(t)]
        if amounts is not None and len(amounts) == 3:
            return self._execution_of_the_form(tok, amounts, unread)
        if amounts is None or len(amounts) != 2:
            return False
        spent, whole = amounts
        said, budgeted = self._clause_before(spent.start), self._clause_before(whole.start)
        if "完成率" in self._clause_before(tok.start) and "预算" not in budgeted:
            return False            # (a 完成率 may be of a plan the sentence does not state)
        if lead.unknown and lead.unknown.strip(" \t\u3000的") not in budgeted:
            # ("政府采购预算3.80万元，实际采购3.62万元，…，政府采购执行率95.26%": the rate named as the whole is)
            return False
        if not any(w in said for w in _SPENT) or any(w in budgeted for w in _NOT_WHOLE) \
                or (any(w in budgeted for w in _SPENT) and not any(w in budgeted for w in _BUDGETED)):
            # ("中央资金完成636.75万元，预算执行率81.97%，省级资金完成288.26万元，预算执行率99.28%": an amount spent
            # is no whole of another's rate)
            return False
        first, second = sorted((spent, whole), key=lambda t: t.start)
        if "其中" in self.text[first.end:second.start]:
            return False            # "支出1830.6万元，其中项目支出1020.4万元，执行率95.1%": a part, not what was spent of it
        return self._execution_of(tok, whole, spent, unread)

    def _execution_of_the_form(self, tok: Token, amounts: list, unread: bool) -> bool:
        """"年初预算数695.60万元，全年预算数845.92万元，全年执行数845.92万元，执行率121.61%": the three amounts of the
        self-evaluation form's row, each named by its column — its 执行率 is 全年执行数 ÷ 全年预算数 (the form's rule),
        whoever's they are."""
        by_stage = {_stage(self._clause_before(t.start)): t for t in amounts}
        if set(by_stage) != {0, 1, 2} or any(t.unit not in MONEY for t in amounts):
            return False
        return self._execution_of(tok, by_stage[1], by_stage[2], unread)

    def _before_bracket(self, t: Token) -> Token | None:
        """The figure right before the bracket `t` stands in (nothing but words between), or None."""
        at = self._bracket_open_at(t.start, 200)
        figures = [u for u in self.tokens[max(0, self.index - 48):self.index]
                   if u.kind == "num" and self.sentence_start <= u.start and u.end <= at]
        if at < 0 or not figures or self.text[figures[-1].end:at].strip(" \t\u3000"):
            return None
        return figures[-1]

    def _in_brackets(self, t: Token) -> bool:
        """Whether a figure stands inside a bracket opened in its sentence (at most 200 characters back: a hostile
        sentence stays linear)."""
        return in_brackets(self.text, max(self.sentence_start, t.start - 200), t.start)

    def _completion_of_whole_stated(self, tok: Token) -> bool:
        """"全县…总收入380,869万元，完成年初预算391,267万元的97.43%", "外贸进出口总额为13亿元，…，完成年任务（40.2亿元）的
        23.5%": the whole written right before 的, after 完成 / 达到 — the rate is the amount stated before 完成 ÷ it, checked
        against the sentence itself, whoever's the figures are. Claimed (True) or not."""
        j = self.index - 1
        while j >= 0 and self.tokens[j].kind == "punct" and self.tokens[j].text in CLOSE:
            j -= 1
        if j < 0 or self.tokens[j].kind != "num" or self.tokens[j].unit not in MONEY \
                or self.text[self.tokens[j].end:tok.start].strip(" \t\u3000）)") != "的":
            return False
        whole, k = self.tokens[j], j - 1
        while k >= 0 and j - k <= 6 and self.tokens[k].start >= self.sentence_start:
            t = self.tokens[k]
            if t.kind == "num" or (t.kind == "punct" and t.text not in OPEN):
                return False            # (the whole right after the verb: "完成年初预算391,267万元的")
            if t.kind == "word" and t.text in _COMPLETED:
                break
            k -= 1
        else:
            return False
        for m in range(k - 1, max(-1, k - 16), -1):
            t = self.tokens[m]
            if t.start < self.sentence_start:
                return False
            if t.kind == "num" and t.unit in MONEY:
                return self._execution_of(tok, whole, t, unread=False)
        return False

    def _execution_of(self, tok: Token, whole: Token, spent: Token, unread: bool) -> bool:
        """The execution rate `tok` as spent ÷ whole, the two amounts its sentence states (a claim of each, the
        reader's own where it read one). `unread`: only where neither is an amount of a fact — a fact's rate is the
        fact's, checked with what the sentence states (checks/prose/executions.py: _stated_pair)."""
        found = {id(c.figure): c for c in self.out.claims[-32:] if c.figure is not None and c.fact is not None}
        if unread and (id(whole) in found or id(spent) in found):
            return False
        other = tuple(found.get(id(t)) or Claim("level", t, None, sentence=self.sentence) for t in (whole, spent))
        self.out.claims.append(Claim("execution", tok, None, other=other, sentence=self.sentence))
        return True

    def _stated_completion(self, tok: Token, lead: _Lead, unread: bool) -> bool:
        """"“三公”经费支出年初预算为27,100元，支出决算为26,100.00元，完成年初预算的96.31%": the sentence states the
        column the rate names and the final, each after its own words — the rate is the one ÷ the other, whoever's
        they are. Only with exactly these two amounts in the sentence, the column's amount named by the same column
        word as the rate (年初预算 / 调整预算), the other by a word for money spent (决算, 支出, 执行…)."""
        if any((lead.variance, lead.label, lead.unknown, lead.share, lead.dir, lead.rate, lead.cmp)):
            return False
        amounts = self._sentence_amounts()
        if amounts is not None and len(amounts) == 1:
            # "项目全年预算数合计420.60万元。执行数合计405.36万元，完成预算的96.83%": the budget ends the sentence before
            closing = self._amount_closing_sentence_before()
            amounts = amounts if closing is None else [amounts[0], closing]
        if amounts is None or len(amounts) != 2:
            return False
        by_stage = {_stage(self._clause_before(t.start)): t for t in amounts}
        if lead.exec_col == "plan":
            # "全年预算数为200万元，执行数为179.43万元，完成预算的87.9%": 预算 alone names whichever budget the sentence states
            whole = by_stage.get(0) or by_stage.get(1)
        else:
            whole = by_stage.get(0 if lead.exec_col == "budget" else 1)
        spent = by_stage.get(2)
        if whole is None or spent is None or whole.unit not in MONEY or spent.unit not in MONEY:
            return False
        return self._execution_of(tok, whole, spent, unread)

    def _amount_closing_sentence_before(self) -> Token | None:
        """The amount the sentence before this one ends with ("…合计420.60万元。"), or None."""
        i = self.index - 1
        while i >= 0 and self.index - i <= 32 and self.tokens[i].start >= self.sentence_start:
            i -= 1
        while i >= 0 and self.index - i <= 36 and self.tokens[i].kind == "punct":
            i -= 1
        if i < 0 or self.tokens[i].start >= self.sentence_start:
            return None
        t = self.tokens[i]
        if t.kind != "num" or t.unit not in MONEY or self.text[t.end:self.sentence_start].strip(" \t\u3000") != "。":
            return None
        return t

    def _sentence_amounts(self) -> list | None:
        """The money figures of this sentence before the current token, last first — None when the figure right
        before is not an amount, or the sentence is too long to look back over (32 tokens)."""
        amounts, first, i = [], None, self.index - 1
        while i >= 0 and self.index - i <= 32:
            t = self.tokens[i]
            if t.start < self.sentence_start:
                break
            if t.kind == "num" and t.unit:
                first = first or t
                if t.unit in MONEY:
                    amounts.append(t)
            i -= 1
        else:
            if i >= 0:
                return None
        return amounts if amounts and first is amounts[0] else None
