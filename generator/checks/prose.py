"""The claims a text makes (see `derive/claims/`), checked against the facts and against each other.

A level against the fact it names (this year's column or last year's), a change against the two
figures it is the difference of, a growth rate against the change and its base, a share against its
whole, an execution rate against the budget column, a difference and a comparison against their two
figures, a 其中 list against its head, a headcount against the staffing facts. Every tolerance comes
from the precision written. A figure computed from one already reported wrong is not reported
again: one slip, one finding. A claim whose facts are not in the file is not checked.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..core.numbers import (
    cut_off,
    decimals,
    fmt,
    half_unit,
    parse_quantity,
    rate_fits,
    ratio_fits,
    round_to,
    same_figure,
    sum_consistent,
    transposed,
)
from ..derive.claims import Claim, read
from ..derive.claims.grammar import BODY_UNITS, BY_SOURCE, COMPONENTS, PEOPLE_UNITS, within
from ..derive.claims.nearby import (
    clause_words,
    figures_before,
    income_and_spending,
    list_follows,
    lists_between,
    makeup_after,
    may_be_negative,
    named_as_base,
    names_posts,
    others_at,
    reason_the_other_way,
    target_figures,
    whole_in_share,
)
from ..derive.claims.parts import PLAIN, WITH_CARRYOVER, source_key
from ..derive.claims.tokens import COUNTS, CURRENCY, MONEY, in_brackets
from ..derive.values import FactView
from ..derive.vocabulary import with_own_words
from ..model.facts import AMOUNT_PATHS, Report, fact_label
from ..model.findings import Document, Findings
from .text import iter_texts

_COLUMN_ZH = {"budget": "年初预算数", "adjusted": "调整预算数", "final": "决算数", "prior": "上年决算数",
              "prior_budget": "上年预算数", "plan": "预算数", "any": "预算数或决算数"}
_OP_ZH = {"<": "小于", ">": "大于", "=": "等于"}
# the organ itself, right before the words of its posts ("我局机关有编制18名", "局机关核定编制")
_OF_THE_ORGAN = re.compile("机关(?:本级)?(?:有|共有|现有|核定|核定了|的)?(?:行政|事业)?编制(?:人员|人数|数|名额)?(?:为|是|共|：|:)?$")
# the generic end of a word for a group of people ("退休人员" → 退休: "退休干部" is some of them)
_PEOPLE_WORD = re.compile("(?:人员|人数|干部|职工|工人|人)$")

# parts a total seldom has: a list without them still names every part
RARE = {"finance.expenditure.remit_upper", "finance.expenditure.operating", "finance.expenditure.subsidiary",
        "finance.expenditure.distribution",
        "finance.income.state_capital"}




def read_texts(report: Report, voc):
    """(path, text, reading) for every narrative text of the report."""
    dept = getattr(report, "department", None)
    names = tuple(n for n in [getattr(dept, "name", None), getattr(dept, "short_name", None),
                              *(getattr(dept, "plaques", None) or [])] if isinstance(n, str))
    targets = tuple((k, name) for k, t in enumerate(getattr(report, "targets", None) or [])
                    for name in [t.name, *(t.aliases or [])] if isinstance(name, str) and name)
    staffing = getattr(dept, "staffing", None)
    voc = with_own_words(voc, staffing)
    as_of = getattr(staffing, "as_of", None)
    # a budget written in its year counts its people at the end of the year before (see checks/text.py)
    counts_year = as_of.year if as_of is not None and as_of.year == report.year - 1 else None
    seen: set[str] = set()
    for path, raw in iter_texts(report):
        if path and path[0] in ("rubric", "template", "title"):
            continue
        # a text written twice is read twice: each reading carries its own check's marks
        # (a target's own fields name it: not a mention to check)
        yield path, raw, read(raw, voc, report.year, names, kept=raw not in seen,
                              targets=() if path and path[0] == "targets" else targets, counts_year=counts_year)
        seen.add(raw)


def check_prose(report: Report, doc: Document, view: FactView, texts: list, found: Findings,
                scores=None) -> dict:
    """Check the claims of every text (as read_texts gives them); return, for each text, the facts it states.
    `scores`: the derived scores, what a total score stated in the prose is checked against."""
    units = _table_units(report, doc, view, texts, found)
    reads = _Reads(view)
    ctx = Checker(report, reads, units, doc, found)
    ctx.scores = scores
    out = {}
    for path, text, reading in texts:
        reads.paths = set()
        ctx.path, ctx.text = path, text
        ctx.check(reading)
        _check_targets(report, text, reading, doc, path, found)
        out[path] = _stated(reading) | reads.paths | _references(text)
    return out


class _Reads:
    """The facts seen through while one text's claims are checked: a figure a printed text is
    checked against (an execution rate's 调整预算数, either column a bare 预算 may mean) is used by
    the report even where no table prints it (TEMPLATE-UNUSED, checks/template.py)."""

    def __init__(self, view: FactView):
        self.paths: set[str]
        self._view, self.paths = view, set()

    def value(self, path: str):
        self.paths.add(path)
        return self._view.value(path)

    def peek(self, path: str):
        """A figure looked at as a bound, not checked against: not a use of the fact."""
        return self._view.value(path)

    def __getattr__(self, name):
        return getattr(self._view, name)


def _stated(reading) -> set:
    """The facts a text states: each level's, and the figures a change or rate is made of."""
    out = set()
    for c in reading.claims:
        if not c.fact:
            continue
        fact = "finance.expenditure.current" if c.fact in BY_SOURCE else c.fact
        c = _Alias(c, fact)
        if c.kind in ("level", "prior") and c.column:
            out |= {f"{c.fact}.{col}" if c.fact in AMOUNT_PATHS else c.fact for col in _columns(c.column)}
        elif c.kind in ("change", "rate") and c.fact in AMOUNT_PATHS and not c.budget_base:
            out |= {f"{c.fact}.final"} | {f"{c.fact}.{col}" for col in _columns(c.against or "prior")}
        elif c.kind == "share" and c.whole:
            out.add(c.whole if c.whole not in AMOUNT_PATHS else f"{c.whole}.{c.column or 'final'}")
        elif c.kind == "count":
            out |= {p for f in (c.fact, *c.alts) for p in _HEADCOUNTS.get(f, (f,))}
    return out


# A headcount the words name, as the staffing facts it is counted from (Checker.count_candidates).
_HEADCOUNTS = {"department.staffing.actual": ("department.staffing.serving", "department.staffing.retired",
                                              "department.staffing.others"),
               "department.staffing.posts_total": ("department.staffing.posts_total", "department.staffing.posts")}


class _Alias:
    """A claim seen under another fact path (财政拨款支出 mentions 本年支出合计)."""

    def __init__(self, claim, fact):
        self._claim, self.fact = claim, fact

    def __getattr__(self, name):
        return getattr(self._claim, name)


def _references(text: str) -> set:
    from ..template.references import REFERENCE
    return {m.group(1) for m in REFERENCE.finditer(text)}


_ORDER = {"level": 0, "prior": 0, "count": 0, "sum": 1, "change": 2, "flat": 2, "rate": 3, "share": 3,
          "execution": 3, "difference": 3, "compare": 3, "margin": 3, "formula": 3, "score": 0}
MAX_PER_TEXT = 100       # findings from one text; the rest of a hostile text is not checked


# A figure this many times larger or smaller than the fact it is read as is not a slip of the pen (transposed
# digits change a figure less than five-fold; a slipped unit or decimal point exactly ten-fold, which is still
# reported): it is most likely another body's figure the reader took for the department's — say nothing.
FAR_OFF = 6


# the department's totals: no amount of it is larger than the largest of them
_WHOLES = ("finance.income.total", "finance.expenditure.total", "finance.income.current", "finance.expenditure.current")


def _places(c: Claim) -> int:
    """The places a computed percentage is shown with: those written (at least two)."""
    return max(2, decimals(c.value)) if c.value is not None else 2


def _cut_off_note(code: str, stated, computed) -> str:
    """"…与写明的 15.86% 不符。" says more when 15.86 is 15.866 cut off, not rounded: the writer's way, named."""
    if code not in ("PROSE-RATE", "PROSE-SHARE", "PROSE-EXECUTION") or stated is None or computed is None:
        return ""
    stated, computed = Decimal(stated), Decimal(computed)
    places = decimals(stated)
    if cut_off(computed, places) != stated:
        return ""
    rounded = abs(computed).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"（{fmt(abs(stated))}% 是截去尾数的结果，按四舍五入应为 {fmt(rounded)}%。）"


# a bracket right after an amount that says what it takes in besides ("（含上年结转35.20万元）")
_INCLUDES = re.compile(r"[ \t\u3000]*[（(](?:含|包括|包含)[^）)0-9]{0,12}([0-9]+(?:\.[0-9]+)?)[ \t\u3000]*(万元|元|亿元)[）)]")
# what stands before an item's name in a 其中 list ("其中：会议费…")
_ITEM_LEAD = re.compile(r"^[ \t\u3000]*(?:其中|包括|含)?[：:，,、 \t\u3000]*|(?:为|是|共|计|预算|预算数|支出)?[ \t\u3000]*$")
# the same, of no figure ("13,620,000.00元（含结转）"): it takes in carry-over, how much the text does not say
_CARRIED_IN = re.compile(r"[ \t\u3000]*[（(](?:含|包括|包含)[^）)0-9]{0,8}结(?:转|余)[^）)0-9]{0,6}[）)]")
# an amount said to be paid out already: the progress of what a whole was spent on, no part of it
# words that make a count of the people a department has (实有) one of those in service
_IN_SERVICE = re.compile("在职|在编|在岗")
# an amount said to be spent already, or actually: the year's final, whatever column the amounts beside it are in
_SPENT_NOW = re.compile("已(?:经)?(?:完成)?(?:支付|支出|使用)|实际(?:执行|支付|支出|使用)|完成支出")
_PAID_OUT = re.compile("已(?:经)?(?:拨付|支付|使用|支出|完成|下达|兑付|发放|报账)")


def _as_written(c: Claim, value: Decimal) -> bool:
    """Whether an amount stated is a value in 万元 restated (in the stated amount's unit, see same_figure)."""
    return c.unit in MONEY and same_figure(abs(c.value), value * MONEY["万元"] / MONEY[c.unit])


def _rate_within_rounding(rate: Decimal, amount: Decimal, half_amount: Decimal, change: Decimal,
                          half_change: Decimal) -> bool:
    """Whether a growth rate is the change ÷ (the amount − the change) for some figures within half a last digit of
    those written (the rate itself ± half its own last digit)."""
    rates = [(change + y) / (amount + x - change - y) * 100 for x in (-half_amount, half_amount)
             for y in (-half_change, half_change) if amount + x - change - y > 0]
    return bool(rates) and min(rates) - half_unit(rate) <= rate <= max(rates) + half_unit(rate)


def _rate_holds(stated: Decimal, computed: Decimal, current: Decimal | None, base: Decimal) -> bool:
    """A growth rate as written against the one computed (from a change as written, as written) or against the
    table's two figures, each ± half its last digit."""
    # (coarse or not by the two amounts, not by their difference: a small change of large amounts is well known)
    return rate_fits(computed, stated) or (current is not None and ratio_fits(
        current - base, base, stated, half_unit(base) + half_unit(current), half_unit(base),
        coarse=half_unit(current) > abs(current) / 200 or half_unit(base) > abs(base) / 200))


def _level_stated(c: Claim) -> bool:
    """Whether the amount a change (or a rate's change) is of is written in its sentence (not only the file's:
    "人均公用经费4.76万元，较上年增加0.76万元，增长19.00%" — the change may be another figure's than the fact's)."""
    level = c.of
    return level is not None and level.figure is not None and level.money and level.sentence == c.sentence


def _of_adjusted(c: Claim) -> bool:
    """A change against the 年初预算 right after a 全年预算 its sentence states ("全年预算为12.00万元，比年初预算增加…")."""
    return c.against == "budget" and _level_stated(c) and c.of.column == "adjusted" and not c.of.flagged


def far_off(stated: Decimal, fact: Decimal) -> bool:
    """Whether `stated` is too far from `fact` to be a mistake about it (see FAR_OFF)."""
    if not stated or not fact:
        return False
    big, small = max(stated, fact), min(stated, fact)
    if big < small * FAR_OFF:
        return False
    # 元 for 万元, a decimal point one place off: a slip, reported — the power of ten the ratio is near, or the next
    shift = (big / small).adjusted()
    for k in (shift, shift + 1):
        if 1 <= k <= 8 and same_figure(stated, fact * Decimal(10) ** k if stated > fact else fact / Decimal(10) ** k):
            return False
    return True


def _columns(column: str | None) -> list:
    """The columns a column word may mean: 预算 alone is 年初预算 or 调整后预算."""
    return ["budget", "adjusted"] if column == "plan" else ["budget", "adjusted", "final"] if column == "any" \
        else [column]


def _scale(from_unit: str, to_unit: str) -> Decimal:
    size = {**MONEY, "亿美元": Decimal(10000), "万美元": Decimal(1), "美元": Decimal("0.0001")}
    if from_unit in size and to_unit in size:
        return size[from_unit] / size[to_unit]
    return Decimal(1)


class Checker:
    """What the checks of one report share: its facts, the units its tables are really in, where
    findings go, and the text being checked. `explain` uses it too, to say what each claim was
    checked against."""

    def __init__(self, report, view: FactView | _Reads, units: dict, doc, found: Findings):
        self.report, self.view, self.units, self.doc, self.found = report, view, units, doc, found
        self.path, self.text = (), ""
        self.reading: Any = None               # the reading being checked (see check)
        self.verdicts: dict[int, str] = {}     # id(claim) → how it was checked (for explain)
        self.rates: dict = {}                  # id(change) → the rate stated with it (budget against last year)
        self.source = ""                       # the source of funds the claim being checked names
        self.wrong_priors: set = set()         # (fact, sentence) of each last year's figure reported wrong (this text)
        self._whole: Decimal | None = None     # the largest of the department's totals (万元), see _beyond_whole
        self.changes_read_as_prior: set = set()  # ids of "上年" figures that are the change (see _change_not_prior)
        self.scores: Any = None                # the derived scores (derive/values.py), for a total score stated

    # ---- facts ------------------------------------------------------------------------------------
    def fact(self, fact: str | None, column: str | None, unit: str, quiet: bool = False) -> Decimal | None:
        """A fact's value in `unit`: the column of an amounts row, or a single figure (this year). `quiet`: looked
        at without counting as a use of the fact (see _Reads.peek)."""
        if fact is None or unit in CURRENCY:
            return None
        if self.source and fact.startswith(("finance.income.", "finance.expenditure.")) and not self._all_from(
                self.source, "budget" if column == "prior_budget" else column if column in ("budget", "adjusted") else "final"):
            return None             # "一般公共预算基本支出": only the part paid from that source (in that column)
        if fact in BY_SOURCE:
            # 财政拨款支出 (一般公共预算财政拨款支出 …) is 本年支出合计 only when all income came from that source — in
            # that column: last year's split is last year's, not this year's
            if not self._all_from(BY_SOURCE[fact], self._split_column(BY_SOURCE[fact], column)):
                return None
            fact = "finance.expenditure.current"
        if fact in AMOUNT_PATHS:
            if column is None:
                return None
            path = f"{fact}.{column}"
        elif column in (None, "final"):
            path = fact
        else:
            return None
        value = (getattr(self.view, "peek", self.view.value) if quiet else self.view.value)(path)
        if value is None or unit not in MONEY:
            return None
        places = self.view.decimals
        if decimals(value) < places:
            # the file's "20" is 20.00 (finance.decimals): the text's figure is rounded, the file's is not
            value = value.quantize(Decimal(1).scaleb(-places))
        table = self.units.get(_section(path)) or self.view.unit(path)
        return value * MONEY[table] / MONEY[unit]

    def _split_column(self, source: str, column: str | None) -> str:
        """The column whose income tells how much of a year's spending came from a source: its own; for last year's,
        last year's where the file has that source's income then, else this year's (no better guess)."""
        if column in ("budget", "adjusted"):
            return column
        if column in ("prior", "prior_budget") and self.view.value(f"finance.income.{source_key(source)}.{column}") is not None:
            return column
        return "final"

    def _all_from(self, source: str, column: str = "final") -> bool:
        """Whether all of the department's income this year (in `column`) came from the source named."""
        key = source_key(source)
        part, whole = self.view.value(f"finance.income.{key}.{column}"), self.view.value(f"finance.income.current.{column}")
        # money carried over from last year was spent too, of whichever source: with any, the year's spending is
        # not all from this year's source ("一般公共预算财政拨款支出9746.50万元" beside 本年支出合计9759.38万元)
        carried = self.view.value(f"finance.income.carryover.{column}")
        if column not in ("final", "prior"):
            # a budget: its spending is all from the source when it is just that source's income (nothing carried over
            # is budgeted to be spent: "财政拨款支出预算1747.99万元" beside 财政拨款收入预算1747.99万元)
            spent = self.view.value(f"finance.expenditure.current.{column}")
            return part is not None and part == whole == spent and not carried
        return part is not None and whole is not None and part == whole and not carried

    def count_candidates(self, claim: Claim) -> list[tuple[str, Decimal]]:
        """(how, value) for each headcount the words may mean."""
        staffing = self.report.get("department.staffing")
        out = []
        for fact in (claim.fact, *claim.alts):
            if fact == "department.staffing.actual" and staffing is not None and staffing.serving is not None:
                out += self._actual_candidates(claim, staffing)
                continue
            if fact == "department.staffing.serving" and "在编" in (claim.label or "") + self._clause_of(claim) \
                    and staffing is not None \
                    and staffing.serving is not None and staffing.serving_includes:
                # "在职在编70人，临聘人员23人": the staff in posts — those in service less the others counted among them
                out.append(("在职人员中的在编人员（在职减去其中的编外人员）",
                            Decimal(staffing.serving - sum(p.count for p in staffing.serving_includes))))
            if fact == "department.staffing.retired" and "离退休" in (claim.label or "") and staffing is not None \
                    and staffing.retired is not None:
                # "离退休人员20人": the retired and those who left before retirement (离休), counted together
                left = sum(p.count for p in staffing.others or [] if p.kind and "离休" in p.kind)
                if left:
                    out.append(("退休 + 离休", Decimal(staffing.retired + left)))
            if fact == "department.staffing.posts" and claim.kind_text in ("机关事业编制", "行政事业编制"):
                # "核定我局机关事业编制24名": the posts of the 机关 and of its 事业 units together, or the 事业编制 of the
                # 机关 — the words read either way
                probe = Claim(claim.kind, claim.figure, "department.staffing.posts_total")
                v = self.count(probe)
                if v is not None:
                    out.append((self._count_named(probe, staffing), v))
            probe = Claim(claim.kind, claim.figure, fact, kind_text=claim.kind_text)
            v = self.count(probe)
            if v is not None:
                out.append((self._count_named(probe, staffing), v))
        return out

    def _actual_candidates(self, claim: Claim, staffing) -> list[tuple[str, Decimal]]:
        """(how, value) for each headcount the people a department has (实有) may be."""
        if _IN_SERVICE.search((claim.label or "") + self._clause_of(claim)):
            return [("在职", Decimal(staffing.serving))]       # "在编在职实有人数46人": those in service
        retired, others = staffing.retired or 0, sum(p.count for p in staffing.others or [])
        return [(how, Decimal(v)) for how, v in (
            ("在职 + 退休", staffing.serving + retired), ("在职 + 其他人员", staffing.serving + others),
            ("在职 + 退休 + 其他人员", staffing.serving + retired + others),
            # "实际财政供养人员44人，其中专业技术20人…", "编制人数45人，…年末实有人数44人": whether the people a
            # department has (or the state pays) count the retired too, documents differ — those in service may be all
            ("在职", staffing.serving))]

    def _count_named(self, probe: Claim, staffing) -> str:
        """How a headcount is named in a finding: a category of posts as the file names it (the text may write a
        shorter name of it), else the fact's label."""
        if probe.fact == "department.staffing.posts" and staffing is not None:
            rows = self._rows_meant(probe, staffing.posts or [])
            return rows[0].kind if len(rows) == 1 and rows[0].kind else probe.kind_text
        return self._label(probe.fact, None) if probe.fact else probe.kind_text

    def _sole_category(self, kind_text: str) -> bool:
        """Whether the department's posts are all of the category named: its people are all the department's."""
        staffing = self.report.get("department.staffing")
        kinds = [p.kind for p in (staffing.posts or [] if staffing is not None else []) if p.count]
        return len(kinds) == 1 and bool(kinds[0]) and (kinds[0] in kind_text or kind_text in kinds[0]
                                                       or kind_text[:2] == kinds[0][:2])

    def _clause_of(self, claim: Claim) -> str:
        """The words of the clause before a claim's figure."""
        return clause_words(self.reading, claim) if self.reading is not None and claim.figure is not None else ""

    def _rows_meant(self, claim: Claim, rows: list) -> list:
        """The rows of a staffing list a category's name may mean ("参照公务员法管理的事业编制人数1人": a category whose
        full name the clause writes, not the shorter one inside it)."""
        said = self._clause_of(claim) if claim.kind_text else ""
        longer = [p for p in rows if p.kind and p.kind != claim.kind_text and claim.kind_text in p.kind and p.kind in said]
        return longer if len(longer) == 1 else _rows_named(claim.kind_text, rows)

    def count(self, claim: Claim) -> Decimal | None:
        staffing = self.report.get("department.staffing")
        if staffing is None:
            return None
        if claim.fact in ("department.staffing.posts", "department.staffing.others"):
            # the other people: those beside the staff, or counted among the staff in service ("含临聘人员3人")
            rows = staffing.posts if claim.fact.endswith("posts") else \
                [*(staffing.others or []), *(staffing.serving_includes or [])]
            kinds = self._rows_meant(claim, rows or [])
            everyone = sum(p.count for p in staffing.others or [])
            if claim.fact.endswith("others") and claim.kind_text.startswith(("其他", "其它")) \
                    and len(staffing.others or []) > 1 and abs(claim.value) == everyone:
                # "年末其他人员2人" (the 决算's 基本数字表): all the people beside the staff, not the row named 其他人员
                return Decimal(everyone)
            return Decimal(kinds[0].count) if len(kinds) == 1 else None
        if claim.fact == "department.staffing.posts_total":
            if staffing.posts_total is not None:
                return Decimal(staffing.posts_total)
            return Decimal(sum(p.count for p in staffing.posts)) if staffing.posts else None
        value = self.report.get(claim.fact)
        return Decimal(value) if isinstance(value, int) and not isinstance(value, bool) else None

    def quote(self, c: Claim, before: int = 14, start: int | None = None) -> str:
        return self.text[max(0, (c.start if start is None else start) - before): c.figure.end]

    def error(self, code: str, c: Claim, message: str, at: int | None = None, **numbers) -> None:
        c.flagged = True
        if c.kind == "prior":
            self.wrong_priors.add((c.fact, c.sentence))
        message += _cut_off_note(code, numbers.get("stated"), numbers.get("computed"))
        self.verdicts[id(c)] = "不符：" + message
        self.reported += 1
        self.found.error(code, message, self.doc, self.path, c.start if at is None else at, **numbers)

    def ok(self, c: Claim, how: str) -> None:
        self.verdicts[id(c)] = "相符：" + how

    def skip(self, c: Claim, why: str) -> None:
        self.verdicts[id(c)] = "未核对：" + why

    # ---- claims -----------------------------------------------------------------------------------
    def check(self, reading) -> None:
        self.reported = 0
        self.claims, self.reading = reading.claims, reading
        self.lists: tuple | None = None         # see _lists
        self.by_sentence: dict[int, list] = {}  # this text's claims by sentence (most questions are of one or two)
        for claim in reading.claims:
            self.by_sentence.setdefault(claim.sentence, []).append(claim)
        # sentences with an amount far off its fact: another body's sentence (see far_off), none of it checked
        self.far: set = self._far_sentences(reading.claims)
        # the rate stated with each change of a budget against last year (a claim keeps no link back: no cycles)
        self.rates = {id(c.change): c for c in reading.claims if c.kind == "rate" and c.budget_base and c.change is not None}
        self._prior_shown: bool | None = None       # see prior_shown, asked only of a budget's change or rate
        self._adjusted: bool | None = None          # see _adjusted_in_year
        self._implied_amounts: dict[int, list] = {}   # see _peers_column
        self._budget_heads: dict[int, list] = {}      # see _budget_head_before
        self._list_of: dict[int, Claim] | None = None  # see _lists_of
        self.wrong_priors = set()
        # the base each change matched, when none was named: its rate is measured on the same one
        self.change_base: dict[int, str] = {}
        self.restated: set[int] = set()         # amounts with no column word that restate a budget (_said_before)
        self.columns_said: dict | None = None   # the amounts said with a column, by fact and figure (_said_before)
        # a list's parts first, then the list, then its head; then what is computed from them
        for c in sorted(reading.claims, key=lambda c: 1.5 if c.head and c.kind in ("level", "prior") else _ORDER[c.kind]):
            if self.reported >= MAX_PER_TEXT:
                # a text this wrong is not a report; the first findings say what to fix
                self.skip(c, f"同一段文字已报出 {MAX_PER_TEXT} 个问题，其余不再核对")
                continue
            self.source = c.source
            if c.sentence in self.far:
                self.skip(c, "这一句中有金额与事实相差好几倍：这一句说的多半不是本部门的")
                continue
            self._either_way(c) if c.twoway else getattr(self, "_" + c.kind)(c)
        self._swapped_digits(reading.claims)

    # ---- a figure left unchecked that is a fact's figure with two digits swapped ---------------------
    def _swapped_digits(self, claims: list) -> None:
        """A figure left unchecked (its column, year or subject not certain) that is one of its fact's figures — in
        any column — with two digits swapped ("1774.99" for the 年初预算 1747.99) is that figure miscopied: a
        coincidence of three digits or more is one in hundreds, so the doubt that kept the claim unchecked does not
        hold."""
        for c in claims:
            verdict = self.verdicts.get(id(c), "未核对：")
            if c.flagged or not verdict.startswith("未核对") or c.fact is None or self.reported >= MAX_PER_TEXT:
                continue
            # (any source: a figure of the line two digits off is miscopied, whichever part of it was meant)
            self.source = ""
            found = next(((how, v) for how, v in self._figures_of(c) if transposed(abs(c.value), v)), None)
            if found is None:
                continue
            how, value = found
            code = {"level": "PROSE-PRIOR" if c.column in ("prior", "prior_budget") else "PROSE-FACT",
                    "prior": "PROSE-PRIOR", "change": "PROSE-CHANGE", "rate": "PROSE-RATE", "count": "PROSE-COUNT",
                    "execution": "PROSE-EXECUTION"}[c.kind]
            unit = "%" if c.kind in ("rate", "execution") else c.unit
            self.error(code, c, f"正文“…{self.quote(c)}”与事实不符：{how} 为 {fmt(value)}{unit}，写的 "
                       f"{fmt(abs(c.value))}{unit} 与它只差两位数字的次序，多半是写颠倒了。",
                       stated=abs(c.value), fact=value)

    def _figures_of(self, c: Claim) -> list[tuple[str, Decimal]]:
        """(what, value) for each figure of a claim's fact (and the facts its words may name) that it may restate:
        an amount, any column; a change, any column against last year or the year's budget; a rate, those changes
        on their base, to the places written."""
        if c.kind == "count":
            return self.count_candidates(c)
        if c.kind not in ("level", "prior", "change", "rate", "execution") or c.unit in CURRENCY:
            return []
        out = []
        # (spending by a source of funds: the year's spending, whichever part of it the source paid)
        for fact in (c.fact, *c.alts, *(["finance.expenditure.current"] if c.fact in BY_SOURCE else [])):
            cols = {col: v for col in ("budget", "adjusted", "final", "prior", "prior_budget")
                    if (v := self.fact(fact, col, "万元" if c.kind in ("rate", "execution") else c.unit, quiet=True))
                    is not None}
            if c.kind in ("level", "prior"):
                out += [(self._label(fact, col), v) for col, v in cols.items()]
                continue
            if c.kind == "execution":
                out += [(f"{fact_label(fact, self.report)} 决算数 ÷ {_COLUMN_ZH[col]}",
                         (cols["final"] / v * 100).quantize(Decimal(1).scaleb(-decimals(c.value)), ROUND_HALF_UP))
                        for col, v in cols.items() if col in ("budget", "adjusted") and v and "final" in cols]
                continue
            for now, base in (("final", "prior"), ("budget", "prior_budget"), ("budget", "prior"), ("adjusted", "budget"),
                              ("final", "budget"), ("final", "adjusted")):
                if now not in cols or base not in cols:
                    continue
                delta = cols[now] - cols[base]
                how = f"{fact_label(fact, self.report)} {_COLUMN_ZH.get(now, now)}比{_COLUMN_ZH.get(base, base)}"
                if c.kind == "change":
                    out.append((how + "的增减额", abs(delta)))
                elif cols[base]:
                    rate = abs(delta) / cols[base] * 100
                    out.append((how + "的增减幅度", rate.quantize(Decimal(1).scaleb(-decimals(c.value)), ROUND_HALF_UP)))
        return out

    def _either_way(self, c: Claim) -> None:
        """"减少（增加）2.80万元", "下降（增长）27.78%": a form's words for either direction, of which the writer kept
        both — only the size is said, so the figure is wrong only when it holds in neither direction (then what the
        first reading found is reported)."""
        check = getattr(self, "_" + c.kind)
        before = self._state(c)
        check(c)
        if len(self.found) == before[0]:
            return
        first, found = self._state(c), self.found[before[0]:]
        self._restore(before)
        c.value = -c.value
        check(c)
        c.value = -c.value
        if len(self.found) > before[0]:
            self.found[before[0]:] = found
            self._restore(first)

    def _state(self, c: Claim) -> tuple:
        """What checking a claim may change, to check it twice (_either_way): the findings (only ever added to),
        the counts behind their limits, and the verdicts and marks of the claims of its sentence."""
        near = self.by_sentence.get(c.sentence, [c])
        return (len(self.found), Counter(self.found._seen), self.reported, set(self.wrong_priors),
                dict(self.change_base), [(k, k.flagged, self.verdicts.get(id(k))) for k in near])

    def _restore(self, state: tuple) -> None:
        size, seen, self.reported, self.wrong_priors, self.change_base, near = state
        del self.found[size:]
        self.found._seen = seen
        for k, flagged, verdict in near:
            k.flagged = flagged
            if verdict is None:
                self.verdicts.pop(id(k), None)
            else:
                self.verdicts[id(k)] = verdict

    def _label(self, fact: str, column: str | None) -> str:
        if fact == "scores.total":
            return "部门整体的自评总分"
        if fact in BY_SOURCE:
            fact = "finance.expenditure.current"
        if fact in AMOUNT_PATHS and column in ("plan", "any"):
            # 预算 alone (年初 or 调整), or a figure that may be either column: no column of the file by that name
            return f"{fact_label(fact, self.report)} {_COLUMN_ZH[column]}"
        return fact_label(f"{fact}.{column}" if fact in AMOUNT_PATHS and column else fact, self.report)

    def _level(self, c: Claim) -> None:
        if c.flagged and not c.summed:
            return                      # already reported
        known, twin = self._known_or_twin(c)
        label = self._label(c.fact, c.column)
        executed = self._budget_word_for_final(c)
        if executed is not None:
            return self._level_as_executed(c, executed)
        peers = self._peers_column(c)
        if peers is not None:
            return self._level_in_peers_column(c, *peers)
        if not known:
            return self.skip(c, f"事实文件没有 {label}")
        if self._exactly_another_column(c, known):
            return None
        if self._final_by_its_change(c):
            return None
        matched = self._matched_figure(c, known)
        if matched is not None:
            f, col, value = matched
            return self.ok(c, f"{self._label(f, col)} = {fmt(value)}{c.unit}")
        budget_too = self._budget_with_its_parts(c)
        if budget_too:
            return self.ok(c, budget_too)
        if self._with_what_it_includes(c, known):
            return None
        if self._no_budget_column(c, twin):
            return None
        fact, col, value = _nearest(abs(c.value), known)
        label = self._label(fact, col) + ("（本年预算没有结转，按这一来源安排的支出即其收入）" if twin else "")
        said = self._said_before(c)
        if said is not None:
            self.restated.add(id(c))
            return self.ok(c, f"前面已写明它是{self._label(c.fact, said)}（{fmt(abs(c.value))}{c.unit}），这里再说一次")
        if col == "prior" and self._change_not_prior(c, value):
            self.changes_read_as_prior.add(id(c))      # not a base for the rate after it
            return self.ok(c, "是增减额（省略了“增加”“减少”）：决算数 − 上年决算数")
        whole = self._whole_written(c) if far_off(abs(c.value), value) else None
        if whole is not None:
            return self.error("PROSE-FACT" if c.kind == "level" else "PROSE-PRIOR", c,
                              f"正文“…{self.quote(c)}”与事实不符：{label} 为 {fmt(value)}{c.unit}，写的 "
                              f"{fmt(abs(c.value))}{c.unit} 是{whole}。", stated=abs(c.value), fact=value,
                              about=f"正文“…{self.quote(c, 8)}”")
        if far_off(abs(c.value), value):
            return self.skip(c, f"与 {label} {fmt(value)}{c.unit} 相差好几倍：说的多半不是本部门的这一项")
        owner = self._base_of_another_amount(c)
        if owner is not None:
            return self.skip(c, f"写明的基数和其后的增减额合的是前面的 {fmt(abs(owner.value))}{owner.unit}：说的是它的上年数")
        listed = self._column_of_its_parts(c)
        if listed:
            return self.ok(c, f"其中各项写明是{_COLUMN_ZH[listed]}：{self._label(c.fact, listed)} = {fmt(abs(c.value))}{c.unit}")
        whole_col = self._whole_if_all_from_source(c)
        if whole_col:
            return self.skip(c, f"是本年支出合计的{_COLUMN_ZH[whole_col]}：写的是全部支出，不只这一来源的部分")
        path = f"{fact}.{col}" if fact in AMOUNT_PATHS else fact
        last = next((lc for lf, lc, v in self._last_years_too(c) if lf == fact and same_figure(abs(c.value), v)), None)
        note = f"写的是{_COLUMN_ZH[last]}" if last else f"差 {fmt(abs(c.value) - value)}"
        self.error("PROSE-PRIOR" if col in ("prior", "prior_budget") else "PROSE-FACT", c,
                   f"正文“…{self.quote(c)}”与事实不符：{label} 为 {fmt(value)}{c.unit}（{note}）。",
                   stated=abs(c.value), fact=value, uses={path}, about=f"正文“…{self.quote(c, 8)}”")

    _prior = _level

    def _direction_contradicted(self, c: Claim) -> bool:
        """A change whose direction its own sentence contradicts, whatever the file holds (reported: True): the reason
        given right after it is a change of the same size the other way ("减少105.77万元，主要是经费拨款增加105.77万元"), or
        the changes of its parts stated after it add up to it exactly the other way ("支出较去年减少27.18万元，主要是基本支出
        增加27.18万元，项目支出增加0万元")."""
        if not c.value or c.twoway:
            return False
        word, other = ("增加", "减少") if c.value > 0 else ("减少", "增加")
        reason = reason_the_other_way(self.reading, c)
        if reason is not None:
            self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 8):reason.end]}”：写明{word} {fmt(abs(c.value))}"
                       f"{c.unit}，所说的原因却是同样多的{other}：增减的方向写反了。", stated=c.value, computed=-c.value)
            return True
        total = self._parts_change_other_way(c)
        if total is None:
            return False
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：写明{word} {fmt(abs(c.value))}{c.unit}，其后所列各部分的"
                   f"增减合计却是{other} {fmt(abs(total) / MONEY[c.unit])}{c.unit}：增减的方向写反了（或是各部分的方向写反了）。",
                   stated=c.value, computed=total / MONEY[c.unit])
        return True

    def _parts_change_other_way(self, c: Claim) -> Decimal | None:
        """The sum (万元) of the changes of a change's parts stated after it in its sentence, where it is the change
        exactly the other way; else None."""
        parts = [p for p in self._sentences(c.sentence) if p.kind == "change" and p.start > c.start and p.fact is not None
                 and p.fact != c.fact and within(c.fact, p.fact) and p.money and not p.twoway]
        if not parts or any(within(a.fact, b.fact) for a in parts for b in parts if a is not b):
            return None
        total = sum((p.value * MONEY[p.unit] for p in parts), Decimal(0))
        whole = c.value * MONEY[c.unit]
        slack = half_unit(c.value) * MONEY[c.unit] + sum((half_unit(p.value) * MONEY[p.unit] for p in parts), Decimal(0))
        return total if abs(total + whole) <= slack < abs(total - whole) else None

    def _change_of_another_amount(self, c: Claim) -> bool:
        """Whether last year's figure stated before a change fits, with it, an earlier amount (see below)."""
        return any(p.kind == "prior" and p.start < c.start and self._base_of_another_amount(p) is not None
                   for p in self._sentences(c.sentence))

    def _base_of_another_amount(self, c: Claim) -> Claim | None:
        """"总支出为19.85万元，主要是…15.48万元，接待费4.37万元，比去年14.20万元增加5.65万元": last year's figure and the
        change after it fit an earlier amount of the sentence (19.85 − 14.20 = 5.65), not the one right before — the
        base is that amount's, whatever name the words before it carried. The earlier amount, or None."""
        if c.kind != "prior" or c.figure is None:
            return None
        here = self._sentences(c.sentence)
        change = next((p for p in here if p.kind == "change" and p.figure is not None and p.start > c.start), None)
        levels = [p for p in here if p.kind == "level" and p.figure is not None and p.start < c.start
                  and p.unit == c.unit == (change.unit if change is not None else "")]
        if change is None or len(levels) < 2:
            return None

        def fits(level: Claim) -> bool:
            return sum_consistent(change.value, [abs(level.value), -abs(c.value)])
        return next((p for p in levels[:-1] if fits(p)), None) if not fits(levels[-1]) else None

    def _final_by_its_change(self, c: Claim) -> bool:
        """"基本支出总额 733.50万元，与2022年度相比增加了30.85万元": an amount of no column word whose change from last
        year, stated right after it, is exactly the final's (731.25 − 700.40) is the final — another column's figure
        in its place is wrong (reported: True)."""
        if c.kind != "level" or not c.implied or c.fact is None or c.figure is None or not c.money:
            return False
        final, prior = self.fact(c.fact, "final", c.unit, quiet=True), self.fact(c.fact, "prior", c.unit, quiet=True)
        if final is None or prior is None or final == prior or any(
                same_figure(abs(c.value), v) for f in (c.fact, *c.alts)
                if (v := self.fact(f, "final", c.unit, quiet=True)) is not None):
            return False        # (the final of another fact its words may name: "收入合计" of 本年收入合计 or 收入总计)
        change = next((x for x in self._sentences(c.sentence) if x.kind == "change" and x.of is c and x.figure is not None
                       and x.against in (None, "prior") and not x.twoway), None)
        if change is None or change.value != final - prior or same_figure(abs(change.value), abs(c.value) - prior) \
                or decimals(change.value) < 2:
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：其后的增减额 {fmt(change.value)}{c.unit} 正是"
                   f"{self._label(c.fact, 'final')} {fmt(final)} − 上年决算数 {fmt(prior)}，说的是决算数，应为 "
                   f"{fmt(final)}{c.unit}。", stated=abs(c.value), fact=final, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _matched_figure(self, c: Claim, known: list) -> tuple | None:
        """The figure of the file an amount restates: of its column, or another its words may mean — not one written
        coarser that it agrees with only by rounding, where its own column has a figure as fine ("公务接待费2.9976万元"
        beside 决算数 2.9967 and 年初预算数 3.00)."""
        both = self._both_sides(c)
        if both:
            # "收、支总计均为7532.81万元": the figure of both sides in one column, not of one side in a column where the
            # other side's differs
            for col in ("final", "adjusted", "budget"):
                values = [self.fact(f, col, c.unit, quiet=True) for f in both]
                if all(v is not None and same_figure(abs(c.value), v) for v in values):
                    return both[0], col, values[0]
            return None
        fine = decimals(abs(c.value))
        own_fine = any(decimals(v) >= fine for _, _, v in known)
        for f, col, value in itertools.chain(known, self._budget_too(c), self._total_as_current(c), self._prior_budget_too(c)):
            if same_figure(abs(c.value), value) and not (own_fine and fine > 2 and decimals(value) < fine):
                return f, col, value
        return None

    def _column_of_its_parts(self, c: Claim) -> str:
        """"我单位支出1174.50万元，较上年增长45.60万元。其中，基本支出预算700.30万元…": the head of a list whose items
        say they are budgets is a budget too — the column its figure is, where it is ("" otherwise)."""
        if not (c.implied and c.column == "final"):
            return ""
        parts = [p for p in self._sentences(c.sentence, c.sentence + 1) if p.kind == "level" and p.start > c.start
                 and p.fact is not None and c.fact is not None and p.fact != c.fact and within(c.fact, p.fact)
                 and p.column in ("budget", "adjusted", "plan") and not p.implied]
        if not parts or "其中" not in self.text[c.start:parts[0].start]:
            return ""
        return next((col for col in ("budget", "adjusted") if (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None
                     and same_figure(abs(c.value), v)), "")

    def _whole_if_all_from_source(self, c: Claim) -> str:
        """"财政拨款支出预算7540.18万元" where the year's spending in the 调整预算 column was not all from this year's fiscal
        income (some was carried over): the writer counts all of it as the source's — the column whose whole figure the
        amount is ("" when none)."""
        if c.fact not in BY_SOURCE and not c.source:
            return ""
        source, self.source = self.source, ""
        try:
            values = [(col, self.fact("finance.expenditure.current", col, c.unit, quiet=True)) for col in _columns(c.column)]
        finally:
            self.source = source
        for col, v in values:
            if v is not None and same_figure(abs(c.value), v):
                return col
        return ""

    def _known_or_twin(self, c: Claim) -> tuple[list, str]:
        """The figures an amount's words may mean (see _known), or its twin's: "一般公共预算拨款支出预算55,341万元" in a
        budget with no carry-over is that source's income (the twin's fact, or "")."""
        known = self._known(c)
        twin = "" if known else self._budget_twin(c)
        if twin:
            known = [(twin, col, v * MONEY["万元"] / MONEY[c.unit]) for col in _columns(c.column)
                     if col in ("budget", "adjusted") and (v := self._unsourced(twin, col)) is not None]
        return known, twin

    def _no_budget_column(self, c: Claim, twin: str) -> bool:
        """"支出包括：…、结转下年 0 万元" of a budget: 预算 is 年初 or 调整, and the file has no 年初 — the one a budget's
        text most often means: not checked (True)."""
        if c.column != "plan" or twin or self.fact(c.fact, "budget", c.unit, quiet=True) is not None:
            return False
        self.skip(c, f"事实文件没有 {self._label(c.fact, 'budget')}，写的“预算”可能是它")
        return True

    def _exactly_another_column(self, c: Claim, known: list) -> bool:
        """"“三公经费”本年预算数8.9967万元" where the file has 预算数 9 and 决算数 8.9967: an amount more precise than the
        file's figure of its column, which it agrees with only by rounding, and exactly another column's figure of the
        same fact — that column's, written for this one (reported: True)."""
        if c.kind != "level" or c.implied or c.fact is None or c.fact not in AMOUNT_PATHS:
            return False
        stated = abs(c.value)
        near = [(f, col, v) for f, col, v in known if same_figure(stated, v)]
        if not near or any(v == stated or decimals(stated) <= decimals(v) for _, _, v in near):
            return False
        f, col, value = near[0]
        other = next((o for o in ("final", "adjusted", "budget") if o != col and o not in _columns(c.column)
                      and self.fact(c.fact, o, c.unit, quiet=True) == stated), None)
        if other is None:
            return False
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{self._label(f, col)} 为 {fmt(value)}{c.unit}"
                   f"（写的是{_COLUMN_ZH[other]} {fmt(stated)}）。", stated=stated, fact=value,
                   uses={f"{f}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")
        return True

    def _peers_column(self, c: Claim) -> tuple[str, bool] | None:
        """"按支出用途分类，包括人员支出620.30万元，日常公用支出80.00万元，项目支出474.20万元" (a budget's page, its
        column named in a heading): amounts of no column word side by side, each exactly its own fact's 年初预算数
        (or 调整预算数) and not its 决算数 — the sentence is in that column. Two such amounts show it; with three or
        more, all but one: the odd one is a slip. The column and whether the amount is shown to be in it, or None."""
        # (a line paid from one source — "一般公共预算财政拨款支出2903.60万元" — is one of them: see fact)
        if not (c.implied and c.column == "final") or (c.fact not in AMOUNT_PATHS and c.fact not in BY_SOURCE) \
                or c.unit not in MONEY or c.head:
            return None
        if _SPENT_NOW.search(clause_words(self.reading, c)):
            return None         # "…（其中基本支出781.25万元…），分配进度100%，已完成支出3237.75万元": spent, the final
        side = self._implied_amounts.get(c.sentence)
        if side is None:        # (once a sentence: a sentence of thousands of amounts is not searched for each)
            # (a head that is itself an item of a list — "其中人员经费653.60万元（住房公积金…），公用经费42.00万元" — is
            # one of the amounts side by side)
            side = self._implied_amounts[c.sentence] = [
                p for p in self._sentences(c.sentence) if p.kind == "level" and p.implied and p.column == "final"
                and (p.fact in AMOUNT_PATHS or p.fact in BY_SOURCE) and p.unit in MONEY and p.figure is not None
                and (not p.head or id(p) in self._lists_of())]
            if len({p.fact for p in side}) < len(side):
                side[:] = []        # (one fact twice: not one list of the lines)
        for col in ("budget", "adjusted"):
            shown = [p for p in side if self._only_in(p, col)]
            if len(side) >= 2 and (len(shown) == len(side) or (len(shown) >= 2 and len(shown) == len(side) - 1)):
                return col, len(shown) >= 2 and c not in shown
        return self._head_in_budget(c)

    def _lists_of(self) -> dict:
        """The 其中 list (its sum claim) each part is of, by the part's id (made once a text)."""
        if self._list_of is None:
            self._list_of = {id(p): s for s in self.claims if s.kind == "sum" for p in s.parts}
        return self._list_of

    def _head_in_budget(self, c: Claim) -> tuple[str, bool] | None:
        """"一般公共预算财政拨款收入1747.99万元，一般公共预算财政拨款支出1747.99万元。其中：基本支出695.60万元…；项目支出
        1025.39万元": an item of a 其中 list whose head's sentence is in a budget column (see _peers_column) is in it
        too — an item that is not its fact's figure there, while another item is, is the slip."""
        budget_head = self._budget_head_before(c)
        if budget_head is not None and self.fact(c.fact, "final", c.unit, quiet=True) not in (None, abs(c.value)):
            # "本年收入预算合计1174.50万元，其中：…上年结转资金0万元": an item of no column word under a head its words
            # name a budget is that budget's item — not its fact's 决算数 (checked where the file has the column)
            return ("budget" if budget_head.column == "plan" else budget_head.column), False
        lst = self._lists_of().get(id(c))
        head = lst.of if lst is not None else None
        if lst is None or head is None or head.sentence == c.sentence or not (head.implied and head.column == "final"):
            return None
        up = self._peers_column_of_sentence(head)
        if up is None or up[1]:
            return None
        others = [p for p in lst.parts if p is not c and p.fact in AMOUNT_PATHS and p.figure is not None]
        return up[0], any(self._only_in(p, up[0]) for p in others)

    def _budget_head_before(self, c: Claim) -> Claim | None:
        """The amount its words name a budget (年初预算, 调整预算) that opens a 其中 list the claim is in, in its sentence."""
        heads = self._budget_heads.get(c.sentence)
        if heads is None:       # (once a sentence: a sentence of thousands of amounts is not searched for each)
            heads = self._budget_heads[c.sentence] = [
                p for p in self._sentences(c.sentence) if p.kind == "level" and not p.implied and p.figure is not None
                and p.column in ("budget", "adjusted", "plan") and p.fact is not None
                and "其中" in self.text[p.figure.end:p.figure.end + 8]]
        side = (c.fact or "").split(".")[:2]
        return next((p for p in reversed(heads) if p.start < c.start and p.fact.split(".")[:2] == side), None)

    def _peers_column_of_sentence(self, c: Claim) -> tuple[str, bool] | None:
        """_peers_column of an amount from its sentence's amounts alone."""
        side = [p for p in self._sentences(c.sentence) if p.kind == "level" and p.implied and p.column == "final"
                and (p.fact in AMOUNT_PATHS or p.fact in BY_SOURCE) and p.unit in MONEY and p.figure is not None]
        if len(side) < 2 or c not in side:
            return None
        for col in ("budget", "adjusted"):
            shown = [p for p in side if self._only_in(p, col)]
            if len(shown) == len(side):
                return col, False
        return None

    def _unsure_last_year_of_budget(self, of: Claim, now: Decimal | None, bases: list) -> str:
        """Why the change of a budget (see _of_budget_peers) cannot be checked against last year's figures the file has
        (`bases`), or ""."""
        if now is None or not bases:
            return "写明的本年数是预算数：事实文件没有上年的数"
        if all(k != "prior_budget" for k, _ in bases):
            # "一般公共预算财政拨款支出2903.60万元，比2022年增加253.30万元" (a budget's page): a budget is measured from last
            # year's budget as often as from its final — with only the final in the file, the base is not certain
            return "写明的本年数是预算数，事实文件只有上年决算数：比较的基数可能是上年预算数"
        peek = getattr(self.view, "peek", self.view.value)
        if len(bases) < sum(peek(f"{of.fact}.{k}") is not None for k in ("prior_budget", "prior")):
            # "一般公共预算财政拨款支出…。其中：基本支出…，比2022年减少35.51万元": last year's final of the line is in the
            # file, but not how much of it was from that source — it may be the base meant
            return "事实文件有上年决算数，但不知其中这一来源的部分：比较的基数不确定"
        return ""

    def _of_budget_peers(self, c: Claim) -> bool:
        """"一般公共预算财政拨款支出1747.99万元，比2022年增加27.18万元。其中：基本支出695.60万元，比2022年增加27.18万元":
        a change (or rate) of an amount its sentence shows to be in a budget column (see _peers_column) — this year's
        budget against last year's, its budget or its final (the file's, either holding is no contradiction).
        Checked (True) or not."""
        of = c.of
        if of is None or of.figure is None or of.flagged or c.against not in (None, "prior") or c.base is not None:
            return False
        peers = self._peers_column(of)
        if peers is None or peers[1]:
            return False
        now = self.fact(of.fact, peers[0], c.unit if c.kind == "change" else "万元")
        bases = [(k, v) for k in ("prior_budget", "prior")
                 if (v := self.fact(of.fact, k, c.unit if c.kind == "change" else "万元", quiet=True)) is not None]
        unsure = self._unsure_last_year_of_budget(of, now, bases)
        if unsure or now is None:
            self.skip(c, unsure)
            return True
        if c.kind == "change":
            fits = [(k, v) for k, v in bases if sum_consistent(c.value, [now, -v])]
            computed = [now - v for _, v in bases]
        else:
            fits = [(k, v) for k, v in bases if v and rate_fits((now - v) / v * 100, c.value)]
            computed = [(now - v) / v * 100 if v else Decimal(0) for _, v in bases]
        label = self._label(of.fact, peers[0])
        if fits:
            k, v = fits[0]
            self.ok(c, f"{label} {fmt(now)} 与 {self._label(of.fact, k)} {fmt(v)} 相比")
            return True
        how = "；".join(f"{label} {fmt(now)} 与 {self._label(of.fact, k)} {fmt(v)} 相比为 {fmt(x, _places(c))}"
                       f"{c.unit if c.kind == 'change' else '%'}" for (k, v), x in zip(bases, computed))
        self.error("PROSE-CHANGE" if c.kind == "change" else "PROSE-RATE", c,
                   f"正文“…{self.quote(c, 24)}”：这一句的数是预算数，{how}，与写明的 {fmt(c.value)}"
                   f"{c.unit if c.kind == 'change' else '%'} 不符。", stated=c.value, computed=computed[0])
        return True

    def _budget_word_for_final(self, c: Claim) -> bool | None:
        """"本部门预算收入总计1362.00万元，预算支出总计1305.93万元，预算执行率95.9%": amounts under 预算 alone, two or
        more in a sentence and each exactly its fact's 决算数 and no budget column's — 预算 names the budget as
        executed (a single one may be a slip of the column, and is reported). Whether the amount is one of them (False)
        or the odd one out of three or more, no figure of its line (True); None when the sentence is no such one."""
        if c.column != "plan" or c.fact not in AMOUNT_PATHS or c.unit not in MONEY:
            return None
        said = self._sentences(c.sentence)
        # (a fact whose 决算 the sentence states too — "“三公经费”预算12.00万元、决算支出9.86万元" — sets the two apart:
        # there 预算 is the budget)
        contrasted = {p.fact for p in said if p.kind == "level" and p.column == "final" and not p.implied}
        peers = [p for p in said if p.kind == "level" and p.column == "plan" and p.fact in AMOUNT_PATHS
                 and p.unit in MONEY and p.figure is not None and p.fact not in contrasted]
        if len({p.fact for p in peers}) < len(peers) or c not in peers:
            return None
        shown = [p for p in peers if self._final_only(p)]
        if shown == [c] and self._beside_a_final(c, said):
            return False
        odd = next((p for p in peers if p not in shown), None)
        if len(shown) < 2 or len(peers) - len(shown) > 1 or (
                odd is not None and any(self._only_in(odd, col) for col in ("budget", "adjusted"))):
            return None         # (an odd one that is its budget figure: the sentence has both columns)
        return c is odd

    def _beside_a_final(self, c: Claim, said: list) -> bool:
        """"2023年我局收入总计1362.00万元，安排支出1305.93万元": one amount under 安排 (预算) beside another that is its
        决算数 — each exactly its fact's 决算数 and no budget's: the sentence is of the year as it went."""
        return any(p.kind == "level" and p.column == "final" and p.fact not in (None, c.fact) and p.figure is not None
                   and self._final_only(p) for p in said)

    def _level_as_executed(self, c: Claim, odd: bool) -> None:
        """An amount under 预算 among others that are all 决算数 (see _budget_word_for_final): its 决算数, or the odd
        one out — a slip."""
        if not odd:
            return self.ok(c, f"{self._label(c.fact, 'final')} = {fmt(abs(c.value))}{c.unit}（同一句写“预算”的各项都是"
                              f"决算数：这里的“预算”说的是预算的执行）")
        value = self.fact(c.fact, "final", c.unit)
        if value is None or far_off(abs(c.value), value):
            return self.skip(c, "同一句写“预算”的其他各项都是决算数，这一项说的不是预算数")
        label = self._label(c.fact, "final")
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：同一句写“预算”的其他各项都是决算数，"
                   f"{label} 为 {fmt(value)}{c.unit}（差 {fmt(abs(c.value) - value)}）。",
                   stated=abs(c.value), fact=value, uses={f"{c.fact}.final"}, about=f"正文“…{self.quote(c, 8)}”")

    def _final_only(self, p: Claim) -> bool:
        """Whether an amount is its fact's 决算数 and no budget column's — for a 总计, the year's own (本年收入合计)
        too, which some templates call 总计 (see _total_as_current)."""
        current = {v: k for k, v in WITH_CARRYOVER.items()}.get(p.fact)
        facts = [p.fact] + ([current] if current is not None and "总计" in p.label else [])
        return any(self._only_in(_Alias(p, f), "final") for f in facts)

    def _only_in(self, p: Claim | _Alias, column: str) -> bool:
        """Whether an amount is exactly its fact's figure of a column and not that of the others it may be confused
        with: a budget column's and not the 决算数 (a budget's sentence with no column word: see _peers_column,
        _budget_with_its_parts), or the 决算数 and no budget column's (_budget_word_for_final)."""
        value = self.fact(p.fact, column, p.unit, quiet=True)
        others = ("budget", "adjusted") if column == "final" else ("final",)
        return value is not None and same_figure(abs(p.value), value) and not any(
            v is not None and same_figure(abs(p.value), v)
            for v in (self.fact(p.fact, o, p.unit, quiet=True) for o in others))

    def _level_in_peers_column(self, c: Claim, column: str, odd: bool) -> None:
        """An amount among others that are all of one budget column (see _peers_column): that column's figure, or
        the odd one out — a slip."""
        value = self.fact(c.fact, column, c.unit)
        label = self._label(c.fact, column)
        if value is not None and same_figure(abs(c.value), value):
            return self.ok(c, f"{label} = {fmt(value)}{c.unit}（同一句的其他各项也都是{_COLUMN_ZH[column]}）")
        if value is None or not odd or far_off(abs(c.value), value):
            return self.skip(c, f"同一句的其他各项都是{_COLUMN_ZH[column]}，这一项说的不是决算数")
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：同一句的其他各项都是{_COLUMN_ZH[column]}，"
                   f"{label} 为 {fmt(value)}{c.unit}（差 {fmt(abs(c.value) - value)}）。",
                   stated=abs(c.value), fact=value, uses={f"{c.fact}.{column}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _with_what_it_includes(self, c: Claim, known: list) -> bool:
        """"一般公共预算拨款1209.70万元（含上年结转35.20万元）": the line with what the bracket says it takes in (True:
        it agrees so)."""
        if c.figure is not None and _CARRIED_IN.match(self.text, c.figure.end) \
                and any(abs(c.value) > value for _, _, value in known):
            self.skip(c, "括号中写明含结转，却没有写结转多少：不知它比这一项多出多少")
            return True
        extra = self._included_after(c)
        for f, col, value in known if extra is not None else ():
            if extra is not None and same_figure(abs(c.value) - extra, value):
                self.ok(c, f"{self._label(f, col)} {fmt(value)} + 括号中写明含的 {fmt(extra)} = {fmt(value + extra)}{c.unit}")
                return True
        return False

    def _included_after(self, c: Claim) -> Decimal | None:
        """The amount a bracket right after an amount says it takes in ("1209.70万元（含上年结转35.20万元）"), in its unit."""
        m = _INCLUDES.match(self.text, c.figure.end) if c.figure is not None else None
        if m is None or m.group(2) not in MONEY or c.unit not in MONEY:
            return None
        return Decimal(m.group(1)) * MONEY[m.group(2)] / MONEY[c.unit]

    def _budget_with_its_parts(self, c: Claim) -> str:
        """"2023年基本支出695.60万元，其中人员经费653.60万元，公用经费42万元" (a budget's sentence): an amount of no
        column word that is not the final but the budget, whose 其中 items are each the budget of their own fact too —
        the whole list is in that column. How it agrees, or ""."""
        if not (c.implied and c.column == "final") or not c.head or c.fact is None:
            return ""
        listed = next((s for s in self._sentences(c.sentence) if s.kind == "sum" and s.of is c), None)
        if listed is None or len(listed.parts) < 2:
            return ""
        for col in ("budget", "adjusted"):
            value = self.fact(c.fact, col, c.unit)
            if value is None or not same_figure(abs(c.value), value):
                continue
            if all(p.fact is not None and p.figure is not None and self._only_in(p, col) for p in listed.parts):
                return f"{self._label(c.fact, col)} = {fmt(value)}{c.unit}（其中各项也都是{_COLUMN_ZH[col]}）"
        return ""

    def _said_before(self, c: Claim) -> str | None:
        """"“三公”经费支出预算为3.1万元。其中:公务接待费支出预算为3.1万元…。具体情况如下:(一)公务接待费支出3.1万元":
        an amount with no column word that the text already gave, of the same fact, with its column named — said
        again, in that column. The column, or None."""
        if not c.implied or c.figure is None:
            return None
        if self.columns_said is None:       # (once a text: a text of many amounts is not searched again for each)
            self.columns_said = {}
            for p in self.claims:
                if p.kind == "level" and p.figure is not None and not p.implied and p.column not in (None, "final"):
                    self.columns_said.setdefault((p.fact, p.value, p.unit), p)
        p = self.columns_said.get((c.fact, c.value, c.unit))
        if p is None or p.start >= c.start or p.flagged:
            return None
        column = p.column if p.column != "plan" else "budget"
        value = self.fact(p.fact, column, c.unit)
        return column if value is not None and same_figure(abs(c.value), value) else None

    def _change_not_prior(self, c: Claim, prior: Decimal) -> bool:
        """"财政拨款收入177.28万元，…，与2016年相比66.15万元，增加59.52%": a figure after 与上年相比 that is not last
        year's figure but exactly this year's less it — the change, its verb left out."""
        now = self.fact(c.fact, "final", c.unit)
        return now is not None and now != prior and sum_consistent(abs(c.value), [abs(now - prior)])

    def _known(self, c: Claim) -> list[tuple[str, str, Decimal]]:
        """(fact, column, value) of each figure the file has that an amount's words may mean."""
        # ("批复支出预算1326.80万元，实际执行支出预算1305.93万元": the budget as carried out, the final)
        spent = c.column in ("budget", "adjusted", "plan") and c.figure is not None and self.reading is not None \
            and _SPENT_NOW.search(clause_words(self.reading, c)) is not None
        return [(f, col, v) for f in (c.fact, *self._alts(c)) for col in (["final"] if spent else _columns(c.column))
                if (v := self.fact(f, col, c.unit)) is not None]

    def _alts(self, c: Claim) -> tuple:
        """The other facts an amount's words may mean — not 支出总计 for a plain 支出 whose list names every line of this
        year's spending ("决算支出7542.23万元（其中，基本支出845.92万元，项目支出6694.26万元）": this year's)."""
        if not (c.head and c.label in PLAIN and c.fact == "finance.expenditure.current"
                and "finance.expenditure.total" in c.alts):
            return c.alts
        lists = [s for s in self.by_sentence.get(c.sentence, ()) if s.kind == "sum" and s.of is c]
        if lists and self._complete(c.fact, {p.fact for p in lists[0].parts}, c.column):
            return tuple(a for a in c.alts if a != "finance.expenditure.total")
        return c.alts

    def _far_sentences(self, claims: list) -> set:
        """The sentences where an amount is many times off every figure of the fact it is read as."""
        out = set()
        seen: dict[tuple, bool] = {}       # the same amount of the same fact, read again (a hostile text: thousands)
        for c in claims:
            if c.kind == "count" and c.figure is not None and c.sentence not in out and self._far_count(c):
                out.add(c.sentence)
            if c.kind not in ("level", "prior") or c.fact is None or c.figure is None or c.sentence in out:
                continue
            key = (c.kind, c.fact, c.alts, c.column, c.value, c.unit, c.implied, "支出" in (c.label or ""))
            far = seen.get(key)
            if far is None:
                far = seen[key] = self._far_amount(c)
            if far:
                out.add(c.sentence)
        # "其中，因公出国(境)费0.61亿元。比2015年减少48.45万元": a sentence that states no amount of its own goes on about
        # the one before — another body's, when that one's was
        stated = {c.sentence for c in claims if c.kind in ("level", "prior", "count") and c.figure is not None}
        out |= {c.sentence for c in claims if c.sentence - 1 in out and c.sentence not in stated}
        return out

    def _far_amount(self, c: Claim) -> bool:
        """Whether an amount is many times off every figure of the fact it is read as (and no figure of the
        department's the words may mean)."""
        known = self._known(c)
        # (far from every figure the words may mean: "部门预算…项目支出6649.26万元" is 调整预算数 6694.26 as well
        # as 年初预算数 1052.39)
        # (an amount of no column word near its fact's budget is not far: "部门预算…项目支出1025.39万元")
        budgets = [v for col in ("budget", "adjusted") if c.implied
                   and (v := self.fact(c.fact, col, c.unit, quiet=True)) is not None]
        return bool(known) and (all(far_off(abs(c.value), v) for v in [*(k[2] for k in known), *budgets])
                                or self._beyond_whole(c)) \
            and not any(same_figure(abs(c.value), v) for _, _, v in itertools.chain(
                known, self._budget_too(c), self._last_years_too(c))) \
            and not (known[0][1] == "prior" and self._change_not_prior(c, known[0][2])) \
            and self._whole_written(c) is None

    def _whole_written(self, c: Claim) -> str | None:
        """"财政拨款基本支出7540.18万元" where 7540.18 is the department's 本年支出合计: a part of its income or spending
        written as exactly one of its totals (of that side, the year the claim is of) is the department's, miscopied —
        not another body's figure many times off. What that total is, or None."""
        if c.kind not in ("level", "prior") or c.fact in _WHOLES or not (c.fact or "").startswith(
                ("finance.income.", "finance.expenditure.")) or c.unit not in MONEY or decimals(c.value) < 2:
            return None
        cols = ("prior", "prior_budget") if c.column in ("prior", "prior_budget") else ("final", "budget", "adjusted")
        side = c.fact.split(".")[1]
        for whole in _WHOLES:
            if whole.split(".")[1] != side:
                continue
            for col in cols:
                v = self.fact(whole, col, c.unit, quiet=True)
                if v is not None and same_figure(abs(c.value), v):
                    return self._label(whole, col)
        return None

    def _far_count(self, c: Claim) -> bool:
        """"本单位人员编制2730人，实有事业人员2399人" beside the department's 45 posts and 44 people: a headcount many times
        off every count its words may mean is another body's."""
        staffing = self.report.get("department.staffing")
        if staffing is None or not self.count_candidates(c):
            return False
        # (above all the department's people: a category's count may be far off another category's)
        everyone = max(staffing.posts_total or 0, sum(p.count for p in staffing.posts or []),
                       (staffing.serving or 0) + (staffing.retired or 0) + sum(p.count for p in staffing.others or []))
        return everyone > 0 and abs(c.value) > everyone * FAR_OFF

    def _beyond_whole(self, c: Claim) -> bool:
        """"（据市财政局介绍）因公出国（境）经费支出1113.81万元" beside the department's 567.45万元 of spending: a part
        of the department's money larger than all of it (by a tenth) is no figure of the department's."""
        if c.fact in _WHOLES or not (c.fact or "").startswith("finance.") or c.unit not in MONEY:
            return False            # (assets may well be more than a year's money)
        if self._whole is None:
            # the department's own totals, whatever source of funds the claim being checked names
            source, self.source = self.source, ""
            values = [self.fact(f, col, "万元", quiet=True) for f in _WHOLES for col in ("final", "budget", "adjusted", "prior")]
            self._whole, self.source = max((v for v in values if v is not None), default=Decimal(0)), source
        return bool(self._whole) and abs(c.value) * MONEY[c.unit] > self._whole * Decimal("1.1")

    def _last_years_too(self, c: Claim):
        """Last year's figures of an amount's fact (its final and its budget): an amount that is one of them is the
        department's, written for the wrong year ("一般公共预算财政拨款收入470231.84万元", last year's budget, above
        this year's totals) — a slip to report, not another body's figure."""
        if c.kind != "level" or c.column == "prior":
            return
        for f in (c.fact, *c.alts):
            for col in ("prior", "prior_budget"):
                value = self.fact(f, col, c.unit, quiet=True)
                if value:
                    yield f, col, value

    def _prior_budget_too(self, c: Claim):
        """"2023年收入预算2,903.60万元，比2022年3,016.25万元减少112.65万元": last year's figure a budget is compared with
        may be last year's budget as well as its final — either agreeing is no contradiction (looked up only when the
        final disagrees)."""
        if c.kind != "prior" or c.column != "prior":
            return
        for f in (c.fact, *c.alts):
            value = self.fact(f, "prior_budget", c.unit)
            if value is not None:
                yield f, "prior_budget", value

    def _budget_too(self, c: Claim):
        """"浙江大学财政拨款收入达到40.09亿元": with no column word (and no 支出, money spent), an amount may be the
        year's budget as well as its final figure — either agreeing is no contradiction. Looked up only when the
        final figure disagrees, so a budget column is not counted as used by a text that states the final one."""
        if not (c.implied and c.column == "final"):
            return
        if any(p.of is c and p.final_base and "决算" in self.text[c.figure.end:p.start]
               for p in self._sentences(c.sentence, c.sentence + 1) if p.kind in ("change", "rate")):
            # "2023年度收入合计2903.60万元，较上年决算数增加…": compared with last year's final, it is this year's final
            # (a budget is compared with last year's 执行数: "一般公共预算当年拨款…万元，比2022年执行数减少…")
            return
        # (支出 is money spent — unless the sentence spoke of a budget before it: "部门预算总收入1747.99万元，…；总支出
        # 1747.99万元")
        # (a line's name — 基本支出, 项目支出 — opening a sentence names its budget as often as its final)
        if "支出" in (c.label or "") and not self._line_opening_sentence(c) and not any(
                p.kind == "level" and not p.implied and p.column in ("budget", "adjusted", "plan") and p.start < c.start
                for p in self._sentences(c.sentence)):
            return
        for f in (c.fact, *c.alts):
            for col in ("budget", "adjusted"):
                value = self.fact(f, col, c.unit)
                if value is not None:
                    yield f, col, value

    def _both_sides(self, c: Claim) -> list:
        """The income and the spending fact an amount named for both sides is of ("收、支总计均为…", "收支总计"), or []."""
        label = c.label or ""
        if not ("收、支" in label or "收支" in label) or c.fact is None or not c.implied:
            return []
        other = next((a for a in c.alts if a.split(".")[:2] != c.fact.split(".")[:2]), None)
        return [c.fact, other] if other is not None else []

    def _line_opening_sentence(self, c: Claim) -> bool:
        """"基本支出695.60万元，比2022年减少16.85万元": a line of spending by its kind (基本支出, 项目支出) whose amount opens
        its sentence, no part of a list."""
        if c.fact not in ("finance.expenditure.basic", "finance.expenditure.project"):
            return False
        first = next((p for p in self._sentences(c.sentence) if p.figure is not None and p.kind in ("level", "prior", "sum")),
                     None)
        return first is c

    def _count(self, c: Claim) -> None:
        if c.under_people:
            # "在职实有23人，其中参公编制人数21人": the people in posts of that category, not the posts
            return self.skip(c, "“其中”前是人数：这里说的是其中这一类编制的人，不是编制数")
        if self._part_of_same(c):
            # "退休人员21人，其中退休干部15人、退休工人6人": a part of the people the head counts, not all of them
            return self.skip(c, "是“其中”前那些人的一部分，不是全部")
        candidates = self.count_candidates(c)
        if not candidates:
            return self._category_of_posts(c)
        if self._posts_of_the_organ(c):
            return self._category_of_posts(c, any_size=True)
        candidates += self._with_others_listed(c)
        why = self._count_unsure(c, candidates)
        if why:
            return self.skip(c, why)
        staffing = self.report.get("department.staffing")
        for how, value in candidates:
            if c.value == value:
                return self.ok(c, f"{how} = {value}")
        if c.category and staffing is not None:
            kinds = [p for p in staffing.serving_includes or [] if p.kind and (p.kind in c.category or c.category in p.kind)]
            if len(kinds) == 1:         # "实有财政补助人员9人": the people of that kind the file counts
                if c.value == kinds[0].count:
                    return self.ok(c, f"在职人员中的{kinds[0].kind} = {kinds[0].count}")
                return self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：在职人员中的{kinds[0].kind} "
                                  f"为 {kinds[0].count}{c.unit}。", stated=c.value, fact=kinds[0].count)
        if c.category and not self._sole_category(c.category):
            return self._count_of_a_category(c, staffing)
        how, value = candidates[0]
        if far_off(Decimal(c.value), Decimal(value)):
            return self.skip(c, f"与 {how} {value}{c.unit} 相差好几倍：说的多半不是本部门的人员")
        if self._lists_uncounted_people(c):
            # "实有人数76人，其中在职人员48人…；退休人员15人，聘用人员5人，遗属8人": its list names people the file does
            # not count (no 其他人员 in it) — the head takes them in, the file's figure cannot
            return self.skip(c, "“其中”列出了事实文件没有计入的人员（聘用、遗属等）")
        if c.fact and c.fact.startswith("department.staffing.posts") and self._people_listed(c):
            # "现有编制人员150人。其中，局机关在职80人、离休2人、退休60人…": the parts are people, in post and
            # retired — the head counts people on the payroll, not posts
            return self.skip(c, "“其中”列的是在职、退休等人员：前面的数是人数，不是编制数")
        self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：{how} 为 {value}{c.unit}。",
                   stated=c.value, fact=value)

    def _category_of_posts(self, c: Claim, any_size: bool = False) -> None:
        """A category of posts the file does not list ("机关行政编制54名" where it lists only 人员编制 45): more than
        all the posts is wrong whatever the category is. `any_size`: a part of the posts the file does not count
        apart, of whatever size (the organ's own: "我局机关有编制18名")."""
        staffing = self.report.get("department.staffing")
        total = self.count(Claim("count", None, "department.staffing.posts_total")) \
            if (any_size or c.fact == "department.staffing.posts") and staffing is not None and staffing.posts else None
        same = [p for p in staffing.posts or [] if c.value == p.count] if total is not None and any_size else []
        if same:
            return self.ok(c, f"机关本身的编制：与事实文件中的{same[0].kind or '一类编制'} {same[0].count} 相同")
        if total is None or c.value <= total or c.unit not in PEOPLE_UNITS:
            return self.skip(c, "机关本身的编制：事实文件没有分开的数" if any_size else "事实文件没有这类人员的人数")
        self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：说的是一类编制（{c.kind_text or c.label}），"
                   f"却多于核定编制合计 {total}{c.unit}。", stated=c.value, fact=total)

    def _posts_of_the_organ(self, c: Claim) -> bool:
        """"我局机关有编制18名；下属…中心编制6名": the posts of the organ itself (机关), a part of all the department's
        posts where it has more than one category of them."""
        staffing = self.report.get("department.staffing")
        return c.fact == "department.staffing.posts_total" and staffing is not None and len(staffing.posts or []) > 1 \
            and _OF_THE_ORGAN.search(self._clause_of(c)) is not None

    def _with_others_listed(self, c: Claim) -> list[tuple[str, Decimal]]:
        """"在职人员总数46人，其中事业人员44，聘用人员2人": those in service and the other people its own 其中 list names."""
        staffing = self.report.get("department.staffing")
        if c.fact != "department.staffing.serving" or staffing is None or staffing.serving is None:
            return []
        # (all the other people the file counts: "在职人员24人（其中：借调人员2人，正式聘用人员1人）" where it counts none
        # names people among the 24, not beside them)
        everyone = sum(p.count for p in staffing.others or [])
        return [(f"在职 + 其中列出的其他人员 {everyone}", Decimal(staffing.serving + everyone))] \
            if everyone and everyone in self._others_listed_after(c) else []

    @staticmethod
    def _category_bound(c: Claim, staffing) -> tuple[str, int] | None:
        """The most people one category may have: all of them ("行政编制22人，实际43人": those in service; "财政供养人员
        87人": the staff in all, the retired and the others counted among them too)."""
        if staffing is None or staffing.serving is None:
            return None
        if c.fact == "department.staffing.serving":
            return "实有在职人员", staffing.serving
        if c.fact == "department.staffing.actual":
            everyone = staffing.serving + (staffing.retired or 0) + sum(p.count for p in staffing.others or [])
            return "全部实有人员", everyone
        return None

    def _lists_uncounted_people(self, c: Claim) -> bool:
        """Whether a count of all the people (实有) is followed in its sentence, after 其中, by other people (聘用,
        遗属…) where the file counts none."""
        staffing = self.report.get("department.staffing")
        if staffing is None or staffing.others or "department.staffing.actual" not in (c.fact, *c.alts):
            return False
        # (none of them: "…，扶持岗人员0人，其他人员0人" takes in no one)
        return any(p.value for p in self._others_after(c))

    def _others_after(self, c: Claim) -> list:
        """The other people (聘用, 临聘, 遗属…) a count is followed by, after 其中 in its sentence."""
        if c.figure is None or not list_follows(self.reading, c):
            return []
        return [p for p in self._sentences(c.sentence)
                if p.fact == "department.staffing.others" and p.figure is not None and p.start > c.start]

    def _others_listed_after(self, c: Claim) -> set[int]:
        """How many other people (聘用, 临聘…) a count may be followed by, after 其中 in its sentence: the running sums
        of the other people listed, in order (the list's own may end before the 遗属 after 退休)."""
        staffing = self.report.get("department.staffing")
        among = [r.kind for r in (staffing.serving_includes or [] if staffing is not None else []) if r.kind]
        sums, total = set(), 0
        for p in self._others_after(c):
            # (not people the file counts among those in service: "在职24人（其中临聘人员1人…）" — they explain nothing)
            if p.kind == "count" and p.value > 0 \
                    and not any(k in (p.kind_text or p.label or "") or (p.kind_text or p.label or "x") in k for k in among):
                total += int(p.value)
                sums.add(total)
        return sums

    def _part_of_same(self, c: Claim) -> bool:
        """Whether a count follows, after 其中 in its sentence, a count of the same people."""
        if c.fact in ("department.staffing.posts", "department.staffing.others") or c.figure is None:
            return False
        return any(p.kind == "count" and p.fact == c.fact and p.figure is not None
                   and p.figure.end < c.start and lists_between(self.reading, p, c)
                   and (stem := _PEOPLE_WORD.sub("", p.label)) and stem in c.label and c.label != p.label
                   for p in self._sentences(c.sentence))

    def _staff_control(self, c: Claim) -> None:
        """"在职人员控制率为95.45%" (人员控制率, 财预〔2013〕53号): 实有在职人员 ÷ 核定编制."""
        staffing = self.report.get("department.staffing")
        posts = self.count(Claim("count", None, "department.staffing.posts_total"))
        if staffing is None or staffing.serving is None or not posts:
            return self.skip(c, "事实文件没有核定编制或实有在职人员")
        rate = Decimal(staffing.serving) / posts * 100
        how = f"实有在职人员 {staffing.serving} ÷ 核定编制 {fmt(posts)} = {fmt(rate, _places(c))}%"
        if rate_fits(rate, c.value):
            return self.ok(c, how)
        self.error("PROSE-EXECUTION", c, f"正文“…{self.quote(c, 20)}”：{how}，与写明的 {fmt(c.value)}% 不符。",
                   stated=c.value, computed=rate)

    def _count_unsure(self, c: Claim, candidates: list) -> str:
        """Why a count cannot be held to the file's people, or ""."""
        staffing = self.report.get("department.staffing")
        if c.split_retired and staffing is not None and not any(p.kind and "离休" in p.kind for p in staffing.others or []) \
                and not (staffing.retired is not None and c.value > int(staffing.retired)):
            # the file counts no 离休 apart: its 退休人员 may take them in, so the 退休 part of a 离退休 count is
            # checked only by the list's sum (unless it is more than the file's: too many in either reading)
            return "离退休分为离休、退休：事实文件的退休人员是否含离休人员，不能确定"
        if makeup_after(self.reading, c) and not any(c.value == value for _, value in candidates):
            # "期末实有人员60人（含编内人员+编外长期聘用人员）": the text says whom it counts, not as the file does
            return "括号中写明了这个数包括哪些人员，与事实文件的分类不一定相同"
        return ""

    def _people_listed(self, c: Claim) -> bool:
        """Whether `c` heads a 其中 list one of whose parts is people out of post (退休, 离休) — not posts."""
        out_of_post = ("department.staffing.retired", "department.staffing.others")
        if not list_follows(self.reading, c):
            return False            # the list right after the figure ("…205人。其中，…")
        for p in self._sentences(c.sentence, c.sentence + 1):
            if p.kind != "count" or p.figure is None or p.start <= c.start:
                continue
            if lists_between(self.reading, c, p) > 1 or (p.fact or "").startswith("department.staffing.posts"):
                return False        # another list began, or the list names kinds of posts ("行政编制29名")
            if c.value is not None and p.value is not None and p.value > c.value:
                # "编制数为28人，其中在职34人，退休人员85人": a head fewer than one of its parts does not count them
                return False
            if p.fact in out_of_post:
                return True
        return False

    def _budget_stated(self, c: Claim) -> bool:
        """"财政拨款安排的“三公”经费X万元，比上年…": X may be the budget or the final (column "any"); a
        change from last year is checked only when X is the final."""
        of = c.of
        if of is not None and id(of) in self.restated:
            return True             # the amount said again is a budget (see _said_before)
        if of is None or of.figure is None or (of.column != "any" and not (of.implied and of.column == "final")):
            return False
        final = self.fact(of.fact, "final", of.unit)
        if of.column == "final":
            # "（一）收入预算：2023年收入合计1174.50万元…。收入较去年增加74.50万元": an amount of no column word that is
            # the budget, not the final — the change after it is the budget's (not one that is the final of another
            # fact its words may name: "收入合计7532.81万元" is 本年收入合计's, whatever 收入总计's 调整预算数)
            if any(v is not None and same_figure(abs(of.value), v)
                   for v in (self.fact(f, "final", of.unit, quiet=True) for f in of.alts)):
                return False
            # (a line of one source, whose final the file cannot tell: "一般公共预算财政拨款支出1174.50万元" is its budget
            # when that is the figure)
            return (final is None or not same_figure(abs(of.value), final)) and any(
                same_figure(abs(of.value), v) for v in (self.fact(of.fact, col, of.unit) for col in ("budget", "adjusted"))
                if v is not None)
        return final is None or not same_figure(abs(of.value), final)

    def _change_of_a_budget(self, c: Claim) -> None:
        """A change of this year's budget: against last year's (budget_base), the 调整预算 against the 年初预算, or an
        amount stated that is the budget, not the final."""
        if c.budget_base:
            return self._budget_change(c)
        if _of_adjusted(c):
            return self._adjusted_change(c, c.of)
        if c.against == "budget" and c.column == "adjusted":
            return self._adjusted_change(c, None)
        if not self._stated_budget_on_either(c):
            self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")
        return None

    def _stated_budget_on_either(self, c: Claim) -> bool:
        """"财政拨款安排“三公”经费12.00万元，比上年增加1.58万元，增长15.16%": the amount stated is this year's budget
        (not the final), and the file has both of last year's figures — a change or rate that fits neither is wrong
        whichever was meant (see _both_last_years). Checked (True) or not."""
        of, both = c.of, self._both_last_years(c)
        if not both or of is None or of.figure is None or id(of) in self.restated or of.flagged:
            return False
        budget = next((v for v in (self.fact(of.fact, col, "万元") for col in ("budget", "adjusted"))
                       if v is not None and same_figure(abs(of.value) * MONEY[of.unit] / MONEY["万元"], v)), None)
        if budget is None:
            return False
        if c.kind == "rate":
            self._rate_on_either(c, [budget], both)
        else:
            self._change_on_either(c, [budget], both)
        return True

    def _fact_of(self, c: Claim) -> str:
        """The fact a change or rate is of: of the facts its words may name ("收入合计": 本年收入合计 or 收入总计),
        the one whose figure the amount stated before it is — the change is that figure's. (Asked of a claim
        with a fact.)"""
        of = c.of if c.of is not None else self._said_of(c)
        if of is None or of.figure is None or not of.alts or of.column != "final":
            return c.fact
        matching = [f for f in (of.fact, *of.alts)
                    if (value := self.fact(f, "final", of.unit)) is not None and same_figure(abs(of.value), value)]
        # ("财政拨款收、支总计3,237.75万元…各减少…": both sides' 总计 are the figure — the one the file knows last year's of)
        return next((f for f in matching if self.fact(f, "prior", of.unit, quiet=True) is not None),
                    matching[0] if matching else c.fact)

    def _said_of(self, c: Claim) -> Claim | None:
        """"收入1362.00万元，支出1362.00万元。收入较上年增加…。支出较上年增加64.86万元": with no amount in its own
        sentence, a change is of the last amount of the same words stated before it in the sentence before or its
        own or the two before — that amount says which of the facts the words may name is meant."""
        return next((p for p in reversed(self._sentences(max(c.sentence - 2, 0), c.sentence))
                     if p.kind == "level" and p.fact == c.fact and p.alts and p.figure is not None
                     and p.start < c.start and p.column == "final"), None)

    def _current(self, c: Claim, fact: str | None = None) -> tuple[Decimal | None, bool]:
        """This year's figure a change or rate is measured on: the fact, else the level stated; and
        whether the level stated for it was reported wrong."""
        stated = c.of if c.of is not None and c.of.column == "final" else None
        value = self.fact(fact or c.fact, "final", c.unit)
        if value is None and stated is not None:
            value = abs(stated.value) * _scale(stated.unit, c.unit)
        return value, bool(stated is not None and stated.flagged)

    def _bases(self, c: Claim, fact: str | None = None) -> list[tuple[str, Decimal]]:
        """What a change may be measured from: the stated base, else the column the words name, else
        (no base named) each base the file has — a change that fits any of them is not reported."""
        if c.base is not None and id(c.base) not in self.changes_read_as_prior:
            return [(c.base.column or "prior", abs(c.base.value) * _scale(c.base.unit, c.unit))]
        columns = _columns(c.against) if c.against else ["prior", "budget", "adjusted"]
        out = []
        for col in columns:
            v = self.fact(fact or c.fact, col, c.unit)
            if v is not None:
                out.append((col, v))
        return out

    def _change(self, c: Claim) -> None:
        if not c.money:
            return self.skip(c, "不是金额")
        if c.fact is None:
            return self._stated_change(c)
        if self._direction_contradicted(c):
            return None
        stated_base = c.base or self._stated_prior(c)
        if self._change_of_another_amount(c):
            return self.skip(c, "写明的基数和这个增减额合的是前面的另一个数：说的是它的增减")
        if (stated_base is not None and stated_base.flagged) or (c.fact, c.sentence) in self.wrong_priors:
            # "…2022年支出15.28万元，减少0.92万元": the change from a last year's figure already reported wrong
            return self.skip(c, "它所依据的上年数已报错")
        if stated_base is not None and self._budget_level(c) is not None and c.of is not None:
            return self._stated_budget_change(c, c.of, stated_base)
        if self._of_budget_peers(c):
            return None
        if c.budget_base or _of_adjusted(c) or (c.against == "budget" and c.column == "adjusted") or self._budget_stated(c):
            return self._change_of_a_budget(c)
        fact = self._fact_of(c)
        if self._after_a_budget(c):
            return self._change_after_a_budget(c, fact)
        whole = self._change_of_whole(c)
        if whole is not None:
            return self.ok(c, f"{fact_label(whole, self.report)}的增减额（其中所列各项之前的总数）")
        current, stale = self._current(c, fact)
        bases = self._bases(c, fact)
        if self._more_than_there_is(c, bases):
            return None
        if current is None or not bases:
            return self.skip(c, "事实文件没有本年数或比较的基数")
        if c.against is None and not any(col == "prior" for col, _ in bases):
            return self.skip(c, "没有写比较的基数，事实文件也没有上年数")
        for col, base in bases:
            if sum_consistent(c.value, [current, -base]):
                self.change_base[id(c)] = col
                return self.ok(c, f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}{c.unit}")
        if stale:
            return self.skip(c, "它所说的本年数已报错")
        col, base = bases[0]
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(fact, self.report)} "
                   f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}{c.unit}，"
                   f"与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。", stated=c.value, computed=current - base,
                   uses={f"{fact}.final", f"{fact}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _after_a_budget(self, c: Claim) -> bool:
        """"（一）收入预算：2023年年初预算数1174.50万元，其中：…。收入较2022增加75.39万元": a change of no amount of its own
        and no column word, after the text has stated its side's budget — this year's budget against last year's
        may be meant as well as the final against last year's final."""
        if c.of is not None or c.against not in (None, "prior") or c.base is not None or c.fact not in AMOUNT_PATHS:
            return False
        side = c.fact.split(".")[1]
        return any(p.kind == "level" and p.column in ("budget", "adjusted") and not p.implied and p.fact is not None
                   and p.fact.startswith(f"finance.{side}.") and p.figure is not None and p.figure.start < c.start
                   for p in self.claims)

    def _change_after_a_budget(self, c: Claim, fact: str) -> None:
        """A change after its side's budget (see _after_a_budget): it fits the budget against either of last year's
        figures, or the final against last year's; wrong only when all three are known and it fits none."""
        tried, delta = [], Decimal(0)
        for now, base in (("budget", "prior_budget"), ("budget", "prior"), ("final", "prior")):
            current, before = self.fact(fact, now, c.unit), self.fact(fact, base, c.unit, quiet=True)
            if current is None or before is None:
                if base == "prior_budget":
                    return self.skip(c, "前文说的是预算数：事实文件没有本年预算数或上年预算数，比较的基数不确定")
                continue        # (a budget is compared with last year's budget where the file has no other figure)
            if sum_consistent(c.value, [current, -before]):
                return self.ok(c, f"{_COLUMN_ZH[now]} {fmt(current)} − {_COLUMN_ZH[base]} {fmt(before)} = "
                                  f"{fmt(current - before)}{c.unit}")
            delta = current - before
            tried.append(f"{_COLUMN_ZH[now]} {fmt(current)} − {_COLUMN_ZH[base]} {fmt(before)} = {fmt(delta)}{c.unit}")
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(fact, self.report)} 与上年相比，写明的"
                   f"{'增加' if c.value >= 0 else '减少'} {fmt(abs(c.value))}{c.unit} 既不是 {'，也不是 '.join(tried)}。",
                   stated=c.value, computed=delta, about=f"正文“…{self.quote(c, 8)}”")

    def _change_of_whole(self, c: Claim) -> str | None:
        """The head of the list whose last item the change follows (see the reader), when the change is that head's:
        against last year, or the base its sentence states or names ("…；比预算4.50万元节约1.38万元")."""
        for whole in c.alts:
            now, against = self.fact(whole, "final", c.unit), self._bases(c, whole)
            if now is not None and any(sum_consistent(c.value, [now, -b]) for col, b in against
                                       if col == "prior" or c.base is not None or c.against not in (None, "prior")):
                return whole
        return None

    def _more_than_there_is(self, c: Claim, bases: list) -> bool:
        """"公务接待费支出3.50万元，比上年增加4.50万元" where the file has no last year's figure (see _below_nothing)."""
        if any(col == "prior" for col, _ in bases) or c.against not in (None, "prior") or not _level_stated(c) \
                or c.of.flagged:
            return False
        return self._below_nothing(c, c.of, c)

    def _below_nothing(self, c: Claim, level: Claim, change: Claim) -> bool:
        """An increase written larger than the amount it is of ("机关运行经费支出10.23万元，比2023年度增加10.32万元"):
        last year's amount would be below nothing — reported on `c` at the change (True), unless the amount is of a
        kind that may be negative (利润, 结余…) or the two agree within their last digits."""
        if change.value <= 0 or change.unit not in MONEY or may_be_negative(self.reading, level):
            return False
        now, added = abs(level.value) * MONEY[level.unit], change.value * MONEY[change.unit]
        if now - added + half_unit(level.value) * MONEY[level.unit] + half_unit(change.value) * MONEY[change.unit] >= 0:
            return False
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, level.start - 8):change.figure.end]}”：写明增加 "
                   f"{fmt(abs(change.value))}{change.unit}，比本年数 {fmt(abs(level.value))}{level.unit} 还多，"
                   f"上年数（本年数减去增加额）成了负数 {fmt(now - added)}万元。", at=change.start,
                   stated=change.value, computed=now)
        return True

    def _adjusted_change(self, c: Claim, level: Claim | None) -> None:
        """"年初预算为5.00万元，全年预算为12.00万元，比年初预算增加7.00万元": the 全年预算 written against the
        file's 年初预算数 (not the 决算数)."""
        base = self.fact(c.fact, "budget", c.unit)
        # "调整预算比年初预算增加6809.73万元" with no 调整预算 stated: the file's
        now = abs(level.value) * _scale(level.unit, c.unit) if level is not None else self.fact(c.fact, "adjusted", c.unit)
        if base is None or now is None:
            return self.skip(c, "事实文件没有年初预算数或调整预算数")
        for whole in level.alts if level is not None else ():
            # "…其中…其他收入35.00万元；调整预算为12328.90万元，较年初预算增加…": the 调整预算 of the list's head
            # (the amount's words may mean either: see the reader's alts)
            other = self.fact(whole, "budget", c.unit)
            if other is not None and sum_consistent(c.value, [now, -other]):
                return self.ok(c, f"写明的全年预算 {fmt(now)} − {self._label(whole, 'budget')} {fmt(other)} = {fmt(now - other)}{c.unit}")
        how = f"{'写明的全年预算' if level is not None else '调整预算数'} {fmt(now)} − 年初预算数 {fmt(base)} = {fmt(now - base)}{c.unit}"
        if sum_consistent(c.value, [now, -base]):
            return self.ok(c, how)
        for other in c.alts if level is None else ():
            # "本局追加预算5784.82万元": the department's budget — its income's or its spending's (the claim's alts)
            a, b = self.fact(other, "adjusted", c.unit, quiet=True), self.fact(other, "budget", c.unit, quiet=True)
            if a is not None and b is not None and sum_consistent(c.value, [a, -b]):
                return self.ok(c, f"{self._label(other, 'adjusted')} {fmt(a)} − {self._label(other, 'budget')} {fmt(b)} = "
                                  f"{fmt(a - b)}{c.unit}")
            if a is None and b is not None:
                return self.skip(c, f"也可能是{self._label(other, 'budget')}的调增减，事实文件没有它的调整预算数")
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{how}，与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。",
                   stated=c.value, computed=now - base)

    def _stated_change(self, c: Claim) -> None:
        """A change between two amounts its sentence states (no fact of the file): the later less the earlier,
        each amount ± half its last digit."""
        later, earlier = c.of, c.base
        if later.flagged or earlier.flagged:
            return self.skip(c, "它所依据的金额已报错")
        a, b = abs(later.value) * _scale(later.unit, c.unit), abs(earlier.value) * _scale(earlier.unit, c.unit)
        how = f"{fmt(abs(later.value))}{later.unit} − {fmt(abs(earlier.value))}{earlier.unit} = {fmt(a - b)}{c.unit}"
        if sum_consistent(c.value, [a, -b]):
            return self.ok(c, f"{how}（同一句写明的两个数）")
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, earlier.start - 8):c.figure.end]}”：{how}，"
                   f"与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。", stated=c.value, computed=a - b)

    # ---- this year's budget against last year -------------------------------------------------------
    def _fits_stated_budget(self, c: Claim, probe: Claim) -> bool:
        """"预算221.48万元，比上年实际支出359万元，减少138万元，降低38.31%": the rate fits the budget and the base
        as written, the change only as rounded — no contradiction."""
        before = self._stated_prior(probe)
        if before is None or c.of is None or self._budget_level(probe) is None or not before.value:
            return False
        now = abs(c.of.value) * _scale(c.of.unit, before.unit)
        return rate_fits((now - abs(before.value)) / abs(before.value) * 100, c.value)

    def _stated_prior(self, c: Claim) -> Claim | None:
        """Last year's amount of the same fact written between the amount a change is of and the change
        ("预算总额575.48万元，比2022年实际支出761.33万元，减少185.85万元")."""
        of = c.of
        here = self._sentences(c.sentence)
        if of is None or of.figure is None or c.figure is None or any(
                p.kind == "level" and p.fact == c.fact and p.column == "final" for p in here):
            return None         # "实际支出19.85万元，较预算数75.45万元减少…，较上年14.20万元增加…": of the 决算数
        return next((p for p in here if p.kind == "prior" and p.fact == c.fact
                     and p.figure is not None and of.figure.end <= p.figure.start < c.figure.start), None)

    def _stated_budget_change(self, c: Claim, level: Claim, base: Claim) -> None:
        """"支出预算总额575.48万元，比2022年实际支出761.33万元，减少185.85万元": this year's budget and the base
        are both written: the change is the one minus the other, whatever the file's 决算数."""
        if level.flagged or base.flagged:
            return self.skip(c, "它所依据的金额已报错")
        current = abs(level.value) * _scale(level.unit, c.unit)
        before = abs(base.value) * _scale(base.unit, c.unit)
        if sum_consistent(c.value, [current, -before]):
            return self.ok(c, f"写明的本年预算数 {fmt(current)} − 写明的基数 {fmt(before)} = {fmt(current - before)}{c.unit}")
        if self._slipped_base(c, current, base):
            return None
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：写明的本年预算数 {fmt(current)} − 写明的基数 "
                   f"{fmt(before)} = {fmt(current - before)}{c.unit}，与写明的{word} {fmt(abs(c.value))}{c.unit} 不符。",
                   stated=c.value, computed=current - before, about=f"正文“…{self.quote(c, 8)}”")

    def _slipped_base(self, c: Claim, current: Decimal, base: Claim) -> bool:
        """"收入预算1747.99万元，比2022年1609.27万元增加57.72万元" where the file's 上年预算数 is 1690.27: the change
        is this year's less the file's last year's figure, and the base written is not that figure — the base is
        the slip: reported there (True)."""
        for col in ("prior_budget", "prior"):
            was = self.fact(base.fact, col, c.unit, quiet=True)
            if was is not None and sum_consistent(c.value, [current, -was]) and not _as_written(
                    base, was * MONEY[c.unit] / MONEY["万元"]):
                label = self._label(base.fact, col)
                self.error("PROSE-PRIOR", base, f"正文“…{self.quote(c, 24)}”：写明的基数 {fmt(abs(base.value))}{base.unit} "
                           f"与 {label} {fmt(was)}{c.unit} 不符（本年数 {fmt(current)} − {fmt(was)} 正是写明的增减额）。",
                           stated=base.value, fact=was)
                self.skip(c, "增减额与事实相符；写明的基数与事实不符，已在那个数处报出")
                return True
        return False

    _UNSURE_BASE = "本年预算数与上年比较：上年的数是预算还是决算，不能确定"

    def _budget_level(self, c: Claim) -> Decimal | None:
        """The budget a change or rate of a budget against last year is of, as stated in its sentence (万元)."""
        level = c.of
        if level is None or level.figure is None or level.unit not in MONEY \
                or level.column not in ("budget", "adjusted", "plan") or not self._level_leads(level, c):
            return None
        return abs(level.value) * MONEY[level.unit]

    def _sentences(self, first: int, last: int | None = None) -> list:
        """This text's claims of the sentences first…last, in order."""
        if last is None or last == first:
            return self.by_sentence.get(first, [])
        return [c for n in range(first, last + 1) for c in self.by_sentence.get(n, [])]

    def _lists(self) -> tuple[dict, dict]:
        """This text's 其中 lists (made once): the ids of each list's parts by the id of its head, and each head by
        the figure of its list's last item."""
        if self.lists is None:
            parts: dict[int, set] = {}
            heads: dict[int, Claim] = {}
            for s in self.claims:
                if s.kind == "sum" and s.of is not None and s.parts:
                    parts.setdefault(id(s.of), set()).update(id(p) for p in s.parts)
                    if s.parts[-1].figure is not None:
                        heads.setdefault(id(s.parts[-1].figure), s.of)
            self.lists = (parts, heads)
        return self.lists

    def _level_leads(self, level: Claim, c: Claim) -> bool:
        """Whether the amount a claim is of is its sentence's, or closes the sentence before with the claim's
        sentence stating none ("项目支出预算数为10208.94万元。与上年相比减少1134.33万元，减少11.11%") — or only its own
        其中 list after it ("年初预算数3033.04万元,其中:…。收入较2024年增加233.89万元")."""
        if level.sentence == c.sentence:
            return True
        own = self._lists()[0].get(id(level), set())
        return level.sentence == c.sentence - 1 and level.figure is not None and not any(
            p.figure is not None and p is not c and p.kind not in ("rate", "change", "sum") and id(p) not in own and (
                (p.sentence == level.sentence and p.figure.start > level.figure.start) or
                (p.sentence == c.sentence and p.figure.start < c.figure.start))
            for p in self._sentences(level.sentence, c.sentence))

    def _budgets_of(self, c: Claim, fact: str | None = None) -> list[Decimal]:
        """This year's budget a change or rate of a budget against last year is of (万元): the one stated in its
        sentence (as the file has it, where it is that figure: its precision, not the prose's), or, none stated,
        the file's 年初预算数 and 调整预算数."""
        fact = fact or c.fact
        stated = self._budget_level(c)
        if stated is None:
            return [v for v in (self.fact(fact, col, "万元") for col in ("budget", "adjusted")) if v is not None]
        files = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.of.column)) if v is not None]
        same = next((v for v in files if same_figure(stated, v)), None)
        # (a budget stated other than the file's — "年初预算数1209.70万元（含上年结转35.20万元）" — may be counted
        # otherwise than the change after it, which may be the file's)
        return [same] if same is not None else [stated, *files]

    def _fits_any_fact(self, c: Claim) -> str | None:
        """With no budget stated, a change its words may name of several facts ("收入"): the one it fits, if any."""
        if self._budget_level(c) is not None:
            return None
        delta = c.value * MONEY[c.unit]
        for fact in c.alts:
            prior = self._last_year(c, fact)[1]
            if prior is not None and any(sum_consistent(delta, [now, -prior]) for now in self._budgets_of(c, fact)):
                return fact
        return None

    def _last_year(self, c: Claim, fact: str | None = None) -> tuple[str, Decimal | None, bool]:
        """Last year's figure a budget's change or rate is measured from, its column, and whether the text
        names it: the file's 上年预算数 where the text says last year's budget ("比2022年预算…") and the file
        has it; else its 上年决算数 — named where the text says last year's final ("较2022年决算…")."""
        fact = fact or c.fact
        if c.against == "prior_budget":
            value = self.fact(fact, "prior_budget", "万元")
            if value is not None:
                return "prior_budget", value, True
        return "prior", self.fact(fact, "prior", "万元"), c.final_base

    @property
    def prior_shown(self) -> bool:
        """Whether a change of a budget against last year in the text fits the file's 上年决算数: the text's 上年 is
        the file's."""
        if self._prior_shown is None:
            self._prior_shown = any(self._shows_prior(c) for c in self.claims if c.budget_base)
        return self._prior_shown

    def _shows_prior(self, c: Claim) -> bool:
        """Whether a change of a budget against last year fits the file's 上年决算数 exactly, and is not nil: the
        text's 上年 is the file's (a budget of last year equal to its final to the last digit is rare)."""
        if c.kind != "change" or not c.budget_base or not c.value or not c.money or c.fact is None \
                or c.sentence in self.far:
            return False
        col, prior, _ = self._last_year(c)
        if col != "prior":
            return False            # the file's 上年预算数 answers for itself
        return (prior is not None and any(sum_consistent(c.value * MONEY[c.unit], [now, -prior])
                                          for now in self._budgets_of(c))) or self._fits_any_fact(c) is not None

    def _unsourced(self, fact: str, column: str) -> Decimal | None:
        """A fact's figure (万元) read as it is, not as the part paid from the claim's source (see fact)."""
        saved, self.source = self.source, ""
        try:
            return self.fact(fact, column, "万元", quiet=True)
        finally:
            self.source = saved

    @staticmethod
    def _income_of_source(c: Claim) -> str:
        """The income line of the source a spending claim is paid from ("一般公共预算拨款支出" → its income), or ""."""
        source = BY_SOURCE.get(c.fact) or (c.source if c.fact == "finance.expenditure.current" else "")
        return f"finance.income.{source_key(source)}" if source else ""

    def _income_twin(self, c: Claim) -> str | None:
        """"一般公共预算拨款支出预算49,376万元，比2025年预算减少5,965万元": spending paid from one source against
        last year's budget, which the file gives for that source's income only. With no carry-over in this year's
        budget, the spending budgeted from a source is its income — the stated amount shows it — and so was last
        year's: the income line (its path), or None."""
        if c.against != "prior_budget" or c.fact is None or self.fact(c.fact, "prior_budget", "万元", quiet=True) is not None:
            return None
        twin, level = self._income_of_source(c), self._budget_level(c)
        if not twin or level is None:
            return None
        now, prior = self._unsourced(twin, "budget"), self._unsourced(twin, "prior_budget")
        carried = self._unsourced("finance.income.carryover", "budget") or \
            self._unsourced("finance.income.carryover", "prior_budget")
        if now is None or prior is None or carried or not same_figure(level, now):
            return None
        return twin

    def _budget_twin(self, c: Claim) -> str:
        """The income line of the source a budgeted spending amount is paid from, where the file says this year's
        budget carries nothing over (年初结转和结余 0): spending budgeted from a source is then that source's income
        ("一般公共预算拨款支出预算49,376万元" beside 政府性基金 spending, which the file's spending lines do not split)."""
        if c.column not in ("budget", "adjusted", "plan") or not c.money:
            return ""
        twin = self._income_of_source(c)
        return twin if twin and self._unsourced("finance.income.carryover", "budget") == 0 else ""

    def _twin_change(self, c: Claim, twin: str) -> None:
        now, prior = self._unsourced(twin, "budget"), self._unsourced(twin, "prior_budget")
        assert now is not None and prior is not None         # (see _income_twin)
        delta = c.value * MONEY[c.unit]
        how = f"{fact_label(twin, self.report)} 本年预算 {fmt(now)} − 上年预算数 {fmt(prior)} = {fmt(now - prior)}万元"
        if sum_consistent(delta, [now, -prior]):
            return self.ok(c, f"{how}（按来源安排的支出即这一来源的收入）")
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：按这一来源安排的支出即其收入，{how}，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符。", stated=c.value, computed=(now - prior) / MONEY[c.unit],
                   uses={f"{twin}.budget", f"{twin}.prior_budget"}, about=f"正文“…{self.quote(c, 8)}”")

    def _total_as_current(self, c: Claim) -> list[tuple[str, str, Decimal]]:
        """"学校2023年度收入总计430,725.03万元" where 430,725.03 is 本年收入合计: some templates call the year's own
        income and spending 收入总计、支出总计 (the tables' 总计 takes in the carry-over) — either is no contradiction."""
        current = {v: k for k, v in WITH_CARRYOVER.items()}.get(c.fact)
        if current is None or "总计" not in c.label or ("收" in c.label and "支" in c.label) or any(
                p.kind == "level" and p.fact == current for p in self._sentences(c.sentence)) \
                or self._other_side_total(c):
            return []           # (收、支总计 is the tables' 总计 in every template; so is one beside 本年收入合计)
        return [(current, col, v) for col in _columns(c.column) if (v := self.fact(current, col, c.unit)) is not None]

    def _other_side_total(self, c: Claim) -> bool:
        """"收入总计7542.23万元，支出总计7540.18万元": the other side's 总计 beside it, as the file's 总计 (with the
        carry-over) has it — the sentence's 总计 are the tables'."""
        for p in self._sentences(c.sentence):
            if p is not c and p.kind == "level" and p.money and p.fact in WITH_CARRYOVER.values() and p.fact != c.fact \
                    and "总计" in p.label:
                v = self.fact(p.fact, p.column if p.column in ("budget", "adjusted", "final") else "final", "万元", quiet=True)
                if v is not None and _as_written(p, v):
                    return True
        return False

    def _budget_change(self, c: Claim) -> None:
        """"预算数为20.1万元，与上年相比减少0.3万元，下降0.99%": last year's figure may be its budget, which the
        file does not have. The change is wrong only where the file's 上年决算数 is shown to be the base — the
        text names it, the rate stated with it fits that base exactly, or another change of a budget against
        last year in the same text fits its own 上年决算数 — and the change does not."""
        twin = self._income_twin(c)
        if twin is not None:
            return self._twin_change(c, twin)
        # "较2022年决算减少…", "比2022年预算减少…" (the file has 上年预算数): the base is named
        col, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        both = self._both_last_years(c)
        if both and currents and not (c.of is not None and c.of.flagged):
            return self._change_on_either(c, currents, both)
        if prior is None and currents and not (c.of is not None and c.of.flagged):
            budget = self._only_prior_budget(c)
            if budget is not None:
                return self._change_on_prior_budget(c, currents, budget)
        if not currents or prior is None or (c.of is not None and c.of.flagged):
            return self.skip(c, "事实文件没有上年预算数" if c.against == "prior_budget" else self._UNSURE_BASE)
        zh = _COLUMN_ZH[col]
        delta = c.value * MONEY[c.unit]
        for current in currents:
            if sum_consistent(delta, [current, -prior]):
                return self.ok(c, f"{fmt(current)} − {zh} {fmt(prior)} = {fmt(current - prior)}万元")
        other = self._fits_any_fact(c)
        if other is not None:
            return self.ok(c, f"{fact_label(other, self.report)}的本年预算 − 上年决算数")
        current = currents[0]
        rate = self.rates.get(id(c))
        rate_shows = rate is not None and prior and \
            abs((current - prior) / prior * 100 - rate.value) <= half_unit(rate.value)
        if not (named or rate_shows or self.prior_shown):
            return self.skip(c, "事实文件没有上年预算数" if c.against == "prior_budget" else self._UNSURE_BASE)
        word = "增加" if c.value >= 0 else "减少"
        why = f"写明比较的是{zh[:-1]}" if named else f"写明的 {fmt(abs(rate.value))}% 正是按上年决算数算的" \
            if rate_shows and rate is not None else "同一段中另一处与上年的比较正是按上年决算数算的"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算 "
                   f"{fmt(current)} − {zh} {fmt(prior)} = {fmt(current - prior)}万元，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符（{why}）。",
                   stated=c.value, computed=(current - prior) / MONEY[c.unit],
                   uses={f"{c.fact}.{col}"}, about=f"正文“…{self.quote(c, 8)}”")

    def _only_prior_budget(self, c: Claim) -> Decimal | None:
        """"预算总计37188.34万元，与上年相比…增加4016.19万元，增长12.11%": last year's figure unnamed, and the file has
        last year's budget but not last year's final — the 上年预算数 (万元), or None."""
        if c.against not in (None, "prior") or c.final_base or self.fact(c.fact, "prior", "万元") is not None:
            return None
        return self.fact(c.fact, "prior_budget", "万元")

    def _change_on_prior_budget(self, c: Claim, currents: list[Decimal], budget: Decimal) -> None:
        """The change fits the file's 上年预算数 (no contradiction); or it does not, and either the rate stated with it
        fits that base (the rate shows which base the text means) or no rate is stated — the file gives last year's
        budget as the figure of last year, so a budget is compared with a budget: the change is wrong. A rate that
        fits neither says the text measured from another base: nothing is certain."""
        delta = c.value * MONEY[c.unit]
        for current in currents:
            if sum_consistent(delta, [current, -budget]):
                return self.ok(c, f"{fmt(current)} − 上年预算数 {fmt(budget)} = {fmt(current - budget)}万元")
        rate, current = self.rates.get(id(c)), currents[0]
        if (rate is None and self._budget_level(c) is None) or (
                rate is not None and (not budget or not rate_fits((current - budget) / budget * 100, rate.value))):
            # (with no rate, only a change of a budget stated with it: "与上年相比支出减少2万元" after another line's
            # budget may be of that line)
            return self.skip(c, self._UNSURE_BASE)
        word = "增加" if c.value >= 0 else "减少"
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算 "
                   f"{fmt(current)} − 上年预算数 {fmt(budget)} = {fmt(current - budget)}万元，与写明的{word} "
                   f"{fmt(abs(c.value))}{c.unit} 不符（" + (f"写明的 {fmt(abs(rate.value))}% 正是按上年预算数算的"
                   if rate is not None else "事实文件的上年数是上年预算数") + "）。",
                   stated=c.value, computed=(current - budget) / MONEY[c.unit],
                   uses={f"{c.fact}.prior_budget"}, about=f"正文“…{self.quote(c, 8)}”")

    def _both_last_years(self, c: Claim, fact: str | None = None) -> list[tuple[str, Decimal]]:
        """"预算80万元，比上年增加5万元": last year's figure unnamed, budget or final — both, where the file has
        both (上年决算数 and 上年预算数): then a change or rate that fits neither is wrong whichever was meant."""
        if c.against not in (None, "prior") or c.final_base:
            return []
        both = [(col, v) for col in ("prior", "prior_budget") if (v := self.fact(fact or c.fact, col, "万元")) is not None]
        return both if len(both) == 2 else []

    def _change_on_either(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> None:
        delta = c.value * MONEY[c.unit]
        for current in currents:
            for col, base in both:
                if sum_consistent(delta, [current, -base]):
                    return self.ok(c, f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}万元")
        # "…，其他收入23万元。较2023年增加40.17万元": of the whole the list before it was of, with no budget stated
        for whole in c.alts if c.of is None else ():
            for current in self._budgets_of(c, whole):
                for col, base in self._both_last_years(c, whole):
                    if sum_consistent(delta, [current, -base]):
                        return self.ok(c, f"{fact_label(whole, self.report)} {fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)}"
                                          f" = {fmt(current - base)}万元")
        others = {*c.alts, *(c.of.alts if c.of is not None else ())} - {c.fact}
        if any(not self._both_last_years(c, whole) and any(v not in currents for v in self._budgets_of(c, whole))
               for whole in others):
            # "年初预算数1209.70万元（含上年结转35.20万元），…。收入较2022年增加55.87万元": the words may name a whole
            # of another budget (with the carry-over), whose last year the file lacks — measured from that, the change
            # may hold
            return self.skip(c, self._UNSURE_BASE)
        current = currents[0]
        how = "，也不是".join(f"{fmt(current)} − {_COLUMN_ZH[col]} {fmt(base)} = {fmt(current - base)}万元"
                            for col, base in both)
        self.error("PROSE-CHANGE", c, f"正文“…{self.quote(c, 24)}”：{fact_label(c.fact, self.report)} 本年预算与上年相比，"
                   f"写明的{'增加' if c.value >= 0 else '减少'} {fmt(abs(c.value))}{c.unit} 既不是 {how}。",
                   stated=c.value, computed=(current - both[0][1]) / MONEY[c.unit],
                   uses={f"{c.fact}.{col}" for col, _ in both}, about=f"正文“…{self.quote(c, 8)}”")

    def _rate_on_either(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> None:
        tried = [(col, base, (now - base) / base * 100) for now in currents for col, base in both if base]
        for col, base, computed in tried:
            if rate_fits(computed, c.value):
                return self.ok(c, f"（本年预算 − {_COLUMN_ZH[col]} {fmt(base)}） ÷ {fmt(base)} = {fmt(computed, _places(c))}%")
        if not tried:
            return self.skip(c, "上年的数为 0")
        how = "，也不是".join(f"按{_COLUMN_ZH[col]} {fmt(base)} 算的 {fmt(computed, _places(c))}%" for col, base, computed in tried[:2])
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：本年预算与上年相比，写明的 {fmt(abs(c.value))}% "
                   f"既不是{how}。", stated=c.value, computed=tried[0][2],
                   uses={f"{c.fact}.{col}" for col, _ in both})

    def _rate_on_stated_base(self, c: Claim, currents: list[Decimal]) -> bool:
        """"预算收入总计1747.99万元，较2022年部门预算收入总数2073.50万元减少325.51万元，同比下降18.62%": the sentence
        states last year's figure itself — the rate is on it, whichever column it was. Checked (True) or not."""
        base = c.base
        if base is None or base.kind != "prior" or base.sentence != c.sentence or base.figure is None or base.flagged \
                or not currents or base.unit not in MONEY or (c.of is not None and c.of.flagged):
            return False
        was = abs(base.value) * _scale(base.unit, "万元")
        if not was:
            return False
        tried = [(now - was) / was * 100 for now in currents]
        for computed in tried:
            if rate_fits(computed, c.value):
                self.ok(c, f"（本年预算 − 写明的上年数 {fmt(was)}） ÷ {fmt(was)} = {fmt(computed, _places(c))}%")
                return True
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：按写明的上年数 {fmt(was)} 算，本年预算与上年相比"
                   f"{'增长' if tried[0] > 0 else '下降'} {fmt(abs(tried[0]), _places(c))}%，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=tried[0])
        return True

    def _rate_on_prior_budget(self, c: Claim, currents: list[Decimal], budget: Decimal) -> bool:
        """"与上年相比，增加146.47万元，增长8.38%": the change stated is this year's budget less last year's (the only
        figure of last year the file has) — so the rate is on that base (True: checked)."""
        change = c.change
        if change is None or not change.money or change.sentence != c.sentence or change.flagged:
            return False
        delta = abs(change.value) * MONEY[change.unit]
        now = next((v for v in currents if same_figure(delta, abs(v - budget))), None)
        if now is None:
            return False
        computed = (now - budget) / budget * 100
        if ratio_fits(abs(now - budget), budget, abs(c.value), half_unit(now) + half_unit(budget), half_unit(budget)):
            self.ok(c, f"（本年预算 {fmt(now)} − 上年预算数 {fmt(budget)}） ÷ {fmt(budget)} = "
                       f"{fmt(computed, _places(c))}%（写明的数各有尾差）")
            return True
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：写明的增减额 {fmt(delta)} 是本年预算 {fmt(now)} "
                   f"与上年预算数 {fmt(budget)} 之差，按它算{'增长' if computed >= 0 else '下降'} "
                   f"{fmt(abs(computed), _places(c))}%，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)
        return True

    def _budget_rate(self, c: Claim) -> None:
        """The rate of a budget against last year, against its own sentence: the change stated ÷ last year's
        figure, which is the budget stated less the change, whichever of last year's columns that was."""
        current, change = self._budget_level(c), c.change
        _, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        if self._rate_on_stated_base(c, currents):
            return None
        both = self._both_last_years(c)
        if both and currents and not (c.of is not None and c.of.flagged):
            return self._rate_on_either(c, currents, both)
        if currents and prior and (named or self._fits_last_year(c, currents, prior) or (
                self.prior_shown and (change is None or change.sentence != c.sentence))):
            return self._rate_on_last_year(c, currents)
        budget = self._only_prior_budget(c) if currents and prior is None else None
        if budget and self._fits_last_year(c, currents, budget):
            return self.ok(c, f"（本年预算 − 上年预算数 {fmt(budget)}） ÷ {fmt(budget)}")
        if budget and self._rate_on_prior_budget(c, currents, budget):
            return None
        if current is None or change is None or not change.money or change.sentence != c.sentence:
            return self.skip(c, self._UNSURE_BASE)
        if change.flagged or (c.of is not None and c.of.flagged):
            return self.skip(c, "它所依据的金额已报错")
        delta = change.value * MONEY[change.unit]
        base = current - delta
        if base <= 0:
            return self.skip(c, self._UNSURE_BASE)
        computed = delta / base * 100
        if rate_fits(computed, c.value) or self._within_rounding(c, current, delta, c.of, change):
            return self.ok(c, f"{fmt(delta)} ÷ 上年数 {fmt(base)}（本年预算 {fmt(current)} − 增减额） = {fmt(computed, _places(c))}%")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {fmt(delta)} ÷ 上年数 {fmt(base)}（本年预算 "
                   f"{fmt(current)} 减去变动）= {words}，与写明的 {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)

    @staticmethod
    def _within_rounding(c: Claim, current: Decimal, delta: Decimal, level: Claim | None, change: Claim) -> bool:
        """Whether the rate is the change ÷ (the budget − the change) for some figures that round to those written
        ("预算数为2.64万元。比上年增加0.26万元，增长10.93%": 0.2592 ÷ 2.3708 = 10.93%) — each ± half its last digit —
        and is not the change ÷ the budget."""
        if current and rate_fits(delta / current * 100, c.value):
            return False        # "预算1.71万元，同比增加0.01万元，上升0.58%": the change ÷ this year's — the usual slip
        hc = half_unit(level.value) * MONEY[level.unit] if level is not None and level.unit in MONEY else Decimal(0)
        return _rate_within_rounding(c.value, current, hc, delta, half_unit(change.value) * MONEY[change.unit])

    @staticmethod
    def _fits_last_year(c: Claim, currents: list[Decimal], prior: Decimal) -> bool:
        """Whether a budget's growth rate fits the file's figure of last year exactly: then it is no contradiction
        (and the change stated with it is checked on that base, see _budget_change)."""
        return any(rate_fits((now - prior) / prior * 100, c.value) for now in currents)

    def _rate_on_last_year(self, c: Claim, currents: list[Decimal]) -> None:
        """"经费预算48万元，较2022年决算增长25%", "比2022年预算增长…": this year's budget against the file's figure
        of last year, as the text says (or as another change of a budget in the same text shows)."""
        col, prior, _ = self._last_year(c)
        if not prior or (c.of is not None and c.of.flagged):
            return self.skip(c, f"事实文件没有{_COLUMN_ZH[col]}")
        zh = _COLUMN_ZH[col]
        for current in currents:
            computed = (current - prior) / prior * 100
            how = f"（本年预算 {fmt(current)} − {zh} {fmt(prior)}） ÷ {fmt(prior)}"
            if rate_fits(computed, c.value):
                return self.ok(c, f"{how} = {fmt(computed, _places(c))}%")
        computed = (currents[0] - prior) / prior * 100
        how = f"（本年预算 {fmt(currents[0])} − {zh} {fmt(prior)}） ÷ {fmt(prior)}"
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：{how} = {words}，与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。", stated=c.value, computed=computed,
                   uses={f"{c.fact}.{col}"})

    def _rate(self, c: Claim) -> None:
        if c.value < -100:
            # "同比下降114.19%" (the change over this year's amount): an amount that falls to nothing falls by 100 %
            return self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：写明下降 {fmt(abs(c.value))}%，但一个数减少到"
                              " 0 也只下降 100%：下降的幅度应是减少额 ÷ 上年数。", stated=c.value, computed=Decimal(-100))
        if c.fact is None:
            return self._stated_rate(c)
        stated = self._stated_level(c)
        if stated is not None:
            return self._stated_rate(c, stated)
        if c.column == "adjusted" and c.against == "budget":
            return self._rate_of_adjustment(c)
        if self._of_budget_peers(c):
            return None
        if c.budget_base or (c.against in (None, "prior") and self._last_said_as_budget(c)):
            # ("（二）公务接待费 2023年预算安排3.2万元。…。与上年相比支出增加97.53%": its budget against last year)
            return self._budget_rate(c)
        if self._budget_stated(c):
            if not self._stated_budget_on_either(c):
                self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")
            return None
        if self._rate_of_another(c):
            return None
        return self._rate_on_facts(c)

    def _rate_of_adjustment(self, c: Claim) -> None:
        """"全年预算比年初预算增长17.04%": (调整预算 − 年初预算) ÷ 年初预算."""
        fact = self._fact_of(c)
        adjusted, budget = self.fact(fact, "adjusted", "万元"), self.fact(fact, "budget", "万元")
        if adjusted is None or not budget:
            return self.skip(c, f"事实文件没有 {self._label(fact, 'adjusted')} 或 {self._label(fact, 'budget')}")
        computed = (adjusted - budget) / budget * 100
        how = f"（{self._label(fact, 'adjusted')} {fmt(adjusted)} − 年初预算数 {fmt(budget)}）÷ {fmt(budget)} = " \
              f"{fmt(computed, _places(c))}%"
        if rate_fits(computed, c.value):
            return self.ok(c, how)
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：{how}，与写明的 {fmt(c.value)}% 不符。",
                   stated=c.value, computed=computed)

    def _rate_of_another(self, c: Claim) -> bool:
        """The rate of a change whose words may be another fact's too, on that fact's base — it holding is no
        contradiction: "收入总计7542.23万元，其中年初结转和结余9.42万元，较2022年增加417.48万元，增长5.9%" (the list head's,
        see _change); "…其他收入35.00万元；调整预算为12328.90万元，较年初预算增加5473.45万元，增长79.84%" (the amount's
        other fact, see the reader's alts)."""
        change = c.change
        if change is None or change.kind != "change" or change.unit not in MONEY:
            return False
        tried = [(w, "prior") for w in change.alts]
        if change.of is not None and c.against in ("budget", "adjusted"):
            tried += [(w, c.against) for w in change.of.alts]
        delta = change.value * MONEY[change.unit]
        for whole, col in tried:
            base = self.fact(whole, col, "万元")
            final = self.fact(whole, "final", "万元", quiet=True) if col == "prior" else None
            if final is not None and base is not None and not any(sum_consistent(d, [final, -base]) for d in (delta, -delta)):
                # ("收支较上年决算数增加62.00万元、增长5.0%": 本年收入合计 rose by 85.44, not 62.00 — its base is not this
                # change's: 62.00 ÷ its 1241.36 = 4.99 % agrees by chance; a change of the right size in the wrong
                # direction is the change's error, reported there)
                continue
            if base and rate_fits(delta / base * 100, c.value):
                self.ok(c, f"{fmt(delta)} ÷ {self._label(whole, col)} {fmt(base)} = {fmt(delta / base * 100, _places(c))}%")
                return True
        return False

    def _rate_on_facts(self, c: Claim) -> None:
        """A growth rate against the file's figures: this year's and last year's (or the change stated with it)."""
        unit = "万元"
        change = None
        if c.change is not None and c.change.money and not c.change.flagged:
            unit, change = c.change.unit, c.change.value
        probe = Claim("change", c.figure, self._fact_of(c), against=c.against, of=c.of, base=c.base, unit=unit,
                      value=c.value, sentence=c.sentence)
        current, stale = self._current(probe)
        if stale or (c.base is not None and c.base.flagged):
            return self.skip(c, "它所依据的金额已报错")
        bases = self._bases(probe)
        if c.change is not None and c.change.money and c.change.flagged and not self._turned(c.change, current, bases):
            # (a change reported only for its direction leaves the rate's own direction to be checked: "减少98.73万元，
            # 下降13.45%" for a rise of 98.73 — both words are wrong)
            return self.skip(c, "它所依据的增减额已报错")
        if change is not None and id(c.change) in self.change_base:
            # "减少40217.50元，下降118.29%": the change fitted last year's figure, so its rate is on that figure too
            bases = [(col, b) for col, b in bases if col == self.change_base[id(c.change)]] or bases
        if not any(col == "prior" for col, _ in bases) and change is not None and current is not None \
                and c.against in (None, "prior") and c.base is None and _level_stated(c):
            return self._rate_from_change(c, current, change)
        if c.against is None and c.base is None and not any(col == "prior" for col, _ in bases):
            return self.skip(c, "没有写比较的基数，事实文件也没有上年数")
        return self._rate_on_bases(c, probe, bases, current, change)

    @staticmethod
    def _turned(change: Claim, current: Decimal | None, bases: list) -> bool:
        """Whether a change is the table's change with its direction turned: its amount right, its sign wrong."""
        if current is None:
            return False
        amount = change.value * _scale(change.unit, "万元")
        return any(same_figure(abs(amount), abs(current - base)) and (amount > 0) != (current - base > 0)
                   for _, base in bases if current != base)

    def _rate_from_change(self, c: Claim, current: Decimal, change: Decimal) -> None:
        """"公务用车购置及运行维护费支出决算增加21.90万元，增长58.63%": the file has this year's amount but not last
        year's — which is this year's less the change stated: the rate is the change ÷ that, each figure ± half its
        last digit."""
        level = c.of            # (written in the sentence: see _level_stated)
        if level.flagged:
            return self.skip(c, "它所依据的金额已报错")
        if c.change is not None and c.change.unit in MONEY:
            # the amount as its sentence states it (the file's may be the same line under another name: 收入总计)
            current = abs(level.value) * _scale(level.unit, c.change.unit)
        base = current - change
        hc, hd = half_unit(current), half_unit(change)
        if base - hc - hd <= 0:
            return self.skip(c, "上年数（本年数减去增减额）为 0 或太小，算不准")
        computed = change / base * 100
        how = f"{fmt(change)} ÷ 上年数 {fmt(base)}（本年 {fmt(current)} 减去写明的增减额）"
        if _rate_within_rounding(c.value, current, hc, change, hd):
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {how} = {words}，与写明的"
                   f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。", stated=c.value, computed=computed)

    def _rate_on_bases(self, c: Claim, probe: Claim, bases: list, current: Decimal | None, change) -> None:
        tried = []
        for col, base in bases:
            delta = change if change is not None else (current - base if current is not None else None)
            if delta is None or not base:
                continue
            computed = delta / base * 100
            tried.append((col, base, delta, computed))
            if _rate_holds(c.value, computed, current, base) or self._fits_stated_budget(c, probe):
                return self.ok(c, f"{fmt(delta)} ÷ {_COLUMN_ZH[col]} {fmt(base)} = {fmt(computed, _places(c))}%")
        if not tried:
            return self.skip(c, "事实文件没有算出增幅所需的数")
        col, base, delta, computed = tried[0]
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.quote(c, 30)}”：变动 {fmt(delta)} ÷ {_COLUMN_ZH[col]} {fmt(base)} "
                   f"= {words}，与写明的{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}% 不符。",
                   stated=c.value, computed=computed)

    def _stated_level(self, c: Claim) -> Claim | None:
        """"一般公共预算财政拨款支出2940.05万元。与2022年度相比，一般公共预算财政拨款支出减少63.14万元，下降2.10%":
        the file has no figure of the fact (spending of one source beside a carry-over), but the text states this
        year's amount (in this sentence or the one before) and the change from last year — the rate is checked
        against those two, as a fact-less one. The amount, or None."""
        change = c.change
        if c.against not in (None, "prior") or change is None or change.figure is None or not change.money \
                or c.figure is None or self.fact(c.fact, "final", "万元") is not None \
                or self.fact(c.fact, "prior", "万元") is not None:
            return None
        levels = [p for p in self._sentences(c.sentence - 1, c.sentence) if p.kind == "level" and p.fact == c.fact
                  and p.column == "final" and p.money and p.figure is not None
                  and p.figure.start < change.figure.start]
        return levels[-1] if len(levels) == 1 else None

    def _two_years_rate(self, c: Claim) -> None:
        """A growth rate against last year's amount and this year's, both written in its sentence (no fact of the
        file): (this − last) ÷ last, each amount ± half its last digit."""
        now, before = c.of, c.base
        b, n = abs(before.value) * MONEY[before.unit], abs(now.value) * MONEY[now.unit]
        hb, hn = half_unit(before.value) * MONEY[before.unit], half_unit(now.value) * MONEY[now.unit]
        if b - hb <= 0:
            return self.skip(c, "上年数为 0 或太小，算不准")
        rates = [(n + y - b - x) / (b + x) * 100 for x in (-hb, hb) for y in (-hn, hn)]
        slack = half_unit(c.value)
        computed = (n - b) / b * 100
        how = f"（{fmt(abs(now.value))}{now.unit} − 上年 {fmt(abs(before.value))}{before.unit}） ÷ 上年 {fmt(abs(before.value))}{before.unit}"
        if min(rates) - slack <= c.value <= max(rates) + slack:
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%（同一句写明的两年的数）")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        stated = f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.text[max(0, before.start - 8):c.figure.end]}”：{how} = {words}，"
                   f"与写明的{stated} 不符。", stated=c.value, computed=computed)

    def _stated_rate(self, c: Claim, level: Claim | None = None) -> None:
        """A growth rate against the amount and the change its sentence states (no fact of the file): the change ÷
        last year's amount, which is the amount less the change. Each amount stands for ± half its last digit,
        so the rate may be anywhere between the extremes."""
        if c.change is None and c.base is not None:
            return self._two_years_rate(c)
        level, change = level or c.of, c.change
        if level.flagged or change.flagged or level.unit not in MONEY or change.unit not in MONEY:
            return self.skip(c, "它所依据的金额已报错")
        a, d = abs(level.value) * MONEY[level.unit], change.value * MONEY[change.unit]
        ha, hd = half_unit(level.value) * MONEY[level.unit], half_unit(change.value) * MONEY[change.unit]
        if self._below_nothing(c, level, change):
            return None
        if a - d - ha - hd <= 0:
            return self.skip(c, "上年数（本年数减去增减额）为 0 或太小，算不准")

        def fits(d: Decimal) -> bool:
            return _rate_within_rounding(c.value, a, ha, d, hd)

        computed = d / (a - d) * 100
        # (in the unit the sentence writes both in: "35.3亿元 ÷ 上年数 330.0亿元", not in 万元)
        u = level.unit if level.unit == change.unit else "万元"
        how = (f"{fmt(d / MONEY[u])}{u} ÷ 上年数 {fmt((a - d) / MONEY[u])}{u}（本年 {fmt(a / MONEY[u])} 减去增减额）")
        if fits(d):
            return self.ok(c, f"{how} = {fmt(computed, _places(c))}%（同一句写明的数）")
        head = self._head_of_item(level)
        if head is not None and head.unit in MONEY and not head.flagged and _rate_within_rounding(
                c.value, abs(head.value) * MONEY[head.unit], half_unit(head.value) * MONEY[head.unit], d, hd):
            # "总预算安排37337407.64元，其中：…，项目支出预算36849227元，同比增加27125219.46元，增长265.6%": after the
            # last item of a list, the change and its rate may be the list's head's
            return self.ok(c, f"按“其中”前的总数 {fmt(abs(head.value))}{head.unit} 算（同一句写明的数）")
        earlier = next((f for f in reversed(figures_before(self.reading, level)) if f.unit in MONEY and _rate_within_rounding(
            c.value, abs(f.value) * MONEY[f.unit], half_unit(f.value) * MONEY[f.unit], d, hd)), None)
        if earlier is not None:
            # "税务完成4659万元，占年初预算月进度的147.2%，月进度1493万元，较上年同月减收484万元，下降9.4%": the change
            # and its rate may be of an amount stated earlier in the sentence
            return self.ok(c, f"按同一句前面的 {fmt(abs(earlier.value))}{earlier.unit} 算（同一句写明的数）")
        if d and fits(-d):
            # "比上年减少15.18万元，增长5.11%": with the change the other way the rate is exact — the word for the
            # change's direction is the slip, not the rate
            flipped = "增加" if d < 0 else "减少"
            return self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, level.start - 8):c.figure.end]}”：写明"
                              f"{'减少' if d < 0 else '增加'} {fmt(abs(change.value))}{change.unit}，但按{flipped}算，"
                              f"{fmt(abs(d))}万元 ÷ 上年数 {fmt(a + d)}万元 正是写明的 {fmt(abs(c.value))}%：增减的方向写反了。",
                              at=change.start, stated=change.value, computed=-change.value)
        if level.start in others_at(self.reading) and abs(abs(computed) - abs(c.value)) <= 10 * half_unit(c.value):
            # another body's figures, off in the last digit or two: its rate may be of figures finer than it wrote
            return self.skip(c, f"{how} = {fmt(computed, _places(c))}%：别的主体的数，只差末位，可能是按更细的数算的")
        words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), _places(c))}%"
        stated = f"{'增长' if c.value >= 0 else '下降'} {fmt(abs(c.value))}%"
        self.error("PROSE-RATE", c, f"正文“…{self.text[max(0, level.start - 8):c.figure.end]}”：变动 {how} = {words}，"
                   f"与写明的{stated} 不符。", stated=c.value, computed=computed)

    def _head_of_item(self, item: Claim) -> Claim | None:
        """The head of the 其中 list `item` is the last item of, if any."""
        return self._lists()[1].get(id(item.figure)) if item.figure is not None else None

    def _share(self, c: Claim) -> None:
        part = c.of
        if part is None or part.flagged:
            return self.skip(c, "占比的分子已报错")
        if part.figure is None:         # "流动资产占资产总额的36.94%": the part is a fact
            part_wan = self.fact(part.fact, part.column, "万元")
        else:
            part_wan = abs(part.value) * MONEY[part.unit] if part.unit in MONEY else None
        if part_wan is None:
            return self.skip(c, "事实文件没有作为分子的数")
        wholes = self._wholes(c)
        if wholes is None:
            return self.skip(c, "总数已报错")
        wholes = wholes or self._whole_in_its_words(c)
        if not wholes:
            return self.skip(c, "事实文件没有作为分母的总数")
        # each written figure stands for ± half its last digit: the share may be anywhere between the extremes
        # (a part the file has a figure for is that figure: the table's precision is the writer's)
        known = part.fact is not None and self.fact(part.fact, part.column or "final", "万元") is not None
        part_half = half_unit(part.value) * MONEY[part.unit] if part.figure is not None and not known else \
            half_unit(part_wan)
        for whole, whole_zh, whole_half in wholes:
            low = (part_wan - part_half) / (whole + whole_half) * 100
            high = (part_wan + part_half) / max(whole - whole_half, Decimal("0.000001")) * 100
            share = part_wan / whole * 100
            if low - half_unit(c.value) <= c.value <= high + half_unit(c.value):
                return self.ok(c, f"{fmt(part_wan)} ÷ {whole_zh} {fmt(whole)} = {fmt(share, _places(c))}%")
        if self._share_in_budget(c, part, part_wan) or self._unnamed_part_in_budget(c, part, part_wan):
            return None
        whole, whole_zh, _ = wholes[0]
        share = part_wan / whole * 100
        if part.fact is None and share > 100 >= c.value and c.whole_from is None:
            # "（全县）税收收入完成6.20亿元，…，占预算收入比重45.32%": an amount of no fact of the file, more than the
            # department's whole its words name — that whole is another's
            return self.skip(c, f"按 {whole_zh} {fmt(whole)}万元 算超过 100%：说的多半是别的主体的总数")
        # (shares written to add up to 100 with the rounding difference put on one of them are still not the figures'
        # shares: said, with the likely reason)
        why = "（各项占比合计正好是 100%：多半是把尾差调到了这一项上，但按所写的数算不是这个比例。）" \
            if self._made_up_to_100(c, share) else ""
        start = part.start if part.figure is not None else c.start - 16
        named = f"{fmt(abs(part.value))}{part.unit}" if part.figure is not None else \
            f"{self._label(part.fact, part.column)} {fmt(part_wan)}万元"
        self.error("PROSE-SHARE", c, f"正文“…{self.text[max(0, start - 8):c.figure.end]}”：{named} ÷ {whole_zh} "
                   f"{fmt(whole)}万元 = {fmt(share, _places(c))}%，与写明的 {fmt(c.value)}% 不符。{why}",
                   stated=c.value, computed=share)

    def _share_in_budget(self, c: Claim, part: Claim, part_wan: Decimal) -> bool:
        """"其中:财政拨款 1747.99 万元,占 100%": a part of no column word that is its fact's budget figure (and not its
        final) is a share of the whole in that column (True: it holds so)."""
        if part.figure is None or not part.implied or part.fact is None or c.whole is None:
            return False
        for col in ("budget", "adjusted"):
            whole = self.fact(c.whole, col, "万元", quiet=True)
            if whole and self._only_in(part, col) and rate_fits(part_wan / whole * 100, c.value):
                self.ok(c, f"{fmt(part_wan)} ÷ {self._label(c.whole, col)} {fmt(whole)} = "
                           f"{fmt(part_wan / whole * 100, _places(c))}%（这一项是{_COLUMN_ZH[col]}）")
                return True
        return False

    def _unnamed_part_in_budget(self, c: Claim, part: Claim, part_wan: Decimal) -> bool:
        """"部门预算总收入预计1174.50万元…。其中：财政拨款（补助）1174.50万元，占总收入的100.00%": a part no fact's name
        names, in a text that speaks of the budget, may be a share of the whole's budget — it holds so (True)."""
        if part.fact is not None or part.figure is None or c.whole is None or "预算" not in self.text[:c.start]:
            return False
        for col in ("budget", "adjusted"):
            whole = self.fact(c.whole, col, "万元", quiet=True)
            if whole and rate_fits(part_wan / whole * 100, c.value):
                self.ok(c, f"{fmt(part_wan)} ÷ {self._label(c.whole, col)} {fmt(whole)} = "
                           f"{fmt(part_wan / whole * 100, _places(c))}%（前文说的是预算）")
                return True
        return False

    def _made_up_to_100(self, c: Claim, share: Decimal) -> bool:
        """"人员经费…、公用经费…、项目支出…，分别占支出合计的50.3%、5.5%、44.2%" (44.14 by the figures): the shares of one
        whole written so that they add up to 100 exactly, the rounding difference put on one of them — off by no more
        than the rounding of all of them together (a practice, still a share the figures do not give: the message says
        so)."""
        siblings = [s for s in self._sentences(c.sentence) if s.kind == "share" and s.whole_from is c.whole_from
                    and s.whole == c.whole and s.value is not None]
        if len(siblings) < 2 or sum(s.value for s in siblings) != 100:
            return False
        return abs(c.value - share) <= half_unit(c.value) * len(siblings)

    def _wholes(self, c: Claim) -> list | None:
        """What a share may be of: (amount in 万元, its words, ± half its last digit), the one written first.
        The head of the list the share is in ("总支出7542.23万元，其中基本支出…，占11.22%"), and the table's
        figures its words may name ("总支出" is 本年支出合计 or 支出总计: a share of either holds); None when
        the whole was reported wrong."""
        head = c.whole_from
        if head is not None:
            if head.flagged or head.unit not in MONEY:
                return None
            out = [(abs(head.value) * MONEY[head.unit], "写明的总数", half_unit(head.value) * MONEY[head.unit])]
            for fact in (head.fact, *head.alts) if head.fact is not None else ():
                value = self.fact(fact, head.column or "final", "万元")
                if value and same_figure(out[0][0], value):     # the table's own figure for the total written
                    out.append((value, self._label(fact, head.column), half_unit(value)))
            part = c.of
            if head.column in ("budget", "adjusted", "plan") and head.fact is not None and part is not None \
                    and part.implied and (final := self.fact(head.fact, "final", "万元")):
                # "“三公”经费预算10.50万元，执行率88.48%。其中公务用车运行维护费7.94万元，占85.47%": an item of no column
                # word after a budget may be the final, its share of the whole's final
                out.append((final, self._label(head.fact, "final"), half_unit(final)))
            if c.whole is not None:         # the total its words name, as well as the list's head (see shares.py)
                out.extend(self._named_wholes(c))
            outer = c.other             # an inner list's item: of the outer list's head too (see shares.py)
            if outer is not None and outer.figure is not None and not outer.flagged and outer.unit in MONEY:
                out.append((abs(outer.value) * MONEY[outer.unit], "外层“其中”前的总数", half_unit(outer.value) * MONEY[outer.unit]))
            out.extend(self._stated_wholes_of(c))
            return [w for w in out if w[0] - w[2] > 0]
        return self._named_wholes(c)

    def _whole_in_its_words(self, c: Claim) -> list:
        """"对企业补助合计5501.02万元，占一般公共预算支出7540.18万元的72%": the whole written inside the share's words,
        where the file has no figure of it — the share is checked against the text's own amount."""
        part = c.of
        if part is None or part.figure is None:
            return []
        whole = whole_in_share(self.reading, part.figure.end, c.start)
        if whole is None or whole.unit not in MONEY:
            return []
        return [(abs(whole.value) * MONEY[whole.unit], "写明的总数", half_unit(whole.value) * MONEY[whole.unit])]

    def _stated_wholes_of(self, c: Claim) -> list:
        """"支出总计1466.69万元，其中本年支出1370.33万元…；本年支出中基本支出839.05万元，占61.23%": the other amounts its
        sentence states of a whole the part is in — a share of one of them is no contradiction."""
        part = c.of
        if part is None or part.fact is None or c.whole is not None:
            return []           # (a whole named — "占总收入的55.51%" — is that one)
        return [(abs(w.value) * MONEY[w.unit], f"写明的{self._label(w.fact, w.column)}", half_unit(w.value) * MONEY[w.unit])
                for w in self._sentences(c.sentence) if w.kind == "level" and w.figure is not None and w.fact is not None
                and w is not c.whole_from and not w.flagged and w.unit in MONEY and within(w.fact, part.fact)]

    def _named_wholes(self, c: Claim) -> list:
        # (a share of last year's part is of last year's whole: "2022年本局项目支出1180.53万元，占当年支出合计的46.68%")
        columns = _columns(c.column) if c.column in ("budget", "adjusted", "plan", "any") else \
            ["prior"] if c.column == "prior" else ["final"]
        if len(columns) > 1:
            columns = self._part_column(c, columns)
        elif columns == ["final"] and c.of is not None and c.of.implied:
            # "“三公”经费预算支出中，…公务接待费支出7.30万元，占“三公”经费的…": a part of no column word that is exactly
            # its fact's budget (not its final) is a share of the whole's budget
            exact = self._part_column(c, ["final", "budget", "adjusted"])
            columns = exact if len(exact) == 1 else columns
        carried = {v: k for k, v in WITH_CARRYOVER.items()}
        wholes = [c.whole, WITH_CARRYOVER[c.whole]] if c.implied and c.whole in WITH_CARRYOVER else \
            [c.whole, carried[c.whole]] if c.implied and c.whole in carried else [c.whole]
        return [(v, self._label(whole, col), half_unit(v)) for whole in wholes for col in columns
                if (v := self.fact(whole, col, "万元"))]

    def _part_column(self, c: Claim, columns: list) -> list:
        """"项目支出预算474.20万元，占支出总预算40.37%": the columns a bare 预算 may mean, narrowed to the one the part's
        amount is exactly (its 年初预算数, not its 调整预算数) — a part of one column is a share of the whole's in it."""
        part = c.of
        if part is None or part.fact is None or part.figure is None or part.unit not in MONEY:
            return columns
        exact = [col for col in columns if (v := self.fact(part.fact, col, part.unit, quiet=True)) is not None
                 and same_figure(abs(part.value), v)]
        return exact if len(exact) == 1 else columns

    def _execution(self, c: Claim) -> None:
        if c.other is not None:
            return self._stated_execution(c)
        if c.fact in ("department.staffing.serving", "department.staffing.posts_total", "department.staffing.posts"):
            return self._staff_control(c)
        if (c.fact or "").startswith("department.staffing"):
            return self.skip(c, "这类人员没有控制率的算法")
        if c.of is not None and c.of.flagged:
            return self.skip(c, "它所依据的金额已报错")
        columns = _columns(c.column) if c.column in ("budget", "adjusted") else \
            self._base_column_stated(c) or ["adjusted", "budget"]
        tried, unsure = [], False
        for fact, col in ((f, col) for f in (c.fact, *c.alts) for col in columns):
            final, base = self.fact(fact, "final", "万元"), self.fact(fact, col, "万元")
            if final is None or not base:
                continue
            if c.column is None and col == "budget" and fact.startswith(("finance.income.", "finance.expenditure.")) \
                    and self.fact(fact, "adjusted", "万元", quiet=True) is None and self._adjusted_in_year():
                unsure = True   # (the rate may be of the 调整预算, which the file has not for this line: see there)
                continue
            rate = (final - base if c.variance else final) / base * 100
            tried.append((fact, col, base, final, rate))
            hf, hb = half_unit(final), half_unit(base)
            if ratio_fits(abs(final - base), base, abs(c.value), hf + hb, hb,
                          coarse=hf > abs(final) / 200 or hb > abs(base) / 200) if c.variance \
                    else ratio_fits(final, base, c.value, hf, hb):
                how = f"（决算数 {fmt(final)} − {_COLUMN_ZH[col]} {fmt(base)}）" if c.variance else f"决算数 {fmt(final)}"
                whose = "" if fact == c.fact else f"{self._label(fact, None)} "
                return self.ok(c, f"{whose}{how} ÷ {_COLUMN_ZH[col]} {fmt(base)} = {fmt(rate, _places(c))}%")
        if not tried and unsure:
            return self.skip(c, "年中调整过预算，事实文件没有这一项的调整预算数：执行率按哪个预算算的，不能确定")
        if not tried:
            stated = self._stated_pair(c)
            if stated is not None and not c.variance:
                # "…支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.46%": no fact for it (spending
                # of one source beside a carry-over), but the sentence states both amounts — checked against them
                return self._stated_execution(c, stated)
            return self.skip(c, f"事实文件没有{fact_label(c.fact, self.report)}的决算数和预算数")
        self._execution_off(c, tried[0])

    def _base_column_stated(self, c: Claim) -> list:
        """"全年预算数1326.80万元，执行数1305.93万元，完成预算的111.19%": a bare 预算 after its sentence stated the
        budget of the same thing in one column — that column, the one the rate is of ([] when none)."""
        said = [p for p in self._sentences(c.sentence) if p.kind == "level" and p.start < c.start and not p.implied
                and p.column in ("budget", "adjusted") and p.fact in (c.fact, *c.alts)
                and self.verdicts.get(id(p), "").startswith("相符")]
        return [said[-1].column] if said and len({p.column for p in said}) == 1 else []

    def _execution_off(self, c: Claim, tried: tuple) -> None:
        """A rate of execution the file's figures do not give: still right when the sentence's own amounts give it
        (see _base_in_sentence), else reported with the first reading tried."""
        earlier = self._base_in_sentence(c)
        if earlier is not None:
            return self.ok(c, f"{fmt(abs(c.of.value))} ÷ 同一句前面写明的 {fmt(abs(earlier.value))}{earlier.unit}"
                              f"（同一句写明的数）")
        fact, col, base, final, rate = tried
        how = f"（决算数 {fmt(final)} − {_COLUMN_ZH[col]} {fmt(base)}）" if c.variance else f"决算数 {fmt(final)}"
        self.error("PROSE-EXECUTION", c, f"正文“…{self.quote(c, 20)}”：{self._label(fact, None)} {how} ÷ "
                   f"{_COLUMN_ZH[col]} {fmt(base)} = {fmt(rate, _places(c))}%，与写明的 {fmt(c.value)}% 不符。",
                   stated=c.value, computed=rate, uses={f"{fact}.final", f"{fact}.{col}"},
                   about=f"正文“…{self.quote(c, 8)}”")

    def _count_of_a_category(self, c: Claim, staffing) -> None:
        """A count of one category's people (or of posts not read): wrong only when it outnumbers all of them."""
        bound = self._category_bound(c, staffing)
        if bound is not None and c.value > bound[1] and c.value - bound[1] in self._others_listed_after(c):
            # "现有在岗职工34人，其中：在编人员23人，聘用人员11人": people the file does not count among its staff
            # are among them
            return self.skip(c, "其后的“其中”列出了事实文件不计入在职人员的人（聘用、临聘等）")
        if bound is not None and c.value > bound[1] and c.category == "未写明类别" and self._in_aside(c):
            # "…医技身份共105人（含在行政岗位，在编仅55人）": of a group the aside's item counts, not of the department
            return self.skip(c, "括号里说的是前面那一类人中的一部分，不是全部门的")
        if bound is not None and c.value > bound[1]:
            # one kind of the people cannot outnumber all of them
            return self.error("PROSE-COUNT", c, f"正文“…{self.quote(c)}”与人员编制不符：说的是一类人员（{c.category}），"
                              f"却多于{bound[0]} {bound[1]}{c.unit}。", stated=c.value, fact=bound[1])
        return self.skip(c, f"说的是一类编制（{c.category}）的人数，不是全部门的")

    def _in_aside(self, c: Claim) -> bool:
        """Whether a claim's figure stands inside brackets (opened before it, within its last 80 characters)."""
        return in_brackets(self.text, max(0, c.start - 80), c.start)

    def _base_in_sentence(self, c: Claim) -> Any:
        """"预算收入总计1362.00万元，预算支出总计1305.93万元，预算执行率95.9%": a rate of execution that is exactly the
        amount it is of ÷ an amount stated before it in its sentence (each ± half its last digit) — the writer's
        own base, whatever the file's columns; a slipped rate is no such ratio. (As written, not ± half their last digits:
        "年初预算18万元，实际支出15.63万元" gives 86.83%, not anything from 84.5% to 89.3%.)"""
        level = c.of
        if c.variance or level is None or level.figure is None or level.unit not in MONEY or level.sentence != c.sentence:
            return None
        num = abs(level.value) * MONEY[level.unit]
        # (a rate of the 全年预算 by the form's row — "年初预算数…，全年预算数…，全年执行数…，执行率…" — is not of the 年初预算)
        other_column = {id(p.figure) for p in self._sentences(c.sentence) if p.kind == "level" and p.figure is not None
                        and c.column == "adjusted" and p.column == "budget"}
        for f in reversed(figures_before(self.reading, level)):
            if f.unit in MONEY and f.value and id(f) not in other_column \
                    and rate_fits(num / (abs(f.value) * MONEY[f.unit]) * 100, c.value):
                return f
        return None

    def _adjusted_in_year(self) -> bool:
        """Whether the file shows the budget changed in the year: a line of income or spending whose 调整预算数 is not
        its 年初预算数. A rate of execution with no base named is then of the 调整预算 as likely as of the 年初预算 —
        a line with no 调整预算数 in the file is not measured on its 年初预算数 ("预算执行率100%" of 3237.75 spent
        where the income's budget grew from 2903.60 to 3237.75)."""
        if self._adjusted is None:
            peek = getattr(self.view, "peek", self.view.value)
            self._adjusted = any((a := peek(f"{f}.adjusted")) is not None and (b := peek(f"{f}.budget")) is not None
                                 and a != b for f in AMOUNT_PATHS if f.startswith(("finance.income.", "finance.expenditure.")))
        return self._adjusted

    def _stated_pair(self, c: Claim) -> tuple | None:
        """(budget, final) of the rate's fact, each written once in its sentence before it, in the column the
        rate names (年初预算 or 调整预算; either for a bare 预算), else None."""
        columns = _columns(c.column) if c.column in ("budget", "adjusted", "plan") else ["budget", "adjusted"]
        mine = [p for p in self._sentences(c.sentence) if p.kind == "level" and p.fact == c.fact
                and p.figure is not None and c.figure is not None and p.figure.start < c.figure.start and p.money]
        budgets = [p for p in mine if p.column in columns or (p.column == "plan" and c.column in (None, "plan"))]
        finals = [p for p in mine if p.column == "final" and not p.implied]
        return (budgets[0], finals[0]) if len(budgets) == 1 and len(finals) == 1 else None

    def _stated_execution(self, c: Claim, pair: tuple | None = None) -> None:
        """An execution rate against the two amounts its sentence states: the amount spent ÷ the whole. Each
        amount stands for ± half its last digit, so the rate may be anywhere between the extremes. `pair`:
        (whole, spent) when the reader did not pair them itself (see _stated_pair)."""
        whole, spent = pair if pair is not None else c.other
        if whole.flagged or spent.flagged:
            return self.skip(c, "它所依据的金额已报错")
        w, s = abs(whole.value) * MONEY[whole.unit], abs(spent.value) * MONEY[spent.unit]
        hw, hs = half_unit(whole.value) * MONEY[whole.unit], half_unit(spent.value) * MONEY[spent.unit]
        if w == 0 and c.value:
            # "一般公共预算财政拨款支出年初预算为 0 万元，…，完成年初预算的 95.89%": nothing budgeted, nothing completed
            return self.error("PROSE-EXECUTION", c, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：写明的预算数为 0，"
                              f"谈不上完成 {fmt(c.value)}%（按全年预算或别的口径算的？）。", stated=c.value, computed=Decimal(0))
        if w - hw <= 0:
            return self.skip(c, "总数为 0")
        rate, low, high = s / w * 100, (s - hs) / (w + hw) * 100, (s + hs) / (w - hw) * 100
        slack = half_unit(c.value)
        how = f"{fmt(abs(spent.value))}{spent.unit} ÷ {fmt(abs(whole.value))}{whole.unit}"
        if low - slack <= c.value <= high + slack:
            return self.ok(c, f"{how} = {fmt(rate, _places(c))}%（同一句写明的两个数）")
        if self._slipped_amount(c, whole, spent):
            return None
        self.error("PROSE-EXECUTION", c, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：{how} = "
                   f"{fmt(rate, _places(c))}%，与写明的执行率 {fmt(c.value)}% 不符。", stated=c.value, computed=rate)

    def _slipped_amount(self, c: Claim, whole: Claim, spent: Claim) -> bool:
        """"部门预算指标1326.80万元，实际执行金额共计1350.93万元，总体执行率为98.43%": the rate is exactly the file's
        execution rate of a line whose whole (or amount spent) the sentence writes as the file has it — the other
        amount, written with no name of the file's, is the slip: reported there (True)."""
        for fact in AMOUNT_PATHS:
            final = self.fact(fact, "final", "万元", quiet=True)
            for col in ("budget", "adjusted"):
                base = self.fact(fact, col, "万元", quiet=True)
                if final is None or not base or not rate_fits(final / base * 100, c.value):
                    continue
                for right, right_value, wrong, wrong_value, col_wrong in ((whole, base, spent, final, "final"),
                                                                          (spent, final, whole, base, col)):
                    if _as_written(right, right_value) and not any(
                            v is not None and _as_written(wrong, v)
                            for v in (self.fact(fact, k, "万元", quiet=True) for k in ("budget", "adjusted", "final"))) \
                            and not self._both_of_a_line(whole, spent):
                        # (not so an amount of another column: the rate is then on the wrong base)
                        self.error("PROSE-FACT", wrong, f"正文“…{self.text[max(0, whole.start - 8):c.figure.end]}”：执行率 "
                                   f"{fmt(c.value)}% 正是 {self._label(fact, 'final')} {fmt(final)} ÷ {self._label(fact, col)} "
                                   f"{fmt(base)}；写明的 {fmt(abs(wrong.value))}{wrong.unit} 与 {self._label(fact, col_wrong)} "
                                   f"{fmt(wrong_value)}万元 不符。", stated=wrong.value, fact=wrong_value)
                        self.skip(c, f"执行率与事实相符；写明的 {fmt(abs(wrong.value))}{wrong.unit} 与事实不符，已在那个数处报出")
                        return True
        return False

    def _both_of_a_line(self, whole: Claim, spent: Claim) -> bool:
        """Whether the two amounts are, as written, one line's budget (年初 or 调整) and its final ("全年预算数1326.80万元，
        全年执行数1305.93万元", the spending's): both right — the rate after them is the slip, not either amount."""
        for f in AMOUNT_PATHS:
            final = self.fact(f, "final", "万元", quiet=True)
            if final is None or not _as_written(spent, final):
                continue
            if any(v is not None and _as_written(whole, v)
                   for v in (self.fact(f, col, "万元", quiet=True) for col in ("budget", "adjusted"))):
                return True
        return False

    def _score(self, c: Claim) -> None:
        """"本部门整体支出绩效自评得分为96.5分": the sum of the indicators' scores (the total written in the
        conclusion is checked against that sum by TOTAL), at the precision written."""
        scores = self.scores
        if scores is None or scores.total is None:
            return self.skip(c, "没有各指标的得分")
        if scores.missing:
            return self.skip(c, "有指标没有自评得分，总分还不完整")
        total, places = scores.total, decimals(c.value)
        stated = getattr(self.report.conclusion, "total", None)
        if round_to(total, places) == c.value or total == c.value or c.value == stated:
            return self.ok(c, f"各指标得分之和 {fmt(total)} 分")
        self.error("PROSE-SCORE", c, f"正文“…{self.quote(c, 24)}分”与自评得分不符：各指标得分之和为 {fmt(total)} 分。",
                   stated=c.value, computed=total)

    def _formula(self, c: Claim) -> None:
        """"在职人员控制率=…=44÷45×100%=97.78%": the result is what the figures written before it make, each figure
        standing for ± half its last digit (a whole number as written: a count, or the 100 of ×100%) — whoever's
        they are. A result in per cent may be written for the ratio (×100%) or for the number (×100)."""
        span = _interval(c.other)
        if span is None:
            return self.skip(c, "算式中有除以 0 或算不出的数")
        lo, hi = span
        half = half_unit(c.value)
        targets = [(c.value / 100, half / 100), (c.value, half)] if c.percent else [(c.value, half)]
        shown = f"{c.expression} = {c.written}"
        if any(lo - h <= v <= hi + h for v, h in targets):
            return self.ok(c, f"{shown}（按算式中写明的数）")
        mid = (lo + hi) / 2
        computed = min((mid * 100, mid), key=lambda x: abs(x - c.value)) if c.percent else mid
        self.error(c.op, c, f"正文算式“{shown}”：按写明的数算得 {fmt(computed, max(decimals(c.value), 2))}{c.unit}，"
                   f"与写明的 {c.written} 不符。", stated=c.value, computed=computed)

    def _difference(self, c: Claim) -> None:
        if c.other is None:             # one fact, two columns: "与年初预算数差额3.46万元"
            pairs: list[tuple[Any, Any]] = [(self.fact(c.fact, a, c.unit), self.fact(c.fact, b, c.unit))
                     for a in _columns(c.column) for b in _columns(c.against)]
            pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
            if not pairs:
                return self.skip(c, "事实文件没有两个口径的数")
            for x, y in pairs:
                if sum_consistent(abs(c.value), [abs(x - y)]):
                    return self.ok(c, f"|{fmt(x)} − {fmt(y)}| = {fmt(abs(x - y))}{c.unit}")
            x, y = pairs[0]
            diff = abs(x - y)
            label = self._label(c.fact, None)
            return self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 30)}”：{label} {_COLUMN_ZH.get(c.column, '')} "
                              f"{fmt(x)} 与{_COLUMN_ZH.get(c.against, '预算数')} {fmt(y)} 相差 {fmt(diff)}{c.unit}，与写明的 "
                              f"{fmt(abs(c.value))}{c.unit} 不符。", stated=abs(c.value), computed=diff)
        a, b = c.other
        if a.flagged or b.flagged or a.unit not in MONEY or b.unit not in MONEY or c.unit not in MONEY:
            return self.skip(c, "两个金额中有已报错的")
        x, y = abs(a.value) * MONEY[a.unit], abs(b.value) * MONEY[b.unit]
        diff = abs(x - y) / MONEY[c.unit]
        stated = abs(c.value)
        if sum_consistent(stated, [diff]) or sum_consistent(stated * MONEY[c.unit], [x, -y]) or \
                sum_consistent(stated * MONEY[c.unit], [y, -x]):
            return self.ok(c, f"|{fmt(x)} − {fmt(y)}| = {fmt(diff)}{c.unit}")
        self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 30)}”：{fmt(abs(a.value))}{a.unit} 与 {fmt(abs(b.value))}"
                   f"{b.unit} 相差 {fmt(diff)}{c.unit}，与写明的 {fmt(stated)}{c.unit} 不符。",
                   stated=stated, computed=diff)

    def _margin(self, c: Claim) -> None:
        """The figure after "高于调整预算…": the column's amount, or the margin between the columns."""
        x = abs(c.other.value) * MONEY[c.other.unit] / MONEY[c.unit] if c.other is not None and c.other.unit in MONEY \
            else self.fact(c.fact, c.column, c.unit)
        ys = [v for v in (self.fact(c.fact, col, c.unit) for col in _columns(c.against)) if v is not None]
        if x is None or not ys:
            return self.skip(c, "事实文件没有比较的两个数")
        what = _COLUMN_ZH.get(c.against, "预算数")
        stated = abs(c.value)
        for y in ys:
            if same_figure(stated, y) or sum_consistent(stated, [abs(x - y)]):
                how = f"{what} = {fmt(y)}{c.unit}" if same_figure(stated, y) else \
                    f"{fmt(x)} 与{what} {fmt(y)} 相差 {fmt(abs(x - y))}{c.unit}"
                if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                    return self.ok(c, how)
                at = c.other.start if c.other is not None else c.start
                return self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 24)}”不成立：{fmt(x)}{c.unit} "
                                  f"不{_OP_ZH[c.op]}{what} {fmt(y)}{c.unit}。", at=at, stated=x)
        y = ys[0]
        if abs(stated - abs(x - y)) < abs(stated - y):
            return self.error("PROSE-DIFF", c, f"正文“…{self.quote(c, 24)}”：{fmt(x)} 与{what} {fmt(y)} 相差 "
                              f"{fmt(abs(x - y))}{c.unit}，与写明的 {fmt(stated)}{c.unit} 不符。",
                              stated=stated, computed=abs(x - y))
        self.error("PROSE-FACT", c, f"正文“…{self.quote(c)}”与事实不符：{self._label(c.fact, c.against)} 为 "
                   f"{fmt(y)}{c.unit}（差 {fmt(stated - y)}）。", stated=stated, fact=y)

    def _compare(self, c: Claim) -> None:
        a = c.other
        if a is None:
            return self._columns_compare(c)
        if a.flagged:
            return self.skip(c, "比较的数已报错")
        if c.fact is not None:          # "776.17万元，超过调整预算": against the fact's column
            ys = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.column)) if v is not None]
            if not ys or a.unit not in MONEY:
                return self.skip(c, "事实文件没有比较的数")
            x = abs(a.value) * MONEY[a.unit]
            what = _COLUMN_ZH.get(c.column, "预算数")
            for y in ys:
                if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                    return self.ok(c, f"{fmt(x)} {c.op} {what} {fmt(y)}")
            y = ys[0]
            return self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 12)}…{_OP_ZH[c.op]}{what}”不成立："
                              f"{what}为 {fmt(y)}万元。", stated=a.value)
        x, y = abs(a.value) * MONEY[a.unit], abs(c.value) * MONEY[c.unit]
        holds = {"<": x < y, ">": x > y, "=": x == y}[c.op]
        if holds:
            return self.ok(c, f"{fmt(x)} {c.op} {fmt(y)}")
        if c.words_end >= 0:
            # "年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因…": the words after both amounts
            return self.error("PROSE-COMPARE", c, f"正文“…{self.text[max(0, c.start - 8):c.words_end]}”不成立："
                              f"决算数 {fmt(abs(a.value))}{a.unit} 不{_OP_ZH[c.op]}预算数 {fmt(abs(c.value))}{c.unit}。",
                              at=a.start, stated=a.value)
        self.error("PROSE-COMPARE", c, f"正文“{self.text[a.start:c.figure.end]}”不成立：{fmt(abs(a.value))}{a.unit} "
                   f"不{_OP_ZH[c.op]} {fmt(abs(c.value))}{c.unit}。", at=a.start, stated=c.value)

    def _columns_compare(self, c: Claim) -> None:
        """"“三公”经费决算数小于预算数": the subject's 决算数 against its budget column, no figure written."""
        x = self.fact(c.fact, "final", "万元")
        ys = [(col, v) for col in _columns(c.column) if (v := self.fact(c.fact, col, "万元")) is not None]
        if x is None or not ys:
            return self.skip(c, "事实文件没有比较的两个数")
        for col, y in ys:
            if {"<": x < y, ">": x > y, "=": x == y}[c.op]:
                return self.ok(c, f"决算数 {fmt(x)} {c.op} {_COLUMN_ZH[col]} {fmt(y)}")
        col, y = ys[0]
        self.error("PROSE-COMPARE", c, f"正文“…{self.quote(c, 12)}{_COLUMN_ZH[col][:-1]}”不成立：{self._label(c.fact, None)} "
                   f"决算数 {fmt(x)}万元，{_COLUMN_ZH[col]} {fmt(y)}万元。", uses={f"{c.fact}.final", f"{c.fact}.{col}"})

    def _flat(self, c: Claim) -> None:
        if c.loose:
            return self.skip(c, "“基本持平”不是一个数")
        if c.fact not in AMOUNT_PATHS or (c.of is not None and c.of.flagged):
            return self.skip(c, "不是收支表中的一项，或本年数已报错")
        if c.against == "prior_budget":
            return self._budget_flat(c)
        if self._budget_stated(c) or self._last_said_as_budget(c):
            return self.skip(c, "写明的本年数不是决算数：说的可能是预算与上年比较")
        current = self.fact(c.fact, "final", "万元")
        bases = [v for v in (self.fact(c.fact, col, "万元") for col in _columns(c.against)) if v is not None]
        if current is None or not bases:
            return self.skip(c, "事实文件没有两个数")
        for base in bases:
            if sum_consistent(current, [base]):
                return self.ok(c, f"{fmt(current)} = {_COLUMN_ZH.get(c.against, '预算数')} {fmt(base)}")
        base = bases[0]
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 16):c.figure.end + 2]}”写明持平，但"
                   f"{fact_label(c.fact, self.report)} {fmt(current)}万元，{_COLUMN_ZH.get(c.against, '预算数')} {fmt(base)}万元，"
                   f"相差 {fmt(current - base)}万元。", stated=Decimal(0), computed=current - base)

    def _last_said_as_budget(self, c: Claim) -> bool:
        """"（二）公务接待费 2023年预算安排15万元。主要用于…。与上年持平": a 持平 of no amount of its own, after the
        fact's amount was last stated as a budget — the budget compared with last year."""
        if c.of is not None:
            return False
        said = [p for p in self._sentences(max(0, c.sentence - 3), c.sentence)
                if p.kind == "level" and p.fact == c.fact and p.figure is not None and p.start < c.start]
        return bool(said) and said[-1].column in ("budget", "adjusted", "plan")

    def _budget_flat(self, c: Claim) -> None:
        """"公务接待费14万元，与2022年预算持平": this year's budget equals the file's 上年预算数."""
        col, prior, named = self._last_year(c)
        currents = self._budgets_of(c)
        if not named or prior is None or not currents:
            return self.skip(c, "事实文件没有上年预算数")
        if any(sum_consistent(now, [prior]) for now in currents):
            return self.ok(c, f"本年预算 = 上年预算数 {fmt(prior)}")
        self.error("PROSE-CHANGE", c, f"正文“…{self.text[max(0, c.start - 16):c.figure.end + 2]}”写明与上年预算持平，但"
                   f"{fact_label(c.fact, self.report)} 本年预算 {fmt(currents[0])}万元，上年预算数 {fmt(prior)}万元，"
                   f"相差 {fmt(currents[0] - prior)}万元。", stated=Decimal(0), computed=currents[0] - prior,
                   uses={f"{c.fact}.prior_budget"})

    def _sum(self, c: Claim) -> None:
        head, parts = c.of, c.parts
        # a list that does not add up is wrong in itself, whatever else was found in its figures: a part that
        # contradicts the facts makes the sum fail too, and both are said
        if head.figure is None:
            return self.skip(c, "没有总数")
        unit = head.unit
        why = self._not_summed(unit, parts, c.traits)
        if why:
            return self.skip(c, why)
        if head.fact is not None and any(p.another for p in parts):
            # "编制总数45名，其中：行政编制16名，区财政局占用1名；…": another body's figure said on the way is no part of
            # the department's head (it is a part of a part)
            parts = [p for p in parts if not p.another]
        parts = _folding_subtotals(parts, unit)
        values = [abs(p.value) * _scale(p.unit, unit) for p in parts]
        total = abs(head.value)
        exact = unit in COUNTS
        s = sum(values, Decimal(0))
        complete = self._names_every_part(c, parts, s, values, exact)
        terms = " + ".join(fmt(v) for v in values)
        fits = _list_fits(total, s, values, complete, exact)
        # a list of some items whose sum is its head with two digits swapped is no partial list: the head (or the
        # sum) was miscopied
        swapped = not complete and s != total and transposed(total, s)
        if fits and not swapped:
            return self.ok(c, f"{terms} = {fmt(s)}{unit}" + ("" if complete else f"，未超过 {fmt(total)}{unit}（只列了部分项目）"))
        why = "" if complete or swapped else self._no_parts_of(head, parts, values, total, exact)
        if why:
            return self.skip(c, why)
        what = "不等于" if complete or swapped else "超过了"
        if swapped:
            what = "与"
        wrong = [p for p in (*parts, head) if p.flagged]
        also = f"（其中 {'、'.join(fmt(abs(p.value)) for p in wrong)} 与事实不符，已另外列出。）" if wrong else ""
        own = self.verdicts.get(id(head))      # a head checked before its list (a count) keeps its own verdict
        first, last = (parts[0].figure, head.figure) if head.start > parts[-1].start else (head.figure, parts[-1].figure)
        summed = f"其中各项合计 {terms} = {fmt(s)}{unit}" if len(values) > 1 else f"其中的一项 {fmt(s)}{unit}"
        self.error("PROSE-SUM", head, f"正文“…{self.text[max(0, first.start - 10):last.end]}”：{summed}，{what} "
                   f"{fmt(total)}{unit}" + ("只差两位数字的次序，多半是写颠倒了" if swapped else "") + f"。{also}",
                   stated=total, computed=s)
        self.verdicts[id(c)] = self.verdicts.pop(id(head))
        if own is not None:
            self.verdicts[id(head)] = own
        head.summed = True

    def _no_parts_of(self, head: Claim, parts: list, values: list, total: Decimal, exact: bool) -> str:
        """Why the items of a list not said to be complete that exceeds its head may be no parts of it, or ""."""
        prefix = "" if exact and self._one_enumeration(parts) else _prefix_is_head(values, total, exact)
        return prefix or self._not_its_parts(head, parts, values, total, exact) or (
            _nested(values, total) if head.fact is None and self._someone_elses(head) else "")

    def _someone_elses(self, head: Claim) -> bool:
        """Whether an amount is another subject's: read so, or the head of a list in a sentence whose other figures
        before the list are read so ("全县一般公共预算支出完成24.86亿元，为调整预算的96.2%，…。其中，…")."""
        others = others_at(self.reading)
        if head.start in others:
            return True
        end = self.text.find("其中", head.start, head.start + 200)
        return any(head.start < at < end for at in others) if end > 0 else False

    def _one_enumeration(self, parts: list) -> bool:
        """"在职人员286人（其中民警275人、行政人员11人、事业人员18人）": items of names no fact has, parted by 、 alone —
        one enumeration of the head's people, however many of them already add up to it (see the reader's
        _more_of_the_same)."""
        return all(p.fact is None and p.figure is not None for p in parts) and all(
            "、" in self.text[a.figure.end:b.figure.start] for a, b in zip(parts, parts[1:]))

    def _names_every_part(self, c: Claim, parts: list, s: Decimal, values: list, exact: bool) -> bool:
        """Whether a list names all of its head, so that its sum must be the head (not only not exceed it): it says so,
        or it names every part the file has; for counts, every category of post or of staff in service; or its parts
        add up to the file's figure of the head exactly ("本年收入合计982.47万元，其中：…": all of it, the head stated
        is not their sum)."""
        head = c.of
        # (a line the file has no fact for, listed at 0 — "上缴上级支出0万元" — adds nothing: it leaves the list complete)
        named = {p.fact for p in parts if p.fact is not None or p.figure is None or p.value != 0}
        if "finance.economic.households" in named and "finance.expenditure.personnel" in named:
            named.discard("finance.economic.households")     # 人员 (wages only) and the grants: all of 人员经费
        # "总支出7542.23万元，其中基本支出…项目支出…": words that may name 本年支出合计 or 支出总计 make a complete
        # list only when it is complete for each
        # (posts are named by category: "行政编制22人、行政执法专项编制6人" names two of the file's three — see _all_posts;
        # a plain 支出 listed by every line of this year's spending is this year's alone — see _alts)
        if c.complete or self._items_named_by_head(head, parts):
            return True
        if self._in_another_column(head):
            return False
        # (a fact the words may name that the list names a part outside of is not what the list is of: "收入合计…，
        # 其中：…年初结转和结余…" read as 收入总计, though it may be 本年收入合计)
        alts = [a for a in self._alts(head) if all(f is None or f == a or within(a, f) for f in named)]
        column = self._column_it_is(head)
        if (head.fact is not None and not named & _BY_CATEGORY and all(
                self._complete(f, named, column) for f in (head.fact, *alts))):
            return True
        if exact and (self._all_posts(head, parts) or self._all_people(head, parts) or self._all_kept(head, parts)):
            return True
        return self._sums_to_fact(head, s, values, exact)

    def _column_it_is(self, head: Claim) -> str | None:
        """"部门预算总支出1747.99万元，其中：基本支出…，项目支出…": the column a head of a bare 预算 (年初 or 调整) is, where
        its figure is exactly one of them (the 年初预算 has no 结转下年 the 调整预算 of 支出总计 may have); else its own."""
        if head.column not in ("plan", "any") or head.fact not in AMOUNT_PATHS or head.figure is None:
            return head.column
        exact = [col for col in _columns(head.column)
                 if (v := self.fact(head.fact, col, head.unit, quiet=True)) is not None and same_figure(abs(head.value), v)]
        return exact[0] if len(exact) == 1 else head.column

    def _items_named_by_head(self, head: Claim, parts: list) -> bool:
        """"“会议费”“培训费”“差旅费”财政拨款预算数3.40万元，其中：会议费0.60万元，培训费2.80万元，差旅费0.80万元": a head of
        no fact whose own words name each item its list names — the list is all of it."""
        others = others_at(self.reading)
        if head.fact is not None or head.figure is None or len(parts) < 2 or any(p.figure is None for p in parts) \
                or self._someone_elses(head) or any(p.start in others for p in parts):
            return False        # (nor items read as someone else's: "…项目资金总预算为2455.5万元，其中部门预算项目支出…")
        before = self.text[max(0, head.start - 40):head.start]
        words = before[max(before.rfind(ch) for ch in "。；;！？!?\n") + 1:]
        names = [_ITEM_LEAD.sub("", clause_words(self.reading, p)) for p in parts]
        return all(len(n) >= 2 and n in words for n in names) and len(set(names)) == len(names)

    def _in_another_column(self, head: Claim) -> bool:
        """"收入合计7,532.81万元…。其中：财政拨款收入7,532.81万元，占100%，年初结转和结余9.42万元" read as 收入总计 (its
        list names the carry-over), whose 决算数 is 7542.23 — the head agrees with the fact only in another column (its
        调整预算数, by chance) or with another fact its words may name (本年收入合计): what the list is complete for is not
        certain."""
        if head.kind != "level" or head.fact not in AMOUNT_PATHS or head.column not in ("final", None):
            return False
        final = self.fact(head.fact, "final", head.unit, quiet=True)
        elsewhere = [self.fact(head.fact, col, head.unit, quiet=True) for col in ("budget", "adjusted")] + \
            [self.fact(alt, "final", head.unit, quiet=True) for alt in self._alts(head)]
        return final is not None and not same_figure(abs(head.value), final) and any(
            v is not None and same_figure(abs(head.value), v) for v in elsewhere)

    def _all_posts(self, head: Claim, parts: list) -> bool:
        """"实有人员编制39人。其中：行政编制5人，事业编制32人": a number of posts listed by every category of post the
        file has — the list is complete, and its sum is the number of posts."""
        staffing = self.report.get("department.staffing")
        rows = [p for p in (staffing.posts or [] if staffing is not None else []) if p.count and p.kind]
        if not rows or not names_posts(self.reading, head) or \
                any(p.fact != "department.staffing.posts" for p in parts):
            return False
        return _each_row_once(parts, rows)

    def _all_people(self, head: Claim, parts: list) -> bool:
        """"实有人数52人，其中事业编制4人，聘用人员44人，保安2人": the staff in service listed by every category the
        file counts them in (each category of post, each kind of people counted among them) — the whole of them."""
        staffing = self.report.get("department.staffing")
        if staffing is None or head.fact not in ("department.staffing.serving", "department.staffing.actual"):
            return False
        rows = [p for p in (*(staffing.posts or []), *(staffing.serving_includes or [])) if p.count and p.kind]
        if not rows or any(p.fact not in ("department.staffing.posts", "department.staffing.others") for p in parts):
            return False
        return _each_row_once(parts, rows)

    def _all_kept(self, head: Claim, parts: list) -> bool:
        """"实有财政供养人数34人，其中：在职职工23人，…；退休11人，…；遗属0人": all the people a department has (or the
        state pays) listed as those in service, the retired and the others (where the file counts any) — all of them."""
        staffing = self.report.get("department.staffing")
        kinds = {"department.staffing.serving", "department.staffing.retired", "department.staffing.others"}
        facts = {p.fact for p in parts}
        if staffing is None or head.fact != "department.staffing.actual" or not facts <= kinds \
                or not {"department.staffing.serving", "department.staffing.retired"} <= facts:
            return False
        return "department.staffing.others" in facts or not any(p.count for p in staffing.others or [])

    def _not_summed(self, unit: str, parts: list, traits: bool) -> str:
        """Why a list's parts are not added up against its head, or ""."""
        if any((p.unit in MONEY) != (unit in MONEY) or (unit not in MONEY and p.unit != unit and not {p.unit, unit} <= PEOPLE_UNITS
                                                         and not {p.unit, unit} <= BODY_UNITS)
               for p in parts):
            return "单位不同"
        if unit in PEOPLE_UNITS and traits:
            # "干部职工21人，其中党员15人，大专以上学历19人": traits of the people, which overlap — not parts
            return "所列的有人员的特征（党员、学历、职称等），可以互相重叠，不相加"
        return ""

    def _sums_to_fact(self, head: Claim, s: Decimal, values: list, exact: bool) -> bool:
        """Whether a list's parts add up to the file's figure of its head (each part ± half its last digit)."""
        if head.fact is None or head.kind not in ("level", "count"):
            return False
        if exact:
            counts = [value for _, value in self.count_candidates(head)] if head.kind == "count" else []
            return head.value not in counts and s in counts
        known = [value for _, _, value in self._known(head)]
        if any(same_figure(abs(head.value), value) for value in known):
            return False        # the head is one of its facts ("总支出" with the carry-over): the parts another
        slack = sum((half_unit(v) for v in values if v != 0), Decimal(0))
        return any(abs(s - value) <= slack for value in known)

    def _not_its_parts(self, head: Claim, parts: list, values: list, total: Decimal, exact: bool) -> str:
        """Why figures read as a 其中 list that exceeds its head are not all its parts, or "" (see also _prefix_is_head):
        for a head that is no fact of the file, one of them alone is more than it (the head was another figure), or they
        are income and spending both (no total has both as parts)."""
        if head.fact is None and parts and parts[0].sentence > head.sentence and any(
                f.unit == head.unit for f in figures_before(self.reading, head)):
            # "设行政单位1个，事业单位5个。其中：全额拨款行政单位1个，全额拨款的事业单位5个": a list opening the sentence
            # after several figures of one kind may be of them all, not of the last
            return "前一句并列了几个数：其后“其中”各项可能是它们合起来的"
        if any(named_as_base(self.reading, p) for p in parts):
            return "所列的数中有比较的基数（“比上年……”）：它不是分项"
        if exact and any(v >= 10 * total for v in values):
            # "年末实有人数46人，其中经费补助在职人员44人；退休人员24人；年末学生人数3008人": a count ten times the head's
            # is of something else (students, visits), not one of its parts
            return "有一项比总数大得多：所列的不都是它的分项"
        apart = [self.text[a.figure.end:p.start].count("；") > 0 and _retired(p) for a, p in zip(parts, parts[1:])]
        if exact and any(apart) and sum((v for p, v in zip(parts, values) if not _retired(p)), Decimal(0)) <= total:
            # "年末实有人数46人，其中经费补助在职人员44人；退休人员24人": the retired in a clause of their own — whether the
            # count of all the staff has them in it, documents differ; without them the list fits
            return "退休人员另起一个分句，不算他们时各项未超过总数：这个总数可能不含退休人员"
        if head.fact is not None:
            return ""
        if any(_PAID_OUT.search(clause_words(self.reading, p)) for p in parts):
            # "整合使用财政涉农资金107.13万元,其中项目管理费1.07万元,目前项目资金已拨付106.36万元": how much of it is paid
            return "所列的有已拨付、已支付的数：那是执行的进度，不是分项"
        if any(v > total for v in values):
            return "有一项就大于“其中”前的数：这个数多半不是它们的总数"
        if len(values) >= 3 and sum(values[1:], Decimal(0)) == values[0]:
            # "其中公共财政预算收入13.68亿元…；税收收入6.20亿元…；非税收入7.48亿元": the items after the first are its parts
            return "第一项之后各项之和正好等于第一项：它们是第一项的分项"
        if income_and_spending(self.reading, parts):
            return "所列各项有收入也有支出，不是同一个总数的分项"
        return ""

    def _complete(self, head: str | None, named: set, column: str | None = None) -> bool:
        """Whether a list names every part of its head that the file has a figure other than 0 for (in the
        head's column: "上年“三公”经费24.67万元，其中公务用车运行维护费…、公务接待费…" leaves out no 出国费 of 0)."""
        if head is None or None in named:
            return False
        if head in BY_SOURCE and self._all_from(BY_SOURCE[head]):
            # "一般公共预算财政拨款支出1643.29万元。其中：基本支出…；项目支出…": spending of the one source all income
            # came from is the department's spending (see fact), made of its parts
            head = "finance.expenditure.current"
        columns = ("final", "budget", "adjusted") if column in (None, "any") else tuple(_columns(column))
        return self._covered(head, named, 0, columns)

    def _covered(self, fact: str, named: set, depth: int, columns: tuple) -> bool:
        """Every part of `fact` with a figure in the file is named, or covered by its own parts."""
        parts = COMPONENTS.get(fact)
        if parts is None or depth > 3:
            return False
        if depth == 0 and not (named - {fact}) <= self._descendants(fact):
            return False
        have = {p for p in parts if any(self._value(p, col) is not None for col in columns)}
        required = {p for p in have if any(self._value(p, col) for col in columns)} if have else \
            {p for p in parts if p not in RARE}
        return all(p in named or self._covered(p, named, depth + 1, columns) for p in required)

    def _descendants(self, fact: str) -> set:
        out, todo = set(), list(COMPONENTS.get(fact, ()))
        while todo:
            p = todo.pop()
            if p not in out:
                out.add(p)
                todo.extend(COMPONENTS.get(p, ()))
        return out

    def _value(self, fact: str, column: str) -> Decimal | None:
        return self.view.value(f"{fact}.{column}") if fact in AMOUNT_PATHS else self.view.value(fact)


