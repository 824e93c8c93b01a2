"""Scoring rule kinds: one class per kind, in one registry.

A rubric names a kind (`rule: {kind: rate}`); the class says which parameters the kind takes
(a small model, so the rubric's JSON Schema and its messages come for free), checks them when
the rubric is loaded, and computes the expected score from the facts. A county's new kind of
rule is one class here and nothing else; templates tell kinds apart by `name`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..core.numbers import fmt, round_to
from .schema import (
    INVALID,
    Choice,
    Conversion,
    Field,
    Invalid,
    Kind,
    ListOf,
    Many,
    Model,
    ModelKind,
    Path,
    Percent,
    Text,
    convert,
    label,
)
from .yamlsource import Node

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class FactPaths(Many[list[str]]):
    """One dotted fact path, or a list of them to be added up."""

    zh = "事实路径"

    def empty(self) -> list[str]:
        return []

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> list[str] | Invalid:
        items = [node] if node.kind == "scalar" else node.value if node.kind == "seq" else None
        if items is None or any(n.kind != "scalar" or not n.value for n in items):
            conv.problem(path, node, f"{label(path, zh)} 应为事实路径（如 finance.income.total.final）或其列表。")
            return INVALID
        return [n.value.strip() for n in items]

    def json_schema(self, defs):
        said = "应为事实路径（如 finance.income.total.final），或几个事实路径的列表（各项相加）。"
        return {"anyOf": [{"type": "string", "errorMessage": said},
                          {"type": "array", "items": {"type": "string", "errorMessage": said}, "errorMessage": said}]}


class Expected:
    """A rule's expected score and the computation, in words, that gave it. `how` is the
    computation as `explain` and the findings show it; `terms` are the figures a report's
    scoring sentence says in words (scoring.py, data/scoring.yaml): the rate, the limit, the
    comparisons, the targets met."""

    def __init__(self, score: Decimal | None, how: str, measure: Decimal | None = None, sources: tuple = (),
                 terms: dict | None = None):
        self.score, self.how = score, how
        self.measure = measure          # the rate used, in %
        self.sources = sources          # fact paths the computation read
        self.terms = {} if terms is None else terms

    def __repr__(self):
        return f"Expected({self.score!r}, {self.how!r})"


class Inputs:
    """What a rule may read: the facts (stated or derived), the targets, the indicator's measure."""

    def __init__(self, report, view, targets, places: int, measure: tuple):
        self.report = report
        self.view = view                # derive.FactView
        self.targets = targets          # derive.TargetSummary
        self.places = places            # decimals a computed score is rounded to
        self.measure = measure          # (rate in %, how it was found, fact paths) or (None, "", ())


class RuleKind:
    """Base of every rule kind. `Params` is the model of the rule's mapping in the rubric."""

    name: ClassVar[str] = ""
    zh: ClassVar[str] = ""              # what the kind does, shown in the rubric schema and README
    Params: ClassVar[type[Model]]
    computes: ClassVar[bool] = True      # False: the score is the evaluator's judgement
    # how the report words a score by this kind, for a kind data/scoring.yaml does not know (a
    # published kind): {"full": {"text": …}, "lost": {"text": …, "cell": …}, …} as in that file
    phrases: ClassVar[dict] = {}

    def fact_paths(self, params) -> list[tuple[str, tuple]]:
        """(dotted fact path, path of that value inside the rule) for every fact the rule reads."""
        return []

    def validate(self, node, params, problem) -> None:
        """Rubric-time checks beyond the parameter model: `problem(where, message)`."""

    def expected(self, node, params, inputs: Inputs) -> Expected | None:
        return None


RULES: dict[str, type[RuleKind]] = {}


def register(cls: type[RuleKind]) -> type[RuleKind]:
    RULES[cls.name] = cls
    return cls


