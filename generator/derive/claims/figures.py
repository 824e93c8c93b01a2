"""A figure: counted, its unit read, then read by the relation its words state — a change, a growth rate, an
execution rate, a difference, a comparison, a total, level with last year, a stated base (_Figures). Amounts
and counts are levels.py's, shares shares.py's, statements checked on the text itself stated.py's."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.numbers import decimals
from .claim import TOTAL_OF_NOTHING_BEFORE, UNKNOWN_WORDS, WHOLE_IN_SHARE, Claim, Unread
from .parts import BODY_UNITS
from .state import _Lead, _Scope, _State
from .tokens import CLAUSE, CLOSE, COUNTS, CURRENCY, MONEY, OPEN, SENTENCE, Token

# "编制人数42", "退休人数13": a staffing table's column copied into prose, its unit left in the column's name —
# the label (with the 人数 or 数 after it) and at most 为/是/： before a whole number
# from last year's figure to the change right after it: "…1906.40万元，同比降低158.41万元"
_PRIOR_TO_CHANGE = re.compile(r"[ \t\u3000]*[，,][ \t\u3000]*(?:同比|比上年|较上年|与上年相比)?[ \t\u3000]*(?:降低|减少|下降|增加|增长|提高|上升)?[ \t\u3000]*(?:了)?")
_COUNT_GAP = re.compile(r"(?:人数|人员数|数)?[ \t\u3000]*(?:为|是|：|:)?[ \t\u3000]*")
_TIMES = re.compile(r"(?:[×*xX✕]|乘以)[ \t\u3000]*$")

# things held, counted as of a day ("截至2022年8月31日，共有车辆3辆，其中：…"): the day is when they were counted, not a
# part of the year their figure sums — a 其中 list of them still adds up (the facts have no count of them to check)
_THINGS_HELD = ("辆", "台", "套")


_REVERSED = {"<": ">", ">": "<", "=": "="}
# words that may stand between a figure's clause and the 低于 / 超过 that compares it ("38.64万元，均低于上年的…")
# "所占比例由年初预算的60.2%上升至88.9%": a share's figure before it changed, and the words to the one after
_SHARE_FROM = re.compile("由[^，,。；;%0-9]{0,10}$")
_SHARE_TO = re.compile("[ \t\u3000]*(?:上升|提高|提升|增加|增长|下降|降低|减少|回落|扩大|缩小|调整|变)(?:了)?(?:至|到|为)[ \t\u3000]*")
_STILL_COMPARED = re.compile("均|都|仍|仍然|则|但|而|远|明显|略|也|且|并|还|已|分别|[ \t\u3000]")
# what may stand between a list's last item and the total of its items ("…50.00万，合计1170.00万")
# the plain word a total may name what it is of, right after 合计 ("合计支出3237.75万元": still the items' total)
_TOTAL_OF = ("支出", "收入", "人数", "人员")
_RIGHT_AFTER = re.compile(r"(?:[，,；;、\s]*占[^，,；;。\d]{0,8}[\d.]+\s*[%％])?"      # (the last item's share)
                          r"[，,；;、\s]*(?:以上|上述)?(?:[一二三四五六七八九十两\d]+项)?(?:合计|共计|总计|总共|累计)"
                          r"(?:" + "|".join(_TOTAL_OF) + r")?(?:为|是|达)?[：:]?\s*")    # ("合计支出3237.75万元")


# what a scoring rule says right after its rate: "100%得满分", "95%以上的得3分" (not "执行率98.35%，得满分": the
# department's rate, and the score it got)
_BARE_RATE = re.compile("(?:部门|整体|部门整体)?(?:预算)?(?:支出)?(?:执行率|完成率)(?:为|是|达|达到)?[：:]?")
_ADJUSTED_BY = re.compile("调增|调减|追加|调整增加|调整减少")
WHOLE_BUDGET_UNSTATED = "前面的数本身就是这一口径的数：说的是占全部预算的比重，总数没有写明"
_ADJUSTMENT = re.compile("调整(?:的)?(?:幅度|率|数|额)|调增|调减")
_BARE_HEADCOUNT = re.compile(r"[，,；;][ \t\u3000]*(?:总)?人数(?:为|是|：|:)?[ \t\u3000]*$")
# after a rate: a rubric's rule ("100%得满分", "以100%为标准", "=0，计5分", "0-10%（含），计4分")
# (not "执行率98.53%，得满分": the department's rate and the points it earned)
_SCORING_RULE = re.compile(r"[ \t\u3000]*(?:（含）|\(含\))?(?:及以上|及以下|以上|以下)?(?:的)?[ \t\u3000]*"
                           r"(?:得满分|得[0-9]|计满分|计[0-9]|不扣分|扣[0-9]|满分|为标准|[，,][ \t\u3000]*计[0-9])")



# "6.5%和70.1%", "6.5%、70.1%": the next percentage of a series
_SERIES_OF = re.compile(r"[ \t\u3000]*[和、及与][ \t\u3000]*-?[0-9]{1,6}(?:\.[0-9]{1,6})?[ \t\u3000]*[%％]")




class _Figures(_State):
    """Figures, by the relation their words state."""

    def _num(self, tok: Token) -> None:
        """A figure: counted, the words before it taken as what it says, then read by its unit and relation."""
        if tok.unit == "%" and _TIMES.search(self.text, max(0, tok.start - 4), tok.start):
            # "实际支出数/预算数×100%": a factor of a formula, not a rate — what is said of the rate is still
            # to come ("=26.31%"), so nothing else is touched
            self.out.unread.append(Unread(tok, "算式中的“×100%”，不是一个比率"))
            return
        lead, scope = self._take_figure(tok)
        before = self.money_seen
        if tok.unit == "" and before is not None and not (lead.rate or lead.share or lead.exec) \
                and (lead.dir or self._item_of_money()) \
                and self._unit_left_out(tok, before):
            tok.unit = before.unit
        if tok.unit in MONEY:
            self.money_seen = tok
            self.amounts_in_sentence += 1
        unit = self._unit(tok, lead)
        if unit is not None:
            self._read_figure(tok, lead, scope, unit)

    def _next_of_series(self, tok: Token, lead: _Lead) -> None:
        """"2022年、2023年分别实现财政拨款支出2171.25万元、3237.75万元": a figure right after the amount before it, of
        no words of its own, is of the same fact as that one (in the next of the years named)."""
        last = self.last_claim
        if lead.label or last is None or last.fact is None or last.figure is None or last.kind not in ("level", "prior") \
                or last.sentence != self.sentence or last.unit != tok.unit \
                or self.text[last.figure.end:tok.start].strip(" \t\u3000") not in ("、", "和", "与", "及"):
            return
        lead.label = last.fact
        self.scope.subject, self.scope.label = last.fact, last.label

    def _take_figure(self, tok: Token) -> tuple[_Lead, _Scope]:
        """Count the figure and start the words of the next; the words before it (the lead) are returned."""
        self.figures += 1
        self.figures_in_sentence += 1
        if tok.unit in BODY_UNITS:
            self.bodies_in_sentence += 1
        self.clause_figures += 1
        if self.bare_label and self.lead.label:
            self.bare_label = False
        self.figure_subject = (self.scope.subject, self.scope.label, self.scope.alts)
        self.figure_blocked = bool(self.scope.blocked)
        lead, scope = self.lead, self.scope
        if self.years_series and tok.unit in MONEY:
            # "2022年、2023年…分别为16.92万元、14.36万元": this figure is of the next of those years
            if len(self.years_series) > 1:
                lead.year = self.years_series.pop(0)
            else:
                self.years_series = []      # (the last year's figure: the year named last, the scope's)
            self._next_of_series(tok, lead)
        if (lead.dir or lead.rate) and tok.start and self.text[tok.start - 1] in "-−－":
            # "增减额-101.21万元", "增长-5%": a signed change — the sign is the direction (and "比上年减少-7.20%" is a fall
            # still: the sign repeats the word, it does not turn it)
            lead.dir, lead.rate = -abs(lead.dir), -abs(lead.rate)
        if self.share_from is not None:
            earlier, end = self.share_from
            self.share_from = None
            if tok.unit == "%" and _SHARE_TO.fullmatch(self.text, end, tok.start):
                lead.share, lead.whole, lead.whole_word, lead.wholes = True, earlier.whole, earlier.whole_word, earlier.wholes
        self.last_num = tok
        self.lead = _Lead()
        self.lead.figure = True
        self.lead.labels = lead.labels if self.pending_each else []
        if (lead.dir or lead.rate) and lead.base is None and lead.cmp is False \
                and self.cues.saving.at(self.text, tok.start):
            # "预算775.2万元，实支763.9万元，节支11.3万元": a saving is the plan less the spending — not measured on
            # last year, whatever base an earlier clause named ("同比增加46.76万元…；节约资金11.30万元")
            lead.base, lead.saving = "plan", True
        elif lead.base is None and lead.cmp is False and scope.base and (lead.dir or lead.rate) \
                and not (scope.base == "prior_budget" and scope.column == "final"):
            # (not last year's budget once the clause speaks of the final: "比上年预算增长41.6%；决算收入3237.75万元，
            # 增长49.1%" — the final's growth is from last year's final)
            lead.base, lead.cmp, lead.prior_executed = scope.base, True, scope.base_executed
        elif lead.base and (lead.dir or lead.rate):
            scope.base = lead.base          # "比2022年预算数减少4.5万元，减幅20%": the rate has the same base
            scope.base_executed = lead.prior_executed
        return lead, scope

    def _item_of_money(self) -> bool:
        """Whether a 其中 list of an amount of money is open ("支出预算7842977.60元。其中:一般公共服务支出2713623.00,")."""
        return self.list is not None and self.list.head.figure is not None and self.list.head.money

    def _unit_left_out(self, tok: Token, before: Token) -> bool:
        """"本年收入合计3874.92万元，…其他收入0万元。本年收入较上年减少448.05，降低11.1%": a change (or an item of a list
        of money) in hundredths right after amounts of money (in its sentence or the one before), its unit left out —
        in their unit."""
        if before.unit not in MONEY or tok.start - before.end > 200 or decimals(tok.value) != 2:
            return False
        between = self.text[before.end:tok.start]
        return sum(between.count(ch) for ch in SENTENCE) <= 1 \
            and self.text[tok.end:tok.end + 1] in ("", "，", ",", "。", "；", ";", "、")

    def _not_a_claim(self, tok: Token, lead: _Lead, money: bool) -> bool:
        """A figure its words leave unread before any relation is looked for: a performance target's, or an amount
        after 新增 in a reason (see _new_in_reason). True when so left."""
        if lead.target and not lead.label:
            self._unread(tok, f"是绩效目标“{lead.target}”的数，按绩效目标表核对（见上）", unsure=False)
            return True
        if money and not lead.dir and not lead.rate and self._new_in_reason(tok):
            self._unread(tok, "原因中“新增”之后的数：是增加额还是新增一项的全部金额，不能确定", unsure=False)
            return True
        return False

    def _new_in_reason(self, tok: Token) -> bool:
        """"比上年增加10万元，增长15％。主要原因是：新增因公出国（境）费预算10万元": an amount after 新增 in a reason — the
        increase of a line that was there before as often as all of a new one."""
        start = max(self.text.rfind(ch, max(self.sentence_start, tok.start - 40), tok.start) for ch in "，,；;：:") + 1
        return "新增" in self.text[max(start, self.sentence_start):tok.start] \
            and "原因" in self.text[max(0, self.sentence_start - 2):tok.start]

    def _unit(self, tok: Token, lead: _Lead) -> str | None:
        """The figure's unit as read (a zero rate written without %, a staffing table's count of people), or None
        when the figure is left unread: approximate, an average, on another footing, or with no unit to check."""
        scope = self.scope
        unit = tok.unit
        if tok.start - lead.approx <= 1:
            return self._unread(tok, "数字前有“约”“近”等，是约数")  # type: ignore[func-returns-value]  # None: left unread
        if lead.per:
            self.per_before = True
            return self._unread(tok, f"“{lead.per}”之后是平均数，不是哪一项的金额或人数", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        if self.per_before and (lead.dir or lead.rate) and not lead.label:
            # "人均公用经费4.76万元，较上年增加0.76万元，增长19.00%": the average's change, not the fact's
            return self._unread(tok, "平均数之后的增减、增幅说的是平均数", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        if scope.excluding or tok.start < self.off_footing[1]:
            return self._unread(tok, f"“{scope.excluding or self.off_footing[0]}”之后的数换了口径，不是表中的数")  # type: ignore[func-returns-value]  # None: left unread
        if lead.due:
            return self._unread(tok, f"“{lead.due}”之后是应有的数，不是实有的数", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        if (lead.rate or lead.dir) and lead.op and lead.op_tok is not None and tok.start - lead.op_tok.end <= 1:
            # "“三公经费”变动率≤0，计3分": a bound the rate is scored against, not the rate
            return self._unread(tok, f"“{lead.op_tok.text}”之后是界限，不是增减幅度", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        if unit == "" and (lead.exec or lead.rate) and tok.value == 0:
            unit = "%"                  # "预决算差异率为0": a rate of zero, written without %
            tok.unit = unit
        if unit == "" and self._headcount_column(tok, lead):
            unit = tok.unit = "人"      # "编制人数42，其中：行政编制人数19…": a count of people
        if unit == "" and self._points(tok, scope):
            return None                 # "自评得分为96.5分": a score (points.py)
        if unit in ("个百分点", "百分点", "‰", "倍", ""):
            if unit == "" and self.list is not None and self.list.outer is not None and self._item_number(tok):
                self._end_list(inner_only=True)     # "…；2、项目支出…": the next item of the outer list
            return self._unread(tok, "百分点、倍数或没有单位的数不核对" if unit else "没有单位", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        return unit

    def _read_figure(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> None:
        """A figure by the relation its words state: a comparison or a total first, then the items of a
        分别 list, then a rate, a difference, a change, a stated base, and last an amount or a count."""
        money = unit in MONEY or unit in CURRENCY
        if self._not_a_claim(tok, lead, money):
            return None
        if lead.twoway:
            return self._read_either_way(tok, lead, scope, unit)
        if self._compared_or_totalled(tok, lead, scope, unit, money) or self._in_series(tok, lead, scope, unit):
            return
        if unit == "%":
            return self._percent(tok, lead, scope)
        last = self.last_claim
        if money and lead.share and lead.whole is not None and not lead.exec and not scope.blocked and (
                (last is not None and last.fact is not None and last.sentence == self.sentence) or lead.label):
            # (so too after a part named with no figure: "基本支出占本年支出合计1773.28万元的33.26%")
            # "占当年支出合计2528.91万元的46.68%": the whole's amount, written inside the share — not the subject's; the
            # share after it still is of that whole
            self.lead.share, self.lead.whole, self.lead.whole_word = lead.share, lead.whole, lead.whole_word
            self.lead.exec_col = lead.exec_col      # "占项目支出全年预算139.31万元的98.38%": of the whole in that column
            return self._unread(tok, WHOLE_IN_SHARE, unsure=False)
        if money and lead.dir and self._before(tok.start, 1) == "的":
            # "压缩的52万元出自公务接待费预算": the change already stated, named as a thing — whose it is comes after
            return self._unread(tok, "“增加的”“压缩的”之后是说过的增减额，说的是哪一项在后面", unsure=False)
        if money and self._related_amount(tok, lead, scope):
            return
        if unit in COUNTS and self.cues.count_change.at(self.text, tok.start):
            # "与2015年预算对比，在职实有人员增加5人": how many more, not how many — the file has no last year's count
            return self._unread(tok, "人数的增减：事实文件没有上年的人数", unsure=False)
        if money and not lead.dir and not lead.to_level and self._added_in_clause(tok):
            return self._unread(tok, "“追加”的数：预算中追加的那一部分，不是哪一项的预算数", unsure=False)
        if money or unit in COUNTS:
            return self._level(tok, lead, scope)
        self._unread(tok, "单位不是金额、人数或百分数")

    def _added_in_clause(self, tok: Token) -> bool:
        """"年初预算128.60万元，年中追加应急救护培训、救灾救助等项目经费28.20万元": an amount its clause says was added to
        a budget, after the names of what it was for — the addition (not "追加后", the budget after it)."""
        start = max(self.sentence_start, tok.start - 40)
        cut = max(self.text.rfind(ch, start, tok.start) for ch in CLAUSE)
        last = max((m.end() for m in _ADJUSTED_BY.finditer(self.text, max(start, cut + 1), tok.start)), default=-1)
        return last >= 0 and self.text[last:last + 1] != "后" and tok.start - last > 2

    def _read_either_way(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> None:
        """"减少（增加）2.80万元": a form's words for either direction — read as written, the checks take the figure's
        size in either direction (Claim.twoway)."""
        made = len(self.out.claims)
        lead.twoway = False
        self._read_figure(tok, lead, scope, unit)
        lead.twoway = True
        for claim in self.out.claims[made:]:
            claim.twoway = claim.kind in ("change", "rate")

    def _compared_or_totalled(self, tok: Token, lead: _Lead, scope: _Scope, unit: str, money: bool) -> bool:
        if lead.op and lead.op_target and money and not lead.op_fact and not lead.label:
            self._margin(tok, lead, scope)
            return True
        if lead.op and money and self._bound(tok, lead, scope):
            return True
        if lead.op and money:
            self._compare(tok, lead)
        if lead.total and (not lead.label or self._total_named(tok, lead)) and (money or unit in COUNTS):
            if money and not (lead.dir or lead.rate) and self._subjects_total(scope):
                return False
            self._total(tok) if money else self._posts_total(tok, lead, scope)
            return True
        return False

    def _subjects_total(self, scope: _Scope) -> bool:
        """"项目支出年初预算为1052.39万元，实际支出共计6694.26万元": 共计 with nothing before it to add up, in a sentence
        of one subject's amounts only — the subject's amount, said in all."""
        said = [c.fact for c in self.levels if c.sentence == self.sentence]
        return self.list is None and not self.each_claims and scope.subject is not None and not scope.blocked \
            and bool(said) and all(f == scope.subject for f in said)

    def _in_series(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> bool:
        """The figures after 分别为, part of a year, or the shares of parts stated before: read as such."""
        if not self.pending_each and (lead.dir or lead.rate) and not scope.blocked:
            # "基本支出及项目支出较2022年增加46.76万元和1019.74万元": as many changes as names joined before them, no
            # 分别 — each name's in turn, as if it were said
            names = self._joined_names(tok)
            if len(names) >= 2 and self._figures_in_turn(tok) == len(names):
                self.pending_each, self.each_claims, self.each_mode = list(names), [], (0, None, 0, None)
        if self.pending_each:
            executed = ("exec", lead.exec_col) if lead.exec or (lead.exec_of and lead.exec_col) else \
                ("exec", lead.col) if unit == "%" and lead.col in ("budget", "adjusted", "plan") \
                and self._before(tok.start, 1) == "的" and not lead.label else None      # "分别为年度预算的107.69%、…"
            if lead.dir or lead.rate or lead.base or executed:
                self.each_mode = (lead.dir, lead.base, lead.rate, executed)
            self._each(tok)
            return True
        if scope.partial and not (unit == "%" and (lead.share or lead.exec)) and unit not in _THINGS_HELD:
            self._unread(tok, f"说的是一年中的一段时间（“{scope.partial}”），不是全年数")
            return True
        return self._percent_in_series(tok, lead, scope, unit)

    def _percent_in_series(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> bool:
        """A percentage of a series the words before set up: the shares of parts stated in turn, the shares of one
        part in wholes named in turn, the growth rates of parts stated in turn."""
        plain = unit == "%" and not (lead.label or lead.dir or lead.rate or lead.exec)
        if self.pending_execs and plain and not lead.share:
            return self._execution_in_series(tok, lead, scope)
        if self.pending_shares and plain:
            self._each_share(tok)
            return True
        self.pending_shares = []
        if self.pending_wholes and plain:
            self._share_of_next_whole(tok, lead, scope)
            return True
        self.pending_wholes = []
        if unit == "%" and not (lead.label or lead.share or lead.exec or (lead.exec_of and lead.exec_col)):
            return self._rate_in_series(tok, lead, scope)
        self.pending_rates = []
        if unit == "%" and not lead.label and (lead.exec or lead.exec_col) and not (lead.dir or lead.rate):
            return self._execution_in_series(tok, lead, scope)
        self.pending_execs = []
        return False

    def _execution_in_series(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"人员经费、公用经费分别支出648.90万元、82.35万元，占全年预算的100.00%、97.34%": after the amounts of parts
        stated in turn, execution rates stated in turn (as many) are of those parts in turn."""
        if self.pending_execs:
            part, lead.exec_col = self.pending_execs.pop(0)
        else:
            parts = self._parts_in_turn(tok)
            if not parts:
                return False
            part, self.pending_execs = parts[0], [(p, lead.exec_col) for p in parts[1:]]
        lead.label, scope.subject, scope.label, scope.alts = part.fact, part.fact, part.label, ()
        lead.share = False          # (占全年预算的: of the part's own budget)
        self._execution(tok, lead, scope)
        return True

    def _parts_in_turn(self, tok: Token) -> list[Claim]:
        """The amounts of parts this sentence stated in turn (分别…), as many as the percentages from `tok` — or none.
        Amounts stated one by one count too when 分别 stands right before the percentages ("收入完成…，累计支出…，同比
        分别增长6.9%和0.7%")."""
        parts = self.each_claims if len(self.each_claims) >= 2 else self.each_parts
        if len(parts) < 2 and self._each_said_before(tok):
            amounts = [c for c in self.levels if c.sentence == self.sentence and c.kind == "level" and c.money]
            parts = amounts[-self._series_length(tok):] if len(amounts) >= 2 else []
        if len(parts) < 2 or any(c.kind != "level" or not c.money or c.fact is None or c.sentence != self.sentence
                                 for c in parts) or len({c.fact for c in parts}) != len(parts) \
                or _SERIES_OF.match(self.text, tok.end) is None or self._series_length(tok) != len(parts):
            return []
        return list(parts)

    def _each_said_before(self, tok: Token) -> bool:
        """Whether 分别 stands in the clause before the figure."""
        start = max(self.text.rfind(ch, max(0, tok.start - 16), tok.start) for ch in "，,；;。")
        return self.cues.each.search(self.text, start + 1, tok.start) is not None

    def _rate_in_series(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"基本支出、项目支出规模分别为763.9万元和2473.85万元，…，增幅为6.5%和70.1%": after the amounts of parts stated in
        turn, growth rates stated in turn (as many, joined by 和 or 、) are of those parts in turn."""
        if self.pending_rates:
            part = self.pending_rates.pop(0)
            lead.rate = lead.rate or lead.dir or self.series_sign
        else:
            parts = self._parts_in_turn(tok) if lead.rate or lead.dir else []
            if not parts:
                return False
            part, self.pending_rates, self.series_sign = parts[0], parts[1:], lead.rate or lead.dir
        lead.label, scope.subject, scope.label, scope.alts = part.fact, part.fact, part.label, ()
        self._growth_rate(tok, lead, scope)
        return True

    def _verb_carried(self, tok: Token, last: Claim) -> bool:
        """"增加了人员经费71.12万元、项目支出189.18万元": after a change said by its verb before the name, the next name
        and amount in the series (only 、 between) is changed by the same verb."""
        if last.kind != "change" or last.sentence != self.sentence or last.figure is None \
                or not last.label or last.value == 0:
            return False
        gap = self.text[last.figure.end:tok.start]
        if not gap.startswith("、") or len(gap) > 16 or any(ch.isdigit() or ch in "，,；;。：:（(" for ch in gap):
            return False
        named_at = last.figure.start - len(last.label)
        if self.text[named_at:last.figure.start] != last.label:
            return False
        return named_at > self.sentence_start and (self.cues.up_before.at(self.text, named_at)
                                                    or self.cues.down_before.at(self.text, named_at))

    def _series_length(self, tok: Token) -> int:
        """How many percentages follow one another from `tok`, joined by 和 or 、 ("6.5%和70.1%": 2)."""
        count, end = 1, tok.end
        while (m := _SERIES_OF.match(self.text, end)) is not None:
            count, end = count + 1, m.end()
        return count

    def _related_amount(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """An amount that is a difference, a change, or the base of a change or of a rate (so too last year's, in a
        bracket after a change: see _base_in_bracket)."""
        if self._base_in_bracket(tok):
            return True
        last = self.last_claim
        if not lead.dir and not lead.diff and lead.label and last is not None and self._verb_carried(tok, last):
            lead.dir = 1 if last.value >= 0 else -1
        if lead.diff:
            self._difference(tok, lead, scope)
        elif lead.dir and not lead.to_level:
            if self.other_base is not None and self.other_base[2] == self.figures - 1 and not lead.label:
                self._other_change(tok, lead)
            else:
                self._change(tok, lead, scope)
        elif lead.cmp and lead.base and not lead.other_fact:
            self._stated_base(tok, lead, scope)
        elif (lead.share or lead.exec_of) and lead.exec_col and not lead.label:
            # "占年初预算数1076.80万元的98.5%", "完成调整预算数1000万元的95.0%": the budget stated, then
            # the rate of it
            self._stated_base(tok, lead, scope, lead.exec_col, rate_base=True)
            self.lead.share, self.lead.exec_of, self.lead.exec_col = lead.share, lead.exec_of, lead.exec_col
        else:
            return False
        return True

    def _item_number(self, tok: Token) -> bool:
        """Whether a bare figure is the number of an enumerated item ("；2、项目支出…"), at the opening of a clause."""
        before = self._before(tok.start, 1)
        return tok.text.isdigit() and len(tok.text) <= 2 and self.text[tok.end:tok.end + 1] in ("、", ".", "．") \
            and (not before or before in SENTENCE + CLAUSE)

    def _headcount_column(self, tok: Token, lead: _Lead) -> bool:
        """Whether a figure without a unit is a count of people named by the 人数 right before it (so too a clause of
        人数 alone: "共有编制24人，人数34，其中…" — of whom the words do not say)."""
        if tok.text.isdigit() and _BARE_HEADCOUNT.search(self.text, max(self.sentence_start, tok.start - 8), tok.start):
            return True
        if not (lead.label or "").startswith("department.staffing") or "." in tok.text or not tok.text.isdigit() \
                or not 0 <= tok.start - self.label_end <= 8:
            return False
        gap = self.text[self.label_end:tok.start]
        return bool(_COUNT_GAP.fullmatch(gap)) and (self.scope.label + gap).rstrip(" \t\u3000为是：:").endswith("数")

    def _this_year(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        year = lead.year if lead.year is not None else scope.year
        if lead.year is None and scope.relative and year == self.year - 1 and lead.base == "prior" \
                and any(c.kind == "level" for c in self.levels):
            # "本年X万元，上年Y万元，比上年增加Z万元": 上年 compared with 上年 is no change at all — the change
            # is this year's, the 上年 before it only named the last year's amount (not "去年我局收入合计X万元，同比
            # 增长P%", a sentence of last year's amounts only: last year's growth)
            return True
        if year == self.year - 1 and lead.year is None and lead.base in (None, "prior") and (lead.dir or lead.rate) \
                and self._after_two_years(tok):
            lead.base = "prior"     # "…2023年支出14.36万元，2022年支出15.82万元，减少1.64万元": this year's change
            return True
        if year == self.year - 1 and lead.year is None and lead.base == "prior" and self._opens_with_last_year(tok):
            return True             # "2022年…运行费7.10万元；与2022年相比，…减少0.8433万元": last year is the base
        if year == self.year - 1 and lead.year is None and lead.base == "prior" and self._after_its_prior(tok):
            return True             # "收入1747.99万元，2022年收入预算总计1906.40万元，同比降低158.41万元": this year's
        if year not in (None, self.year):
            self._unread(tok, f"说的是{year}年的变化，不是本年的")
            return False
        return True

    def _after_its_prior(self, tok: Token) -> bool:
        """Whether the sentence states this year's amount and then, right before the change, last year's figure of it
        (read as last year's: kind "prior") — the change compared with last year (同比) is this year's."""
        last, end = self.last_claim, tok.start
        if last is not None and last.kind == "change" and last.figure is not None and last.sentence == self.sentence \
                and len(self.out.claims) >= 2 and self.out.claims[-1] is last:
            # (the rate after that change: "…，同比降低158.41万元，下降8.31%")
            if _PRIOR_TO_CHANGE.fullmatch(self.text, last.figure.end, tok.start) is None:
                return False
            last, end = self.out.claims[-2], last.figure.start
        return last is not None and last.kind == "prior" and last.sentence == self.sentence and last.figure is not None \
            and any(c.kind == "level" and c.sentence == self.sentence and c.figure is not None
                    and c.figure.start < last.figure.start and c.year in (None, self.year) for c in self.levels) \
            and _PRIOR_TO_CHANGE.fullmatch(self.text, last.figure.end, end) is not None

    def _opens_with_last_year(self, tok: Token) -> bool:
        """Whether the clause (or sentence) of the figure opens by comparing with last year by its number ("与2022年相比，"):
        the year carried from the clause before is the base, not the year of the change."""
        start = max(self.sentence_start, tok.start - 40)
        opener = max(self.text.rfind(ch, start, tok.start) for ch in "；;。")
        at = opener + 1 if opener >= 0 else self.sentence_start
        return re.match(rf"[ \t\u3000]*(?:与|和|同|较|比)[ \t\u3000]*{self.year - 1}[ \t\u3000]*年(?:度)?(?:相比|比较)",
                        self.text[at:tok.start]) is not None

    def _stated_base(self, tok: Token, lead: _Lead, scope: _Scope, base: str | None = None,
                     rate_base: bool = False) -> None:
        """"比上年同期1821.6万元增长…": the figure after 比上年 is last year's."""
        fact = self._subject(lead, scope, tok)
        if fact is None:
            if rate_base and tok.unit in MONEY and not lead.share:
                # "本项目共完成预算资金132.67万元，其中培训费…": another's amount, still the head of the list after it
                self.last_claim = Claim("level", tok, None, sentence=self.sentence, col_word=base or lead.base)
                self.levels.append(self.last_claim)
            return
        base = base or lead.base
        if base == "prior_budget":
            # "比2022年年初预算收入2724.44万元增加…": last year's budget, checked where the file has it; the change
            # after it is the difference of the two figures stated (see _other_base)
            self.out.claims.append(Claim("prior", tok, fact, column=base, sentence=self.sentence, label=scope.label))
            self._other_base(tok, lead, fact, rate_base)
            lead.base = "other"
            return
        if base not in ("prior", "budget", "adjusted", "plan"):
            return self._unread(tok, "比较的基数不是上年或本年预算" + self._other_base(tok, lead, fact, rate_base))
        year = lead.year if lead.year is not None else scope.year
        if base != "prior" and year not in (None, self.year):
            # "2022年决算数X万元，相比年初预算数Y万元": that year's budget, which the file does not have
            return self._unread(tok, f"说的是{year}年的预算数，事实文件只有本年的" + self._other_base(tok, lead, fact, rate_base))
        # "比2017年度决算总收入1058.51万元": of either fact the words may name (总收入: 本年收入合计 or 收入总计)
        claim = Claim("prior" if base == "prior" else "level", tok, fact, column=base,
                      sentence=self.sentence, label=scope.label, alts=scope.alts if lead.label else self._whole_of_last(fact))
        claim.compared = not rate_base
        self.out.claims.append(claim)
        if not rate_base:           # the budget an execution rate is of is not a base for a growth rate
            self.bases.append(claim)
            self.levels.append(claim)
            self.last_claim = claim
            scope.base = base       # "较年初预算42万元增加7.91万元": the change after the figure is from it

    def _whole_of_last(self, fact: str) -> tuple:
        """"“三公”经费支出3.12万元，其中…，因公出国（境）费0元；较上年3.48万元减少0.36万元": a base named by no word of its
        own right after a 其中 list's last item may be the item's or the list's head's (either holding is no
        contradiction)."""
        lst = self.list if self.list is not None else self.ended
        if lst is None or not lst.parts or lst.parts[-1].fact != fact or lst.head.fact in (None, fact) \
                or lst.head.sentence != self.sentence:
            return ()
        return (lst.head.fact,)

    def _change(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        if not lead.label and self._of_unread_item(tok):
            # (checked against the item's own figure, as written; a change naming its own subject — "，2023年本部门
            # 预算收入较上年增加…" after the list — is not the item's)
            return self._stated_change(tok, lead, scope)
        fact, budget_base = self._changing(tok, lead, scope)
        if fact is None:
            return self._stated_change(tok, lead, scope)
        lst = self.list
        last: set[str | None] = {fact}      # the facts the list's last item may be of
        if lst is None and self.ended is not None and self.ended.head.sentence >= self.sentence - 1 \
                and self.figures_in_sentence == 1:
            # "…，事业收入10万元，其他收入资金23万元。较2023年增加40.17万元": the sentence right after the list opens
            # with a change of no name (its last item's, named or not, or the whole's)
            lst, last = self.ended, {fact, None}
        # "“三公”经费19.85万元，其中公务接待费4.15万元，公务用车…15.70万元，较上年增加5.65万元": after a 其中 list's last
        # item, a change with no name of its own may be the item's or the whole's — either holding is no contradiction
        head = lst.head.fact if lst is not None and lst.parts and lst.parts[-1].fact in last and not lead.label \
            and lst.head.fact not in (None, fact) else None
        of = self._level_of(fact)
        alts = (head,) if head else self._whole_before_its_parts(lead, fact) or self._change_alts(scope, of, budget_base)
        if _ADJUSTED_BY.search(self.text, max(self.sentence_start, tok.start - 6), tok.start) and (
                lead.base in (None, "prior", "budget") or not self._said_since(max(self.sentence_start, tok.start - 12),
                                                                                "compare_to")):
            # (a base carried from an earlier clause — "比2023年预算增加…；年中追加358.45万元" — is not this one's)
            # "调整预算718.50万元，调增77.70万元。其中：项目支出调增56.75万元": the budget's adjustment — 调整预算 less 年初预算
            lead.base, lead.col = "budget", "adjusted"
        adjusted = lead.base == "budget" and (lead.col or scope.column) == "adjusted"
        if adjusted and self._gross(tok):
            return self._unread(tok, "句中其后另写了净增减：这里是调增或调减的毛额，不是调整预算与年初预算之差", unsure=False)
        budget_base = budget_base and not adjusted
        if adjusted and of is not None and of.column != "adjusted":
            # "决算11010.21万元，调整预算比年初预算增加6809.73万元": the 调整预算's change, not the amount's before it
            of = None
        claim = Claim("change", tok, fact, against=lead.base, source=scope.source, value=tok.value * lead.dir,
                      sentence=self.sentence,
                      of=of, label=scope.label, budget_base=budget_base, alts=alts,
                      final_base=lead.prior_final, executed_base=lead.prior_executed,
                      column="adjusted" if adjusted else None, saving=lead.saving)
        self.out.claims.append(claim)
        self.changes.append(claim)
        self._change_part(claim)
        self.last_claim = claim

    def _whole_before_its_parts(self, lead: _Lead, fact: str) -> tuple:
        """"年初预算1174.50万元，其中：基本支出预算700.30万元，项目支出预算474.20万元；年中预算调增152.30万元": a change
        of no name of its own after the parts the sentence named after 其中 may be the last part's or the whole's — the
        facts the amount before 其中 may be of, or ()."""
        levels = [c for c in self.levels if c.figure is not None]
        if lead.label or len(levels) < 3 or levels[-1].fact != fact or levels[0].fact in (None, fact):
            return ()
        whole = levels[0]
        return (whole.fact, *whole.alts) if self.text.find("其中", whole.figure.end, levels[1].figure.start) >= 0 else ()

    def _change_alts(self, scope: _Scope, of: Claim | None, budget_base: bool) -> tuple:
        """The other facts a change's words may name that it may be of: a budget's change with no budget stated may
        be of any ("收入": 本年收入合计 or 收入总计); so too a change named by words that may name several facts, after
        an amount of one of them named otherwise ("收入合计7532.81万元，总收入较上年决算数增加…"), or by words of both
        sides ("收、支总计各减少…")."""
        if budget_base or (of is not None and of.sentence == self.sentence and of.label != scope.label) \
                or ("收" in scope.label and "支" in scope.label):
            return scope.alts
        return ()

    def _gross(self, tok: Token) -> bool:
        """"年中调增预算82.63万元，调减预算3.85万元，净增加78.78万元": a change with a net one written after it in
        its sentence (not itself net)."""
        return "净" not in self.text[max(self.sentence_start, tok.start - 6):tok.start] \
            and self.cues.net_change.match(self.text, tok.end, tok.end + 48) is not None

    def _later_level(self, fact: str) -> None:
        """"公务用车购置及运行费36.56万元，比2024年预算减少10万元" in a 2023 report: compared with a year after the
        report's, the amount just stated is of a later year still — taken back (unread)."""
        level = self._level_of(fact)
        if level is not None and level.figure is not None and level.sentence == self.sentence and level.year is None \
                and level.kind == "level":
            self._retract(level.figure, "与报告年度之后的年份比较：说的是更晚一年的数")

    def _of_unread_item(self, tok: Token) -> bool:
        """"收入1,747.99万元，其中：一般公共预算拨款1,735.49万元，较上年减少106.91万元": a change right after a 其中 list's
        item left unread (its clause, nothing read since) is that item's — not of the fact the scope still holds (unless
        the item is the head's amount again: then it is all of it)."""
        # (the item's own change, left unread the same way, is passed over: "…，较上年减少106.91万元，下降5.80%")
        last = next((u for u in reversed(self.out.unread[-3:]) if u.figure.unit in MONEY), None)
        if last is None or last.figure.unit not in MONEY or not last.why.startswith("是“其中”的一项") \
                or (self.last_claim is not None and self.last_claim.figure is not None
                    and self.last_claim.figure.start > last.figure.start):
            return False
        between = self.text[last.figure.end:tok.start]
        lst = self.list if self.list is not None else self.ended
        head = lst.head.figure if lst is not None else None
        if head is not None and head.unit == last.figure.unit and head.value == last.figure.value:
            return False        # ("支出1747.99万元，…，其中：一般公共预算拨款1747.99万元，比2022年增加…": the item is all of the head)
        return not any(ch in between for ch in "；;。\n") and len(between) <= 24

    def _changing(self, tok: Token, lead: _Lead, scope: _Scope) -> tuple[str | None, bool]:
        """The fact a change or a growth rate is of, if it is this year's against a base the file has,
        and whether it is this year's budget against last year (see below); else None, the figure left
        unread with the reason."""
        fact = self._subject(lead, scope, tok)
        if fact is None or not self._this_year(tok, lead, scope):
            return None, False
        if lead.base in ("other", "this"):
            self._budget_level(lead, fact)
            self._unread(tok, "与本年、上年以外的年份（或上年的调整预算）比较")
            if lead.base_later:
                self._later_level(fact)
            return None, False
        if lead.base == "prior_budget":
            level = self._level_of(fact)
            if level is not None and level.sentence == self.sentence and level.column == "final" and not level.implied:
                # "“三公”经费决算数共计8.00万元，比上年预算数字下降20.00%": what was spent against last year's budget
                return fact, False
            # "收入预算9101.68万元，比2022年预算减少…": this year's budget against last year's budget
            self._budget_level(lead, fact)
            return fact, True
        if self._budget_vs_last_year(lead, scope):
            if (lead.col or scope.column) == "any":
                self._unread(tok, "本年预算数与上年比较：上年的数是预算还是决算，不能确定")
                return None, False
            # "预算数为20.1万元，与上年相比减少0.2万元，下降0.99%": last year's figure is the budget stated less
            # the change, whichever column it was — the rate is checked against the sentence itself; with no
            # budget stated in the sentence ("年初预算数510.84万元。支出较去年增加…") the change is of the file's
            # budget, and the check says nothing unless the text shows its 上年 is the file's 上年决算数
            return fact, True
        return fact, False

    def _percent(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        change = self._bracketed_change(tok, lead)
        if change is not None:
            # "较上年减少2.40万元（18.75%）": a percentage alone in brackets right after a change is its rate
            sign = -1 if change.value < 0 else 1
            rate = Claim("rate", tok, change.fact, against=change.against, source=change.source,
                         value=tok.value * sign, sentence=self.sentence, of=change.of,
                         change=change, label=change.label, budget_base=change.budget_base)
            self.out.claims.append(rate)
            return
        if self._bracketed_stated_rate(tok, lead):
            return
        if (lead.exec_of or lead.exec_col) and not lead.share and self._completion_of_whole_stated(tok):
            return None                             # "完成年初预算391,267万元的97.43%": of the two amounts stated
        if lead.share and _SHARE_FROM.search(self.text, max(0, tok.start - 12), tok.start) \
                and _SHARE_TO.match(self.text, tok.end):
            # "所占比例由年初预算的60.2%上升至88.9%": the share before the change (another year's or column's); the one
            # after 至 is this one's, of the same part and whole
            self.share_from = (lead, tok.end)
            return self._unread(tok, "“由…上升至…”：变化前的占比（上年或预算的），不核对", unsure=False)
        if lead.share and (not lead.exec_col or lead.whole) and not lead.other_fact:
            return self._share(tok, lead, scope)    # "占部门总预算的80.0%": a share of the whole, in that column
        why = self._no_execution(tok, lead)
        if why:
            return self._unread(tok, why)
        if lead.exec or (lead.exec_of and lead.exec_col) or (lead.share and lead.exec_col):
            return self._execution(tok, lead, scope)
        if lead.rate or lead.dir:
            return self._growth_rate(tok, lead, scope)
        if self._bare_share(tok, lead):
            return self._share(tok, lead, scope)
        if lead.label and self.cues.carried_out.at(self.text, tok.start):
            # "其中项目支出资金执行86.04%，基本支出资金执行98.54%": the verb right before the percentage — its execution
            lead.exec = True
            return self._execution(tok, lead, scope)
        self._unread(tok, "百分数前没有说明是增幅、占比还是执行率")

    def _growth_rate(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A growth rate (增长…%, 下降…%): of which fact, against which base, with which change and base stated."""
        self._year_on_year(lead)
        if not lead.label and self._of_unread_item(tok):
            return self._stated_rate(tok, lead, scope)
        fact, budget_base = self._changing(tok, lead, scope)
        if fact is None and lead.saving:
            return self._unread(tok, "节约率有的除以预算数、有的除以实际支出数：只与事实文件中的预算数、决算数核对")
        if fact is None:
            return self._stated_rate(tok, lead, scope)
        fact = self._after_nought(tok, self._head_of_zero_item(fact, lead), lead)
        if fact is None:
            return self._unread(tok, "前面的金额是0：这一增减幅度不是它的", unsure=False)
        sign = lead.rate or lead.dir
        change = next((c for c in reversed(self.changes) if c.fact == fact), None)
        if change is not None and lead.base and change.against != lead.base:
            # "完成预算的107.5%，超收60万元，同比增长10.3%": a change on another base (or none
            # stated) is not the change this rate is of
            change = None
        base = self._rate_base(fact, lead, change, budget_base)
        against = lead.base or (change.against if change else None) or \
            (("prior" if base.column == "prior" else base.column) if base else None)
        # "本年支出全年预算比年初预算增长17.04%": the 调整预算's rise on the 年初预算, not the amount's
        adjusted = against == "budget" and (lead.col or scope.column) == "adjusted" and base is None
        of = self._level_of(fact)
        claim = Claim("rate", tok, fact, against=against, source=scope.source, value=tok.value * sign,
                      sentence=self.sentence,
                      of=None if adjusted and of is not None and of.column != "adjusted" else of, change=change,
                      base=base, label=scope.label, budget_base=budget_base and not adjusted,
                      final_base=lead.prior_final, executed_base=lead.prior_executed, column="adjusted" if adjusted else None, saving=lead.saving)
        self.out.claims.append(claim)

    def _after_nought(self, tok: Token, fact: str, lead: _Lead) -> str | None:
        """"本部门当年财政拨款收入2903.60万元，其中：…、上年结转0.00万元，较上年减少202.20万元，下降6.51%": nought falls by
        100% or not at all — a rate of no name after a nought amount of its sentence is the whole's that sentence listed
        before (its fact), or no one's it can tell (None); else the fact as read."""
        level = self._level_of(fact)
        if level is None or level.sentence != self.sentence or level.value != 0 or abs(tok.value) in (0, 100) \
                or lead.label:
            return fact         # (nought "增加0万元，增长0%" is its own)
        lst = self.list if self.list is not None else self.ended
        if lst is None or lst.head.sentence != self.sentence or lst.head.fact in (None, fact):
            return None
        return lst.head.fact

    def _head_of_zero_item(self, fact: str, lead: _Lead) -> str:
        """"预算安排车辆经费6.4万元，其中公务用车购置费0万元。与上年支出数相比下降17.2%": a rate of no name opening the
        sentence after a 其中 list whose last item is nought is the list's head's — nothing cannot fall by 17.2%."""
        lst = self.ended
        if lst is None or lead.label not in (None, fact) or self.figures_in_sentence != 1 \
                or lst.head.sentence != self.sentence - 1 or not lst.parts or lst.parts[-1].fact != fact \
                or lst.head.fact in (None, fact) or lst.parts[-1].figure is None or lst.parts[-1].value != 0:
            return fact
        item = lst.parts[-1]
        if item.label and item.label in self.text[item.figure.end:self.sentence_start + 64]:
            return fact         # (the item named again: its own rate, say what it may)
        return lst.head.fact

    def _rate_base(self, fact: str, lead: _Lead, change: Claim | None, budget_base: bool) -> Claim | None:
        """The base a growth rate's sentence states for it, if any."""
        want = lead.base or (change.against if change is not None else None)
        base = self._stated_base_of(fact, want)
        if base is None and budget_base:
            # "预算收入总计1747.99万元，较2022年部门预算收入总数2073.50万元减少…，同比下降18.62%": last year's figure
            # the sentence states is the base of a budget's rate (see checks/prose/rates.py: _rate_on_stated_base) — not a
            # final figure when the rate is against last year's budget ("2022年执行数18.53万元，…，较上年预算数减少…")
            base = next((b for b in reversed(self.out.claims[-16:]) if b.kind == "prior" and b.fact == fact
                         and b.sentence == self.sentence and b.figure is not None
                         and (want != "prior_budget" or b.column == want)), None)
        return base

    def _bare_share(self, tok: Token, lead: _Lead) -> bool:
        """"支出预算7842977.60元。其中:一般公共服务支出2713623.00元,34.60%;": a percentage with no word of its own right
        after an item of a 其中 list of money (only a comma between) is the item's share of the list's head."""
        last, lst = self.last_claim, self.list
        if lead.label or lead.unknown or lead.cmp or lead.op or last is None or lst is None or last not in lst.parts \
                or not last.money or last.figure is None or last.sentence != self.sentence or lst.head.figure is None:
            return False
        return not self.text[last.figure.end:tok.start].strip(" \t\u3000,，")

    def _year_on_year(self, lead: _Lead) -> None:
        """"比上年预算增15600元，同比下降19.60%": 同比 right after a change against last year's budget is against it too."""
        last = self.changes[-1] if self.changes else None
        if lead.year_on_year and last is not None and last.sentence == self.sentence and last.against == "prior_budget":
            lead.base = "prior_budget"

    def _targets_rate(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"全县一般公共预算收入完成3.36亿元（…），为调整预算的105.0%": a rate of no subject after a performance target
        named in its sentence (after the last fact named) is the target's own (left unread: True)."""
        targets = self.out.targets
        if scope.subject is not None or lead.label or not targets or targets[-1].start < self.sentence_start \
                or (self.named and self.named[-1][1] > targets[-1].start):
            return False
        self._unread(tok, "接在绩效目标之后：是那个目标的完成率，不是本部门支出的执行率", unsure=False)
        return True

    def _bracketed_stated_rate(self, tok: Token, lead: _Lead) -> bool:
        """"会议费3.60万元，较上年减少1.25万元（25.77%）": a percentage alone in brackets right after a change of an item
        of no fact kept with its amount (see stated._stated_change) — the rate of the two, checked against them."""
        pending = self.stated_change
        if pending is None or lead.share or lead.exec or lead.exec_of or lead.rate or lead.dir or lead.label:
            return False
        level, change = pending
        if change.figure is None or self.text[change.figure.end:tok.start].strip(" \t\u3000") not in OPEN \
                or self.text[tok.end:tok.end + 2].lstrip(" \t\u3000")[:1] not in CLOSE:
            return False
        self.stated_change = None
        self.out.claims.append(Claim("rate", tok, None, value=tok.value * (-1 if change.value < 0 else 1), of=level,
                                     change=change, sentence=self.sentence))
        return True

    def _bracketed_change(self, tok: Token, lead: _Lead) -> Claim | None:
        """The change a percentage is the rate of when it stands alone in brackets right after it."""
        if not self.saved or self.deep or lead.share or lead.exec or lead.exec_of or lead.rate or lead.dir \
                or lead.label or lead.unknown or lead.cmp:
            return None
        _, figures, last, _, _ = self.saved[-1]
        if figures != self.figures - 1 or last is None or last.kind != "change" or last.sentence != self.sentence:
            return None
        if last.figure is None or self.text[last.figure.end:tok.start].strip(" \t\u3000") not in OPEN:
            return None
        after = self.text[tok.end:tok.end + 2].lstrip(" \t\u3000")
        return last if after[:1] in CLOSE else None

    def _execution(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        if self._targets_rate(tok, lead, scope):
            return None
        if scope.blocked or scope.partial or (lead.unknown and not lead.label) or (scope.subject is None and self.unsure):
            self._stated_execution(tok, lead)      # no fact to check against: perhaps the sentence's own amounts
        elif scope.subject is None and self._stated_execution(tok, lead, unread=True):
            # "全年预算数7532.81万元，全年执行数7540.18万元，预算执行率100.1%": the rate of the two amounts the sentence
            # states (which neither names a fact of), not of the department's spending
            return
        if scope.blocked:
            return self._unread(tok, self._whose(scope))
        if scope.partial:
            return self._unread(tok, f"说的是一年中的一段时间（“{scope.partial}”）")
        if lead.unknown and not lead.label:
            return self._unread(tok, UNKNOWN_WORDS.format(lead.unknown))
        if scope.subject is None and (self.unsure or (lead.share and self._amount_unread_in_sentence())):
            # "财政总收入152.87亿元，完成调整后预算的99.2%": the rate of a figure that was not read; so too "年中追加预算
            # 168.65万元，占年初预算数1296.40万元的13.01%" (the share of that amount)
            return self._unread(tok, "没有说明是哪一项的执行率")
        if lead.op in ("<", ">"):
            # "执行率高于70.61%的有15个单位": a threshold, not the rate itself
            return self._unread(tok, "写的是高于或低于某个比率，不是执行率本身")
        if _SCORING_RULE.match(self.text, tok.end):
            # "评分标准：预算执行率100%得满分，每降低1个百分点扣0.1分": the rule's rate, not the department's
            return self._unread(tok, "评分标准中的比率，不是本部门的执行率", unsure=False)
        year = lead.year if lead.year is not None else scope.year
        if year not in (None, self.year):
            # "2021年度…支出预算为X万元，决算为Y万元，完成预算的Z%": another year's rate
            return self._unread(tok, f"说的是{year}年的执行率，不是本年的")
        if self._of_things(tok, lead, scope):
            return self._unread(tok, "前面的数是实物量或比率，完成率说的是它们，不是支出", unsure=False)
        fact = self._execution_fact(tok, lead, scope)
        of, last = self._level_of(fact), self.last_claim
        # (right after an amount named by its column alone, which may be a part's or its whole's, so may the rate)
        alts = last.alts if last is not None and not lead.label and last.kind == "level" and last.fact == fact \
            and last.sentence == self.sentence else ()
        self.out.claims.append(Claim("execution", tok, fact, column=lead.exec_col or self._form_column(fact),
                                     sentence=self.sentence, label=scope.label or "部门支出", of=of,
                                     variance=lead.variance, alts=alts))

    def _form_column(self, fact: str) -> str | None:
        """"年初预算数695.60万元，全年预算数845.92万元，全年执行数845.92万元，执行率…": the self-evaluation form's row —
        with both budgets stated, its 执行率 is of the 全年预算 (the 调整预算); None otherwise (either may be meant)."""
        columns = {c.column for c in self.levels if c.fact == fact and c.figure is not None}
        return "adjusted" if {"budget", "adjusted"} <= columns else None

    def _of_things(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"完成农村公路养护里程326公里，目标值≥320公里，完成率101.88%": the rate of the things done, not of spending;
        so too after the spending's name: "9项部门整体支出绩效目标完成8项，完成率88.89%" (two counts of one thing) —
        but not the staff's own control rate, of counts ("核定编制37人，实有在职人员35人，在职人员控制率为94.59%")."""
        staff = bool(lead.label) and (scope.subject or "").startswith("department.staffing.")
        return not staff and self._things_before(tok, counted=scope.subject is not None)

    def _amount_unread_in_sentence(self) -> bool:
        """Whether an amount of money of this sentence was left unread after its last claim."""
        last = self.out.unread[-1].figure if self.out.unread else None
        return last is not None and last.unit in MONEY and last.start >= self.sentence_start \
            and (self.last_claim is None or self.last_claim.start < last.start)

    def _execution_fact(self, tok: Token, lead: _Lead, scope: _Scope) -> str:
        """The fact an execution rate is of: the subject, or the department's spending (预算执行率 alone)."""
        other = self._named_after_comparison() if lead.cmp else None
        if other is not None:
            return other            # "项目支出预算执行率为93.69%，比基本支出预算执行率99.73%": the other one's rate
        if lead.exec and not lead.label and self._rate_opens_statement(tok):
            # "“三公”经费较上年下降11.01%；预算执行率99.43%": a rate of no name opening a new statement is the
            # department's (its spending), not the subject of the statement before
            return "finance.expenditure.current"
        return scope.subject or "finance.expenditure.current"

    def _no_execution(self, tok: Token, lead: _Lead) -> str:
        """Why a percentage of a column's words (占年初预算的…, 达到年初预算的…) is no execution rate, or ""."""
        if not lead.exec_col or lead.exec:
            return ""
        if lead.share and self._stated_in(lead.exec_col):
            # "项目支出年初预算仅404.30万元，占年初预算的21.67%": the amount is itself the budget — its share of the
            # whole budget, which the sentence does not state, not an execution rate
            return WHOLE_BUDGET_UNSTATED
        adjustment = _ADJUSTMENT.search(self.text, max(self.sentence_start, tok.start - 40), tok.start)
        if (lead.share or lead.exec_of) and adjustment is not None \
                and self.text[adjustment.end():tok.start].strip(" \t\u3000的") != "":
            # (not "完成预算调整数的102.9%": the adjusted budget is the column the rate is of)
            # "年中预算调整幅度较大，达到年初预算的79.84%": the adjustment's size against the budget, no execution rate
            return "说的是预算调整的幅度，不是执行率"
        if lead.share and lead.col in ("budget", "adjusted", "plan"):
            # "年初预算仅占调整预算的38.64%", "预算调整数占年初预算的158.80%": one budget against another, not the
            # money spent against a budget
            return "说的是两个预算数之比，不是执行率"
        return ""

    def _named_after_comparison(self) -> str | None:
        """The fact named after the comparison word (比, 较) right before the current figure, if any (a bounded look back)."""
        for t in reversed(self.tokens[max(0, self.index - 8):self.index]):
            if t.kind != "word":
                if t.kind == "num" or (t.kind == "punct" and t.text not in OPEN + CLOSE):
                    return None
                continue
            if t.has("compare_to"):
                return None
            facts = [v for k, v in t.means if k == "fact"]
            if facts and any(u.has("compare_to") for u in self.tokens[max(0, self.index - 8):self.index]
                             if u.kind == "word" and u.start < t.start):
                return facts[0]
        return None

    def _rate_opens_statement(self, tok: Token) -> bool:
        """Whether the words before the rate since the last ；(or the sentence's start) are only its own name."""
        start = max(self.sentence_start, tok.start - 24)
        cut = max(self.text.rfind("；", start, tok.start), self.text.rfind(";", start, tok.start))
        if cut < 0 and start > self.sentence_start:
            return False
        words = self.text[max(cut + 1, self.sentence_start):tok.start]
        return bool(_BARE_RATE.fullmatch(words.strip(" \t\u3000")))

    def _stated_in(self, column: str) -> bool:
        """Whether the amount stated last in this sentence is in `column` by its own words (年初预算, 调整预算)."""
        lst = self.list
        outer = lst.within if lst is not None and lst.within is not None else lst
        if outer is not None and column in (outer.head.column, outer.head.col_word) and outer.parts:
            return True     # "批复的年初预算为18654300.00元，其中人员经费15236800.00元（占年初预算的81.68%）"
        last = self.last_claim
        in_list = lst is not None and last in lst.parts and lst.head.column == column
        return last is not None and last.sentence == self.sentence and last.kind == "level" and last.money \
            and (not last.implied or in_list) and last.column == column

    def _things_before(self, tok: Token, counted: bool = False) -> bool:
        """Whether the figures before a rate in its part of the sentence (since a 。 or a ；) are things or rates, not
        amounts of money (a bounded look back: a hostile sentence stays linear); `counted`: two or more counts of one
        kind of thing ("9项…完成8项"), no rate among them."""
        nums = []
        for t in reversed(self.tokens[max(0, self.index - 24):self.index]):
            if t.start < self.sentence_start or (t.kind == "punct" and t.text in "；;"):
                break
            if t.kind == "num":
                nums.append(t)
        if counted:
            return len(nums) >= 2 and len({t.unit for t in nums}) == 1 and nums[0].unit not in MONEY \
                and nums[0].unit not in ("%", "", None)
        return bool(nums) and not any(t.unit in MONEY for t in nums)

    def _difference(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        if lead.base in ("prior", "budget", "adjusted", "plan"):
            # "“三公”经费决算数14.36万元，与年初预算数差额3.46万元": one fact, two columns
            fact = self._subject(lead, scope, tok)
            if fact is not None:
                self.out.claims.append(Claim("difference", tok, fact, column=scope.column or "final",
                                             against=lead.base, sentence=self.sentence, label=scope.label))
            return
        levels = [c for c in self.levels if c.money]
        if len(levels) < 2:
            return self._unread(tok, "差额前没有两个金额")
        self.out.claims.append(Claim("difference", tok, None, other=(levels[-2], levels[-1]), sentence=self.sentence))

    def _compare(self, tok: Token, lead: _Lead) -> None:
        """"19.85万元小于预算安排的75.45万元", "38.64万元，低于上年的20.43万元"."""
        left = self.last_money
        if left is not None and left.figure is not None and left.figure is not tok \
                and not self._compared_in_own_clause(left.figure, lead):
            self.out.claims.append(Claim("compare", tok, None, other=left, op=lead.op, sentence=self.sentence))

    def _bound(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"其中项目支出决算数超过了2000万元，高达2473.85万元": a fact named, then 超过/不足/低于 a figure with no amount
        of its own before — the fact's figure is above (or below) that bound (read: True)."""
        if lead.op_target or lead.op_fact or lead.op_tok is None or scope.subject is None \
                or not self.named or self.named[-1][0] != scope.subject or self.named[-1][2] > lead.op_tok.start:
            return False
        left = self.last_money
        if left is not None and left.figure is not None and left.figure.end > self.named[-1][1]:
            return False        # "19.85万元小于预算安排的75.45万元": the amount before is compared
        fact = self._subject(lead, scope, tok)
        if fact is None:
            return True
        self.out.claims.append(Claim("compare", tok, fact, op=lead.op, column=lead.op_col or scope.column or "final",
                                     bound=True, sentence=self.sentence, label=scope.label))
        return True

    def _compared_in_own_clause(self, left: Token, lead: _Lead) -> bool:
        """"各奖励10万元，对首次产值超过1亿元的29户企业…": 超过 in a later clause with a subject of its own (产值)
        compares that, not the amount before."""
        if lead.op_tok is None:
            return False
        between = self.text[left.end:lead.op_tok.start]
        cut = max(between.rfind(ch) for ch in CLAUSE)
        return cut >= 0 and bool(_STILL_COMPARED.sub("", between[cut + 1:]))

    def _margin(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """"实际支出高于调整预算15.00万元" (a margin) or "小于调整预算数1121.50万元" (the amount): the
        figure after a comparison with a column is one or the other; either may hold."""
        left = self.last_money
        if lead.op_col:
            left = next((c for c in reversed(self.levels) if c.fact is not None and c.column == lead.op_col), left)
        fact = self._subject(lead, scope, tok)
        if fact is None:
            return
        if left is not None and left.kind == "prior" and left.fact == fact:
            # "2024年度…公用经费决算192.84万元，超过年初预算186.50万元" (written in 2025): last year's comparison
            return self._unread(tok, "与上年的数比较：说的是上年的预算，不是本年的")
        column = lead.op_col or (left.column if left is not None and left.fact == fact else None) or "final"
        self.out.claims.append(Claim("margin", tok, fact, column=column, against=lead.op_target, op=lead.op,
                                     other=left if left is not None and left.fact == fact else None,
                                     sentence=self.sentence, label=scope.label, source=scope.source))

    def _stated_compare(self, lead: _Lead) -> bool:
        """"年初预算为1560.05万元，支出决算为1511.89万元。决算数小于预算数的主要原因…" of a line of accounts (no fact):
        the two amounts the text states, one against the other ("预算数大于决算数": the other way round). Read (True)
        or not."""
        if lead.op_tok is None or lead.label or lead.op is None:
            return False
        if lead.op_col in ("budget", "adjusted", "plan") and lead.op_target == "final":
            pair, op = self._stated_columns(lead.op_col), _REVERSED[lead.op]
        elif lead.op_col == "final" and lead.op_target in ("budget", "adjusted", "plan"):
            after = self.text[lead.op_tok.end:lead.op_tok.end + 6]
            target = "budget" if "年初" in after else "adjusted" if ("调整" in after or "全年" in after) else lead.op_target
            pair, op = self._stated_columns(target), lead.op
        else:
            return False
        return self._compare_stated(pair, op, lead.op_tok.end)

    def _compare_stated(self, pair: tuple[Claim, Claim] | None, op: str, words_end: int) -> bool:
        """A comparison of a stated (budget, final) pair, claimed; False when there is no such pair."""
        if pair is None:
            return False
        self.out.claims.append(Claim("compare", pair[0].figure, None, other=pair[1], op=op, sentence=self.sentence,
                                     words_end=words_end))
        return True

    def _stated_columns(self, target: str) -> tuple[Claim, Claim] | None:
        """(budget, final): the one amount of no fact stated in `target`'s column and the one stated as 决算数, in
        this sentence (or, with no figure in it yet, the sentence before), or None."""
        levels = self.levels if self.figures_in_sentence else self.prev_sentence_levels
        stated = [c for c in levels if c.fact is None and c.money and c.figure is not None and c.col_word]
        # "年初预算数" is the 年初预算 stated; a bare "预算数", whichever budget was stated
        columns = {"adjusted": ("adjusted",), "budget": ("budget", "plan")}.get(target, ("budget", "adjusted", "plan"))
        budgets = [c for c in stated if c.col_word in columns]
        finals = [c for c in stated if c.col_word == "final"]
        if len(budgets) != 1 or len(finals) != 1 or budgets[0].figure.start > finals[0].figure.start:
            return None
        return budgets[0], finals[0]

    def _compare_fact(self, lead: _Lead) -> None:
        """"基本支出决算776.17万元，超过调整预算。": the figure against the fact's other column."""
        left = self.last_money
        if lead.op_col:
            left = next((c for c in reversed(self.levels) if c.fact is not None and c.column == lead.op_col), None)
        if left is None and lead.op_col == "final" and lead.op_tok is not None and not self.figures_in_sentence \
                and lead.op_target in ("budget", "adjusted", "plan") and self.scope.subject and not self.scope.blocked:
            # "“三公”经费决算数小于预算数的主要原因是…": the two columns of the subject, no figure written
            self.out.claims.append(Claim("compare", lead.op_tok, self.scope.subject, column=lead.op_target, op=lead.op,
                                         sentence=self.sentence, label=self.scope.label, unit="万元"))
            return
        if left is None and self._stated_compare(lead):
            return
        if left is None or left.fact is None or self.scope.blocked:
            return
        if left.kind == "prior" and lead.op_target in ("prior", "prior_budget"):
            # "2024年决算数20.45万元，2023年决算数22.57万元，…，未超过上年水平": last year's figure is what this year's is
            # compared with — the left side is this year's amount, stated before it
            left = next((c for c in reversed(self.levels[-16:]) if c.kind == "level" and c.fact == left.fact
                         and c.sentence == self.sentence and c.figure is not None), None)
            if left is None:
                return
        if any(c.kind in ("compare", "margin") and c.other is left for c in self.out.claims):
            return      # "…15.23万元，大于预算数18万元，决算数大于预算数的原因…": compared once already
        self.out.claims.append(Claim("compare", left.figure, left.fact, column=lead.op_target, op=lead.op,
                                     other=left, sentence=self.sentence, value=left.value, unit=left.unit))

    def _total_named(self, tok: Token, lead: _Lead) -> bool:
        """"人员经费…，公用经费…，项目支出…，合计支出3237.75万元": the plain word right after 合计 only names what the
        total is of — still the total of the items before."""
        # (only with items right before it, as _RIGHT_AFTER reads them: "本年共计收入1362.00万元（其中…）" is an amount
        # its list follows)
        return bool(lead.labels) and lead.labels[-1][1] in _TOTAL_OF and (
            self._ends_its_list(tok, money=True) or self._enumerated([c for c in self.levels if c.money], tok))

    def _total(self, tok: Token) -> None:
        """"…分别为776.17万元和478.61万元，合计1254.78万元": the figures before add up to it."""
        lst = self.list
        if self._ends_its_list(tok, money=True):
            # (not after other figures of its sentence: "…接待费2.00万元，公务用车…5.00万元，其中：购置费…、运行维护费…，
            # 合计7.00万元" may be the total of all of them)
            return self._list_total(lst, tok)
        if lst is not None and lst.parts:
            # a list whose items are not all read as its parts ("其中：2022年结转30.00万元，2023年安排70.00万元，
            # 合计100.00万元"): what the total is of, the reading cannot tell
            return self._total_of_nothing(tok)
        parts = self.each_claims or [c for c in self.levels if c.money]
        # (a colon too: "该项目总资金700万元，…下拨我乡100万元，现已完成投资情况：A…，B…，合计49.197万元")
        cut = max(self.text.rfind(ch, self.sentence_start, tok.start) for ch in "；;：:")
        after = [c for c in parts if c.figure is not None and c.figure.start > cut] if cut >= 0 else parts
        if len(after) >= 2 and not self.each_claims and not _adds_up(parts, tok):
            # "…累计完成1.42亿元，…；三大中心建设分别投入设备资金386万元、412万元和295万元，合计1093万元": the total of
            # its own statement (after the semicolon), not of the whole sentence (unless all of them add up to it:
            # "一般公共预算财政拨款收入3237.75万元；…收入0万元，上年结转0万元，合计收入3237.75万元")
            parts = after
        if not self.each_claims and not self._enumerated(parts, tok):
            return self._total_of_nothing(tok)
        if self.saved and not self.each_claims:
            # "公车费5.00万元（购置费1万元，运行费4.00万元，合计5.00万元）": inside a bracket, its own figures
            opened = self._bracket_start(tok.start)
            parts = [c for c in parts if c.figure is not None and c.figure.start > opened]
        if len(parts) >= 2:
            head = Claim("level", tok, None, sentence=self.sentence)
            self.out.claims.append(Claim("sum", tok, None, parts=list(parts), of=head, complete=True,
                                         sentence=self.sentence))
        else:
            return self._total_of_nothing(tok)
        self.each_claims = []

    def _ends_its_list(self, tok: Token, money: bool) -> bool:
        """Whether a total comes right after the items of the open 其中 list, all of them amounts (`money`) or counts,
        and no other figure since the list began: their total."""
        lst = self.list
        return lst is not None and len(lst.parts) >= 2 and not lst.tiered and all(
            p.figure is not None and (p.money if money else p.unit in COUNTS and p.unit == tok.unit) for p in lst.parts) \
            and lst.depth == len(self.stack) and self.figures - lst.figures_at - 1 == len(lst.parts) + len(lst.shares) \
            and lst.before <= (lst.head.figure is not None) and self._right_after(lst.parts[-1], tok)

    def _list_total(self, lst, tok: Token) -> None:
        """"项目总预算1170.00万，其中A 870.00万，…，合计1170.00万": the items of the list, every one of them."""
        head = lst.head
        same = head.figure is not None and head.money and head.value == tok.value and head.unit == tok.unit
        if lst.outer is not None and not same:
            # "…公务用车购置及运行维护费5.00万元，其中：购置费…、运行维护费…，合计7.00万元": the inner list's or
            # the outer's total, the text does not say
            self._end_list()
            return self._total_of_nothing(tok)
        if head.figure is not None and head.money:
            lst.closed = True           # the items are the whole of the head: both must be their sum
        if not same:
            self.out.claims.append(Claim("sum", tok, None, parts=list(lst.parts), complete=True,
                                         of=Claim("level", tok, None, sentence=self.sentence), sentence=self.sentence))
        self._end_list()
        self.each_claims = []

    def _right_after(self, last: Claim, tok: Token) -> bool:
        """Whether only "，合计" and the like stand between the last item and the total."""
        return tok.start - last.figure.end <= 40 and _RIGHT_AFTER.fullmatch(self.text, last.figure.end, tok.start) is not None

    def _enumerated(self, parts: list, tok: Token) -> bool:
        """Whether amounts of a sentence are a plain enumeration its total ends ("支持外贸发展370.00万元，支持会展发展
        30.00万元，合计400.00万元"): the total right after the last, no other figure among them, no 其中 after the first
        (then the first is what the rest are of: "该项目资金100.00万元，其中：2022年结转…，合计100.00万元")."""
        if len(parts) < 2 or parts[0].figure is None or not self._right_after(parts[-1], tok):
            return False
        first, ids = parts[0].figure.start, {id(p) for p in parts}
        starts = {p.figure.start for p in parts if p.figure is not None}
        if any(first < u.figure.start < tok.start and u.figure.start not in starts and u.figure.unit != "%"
               for u in self.out.unread[-64:]) or any(
                c.figure is not None and first < c.figure.start < tok.start and id(c) not in ids
                and not (c.kind == "share" and id(c.of) in ids) for c in self.out.claims[-64:]):
            return False
        return "其中" not in self.text[parts[0].figure.end:parts[1].figure.start]

    def _total_of_nothing(self, tok: Token) -> None:
        """"按生均1000元安排，共计239万元，其中…": a total with nothing before it to add up is still the amount a
        following 其中 list is of — not the figure before it. Of what, the words do not say (explain shows it unread,
        and a list after it is of an amount left unread: see lists._unread_amount)."""
        self.out.unread.append(Unread(tok, TOTAL_OF_NOTHING_BEFORE))
        self.last_claim = Claim("level", tok, None, sentence=self.sentence)
        self.each_claims = []

    def _bracket_start(self, at: int) -> int:
        """Where the innermost bracket open at `at` began (looked for within 300 characters: linear time), or -1."""
        depth = 0
        for i in range(at - 1, max(-1, at - 300), -1):
            ch = self.text[i]
            if ch in CLOSE:
                depth += 1
            elif ch in OPEN:
                if depth == 0:
                    return i
                depth -= 1
        return -1

    def _flat(self, tok: Token) -> None:
        lead, scope = self.lead, self.scope
        if lead.col == "final" and lead.base in ("budget", "adjusted", "plan") and not lead.loose \
                and (scope.blocked or scope.subject is None) \
                and self._compare_stated(self._stated_columns(lead.base), "=", tok.end):
            return      # "年初预算为20.00万元，支出决算20.00万元。决算数与预算数持平。" of a line of accounts
        if scope.blocked or scope.subject is None or (lead.unknown and not lead.label) or lead.other_fact:
            return
        if not self._this_year(tok, lead, scope):
            return      # "2022年度年末结转和结余35.20万元，与上年决算数持平": 2022 level with the year before it
        if lead.base in ("other", "this") or scope.partial or scope.excluding or self._budget_vs_last_year(lead, scope):
            # "因公出国（境）费支出7万元，与2022年预算持平": level with last year's budget, the amount is this year's
            # budget (as before a change measured so, see _budget_level)
            self._budget_level(lead, scope.subject)
            if lead.base_later:
                self._later_level(scope.subject)
            return
        if lead.base == "prior_budget":
            self._budget_level(lead, scope.subject)     # the amount level with last year's budget is a budget
        self.out.claims.append(Claim("flat", tok, scope.subject, against=lead.base or self._compared_in(tok) or "prior",
                                     value=None,
                                     unit="", loose=lead.loose, sentence=self.sentence, label=scope.label,
                                     of=self._level_of(scope.subject)))

    def _stated_base_of(self, fact: str, named: str | None) -> Claim | None:
        """The base stated last for `fact` ("比上年的X万元"), unless stated for another comparison than the one the rate
        names ("比年初预算9.50万元节约1.51万元，较上年减少0.61万元，下降7.09%")."""
        base = next((b for b in reversed(self.bases) if b.fact == fact), None)
        if base is not None and named is not None and (named == "prior") != (base.column == "prior"):
            return None
        return base

    def _compared_in(self, tok: Token) -> str | None:
        """"较预算数0万元无增减": the column of the amount compared with, stated right before the word, or None."""
        last = self.last_claim
        if last is None or last.figure is None or last.kind != "level" or last.column not in ("budget", "adjusted", "plan") \
                or not last.compared or self.text[last.figure.end:tok.start].strip(" \t\u3000"):
            return None
        return last.column

    def _budget_vs_last_year(self, lead: _Lead, scope: _Scope) -> bool:
        """"人员经费预算80万元，比上年增加5万元": this year's budget against last year's — its
        budget or its final, the text does not say, and the file has only the final."""
        if lead.base in (None, "prior") and self._reason_of_a_budget(scope):
            return True
        column = lead.col or scope.column
        level = self._level_of(scope.subject) if column is None and scope.subject is not None else None
        if column is None and scope.subject is not None and (level is None or level.sentence != self.sentence):
            # "支出预算1200万元。支出较上年增加150万元": a sentence with no column and no amount of its
            # own goes on about the budget the sentence before stated
            column = self.prev_column if level is None else level.column
        elif column is None and level is not None and level.implied and level.column == "budget":
            column = "budget"       # ("总支出848105.90元,比上年减少…" in a budget's text: its budget against last year)
        if column == "any":
            # "财政拨款安排的“三公”经费X万元，比上年减少…": the amount stated tells at the check whether it is
            # the final; without one, budget or final cannot be told
            return lead.base in (None, "prior") and not self.bases and (
                scope.subject is None or self._level_of(scope.subject) is None)
        if column in ("budget", "adjusted", "plan") and lead.col is None and self._spent_then_rate(scope.subject):
            # "公务接待费21,600元，年初预算3.00万元，完成预算的72.00%，比上年减少0.31万元": the budget was the base of the
            # execution rate; what the sentence is about, and compares with last year, is the money spent
            return False
        return column in ("budget", "adjusted", "plan") and lead.base in (None, "prior") and not self.bases

    def _reason_of_a_budget(self, scope: _Scope) -> bool:
        """"部门收入预算总计1747.99万元，比上年执行数8123.47万元减少6375.48万元，主要原因是基本支出减少106.04万元": a
        change in the reason for a budget's change from last year is a budget's change from last year too."""
        if self.cause_at is None or scope.subject is None:
            return False
        main = next((c for c in self.levels if c.start < self.cause_at), None)
        return main is not None and main.column in ("budget", "plan") and main.fact != scope.subject and any(
            c.of is main and c.start < self.cause_at for c in self.changes)

    def _spent_then_rate(self, fact: str | None) -> bool:
        """Whether this sentence stated the fact's final amount and then its execution rate."""
        if fact is None:
            return False
        recent = [c for c in self.out.claims[-16:] if c.sentence == self.sentence and c.fact == fact]
        spent = next((c for c in recent if c.kind == "level" and c.column == "final"), None)
        return spent is not None and any(c.kind == "execution" and c.start > spent.start for c in recent)


def _adds_up(parts: list, tok: Token) -> bool:
    """Whether the amounts of `parts` add up exactly to the total `tok` (in its unit)."""
    if tok.unit not in MONEY or any(p.unit not in MONEY or p.value is None for p in parts):
        return False
    return sum((abs(p.value) * MONEY[p.unit] for p in parts), Decimal(0)) == abs(tok.value) * MONEY[tok.unit]
