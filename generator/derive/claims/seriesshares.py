"""Shares of no whole named, written as a series of amounts each with its share: "一般公共服务（类）支出912.40万元，
占77.68%；教育（类）支出41.30万元，占3.52%；社会保障和就业（类）支出98.60万元，占8.40%；住房保障（类）支出122.20万元，
占10.40%", "人员支出653.60万元，占37.4%；日常公用支出42.00万元，占2.4%；项目支出1,052.39万元，占60.2%".

The words say of which whole the shares are only by the series itself: when all of its shares but at most one are
each amount's share of the amounts' sum, the series lists the whole — the shares are of that sum, and the odd one
is checked against it (a check of the text against itself). Three pairs at least, two of them fitting (two shares
that fit the sum by chance are rare enough to trust the sum). The amounts may be of no fact of the file (functional classes);
another body's amounts are left alone. Left unread otherwise. One look at each sentence's figures: linear.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ...core.numbers import half_unit, rate_fits
from .claim import UNKNOWN_WORDS, Claim, Reading
from .figures import WHOLE_BUDGET_UNSTATED
from .later import LaterPass, another_body
from .shares import NO_WHOLE
from .tokens import MONEY, Token

# what stands between an amount and its share in a series: "，占", "（占", "，占比", "，占政府采购预算" (a whole named the
# same way in every pair of the series)
_BETWEEN = re.compile(r"[ \t\u3000]*[，,（(]?[ \t\u3000]*占(?:比)?(?P<whole>[\u4e00-\u9fff]{0,12}?)(?:的)?(?:比重|比例)?"
                      r"(?:为|达)?[ \t\u3000]*")
# why the reader left such a share unread: no whole named, or one named that the sentence does not state
_WHOLE_UNKNOWN = (NO_WHOLE, WHOLE_BUDGET_UNSTATED)
_UNKNOWN = re.compile(re.escape(UNKNOWN_WORDS).replace(re.escape("{}"), "(.+?)"))
_SENTENCE_END = frozenset("。！？!?\n")
_LEAST = 3              # pairs in a series


def read_series_shares(text: str, tokens: list[Token], reading: Reading) -> None:
    """The shares of each series of amount-and-share pairs whose whole is the amounts' sum (see the docstring)."""
    if "占" not in text:
        return
    later = LaterPass(reading)
    claimed = {c.figure.start for c in reading.claims if c.figure is not None and c.kind == "share"}
    figures = [t for t in tokens if t.kind == "num"]
    series: list[tuple[Token, Token]] = []
    wholes: set[str] = set()
    for k, a in enumerate(figures[:-1]):
        if series and k and any(ch in _SENTENCE_END for ch in text[figures[k - 1].end:a.start]):
            if len(wholes) == 1:
                _series(series, reading, later, claimed, wholes.pop())
            series, wholes = [], set()
        b = figures[k + 1]
        m = _BETWEEN.fullmatch(text, a.end, b.start) if a.unit in MONEY and b.unit in ("%", "％") else None
        if m is not None:
            series.append((a, b))
            wholes.add(m.group("whole"))
    if len(wholes) == 1:
        _series(series, reading, later, claimed, wholes.pop())
    later.done()


def _series(pairs: list[tuple[Token, Token]], reading: Reading, later: LaterPass, claimed: set, whole: str) -> None:
    """One series: its unread shares as shares of the amounts' sum, where the others show that sum is their whole."""
    if len(pairs) < _LEAST or any(another_body(reading, later.unread.get(a.start)) for a, _ in pairs):
        return
    amounts = [abs(a.value) * MONEY[a.unit] for a, _ in pairs]
    total = sum(amounts, Decimal(0))
    if not total:
        return
    fits = [rate_fits(x / total * 100, abs(p.value)) for x, (_, p) in zip(amounts, pairs)]
    if fits.count(False) > 1 or fits.count(True) < 2:
        return
    half = sum((half_unit(a.value) * MONEY[a.unit] for a, _ in pairs), Decimal(0))
    if any(a.unit != "万元" for a, _ in pairs):
        total = total.normalize()       # (in 万元 from 元: "36.4万元", not "36.4000万元")
    for a, p in pairs:
        unread = later.unread.get(p.start)
        if p.start in claimed or unread is None or not _whole_unknown(unread.why, whole):
            continue
        sentence = later.sentence_at(p.start)
        reading.claims.append(Claim("share", p, None, of=Claim("level", a, None, sentence=sentence),
                                    sentence=sentence, series_sum=(total, half)))
        later.take(p.start)


def _whole_unknown(why: str, whole: str) -> bool:
    """Whether the reader left a share unread for its whole alone: none named, a budget's whole not stated, or the
    whole's own words not in the vocabulary ("占政府采购预算…": 政府采购) — not for another subject named."""
    if why in _WHOLE_UNKNOWN:
        return True
    m = _UNKNOWN.match(why)
    return m is not None and bool(whole) and m.group(1) in whole