def published(name: str) -> str:
    """Register the rule kind an installed package publishes as `name` (entry point group
    mkreport.rules, see plugins.py). Only asked for a name not among the built-in kinds, so a rubric
    of built-in kinds never scans the installed packages. "" when registered or when no package
    publishes it (the kind's own field then lists the kinds there are); else what is wrong."""
    from ..core import plugins

    try:
        cls = plugins.load(plugins.RULES, name)
    except plugins.PluginError as exc:
        return f"计分规则{exc.message}"
    if cls is None:
        return ""
    where = f"已安装的包 {plugins.provider(plugins.published(plugins.RULES)[name])} 发布的计分规则“{name}”"
    if not (isinstance(cls, type) and issubclass(cls, RuleKind) and isinstance(getattr(cls, "Params", None), type)
            and issubclass(cls.Params, Model)):
        return f"{where}不是计分规则类：应为 generator.model.rules.RuleKind 的子类，并带有参数模型 Params。请联系这个包的作者。"
    if cls.name != name:
        return f"{where}自称“{cls.name}”：包中登记的名字与类的 name 应相同。请联系这个包的作者。"
    register(cls)
    return ""


def publish_all() -> list[str]:
    """Every published rule kind registered (for the rubric's JSON Schema); what could not be, said."""
    from ..core import plugins

    return [problem for name in plugins.rule_names() if name not in RULES and (problem := published(name))]


def _kind_field() -> Field[str]:
    return Field(Choice({k: k for k in RULES}), "规则类型", required=True,
                 help="；".join(f"{k}：{c.zh}" for k, c in RULES.items()))


class _Plain(Model):
    """计分规则"""


@register
class Judgement(RuleKind):
    name = "judgement"
    zh = "按评分标准酌情评分，扣分须说明原因"
    computes = False

    class Params(_Plain):
        """酌情评分"""


@register
class Rate(RuleKind):
    name = "rate"
    zh = "得分 = 指标值（百分比，最高 100%）× 分值；指标值由 measure 从事实算出，或在自评中写明"

    class Params(_Plain):
        """按比率计分"""

    def expected(self, node, params, inputs):
        rate, source, paths = inputs.measure
        if rate is None:
            return Expected(None, "缺少指标值（measure.value 或 分子/分母），无法按比率计分")
        score = round_to(min(rate, HUNDRED) / HUNDRED * node.points, inputs.places)
        capped = "（超过 100%，按 100% 计）" if rate > HUNDRED else ""
        return Expected(score, f"{source}{capped} × 分值 {fmt(node.points)} = {fmt(score)}", rate, paths,
                        {"rate": rate, "capped": rate > HUNDRED})


@register
class TargetRate(RuleKind):
    name = "target_rate"
    zh = "得分 = 已完成绩效目标数 ÷ 绩效目标总数 × 分值"

    class Params(_Plain):
        """按绩效目标完成率计分"""

    def expected(self, node, params, inputs):
        s = inputs.targets
        if not s.total:
            return Expected(None, "未填写绩效目标，无法按目标完成率计分")
        if s.unknown:
            return Expected(None, f"有 {s.unknown} 个绩效目标无法判断是否完成（缺少完成值，或单位与目标值不可比），"
                            "无法按目标完成率计分", None, ("targets",))
        score = round_to(Decimal(s.achieved) / Decimal(s.total) * node.points, inputs.places)
        return Expected(score, f"已完成目标 {s.achieved} ÷ 目标总数 {s.total} × 分值 {fmt(node.points)} = "
                        f"{fmt(score)}", s.rate, ("targets",),
                        {"rate": s.rate, "total": s.total, "achieved": s.achieved, "unmet": list(s.unmet)})


class Limit(Model):
    """不超过上限的一项比较"""

    actual = Field(FactPaths(), "实际数（事实路径）", required=True)
    limit = Field(FactPaths(), "上限（事实路径）", required=True)
    label = Field(Text(), "说明", help="如“三公经费决算数不超过预算数”")


