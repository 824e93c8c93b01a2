"""Numbers written in free text, checked against the facts they name and against each other.

A department that writes its own paragraphs states figures again in prose: "决算支出7542.23万元
（其中，基本支出845.92万元，项目支出6694.26万元）". `prose.py` reads what each figure states (a level,
a change, a rate, a share, of which subject, year and column); here each is compared with the
facts: a level with the fact, a change with the two figures it is the difference of, a rate with
the change and its base, a share with its total; parts after 其中 with their total; comparisons
(小于/＝); a target's figure with the targets table. A figure computed from one already reported
wrong is not reported again: one slip, one finding.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..derive import FactView
from ..facts import AMOUNT_PATHS, Report
from ..findings import Document, Findings
from ..numbers import MONEY_UNITS, fmt, half_unit, parse_quantity, same_figure, sum_consistent
from ..prose import COUNT_UNITS, CURRENCY, Figure, read
from ..vocabulary import Vocabulary
from .arithmetic import fact_label
from .text import iter_texts

_COMPARE = {"小于": "<", "低于": "<", "＜": "<", "<": "<", "少于": "<", "大于": ">", "高于": ">", "＞": ">",
            ">": ">", "超过": ">", "等于": "=", "=": "=", "＝": "="}
_COMPARE_RE = re.compile("|".join(map(re.escape, _COMPARE)))
_COLUMN_ZH = {"budget": "年初预算数", "adjusted": "调整预算数", "final": "决算数", "prior": "上年决算数"}


def check_prose(report: Report, doc: Document, view: FactView, voc: Vocabulary, found: Findings) -> dict:
    """Check the figures in every text; return, for each text, the facts its figures state."""
    texts = []
    for path, raw in iter_texts(report):
        if path and path[0] in ("rubric", "template", "title"):
            continue
        texts.append((path, raw, read(raw, voc, report.year)))
    units = _table_units(report, doc, view, texts, found)
    ctx = _Context(report, view, units, doc, found)
    for path, text, reading in texts:
        ctx.path, ctx.text = path, text
        for f in reading.figures:
            if f.role in ("level", "base"):
                ctx.level(f)
        for f in reading.figures:
            if f.role == "change":
                ctx.change(f)
            elif f.role == "rate":
                ctx.rate(f)
            elif f.role == "share":
                ctx.share(f, voc)
        for flat in reading.flats:
            ctx.flat(flat)
        money = [f for f in reading.figures if f.money]
        _check_parts(money, text, doc, path, found)
        _check_parts([f for f in reading.figures if f.unit in COUNT_UNITS], text, doc, path, found)
        _check_compare(money, text, doc, path, found)
        _check_targets(report, text, doc, path, found)
    return {path: _stated(reading, voc) | _references(text) for path, text, reading in texts}


def _stated(reading, voc) -> set:
    """The facts a text states: each figure's own, and the figures a change or rate is made of."""
    out = set()
    for f in reading.figures:
        if not f.fact:
            continue
        if f.role in ("level", "base") and f.column:
            out.add(f"{f.fact}.{f.column}" if f.fact in AMOUNT_PATHS else f.fact)
        elif f.role in ("change", "rate") and f.fact in AMOUNT_PATHS and f.against:
            out |= {f"{f.fact}.final", f"{f.fact}.{f.against}"}
        elif f.role == "share":
            out |= {fact for rx, fact in voc.shares if rx.search(f.share_of)}
    return out


def _references(text: str) -> set:
    from ..references import REFERENCE
    return {m.group(1) for m in REFERENCE.finditer(text)}


