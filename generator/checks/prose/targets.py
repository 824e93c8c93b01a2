"""Performance targets restated in prose, and the units of the tables."""
from __future__ import annotations

from decimal import Decimal

from ...core.numbers import fmt, half_unit, parse_quantity, ratio_fits, same_figure
from ...derive.claims.grammar import PEOPLE_UNITS
from ...derive.claims.nearby import others_at, target_figures
from ...derive.claims.tokens import MONEY
from ...derive.values import FactView
from ...model.facts import AMOUNT_PATHS, Report, fact_label
from ...model.findings import Findings
from .common import _section, far_off


def _table_units(report, doc, view: FactView, texts, found: Findings) -> dict[str, str]:
    """The unit each table's figures are really in. When prose restates a table's figures with
    the same digits in another unit ("（单位：元）" over figures in 万元), the table's unit label is
    wrong: say so once, and compare the rest in the prose's unit so the real slips still show. A
    table whose figures the prose more often restates in its own unit keeps it: the one figure in
    another unit is the prose's slip ("全年项目支出1068.71元" among figures in 万元), reported there."""
    right: dict[str, int] = {}
    other: dict[str, list] = {}
    for _path, text, reading in texts:
        for c in reading.claims:
            if c.kind != "level" or not c.fact or c.unit not in MONEY or c.column in (None, "prior", "any"):
                continue
            fact = f"{c.fact}.{c.column}" if c.fact in AMOUNT_PATHS else c.fact
            table_unit = view.unit(fact)
            raw = view.value(fact)
            if raw is None or not raw:
                continue            # a zero is the same figure in every unit: no sign of a wrong label
            section = _section(fact)
            if same_figure(abs(c.value), raw * MONEY[table_unit] / MONEY[c.unit]):
                right[section] = right.get(section, 0) + 1
            elif table_unit != c.unit and same_figure(abs(c.value), raw):
                other.setdefault(section, []).append((c, text, fact, table_unit, raw))
    units: dict[str, str] = {}
    for section, seen in other.items():
        if len(seen) <= right.get(section, 0):
            continue
        c, text, fact, table_unit, raw = seen[0]
        units[section] = c.unit
        quote = text[max(0, c.start - 14): c.figure.end]
        field = "finance.unit" if section == "finance" else f"{section}.unit"
        found.error("PROSE-UNIT", f"正文“…{quote}”与表中 {fact_label(fact, report)} {fmt(raw)} 数字相同，"
                    f"但表的金额单位为“{table_unit}”、正文为“{c.unit}”：表的单位应为“{c.unit}”（{field}）。",
                    doc, tuple(field.split(".")), table_unit=table_unit, prose_unit=c.unit)
    return units


def _check_targets(report: Report, text, reading, doc, path, found: Findings) -> None:
    """A target's figure restated in prose ("合计培训249人次") agrees with its target or actual, and
    is written in the table's unit ("179个" in prose for "179座" in the table is one figure in two units).
    The claim reader says where a target is named, the figures written beside it, and whether what follows is
    its figure for this year (not another subject's, another year's, part of the year's: "（2022年进出口总额7.76亿元）",
    "全省进出口总额")."""
    others = others_at(reading) if reading.targets else frozenset()
    agreed = {(m.index, _sentence_of(text, m.start)) for m in reading.targets
              if report.targets[m.index].actual is not None
              and any(_agrees(report.targets[m.index], f) for f in target_figures(reading, m, others))}
    for m in reading.targets:
        t = report.targets[m.index]
        if t.actual is None or m.why:
            continue
        figures = target_figures(reading, m, others)
        if (m.index, _sentence_of(text, m.start)) in agreed and not any(_agrees(t, f) for f in figures):
            # "门诊患者满意度92.8%、住院患者满意度94.4%，综合患者满意度93.6%": the target's own figure is in the sentence;
            # the others are of measures whose names end the same way
            continue
        for figure in figures:
            _target_figure(t, text, figure, m, reading.cues, doc, path, found)
            if figure.after and reading.cues is not None:
                _completion(t, text, figure, reading.cues, doc, path, found)