@register
class NotExceed(RuleKind):
    name = "not_exceed"
    zh = "各项实际数均不超过上限得满分，否则不得分"

    class Params(_Plain):
        """不超过上限得满分"""

        limits = Field(ListOf(ModelKind(Limit)), "比较项", required=True)

    def fact_paths(self, params):
        return [(p, ("limits", i, part)) for i, lim in enumerate(params.limits)
                for part in ("actual", "limit") for p in getattr(lim, part)]

    def validate(self, node, params, problem):
        if not params.limits:
            problem(("limits",), f"{node.title} 的 not_exceed 规则须列出 limits（实际数与上限）。")

    def expected(self, node, params, inputs):
        parts, ok, sources, compared = [], True, [], []
        for lim in params.limits:
            actual, limit = inputs.view.wan_total(lim.actual), inputs.view.wan_total(lim.limit)
            name = lim.label or f"{'+'.join(lim.actual)} ≤ {'+'.join(lim.limit)}"
            if actual is None or limit is None:
                return Expected(None, f"缺少“{name}”所需的数据，无法计分")
            ok = ok and actual <= limit
            parts.append(f"{name}：{fmt(actual)} {'≤' if actual <= limit else '>'} {fmt(limit)}")
            sources += lim.actual + lim.limit
            compared.append({"actual": actual, "limit": limit, "actual_paths": lim.actual,
                             "limit_paths": lim.limit, "within": actual <= limit})
        score = node.points if ok else ZERO
        return Expected(score, "；".join(parts) + f"，得 {fmt(score)} 分", None, tuple(sources),
                        {"compared": compared})


@register
class Control(RuleKind):
    """财预〔2013〕53号's control rates (在职人员控制率, 公用经费控制率, "三公经费"控制率):
    at or under the limit gives full points; over it, points shrink in proportion."""

    name = "control"
    zh = "指标值（measure）不超过上限（默认 100%）得满分，超过时得分 = 分值 × 上限 ÷ 指标值"

    class Params(_Plain):
        """控制率计分"""

        limit = Field(Percent(), "上限", help="如 100%；省略时为 100%")

    def expected(self, node, params, inputs):
        rate, source, paths = inputs.measure
        limit = params.limit if params.limit is not None else HUNDRED
        if rate is None:
            return Expected(None, "缺少指标值（measure），无法按控制率计分")
        terms = {"rate": rate, "limit": limit}
        if rate <= limit:
            return Expected(node.points, f"{source} ≤ {fmt(limit)}%，得满分 {fmt(node.points)}", rate, paths, terms)
        score = round_to(node.points * limit / rate, inputs.places)
        return Expected(score, f"{source} > {fmt(limit)}%：分值 {fmt(node.points)} × {fmt(limit)}% ÷ "
                        f"{fmt(rate, 2)}% = {fmt(score)}", rate, paths, terms)


_WITH_KIND: dict[str, type[Model]] = {}


def _with_kind(cls: type[RuleKind]) -> type[Model]:
    """The kind's parameter model with the `kind` field itself, as the rubric writes it."""
    if cls.name not in _WITH_KIND:
        _WITH_KIND[cls.name] = type(cls.Params.__name__, (cls.Params,), {"kind": _kind_field(),
                                                                         "__doc__": cls.Params.__doc__})
    return _WITH_KIND[cls.name]


