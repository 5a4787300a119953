"""Go further: what its cells measure and the claims its prose makes about them.

- What each profiler costs (measure_profilers.py's JSON).
- Memory (measure_memory.py's JSON).
- The sampled profiles of py-spy and pyinstrument (Tachyon's are in tachyon.py): each function
  checks the page's sentences about one profile and returns the figures they quote. Where the
  profiler did not run (py-spy refused, pyinstrument not installed), the same figures come back
  as NOT_MEASURED: the prose quoting them sits in an {only} block that such a build leaves out,
  but Sphinx still parses it, and a missing figure would fail the build.
"""
import json
import re
import sys

from executable_lesson.kernel.claims import claim, claim_above, claim_below, claim_between, claim_slower
from executable_lesson.kernel.commands import CommandError
from executable_lesson.kernel.precision import ratio_spread, share_spread, supported
from executable_lesson.kernel.record import NOT_MEASURED
from finding_bottlenecks.learner_profilers import pinned_for_this_python
from finding_bottlenecks.lesson_modules import VERSIONS, load
from finding_bottlenecks.lesson_modules import measure_variants as mv
from finding_bottlenecks.sampling import Refused, refused
from finding_bottlenecks.versions import short

# -- What each profiler costs -----------------------------------------------------------------

COST_N = 3000  # kernprof takes ~25 s a run at the lesson's n = 10000, ~3 s here
SAMPLING_BOUND = 1.5  # py-spy's run may take at most this many times the plain run's
TRACING_FLOOR = 2.5  # ... and a profiler told of every call at least this many times (4 to 10 here)


def measure_costs(lesson, n=COST_N):
    """`python measure_profilers.py n --json cost.json`, leaving out only what cannot run here
    (py-spy where the machine forbids it, pyinstrument where it does not install)."""
    left_out = [name for name, gone in (("py-spy", refused()),
                                        ("pyinstrument", not pinned_for_this_python("pyinstrument")))
                if gone]
    command = " ".join(["python measure_profilers.py", str(n), "--json cost.json",
                        *(f"--without {name}" for name in left_out)])
    run = lesson.run(command)
    run.costs = ProfilerCosts(json.loads(lesson.file("cost.json").read_text(encoding="utf-8")))
    expected = {"plain", "cProfile", "kernprof -l", "py-spy", "pyinstrument"} - set(left_out)
    if sys.version_info >= (3, 15):  # Python's own sampling profiler
        expected.add("Tachyon")
    if set(run.costs.times) != expected:
        raise CommandError(f"measure_profilers.py measured {sorted(run.costs.times)}, not"
                           f" {sorted(expected)}:\n{run.output}")
    return run


class ProfilerCosts:
    def __init__(self, data):
        self.data = data
        self.times = {row["way"]: row["times_plain"] for row in data["rows"]}  # x plain, medians
        self.rows = {row["way"]: row for row in data["rows"]}

    def times_text(self, way):
        """How many times as long as the plain run, to the digits the runs' spread supports."""
        return supported(self.times[way], ratio_spread(self.rows[way], self.rows["plain"]))

    def figures(self):
        """The figures of the prose, once its sentences about them are checked."""
        x = self.times
        claim_above(min(x["cProfile"], x["kernprof -l"]), TRACING_FLOOR,
                    f"the deterministic profilers make the run more than {TRACING_FLOOR} times as"
                    " long", times=x)
        found = {"cost_n": self.data["n"], "cost_repeats": self.data["repeats"],
                 "cprofile_x": self.times_text("cProfile"),
                 "kernprof_x": self.times_text("kernprof -l")}
        # Where a profiler did not run, its figures are NOT_MEASURED: the prose quoting
        # them sits in an {only} block that such a build leaves out, but is still parsed.
        found |= {"spy_x": NOT_MEASURED, "pyinstrument_x": NOT_MEASURED, "tachyon_x": NOT_MEASURED}
        if "py-spy" in x:
            claim_below(x["py-spy"], SAMPLING_BOUND,
                        f"py-spy makes the run less than {SAMPLING_BOUND} times as long", times=x)
            claim_below(max(x["py-spy"] - 1, 0), (min(x["cProfile"], x["kernprof -l"]) - 1) / 4,
                        "py-spy adds a small fraction of what the deterministic profilers add",
                        times=x)
            found["spy_x"] = self.times_text("py-spy")
        if "Tachyon" in x:  # beyond the spread: its slowest run against the others' fastest
            plain = self.rows["plain"]
            added = max(self.rows["Tachyon"]["max"] / plain["min"] - 1, 0)
            least = min(self.rows[way]["min"] for way in ("cProfile", "kernprof -l")) / plain["max"] - 1
            claim_below(added, least / 2, "Tachyon adds much less than the deterministic profilers"
                        " add, its slowest run against their fastest", times=x)
            found["tachyon_x"] = self.times_text("Tachyon")
        if "pyinstrument" in x:
            claim_above(x["pyinstrument"], TRACING_FLOOR,
                        f"pyinstrument makes this call-heavy program's run more than {TRACING_FLOOR}"
                        " times as long, as the deterministic profilers do", times=x)
            claim_between(x["pyinstrument"] / x["cProfile"], 0.5, 2,
                          "pyinstrument costs this call-heavy program about as much as cProfile:"
                          " between half and twice", times=x)
            found["pyinstrument_x"] = self.times_text("pyinstrument")
        return found


