"""Rubrics (评分体系): the indicator tree, its points and scoring rules, as YAML data.

A finance bureau's rubric is data a user can add without touching Python. It is validated
when loaded: ids unique, children adding up to their parent's points, the whole to 100,
grade bands in order, and every fact path a rule names known to the facts model.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..core import buffers
from ..core.numbers import fmt
from . import facts
from .findings import Document, Findings
from .rules import RULES, FactPaths, RuleField
from .schema import Choice, Field, Integer, ListOf, Model, ModelKind, Number, OneOrList, Text, Threshold, format_field

FORMAT = 1      # the version of the rubric file's format (see facts.FORMAT)


class MeasureDef(Model):
    """指标值的算法
    由事实算出的比率（百分比）；自评中写了指标值的，将与之核对。只写名称时，指标值由自评写明
    （scores.编号.measure），名称用于报告的计分句（如“政府采购执行率为64.94%”）。"""

    name = Field(Text(), "名称", required=True, help="如 结转结余率")
    numerator = Field(FactPaths(), "分子", help="与分母同写或同不写；不写时指标值由自评写明")
    denominator = Field(FactPaths(), "分母", help="与分子同写或同不写")


class Indicator(Model):
    """指标"""

    id = Field(Text(), "指标编号", required=True, help="在本评分体系内唯一，如 B24")
    name = Field(Text(), "指标名称", required=True)
    points = Field(Number(), "分值", required=True)
    criteria = Field(Text(), "评分标准")
    rule = Field(RuleField(), "计分规则", help="省略时按评分标准酌情评分（judgement）")
    measure = Field(ModelKind(MeasureDef), "指标值的算法")
    table = Field(Choice({"targets": "targets"}), "随附表格",
                  help="targets：在此指标的分析之后列出绩效目标实现情况表（如阳西式的“效果性”）")
    note = Field(Text(), "说明")
    children: list[Indicator]       # declared below (recursive); the type checker reads it here


# A recursive field can only name its class once the class exists.
Indicator.fields["children"] = Field(ListOf(ModelKind(Indicator)), "下级指标")


class Band(Model):
    """绩效等级"""

    grade = Field(Text(), "等级", required=True)
    min = Field(Threshold(), "最低分（含）", required=True,
                help="分数（如 90），或总分的百分比（如 90%：总分 10 分时为 9 分）")


class FormRules(Model):
    """自评表的计分规则
    全国通用的绩效自评表（form）各行绩效指标的计分方法。"""

    quantitative = Field(RuleField(), "定量指标的规则", help="默认 {kind: proportional}：按实际完成值与指标值之比计分")
    qualitative = Field(RuleField(), "定性指标的规则", help="默认 {kind: met}：达到得满分，未达到酌情扣分")
    time = Field(RuleField(), "时间指标的规则", help="默认 {kind: met}：按时完成得满分")
    not_applicable = Field(Choice({"rescale": "rescale", "exclude": "exclude"}), "不适用的指标",
                           help="rescale（默认）：不适用的指标不计分，总分按适用指标的分值折算为满分 100；"
                                "exclude：不计分，也不折算")


class RubricModel(Model):
    """评分体系（指标体系）"""

    format = format_field(FORMAT)
    name = Field(Text(), "名称", required=True)
    basis = Field(Text(), "依据", help="制定或发布评分体系的文件")
    points = Field(Number(), "总分", help="默认 100")
    score_decimals = Field(Integer(maximum=4), "得分保留的小数位数", help="按公式计分时四舍五入到的位数，默认 2")
    template = Field(Text(), "报告模板", help="模板名（在 templates/ 文件夹和内置模板中查找）或相对于本文件的 .docx 路径")
    vocabulary = Field(OneOrList(Text()), "正文词表",
                       help="本县对金额的称呼（如“全年预算收入”）：词表文件名（在 vocabularies/ 文件夹中查找）"
                            "或相对于本文件的路径，可写多个")
    grades = Field(ListOf(ModelKind(Band)), "绩效等级划分",
                   help="默认按总分的百分比：优≥90%、良≥80%、中≥60%、差（总分 100 分时即 90、80、60 分）")
    indicators = Field(ListOf(ModelKind(Indicator)), "一级指标", required=True)
    form = Field(ModelKind(FormRules), "自评表的计分规则",
                 help="用于全国通用的绩效自评表（事实文件的 form）；一级指标用 execution_rate（预算执行率）和 form_rows")
    note = Field(Text(), "说明")


# shares of the rubric's total: a 10-point rubric grades 9.49 points 优, not 差
DEFAULT_GRADES = [("优", Decimal(90)), ("良", Decimal(80)), ("中", Decimal(60)), ("差", Decimal(0))]


class Node:
    """An indicator placed in its tree, with its level (1 = 一级) and parent."""

    def __init__(self, ind: Indicator, level: int, parent: Node | None, children: list, path: tuple):
        self.ind, self.level, self.parent, self.children = ind, level, parent, children
        self.path = path      # path of the indicator in the rubric document

    def __repr__(self):
        return f"Node({self.ind.id!r}, level {self.level})"

    @property
    def id(self) -> str:
        return self.ind.id

    @property
    def name(self) -> str:
        return self.ind.name

    @property
    def points(self) -> Decimal:
        return self.ind.points

    @property
    def rule(self) -> str:
        """The rule kind's name: rate, target_rate, not_exceed, judgement …"""
        return self.ind.rule.name if self.ind.rule else "judgement"

    @property
    def rule_kind(self):
        return self.ind.rule.kind if self.ind.rule else RULES["judgement"]()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self):
        if self.is_leaf:
            yield self
        for c in self.children:
            yield from c.leaves()

    @property
    def title(self) -> str:
        return f"{self.id} {self.name}"


