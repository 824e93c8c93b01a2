"""Tokens → claims: what each figure of a text states, of whom, of which year and column.

The grammar is a left-to-right reading with a little state, the way a reader keeps track:
  * a **subject** (a fact's label: "财政拨款收入") holds across clauses and into the next sentence
    until another subject is named; another subject (全县, 企业, a project, a subordinate unit, an
    unknown noun glued to a label) takes the figures that follow away from the department's facts;
  * a **year** (2022年, 上年) and a **column** (年初预算, 调整预算, 决算) hold to the end of the sentence;
    a year or column right after 较/比/同比 is the base of a comparison instead;
  * the words since the last figure (its **lead**) say what the figure is: an amount, a change
    (增加/减少), a growth rate (增长…%, 增幅), a share (占…%), an execution rate (执行率, 完成预算的…%),
    a difference (相差), one side of a comparison (小于), or a part of a list (其中, 分别为);
  * brackets open a nested scope: what is said inside does not change the subject outside.
Whenever the subject, the column or the relation is not certain, no claim is made and the figure is
recorded as unread with the reason — `mkreport explain` shows both.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

from ..values import AMOUNT_SUMS, VALUE_SUMS
from .tokens import (
    CLAUSE,
    CLOSE,
    COUNTS,
    COURT_KINDS,
    CURRENCY,
    ENTERPRISE_KINDS,
    ENUM,
    GOVERNMENT_KINDS,
    INSTITUTION_KINDS,
    MONEY,
    OPEN,
    SENTENCE,
    Token,
    is_han,
    kinds_pattern,
)

# units of a count of people, one as good as the other ("离退休人员12名，其中：离休1人…"; not of posts, see _COUNTED)
PEOPLE_UNITS = {"人", "名"}
_POST_UNITS = {"人", "名", "个"}      # "核定编制5个"
# words for people that may stand between a staffing label and its count ("行政编制人数19人", "在职人员中干部12人")
_PEOPLE_WORDS = re.compile("人员|人数|名额|干部|职工|总数|数量")
# Characters that can stand between a subject and its figure without naming anything else.
FUNCTION = set("的了为是达共计约合累总额数实现完成有其亦也均都已将按以在于对从至到得年度月日末底初及和与并且而即还再又"
               "全部中当本该此一这前后内外上下来去所上述如下共计分别主要具体各项个元万亿人次较比同相较")

# A total and its parts, for binding a 其中 list to its head and telling a complete list from a partial one.
COMPONENTS = {total: [p.rstrip("?") for p in parts] for total, parts in [*AMOUNT_SUMS, *VALUE_SUMS]}
SUMS_OF = [*AMOUNT_SUMS, *VALUE_SUMS]
COMPONENTS["department.staffing.posts_total"] = ["department.staffing.posts"]
# "年末人数75人，其中在职人员62人，退休人员15人": a headcount of all the people is its serving, retired and other people
COMPONENTS["department.staffing.actual"] = ["department.staffing.serving", "department.staffing.retired",
                                            "department.staffing.others"]
# a report splits its income by what it is spent on as often as by where it comes from
_MIRROR = {"finance.income.current": "finance.expenditure.current", "finance.income.total": "finance.expenditure.total",
           "finance.income.fiscal": "finance.expenditure.current",
           # spending by source of funds splits as the whole does
           "finance.expenditure.fiscal": "finance.expenditure.current",
           "finance.expenditure.general": "finance.expenditure.current",
           "finance.expenditure.fund": "finance.expenditure.current",
           "finance.expenditure.state_capital": "finance.expenditure.current"}


SOURCE_OF = {"finance.expenditure.fiscal": "fiscal", "finance.expenditure.general": "general",
             "finance.expenditure.fund": "fund", "finance.expenditure.state_capital": "state_capital"}
PARENT = {part: total for total, parts in COMPONENTS.items() for part in parts}


def within(head: str, part: str | None) -> bool:
    """Whether `part` is a part (or a part of a part) of `head`, or of the spending that mirrors it."""
    todo = [head] + ([_MIRROR[head]] if head in _MIRROR else [])
    seen = set()
    while todo:
        h = todo.pop()
        if h in seen:
            continue
        seen.add(h)
        for p in COMPONENTS.get(h, ()):
            if p == part:
                return True
            todo.append(p)
    return False


# Plain words for a whole side ("支出", "收入", "财政拨款支出"): after a more specific subject of the same
# side in the same sentence they are that subject's.
GENERIC = {"finance.income.current", "finance.expenditure.current", "finance.expenditure.fiscal",
           "finance.expenditure.general", "finance.expenditure.fund", "finance.expenditure.state_capital"}
PLAIN = {"支出", "收入", "财政拨款支出", "支出合计", "收入合计", "经费"}
# spending by source of funds, as the 决算 tables name it (a fact only when all income is from that source,
# checks/prose.py): a plain 支出 after it is still that source's
BY_SOURCE = {"finance.expenditure.fiscal": "fiscal", "finance.expenditure.general": "general",
             "finance.expenditure.fund": "fund", "finance.expenditure.state_capital": "state_capital"}
# headcounts of people (not posts), and the nouns for people that, written after such a label, name a group of them
PEOPLE = {"department.staffing.serving", "department.staffing.actual", "department.staffing.retired"}
# (the kinds of post the staffing labels in vocabulary.yaml name)
_KINDS = ("行政", "事业", "工勤", "参公", "参照公务员", "机关", "全额", "差额", "自收自支", "公益", "政法")
_GROUPS = ("人员", "干部", "职工")
# a plain word's whole side, with the carry-over: what "收入" names when its parts include 上年结转
WITH_CARRYOVER = {"finance.income.current": "finance.income.total", "finance.expenditure.current": "finance.expenditure.total"}
# column words that are also common verbs: a column only when they open a clause ("安排公务接待费8万元")
LEADING_COLUMNS = {"安排"}
# 安排 right after a source of funds ("财政拨款安排"): allocated from it — a budget, or in a final account the
# spending of it: column "any" (budget, adjusted or final), until a column word says which
ARRANGED = ("安排",)
# words for a whole side that end a more specific label when written right after it ("公用经费总支出",
# "人员经费财政拨款支出合计"): the specific label's total, not the department's
TRAILING = {"总支出", "支出总额", "财政拨款支出合计", "总收入", "收入总额"}
# headcount words that name nobody in particular: the department's people only in a sentence already about its
# staff ("行政编制在职22人，…，总人数46人"), not after other counts ("接待30批次，总人数220人")
CONTEXTUAL = {"总人数"}
# comparison words written after the base ("与上年相比"): where the 与 is left out ("2023年度预算相比", "和上年相比"),
# the year and column named before them are the base
POSTPOSED = {"相比", "对比"}
# "编制人数42", "退休人数13": a staffing table's column copied into prose, its unit left in the column's name —
# the label (with the 人数 or 数 after it) and at most 为/是/： before a whole number
_COUNT_GAP = re.compile(r"(?:人数|人员数|数)?[ \t\u3000]*(?:为|是|：|:)?[ \t\u3000]*")


def _splits_retired(head: Claim, part: str | None) -> bool:
    """"离退休人员12名，其中：离休1人，退休11人": a count of the retired and those who left before retirement, split
    into the two — the 退休 part is not the file's 退休人员 where those count the 离休 too."""
    return head.fact == "department.staffing.retired" and "离退休" in head.label and head.figure is not None \
        and part in ("department.staffing.others", "department.staffing.retired")


def _kind_of(head: Claim, part: str | None) -> bool:
    """Whether `part` names some of the people `head` counts, as a list item: the 离休 and 退休 of a 离退休 count, the
    kinds of people ("在职职工19人，其中实有财政补助人员9人，临聘人员3人，返聘人员5人") of a count of people."""
    return _splits_retired(head, part) or (head.fact in _PEOPLE and part in _KINDS_OF_PEOPLE)


def _whole_of(facts: set[str]) -> str | None:
    """The total whose parts `facts` are — all its main parts named, none that is not its part."""
    for total, parts in SUMS_OF:
        every = {p.rstrip("?") for p in parts}
        if facts <= every and {p for p in parts if not p.endswith("?")} <= facts:
            return total
    return None


def _side(fact: str) -> str:
    if fact.startswith("finance.income."):
        return "in"
    if fact.startswith(("finance.expenditure.", "finance.three_public", "finance.economic.")):
        return "out"
    return fact


RELATIONS = {
    "margin": "比较的差额或金额",
    "level": "金额", "prior": "上年金额", "change": "增减额", "rate": "增减幅度", "share": "占比",
    "execution": "执行率", "difference": "差额", "compare": "比较", "sum": "其中各项之和", "count": "人数",
    "flat": "持平", "formula": "算式的结果",
}


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
    whole: Any = None               # share: the fact of the whole
    whole_from: Any = None          # share: the head claim of the list, when the whole is that
    parts: list = []                # sum: the part claims
    complete = False                # sum: the list names every part
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
    col_word: str | None = None     # level of no fact: the column its own words named ("预算数为0万元")
    budget_base = False             # change/rate: this year's budget stated against last year's figure — its
                                    # budget or its final, the text does not say (the file has only the final)
    split_retired = False           # count: the 退休 part of "离退休X人，其中：离休a人，退休b人"
    percent = False                 # formula: its result is a percentage (see formulas.py; other: the parsed expression)
    expression = ""                 # formula: the expression as written
    written = ""                    # formula: its result as written, with its unit ("3.98分")

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
    __slots__ = ("claims", "unread", "text", "targets")

    def __init__(self, text: str):
        self.claims: list[Claim] = []
        self.unread: list[Unread] = []
        self.text = text
        self.targets: list[TargetMention] = []


class TargetMention:
    """A performance target named in the text ("进出口总额"), and why a figure after it is not its figure this
    year ("" when it may be: the department's, this year's, the whole year's)."""

    __slots__ = ("index", "start", "end", "why")

    def __init__(self, index: int, start: int, end: int, why: str):
        self.index, self.start, self.end, self.why = index, start, end, why


class _Scope:
    __slots__ = ("subject", "alts", "label", "blocked", "year", "column", "fresh", "base", "partial", "source", "excluding",
                 "implied", "relative", "account")

    def __init__(self):
        self.subject: str | None = None     # the fact figures are about
        self.alts: tuple = ()               # other facts its words may name
        self.label = ""                     # the words that named it
        self.blocked = ""                   # another subject named (its words), or ""
        self.year: int | None = None        # None: the report year
        self.column: str | None = None
        self.fresh = False                  # the subject was named in this sentence
        self.base: str | None = None        # "与2021年相比，…": a base named in an earlier clause
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
    base: str | None = None         # the base named: prior | budget | adjusted | other | this
    dir = 0                         # 增加 +1, 减少 −1
    rate = 0                        # 增幅 +1, 降幅 −1
    share = False                   # 占 / 比重
    whole: str | None = None        # the whole named after 占
    exec = False                    # 执行率 / 完成率
    exec_of = False                 # 完成 / 为 (… 年初预算的)
    exec_col: str | None = None
    diff = False                    # 相差 / 差额
    op: str | None = None           # 小于 / 大于 / 等于
    op_target: str | None = None    # "超过调整预算": the column compared with
    col: str | None = None
    year: int | None = None
    label: str | None = None        # the fact a label in this lead named
    unknown = ""                    # words not in the vocabulary
    approx = -9                     # where an "约" / "近" ended
    loose = False
    cause = False
    other_fact = False
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
    self_end = -1                   # where a word for the department itself (本部门, 我局) ended
    undo: tuple | None = None       # the scope's year and column before this clause named its own
    per = ""                        # 平均 / 人均: the figure is an average
    target = ""                     # a performance target named in the clause: its figures are the target table's
    twoway = False                  # "增加（减少）", "下降（增长）": a form's words for either direction

    def __init__(self):
        self.labels: list[tuple[str, str]] = []


class _List:
    __slots__ = ("head", "parts", "depth", "marker", "outer", "mixed", "shares", "tiered", "subject")

    def __init__(self, head: Claim, depth: int, marker: str, outer: _List | None = None):
        self.parts: list[Claim]
        self.head, self.parts, self.depth, self.marker, self.outer = head, [], depth, marker, outer
        self.mixed = False              # the head's fact was stated in two columns: the parts' column is their own
        self.shares: list = []          # the shares of its parts, (claim, whole named after 占 or None)
        self.tiered = False             # its items are levels of one hierarchy ("一级指标…二级指标"): not parts
        self.subject = ""               # the other subject named when the list began ("市本级")


def read_tokens(tokens: list[Token], text: str, year: int) -> Reading:
    return _Reader(tokens, text, year).run()


# kinds of unit that, bare at the opening of a text, are the unit itself ("街道", "中心校"); "乡镇", "村",
# "社区" are many units, and "站""所""院" are too short to tell from other words
SELF_TYPES = frozenset({"街道", "中心", "学院", "学校", "医院"})
_SELF_ANYWHERE = frozenset({"学院", "学校", "医院"})
MAX_DEPTH = 8            # brackets inside brackets: three is already rare
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
_NEWLINE = re.compile("\n")
_CLAUSE_ENDS = ("；", ";", "，", ",")
# another place or level, or a named body (ending in its kind): whose figure a target's name after it is not
_NOT_LOCAL = re.compile(r"^(?:全国|全省|全市|全区|全州|全盟|各县|各镇|各乡镇|省级|市级|中央|地方)$|(?:省|市|司|"
                        + kinds_pattern(GOVERNMENT_KINDS, COURT_KINDS, ("院",)) + ")$")
