"""The national self-evaluation form (部门整体 / 项目支出绩效自评表): its part of the facts file.

Most provinces publish the self-evaluation as this form, for a whole department and for each
project: the funds by source (年初预算数 / 全年预算数 / 全年执行数, 执行率 scored on its points),
the year's overall goals (预期目标 / 实际完成情况) and indicator rows under 一级 / 二级 / 三级
指标. A row is itself the target: its 年度指标值 carries the direction (≥ ≤ =), a time (9月前) or
a quality to reach, so nothing is written twice. "—" says a row, or a figure, does not apply.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..core.numbers import NA_SPELLINGS, Quantity, ascii_figure, parse_quantity, plausible
from .schema import (
    CHECK,
    INVALID,
    SETTING,
    Choice,
    Conversion,
    Field,
    Invalid,
    Kind,
    ListOf,
    Model,
    ModelKind,
    Number,
    Path,
    Percent,
    Text,
    _said,
    label,
)
from .yamlsource import Node

QUANTITATIVE, QUALITATIVE, TIME, NOT_APPLICABLE = "quantitative", "qualitative", "time", "not_applicable"
SIGNS = {">=": "≥", "<=": "≤", "=": "="}

# How a form writes a direction before the value. Longer spellings first: "≥" before ">".
_OPERATORS = [
    (">=", ">="), ("≥", ">="), ("≧", ">="), ("＞＝", ">="), ("＞", ">="), (">", ">="),
    ("不低于", ">="), ("不少于", ">="), ("大于等于", ">="), ("至少", ">="),
    ("<=", "<="), ("≤", "<="), ("≦", "<="), ("＜＝", "<="), ("＜", "<="), ("<", "<="),
    ("不高于", "<="), ("不超过", "<="), ("不多于", "<="), ("小于等于", "<="), ("控制在", "<="),
    ("＝", "="), ("=", "="),
]
# 9月前, 2023年9月底前, 10月31日前, 年底前: a date to be done by
_TIME = re.compile(r"^(?:(?P<y>[0-9]{4})年)?(?:(?P<m>[0-9]{1,2})月(?:(?P<d>[0-9]{1,2})日)?|(?P<end>年底|年末))"
                   r"(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内)?(?:完成)?$")


class TargetValue:
    """A 年度指标值 or 实际完成值 as read: its kind (quantitative, qualitative, time, not
    applicable), direction, number and unit, and the text as written (what the form prints)."""

    __slots__ = ("kind", "direction", "quantity", "month", "day", "text", "implicit")

    def __init__(self, kind: str, text: str, direction: str = "", quantity: Quantity | None = None,
                 month: int | None = None, day: int | None = None, implicit: bool = False):
        self.kind, self.text, self.direction, self.quantity = kind, text, direction, quantity
        self.month, self.day = month, day
        self.implicit = implicit        # a bare number: read as ≥, as forms mean "100%"

    def __repr__(self):
        return f"TargetValue({self.kind!r}, {self.text!r})"

    def __str__(self):
        return self.text

    @property
    def value(self) -> Decimal | None:
        return self.quantity.value if self.quantity is not None else None

    @property
    def applies(self) -> bool:
        return self.kind != NOT_APPLICABLE

    @property
    def when(self) -> tuple | None:
        """(month, day) a time target or a date actual names; the end of the year for 年底."""
        return (self.month, self.day or 31) if self.month else None


def read_target(text: str) -> TargetValue:
    """The meaning of a value as a form writes it: ≥1.2万亩, ≤4天, 100%, 9月前, 有效提升, —."""
    text = text.strip()
    if text in NA_SPELLINGS:
        return TargetValue(NOT_APPLICABLE, text)
    figure = ascii_figure(text)
    direction, rest = "", figure
    for spelled, op in _OPERATORS:
        if figure.startswith(spelled):
            direction, rest = op, figure[len(spelled):].strip()
            break
    rest = re.sub(r"(以上|以内|以下)$", "", rest).strip()
    m = _TIME.match(rest.replace(" ", ""))
    if m:
        month = 12 if m.group("end") else int(m.group("m"))
        day = int(m.group("d")) if m.group("d") else None
        if 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            return TargetValue(TIME, text, direction or "<=", None, month, day)
    q = parse_quantity(rest)
    if q is not None and plausible(q.value):
        return TargetValue(QUANTITATIVE, text, direction or ">=", Quantity(q.value, q.unit, rest),
                           implicit=not direction)
    return TargetValue(QUALITATIVE, text, direction)


class TargetKind(Kind["TargetValue"]):
    """A form's 年度指标值 or 实际完成值: a number with direction and unit, a time, a quality, or —."""

    zh = "指标值"

    def convert(self, node: Node, conv: Conversion, path: Path, zh: str) -> TargetValue | Invalid:
        text = self._figure(node, conv, path, zh)
        if text is INVALID:
            return text
        if not text.strip():
            conv.problem(path, node, f"{label(path, zh)} 是空白：请填写，不适用的写“—”。")
            return INVALID
        return read_target(text)

    def json_schema(self, defs):
        return _said({"type": ["string", "number"], "examples": ["≥1.2万亩", "≤4天", "100%", "9月前", "有效提升", "—"]},
                     "应为指标值：数和单位，可带方向（≥1.2万亩、≤4天、100%），或时间（9月前）、文字（有效提升），"
                     "不适用的写“—”。")


