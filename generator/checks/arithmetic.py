"""Tables add up: totals against their parts (XBRL interval rule), changes, balances, headcounts."""
from __future__ import annotations

from decimal import Decimal

from ..core.numbers import fmt, half_unit, sum_consistent
from ..derive.values import SUMS, FactView
from ..model.facts import AMOUNT_PATHS, Report, fact_label
from ..model.findings import Document, Findings


def check_arithmetic(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    floor = view.decimals
    for total_path in SUMS:
        stated = view.stated(total_path)
        if stated is None:
            continue
        parts = view.parts(total_path)
        if not parts or any(v is None for _, v in parts):
            continue
        known = [(p, v) for p, v in parts if v is not None]
        computed = sum((v for _, v in known), Decimal(0))
        terms = " + ".join(f"{fact_label(p, report, column=False)} {fmt(v)}" for p, v in known)
        unit = view.unit(total_path)
        absent = view.absent(total_path)
        if absent:
            # a main line left out: the total may hold it, so the lines given may only not exceed it
            if computed <= stated or sum_consistent(stated, [v for _, v in known], floor):
                continue
            missing = "、".join(fact_label(p, report, column=False) for p in absent)
            found.error("TABLE-SUM", f"{fact_label(total_path, report)} {fmt(stated)}{unit}，少于已填写的 {terms} = "
                        f"{fmt(computed)}{unit}（{missing}未填写，只核对各项之和不超过合计）。", doc,
                        tuple(total_path.split(".")), stated=stated, computed=computed, wrong={total_path})
            continue
        if not sum_consistent(stated, [v for _, v in known], floor):
            found.error("TABLE-SUM", f"{fact_label(total_path, report)} {fmt(stated)}{unit} ≠ {terms} = {fmt(computed)}"
                        f"{unit}（差 {fmt(stated - computed)}）。", doc, tuple(total_path.split(".")),
                        stated=stated, computed=computed, wrong={total_path})
    _changes(report, doc, view, found)
    _balances(report, doc, view, found)
    _overspent(report, doc, view, found)
    _staffing(report, doc, found)


def _changes(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    for path in AMOUNT_PATHS:
        rec = report.get(path)
        if rec is None or rec.change is None or rec.final is None or rec.prior is None:
            continue
        computed = rec.final - rec.prior
        if not sum_consistent(rec.change, [rec.final, -rec.prior], view.decimals):
            found.error("TABLE-CHANGE", f"{fact_label(path, report)} 较上年增减 {fmt(rec.change)} ≠ 决算数 {fmt(rec.final)} − "
                        f"上年决算数 {fmt(rec.prior)} = {fmt(computed)}。", doc, tuple(path.split(".")) + ("change",),
                        wrong={f"{path}.change"},
                        fix=doc.fix(tuple(path.split(".")) + ("change",), fmt(computed), f"把较上年增减改为 {fmt(computed)}"))


def _balances(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    """Income and spending meet: 收入总计 = 支出总计 (决算), 经济分类合计 = 本年支出合计 — over the
    totals as written or, where left out, as the lines add up (the message says which)."""
    pairs = [
        ("finance.income.total.final", "finance.expenditure.total.final"),
        ("finance.economic.total", "finance.expenditure.current.final"),
    ]
    for a, b in pairs:
        va, vb = view.value(a), view.value(b)
        if va is None or vb is None:
            continue
        if abs(va - vb) > _slack(view, a) + _slack(view, b):
            found.error("TABLE-BALANCE", f"{_side(report, view, a)} ≠ {_side(report, view, b)}（差 {fmt(va - vb)}）。",
                        doc, _where(view, a, b), left=va, right=vb, wrong={a, b},
                        uses={a, b} | view.sources(a) | view.sources(b) | _between(view, a) | _between(view, b),
                        about=f"{fact_label(a, report)}与{fact_label(b, report)}的平衡")


def _side(report: Report, view: FactView, path: str) -> str:
    """A side of a balance: its figure, and the lines it was added up from when it was not written."""
    label, value = fact_label(path, report), fmt(view.value(path))
    if view.stated(path) is not None:
        return f"{label} {value}"
    lines = [(p, view.value(p)) for p in sorted(view.sources(path), key=_order(path))]
    terms = " + ".join(f"{fact_label(p, report, column=False)} {fmt(v)}" for p, v in lines)
    return f"{label} {value}（未填写，由 {terms} 算出）"


def _order(total: str):
    """Lines in the order the tables list them."""
    order = {p: i for i, p in enumerate(_flat(total))}
    return lambda p: order.get(p, len(order))


def _flat(path: str) -> list[str]:
    out = [path]
    for p in SUMS.get(path, ()):
        out += _flat(p)
    return out


def _between(view: FactView, path: str) -> set[str]:
    """The totals a derived side is added up through (a wrong 本年支出合计 under a derived 支出总计)."""
    if view.stated(path) is not None:
        return set()
    out: set[str] = set()
    for p in SUMS.get(path, ()):
        out |= {p} | _between(view, p)
    return out


def _slack(view: FactView, path: str) -> Decimal:
    """How far a side may be off by rounding alone: half a unit of each figure it is made of."""
    return sum((half_unit(view.value(p) or Decimal(0), view.decimals) for p in view.sources(path)), Decimal(0))


def _where(view: FactView, a: str, b: str) -> tuple:
    """Where a balance finding points: at a total the user wrote, else at the first line of the left side."""
    for p in (a, b):
        if view.stated(p) is not None:
            return tuple(p.split("."))
    first = sorted(view.sources(a), key=_order(a))
    return tuple((first[0] if first else a).split("."))


def _overspent(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    """本年支出 (决算) above the money the year had: 财政拨款 全年预算数 + 其他收入 + 年初结转和结余."""
    spent, budget = view.value("finance.expenditure.current.final"), view.value("finance.income.fiscal.adjusted")
    if spent is None or budget is None:
        return
    lines = [("finance.income.fiscal.adjusted", budget)] + [
        (p, v) for p in ("finance.income.other.final", "finance.income.carryover.final")
        if (v := view.value(p)) is not None]
    available = sum((v for _, v in lines), Decimal(0))
    slack = sum((half_unit(v, view.decimals) for _, v in lines), half_unit(spent, view.decimals))
    if spent - available <= slack:
        return
    terms = " + ".join(f"{fact_label(p, report)} {fmt(v)}" for p, v in lines)
    found.warning("FUNDS-OVER", f"{fact_label('finance.expenditure.current.final', report)} {fmt(spent)}，超过了当年可用的资金 "
                  f"{terms} = {fmt(available)}（多 {fmt(spent - available)}）：支出不能多于预算与结转之和，"
                  "请核对决算数和调整预算数。", doc, _where(view, "finance.expenditure.current.final",
                                                    "finance.income.fiscal.adjusted"),
                  uses={"finance.expenditure.current.final", "finance.income.fiscal.adjusted"},
                  about="支出与可用资金的比较")


def _staffing(report: Report, doc: Document, found: Findings) -> None:
    st = report.department.staffing if report.department else None
    if st is None:
        return
    if st.posts_total is not None and st.posts:
        total = sum(p.count for p in st.posts)
        if total != st.posts_total:
            parts = " + ".join(f"{p.kind} {p.count}" for p in st.posts)
            found.error("STAFF-SUM", f"核定编制合计 {st.posts_total} ≠ {parts} = {total}。",
                        doc, ("department", "staffing", "posts_total"))
    if st.serving is not None and st.serving_includes:
        inner = sum(p.count for p in st.serving_includes)
        if inner > st.serving:
            found.error("STAFF-SUM", f"实有在职人员 {st.serving} 人，少于其中包含的 {inner} 人。",
                        doc, ("department", "staffing", "serving"))