_BY_CATEGORY = frozenset({"department.staffing.posts", "department.staffing.others"})


def _nearest(stated: Decimal, known: list) -> tuple:
    """The figure the words may mean that an amount is a slip of: the nearest of those not many times off it ("总收入
    1214.36万元" beside 收入总计 1300.00 and 本年收入合计 1241.36: a slip of the latter); the first where all are."""
    near = [k for k in known if not far_off(stated, k[2])]
    return min(near, key=lambda k: abs(stated - k[2])) if near else known[0]


def _list_fits(total: Decimal, s: Decimal, values: list, complete: bool, exact: bool) -> bool:
    """Whether a list's sum `s` agrees with its head: equal (a count), within the rounding of the figures as
    written (an amount), or not above it (a list of some items)."""
    if exact:
        return s == total if complete else s <= total
    # each figure stands for ± half its last digit (XBRL); a written "0" among "1.72" and "0.68" is nothing at
    # all, not 0 ± 0.5
    slack = half_unit(total) + sum((half_unit(v) for v in values if v != 0), Decimal(0))
    return abs(total - s) <= slack or (not complete and s <= total)


def _nested(values: list, total: Decimal) -> str:
    """Why a list of another subject's head that exceeds it may still be right: a first item as large as all those after it
    together, within the head — a class and the classes in it ("一般公共预算支出24.86亿元…其中，
    民生支出20.31亿元…；教育支出5.12亿元…"); or ""."""
    # (the first item and three or more after it: two items are any list's shape)
    rest = sum(values[1:], Decimal(0))
    if len(values) >= 4 and 0 < rest <= values[0] <= total:
        return "第一项不小于其后各项之和：其后各项可能都在这一项之内"
    return ""


