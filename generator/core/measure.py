"""How wide a text is set: what tells a title line or a table column whether a text fits."""
from __future__ import annotations


def em(text: str) -> float:
    """Width of a text in ems of its font: a Chinese character or mark one, a Latin letter,
    digit or space about half. (Every non-ASCII character counts as wide: in the Chinese faces
    a report is set in, “ ” and · are full width too.)"""
    narrow = len(text.encode("ascii", "ignore"))
    return len(text) - narrow / 2


AUTOSPACE_EM = 0.2      # what LibreOffice adds (Word about as much) between Chinese and a Latin letter or digit


def set_em(text: str) -> float:
    """Width of a text as Word and LibreOffice set it: `em` plus the small space they put where
    Chinese meets a Latin letter or a digit ("2024年3月29日" has five such joins)."""
    joins = sum(1 for a, b in zip(text, text[1:]) if _ideograph(a) and b.isascii() and b.isalnum()
                or a.isascii() and a.isalnum() and _ideograph(b))
    return em(text) + joins * AUTOSPACE_EM


def _ideograph(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
