"""Scores against the rubric: coverage, ranges, sums, scoring rules, deductions, total, grade."""
from __future__ import annotations

from decimal import Decimal

from ..core.numbers import fmt, half_unit, rate_consistent, same_figure
from ..derive.values import Derived, Scores, swapped, tidy
from ..model.facts import Report
from ..model.findings import Document, Findings
from ..model.rubric import Rubric


def check_scores(report: Report, doc: Document, rubric: Rubric, derived: Derived, found: Findings) -> None:
    scores = derived.scores
    _coverage(report, doc, rubric, found)
    for node in rubric.walk():
        entry = report.scores.get(node.id)
        base = ("scores", node.id)
        stated = scores.stated.get(node.id)
        if entry is None:
            continue
        if entry.name and entry.name != node.name:
            found.error("SCORE-NAME", f"{node.id} 在评分体系中是“{node.name}”，此处写成“{entry.name}”："
                        "请核对指标编号。", doc, base + ("name",))
        if swapped(entry, node):
            # one slip, one finding: the pair was written the wrong way round, and the score the
            # sums use is the one meant (derive/values.py), so totals built on it agree
            deduction = (f"；写明的扣 {fmt(entry.deduction)} 分也说明得分为 {fmt(entry.max)} 分"
                         if entry.deduction is not None and node.points - entry.deduction == entry.max else "")
            found.error("SCORE-SWAPPED", f"{node.title} 写明“自评分 {fmt(entry.score)} 分，满分 {fmt(entry.max)} 分”："
                        f"得分与满分写反了——评分体系中满分为 {fmt(node.points)} 分{deduction}。"
                        f"请改为 score: {fmt(entry.max)}，max: {fmt(node.points)}。", doc, base + ("score",),
                        stated=entry.score, max=entry.max)
        elif entry.max is not None and entry.max != node.points:
            found.error("SCORE-MAX-STATED", f"{node.title} 写明满分 {fmt(entry.max)} 分，评分体系中为 {fmt(node.points)} 分。",
                        doc, base + ("max",), stated=entry.max, rubric=node.points)
        if stated is not None and not swapped(entry, node):
            if stated > node.points:
                found.error("SCORE-RANGE", f"{node.title} 得分 {fmt(stated)} 超过满分 {fmt(node.points)}。",
                            doc, base + ("score",), score=stated, max=node.points)
            elif entry.max is not None and stated > entry.max:
                found.error("SCORE-RANGE", f"{node.title} 写明“自评分 {fmt(stated)} 分，满分 {fmt(entry.max)} 分”："
                            "得分超过了写明的满分。", doc, base + ("score",), score=stated, max=entry.max)
            elif stated < 0:
                found.error("SCORE-RANGE", f"{node.title} 得分 {fmt(stated)} 小于 0。", doc, base + ("score",))
        if entry.deduction is not None and stated is not None and not swapped(entry, node):
            lost = node.points - stated
            if entry.deduction != lost:
                found.error("SCORE-DEDUCTION", f"{node.title} 写明扣 {fmt(entry.deduction)} 分，但满分 {fmt(node.points)} − "
                            f"得分 {fmt(stated)} = {fmt(lost)}。", doc, base + ("deduction",),
                            deduction=entry.deduction, computed=lost,
                            fix=doc.fix(base + ("deduction",), fmt(lost), f"把 {node.id} 的扣分改为 {fmt(lost)}"))
        if not node.is_leaf and stated is not None and not any(
                leaf.id in scores.missing for leaf in node.leaves()):
            summed = scores.derived.get(node.id)
            if summed is not None and summed != stated:
                parts = " + ".join(fmt(scores.derived.get(c.id, Decimal(0))) for c in node.children)
                found.error("SCORE-SUM", f"{node.title} 得分 {fmt(stated)} ≠ 下级指标合计 {fmt(summed)} = {parts}。",
                            doc, base + ("score",), stated=stated, computed=summed,
                            fix=doc.fix(base + ("score",), fmt(summed), f"把 {node.id} 的得分改为下级合计 {fmt(summed)}"))
        if node.is_leaf and not swapped(entry, node):
            _rule(node, entry, stated, scores, doc, found)
    _measures(report, doc, rubric, derived, found)
    _table(report, doc, rubric, derived, found)
    _total(report, doc, rubric, scores, found)


