"""Computed values: totals, changes, rates, target completion, expected scores, the grade.

Checks compare what the user stated with what is derived here; the renderer prints the
derived values where the user stated none. A value is the stated one when it was written and
the derived one otherwise, so one mistake is reported once, where it was made.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.numbers import MONEY_UNITS, fmt
from ..model.facts import COLUMNS, Report, Target
from ..model.rubric import Node, Rubric
from ..model.rules import Expected, Inputs

ZERO = Decimal(0)

# Totals and their parts, per column of `Amounts` (年初预算/调整预算/决算/上年/增减). A part marked
# "?" is a line most departments do not have: left out, it is an empty line (0). A part without
# the mark is a main line: left out, it is unknown, and a total written beside it is only an upper
# bound for the parts that are given (a real form prints 基本支出 and 公用经费 but no 人员经费).
AMOUNT_SUMS = [
    ("finance.income.fiscal", ["finance.income.general", "finance.income.fund?", "finance.income.state_capital?"]),
    ("finance.income.current", ["finance.income.fiscal", "finance.income.other?"]),
    ("finance.income.total", ["finance.income.current", "finance.income.carryover?"]),
    ("finance.expenditure.basic", ["finance.expenditure.personnel", "finance.expenditure.public"]),
    ("finance.expenditure.current", ["finance.expenditure.basic", "finance.expenditure.project",
                                     "finance.expenditure.remit_upper?", "finance.expenditure.operating?",
                                     "finance.expenditure.subsidiary?"]),
    ("finance.expenditure.total", ["finance.expenditure.current", "finance.expenditure.distribution?",
                                   "finance.expenditure.carryover?"]),
    ("finance.three_public_parts.vehicles", ["finance.three_public_parts.vehicle_purchase?",
                                            "finance.three_public_parts.vehicle_running"]),
    ("finance.three_public", ["finance.three_public_parts.abroad?", "finance.three_public_parts.reception",
                              "finance.three_public_parts.vehicles"]),
]
# Totals and their parts among single figures.
VALUE_SUMS = [
    ("finance.economic.total", ["finance.economic.wages", "finance.economic.goods_services"] + [
        f"finance.economic.{k}?" for k in (
            "households", "debt_interest", "capital_construction", "capital", "enterprise_construction",
            "enterprise", "social_security", "other")]),
    ("assets.total", ["assets.current", "assets.fixed", "assets.intangible?", "assets.other?"]),
    ("assets.fixed_use.original", ["assets.fixed_use.in_use", "assets.fixed_use.idle?"]),
]
SUMS: dict[str, list[str]] = {}
OPTIONAL: set[str] = set()       # the parts marked "?" above, per column
# a main line of an amount table → the total it is a part of, with the other parts (a line left out is the total
# less the others, where all are written: see FactView.derived)
PART_OF: dict[str, tuple[str, list[str]]] = {}


def _register(total: str, parts: list[str], column: str = "") -> None:
    SUMS[total + column] = [p.rstrip("?") + column for p in parts]
    OPTIONAL.update(p.rstrip("?") + column for p in parts if p.endswith("?"))
    if column:
        for p in parts:
            if not p.endswith("?"):
                PART_OF[p + column] = (total + column, [q.rstrip("?") + column for q in parts if q != p])


for _total, _parts in VALUE_SUMS:
    _register(_total, _parts)
for _total, _parts in AMOUNT_SUMS:
    for _col in COLUMNS:
        _register(_total, _parts, "." + _col)


class FactView:
    """Numbers of a report by dotted path: stated where written, derived otherwise."""

    def __init__(self, report: Report):
        self.report = report
        self._cache: dict[str, Decimal | None] = {}

    def stated(self, path: str) -> Decimal | None:
        v = self.report.get(path)
        if isinstance(v, int) and not isinstance(v, bool):     # headcounts, for control rates
            return Decimal(v)
        return v if isinstance(v, Decimal) else None

    def value(self, path: str) -> Decimal | None:
        if path not in self._cache:
            self._cache[path] = None     # guards against a cycle in the tables above
            v = self.stated(path)
            self._cache[path] = v if v is not None else self.derived(path)
        return self._cache[path]

    def derived(self, path: str) -> Decimal | None:
        if path == "department.staffing.posts_total":    # may be left out: the categories' sum
            posts = self.report.get("department.staffing.posts")
            return Decimal(sum(p.count for p in posts)) if posts else None
        if path == "department.staffing.sections":      # 内设机构的个数: as many as the file lists
            units = self.report.get("department.units")
            return Decimal(len(units)) if units else None
        if path.endswith(".change"):
            base = path[: -len(".change")]
            final, prior = self.value(base + ".final"), self.value(base + ".prior")
            if final is not None and prior is not None:
                return final - prior
        if path.endswith(".prior"):
            # a line written with its change from last year and not last year's figure ("public: {final: 33.6,
            # change: -21.68}"): last year's is this year's less the change
            base = path[: -len(".prior")]
            final, change = self.stated(base + ".final"), self.stated(base + ".change")
            if final is not None and change is not None:
                return final - change
        parts = self.parts(path)
        # a main line not given leaves the total unknown; lines most departments lack count as 0
        known = [v for _, v in parts or () if v is not None]
        if parts and len(known) == len(parts) and not self.absent(path):
            return sum(known, ZERO)
        return self._rest_of_total(path)

    def _rest_of_total(self, path: str) -> Decimal | None:
        """A main line left out where its total and every other line are written ("基本支出763.9，公用经费33.6":
        人员经费 is 730.3). Only what the user wrote: a line derived in turn could hide a mistake in two places."""
        found = PART_OF.get(path)
        if found is None:
            return None
        total, others = found
        whole = self.stated(total)
        if whole is None:
            return None
        rest = whole
        for q in others:
            v = self.stated(q)
            if v is None:
                # (every other line written, those most departments lack too: "fiscal: {budget: 1747.99}" alone
                # does not say its 一般公共预算 part is all of it)
                return None
            rest -= v
        return rest if rest >= 0 else None

    def parts(self, path: str) -> list[tuple[str, Decimal | None]] | None:
        """The parts of a total with their values. A part whose row is absent from the
        table is left out (an empty row: 0 when the total is derived, see `absent`); a row
        present without this column is unknown."""
        names = SUMS.get(path)
        if not names:
            return None
        out = []
        for p in names:
            v = self.value(p)
            if v is None and self._row_absent(p):
                continue
            out.append((p, v))
        return out or None

    def absent(self, path: str) -> list[str]:
        """The parts of a total that are not given at all. A total derived from its parts counts
        them as empty lines (0); a total written by the user is only an upper bound for the
        parts that are given — a form may print 基本支出 and 公用经费 and leave 人员经费 out."""
        given = {p for p, _ in self.parts(path) or ()}
        return [p for p in SUMS.get(path, ()) if p not in given and p not in OPTIONAL]

    def _row_absent(self, path: str) -> bool:
        """Whether a missing figure is an empty cell (0) rather than an unknown one: the whole
        row is absent, or the row is a table row (it has a 决算数) with this cell left blank."""
        head, _, last = path.rpartition(".")
        if last in COLUMNS:
            row = self.report.get(head)
            if row is None:
                return self.derived(path) is None
            return last in ("budget", "adjusted") and row.final is not None
        return True

    def total(self, paths: list[str]) -> Decimal | None:
        """The sum of several facts; None if any is unknown."""
        values = [self.value(p) for p in paths]
        known = [v for v in values if v is not None]
        return None if len(known) < len(values) else sum(known, ZERO)

    def unit(self, path: str) -> str:
        """The money unit a fact is written in."""
        if path.startswith("assets.fixed_use."):
            section = self.report.get("assets.fixed_use.unit")
        elif path.startswith("assets."):
            section = self.report.get("assets.unit")
        else:
            section = self.report.get("finance.unit")
        return section or "万元"

    def in_wan(self, path: str) -> Decimal | None:
        v = self.value(path)
        return None if v is None else v * MONEY_UNITS[self.unit(path)]

    def wan_total(self, paths: list[str]) -> Decimal | None:
        """The sum of several facts in 万元; None if any is unknown."""
        values = [self.in_wan(p) for p in paths]
        known = [v for v in values if v is not None]
        return None if len(known) < len(values) else sum(known, ZERO)

    def sources(self, path: str) -> set[str]:
        """The stated facts a value comes from: itself if written, else the parts it is derived from."""
        if self.stated(path) is not None:
            return {path}
        out: set[str] = set()
        if path.endswith(".change"):
            base = path[: -len(".change")]
            return self.sources(base + ".final") | self.sources(base + ".prior")
        for p in SUMS.get(path, ()):
            out |= self.sources(p)
        return out

    @property
    def decimals(self) -> int:
        d = self.report.get("finance.decimals")
        return 2 if d is None else d


def tidy(value: Decimal) -> Decimal:
    """A computed sum without the trailing zeros its parts carried: 36.0 → 36, 9.60 → 9.6."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