class RuleField(Kind["Rule"]):
    """`rule:` in a rubric: a mapping whose `kind` picks the class and so the parameters."""

    zh = "计分规则"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> Rule | Invalid:
        if node.kind != "map":
            conv.problem(path, node, f"{label(path, zh)} 应为映射，如 {{kind: rate}}。")
            return INVALID
        kind_node = node.value.get("kind")
        if kind_node is not None and kind_node.kind == "scalar" and kind_node.value \
                and kind_node.value.strip() not in RULES:
            problem = published(kind_node.value.strip())
            if problem:
                conv.problem(path + ("kind",), kind_node, f"{label(path + ('kind',), '规则类型')}：{problem}")
                return INVALID
        field = _kind_field()
        kind = field.kind.convert(kind_node, conv, path + ("kind",), field.zh) if kind_node is not None \
            and not kind_node.is_null else None
        if kind is None:
            conv.problem(path + ("kind",), node, f"缺少必填字段 {label(path + ('kind',), field.zh)}。", "SCHEMA-MISSING")
        if kind is None or kind is INVALID:
            return INVALID
        cls = RULES[kind]
        params = convert(_with_kind(cls), node, conv, path, zh)
        if params is INVALID:
            return INVALID
        return Rule(cls(), params)

    def json_schema(self, defs):
        """`kind` picks the parameters (if/then), rather than one alternative per kind (oneOf): an
        editor then says of a misspelt kind which kinds there are, where with alternatives that all
        fail it merges their messages into its own English ("Value must be …")."""
        branches = []
        for name, cls in RULES.items():
            name_def = f"Rule_{name}"
            if name_def not in defs:
                from .schema import model_schema
                schema = model_schema(_with_kind(cls), defs)
                schema["properties"]["kind"] = {"const": name, "description": f"规则类型。{cls.zh}",
                                                "errorMessage": _kinds_said()}
                defs[name_def] = schema
            branches.append({"if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                             "then": {"$ref": f"#/$defs/{name_def}"}})
        said = _kinds_said()
        return {"type": "object", "errorMessage": "计分规则：应为映射，如 {kind: rate}；" + said,
                "properties": {"kind": {"enum": list(RULES), "errorMessage": said}},
                "required": ["kind"], "allOf": branches}


def _kinds_said() -> str:
    """An editor's message for a rule kind it does not know: the kinds there are."""
    return "规则类型（kind）应为以下之一：" + "；".join(f"{name}（{cls.zh}）" for name, cls in RULES.items()) + "。"


class Rule:
    # params None: a form row's default rule, whose kind reads no parameters (form_scores.row_rule)
    def __init__(self, kind: RuleKind, params: Model | None):
        self.kind, self.params = kind, params

    @property
    def name(self) -> str:
        return self.kind.name


# ---- The national self-evaluation form (form.py): its 执行率 and its indicator rows ----------------

class RowRule(RuleKind):
    """A rule for one indicator row of the national form: the row is its own target, so the
    expected score comes from the row (its 年度指标值, 实际完成值 and 分值), not from the facts."""

    def validate(self, node, params, problem):
        problem(("kind",), f"{node.title} 的规则“{self.name}”只用于自评表的绩效指标行：请写在评分体系的 form 一节"
                           "（quantitative、qualitative、time），一级指标用 form_rows。")

    def expected(self, node, params, inputs):
        return None

    def score_row(self, row, params, places: int) -> Expected:
        raise NotImplementedError


def _met_time(row) -> bool | None:
    """A time target (9月前) against an actual date (8月): done by then. None when the actual is no date."""
    if row.met is not None:
        return row.met == "是"
    if row.actual is None or row.actual.when is None:
        return None
    return row.actual.when <= row.target.when


def _met_text(row) -> bool | None:
    """A qualitative target: as stated (met: 是/否), else met when the actual says the target's words."""
    if row.met is not None:
        return row.met == "是"
    if row.actual is None or row.target.kind != "qualitative":
        return None
    target, actual = row.target.text.strip(), row.actual.text.strip()
    return True if target and (actual == target or target in actual) else None


def row_met(row) -> bool | None:
    """Whether a row's target was reached: by its numbers, its dates or its words; None when unknown."""
    t, a = row.target, row.actual
    if t.kind == "time":
        return _met_time(row)
    if t.kind == "qualitative":
        return _met_text(row)
    if row.met is not None:
        return row.met == "是"
    if a is None or a.quantity is None or a.quantity.in_unit_of(t.quantity) is None:
        return None
    value, goal = a.quantity.in_unit_of(t.quantity), t.quantity.value
    return value >= goal if t.direction == ">=" else value <= goal if t.direction == "<=" else value == goal


@register
class Ratio(RowRule):
    name = "proportional"
    zh = ("自评表的定量指标：≥ 的得分 = 实际完成值 ÷ 指标值 × 分值，≤ 的得分 = 指标值 ÷ 实际完成值 × 分值，"
          "= 的取两者中较小的，均以分值为限")

    class Params(_Plain):
        """定量指标按比例计分"""

    def score_row(self, row, params, places):
        t, a, points = row.target, row.actual, row.points
        if a is None or a.quantity is None:
            return Expected(None, "实际完成值不是数，无法按比例计分")
        value = a.quantity.in_unit_of(t.quantity)
        if value is None:
            return Expected(None, f"实际完成值 {a.text} 与指标值 {t.text} 单位不可比，无法按比例计分")
        goal = t.quantity.value
        sign = {">=": "≥", "<=": "≤", "=": "="}[t.direction]
        shown = f"{fmt(value)}{t.quantity.unit}"
        if row_met(row):
            return Expected(points, f"实际 {shown} {sign} 指标值 {fmt(goal)}{t.quantity.unit}，得满分 {fmt(points)}",
                            terms={"met": True})
        if t.direction == ">=" or (t.direction == "=" and value < goal):
            if goal == 0:
                return Expected(points, "指标值为 0，得满分", terms={"met": True})
            score = round_to(max(value, ZERO) / goal * points, places)
            how = f"实际 {shown} ÷ 指标值 {fmt(goal)}{t.quantity.unit} × 分值 {fmt(points)} = {fmt(score)}"
        else:
            if value == 0:
                return Expected(points, "实际完成值为 0，得满分", terms={"met": True})
            score = round_to(goal / value * points, places)
            how = f"指标值 {fmt(goal)}{t.quantity.unit} ÷ 实际 {shown} × 分值 {fmt(points)} = {fmt(score)}"
        return Expected(min(score, points), how, terms={"met": False})


@register
class Met(RowRule):
    name = "met"
    zh = "自评表的定性指标、时间指标（及按是否达到计分的定量指标）：达到得满分；未达到不得分（unmet: zero）或酌情扣分（默认）"

    class Params(_Plain):
        """达到得满分"""

        unmet = Field(Choice({"judgement": "judgement", "zero": "zero"}), "未达到时",
                      help="judgement：酌情扣分，须写偏差原因（默认）；zero：不得分")

    def score_row(self, row, params, places):
        met, points = row_met(row), row.points
        if met:
            return Expected(points, f"{_said(row)}，得满分 {fmt(points)}", terms={"met": True})
        if met is None:
            return Expected(None, "无法判断是否达到（可写 met: 是/否），按评分标准酌情评分", terms={"met": None})
        if params is not None and getattr(params, "unmet", None) == "zero":
            return Expected(ZERO, f"{_said(row)}，不得分", terms={"met": False})
        return Expected(None, f"{_said(row)}，按评分标准酌情扣分", terms={"met": False})


def _said(row) -> str:
    actual = row.actual.text if row.actual is not None else "（空）"
    verdict = "达到" if row_met(row) else "未达到"
    return f"实际 {actual}，{verdict}指标值 {row.target.text}"


@register
class ExecutionRate(RuleKind):
    name = "execution_rate"
    zh = "自评表的预算执行率：得分 = 全年执行数 ÷ 全年预算数（最高 100%）× 分值"

    class Params(_Plain):
        """预算执行率计分"""

    def expected(self, node, params, inputs):
        form = getattr(inputs.report, "form", None)
        rate = funding_rate(form.funding) if form is not None else None
        if rate is None:
            return Expected(None, "年度资金总额缺少全年预算数或全年执行数（或全年预算数为 0），无法计算执行率")
        rate_pct, final, adjusted = rate
        score = round_to(min(rate_pct, HUNDRED) / HUNDRED * node.points, inputs.places)
        capped = "（超过 100%，按 100% 计）" if rate_pct > HUNDRED else ""
        return Expected(score, f"执行率 {fmt(final)} ÷ {fmt(adjusted)} = {fmt(rate_pct, 2)}%{capped} × 分值 "
                        f"{fmt(node.points)} = {fmt(score)}", rate_pct, ("form.funding",),
                        {"rate": rate_pct, "capped": rate_pct > HUNDRED})


def funding_total(funding, column: str) -> Decimal | None:
    """年度资金总额 in one column: as written, else the sum of the sources written."""
    total = funding.total
    stated = getattr(total, column) if total is not None else None
    if stated is not None:
        return stated
    parts = [getattr(getattr(funding, k), column) for k in ("fiscal", "carryover", "other")
             if getattr(funding, k) is not None]
    parts = [p for p in parts if p is not None]
    return sum(parts, ZERO) if parts else None


def funding_rate(funding) -> tuple | None:
    """(执行率 in %, 全年执行数, 全年预算数) of the funds as a whole; None when it cannot be computed."""
    final, adjusted = funding_total(funding, "final"), funding_total(funding, "adjusted")
    if final is None or adjusted is None or adjusted == 0:
        return None
    return final / adjusted * HUNDRED, final, adjusted


@register
class FormRows(RuleKind):
    name = "form_rows"
    zh = "自评表的一级指标（产出、效益、满意度）：得分 = 其下各行绩效指标的得分之和，每行按评分体系 form 一节的规则计分"

    class Params(_Plain):
        """按绩效指标逐行计分"""