class Rubric:
    def __init__(self, model: RubricModel, doc: Document, roots: list, by_id: dict, path: Path = Path(),
                 builtin: bool = False):
        self.model, self.doc, self.roots, self.by_id, self.path = model, doc, roots, by_id, path
        self.builtin = builtin      # shipped with mkreport (names in it are not looked up beside it)

    @property
    def name(self) -> str:
        return self.model.name

    @property
    def points(self) -> Decimal:
        # 0 is a total someone wrote (an error the load reports), not "not written"
        return Decimal(100) if self.model.points is None else self.model.points

    @property
    def score_decimals(self) -> int:
        return 2 if self.model.score_decimals is None else self.model.score_decimals

    @property
    def grades(self) -> list[tuple[str, Decimal]]:
        """Each grade with its lowest total in points, on this rubric's own scale."""
        if self.model.grades:
            return [(b.grade, self._points(b.min.value, b.min.unit == "%")) for b in self.model.grades]
        return [(g, self._points(m, True)) for g, m in DEFAULT_GRADES]

    def _points(self, value: Decimal, share: bool) -> Decimal:
        if not share:
            return value
        v = value * self.points / 100
        return v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()

    def band_text(self) -> str:
        """The bands as a reader checks them: 优≥90、良≥80… (with the share where the scale is not 100)."""
        shares = [b.min.unit == "%" for b in self.model.grades] if self.model.grades else [True] * len(DEFAULT_GRADES)
        out = []
        for (grade, minimum), share in zip(self.grades, shares):
            pct = f"（总分的 {fmt((minimum / self.points * 100).normalize())}%）" if share and minimum and self.points != 100 else ""
            out.append(f"{grade}≥{fmt(minimum)}{pct}")
        return "、".join(out)

    def grade_for(self, total: Decimal) -> str | None:
        for grade, minimum in self.grades:
            if total >= minimum:
                return grade
        return None

    def walk(self):
        todo = list(reversed(self.roots))
        while todo:
            n = todo.pop()
            yield n
            todo.extend(reversed(n.children))


_cache: dict[tuple, tuple] = {}


def load_rubric(path: Path, display: str, builtin: bool = False) -> tuple[Rubric | None, Findings, bool]:
    """Load and validate a rubric: (rubric or None if it has errors, its findings, unreadable).
    Cached, since a bureau checks many inputs against one rubric."""
    from .datafile import load_model

    # keyed by the file's state too: a rubric edited while one process runs (a batch, an editor's
    # server) is read again, not served from before the edit
    key = buffers.stamp(path)
    if key not in _cache:
        for old in [k for k in _cache if k[0] == key[0]]:
            del _cache[old]          # an editor's server sees a rubric in many states: keep the latest
        found = Findings()
        model, doc, unreadable = load_model(RubricModel, path, display, "评分体系", "RUBRIC-", found,
                                                signature="indicators")
        rubric = _build(model, doc, found) if model is not None else None
        if rubric is not None:
            rubric.path, rubric.builtin = path, builtin
        _cache[key] = (rubric if not found.errors else None, found, unreadable)
    return _cache[key]


