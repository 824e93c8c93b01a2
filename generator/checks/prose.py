"""Numbers written in free text, checked against the facts they name and against each other.

A department that writes its own paragraphs states figures again in prose: "决算支出7542.23万元
（其中，基本支出845.92万元，项目支出6694.26万元）". Here we find each amount, the fact its label
names (the vocabulary: `vocabulary.py`) and the column its context implies (年初预算/调整预算/
决算), and check: the amount against the fact; parts after 其中 against their total; stated
changes (较上年增加 …) and growth rates (增幅 …%) against the amounts they relate; shares
(占收入总额的 …%); comparisons (小于/＝). Text inside {{ … }} refers to facts and is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from ..derive import FactView
from ..facts import AMOUNT_PATHS, COLUMNS, Report
from ..findings import Document, Findings
from ..numbers import MONEY_UNITS, fmt, half_unit, parse_quantity, same_figure, sum_consistent
from .arithmetic import fact_label
from ..vocabulary import FILLER as _FILLER, Vocabulary
from .text import iter_texts

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元|亿美元|万美元|美元)")
_CURRENCY = {"亿美元": Decimal(10000), "万美元": Decimal(1), "美元": Decimal("0.0001")}
_CHANGE = re.compile(r"(?:(较|比)\s*(上年|上一年|同期|(\d{4})\s*年|年初预算数?|预算数?|调整预算数?|上年决算数?)?)?"
                     r"\s*(增加|减少|增长|下降|节约|超支)了?\s*$")
_RATE = re.compile(r"^\s*[，,、]?\s*(?:增幅|降幅|增长|下降|增加|减少|增长率|增速)(?:为|了)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_COMPARE = {"小于": "<", "低于": "<", "＜": "<", "<": "<", "少于": "<", "大于": ">", "高于": ">", "＞": ">",
            ">": ">", "超过": ">", "等于": "=", "=": "=", "＝": "="}
_COMPARE_RE = re.compile("|".join(map(re.escape, _COMPARE)))
_SENTENCE_END = "。\n"
_REF = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


@dataclass
class Amount:
    start: int
    end: int
    value: Decimal          # signed: a stated decrease is negative
    unit: str
    fact: str | None = None     # the dotted fact path, column included
    change_of: "Amount | None" = None
    change_base: str | None = None   # 'prior' | 'budget' | 'adjusted'
    flagged: bool = False

    @property
    def wan(self) -> Decimal:
        return self.value * (MONEY_UNITS.get(self.unit) or _CURRENCY[self.unit])


def check_prose(report: Report, doc: Document, view: FactView, voc: Vocabulary, found: Findings) -> dict:
    """Check the figures in every text; return, for each text, the facts its figures name."""
    texts, raws = [], []
    for path, raw in iter_texts(report):
        if path and path[0] in ("rubric", "template", "title"):
            continue
        text = _REF.sub(lambda m: " " * len(m.group()), raw)
        texts.append((path, text, _amounts(text, voc, report)))
        raws.append((path, raw))
    units = _table_units(report, doc, view, texts, found)
    for path, text, amounts in texts:
        for a in amounts:
            _check_fact(a, text, report, view, units, doc, path, found)
        for a in amounts:
            if a.change_of is not None:
                _check_change(a, text, report, view, units, doc, path, found)
        _check_shares(amounts, text, view, voc, doc, path, found)
        _check_parts(amounts, text, doc, path, found)
        _check_parts(_counts(text), text, doc, path, found)
        _check_compare(amounts, text, doc, path, found)
        _check_targets(report, text, doc, path, found)
    return {path: _mentioned(amounts) | _references(raw) for (path, text, amounts), (_, raw) in zip(texts, raws)}


def _mentioned(amounts: list[Amount]) -> set:
    """The facts a text states: each figure's own, and the base a stated change is measured from."""
    out = set()
    for a in amounts:
        if a.fact:
            out.add(a.fact)
            if a.fact.endswith(".change"):
                group = a.fact.rsplit(".", 1)[0]
                out |= {group + ".final", group + ".prior"}
        if a.change_of is not None and a.change_of.fact and a.change_base in COLUMNS:
            out.add(a.change_of.fact.rsplit(".", 1)[0] + "." + a.change_base)
    return out


