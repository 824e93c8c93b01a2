"""Tables add up: totals against their parts (XBRL interval rule), changes, balances, headcounts."""
from __future__ import annotations

from ..derive import SUMS, FactView
from ..facts import AMOUNT_PATHS, COLUMNS, Report
from ..findings import Document, Findings
from ..numbers import fmt, sum_consistent
from ..schema import Model

# The labels a message names a figure by.
_LABELS: dict[str, str] = {}


def fact_label(path: str, report: Report, column: bool = True) -> str:
    """The Chinese name of a fact path, from the model's own field labels."""
    head, _, last = path.rpartition(".")
    if not column and last in COLUMNS:
        return fact_label(head, report)
    if path in _LABELS:
        return _LABELS[path]
    names = []
    obj: type[Model] | None = type(report)
    for part in path.split("."):
        if obj is None:
            names.append(COLUMNS.get(part, part))
            continue
        field = obj.fields.get(part)
        if field is None:
            names.append(COLUMNS.get(part, part))
            obj = None
            continue
        if part not in ("finance", "income", "expenditure", "economic", "assets"):
            names.append(field.zh)
        kind = field.kind
        obj = kind.model if hasattr(kind, "model") else None
    _LABELS[path] = " ".join(names)
    return _LABELS[path]


def check_arithmetic(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    floor = view.decimals
    for total_path in SUMS:
        stated = view.stated(total_path)
        if stated is None:
            continue
        known = view.parts(total_path)
        if not known or any(v is None for _, v in known):
            continue
        if not sum_consistent(stated, [v for _, v in known], floor):
            computed = sum(v for _, v in known)
            terms = " + ".join(f"{fact_label(p, report, column=False)} {fmt(v)}" for p, v in known)
            unit = view.unit(total_path)
            found.error("TABLE-SUM", f"{fact_label(total_path, report)} {fmt(stated)}{unit} ≠ {terms} = {fmt(computed)}"
                        f"{unit}（差 {fmt(stated - computed)}）。", doc, tuple(total_path.split(".")),
                        stated=stated, computed=computed, wrong={total_path})
    _changes(report, doc, view, found)
    _balances(report, doc, view, found)
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
                        wrong={f"{path}.change"})


def _balances(report: Report, doc: Document, view: FactView, found: Findings) -> None:
    """Income and spending meet: 收入总计 = 支出总计 (决算), 经济分类合计 = 本年支出合计."""
    pairs = [
        ("finance.income.total.final", "finance.expenditure.total.final"),
        ("finance.economic.total", "finance.expenditure.current.final"),
    ]
    for a, b in pairs:
        va, vb = view.value(a), view.value(b)
        if va is None or vb is None or view.stated(a) is None and view.stated(b) is None:
            continue
        if not sum_consistent(va, [vb], view.decimals):
            found.error("TABLE-BALANCE", f"{fact_label(a, report)} {fmt(va)} ≠ {fact_label(b, report)} {fmt(vb)}"
                        f"（差 {fmt(va - vb)}）。", doc, tuple(a.split(".")), left=va, right=vb,
                        wrong={a, b}, uses={a, b}, about=f"{fact_label(a, report)}与{fact_label(b, report)}的平衡")


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
