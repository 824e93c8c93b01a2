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
from .state import _State
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
        nums = [t for t in self.tokens if t.kind == "num"]
        starts = [t.start for t in nums]

        def figure_at(end: int):
            k = bisect.bisect_left(starts, end)
            if k < len(nums) and _TAG_GAP.fullmatch(text, end, nums[k].start):
                return nums[k]
            return None

        tagged: list[tuple[int, str, object]] = []      # (where, letter, its figure), in order
        for m in _LETTER.finditer(text):
            tok = figure_at(m.end())
            if tok is not None and not tok.unit:
                tok = self._in_heading_unit(tok)
            if tok is not None and tok.unit in MONEY:
                tagged.append((m.start(), m.group(1), tok))
        if not tagged:
            return
        for m in _FORMULA.finditer(text):
            rate = figure_at(m.end())
            if rate is None or rate.unit != "%":
                continue
            top, bottom = self._tagged_before(tagged, m.group(1), m.start()), \
                self._tagged_before(tagged, m.group(2), m.start())
            if top is None or bottom is None or top is bottom:
                continue
            self._formula_rate(rate, bottom, top)

    def _in_heading_unit(self, tok):
        """"公用经费预算执行情况（万元）（20分）：预算数（A）84.60，执行数（B）82.35": a figure written without its unit
        after a heading that names the unit (in its sentence, not far back) — the figure in that unit (a new token, the
        old one's unread entry dropped), or None."""
        before = self.text[max(0, tok.start - 60):tok.start]
        m = _HEADING_UNIT.search(before)
        if m is None or any(ch in "。！？\n" for ch in before[m.end():]):
            return None
        self.out.unread = [u for u in self.out.unread if u.figure is not tok]
        return Token("num", tok.start, tok.end, tok.text, tok.value, m.group(1))

    def _tagged_before(self, tagged: list, letter: str, at: int):
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

    def _formula_rate(self, rate, whole, spent) -> None:
        """The rate as spent ÷ whole, in place of what else it was read as (the claims the reader made of it)."""
        claims = self.out.claims
        found = {id(c.figure): c for c in claims if c.figure is not None and c.kind in ("level", "prior")}
        sentence = next((c.sentence for c in claims if c.figure is rate), None)
        if sentence is None:
            sentence = next((c.sentence for c in reversed(claims) if c.figure is not None and c.figure.start <= rate.start), 0)
        claims[:] = [c for c in claims if c.figure is not rate]
        self.out.unread = [u for u in self.out.unread if u.figure is not rate]
        other = tuple(found.get(id(t)) or Claim("level", t, None, sentence=sentence) for t in (whole, spent))
        claims.append(Claim("execution", rate, None, other=other, sentence=sentence))