def _references(text: str) -> set:
    from ..references import REFERENCE
    return {m.group(1) for m in REFERENCE.finditer(text)}


def _table_units(report, doc, view: FactView, texts, found: Findings) -> dict[str, str]:
    """The unit each table's figures are really in. When prose restates a table's figures with
    the same digits in another unit ("（单位：元）" over figures in 万元), the table's unit label is
    wrong: say so once, and compare the rest in the prose's unit so the real slips still show."""
    units: dict[str, str] = {}
    for path, text, amounts in texts:
        for a in amounts:
            if a.fact is None or a.unit not in MONEY_UNITS or a.fact.endswith(".change"):
                continue
            table_unit = view.unit(a.fact)
            raw = view.value(a.fact)
            if raw is None or table_unit == a.unit:
                continue
            section = _section(a.fact)
            if section not in units and same_figure(abs(a.value), raw):
                units[section] = a.unit
                quote = text[max(0, a.start - 14): a.end]
                field = "finance.unit" if section == "finance" else f"{section}.unit"
                found.error("PROSE-UNIT", f"正文“…{quote}”与表中 {fact_label(a.fact, report)} {fmt(raw)} 数字相同，"
                            f"但表的金额单位为“{table_unit}”、正文为“{a.unit}”：表的单位应为“{a.unit}”（{field}）。",
                            doc, tuple(field.split(".")), table_unit=table_unit, prose_unit=a.unit)
    return units


def _section(fact: str) -> str:
    return "assets.fixed_use" if fact.startswith("assets.fixed_use.") else fact.split(".")[0]


def _fact_in(a_unit: str, fact: str, view: FactView, units: dict[str, str]) -> Decimal | None:
    """A fact's value expressed in the unit `a_unit`."""
    value = view.value(fact)
    if value is None:
        return None
    unit = units.get(_section(fact)) or view.unit(fact)
    return value * MONEY_UNITS[unit] / MONEY_UNITS[a_unit]


def _amounts(text: str, voc: Vocabulary, report: Report) -> list[Amount]:
    out: list[Amount] = []
    sentence_start = 0
    previous: Amount | None = None
    for m in _AMOUNT.finditer(text):
        cut = max(text.rfind(ch, 0, m.start()) for ch in _SENTENCE_END)
        if cut >= sentence_start:
            sentence_start, previous = cut + 1, None
        window_start = previous.end if previous else sentence_start
        window = text[window_start:m.start()]
        a = Amount(m.start(), m.end(), Decimal(m.group(1)), m.group(2))
        change = _CHANGE.search(window)
        label_fact = voc.label(window[: change.start()] if change else window)
        if change:
            if change.group(4) in ("减少", "下降", "节约"):
                a.value = -a.value
            base = change.group(2) or ""
            a.change_base = "budget" if "预算" in base and "调整" not in base else (
                "adjusted" if "调整" in base else "prior")
            if change.group(3) and int(change.group(3)) != report.year - 1:
                a.change_base = "year:" + change.group(3)
            if label_fact and label_fact in AMOUNT_PATHS and a.change_base == "prior":
                a.fact = label_fact + ".change"          # "人员经费增加 68.44 万元"
            elif previous is not None and change.group(1):
                a.change_of = previous                   # "…3237.75万元，较上年增加1066.5万元"
        elif label_fact:
            a.fact = label_fact
            if label_fact in AMOUNT_PATHS:
                clause = text[sentence_start:m.start()]
                clause = clause[clause.rfind("；") + 1:]
                a.fact += "." + _column(clause, voc)
        elif previous is not None and previous.fact and previous.fact.rsplit(".", 1)[-1] in COLUMNS:
            cm = re.fullmatch(r"[\s，,、]*(?:其中)?[，,]?\s*(" + voc.column_any.pattern + r")数?" + _FILLER, window)
            if cm:   # "…收入1747.99万元，调整预算数7532.81万元，决算数7523.81万元"
                col = next(c for c in COLUMNS if cm.groupdict().get(c))
                a.fact = previous.fact.rsplit(".", 1)[0] + "." + col
        out.append(a)
        previous = a
    return out


