"""What the words near a claim's figure say, for the checks: they ask these questions of a reading and never
read the text themselves (the reader is the one place that knows how a text is written). Each question looks
at a bounded stretch of the text: linear in its length, whatever it holds."""
from __future__ import annotations

import re

from .claim import OTHER_SUBJECT, WHOLE_IN_SHARE, Claim, Reading, TargetMention

# amounts that may be below zero: a change larger than one of them says nothing wrong
_MAY_BE_NEGATIVE = re.compile("利润|亏损|盈余|结余|差额|净|赤字|缺口|余额")
# a figure named as what another is compared with: "比上年累计支出220万元", "较2022年的…"
_BASE_WORDS = re.compile(r"(?:比|较|与)(?:上年|去年|上一年|同期|(?:19|20)[0-9]{2}\s?年)")
# a bracket right after a count saying which kinds of people it takes in ("（含编内人员+编外长期聘用人员）"; not
# "（含12名编外人员）", "（含附属医院）": one addition to what the file counts)
_MAKEUP = re.compile(r"[ \t\u3000]*[（(](?:含|包含|包括)[^）)，。]{0,30}?[+＋、和及与][^）)，。]{0,30}[）)]")
# words of a budget or a plan: the amounts after them are not the year's final
PLANNED = re.compile("(?<!完成)(?<!执行)预算|计划|安排|下达|批复")
_CLAUSE_MARKS = "，,。；;：:、"
_LOOK_BACK = 20


def clause_words(reading: Reading, c: Claim) -> str:
    """The words of the clause before a figure (at most 20 characters back)."""
    if c.figure is None:
        return ""
    before = reading.text[max(0, c.start - _LOOK_BACK):c.start]
    cut = max(before.rfind(ch) for ch in _CLAUSE_MARKS)
    return before[cut + 1:]


def may_be_negative(reading: Reading, c: Claim) -> bool:
    """Whether the amount is of a kind that may be below zero (利润, 结余, 差额…)."""
    return bool(_MAY_BE_NEGATIVE.search(clause_words(reading, c)))


def named_as_base(reading: Reading, c: Claim) -> bool:
    """Whether the figure is named as what another is compared with ("比上年累计支出220万元")."""
    return bool(_BASE_WORDS.search(clause_words(reading, c)))


def names_posts(reading: Reading, c: Claim) -> bool:
    """Whether the clause of a count speaks of posts (编制)."""
    return "编制" in clause_words(reading, c)


def income_and_spending(reading: Reading, parts: list) -> bool:
    """Whether some of the figures are named income and others spending (no total has both as parts)."""
    said = [clause_words(reading, p) for p in parts]
    return any("收入" in w for w in said) and any("支出" in w and "收入" not in w for w in said)


def makeup_after(reading: Reading, c: Claim) -> bool:
    """Whether a bracket right after the figure says which kinds of people it takes in
    ("期末实有人员60人（含编内人员+编外长期聘用人员）")."""
    return c.figure is not None and _MAKEUP.match(reading.text, c.figure.end) is not None


def figures_before(reading: Reading, c: Claim) -> list:
    """The figures (read or not) written before `c` in its sentence (at most 200 characters back)."""
    if c.figure is None:
        return []
    start = max(0, c.start - 200)
    ends = [reading.text.rfind(ch, start, c.start) for ch in "。！？!?\n"]
    start = max([start, *[e + 1 for e in ends if e >= 0]])
    figures = [u.figure for u in reading.unread] + [k.figure for k in reading.claims if k.figure is not None]
    return sorted({id(f): f for f in figures if start <= f.start < c.start}.values(), key=lambda f: f.start)


def list_follows(reading: Reading, c: Claim) -> bool:
    """Whether a 其中 list begins right after the figure ("…205人。其中，…")."""
    return c.figure is not None and "其中" in reading.text[c.figure.end:c.figure.end + 4]


def lists_between(reading: Reading, a: Claim, b: Claim) -> int:
    """How many times 其中 is written between two figures (a before b; 0 when either has none)."""
    if a.figure is None or b.figure is None or a.figure.end >= b.start:
        return 0
    return reading.text.count("其中", a.figure.end, b.start)


# ---- a performance target's figure, written right after its name or right before it ---------------------

# words between a target's name and a figure that make the figure a change, a share or a comparison
# (剩余 / 尚余 / 还有: what is left of it; 、: a figure after another item named beside it — "小型水库除险加固、中小河流
# 治理3个重点项目" — is that item's or all of theirs)
# (a negation: "“…达标”指标的目标值未考虑2个司法所…" says something else of the target, not its figure)
# (和 / 及 / 与: "农村危房改造和村镇建设的责任，指导全县15个乡镇…" — another item joined to it, and what follows
# is theirs together or the other's)
_RELATION = re.compile(r"增|减|降|涨|比|较|超|差|占|平均|同比|环比|翻|剩|余|还有|、|和|及|与|未|没有|不")
_TARGET_FIGURE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(亿元|万元|元|%|％|人次|家次|万亩|公顷|万平方米|平方米|平方公里|公里|千米|万吨|吨|"
                            r"个工作日|工作日|万人次|万册次|万次|万册|万件|万人|万卷|万户|场次|批次|户次|车次|台次|班次|课时|学时|小时|"
                            r"[个家座人项件次场名户亩篇批期天辆台套处所卷页张册份本])")
_OVER_YEARS = re.compile(r"累计|以来|期间|历年|十[三四五]五|[0-9一二三四五]年来|近[0-9一二三四五]年")
_PER_BEFORE = re.compile(r"(?:人均|户均|平均每?|每人|每户|每个)[\u4e00-\u9fff]{0,3}$")
_TARGETS_COUNTED = re.compile(r"\s*(?:目标|指标|未|没有|均|全部|已|都)")
_TARGET_BEFORE = re.compile(_TARGET_FIGURE.pattern + r"\s*$")
_SENTENCE_END = re.compile(r"[。；;]")


