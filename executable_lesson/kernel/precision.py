"""Figures quoted to the precision their spread supports.

A measured figure is quoted down to its first uncertain digit and no further: a speed-up of
87,737 whose runs spread over ±8% is "88,000", not "87,737". A bound is rounded away from the
value it bounds, so that "at most 1.3e-15" is never below the figure it describes.

- `relative_spread(summary)`: how far a repeated measurement's runs stray from its median
  ({"median", "min", "max"} -> 0.08 for ±8%).
- `ratio_spread(top, bottom)`: the same for the ratio of two repeated measurements.
- `share_spread(share, samples)`: the same for a share of samples (a sampling profiler's).
- `supported(value, relative)`: the figure as text, to the digits its relative spread supports.
- `at_most(value, digits=2)`, `at_least(value, digits=2)`: a bound as text, rounded up or down.

Each returns text, ready to glue: the page shows exactly what the record holds.
"""
import math
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

MAX_DIGITS = 6  # a figure with no measured spread (an exact count) keeps at most this many


def relative_spread(summary):
    """The larger of (max - median) and (median - min), over the median: ±8% is 0.08."""
    median = summary["median"]
    if median <= 0:
        raise ValueError(f"a spread needs a positive median, not {median!r}")
    return max(summary["max"] - median, median - summary["min"]) / median


def ratio_spread(top, bottom):
    """The relative spread of top's median over bottom's, at its widest: top's slowest run over
    bottom's fastest, and top's fastest over bottom's slowest."""
    ratio = top["median"] / bottom["median"]
    return max(top["max"] / bottom["min"] / ratio - 1, 1 - top["min"] / bottom["max"] / ratio)


def share_spread(share, samples):
    """The relative standard error of a share (a fraction, 0 to 1) of `samples` independent
    samples: sqrt((1 - share) / (share samples))."""
    if not 0 <= share <= 1:
        raise ValueError(f"a share is a fraction from 0 to 1, not {share!r}")
    if samples < 1 or share == 0:
        return math.inf
    return math.sqrt((1 - share) / (share * samples))


def digits_supported(value, relative):
    """How many significant digits `value` keeps when it is uncertain by ±relative: down to the
    decimal place of its uncertainty's first digit, and at least one."""
    if value == 0 or relative == 0:  # exact: the digits it has, up to MAX_DIGITS
        return min(MAX_DIGITS, len(Decimal(repr(float(value))).normalize().as_tuple().digits))
    if not math.isfinite(relative):
        return 1
    leading = math.floor(math.log10(abs(value)))
    uncertain = math.floor(math.log10(abs(value) * relative))
    return max(1, min(MAX_DIGITS, leading - uncertain + 1))


def supported(value, relative):
    """`value` as text, to the significant digits a relative spread of ±relative supports:
    supported(87737, 0.08) == "88,000", supported(3.2418, 0.05) == "3.2"."""
    return _text(_rounded(value, digits_supported(value, relative), ROUND_HALF_EVEN))


def at_most(value, digits=2):
    """An upper bound as text, rounded up to `digits` significant digits:
    at_most(1.24e-15) == "1.3e-15", never below the value it bounds."""
    return _text(_rounded(value, digits, ROUND_CEILING))


def at_least(value, digits=2):
    """A lower bound as text, rounded down: at_least(643.9) == "640", never above the value."""
    return _text(_rounded(value, digits, ROUND_FLOOR))


def _rounded(value, digits, rounding):
    if not math.isfinite(value):
        raise ValueError(f"cannot quote {value!r}")
    exact = Decimal(repr(float(value)))  # the shortest decimal that reads back as this value
    if exact == 0:
        return exact
    place = exact.adjusted() - digits + 1  # the power of ten of the last digit kept
    number = exact.quantize(Decimal(1).scaleb(place), rounding=rounding)
    if number.adjusted() > exact.adjusted():  # 9.99 up to 10.0: still `digits` digits, "10"
        number = number.quantize(Decimal(1).scaleb(place + 1))
    return number


def _text(number):
    """Plain digits with thousands separators from 0.001 up to ten million, else scientific."""
    if number == 0:
        return "0"
    if not Decimal("0.001") <= abs(number) < Decimal("1e7"):
        digits = len(number.normalize().as_tuple().digits)
        mantissa = number.scaleb(-number.adjusted())
        sign = "-" if number < 0 else ""
        body = f"{abs(mantissa):.{max(digits - 1, 0)}f}"
        return f"{sign}{body}e{number.adjusted():+03d}".replace("e+0", "e+").replace("e-0", "e-")
    places = max(-number.as_tuple().exponent, 0)
    return f"{number:,.{places}f}"
