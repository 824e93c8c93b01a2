"""How a report words a score: an official's sentence from the phrase library, never a formula.

A finance bureau writes "预算执行率为97.14%，低于100%，按评分标准，得3.89分（扣0.11分）", not
"3.89 = 4 × 100% ÷ 102.94%". Each indicator gets a verdict (context.py): the rule kind, which case
it is (full marks, capped, points lost, lost with a reason the facts give), and the figures the
sentence names — the rate, the limit, the comparisons, the targets not met, the facts' own
reason. The wording itself is data, `data/scoring.yaml`, one entry per rule kind; the filters
`scoring` and `deduction` (phrases.py) put the two together in the template's voice. The
computation stays where it belongs: `explain` and the findings show it.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..core.numbers import decimals, fmt, round_to
from ..core.resources import PACKAGE_DIR
from ..model.schema import Field, MapOf, Model, ModelKind, Text, format_field

LIBRARY = PACKAGE_DIR / "data" / "scoring.yaml"
DEFAULT_BY = "按评分标准"
CASES = ("full", "capped", "lost", "lost_reason")
# a case a kind does not word falls back to the next one that it does
_FALLBACK = {"capped": "full", "lost_reason": "lost"}
UNMET_SHOWN = 3         # targets named in a sentence before "等"


class Phrase(Model):
    """一种情形的措辞"""

    text = Field(Text(), "正文中的计分句", help="为空文字时正文不写计分句")
    said = Field(Text(), "正文中的计分句，该项的文字已写明规则所用的数时",
                 help="如文字已写“政府采购执行率为64.94%”，计分句不再重复这个数；没有时用 text")
    cell = Field(Text(), "自评表“扣分原因”一栏", help="只在扣分时写出")


class KindPhrases(Model):
    """一种计分规则的措辞"""

    full = Field(ModelKind(Phrase), "得满分", required=True)
    capped = Field(ModelKind(Phrase), "得满分，指标值超过 100%")
    lost = Field(ModelKind(Phrase), "扣了分", required=True)
    lost_reason = Field(ModelKind(Phrase), "扣了分，事实文件另写了扣分原因")


class Compare(Model):
    """not_exceed 的一项比较"""

    within = Field(Text(), "未超过上限", required=True)
    over = Field(Text(), "超过上限", required=True)


class Library(Model):
    """计分句的措辞"""

    format = format_field(1)
    compare = Field(ModelKind(Compare), "比较项的措辞", required=True)
    kinds = Field(MapOf(ModelKind(KindPhrases)), "各计分规则的措辞", required=True)


@lru_cache(maxsize=1)
def library() -> Library:
    from ..model.datafile import load_model
    from ..model.findings import Findings

    found = Findings()
    model, _, _ = load_model(Library, LIBRARY, "scoring.yaml", "计分句措辞", found=found, trusted=True)
    assert model is not None, [f.message for f in found]      # shipped with mkreport; a test keeps it sound
    return model


def phrases_for(kind: str) -> dict:
    """{case: {"text": …, "cell": …}} for a rule kind: the library's entry, else the kind's own
    (a published kind), else the library's `other`."""
    lib = library()
    entry = lib.kinds.get(kind)
    if entry is None:
        from ..model.rules import RULES
        own = getattr(RULES.get(kind), "phrases", None)
        if own:
            return own
        entry = lib.kinds["other"]
    return {case: {"text": p.text or "", "said": p.said if p.said is not None else (p.text or ""), "cell": p.cell or ""}
            for case in CASES if (p := getattr(entry, case)) is not None}


def phrase(kind: str, case: str) -> dict:
    table = phrases_for(kind)
    while case not in table and case in _FALLBACK:
        case = _FALLBACK[case]
    return table.get(case, {"text": "", "said": "", "cell": ""})


# ---- the figures, as a sentence says them ------------------------------------------------------