def _column(before: str, voc: Vocabulary) -> str:
    """The column named nearest before the amount in its sentence; 决算 when none is."""
    last = None
    for m in voc.column_any.finditer(before):
        last = m
    if last is None:
        return "final"
    return next(c for c, v in last.groupdict().items() if v)


def _check_fact(a: Amount, text, report, view: FactView, units, doc, path, found: Findings) -> None:
    if a.fact is None or a.unit not in MONEY_UNITS:
        return
    fact_value = _fact_in(a.unit, a.fact, view, units)
    if fact_value is None:
        return
    stated = a.value if a.fact.endswith(".change") else abs(a.value)
    if same_figure(stated, fact_value):
        return
    a.flagged = True
    quote = text[max(0, a.start - 14): a.end]
    found.error("PROSE-FACT", f"正文“…{quote}”与事实不符：{fact_label(a.fact, report)} 为 {fmt(fact_value)}{a.unit}"
                f"（差 {fmt(stated - fact_value)}）。", doc, path, a.start, stated=stated, fact=fact_value)


def _check_change(a: Amount, text, report, view: FactView, units, doc, path, found: Findings) -> None:
    base = a.change_of
    quote = text[max(0, base.start - 10): a.end]
    if a.change_base and a.change_base.startswith("year:"):
        found.warning("DATE-YEAR", f"“…{quote}”：与 {a.change_base[5:]} 年比较，但报告年度为 {report.year} 年"
                      f"，上年应为 {report.year - 1} 年。", doc, path)
        a.change_base = "prior"
    reference = None
    if base.fact and base.fact.rsplit(".", 1)[-1] in COLUMNS:
        group = base.fact.rsplit(".", 1)[0]
        if a.unit in MONEY_UNITS:
            reference = _fact_in(a.unit, f"{group}.{a.change_base}", view, units)
    if reference is not None and base.unit == a.unit:
        computed = abs(base.value) - reference
        if not sum_consistent(a.value, [abs(base.value), -reference]):
            what = COLUMNS.get(a.change_base, a.change_base)
            found.error("PROSE-CHANGE", f"“…{quote}”：{fmt(base.value)} − {what} {fmt(reference)} = {fmt(computed)}，"
                        f"与写明的{'增加' if a.value >= 0 else '减少'} {fmt(abs(a.value))} 不符。", doc, path, a.start,
                        stated=a.value, computed=computed)
    rate = _RATE.match(text, a.end)
    if rate and base.unit == a.unit:
        stated = Decimal(rate.group(1))
        prior = abs(base.value) - a.value
        if prior != 0:
            computed = abs(a.value) / prior * 100
            if abs(computed - stated) > half_unit(stated):
                found.error("PROSE-RATE", f"“…{text[base.start:rate.end()]}”：{fmt(abs(a.value))} ÷ {fmt(prior)} = "
                            f"{fmt(computed, 2)}%，与写明的 {rate.group(1)}% 不符。", doc, path, rate.start(1),
                            stated=stated, computed=computed)


_COUNT = re.compile(r"(\d+)\s*(人次|家次|个|家|项|座|件|名|户|场|批)(?![\d.])")


def _counts(text: str) -> list[Amount]:
    """Counts ("139个", "115个") as amounts of their own unit, for the 其中 check."""
    return [Amount(m.start(), m.end(), Decimal(m.group(1)), m.group(2)) for m in _COUNT.finditer(text)]


