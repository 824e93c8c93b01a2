"""A figure read as an amount or a count: of which fact, in which column and year, of which of the department's
people; and the amount a change, a rate or a share is of (_Levels)."""
from __future__ import annotations

import itertools
import re

from .claim import NO_SUBJECT, UNKNOWN_WORDS, UNSURE_HEAD, Claim, Unread
from .nearby import PLANNED
from .parts import (
    _PEOPLE,
    COUNTED_BEFORE_NAME,
    PARENT,
    PEOPLE,
    PEOPLE_UNITS,
    PLAIN,
    WITH_CARRYOVER,
    _splits_retired,
    _whole_of,
    within,
)
from .patterns import _HAN_RUN, _content
from .state import _Lead, _Scope, _State
from .tokens import COUNTS, MONEY, Token

_POST_UNITS = {"人", "名", "个"}      # "核定编制5个"
_SECTION_UNITS = {"个"}      # "内设机构15个" ("内设机构负责人3名" counts people)
# the words that open a list of the people just counted ("在职37人,包括行政编制24人": people in those posts)
_LIST_WORD = re.compile("其中|包括|含")
# words for people that may stand between a staffing label and its count ("行政编制人数19人", "在职人员中干部12人")
# the word alone that counts the people in posts counted just before ("行政编制22人，实际43人")
# (and a table row's 小计 written out: "编制人数小计32")
_PEOPLE_WORDS = re.compile("人员|人数|名额|干部|职工|总数|数量|小计|合计|总计")
_YEARS_OWN = {"finance.expenditure.carryover": "finance.expenditure.current",
              "finance.income.carryover": "finance.income.current"}
# a group of people named after a headcount's label (parts.PEOPLE, see _people): one of the kinds of post the
# staffing labels in vocabulary.yaml name, then a noun for people ("在职在编行政人员5人")
_KINDS = ("行政", "事业", "工勤", "参公", "参照公务员", "机关", "全额", "差额", "自收自支", "公益", "政法")
_GROUPS = ("人员", "干部", "职工")
_JOINS = re.compile(r"[ \t\u3000]*(?:、|和|与|及|以及)[ \t\u3000]*")

# the totals of either side: a word for "the total" may name them without saying which side (see _not_a_level)
_SIDE_TOTALS = frozenset({"finance.income.total", "finance.income.current", "finance.expenditure.total",
                          "finance.expenditure.current"})


SELF_LABEL = "本部门"
# "收入、支出均为1200.30万元": the one figure is each name's
_EACH_SAME = re.compile(r"[ \t\u3000]*(?:均|都|皆)(?:为|是|达|有)?")
# the facts the department's own amount may be, named by no word but its column ("本单位年初预算600万元")
_OWN_TOTALS = ("finance.income.current", "finance.expenditure.total", "finance.income.total")

_PART_OF = re.compile(r"[ \t\u3000]*中[ \t\u3000]*[\u4e00-\u9fff]")



def _with_carryover(fact: str, alts: tuple) -> tuple:
    """`alts` and, for 本年收入合计 or 本年支出合计, the total with the carry-over (收入总计, 支出总计)."""
    return alts + (WITH_CARRYOVER[fact],) if fact in WITH_CARRYOVER and WITH_CARRYOVER[fact] not in alts else alts


# the start of the year right before a label of people, with at most a word between ("年初在编在岗教职工")
_YEAR_START = re.compile("年初[\u4e00-\u9fff]{0,4}$")


# the words right after a count up to a break (that end a section's name: "8个业务股"), unless the words name them
# ("10个，分别是办公室…", "10个：办公室…")
_NOUN_SEGMENT = re.compile(r"\s*([^，,。；;、和及与（(：:\s]{1,8})")
_NAMING = re.compile("分别|包括|即|为|是|有")


# "…购置费和运行费8.94万元": a second name (no word of the vocabulary) joined to the one named, right before the figure
_PAIRED = re.compile(r"[和及与、][\u4e00-\u9fff]{1,6}?(?:费|经费|费用|支出)(?:支出|合计|共计|为|是|共)?[ \t\u3000]*")