def rate_text(value: Decimal | None) -> str:
    """64.94 → 64.94%, 92.50 → 92.50%: as written; a computed rate to two places, without the
    zeros a division leaves (86.666… → 86.67%, 7 ÷ 8 → 87.5%, 100.000 → 100%)."""
    if value is None:
        return ""
    if decimals(value) <= 2:
        return f"{fmt(value)}%"
    rounded = round_to(value, 2)
    return f"{fmt(rounded.quantize(Decimal(1)) if rounded == rounded.to_integral_value() else rounded.normalize())}%"


def points_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    v = Decimal(value)
    return str(v.quantize(Decimal(1))) if v == v.to_integral_value() else format(v.normalize(), "f")


def measure_name(node) -> str:
    """What the rate a rule scores by is called: the rubric's measure name; else the indicator's
    own name when it names a rate (政府采购执行率), else "<name>指标值"."""
    if node.ind.measure is not None and node.ind.measure.name:
        return node.ind.measure.name
    return node.name if node.name.endswith(("率", "比", "比例", "比重")) else f"{node.name}指标值"


def short_name(measure: str, indicator: str) -> str:
    """The measure as a score-table row says it beside the indicator's own name: the rate's last
    word when the row already names it (政府采购执行率 → 执行率), else in full."""
    if measure == indicator and measure.endswith("率") and len(measure) > 3:
        return measure[-3:]
    return measure


def unmet_text(names) -> str:
    names = list(names)
    if len(names) <= UNMET_SHOWN:
        return "、".join(names)
    return "、".join(names[:UNMET_SHOWN]) + "等"


# "……，根据附件2评分标准，扣0.5分。" at the end of a reason: said once, by the scoring sentence
_DEDUCTION_TAIL = re.compile(r"[，,；;。\s]*(?:(?:根据|按照|依照|依据|按)[^，,。；;]{0,12}?(?:评分标准|评分细则|评分办法|标准)"
                             r"[，,]?\s*)?扣(?:除|减)?\s*([0-9]+(?:\.[0-9]+)?)\s*分[。；;，,\s]*$")
_END = "。；;，,、 \u3000\n"


def reason_text(reasons: list[str], lost: Decimal) -> str:
    """The facts' reasons as one clause: joined with "；", without end punctuation, and without a
    closing "扣X分" that says the very deduction the sentence will say (a different figure stays)."""
    parts = [r.strip().rstrip(_END) for r in reasons if r and r.strip().rstrip(_END)]
    if not parts:
        return ""
    m = _DEDUCTION_TAIL.search(parts[-1])
    if m and Decimal(m.group(1)) == lost:
        parts[-1] = parts[-1][:m.start()].rstrip(_END)
        if not parts[-1]:
            parts.pop()
    return "；".join(parts)


def _amount_name(paths: list[str], report, other: list[str] | None = None) -> str:
    """A fact (or the sum of several) as a sentence names it; the limit of a comparison on the same
    row as its actual figure by its column only (公用经费决算数…，未超过调整预算数…)."""
    from ..model.facts import COLUMNS, fact_label

    if other is not None and len(paths) == 1 and len(other) == 1:
        head, _, col = paths[0].rpartition(".")
        if col in COLUMNS and other[0].rpartition(".")[0] == head:
            return COLUMNS[col]
    names = [fact_label(p, report).replace(" ", "") for p in paths]
    return names[0] if len(names) == 1 else "、".join(names) + "合计"


def comparisons(compared: list[dict], report) -> list[dict]:
    return [{"actual_name": _amount_name(c["actual_paths"], report),
             "limit_name": _amount_name(c["limit_paths"], report, c["actual_paths"]),
             "actual": f"{fmt(c['actual'])}万元", "limit": f"{fmt(c['limit'])}万元", "within": c["within"]}
            for c in compared]


