"""Performance targets: units comparable, 完成情况 as the figures say, the two tables agree."""
from __future__ import annotations

from ..core.numbers import fmt
from ..model.facts import Report
from ..model.findings import Document, Findings


def check_targets(report: Report, doc: Document, derived, found: Findings, rubric=None) -> None:
    if not report.targets:
        found.warning("TARGET-NONE", "未列出部门整体支出绩效目标（targets）：报告中不写绩效目标一节（事实文件没有，"
                      "不代写）" + _claims(rubric, derived) + "。请列出绩效目标（名称、目标值、完成值）。", doc, ("targets",))
    for i, t in enumerate(report.targets):
        base = ("targets", i)
        name = f"绩效目标“{t.name}”"
        if t.results_target is not None:
            again = t.results_target.in_unit_of(t.target)
            if again is None or again != t.target.value:
                found.error("TARGET-RESTATED", f"{name} 的目标值在绩效目标表中为 {t.target}，在实现情况表中为 "
                            f"{t.results_target}：两表不一致。", doc, base + ("results_target",))
            elif t.results_target.unit != t.target.unit:
                found.warning("TARGET-UNIT-DIFFERS", f"{name} 的目标值在两表中单位不同：{t.target} 与 {t.results_target}。",
                              doc, base + ("results_target",))
        if t.actual is None:
            if t.status:
                found.error("TARGET-STATUS", f"{name} 写明“{t.status}”，但没有填写完成值。", doc, base + ("actual",))
            else:
                found.warning("TARGET-ACTUAL", f"{name} 没有填写完成值（actual）。", doc, base, wrong={"targets"})
            continue
        if t.actual.in_unit_of(t.target) is None:
            found.error("TARGET-UNIT", f"{name} 的完成值 {t.actual} 与目标值 {t.target} 单位不可比。",
                        doc, base + ("actual",), wrong={"targets"})
            continue
        if t.target.unit == "" or t.actual.unit == "":
            found.warning("TARGET-UNIT-MISSING", f"{name} 的目标值 {t.target} 或完成值 {t.actual} 没有写单位。",
                          doc, base + ("target" if t.target.unit == "" else "actual",))
        status, actual = derived.statuses[i]
        if t.status and status and t.status != status:
            sign = {">=": "≥", "<=": "≤", "=": "="}[t.direction or ">="]
            found.error("TARGET-STATUS", f"{name} 写明“{t.status}”，但完成值 {fmt(actual)} {sign} 目标值 "
                        f"{fmt(t.target.value)} {'成立' if status == '完成' else '不成立'}，应为“{status}”。",
                        doc, base + ("status",))


def _claims(rubric, derived) -> str:
    """The indicators scored on how far the targets were met (by rule, by the table they carry,
    or by name: 绩效目标…完成情况) that still got points: a completion the report cannot show."""
    if rubric is None:
        return ""
    scores = derived.scores.derived
    claimed = [n for n in rubric.walk() if n.is_leaf and scores.get(n.id) and
               (n.rule == "target_rate" or n.ind.table == "targets" or ("目标" in n.name and "完成" in n.name))]
    if not claimed:
        return ""
    names = "、".join(f"{n.id} {n.name}（{fmt(scores[n.id])} 分）" for n in claimed)
    return f"；而 {names}按绩效目标的完成情况得分，报告中却没有可供核对的目标"