# ---- targets -------------------------------------------------------------------------

def target_status(t: Target) -> tuple[str | None, Decimal | None]:
    """完成/未完成 from target, actual and direction; and the actual in the target's unit."""
    if t.actual is None:
        return None, None
    actual = t.actual.in_unit_of(t.target)
    if actual is None:
        return None, None
    direction = t.direction or ">="
    ok = {">=": actual >= t.target.value, "<=": actual <= t.target.value, "=": actual == t.target.value}[direction]
    return ("完成" if ok else "未完成"), actual


class TargetSummary:
    def __init__(self, total: int, achieved: int, unknown: int, unmet: tuple = ()):
        self.total, self.achieved, self.unknown = total, achieved, unknown
        self.unmet = unmet          # the names of the targets not met, in the table's order

    @property
    def rate(self) -> Decimal | None:
        return Decimal(self.achieved) / Decimal(self.total) * 100 if self.total else None


# ---- scores ----------------------------------------------------------------------------

class MeasureValue:
    """An indicator's measure (a rate, in %), computed from the facts where the rubric says how."""

    def __init__(self, numerator: Decimal | None = None, denominator: Decimal | None = None,
                 rate: Decimal | None = None, sources: tuple = ()):
        self.numerator, self.denominator, self.rate, self.sources = numerator, denominator, rate, sources


