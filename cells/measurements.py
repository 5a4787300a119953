"""The episode's repeated measurements (measure_variants.py's JSON): the figures the prose quotes,
the claims it makes about them, and the summary table, read in one place."""
from IPython.display import Markdown

from .checks import expected_verdict
from .claims import claim
from .lesson_code import measure_variants as mv
from .lesson_code import short

QUADRATIC = ["sum_nexts_original.py", "sum_nexts_preallocated.py", "sum_nexts_slice_sum.py",
             "sum_nexts_numpy_builtin_sum.py"]  # pure Python, or Python's sum over each slice


class Timings:
    """`measure_variants.py --n N --json FILE`: each version's function, timed alone."""

    def __init__(self, data):
        self.data = data
        self.rows = {row["script"]: row for row in data["variants"]}
        self.f = {short(script): row["median"] for script, row in self.rows.items()}

    def check_claims(self, t_numpy_sum):
        """Correct first, then the sentences about speed, on these repeated measurements."""
        f = self.f
        checks = {script: row["check"] for script, row in self.rows.items()}
        claim(all(checks[s] == expected_verdict(s) for s in mv.VARIANTS),
              "every version but the original agrees with the reference, and the original lacks"
              " one sum", checks=checks)
        claim(f["numpy_sum"] < t_numpy_sum / 2, "start-up, not sum_nexts, is most of the fastest run",
              function=f["numpy_sum"], whole_process=t_numpy_sum)
        claim(f["preallocated"] < f["original"], "preallocation helps",
              original=f["original"], preallocated=f["preallocated"])
        claim(f["slice_sum"] < f["preallocated"] / 3, "slicing with sum is much faster than the loop",
              slice_sum=f["slice_sum"], preallocated=f["preallocated"])
        claim(f["numpy_builtin_sum"] > f["slice_sum"],
              "numpy with the built-in sum is slower than the list version",
              numpy_builtin_sum=f["numpy_builtin_sum"], slice_sum=f["slice_sum"])
        claim(f["numpy_sum"] < min(f[short(s)] for s in QUADRATIC),
              "numpy's .sum() is the fastest quadratic version", **f)
        claim(f["reverse_cumsum"] < f["numpy_sum"] / 10,
              "the linear algorithm beats every quadratic one",
              reverse_cumsum=f["reverse_cumsum"], numpy_sum=f["numpy_sum"])
        claim(10 <= self.speedup_total() < 1000,
              "the quadratic versions gain two orders of magnitude at most",
              speedup=self.speedup_total())

    def speedup_total(self):
        return self.f["original"] / self.f["numpy_sum"]

    def figures(self, t_numpy_sum):
        """Every figure the prose quotes from these measurements, by name."""
        f, floor = self.f, self.rows[mv.FLOOR]["median"]
        return {
            **{f"f_{short(s)}": f[short(s)] for s in mv.VARIANTS},
            **{f"x_{short(s)}": self.rows[s]["speedup"] for s in mv.VARIANTS},
            "f_floor": floor, "floor_ratio": f["reverse_cumsum"] / floor,
            "min_runs": self.data["min_repeats"], "budget": self.data["budget"],
            "run_seconds": mv.RUN_SECONDS, "f_numpy_sum_share": 100 * f["numpy_sum"] / t_numpy_sum,
            "speedup_total": self.speedup_total(),
        }

    def summary_table(self, whole):
        """Every step: its whole-process time (one run, `whole[script]`) beside its function's."""
        lines = ["| Step | Whole process, one run | Function, median | Function, fastest – slowest | "
                 "Function speed-up | Check |", "| :-- | --: | --: | --: | --: | :-- |"]
        for script in mv.VARIANTS:
            row = self.rows[script]
            lines.append(f"| `{script}` | {whole[script]:.2f} s | {mv.seconds(row['median'])} | "
                         f"{mv.seconds(row['min'])} – {mv.seconds(row['max'])} | "
                         f"{mv.times_faster(row['speedup'])} | {row['check']} |")
        return Markdown("\n".join(lines))


class Scaling:
    """`measure_variants.py --scaling --json FILE`: time per call over doubling n."""

    def __init__(self, data):
        self.points = data["scaling"]
        self.slopes = {script: mv.fitted_slope(points) for script, points in self.points.items()}

    def check_claims(self):
        slopes = self.slopes
        claim(all(1.6 < slopes[s] < 2.5 for s in QUADRATIC),  # about 2: clearly neither 1 nor 3
              "the pure-Python and built-in-sum versions grow with a slope of about 2",
              slopes={s: round(slopes[s], 2) for s in QUADRATIC})
        claim(0.8 < slopes["sum_nexts_reverse_cumsum.py"] < 1.3,
              "the reverse cumulative sum grows with a slope of about 1",
              slope=slopes["sum_nexts_reverse_cumsum.py"])
        claim(1.0 < slopes["sum_nexts_numpy_sum.py"] < 1.95,
              "numpy's .sum() version grows faster than linearly but, at these sizes, less than"
              " quadratically", slope=slopes["sum_nexts_numpy_sum.py"])

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