# -- Memory -----------------------------------------------------------------------------------

_script = load("measure_memory")  # its table's formats, for the prose

MEMORY_N = 3000  # tracemalloc follows every allocation: the double loops take ~40 s at 10000
LIST_VERSIONS = [version.short for version in VERSIONS if version.data == "list"]
ARRAY_VERSIONS = [version.short for version in VERSIONS if version.data == "array"]


def measure_memory(lesson, effects_n, n=MEMORY_N):
    """`python measure_memory.py n --effects-n effects_n --json memory.json`: the table for n,
    and the three operations behind it measured at effects_n."""
    run = lesson.run(f"python measure_memory.py {n} --effects-n {effects_n} --json memory.json")
    run.memory = MemoryUse(json.loads(lesson.file("memory.json").read_text(encoding="utf-8")))
    return run


def size(value):
    """Bytes as measure_memory.py's table prints them: "80.1 kB"."""
    return _script.size(value)


def per_number(value, n):
    """Bytes a number, as the table prints them: "32.0 B"."""
    return _script.per_number(value, n)


class MemoryUse:
    def __init__(self, data):
        self.n, self.effects, self.resident = data["n"], data["effects"], data["resident"]
        self.rows = {short(row["script"]): row for row in data["versions"]}
        self.extra = {name: row["peak"] - row["result"] for name, row in self.rows.items()}

    def per_number(self, step):
        return self.rows[step]["result"] / self.n

    def figures(self):
        """The figures of the prose, once its sentences about them are checked. Each is the
        table's own, formatted as the table prints it, so that the prose adds up with it."""
        e, n, big = self.effects, self.n, self.effects["n"]
        for step in LIST_VERSIONS:
            claim_between(self.per_number(step), 28, 40,  # about 32, and a list's spare room
                          f"{step}'s list of floats takes about 32 bytes a number")
        for step in ARRAY_VERSIONS:  # byte counts are exact: facts, not measurements with a spread
            claim(8 <= self.per_number(step) < 9, f"{step}'s array takes 8 bytes a number",
                  per_number=self.per_number(step))
        float_and_pointer = e["float_size"] + e["pointer_size"]
        # byte counts are exact: all the floats and pointers are there (the free lists were
        # emptied first), and little else beside them
        floats_and_pointers = n * float_and_pointer
        preallocated = self.rows["preallocated"]["result"]
        claim(preallocated >= floats_and_pointers, "the preallocated list's result holds a float"
              " and a pointer for each number", result=preallocated, floats=floats_and_pointers)
        claim_below(preallocated - floats_and_pointers, 0.02 * floats_and_pointers,
                    "the preallocated list's result holds little beside its floats and pointers")
        claim(self.rows["original"]["result"] > self.rows["preallocated"]["result"],
              "the original's list, grown by append, takes more than the preallocated one",
              rows=self.rows)
        ratio = self.rows["original"]["result"] / self.rows["numpy_sum"]["result"]
        # quoted as "about k", k the nearest whole number: exact byte counts, no spread to respect
        claim_between(ratio, 3, 5, "a list of floats takes several times the memory of an array")
        claim(e["copy_is_new"], "slicing a list makes a new list", effects=e)
        claim(e["list_slice"] >= 8 * (big - 1), "slicing a list copies a pointer for each element",
              list_slice=e["list_slice"], elements=big - 1)
        claim(e["slice_is_a_view"], "slicing an array makes a view", effects=e)
        claim_below(e["array_slice"], 1000, "an array's slice is small, whatever its length")
        new_per_element = (e["list_of_scalars"] - e["list_of_floats"]) / big
        claim(e["scalar_type"] == "float64", "going through an array gives numpy.float64 objects",
              effects=e)
        claim(new_per_element >= 24,
              "going through an array makes a new object of 24 bytes or more per element",
              new_per_element=new_per_element)
        claim(self.extra["reverse_cumsum"] >= 8 * (n - 1),
              "the reverse cumulative sum holds one temporary array beside its result",
              extra=self.extra["reverse_cumsum"], n=n)
        claim_below(max(self.extra["slice_sum"], self.extra["numpy_builtin_sum"]), 8 * n,
                    "the slices and scalars are freed as they go, never a whole array's worth at"
                    " once", extra=self.extra)
        per = {step: per_number(self.rows[step]["result"], n) for step in self.rows}
        return {**self.resident_figures(ratio, float_and_pointer),
                "memory_n": n, "memory_ratio": round(ratio), "array_itemsize": e["itemsize"],
                "float_size": e["float_size"],
                "pointer_size": e["pointer_size"], "float_and_pointer": float_and_pointer,
                "preallocated_per_number": per["preallocated"],
                "original_per_number": per["original"], "array_per_number": per["numpy_sum"],
                "list_slice_size": size(e["list_slice"]),
                "array_slice_size": size(e["array_slice"]),
                "scalars_size": size(e["list_of_scalars"]), "floats_size": size(e["list_of_floats"]),
                "scalars_extra_size": size(e["list_of_scalars"] - e["list_of_floats"]),
                "scalar_bytes": round(new_per_element),
                "cumsum_peak_per_number": per_number(self.rows["reverse_cumsum"]["peak"], n),
                "cumsum_result_per_number": per["reverse_cumsum"]}


    def resident_figures(self, traced_ratio, float_and_pointer):
        """What the process held: more than tracemalloc counts for a list (each float's 24 bytes
        take a larger pymalloc block), and so a larger ratio to an array."""
        if self.resident is None:  # a system that does not say: the page's block is left out
            return {"resident_measured": False, "resident_list": NOT_MEASURED,
                    "pymalloc_alignment": _script.PYMALLOC_ALIGNMENT, "float_block": NOT_MEASURED,
                    "resident_array": NOT_MEASURED, "resident_ratio": NOT_MEASURED,
                    "resident_n": _script.RESIDENT_N}
        held = self.resident
        claim_above(held["list"], float_and_pointer, "a list of floats holds more resident"
                    " memory a number than the float and pointer sizes tracemalloc counts",
                    resident=held)
        claim(held["array"] >= self.effects["itemsize"], "an array holds at least its numbers'"
              " bytes in resident memory", resident=held, itemsize=self.effects["itemsize"])
        claim_above(held["list"] / held["array"], traced_ratio, "in resident memory a list of"
                    " floats costs more times an array than tracemalloc counts", resident=held)
        return {"resident_measured": True, "resident_list": held["list"],
                "pymalloc_alignment": _script.PYMALLOC_ALIGNMENT,
                "float_block": -(-self.effects["float_size"] // _script.PYMALLOC_ALIGNMENT)
                * _script.PYMALLOC_ALIGNMENT,
                "resident_array": held["array"], "resident_ratio": held["list"] / held["array"],
                "resident_n": _script.RESIDENT_N}


# -- The sampled profiles ---------------------------------------------------------------------

FLAME = ["spy_samples", "spy_graph_samples", "spy_sum_nexts_share", "spy_lines", "spy_widest_line",
         "spy_widest_text", "spy_widest_share"]
TREE = ["tree_total", "tree_sum_nexts", "tree_len"]
TEMPERATURES = ["ex5_strptime_share", "ex5_make_log_share", "ex5_statistics_share",
                "ex5_fromisoformat_x"]


def share_text(graph, boxes):
    """A share of the samples, as a percentage to the digits that many samples support."""
    share = graph.share(boxes)
    return supported(share, share_spread(share / 100, graph.total))


def samples_said(run):
    """The count py-spy printed beside its picture, once its graph is seen to hold no more than
    that (a sample that found no Python code running is counted, but not drawn)."""
    said = re.search(r"Samples: (\d+)", run.output)
    if not said:
        raise ValueError(f"py-spy's last line has changed:\n{run.output}")
    said = int(said[1])
    claim(0 < run.graph.total <= said, "py-spy's flame graph holds no more samples than it says it"
          " took", graph=run.graph.total, said=said)
    return said


def flame_figures(run, script_text):
    """py-spy's flame graph of sum_nexts_original.py, and the script's own text."""
    if isinstance(run, Refused):
        return dict.fromkeys(FLAME, NOT_MEASURED) | {"spy_widest_text": ""}
    graph = run.graph
    said = samples_said(run)
    in_sum_nexts = graph.named("sum_nexts")
    claim_below(100 - graph.share(in_sum_nexts), 10, "nearly every sample is inside sum_nexts:"
                " less than a tenth outside it", boxes=graph.boxes)
    widest = max(in_sum_nexts, key=lambda box: box.samples)
    line = int(widest.place.rsplit(":", 1)[1])
    text = script_text.splitlines()[line - 1].strip()
    claim(text.startswith(("for j", "sums[i]", "if len(sums)")),
          "the widest box of sum_nexts is a line of its inner loop", line=line, text=text)
    return dict(zip(FLAME, [said, graph.total, share_text(graph, in_sum_nexts), len(in_sum_nexts), line,
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
    samples_said(run)
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


# -- How the time grows with n ---------------------------------------------------------------

class Scaling:
    """`measure_variants.py --scaling --json FILE`: time per call over doubling n."""

    def __init__(self, data):
        self.points = data["scaling"]
        self.slopes = {script: mv.fitted_slope(points) for script, points in self.points.items()}
        self.errors = {script: mv.slope_error(points) for script, points in self.points.items()}

    def check_claims(self):
        """Each version's fitted slope where its description puts it: "about 2" (quadratic) or
        "about 1" (linear), nearer that than the exponents either side of it, or its own range."""
        for version in VERSIONS:
            low, high = version.slope_range
            said = {(1.5, 2.5): "of about 2", (0.5, 1.5): "of about 1"}.get(
                (low, high), f"between {low:g} and {high:g}")
            claim_between(self.slopes[version.script], low, high,
                          f"{version.short} grows with a slope {said}",
                          standard_error=self.errors[version.script])

    def figures(self):
        return {
            "scaling_start": mv.SCALING_START, "scaling_second": 2 * mv.SCALING_START,
            "scaling_third": 4 * mv.SCALING_START, "scaling_max_call": mv.SCALING_MAX_CALL,
            "slope_points": mv.SLOPE_POINTS,
            **{f"slope_{short(s)}": slope for s, slope in self.slopes.items()},
            **{f"slope_error_{short(s)}": error for s, error in self.errors.items()},
            "slope_error_quadratic": max(self.errors[v.script] for v in VERSIONS
                                         if v.growth == "quadratic" and not v.slope),
            "doubling_slice_sum": 2 ** self.slopes["sum_nexts_slice_sum.py"],  # exercise 3
            "largest_n_numpy_sum": self.points["sum_nexts_numpy_sum.py"][-1]["n"],
            "largest_n_reverse_cumsum": self.points["sum_nexts_reverse_cumsum.py"][-1]["n"],
            "scaling_max_n": mv.SCALING_MAX_N,
            "cumsum_largest_mb": 8 * self.points["sum_nexts_reverse_cumsum.py"][-1]["n"] / 1e6,
            "cumsum_last_doubling": self.last_doubling("sum_nexts_reverse_cumsum.py"),
            "cumsum_capped": self.stopped_by_the_cap("sum_nexts_reverse_cumsum.py"),
            "cumsum_steeper_at_the_end": self.steeper_at_the_end("sum_nexts_reverse_cumsum.py"),
        }

    def steeper_at_the_end(self, script):
        """Its last doubling of n more than doubled its time, beyond the spread: every run at
        the largest n took more than twice the slowest run at the n before."""
        before, last = self.points[script][-2:]
        return last["min"] > 2 * before["max"]

    def last_doubling(self, script):
        """How many times as long the largest n took as the one before it."""
        before, last = self.points[script][-2:]
        return last["median"] / before["median"]

    def stopped_by_the_cap(self, script):
        """The series of `script` ended at SCALING_MAX_N, not at a call of SCALING_MAX_CALL."""
        last = self.points[script][-1]
        return last["n"] * 2 > mv.SCALING_MAX_N and last["median"] < mv.SCALING_MAX_CALL
