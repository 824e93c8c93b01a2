"""The national form's computed values: 执行率 and its score, each row's expected score, the
subtotals by 一级, the total (rescaled when rows do not apply) and the grade — computed once,
shared by the checks (checks/form.py) and the renderers (render/form.py)."""
from __future__ import annotations

import re
from decimal import Decimal

from ..core.numbers import NotApplicable, round_to
from ..model.form import NOT_APPLICABLE, QUALITATIVE, QUANTITATIVE, TIME, Form, Row
from ..model.rubric import Node, Rubric
from ..model.rules import RULES, Expected, Inputs, RowRule, Rule, row_met

ZERO = Decimal(0)
_SUFFIX = re.compile(r"(指标|类)$")
_POINTS = re.compile(r"[(（][0-9.]+分[)）]$")


def level_key(name: str) -> str:
    """产出指标, 产出, 产出类, 产出指标（50分） → 产出: how a form and a rubric may each name a 一级."""
    return _SUFFIX.sub("", _POINTS.sub("", re.sub(r"\s", "", name or "")))


class RowResult:
    """One indicator row as scored: its rubric 一级, whether it applies, its rule's expected score."""

    def __init__(self, index: int, row: Row, node: Node | None, rule: Rule | None, expected: Expected | None):
        self.index, self.row, self.node, self.rule, self.expected = index, row, node, rule, expected

    @property
    def path(self) -> tuple:
        return ("form", "indicators", self.index)

    @property
    def applies(self) -> bool:
        return self.row.target.kind != NOT_APPLICABLE and not isinstance(self.row.score, NotApplicable)

    @property
    def met(self) -> bool | None:
        return row_met(self.row) if self.applies else None

    @property
    def lost(self) -> Decimal | None:
        """Points lost on the row: 分值 − 得分, when both are numbers."""
        r = self.row
        if r.points is None or r.score is None or isinstance(r.points, NotApplicable):
            return None
        return r.points - r.score


class FormScores:
    """What a summary reads (as derive.Scores): the total, the grade, each 一级's score."""

    def __init__(self):
        self.derived: dict[str, Decimal] = {}
        self.total: Decimal | None = None
        self.grade: str | None = None


class FormDerived:
    def __init__(self, form: Form, rubric: Rubric):
        self.form, self.rubric = form, rubric
        self.funding_node: Node | None = None
        self.funding: Expected | None = None
        self.rows: list[RowResult] = []
        self.levels: dict[str, tuple[Decimal, Decimal]] = {}   # 一级 id → (分值 sum, 得分 sum) of its rows
        self.raw_total: Decimal | None = None                  # every stated score added up
        self.applicable: Decimal = ZERO                        # the points of what applies
        self.rescaled = False
        self.scores = FormScores()
        # what the pipeline and the summary expect of a derived value (derive.Derived)
        self.context = self.rendered = self.view = None

    @property
    def total(self) -> Decimal | None:
        return self.scores.total

    @property
    def funding_points(self) -> Decimal | None:
        return self.funding_node.points if self.funding_node is not None else None


def row_rule(rubric: Rubric, row: Row) -> Rule | None:
    """The rule the rubric gives a row of this kind; ratio for numbers and met otherwise by default."""
    rules = rubric.model.form
    kind = row.target.kind
    part = {QUANTITATIVE: "quantitative", QUALITATIVE: "qualitative", TIME: "time"}.get(kind)
    if part is None:
        return None
    rule = getattr(rules, part) if rules is not None else None
    if rule is not None:
        return rule
    name = "proportional" if kind == QUANTITATIVE else "met"
    return Rule(RULES[name](), None)


def derive_form(report, rubric: Rubric) -> FormDerived:
    form = report.form
    out = FormDerived(form, rubric)
    roots: dict[str, Node] = {}
    for node in rubric.roots:
        if node.rule == "execution_rate" and out.funding_node is None:
            out.funding_node = node
        roots.setdefault(level_key(node.name), node)
        roots.setdefault(level_key(node.id), node)
    places = rubric.score_decimals
    if out.funding_node is not None:
        inputs = Inputs(report, None, None, places, (None, "", ()))
        out.funding = out.funding_node.rule_kind.expected(out.funding_node, None, inputs)
    for i, row in enumerate(form.indicators):
        node = roots.get(level_key(row.level1))
        rule = row_rule(rubric, row)
        expected = None
        # a rubric's form rules are row rules (checked when it is loaded), as are the defaults
        if rule is not None and isinstance(rule.kind, RowRule) and row.points is not None \
                and not isinstance(row.points, NotApplicable):
            expected = rule.kind.score_row(row, rule.params, places)
        out.rows.append(RowResult(i, row, node, rule, expected))
    _totals(out, report, rubric)
    return out


def _totals(out: FormDerived, report, rubric: Rubric) -> None:
    funding = report.form.funding
    fscore = funding.score if funding.score is not None else (out.funding.score if out.funding else None)
    points = out.funding_points or ZERO
    raw, blank, applicable = (fscore or ZERO), fscore is None, points
    for node in rubric.roots:
        if out.funding_node is not None and node is out.funding_node:
            out.scores.derived[node.id] = fscore if fscore is not None else ZERO
    for r in out.rows:
        row = r.row
        if r.node is not None:
            p, s = out.levels.get(r.node.id, (ZERO, ZERO))
            out.levels[r.node.id] = (p + _number(row.points), s + (_number(row.score) if r.applies else ZERO))
        if not r.applies:
            out.rescaled = True
            continue
        applicable += _number(row.points)
        if row.score is None:
            blank = True
        raw += _number(row.score)
    for node_id, (_, s) in out.levels.items():
        out.scores.derived[node_id] = s
    out.raw_total, out.applicable = raw, applicable
    rules = rubric.model.form
    rescale = out.rescaled and applicable and (rules is None or rules.not_applicable != "exclude")
    total = round_to(raw * rubric.points / applicable, rubric.score_decimals) if rescale else raw
    out.rescaled = bool(rescale)
    out.scores.total = None if blank else total
    out.scores.grade = rubric.grade_for(total) if not blank else None


def _number(value) -> Decimal:
    return value if value is not None and not isinstance(value, NotApplicable) else ZERO
