"""The national self-evaluation form: funds that add up, scores by their rules, reasons where
points were lost, totals by level. Each finding names the cell, the figures and the sum."""
from __future__ import annotations

import re
from decimal import Decimal

from ..core.numbers import NotApplicable, fmt, half_unit, same_figure, sum_consistent
from ..model.findings import Document, Findings
from ..model.form import FUNDING_COLUMNS, QUANTITATIVE, SOURCES, TIME
from ..model.rules import funding_total

ZERO = Decimal(0)
FUNDING = ("form", "funding")


def check_form(report, doc: Document, derived, found: Findings) -> None:
    """Every check of the form, in the order a reviewer reads it: funds, then rows, then totals."""
    _funding_sums(report.form.funding, doc, found)
    _funding_over(report.form.funding, doc, found)
    _funding_spent(report, doc, found)
    _funding_score(report.form.funding, doc, derived, found)
    for r in derived.rows:
        _row(r, doc, derived, found)
    _points(derived, doc, found)
    _total(report.form, doc, derived, found)
    _goals(report.form, doc, found)


def _funding_sums(funding, doc, found) -> None:
    """年度资金总额 = 当年财政拨款 + 上年结转 + 其他, column by column. A total of 0 above a
    当年财政拨款 of 90 is a slip, and so is 全年执行数 typed as the 全年预算数 (the income)."""
    if funding.total is None:
        return
    for col, zh in FUNDING_COLUMNS.items():
        total = getattr(funding.total, col)
        parts = [(k, getattr(getattr(funding, k), col)) for k in SOURCES if getattr(funding, k) is not None]
        parts = [(k, v) for k, v in parts if v is not None]
        if total is None or not parts:
            continue
        values = [v for _, v in parts]
        if sum_consistent(total, values, 2):
            continue
        computed = sum(values, ZERO)
        shown = " + ".join(f"{SOURCES[k].removeprefix('其中：')} {fmt(v)}" for k, v in parts)
        hint = ""
        adjusted = funding.total.adjusted
        if col == "final" and adjusted is not None and total == adjusted and computed != adjusted:
            hint = "执行数与全年预算数（可用资金，即收入）相同，可能把收入合计填在了执行数一栏；"
        elif total == 0:
            hint = "总额写成了 0；"
        found.error("FORM-FUNDS-SUM", f"年度资金总额的{zh} {fmt(total)} ≠ {shown} = {fmt(computed)}"
                    f"（差 {fmt(total - computed)}）：{hint}请核对总额与各来源。",
                    doc, FUNDING + ("total", col), numbers={"stated": total, "computed": computed})


def _funding_over(funding, doc, found) -> None:
    """Spending above every fund there was: 全年执行数 > 全年预算数 of the whole."""
    final, adjusted = funding_total(funding, "final"), funding_total(funding, "adjusted")
    if _total_wrong(funding, "final") or _total_wrong(funding, "adjusted"):
        return          # the total is the slip (FORM-FUNDS-SUM): said once, there
    if final is None or adjusted is None or isinstance(final, NotApplicable) or final <= adjusted:
        return
    where = ("total", "final") if funding.total is not None and funding.total.final is not None else ("fiscal", "final")
    found.error("FORM-FUNDS-OVER", f"全年执行数 {fmt(final)} 超过全年预算数 {fmt(adjusted)}（多 {fmt(final - adjusted)}）："
                "支出不能超过当年可用的全部资金（当年财政拨款、上年结转和其他资金）。请核对执行数，或把调整后的预算"
                "写入全年预算数。", doc, FUNDING + where, numbers={"final": final, "adjusted": adjusted})


def _total_wrong(funding, col: str) -> bool:
    if funding.total is None or getattr(funding.total, col) is None:
        return False
    parts = [getattr(getattr(funding, k), col) for k in SOURCES if getattr(funding, k) is not None]
    parts = [v for v in parts if v is not None]
    return bool(parts) and not sum_consistent(getattr(funding.total, col), parts, 2)