MONEY = Number("万元", dash=True)
POINTS = Number(dash=True)
MET = Choice({"是": "是", "否": "否", "达成": "是", "未达成": "否", "true": "是", "false": "否",
              "True": "是", "False": "否", "yes": "是", "no": "否"})
UNIT = Choice({"元": "元", "万元": "万元", "亿元": "亿元"})


class FundingRow(Model):
    """资金来源的一行
    年初预算数、全年预算数（调整后）、全年执行数，单位为 form.funding.unit（默认万元）；不适用的写“—”。"""

    budget = Field(MONEY, "年初预算数")
    adjusted = Field(MONEY, "全年预算数", help="调整后的全年预算，即当年可用的资金")
    final = Field(MONEY, "全年执行数")


FUNDING_COLUMNS = {"budget": "年初预算数", "adjusted": "全年预算数", "final": "全年执行数"}
SOURCES = {"fiscal": "其中：当年财政拨款", "carryover": "上年结转资金", "other": "其他资金"}


class Funding(Model):
    """年度资金（按来源）
    年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金；执行率 = 全年执行数 ÷ 全年预算数。"""

    unit = Field(UNIT, "金额单位", help="默认 万元", role=SETTING)
    total = Field(ModelKind(FundingRow), "年度资金总额", help="可省略，由三项来源相加；写了就核对")
    fiscal = Field(ModelKind(FundingRow), "其中：当年财政拨款")
    carryover = Field(ModelKind(FundingRow), "上年结转资金")
    other = Field(ModelKind(FundingRow), "其他资金")
    points = Field(Number(), "分值", help="可省略，默认取评分体系中预算执行率的分值；写了就核对", role=CHECK)
    rate = Field(Percent(), "执行率", help="可省略，由全年执行数 ÷ 全年预算数得出；写了就核对", role=CHECK)
    score = Field(POINTS, "得分", help="执行率（最高 100%）× 分值；表中印出，必填")


class Goals(Model):
    """年度总体目标
    预期目标与实际完成情况，各为一段文字或分条列出。"""

    expected = Field(ListOf(Text()), "预期目标", help="每条一项，如“目标1：完成高标准农田建设1.2万亩”")
    actual = Field(ListOf(Text()), "实际完成情况", help="每条一项，与预期目标对应")


class Row(Model):
    """绩效指标
    自评表的一行：三级指标就是绩效目标，年度指标值写明方向（≥ ≤ =）、时间（9月前）或要达到的状态。"""

    level1 = Field(Text(), "一级指标", required=True, help="产出指标、效益指标、满意度指标（与评分体系的一级指标对应）")
    level2 = Field(Text(), "二级指标", required=True, help="如 数量指标、质量指标、时效指标、成本指标、社会效益指标")
    name = Field(Text(), "三级指标", required=True)
    target = Field(TargetKind(), "年度指标值", required=True,
                   help="如 ≥1.2万亩、≤4天、100%（不写方向即 ≥）、=100%、9月前、有效提升；不适用的写“—”")
    actual = Field(TargetKind(), "实际完成值", help="如 1.25万亩、3天、8月、已提升；不适用的写“—”")
    points = Field(POINTS, "分值")
    score = Field(POINTS, "得分", help="表中印出，必填；不适用的指标写“—”")
    met = Field(MET, "是否达成", help="定性指标（及完成时间写成文字的）可写 是/否；不写时按实际完成值与指标值是否相同判断")
    reason = Field(Text(), "偏差原因分析及改进措施", help="扣了分或目标未达成时必填；没有偏差可省略或写“—”")


class Form(Model):
    """绩效自评表（全国通用格式）
    部门整体支出绩效自评表或项目支出绩效自评表：资金、总体目标、绩效指标和总分。"""

    name = Field(Text(), "项目名称", help="项目支出绩效自评表的项目名称；部门整体的可省略")
    authority = Field(Text(), "主管部门", help="可省略，默认为部门名称")
    executor = Field(Text(), "实施单位", help="可省略，默认为部门名称")
    funding = Field(ModelKind(Funding), "年度资金", required=True)
    goals = Field(ModelKind(Goals), "年度总体目标")
    indicators = Field(ListOf(ModelKind(Row)), "绩效指标", required=True)
    total = Field(Number(), "总分", help="可省略，由各项得分相加（有不适用的指标时按评分体系折算）；写了就核对")
    grade = Field(Choice({"优": "优", "良": "良", "中": "中", "差": "差"}), "绩效等级",
                  help="可省略，由总分得出；写了就核对")
    contact = Field(Text(), "填报人及联系电话")