def _prefix_is_head(values: list, total: Decimal, exact: bool) -> str:
    """Why the figures after the first few of a list that fails its sum are no parts of its head — the first few
    already make it ("收入200000万元，其中：税收收入150000万元，…；非税收入50000万元；政府性基金预算收入1200万元…": the
    list ended where they did) — or ""."""
    running = Decimal(0)
    for k, v in enumerate(values[:-1], 1):
        running += v
        slack = Decimal(0) if exact else half_unit(total) + sum((half_unit(x) for x in values[:k] if x != 0), Decimal(0))
        if abs(running - total) <= slack and any(values[k:]):
            return f"前 {k} 项之和已等于 {fmt(total)}：其后的数不是它的分项"
    return ""


def _retired(c: Claim) -> bool:
    """A count of the retired (退休, 离休, 离退休)."""
    return c.fact == "department.staffing.retired" or "退休" in (c.label or "") or "离休" in (c.label or "")


def _rows_named(kind_text: str, rows: list) -> list:
    """The rows of a staffing list (posts, others) a category's name in the text may mean: the one named exactly
    ("核定行政编制31名，用于行政执法工作编制28名": 行政编制, not 行政执法工作编制), else each whose name contains it, is
    contained in it or starts the same."""
    loose = [p for p in rows if p.kind and (p.kind in kind_text or kind_text in p.kind or kind_text[:2] == p.kind[:2])
             and _civil_service_like(p.kind) == _civil_service_like(kind_text)]
    # ("行政编制数26名": 行政编制, its count named so)
    bare = kind_text.removesuffix("人数").removesuffix("数")
    exact = [p for p in loose if p.kind in (kind_text, kind_text.removeprefix("机关"), bare, bare.removeprefix("机关"))]
    return exact if len(exact) == 1 else loose


