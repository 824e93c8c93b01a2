"""What the facts are made of, for binding a 其中 list to its head and a share to its whole: each total's parts
(COMPONENTS, PARENT, within, _whole_of), the plain words for a whole side of the accounts (GENERIC, PLAIN,
BY_SOURCE, WITH_CARRYOVER), and which staffing facts count people (PEOPLE, _COUNTED)."""
from __future__ import annotations

from ..values import AMOUNT_SUMS, VALUE_SUMS
from .claim import Claim

# units of a count of people, one as good as the other ("离退休人员12名，其中：离休1人…"; not of posts, see _COUNTED)
PEOPLE_UNITS = {"人", "名"}
# units that count bodies ("所属学校、单位68个，其中普通高中4所…其他事业单位2个"): items in any of them are of one head
BODY_UNITS = frozenset({"个", "所", "家"})
# vehicles are counted in 辆 or 台, both in one list ("共有车辆3台，其中，…特种专业技术用车0台、其他用车0辆")
VEHICLE_UNITS = frozenset({"辆", "台"})

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
           "finance.expenditure.state_capital": "finance.expenditure.current",
           # and a source's income by what it is spent on ("一般公共预算拨款3105.27万元，其中：基本支出…")
           "finance.income.general": "finance.expenditure.current", "finance.income.fund": "finance.expenditure.current",
           "finance.income.state_capital": "finance.expenditure.current"}

SOURCE_OF = {"finance.expenditure.fiscal": "fiscal", "finance.expenditure.general": "general",
             "finance.expenditure.fund": "fund", "finance.expenditure.state_capital": "state_capital"}
PARENT = {part: total for total, parts in COMPONENTS.items() for part in parts}
# the totals a share of one of their parts is of when the text names no whole ("基本支出…，占68.34%")
NATURAL_WHOLES = frozenset({"finance.expenditure.current", "finance.income.current", "finance.three_public"})


def spending_mirror(head: str | None) -> str | None:
    """The spending a figure of income `head` may be split by (收入预算 by 基本支出 and 项目支出), or None."""
    return _MIRROR.get(head) if head is not None and head.startswith("finance.income.") else None


def within(head: str, part: str | None) -> bool:
    """Whether `part` is a part (or a part of a part) of `head`, or of the spending that mirrors it."""
    todo = [head] + ([_MIRROR[head]] if head in _MIRROR else [])
    seen = set()
    while todo:
        h = todo.pop()
        if h in seen:
            continue
        seen.add(h)
        if h == "finance.expenditure.current":
            # "全年实现本年支出7540.18万元。具体为：工资福利支出…，商品和服务支出…": the year's spending by its economic
            # classes, as the 决算 tables split it too
            todo.append("finance.economic.total")
        if h in ("finance.expenditure.basic", "finance.expenditure.project") and part is not None \
                and part.startswith("finance.economic."):
            # "基本支出695.60万元，其中工资福利支出…、商品和服务支出…、对个人和家庭的补助…": a part of the year's spending
            # split by economic class, its classes some of that (which of them, and how much, the file does not say)
            return True
        if head == h == "finance.expenditure.public" and part in _GOODS_AND_SERVICES:
            # "机关运行经费823500元，其中：办公费…，公务用车运行维护费66000元，其它交通费…": 公用经费 by its items of
            # goods and services, some of which are “三公” items (only a list of 公用经费 itself: the year's spending
            # is not split into them)
            return True
        for p in COMPONENTS.get(h, ()):
            if p == part:
                return True
            todo.append(p)
    return False


# the “三公” items paid as goods and services (a car bought is capital spending, not 公用经费)
_GOODS_AND_SERVICES = frozenset({"finance.three_public_parts.abroad", "finance.three_public_parts.reception",
                                 "finance.three_public_parts.vehicle_running"})


# Plain words for a whole side ("支出", "收入", "财政拨款支出"): after a more specific subject of the same
# side in the same sentence they are that subject's.
GENERIC = {"finance.income.current", "finance.expenditure.current", "finance.expenditure.fiscal",
           "finance.expenditure.general", "finance.expenditure.fund", "finance.expenditure.state_capital"}
PLAIN = {"支出", "收入", "财政拨款支出", "支出合计", "收入合计", "经费"}
# spending by source of funds, as the 决算 tables name it (a fact only when all income is from that source,
# checks/prose/): a plain 支出 after it is still that source's
BY_SOURCE = {"finance.expenditure.fiscal": "fiscal", "finance.expenditure.general": "general",
             "finance.expenditure.fund": "fund", "finance.expenditure.state_capital": "state_capital"}
# headcounts of people (not posts); the nouns for people that name a group of them are levels.py's (_KINDS, _GROUPS)
PEOPLE = {"department.staffing.serving", "department.staffing.actual", "department.staffing.retired"}
# counts that may be written before the name of what they count ("设置11个内设机构")
COUNTED_BEFORE_NAME = {"department.staffing.sections"}


def source_key(source: str) -> str:
    """The income line of a source of funds as the text names it ("一般公共预算" → general)."""
    return source if source in ("fiscal", "general", "fund", "state_capital") else \
        "fund" if "基金" in source else "state_capital" if "国有资本" in source else \
        "fiscal" if source.startswith("财政") else "general"


# a plain word's whole side, with the carry-over: what "收入" names when its parts include 上年结转
WITH_CARRYOVER = {"finance.income.current": "finance.income.total", "finance.expenditure.current": "finance.expenditure.total"}


def _splits_retired(head: Claim, part: str | None) -> bool:
    """"离退休人员12名，其中：离休1人，退休11人": a count of the retired and those who left before retirement, split
    into the two — the 退休 part is not the file's 退休人员 where those count the 离休 too."""
    return head.fact == "department.staffing.retired" and "离退休" in head.label and head.figure is not None \
        and part in ("department.staffing.others", "department.staffing.retired")


def _kind_of(head: Claim, part: str | None) -> bool:
    """Whether `part` names some of the people `head` counts, as a list item: the 离休 and 退休 of a 离退休 count, the
    kinds of people ("在职职工19人，其中实有财政补助人员9人，临聘人员3人，返聘人员5人") of a count of people, or the people
    in one category of posts ("实有人数52人，其中事业编制人员4人，聘用人员44人")."""
    return _splits_retired(head, part) or (head.fact in _PEOPLE and part in (*_KINDS_OF_PEOPLE,
                                                                             "department.staffing.posts"))


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


# the department's people (in post, or all of them), not its posts
_PEOPLE = ("department.staffing.serving", "department.staffing.actual")
# counts of people (not of posts: "编制总数86名，其中：…，聘用教师控制数3人" is posts, then people)
_COUNTED = {*_PEOPLE, "department.staffing.retired", "department.staffing.others"}
_KINDS_OF_PEOPLE = {*_PEOPLE, "department.staffing.others"}
