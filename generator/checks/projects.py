"""A department and the projects it lists (`projects:`): what a reviewer checks across the files.

Each project file is checked as a file of its own (findings at its own file:line:col); here are
the facts that need both: the project is a project, of the department's year, and the
department's 项目支出 is no less than what its listed projects spent. Findings stand at the
department file's list entry (or at its 项目支出 figure), where the user would fix them.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.numbers import fmt, half_unit
from ..model.findings import Document, Findings
from ..model.rules import funding_total

ZERO = Decimal(0)
# a form's and a department's money may be in different units: both are brought to the department's
UNITS = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}
PROJECT_SPENT = ("finance", "expenditure", "project", "final")
# the finance tables promise 0.01 of their unit: 42 written there is 42.00, not 42 ± 0.5
FLOOR = 2


def check_projects(report, doc: Document, members: list, found: Findings) -> None:
    """`members`: the projects as listed (pipeline.Member: index, display, report or None)."""
    for m in members:
        if m.report is not None:
            _kind(m, doc, found)
            _year(report, m, doc, found)
    _spent(report, doc, members, found)


def _kind(m, doc: Document, found: Findings) -> None:
    if m.report.kind == "project":
        return
    found.error("PROJECT-KIND", f"projects 第 {m.index + 1} 项 {m.display} 不是项目的事实文件（没有写 kind: project，"
                "按部门整体读）：项目的文件写 kind: project 和 form（项目支出绩效自评表）；部门整体的文件不列在这里。",
                doc, ("projects", m.index))


def _year(report, m, doc: Document, found: Findings) -> None:
    if m.report.year == report.year:
        return
    found.error("PROJECT-YEAR", f"项目 {m.display} 的报告年度是 {m.report.year}，部门是 {report.year}：项目的自评表"
                "与部门的报告应是同一年度。请改正其中一个的 year，或列出该项目本年度的文件。",
                doc, ("projects", m.index), project_year=m.report.year, year=report.year)


def _stated_spent(report) -> Decimal | None:
    """The department's 项目支出 决算数 where its file states it ("—" is none: 0)."""
    node = report.finance
    for key in PROJECT_SPENT[1:-1]:
        node = getattr(node, key, None) if node is not None else None
    return getattr(node, "final", None) if node is not None else None


def _spent(report, doc: Document, members: list, found: Findings) -> None:
    """项目支出 ≥ Σ 全年执行数 of the projects listed. Only where provable: every project read
    without errors and each stating its spending; the department may have projects it did not
    list (not every project fills a form), so less spent by the projects is no slip."""
    stated = _stated_spent(report)
    if stated is None or not members or any(m.report is None or m.report.form is None for m in members):
        return
    unit = (report.finance.unit or "万元")
    parts: list[tuple[object, Decimal, Decimal]] = []       # (member, in the department's unit, its slack)
    for m in members:
        funding = m.report.form.funding
        spent = funding_total(funding, "final")
        if spent is None:
            return
        scale = UNITS[funding.unit or "万元"] / UNITS[unit]
        parts.append((m, spent * scale, half_unit(spent, FLOOR) * scale))
    total = sum((v for _, v, _ in parts), ZERO)
    slack = half_unit(stated, FLOOR) + sum((s for _, _, s in parts), ZERO)
    if stated + slack >= total:
        return
    # in the department's unit to its tables' 0.01: 7423000 元 is said as 742.30 万元
    shown = " + ".join(f"{_name(m)} {fmt(v, FLOOR)}" for m, v, _ in parts)
    found.error("PROJECT-SPENT", f"项目支出决算数 {fmt(stated)}{unit} 小于所列 {len(parts)} 个项目自评表的全年执行数之和 "
                f"{shown} = {fmt(total, FLOOR)}{unit}（少 {fmt(total - stated, FLOOR)}）：部门的项目支出包括所列每个项目的支出。"
                "请核对项目支出决算数，或各项目的全年执行数和金额单位。", doc, PROJECT_SPENT,
                stated=stated, computed=total)


def _name(m) -> str:
    name = m.report.form.name if m.report.form is not None else None
    return f"“{name}”" if name else m.display