class _Context:
    """What the checks of one report share: its facts, the units its tables are really in, where
    findings go, and the text being checked."""

    def __init__(self, report, view: FactView, units: dict, doc, found: Findings):
        self.report, self.view, self.units, self.doc, self.found = report, view, units, doc, found
        self.path, self.text = (), ""

    def fact(self, fact: str, column: str | None, unit: str) -> Decimal | None:
        """A fact's value in `unit`: the column of an amounts row, or a single figure (this year)."""
        if fact in AMOUNT_PATHS:
            if column is None:
                return None
            path = f"{fact}.{column}"
        elif column in (None, "final"):
            path = fact
        else:
            return None
        value = self.view.value(path)
        if value is None or (unit not in MONEY_UNITS and unit not in CURRENCY):
            return None
        table = self.units.get(_section(path)) or self.view.unit(path)
        return value * MONEY_UNITS[table] / (MONEY_UNITS.get(unit) or CURRENCY[unit])

    def quote(self, f: Figure, before: int = 14, start: int | None = None) -> str:
        return self.text[max(0, (f.start if start is None else start) - before): f.end]

    def level(self, f: Figure) -> None:
        """A figure that states a fact: this year's (a column of it) or last year's."""
        if not f.fact or not f.column:
            return
        value = self.fact(f.fact, f.column, f.unit)
        if value is None or same_figure(abs(f.value), value):
            return
        f.flagged = True
        prior = f.column == "prior"
        label = fact_label(f"{f.fact}.{f.column}" if f.fact in AMOUNT_PATHS else f.fact, self.report)
        path = f"{f.fact}.{f.column}" if f.fact in AMOUNT_PATHS else f.fact
        self.found.error("PROSE-PRIOR" if prior else "PROSE-FACT",
                         f"正文“…{self.quote(f)}”与事实不符：{label} 为 {fmt(value)}{f.unit}"
                         f"（差 {fmt(abs(f.value) - value)}）。", self.doc, self.path, f.start,
                         stated=abs(f.value), fact=value, uses={path}, about=f"正文“…{self.quote(f, 8)}”")

    def _current(self, f: Figure) -> tuple[Decimal | None, bool]:
        """This year's figure a change or rate is measured on: the fact, else the level stated;
        and whether the figure stated for it was wrong."""
        stated = f.of if f.of is not None and f.of.role == "level" and f.of.column == "final" else None
        value = self.fact(f.fact, "final", f.unit) if f.fact else None
        if value is None and stated is not None:
            value = abs(stated.value) * _scale(stated.unit, f.unit)
        return value, bool(stated and stated.flagged)

    def _base(self, f: Figure) -> Decimal | None:
        if f.base is not None:
            return abs(f.base.value) * _scale(f.base.unit, f.unit)
        return self.fact(f.fact, f.against, f.unit) if f.fact and f.against else None

    def change(self, f: Figure) -> None:
        """"较上年增加1066.5万元": the difference of this year's figure and its base."""
        if f.fact not in AMOUNT_PATHS or f.against is None or not f.money:
            return
        current, stale = self._current(f)
        base = self._base(f)
        if current is None or base is None:
            return
        if sum_consistent(f.value, [current, -base]):
            return
        if stale and f.of is not None and sum_consistent(f.value, [abs(f.of.value) * _scale(f.of.unit, f.unit), -base]):
            return        # right for the figure as written, which is reported already
        f.flagged = True
        what = _COLUMN_ZH.get(f.against, f.against)
        word = "增加" if f.value >= 0 else "减少"
        self.found.error("PROSE-CHANGE", f"正文“…{self.quote(f, 24)}”：{fact_label(f.fact, self.report)} "
                         f"{fmt(current)} − {what} {fmt(base)} = {fmt(current - base)}{f.unit}，"
                         f"与写明的{word} {fmt(abs(f.value))}{f.unit} 不符。", self.doc, self.path, f.start,
                         stated=f.value, computed=current - base)

    def rate(self, f: Figure) -> None:
        """"增幅49.1%": the change over its base, to the precision written."""
        if not f.fact:
            return            # whose rate it is, the words do not say
        change, base, current = None, None, None
        unit = "万元"
        if f.change is not None and f.change.money:
            if f.change.flagged:
                return
            unit = f.change.unit
            change = f.change.value
        if f.fact in AMOUNT_PATHS and f.against:
            probe = Figure(f.start, f.end, f.value, unit, f.sentence, fact=f.fact, against=f.against,
                           of=f.of, base=f.base)
            current, stale = self._current(probe)
            if stale:
                return
            base = self._base(probe)
        elif f.base is not None:
            base = abs(f.base.value) * _scale(f.base.unit, unit)
        if change is None and current is not None and base is not None:
            change = current - base
        if base is None and change is not None and current is not None:
            base = current - change
        if change is None or not base:
            return
        computed = change / base * 100
        if abs(computed - f.value) <= half_unit(f.value):
            return
        f.flagged = True
        rate_words = f"{'增长' if computed >= 0 else '下降'} {fmt(abs(computed), 2)}%"
        self.found.error("PROSE-RATE", f"正文“…{self.quote(f, 30)}”：变动 {fmt(change)} ÷ 基数 {fmt(base)} "
                         f"= {rate_words}，与写明的 {fmt(abs(f.value))}% 不符。", self.doc, self.path, f.start,
                         stated=f.value, computed=computed)

    def share(self, f: Figure, voc) -> None:
        """"451.85万元，占资产总额比48.46%": the share against the total the words name."""
        part = f.of
        if part is None or part.flagged:
            return
        total_fact = next((fact for rx, fact in voc.shares if rx.search(f.share_of)), None)
        total = self.view.in_wan(total_fact) if total_fact else None
        if not total:
            return
        share = abs(part.wan) / total * 100
        if abs(share - f.value) <= half_unit(f.value):
            return
        self.found.error("PROSE-SHARE", f"正文“…{self.text[max(0, part.start - 8):f.end]}”：{fmt(abs(part.value))}"
                         f"{part.unit} ÷ {f.share_of.rstrip('的比')} {fmt(total)}万元 = {fmt(share, 2)}%，"
                         f"与写明的 {fmt(f.value)}% 不符。", self.doc, self.path, f.start,
                         stated=f.value, computed=share)

    def flat(self, flat) -> None:
        """"与上年持平": this year's figure equals its base, to the precision written."""
        f = flat.of
        if f is None or f.fact not in AMOUNT_PATHS or f.flagged:
            return
        current, base = self.fact(f.fact, "final", f.unit), self.fact(f.fact, flat.against, f.unit)
        if current is None or base is None or sum_consistent(current, [base]):
            return
        what = _COLUMN_ZH.get(flat.against, flat.against)
        self.found.error("PROSE-CHANGE", f"正文“…{self.text[max(0, f.start - 8):flat.start + 8]}”写明持平，但"
                         f"{fact_label(f.fact, self.report)} {fmt(current)}{f.unit}，{what} {fmt(base)}{f.unit}，"
                         f"相差 {fmt(current - base)}{f.unit}。", self.doc, self.path, flat.start,
                         stated=Decimal(0), computed=current - base)


