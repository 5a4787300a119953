"""What Go further says about its sampled profiles: each function checks the page's sentences
about one profile and returns the figures they quote (none where the profiler did not run)."""
from .checks import claim
from .sampling import Refused, parse_speeds


def flame_figures(run, script_text):
    """py-spy's flame graph of sum_nexts_original.py, and the script's own text."""
    if isinstance(run, Refused):
        return {}
    graph = run.graph
    in_sum_nexts = graph.named("sum_nexts")
    widest = max(in_sum_nexts, key=lambda box: box.samples)
    line = int(widest.place.rsplit(":", 1)[1])
    text = script_text.splitlines()[line - 1].strip()
    claim(graph.share(in_sum_nexts) > 90, "nearly every sample is inside sum_nexts",
          share=graph.share(in_sum_nexts))
    claim(text.startswith(("for j", "sums[i]", "if len(sums)")),
          "the widest box of sum_nexts is a line of its inner loop", line=line, text=text)
    return {"spy_samples": graph.total, "spy_sum_nexts_share": graph.share(in_sum_nexts),
            "spy_lines": len(in_sum_nexts), "spy_widest_line": line, "spy_widest_text": text,
            "spy_widest_share": graph.share([widest])}


def tree_figures(run):
    """pyinstrument's call tree of sum_nexts_original.py."""
    if not hasattr(run, "tree"):  # shown, not run: pyinstrument does not install here
        return {}
    root, by_name = run.tree[0], {line.function: line for line in run.tree}
    claim(by_name["sum_nexts"].seconds > 0.9 * root.seconds and "len" in by_name,
          "pyinstrument finds nearly all the time in sum_nexts, with len named under it",
          tree=run.tree)
    return {"tree_total": root.seconds, "tree_sum_nexts": by_name["sum_nexts"].seconds,
            "tree_len": by_name["len"].seconds}


def temperature_figures(run):
    """Exercise 4: py-spy's flame graph of exercise_daily_temperatures.py, by function."""
    if isinstance(run, Refused):
        return {}
    graph = run.graph
    in_parse = [call for box in graph.named("parse") for call in graph.called_by(box)]
    strptime = graph.share([call for call in in_parse if call.place.startswith("_strptime.py")])
    statistics = graph.share([box for box in graph.boxes if box.place.startswith("statistics.py")])
    make_log = graph.share(graph.named("make_log"))
    claim(strptime > max(40, make_log), "parsing the timestamps takes the largest share",
          strptime=strptime, make_log=make_log)
    claim(statistics < 5, "the means and medians take a few percent at most",
          statistics=statistics)
    speed = parse_speeds()
    claim(speed["strptime"] > 5 * speed["fromisoformat"],
          "fromisoformat parses these timestamps many times faster than strptime", speed=speed)
    return {"ex4_strptime_share": strptime, "ex4_make_log_share": make_log,
            "ex4_statistics_share": statistics,
            "ex4_fromisoformat_x": speed["strptime"] / speed["fromisoformat"]}