def _civil_service_like(kind: str) -> bool:
    """Whether a category of posts is the 参公 one (事业编制 managed as civil servants): "参照公务员法管理的事业编制"
    is not the file's 事业编制, though its name contains it."""
    return "参公" in kind or "参照公务员" in kind


def _each_row_once(parts: list, rows: list) -> bool:
    """Whether the items of a list name each row of a staffing list once, and nothing else."""
    named = []
    for p in parts:
        matched = _rows_named(p.kind_text, rows)
        if not matched and not p.value:
            continue            # "参照公务员法管理的事业编制人数0人": a category the file does not have, none of it
        if len(matched) != 1:
            return False
        named.append(id(matched[0]))
    return len(set(named)) == len(named) == len(rows)


def _folding_subtotals(parts: list, unit: str) -> list:
    """"实有人数25人，其中：在职人数小计14人，行政在职人数5人，…事业单位在职人数8人。离休0人，退休11人": the items
    right after a 小计 that add up to it exactly are its parts, not more items of the list."""
    out, k = [], 0
    while k < len(parts):
        p = parts[k]
        out.append(p)
        k += 1
        if not p.subtotal:
            continue
        run, j = Decimal(0), k
        target = abs(p.value) * _scale(p.unit, unit)
        while j < len(parts) and run < target:
            run += abs(parts[j].value) * _scale(parts[j].unit, unit)
            j += 1
        if run == target and j > k:
            k = j
    return out


