"""The words that are not a name: years and dates, columns, comparison and direction words and every other
word class, one small handler each (_WORD_HANDLERS; _WORD_ORDER says which wins when a word means several
things) — what each says of the figure after it (_Words)."""
from __future__ import annotations

import re

from .parts import SOURCE_OF, _side, source_key, within
from .patterns import _ENUM_ITEM, _content
from .state import _Lead, _Scope, _State
from .tokens import CLAUSE, CLOSE, MONEY, OPEN, SENTENCE, Token, is_han

# the characters an item of a list comes after: a mark between items, or the end of its number ("3）")
_ITEM_STARTS = frozenset("，,；;：:、）).．")

# column words that are also common verbs: a column only when they open a clause ("安排公务接待费8万元")
LEADING_COLUMNS = {"安排"}
# 安排 right after a source of funds ("财政拨款安排"): allocated from it — a budget, or in a final account the
# spending of it: column "any" (budget, adjusted or final), until a column word says which
ARRANGED = ("安排",)
# comparison words written after the base ("与上年相比"): where the 与 is left out ("2023年度预算相比", "和上年相比"),
# the year and column named before them are the base
POSTPOSED = {"相比", "对比"}
_CONTENTS = frozenset({"主要包括", "主要为", "包括", "主要用于"})
# "具体情况如下：1.财政拨款收入…；2.事业收入…": numbered items right after it, on its line, are the parts of the figure
# before it; announcing a section ("如下：\n（一）…") it opens no list
_ANNOUNCES = ("如下",)
_ANNOUNCED_ITEM = re.compile(r"[ \t\u3000]*[：:]?")
# (in the total's own sentence a note in brackets may stand before the colon: "支出3237.75万元，具体情况如下(按项级科目
# 统计)：（一）…")
_ANNOUNCED_NOTED = re.compile(r"[ \t\u3000]*(?:[（(][^（()）\n]{1,20}[）)])?[ \t\u3000]*[：:]?")
_SHARE_AFTER_ZHAN = frozenset({"比例", "比率"})
# "中新网7月20日电", "财政部4月18日公布的数据": the day the text was published or said, not a day the figures
# run to ("截至11月30日已拨付…" is) — what follows is still the whole year's
_REASON = re.compile("由于|因为|因|原因")
_SAID_ON = re.compile(r"\s?(?:电|讯|公布|发布|宣布|披露|公开|报道|消息|获悉|表示|介绍|通报)")
_PARTIAL_MONTHS = re.compile(r"([0-9]{1,2})\s?[-—～~至到]\s?([0-9]{1,2})\s?月|([0-9]{1,2})\s?月(?:份)?(?:底|末|[0-9]{1,2}\s?日)?")

# the day after a month ("1月31日")
_DAY = re.compile(r"\s?月(?:份)?([0-9]{1,2})\s?日")

# what stands between two years named one after the other ("2022年、2023年", "2021年至2023年", "2022和2023年")
_YEARS_JOINED = re.compile(r"\s*年?\s*(?:[、，,和与及至到~～—\-－]|以及)\s*")
_YEAR_RANGE = re.compile(r"[至到~～—\-－]")



def _last_years(col: str) -> str:
    """Last year's figure a column word names after 上年: its final (上年决算数), its budget (the file's 上年预算数), or
    a column the file does not have (上年调整预算)."""
    return "prior" if col == "final" else "prior_budget" if col in ("budget", "plan") else "other"

# after "比…X万元多": the change's figure ("多2.2万元", "多了62.15万元")
_CHANGE_AFTER_MORE = re.compile(r"了?[ \t\u3000]*[0-9０-９]")


# the words of a whole area ("全镇", "本县", "辖区"): a sentence they open is the area's, its lines of accounts too
_AREA = re.compile("全[国省市县区州盟旗镇乡]|本[县市区]|我[县市区省]|[县市]域|辖区")

