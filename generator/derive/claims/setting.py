"""What the facts file tells the reader about when its figures are (the same for every text of a report)."""
from __future__ import annotations

from typing import NamedTuple


class Setting(NamedTuple):
    """The report's year; the year at whose end the staffing facts count people (a budget written in its year
    counts them at the end of the year before); the (month, day) pairs at which the file counts its stocks
    (assets.as_of: "截至1月31日" on one of them is that day's balance, not part of the year)."""

    year: int
    counts_year: int
    moments: tuple[tuple[int, int], ...] = ()
