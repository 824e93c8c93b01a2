"""What a reading is made of: the claims a text makes (Claim; the names of their relations, as `explain`
shows them, in RELATIONS), the figures it leaves unread and why (Unread), the performance targets it names
(TargetMention), and the Reading that holds them."""
from __future__ import annotations

from typing import Any

from .tokens import CURRENCY, MONEY, Token

RELATIONS = {
    "margin": "比较的差额或金额",
    "level": "金额", "prior": "上年金额", "change": "增减额", "rate": "增减幅度", "share": "占比",
    "execution": "执行率", "difference": "差额", "compare": "比较", "sum": "其中各项之和", "count": "人数或个数",
    "flat": "持平", "formula": "算式的结果", "score": "自评总分", "named": "个数与列出的名称",
}


# why an item of a 其中 list whose head's words are unsure is left unread (or, named, left unchecked: see Claim.under)
UNSURE_HEAD = "“其中”前的金额说的是什么不确定：它的各项不与事实核对"
# why a figure of another subject is left unread: the words that begin the reason (explain shows them)
OTHER_SUBJECT = "说的是别的主体"
# why a figure after words the vocabulary does not know is left unread (seriesshares.py reads the words back)
UNKNOWN_WORDS = "前面的“{}”不在词表中，说的可能是别的"
# the reason for a total ("共计474.20万元") with no figure before it to add up: its parts may still follow (numbered.py)
TOTAL_OF_NOTHING_BEFORE = "合计词之前没有可加的数：是什么的总数不确定"
# why a figure with no name of its own and no subject before it is left unread (a list's head may yet get one)
NO_SUBJECT = "没有说明是哪一项收支"
# why an amount written inside a share's words ("占当年支出合计2528.91万元的46.68%") is left unread: it is the whole's
WHOLE_IN_SHARE = "写在“占……的”中的是占比的总数，不是前面那一项的金额"