def _funding_spent(report, doc, found) -> None:
    """A department's form spends what its accounts spent: 本年支出合计 决算数, not 本年收入合计."""
    funding, finance = report.form.funding, report.finance
    if report.kind == "project" or finance is None or funding.total is None or funding.total.final is None:
        return
    from ..derive.values import FactView

    view = FactView(report)
    spent = view.value("finance.expenditure.current.final")
    if spent is None or same_figure(funding.total.final, spent):
        return
    income = view.value("finance.income.current.final")
    hint = "与本年收入合计相同：填成了收入合计，" if income is not None and same_figure(funding.total.final, income) else ""
    found.error("FORM-FUNDS-SPENT", f"年度资金总额的全年执行数 {fmt(funding.total.final)} 与收支表的本年支出合计 "
                f"{fmt(spent)} 不同：{hint}请填支出合计。", doc, FUNDING + ("total", "final"),
                numbers={"stated": funding.total.final, "spent": spent})


def _funding_score(funding, doc, derived, found) -> None:
    node, exp = derived.funding_node, derived.funding
    if funding.points is not None and node is not None and funding.points != node.points:
        found.error("FORM-POINTS", f"预算执行率的分值写成了 {fmt(funding.points)}，评分体系为 {fmt(node.points)}。",
                    doc, FUNDING + ("points",))
    if funding.score is None:
        should = f"按规则应为 {fmt(exp.score)}（{exp.how}）" if exp is not None and exp.score is not None else ""
        found.error("FORM-BLANK", f"预算执行率的得分（form.funding.score）空着：{should or '请填写'}；空格不按 0 计。",
                    doc, FUNDING)
    if exp is None or exp.score is None:
        return
    rate = exp.measure
    if funding.rate is not None and abs(funding.rate - rate) > max(half_unit(funding.rate), Decimal("0.005")):
        found.error("FORM-RATE", f"执行率写成了 {fmt(funding.rate)}%，全年执行数 ÷ 全年预算数 = {fmt(rate, 2)}%。",
                    doc, FUNDING + ("rate",), numbers={"stated": funding.rate, "computed": rate})
    if funding.score is not None and not isinstance(funding.score, NotApplicable) \
            and abs(funding.score - exp.score) > half_unit(funding.score, 1):
        found.error("FORM-SCORE", f"预算执行率得分 {fmt(funding.score)}，按规则应为 {exp.how}。",
                    doc, FUNDING + ("score",), numbers={"stated": funding.score, "computed": exp.score})


def _title(r) -> str:
    row = r.row
    return f"绩效指标“{row.name}”（{row.level1}/{row.level2}）"


def _row(r, doc, derived, found) -> None:
    row, path, title = r.row, r.path, _title(r)
    if r.node is None:
        names = "、".join(n.name for n in derived.rubric.roots if n is not derived.funding_node)
        found.error("FORM-LEVEL", f"{title} 的一级指标“{row.level1}”不在评分体系中（评分体系的一级指标：{names}）。",
                    doc, path + ("level1",))
    if not r.applies:
        return
    if row.points is None:
        found.error("FORM-BLANK", f"{title} 的分值空着：请填写；不适用的指标写“—”。", doc, path)
    if row.actual is None:
        found.error("FORM-BLANK", f"{title} 的实际完成值空着：请填写；不适用的写“—”。", doc, path)
    exp = r.expected
    if row.score is None:
        should = f"：按规则应为 {fmt(exp.score)}（{exp.how}）" if exp is not None and exp.score is not None else ""
        found.error("FORM-BLANK", f"{title} 的得分空着{should}；空格不按 0 计，请填写。", doc, path)
        return
    if row.points is None or isinstance(row.points, NotApplicable):
        return
    if row.score > row.points or row.score < 0:
        found.error("FORM-SCORE", f"{title} 得分 {fmt(row.score)} 超出 0 到分值 {fmt(row.points)} 的范围。",
                    doc, path + ("score",))
        return
    met = r.met
    if exp is not None and exp.score is not None and abs(row.score - exp.score) > half_unit(row.score, 1):
        found.error("FORM-SCORE", f"{title} 得分 {fmt(row.score)}，按规则应为 {exp.how}。", doc, path + ("score",),
                    numbers={"stated": row.score, "computed": exp.score})
    elif met is False and row.score == row.points:
        kind = "完成时间" if row.target.kind == TIME else "实际完成值"
        found.error("FORM-SCORE", f"{title} 的{kind} {row.actual} 未达到年度指标值 {row.target}，却得满分 "
                    f"{fmt(row.points)}：请扣分并写明偏差原因，或核对实际完成值。", doc, path + ("score",))
    reason = (row.reason or "").strip()
    if reason in ("", "—", "-", "/", "无"):
        lost = row.points - row.score
        if lost > 0:
            found.error("FORM-REASON", f"{title} 扣了 {fmt(lost)} 分（分值 {fmt(row.points)}，得分 {fmt(row.score)}），"
                        "没有写偏差原因分析及改进措施（reason）。", doc, path)
        elif met is False:
            found.error("FORM-REASON", f"{title} 的实际完成值 {row.actual} 未达到年度指标值 {row.target}，"
                        "没有写偏差原因分析及改进措施（reason）。", doc, path)


