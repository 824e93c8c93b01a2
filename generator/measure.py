"""How wide a text is set: what tells a title line or a table column whether a text fits."""
from __future__ import annotations


def em(text: str) -> float:
    """Width of a text in ems of its font: a Chinese character or mark one, a Latin letter,
    digit or space about half. (Every non-ASCII character counts as wide: in the Chinese faces
    a report is set in, “ ” and · are full width too.)"""
    narrow = len(text.encode("ascii", "ignore"))
    return len(text) - narrow / 2
