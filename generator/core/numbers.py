"""Exact numbers as written: parsing, precision, tolerances, units and display.

Every figure is a `Decimal` parsed from the text the user typed, so `120.50` keeps its two
decimals. Tolerances follow XBRL calculations 1.1: a figure written with d decimals stands for
the interval ±½·10⁻ᵈ, and a sum is consistent when the intervals overlap.
"""
from __future__ import annotations

import decimal
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

# Every figure a user writes has at most MAX_DIGITS digits (integer and decimal places together),
# so a quotient of two of them times 100, rounded to a few places, has fewer than 40 digits.
# Python's default of 28 significant digits is not enough for that; 60 leaves room.
MAX_DIGITS = 15   # a county budget in 元 to the fen fits easily; more digits is a typing slip
decimal.getcontext().prec = decimal.DefaultContext.prec = 60

NUMBER_RE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)")
_FULL_NUMBER_RE = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$")

# Money units, with their size in 万元, the unit every comparison is made in.
MONEY_UNITS = {"元": Decimal("0.0001"), "万元": Decimal(1), "亿元": Decimal(10000)}
# Count units are interchangeable with each other (a report writes 179座 and 179个 for the same
# 5G base stations); they only may not be compared with money or percentages.
COUNT_UNITS = ("个", "家", "座", "人", "人次", "项", "件", "次", "场", "名", "户", "亩", "篇", "批")
PERCENT = "%"


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％＋－", "0123456789.%+-")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_POINT = re.compile(r"(?<=[0-9])．(?=[0-9])")


def ascii_figure(text: str) -> str:
    """A figure typed with a Chinese input method (１９．８５，５０％) in ASCII: the same number.
    Digits of other scripts (the Bengali ৪) are not made into figures; see foreign_digit."""
    return text.translate(_FULL_WIDTH)


def ascii_digits(text: str) -> str:
    """Running text with its full-width digits, and a full-width point between digits, in ASCII;
    every other character, and every position, unchanged."""
    return _FULL_POINT.sub(".", text.translate(_FULL_DIGITS))


def foreign_digit(text: str) -> str | None:
    """The first digit that is not 0–9 (after ascii_figure): ৪, ٤, ๔ … look like figures and are not."""
    import unicodedata
    return next((ch for ch in text if not ch.isascii() and unicodedata.category(ch) == "Nd"), None)


