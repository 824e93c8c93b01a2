"""其中 lists: their head, their items, lists inside lists, the figures after 分别为, and a total followed by
amounts of its parts without a 其中 (_Lists)."""
from __future__ import annotations

import bisect
import re

from .claim import NO_SUBJECT, Claim, Unread
from .numbered import ITEM_NUMBER, item_number, item_opening
from .parts import (
    _COUNTED,
    BODY_UNITS,
    BY_SOURCE,
    COMPONENTS,
    PARENT,
    PEOPLE_UNITS,
    PLAIN,
    VEHICLE_UNITS,
    WITH_CARRYOVER,
    _kind_of,
    _side,
    _splits_retired,
    within,
)
from .patterns import _ENUM_ITEM
from .state import _Lead, _List, _Scope, _State
from .tokens import CLAUSE, CN_DIGITS, COUNTS, ENUM, MONEY, SENTENCE, Token

_NEWLINE = re.compile("\n")
# what is named "besides" ("另外退休教师24人"), or what is to be ensured or aimed at ("确保建成…4个"): no more items
_BESIDES = re.compile("另外|此外|另有|除此之外|确保|力争|争取|力求")
_COORDINATED = re.compile(r"以及|及其|和|与|、")

# the plain name of a side, alone before a list word at the start of its clause ("；支出包括：…")
_PLAIN_SIDES = {"支出": "finance.expenditure.current", "收入": "finance.income.current"}


# "其中（按项级科目分类统计）：": the bracket after 其中 says the items are the head by a classification
# how far before an item's figure its own number ("（一）") is looked for
_ITEM_NUMBER_REACH = 200
_CLASSED = re.compile(r"[ \t\u3000]*[（(]按[^（()）]{0,8}(?:科目|分类)[^（()）]{0,8}[）)]")

def _fits_list(tok: Token, lst: _List, label: str | None = None) -> bool:
    """A figure in a unit the list's items can be in: its head's, money with money, people with people (posts with
    posts by category: "核定编制32名，其中行政编制22人、…")."""
    unit = lst.head.unit
    return tok.unit == unit or (tok.unit in MONEY and unit in MONEY) \
        or ({tok.unit, unit} <= PEOPLE_UNITS and (lst.head.fact in _COUNTED or (
            lst.head.fact == "department.staffing.posts_total" and label == "department.staffing.posts"))) \
        or {tok.unit, unit} <= BODY_UNITS or {tok.unit, unit} <= VEHICLE_UNITS


_ALL_INCOME = frozenset({"finance.income.total", "finance.income.current"})


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
    """"行政编制5人，事业编制12人", "政府聘员1人，其他人员1人": posts (or other staff) of two categories are two items,
    not one named twice."""
    return part.fact in ("department.staffing.posts", "department.staffing.others") and bool(lead.kind_text) \
        and part.kind_text != lead.kind_text


# what stands between an item that ends its sentence and the announcement of its own parts ("。具体情况如下")
_ANNOUNCED_AFTER = re.compile(r"[ \t\u3000]*[。；;][ \t\u3000]*(?:具体情况|具体构成|明细|构成情况|情况)?[ \t\u3000]*")
def _item_at(text: str, at: int) -> tuple[int, int] | None:
    """(style, number) of the item number the clause holding `at` opens on ("2.“商业服务业等支出”科目…"), or None."""
    m = item_opening(text, at, "。；;\n：:", 60)
    return item_number(m) if m is not None else None


_SPENDING = ("finance.expenditure.current", "finance.expenditure.total", *BY_SOURCE)
# the markers of a list that may name every part ("主要包括", "主要用于" name the main ones)
_WHOLE_MARKERS = ("其中", "包括", "具体为", "具体是")


def _all_classes(lst: _List) -> bool:
    """"支出预算1643.29万元，其中：一般公共服务支出…，社会保障和就业支出…，住房保障支出…": the department's spending
    split into classes of the functional classification ("…支出", "…类"), three or more of them, after 其中 or 按…分类 —
    the classes make up all of it, as the tables do (two after 其中 may be the main ones only: "其中：一般公共服务支出…，
    社会保障和就业支出…")."""
    return lst.head.fact in _SPENDING and (lst.marker in _WHOLE_MARKERS or lst.marker.startswith("按")) and all(
        p.fact is None and p.label.endswith(("支出", "类")) for p in lst.parts) and (
        len(lst.parts) >= 3 or lst.marker.startswith("按"))


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


_HOUSEHOLDS = "finance.economic.households"
_RETIRED = "department.staffing.retired"


# the level of the classification a line's name is marked with: "（类）", "（21301款）", "(2130101项)"
_LEVEL_MARK = re.compile(r"[（(][ \t\u3000]*[0-9]{0,8}[ \t\u3000]*([类款项])[ \t\u3000]*[）)]")
# a head named by its column alone: the side its items make it (see _side_from_items), and its word
_SIDE_TOTAL = {"in": "finance.income.current", "out": "finance.expenditure.current"}
_SIDE_WORD = {"finance.income.current": "收入", "finance.expenditure.current": "支出"}



# right after a figure: "的117%" — the figure is the whole a ratio is of ("完成考核目标61亿元的117%")
_RATIO_WHOLE = re.compile(r"[ \t\u3000]*的[ \t\u3000]*[0-9]+(?:\.[0-9]+)?[ \t\u3000]*[%％]")


def _blank_is_none(lst) -> bool:
    """"共有车辆3辆，其中机要通信用车辆、应急保障用车1辆、执法执勤用车辆、特种专业技术用车辆、其他用车1辆": vehicles by the
    form's categories, a category left blank — none of it (a count of vehicles has no category "some of them")."""
    return lst.head.unit in VEHICLE_UNITS and all(p.unit in VEHICLE_UNITS for p in lst.parts)


def _all_people(lst) -> bool:
    """"共有职工135人，其中：在职职工32人，遗属人员16人，退休人员85人": items that are the serving, the retired and the
    others — everyone the department counts, whatever the head's word."""
    return lst.head.fact is None and lst.head.unit in PEOPLE_UNITS and len(lst.parts) == 3 \
        and sorted(p.fact or "" for p in lst.parts) == sorted(COMPONENTS["department.staffing.actual"])