class _Words(_State):
    """Years, dates and the words that say what the next figure is."""

    def _year(self, tok: Token) -> None:
        lead = self.lead
        if lead.cmp:
            lead.base = "prior" if tok.value == self.year - 1 else "this" if tok.value == self.year else "other"
            lead.base_later = tok.value > self.year
            return
        # "2023年“三公”经费支出14.36万元，2022年支出15.82万元": the other of the two years, of the subject just
        # named — a plain 支出 after it is still the subject's
        # (and "“三公”经费2023年支出…": a year right after the subject's name)
        other_year = self.scope.fresh and (self.label_end == tok.start or (
            self.scope.year not in (None, tok.value) and {self.scope.year, tok.value} == {self.year, self.year - 1})
            # ("（二）公务接待费。2021年预算支出11.71万元": this year opening the sentence after a heading; so after a
            # name and its colon: "人员经费：2023年支出完成796.02万元")
            or (tok.value == self.year and not self.figures_in_sentence
                and (not self.text[self.sentence_start:tok.start].strip(" \t\u3000\n")
                     or self.text[self.label_end:tok.start].strip(" \t\u3000") in ("：", ":"))))
        self._keep(lead)
        lead.year = tok.value
        if tok.value != self.year and self._before(tok.start, 1) == "于":
            # "（本馆）于2009年11月16日开馆，…现有人员编制57人": the year something happened — it dates its own
            # clause, not the sentence's figures
            lead.event = True
            return
        self.scope.year = tok.value
        self.scope.relative = False
        self._years_in_series(tok)
        self.sentence_years.append(tok.value)
        if not lead.op:
            # "2021年收入首超300万元，2022年超过400万元": a year named before 小于/超过 opens another statement —
            # the amount before it is not the left side of that comparison
            self.last_money = None
        if not lead.col and not (tok.value == self.year and not self.figures_in_sentence
                                 and self._before(tok.start, 1) in ("：", ":")):
            # (not "基本支出预算：2023年基本支出695.60万元": the heading's column goes on into its statement)
            self.scope.column = None
        self.scope.fresh = other_year
        if self.list is not None and self.list.parts:
            self._end_list()           # "；截至2023年底，…": a new statement, not another item

    def _years_in_series(self, tok: Token) -> None:
        """"2022年、2023年“三公”经费支出分别为16.92万元、14.36万元", "2021年至2023年…": years named one after the
        other — the figures after them are of those years in turn (see _Figures._take_figure)."""
        between = self.text[self.year_end:tok.start] if self.year_end >= 0 else ""
        if self.sentence_years and self.figures_in_sentence == self.figures_at_year and _YEARS_JOINED.fullmatch(between):
            first = self.sentence_years[-1]
            base = self.years_series or [first]
            if _YEAR_RANGE.search(between) and 0 < tok.value - first <= 10:
                self.years_series = [*base, *range(first + 1, tok.value + 1)]
            else:
                self.years_series = [*base, tok.value]
        self.year_end = tok.end + (1 if self.text[tok.end:tok.end + 1] == "年" else 0)
        self.figures_at_year = self.figures_in_sentence

    def _date(self, tok: Token) -> None:
        """"1-6月" or "截至6月底": what follows is part of the year, not the year's figure."""
        m = _PARTIAL_MONTHS.search(tok.text)
        if m is None or self.lead.event:
            return
        if tok.text.startswith(("元", "年初")):
            if m.group(3) and int(m.group(3)) != 12:
                self.scope.partial = tok.text       # "元至8月", "年初至10月底"
            return
        if m.group(1):
            first, last = int(m.group(1)), int(m.group(2))
            if (first, last) != (1, 12):
                self.scope.partial = tok.text
        elif m.group(3) and int(m.group(3)) != 12 and ("底" in tok.text or "末" in tok.text or "日" in tok.text):
            if not ("日" in tok.text and _SAID_ON.match(self.text, tok.end)) and not self._file_moment(tok, m):
                self.scope.partial = tok.text

    def _file_moment(self, tok: Token, m) -> bool:
        """"截至2023年1月31日，本部门固定资产金额186.42万元": the day the file counts its assets on (a budget's
        document counts them early in the year) — the balance on that day, not part of the year's flow."""
        day = _DAY.match(tok.text, m.end(3))
        return day is not None and (int(m.group(3)), int(day.group(1))) in self.moments

    def _clause_ends(self, at: int) -> bool:
        """Whether nothing but spaces stands between `at` and the end of the clause (or of the text)."""
        rest = self.text[at:at + 8].lstrip(" \t\u3000")
        return not rest or rest[0] in SENTENCE + CLAUSE

    def _own_part(self) -> bool:
        """Whether the amount a share after it is of is one of the department's facts, read in this sentence (or named)."""
        last = self.last_claim
        if self.scope.blocked:
            return False
        # (or a line named with no amount: "项目支出占一般公共预算支出比重76.4%")
        return (last is not None and last.fact is not None and last.sentence == self.sentence) \
            or (isinstance(self.lead.label, str) and self.lead.label.startswith("finance."))

    def _word(self, tok: Token) -> None:
        means: dict = {}
        facts = []
        for k, v in tok.means:
            means.setdefault(k, v)
            if k == "fact":
                facts.append(v)
        if self.last_num is not None and tok.start - self.last_num.end <= 1 and "approx_after" in means:
            # "比2022年年初结转和结余257.11万元多。", "比2022年公务用车运行费8.5万元多2.2万元": more than that base,
            # not "257万多" (the change after it read as any other)
            compared = tok.text == "多" and any(w in self._clause_before(self.last_num.start) for w in ("比", "较"))
            if compared and self._clause_ends(tok.end):
                return None
            # ("比去年预算执行数14.20万元多了62.15万元": 了 before the change's figure)
            if not (compared and _CHANGE_AFTER_MORE.match(self.text, tok.end)):
                return self._retract(self.last_num, "数字后有“余”“左右”等，是约数")
        if "target" in means:
            return self._target(tok, means["target"])
        # after 占, a word that is another's total elsewhere may be the whole of the department's own part
        # ("项目支出469500元，占一般公共预算支出的19.62%"; a part of another body's is not read as the department's anyway)
        if "other" in means and not facts and not (self.lead.share and "whole" in means and self._own_part()):
            return self._self_type(tok) if self._names_itself(tok) else self._other_subject(tok)
        if "self" in means or "handover" in means:
            return self._self_word(tok, "self" in means)
        if facts and self._amount_then_zhong(tok):
            # "2023年支出7540.18万元中基本支出845.92万元，项目支出6694.26万元": "X万元中" opens the amount's parts
            self._start_list("其中")
        if facts or "whole" in means:
            return self._label(tok, means, facts)
        for key in _WORD_ORDER:
            if key in means:
                return _WORD_HANDLERS[key](self, tok, means)

    def _amount_then_zhong(self, tok: Token) -> bool:
        """Whether 中 alone stands between the amount just read and this label, no list open."""
        last = self.last_claim
        return self.list is None and tok.start >= 1 and self.text[tok.start - 1] == "中" and last is not None \
            and last.figure is not None and last.figure.end == tok.start - 1 and last.money and last.kind == "level" \
            and last.sentence == self.sentence

    # ---- the other kinds of word, each a small step; _WORD_ORDER says which wins when a word has several
    def _on_glued(self, tok: Token, means: dict) -> None:
        # "营业收入", "接待费支出": a label glued to another noun — that noun's, not the department's (explain names
        # the whole phrase: "机关运行经费预算支出")
        i = self.index - 1
        while i >= 0 and self.tokens[i].kind == "word" and self.tokens[i].has("col") and tok.start - self.tokens[i].start < 12:
            i -= 1
        floor = self.tokens[i].end if i >= 0 else 0
        start = tok.start
        while start > floor and tok.start - start < 12 and is_han(self.text[start - 1]):
            start -= 1
        self.lead.unknown, self.lead.label = self.text[start:tok.end], None
        self.scope.subject, self.scope.label = None, ""

    def _on_neutral(self, tok: Token, means: dict) -> None:
        if tok.text.endswith("总计") and not self.lead.label:
            # "…比2022年预算增加162.80万元。2023年度财政拨款收入支出总计4554.65万元": a total the file has no figure
            # for — named, the subject before it is not what its figure is of (its arithmetic is still the text's own)
            self.scope.subject, self.scope.label, self.scope.alts = None, "", ()

    def _on_account(self, tok: Token, means: dict) -> None:
        # "公共安全支出（204类）…行政运行（01项）": a line of the department's accounts the file has no figure for —
        # its figures are not the department's facts (another subject, as far as the facts go), but they are
        # the department's: what the text states of them is checked against itself (see _of_account)
        if self.scope.blocked and self.scope.blocked != self.scope.account and not self.aside \
                and (self.amounts_in_sentence or (self.blocked_first and _AREA.match(self.first_other))):
            # "离岛免税项目领导小组办公室…，事业基金弥补收支差额0.00万元": a line of the other body's accounts (so any
            # line in a sentence a whole area opened: "全镇政府性基金收入上级补助收入0万元")
            return
        self._other_subject(tok)
        self.scope.account = tok.text
        self.account_named = (tok.end, self.figures)
        if tok.text.endswith("收入") and "预算" not in tok.text:
            self.narrow_other = self.sentence      # "事业收入减少77.07万元、其他收入减少137.9万元": see _subject

    def _on_alias(self, tok: Token, means: dict) -> None:
        self.alias = True                # the next label names the subject outside the bracket too

    def _on_source(self, tok: Token, means: dict) -> None:
        # "一般公共预算基本支出": the part paid from that source; "政府性基金预算财政拨款": one source in two words
        lead, scope = self.lead, self.scope
        lead.source = lead.source + tok.text if tok.start == self.source_end and lead.source else tok.text
        self.source_end = tok.end
        if not self.figures_in_sentence and not lead.label and self.scope is self.stack[0]:
            # "2023年度政府性基金预算财政拨款年初结转和结余0.00万元，本年收入0.00万元，本年支出…": the source that opens
            # the sentence is the source of every line it goes on to list
            self.sentence_source = lead.source
        if lead.label and tok.start == self.label_end and not scope.source \
                and (scope.subject or "").startswith("finance.expenditure."):
            scope.source = tok.text      # "基本支出财政拨款支出845.92万元": the line's spending from that source
        if tok.text.endswith(ARRANGED):
            self._arranged()             # "财政拨款安排“三公”经费…"
        elif not lead.label and not lead.share and not scope.blocked:
            self._source_item(lead, scope)

    def _on_column(self, tok: Token, means: dict) -> None:
        lead, scope = self.lead, self.scope
        if tok.text in LEADING_COLUMNS and not self._leads_clause(tok):
            if tok.text in ARRANGED and tok.start == self.source_end:
                self._arranged()             # "一般公共预算安排的“三公”经费…"
            return                           # "合理安排支出": a verb, not the column "预算安排"
        col = self._split_column(tok, means["col"])
        if lead.op and not lead.figure:
            # ("本年数小于上年预算数0.60万元": last year's budget, the file's 上年预算数)
            lead.op_target = col if lead.op_target != "prior" else _last_years(col)
            if not lead.cmp and scope.column == "final" and not lead.op_fact:
                # "“三公”经费决算数9.98万元，小于预算数11.50万元，较上年减少0.91万元": the budget compared with is no column
                # of what follows — the sentence is still about the final (not so after a fact named again: "小于日常公用
                # 经费调整预算数16.20万元" is that fact's adjusted budget)
                return
        if lead.cmp:
            if lead.base in ("prior", "prior_budget"):
                # "较上年决算数", "比2022年预算执行数": last year's final; "较上年年初预算", "比2022年预算": last year's
                # budget (the file's 上年预算数); "较上年调整预算": not in the file
                lead.base = _last_years(col)
                lead.prior_budget = col != "final"
                lead.prior_final = col == "final"
                lead.prior_executed = col == "final" and "执行" in tok.text
            elif lead.base != "other":      # "比2018年决算数": that year's column, still not in the file
                lead.base = col
        elif lead.share and col == "final" and "支出" in tok.text and not lead.whole:
            # "基本支出845.92万元，占全年支出的11.22%": what was spent in the year is the whole — a share, no execution
            lead.whole, lead.whole_word = "finance.expenditure.current", tok.text
        elif lead.share or lead.exec_of:
            lead.exec_col = col
        else:
            self._keep(lead)
            lead.col = col
            lead.spent = "支出" in tok.text
            scope.column = col
            scope.implied = False
            if ("支出" in tok.text or "执行" in tok.text) and (scope.subject or "").startswith("finance.income.") \
                    and not lead.label:
                # ("本年度财政拨款为1326.8万元：执行数为1305.93万元": what was carried out of an income is spending)
                # "财政安排公共财政拨款资金共7532.81万元，实际支出7540.18万元": money spent is no income — of what was
                # spent the file has no figure by that source
                scope.subject, scope.label, scope.alts = None, "", ()

    def _split_column(self, tok: Token, col: str) -> str:
        """"占年初项目支出预算的99.0%": a bare 预算 right after a fact's name, whose 年初 (or 调整后) stands before the
        name — that column."""
        prev = self.tokens[self.index - 1] if self.index else None
        if col != "plan" or prev is None or prev.kind != "word" or not prev.has("fact") or prev.end != tok.start:
            return col
        before = self.text[max(0, prev.start - 3):prev.start]
        return "budget" if before.endswith("年初") else "adjusted" if before.endswith(("调整后", "全年")) else col

    def _on_prior_year(self, tok: Token, means: dict) -> None:
        lead, scope = self.lead, self.scope
        if lead.op and not lead.figure:
            lead.op_target = "prior"
        if tok.text == "同比" or lead.cmp:
            lead.cmp = True
            lead.base = "other" if lead.base in ("budget", "adjusted") else "prior"
        elif lead.cause:
            lead.year = self.year - 1       # "主要是上年一次性增资补发的影响": the reason's time, not the sentence's
        else:
            self._keep(lead)
            lead.year = scope.year = self.year - 1
            scope.relative = True
            self.sentence_years.append(self.year - 1)

    def _on_other_year(self, tok: Token, means: dict) -> None:
        # "今年""明年""前年": a year by its distance from the report's, read as that year written out
        offset = -2 if "year_before_last" in means else 1
        self._year(Token("year", tok.start, tok.end, tok.text, value=self.year + offset))

    def _on_this_year(self, tok: Token, means: dict) -> None:
        if tok.text == "当年" and self.year_end == tok.start and self.lead.year is not None:
            return      # "2022年当年预算执行数": that year (the one just named), not this one
        if not self.lead.cmp:
            self._keep(self.lead)
            self.lead.year = self.scope.year = self.year

    def _on_compare_to(self, tok: Token, means: dict) -> None:
        lead = self.lead
        if tok.text in POSTPOSED and not lead.cmp and not lead.figure and lead.undo is not None \
                and not self._base_follows(tok):
            return self._base_before(lead)
        if tok.text in POSTPOSED and lead.base is None and not lead.figure and lead.undo is None and self.scope.base:
            # "与2016年预算收入1631.06万元，相比增加…": the base stated in the clause before
            lead.cmp, lead.base = True, self.scope.base
            return
        lead.cmp = True
        lead.cmp_closed = tok.text in POSTPOSED and lead.base is not None and not lead.label
        if tok.text == "同比":
            lead.base, lead.year_on_year = "prior", True

    def _on_to_level(self, tok: Token, means: dict) -> None:
        self.lead.to_level = True
        years = self.sentence_years
        if len(set(years)) >= 2 and years[0] != self.year and self.year not in years:
            # "北京大学去年…，年度预算也从前年的193.45亿元减至125.54亿元": the sentence is about the year it named
            # first; the year after 从 was only the base's — what it came to is the first year's (not so where it
            # named this year too: "从2022年的5966.44万元增长到2023年的7532.81万元，基本支出从…增长到…")
            self.lead.year = self.scope.year = years[0]
            return
        self.lead.year, self.scope.year = self.year, None     # "由上年X增加到Y": Y is this year's

    def _on_direction(self, tok: Token, means: dict) -> None:
        lead = self.lead
        if self.text[tok.end:tok.end + 1] == "后" and ("up" in means or "down" in means):
            return          # "年中追加后全年预算4125.36万元": the amount after the change, not the change
        for key, attr, value in (("up", "dir", 1), ("down", "dir", -1), ("rate_up", "rate", 1),
                                 ("rate_down", "rate", -1), ("rate_bare", "rate", lead.dir or 1)):
            if key in means:
                return setattr(lead, attr, value)

    def _on_either_way(self, tok: Token, means: dict) -> None:
        """"比上年决算数相比变化85.44万元": a change of no direction, its figure right after the word — its size only
        (Claim.twoway); a word for a change that is no figure's ("增减变化情况") says nothing."""
        if _CHANGE_AFTER_MORE.match(self.text, tok.end) is not None and not self.lead.dir:
            self.lead.dir, self.lead.twoway = 1, True

    def _on_flat_word(self, tok: Token, means: dict) -> None:
        self._flat(tok)

    def _on_loose(self, tok: Token, means: dict) -> None:
        self.lead.loose = True

    def _on_share_word(self, tok: Token, means: dict) -> None:
        lead = self.lead
        if tok.text in _SHARE_AFTER_ZHAN and not lead.share:
            return              # "项目支出比率为-86.56%": 比率/比例 is a share only after 占 ("占基本支出比率为")
        lead.share = True
        lead.share_at, lead.share_from = tok.end, tok.start
        if tok.text == "占" and self.text[tok.end:tok.end + 1] == "，":
            self.stray_comma = tok.end          # "占，88.21%": a comma between 占 and its figure (see _punct)

    def _on_execution_word(self, tok: Token, means: dict) -> None:
        self.lead.exec = True

    def _on_variance(self, tok: Token, means: dict) -> None:
        self.lead.exec, self.lead.variance = True, True

    def _on_execution_of(self, tok: Token, means: dict) -> None:
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if self.text[max(0, tok.start - 2):tok.start] == "实际" and nxt is not None and nxt.kind == "num" \
                and nxt.unit in MONEY and not self.text[tok.end:nxt.start].strip(" \t\u3000"):
            # "其他收入年初预算120.00万元，实际完成136.52万元": what was actually done — the year's final figure
            self.lead.col = "final"
            return
        self.lead.exec_of = True

    def _on_difference_word(self, tok: Token, means: dict) -> None:
        self.lead.diff = True

    def _on_comparison(self, tok: Token, means: dict) -> None:
        lead = self.lead
        lead.op = "<" if "less" in means else ">" if "more" in means else "="
        lead.op_col = lead.col          # "决算数小于预算数": the left side is the 决算数 stated
        lead.op_tok = tok

    def _on_total_word(self, tok: Token, means: dict) -> None:
        self.lead.total = True

    def _on_list_word(self, tok: Token, means: dict) -> None:
        if self.cues.each.match(tok.text):
            # "本年支出X万元，分别为：人员经费a万元、…": the parts of the figure before it, named one by one; but
            # "收入、支出分别为：x、y" (the names before it) or "分别为：x、y" (no names after it) gives each its figure
            nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
            if self.lead.labels or nxt is None or nxt.kind != "word" or self.last_claim is None:
                return self._on_each_word(tok, means)
        if tok.text.endswith(_ANNOUNCES):
            colon = (_ANNOUNCED_NOTED if self.figures_in_sentence else _ANNOUNCED_ITEM).match(self.text, tok.end)
            if colon is None or not _ENUM_ITEM.match(self.text, colon.end(), colon.end() + 8) \
                    or self.text[colon.end():colon.end() + 1] in "\r\n":
                return
        if tok.text in _CONTENTS and self.contents is None:
            sc = self.scope
            self.contents = (sc.blocked, sc.subject, sc.label, sc.alts, sc.account)
            self.contents_end = tok.end                                          # see _end_clause
        self._start_list(tok.text)

    def _on_rest(self, tok: Token, means: dict) -> None:
        # "其中：部级领导干部用车21辆、一般公务用车1087辆、其他用车771辆": an item that opens with 其他 is the rest of
        # the head — with it the list is the whole (see _end_list)
        if self.list is not None and self._before(tok.start, 1) in _ITEM_STARTS:
            self.list.rest = tok.start
        self.lead.unknown = (self.lead.unknown + tok.text)[-12:]      # what the rest is of is still no fact's name

    def _on_each_word(self, tok: Token, means: dict) -> None:
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if ((nxt is not None and nxt.kind == "word" and nxt.has("share")) or self.lead.share) and not self.lead.labels:
            # "其中人员经费a万元、公用经费b万元、项目支出c万元，分别占支出合计的p%、q%、r%": the shares of the items in turn
            # (of a list's items, or of a run of amounts of as many facts, none a part of another: "按支出经济分类，工资
            # 福利支出a万元、商品和服务支出b万元…，分别占本年支出的p%、q%…"; so too "…，比例分别为p%及q%")
            parts = self._shared_out()
            if len(parts) >= 2 and parts[-1] is self.last_claim:
                self.each_claims = parts
                return
        if nxt is not None and nxt.kind == "word" and nxt.has("compare_to") and not self.lead.labels \
                and self.list is not None and not self.scope.blocked:
            # "其中公务接待费5.82万元、公务用车运行维护费8.44万元，分别比上年减少0.53万元和1.24万元": the changes of the
            # items in turn
            parts = [p for p in self.list.parts if p.money and p.kind == "level" and p.figure is not None
                     and p.fact is not None and p.sentence == self.sentence]
            if len(parts) >= 2 and parts[-1] is self.last_claim:
                self.pending_each = [(p.fact, p.label) for p in parts]
                self.each_claims, self.each_mode = [], (0, None, 0, None)
                return
        self._start_each()

    def _shared_out(self) -> list:
        """The amounts a 分别占 after them shares out in turn: a list's items, a run of amounts, or the amounts of a
        分别为 before it ("A、B和C分别为x、y和z，分别占本年支出合计的p%、q%和r%")."""
        if self.list is not None:
            return [p for p in self.list.parts if p.money and p.kind in ("level", "prior") and p.figure is not None
                    and p.sentence == self.sentence]
        return self._run_of_amounts() or [p for p in self.each_claims if p.money and p.kind == "level"
                                          and p.sentence == self.sentence]

    def _run_of_amounts(self) -> list:
        """The amounts this sentence stated last, one after another, each of its own fact and none a part of another."""
        run: list = []
        for c in reversed(self.levels[-16:]):
            if c.sentence != self.sentence or c.kind != "level" or not c.money or c.figure is None or c.fact is None \
                    or any(c.fact == r.fact or within(c.fact, r.fact) or within(r.fact, c.fact) for r in run):
                break
            run.append(c)
        return run[::-1]

    def _on_cause(self, tok: Token, means: dict) -> None:
        if self.cause_block is None and ("原因" in tok.text or tok.text.startswith("主要")):
            self.cause_block = self.stack[0].blocked    # the sentence's reason begins (see _end_sentence)
            self.cause_at = tok.start
            s = self.stack[0]
            self.cause_subject = (s.subject, s.label, s.alts)
            self.cause_year = (s.year, s.relative)
        if self.list is not None and self.list.depth == len(self.stack):
            # "其中：A x万元，因…；B y万元": a reason is an aside; the list goes on after the semicolon
            self.suspended, self.list = self.list, None
        else:
            self._end_list()
        self.lead.cause = True

    def _on_per(self, tok: Token, means: dict) -> None:
        self.lead.per = self.lead.unknown = tok.text      # "平均每辆1.76万元": an average, not an amount of anything

    def _on_tier(self, tok: Token, means: dict) -> None:
        # "共12个绩效指标，其中一级指标3个，二级指标9个，三级指标12个": each level counts the whole hierarchy
        # again — the items do not add up to the head; the word itself names nothing of the department
        self.lead.unknown = tok.text
        if self.list is not None:
            self.list.tiered = True

    def _on_partial(self, tok: Token, means: dict) -> None:
        self.scope.partial = tok.text

    def _on_excluding(self, tok: Token, means: dict) -> None:
        self.scope.excluding = tok.text       # "剔除人员调动因素后，…增长…": a figure on another footing
        last = self.last_claim.figure if self.last_claim is not None else None
        if last is not None and tok.start - last.end <= 3 and self.text[last.end:tok.start].strip(" \t\u3000") in OPEN:
            # "比2022年预算执行数1620.35万元（剔除上级专项指标补助支出数）": the figure before the bracket is on that
            # footing too
            self._retract(last, f"其后括号里写明“{tok.text}”了一部分：换了口径，不是表中的数")
            # (and what the clause after the bracket computes from it: "…）增加127.64万元")
            close = min((i for i in (self.text.find(ch, tok.end, tok.end + 200) for ch in CLOSE) if i >= 0),
                        default=tok.end)
            ends = [i for i in (self.text.find(ch, close, close + 200) for ch in CLAUSE + SENTENCE) if i >= 0]
            self.off_footing = (tok.text, min(ends, default=close + 200))

    def _on_flow(self, tok: Token, means: dict) -> None:
        # (not "由于12名新招聘教师入职手续未办齐，…": a reason's words)
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        right_before = nxt is not None and nxt.kind == "num" and not self.text[tok.end:nxt.start].strip()
        if right_before and nxt is not None and nxt.unit in MONEY and tok.text == "新增":
            self.lead.dir = 1       # "比2022年新增0.2万元": money added, an increase (people come and go, money grows)
            return
        if right_before or (not self.lead.cause and not _REASON.search(self._clause_before(tok.start))):
            # "新招录公务员2名，调出1名，退休1名": people coming and going ("主要原因为在职人员调出6人": so too in a reason,
            # right before its figure)
            self.scope.flow, self.flow_end = tok.text, tok.end

    def _on_due(self, tok: Token, means: dict) -> None:
        self.lead.due = tok.text              # "在职人员应为168人，…实际纳入预算156人": what should be, not what is

    def _on_approx_before(self, tok: Token, means: dict) -> None:
        self.lead.approx = tok.end            # only a figure right after it is approximate ("约57个", not "签约…57个")

    def _keep(self, lead: _Lead) -> None:
        """Remember the scope's year and column before the first the clause names (see _base_before)."""
        if lead.undo is None:
            s = self.scope
            lead.undo = (s.year, s.column, s.relative, s.implied)

    def _base_follows(self, tok: Token) -> bool:
        """Whether a year or a column comes right after `tok` ("本年预算相比上年…": 相比 before its base)."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        return nxt is not None and not self.text[tok.end:nxt.start].strip(" \t\u3000的") and (
            nxt.kind == "year" or nxt.has("prior_year") or nxt.has("this_year") or nxt.has("col"))

    def _base_before(self, lead: _Lead) -> None:
        """"2023年度预算相比，减少…", "和上年相比，增长…": 相比 with no 与/较 before it — the year and column this
        clause named are the base of the comparison, not what the sentence's figures are of."""
        year, col = lead.year, lead.col
        if year == self.year - 1:
            base = "prior" if col in (None, "final") else "prior_budget" if col in ("budget", "plan") else "other"
            lead.prior_budget = col not in (None, "final")
        elif year in (None, self.year) and col in ("budget", "adjusted", "plan"):
            base = col
        else:
            base = "other"
        s = self.scope
        s.year, s.column, s.relative, s.implied = lead.undo  # type: ignore[misc]  # its caller checks it is set
        lead.year, lead.col, lead.undo = None, None, None
        lead.cmp, lead.base = True, base

    def _arranged(self) -> None:
        """"财政拨款安排的…": what a source of funds was allocated to — the budget, or the spending of it
        in a final account; either column may be meant, until a column word says which."""
        if not self.lead.col:
            self.lead.col = self.scope.column = "any"

    def _leads_clause(self, tok: Token) -> bool:
        """Whether a word opens its clause (after punctuation, the department's own name, or a year)."""
        before = self._before(tok.start, 4)
        # ("本部门2023年共安排人员支出653.60万元", "拟安排": the same, with 共 or 拟 before it, right before a fact's name)
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if before[-1:] in ("共", "拟") and nxt is not None and nxt.start == tok.end and nxt.has("fact"):
            before = before[:-1]
        return not before or before[-1] in SENTENCE + CLAUSE or before.endswith(
            ("本局", "我局", "本部门", "本单位", "我单位", "年", "年度"))

    def _source_item(self, lead: _Lead, scope: _Scope) -> None:
        """"一般公共财政拨款收入增加X万元，政府性基金减少Y万元": a source of funds followed by its figure with no label
        between (relation words only) is an item of its own — the income from that source, in a sentence about
        income; in any other sentence what it names is not certain (not the subject named before it). Words not in
        the vocabulary after the source ("非财政拨款结余") name something else: left to the reading of unknown words."""
        end, j = self.source_end, self.index + 1
        while True:
            t = self.tokens[j] if j < len(self.tokens) and j <= self.index + 8 else None
            if t is None or _content(self.text[end:t.start]) or t.kind == "punct" or (
                    t.kind == "word" and any(k in ("fact", "whole", "source", "other", "self", "glued") for k, _ in t.means)):
                return
            if t.kind == "num":
                break
            end, j = t.end, j + 1
        source = lead.source
        key = source_key(source)
        if "支出" in self.text[self.source_end:t.start]:
            # "我局财政拨款实际支出1305.93万元": a column word of spending after the source — its spending
            scope.subject, scope.alts, scope.label, scope.source = f"finance.expenditure.{key}", (), source, ""
            lead.label = scope.subject
        elif scope.subject is not None and _side(scope.subject) == "in" or (
                scope.subject is None and self.cues.handed.at(self.text, self.source_end - len(source))):
            # ("上级对我局共下达一般公共预算财政拨款1,326.80万元": the money handed over from that source is its income)
            scope.subject, scope.alts, scope.label, scope.source = f"finance.income.{key}", (), source, ""
            lead.label = scope.subject
        elif scope.subject is not None and SOURCE_OF.get(scope.subject) == key:
            # "一般公共预算财政拨款支出7540.18万元…。与2022年相比，一般公共预算财政拨款增加…": the spending from that
            # source, named again by its source alone
            lead.label = scope.subject
        elif scope.subject is None and key == "fiscal" and source.startswith("财政拨款") and self._leads_clause(
                self.tokens[self.index]) and self.tokens[self.index].text == source:
            # "2023年，我局财政拨款3237.75万元，较上年增长49.12%": 财政拨款 alone, opening what it says — the money
            # granted, its income or its spending (either agreeing is no contradiction)
            scope.subject, scope.alts, scope.label, scope.source = "finance.income.fiscal", (
                "finance.expenditure.fiscal",), source, ""
            lead.label = scope.subject
        else:
            scope.subject, scope.label = None, ""


