"""What a pass after the reader starts from (ratios.py, rows.py): the figures the reader left unread, by where they
start; the sentence a position is in; and, at the end, the figures the pass took out of the unread."""
from __future__ import annotations

import bisect

from .claim import OTHER_SUBJECT, Reading, Unread


class LaterPass:
    """One pass's view of a reading (made once a text: linear)."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.unread: dict[int, Unread] = {u.figure.start: u for u in reading.unread if u.figure is not None}
        self._placed = sorted((c.figure.start, c.sentence) for c in reading.claims if c.figure is not None)
        self._taken: set[int] = set()

    def sentence_at(self, start: int) -> int:
        """The sentence of the claim before `start` (a figure read later is in the sentence of the claim before it)."""
        k = bisect.bisect_right(self._placed, (start, 1 << 30)) - 1
        return self._placed[k][1] if k >= 0 else 0

    def take(self, start: int) -> None:
        """The figure at `start` is now a claim's: no longer unread (see done)."""
        self._taken.add(start)

    def done(self) -> None:
        if self._taken:
            self.reading.unread = [u for u in self.reading.unread
                                   if u.figure is None or u.figure.start not in self._taken]


def another_body(reading: Reading, unread: Unread | None) -> bool:
    """Whether a figure was left unread as another subject's — a body, a place, a year — not only as the figures of
    projects ("新签约项目28个": the department's work counted, its ratio still its own arithmetic)."""
    if unread is None or not unread.why.startswith(OTHER_SUBJECT):
        return False
    named = unread.why[len(OTHER_SUBJECT):].strip("（）“”")
    return reading.cues is None or not reading.cues.projects.fullmatch(named)