_YEAR_ONLY = re.compile(r"[ \t\u3000]*(?:19|20)[0-9]{2}\s?年度?[，,]?[ \t\u3000]*")     # "2023年学院收入合计…"
_YEAR_IN = re.compile(r"((?:19|20)[0-9]{2})\s?年")
# the class, division or item of the budget's classification after a line's name: "（204类）", "（06款）", "（项）"
_ACCOUNT_CODE = re.compile(r"[ \t\u3000]*(?:[0-9]{2,3})?[ \t\u3000]*[类款项][ \t\u3000]*")
def _stage(words: str) -> int | None:
    """Where a column word puts an amount in the year's course: 0 年初预算, 1 调整预算, 2 执行数 — None if the words name
    no single one (a clause of its own words: "年初预算1747.99万元")."""
    found = {i for i, names in enumerate(_STAGES) if any(n in words for n in names)}
    return found.pop() if len(found) == 1 else None


_STAGES = (("年初预算", "年初预算数"), ("调整预算", "调整后预算", "全年预算"), ("执行数", "决算数", "决算", "实际支出"))
# an execution rate's name and its verb right before the figure: "执行率为", "执行率达到"
_RATE_IS = re.compile(r"执行率[ \t\u3000]*(?:为|是|达到|达)[ \t\u3000]*$")
# the first item of an enumeration in Arabic numerals ("1.", "1、", "（1）", "①"; not "一、", which heads a section)
_FIRST_ITEM = re.compile(r"[ \t\u3000]*(?:1[ \t]?[、.．](?![0-9])|[（(]1[）)]|①)")
# a sentence stating a total: "…收入共计33609.06万元", "支出合计…", "总收入…"
_TOTAL_STATED = re.compile(r"(?:共计|合计|总计|总额|总收入|总支出|收入总|支出总)[^。！？!?]{0,12}?[0-9]")
# a sentence opening with the comparison, naming (or not) again what it compares: "与2022年度相比，X增加"
_RESTATED = re.compile(r"[ \t\u3000]*(?:与|同|和)[ \t\u3000]*(?:上年度?|去年|(?:19|20)[0-9]{2}[ \t\u3000]*年度?)"
                       r"[ \t\u3000]*(?:同期)?(?:相比|比较)[ \t\u3000]*[，,]?[ \t\u3000]*"
                       r"(?P<name>[\u4e00-\u9fff“”\"]{0,20}?)[ \t\u3000]*(?:增加|减少|增长|下降|上升|降低)了?[ \t\u3000]*$")
_CONTENTS = frozenset({"主要包括", "包括", "主要用于"})
_SHARE_AFTER_ZHAN = frozenset({"比例", "比率"})
_JOINS = re.compile(r"[ \t\u3000]*(?:、|和|与|及|以及)[ \t\u3000]*")
# words that name a unit (a company, a school, a bureau), not a scope (全县, 辖区) or a thing (项目, 企业)
_UNIT_KIND = re.compile(r"(?:单位|" + kinds_pattern(tuple(k for k in GOVERNMENT_KINDS if k != "部"), INSTITUTION_KINDS,
                                                   ENTERPRISE_KINDS) + ")$")
_COORDINATED = re.compile(r"以及|及其|和|与|、")
_GOES_ON = re.compile(r"[ \t\u3000]*(?:此外|另外|其中|同时|并且|其余)")
_TIMES = re.compile(r"(?:[×*xX✕]|乘以)[ \t\u3000]*$")
# a paragraph that is an item of an enumeration: "1、" "一、" "（二）" "(3)" "①"
_ENUM_ITEM = re.compile(r"[ \t\u3000]*(?:[0-9]{1,2}[ \t]?[、.．]|[一二三四五六七八九十]{1,3}[ \t]?、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[①-⑳])")
# the words between a name and its amount: "采购合同总额为250万元"
_NAMING_VERBS = ("共计为", "合计为", "总计为", "达到", "共计", "合计", "总计", "为", "是", "达", "计", "：", ":")


def _content(words: str) -> str:
    """The characters of `words` that name something (not function characters, figures or punctuation)."""
    return "".join(ch for ch in words if "\u4e00" <= ch <= "\u9fff" and ch not in FUNCTION)


# the name of a place: a county, city, district, town… ("云县", "汉阳区", "陶辛镇")
_PLACE = re.compile("[\u4e00-\u9fff]{1,6}[省市县区州旗盟镇乡]")
_NOT_PLACES = {"节省", "城乡", "城镇", "下乡"}       # words that end so and name no place ("城乡居民…")
# "本单位是…所属的事业单位", "我局系县政府直属机构": the department said to be something
_COPULA = re.compile("是|系|属于|隶属")
# "区档案馆为区委办所属事业单位": a unit said to belong to another body — a name, a copula, the body's name, then
# one of the words for belonging (the department describing itself; its own subordinates it calls 下属 or 我局所属)
_BELONGS = frozenset({"所属", "直属", "附属", "隶属", "局属"})
_AFFILIATED = re.compile("[\u4e00-\u9fff（）()]{2,}(?:是|系|为|属于)[\u4e00-\u9fff]{1,12}$")
# "主要负责全县的档案工作": the other subject is what the department's duties are over
_DUTY = re.compile("(?:负责|承担|主管|指导|统筹|协调|监督)[的对]?$")
# what a heading of a section of accounts is about
_SECTION = re.compile("情况|决算|预算|收支|经费|收入|支出")
# the department's people (in post, or all of them), not its posts
_PEOPLE = ("department.staffing.serving", "department.staffing.actual")
# counts of people (not of posts: "编制总数86名，其中：…，聘用教师控制数3人" is posts, then people)
_COUNTED = {*_PEOPLE, "department.staffing.retired", "department.staffing.others"}
_KINDS_OF_PEOPLE = {*_PEOPLE, "department.staffing.others"}
# words that say an amount was paid out or spent ("已完成拨付2113.63万元", "实际支出…"): the amount an execution rate
# is of, when a sentence states it with the whole it is a rate of (checked as written text, not read as tokens)
_SPENT = ("拨付", "支付", "支出", "使用", "执行", "兑付", "发放", "完成", "报账")
# words before the whole that make it not the base of such a rate: the budget at the start of the year (the rate
# may be of the adjusted budget), last year's amount, an amount already paid or spent itself ("已拨付…"), or an
# investment, which may span years (the rate is then of the year's plan)
_NOT_WHOLE = ("年初", "上年", "去年", "同期", "已", "实际", "累计", "投资")
_PARTIAL_MONTHS = re.compile(r"([0-9]{1,2})\s?[-—～~至到]\s?([0-9]{1,2})\s?月|([0-9]{1,2})\s?月(?:份)?(?:底|末|[0-9]{1,2}\s?日)?")