# What a word does, by what it means; when a word means several things, the first of these wins.
_WORD_HANDLERS = {
    "glued": _Words._on_glued, "neutral": _Words._on_neutral, "degree": _Words._on_neutral, "alias": _Words._on_alias, "source": _Words._on_source,
    "col": _Words._on_column, "prior_year": _Words._on_prior_year, "this_year": _Words._on_this_year,
    "next_year": _Words._on_other_year, "year_before_last": _Words._on_other_year,
    "compare_to": _Words._on_compare_to, "to_level": _Words._on_to_level,
    "up": _Words._on_direction, "down": _Words._on_direction, "rate_up": _Words._on_direction,
    "rate_down": _Words._on_direction, "rate_bare": _Words._on_direction, "either_way": _Words._on_either_way,
    "flat": _Words._on_flat_word, "loose": _Words._on_loose, "share": _Words._on_share_word,
    "execution": _Words._on_execution_word, "variance": _Words._on_variance, "execution_of": _Words._on_execution_of,
    "difference": _Words._on_difference_word, "less": _Words._on_comparison, "more": _Words._on_comparison,
    "equal": _Words._on_comparison, "total": _Words._on_total_word, "list": _Words._on_list_word,
    "each": _Words._on_each_word, "cause": _Words._on_cause, "per": _Words._on_per, "tier": _Words._on_tier,
    "account": _Words._on_account, "item_part": _Words._on_account, "partial": _Words._on_partial, "excluding": _Words._on_excluding, "due": _Words._on_due,
    "flow": _Words._on_flow, "rest": _Words._on_rest,
    "approx_before": _Words._on_approx_before,
}
_WORD_ORDER = tuple(_WORD_HANDLERS)