# the styles of item numbers (numbered.ITEM_NUMBER) at two levels: "（一）" above "1、"
_HAN_BRACKETED, _DIGIT_MARKED = 1, 4
# "两类", "3项": how many kinds the words before a head name (see _announced_before)
_CLASSES_COUNTED = re.compile("([两二三四五六2-6])(?:类|项|个部分|部分)")


def _styles(text: str, start: int, end: int) -> set[int]:
    """The styles of the item numbers written between `start` and `end`."""
    return {n[0] for m in ITEM_NUMBER.finditer(text, start, end) if (n := item_number(m)) is not None}


class _Lists(_State):
    """其中 lists, 分别为 series and enumerated totals."""

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
            if head.fact not in wholes or id(head) in heads or head.head or head.compared:
                # ("…，较预算数12.00万元减少2.14万元。其中：…": an amount compared with is no total of what follows)
                continue
            at = bisect.bisect_left(breaks, head.figure.end)
            parts = _parts_after(head, levels[i + 1:i + 65], breaks[at] if at < len(breaks) else len(self.text))
            if len(parts) >= 2:
                for p in parts:
                    # "财政拨款基本支出…，其中：（一）人员经费…。（二）公用经费…": the parts are paid from the total's source
                    p.source = p.source or head.source
                claims.append(Claim("sum", head.figure, head.fact, parts=parts, sentence=head.sentence, of=head))
                head.head = True
                heads.add(id(head))

    def _list_for(self, tok: Token, lead: _Lead, scope: _Scope) -> _List | None:
        """The 其中 list the figure is an item of, or None (a list it cannot be an item of is ended)."""
        lst = self.list
        if lst is None or lst.depth > len(self.stack) or not _fits_list(tok, lst, lead.label):
            return None
        if _RATIO_WHOLE.match(self.text, tok.end):
            return None         # "其中省外到位资金50.56亿元，完成考核目标42.7亿元的118%": the whole of a ratio, no item
        if self._numbered_under_last(lst, tok):
            # "基本支出763.90万元，其中：（一）人员经费730.30万元，1、工资福利支出688.52万元": an item numbered a level
            # down is the last item's part
            inner = _List(lst.parts[-1], len(self.stack), "（", outer=lst)
            inner.figures_at, inner.before, inner.year_at = self.figures - 1, self.figures_in_sentence - 1, lst.year_at
            self.list = lst = inner
        if self._next_statement(lst, lead, tok):
            self._end_list()
            return None
        if self._retired_named(lead) and self._serving_head(lst):
            # "在职教职工7687人，其中专任教师7394人，离退休人员3498人": the retired are no part of those serving
            self._end_list()
            return None
        if lst.unknown:
            return lst              # the parts of an amount of no known name: whatever their names
        if self._head_again(lst, lead, tok):
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
                and sum(abs(p.value) for p in lst.parts) == abs(lst.head.value) and not self._more_of_the_same(lst, lead, tok):
            # "在职19人，其中男10人，女9人；本科学历12人": the parts so far add up to the head — what follows is
            # another way of counting the same people, not more of them ("实际财政供养人员24人，其中在职24人，退休13人")
            self._end_list()
            return None
        if lead.label == _HOUSEHOLDS and self._wages_only(lst.parts):
            return lst
        self._head_above_its_part(lst, lead.label)
        while lst is not None and lead.label and not scope.blocked and _not_an_item(lst, lead):
            # a figure of a fact outside the head, a second column of a part, or a part named twice:
            # not another item of the list — of the list an inner 其中 list is in, perhaps
            outer = lst.outer
            if outer is not None and not lst.parts:
                # "…公用支出164.16万元，其中：项目支出102.17万元": the first item after an inner 其中 is no part of its
                # head — the writer's lists are not the file's: the outer one is not summed
                outer.confused = True
            self._end_list(inner_only=outer is not None)
            lst = self.list if outer is not None else None
        return lst

    def _next_numbered_sibling(self, lst: _List, tok: Token) -> bool:
        """"1.“社会保障和就业支出”科目96万元，主要用于…；2.“商业服务业等支出”科目1,081万元…": a figure whose item number
        is the next after the head's own, in the same style, is the head's sibling — no part of what the head was
        used for."""
        head = lst.head.figure
        if head is None or lst.parts and lst.parts[-1].figure is not None and _item_at(self.text, lst.parts[-1].figure.start) \
                == _item_at(self.text, tok.start):
            return False
        mine, theirs = _item_at(self.text, head.start), _item_at(self.text, tok.start)
        return mine is not None and theirs is not None and theirs == (mine[0], mine[1] + 1)

    def _numbered_under_last(self, lst: _List, tok: Token) -> bool:
        """Whether the last item was numbered "（一）" and this one "1、" (a level down), nothing numbered between."""
        last, head = (lst.parts[-1] if lst.parts else None), lst.head.figure
        if last is None or last.figure is None or head is None or lst.outer is not None or last.kind != "level":
            return False
        between = _styles(self.text, last.figure.end, tok.start)
        # (the last item's own number stands a little before its figure: looked for there, not over the whole list —
        # each item is looked at once, a long list stays linear)
        return _HAN_BRACKETED in _styles(self.text, max(head.end, last.figure.start - _ITEM_NUMBER_REACH),
                                         last.figure.start) \
            and _DIGIT_MARKED in between and _HAN_BRACKETED not in between

    def _retired_named(self, lead: _Lead) -> bool:
        """Whether the figure is of the retired: its label, or (another's list, where no label is taken) the word right
        before it."""
        prev = self.tokens[self.index - 1] if self.index else None
        return lead.label == _RETIRED or (prev is not None and prev.kind == "word" and ("fact", _RETIRED) in prev.means)

    def _serving_head(self, lst: _List) -> bool:
        """Whether the head of a list counts the people serving ("在职教职工7687人"), by the words right before it."""
        head = lst.head.figure
        if head is None or head.unit not in PEOPLE_UNITS:
            return False
        words = self.text[max(0, head.start - 10):head.start]
        words = words[max(words.rfind(ch) for ch in "，,；;。：:") + 1:]
        return self.cues.serving.search(words) is not None and self.cues.retired.search(words) is None

    def _next_statement(self, lst: _List, lead: _Lead, tok: Token) -> bool:
        """Whether the figure is of what the text goes on to, not another item: something named "besides" ("其中在职在编
        人员44人，特岗人员1人，另外退休教师24人"), or aimed at ("其中续建10个项目…，确保建成A、B、C、D 4个"), or spending
        named after a ； beside the income named alone ("总收入1362.00万元，其中，财政拨款收入…，上年结余…；总支出
        1305.93万元" — a 收支总计 takes in both sides; the money of one source may be split by what it paid for:
        "一般公共预算拨款1172.39万元，其中：基本支出…，项目支出…"), or the head's next sibling."""
        if self._next_numbered_sibling(lst, tok):
            return True         # (the head's next sibling, numbered: see below)
        since = lst.parts[-1].figure.end if lst.parts and lst.parts[-1].figure is not None else tok.start
        if _BESIDES.search(self.text, since, tok.start):
            return True
        return lst.head.fact in _ALL_INCOME and bool(lead.label) and _side(lead.label or "") == "out" \
            and "支" not in lst.head.label and any(ch in self.text[since:tok.start] for ch in "；;")

    def _head_again(self, lst: _List, lead: _Lead, tok: Token) -> bool:
        """"年初预算安排812.40万元，其中人员经费…、公用经费…、项目支出267.60万元；…，全年支出963.79万元": after named
        items (the first of a fact's name: "其中项目支出年初预算41.00万元；年中追加…项目资金78.55万元后，全年预算246.85万元")
        and a ；, a figure named by a column word alone, other than the head's, is the head's in that column —
        no item: the list ends, and its head is the subject again (True)."""
        head = lst.head
        named = [p for p in lst.parts if p.fact is not None and p.figure is not None]
        if lead.col not in ("budget", "adjusted", "final") or lead.label or lead.unknown or head.fact is None \
                or head.kind != "level" or head.column in (None, lead.col) or not named or lst.parts[0] is not named[0] \
                or not any(ch in self.text[named[-1].figure.end:tok.start] for ch in "；;"):
            return False
        while self.list is not None:
            self._end_list()
        self.scope.subject, self.scope.label, self.scope.alts = head.fact, head.label, head.alts
        self.scope.blocked = ""     # (what an item's words named — "…等项目资金78.55万元后" — was the item's)
        return True

    def _more_of_the_same(self, lst: _List, lead: _Lead, tok: Token) -> bool:
        """"在职人员286人（其中民警275人、行政人员11人、事业人员18人）": after items of names no fact has, another such
        item after a 、 is one more of them, though those before already add up to the head (a slip, then)."""
        last = lst.parts[-1].figure
        return not lead.label and all(p.fact is None for p in lst.parts) and last is not None \
            and "、" in self.text[last.end:tok.start]

    @staticmethod
    def _widen_head(lst: _List, label: str) -> None:
        """"实有人数254人，其中：…编制人数213人，离退休人员41人": words for the head that may name two facts (在职 or
        all the people) name the one the items are parts of."""
        head = lst.head
        if not head.fact or within(head.fact, label) or _kind_of(head, label):
            return
        wider = next((a for a in head.alts if within(a, label)
                      and all(p.fact is None or within(a, p.fact) for p in lst.parts)), None)
        if wider is not None:
            head.alts = tuple(f for f in (head.fact, *head.alts) if f != wider)
            head.fact = wider

    def _fit_label_to(self, lst: _List, lead: _Lead, scope: _Scope) -> None:
        if lead.label:
            self._widen_head(lst, lead.label)
        if lst.head.fact:
            # a label that may name two facts ("商品和服务支出"): in a list, the one that is a part of the head
            inside = [f for f in (lead.label, *scope.alts) if within(lst.head.fact, f)]
            if inside and inside[0] != lead.label:
                scope.alts = tuple(f for f in (lead.label, *scope.alts) if f != inside[0])
                lead.label = scope.subject = inside[0]
        head = lst.head
        if (head.label in PLAIN or head.inferred) and head.fact in WITH_CARRYOVER and lead.label != head.fact \
                and not within(head.fact, lead.label) and within(WITH_CARRYOVER[head.fact], lead.label):
            # "收入预算1137.66万元，其中：本年财政拨款收入953.90万元；上年结转183.76万元": a plain 收入 whose parts take
            # in last year's carry-over is the total with it (收入总计), not this year's income alone — though the amount
            # may be this year's all the same, the carry-over named on the way (either holding is no contradiction)
            head.fact, head.alts = WITH_CARRYOVER[head.fact], (head.fact, *head.alts)

    def _second_column(self, lst: _List, lead: _Lead, scope: _Scope) -> bool:
        last = lst.parts[-1] if lst.parts else None
        return bool(not lead.label and lead.col and last is not None and not scope.blocked and last.fact is not None
                    and last.fact == scope.subject and last.kind == "level" and last.column != lead.col)

    def _start_list(self, marker: str) -> None:
        """A 其中 (包括, 按…分类): a list of the parts of the amount before it — or of an item of the list already
        open, or of a name — or no list at all."""
        lst, lead = self.list, self.lead
        head: Claim | None
        if marker == "其中":
            self._change_list_opens()   # "与上年相比增加8.73万元，其中：财政拨款收入减少18.62万元…": the change's parts
        side = None if lead.figure else self._plain_side()
        if lst is not None and lst.depth == len(self.stack) and lst.parts and side is None:
            return self._inner_list(lst, marker)
        if self._announced_in_bracket(lst, marker):
            return
        if (lead.label or side) and not lead.figure:
            return self._list_of_a_name(lst, marker)
        head = self._numbered_item_before() or self._head_again_after_list(marker) or self._item_announcing(marker) \
            or self._list_head(marker)
        if lst is not None and lst.depth == len(self.stack):
            self._end_list()
        head = self._head_of_parts(head)
        if head is None:
            return
        self.list = _List(head, len(self.stack), marker)
        self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
        self.list.subject = self.scope.blocked
        self.list.year_at = self.scope.year
        # "2.政府拨款支出220.43万元，…。其中：基本支出154.94万元，项目支出65.49万元": the parts of an amount left unread
        # for want of a known name are its parts — of that kind of spending, not the department's whole lines (people
        # counted under a head of no known name are still the department's: "共有工作人员80人，其中行政编制19人…")
        self.list.unknown = self._unread_amount(head)
        if self.list.unknown and self._side_from_items(head):
            self.list.unknown = False
        # "支出20.50万元，年初预算为24.00万元。其中：…": the head's fact in two columns — which the parts are
        # in, each part's own words say
        pool = self.levels if head.sentence == self.sentence else self.prev_sentence_levels
        self.list.mixed = any(c is not head and c.fact is not None and c.fact == head.fact and c.kind == "level"
                              and c.column != head.column for c in pool[-64:])
        self.lead.labels = []

    def _head_of_parts(self, head: Claim | None) -> Claim | None:
        """The amount a 其中 opening here lists the parts of — the last one before it (see _list_head), unless that is
        not what the parts are of — or None: no list."""
        if head is not None and not self.figures_in_sentence and head.fact is None and head.money \
                and self.prev_amounts >= 3:
            # "本年支出中，局机关本级1862.35万元，…，县体育运动中心557.66万元。按支出功能分类，…": the sentence before listed
            # several amounts of no known name — the breakdown is of their whole, not of the last of them
            head = None
        if head is None and not self.figures_in_sentence and self.prev_period[1] and len(self.stack) == 1:
            # "1-8月支出X万元。其中：基本支出…": the parts are of the same months
            self.scope.partial = self.scope.partial or self.prev_period[1]
        if head is None or head.kind not in ("level", "prior", "count") or self._of_another_noun(head):
            return None
        if head in self.prev_levels and not self.figures_in_sentence:
            self._year_of_head(head)
        return self._this_years_head(head)

    def _numbered_item_before(self) -> Claim | None:
        """"收入总计7542.23万元，包括：\n1.财政拨款收入7532.81万元，占99.88%。其中：…": a 其中 opening the sentence after a
        numbered item of a list just ended is of that item (its own parts), not of the list's head."""
        ended = self.ended
        if self.figures_in_sentence or ended is None or not ended.parts or len(self.stack) != 1:
            return None
        last = ended.parts[-1]
        if last.figure is None or last.sentence != self.sentence - 1 or last.kind not in ("level", "count"):
            return None
        line = self.text.rfind("\n", 0, last.figure.start) + 1
        if _ENUM_ITEM.match(self.text, line) and line > (ended.head.figure.end if ended.head.figure else 0):
            return last
        return last if self._numbered_item_of_last_sentence(last) else None

    def _list_of_a_name(self, lst: _List | None, marker: str) -> None:
        """"收入包括：…；支出包括：…": a list headed by a name, not a figure — its parts are read, their sum is not
        checked."""
        lead, label = self.lead, self._plain_side() or self.lead.label or ""
        if lst is not None and lst.depth == len(self.stack):
            self._end_list()
        head = self._stated_before(label) or self._side_total(label) or \
            Claim("level", None, label, column=self.scope.column or self.prev_column, unit="万元")
        self.list = _List(head, len(self.stack), marker)
        self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
        # "公务接待费包括外事接待费80万元": the name heads the list; a figure after it is an item's, named by
        # its own words, not the name's
        lead.label = None

    def _plain_side(self) -> str | None:
        """"…、上年结转0.00万元；支出包括：…": the plain name of a side alone opening the clause of a list word is that
        side (its fact), not the subject before it — "支出" after an item is no word of the item's own."""
        at = self.tokens[self.index].start
        cut = max(self.text.rfind(ch, max(0, at - 8), at) for ch in CLAUSE + SENTENCE)
        return _PLAIN_SIDES.get(self.text[cut + 1:at].strip(" \t\u3000")) if cut >= 0 else None

    def _stated_before(self, fact: str) -> Claim | None:
        """"…项目支出449.85万元，占34.69%。项目支出主要包括：A 186.50万元，B 68.40万元…": a list headed by a name whose
        amount this year the sentence before (or this one) stated — that amount is the head (its sum is checked)."""
        if not fact.startswith("finance.") or self.scope.column not in (None, "final") or self.scope.blocked:
            return None
        return next((c for c in reversed(self.out.claims[-32:])
                     if c.kind == "level" and c.fact == fact and c.figure is not None and c.column == "final"
                     and c.year in (None, self.year) and c.sentence >= self.sentence - 1), None)

    def _announced_in_bracket(self, lst: _List | None, marker: str) -> bool:
        """"财政拨款收入4032.78万元，…（其中：一般公共预算财政拨款收入…；政府性基金…）": the bracket's list of the item's
        parts (see grammar._open_bracket), announced — it goes on (True)."""
        if lst is not None and lst.depth == len(self.stack) and lst.marker == "（" and not self.lead.figure:
            lst.marker = marker
            return True
        return False

    def _this_years_head(self, head: Claim) -> Claim | None:
        """"“三公”经费决算14.26万元，上年决算16.03万元，较上年减少1.77万元，下降11.04%，其中公务接待费5.82万元…": after the
        change between them, a 其中 is of this year's amount, not of last year's stated as the base. None: of a figure
        not read ("全年办理案件688件，2023年为630件，同比增长9.2%，其中刑事案件296件…": this year's 688, of no known name)."""
        if head.fact is None and head.year not in (None, self.year) and head.figure is not None \
                and self._said_since(max(head.figure.end, self.tokens[self.index].start - 40),
                                     "up", "down", "rate_up", "rate_down"):
            return None
        last = self.last_claim
        if head.kind != "prior" or last is None or last.kind not in ("change", "rate") or last.fact != head.fact:
            return head
        now = next((c for c in reversed(self.levels[-16:]) if c.kind == "level" and c.fact == head.fact
                    and c.sentence == self.sentence and c.figure is not None), None)
        if now is None:
            return head
        self.scope.year, self.scope.relative = None, False
        return now

    def _year_of_head(self, head: Claim) -> None:
        """"2022年支出X万元。其中：…": a list opening the sentence after its head is of the head's year — of that year;
        of this year after a head read as this year's ("支出合计74.58万元，…，上年无数据。其中：基本支出52.71万元": the year
        named after it was of no figure)."""
        if head.kind == "level" and head.fact is not None and head.column != "prior":
            if self.scope.year not in (None, self.year):
                self.scope.year = None
        elif self.scope.year is None:
            self.scope.relative = False
            self.scope.year = self.prev_period[0]

    def _side_from_items(self, head: Claim) -> bool:
        """"2025年年初预算数3033.04万元,其中:一般公共预算拨款3033.04万元,…": an amount named by its column alone, whose
        list begins with a part of the income (or of the spending), is that side's — this year's income (with the
        carry-over, should the list name it: see _list_for). Made the head's claim here; True when it was."""
        if head.figure is None or head.year not in (None, self.year) \
                or not any(u.figure is head.figure and u.why == NO_SUBJECT for u in self.out.unread[-4:]):
            return False        # (not a head of another year: "2022年决算数3595.10万元，其中：…" is left as it was)
        first = self._first_item_fact()
        side = _SIDE_TOTAL.get(_side(first)) if first is not None else None
        if side is None or not within(side, first):
            return False
        self.out.unread = [u for u in self.out.unread if u.figure is not head.figure]
        head.fact, head.label, head.inferred = side, _SIDE_WORD[side], True
        head.column = head.col_word or "final"
        head.implied = head.col_word is None
        self.out.claims.append(head)
        return True

    def _first_item_fact(self) -> str | None:
        """The fact the first words after a list's marker name (a few tokens on: bounded), or None."""
        for tok in self.tokens[self.index + 1:self.index + 4]:
            if tok.kind == "punct" and tok.text in "：:，, ":
                continue
            facts = [v for k, v in tok.means if k == "fact"] if tok.kind == "word" else []
            return facts[0] if facts else None
        return None

    def _unread_amount(self, head: Claim) -> bool:
        """Whether the head of a list is an amount left unread (not another body's: that block holds anyway)."""
        return head.fact is None and head.figure is not None and head.money and not self.scope.blocked \
            and any(u.figure is head.figure for u in self.out.unread[-4:])

    def _side_total(self, label: str) -> Claim | None:
        """"收支总预算136.71万元。收入包括：…。支出包括：…": a list headed by the plain name of one side, after the
        total of both sides was stated (in this sentence or the one before), is of that total — its figure heads the
        list, as that side's total."""
        side = "finance.expenditure.total" if label in _SPENDING else \
            "finance.income.total" if label in ("finance.income.current", "finance.income.total") else None
        if side is None:
            return None
        both = next((c for c in reversed(self.out.claims[-32:])
                     if c.kind == "level" and c.figure is not None and c.money and c.sentence >= self.sentence - 2
                     and side in (c.fact, *c.alts)
                     and {"finance.income.total", "finance.expenditure.total"} <= {c.fact, *c.alts}), None)
        if both is None:
            return None
        return Claim("level", both.figure, side, column=both.column, sentence=both.sentence, label=both.label)

    def _head_again_after_list(self, marker: str) -> Claim | None:
        """"政府采购预算总额86.40万元：货物…、工程…、服务43.80万元；其中一般公共预算拨款政府采购86.40万元：…": a 其中 right
        after a ； that ended a list of items parted by 、 is of the list's head, not of its last item."""
        ended, last = self.ended, self.last_claim
        if marker != "其中" or ended is None or not ended.parts or ended.parts[-1] is not last or last is None \
                or last.figure is None or ended.head.figure is None or ended.head.sentence != self.sentence:
            return None
        between = self.text[last.figure.end:self.tokens[self.index].start]
        items = [p.figure for p in ended.parts if p.figure is not None]
        parted = all("、" in self.text[a.end:b.start] for a, b in zip(items, items[1:]))
        return ended.head if parted and len(items) >= 2 and between.strip(" \t\u3000") in ("；", ";") else None

    def _item_announcing(self, marker: str) -> Claim | None:
        """"总支出1362.00万元，其中本年支出1305.93万元。具体情况如下：1.基本支出…": the parts announced right after a list's
        last item, that ended its sentence, are that item's (or None)."""
        ended = self.ended
        last = ended.parts[-1] if ended is not None and ended.parts else None
        if "如下" not in marker or last is None or last.figure is None or last.sentence != self.sentence - 1 \
                or last.kind != "level" or not last.money:
            return None
        between = self.text[last.figure.end:self.tokens[self.index].start]
        return last if _ANNOUNCED_AFTER.fullmatch(between) is not None else None

    def _inner_list(self, lst: _List, marker: str) -> None:
        last = lst.parts[-1]
        if marker == "如下" and last.figure is not None and last.money and last.sentence == self.sentence \
                and lst.outer is None and not self.text[last.figure.end:self.tokens[self.index].start].strip(" \t\u3000：:"):
            # "其中一般公共预算拨款政府采购86.40万元：政府采购货物预算42.60万元、…": an item broken down after its colon
            self.list = _List(last, len(self.stack), marker, outer=lst)
            self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
            self.list.year_at = lst.year_at
            self.lead.labels = []
            return
        if (marker == "其中" or (marker in ("包括", "含") and last.fact is not None) or self._numbered_item_parts(last, marker)) \
                and last.figure is not None \
                and (last.money or last.unit in PEOPLE_UNITS or last.unit in BODY_UNITS) and last.kind in ("level", "prior", "count") \
                and last.sentence == self.sentence and lst.outer is None:
            # "其中：A x万元；B y万元；其中：B1 …、B2 …；C z万元": B's own parts, then the outer list again;
            # "1、基本支出X万元，包括：人员经费…；2、项目支出…": so too after an item a label named
            self.list = _List(last, len(self.stack), marker, outer=lst)
            self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
            self.list.year_at = lst.year_at
            self.lead.labels = []

        # else "…1.72万元，主要包括燃料费、维修费…": a word about an item, not a new list

    def _numbered_item_parts(self, last: Claim, marker: str) -> bool:
        """"具体包括：1.社会保障管理1,006.00万元，主要包括：A 120.00万元；B 586.00万元…\n2.…": an item the text numbers,
        of no known name, its amount followed by the words announcing its parts and a colon — the parts are its own."""
        if marker not in ("包括", "主要包括", "具体包括") or last.figure is None or last.fact is not None:
            return False
        after = self.tokens[self.index].end
        return self.text[after:after + 2].lstrip(" \t\u3000")[:1] in ("：", ":") \
            and _item_at(self.text, last.figure.start) is not None

    def _list_head(self, marker: str = "") -> Claim | None:
        """The last amount stated before 其中, in this sentence (a part of an outer list included) — or, when the
        sentence opens with 其中 ("支出合计X万元。其中：…"), in the sentence before (not when it opens with 按…分类 after
        a sentence of several amounts: "…资本性支出13.82万元，占7.71%。按支出功能分类，…" classes the whole again)."""
        last = self.last_claim
        if last is not None and last.figure is not None and _RATIO_WHOLE.match(self.text, last.figure.end):
            # "到位资金71.15亿元，完成考核目标61亿元的117%，…，其中省外…": the whole of a ratio heads nothing — the amount
            # before it does
            last = next((c for c in reversed(self.levels) if c.figure is not None and c.figure.start < last.figure.start
                         and not _RATIO_WHOLE.match(self.text, c.figure.end)), None)
        if last is not None and last.sentence == self.sentence and last.kind in ("level", "prior", "count") \
                and last.figure is not None and last not in self.bases:
            return last
        if not self.figures_in_sentence and marker.startswith("按") \
                and len({c.fact for c in self.prev_sentence_levels}) > 1:
            return None
        levels = [c for c in self.levels if c not in self.bases] or \
            (self.prev_levels if not self.figures_in_sentence else [])
        return levels[-1] if levels else None

    def _numbered_item_of_last_sentence(self, last: Claim) -> bool:
        """"…包括：（一）基本支出775.20万元。主要用于部门运行支出，其中：人员经费…": the sentence before was an item
        numbered in the text, its amount the last thing it said — a list after it in this sentence is that item's."""
        if self.figures_in_sentence or last.figure is None or last.sentence != self.sentence - 1:
            return False
        if self.text[last.figure.end:last.figure.end + 1] not in SENTENCE:
            return False
        start = max(0, last.figure.start - 40)
        opener = max(self.text.rfind(ch, start, last.figure.start) for ch in SENTENCE + "：:；;")
        return opener >= 0 and ITEM_NUMBER.match(self.text[opener + 1:last.figure.start].lstrip(" \t\u3000\r\n")) \
            is not None

    def _of_another_noun(self, head: Claim) -> bool:
        """"8个财政补助事业单位以及各级调查队，其中，省级调查总队32个…": the items are of the noun named after the
        figure, not of the figure."""
        return head.figure is not None and not head.money and head.unit not in PEOPLE_UNITS \
            and bool(_COORDINATED.search(self.text, head.figure.end, self.tokens[self.index].start))

    def _head_above_its_part(self, lst: _List, label: str | None) -> None:
        """"商品和服务支出（302）406.50万元，其中：公用经费80.00万元": a head of words that may name two facts (商品和服务
        支出: 公用经费 or the economic class), its first item named the one it was read as, is the other — a whole is not
        its own part. What was said of it so far (its change, its rate) goes with it."""
        head = lst.head
        if not label or label != head.fact or not head.alts or lst.parts or head.kind != "level" or head.figure is None:
            return
        other = next((a for a in head.alts if a != label), None)
        for k in self.out.claims:
            if (k is head or k.of is head) and k.fact == label:
                k.fact, k.alts = other, ()
        if other is None:
            self.out.claims[:] = [k for k in self.out.claims if k.fact is not None or (k is not head and k.of is not head)]
            self.out.unread.append(Unread(head.figure, "“其中”列出了与它同名的一项：它是包含那一项的更大的一项"))

    def _end_list(self, inner_only: bool = False) -> None:
        lst, self.list = self.list, None
        self.ended = lst if lst is not None and lst.parts and lst.outer is None else self.ended
        if lst is not None and lst.outer is not None:
            if inner_only:
                self.list = lst.outer
            else:
                self.list = lst.outer
                self._end_list()
        if lst is not None:
            self._shares_of_one_whole(lst)
        if lst is not None and lst.tiered:
            for p in lst.parts:
                if p.figure is not None and p.fact is None:
                    self.out.unread.append(Unread(p.figure, "各级指标的个数互相包含，不是“其中”相加的各项"))
            return
        if lst is None or lst.head.figure is None or not (len(lst.parts) >= 2 or self._one_part_of_its_head(lst)):
            return
        if lst.confused or self._levels_of_accounts(lst.parts) or self._posts_and_people(lst.parts):
            return
        if lst.first_unread is not None:
            # "再就业1935人，…，其中帮助586名就业困难人员实现了再就业，…；青年劳动力技能培训1459人…": the list's first figure
            # was another's and no item — what the reader would take for its items after it are not known to be parts
            return
        if len({p.col_word for p in lst.parts if p.fact is None and p.col_word}) > 1:
            # "其中：A预算数为0万元，决算支出数为0万元；B预算数…": someone else's items, each in two columns — not
            # parts that add up to the head
            return
        for p in lst.parts:
            p.subtotal = p.figure is not None and "小计" in self._item_words(p)
        self._head_they_add_up_to(lst)
        self._head_in_their_column(lst)
        self.out.claims.append(Claim("sum", lst.head.figure, lst.head.fact, parts=lst.parts,
                                     sentence=lst.head.sentence, of=lst.head, complete=self._names_all(lst),
                                     traits=any(self._counts_a_trait(p) for p in lst.parts)))
        lst.head.head = True             # its own check waits for the list's: a list that does not add up says more

    @staticmethod
    def _one_part_of_its_head(lst: _List) -> bool:
        """"财政拨款收入预算1747.99万元，其中：一般公共预算财政拨款收入1774.99万元": a single item, an amount of a fact
        that is a part of its head's — it cannot be more than the head (nor a count of some of the head's people)."""
        part, head = lst.parts[0] if len(lst.parts) == 1 else None, lst.head
        # (only one that exceeds it: a single item is said on the way as often as it is a list — "其中：购置费0万元。运行费…"
        # goes on in the next sentence)
        if part is None or part.figure is None or head.fact is None or part.fact is None or lst.outer is not None:
            return False
        if part.kind == "count" and head.kind == "count":
            # "离退休人员24人，其中：退休人员42人": some of the people the head counts, more than all of them
            return part.value > head.value and part.label != head.label and (
                within(head.fact, part.fact) or (part.fact == head.fact and part.label in head.label))
        return part.money and head.money and part.fact != head.fact and within(head.fact, part.fact) \
            and abs(part.value) * MONEY[part.unit] > abs(head.value) * MONEY[head.unit]

    def _head_they_add_up_to(self, lst: _List) -> None:
        """"全县一般公共预算收入8,552万元，…，同口径完成地方财政收入10,066万元，…，其中：税收收入5,537万元，非税收入
        3,015万元，非税占比35.3%": the items add up to an amount stated earlier in the sentence, not to the last one —
        an amount of no known fact, in the same unit, like the head: they are its parts (their shares of it too)."""
        head = lst.head
        if head.fact is not None or head.figure is None or any(p.figure is None for p in lst.parts):
            return
        total = sum(p.value for p in lst.parts)
        if total == head.value:
            return
        earlier = next((c for c in reversed(self.amounts[-64:]) if c.sentence == head.sentence and c.fact is None
                        and c.figure is not None and c.figure.start < head.figure.start and c.unit == head.unit
                        and c.value == total), None)
        if earlier is None:
            return
        for c, _ in lst.shares:
            if c.whole_from is head:
                c.whole_from = earlier
        lst.head = earlier

    def _head_in_their_column(self, lst: _List) -> None:
        """"“三公”经费支出12.30万元，全年预算14.50万元，…。其中公务接待费4.38万元…；公务用车运行维护费7.92万元": the
        head's fact was stated in two columns (see _start_list) — the items are parts of the amount in their own column."""
        head = lst.head
        columns = {p.column for p in lst.parts}
        if not lst.mixed or len(columns) != 1 or head.column in columns:
            return
        column = columns.pop()
        same = next((c for c in reversed(self.out.claims[-64:]) if c.kind == "level" and c.fact == head.fact
                     and c.column == column and c.figure is not None and c.sentence == head.sentence), None)
        if same is not None:
            head.head = False
            lst.head = same

    def _posts_and_people(self, parts: list[Claim]) -> bool:
        """"其中县农村公路事业发展中心核定事业编制26名、在职25人，县…执法队…12名、在职11人": each unit's posts and its
        people, two counts an item — not parts that add up to one head. The facts the items were read as say so, or
        for units the file does not count, their words (编制 for some, 在职 for others — not "行政编制在职27人、事业编制
        在职12人": the people of each category, one count an item)."""
        facts = {p.fact for p in parts}
        if facts & {"department.staffing.posts", "department.staffing.posts_total"} \
                and facts & {"department.staffing.serving", "department.staffing.actual"}:
            return True
        said = [self._item_words(p) for p in parts if p.figure is not None and p.unit in PEOPLE_UNITS]
        people = [any(k in w for k in ("在职", "实有", "在岗", "在编")) for w in said]
        return any("编制" in w and not p for w, p in zip(said, people)) and any(p and "编制" not in w for w, p in zip(said, people))

    def _levels_of_accounts(self, parts: list[Claim]) -> bool:
        """"（一）人员经费4,704.35万元1、工资福利支出（类）2,097.51万元（1）基本工资（款）支出737.94万元": items of two
        levels of the classification (a 类 and the 款 in it) — each level is the whole again, not parts that add up."""
        levels = {m.group(1) for p in parts for m in _LEVEL_MARK.finditer(self._item_words(p))}
        return len(levels) > 1

    def _wages_only(self, parts: list[Claim]) -> bool:
        """"其中：人员支出1,526.16万元，对个人和家庭补助支出187.52万元，公用支出…": 人员 beside 对个人和家庭的补助
        is the wages only (工资福利), not the file's 人员经费, which takes in the grants to persons — the grants are
        an item of the list all the same. Whether the list had such a 人员 item."""
        found = False
        for p in parts:
            if p.fact == "finance.expenditure.personnel" and p.kind == "level" and p.figure is not None:
                p.wages = True      # (checked with the grants: together they are 人员经费)
                found = True
        return found

    @staticmethod
    def _shares_of_one_whole(lst) -> None:
        """"…包括A x万元，占p%；B 0万元，占总收入0%；C y万元，占q%": the items of one list are shares of one whole;
        where an item names it, the items that do not name it are of that whole too."""
        named = {w for _, w in lst.shares if w is not None}
        if len(named) != 1:
            return
        whole = named.pop()
        # a whole named by a word that may also mean the head ("占总支出的…", see shares.py): the others as open
        keep = any(w is not None and c.whole_from is lst.head for c, w in lst.shares)
        for c, w in lst.shares:
            if w is None and c.whole_from is lst.head:
                c.whole, c.whole_from = whole, lst.head if keep else None

    def _names_all(self, lst) -> bool:
        """Whether the list says it is the whole of its head: 离退休 as 离休 and 退休 (no more); all the classes of
        spending; a last item for the rest (其他…); every item of one of the vocabulary's partitions; a total of
        the items after them (closed)."""
        return lst.closed or (_splits_retired(lst.head, "department.staffing.retired")
                              and sorted(p.label[:2] for p in lst.parts) == ["离休", "退休"]) \
            or _all_classes(lst) or (self._ends_with_rest(lst) and (not self._item_without_figure(lst)
                                                                  or _blank_is_none(lst))) \
            or self._a_partition(lst) or self._announced_before(lst) or _all_people(lst) or self._by_classification(lst)

    def _by_classification(self, lst) -> bool:
        """"其中（按项级科目分类统计）：（一）…（十二）…": the items are the head broken down by a classification — all of it."""
        span = self._after_its_marker(lst)
        return span is not None and _CLASSED.match(self.text, *span) is not None

    def _announced_before(self, lst) -> bool:
        """"基本支出、项目支出两类共支出资金3237.75万元（其中基本支出…，项目支出…）": the head's own clause names each
        item and counts them ("两类") — the items are all of it."""
        head = lst.head.figure
        if head is None or len(lst.parts) < 2 or any(not p.label for p in lst.parts):
            return False
        start = max(self.text.rfind(ch, max(0, head.start - 60), head.start) for ch in "，,；;。：:\n") + 1
        words = self.text[start:head.start]
        m = _CLASSES_COUNTED.search(words)
        count = int(m.group(1)) if m is not None and m.group(1).isdigit() else CN_DIGITS.get(m.group(1), 0) if m else 0
        return m is not None and count == len(lst.parts) \
            and all(p.label in words[:m.start()] for p in lst.parts)

    def _item_without_figure(self, lst) -> bool:
        """"单位共50个，包括国土资源部本级、9个…、中国地质调查局本级及其27个…、其他12个…": an item named with no
        figure of its own (one of them, or some) — the figures are not all of the list."""
        head, first, last = lst.head, lst.parts[0], lst.parts[-1]
        if head.figure is None or first.figure is None or last.figure is None or not lst.marker:
            return False
        start = self.text.rfind(lst.marker, head.figure.end, first.figure.start)
        if start < 0:
            return False
        chunks = re.split("[、，,；;]", self.text[start + len(lst.marker):last.figure.start])
        return any(not re.search("[0-9０-９]", ch) and re.search("[\u4e00-\u9fff]", ch) and len(ch.strip(" \t\u3000：:")) >= 4
                   for ch in chunks[:-1])

    def _counts_a_trait(self, part: Claim) -> bool:
        """"其中党员15人": a count of people by a trait, named by no fact — the words of its item, from the mark before
        it ("，" "、" "：")."""
        if part.fact is not None or part.figure is None or part.unit not in PEOPLE_UNITS:
            return False
        return self.cues.trait.search(self._item_words(part)) is not None

    def _item_words(self, part: Claim) -> str:
        """The words of a list's item before its figure, from the mark before it ("，" "、" "：")."""
        words = self.text[max(0, part.start - 20):part.start]
        return words[max(words.rfind(ch) for ch in CLAUSE + ENUM + SENTENCE) + 1:]

    def _a_partition(self, lst) -> bool:
        """"政府采购支出总额…，其中：政府采购货物支出…，政府采购工程支出…，政府采购服务支出…": the items are each of
        the names of one of the vocabulary's partitions, once — the whole of it."""
        if any(p.fact is not None or p.figure is None for p in lst.parts):
            return False
        said = [self._item_words(p) for p in lst.parts]
        for items in self.cues.partitions:
            if len(items) != len(said):
                continue
            found = [[k for k, spellings in enumerate(items) if any(s in words for s in spellings)] for words in said]
            if all(len(f) == 1 for f in found) and len({f[0] for f in found}) == len(items):
                return True
        return False

    @staticmethod
    def _ends_with_rest(lst) -> bool:
        """Whether the last item is named as the rest ("其他用车") — an item that is no fact of the file (a fact named
        其他…, as 其他收入, is one part like any other)."""
        if len(lst.parts) < 2:
            return False
        last, before = lst.parts[-1], lst.parts[-2]
        return last.fact is None and last.figure is not None and before.figure is not None \
            and before.figure.end <= lst.rest < last.figure.start

    def _start_each(self) -> None:
        labels = list(self.lead.labels)
        if len(labels) < 2 and len(self.each_claims) >= 2 and not self.pending_each and not self.lead.share:
            # "A、B分别为x、y，分别比上年减少u、v": the second 分别 is of the same items
            labels = [(c.fact, c.label) for c in self.each_claims]
        if len(labels) >= 2 and not self.scope.blocked:
            self.pending_each = list[tuple[str | None, str]](labels)
            self.each_claims = []
            self.each_mode = (0, None, 0, None)
        elif len(labels) == 1 and labels[0][1] and _COORDINATED.search(labels[0][1]) and not self.scope.blocked:
            # "公务用车购置费和运行费分别增长0.00%": one name of two lines, each said to change by the one figure —
            # not the two together; which of them the writer got right is not said
            self.pending_each = [(None, labels[0][1])]
            self.each_claims = []
            self.each_mode = (0, None, 0, None)

    def _each(self, tok: Token) -> None:
        fact, label = self.pending_each.pop(0)
        if fact is None:
            return self._unread(tok, f"“{label}”是两项，“分别”之后只写了一个数：说的是两项各自的，不核对")
        scope = self.scope
        claim = None
        direction, base, rate, executed = self.each_mode
        if scope.partial:
            self._unread(tok, f"说的是一年中的一段时间（“{scope.partial}”）")
        elif (direction or rate) and base in ("other", "this"):
            self._unread(tok, "与本年、上年以外的年份（或上年的预算）比较")
        elif executed and tok.unit == "%" and not fact.startswith("department.staffing"):
            # "…支出分别为7.00万元、0.30万元、2.56万元，分别为年度预算的107.69%、60.00%、51.20%"
            claim = Claim("execution", tok, fact, column=executed[1], sentence=self.sentence, label=label,
                          of=self._level_of(fact))
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
            self._took_each(claim, tok)

    def _took_each(self, claim: Claim, tok: Token) -> None:
        """A figure after 分别为 read: it is the last claim, and an item of the 其中 list open, if one ("支出总额为3237.75
        万元，其中基本支出、项目支出分别为763.9万元、2473.85万元")."""
        self.out.claims.append(claim)
        self.each_claims.append(claim)
        lst = self.list
        if lst is not None and lst.depth == len(self.stack) and claim.kind in ("level", "count") \
                and lst.head.kind == claim.kind and _fits_list(tok, lst):
            lst.parts.append(claim)
        self.last_claim = claim
        if claim.money:
            self.last_money = claim