def verdict_values(node, score: Decimal, exp, reasons: list[str], report, said: str = "") -> dict:
    """What a verdict holds (the template contract's Verdict): the kind and case, and each figure
    the library's sentences may name, already as text. `said`: the indicator's own text in the facts —
    where it already states the figures the rule scores by, the sentence does not say them again."""
    computed = exp is not None and exp.score is not None
    terms = exp.terms if computed else {}
    lost = node.points - score
    reason = reason_text(reasons, lost) if lost > 0 else ""
    if lost <= 0:
        case = "capped" if terms.get("capped") else "full"
    else:
        case = "lost_reason" if reason else "lost"
    unmet = list(terms.get("unmet", ()))
    return {
        "kind": node.rule if computed else "judgement",
        "case": case,
        "points": node.points, "score": score, "lost": lost,
        "measure": measure_name(node) if "rate" in terms else "",
        "short": short_name(measure_name(node), node.name) if "rate" in terms else "",
        "rate": terms.get("rate"), "limit": terms.get("limit"),
        "total": terms.get("total"), "achieved": terms.get("achieved"),
        "unmet": unmet,
        "compared": comparisons(terms.get("compared", []), report),
        "reason": reason,
        "how": exp.how if computed else "",
        "stated": computed and _already_said(said, terms),
    }


def _already_said(said: str, terms: dict) -> bool:
    """Whether the indicator's text states every figure its rule scores by (the rate; each amount compared;
    for targets, the rate and every target not met)."""
    if not said:
        return False
    figures = [terms["rate"]] if terms.get("rate") is not None else []
    figures += [x for c in terms.get("compared", []) for x in (c["actual"], c["limit"])]
    if not figures or any(not _states(said, value) for value in figures):
        return False
    return all(name in said for name in terms.get("unmet", ()))


def _states(text: str, value: Decimal) -> bool:
    """Whether `text` writes `value` as a figure (to the precision written there, or two places)."""
    shown = {fmt(value), rate_text(value).rstrip("%")}
    return any(re.search(rf"(?<![0-9.]){re.escape(v)}(?![0-9])", text) for v in shown if v)


# ---- the sentences ----------------------------------------------------------------------------

def _fields(v, by: str) -> dict:
    lib = library()
    compared = [_values(c) for c in v["compared"]]
    said = [fill(lib.compare.within if c["within"] else lib.compare.over, c) for c in compared]
    over = [s for s, c in zip(said, compared) if not c["within"]]
    return {"by": by, "points": points_text(v["points"]), "score": points_text(v["score"]),
            "lost": points_text(v["lost"]), "measure": v["measure"], "short": v.get("short") or v["measure"],
            "rate": rate_text(v["rate"]),
            "limit": rate_text(v["limit"]), "total": v["total"] if v["total"] is not None else "",
            "achieved": v["achieved"] if v["achieved"] is not None else "",
            "unmet": unmet_text(v["unmet"]), "unmet_count": len(v["unmet"]),
            "compared": "；".join(said), "over": "；".join(over), "reason": v["reason"], "how": v["how"]}


_SLOT = re.compile(r"\{(\w+)\}")


def fill(pattern: str, fields: dict) -> str:
    """A phrase with its {names} filled in: names only (no str.format attribute or index lookups
    on the values, which may be a user's text); an unknown name is a KeyError the tests catch."""
    return _SLOT.sub(lambda m: str(fields[m.group(1)]), pattern)


def _values(verdict) -> dict:
    return getattr(verdict, "_values", verdict)


def sentence(verdict, by: str = DEFAULT_BY) -> str:
    """The scoring sentence of the report's body ("" where the library says nothing)."""
    v = _values(verdict)
    return fill(phrase(v["kind"], v["case"])["said" if v.get("stated") else "text"], _fields(v, by))


def deduction(verdict) -> str:
    """The 扣分原因 cell of the score table ("" at full marks)."""
    v = _values(verdict)
    if v["lost"] <= 0:
        return ""
    return fill(phrase(v["kind"], v["case"])["cell"], _fields(v, DEFAULT_BY))