def _table(report: Report, doc: Document, rubric: Rubric, derived: Derived, found: Findings) -> None:
    """An indicator judged on the targets table (`table: targets`) that keeps every point while
    the table shows targets not met, with no word on why: the score ignores its own evidence."""
    unmet = [t.name for t, (status, _) in zip(report.targets, derived.statuses) if status == "未完成"]
    if not unmet:
        return
    for node in rubric.walk():
        if node.ind.table != "targets" or derived.scores.derived.get(node.id) != node.points:
            continue
        entry = report.scores.get(node.id)
        words = " ".join(t for p in ((entry.text + entry.reason) if entry else []) for t in _texts(p))
        if "未完成" in words or "未达" in words or any(name in words for name in unmet):
            continue
        found.warning("SCORE-TABLE", f"{node.title} 得满分 {fmt(node.points)} 分，但随附的绩效目标实现情况表中有 "
                      f"{len(unmet)} 个目标未完成（{'、'.join(unmet)}）：评分没有反映表中的结果，请扣分，"
                      "或在评价说明中写明不扣分的理由。", doc, ("scores", node.id) if entry else ("targets",))


def _texts(item) -> list[str]:
    """The plain texts of a paragraph or a headed block."""
    if isinstance(item, str):
        return [item]
    return [item.title or ""] + [t for sub in item.text for t in _texts(sub)]


def _coverage(report: Report, doc: Document, rubric: Rubric, found: Findings) -> None:
    for key in report.scores:
        if key not in rubric.by_id:
            found.add("SCORE-UNKNOWN", f"评分体系“{rubric.name}”中没有编号为“{key}”的指标。",
                      doc, ("scores", key)).at_key = True
    for node in rubric.walk():
        entry = report.scores.get(node.id)
        if node.is_leaf and (entry is None or entry.score is None):
            if node.rule_kind.computes and entry is not None:
                continue   # the rule gives the score; the entry carries the text
            found.error("SCORE-MISSING", f"缺少指标 {node.title}（{fmt(node.points)} 分）的自评得分：请在 scores 下添加 "
                        f"{node.id}: {{score: …}}。", doc, ("scores", node.id) if entry else ("scores",))


def _rule(node, entry, stated, scores: Scores, doc, found: Findings) -> None:
    base = ("scores", node.id)
    exp = scores.expected.get(node.id)
    if exp is not None and exp.score is None:
        found.warning("RULE-DATA", f"{node.title}：{exp.how}。", doc, base,
                      uses={s for s in exp.sources if isinstance(s, str)}, about=f"{node.title} 的应得分")
    elif exp is not None and stated is not None and exp.score != stated:
        found.error("RULE-SCORE", f"{node.title} 得分 {fmt(stated)}，按评分规则应为 {fmt(exp.score)}（{exp.how}）。",
                    doc, base + ("score",), stated=stated, expected=exp.score,
                    fix=doc.fix(base + ("score",), fmt(exp.score), f"把 {node.id} 的得分改为 {fmt(exp.score)}"),
                    uses={s for s in exp.sources if isinstance(s, str)}, about=f"{node.title} 的应得分")
    if stated is not None and stated < node.points and exp is None and not entry.reason:
        found.error("DEDUCTION-REASON", f"{node.title} 得分 {fmt(stated)} 低于满分 {fmt(node.points)}，"
                    "请在 reason 中写明扣分原因。", doc, base)


