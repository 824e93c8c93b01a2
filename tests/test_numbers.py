"""Exact money: precision as written, the XBRL interval rule, restated figures."""
from decimal import Decimal as D

from generator.core.numbers import decimals, half_unit, parse_quantity, same_figure, sum_consistent


def test_precision_is_kept_as_written():
    assert decimals(D("120.50")) == 2 and decimals(D("42")) == 0
    assert half_unit(D("796.02")) == D("0.005")
    assert half_unit(D("42"), floor=2) == D("0.005")


def test_rounding_differences_are_not_errors():
    """796.02 + 49.91 = 845.93 against a stated 845.92: both rounded to 0.01, consistent."""
    assert sum_consistent(D("845.92"), [D("796.02"), D("49.91")])


def test_a_real_slip_is_an_error():
    assert not sum_consistent(D("7542.23"), [D("845.92"), D("6694.26")])
    assert not sum_consistent(D("7688.1"), [D("3900.85"), D("3787.55")])
    assert not sum_consistent(D("845.90"), [D("796.02"), D("49.91")])


def test_restated_figure_must_match_at_the_shared_precision():
    assert same_figure(D("3237.8"), D("3237.75"))
    assert not same_figure(D("3237.74"), D("3237.75"))
    assert same_figure(D("0.03"), D("0.0272").quantize(D("0.01")))


def test_quantities_with_units_compare_across_money_units():
    a, b = parse_quantity("9.22亿元"), parse_quantity("92200万元")
    assert b.in_unit_of(a) == D("9.22")
    assert parse_quantity("179座").in_unit_of(parse_quantity("179个")) == 179
    assert parse_quantity("10%").in_unit_of(parse_quantity("10亿元")) is None


def test_a_figure_in_a_finer_unit_restates_a_table_figure_to_the_table_s_precision():
    """529.07万元 converted to 元 is known to the hundred (5.2907E+6): "5290651.30元" restates it, "5290851.30元" does not."""
    from decimal import Decimal

    from generator.core.numbers import same_figure
    in_yuan = Decimal("529.07") / Decimal("0.0001")
    assert same_figure(Decimal("5290651.30"), in_yuan) and same_figure(Decimal("5290700"), in_yuan)
    assert not same_figure(Decimal("5290851.30"), in_yuan) and not same_figure(Decimal("5290600"), in_yuan)
    assert same_figure(Decimal("12.3"), Decimal("12.34")) and not same_figure(Decimal("12.4"), Decimal("12.34"))


def test_transposed_is_two_digits_swapped_in_a_figure_of_three_digits_or_more():
    from generator.core.numbers import transposed
    assert transposed(D("99946"), D("99496"))
    assert transposed(D("76.4"), D("74.6"))
    assert not transposed(D("21"), D("12"))              # two digits: chance, not a slip
    assert not transposed(D("598.46"), D("598.47"))
    assert not transposed(D("598.46"), D("589.64"))      # two swaps
    assert not transposed(D("14.1"), D("11.45"))         # the sum finer than the head as written
