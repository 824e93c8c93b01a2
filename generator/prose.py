"""Reading the figures a report states in running text: what each one is, of what, of which year.

"本部门2023年度收入主要包括财政拨款收入3237.75万元，较上年增加1066.5万元，增幅49.1%" states a
level (财政拨款收入 决算数), a change of that level against last year, and a rate of that change.
This module finds each figure and what it states; `checks/prose.py` compares them with the facts.

A figure is read by the words right before it (its lead), within its sentence:
  * a subject — a label from the vocabulary ("财政拨款收入"), only where it stands as a word of its
    own: "营业收入" (an industry's) and "专项项目支出" (one project's) are not the department's;
  * a year — "2022年为…", "上年…" (the prior year's figure) or the report year;
  * a column — 年初预算 / 调整预算（全年预算）/ 决算（全年执行）, 决算 by default;
  * a change or a rate — 较上年 / 比上年 / 同比 / 同比上年度 / 比上年同期 / 比增 / 增长 / 下降 /
    增加 / 减少 … against last year or a budget, 增幅 / 降幅 / 增长率 / 增速 …, and "与上年持平";
  * a share — "占……的…%".
A change or rate without a subject of its own belongs to the level before it — in the same
sentence, or in the sentence before ("收入792.22万元。同比上年度增加189.25万元，增加31.39%。").
Where the subject is unclear, a figure is left alone: saying nothing beats a false alarm.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .numbers import MONEY_UNITS, ascii_digits, plausible

CURRENCY = {"亿美元": Decimal(10000), "万美元": Decimal(1), "美元": Decimal("0.0001")}
COUNT_UNITS = ("人次", "家次", "个", "家", "项", "座", "件", "名", "户", "场", "批")
FIGURE = re.compile(r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*(亿元|万元|元|亿美元|万美元|美元|个百分点|%|％|"
                    + "|".join(COUNT_UNITS) + r")(?![0-9.])")
REFERENCE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
SENTENCE_END = "。！？!?\n"

# what a change is measured against, as a report words it
_BASE = (r"(?P<base>上年同期|上年度|上一年度?|上年|去年同期|去年|同期|年初预算数?|调整预算数?|全年预算数?|预算数?"
         r"|(?P<year>[0-9]{4})\s*年(?:度)?(?:同期)?)")
_UP = "增加|增长|提高|上升|超支|增"
_DOWN = "减少|下降|降低|节约|减"
# "较上年增加" "同比上年度增加" "比增" "增长" …, right before the figure
CHANGE = re.compile(r"(?P<cmp>同比|较|比|与)?\s*" + _BASE + r"?\s*(?P<word>" + _UP + "|" + _DOWN + r")了?\s*(?:为|达)?\s*$")
# "增幅" "降幅" "增长率" "增速" …, right before a percentage
RATE_WORD = re.compile(r"(?P<word>增幅|增长幅度|涨幅|增长率|增速|降幅|下降幅度|减幅|下降率|降速)\s*(?:为|达|是)?\s*$")
# a stated base: "比上年同期1821.6万元增长…" — the amount right after these words is last year's
BASE_STATED = re.compile(r"(?P<cmp>同比|较|比)\s*" + _BASE + r"\s*$")
# a prior-year figure stated with its own year: "2022年为1821.6万元", "上年为…"
YEAR_LEVEL = re.compile(r"^[\s，,、（(]*(?:(?P<year>[0-9]{4})\s*年(?:度|同期)?|(?P<prior>上年同期|上年度?|去年同期|去年))"
                        r"\s*(?:为|是|达|共|计)?\s*$")
FLAT = re.compile(r"(?P<cmp>与|和|同|较|比)\s*" + _BASE + r"\s*(?:相比)?\s*(?P<loose>基本|大致|大体)?持平")
SHARE = re.compile(r"占(?P<of>[^，。；]{1,14}?)(?:的)?(?:比重|比例|比)?\s*(?:为|达)?\s*$")
_COMPARED = re.compile(r"(?:同比|较上年|比上年|与上年相比|较上年同期|比上年同期)\s*$")
YEAR_MARK = re.compile(r"([0-9]{4})\s*年(?!\s*(?:末|底|初))|(上年度?|去年|上一年)|(本年度?|当年|今年)")


class Figure:
    """A number in a text, and what it states."""

    __slots__ = ("start", "end", "value", "unit", "sentence", "role", "fact", "column", "year", "against",
                 "of", "base", "change", "share_of", "lead", "flagged")

    def __init__(self, start: int, end: int, value: Decimal, unit: str, sentence: int, role: str = "other",
                 fact: str | None = None, column: str | None = None, year: int | None = None,
                 against: str | None = None, of: "Figure | None" = None, base: "Figure | None" = None,
                 change: "Figure | None" = None, share_of: str = "", lead: str = "", flagged: bool = False):
        self.start, self.end = start, end
        self.value = value              # signed where the words give a direction (a decrease is negative)
        self.unit, self.sentence = unit, sentence
        self.role = role                # level | change | rate | share | base | other
        self.fact = fact                # the subject: a dotted fact path (an amounts group or a single figure)
        self.column = column            # budget | adjusted | final | prior (a level or a stated base)
        self.year = year                # the year the figure is of, where the words say
        self.against = against          # change/rate: prior | budget | adjusted
        self.of = of                    # change/rate: the level it is a change of (stated before it)
        self.base = base                # rate: a stated base figure ("比上年同期1821.6万元")
        self.change = change            # rate: the stated change it is the rate of
        self.share_of = share_of        # share: the words after 占
        self.lead = lead
        self.flagged = flagged          # already reported wrong (so what is computed from it is not)

    def __repr__(self):
        return f"Figure({self.value}{self.unit} at {self.start}, {self.role}, fact={self.fact}, column={self.column})"

    @property
    def money(self) -> bool:
        return self.unit in MONEY_UNITS or self.unit in CURRENCY

    @property
    def percent(self) -> bool:
        return self.unit in ("%", "％")

    @property
    def wan(self) -> Decimal:
        return self.value * (MONEY_UNITS.get(self.unit) or CURRENCY.get(self.unit) or Decimal(1))


class Flat:
    """"与上年持平": a change of zero, stated without a figure."""

    __slots__ = ("start", "of", "against")

    def __init__(self, start: int, of: Figure | None, against: str):
        self.start, self.of, self.against = start, of, against


class Reading:
    __slots__ = ("figures", "flats")

    def __init__(self, figures: list | None = None, flats: list | None = None):
        self.figures = [] if figures is None else figures
        self.flats = [] if flats is None else flats


def against_of(base: str | None, year: str | None, report_year: int) -> str | None:
    """What a change is measured from: prior, budget or adjusted; None for another year."""
    if year:
        return "prior" if int(year) == report_year - 1 else None
    if not base or "上" in base or "去" in base or base == "同期":
        return "prior"
    if "调整" in base or "全年" in base:
        return "adjusted"
    return "budget"


def read(text: str, voc, report_year: int) -> Reading:
    """Every figure of one text, with what it states (see the module's docstring)."""
    text = REFERENCE.sub(lambda m: " " * len(m.group()), text)     # {{ 引用 }} are facts already
    text = ascii_digits(text)            # １９．８５万元 is 19.85万元; positions do not move
    out = Reading()
    sentence, sentence_start = 0, 0
    level: Figure | None = None            # the last level figure: what a change is a change of
    carried: Figure | None = None          # the last level of the sentence before
    change: Figure | None = None           # the last stated change: what a rate is the rate of
    base: Figure | None = None             # a stated last-year figure
    previous: Figure | None = None
    for m in FIGURE.finditer(text):
        cut = max(text.rfind(ch, 0, m.start()) for ch in SENTENCE_END)
        if cut >= sentence_start:           # a new sentence: what it says about is carried once
            _flats(text[sentence_start:cut + 1], sentence_start, level, report_year, out)
            sentence, sentence_start = sentence + 1, cut + 1
            carried, level, change, base, previous = level, None, None, None, None
        lead_start = previous.end if previous else sentence_start
        lead = text[lead_start:m.start()]
        value = Decimal(m.group(1))
        if not plausible(value):            # thirty digits are a slip, not a figure to check
            continue
        f = Figure(m.start(), m.end(), value, "%" if m.group(2) == "％" else m.group(2),
                   sentence, lead=lead)
        subject_lead = lead
        cm = CHANGE.search(lead)
        rm = RATE_WORD.search(lead) if f.percent else None
        bm = BASE_STATED.search(lead) if f.money else None
        if cm:
            subject_lead = lead[:cm.start()]
        elif rm:
            subject_lead = lead[:rm.start()]
        elif bm:
            subject_lead = lead[:bm.start()]
        subject_lead = _COMPARED.sub("", subject_lead)      # "收入同比增长率为…": the subject is 收入
        subject = voc.label(subject_lead) if subject_lead.strip() else None
        own = _level_for(subject, previous, carried, subject_lead)
        if f.unit == "个百分点":
            pass                                            # a difference of rates: not checked
        elif f.percent and (cm or rm):
            down = bool(cm and re.fullmatch(_DOWN, cm.group("word"))) or bool(rm and rm.group("word")[0] in "降减下")
            f.role, f.value = "rate", -f.value if down else f.value
            f.of = own
            f.fact = own.fact if own is not None else subject
            f.base = base if base is not None and base.of is own and own is not None else None
            f.change = change if change is not None and (change.of is own or change.fact == f.fact) else None
            if cm and cm.group("base"):
                f.against = against_of(cm.group("base"), cm.group("year"), report_year)
            elif f.base is not None:
                f.against = f.base.against
            elif f.change is not None:
                f.against = f.change.against
            else:
                f.against = "prior"
        elif f.percent:
            sm = SHARE.search(lead)
            if sm:
                f.role, f.share_of, f.of = "share", sm.group("of"), previous if previous and previous.money else None
        elif cm and (f.money or f.unit in COUNT_UNITS):
            down = bool(re.fullmatch(_DOWN, cm.group("word")))
            f.role, f.value = "change", -f.value if down else f.value
            f.against = against_of(cm.group("base"), cm.group("year"), report_year)
            f.of = own
            f.fact = own.fact if own is not None else subject     # "人员经费增加68.44万元": its own subject
            change = f
        elif bm and f.money and own is not None:
            f.role, f.of, f.fact = "base", own, own.fact
            f.against = against_of(bm.group("base"), bm.group("year"), report_year)
            f.column = "prior" if f.against == "prior" else f.against
            base = f
        elif f.money:
            ym = YEAR_LEVEL.match(lead) if subject is None else None
            if subject is not None:
                f.role, f.fact = "level", subject
                f.year = _year(text[sentence_start:m.start()], report_year, lead, subject_lead)
                f.column = _column(text[sentence_start:m.start()], voc) if f.year == report_year else \
                    ("prior" if f.year == report_year - 1 else None)
                level = f
            elif ym and (own or level or carried) is not None:
                anchor = level or carried
                f.role, f.fact, f.of = "base", anchor.fact, anchor
                year = int(ym.group("year")) if ym.group("year") else report_year - 1
                f.year, f.column = year, ("prior" if year == report_year - 1 else None)
                f.against = "prior"
                base = f
            elif previous is not None and previous.role == "level" and previous.fact:
                cm2 = re.fullmatch(r"[\s，,、]*(?:其中)?[，,]?\s*(" + voc.column_any.pattern + r")数?\s*(?:为|是)?\s*", lead)
                if cm2:          # "…收入1747.99万元，调整预算数7532.81万元，决算数7523.81万元"
                    f.role, f.fact, f.year = "level", previous.fact, previous.year
                    f.column = next(c for c, v in cm2.groupdict().items() if v)
                    level = f
        out.figures.append(f)
        previous = f
    _flats(text[sentence_start:], sentence_start, level, report_year, out)
    return out


def _level_for(subject, previous, carried, subject_lead: str) -> Figure | None:
    """The level a change or rate belongs to: the figure right before it (or the level that one
    is a change of); when the sentence opens with the change, the last level of the sentence
    before. A figure of an unknown subject in between means the subject is unknown."""
    if previous is None:
        return carried if subject is None and not subject_lead.strip(" ，,：:（(") else None
    own = previous if previous.role == "level" else previous.of if previous.role in ("change", "base", "rate", "share") \
        else None
    if subject is not None and (own is None or own.fact != subject):
        return None
    return own


def _year(before: str, report_year: int, lead: str, subject_lead: str) -> int | None:
    """The year a level is of: the last year named before it in its sentence (not the base of a
    comparison), else the report year."""
    year = report_year
    for m in YEAR_MARK.finditer(before):
        head = before[max(0, m.start() - 2):m.start()]
        if re.search(r"(较|比|与|同)\s*$", head):
            continue                                    # "较2022年": a base, not this figure's year
        if m.group(1):
            year = int(m.group(1))
        elif m.group(2):
            year = report_year - 1
        else:
            year = report_year
    return year


def _column(before: str, voc) -> str:
    """The column named nearest before the figure in its clause; 决算 when none is."""
    clause = before[before.rfind("；") + 1:]
    last = None
    for m in voc.column_any.finditer(clause):
        last = m
    if last is None:
        return "final"
    return next(c for c, v in last.groupdict().items() if v)


def _flats(sentence: str, offset: int, level: Figure | None, report_year: int, out: Reading) -> None:
    for m in FLAT.finditer(sentence):
        if m.group("loose"):
            continue             # "基本持平" is not a figure to check
        against = against_of(m.group("base"), m.group("year"), report_year)
        if against is not None:
            out.flats.append(Flat(offset + m.start(), level, against))