def _scale(from_unit: str, to_unit: str) -> Decimal:
    size = {**MONEY_UNITS, **CURRENCY}
    if from_unit in size and to_unit in size:
        return size[from_unit] / size[to_unit]
    return Decimal(1)


def _section(fact: str) -> str:
    return "assets.fixed_use" if fact.startswith("assets.fixed_use.") else fact.split(".")[0]


def _table_units(report, doc, view: FactView, texts, found: Findings) -> dict[str, str]:
    """The unit each table's figures are really in. When prose restates a table's figures with
    the same digits in another unit ("（单位：元）" over figures in 万元), the table's unit label is
    wrong: say so once, and compare the rest in the prose's unit so the real slips still show."""
    units: dict[str, str] = {}
    for path, text, reading in texts:
        for f in reading.figures:
            if f.role != "level" or not f.fact or f.unit not in MONEY_UNITS or f.column in (None, "prior"):
                continue
            fact = f"{f.fact}.{f.column}" if f.fact in AMOUNT_PATHS else f.fact
            table_unit = view.unit(fact)
            raw = view.value(fact)
            if raw is None or table_unit == f.unit:
                continue
            section = _section(fact)
            if section not in units and same_figure(abs(f.value), raw):
                units[section] = f.unit
                quote = text[max(0, f.start - 14): f.end]
                field = "finance.unit" if section == "finance" else f"{section}.unit"
                found.error("PROSE-UNIT", f"正文“…{quote}”与表中 {fact_label(fact, report)} {fmt(raw)} 数字相同，"
                            f"但表的金额单位为“{table_unit}”、正文为“{f.unit}”：表的单位应为“{f.unit}”（{field}）。",
                            doc, tuple(field.split(".")), table_unit=table_unit, prose_unit=f.unit)
    return units