def _completion(t, text: str, figure, cues, doc, path, found: Findings) -> None:
    """"招商引资项目投资总额526.28亿元，完成全年进度的105.26%": the percentage of the target value done, right after the
    figure done — the figure ÷ the target value (each ± half its last digit)."""
    m = cues.completion.match(text, figure.end)
    q = parse_quantity(figure.digits + figure.unit)
    done = q.in_unit_of(t.target) if q is not None and t.target is not None else None
    if m is None or done is None or not _same_as(t, q):
        return
    goal = t.target.value
    stated = Decimal(m.group("pct"))
    lower = t.direction == "<="         # (the smaller the better: the target value over the value done)
    num, den = (goal, done) if lower else (done, goal)
    if not den or ratio_fits(num, den, stated, half_unit(num), half_unit(den)):
        return
    if stated == 100 and (done <= goal if lower else done >= goal):
        return                          # (a target exceeded is often said done in full: "完成率100%")
    how = f"绩效目标“{t.name}”的目标值 {t.target} ÷ {fmt(done)}" if lower else f"{fmt(done)} ÷ 绩效目标“{t.name}”的目标值 {t.target}"
    found.error("PROSE-EXECUTION", f"正文“{text[figure.start:m.end()].strip()}”：{how} = {fmt(num / den * 100, 2)}%，"
                f"与写明的 {m.group('pct')}% 不符。", doc, path, m.start("pct"))


def _sentence_of(text: str, at: int) -> int:
    """Where the sentence holding `at` begins."""
    return max(text.rfind(ch, 0, at) for ch in "。！？!?\n") + 1


def _agrees(t, figure) -> bool:
    q = parse_quantity(figure.digits + figure.unit)
    return q is not None and bool(_same_as(t, q))


def _same_as(t, q) -> list:
    """The target's figures (actual, target) a quantity written in prose is, in their unit."""
    return [x for x in (t.actual, t.target) if x is not None and q.in_unit_of(x) is not None
            and same_figure(q.in_unit_of(x), x.value)]


def _said_done(cues, text: str, at: int) -> bool:
    """Whether the clause before a target's name says it was done ("我局完成5G基站建设…"), not planned ("目标完成…")."""
    before = text[max(0, at - 16):at]
    clause = before[max(before.rfind(ch) for ch in "，,。；;：:！？!?\n") + 1:]
    return cues is not None and cues.done_before.search(clause) is not None and cues.planned.search(clause) is None


def _counts_other_things(q, x) -> bool:
    """Whether two counts are in different units that are not both people's (个 and 件, 个 and 人次; not 人 and 名)."""
    return bool(x.unit) and q.unit != x.unit and q.family == x.family == "count" and not {q.unit, x.unit} <= PEOPLE_UNITS


def _target_figure(t, text, figure, m, cues, doc, path, found: Findings) -> None:
    q = parse_quantity(figure.digits + figure.unit)
    if q is None:
        return
    against = [x for x in (t.actual, t.target) if q.in_unit_of(x) is not None]
    if not against:
        return
    same = _same_as(t, q)
    quote = text[min(m.start, figure.start): max(m.end, figure.end)]
    if not same:
        if all(far_off(abs(q.in_unit_of(x) or Decimal(0)), abs(x.value)) for x in against):
            return              # "…日间照料中心项目，…总投资216.42万元" beside 526.28亿元: many times off, another thing's
        if all(_counts_other_things(q, x) for x in against):
            # "县城新建辅助器具适配服务站1个" beside 538件, "…培训等项目有2个绩效指标未完成" beside 186人次: another
            # figure in another unit counts other things (the same figure in another unit is the warning below)
            return
        if figure.after:        # a figure before the name may be another's; only the one after is checked
            found.error("PROSE-TARGET", f"正文“{quote}”与绩效目标“{t.name}”的完成值 {t.actual}（目标值 {t.target}）不符。",
                        doc, path, figure.start)
        return
    if figure.after and t.target is not None and same == [t.target] and _said_done(cues, text, m.start):
        # "我局完成5G基站建设179座" where the table has 目标值 179座, 完成值 193座: what was done is the 完成值
        found.error("PROSE-TARGET", f"正文“{quote}”说的是完成的数，写的却是绩效目标“{t.name}”的目标值 {t.target}"
                    f"（完成值 {t.actual}）。", doc, path, figure.start)
        return
    x = same[0]
    if _counts_other_things(q, x):
        # (人 and 名 count people alike: "安置退役士兵86名" beside the table's 86人 is one way of writing)
        found.warning("PROSE-TARGET-UNIT", f"正文“{quote}”写作“{q}”，绩效目标表中“{t.name}”为“{x}”：同一个数用了"
                      f"两个单位，请统一（改正文或改表）。", doc, path, figure.start)
