"""Figures quoted to the precision their spread supports, and bounds rounded away from what
they bound (executable_lesson/kernel/precision.py)."""
import math

import pytest

from executable_lesson.kernel.precision import (
    at_least,
    at_most,
    digits_supported,
    ratio_spread,
    relative_spread,
    share_spread,
    supported,
)


@pytest.mark.parametrize("value, relative, shown", [
    (87737, 0.08, "88,000"),  # ±8%: the second digit is already uncertain
    (87737, 0.008, "87,700"),
    (3.2418, 0.05, "3.2"),
    (3.0, 0.05, "3.0"),  # a significant zero stays
    (1.0234, 0.01, "1.02"),
    (10500, 0.08, "10,500"),  # uncertain by 840: the hundreds are the first uncertain digit
    (0.000123456, 0.02, "1.23e-4"),
    (12345678, 0.001, "1.235e+7"),
    (97.6, 0.5, "100"),  # an uncertainty as large as the figure keeps one digit
    (42.0, math.inf, "40"),
])
def test_a_figure_keeps_the_digits_its_spread_supports(value, relative, shown):
    assert supported(value, relative) == shown


def test_an_exact_figure_keeps_its_own_digits_and_no_more():
    assert supported(5, 0) == "5" and supported(80048, 0) == "80,048" and supported(5.25, 0) == "5.25"
    assert digits_supported(1.23456789, 0) == 6


@pytest.mark.parametrize("value, digits, shown", [
    (1.24e-15, 2, "1.3e-15"),  # rounded up: "at most 1.2e-15" would be below the value
    (1.3e-15, 2, "1.3e-15"),  # already there: not pushed further
    (87737, 2, "88,000"),
    (9.99, 2, "10"),  # past a power of ten, still two digits
    (0.0999, 1, "0.1"),
    (0.5, 2, "0.50"),
])
def test_an_upper_bound_is_never_below_its_value(value, digits, shown):
    assert at_most(value, digits) == shown
    assert float(shown.replace(",", "")) >= value


@pytest.mark.parametrize("value, digits, shown", [
    (643.9, 2, "640"), (87737, 2, "87,000"), (1.24e-15, 2, "1.2e-15"), (0.0101, 2, "0.010"),
])
def test_a_lower_bound_is_never_above_its_value(value, digits, shown):
    assert at_least(value, digits) == shown
    assert float(shown.replace(",", "")) <= value


def test_bounds_hold_over_many_values():
    for exponent in range(-16, 8):
        for mantissa in (1.0, 1.01, 1.249, 2.5, 9.949, 9.999):
            value = mantissa * 10.0 ** exponent
            assert float(at_most(value).replace(",", "")) >= value
            assert float(at_least(value).replace(",", "")) <= value


def test_spreads_of_measurements_ratios_and_shares():
    assert relative_spread({"median": 2.0, "min": 1.9, "max": 2.3}) == pytest.approx(0.15)
    slow = {"median": 2.0, "min": 1.9, "max": 2.1}
    fast = {"median": 1.0, "min": 0.95, "max": 1.05}
    # widest: 2.1 / 0.95 against 2.0 / 1.0
    assert ratio_spread(slow, fast) == pytest.approx(2.1 / 0.95 / 2 - 1)
    assert ratio_spread(fast, fast) == pytest.approx(1.05 / 0.95 - 1)
    assert share_spread(0.5, 100) == pytest.approx(0.1)
    assert share_spread(0, 100) == math.inf and share_spread(1, 100) == 0
    with pytest.raises(ValueError):
        share_spread(50, 100)  # a percentage, not a fraction
    with pytest.raises(ValueError):
        relative_spread({"median": 0, "min": 0, "max": 0})


def test_nothing_unquotable_is_quoted():
    with pytest.raises(ValueError):
        supported(math.nan, 0.1)
    with pytest.raises(ValueError):
        at_most(math.inf)
