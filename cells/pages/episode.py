"""The episode's repeated measurements (measure_variants.py's JSON): the figures the prose quotes,
and the claims it makes about them, read in one place."""
from build_support.lesson_modules import measure_variants as mv
from build_support.lesson_modules import short

from ..checks import expected_verdict
from ..claims import claim, claim_below, claim_between, claim_slower
from ..precision import ratio_spread, supported

QUADRATIC = ["sum_nexts_original.py", "sum_nexts_preallocated.py", "sum_nexts_slice_sum.py",
             "sum_nexts_numpy_builtin_sum.py"]  # pure Python, or Python's sum over each slice
PREALLOCATION_FACTOR = 1.5  # the preallocated loop's median is more than this many times faster
SLICE_SUM_FACTOR = 2  # slice-and-sum's median is more than this many times faster than the loop's
LINEAR_FACTOR = 10  # ... and the linear algorithm's than numpy's .sum() per slice


class Timings:
    """`measure_variants.py --n N --json FILE`: each version's function, timed alone."""

    def __init__(self, data):
        self.data = data
        self.rows = {row["script"]: row for row in data["variants"]}
        self.f = {short(script): row["median"] for script, row in self.rows.items()}

    def check_claims(self, t_numpy_sum):
        """Correct first, then the sentences about speed, on these repeated measurements: an
        order only where the spreads do not overlap, a factor only where the page states it."""
        f, row = self.f, {short(script): r for script, r in self.rows.items()}
        checks = {script: r["check"] for script, r in self.rows.items()}
        claim(all(checks[s] == expected_verdict(s) for s in mv.VARIANTS),
              "every version but the original agrees with the reference, and the original lacks"
              " one sum", checks=checks)
        claim_below(f["numpy_sum"], t_numpy_sum / 5,
                    "sum_nexts takes under a fifth of step 4's whole run; start-up most of it",
                    function=f["numpy_sum"], whole_process=t_numpy_sum)
        claim_slower(row["original"], row["preallocated"],
                     f"preallocation makes the function more than {PREALLOCATION_FACTOR} times as"
                     " fast", by=PREALLOCATION_FACTOR)
        claim_slower(row["preallocated"], row["slice_sum"],
                     f"slicing with sum is more than {SLICE_SUM_FACTOR} times faster than the loop",
                     by=SLICE_SUM_FACTOR)
        claim_slower(row["numpy_builtin_sum"], row["slice_sum"],
                     "numpy with the built-in sum is slower than the list version")
        for script in QUADRATIC:
            claim_slower(row[short(script)], row["numpy_sum"],
                         f"numpy's .sum() is faster than {short(script)}, the fastest quadratic"
                         " version")
        claim_slower(row["numpy_sum"], row["reverse_cumsum"],
                     f"the linear algorithm is more than {LINEAR_FACTOR} times faster than every"
                     " quadratic one", by=LINEAR_FACTOR)
        claim_between(self.speedup_total(), 10, 1000,
                      "the quadratic versions gain two orders of magnitude at most")

    def speedup_total(self):
        return self.f["original"] / self.f["numpy_sum"]

    def figures(self, t_numpy_sum):
        """Every figure the prose quotes from these measurements, by name. A factor between two
        versions is quoted to the digits the spread of their runs supports ("_text")."""
        f, floor = self.f, self.rows[mv.FLOOR]["median"]
        row = {short(script): r for script, r in self.rows.items()}

        def factor(slow, fast):  # two runs of one machine agree only within SPEEDUP_AGREEMENT
            spread = max(ratio_spread(row[slow], row[fast]), mv.SPEEDUP_AGREEMENT)
            return supported(f[slow] / f[fast], spread)

        return {
            **{f"f_{short(s)}": f[short(s)] for s in mv.VARIANTS},
            **{f"x_{short(s)}_text": factor("original", short(s)) for s in mv.VARIANTS},
            "f_floor": floor, "floor_ratio": f["reverse_cumsum"] / floor,
            "min_runs": self.data["min_repeats"], "budget": self.data["budget"],
            "run_seconds": mv.RUN_SECONDS,
            "speedup_total_text": factor("original", "numpy_sum"),
            "saved_preallocated": 100 * (1 - f["preallocated"] / f["original"]),
            "numpy_builtin_slowdown": f["numpy_builtin_sum"] / f["slice_sum"],
            "preallocation_factor": PREALLOCATION_FACTOR, "slice_sum_factor": SLICE_SUM_FACTOR,
            "linear_factor": LINEAR_FACTOR,
        }


class Scaling:
    """`measure_variants.py --scaling --json FILE`: time per call over doubling n."""

    def __init__(self, data):
        self.points = data["scaling"]
        self.slopes = {script: mv.fitted_slope(points) for script, points in self.points.items()}

    def check_claims(self):
        slopes = self.slopes
        # "About k": nearer k than the exponents either side of it.
        for script in QUADRATIC:
            claim_between(slopes[script], 1.5, 2.5,
                          f"{short(script)} grows with a slope of about 2")
        claim_between(slopes["sum_nexts_reverse_cumsum.py"], 0.5, 1.5,
                      "the reverse cumulative sum grows with a slope of about 1")
        claim_between(slopes["sum_nexts_numpy_sum.py"], 1.0, 1.95,
                      "numpy's .sum() version grows faster than linearly but, at these sizes, less"
                      " than quadratically")

    def figures(self):
        return {
            "scaling_start": mv.SCALING_START, "scaling_second": 2 * mv.SCALING_START,
            "scaling_third": 4 * mv.SCALING_START, "scaling_max_call": mv.SCALING_MAX_CALL,
            "slope_points": mv.SLOPE_POINTS,
            **{f"slope_{short(s)}": slope for s, slope in self.slopes.items()},
            "doubling_slice_sum": 2 ** self.slopes["sum_nexts_slice_sum.py"],  # exercise 4
            "largest_n_numpy_sum": self.points["sum_nexts_numpy_sum.py"][-1]["n"],
            "largest_n_reverse_cumsum": self.points["sum_nexts_reverse_cumsum.py"][-1]["n"],
        }