def _interval(node) -> tuple[Decimal, Decimal] | None:
    """The range a formula's expression may have: each figure ± half its last digit (whole numbers as they are)."""
    if node[0] == "num":
        value, places, percent = node[1]
        half = half_unit(value) if places else Decimal(0)
        lo, hi = value - half, value + half
        return (lo / 100, hi / 100) if percent else (lo, hi)
    if node[0] == "neg":
        inner = _interval(node[1])
        return None if inner is None else (-inner[1], -inner[0])
    a, b = _interval(node[1]), _interval(node[2])
    if a is None or b is None:
        return None
    if node[0] == "+":
        return a[0] + b[0], a[1] + b[1]
    if node[0] == "-":
        return a[0] - b[1], a[1] - b[0]
    if node[0] == "/":
        if b[0] <= 0 <= b[1]:
            return None
        b = (1 / b[1], 1 / b[0])
    ends = [x * y for x in a for y in b]
    return min(ends), max(ends)


def _section(fact: str) -> str:
    return "assets.fixed_use" if fact.startswith("assets.fixed_use.") else fact.split(".")[0]


def _table_units(report, doc, view: FactView, texts, found: Findings) -> dict[str, str]:
    """The unit each table's figures are really in. When prose restates a table's figures with
    the same digits in another unit ("（单位：元）" over figures in 万元), the table's unit label is
    wrong: say so once, and compare the rest in the prose's unit so the real slips still show. A
    table whose figures the prose more often restates in its own unit keeps it: the one figure in
    another unit is the prose's slip ("全年项目支出1068.71元" among figures in 万元), reported there."""
    right: dict[str, int] = {}
    other: dict[str, list] = {}
    for _path, text, reading in texts:
        for c in reading.claims:
            if c.kind != "level" or not c.fact or c.unit not in MONEY or c.column in (None, "prior", "any"):
                continue
            fact = f"{c.fact}.{c.column}" if c.fact in AMOUNT_PATHS else c.fact
            table_unit = view.unit(fact)
            raw = view.value(fact)
            if raw is None or not raw:
                continue            # a zero is the same figure in every unit: no sign of a wrong label
            section = _section(fact)
            if same_figure(abs(c.value), raw * MONEY[table_unit] / MONEY[c.unit]):
                right[section] = right.get(section, 0) + 1
            elif table_unit != c.unit and same_figure(abs(c.value), raw):
                other.setdefault(section, []).append((c, text, fact, table_unit, raw))
    units: dict[str, str] = {}
    for section, seen in other.items():
        if len(seen) <= right.get(section, 0):
            continue
        c, text, fact, table_unit, raw = seen[0]
        units[section] = c.unit
        quote = text[max(0, c.start - 14): c.figure.end]
        field = "finance.unit" if section == "finance" else f"{section}.unit"
        found.error("PROSE-UNIT", f"正文“…{quote}”与表中 {fact_label(fact, report)} {fmt(raw)} 数字相同，"
                    f"但表的金额单位为“{table_unit}”、正文为“{c.unit}”：表的单位应为“{c.unit}”（{field}）。",
                    doc, tuple(field.split(".")), table_unit=table_unit, prose_unit=c.unit)
    return units