class _Reader:
    def __init__(self, tokens: list[Token], text: str, year: int):
        self.tokens, self.text, self.year = tokens, text, year
        self.out = Reading(text)
        self.self_types: set = set()         # "街道…": a kind of unit the text opened with, naming itself
        self.stack = [_Scope()]
        self.scope = self.stack[-1]         # the innermost scope (kept with the stack)
        self.lead = _Lead()
        self.sentence = 0
        self.levels: list[Claim] = []        # this sentence's levels (for 其中, 占, 相差, 合计)
        self.last_money: Claim | None = None  # this sentence's last money figure read as a level
        self.last_claim: Claim | None = None
        self.changes: list[Claim] = []      # this sentence's stated changes (a rate may be of one)
        self.bases: list[Claim] = []        # this sentence's stated bases
        self.list: _List | None = None
        self.pending_each: list[tuple[str, str]] = []
        self.each_claims: list[Claim] = []
        self.cursor = 0                     # end of the last token: gaps are unknown words
        self.saved: list = []               # the lead before each open bracket
        self.deep = 0                       # open brackets beyond MAX_DEPTH
        self.figures = 0                    # figures read so far
        self.figures_in_sentence = 0
        self.clause_figures = 0             # figures in the current clause
        self.bare_label = False             # the subject was named in a clause without figures
        self.figure_subject: tuple = (None, "", ())   # the subject when the last figure was read
        self.alias = False                  # "（简称“三公”经费）"
        self.self_named = False             # the sentence names the department itself (本部门, 我局)
        self.unsure = False                 # a figure of this sentence was someone else's or nobody's
        self.mentioned: set = set()          # facts named in this sentence and the one before
        self.prev_mentioned: set = set()
        self.prev_column: str | None = None
        self.prev_period: tuple = (None, "")  # the year and part of the year the sentence before was about
        self.prev_levels: list[Claim] = []  # the last level of the sentence before (a head for 其中)
        self.each_mode: tuple = (0, None, 0)  # 分别比上年增加 a、b: the relation every figure shares
        self.last_num: Token | None = None
        self.label_end = -1                 # where the last label ended
        self.suspended: _List | None = None  # a 其中 list interrupted by a reason ("因…")
        self.alts_of: dict = {}             # a label's words → the other facts they may name
        self.pending_shares: list = []      # "A、B分别为x和y，占…的p%和q%": the parts the next shares are of
        self.each_share: tuple = ()         # (whole, whole_from, column) of the first of those shares
        self.announced = ""                 # another subject whose paragraph ended with a colon ("…其中：")
        self.items_year: int | None = None  # the other year of the total an enumeration breaks down (_breakdown)
        self.paragraph = (0, 0)             # where the paragraph began, and the figures read before it
        self.source_end = -1                # where the last source-of-funds word ended
        self.categories: list[str] = []     # staffing categories counted since the last headcount of people
        self.by_category: list = []         # (category, count of people) pairs of this sentence
        self.amounts: list[Claim] = []      # this year's amounts of the text not named by a label (a whole a share
                                            # may name by the words written before it)
        self.prev_sentence_levels: list = []  # every level of the sentence before
        self.describing: str | None = None  # the other subject before a clause describing the department itself
        self.contents: tuple | None = None  # the subject before a 包括 that lists what an item is made of (see _end_clause)
        self.contents_end = -1              # where that 包括 ended
        self.named: list[tuple] = []        # (fact, start, end, figures read before) of each label of the sentence
        self.aside = 0                      # 1: another subject named inside a sentence the department opened;
                                            # 2: its clause ended (see _other_subject)
        self.sentence_start = 0             # where the sentence began
        self.index = 0                      # the token being read
        self.figure_blocked = False         # the last figure was read while another subject was named
        # (base, the amount before it, figures read) of "比2021年的X万元"
        self.other_base: tuple[Claim, Claim, int] | None = None
        self.carried_base: str | None = None  # the base a sentence without figures named for the paragraph
        self.section_year: int | None = None  # the other year a numbered heading named for its section
        self.carried_year: int | None = None  # the other year a sentence without figures named for the paragraph
        self.cause_block: str | None = None  # the other subject named (or "") when the sentence's reason began
        self.stray_comma = -1               # where a comma right after 占 stands
        self.stated_change: tuple | None = None   # (amount, change) of no fact, for the rate after (_stated_change)
        self.sentence_years: list[int] = []  # the years this sentence named as its own time, in order (see _on_to_level)

    def run(self) -> Reading:
        handlers = {"punct": self._punct, "year": self._year, "date": self._date, "word": self._word,
                    "num": self._num}
        for i, tok in enumerate(self.tokens):
            self.index = i
            if tok.start > self.cursor:
                self._gap(tok.start)
            handlers[tok.kind](tok)
            self.cursor = tok.end
        self._end_clause()
        self._end_sentence()
        self._enumerated_totals()
        # a figure left unread one way and then read as a claim of what the sentence itself states (a rate of two
        # amounts written, a change between two columns) is read: explain lists it once
        read = {id(c.figure) for c in self.out.claims if c.figure is not None}
        if any(id(u.figure) in read for u in self.out.unread):
            self.out.unread = [u for u in self.out.unread if id(u.figure) not in read]
        return self.out

    def _enumerated_totals(self) -> None:
        """"“三公”经费支出合计13.78万元……具体情况如下：1、因公出国（境）费0万元，……2、公务接待费8.5万元，……
        3、公务用车购置及运行维护费5.28万元": a total followed, in its paragraph, by amounts of its own parts in the
        same column is a list without a 其中 — their sum is checked as a list's is (complete when every part the
        file has is named). A part already in a list, and a restatement of the total, end the enumeration."""
        claims = self.out.claims
        present = {c.fact for c in claims if c.kind == "level" and c.fact is not None}
        wholes = {f for f in present if len(present.intersection(COMPONENTS.get(f, ()))) >= 2}
        if not wholes:
            return              # (most texts: no total with two of its parts stated)
        listed = {id(p) for c in claims if c.kind == "sum" for p in c.parts}
        heads = {id(c.of) for c in claims if c.kind == "sum"}
        breaks = [m.start() for m in _NEWLINE.finditer(self.text)]      # where each paragraph ends
        levels = sorted((c for c in claims if _enumerable(c) and id(c) not in listed), key=lambda c: c.figure.start)
        for i, head in enumerate(levels):
            if head.fact not in wholes or id(head) in heads or head.head:
                continue
            at = bisect.bisect_left(breaks, head.figure.end)
            parts = _parts_after(head, levels[i + 1:i + 65], breaks[at] if at < len(breaks) else len(self.text))
            if len(parts) >= 2:
                claims.append(Claim("sum", head.figure, head.fact, parts=parts, sentence=head.sentence, of=head))
                head.head = True
                heads.add(id(head))

    # ---- bounds -----------------------------------------------------------------------------------
    def _gap(self, start: int) -> None:
        for m in _HAN_RUN.finditer(self.text, self.cursor, start):
            if not FUNCTION.issuperset(m.group()):
                self.lead.unknown = (self.lead.unknown + m.group())[-12:]
                if self.lead.share:
                    self.lead.share_unknown = m.group()
        prev = self.tokens[self.index - 1] if self.index else None
        if prev is None or prev.kind in ("punct", "year"):
            words = self.text[self.cursor:start].strip(" \t\u3000")
            if _PLACE.fullmatch(words) and words not in _NOT_PLACES:
                # "云县2023年“三公”经费…", "汉阳区5,572": a clause that opens with a place's name, right before a
                # year, a figure or a fact's name, is about that place (its government, all its units)
                self.scope.blocked, self.scope.subject, self.scope.label = words, None, ""

    def _punct(self, tok: Token) -> None:
        ch = tok.text
        if ch in SENTENCE:
            self._sentence_mark(tok)
        elif ch in OPEN:
            self._open_bracket()
        elif ch in CLOSE:
            self._close_bracket(tok)
        elif ch in CLAUSE or ch in ENUM:
            self._clause_mark(tok)

    def _sentence_mark(self, tok: Token) -> None:
        ch = tok.text
        if ch == "\n" and self.list is not None and self.list.parts and self._before(tok.start, 1) in ("；", ";"):
            # "其中：\nA x万元，…；\nB y万元，…；\nC z万元。": one item a line, each ending with "；" — the list goes on
            return
        if ch == "\n" and self.list is not None and not self.list.parts and self._before(tok.start, 1) in ("：", ":"):
            # "…376.59万元。其中：\n按支出项目类别：1、…": the items a line ends by announcing are on the next line
            self._paragraph(tok)
            return
        if self.text[self.sentence_start:tok.start].strip(" \t\r\u3000"):
            heading = self._heading(tok.start)
            self._end_clause()
            self._end_sentence()
            if heading:
                self.scope.fresh = True     # the next sentence's plain words ("支出预算…") are the heading's
        # else "…100万元。\n其中：…": the line break after a full stop ends no sentence of its own — the
        # sentence before is still the one a 其中 list or a heading's subject goes on from
        self.sentence_start = tok.end
        if ch == "\n":
            self._paragraph(tok)

    def _open_bracket(self) -> None:
        if len(self.saved) >= MAX_DEPTH:
            self.deep += 1             # brackets nested deeper than any report: not a scope
            return
        self.stack.append(self.scope.copy())
        self.scope = self.stack[-1]
        self.saved.append((self.lead, self.figures, self.last_claim, self.last_money, self.list))
        lst, last = self.list, self.last_claim
        if lst is not None and last is not None and lst.parts and last is lst.parts[-1] and last.money:
            # "公车费5.00万元（购置费0万元，运行费5.00万元）": the item's own parts, a list of its own
            self.list = _List(last, len(self.stack), "（")
        self.lead = _Lead()
        self.last_num = None

    def _close_bracket(self, tok: Token | None = None) -> None:
        if self.deep:
            self.deep -= 1
            return
        name = self._account_line(tok) if tok is not None else None
        self.last_num = None
        if len(self.stack) <= 1:
            self.lead = _Lead()
            return
        if self.list is not None and self.list.depth >= len(self.stack):
            self._end_list()
        self.stack.pop()
        self.scope = self.stack[-1]
        inner = self.lead
        lead, figures, last_claim, last_money, outer_list = self.saved.pop()
        if self.list is None and outer_list is not None and outer_list.depth <= len(self.stack):
            self.list = outer_list           # a list nested in the bracket is over; the outer one goes on
        if figures == self.figures:
            # "资产总额（净值）932.43万元": a bracket without figures is an aside; the words before it
            # still lead, with what it said of the relation ("较上年（减）7.25万元")
            self.lead = lead
            # "下降（增长）27.78%": a form's two words for either direction — the direction is not said
            if lead.dir and inner.dir and inner.dir != lead.dir:
                lead.twoway = True
            lead.dir = inner.dir or lead.dir
        else:
            self.lead = _Lead()
            # what comes after the bracket is about what came before it ("…（其中…），占收入合计100%")
            self.last_claim, self.last_money = last_claim, last_money
        if name is not None:
            self._on_account(name, {})

    def _account_line(self, tok: Token) -> Token | None:
        """"公共法律服务（07项）", "事业单位离退休（项）": a bracket holding only a class, division or item of the
        budget's classification (with its code or not) ends the name of a line of accounts — the name as a word."""
        at = max(self.text.rfind(ch, max(0, tok.start - 8), tok.start) for ch in OPEN)
        if at < 0 or not _ACCOUNT_CODE.fullmatch(self.text, at + 1, tok.start):
            return None
        start = at
        while start > 0 and at - start < 16 and is_han(self.text[start - 1]):
            start -= 1
        return Token("word", start, at, self.text[start:at]) if at - start >= 2 else None

    def _clause_mark(self, tok: Token) -> None:
        ch = tok.text
        if tok.start == self.stray_comma:
            return                              # "占，88.21%": a stray comma between 占 and its figure
        # "主要包括：A、B、C；": the colon only opens the names, and each 、 only goes on with them
        contents = self.contents if tok.text in ENUM or not self.text[self.contents_end:tok.start].strip() else None
        self._end_clause()
        if contents is not None:
            self.contents = contents
        labels = self.lead.labels if ch in ENUM else []
        if ch in "；;":
            self.categories = []
            self.scope.column = None           # "…；本部门2023年度费用…": a new statement
            self.scope.fresh = False
            if self.suspended is not None and self.list is None and len(self.stack) == 1:
                self.list, self.suspended = self.suspended, None
        self.lead = _Lead()
        self.lead.labels = labels            # "人员经费、公用经费分别为…": labels gathered across 、
        if ch not in ENUM:
            self.last_num = None

    def _heading(self, end: int) -> bool:
        """Whether the sentence ending at `end` is only a label, after an item number if any ("（二）公务接待费。"):
        a heading, whose subject the next sentence goes on about."""
        scope = self.scope
        if self.figures_in_sentence or scope.subject is None or scope.blocked or not scope.label:
            return False
        body = self.text[self.sentence_start:end]
        m = _ENUM_ITEM.match(body)
        return body[m.end() if m else 0:].strip(" \t\u3000") == scope.label

    def _paragraph(self, tok: Token) -> None:
        """A new paragraph: another subject does not carry over — unless the paragraph before ends with a
        colon ("…如下：", "其中：") and this one goes on with what it announced: the items of that
        enumeration ("1、…", "二、…") and the text under their headings stay the other subject's."""
        start, figures = self.paragraph
        self.paragraph = (tok.end, self.figures)
        if self.carried_base is not None:
            self.carried_base = self.stack[0].base = None
        if self.carried_year is not None:
            self.carried_year = None
            self.stack[0].year = self.section_year
        if self.items_year is not None:
            if _ENUM_ITEM.match(self.text, tok.end, tok.end + 8):
                self.stack[0].year = self.items_year     # the next item of the breakdown (see _breakdown)
            else:
                self.items_year = None
        if self._breakdown(start, tok):
            return
        if self._before(tok.start, 1) in ("：", ":"):
            self.announced = self.scope.blocked
            return
        body = self.text[start:tok.start].strip()
        heading = figures == self.figures and body and body[-1] not in "。！？!?；;"
        if heading and _ENUM_ITEM.match(body):
            # "一、2022年“三公经费”支出情况": a numbered heading that names another year heads a section about that
            # year, to the next numbered heading
            named = {int(y) for y in _YEAR_IN.findall(body)}
            self.section_year = named.pop() if len(named) == 1 and self.year not in named else None
            self.stack[0].year = self.section_year
        if self.announced and (heading or _ENUM_ITEM.match(self.text, tok.end, tok.end + 8)):
            self.scope.blocked = self.announced
            return
        if self.scope.blocked and figures == self.figures and body and (
                heading or (len(body) <= 30 and _ENUM_ITEM.match(body))) and _SECTION.search(body):
            # "一、区本级“三公”经费决算情况", "（一）区本级一般公共预算决算。": a heading that names another subject's
            # accounts heads a section about them — the paragraph under it, and the numbered items after, are its too
            # (not so an item of a list of duties: "1、贯彻执行全县…方针政策")
            self.announced = self.scope.blocked
            return
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if nxt is not None and nxt.kind == "word" and (nxt.has("list") or nxt.has("continues")) \
                and not self.text[tok.end:nxt.start].strip() and self.figure_blocked:
            # "其中：…", "分项看，…": a paragraph that goes on with the parts of what the one before said is
            # about the same subject — another's, when the last figure before was another's
            self.scope.blocked = self.scope.blocked or self.announced
            return
        self.announced = ""
        self.scope.blocked = ""

    def _breakdown(self, start: int, tok: Token) -> bool:
        """"全国人大常委会办公厅机关2012年部门预算收入共计33609.06万元。\n1.财政拨款收入…": a paragraph that ends
        stating a total of another body or another year, followed by item 1 of an enumeration — the items break
        that total down: they are that body's, or that year's, as the total was."""
        if not _FIRST_ITEM.match(self.text, tok.end, tok.end + 8):
            return False
        last = self.text[max(start, tok.start - 80):tok.start]
        cut = max(last.rfind(ch, 0, len(last) - 1) for ch in "。！？!?")
        if not _TOTAL_STATED.search(last[cut + 1:]):
            return False
        years = {int(y) for y in _YEAR_IN.findall(last[cut + 1:])}
        other_year = years.pop() if len(years) == 1 and self.year not in years else None
        if other_year is not None:
            self.items_year = self.stack[0].year = other_year
        if self.figure_blocked and self.scope.blocked:
            self.announced = self.scope.blocked
            return True
        return other_year is not None

    def _end_clause(self) -> None:
        lead, scope = self.lead, self.scope
        if self.contents is not None:
            if not self.clause_figures:
                # "人员经费2152.26万元，主要包括：基本工资、…、住房公积金；公用经费…": what an item is made of, named
                # without figures — a 科目, body or fact named there ("主要用于：行政单位的基本支出") is no subject for
                # what follows: the subject before 包括 holds on
                scope.blocked, scope.subject, scope.label, scope.alts, scope.account = self.contents
            self.contents = None
        if self.describing is not None:
            if not self.clause_figures:
                scope.blocked = self.describing     # the department described itself: still its own subject
            self.describing = None
        self.aside = 2 if self.aside and self.clause_figures else 0     # a clause without figures: a topic
        self.clause_figures = 0
        if lead.op and lead.op_target and not lead.figure:
            self._compare_fact(lead)             # "基本支出776.17万元，超过调整预算。"
        if lead.cmp and lead.base and not lead.figure:
            scope.base = lead.base               # "与2021年相比，…下降21.35%": the base holds on

    def _end_sentence(self) -> None:
        if self.bare_label and self.figures_in_sentence:
            # "年末结转和结余12.00万元，是指结转下年继续使用的支出资金。": a subject named only in a
            # clause without figures does not carry into the next sentence
            s = self.stack[0]
            s.subject, s.label, s.alts = self.figure_subject
        self.bare_label = False
        self._end_list()
        if self.suspended is not None:
            self.list, self.suspended = self.suspended, None
            self._end_list()
        self.pending_each, self.each_mode = [], (0, None, 0)
        del self.stack[1:]
        self.scope = self.stack[0]
        self.saved, self.deep = [], 0
        s = self.scope
        if self.cause_block is not None:
            # "…主要原因是增加了服务站的项目补贴。此外，年初结转和结余6.00万元": another subject named in a reason
            # is the reason's; the next sentence is not about it
            if s.blocked:
                s.blocked = self.cause_block
            self.cause_block = None
        self.prev_column = s.column
        self.prev_period = (s.year, s.partial)
        self.sentence_years = []
        if s.year is not None and s.year != self.year and not self.figures_in_sentence:
            # "国资委2022年“三公”经费的预算数和预算执行数一致。具体来看，预算总数为…": a sentence that only names
            # another year names it for the sentences after it, to the end of the paragraph
            self.carried_year = s.year
        if s.base and not self.figures_in_sentence:
            # "与2021年执行数相比，有以下变化。一是收入增加3627万元…": a sentence that only names the base of a
            # comparison names it for the sentences after it, to the end of the paragraph
            self.carried_base = s.base
        next_year = self.carried_year if self.carried_year is not None else self.section_year
        if s.year not in (None, self.year) and self._goes_on():
            next_year = s.year  # "2024年海关“三公经费”预算约为5.1亿元…。此外，A和B分别为…": that year's too
        s.year, s.column, s.fresh, s.base, s.partial, s.excluding = next_year, None, False, self.carried_base, "", ""
        self.lead = _Lead()
        self.sentence += 1
        # a stated base ("比上年的X万元") is last year's figure, never the head of this year's 其中 list
        self.prev_levels = [c for c in self.levels if (c.fact is not None or c.figure is not None)
                            and c not in self.bases][-1:]
        self.prev_sentence_levels = self.levels
        self.levels, self.changes, self.bases, self.each_claims = [], [], [], []
        self.pending_shares, self.each_share = [], ()
        self.other_base = None
        pairs = self.by_category
        facts = [c.fact for _, c in pairs]
        if any(kind for kind, _ in pairs) or len({(c.fact, c.value) for _, c in pairs}) > len(set(facts)):
            # "行政编制12人，实有人数11人；工勤编制3人，实有人数2人": each category with its own people (so too one
            # category's: "机关行政编制6名，在编6人。下属中心…" — all the department's people only where all its posts
            # are of that category); the same count of people stated twice, differently, in one sentence is not the
            # department's either time
            for kind, claim in pairs:
                claim.category = claim.category or kind or "未写明类别"
        self.categories, self.by_category = [], []
        self.figures_in_sentence = 0
        self.unsure = self.alias = self.self_named = False
        self.aside = 0
        self.named = []
        self.prev_mentioned, self.mentioned = self.mentioned, set()
        self.last_num, self.last_claim, self.last_money = None, None, None

    def _goes_on(self) -> bool:
        """Whether the sentence after the current full stop opens by going on with this one ("此外", "其中")."""
        if self.index >= len(self.tokens) or self.tokens[self.index].kind != "punct":
            return False
        return bool(_GOES_ON.match(self.text, self.tokens[self.index].end))

    # ---- words ------------------------------------------------------------------------------------
    def _year(self, tok: Token) -> None:
        lead = self.lead
        if lead.cmp:
            lead.base = "prior" if tok.value == self.year - 1 else "this" if tok.value == self.year else "other"
            return
        self._keep(lead)
        lead.year = tok.value
        self.scope.year = tok.value
        self.scope.relative = False
        self.sentence_years.append(tok.value)
        if not lead.op:
            # "2021年收入首超300万元，2022年超过400万元": a year named before 小于/超过 opens another statement —
            # the amount before it is not the left side of that comparison
            self.last_money = None
        if not lead.col:
            self.scope.column = None
        self.scope.fresh = False
        if self.list is not None and self.list.parts:
            self._end_list()           # "；截至2023年底，…": a new statement, not another item

    def _date(self, tok: Token) -> None:
        """"1-6月" or "截至6月底": what follows is part of the year, not the year's figure."""
        m = _PARTIAL_MONTHS.search(tok.text)
        if m is None:
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
            self.scope.partial = tok.text

    def _word(self, tok: Token) -> None:
        means: dict = {}
        facts = []
        for k, v in tok.means:
            means.setdefault(k, v)
            if k == "fact":
                facts.append(v)
        if self.last_num is not None and tok.start - self.last_num.end <= 1 and "approx_after" in means:
            return self._retract(self.last_num, "数字后有“余”“左右”等，是约数")
        if "target" in means:
            return self._target(tok, means["target"])
        if "other" in means and not facts:
            return self._self_type(tok) if self._names_itself(tok) else self._other_subject(tok)
        if "self" in means or "handover" in means:
            return self._self_word(tok, "self" in means)
        if facts or "whole" in means:
            return self._label(tok, means, facts)
        for key in _WORD_ORDER:
            if key in means:
                return _WORD_HANDLERS[key](self, tok, means)

    def _target(self, tok: Token, index: int) -> None:
        """A performance target's name: whether what follows is its figure for this year is the scope's to say
        (another subject named before it, another year, part of the year); what follows is not the facts'."""
        lead, scope = self.lead, self.scope
        year = lead.year if lead.year is not None else scope.year
        # a target is often the county's or a sector's ("我县外贸进出口总额", "规上工业增加值增速"): only another place
        # or level, or another body, makes the figure someone else's
        why = (f"说的是别的主体（“{scope.blocked}”）" if scope.blocked and _NOT_LOCAL.search(scope.blocked)
               else f"说的是{year}年的数" if year not in (None, self.year)
               else f"说的是一年中的一段时间（“{scope.partial}”）" if scope.partial else "")
        self.out.targets.append(TargetMention(index, tok.start, tok.end, why))
        scope.subject, scope.alts, scope.label = None, (), ""
        lead.label, lead.target = None, tok.text     # its figures are the target table's, checked there

    def _names_itself(self, tok: Token) -> bool:
        """"街道行政编制25人…", "中心校现有在职教师…": a bare kind of unit, unqualified (not "各街道", "下属中心",
        "某某中心"), opening the text is how a unit names itself — as later in the same text. "学校", "学院", "医院"
        bare anywhere (after punctuation or a year, not after a name: "县职业技术学院") are the school itself."""
        if tok.text not in SELF_TYPES:
            return False
        if tok.text in self.self_types or self._opens_text(tok):
            return True
        before = self.text[tok.start - 1] if tok.start else ""
        return tok.text in _SELF_ANYWHERE and (not is_han(before) or before in "年度")

    def _self_type(self, tok: Token) -> None:
        self.self_types.add(tok.text)
        self.scope.blocked = ""
        self.announced = ""

    def _other_subject(self, tok: Token) -> None:
        lead, scope = self.lead, self.scope
        lst = self.list
        while lst is not None and lst.outer is not None:
            lst = lst.outer
        if lst is not None and lst.subject and tok.text == lst.subject and self._before(tok.start, 1) in _CLAUSE_ENDS:
            # "市本级…总收入X亿元。其中：A…，B…；市本级…总支出Y亿元": the subject named again begins another
            # statement — not another item of the list
            while self.list is not None:
                self._end_list()
        if _UNIT_KIND.search(tok.text) and (self.aside or (self.self_named and not scope.blocked
                                                            and self.describing is None)):
            # "我校现有在职教师48人，汇智公司教师8人，公办退休人员89人": in a sentence the department opened about
            # itself, another body named later qualifies its own clause; a clause after it that names a fact
            # of its own before any figure is the department's again
            self.aside = 1
        if self.describing is None and not self.clause_figures and self._describes_itself(tok):
            # "本单位是市卫健委所属的公益一类事业单位", "区档案馆为区委办所属事业单位", "负责全县的档案工作":
            # what the department is or does, said of itself — the other body's name ends with the clause,
            # unless a figure is read in it
            self.describing = scope.blocked
        scope.blocked, scope.subject, scope.label, scope.alts = tok.text, None, "", ()
        lead.label = None
        if lead.share:
            lead.other_fact = True

    def _describes_itself(self, tok: Token) -> bool:
        lead = self.lead
        return bool((lead.self_end >= 0 and _COPULA.search(self.text, lead.self_end, tok.start))
                    or (tok.text in _BELONGS and _AFFILIATED.search(self._clause_before(tok.start)))
                    or _DUTY.search(self.text, max(0, tok.start - 3), tok.start))

    def _self_word(self, tok: Token, itself: bool) -> None:
        scope = self.scope
        scope.blocked = ""
        self.announced = ""
        if itself:
            scope.column, scope.fresh = None, False
            self.self_named = True
            self.lead.self_end = tok.end

    # ---- the other kinds of word, each a small step; _WORD_ORDER says which wins when a word has several
    def _on_glued(self, tok: Token, means: dict) -> None:
        # "营业收入", "接待费支出": a label glued to another noun — that noun's, not the department's
        self.lead.unknown, self.lead.label = tok.text, None
        self.scope.subject, self.scope.label = None, ""

    def _on_neutral(self, tok: Token, means: dict) -> None:
        pass

    def _on_account(self, tok: Token, means: dict) -> None:
        # "公共安全支出（204类）…行政运行（01项）": a line of the department's accounts the file has no figure for —
        # its figures are not the department's facts (another subject, as far as the facts go), but they are
        # the department's: what the text states of them is checked against itself (see _of_account)
        self._other_subject(tok)
        self.scope.account = tok.text

    @staticmethod
    def _whose(scope: _Scope) -> str:
        """Why a figure of another subject is not checked against the facts, in the words explain shows."""
        if scope.blocked and scope.blocked == scope.account:
            return f"说的是一个科目（“{scope.blocked}”）的数，事实文件没有这个科目"
        return f"说的是别的主体（“{scope.blocked}”）"

    def _of_account(self) -> bool:
        """Whether the subject the figures are of is a line of the department's accounts (not another body)."""
        return bool(self.scope.blocked) and self.scope.blocked == self.scope.account

    def _on_alias(self, tok: Token, means: dict) -> None:
        self.alias = True                # the next label names the subject outside the bracket too

    def _on_source(self, tok: Token, means: dict) -> None:
        # "一般公共预算基本支出": the part paid from that source; "政府性基金预算财政拨款": one source in two words
        lead, scope = self.lead, self.scope
        lead.source = lead.source + tok.text if tok.start == self.source_end and lead.source else tok.text
        self.source_end = tok.end
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
        col = means["col"]
        if lead.op and not lead.figure:
            lead.op_target = col
        if lead.cmp:
            if lead.base == "prior":
                # "较上年决算数": last year's final; "较上年年初预算": last year's budget, not in the file
                lead.base = "prior" if col == "final" else "other"
                lead.prior_budget = col != "final"
            elif lead.base != "other":      # "比2018年决算数": that year's column, still not in the file
                lead.base = col
        elif lead.share or lead.exec_of:
            lead.exec_col = col
        else:
            self._keep(lead)
            lead.col = col
            scope.column = col
            scope.implied = False

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
        if not self.lead.cmp:
            self._keep(self.lead)
            self.lead.year = self.scope.year = self.year

    def _on_compare_to(self, tok: Token, means: dict) -> None:
        lead = self.lead
        if tok.text in POSTPOSED and not lead.cmp and not lead.figure and lead.undo is not None \
                and not self._base_follows(tok):
            return self._base_before(lead)
        lead.cmp = True
        if tok.text == "同比":
            lead.base = "prior"

    def _on_to_level(self, tok: Token, means: dict) -> None:
        self.lead.to_level = True
        years = self.sentence_years
        if len(set(years)) >= 2 and years[0] != self.year:
            # "北京大学去年…，年度预算也从前年的193.45亿元减至125.54亿元": the sentence is about the year it named
            # first; the year after 从 was only the base's — what it came to is the first year's
            self.lead.year = self.scope.year = years[0]
            return
        self.lead.year, self.scope.year = self.year, None     # "由上年X增加到Y": Y is this year's

    def _on_direction(self, tok: Token, means: dict) -> None:
        lead = self.lead
        for key, attr, value in (("up", "dir", 1), ("down", "dir", -1), ("rate_up", "rate", 1),
                                 ("rate_down", "rate", -1), ("rate_bare", "rate", lead.dir or 1)):
            if key in means:
                return setattr(lead, attr, value)

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
        self.lead.exec_of = True

    def _on_difference_word(self, tok: Token, means: dict) -> None:
        self.lead.diff = True

    def _on_comparison(self, tok: Token, means: dict) -> None:
        lead = self.lead
        lead.op = "<" if "less" in means else ">" if "more" in means else "="
        lead.op_col = lead.col          # "决算数小于预算数": the left side is the 决算数 stated

    def _on_total_word(self, tok: Token, means: dict) -> None:
        self.lead.total = True

    def _on_list_word(self, tok: Token, means: dict) -> None:
        if tok.text in _CONTENTS and self.contents is None:
            sc = self.scope
            self.contents = (sc.blocked, sc.subject, sc.label, sc.alts, sc.account)
            self.contents_end = tok.end                                          # see _end_clause
        self._start_list(tok.text)

    def _on_each_word(self, tok: Token, means: dict) -> None:
        self._start_each()

    def _on_cause(self, tok: Token, means: dict) -> None:
        if self.cause_block is None and ("原因" in tok.text or tok.text.startswith("主要")):
            self.cause_block = self.stack[0].blocked    # the sentence's reason begins (see _end_sentence)
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
            base = "prior" if col in (None, "final") else "other"      # 上年的预算: not in the file
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
        return not before or before[-1] in SENTENCE + CLAUSE or before.endswith(
            ("本局", "我局", "本部门", "本单位", "我单位", "年", "年度"))

    def _before(self, start: int, n: int) -> str:
        """The last `n` characters before `start`, trailing spaces left out (a bounded look back)."""
        i = start
        while i > 0 and start - i < 64 and self.text[i - 1] in " \t\r\u3000":
            i -= 1
        return self.text[max(0, i - n):i]

    def _label(self, tok: Token, means: dict, facts: list) -> None:
        """A fact's name: the whole of a share, someone else's, the subject's own plain word, or a new subject."""
        lead = self.lead
        fact = facts[0] if facts else None
        adjacent, self.label_end = tok.start == self.label_end, tok.end
        if lead.share:
            lead.whole = means.get("whole") or fact
            return
        if self.aside == 2 and self.scope.blocked and fact and not lead.figure and not self.clause_figures:
            # the other body was an aside (see _other_subject); a column it named was its own
            self.scope.blocked, self.scope.column, self.aside = "", None, 0
        if self._of_account() and fact and not lead.figure and not self.clause_figures \
                and self._before(tok.start, 1) in CLAUSE + ENUM:
            # "事业收入262.00万元；其他收入0万元": a fact named in a clause after a line of accounts (the department's,
            # not another body's) is the department's again
            self.scope.blocked = self.scope.account = ""
        if self._not_a_subject(tok, fact, adjacent) or fact is None:
            return
        if lead.op and not lead.figure:
            lead.op_fact = fact              # "低于年初结转和结余41.73万元": the other side is named
        if not lead.figure and self.clause_figures == 0:
            self.bare_label = True           # named in a clause without figures (so far)
        self._new_subject(tok, fact, facts)
        self._label_column(tok, means, fact)

    def _not_a_subject(self, tok: Token, fact: str | None, adjacent: bool) -> bool:
        """Whether the name does not make `fact` the subject (someone else's people, the subject's own plain
        word, a comparison of two facts, another subject's accounts); what it does instead is done."""
        lead, scope = self.lead, self.scope
        if tok.text in CONTEXTUAL and not any(f.startswith("department.staffing") for f in self.mentioned):
            lead.unknown, lead.label = tok.text, None      # "接待30批次，总人数220人": someone else's people
            scope.subject, scope.label = None, ""
        elif (tok.text in PLAIN or (tok.text in TRAILING and adjacent)) and fact in GENERIC \
                and scope.subject is not None and scope.fresh and self.list is None \
                and _side(fact) == _side(scope.subject) and (scope.subject not in GENERIC or scope.subject in BY_SOURCE) \
                and not scope.blocked:
            # "“三公”经费支出预算为20万元，支出决算为17.08万元", "公务接待费…比上年支出3.90万元减少":
            # the plain word is the subject's own
            lead.label, lead.unknown = scope.subject, ""
        elif tok.text in PLAIN and fact in GENERIC and scope.subject is None and self.unsure and not self.self_named:
            # "培训费支出3万元，差旅费支出2万元，共计支出5万元": a plain 支出 in a sentence whose
            # figures so far were someone else's or nobody's is theirs too, not the department's total
            lead.unknown, lead.label = tok.text, None
        elif lead.diff or (lead.cmp and not lead.base):
            lead.other_fact = True           # "支出比收入少…": a comparison of two facts
        elif scope.blocked or fact is None:
            pass                             # "全县各部门收入": still the other subject's
        elif lead.cmp and scope.subject is not None and fact != scope.subject and scope.subject in self.mentioned:
            # "较上年公用经费…" within a sentence about another fact (a sentence that opens with
            # "与上年人员经费X万元相比…" names its own subject: the subject before is the last sentence's)
            lead.other_fact = True
        else:
            return False
        return True

    def _new_subject(self, tok: Token, fact: str, facts: list) -> None:
        lead, scope = self.lead, self.scope
        scope.subject, scope.alts, scope.label, scope.fresh = fact, tuple(facts[1:]), tok.text, True
        scope.source = lead.source
        if self.list is not None and not scope.source:
            # the parts of "一般公共预算拨款支出X万元，其中：基本支出…" are paid from that source too
            scope.source = self.list.head.source or SOURCE_OF.get(self.list.head.fact or "", "")
            head = self.list.head
            if head.label in PLAIN and head.fact in WITH_CARRYOVER and self.list.depth == len(self.stack) \
                    and not within(head.fact, fact) and within(WITH_CARRYOVER[head.fact], fact):
                # "…754.51万元，其中：一般公共预算拨款746.50万元上年结转8.01。": the carry-over named is enough to make
                # the plain 收入 the total with it (see _level), even where its own figure is not read (no unit)
                head.fact = WITH_CARRYOVER[head.fact]
        self.mentioned.add(fact)
        if self.alias and len(self.stack) > 1:
            self.alias = False
            for outer in self.stack[:-1]:
                outer.subject, outer.label, outer.blocked, outer.fresh = fact, tok.text, "", True
        lead.label, lead.unknown = fact, ""

    def _label_column(self, tok: Token, means: dict, fact: str) -> None:
        """A column holds to the end of the sentence ("年初预算：收入…，支出…"); a label may name its own
        ("预算收入"); in a 其中 list the parts are in the head's column."""
        lead, scope, lst = self.lead, self.scope, self.list
        in_list = lst is not None and lst.head.column not in (None, "prior") and not lst.mixed
        named = means.get("col") or lead.col
        if named or in_list:
            scope.implied = not named and lst is not None and lst.head.implied
        scope.column = named or (lst.head.column if in_list and lst is not None else None) or scope.column
        lead.col = scope.column
        lead.kind_text = tok.text if fact in ("department.staffing.posts", "department.staffing.others") else ""
        lead.labels.append((fact, tok.text))
        self.named.append((fact, tok.start, tok.end, self.figures))
        self.alts_of[tok.text] = scope.alts

    # ---- figures ----------------------------------------------------------------------------------
    def _num(self, tok: Token) -> None:
        """A figure: counted, the words before it taken as what it says, then read by its unit and relation."""
        if tok.unit == "%" and _TIMES.search(self.text, max(0, tok.start - 4), tok.start):
            # "实际支出数/预算数×100%": a factor of a formula, not a rate — what is said of the rate is still
            # to come ("=26.31%"), so nothing else is touched
            self.out.unread.append(Unread(tok, "算式中的“×100%”，不是一个比率"))
            return
        lead, scope = self._take_figure(tok)
        unit = self._unit(tok, lead)
        if unit is not None:
            self._read_figure(tok, lead, scope, unit)

    def _take_figure(self, tok: Token) -> tuple[_Lead, _Scope]:
        """Count the figure and start the words of the next; the words before it (the lead) are returned."""
        self.figures += 1
        self.figures_in_sentence += 1
        self.clause_figures += 1
        if self.bare_label and self.lead.label:
            self.bare_label = False
        self.figure_subject = (self.scope.subject, self.scope.label, self.scope.alts)
        self.figure_blocked = bool(self.scope.blocked)
        lead, scope = self.lead, self.scope
        if (lead.dir or lead.rate) and tok.start and self.text[tok.start - 1] in "-−－":
            # "增减额-101.21万元": a signed change — the sign is the direction
            lead.dir, lead.rate = -lead.dir, -lead.rate
        self.last_num = tok
        self.lead = _Lead()
        self.lead.figure = True
        self.lead.labels = lead.labels if self.pending_each else []
        if lead.base is None and lead.cmp is False and scope.base and (lead.dir or lead.rate):
            lead.base, lead.cmp = scope.base, True
        elif lead.base and (lead.dir or lead.rate):
            scope.base = lead.base          # "比2022年预算数减少4.5万元，减幅20%": the rate has the same base
        return lead, scope

    def _unit(self, tok: Token, lead: _Lead) -> str | None:
        """The figure's unit as read (a zero rate written without %, a staffing table's count of people), or None
        when the figure is left unread: approximate, an average, on another footing, or with no unit to check."""
        scope = self.scope
        unit = tok.unit
        if tok.start - lead.approx <= 1:
            return self._unread(tok, "数字前有“约”“近”等，是约数")  # type: ignore[func-returns-value]  # None: left unread
        if lead.per:
            return self._unread(tok, f"“{lead.per}”之后是平均数，不是哪一项的金额或人数", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        if scope.excluding:
            return self._unread(tok, f"“{scope.excluding}”之后的数换了口径，不是表中的数")  # type: ignore[func-returns-value]  # None: left unread
        if unit == "" and (lead.exec or lead.rate) and tok.value == 0:
            unit = "%"                  # "预决算差异率为0": a rate of zero, written without %
            tok.unit = unit
        if unit == "" and self._headcount_column(tok, lead):
            unit = tok.unit = "人"      # "编制人数42，其中：行政编制人数19…": a count of people
        if unit in ("个百分点", "百分点", "‰", "倍", ""):
            if unit == "" and self.list is not None and self.list.outer is not None and self._item_number(tok):
                self._end_list(inner_only=True)     # "…；2、项目支出…": the next item of the outer list
            return self._unread(tok, "百分点、倍数或没有单位的数不核对" if unit else "没有单位", unsure=False)  # type: ignore[func-returns-value]  # None: left unread
        return unit

    def _read_figure(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> None:
        """A figure by the relation its words state: a comparison or a total first, then the items of a
        分别 list, then a rate, a difference, a change, a stated base, and last an amount or a count."""
        money = unit in MONEY or unit in CURRENCY
        if lead.target and not lead.label:
            return self._unread(tok, f"是绩效目标“{lead.target}”的数，按绩效目标表核对（见上）", unsure=False)
        if lead.twoway:
            return self._unread(tok, "“增加（减少）”两种方向都写了：增减的方向不确定", unsure=False)
        if self._compared_or_totalled(tok, lead, scope, unit, money) or self._in_series(tok, lead, scope, unit):
            return
        if unit == "%":
            return self._percent(tok, lead, scope)
        if money and self._related_amount(tok, lead, scope):
            return
        if money or unit in COUNTS:
            return self._level(tok, lead, scope)
        self._unread(tok, "单位不是金额、人数或百分数")

    def _compared_or_totalled(self, tok: Token, lead: _Lead, scope: _Scope, unit: str, money: bool) -> bool:
        if lead.op and lead.op_target and money and not lead.op_fact and not lead.label:
            self._margin(tok, lead, scope)
            return True
        if lead.op and money:
            self._compare(tok, lead)
        if lead.total and not lead.label and (money or unit in COUNTS):
            self._total(tok) if money else self._posts_total(tok, lead, scope)
            return True
        return False

    def _in_series(self, tok: Token, lead: _Lead, scope: _Scope, unit: str) -> bool:
        """The figures after 分别为, part of a year, or the shares of parts stated before: read as such."""
        if self.pending_each:
            if lead.dir or lead.rate or lead.base:
                self.each_mode = (lead.dir, lead.base, lead.rate)
            self._each(tok)
            return True
        if scope.partial and not (unit == "%" and (lead.share or lead.exec)):
            self._unread(tok, f"说的是一年中的一段时间（“{scope.partial}”），不是全年数")
            return True
        if self.pending_shares and unit == "%" and not (lead.label or lead.dir or lead.rate or lead.exec):
            self._each_share(tok)
            return True
        self.pending_shares = []
        return False

    def _related_amount(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        """An amount that is a difference, a change, or the base of a change or of a rate."""
        if lead.diff:
            self._difference(tok, lead, scope)
        elif lead.dir and not lead.to_level:
            if self.other_base is not None and self.other_base[2] == self.figures - 1 and not lead.label:
                self._other_change(tok)
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
        key = "fund" if "基金" in source else "state_capital" if "国有资本" in source else \
            "fiscal" if source.startswith("财政") else "general"
        if scope.subject is not None and _side(scope.subject) == "in":
            scope.subject, scope.alts, scope.label, scope.source = f"finance.income.{key}", (), source, ""
            lead.label = scope.subject
        else:
            scope.subject, scope.label = None, ""

    def _item_number(self, tok: Token) -> bool:
        """Whether a bare figure is the number of an enumerated item ("；2、项目支出…"), at the opening of a clause."""
        before = self._before(tok.start, 1)
        return tok.text.isdigit() and len(tok.text) <= 2 and self.text[tok.end:tok.end + 1] in ("、", ".", "．") \
            and (not before or before in SENTENCE + CLAUSE)

    def _headcount_column(self, tok: Token, lead: _Lead) -> bool:
        """Whether a figure without a unit is a count of people named by the 人数 right before it."""
        if not (lead.label or "").startswith("department.staffing") or "." in tok.text or not tok.text.isdigit() \
                or not 0 <= tok.start - self.label_end <= 8:
            return False
        gap = self.text[self.label_end:tok.start]
        return bool(_COUNT_GAP.fullmatch(gap)) and (self.scope.label + gap).rstrip(" \t\u3000为是：:").endswith("数")

    def _subject(self, lead: _Lead, scope: _Scope, tok: Token) -> str | None:
        """The fact a figure is about, if certain; else None (and the figure is left unread)."""
        if scope.blocked:
            self._unread(tok, self._whose(scope))
            return None
        if lead.other_fact:
            self._unread(tok, "比较的是两个事实，不是一个事实的增减")
            return None
        if lead.unknown and not lead.label:
            self._unread(tok, f"前面的“{lead.unknown}”不在词表中，说的可能是别的")
            scope.subject, scope.label = None, ""     # and what follows may be about that as well
            return None
        if lead.cause and not lead.label:
            self._unread(tok, "原因中的数没有自己的称呼")
            return None
        if scope.subject is None and self.self_named and (lead.col or scope.column) and not self.unsure:
            # "本单位年初预算600万元，调整预算后为650万元": the department's own budget
            scope.subject, scope.alts, scope.label = "finance.expenditure.current", ("finance.income.current",), "本部门"
            return scope.subject
        if scope.subject is None:
            self._unread(tok, "没有说明是哪一项收支", unsure=False)
            return None
        return scope.subject

    def _this_year(self, tok: Token, lead: _Lead, scope: _Scope) -> bool:
        year = lead.year if lead.year is not None else scope.year
        if lead.year is None and scope.relative and year == self.year - 1 and lead.base == "prior":
            # "本年X万元，上年Y万元，比上年增加Z万元": 上年 compared with 上年 is no change at all — the change
            # is this year's, the 上年 before it only named the last year's amount
            return True
        if year not in (None, self.year):
            self._unread(tok, f"说的是{year}年的变化，不是本年的")
            return False
        return True

    def _level(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A figure stated as an amount or a count: of which list it is an item, then of what fact."""
        lst = self._list_for(tok, lead, scope)
        claim = self._level_claim(tok, lead, scope, in_list=lst is not None)
        if lst is not None:
            lst.parts.append(claim)
        else:
            self.levels.append(claim)
        if claim.money and not lead.label and (lead.year if lead.year is not None else scope.year) in (None, self.year):
            self.amounts.append(claim)
        self.last_claim = claim
        if claim.money:
            self.last_money = claim

    def _list_for(self, tok: Token, lead: _Lead, scope: _Scope) -> _List | None:
        """The 其中 list the figure is an item of, or None (a list it cannot be an item of is ended)."""
        lst = self.list
        if lst is None or lst.depth > len(self.stack) or not _fits_list(tok, lst):
            return None
        if lead.label and not scope.blocked:
            self._fit_label_to(lst, lead, scope)
        if self._second_column(lst, lead, scope):
            # "其中：A支出5万元，年初预算为6万元；B…": a second column of the item just named — the items are
            # stated in two columns, not parts that add up to the head
            while self.list is not None:
                self._end_list()
            return None
        if lst.head.fact in _COUNTED and lst.parts and lst.head.figure is not None \
                and sum(abs(p.value) for p in lst.parts) == abs(lst.head.value):
            # "在职19人，其中男10人，女9人；本科学历12人": the parts so far add up to the head — what follows is
            # another way of counting the same people, not more of them
            self._end_list()
            return None
        while lst is not None and lead.label and not scope.blocked and _not_an_item(lst, lead):
            # a figure of a fact outside the head, a second column of a part, or a part named twice:
            # not another item of the list — of the list an inner 其中 list is in, perhaps
            outer = lst.outer
            self._end_list(inner_only=outer is not None)
            lst = self.list if outer is not None else None
        return lst

    def _fit_label_to(self, lst: _List, lead: _Lead, scope: _Scope) -> None:
        if lst.head.fact:
            # a label that may name two facts ("商品和服务支出"): in a list, the one that is a part of the head
            inside = [f for f in (lead.label, *scope.alts) if within(lst.head.fact, f)]
            if inside and inside[0] != lead.label:
                scope.alts = tuple(f for f in (lead.label, *scope.alts) if f != inside[0])
                lead.label = scope.subject = inside[0]
        head = lst.head
        if head.label in PLAIN and head.fact in WITH_CARRYOVER and not within(head.fact, lead.label) \
                and within(WITH_CARRYOVER[head.fact], lead.label):
            # "收入预算1137.66万元，其中：本年财政拨款收入953.90万元；上年结转183.76万元": a plain 收入 whose parts take
            # in last year's carry-over is the total with it (收入总计), not this year's income alone
            head.fact = WITH_CARRYOVER[head.fact]

    def _second_column(self, lst: _List, lead: _Lead, scope: _Scope) -> bool:
        last = lst.parts[-1] if lst.parts else None
        return bool(not lead.label and lead.col and last is not None and not scope.blocked and last.fact is not None
                    and last.fact == scope.subject and last.kind == "level" and last.column != lead.col)

    def _level_claim(self, tok: Token, lead: _Lead, scope: _Scope, in_list: bool) -> Claim:
        """The claim a figure makes — of a fact, or of no fact (another subject's, or nobody's: still a head or a
        part of a 其中 list, whose sum the text itself states)."""
        claim = None
        if not lead.label and not in_list and not (lead.col or lead.year or lead.to_level) and not (
                scope.fresh and lead.unknown == "" and self.last_claim is None):
            # a figure with no words of its own: only the first after a subject is that subject's
            self._unread(tok, self._whose(scope) if scope.blocked else "前面没有称呼或口径词，说的是什么不确定")
            if lead.unknown and not lead.op:
                # "公务用车保有量6辆，…": something else is talked of (not so the other side of a
                # comparison: "首次超过500万元")
                scope.subject, scope.label = None, ""
        else:
            fact = self._subject(lead, scope, tok) if (lead.label or not in_list) else None
            if in_list and not lead.label and lead.unknown and not scope.blocked:
                # "其中：公车运行及维护1.72万元，较上年下降16%": an item named by words not in the vocabulary — what
                # follows is about that item, not the head's subject
                scope.subject, scope.label = None, ""
            if fact is not None:
                claim = self._fact_level(tok, lead, scope, fact)
        if claim is not None:
            self.out.claims.append(claim)
            return claim
        return Claim("level", tok, None, sentence=self.sentence, col_word=lead.col)

    def _fact_level(self, tok: Token, lead: _Lead, scope: _Scope, fact: str) -> Claim | None:
        """The figure as an amount (or a count) of `fact`, or None with the reason it is left unread."""
        year = lead.year if lead.year is not None else scope.year
        joined = self._joined_labels(tok)
        if len(joined) >= 2 and not self.pending_each:
            # "因公出国（境）费、公务用车购置及运行费和公务接待费的财政拨款预算数2711.65万元": one figure after
            # several names joined by 、/和 is of them together — the total they make up, if they are all its parts
            whole = _whole_of(joined)
            scope.subject, scope.alts = whole, ()       # and so are the figures after it in the clause
            if whole is None:
                scope.label = ""
                self._unread(tok, "几项合在一起的数，事实文件中没有它们的合计")
                return None
            fact = whole
        why, own = self._not_a_level(tok, lead, scope, fact, year)
        if why:
            self._unread(tok, why, own=own)
            return None
        column = "prior" if year == self.year - 1 else (lead.col or scope.column or "final")
        counts = fact.startswith("department.staffing")
        kind = "count" if counts else ("prior" if column == "prior" else "level")
        claim = Claim(kind, tok, fact, column=column, sentence=self.sentence, label=scope.label,
                      kind_text=lead.kind_text, alts=scope.alts if lead.label else (), source=scope.source,
                      implied=kind == "level" and (not (lead.col or scope.column) or scope.implied))
        if counts:
            self._people(claim, tok, lead, fact)
        return claim

    def _joined_labels(self, tok: Token) -> set[str]:
        """The facts named right before `tok` by names joined only by 、/和/及/与, no figure read after the last."""
        chain: set[str] = set()
        start = tok.start
        for fact, s, e, figures in reversed(self.named):
            if s >= tok.start:
                continue
            if not chain:
                if figures + 1 != self.figures or fact is None:     # (this figure is counted already)
                    return chain
            elif not _JOINS.fullmatch(self.text, e, start):
                break
            chain.add(fact)
            start = s
        return chain

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
        if year == self.year - 1 and (lead.col or scope.column) in ("budget", "adjusted", "plan"):
            return "说的是上年的预算数，事实文件只有上年决算数", True
        return "", False

    def _not_a_count(self, tok: Token, lead: _Lead, fact: str, year: int | None) -> tuple[str, bool]:
        if fact not in PEOPLE and self._noun_after_label(tok):
            return "编制、人员的称呼后面接着别的名词（如“事业编制机构5个”），数的不是人", False
        if tok.unit not in (PEOPLE_UNITS if fact in PEOPLE else _POST_UNITS):
            return f"单位“{tok.unit}”不是人数的单位", False     # "实有车辆15488辆"
        if year == self.year - 1 or len({f for f, _ in lead.labels}) > 1:
            return "上年的人数，或同时说了两类人员（如“行政编制在职”）", year == self.year - 1
        return "", False

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

    def _noun_after_label(self, tok: Token) -> bool:
        """"事业编制机构5个": the label of posts is followed by another noun right before the figure (not so a
        total after other figures: "事业编制6名，合计19名")."""
        gap = self.text[self.label_end:tok.start] if self.label_end >= 0 else ""
        return not any(ch.isdigit() for ch in gap) and bool(_content(_PEOPLE_WORDS.sub("", gap)))

    def _category(self, claim: Claim) -> None:
        """"行政编制12人，实有人数11人；工勤编制3人，实有人数2人": people counted right after the posts of
        one category (and no other since the last count of people), in a sentence that pairs two categories
        so, are that category's (marked at the end of the sentence)."""
        if claim.fact == "department.staffing.posts":
            self.categories.append(claim.kind_text)
        elif claim.fact in ("department.staffing.serving", "department.staffing.actual"):
            self.by_category.append((self.categories[0] if len(set(self.categories)) == 1 else "", claim))
            last = self.out.unread[-1].figure if self.out.unread else None
            if not self.categories and last is not None and last.unit in COUNTS and last.start >= self.sentence_start \
                    and (self.last_claim is None or self.last_claim.start <= last.start):
                # "区总工会机关行政编制6名，在编6人": people counted right after posts that were not read (whose
                # posts, the words do not say) are of those posts, not all the department's
                claim.category = claim.category or "未写明类别"
            self.categories = []
        else:
            self.categories = []

    def _stated_base(self, tok: Token, lead: _Lead, scope: _Scope, base: str | None = None,
                     rate_base: bool = False) -> None:
        """"比上年同期1821.6万元增长…": the figure after 比上年 is last year's."""
        fact = self._subject(lead, scope, tok)
        if fact is None:
            return
        base = base or lead.base
        if base not in ("prior", "budget", "adjusted", "plan"):
            return self._unread(tok, "比较的基数不是上年或本年预算" + self._other_base(tok, lead, fact, rate_base))
        year = lead.year if lead.year is not None else scope.year
        if base != "prior" and year not in (None, self.year):
            # "2022年决算数X万元，相比年初预算数Y万元": that year's budget, which the file does not have
            return self._unread(tok, f"说的是{year}年的预算数，事实文件只有本年的" + self._other_base(tok, lead, fact, rate_base))
        claim = Claim("prior" if base == "prior" else "level", tok, fact, column=base,
                      sentence=self.sentence, label=scope.label)
        self.out.claims.append(claim)
        if not rate_base:           # the budget an execution rate is of is not a base for a growth rate
            self.bases.append(claim)
            self.levels.append(claim)
            self.last_claim = claim
            scope.base = base       # "较年初预算42万元增加7.91万元": the change after the figure is from it

    def _other_base(self, tok: Token, lead: _Lead, fact: str, rate_base: bool) -> str:
        """"2023年年初预算收入7031.72万元，比2022年年初预算收入2724.44万元增加4307.28万元": a base the file does
        not have, stated with its figure — the change after it is the difference of the two figures stated, and
        whatever else the sentence measures from that base is not measured from the file's."""
        self.scope.base = "other"
        self._budget_level(lead, fact)      # "…12万元，较上年预算数10万元增加…": the 12 is this year's budget
        left = self.last_money
        if not rate_base and left is not None and left.figure is not None and left.sentence == self.sentence \
                and left.money and tok.unit in MONEY:
            self.other_base = (Claim("level", tok, None, sentence=self.sentence), left, self.figures)
            return "（其后的增减额按写明的两个数之差核对）"
        return ""

    def _other_change(self, tok: Token) -> None:
        """The change right after a base the file does not have: checked as the difference of the two figures."""
        base, left, _ = self.other_base  # type: ignore[misc]  # its caller checks it is set
        self.other_base = None
        self.out.claims.append(Claim("difference", tok, None, other=(left, base), sentence=self.sentence))

    def _change(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        fact, budget_base = self._changing(tok, lead, scope)
        if fact is None:
            return self._stated_change(tok, lead, scope)
        lst = self.list
        # "“三公”经费19.85万元，其中公务接待费4.15万元，公务用车…15.70万元，较上年增加5.65万元": after a 其中 list's last
        # item, a change with no name of its own may be the item's or the whole's — either holding is no contradiction
        head = lst.head.fact if lst is not None and lst.parts and lst.parts[-1].fact == fact and not lead.label \
            and lst.head.fact not in (None, fact) else None
        claim = Claim("change", tok, fact, against=lead.base, source=scope.source, value=tok.value * lead.dir, sentence=self.sentence,
                      of=self._level_of(fact), label=scope.label, budget_base=budget_base, alts=(head,) if head else ())
        self.out.claims.append(claim)
        self.changes.append(claim)
        self.last_claim = claim

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
        if years != [self.year - 1, self.year] or not re.search(rf"[比较].{{0,4}}(?:{self.year - 1}|上年|去年)", between):
            return
        if self.out.unread and self.out.unread[-1].figure is tok:
            self.out.unread.pop()           # read after all
        self.out.claims.append(Claim("rate", tok, None, value=tok.value * (lead.rate or lead.dir),
                                     of=Claim("level", now, None, sentence=self.sentence), label="同一句写明的两年的数",
                                     base=Claim("prior", before, None, sentence=self.sentence), sentence=self.sentence))

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
        if self._column_change(tok, lead, scope):
            return
        if scope.blocked or not lead.dir or lead.label or lead.unknown or lead.other_fact or lead.to_level \
                or lead.share or lead.exec or lead.diff or lead.op or tok.unit not in MONEY:
            return
        level = self._figure_before(tok) or self._restated_level(tok)
        if level is None or level.unit not in MONEY or "比" in self._clause_before(level.start) \
                or "较" in self._clause_before(level.start):
            return                  # "较上年同期518706万元增支22532万元": the amount before is last year's
        found = next((c for c in self.out.claims[-8:] if c.figure is level and c.fact is not None), None)
        self.stated_change = (found or Claim("level", level, None, sentence=self.sentence),
                              Claim("change", tok, None, value=tok.value * lead.dir, sentence=self.sentence))

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
                  if t.kind == "num" and start <= t.start < self.sentence_start]
        if len(before) != 1 or before[0].unit not in MONEY:
            return None
        level = before[0]
        said = _content(self.text[start:level.start])
        named = m.group("name")
        return level if not named or said.endswith(_content(named)) else None

    def _stated_rate(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """The growth rate right after a change kept by _stated_change: checked against the two amounts."""
        pending, self.stated_change = self.stated_change, None
        if pending is None and not ((scope.blocked and not self._of_account()) or lead.label or lead.other_fact
                                    or lead.share):
            return self._two_years_rate(tok, lead)
        if pending is None or scope.blocked or lead.label or lead.unknown or lead.other_fact or lead.share:
            return
        level, change = pending
        if self._figure_before(tok) is not change.figure or tok.start - level.figure.end > 60:
            return
        between = self.text[level.figure.end:tok.start]
        if "口径" in between or "可比" in between:
            return                  # "同口径增长", "按可比价格计算": a rate on another footing than the amounts
        self.out.claims.append(Claim("rate", tok, None, value=tok.value * (lead.rate or lead.dir), of=level,
                                     change=change, sentence=self.sentence))

    def _figure_before(self, tok: Token) -> Token | None:
        """The figure before `tok` in the same sentence (a few tokens back at most), or None."""
        i = self.index - 1
        while i >= 0 and self.index - i <= 12:
            t = self.tokens[i]
            if t.start < self.sentence_start:
                return None
            if t.kind == "num":
                return t
            i -= 1
        return None

    def _changing(self, tok: Token, lead: _Lead, scope: _Scope) -> tuple[str | None, bool]:
        """The fact a change or a growth rate is of, if it is this year's against a base the file has,
        and whether it is this year's budget against last year (see below); else None, the figure left
        unread with the reason."""
        fact = self._subject(lead, scope, tok)
        if fact is None or not self._this_year(tok, lead, scope):
            return None, False
        if lead.base in ("other", "this"):
            self._budget_level(lead, fact)
            self._unread(tok, "与本年、上年以外的年份（或上年的预算）比较")
            return None, False
        if self._budget_vs_last_year(lead, scope):
            level = self._level_of(fact)
            if (lead.col or scope.column) == "any" or level is None or level.sentence != self.sentence \
                    or level.column not in ("budget", "adjusted", "plan"):
                self._unread(tok, "本年预算数与上年比较：上年的数是预算还是决算，不能确定")
                return None, False
            # "预算数为20.1万元，与上年相比减少0.2万元，下降0.99%": last year's figure is the budget stated less
            # the change, whichever column it was — the rate is checked against the sentence itself
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
        if lead.share and (not lead.exec_col or lead.whole) and not lead.other_fact:
            return self._share(tok, lead, scope)    # "占部门总预算的80.0%": a share of the whole, in that column
        if lead.exec or (lead.exec_of and lead.exec_col) or (lead.share and lead.exec_col):
            return self._execution(tok, lead, scope)
        if lead.rate or lead.dir:
            fact, budget_base = self._changing(tok, lead, scope)
            if fact is None:
                return self._stated_rate(tok, lead, scope)
            sign = lead.rate or lead.dir
            change = next((c for c in reversed(self.changes) if c.fact == fact), None)
            if change is not None and lead.base and change.against != lead.base:
                # "完成预算的107.5%，超收60万元，同比增长10.3%": a change on another base (or none
                # stated) is not the change this rate is of
                change = None
            base = next((b for b in reversed(self.bases) if b.fact == fact), None)
            against = lead.base or (change.against if change else None) or \
                (("prior" if base.column == "prior" else base.column) if base else None)
            claim = Claim("rate", tok, fact, against=against, source=scope.source, value=tok.value * sign, sentence=self.sentence,
                          of=self._level_of(fact), change=change, base=base, label=scope.label, budget_base=budget_base)
            self.out.claims.append(claim)
            return
        self._unread(tok, "百分数前没有说明是增幅、占比还是执行率")

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

    def _share(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """A share: of which amount (the part), of which whole — or left unread with the reason."""
        part, why = self._share_part(lead, scope)
        if part is None:
            return self._unread(tok, why)
        whole, whole_from, why = self._share_whole(tok, lead, part)
        if why:
            return self._unread(tok, why)
        column = lead.exec_col or part.column
        lst = self.list if self.list is not None and part in self.list.parts else None
        each = self.each_claims
        if len(each) >= 2 and part is each[-1] and all(c.money and c.kind in ("level", "prior") for c in each):
            # "A、B分别为x和y，占…的p%和q%": the shares are of the parts in turn
            part, self.pending_shares, self.each_claims = each[0], each[1:], []
            self.each_share = (whole, whole_from, column)
        claim = Claim("share", tok, part.fact, of=part, whole=whole, whole_from=whole_from,
                      column=column, sentence=self.sentence)
        self.out.claims.append(claim)
        if lst is not None:
            lst.shares.append((claim, lead.whole))

    def _share_part(self, lead: _Lead, scope: _Scope) -> tuple[Claim | None, str]:
        last = self.last_claim
        part = last if last is not None and last.kind in ("level", "prior") and last.money \
            and last.sentence == self.sentence and not lead.label else None
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

    def _share_whole(self, tok: Token, lead: _Lead, part: Claim) -> tuple[str | None, Claim | None, str]:
        """(the whole's fact, or the claim stating it, or the reason it is not known)."""
        if lead.whole is not None:
            blocked = self.scope.blocked
            if part.fact is None and blocked and (_NOT_LOCAL.search(blocked) or _UNIT_KIND.search(blocked)):
                # "全国人大…收入共计X万元。1.财政拨款收入Y万元，占总收入的68.6%": another body's amount, of its own total
                return None, None, f"说的是别的主体（“{self.scope.blocked}”）的总数"
            return lead.whole, None, ""
        if lead.share_unknown:
            # "采购合同总额为250万元。…小微企业合同金额为200万元，占采购合同总额的80.0%": the whole is the amount the
            # same words stated earlier in the text — a check of the text against itself
            named = self._named_amount(lead, tok, part)
            if named is None:
                return None, None, f"占的总数（“{lead.share_unknown}”）不在词表中"
            return None, named, ""
        if self.list is not None and part in self.list.parts and self.list.head.figure is not None:
            return None, self.list.head, ""
        # "“三公”经费支出决算中，公务接待费9.84万元，占19.52%": the total named just before; or the whole of
        # a share of the same total's other part ("基本支出…，占32.12%。…项目支出…，占67.88%")
        whole = self._named_parent(part.fact) or self._sibling_whole(part.fact)
        return whole, None, "" if whole is not None else "没有说明占的是哪个总数"

    def _unread_since(self, part: Claim) -> bool:
        """Whether an amount of this sentence after `part`, outside brackets, was left unread."""
        last = self.out.unread[-1].figure if self.out.unread else None
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

    def _clause_before(self, end: int) -> str:
        """The words of the clause up to `end` (at most 40 characters back)."""
        start = max(0, end - 40)
        for i in range(end - 1, start - 1, -1):
            if self.text[i] in SENTENCE or self.text[i] in CLAUSE:
                return self.text[i + 1:end]
        return self.text[start:end]

    def _each_share(self, tok: Token) -> None:
        part = self.pending_shares.pop(0)
        whole, whole_from, column = self.each_share
        self.out.claims.append(Claim("share", tok, part.fact, of=part, whole=whole, whole_from=whole_from,
                                     column=column, sentence=self.sentence))

    def _sibling_whole(self, fact: str | None) -> str | None:
        parent = PARENT.get(fact) if fact is not None else None
        if parent is None:
            return None
        for c in reversed(self.out.claims[-64:]):
            if c.kind == "share" and c.whole == parent and c.fact != fact and PARENT.get(c.fact) == parent \
                    and c.sentence >= self.sentence - 3:
                return parent
        return None

    def _named_parent(self, fact: str | None) -> str | None:
        """The nearest total of `fact` named in this sentence or the one before."""
        named = self.mentioned | self.prev_mentioned
        while fact is not None:
            fact = PARENT.get(fact)
            if fact in named:
                return fact
        return None

    def _execution(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
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
            return self._unread(tok, f"前面的“{lead.unknown}”不在词表中，说的可能是别的")
        if scope.subject is None and self.unsure:
            # "财政总收入152.87亿元，完成调整后预算的99.2%": the rate of a figure that was not read
            return self._unread(tok, "没有说明是哪一项的执行率")
        if lead.op in ("<", ">"):
            # "执行率高于70.61%的有15个单位": a threshold, not the rate itself
            return self._unread(tok, "写的是高于或低于某个比率，不是执行率本身")
        year = lead.year if lead.year is not None else scope.year
        if year not in (None, self.year):
            # "2021年度…支出预算为X万元，决算为Y万元，完成预算的Z%": another year's rate
            return self._unread(tok, f"说的是{year}年的执行率，不是本年的")
        fact = scope.subject or "finance.expenditure.current"     # 预算执行率 alone: the department's spending
        self.out.claims.append(Claim("execution", tok, fact, column=lead.exec_col, sentence=self.sentence,
                                     label=scope.label or "部门支出", of=self._level_of(fact),
                                     variance=lead.variance))

    def _stated_execution(self, tok: Token, lead: _Lead, unread: bool = False) -> bool:
        """"项目资金共2179万元，截至12月8日已完成拨付2113.63万元，执行率97%": the execution rate of a project's (another
        subject's, or part of the year's) funds, which no fact of the file is, is still the amount paid right before
        it ÷ the one other amount of the sentence — checked against the sentence itself, whoever's it is. Only
        where the words leave no doubt: 执行率 right after the amount spent, and exactly two amounts."""
        # "执行率为100.1%": 为 after the rate's name is only the verb (a 完成…的% names its own whole)
        verb_only = lead.exec_of and _RATE_IS.search(self.text, max(0, tok.start - 8), tok.start) is not None
        if not lead.exec or any((lead.exec_of and not verb_only, lead.exec_col, lead.variance, lead.label,
                                 lead.unknown, lead.share, lead.dir, lead.rate, lead.cmp)):
            return False
        amounts = self._sentence_amounts()
        if amounts is None or len(amounts) != 2 or "完成率" in self._clause_before(tok.start):
            return False            # (a 完成率 may be of a plan the sentence does not state)
        spent, whole = amounts
        said = self._clause_before(spent.start)
        if not any(w in said for w in _SPENT) or any(w in self._clause_before(whole.start) for w in _NOT_WHOLE):
            return False
        found = {id(c.figure): c for c in self.out.claims[-32:] if c.figure is not None and c.fact is not None}
        if unread and (id(whole) in found or id(spent) in found):
            return False            # an amount of a fact: the rate is the fact's (checked with what the sentence states)
        other = tuple(found.get(id(t)) or Claim("level", t, None, sentence=self.sentence) for t in (whole, spent))
        self.out.claims.append(Claim("execution", tok, None, other=other, sentence=self.sentence))
        return True

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
        if left is not None and left.figure is not None and left.figure is not tok:
            self.out.claims.append(Claim("compare", tok, None, other=left, op=lead.op, sentence=self.sentence))

    def _margin(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """"实际支出高于调整预算15.00万元" (a margin) or "小于调整预算数1121.50万元" (the amount): the
        figure after a comparison with a column is one or the other; either may hold."""
        left = self.last_money
        if lead.op_col:
            left = next((c for c in reversed(self.levels) if c.fact is not None and c.column == lead.op_col), left)
        fact = self._subject(lead, scope, tok)
        if fact is None:
            return
        column = lead.op_col or (left.column if left is not None and left.fact == fact else None) or "final"
        self.out.claims.append(Claim("margin", tok, fact, column=column, against=lead.op_target, op=lead.op,
                                     other=left if left is not None and left.fact == fact else None,
                                     sentence=self.sentence, label=scope.label, source=scope.source))

    def _compare_fact(self, lead: _Lead) -> None:
        """"基本支出决算776.17万元，超过调整预算。": the figure against the fact's other column."""
        left = self.last_money
        if lead.op_col:
            left = next((c for c in reversed(self.levels) if c.fact is not None and c.column == lead.op_col), None)
        if left is None or left.fact is None or self.scope.blocked:
            return
        if any(c.kind in ("compare", "margin") and c.other is left for c in self.out.claims):
            return      # "…15.23万元，大于预算数18万元，决算数大于预算数的原因…": compared once already
        self.out.claims.append(Claim("compare", left.figure, left.fact, column=lead.op_target, op=lead.op,
                                     other=left, sentence=self.sentence, value=left.value, unit=left.unit))

    def _total(self, tok: Token) -> None:
        """"…分别为776.17万元和478.61万元，合计1254.78万元": the figures before add up to it."""
        parts = self.each_claims or [c for c in self.levels if c.money]
        if len(parts) >= 2:
            head = Claim("level", tok, None, sentence=self.sentence)
            self.out.claims.append(Claim("sum", tok, None, parts=list(parts), of=head, complete=True,
                                         sentence=self.sentence))
        else:
            # "按生均1000元安排，共计239万元，其中…": a total with nothing before it to add up is still the
            # amount a following 其中 list is of — not the figure before it
            self.last_claim = Claim("level", tok, None, sentence=self.sentence)
        self.each_claims = []

    def _opens_text(self, tok: Token) -> bool:
        if tok.start > 24:
            return False        # (and a hostile text of many such words stays linear)
        before = self.text[:tok.start]
        return not before.strip() or bool(_ENUM_ITEM.fullmatch(before)) or bool(_YEAR_ONLY.fullmatch(before))

    def _posts_total(self, tok: Token, lead: _Lead, scope: _Scope) -> None:
        """"行政编制12名，事业编制6名，合计18名": a total right after two or more categories of posts (and
        nothing else counted since) is the posts in all; after anything else, what it adds up is unsure."""
        counted = [c for c in self.levels if c.sentence == self.sentence and c.unit in COUNTS]
        posts = [c for c in counted if c.fact == "department.staffing.posts"]
        if scope.blocked or len(posts) < 2 or counted[-1] is not posts[-1] \
                or len({c.kind_text for c in posts}) != len(posts):
            return self._unread(tok, "合计的是哪些人数不确定")
        claim = self._fact_level(tok, lead, scope, "department.staffing.posts_total")
        if claim is not None:
            claim.label = "核定编制合计"
            self.out.claims.append(claim)
            self.levels.append(claim)
            self.last_claim = claim

    def _flat(self, tok: Token) -> None:
        lead, scope = self.lead, self.scope
        if scope.blocked or scope.subject is None or (lead.unknown and not lead.label) or lead.other_fact:
            return
        if lead.base in ("other", "this") or scope.partial or scope.excluding or self._budget_vs_last_year(lead, scope):
            # "因公出国（境）费支出7万元，与2022年预算持平": level with last year's budget, the amount is this year's
            # budget (as before a change measured so, see _budget_level)
            self._budget_level(lead, scope.subject)
            return
        self.out.claims.append(Claim("flat", tok, scope.subject, against=lead.base or "prior", value=None,
                                     unit="", loose=lead.loose, sentence=self.sentence, label=scope.label,
                                     of=self._level_of(scope.subject)))

    def _budget_vs_last_year(self, lead: _Lead, scope: _Scope) -> bool:
        """"人员经费预算80万元，比上年增加5万元": this year's budget against last year's — its
        budget or its final, the text does not say, and the file has only the final."""
        column = lead.col or scope.column
        if column is None and scope.subject is not None and self._level_of(scope.subject) is None:
            # "支出预算1200万元。支出较上年增加150万元": a sentence with no column and no amount of its
            # own goes on about the budget the sentence before stated
            column = self.prev_column
        if column == "any":
            # "财政拨款安排的“三公”经费X万元，比上年减少…": the amount stated tells at the check whether it is
            # the final; without one, budget or final cannot be told
            return lead.base in (None, "prior") and not self.bases and (
                scope.subject is None or self._level_of(scope.subject) is None)
        return column in ("budget", "adjusted", "plan") and lead.base in (None, "prior") and not self.bases

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

    def _level_of(self, fact: str) -> Claim | None:
        found = next((c for c in reversed(self.levels) if c.fact == fact and c.kind == "level"), None)
        lst = self.list
        while found is None and lst is not None:
            # "其中：公务接待费2.60万元，比上年减少0.50万元": an item of a list is stated too
            found = next((c for c in reversed(lst.parts[-64:]) if c.fact == fact and c.kind == "level"), None)
            lst = lst.outer
        return found

    # ---- lists ------------------------------------------------------------------------------------
    def _start_list(self, marker: str) -> None:
        """A 其中 (包括, 按…分类): a list of the parts of the amount before it — or of an item of the list already
        open, or of a name — or no list at all."""
        lst, lead = self.list, self.lead
        head: Claim | None
        if lst is not None and lst.depth == len(self.stack) and lst.parts:
            return self._inner_list(lst, marker)
        if lead.label and not lead.figure:
            # "收入包括：…；支出包括：…": a list headed by a name, not a figure — its parts are read,
            # their sum is not checked
            self._end_list() if lst is not None and lst.depth == len(self.stack) else None
            head = Claim("level", None, lead.label, column=self.scope.column or self.prev_column, unit="万元")
            self.list = _List(head, len(self.stack), marker)
            # "公务接待费包括外事接待费80万元": the name heads the list; a figure after it is an item's, named by
            # its own words, not the name's
            lead.label = None
            return
        head = self._list_head()
        if lst is not None and lst.depth == len(self.stack):
            self._end_list()
        if head is None and not self.figures_in_sentence and self.prev_period[1] and len(self.stack) == 1:
            # "1-8月支出X万元。其中：基本支出…": the parts are of the same months
            self.scope.partial = self.scope.partial or self.prev_period[1]
        if head is None or head.kind not in ("level", "prior", "count") or self._of_another_noun(head):
            return
        if head in self.prev_levels and not self.figures_in_sentence and self.scope.year is None:
            self.scope.relative = False
            self.scope.year = self.prev_period[0]   # "2022年支出X万元。其中：…": the parts are of that year too
        self.list = _List(head, len(self.stack), marker)
        self.list.subject = self.scope.blocked
        # "支出20.50万元，年初预算为24.00万元。其中：…": the head's fact in two columns — which the parts are
        # in, each part's own words say
        pool = self.levels if head.sentence == self.sentence else self.prev_sentence_levels
        self.list.mixed = any(c is not head and c.fact is not None and c.fact == head.fact and c.kind == "level"
                              and c.column != head.column for c in pool[-64:])
        self.lead.labels = []

    def _inner_list(self, lst: _List, marker: str) -> None:
        last = lst.parts[-1]
        if (marker == "其中" or (marker in ("包括", "含") and last.fact is not None)) and last.figure is not None \
                and last.money and last.kind in ("level", "prior") and last.sentence == self.sentence and lst.outer is None:
            # "其中：A x万元；B y万元；其中：B1 …、B2 …；C z万元": B's own parts, then the outer list again;
            # "1、基本支出X万元，包括：人员经费…；2、项目支出…": so too after an item a label named
            self.list = _List(last, len(self.stack), marker, outer=lst)
            self.lead.labels = []
        # else "…1.72万元，主要包括燃料费、维修费…": a word about an item, not a new list

    def _list_head(self) -> Claim | None:
        """The last amount stated before 其中, in this sentence (a part of an outer list included) — or, when the
        sentence opens with 其中 ("支出合计X万元。其中：…"), in the sentence before."""
        last = self.last_claim
        if last is not None and last.sentence == self.sentence and last.kind in ("level", "prior", "count") \
                and last.figure is not None and last not in self.bases:
            return last
        levels = [c for c in self.levels if c not in self.bases] or \
            (self.prev_levels if not self.figures_in_sentence else [])
        return levels[-1] if levels else None

    def _of_another_noun(self, head: Claim) -> bool:
        """"8个财政补助事业单位以及各级调查队，其中，省级调查总队32个…": the items are of the noun named after the
        figure, not of the figure."""
        return head.figure is not None and not head.money and head.unit not in PEOPLE_UNITS \
            and bool(_COORDINATED.search(self.text, head.figure.end, self.tokens[self.index].start))

    def _end_list(self, inner_only: bool = False) -> None:
        lst, self.list = self.list, None
        if lst is not None and lst.outer is not None:
            if inner_only:
                self.list = lst.outer
            else:
                self.list = lst.outer
                self._end_list()
        if lst is not None and lst.shares:
            # "…包括A x万元，占p%；B 0万元，占总收入0%；C y万元，占q%": the items of one list are shares of one
            # whole; where an item names it, the items that do not name it are of that whole too
            named = {w for _, w in lst.shares if w is not None}
            if len(named) == 1:
                whole = named.pop()
                for c, w in lst.shares:
                    if w is None and c.whole_from is lst.head:
                        c.whole, c.whole_from = whole, None
        if lst is not None and lst.tiered:
            for p in lst.parts:
                if p.figure is not None and p.fact is None:
                    self.out.unread.append(Unread(p.figure, "各级指标的个数互相包含，不是“其中”相加的各项"))
            return
        if lst is None or len(lst.parts) < 2 or lst.head.figure is None:
            return
        complete = _splits_retired(lst.head, "department.staffing.retired") and \
            sorted(p.label[:2] for p in lst.parts) == ["离休", "退休"]       # 离退休 is 离休 and 退休, no more
        if len({p.col_word for p in lst.parts if p.fact is None and p.col_word}) > 1:
            # "其中：A预算数为0万元，决算支出数为0万元；B预算数…": someone else's items, each in two columns — not
            # parts that add up to the head
            return
        self.out.claims.append(Claim("sum", lst.head.figure, lst.head.fact, parts=lst.parts,
                                     sentence=lst.head.sentence, of=lst.head, complete=complete))
        lst.head.head = True             # its own check waits for the list's: a list that does not add up says more

    def _start_each(self) -> None:
        labels = list(self.lead.labels)
        if len(labels) < 2 and len(self.each_claims) >= 2 and not self.pending_each and not self.lead.share:
            # "A、B分别为x、y，分别比上年减少u、v": the second 分别 is of the same items
            labels = [(c.fact, c.label) for c in self.each_claims]
        if len(labels) >= 2 and not self.scope.blocked:
            self.pending_each = labels
            self.each_claims = []
            self.each_mode = (0, None, 0)

    def _each(self, tok: Token) -> None:
        fact, label = self.pending_each.pop(0)
        scope = self.scope
        claim = None
        direction, base, rate = self.each_mode
        if scope.partial:
            self._unread(tok, f"说的是一年中的一段时间（“{scope.partial}”）")
        elif (direction or rate) and base in ("other", "this"):
            self._unread(tok, "与本年、上年以外的年份（或上年的预算）比较")
        elif (direction or rate) and tok.unit == "%" and not fact.startswith("department.staffing"):
            claim = Claim("rate", tok, fact, against=base, value=tok.value * (rate or direction),
                          sentence=self.sentence, label=label)
        elif direction and tok.unit in MONEY and not fact.startswith("department.staffing"):
            claim = Claim("change", tok, fact, against=base, value=tok.value * direction, sentence=self.sentence,
                          label=label)
        elif tok.unit in MONEY and not fact.startswith("department.staffing"):
            year = scope.year
            column = "prior" if year == self.year - 1 else (scope.column or "final")
            if year in (None, self.year, self.year - 1):
                claim = Claim("prior" if column == "prior" else "level", tok, fact, column=column,
                              sentence=self.sentence, label=label, alts=self.alts_of.get(label, ()))
        elif tok.unit in COUNTS and fact.startswith("department.staffing"):
            claim = Claim("count", tok, fact, sentence=self.sentence, label=label,
                          kind_text=label if fact in ("department.staffing.posts", "department.staffing.others") else "")
        else:
            self._unread(tok, "“分别为”后的数与前面的称呼对不上")
        if claim is not None:
            self.out.claims.append(claim)
            self.each_claims.append(claim)
            self.last_claim = claim
            if claim.money:
                self.last_money = claim

    # ---- unread -----------------------------------------------------------------------------------
    def _unread(self, tok: Token, why: str, unsure: bool = True, own: bool = False) -> None:
        """A figure left unread; `unsure`: it may be someone else's, so what follows in the sentence is
        not taken for the department's by default; `own`: it is the department's (see Unread)."""
        self.out.unread.append(Unread(tok, why, own))
        self.unsure = self.unsure or unsure

    def _retract(self, tok: Token, why: str) -> None:
        kept = [c for c in self.out.claims if c.figure is not tok]
        if len(kept) != len(self.out.claims):
            self.out.claims = kept
            self.levels = [c for c in self.levels if c.figure is not tok]
            self.each_claims = [c for c in self.each_claims if c.figure is not tok]
            if self.last_money is not None and self.last_money.figure is tok:
                self.last_money = None
        # (a list's part of no fact is in no claim list: "其中：…；单价50万元以上通用设备…" — taken out all the same)
        if self.list is not None and self.list.parts and self.list.parts[-1].figure is tok:
            self.list.parts.pop()
        self._unread(tok, why)


def _fits_list(tok: Token, lst: _List) -> bool:
    """A figure in a unit the list's items can be in: its head's, money with money, people with people."""
    unit = lst.head.unit
    return tok.unit == unit or (tok.unit in MONEY and unit in MONEY) \
        or ({tok.unit, unit} <= PEOPLE_UNITS and lst.head.fact in _COUNTED)


def _not_an_item(lst: _List, lead: _Lead) -> bool:
    """Whether the fact a figure's label names cannot be another item of the list."""
    head, label = lst.head, lead.label
    if _kind_of(head, label):
        return False
    return bool((head.fact and not within(head.fact, label))
                or (head.fact is None and head.figure is not None and lst.parts and not any(
                    p.fact and PARENT.get(p.fact) == PARENT.get(label) for p in lst.parts))  # type: ignore[arg-type]  # no label: None
                or any(p.fact == label and not _another_category(p, lead) for p in lst.parts)
                or (lead.col and head.column and lead.col != head.column))


def _another_category(part: Claim, lead: _Lead) -> bool:
    """"行政编制5人，事业编制12人": posts of two categories are two items, not one named twice."""
    return part.fact == "department.staffing.posts" and bool(lead.kind_text) and part.kind_text != lead.kind_text


def _enumerable(c: Claim) -> bool:
    """An amount of a fact, as a total or as a part of one that may be listed without a 其中."""
    return c.kind == "level" and c.figure is not None and c.fact is not None and c.money


def _parts_after(head: Claim, after: list, end: int) -> list:
    """The amounts of `head`'s own parts, in its column, after it in its paragraph (at most eight sentences on),
    each part once; the total stated again ends them. (`after` is bounded: a hostile text stays linear.)"""
    own = COMPONENTS[head.fact]
    parts, named = [], set()
    for c in after:
        if c.figure.start >= end or c.sentence > head.sentence + 8 or c.fact == head.fact:
            break
        # a part in no column of its own words is in the total's ("“三公”经费预算数为9.98万元。…（三）公务接待费0.83万元")
        if c.fact in own and c.fact not in named and (c.column == head.column or c.implied) and c.unit in MONEY:
            parts.append(c)
            named.add(c.fact)
    return parts


# What a word does, by what it means; when a word means several things, the first of these wins.
_WORD_HANDLERS = {
    "glued": _Reader._on_glued, "neutral": _Reader._on_neutral, "alias": _Reader._on_alias, "source": _Reader._on_source,
    "col": _Reader._on_column, "prior_year": _Reader._on_prior_year, "this_year": _Reader._on_this_year,
    "next_year": _Reader._on_other_year, "year_before_last": _Reader._on_other_year,
    "compare_to": _Reader._on_compare_to, "to_level": _Reader._on_to_level,
    "up": _Reader._on_direction, "down": _Reader._on_direction, "rate_up": _Reader._on_direction,
    "rate_down": _Reader._on_direction, "rate_bare": _Reader._on_direction,
    "flat": _Reader._on_flat_word, "loose": _Reader._on_loose, "share": _Reader._on_share_word,
    "execution": _Reader._on_execution_word, "variance": _Reader._on_variance, "execution_of": _Reader._on_execution_of,
    "difference": _Reader._on_difference_word, "less": _Reader._on_comparison, "more": _Reader._on_comparison,
    "equal": _Reader._on_comparison, "total": _Reader._on_total_word, "list": _Reader._on_list_word,
    "each": _Reader._on_each_word, "cause": _Reader._on_cause, "per": _Reader._on_per, "tier": _Reader._on_tier,
    "account": _Reader._on_account, "partial": _Reader._on_partial, "excluding": _Reader._on_excluding, "approx_before": _Reader._on_approx_before,
}
_WORD_ORDER = tuple(_WORD_HANDLERS)