def _build(model: RubricModel, doc: Document, found: Findings) -> Rubric:
    by_id: dict[str, Node] = {}

    def place(ind: Indicator, level: int, parent: Node | None, path: tuple) -> Node:
        node = Node(ind, level, parent, [], path)
        if ind.id in by_id:
            first = by_id[ind.id]
            found.error("RUBRIC-ID", f"指标编号“{ind.id}”重复：{by_id[ind.id].name} 与 {ind.name}"
                        f"（第一次在第 {doc.locate(first.path + ('id',))[0]} 行）。", doc, path + ("id",))
        else:
            by_id[ind.id] = node
        for i, child in enumerate(ind.children):
            node.children.append(place(child, level + 1, node, path + ("children", i)))
        return node

    roots = [place(ind, 1, None, ("indicators", i)) for i, ind in enumerate(model.indicators)]
    rubric = Rubric(model, doc, roots, by_id)
    for node in rubric.walk():
        _validate_indicator(node, doc, found)
    _validate_form_rules(model, doc, found)
    total = sum((r.points for r in roots), Decimal(0))
    parts = " + ".join(fmt(r.points) for r in roots)
    if rubric.points <= 0:
        found.error("RUBRIC-TOTAL", f"评分体系总分（points）应大于 0，写成了 {fmt(rubric.points)}：不写即为 100 分。",
                    doc, ("points",))
        return rubric
    if total != rubric.points:
        found.error("RUBRIC-TOTAL", f"一级指标分值合计 {fmt(total)} = {parts}，不等于总分 {fmt(rubric.points)}。",
                    doc, ("indicators",))
    if rubric.points != 100:
        found.warning("RUBRIC-POINTS", f"评分体系总分为 {fmt(rubric.points)} 分，不是通常的 100 分：请与本县财政局"
                      "印发的指标体系核对，报告只写评分体系中列出的指标。", doc, ("points",))
    previous = None
    for i, (grade, minimum) in enumerate(rubric.grades):
        if minimum > rubric.points:
            found.error("RUBRIC-GRADE", f"绩效等级“{grade}”的最低分 {fmt(minimum)} 超过了总分 {fmt(rubric.points)}："
                        f"按分数写的等级须在总分以内；若指总分的百分比，请写成 {fmt(minimum)}%。",
                        doc, ("grades", i, "min"))
        if previous is not None and minimum >= previous:
            found.error("RUBRIC-GRADE", f"绩效等级“{grade}”的最低分 {fmt(minimum)} 应低于上一等级的 {fmt(previous)}"
                        "（等级须从高到低排列）。", doc, ("grades", i, "min"))
        previous = minimum
    return rubric


def _validate_form_rules(model: RubricModel, doc: Document, found: Findings) -> None:
    """The form's row rules must be kinds that score a row (ratio, met, or a published one)."""
    from .rules import RowRule

    for part in ("quantitative", "qualitative", "time"):
        rule = getattr(model.form, part) if model.form is not None else None
        if rule is not None and not isinstance(rule.kind, RowRule):
            found.error("RUBRIC-RULE", f"form.{part} 的规则“{rule.name}”不是为自评表的一行计分的规则：请用 proportional 或 met。",
                        doc, ("form", part, "kind"))


def _validate_indicator(node: Node, doc: Document, found: Findings) -> None:
    ind = node.ind
    if node.children:
        total = sum((c.points for c in node.children), Decimal(0))
        if total != ind.points:
            parts = " + ".join(fmt(c.points) for c in node.children)
            found.error("RUBRIC-SUM", f"{node.title} 分值 {fmt(ind.points)} ≠ 下级指标分值合计 {fmt(total)} = {parts}。",
                        doc, node.path + ("points",))
        if ind.rule and ind.rule.kind.computes:
            found.error("RUBRIC-RULE", f"{node.title} 有下级指标，得分由下级相加，不能另设计分规则。",
                        doc, node.path + ("rule",))
    rule = ind.rule
    if rule:
        rule.kind.validate(node, rule.params, lambda where, message: found.error(
            "RUBRIC-RULE", message, doc, node.path + ("rule",) + tuple(where)))
    paths = []
    if ind.measure and bool(ind.measure.numerator) != bool(ind.measure.denominator):
        given, missing = ("numerator", "denominator") if ind.measure.numerator else ("denominator", "numerator")
        zh = {"numerator": "分子", "denominator": "分母"}
        found.error("RUBRIC-SCHEMA-MISSING", f"{node.title} 的 measure 写了{zh[given]}（{given}），缺少{zh[missing]}"
                    f"（{missing}）：两者同写才能由事实算出指标值；只写名称（name）时，指标值由自评写明。",
                    doc, node.path + ("measure", given))
    if ind.measure:
        paths += [(p, node.path + ("measure", part)) for part in ("numerator", "denominator")
                  for p in getattr(ind.measure, part)]
    if rule:
        paths += [(p, node.path + ("rule",) + where) for p, where in rule.kind.fact_paths(rule.params)]
    for fact_path, where in paths:
        if not known_fact_path(fact_path):
            found.error("RUBRIC-PATH", f"{node.title} 引用的事实路径“{fact_path}”不存在于事实文件的结构中。",
                        doc, where)


def known_fact_path(dotted: str) -> bool:
    """Whether a dotted path names a numeric field of the facts model."""
    model: type[Model] = facts.Report
    parts = dotted.split(".")
    for i, part in enumerate(parts):
        field = model.fields.get(part)
        if field is None:
            return False
        kind = field.kind
        if isinstance(kind, ModelKind):
            model = kind.model
            continue
        return i == len(parts) - 1 and isinstance(kind, (Number, Integer))
    return False