class TargetFigure:
    """A figure written beside a target's name: its digits and unit, where it is, and whether it follows the name
    (a figure before the name may be another's)."""

    __slots__ = ("digits", "unit", "start", "end", "after")

    def __init__(self, digits: str, unit: str, start: int, end: int, after: bool):
        self.digits, self.unit, self.start, self.end, self.after = digits, unit, start, end, after


def _clause_to(text: str, at: int) -> str:
    """The words of the clause before `at` (back to a ，；。 at most 24 characters away)."""
    start = max(0, at - 24)
    cut = max(text.rfind(ch, start, at) for ch in "，,；;。")
    return text[max(start, cut + 1):at]


def others_at(reading: Reading) -> frozenset:
    """Where the figures left unread as another subject's begin (asked once a text)."""
    return frozenset(u.figure.start for u in reading.unread
                     if u.figure is not None and u.why.startswith(OTHER_SUBJECT))


def reason_the_other_way(reading: Reading, c: Claim):
    """The figure of a change's reason, right after it in its sentence, of the same size in the other direction
    ("减少105.77万元，主要是经费拨款增加105.77万元"), as a token — or None."""
    if c.figure is None or not c.value:
        return None
    end = min(len(reading.text), c.figure.end + 60)
    stop = min((i for i in (reading.text.find(ch, c.figure.end, end) for ch in "。；;！？!?\n") if i >= 0), default=end)
    if reading.cues is None:
        return None
    cause = reading.cues.cause.search(reading.text, c.figure.end, stop)
    if cause is None or reading.text.find("，", c.figure.end, cause.start()) < 0 and cause.start() - c.figure.end > 2:
        return None
    for u in reading.unread:
        f = u.figure
        if f is not None and cause.end() <= f.start < stop and f.unit == c.unit and f.value == abs(c.value) \
                and _direction_before(reading, cause.end(), f.start) == (1 if c.value < 0 else -1):
            return f
    return None


def _direction_before(reading: Reading, start: int, at: int) -> int:
    """+1 when the words right before `at` (not before `start`) say up ("增加"), -1 down ("减少"), else 0; where both
    fit ("负增长"), the longer words tell."""
    text = reading.text
    up, down = (reading.cues.up_before.found(text, at), reading.cues.down_before.found(text, at))
    up, down = (m if m is not None and m.start() >= start else None for m in (up, down))
    if up is None or down is None:
        return 1 if up is not None else -1 if down is not None else 0
    return 1 if up.start() < down.start() else -1 if down.start() < up.start() else 0


def whole_in_share(reading: Reading, start: int, end: int):
    """The last amount written inside a share's words between `start` and `end` ("占一般公共预算支出7540.18万元的72%":
    the whole), as a token, or None."""
    return next((u.figure for u in reversed(reading.unread)
                 if u.why == WHOLE_IN_SHARE and start <= u.figure.start < end), None)


def _done_after(reading: Reading, at: int) -> re.Match | None:
    """"城镇新增就业目标600人，完成648人": the figure of what was done, right after a target's value (the
    vocabulary's `done` words), or None."""
    if reading.cues is None:
        return None
    words = reading.cues.done.match(reading.text, at, at + 12)
    return _TARGET_FIGURE.match(reading.text, words.end(), words.end() + 16) if words is not None else None


def target_figures(reading: Reading, m: TargetMention, others: frozenset = frozenset()) -> list[TargetFigure]:
    """The figures a target's name may be stated with: the first after it within its clause (not one its words
    make a change or a comparison: "进出口总额比上年增加1.46亿元", nor one read as another subject's: `others`, see
    others_at), and one right before it ("合计培训249人次")."""
    text, out = reading.text, []
    tail = text[m.end:m.end + 16]
    stop = _SENTENCE_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    after = _TARGET_FIGURE.search(tail)
    if after is not None and _PER_BEFORE.search(text, max(0, m.start - 8), m.start):
        after = None        # "专业统计人员5人，人均承担联网直报企业109家": an average, not the target's figure
    if after is not None and after.group(2) in ("项", "个", "条") and _TARGETS_COUNTED.match(tail, after.end()):
        after = None        # "“新增…龙头企业”1项未完成", "…达标1个目标未完成": a count of targets, not the target's figure
    rough = reading.cues.approximate if reading.cues is not None else None
    if after is not None and ((rough is not None and rough.match(tail, after.end()))
                              or _OVER_YEARS.search(_clause_to(text, m.start))):
        after = None        # "追回医保基金2500万元以上", "开展以来，累计追回…": a bound, or over several years — not this year's
    if after is not None and m.end + after.start() in others:
        after = None        # "…，指导全县15个乡镇": read as another subject's figure (the reader says whose)
    if after is not None and reading.cues is not None and reading.cues.came_from.at(text, m.end + after.start()):
        after = None        # "覆盖率由92.3%提高到97.6%": the figure after 由 is the year before's
    if after is not None and not _RELATION.search(tail, 0, after.start()):
        out.append(TargetFigure(after.group(1), after.group(2), m.end + after.start(), m.end + after.end(), True))
        done = _done_after(reading, m.end + after.end()) if "目标" in tail[:after.start()] else None
        if done is not None:
            out.append(TargetFigure(done.group(1), done.group(2), done.start(1), done.end(), True))
    at = max(0, m.start - 12)
    before = _TARGET_BEFORE.search(text[at:m.start])
    if before is not None:
        out.append(TargetFigure(before.group(1), before.group(2), at + before.start(), at + before.end(), False))
    return out