def _check_targets(report: Report, text, reading, doc, path, found: Findings) -> None:
    """A target's figure restated in prose ("合计培训249人次") agrees with its target or actual, and
    is written in the table's unit ("179个" in prose for "179座" in the table is one figure in two units).
    The claim reader says where a target is named, the figures written beside it, and whether what follows is
    its figure for this year (not another subject's, another year's, part of the year's: "（2022年进出口总额7.76亿元）",
    "全省进出口总额")."""
    others = others_at(reading) if reading.targets else frozenset()
    agreed = {(m.index, _sentence_of(text, m.start)) for m in reading.targets
              if report.targets[m.index].actual is not None
              and any(_agrees(report.targets[m.index], f) for f in target_figures(reading, m, others))}
    for m in reading.targets:
        t = report.targets[m.index]
        if t.actual is None or m.why:
            continue
        figures = target_figures(reading, m, others)
        if (m.index, _sentence_of(text, m.start)) in agreed and not any(_agrees(t, f) for f in figures):
            # "门诊患者满意度92.8%、住院患者满意度94.4%，综合患者满意度93.6%": the target's own figure is in the sentence;
            # the others are of measures whose names end the same way
            continue
        for figure in figures:
            _target_figure(t, text, figure, m, reading.cues, doc, path, found)


