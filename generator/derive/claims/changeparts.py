"""A change broken down by its parts: "本年预算收入…，与上年相比增加8.73万元，其中：财政拨款收入减少18.62万元，…；
其他收入增加27.35万元" — the parts' changes, signed, add up to the whole's (when they are all its parts: the checks
decide, checks/prose/lists.py). Also across a sentence of reasons: "…减少18.62万元，主要原因一是…。其中：基本支出减少
36.25万元，项目支出增加17.36万元".

The list is a claim of kind "sum" whose head (`of`) is the whole's change and whose parts are the changes after 其中
of facts within the whole's, on the same base."""
from __future__ import annotations

from .claim import Claim
from .parts import within
from .state import _State

# what may stand between the whole's change and 其中: punctuation and spaces only
_GAP = frozenset(" \t\u3000，,；;：:。")


class _ChangeParts(_State):
    """The 其中 list of a change's parts."""

    def _change_list_opens(self) -> bool:
        """At 其中: whether the last thing read is a change of a fact's (in this sentence, or the last claim of the
        sentence before when 其中 opens this one) — the list is of the parts of that change. Opened (True) or not."""
        last = self.out.claims[-1] if self.out.claims else None
        if last is None or last.kind != "change" or last.fact is None or last.figure is None or not last.money:
            return False
        if last.sentence == self.sentence:
            between = self.text[last.figure.end:self.tokens[self.index].start]
            if any(ch not in _GAP for ch in between):
                return False
        elif last.sentence != self.sentence - 1 or self.figures_in_sentence:
            return False
        self.change_list = (last, [])
        return True

    def _change_part(self, claim: Claim) -> None:
        """A change read while a change's list is open: one of its parts when it is of a fact within the whole's, on
        the same base; anything else ends the list."""
        if self.change_list is None:
            return
        head, parts = self.change_list
        if claim.kind != "change" or claim.fact is None or claim.fact == head.fact \
                or not within(head.fact, claim.fact) or claim.against != head.against \
                or any(p.fact == claim.fact for p in parts):
            self._end_change_list()
            return
        parts.append(claim)

    def _end_change_list(self) -> None:
        """The list ends (at the end of its sentence, or at a figure that is no part): two parts or more make a claim."""
        if self.change_list is None:
            return
        head, parts = self.change_list
        self.change_list = None
        if len(parts) >= 2:
            self.out.claims.append(Claim("sum", head.figure, head.fact, parts=list(parts), of=head,
                                         sentence=head.sentence, changes=True))
