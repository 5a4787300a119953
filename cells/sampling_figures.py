"""What Go further says about its sampled profiles: each function checks the page's sentences
about one profile and returns the figures they quote.

Where the profiler did not run (py-spy refused, pyinstrument not installed), the same figures
come back as NOT_MEASURED: the prose quoting them sits in an {only} block that such a
build leaves out, but Sphinx still parses it, and a missing figure would fail the build."""
import re

from .claims import claim, claim_above, claim_below, claim_slower
from .precision import ratio_spread, share_spread, supported
from .record import NOT_MEASURED
from .sampling import Refused

FLAME = ["spy_samples", "spy_sum_nexts_share", "spy_lines", "spy_widest_line",
         "spy_widest_text", "spy_widest_share"]
TREE = ["tree_total", "tree_sum_nexts", "tree_len"]
TEMPERATURES = ["ex5_strptime_share", "ex5_make_log_share", "ex5_statistics_share",
                "ex5_fromisoformat_x"]
TACHYON = ["tachyon_samples", "tachyon_rate", "tachyon_error", "tachyon_default_rate",
           "tachyon_rate_ratio"]


def share_text(graph, boxes):
    """A share of the samples, as a percentage to the digits that many samples support."""
    share = graph.share(boxes)
    return supported(share, share_spread(share / 100, graph.total))


def flame_figures(run, script_text):
    """py-spy's flame graph of sum_nexts_original.py, and the script's own text."""
    if isinstance(run, Refused):
        return dict.fromkeys(FLAME, NOT_MEASURED) | {"spy_widest_text": ""}
    graph = run.graph
    in_sum_nexts = graph.named("sum_nexts")
    claim_below(100 - graph.share(in_sum_nexts), 10, "nearly every sample is inside sum_nexts:"
                " less than a tenth outside it", boxes=graph.boxes)
    widest = max(in_sum_nexts, key=lambda box: box.samples)
    line = int(widest.place.rsplit(":", 1)[1])
    text = script_text.splitlines()[line - 1].strip()
    claim(text.startswith(("for j", "sums[i]", "if len(sums)")),
          "the widest box of sum_nexts is a line of its inner loop", line=line, text=text)
    return dict(zip(FLAME, [graph.total, share_text(graph, in_sum_nexts), len(in_sum_nexts), line,
                            text, share_text(graph, [widest])]))


def tree_figures(run):
    """pyinstrument's call tree of sum_nexts_original.py."""
    if not hasattr(run, "tree"):  # shown, not run: pyinstrument does not install here
        return dict.fromkeys(TREE, NOT_MEASURED)
    by_name = {line.function: line for line in run.tree}
    claim({"<module>", "sum_nexts", "len"} <= set(by_name),
          "pyinstrument names sum_nexts, with len under it", tree=run.tree)
    claim_below(1 - by_name["sum_nexts"].seconds / run.tree[0].seconds, 0.1,
                "pyinstrument finds nearly all the time in sum_nexts: less than a tenth outside it",
                tree=run.tree)
    return dict(zip(TREE, [run.tree[0].seconds, by_name["sum_nexts"].seconds,
                           by_name["len"].seconds]))


def temperature_figures(run):
    """Exercise 5: py-spy's flame graph of exercise_daily_temperatures.py, by function, and the
    two ways to read its timestamps, timed in turns."""
    if isinstance(run, Refused):
        return dict.fromkeys(TEMPERATURES, NOT_MEASURED)
    graph = run.graph
    in_parse = [call for box in graph.named("parse") for call in graph.called_by(box)]
    strptime = [call for call in in_parse if call in graph.in_file("_strptime.py")]
    statistics = graph.in_file("statistics.py")
    make_log = graph.named("make_log")
    claim_above(graph.share(strptime), max(40, graph.share(make_log)),
                "parsing the timestamps takes the largest share",
                make_log=graph.share(make_log), boxes=graph.boxes)
    # A share of about a hundred samples: 5% was within the sampling noise (it failed once on
    # 3.15); a tenth is well beyond it.
    claim_below(graph.share(statistics), 10,
                "the means and medians take less than a tenth of the samples")
    return dict(zip(TEMPERATURES, [share_text(graph, strptime), share_text(graph, make_log),
                                   share_text(graph, statistics), fromisoformat_speed()]))


def fromisoformat_speed():
    """How many times as fast fromisoformat reads the exercise's timestamps as strptime: the
    two timed in turns, the ratio of their medians quoted to the digits their spread supports."""
    speed = parse_speeds()
    claim_slower(speed["strptime"], speed["fromisoformat"],
                 "fromisoformat parses these timestamps many times faster than strptime", by=5)
    claim_slower(speed["strptime"], speed["fromisoformat"],
                 "fromisoformat's slowest run is faster than strptime's fastest")
    ratio = speed["strptime"]["median"] / speed["fromisoformat"]["median"]
    return supported(ratio, ratio_spread(speed["strptime"], speed["fromisoformat"]))


def parse_speeds(stamp="2026-01-01 00:00:00", number=20000, rounds=7):
    """Seconds per call of the two ways to read the exercise's timestamps, each timed `rounds`
    times in turns (a batch of `number` calls a run): {"strptime": {median, min, max}, ...}."""
    import datetime
    import statistics
    import timeit

    ways = {"strptime": lambda: datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S"),
            "fromisoformat": lambda: datetime.datetime.fromisoformat(stamp)}
    runs = {name: [] for name in ways}
    for _ in range(rounds):
        for name, way in ways.items():
            runs[name].append(timeit.timeit(way, number=number) / number)
    return {name: {"median": statistics.median(times), "min": min(times), "max": max(times)}
            for name, times in runs.items()}


def tachyon_figures(run, lesson, py_spy_samples):
    """What Python 3.15's profiling.sampling printed (`Captured N samples in T seconds`,
    `Sample rate: R samples/sec`, `Error rate: E`) and its default rate, beside py-spy's samples
    of the same run (a number, or NOT_MEASURED where py-spy was refused). NOT_MEASURED where
    this Python has no profiling.sampling: the command was shown, not run."""
    from .sampling import py_spy_rate, tachyon_rate
    if not hasattr(run, "returncode"):  # shown, not run
        return dict.fromkeys(TACHYON, NOT_MEASURED)
    samples = re.search(r"^Captured ([\d,]+) samples", run.output, re.MULTILINE)
    rate = re.search(r"^Sample rate: ([\d.,]+) samples/sec", run.output, re.MULTILINE)
    error = re.search(r"^Error rate: ([\d.]+)%?$", run.output, re.MULTILINE)
    if not (samples and rate and error):
        raise ValueError(f"profiling.sampling's summary has changed:\n{run.output}")
    samples = int(samples[1].replace(",", ""))
    default = tachyon_rate(lesson)
    ratio = default / py_spy_rate(lesson)
    if py_spy_samples == py_spy_samples:  # not NaN: py-spy ran
        claim_above(samples / py_spy_samples, ratio / 3,
                    "Tachyon, at its default rate, takes many more samples of the run than py-spy",
                    tachyon=samples, py_spy=py_spy_samples)
    return dict(zip(TACHYON, [samples, float(rate[1].replace(",", "")), error[1], default, ratio]))