def _sentence_of(text: str, at: int) -> int:
    """Where the sentence holding `at` begins."""
    return max(text.rfind(ch, 0, at) for ch in "。！？!?\n") + 1


def _agrees(t, figure) -> bool:
    q = parse_quantity(figure.digits + figure.unit)
    return q is not None and bool(_same_as(t, q))


def _same_as(t, q) -> list:
    """The target's figures (actual, target) a quantity written in prose is, in their unit."""
    return [x for x in (t.actual, t.target) if x is not None and q.in_unit_of(x) is not None
            and same_figure(q.in_unit_of(x), x.value)]


def _said_done(cues, text: str, at: int) -> bool:
    """Whether the clause before a target's name says it was done ("我局完成5G基站建设…"), not planned ("目标完成…")."""
    before = text[max(0, at - 16):at]
    clause = before[max(before.rfind(ch) for ch in "，,。；;：:！？!?\n") + 1:]
    return cues is not None and cues.done_before.search(clause) is not None and cues.planned.search(clause) is None


def _counts_other_things(q, x) -> bool:
    """Whether two counts are in different units that are not both people's (个 and 件, 个 and 人次; not 人 and 名)."""
    return bool(x.unit) and q.unit != x.unit and q.family == x.family == "count" and not {q.unit, x.unit} <= PEOPLE_UNITS