def _points(derived, doc, found) -> None:
    """Each 一级's rows add up to its points in the rubric (rows with 分值 “—” may leave it short)."""
    for node in derived.rubric.roots:
        if node is derived.funding_node:
            continue
        rows = [r for r in derived.rows if r.node is node]
        if not rows:
            found.error("FORM-POINTS", f"评分体系的一级指标“{node.name}”（{fmt(node.points)} 分）在自评表中没有绩效指标。",
                        doc, ("form", "indicators"))
            continue
        stated = [r.row.points for r in rows if r.row.points is not None]
        total = sum((p for p in stated if not isinstance(p, NotApplicable)), ZERO)
        short = any(isinstance(p, NotApplicable) for p in stated)
        if total == node.points or (short and total < node.points):
            continue
        parts = " + ".join(fmt(p) for p in stated)
        found.error("FORM-POINTS", f"{node.name} 各行的分值合计 {fmt(total)} = {parts}，评分体系为 {fmt(node.points)} 分。",
                    doc, rows[0].path + ("points",), numbers={"stated": total, "rubric": node.points})


def _total(form, doc, derived, found) -> None:
    total = derived.total
    if form.total is not None and total is not None and abs(form.total - total) > half_unit(form.total, 1):
        how = f"{fmt(derived.raw_total)}"
        if derived.rescaled:
            how = (f"{fmt(derived.raw_total)} ÷ 适用指标的分值 {fmt(derived.applicable)} × {fmt(derived.rubric.points)}"
                   f" = {fmt(total)}（不适用的指标不计，按评分体系折算）")
        found.error("FORM-TOTAL", f"总分写成了 {fmt(form.total)}，各项得分合计为 {how}。", doc, ("form", "total"),
                    numbers={"stated": form.total, "computed": total})
    if form.grade is not None:
        stated_total = form.total if form.total is not None else total
        grade = derived.rubric.grade_for(stated_total) if stated_total is not None else None
        if grade is not None and grade != form.grade:
            found.error("GRADE", f"绩效等级写成了“{form.grade}”，总分 {fmt(stated_total)} 应为“{grade}”"
                        f"（{derived.rubric.band_text()}）。", doc, ("form", "grade"))


def _figures(text: str, unit: str) -> list[Decimal]:
    """The figures written in `text` with exactly this unit (1.25万亩 for 万亩, never 2万亩 for 亩)."""
    from ..core.numbers import ascii_digits
    pattern = r"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*" + re.escape(unit)
    return [Decimal(m.group(1)) for m in re.finditer(pattern, ascii_digits(text))]


def _goals(form, doc, found) -> None:
    """The goals' achieved text against the indicators' actual values, where both speak of the
    same figure: the expected goal that names an indicator's target (its value and unit) is that
    indicator's goal, and the achieved goal of the same number with one figure in that unit is its
    actual. Silent when unsure — no such goal, two of them, or two figures in the unit."""
    goals = form.goals
    if goals is None or not goals.expected or not goals.actual:
        return
    for row in form.indicators:
        target, actual = row.target, row.actual
        if target.kind != QUANTITATIVE or actual is None or actual.kind != QUANTITATIVE:
            continue
        unit = target.quantity.unit
        if unit in ("", "%") or actual.quantity.unit != unit:
            continue            # a bare count or a share is written of too many things to pair them
        named = [g for g, text in enumerate(goals.expected) if target.value in _figures(text, unit)]
        if len(named) != 1 or named[0] >= len(goals.actual):
            continue
        said = _figures(goals.actual[named[0]], unit)
        if len(said) != 1 or said[0] == actual.value:
            continue
        found.warning("FORM-GOALS", f"年度总体目标的实际完成情况第 {named[0] + 1} 条写的是 {fmt(said[0])}{unit}，"
                      f"绩效指标“{row.name}”的实际完成值是 {actual}（预期目标第 {named[0] + 1} 条写着它的指标值 "
                      f"{fmt(target.value)}{unit}）：请核对哪一个对。", doc, ("form", "goals", "actual", named[0]),
                      numbers={"goal": said[0], "actual": actual.value})
