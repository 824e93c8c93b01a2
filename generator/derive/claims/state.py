"""What the claim reader keeps as it reads: the scope a figure is read in (subject, year, column: _Scope), what
the words since the last figure say (_Lead), an open 其中 list (_List), and _State — every attribute of the
reader, declared once, with the steps all its parts take (leave a figure unread, look back over the text).

The reader's parts (bounds.py, words.py, subjects.py, figures.py, levels.py, shares.py, lists.py, stated.py)
are mixins of _State; grammar.py assembles them into one _Reader."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from .claim import OTHER_SUBJECT, TOTAL_OF_NOTHING_BEFORE, Claim, Reading, Unread
from .cues import Cues
from .parts import PEOPLE_UNITS
from .setting import Setting
from .tokens import CLAUSE, CLOSE, MONEY, OPEN, SENTENCE, Token

# the last mark of a clause or a sentence in a window (one C-level search, not a loop over characters)
_LAST_MARK = re.compile(".*[" + re.escape(CLAUSE + SENTENCE) + "]", re.S)


class _Scope:
    __slots__ = ("subject", "alts", "label", "blocked", "year", "column", "fresh", "base", "base_executed", "partial", "source",
                 "excluding", "implied", "relative", "account", "flow")

    def __init__(self):
        self.flow = ""                      # "调出1名，退休1名": people coming and going, not the year-end count
        self.subject: str | None = None     # the fact figures are about
        self.alts: tuple = ()               # other facts its words may name
        self.label = ""                     # the words that named it
        self.blocked = ""                   # another subject named (its words), or ""
        self.year: int | None = None        # None: the report year
        self.column: str | None = None
        self.fresh = False                  # the subject was named in this sentence
        self.base: str | None = None        # "与2021年相比，…": a base named in an earlier clause
        self.base_executed = False          # …last year's, named as its 执行数 (see _Lead.prior_executed)
        self.partial = ""                   # "1-6月": the sentence is about part of the year
        self.source = ""                    # the subject is the part paid from this source of funds
        self.excluding = ""                 # "剔除…": the sentence's figures are on another footing
        self.implied = False                # the column is a list head's that no word named
        self.relative = False               # the year was named as 上年/去年, not as a number
        self.account = ""                   # the line of accounts named ("行政运行"), when that is what blocked is

    def copy(self) -> _Scope:
        s = _Scope()
        for name in self.__slots__:
            setattr(s, name, getattr(self, name))
        return s


class _Lead:
    """What the words since the last figure (within the clause) say. Class defaults, so a new lead
    costs one small dict."""

    cmp = False                     # 较 / 比 / 同比 / 与 … 相比
    cmp_closed = False              # the base named and closed by 相比 ("与2022年相比"): a name after it is the subject
    base: str | None = None         # the base named: prior | budget | adjusted | other | this
    base_later = False              # the base is a year after the report's ("比2024年预算减少" in a 2023 report)
    dir = 0                         # 增加 +1, 减少 −1
    rate = 0                        # 增幅 +1, 降幅 −1
    saving = False                  # 节约 / 节支 / 超支: the plan less the spending
    share = False                   # 占 / 比重
    whole: str | None = None        # the whole named after 占
    whole_word = ""                 # the words that named it
    whole_end = -1                  # where they end
    wholes: tuple = ()              # "占A和B的比重分别为p和q": ((fact, words), …) of each whole in turn
    exec = False                    # 执行率 / 完成率
    exec_of = False                 # 完成 / 为 (… 年初预算的)
    exec_col: str | None = None
    diff = False                    # 相差 / 差额
    op: str | None = None           # 小于 / 大于 / 等于
    op_target: str | None = None    # "超过调整预算": the column compared with
    op_tok: Token | None = None     # the word 小于 / 大于 itself
    col: str | None = None
    spent = False                   # the column's word says spending ("全年支出", "实际支出")
    year: int | None = None
    label: str | None = None        # the fact a label in this lead named
    unknown = ""                    # words not in the vocabulary
    approx = -9                     # where an "约" / "近" ended
    due = ""                        # "应为": the next figure is what should be, not what is
    loose = False
    cause = False
    other_fact = False
    other_path: str | None = None   # the other fact of a comparison of two ("比基本支出多出…": 基本支出)
    kind_text = ""
    to_level = False                # 增加到 / 降至
    total = False                   # 合计
    figure = False                  # a figure was read in this clause
    variance = False                # 预决算差异率
    op_col: str | None = None       # the column named before 小于 / 大于
    op_fact: str | None = None      # the fact named after 小于 / 大于
    source = ""                     # a source of funds named before the label ("一般公共预算…")
    share_unknown = ""              # words after 占 not in the vocabulary ("占全系统合同总额的…")
    share_at = -1                   # where 占 ended
    share_from = -1                 # where it began
    prior_budget = False            # "较上年预算": the base is last year's budget
    prior_final = False             # "较2022年决算": the base is last year's final, named so
    prior_executed = False          # "与2022年预算执行数相比": named as a budget's account names it (its 执行数)
    event = False                   # "于2009年11月16日开馆": the day something happened, in its own clause
    year_on_year = False            # 同比: against last year, as the comparison before it in the sentence was
    self_end = -1                   # where a word for the department itself (本部门, 我局) ended
    undo: tuple | None = None       # the scope's year and column before this clause named its own
    per = ""                        # 平均 / 人均: the figure is an average
    target = ""                     # a performance target named in the clause: its figures are the target table's
    twoway = False                  # "增加（减少）", "下降（增长）": a form's words for either direction

    def __init__(self):
        self.labels: list[tuple[str, str]] = []


class _List:
    __slots__ = ("head", "parts", "depth", "marker", "outer", "mixed", "confused", "first_unread", "shares", "tiered", "subject", "unknown",
                 "rest", "closed", "figures_at", "before", "within", "year_at")

    def __init__(self, head: Claim, depth: int, marker: str, outer: _List | None = None):
        self.parts: list[Claim]
        self.head, self.parts, self.depth, self.marker, self.outer = head, [], depth, marker, outer
        self.confused = False           # an inner 其中 list's first item was no part of its head (see _list_for)
        self.first_unread: Token | None = None  # its first figure, left unread as another's (see _unread)
        self.mixed = False              # the head's fact was stated in two columns: the parts' column is their own
        self.shares: list = []          # the shares of its parts, (claim, whole named after 占 or None)
        self.tiered = False             # its items are levels of one hierarchy ("一级指标…二级指标"): not parts
        self.subject = ""               # the other subject named when the list began ("市本级")
        self.unknown = False            # its head was left unread: what it is a part of is not known
        self.rest = -1                  # where an item named "其他…" (the rest of the head) begins
        self.closed = False             # a total of its items follows them ("…，合计1170.00万元"): they are all of it
        self.figures_at = -1            # the reader's count of figures when it began (set by the reader)
        self.before = 0                 # figures of its sentence read before it began (the head's among them)
        self.within: _List | None = None  # a bracket's list of an item's parts: the list the item is in
        self.year_at: int | None = None   # the year the text was about when it began (an item's own year ends with it)


class _State:
    """Every attribute of the reader, set for a new text; the steps all its parts take."""

    def __init__(self, tokens: list[Token], text: str, setting: Setting, cues: Cues, budget_text: bool = False):
        self.tokens, self.text, self.year, self.cues = tokens, text, setting.year, cues
        self.moments = setting.moments          # (month, day) at which the file counts its stocks: no part of the year
        self.counts_year = setting.counts_year  # the staffing's year end
        self.budget_text = budget_text  # the text is a budget's: no column word means 年初预算 (see budgettext.py)
        self.out = Reading(text, cues)
        self.self_types: set = set()         # "街道…": a kind of unit the text opened with, naming itself
        # kinds of unit another body named in the text was of ("张家川县中医医院…。医院核定事业编制138人"): the bare
        # kind after it is that body again, not the department naming itself
        self.named_kinds: set = set()
        self.stack = [_Scope()]
        self.scope = self.stack[-1]         # the innermost scope (kept with the stack)
        self.lead = _Lead()
        self.sentence = 0
        self.levels: list[Claim] = []        # this sentence's levels (for 其中, 占, 相差, 合计)
        self.last_money: Claim | None = None  # this sentence's last money figure read as a level
        self.last_claim: Claim | None = None
        self.account_amount: Claim | None = None  # the last amount of a line of accounts the file has no figure for
        self.changes: list[Claim] = []      # this sentence's stated changes (a rate may be of one)
        self.change_list: tuple[Claim, list[Claim]] | None = None   # a change and its parts' after 其中 (changeparts.py)
        self.bases: list[Claim] = []        # this sentence's stated bases
        self.list: _List | None = None
        self.pending_each: list[tuple[str | None, str]] = []   # (None: one name of two lines, see lists._start_each)
        self.each_claims: list[Claim] = []
        self.cursor = 0                     # end of the last token: gaps are unknown words
        self.saved: list = []               # the lead before each open bracket
        self.deep = 0                       # open brackets beyond MAX_DEPTH
        self.figures = 0                    # figures read so far
        self._starts_of_tokens: list[int] | None = None     # see numbered._token_starts
        self.account_named = (-1, 0)        # where the last line of accounts was named, and the figures read then
        self.figures_in_sentence = 0
        self.clause_figures = 0             # figures in the current clause
        self.per_before = False             # an average was stated in this sentence, no label since ("人均…")
        self.years_series: list[int] = []   # years named one after the other, for the figures after them in turn
        self.year_end = -1                  # where the last year named ended
        self.figures_at_year = 0            # figures of the sentence when it was named
        self.bare_label = False             # the subject was named in a clause without figures
        self.figure_subject: tuple = (None, "", ())   # the subject when the last figure was read
        self.alias = False                  # "（简称“三公”经费）"
        self.self_named = False             # the sentence names the department itself (本部门, 我局)
        self.self_at = -1                   # where it last did
        self.unsure = False                 # a figure of this sentence was someone else's or nobody's
        self.mentioned: set = set()          # facts named in this sentence and the one before
        self.prev_mentioned: set = set()
        self.prev_column: str | None = None
        self.prev_period: tuple = (None, "")  # the year and part of the year the sentence before was about
        self.prev_levels: list[Claim] = []  # the last level of the sentence before (a head for 其中)
        self.each_mode: tuple = (0, None, 0, None)  # 分别比上年增加 a、b: the relation every figure shares (dir, base, rate,
        # and ("exec", column) for "分别为年度预算的a%、b%")
        self.last_num: Token | None = None
        self.money_seen: Token | None = None    # the last figure of money read, across punctuation (_unit_left_out)
        self.label_end = -1                 # where the last label ended
        self.modified_end = -1              # where a noun a label only says the kind of ends (see _modifies)
        self.label_start = -1               # and began
        self.suspended: _List | None = None  # a 其中 list interrupted by a reason ("因…")
        self.alts_of: dict = {}             # a label's words → the other facts they may name
        self.pending_shares: list = []      # "A、B分别为x和y，占…的p%和q%": the parts the next shares are of
        self.each_share: tuple = ()         # (whole, whole_from, column) of the first of those shares
        self.each_parts: list = []          # "A、B分别为x和y，占…的p%和q%，增幅为r%和s%": the parts, for the rates after
        self.pending_rates: list = []       # the parts the next rates of such a series are of
        self.pending_execs: list = []       # and the next execution rates
        self.unnamed_shares: list = []      # (share figure, its part) of no whole named (see shares._shares_of_their_sum)
        self.share_whole_alts: tuple = ()   # the wholes a share read now may be of as well (see shares._share_whole)
        self.series_sign = 0                # the direction the first rate of the series named
        self.pending_wholes: list = []      # "占A和B的比重分别为p和q": the part and the wholes the next shares are of
        self.share_from: tuple | None = None  # (lead, end) of a share's figure before it changed ("由60.2%上升至…")
        self.announced = ""                 # another subject whose paragraph ended with a colon ("…其中：")
        self.items_year: int | None = None  # the other year of the total an enumeration breaks down (_breakdown)
        self.paragraph = (0, 0)             # where the paragraph began, and the figures read before it
        self.source_end = -1                # where the last source-of-funds word ended
        self.subject_source: tuple = ()     # (sentence, subject, words): the source named right after a subject
        self.sentence_source = ""           # a source of funds opening the sentence, before its first figure and label
        self.amounts_in_sentence = 0        # amounts of money read in this sentence (claims or not)
        self.bodies_in_sentence = 0         # counts of bodies ("28个司法所", "2个事业单位") in this sentence
        self.prev_amounts = 0               # … and in the sentence before
        self.passed_blank = False           # the sentence just ended had no figure: the one before it is kept as before
        self.categories: list = []          # counts of one category's posts since the last headcount of people
        self.by_category: list = []         # (count of a category's posts or None, count of people) pairs of this sentence
        self.amounts: list[Claim] = []      # this year's amounts of the text not named by a label (a whole a share
                                            # may name by the words written before it)
        self.prev_sentence_levels: list = []  # every level of the sentence before
        self.describing: str | None = None  # the other subject before a clause describing the department itself
        self.contents: tuple | None = None  # the subject before a 包括 that lists what an item is made of (see _end_clause)
        self.contents_end = -1              # where that 包括 ended
        self.blocked_first = False          # the sentence opened with another subject (see _next_subject)
        self.first_other = ""               # the other subject it opened with (its words)
        self.opener = ""                    # another subject a sentence opened on, through sentences of no figure after it
        self.passing_block = -1             # the sentence another subject was last named in after a figure of the department's
        self.held_subject: tuple | None = None   # the subject a count of other people set aside (see _not_a_subject)
        self.named: list[tuple] = []        # (fact, start, end, figures read before) of each label of the sentence
        self.off_footing = ("", -1)         # "1620.35万元（剔除…）增加…": the word, and where its clause ends
        self.aside = 0                      # 1: another subject named inside a sentence the department opened;
                                            # 2: its clause ended (see _other_subject); 3: a body compared with
                                            # ("高于全市平均"), its clause of no figure not a topic; 4: a project
                                            # or fund named in the department's clause of no figure
        self.sentence_start = 0             # where the sentence began
        self.index = 0                      # the token being read
        self.figure_blocked = False         # the last figure was read while another subject was named
        # (base, the amount before it, figures read) of "比2021年的X万元"
        self.other_base: tuple[Claim, Claim, int] | None = None
        self.carried_base: str | None = None  # the base a sentence without figures named for the paragraph
        self.section_year: int | None = None  # the other year a numbered heading named for its section
        self.carried_year: int | None = None  # the other year a sentence without figures named for the paragraph
        self.budget_stated = -1               # the sentence where a budget was stated by its column alone
        self.budget_clause = -1               # the sentence where a clause stated a budget's figure
        self.added_clause = -1                # the sentence where a clause stated what was added to a budget
        self.cause_block: str | None = None  # the other subject named (or "") when the sentence's reason began
        self.cause_at: int | None = None     # where the sentence's reason began
        self.flow_end = -1                   # where the last word for people coming and going ended
        self.cause_subject: tuple = (None, "", ())  # and the subject then
        self.cause_year: tuple = (None, False)      # and the year then (its scope's year, relative)
        self.ended: _List | None = None     # the last list that ended (a change right after it may be its head's)
        self.narrow_other = -1
        self.posts_totals = 0               # numbers of posts in all read in this sentence (see _posts_of_parts)              # the sentence that named a kind of income the file counts in 其他收入
        self.stray_comma = -1               # where a comma right after 占 stands
        self.stated_change: tuple | None = None   # (amount, change) of no fact, for the rate after (_stated_change)
        self.sentence_years: list[int] = []  # the years this sentence named as its own time, in order (see _on_to_level)

    def _said_since(self, start: int, *classes: str) -> bool:
        """Whether a word of one of the vocabulary's classes is written from `start` up to the token being read (a
        bounded look back over the tokens)."""
        for t in reversed(self.tokens[max(0, self.index - 24):self.index]):
            if t.start < start:
                break
            if t.kind == "word" and any(t.has(c) for c in classes):
                return True
        return False

    def _before(self, start: int, n: int) -> str:
        """The last `n` characters before `start`, trailing spaces left out (a bounded look back)."""
        i = start
        while i > 0 and start - i < 64 and self.text[i - 1] in " \t\r\u3000":
            i -= 1
        return self.text[max(0, i - n):i]

    def _after_its_marker(self, lst: _List) -> tuple[int, int] | None:
        """Where the words between a 其中 list's 其中 and its first item begin and end ("其中（按项级科目分类统计）：（一）"),
        or None for a list of another marker or with no figure yet."""
        first = lst.parts[0].figure if lst.parts else None
        head = lst.head.figure
        if first is None or head is None or lst.marker != "其中":
            return None
        at = self.text.rfind("其中", head.end, first.start)
        return (at + 2, first.start) if at >= 0 else None

    def _clause_before(self, end: int) -> str:
        """The words of the clause up to `end` (at most 40 characters back)."""
        start = max(0, end - 40)
        m = _LAST_MARK.search(self.text, start, end)
        return self.text[m.end():end] if m is not None else self.text[start:end]

    def _unread(self, tok: Token, why: str, unsure: bool = True, own: bool = False) -> None:
        """A figure left unread; `unsure`: it may be someone else's, so what follows in the sentence is
        not taken for the department's by default; `own`: it is the department's (see Unread)."""
        self.out.unread.append(Unread(tok, why, own))
        self.unsure = self.unsure or unsure
        lst = self.list
        if lst is not None and not lst.parts and lst.head.figure is not None and why.startswith(OTHER_SUBJECT) \
                and _same_kind(tok.unit, lst.head.figure.unit) and not (tok.unit in MONEY and self._head_is_anothers(lst)):
            lst.first_unread = tok      # (see _end_list: unless it is made an item after all)

    def _head_is_anothers(self, lst) -> bool:
        """"本项目共完成预算资金132.67万元，其中村级组织运转43.67万元…": the head was left unread as another subject's —
        its items are that subject's parts (whoever they are said to go to), which the text itself adds up."""
        head = lst.head.figure
        return any(u.figure is head and u.why.startswith(OTHER_SUBJECT) for u in self.out.unread[-16:])

    def _set_aside(self, hold: bool) -> None:
        """The subject is left for something counted on the way ("…累计接待77批次、4374人次"); `hold`: it is taken back
        after (see _take_back)."""
        scope = self.scope
        if hold and scope.subject is not None and scope is self.stack[0]:
            self.held_subject = (scope.subject, scope.label, scope.alts)
        scope.subject, scope.label = None, ""

    def _take_back(self, scope: _Scope) -> None:
        """The subject set aside holds again, unless another was named since."""
        if self.held_subject is not None and scope.subject is None and not scope.blocked:
            scope.subject, scope.label, scope.alts = self.held_subject
        self.held_subject = None

    def _bracket_open_at(self, at: int, reach: int) -> int:
        """Where the bracket `at` stands in opened, in its sentence and within `reach` characters back, or -1."""
        start = max(self.text.rfind(ch, max(self.sentence_start, at - reach), at) for ch in OPEN)
        return start if start >= 0 and not any(ch in CLOSE for ch in self.text[start:at]) else -1

    def _retract(self, tok: Token, why: str) -> None:
        # (the claims of a figure just read are the last few: a hostile text of thousands stays linear)
        tail = self.out.claims[-16:]
        kept = [c for c in tail if c.figure is not tok]
        if len(kept) != len(tail):
            self.out.claims[-16:] = kept
            self.levels = [c for c in self.levels if c.figure is not tok]
            self.each_claims = [c for c in self.each_claims if c.figure is not tok]
            if self.last_money is not None and self.last_money.figure is tok:
                self.last_money = None
        # (a list's part of no fact is in no claim list: "其中：…；单价50万元以上通用设备…" — taken out all the same)
        if self.list is not None and self.list.parts and self.list.parts[-1].figure is tok:
            self.list.parts.pop()
        self._unread(tok, why)

    if TYPE_CHECKING:
        # what one part of the reader calls in another, declared for the type checker (each is defined
        # in the module named; grammar.py's _Reader has them all)
        # grammar.py
        def _open_bracket(self) -> None: ...
        # changeparts.py
        def _change_list_opens(self) -> bool: ...
        def _change_part(self, claim: Claim) -> None: ...
        def _end_change_list(self) -> None: ...
        def _close_bracket(self, tok: Token | None = None) -> None: ...
        # words.py
        def _on_account(self, tok: Token, means: dict) -> None: ...
        # subjects.py
        def _target(self, tok: Token, index: int) -> None: ...
        def _names_itself(self, tok: Token) -> bool: ...
        def _self_type(self, tok: Token) -> None: ...
        def _other_subject(self, tok: Token) -> None: ...
        # stated.py
        def _after_two_years(self, tok: Token) -> bool: ...
        def _self_word(self, tok: Token, itself: bool) -> None: ...
        @staticmethod
        def _whose(scope: _Scope) -> str: ...
        def _of_account(self) -> bool: ...
        def _label(self, tok: Token, means: dict, facts: list) -> None: ...
        # figures.py
        def _series_length(self, tok: Token) -> int: ...
        def _parts_in_turn(self, tok: Token) -> list[Claim]: ...
        def _compare_fact(self, lead: _Lead) -> None: ...
        def _flat(self, tok: Token) -> None: ...
        def _ends_its_list(self, tok: Token, money: bool) -> bool: ...
        def _list_total(self, lst: Any, tok: Token) -> None: ...
        # levels.py
        def _subject(self, lead: _Lead, scope: _Scope, tok: Token) -> str | None: ...
        def _level(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        def _posts_total(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        def _budget_level(self, lead: _Lead, fact: str) -> None: ...
        def _level_of(self, fact: str) -> Claim | None: ...
        def _joined_names(self, tok: Token) -> list[tuple[str, str]]: ...
        def _figures_in_turn(self, tok: Token) -> int: ...
        # shares.py
        def _share(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        def _each_share(self, tok: Token) -> None: ...
        def _share_of_next_whole(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        # lists.py
        def _list_for(self, tok: Token, lead: _Lead, scope: _Scope) -> _List | None: ...
        def _start_list(self, marker: str) -> None: ...
        def _end_list(self, inner_only: bool = False) -> None: ...
        def _start_each(self) -> None: ...
        def _each(self, tok: Token) -> None: ...
        # stated.py
        def _other_base(self, tok: Token, lead: _Lead, fact: str, rate_base: bool) -> str: ...
        def _other_change(self, tok: Token, lead: _Lead) -> None: ...
        def _stated_change(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        def _base_in_bracket(self, tok: Token) -> bool: ...
        def _stated_rate(self, tok: Token, lead: _Lead, scope: _Scope) -> None: ...
        def _stated_execution(self, tok: Token, lead: _Lead, unread: bool = False) -> bool: ...
        def _completion_of_whole_stated(self, tok: Token) -> bool: ...
        # points.py
        def _points(self, tok: Token, scope: _Scope) -> bool: ...


def _same_kind(a: str, b: str) -> bool:
    """Whether two units measure the same kind of thing (money, people, or the one unit)."""
    return a == b or (a in MONEY and b in MONEY) or (a in PEOPLE_UNITS and b in PEOPLE_UNITS)


class _ReadSoFar:
    """What the reading holds once the text is read, as the passes after it need it (numbered.py, lettered.py): the
    figures in order, the claim each was read as, the heads and items of lists already made, the figures read as
    another subject's."""

    def __init__(self, tokens: list[Token], claims: list[Claim], unread: list) -> None:
        self.nums = [t for t in tokens if t.kind == "num"]
        self.starts = [t.start for t in self.nums]
        placed = sorted((c.figure.start, c.sentence) for c in claims if c.figure is not None)
        self._at, self._sentences = [p for p, _ in placed], [n for _, n in placed]
        self.claimed: dict[int, Claim] = {}
        for c in claims:
            if c.figure is not None:
                self.claimed.setdefault(id(c.figure), c)
        sums = [c for c in claims if c.kind == "sum"]
        self.heads = {id(c.of.figure) for c in sums if c.of is not None and c.of.figure is not None}
        self.listed = {id(p.figure) for c in sums for p in c.parts if p.figure is not None}
        self.others = {id(u.figure) for u in unread if u.why.startswith(OTHER_SUBJECT)}
        # totals of nothing before them ("共计474.20万元。具体情况如下：1.…"): their parts may be the items that follow
        self.totals = {id(u.figure) for u in unread if u.why == TOTAL_OF_NOTHING_BEFORE}

    def sentence_of(self, tok: Token) -> int:
        """The sentence a figure read as no claim is in: that of the last claim before it (the reader's count)."""
        k = bisect.bisect_right(self._at, tok.start) - 1
        return self._sentences[k] if k >= 0 else 0
