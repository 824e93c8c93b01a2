"""How wide a text is set: what tells a title line or a table column whether a text fits."""
from __future__ import annotations

import unicodedata


def em(text: str) -> float:
    """Width of a text in ems of its font: CJK and full-width marks one, Latin letters and
    digits about half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)
