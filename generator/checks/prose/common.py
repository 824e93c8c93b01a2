"""The words, tolerances and small helpers the prose checks share."""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.numbers import decimals, same_figure
from ...derive.claims import Claim
from ...derive.claims.tokens import MONEY

_COLUMN_ZH = {"budget": "年初预算数", "adjusted": "调整预算数", "final": "决算数", "prior": "上年决算数",
              "prior_budget": "上年预算数", "plan": "预算数", "any": "预算数或决算数"}


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


# A figure this many times larger or smaller than the fact it is read as is not a slip of the pen (transposed
# digits change a figure less than five-fold; a slipped unit or decimal point exactly ten-fold, which is still
# reported): it is most likely another body's figure the reader took for the department's — say nothing.
FAR_OFF = 6


def _places(c: Claim) -> int:
    """The places a computed percentage is shown with: those written (at least two)."""
    return max(2, decimals(c.value)) if c.value is not None else 2


# an amount said to be spent already, or actually: the year's final, whatever column the amounts beside it are in
_SPENT_NOW = re.compile("已(?:经)?(?:完成)?(?:支付|支出|使用)|实际(?:执行|支付|支出|使用)|完成支出|(?:共|累计)(?:使用|支付)")


def _as_written(c: Claim, value: Decimal) -> bool:
    """Whether an amount stated is a value in 万元 restated (in the stated amount's unit, see same_figure)."""
    return c.unit in MONEY and same_figure(abs(c.value), value * MONEY["万元"] / MONEY[c.unit])


def _level_stated(c: Claim) -> bool:
    """Whether the amount a change (or a rate's change) is of is written in its sentence (not only the file's:
    "人均公用经费4.76万元，较上年增加0.76万元，增长19.00%" — the change may be another figure's than the fact's)."""
    level = c.of
    # ("2023年度收、支总计3237.75万元。与2022年相比，收、支总计各增加1066.50万元，增长32.9%": the sentence before, where
    # the change names the amount's subject again in the same words)
    return level is not None and level.figure is not None and level.money and (
        level.sentence == c.sentence or (level.sentence == c.sentence - 1 and bool(c.label) and c.label == level.label))


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


# why a change or rate is not checked: the amount it is of is many times the fact's figure (see levels._level_off)
_OF_FAR = "它所说的本年数与事实相差好几倍：说的多半不是本部门的这一项"


def _columns(column: str | None) -> list:
    """The columns a column word may mean: 预算 alone is 年初预算 or 调整后预算."""
    return ["budget", "adjusted"] if column == "plan" else ["budget", "adjusted", "final"] if column == "any" \
        else [column]


def _scale(from_unit: str, to_unit: str) -> Decimal:
    size = {**MONEY, "亿美元": Decimal(10000), "万美元": Decimal(1), "美元": Decimal("0.0001")}
    if from_unit in size and to_unit in size:
        return size[from_unit] / size[to_unit]
    return Decimal(1)


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


def _section(fact: str) -> str:
    return "assets.fixed_use" if fact.startswith("assets.fixed_use.") else fact.split(".")[0]


# a budget of this year compared with last year's figure, which the file has only as the final
_UNSURE_BASE = "本年预算数与上年比较：上年的数是预算还是决算，不能确定"