class Claim:
    """One thing a text states, with the figure(s) that state it. Attributes not given keep the
    class defaults below (plain attributes: a hostile text makes hundreds of thousands of these)."""

    kind = ""
    # Which attributes a claim has depends on its kind, which the type checker cannot follow: those
    # that hold a column, another claim, a figure or its value, and the fact, are Any (see __init__).
    column: Any = None              # level: budget | adjusted | final | prior
    against: Any = None             # change/rate/flat: prior | budget | adjusted | None (unstated)
    of: Any = None                  # change/rate: the level claim it is about; share: the part
    base: Any = None                # rate: a stated base (claim)
    change: Any = None              # rate: the stated change (claim)
    as_share = False                # execution: said as a share ("占核定编制的95.83%": PROSE-SHARE)
    as_change = False               # difference: said as a change from the other ("比上年预算80.60万元减少5.51万元":
                                    # PROSE-CHANGE, not PROSE-DIFF)
    whole: Any = None               # share: the fact of the whole
    whole_from: Any = None          # share: the head claim of the list, when the whole is that
    summed_whole = False            # share: whole_from is an amount before that the series' parts add up to
    series_sum: Any = None          # share: (sum, ± its rounding) of the amounts of its series (seriesshares.py)
    whole_alts: tuple = ()          # share: wholes it may be of as well (no word named one: see shares._share_whole)
    parts: list = []                # sum: the part claims
    complete = False                # sum: the list names every part
    changes = False                 # sum: of a change's parts' changes (signed: see changeparts.py)
    traits = False                  # sum: some parts count people by a trait (党员, 学历): they overlap
    other: Any = None               # compare/difference: the other figure(s)
    op: Any = None                  # compare: < > =
    loose = False                   # flat: "基本持平"
    sentence = 0
    label = ""                      # the words that named the subject
    kind_text = ""                  # a staffing category ("行政编制")
    category = ""                   # count of 实有/在职 people right after one category's posts: that category's
    alts: tuple = ()                # other facts the same words may name (either may hold)
    head = False                    # the head of a 其中 list
    variance = False                # execution: 预决算差异率, (决算 − 预算) ÷ 预算
    source = ""                     # "一般公共预算…": the part of the fact paid from this source
    flagged = False                 # reported wrong: what is computed from it is not reported
    summed = False                  # a head its list's parts do not add up to: its own figure is still checked
    implied = False                 # level: no column word — "final" by default, or a head's that was
    covered = False                 # level: the budget of what was brought under 绩效目标管理 (see covered.py)
    at_most = False                 # level: the money of some of what its fact is the whole of — checked only not to
                                    # exceed it ("编报绩效目标的项目共12个，涉及项目预算资金…": some projects)
    at_least = False                # level: the money of more than its fact — checked only not to fall short of it
                                    # ("计划购置车辆1辆、22万元": all the vehicles, whatever pays; see purchases.py)
    in_budget = False               # level: read as 年初预算 because its text is a budget's (see budgettext.py)
    col_word: str | None = None     # level of no fact: the column its own words named ("预算数为0万元")
    another = False                 # level of no fact: a body named by place and kind, in its clause ("区财政局占用1名")
    twoway = False                  # change/rate: "减少（增加）2.80万元" — the words say either direction, only the size
    compared = False                # level/prior: a base stated after 较/比 ("较预算数12.00万元减少2.14万元")
    year: int | None = None         # level of no fact: the year its words named, if any
    words_end = -1                  # compare of two stated amounts: where the words that compare them end, after both
    bound = False                   # compare: a fact against a figure written as its bound ("超过了2000万元")
    final_base = False              # change/rate: the text names last year's final as the base ("较2022年决算")
    executed_base = False           # change/rate: …as its 执行数 ("与2022年预算执行数相比"): a budget's account — this
                                    # year's figure may be the budget
    under: Any = None               # level: the head of a 其中 list whose subject its words leave unsure — the item is
                                    # checked only where that head's figure is the department's (its whole's)
    wages = False                   # level of 人员经费 listed beside 对个人和家庭的补助: the wages alone
    saving = False                  # change: said as a saving or an overspending ("节支11.3万元"): plan less spending
    budget_base = False             # change/rate: this year's budget stated against last year's figure — its
                                    # budget or its final, the text does not say (the file has only the final)
    inferred = False                # level: a list's head named by no word, of the side its items are parts of
    subtotal = False                # an item of a 其中 list named 小计: the items after it that add up to it are its own
    under_people = False            # count: a category of posts in a 其中 list of people ("在职23人，其中参公编制21人")
    split_retired = False           # count: the 退休 part of "离退休X人，其中：离休a人，退休b人"
    percent = False                 # formula: its result is a percentage (see formulas.py; other: the parsed expression)
    expression = ""                 # formula: the expression as written
    expression_start = -1           # formula of a ratio in words (ratios.py): where its first figure begins
    written = ""                    # formula: its result as written, with its unit ("3.98分")
    other_starts: tuple = ()        # formula of a balance in words (chains.py): where the figures added or taken away begin
    guarded = False                 # named by a label taken at its word only where its amounts are its fact's
                                    # (the vocabulary's `when: 相符`, checks/prose/guarded.py)

    def __init__(self, kind: str, figure: Token | None, fact: str | None = None, **kw):
        self.figure: Any                   # a Token; None for a part a list names without a figure
        self.fact: Any                     # a fact path; None where the words name no fact
        self.kind, self.figure, self.fact = kind, figure, fact
        self.value: Any = figure.value if figure is not None else None     # signed for changes
        self.unit = figure.unit if figure is not None else ""
        if kw:
            self.__dict__.update(kw)

    def __repr__(self):
        return f"Claim({self.kind}, {self.fact}, {self.column or self.against}, {self.value}{self.unit})"

    @property
    def start(self) -> int:
        return self.figure.start if self.figure is not None else 0

    @property
    def money(self) -> bool:
        return self.unit in MONEY or self.unit in CURRENCY


class Unread:
    """A figure read as no claim, and why."""

    __slots__ = ("figure", "why", "own")

    def __init__(self, figure: Token, why: str, own: bool = False):
        # own: the figure is of one of the department's facts, unread only for its year or column
        self.figure, self.why, self.own = figure, why, own


class Reading:
    __slots__ = ("claims", "unread", "text", "targets", "cues", "budget_words")

    def __init__(self, text: str, cues: Any = None):
        # the text speaks of 预算 and says nothing of this year's budget adjusted, carried out or closed (budgettext.py)
        self.budget_words = False
        self.claims: list[Claim] = []
        self.unread: list[Unread] = []
        self.text = text
        self.targets: list[TargetMention] = []
        self.cues = cues        # the vocabulary's cue words the text was read with (see cues.py): the checks ask them


class TargetMention:
    """A performance target named in the text ("进出口总额"), and why a figure after it is not its figure this
    year ("" when it may be: the department's, this year's, the whole year's)."""

    __slots__ = ("index", "start", "end", "why")

    def __init__(self, index: int, start: int, end: int, why: str):
        self.index, self.start, self.end, self.why = index, start, end, why