def _measures(report: Report, doc: Document, rubric: Rubric, derived: Derived, found: Findings) -> None:
    """A stated measure (rate, numerator, denominator) against the one the facts give."""
    for node in rubric.walk():
        entry = report.scores.get(node.id)
        m = entry.measure if entry else None
        if m is None:
            continue
        base = ("scores", node.id, "measure")
        num: Decimal | None
        den: Decimal | None
        rate: Decimal | None
        if node.rule == "target_rate":
            s = derived.targets
            if s.unknown:
                continue       # which targets were met is not known yet: RULE-DATA says why
            num, den, rate = Decimal(s.achieved), Decimal(s.total), s.rate
            what = "绩效目标表"
        else:
            mv = derived.scores.measures.get(node.id)
            num, den, rate = (mv.numerator, mv.denominator, mv.rate) if mv else (None, None, None)
            what = node.ind.measure.name if node.ind.measure else ""
        # a measure computed from a table figure that is itself wrong is reported with that figure
        dep = {"uses": set(mv.sources) if node.rule != "target_rate" and mv else set(),
               "about": f"{node.title} 的指标值"}
        if den is not None and m.denominator is not None and not same_figure(m.denominator, den):
            zero = "（分母为 0，比率无意义）" if m.denominator == 0 else ""
            found.error("MEASURE-FACT", f"{node.title} 的分母写成 {fmt(m.denominator)}{zero}，按{what}应为 {fmt(den)}。",
                        doc, base + ("denominator",), stated=m.denominator, computed=den, **dep)
        elif m.denominator is not None and m.denominator == 0:
            found.error("MEASURE-ZERO", f"{node.title} 的计算式分母为 0，比率无意义。", doc, base + ("denominator",))
        if num is not None and m.numerator is not None and not same_figure(m.numerator, num):
            found.error("MEASURE-FACT", f"{node.title} 的分子写成 {fmt(m.numerator)}，按{what}应为 {fmt(num)}。",
                        doc, base + ("numerator",), stated=m.numerator, computed=num, **dep)
        if m.value is not None:
            stated = m.value
            if m.numerator is not None and m.denominator:
                if not rate_consistent(stated, m.numerator, m.denominator):
                    actual = m.numerator / m.denominator * 100
                    found.error("MEASURE-RATE", f"{node.title} 写明 {fmt(m.value)}%，但 {fmt(m.numerator)} ÷ "
                                f"{fmt(m.denominator)} × 100% = {fmt(actual, 2)}%。", doc, base + ("value",))
            elif rate is not None and abs(rate - stated) > half_unit(stated):
                found.error("MEASURE-RATE", f"{node.title} 写明 {fmt(m.value)}%，按{what}为 "
                            f"{fmt(num)} ÷ {fmt(den)} = {fmt(rate, 2)}%。", doc, base + ("value",),
                            stated=stated, computed=rate, **dep)


def _total(report: Report, doc: Document, rubric: Rubric, scores: Scores, found: Findings) -> None:
    c = report.conclusion
    if c is None:
        return
    unscored = sum((rubric.by_id[i].points for i in scores.missing), Decimal(0))
    # a total that the leaves still without a score could account for is not a second slip:
    # SCORE-MISSING already says what to fill in
    explained = scores.missing and c.total is not None and scores.total is not None and \
        scores.total <= c.total <= scores.total + unscored
    if c.total is not None and scores.total is not None and c.total != scores.total and not explained:
        parts = " + ".join(fmt(scores.derived.get(r.id, Decimal(0))) for r in rubric.roots)
        missing = f"（另有 {len(scores.missing)} 项末级指标未评分，按 0 计）" if scores.missing else ""
        if not missing and rubric.points != 100 and c.total - scores.total == 100 - rubric.points:
            missing = (f"（相差的 {fmt(tidy(c.total - scores.total))} 分正是评分体系总分 {fmt(rubric.points)} 分与 100 分之差："
                       "写明的总分像是按 100 分的体系算的，请核对指标）")
        found.error("TOTAL", f"自评总分 {fmt(c.total)} ≠ 各一级指标得分合计 {fmt(scores.total)} = {parts}{missing}。",
                    doc, ("conclusion", "total"), stated=c.total, computed=scores.total,
                    fix=None if missing else doc.fix(("conclusion", "total"), fmt(scores.total),
                                                     f"把自评总分改为各一级指标得分合计 {fmt(scores.total)}"))
    total = c.total if c.total is not None else scores.total
    if c.grade and total is not None:
        grade = rubric.grade_for(total)
        if grade != c.grade:
            bands = rubric.band_text()
            found.error("GRADE", f"总分 {fmt(total)} 对应的绩效等级为“{grade}”（{bands}），此处写成“{c.grade}”。",
                        doc, ("conclusion", "grade"))