def _target_figure(t, text, figure, m, cues, doc, path, found: Findings) -> None:
    q = parse_quantity(figure.digits + figure.unit)
    if q is None:
        return
    against = [x for x in (t.actual, t.target) if q.in_unit_of(x) is not None]
    if not against:
        return
    same = _same_as(t, q)
    quote = text[min(m.start, figure.start): max(m.end, figure.end)]
    if not same:
        if all(far_off(abs(q.in_unit_of(x) or Decimal(0)), abs(x.value)) for x in against):
            return              # "…日间照料中心项目，…总投资216.42万元" beside 526.28亿元: many times off, another thing's
        if all(_counts_other_things(q, x) for x in against):
            # "县城新建辅助器具适配服务站1个" beside 538件, "…培训等项目有2个绩效指标未完成" beside 186人次: another
            # figure in another unit counts other things (the same figure in another unit is the warning below)
            return
        if figure.after:        # a figure before the name may be another's; only the one after is checked
            found.error("PROSE-TARGET", f"正文“{quote}”与绩效目标“{t.name}”的完成值 {t.actual}（目标值 {t.target}）不符。",
                        doc, path, figure.start)
        return
    if figure.after and t.target is not None and same == [t.target] and _said_done(cues, text, m.start):
        # "我局完成5G基站建设179座" where the table has 目标值 179座, 完成值 193座: what was done is the 完成值
        found.error("PROSE-TARGET", f"正文“{quote}”说的是完成的数，写的却是绩效目标“{t.name}”的目标值 {t.target}"
                    f"（完成值 {t.actual}）。", doc, path, figure.start)
        return
    x = same[0]
    if _counts_other_things(q, x):
        # (人 and 名 count people alike: "安置退役士兵86名" beside the table's 86人 is one way of writing)
        found.warning("PROSE-TARGET-UNIT", f"正文“{quote}”写作“{q}”，绩效目标表中“{t.name}”为“{x}”：同一个数用了"
                      f"两个单位，请统一（改正文或改表）。", doc, path, figure.start)
