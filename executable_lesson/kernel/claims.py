"""The sentences of the pages that the build checks, each recorded with its margin.

A claim about measurements states only what holds beyond their spread, on every supported Python
and a busy machine. Each kind of claim knows the value it tests and the threshold it tests it
against, so the build can say how close each came to failing: its *ratio*, above 1 when the claim
holds (value over threshold for a floor, threshold over value for a ceiling). A claim holding by
less than `lesson_flag_ratio` (conf.py) is flagged in the build report: the next machine may break it.

- `claim(holds, ...)`: an exact fact (a hit count, a line of output); no margin.
- `claim_above(value, floor, ...)`, `claim_below(value, ceiling, ...)`,
  `claim_between(value, low, high, ...)`: a figure against a bound.
- `claim_slower(slow, fast, ...)`: two repeated measurements ({"median", "min", "max"}) called
  ordered: the slower one's fastest run is slower than the faster one's slowest run; or, with
  `by=k`, the medians differ by more than the factor k, which the page states.

Every claim a page makes leaves the kernel inside the executed notebook (kernel/send.py);
the build gathers them when it reads the page, and the build report lists them all, closest to
failing first (build/claims_report.py). A failed claim is handed over too, then raised:
the cell fails and the build with it, naming the page, the cell, the claim, its figures and its
margin.
"""
import math
import numbers

from executable_lesson.kernel.send import send
from executable_lesson.support import build_context


class ClaimError(AssertionError):
    """A sentence of the lesson does not hold on this build's measurements."""


def claim(holds, statement, **figures):
    """An exact fact: true or false, with no margin to speak of."""
    return _check(bool(holds), statement, "exact", None, None, None, figures)


def claim_above(value, floor, statement, **figures):
    """`value` must be greater than `floor` (positive); a value at or below zero has ratio 0."""
    _positive(floor)
    return _check(value > floor, statement, "above", value, floor, max(value, 0) / floor, figures)


def claim_below(value, ceiling, statement, **figures):
    """`value` (zero or more) must be less than `ceiling` (positive); zero holds by any ratio."""
    _positive(ceiling)
    ratio = ceiling / value if value > 0 else math.inf
    return _check(value < ceiling, statement, "below", value, ceiling, ratio, figures)


def claim_between(value, low, high, statement, **figures):
    """low < value < high; the margin is the nearer bound's."""
    _positive(low, high)
    ratio = min(value / low, high / value) if value > 0 else 0.0
    return _check(low < value < high, statement, "between", value, [low, high], ratio, figures)


def claim_slower(slow, fast, statement, by=None, **figures):
    """`slow` took longer than `fast`, beyond their spread (summaries with median, min, max).

    Without `by`: every run of `slow` was slower than every run of `fast` (its fastest against
    the other's slowest). With `by`: the median of `slow` exceeds `by` times the median of
    `fast`, a factor the page states."""
    figures = {"slow": _spread(slow), "fast": _spread(fast), **figures}
    if by is None:
        _positive(fast["max"])
        return _check(slow["min"] > fast["max"], statement, "slower (beyond the spread)",
                      slow["min"], fast["max"], slow["min"] / fast["max"], figures)
    _positive(fast["median"], by)
    value = slow["median"] / fast["median"]
    return _check(value > by, statement, "slower (medians, by a factor)", value, by,
                  value / by, figures)


def _spread(summary):
    return {key: summary[key] for key in ("median", "min", "max")}


def _positive(*thresholds):
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) and v > 0 for v in thresholds):
        raise ValueError(f"a claim's ratio needs positive thresholds, not {thresholds!r}: use claim()")


def _check(holds, statement, kind, value, threshold, ratio, figures):
    entry = {"statement": statement, "kind": kind, "held": holds,
             "value": _plain(value), "threshold": _plain(threshold), "ratio": _plain(ratio),
             "figures": {name: _short(figure) for name, figure in figures.items()}}
    send("claim", claim=entry)
    if not holds:
        raise ClaimError(failure_message(entry))
    return entry


def margin_text(entry):
    """'value 2.31 against 1.5: ratio 1.54', or 'exact' for a fact."""
    if entry["kind"] == "exact":
        return "exact"
    if entry["ratio"] is None:
        return f"value {_g(entry['value'])} against {_g(entry['threshold'])}: ratio unbounded"
    threshold = entry["threshold"]
    shown = (f"{_g(threshold[0])} to {_g(threshold[1])}" if isinstance(threshold, list)
             else _g(threshold))
    return f"value {_g(entry['value'])} against {shown}: ratio {entry['ratio']:.3f}"


def failure_message(entry):
    shown = ", ".join(f"{name} = {value}" for name, value in entry["figures"].items())
    page = entry.get("page") or build_context.get("page")
    where = f"{page}: " if page else ""
    return (f"{where}The lesson claims that {entry['statement']}, but on this build {shown}"
            f" ({margin_text(entry)}).")


def _plain(value):
    if isinstance(value, list):
        return [float(v) for v in value]
    # JSON has no infinity nor nan: an unbounded ratio (a ceiling claim on zero) is null
    return None if value is None or not math.isfinite(value) else float(value)


def _g(value):
    return f"{value:.4g}"


def _short(value, limit=400):
    # A claim's figures go into JSON and a report: numbers stay numbers, the rest is text.
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value if not isinstance(value, str) or len(value) <= limit else value[:limit] + "..."
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict) and all(isinstance(v, numbers.Real) for v in value.values()):
        return {str(k): float(v) if math.isfinite(v) else None for k, v in value.items()}
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."
