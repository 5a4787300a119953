"""What Go further says about its sampled profiles: each function checks the page's sentences
about one profile and returns the figures they quote.

Where the profiler did not run (py-spy refused, pyinstrument not installed), the same figures
come back as NOT_MEASURED: the prose quoting them sits in an {only} block that such a
build leaves out, but Sphinx still parses it, and a missing figure would fail the build."""
from .claims import claim, claim_above, claim_below
from .record import NOT_MEASURED
from .sampling import Refused

FLAME = ["spy_samples", "spy_sum_nexts_share", "spy_lines", "spy_widest_line",
         "spy_widest_text", "spy_widest_share"]
TREE = ["tree_total", "tree_sum_nexts", "tree_len"]
TEMPERATURES = ["ex5_strptime_share", "ex5_make_log_share", "ex5_statistics_share",
                "ex5_fromisoformat_x"]


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
    return dict(zip(FLAME, [graph.total, graph.share(in_sum_nexts), len(in_sum_nexts), line, text,
                            graph.share([widest])]))


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
    """Exercise 5: py-spy's flame graph of exercise_daily_temperatures.py, by function."""
    if isinstance(run, Refused):
        return dict.fromkeys(TEMPERATURES, NOT_MEASURED)
    graph = run.graph
    in_parse = [call for box in graph.named("parse") for call in graph.called_by(box)]
    strptime = graph.share([call for call in in_parse if call in graph.in_file("_strptime.py")])
    statistics = graph.share(graph.in_file("statistics.py"))
    make_log = graph.share(graph.named("make_log"))
    claim_above(strptime, max(40, make_log), "parsing the timestamps takes the largest share",
                make_log=make_log, boxes=graph.boxes)
    # A share of about 200 samples: 5% was within the sampling noise of 3.7% (it failed once on
    # 3.15); a tenth is well beyond it.
    claim_below(statistics, 10, "the means and medians take less than a tenth of the samples")
    speed = parse_speeds()
    claim_above(speed["strptime"] / speed["fromisoformat"], 5,
                "fromisoformat parses these timestamps many times faster than strptime",
                speed=speed)
    return dict(zip(TEMPERATURES, [strptime, make_log, statistics,
                                   speed["strptime"] / speed["fromisoformat"]]))


def parse_speeds(stamp="2026-01-01 00:00:00", number=20000):
    """Seconds per call of the two ways to read the exercise's timestamps (best of 5)."""
    import datetime
    import timeit

    ways = {"strptime": lambda: datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S"),
            "fromisoformat": lambda: datetime.datetime.fromisoformat(stamp)}
    return {name: min(timeit.repeat(way, number=number, repeat=5)) / number
            for name, way in ways.items()}