def _check_parts(figures: list[Figure], text, doc, path, found: Findings) -> None:
    """"X万元，其中 A万元、B万元" — the parts add up to X."""
    for i, total in enumerate(figures):
        nxt = text[total.end: total.end + 24]
        k = nxt.find("其中")
        if k < 0 or re.search(r"[。；;]", nxt[:k]) or re.search(r"[0-9]\s*" + re.escape(total.unit), nxt[:k]):
            continue
        parts = []
        cursor = total.end
        for a in figures[i + 1:]:
            between = text[cursor:a.start]
            if "。" in between or ("）" in between and "（" not in text[total.end:cursor + 1] and parts):
                break
            if "；" in between and parts and re.search(r"[，,]", between.split("；", 1)[1]):
                break
            if a.unit != total.unit or a.role in ("change", "rate"):
                break
            parts.append(a)
            cursor = a.end
            if ")" in text[a.end:a.end + 2] or "）" in text[a.end:a.end + 2]:
                break
        if len(parts) < 2 or total.flagged or any(p.flagged for p in parts):
            continue           # a figure already reported wrong explains the sum
        exact = total.unit in COUNT_UNITS     # counts are not rounded
        s = sum((p.value for p in parts), Decimal(0))
        if (total.value != s) if exact else not sum_consistent(total.value, [p.value for p in parts]):
            terms = " + ".join(fmt(p.value) for p in parts).replace("+ -", "− ")
            found.error("PROSE-SUM", f"正文“…{text[max(0, total.start - 10):parts[-1].end]}”：其中各项合计 "
                        f"{terms} = {fmt(s)}{total.unit}，不等于 {fmt(total.value)}{total.unit}。", doc, path, total.start,
                        stated=total.value, computed=s)


def _check_compare(figures: list[Figure], text, doc, path, found: Findings) -> None:
    for a, b in zip(figures, figures[1:]):
        between = text[a.end:b.start]
        if "。" in between or "；" in between or "，" in between:
            continue
        m = _COMPARE_RE.search(between)
        if not m:
            continue
        op = _COMPARE[m.group()]
        x, y = abs(a.wan), abs(b.wan)
        ok = {"<": x < y, ">": x > y, "=": x == y}[op]
        if not ok:
            found.error("PROSE-COMPARE", f"正文“{text[a.start:b.end]}”不成立。", doc, path, a.start)


def _check_targets(report: Report, text, doc, path, found: Findings) -> None:
    """A target's figure restated in prose ("合计培训249人次") agrees with its target or actual."""
    for t in report.targets:
        if t.actual is None:
            continue
        for name in [t.name, *t.aliases]:
            for m in re.finditer(re.escape(name), text):
                tail = text[m.end(): m.end() + 16]
                stop = re.search(r"[。；;]", tail)
                tail = tail[: stop.start()] if stop else tail
                qm = re.search(r"([0-9]+(?:\.[0-9]+)?)\s*(亿元|万元|元|%|％|人次|[个家座人项件次场名户亩篇批])", tail)
                if not qm:
                    continue
                q = parse_quantity(qm.group(1) + qm.group(2))
                against = [x for x in (t.actual, t.target) if q.in_unit_of(x) is not None]
                if not against or any(same_figure(q.in_unit_of(x), x.value) for x in against):
                    continue
                found.error("PROSE-TARGET", f"正文“{text[m.start(): m.end() + qm.end()]}”与绩效目标“{t.name}”"
                            f"的完成值 {t.actual}（目标值 {t.target}）不符。", doc, path, m.end() + qm.start())