_SHARE = re.compile(r"\s*[，,]?\s*占(.{1,10}?)(?:的|比)?\s*(\d+(?:\.\d+)?)\s*[%％]")


def _check_shares(amounts: list[Amount], text, view: FactView, voc: Vocabulary, doc, path, found: Findings) -> None:
    """"451.85万元，占资产总额比48.46%" — the share against the total the words name."""
    for a in amounts:
        m = _SHARE.match(text, a.end)
        if not m or a.unit not in MONEY_UNITS:
            continue
        base = next((fact for rx, fact in voc.shares if rx.search(m.group(1))), None)
        total = view.in_wan(base) if base else None
        if not total:
            continue
        stated = Decimal(m.group(2))
        share = abs(a.wan) / total * 100
        if abs(share - stated) > half_unit(stated):
            found.error("PROSE-SHARE", f"正文“…{text[max(0, a.start - 8):m.end()]}”：{fmt(abs(a.value))}{a.unit} ÷ "
                        f"{m.group(1).rstrip('的比')} {fmt(total)}万元 = {fmt(share, 2)}%，与写明的 {m.group(2)}% 不符。",
                        doc, path, m.start(2), stated=stated, computed=share)


def _check_parts(amounts: list[Amount], text, doc, path, found: Findings) -> None:
    """"X万元，其中 A万元、B万元" — the parts add up to X."""
    for i, total in enumerate(amounts):
        nxt = text[total.end: total.end + 24]
        k = nxt.find("其中")
        if k < 0 or re.search(r"[。；;]", nxt[:k]) or _AMOUNT.search(nxt[:k]):
            continue
        parts = []
        cursor = total.end
        for a in amounts[i + 1:]:
            between = text[cursor:a.start]
            if "。" in between or ("）" in between and "（" not in text[total.end:cursor + 1] and parts):
                break
            if "；" in between and parts and re.search(r"[，,]", between.split("；", 1)[1]):
                break
            if a.unit != total.unit or a.change_of is not None:
                break
            parts.append(a)
            cursor = a.end
            if ")" in text[a.end:a.end + 2] or "）" in text[a.end:a.end + 2]:
                break
        if len(parts) < 2 or total.flagged:
            continue
        exact = total.unit not in MONEY_UNITS and total.unit not in _CURRENCY   # counts are not rounded
        total_sum = sum((p.value for p in parts), Decimal(0))
        if (total.value != total_sum) if exact else not sum_consistent(total.value, [p.value for p in parts]):
            s = sum((p.value for p in parts), Decimal(0))
            terms = " + ".join(fmt(p.value) for p in parts).replace("+ -", "− ")
            found.error("PROSE-SUM", f"正文“…{text[max(0, total.start - 10):parts[-1].end]}”：其中各项合计 "
                        f"{terms} = {fmt(s)}{total.unit}，不等于 {fmt(total.value)}{total.unit}。", doc, path, total.start,
                        stated=total.value, computed=s)


def _check_compare(amounts: list[Amount], text, doc, path, found: Findings) -> None:
    for a, b in zip(amounts, amounts[1:]):
        between = text[a.end:b.start]
        if "。" in between or "；" in between or "，" in between:
            continue
        m = _COMPARE_RE.search(between)
        if not m:
            continue
        op = _COMPARE[m.group()]
        x, y = a.wan, b.wan
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
                qm = re.search(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元|%|％|人次|[个家座人项件次场名户亩篇批])", tail)
                if not qm:
                    continue
                q = parse_quantity(qm.group(1) + qm.group(2))
                against = [x for x in (t.actual, t.target) if q.in_unit_of(x) is not None]
                if not against or any(same_figure(q.in_unit_of(x), x.value) for x in against):
                    continue
                found.error("PROSE-TARGET", f"正文“{text[m.start(): m.end() + qm.end()]}”与绩效目标“{t.name}”"
                            f"的完成值 {t.actual}（目标值 {t.target}）不符。", doc, path, m.end() + qm.start())
