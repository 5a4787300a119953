"""What each profiler costs (measure_profilers.py's JSON): the figures the prose quotes and the
claims it makes about them."""
import json

from .claims import claim_above, claim_below
from .commands import CommandError
from .precision import ratio_spread, supported
from .record import NOT_MEASURED
from .sampling import pinned_for_this_python, refused

COST_N = 3000  # kernprof takes ~25 s a run at the lesson's n = 10000, ~3 s here
SAMPLING_BOUND = 1.5  # py-spy's run may take at most this many times the plain run's
TRACING_FLOOR = 1.5  # ... and a profiler told of every call at least this many times


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
                 "kernprof_x": self.times_text("kernprof -l"),
                 "tracing_floor": TRACING_FLOOR}
        # Where a profiler did not run, its figures are NOT_MEASURED: the prose quoting
        # them sits in an {only} block that such a build leaves out, but is still parsed.
        found |= {"spy_x": NOT_MEASURED, "pyinstrument_x": NOT_MEASURED,
                  "sampling_bound_percent": 100 * (SAMPLING_BOUND - 1)}
        if "py-spy" in x:
            claim_below(x["py-spy"], SAMPLING_BOUND,
                        f"py-spy makes the run less than {SAMPLING_BOUND} times as long", times=x)
            claim_below(max(x["py-spy"] - 1, 0), (min(x["cProfile"], x["kernprof -l"]) - 1) / 4,
                        "py-spy adds a small fraction of what the deterministic profilers add",
                        times=x)
            found["spy_x"] = self.times_text("py-spy")
        if "pyinstrument" in x:
            claim_above(x["pyinstrument"], TRACING_FLOOR,
                        "pyinstrument costs this call-heavy program as much as a deterministic"
                        " profiler", times=x)
            found["pyinstrument_x"] = self.times_text("pyinstrument")
        return found