def parse_decimal(text: str) -> Decimal | None:
    """The Decimal written in `text`, or None if it is not a plain decimal number."""
    text = text.strip()
    if not _FULL_NUMBER_RE.match(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        return None


def written_digits(value: Decimal) -> int:
    """Digits as written, leading zeros after the point included: 0.0005 → 4, 120.50 → 5."""
    _, digits, exp = value.as_tuple()
    if not isinstance(exp, int):
        return 10 ** 6          # NaN or Infinity: never a figure anyone typed
    return max(len(digits), -exp) if exp < 0 else len(digits) + exp


def plausible(value: Decimal) -> bool:
    """A figure of at most MAX_DIGITS digits: what checks and arithmetic are made for."""
    return written_digits(value) <= MAX_DIGITS


def decimals(value: Decimal) -> int:
    """Decimal places as written: 796.02 → 2, 42 → 0."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def half_unit(value: Decimal, floor: int = 0) -> Decimal:
    """Half a unit of the last written digit; `floor` is the precision a table promises
    (a table of 万元 to 0.01 means `42` is 42.00, not 42 ± 0.5)."""
    return Decimal(5).scaleb(-max(decimals(value), floor) - 1)


def cut_off(value: Decimal, places: int) -> Decimal:
    """`value` with the digits after `places` decimal places dropped (toward zero), not rounded."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def rate_fits(computed: Decimal, stated: Decimal) -> bool:
    """Whether a percentage as written is the one computed, rounded to the places written — or, written to three
    places or more, cut off there ("下降6.2118%" for 6.21187%: software that truncates; at that precision no reader is
    misled). To one or two places a figure is rounded: "增长6%" for 6.65% is a slip."""
    if abs(computed - stated) <= half_unit(stated):
        return True
    if decimals(stated) < 3:
        return False
    return cut_off(computed, decimals(stated)) == stated


def ratio_fits(num: Decimal, den: Decimal, stated: Decimal, num_half: Decimal, den_half: Decimal,
               coarse: bool | None = None) -> bool:
    """Whether a percentage as written is num ÷ den, each a table's figure that stands for ± half its last digit
    (a share or rate the writer's software computed from the yuan behind "2.64万元" may differ from one computed
    from 2.64 itself): anywhere between the extremes, or as rate_fits has it for the figures as written."""
    if den and rate_fits(num / den * 100, stated):
        return True
    if abs(den) - den_half <= 0:
        return False
    ends = [(num + a) / (den + b) * 100 for a in (-num_half, num_half) for b in (-den_half, den_half)]
    slack = half_unit(stated)
    if not min(ends) - slack <= stated <= max(ends) + slack:
        return False
    # figures known to better than one part in two hundred: past a few units of the percentage's last digit it is a
    # slip, not rounding; figures as coarse as "0.24万元" (2,350–2,450 元) leave the whole span open
    if coarse is None:
        coarse = num_half > abs(num) / 200 or den_half > abs(den) / 200
    return coarse or abs(stated - num / den * 100) <= 5 * slack


def sum_consistent(total: Decimal, parts: list[Decimal], floor: int = 0) -> bool:
    """XBRL 1.1 interval rule: the stated total and the sum of the parts overlap."""
    slack = half_unit(total, floor) + sum((half_unit(p, floor) for p in parts), Decimal(0))
    return abs(total - sum(parts, Decimal(0))) <= slack


def transposed(written: Decimal, computed: Decimal) -> bool:
    """Whether a figure as written is `computed` with two of its digits swapped ("99946" for 99496, "76.4" for
    74.6): the commonest slip of a hand copying a figure, and no chance agreement once the figure has three
    digits or more (a partial list's sum that happens to be a permutation of its head is one in hundreds)."""
    places = decimals(written)
    if computed != computed.quantize(Decimal(1).scaleb(-places)):
        return False
    a, b = f"{abs(written):.{places}f}", f"{abs(computed):.{places}f}"
    if len(a) != len(b) or sum(ch.isdigit() for ch in a.lstrip("0.")) < 3:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(diff) == 2 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def same_figure(stated: Decimal, fact: Decimal) -> bool:
    """A figure restated elsewhere: equal once both are rounded to the coarser precision. A figure converted to a
    finer unit keeps its precision as a positive exponent (529.07万元 is 5.2907E+6元, to the hundred): "5290651.30元"
    restates it."""
    d = min(_places(stated), _places(fact))
    return round_to(stated, d) == round_to(fact, d)


def _places(value: Decimal) -> int:
    """Decimal places, negative for a figure known only to the tens, hundreds… (see same_figure)."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) else 0


def round_to(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rate_consistent(stated_percent: Decimal, numerator: Decimal, denominator: Decimal) -> bool:
    """A stated percentage against its numerator and denominator, to the stated precision."""
    if denominator == 0:
        return False
    actual = numerator / denominator * 100
    return abs(actual - stated_percent) <= half_unit(stated_percent)


class NotApplicable(Decimal):
    """A figure written "—": the line does not apply. It counts as 0 in every sum and rate and is
    printed "—", as a published table prints it; it is given (a sum over it is exact), unlike a
    figure left out, which is unknown."""

    __slots__ = ()

    def __new__(cls):
        return super().__new__(cls, 0)

    def __repr__(self):
        return "NA"


NA = NotApplicable()
# how tables write "not applicable": a dash of any width, a slash
NA_SPELLINGS = frozenset({"—", "——", "-", "--", "－", "－－", "–", "―", "/", "／", "不适用"})


def fmt(value: Decimal | None, places: int | None = None) -> str:
    """Show a Decimal as written (no exponent notation), or rounded to `places`; "—" for not applicable."""
    if value is None:
        return "（空）"
    if isinstance(value, NotApplicable):
        return "—"
    if places is not None:
        value = round_to(value, places)
    text = format(value, "f")
    if places is None and "." in text and len(text.split(".")[1]) > 4:
        # a computed quotient: show four places, the precision nobody writes beyond
        text = format(round_to(value, 4), "f").rstrip("0").rstrip(".")
    return text


class Quantity:
    """A number with the unit it was written in: 500亿元, 179座, 86.67%, or a bare 4. A value:
    equal to another of the same value, unit and text, and never changed once made."""

    __slots__ = ("value", "unit", "text")

    def __init__(self, value: Decimal, unit: str = "", text: str = ""):
        self.value, self.unit, self.text = value, unit, text

    def __eq__(self, other):
        if not isinstance(other, Quantity):
            return NotImplemented
        return (self.value, self.unit, self.text) == (other.value, other.unit, other.text)

    def __hash__(self):
        return hash((self.value, self.unit, self.text))

    def __repr__(self):
        return f"Quantity({self.value!r}, {self.unit!r}, {self.text!r})"

    @property
    def family(self) -> str:
        if self.unit in MONEY_UNITS:
            return "money"
        if self.unit == PERCENT:
            return "percent"
        if self.unit in COUNT_UNITS or self.unit == "":
            return "count"
        return "other:" + self.unit

    def in_unit_of(self, other: Quantity) -> Decimal | None:
        """This value expressed in `other`'s unit, or None when the units cannot compare."""
        if self.unit == other.unit:
            return self.value
        if self.family == other.family == "money":
            return self.value * MONEY_UNITS[self.unit] / MONEY_UNITS[other.unit]
        if self.family == other.family == "count":
            return self.value
        return None

    def __str__(self) -> str:
        return self.text or f"{fmt(self.value)}{self.unit}"


_QUANTITY_RE = re.compile(r"^\s*([+-]?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+))\s*([^0-9\s.+-][^0-9]*)?\s*$")


def parse_quantity(text: str) -> Quantity | None:
    m = _QUANTITY_RE.match(text)
    if not m:
        return None
    unit = (m.group(2) or "").strip()
    if unit == "％":
        unit = PERCENT
    value = Decimal(m.group(1))
    return Quantity(value, unit, text.strip()) if plausible(value) else None
