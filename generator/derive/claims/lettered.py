"""Amounts tagged by letters and a rate tagged by their formula — the self-evaluation form's rows written out:
"年度资金总额：全年预算数（A）1326.80万元，全年执行数（B）1305.93万元，预算执行率（B/A）100%", "全年到位资金（D）…，
预算到位（D/C×100%）100.00%". The formula says which amount is divided by which: the rate is checked against the two
amounts the letters tag, whoever's they are (PROSE-EXECUTION), in place of any other reading of it.

Only a letter right before its amount tags it, and only the last amount a letter tagged before the rate (in its
paragraph, not far back) is used."""
from __future__ import annotations

import bisect
import re

from .claim import Claim
from .state import _ReadSoFar, _State
from .tokens import MONEY, Token

# a letter tag: "（A）"; a formula tag: "（B/A）", "（D/C×100%）", "（E÷C*100%）"
_LETTER = re.compile(r"[（(][ \t\u3000]?([A-H])[ \t\u3000]?[）)]")
_FORMULA = re.compile(r"[（(][ \t\u3000]?([A-H])[ \t\u3000]?[/÷][ \t\u3000]?([A-H])[ \t\u3000]?(?:[×*xX][ \t\u3000]?100[ \t\u3000]?[%％]?)?"
                      r"[ \t\u3000]?[）)]")
# what may stand between a tag and its figure: spaces, a colon, 为/是/达
# a heading's unit: "（万元）", "(单位：万元)"
_HEADING_UNIT = re.compile(r"[（(](?:单位[：:])?[ \t\u3000]?(万元|元|亿元)[ \t\u3000]?[）)]")
_TAG_GAP = re.compile(r"[ \t\u3000]*(?:[：:]|为|是|达到|达)?[ \t\u3000]*")
_REACH = 600        # how far back the amounts a formula names may be tagged (one row of the form, a paragraph)


class _Lettered(_State):
    """Rates tagged by the formula of lettered amounts (see the module's docstring)."""

    def _lettered_rates(self) -> None:
        text = self.text
        if "（" not in text and "(" not in text or not _FORMULA.search(text):
            return
        read = _ReadSoFar(self.tokens, self.out.claims, self.out.unread)

        def figure_at(end: int) -> Token | None:
            k = bisect.bisect_left(read.starts, end)
            return read.nums[k] if k < len(read.nums) and _TAG_GAP.fullmatch(text, end, read.nums[k].start) else None

        dropped: set[int] = set()       # figures whose claims and unread entries the rates replace
        tagged: list[tuple[int, str, Token]] = []      # (where, letter, its figure), in order
        for m in _LETTER.finditer(text):
            tok = figure_at(m.end())
            if tok is not None and not tok.unit:
                unit = self._heading_unit(tok)
                if unit:
                    dropped.add(id(tok))
                    tok = Token("num", tok.start, tok.end, tok.text, tok.value, unit)
            if tok is not None and tok.unit in MONEY:
                tagged.append((m.start(), m.group(1), tok))
        rates = []
        for m in _FORMULA.finditer(text) if tagged else ():
            rate = figure_at(m.end())
            top, bottom = self._tagged_before(tagged, m.group(1), m.start()), \
                self._tagged_before(tagged, m.group(2), m.start())
            if rate is None or rate.unit != "%" or top is None or bottom is None or top is bottom:
                continue
            # the rate as spent ÷ whole, in place of what else it was read as
            sentence = read.claimed[id(rate)].sentence if id(rate) in read.claimed else read.sentence_of(rate)
            other = tuple(c if (c := read.claimed.get(id(t))) is not None and c.kind in ("level", "prior")
                          else Claim("level", t, None, sentence=sentence) for t in (bottom, top))
            rates.append(Claim("execution", rate, None, other=other, sentence=sentence))
            dropped.add(id(rate))
        if rates:
            self.out.claims[:] = [c for c in self.out.claims if id(c.figure) not in dropped or c.figure is None]
            self.out.claims.extend(rates)
        if dropped:
            self.out.unread = [u for u in self.out.unread if id(u.figure) not in dropped]

    def _heading_unit(self, tok: Token) -> str:
        """"公用经费预算执行情况（万元）（20分）：预算数（A）84.60，执行数（B）82.35": the unit a heading before a figure
        written without one names (in its sentence, not far back), or ""."""
        before = self.text[max(0, tok.start - 60):tok.start]
        m = _HEADING_UNIT.search(before)
        return m.group(1) if m is not None and not any(ch in "。！？\n" for ch in before[m.end():]) else ""

    def _tagged_before(self, tagged: list, letter: str, at: int) -> Token | None:
        """The figure the letter last tagged before `at`, in its paragraph and within reach; None if none."""
        k = bisect.bisect_left(tagged, (at,)) - 1
        while k >= 0:
            where, got, tok = tagged[k]
            if at - where > _REACH or "\n" in self.text[where:at]:
                return None
            if got == letter:
                return tok
            k -= 1
        return None