class Scores:
    def __init__(self):
        self.stated: dict[str, Decimal] = {}
        self.derived: dict[str, Decimal] = {}
        self.expected: dict[str, Expected] = {}
        self.measures: dict[str, MeasureValue] = {}
        self.missing: set = set()          # leaves with no score, counted as 0
        self.total: Decimal | None = None
        self.grade: str | None = None


def measure_from_facts(node: Node, view: FactView) -> MeasureValue:
    """The numerator, denominator and rate (in %) of an indicator's measure, from the facts."""
    m = node.ind.measure
    if m is None or not m.numerator or not m.denominator:      # named only: the self-evaluation states it
        return MeasureValue()
    num, den = view.wan_total(m.numerator), view.wan_total(m.denominator)
    rate = num / den * 100 if num is not None and den else None
    return MeasureValue(num, den, rate, tuple(m.numerator + m.denominator))


def _rule_measure(node: Node, report: Report, measure: MeasureValue) -> tuple:
    """The rate a rule scores by: from the facts, else as stated in the self-evaluation."""
    if measure.rate is not None and node.ind.measure is not None:      # a rate from the facts has a measure
        return measure.rate, f"{node.ind.measure.name} {fmt(measure.rate, 2)}%", measure.sources
    entry = report.scores.get(node.id)
    m = entry.measure if entry else None
    where = ("scores", node.id, "measure")
    name = node.ind.measure.name if node.ind.measure else "指标值"
    if m is not None and m.value is not None:
        return m.value, f"{name} {fmt(m.value)}%", (where,)
    if m is not None and m.numerator is not None and m.denominator:
        return m.numerator / m.denominator * 100, f"{fmt(m.numerator)} ÷ {fmt(m.denominator)}", (where,)
    return None, "", ()


def swapped(entry, node: Node) -> bool:
    """"自评分 5 分，满分 4.5 分" where the rubric gives 5: the two were written the wrong way round."""
    return (entry is not None and entry.score is not None and entry.max is not None
            and entry.score == node.points and entry.max < entry.score)


def derive_scores(report: Report, rubric: Rubric, view: FactView, targets: TargetSummary) -> Scores:
    out = Scores()
    for node in rubric.walk():
        entry = report.scores.get(node.id)
        if entry is not None and entry.score is not None:
            out.stated[node.id] = entry.max if swapped(entry, node) and entry.max is not None else entry.score
        if not node.is_leaf:
            continue
        measure = out.measures[node.id] = measure_from_facts(node, view)
        inputs = Inputs(report, view, targets, rubric.score_decimals, _rule_measure(node, report, measure))
        params = node.ind.rule.params if node.ind.rule else None
        exp = node.rule_kind.expected(node, params, inputs)
        if exp is not None:
            out.expected[node.id] = exp

    def up(node: Node) -> Decimal:
        if node.is_leaf:
            v = out.stated.get(node.id)
            if v is None and node.id in out.expected:
                v = out.expected[node.id].score
            if v is None:
                out.missing.add(node.id)
                v = ZERO
        else:
            v = tidy(sum((up(c) for c in node.children), ZERO))
        out.derived[node.id] = v
        return v

    out.total = tidy(sum((up(r) for r in rubric.roots), ZERO))
    out.grade = rubric.grade_for(out.total)
    return out


# ---- everything, once ---------------------------------------------------------------------

class Derived:
    """Every computed value of one report, computed once and shared by checks and templates."""

    def __init__(self, view: FactView, statuses: list, targets: TargetSummary, scores: Scores):
        self.view = view
        self.statuses = statuses      # per target: (完成/未完成 or None, actual in the target's unit)
        self.targets, self.scores = targets, scores
        self.context: dict | None = None   # the template's values, built once (by the template check), rendered by build
        self.rendered: dict | None = None  # the template's parts as the check's trial render wrote them with `context`


def derive(report: Report, rubric: Rubric) -> Derived:
    view = FactView(report)
    statuses = [target_status(t) for t in report.targets]
    marks = [s for s, _ in statuses]
    unmet = tuple(t.name for t, mark in zip(report.targets, marks) if mark == "未完成")
    summary = TargetSummary(len(marks), marks.count("完成"), marks.count(None), unmet)
    return Derived(view, statuses, summary, derive_scores(report, rubric, view, summary))