class _Levels(_State):
    """Amounts and counts, and the facts they are of."""

    def _subject(self, lead: _Lead, scope: _Scope, tok: Token) -> str | None:
        """The fact a figure is about, if certain; else None (and the figure is left unread)."""
        if scope.blocked:
            self._unread(tok, self._whose(scope))
            if self._of_account() and tok.unit in MONEY:
                # "2.上级补助收入0万元，占收入总计的0.12%": an amount of a line the file has no figure for is still the
                # department's — a share right after it is of that amount (see _shares._share_part)
                self.account_amount = Claim("level", tok, None, sentence=self.sentence)
            return None
        if lead.other_fact:
            if not self._difference_of_two(tok, lead, scope):
                self._unread(tok, "比较的是两个事实，不是一个事实的增减")
            return None
        if lead.unknown and not lead.label:
            self._unread(tok, UNKNOWN_WORDS.format(lead.unknown))
            scope.subject, scope.label = None, ""     # and what follows may be about that as well
            return None
        if lead.cause and not lead.label:
            self._unread(tok, "原因中的数没有自己的称呼")
            return None
        if scope.subject is None and self.self_named and (lead.col or scope.column) and not self.unsure:
            # "本单位年初预算600万元，调整预算后为650万元": the department's own budget — of this year's spending or
            # income, or the totals with the carry-over ("年度预算数81.85亿元": a budget's whole), either is no contradiction
            scope.subject, scope.alts, scope.label = "finance.expenditure.current", _OWN_TOTALS, SELF_LABEL
            return scope.subject
        if lead.spent and not lead.label and (scope.subject or "").startswith("finance.income."):
            # "收入年初预算168.30万元，其中…；全年支出243.97万元": money spent is no income (the subject the list's end
            # went back to) — of what was spent the words name no fact
            scope.subject, scope.label, scope.alts = None, "", ()
        if scope.subject is None:
            self._unread(tok, NO_SUBJECT, unsure=False)
            if scope.column in ("budget", "adjusted", "plan") and tok.unit in MONEY:
                self.budget_stated = self.sentence      # "全年预算642.80万元，支出630.78万元" (see _label_column)
            return None
        if scope.subject == "finance.income.other" and self.narrow_other == self.sentence:
            # "事业收入减少77.07万元、其他收入减少137.9万元": beside 事业收入 (or 经营收入…), 其他收入 is only the rest
            if self.list is not None and self.list.parts:
                # "收入预算…，其中：财政拨款收入…；事业收入0万元；…其他收入0万元": as a list's last item, the rest of it
                self.list.rest = tok.start - 1
            self._unread(tok, "与事业收入、经营收入等并列的“其他收入”只是其余的部分，不是事实文件中的其他收入（它含这些收入）",
                         unsure=False)
            return None
        return scope.subject

    def _level(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A figure stated as an amount or a count: of which list it is an item, then of what fact."""
        lst = self._list_for(tok, lead, scope)
        claim = self._level_claim(tok, lead, scope, in_list=lst is not None)
        year = lead.year if lead.year is not None else scope.year
        if lst is not None and lst.head.kind == "level" and (claim.kind == "prior" or (
                year == self.year - 1 and lst.head.year in (None, self.year) and lst.head.column != "prior")):
            # "其中：…；公务用车购置费0万元，上年购置执法执勤用车1辆支出25.80万元；…": last year's figure said on the way
            # is no item of this year's list
            lst = None
        if lst is not None:
            if lst.first_unread is tok:
                lst.first_unread = None     # (another's figure, still an item of another's list)
            lst.parts.append(claim)
        else:
            self.levels.append(claim)
        if claim.money and not lead.label and (lead.year if lead.year is not None else scope.year) in (None, self.year):
            self.amounts.append(claim)
        self.last_claim = claim
        if claim.money:
            self.last_money = claim

    def _named_in_own_sentence(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"我局基本支出、项目支出两类共支出资金3237.75万元（其中基本支出763.9万元，项目支出2437.85万元）": an item named
        by a fact's own name, in a sentence that names the department — the department's line, whatever the head was
        (the head itself left unread)."""
        if not (lead.label and self.self_named and not scope.blocked and scope.subject is not None):
            return False
        # (not after a head of the year's plan: "年初预算计划投入资金2903.6万元，其中项目支出2128.4万元" is a budget)
        return not PLANNED.search(self.text, max(self.sentence_start, tok.start - 200), tok.start)

    def _level_claim(self, tok: Token, lead: _Lead, scope: _Scope, in_list: bool) -> Claim:
        """The claim a figure makes — of a fact, or of no fact (another subject's, or nobody's: still a head or a
        part of a 其中 list, whose sum the text itself states)."""
        claim = None
        if lead.label and tok.unit in MONEY and _PAIRED.fullmatch(self.text, self.label_end, tok.start):
            # "2022年公务用车购置费和运行费8.94万元": the named line and another, together — neither's amount
            self._unread(tok, f"说的是两项合起来（“{self.text[self.label_end:tok.start].strip()}”）")
        elif in_list and self.list is not None and self.list.unknown and not self._named_in_own_sentence(tok, lead, scope):
            claim = self._under_unsure_head(tok, lead, scope)
        elif word := self._actual_of_posts(tok, lead, scope):
            # "行政编制22人，实际43人": the people in the posts just counted (one category's: see _category)
            claim = self._fact_level(tok, lead, scope, "department.staffing.serving")
            if claim is not None:
                claim.label = word
        elif self._stock_after_flow(tok, lead, scope) and scope.subject is not None:
            # "离退休原有23人，新增1人，现有24人": the year-end people of the subject the flow was of
            scope.flow = ""
            claim = self._fact_level(tok, lead, scope, scope.subject)
        elif fact := self._counted_after(tok, lead, scope):
            claim = self._fact_level(tok, lead, scope, fact)
        elif not lead.label and not in_list and not (lead.col or lead.year or lead.to_level) and not (
                scope.fresh and lead.unknown == "" and self.last_claim is None):
            self._no_words_of_its_own(tok, lead, scope)
        elif self._part_by_unknown_name(tok, lead):
            self._unread(tok, f"说的是其中的一部分（“{lead.unknown.lstrip('中的')}”）")
        else:
            claim = self._named_level(tok, lead, scope, in_list)
        if claim is not None:
            self.out.claims.append(claim)
            return claim
        # a line of accounts keeps its name ("住房保障支出"): a list of the classes of spending is all of it
        return Claim("level", tok, None, sentence=self.sentence, col_word=lead.col,
                     year=lead.year if lead.year is not None else scope.year,
                     label=scope.account if scope.blocked and scope.blocked == scope.account else "",
                     another=bool(scope.blocked) and self.cues.bodies.names_a_body(scope.blocked))

    def _counted_after(self, tok: Token, lead: _Lead, scope: _Scope) -> str | None:
        """"设置11个内设机构", "等10个股室": a count written right before the name of what it counts, of a fact
        counted that way (COUNTED_BEFORE_NAME: not people — "1名参公人员" is a kind of them); or None."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if lead.label or scope.blocked or nxt is None or self.text[tok.end:nxt.start].strip():
            return None
        fact = nxt.get("fact")
        # (not "内设" alone: "设政治处和21个内设、下设机构" counts what follows it — "内设11个" is counted after it)
        return fact if fact in COUNTED_BEFORE_NAME and tok.unit in _SECTION_UNITS and nxt.text != "内设" else None

    def _under_unsure_head(self, tok: Token, lead: _Lead, scope: _Scope) -> Claim | None:
        """"2023年本年财政资金支出合计3237.75万元，其中：基本支出763.9万元…": an item named by a line's own name under a
        head of unsure words — the department's where the head is its whole's figure (the check decides: Claim.under);
        any other item of such a list is left unread."""
        head = self.list.head if self.list is not None else None
        year = lead.year if lead.year is not None else scope.year
        if head is None or not (lead.label and len(lead.labels) == 1 and scope.subject is not None and not scope.blocked
                                and head.figure is not None and head.money and year in (None, self.year)):
            self._unread(tok, UNSURE_HEAD)
            return None
        claim = self._named_level(tok, lead, scope, True)
        if claim is not None:
            claim.under = head
        return claim

    def _named_level(self, tok: Token, lead: _Lead, scope: _Scope, in_list: bool) -> Claim | None:
        """The claim of a figure its words or the subject name (or a list's item, its head's column's), or None."""
        fact = self._subject(lead, scope, tok) if (lead.label or not in_list) else self._head_in_column(lead)
        if in_list and not lead.label and lead.unknown and not scope.blocked:
            # "其中：公车运行及维护1.72万元，较上年下降16%": an item named by words not in the vocabulary — what
            # follows is about that item, not the head's subject
            scope.subject, scope.label = None, ""
        if fact is not None:
            return self._fact_level(tok, lead, scope, fact)
        if in_list:
            # an item of a list of no fact of the department's (another subject's, or nobody's): kept for the
            # list's own sum, and said unread — so explain shows it even where no sum is made of it
            self.out.unread.append(Unread(tok, f"{self._whose(scope)}：是“其中”的一项"
                                          if scope.blocked else "是“其中”的一项，没有说明是哪一项收支"))
        return None

    def _budget_head_of(self, fact: str) -> Claim | None:
        """The last amount of this sentence or the one before whose words named it a budget and that a 其中 follows,
        of which `fact` is a part; or None."""
        for c in itertools.chain(reversed(self.levels[-16:]), reversed(self.prev_sentence_levels[-16:])):
            if c.kind != "level" or c.figure is None or not any(
                    w in self.text[c.figure.end:c.figure.end + 8] for w in ("其中", "包括")):
                continue
            # (the nearest amount a 其中 follows is the head: "预算…2903.6万元，其中…；实际…3237.75万元，其中基本支出…")
            return c if not c.implied and c.column in ("budget", "adjusted", "plan") and c.fact is not None \
                and c.fact != fact and within(c.fact, fact) else None
        return None

    def _stock_after_flow(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """Whether a count is named only by a year-end word (现有, 实有) in a clause of its own after a flow of the
        people a staffing label named."""
        if lead.label or not scope.flow or not (scope.subject or "").startswith("department.staffing") \
                or tok.unit not in PEOPLE_UNITS:
            return False
        clause = self._clause_before(tok.start).strip(" \t\u3000为是共：:")
        return bool(clause) and self.cues.stock.fullmatch(clause) is not None

    def _head_in_column(self, lead: _Lead) -> str | None:
        """"2023年预算收入7532.81万元，其中年初预算1747.99万元，调整追加5784.82万元": an item of a list named by a
        column word alone (no name of its own, not "社会保障和就业支出预算"), other than its head's — the head's fact in that
        column (a bare 预算 may be the head's own column: no other)."""
        head = self.list.head if self.list is not None else None
        if head is None or head.kind != "level" or head.fact is None or not lead.col or lead.label or lead.unknown \
                or head.column == lead.col or lead.col not in ("budget", "adjusted", "final"):
            return None
        return head.fact

    def _no_words_of_its_own(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A figure with no words of its own: only the first after a subject is that subject's."""
        self._unread(tok, self._whose(scope) if scope.blocked else "前面没有称呼或口径词，说的是什么不确定")
        if lead.unknown and not lead.op:
            # "公务用车保有量6辆，…": something else is talked of (not so the other side of a
            # comparison: "首次超过500万元")
            # ("公务接待费11.83万元。…累计接待77批次。与上年相比增加…": things counted on the way — an amount's
            # subject holds again after them)
            self._set_aside(tok.unit in COUNTS and (scope.subject or "").startswith("finance."))

    def _actual_of_posts(self, tok: Token, lead: _Lead, scope: _Scope) -> str:
        """The word, when a count of people is named only "实际" (实有, 现有, 在岗) right after a count of posts, in its
        clause ("行政编制22人，实际43人"): the people in those posts; else ""."""
        if tok.unit not in PEOPLE_UNITS or lead.label or scope.blocked or not self.categories:
            return ""
        cut = max(self.text.rfind(ch, max(0, tok.start - 8), tok.start) for ch in "，,；;")
        word = self.text[cut + 1:tok.start].strip(" \t\u3000为是：:") if cut >= 0 else ""
        return word if self.cues.actual.fullmatch(word) else ""

    def _part_by_unknown_name(self, tok: Token, lead: _Lead) -> bool:
        """"项目支出中经济普查经费70.56万元": a part of the fact, by a name the vocabulary does not know."""
        return bool(lead.label and lead.unknown and 0 <= self.label_end <= tok.start
                    and _PART_OF.match(self.text, self.label_end, tok.start))

    def _fact_level(self, tok: Token, lead: _Lead, scope: _Scope, fact: str) -> Claim | None:
        """The figure as an amount (or a count) of `fact`, or None with the reason it is left unread."""
        year = lead.year if lead.year is not None else scope.year
        joined = self._joined_labels(tok)
        if len(joined) >= 2 and not self.pending_each and _EACH_SAME.search(self.text, self.label_end, tok.start) \
                and self._whole_names(tok, len(joined)):
            # "收入、支出均为1200.30万元": the figure is each one's
            first, *rest = sorted(joined)
            for other in rest:
                each = self._one_level(tok, lead, scope, other, year)
                if each is not None:
                    each.alts = _with_carryover(other, each.alts)
                    self.out.claims.append(each)
                    self.levels.append(each)
            # a change after it may be of either; "收入、支出均为4567.01万元": either with its carry-over too (总计)
            scope.subject, scope.alts = first, _with_carryover(first, tuple(rest))
            fact = first
        elif len(joined) >= 2 and not self.pending_each:
            # "因公出国（境）费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元": one figure after
            # several names joined by 、/和 is of them together — the total they make up, if they are all its parts
            whole = _whole_of(joined)
            scope.subject, scope.alts = whole, ()       # and so are the figures after it in the clause
            if whole is None:
                scope.label = ""
                self._unread(tok, "几项合在一起的数，事实文件中没有它们的合计")
                return None
            fact = whole
        return self._one_level(tok, lead, scope, fact, year)

    def _column_of_year(self, lead: _Lead, scope: _Scope, year: int | None, counts: bool) -> str:
        """The column an amount's words name, in its year: last year's budget ("2022年预算数5.50万元", checked where the
        file has it: prior_budget), last year's final, or this year's column (final when none is named)."""
        column = lead.col or scope.column or ("adjusted" if self._after_adjustment() else
                                              "budget" if self.budget_text else "final")
        if year != self.year - 1:
            return column
        return "prior_budget" if column in ("budget", "plan") and not counts else "prior"

    def _done_before_label(self, lead: _Lead, tok: Token) -> bool:
        """"全年累计完成项目支出1052.39万元": what was done, said right before the label — the year's actual spending,
        not an amount of any column (not "完成基本支出预算775.20万元": the budget the label's words name)."""
        return bool(lead.label) and 0 <= self.label_start < tok.start \
            and self.cues.done_right_before.at(self.text, self.label_start) \
            and "预算" not in self.text[self.label_start:tok.start] \
            and self.cues.planned.search(self.text, self.label_start, tok.start) is None

    def _after_adjustment(self) -> bool:
        """"一般公共预算收支各调增152.30万元，收支为1326.80万元": an amount of no column word right after its sentence's
        change from the 年初预算 (调增, 调减) is the budget as adjusted."""
        last = self.last_claim
        return last is not None and last.kind == "change" and last.against == "budget" and last.sentence == self.sentence \
            and last.figure is not None and self.cues.adjusts.at(self.text, last.start)

    def _one_level(self, tok: Token, lead: _Lead, scope: _Scope, fact: str, year: int | None) -> Claim | None:
        if year in (None, self.year) and self._from_what_it_came(tok):
            year = self.year - 1        # "…收入由120.00万元增加到186.00万元": what it came from is last year's
        why, own = self._not_a_level(tok, lead, scope, fact, year)
        if why:
            self._unread(tok, why, own=own)
            return None
        counts = fact.startswith("department.staffing")
        column = self._column_of_year(lead, scope, year, counts)
        kind = "count" if counts else ("prior" if column in ("prior", "prior_budget") else "level")
        self.posts_totals += fact == "department.staffing.posts_total"
        claim = Claim(kind, tok, fact, column=column, sentence=self.sentence, label=scope.label,
                      kind_text=lead.kind_text,
                      alts=scope.alts if lead.label or scope.label == SELF_LABEL else self._wholes_too(fact, lead),
                      source=scope.source,
                      implied=kind == "level" and (not (lead.col or scope.column) or scope.implied)
                      and not self._done_before_label(lead, tok))
        if claim.implied and claim.column == ("budget" if self.budget_text else "final"):
            head = self._budget_head_of(fact)
            if head is not None:
                # "2023年预算安排车辆经费6.00万元，其中公务用车购置费暂无安排…。车辆运行费6.00万元，与上年…": a part,
                # of no column word, of an amount named a budget and opening a 其中 list, just before — in its column
                claim.column, claim.implied = head.column, False
                scope.column = head.column          # (what its clause goes on to say is of that column too)
        if counts:
            self._people(claim, tok, lead, fact)
            last = self.last_claim
            # "在职实有23人，其中参公编制人数21人": a category of posts right after a count of people and its 其中 counts
            # the people in it
            # (so too the posts of all in service, "现有人数34人，其中：在职编制23人": the people in them)
            # (not a total of posts after a bracket of the people's parts: "实有人数119人(其中:在职34人,…),总编制…")
            claim.under_people = (fact == "department.staffing.posts" or (
                fact == "department.staffing.posts_total" and last is not None and last.figure is not None
                and not any(ch in self.text[last.figure.end:tok.start] for ch in "）)"))) \
                and last is not None and last.kind == "count" \
                and last.fact in PEOPLE and last.sentence == self.sentence \
                and (_LIST_WORD.search(self.text, last.figure.end, tok.start) is not None
                     # (or a bracket right after the count: "年末实有人数23人（行政编制17人，事业编制6人）")
                     or self.text[last.figure.end:tok.start].lstrip(" \t\u3000").startswith(("（", "(")))
        return claim

    def _from_what_it_came(self, tok: Token) -> bool:
        """Whether the figure is written after 由/从 and right before a word of what it came to ("由120.00万元增加到")."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if nxt is None or nxt.kind != "word" or not nxt.has("to_level") or self.text[tok.end:nxt.start].strip(" \t\u3000"):
            return False
        return self.cues.came_from.at(self.text, tok.start)

    @staticmethod
    def _wholes_too(fact: str, lead: _Lead) -> tuple:
        """"“三公”经费决算14.62万元，其中…，公务用车运行维护费8.42万元。年初预算数18.00万元": a figure named only by its
        column (or year), the subject carried from a part named before, may be of that part or of the wholes it is a part
        of — either holds."""
        if not (lead.col or lead.year is not None or lead.base) or lead.to_level:
            # (also the base of a comparison: "…因公出国（境）费0元；较上年3.48万元减少0.36万元"; not what the subject
            # named rose to: "一般公共预算财政拨款收入从1241.36万元提高到1326.80万元" is that line's)
            return ()
        # ("年末结转和结余379.31万元。年初预算3277.80万元，全年预算7204.36万元，全年执行7064.63万元": after a carry-over,
        # the year's own money — the carry-over's whole is the year's and the carry-over together)
        out: list[str] = [_YEARS_OWN[fact]] if fact in _YEARS_OWN else []
        while fact in PARENT and len(out) < 4:
            fact = PARENT[fact]
            out.append(fact)
        return tuple(out)

    def _whole_names(self, tok: Token, n: int) -> bool:
        """Whether the last `n` names before `tok` are each whole: all bare (收入、支出) or none bare — not a bare
        word sharing the last one's head ("收入、支出总计": 收入总计 and 支出总计)."""
        names = [self.text[s:e] for _, s, e, _ in self.named[-n:]] if len(self.named) >= n else []
        bare = [name in PLAIN for name in names]
        return len(names) == n and (all(bare) or not any(bare))

    def _joined_labels(self, tok: Token) -> set[str]:
        """The facts named right before `tok` by names joined only by 、/和/及/与, no figure read after the last."""
        return {fact for fact, _ in self._joined_names(tok)}

    def _joined_names(self, tok: Token) -> list[tuple[str, str]]:
        """(fact, name) of each name joined right before `tok` (see _joined_labels), in the order written."""
        chain: list[tuple[str, str]] = []
        start, plain, bracketed = tok.start, False, False
        for fact, s, e, figures in reversed(self.named):
            if s >= tok.start:
                continue
            if not chain:
                if figures + 1 != self.figures or fact is None:     # (this figure is counted already)
                    return chain
                plain = self.text[s:e] in PLAIN
            elif plain and not bracketed and len(chain) == 1 and self.text[e:start] in ("）", ")"):
                # "两大支出类别（人员经费、公用经费）支出合计763.90万元": a plain total of the names in the bracket before it
                chain, bracketed = [], True
            elif not _JOINS.fullmatch(self.text, e, start):
                break
            if fact not in {f for f, _ in chain}:
                chain.insert(0, (fact, self.text[s:e]))
            start = s
        return chain if not bracketed or len(chain) >= 2 else []

    def _figures_in_turn(self, tok: Token) -> int:
        """How many figures of `tok`'s unit stand joined by 、/和/及/与 from `tok` on ("…增加46.76万元和1019.74万元": 2)."""
        count, last = 1, tok
        for nxt in self.tokens[self.index + 1:self.index + 8]:
            if nxt.kind == "num" and nxt.unit == tok.unit and _JOINS.fullmatch(self.text, last.end, nxt.start):
                count, last = count + 1, nxt
            elif nxt.kind == "num" or not _JOINS.fullmatch(self.text, last.end, nxt.end):
                break
        return count

    def _not_a_level(self, tok: Token, lead: _Lead, scope: _Scope, fact: str, year: int | None) -> tuple[str, bool]:
        """Why the figure cannot be an amount or count of `fact` in the file ("" when it can), and whether it is
        still the department's figure of that fact — of another year or column (Unread.own), not of another
        unit ("用车0辆" is no headcount)."""
        counts = fact.startswith("department.staffing")
        if year not in (None, self.year, self.year - 1):
            return f"说的是{year}年的数，事实文件只有本年和上年", True
        if (tok.unit in COUNTS) != counts:
            return ("人数、个数只核对人员编制" if counts is False else "人员编制不是金额"), False
        if counts:
            return self._not_a_count(tok, lead, fact, year)
        if year == self.year - 1 and (lead.col or scope.column) == "adjusted":
            return "说的是上年的调整预算数，事实文件只有上年决算数和上年预算数", True
        if year == self.year - 1 and (lead.col or scope.column) in ("budget", "plan") and fact in _SIDE_TOTALS \
                and not any(w in (scope.label or "") for w in ("收", "支")):
            # "国资委2022年“三公”经费的预算数…。具体来看，预算总数为2839.78万元，其中…": a total of no side named, in a
            # sentence of last year's budget — of what, the words do not say
            return "说的是上年的预算数，没有说是收入还是支出的总数", True
        return "", False

    def _not_a_count(self, tok: Token, lead: _Lead, fact: str, year: int | None) -> tuple[str, bool]:
        if self.scope.flow and self.label_end > self.flow_end and (
                self.cues.stock.match(self.scope.label) or any(ch in self.text[self.flow_end:tok.start] for ch in "；;")
                or self._stock_in_clause_of_its_own(tok)):
            # "…，实有在职人员16人，退休人员9人": the year-end people again; so too a count named after a ；
            # ("在职人员34，比上年减少6人，调出6人；退休人员85人")
            self.scope.flow = ""
        if self.scope.flow:
            return f"说的是人员的进出（“{self.scope.flow}”），不是年末的人数", True
        if self._at_year_start():
            return "说的是年初的人数，不是年末的人数", True
        if fact in COUNTED_BEFORE_NAME:
            if self._another_noun_after(tok, fact):
                return "数的是紧接其后的名词（如“8个业务股”），不是称呼所说的全部", False
        elif fact not in PEOPLE and self._noun_after_label(tok):
            return "编制、人员的称呼后面接着别的名词（如“事业编制机构5个”），数的不是人", False
        kind = self._kind_after_label(tok) if fact in PEOPLE else ""
        if kind:
            return f"说的是其中一类人员（“{kind}”）", False
        if fact in PEOPLE and tok.unit in PEOPLE_UNITS and (self.cues.staff_kind.match(self.text, tok.end)
                                                             or self.cues.trait.match(self.text, tok.end)):
            # "在职人员减少1人，为1名参公人员于2023年6月退休": a count written before the kind of people it counts
            return "数的是紧接其后写明的一类人员（如“1名参公人员”），不是称呼所说的人数", False
        if tok.unit not in (PEOPLE_UNITS if fact in PEOPLE else _SECTION_UNITS if fact in COUNTED_BEFORE_NAME
                            else _POST_UNITS):
            return f"单位“{tok.unit}”不是人数的单位", False     # "实有车辆15488辆"
        if (year == self.year - 1 and self.counts_year != year) or self._two_kinds_named(lead):
            return "上年的人数，或同时说了两类人员（如“行政编制在职”）", year == self.year - 1
        return "", False

    def _two_kinds_named(self, lead: _Lead) -> bool:
        """Whether the labels before a count name two kinds of people ("行政编制在职"), not one word that may mean the
        next one too ("实有财政供养人数": 实有 may be all the people the department has, as 财政供养人数 is)."""
        if not lead.labels:
            return False
        last = lead.labels[-1][0]
        return len({f for f, text in lead.labels if f == last or last not in self.alts_of.get(text, ())}) > 1

    def _at_year_start(self) -> bool:
        """"本单位年初在编在岗教职工46人，…，年末在编在岗教职工44人": the people at the start of the year, written
        right before the label (the file counts them at its end)."""
        if self.counts_year != self.year:
            return False        # (a budget's file counts them at the end of the year before: its start)
        start = self.label_end - len(self.scope.label)
        return bool(self.scope.label) and _YEAR_START.search(self.text, max(0, start - 6), start) is not None

    def _stock_in_clause_of_its_own(self, tok: Token) -> bool:
        """"2023年新增退休职工2人，现有退休职工11人": a year-end word (实有, 现有…) in a clause after the flow's."""
        between = self.text[self.flow_end:tok.start]
        cut = max(between.rfind(ch) for ch in "，,")
        return cut >= 0 and self.cues.stock.search(between, cut) is not None

    def _people(self, claim: Claim, tok: Token, lead: _Lead, fact: str) -> None:
        """Which of the department's people a count is of: the 退休 part of 离退休, one category of them."""
        lst = self.list
        if lst is not None and lst.depth <= len(self.stack) and _splits_retired(lst.head, fact):
            claim.split_retired = True
        after = self.text[self.label_end:tok.start].strip(" \t\u3000为是共有：:") if fact in _PEOPLE else ""
        if len(after) > 2 and after.endswith("人员") and _HAN_RUN.fullmatch(after):
            claim.category = after          # "实有行政人员4人": one kind of the people, not all of them
        self._category(claim)
        if fact in PEOPLE and lead.label and lead.unknown.startswith(_KINDS) and lead.unknown.endswith(_GROUPS):
            # "在职在编行政人员5人": people of one kind of post named after the label are that kind's — checked
            # only where it is all of them (the department's posts all of that kind)
            claim.category = lead.unknown

    def _another_noun_after(self, tok: Token, fact: str) -> bool:
        """"内设机构包括办公室、人事股和8个业务股": a count of sections right before a noun not their name counts that
        noun's things, some of them."""
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if nxt is not None and nxt.start == tok.end and nxt.get("fact") == fact:
            return False
        m = _NOUN_SEGMENT.match(self.text, tok.end)
        return m is not None and self.cues.section_end.search(m.group(1)) is not None and not _NAMING.match(m.group(1))

    def _noun_after_label(self, tok: Token) -> bool:
        """"事业编制机构5个": the label of posts is followed by another noun right before the figure (not so a
        total after other figures: "事业编制6名，合计19名")."""
        gap = self.text[self.label_end:tok.start] if self.label_end >= 0 else ""
        return not any(ch.isdigit() for ch in gap) and bool(_content(_PEOPLE_WORDS.sub("", gap)))

    def _kind_after_label(self, tok: Token) -> str:
        """"实有在职公务员43人，行政工勤1人": a kind of people (the vocabulary's staff_kind) written between a label of
        people and the figure — the count is of them only; so too a trait ("全局共有在职党员238名"). The kind, or ""."""
        gap = self.text[self.label_end:tok.start] if 0 <= self.label_end <= tok.start else ""
        m = (self.cues.staff_kind.search(gap) or self.cues.trait.search(gap)) if len(gap) <= 12 else None
        return m.group() if m is not None else ""

    def _category(self, claim: Claim) -> None:
        """"行政编制12人，实有人数11人；工勤编制3人，实有人数2人": people counted right after the posts of
        one category (and no other since the last count of people), in a sentence that pairs two categories
        so, are that category's (marked at the end of the sentence)."""
        if claim.fact == "department.staffing.posts":
            self.categories.append(claim)
        elif claim.fact in ("department.staffing.serving", "department.staffing.actual"):
            kinds = {p.kind_text for p in self.categories}
            self.by_category.append((self.categories[0] if len(kinds) == 1 and self.categories[0].kind_text else None, claim))
            last = self.out.unread[-1].figure if self.out.unread else None
            if not self.categories and last is not None and last.unit in PEOPLE_UNITS and last.start >= self.sentence_start \
                    and (self.last_claim is None or self.last_claim.start <= last.start) \
                    and not self.cues.count_change.at(self.text, last.start) \
                    and not (self.list is not None and self.list.head.figure is last and self.list.marker == "其中"):
                # (not the head of the 其中 list the count is an item of: "共有职工135人，其中：在职职工32人，…")
                # "区总工会机关行政编制6名，在编6人": people counted right after posts that were not read (whose
                # posts, the words do not say) are of those posts, not all the department's (a change of a count —
                # "编制人数45人，较上年度增加0人，年末实有人数24人" — is no such posts; nor are units, "事业序列的有7个")
                claim.category = claim.category or "未写明类别"
            self.categories = []
        else:
            self.categories = []

    def _posts_total(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """"行政编制12名，事业编制6名，合计18名": a total right after two or more categories of posts (and
        nothing else counted since) is the posts in all; after anything else, what it adds up is unsure."""
        counted = [c for c in self.levels if c.sentence == self.sentence and c.unit in COUNTS]
        posts = [c for c in counted if c.fact == "department.staffing.posts"]
        if scope.blocked or len(posts) < 2 or counted[-1] is not posts[-1] \
                or len({c.kind_text for c in posts}) != len(posts):
            if not scope.blocked and self._ends_its_list(tok, money=False):
                # "在职34人。其中：副县级3人，正科级2人，副科级5人，科员24人，合计34人": the list's items, all of them
                return self._list_total(self.list, tok)
            return self._unread(tok, "合计的是哪些人数不确定")
        claim = self._fact_level(tok, lead, scope, "department.staffing.posts_total")
        if claim is not None:
            claim.label = "核定编制合计"
            self.out.claims.append(claim)
            self.levels.append(claim)
            self.last_claim = claim

    def _budget_level(self, lead: _Lead, fact: str) -> None:
        """"培训费6.50万元，较上年预算增长…": an amount measured against last year's budget is this year's
        budget — the amount stated without a column word, and the parts it was split into, are read as
        "预算" (年初 or 调整), not as the final."""
        if not lead.prior_budget:
            return
        level = self._level_of(fact)
        if level is None or not level.implied or level.sentence != self.sentence:
            return
        level.column = "plan"
        lists = [c.parts for c in self.out.claims[-64:] if c.kind == "sum" and c.of is level]
        lst = self.list
        while lst is not None:
            if lst.head is level:
                lists.append(lst.parts)
            lst = lst.outer
        for parts in lists:
            for p in parts:
                if p.implied and p.column == "final":
                    p.column = "plan"

    def _difference_of_two(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """"项目支出达2473.85万元，比基本支出多出1709.95万元": how much one amount the sentence stated is more or less
        than another fact of the department's, named after 比 — a difference of the two (read: True)."""
        other, subject = lead.other_path, scope.subject
        if tok.unit not in MONEY or not lead.dir or other is None or subject is None or other == subject \
                or not other.startswith("finance.") or not subject.startswith("finance."):
            return False
        stated = self._level_of(subject)
        if stated is None or stated.figure is None or stated.sentence != self.sentence or not stated.money:
            return False
        named = Claim("level", None, other, column=stated.column or "final", sentence=self.sentence)
        self.out.claims.append(Claim("difference", tok, subject, other=(stated, named), sentence=self.sentence,
                                     column=stated.column))
        return True

    def _level_of(self, fact: str) -> Claim | None:
        # (not a base stated after 较/比: "全年预算512.84万元，较年初预算386.50万元增加126.34万元，…，比上年决算数468.27万元
        # 增加44.57万元" — the changes are of 512.84)
        found = next((c for c in reversed(self.levels) if c.fact == fact and c.kind == "level" and c not in self.bases),
                     None)
        lst = self.list
        while found is None and lst is not None:
            # "其中：公务接待费2.60万元，比上年减少0.50万元": an item of a list is stated too
            found = next((c for c in reversed(lst.parts[-64:]) if c.fact == fact and c.kind == "level"), None)
            lst = lst.outer
        if found is None and not any(c.kind == "level" for c in self.levels):
            # "项目支出预算数为10208.94万元。与上年相比减少1134.33万元": the amount closing the sentence before
            found = next((c for c in self.prev_levels if c.fact == fact and c.kind == "level"), None) or next(
                # "2023年收入合计1174.50万元，主要是一般公共预算拨款1174.50万元，…。收入较去年增加74.50万元": the fact's
                # amount earlier in the sentence before, the sentence ending on others
                (c for c in reversed(self.prev_sentence_levels[-32:]) if c.fact == fact and c.kind == "level"), None)
        return found
