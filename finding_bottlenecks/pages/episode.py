"""The episode, "Finding Bottlenecks": what its cells check and the figures its prose quotes.

Each function takes what a cell ran (a Run, a table, a file) and checks the page's sentences
about it, then returns the figures those sentences quote, for the cell's `quote(...)`. What each
version of sum_nexts is, and which step it closes, comes from lesson_code/sum_nexts_versions.toml.
"""
import importlib
import json
import sys
import warnings

from executable_lesson.kernel.claims import claim, claim_above, claim_below, claim_between, claim_slower
from executable_lesson.kernel.precision import ratio_spread, supported
from executable_lesson.kernel.publish import publish
from finding_bottlenecks.checks import expected_verdict, require_correct
from finding_bottlenecks.lesson_modules import BY_SCRIPT, SCRIPTS, START, STEPS, VERSIONS
from finding_bottlenecks.lesson_modules import measure_variants as mv
from finding_bottlenecks.notebook_tools import timeit_report, timeit_rules
from finding_bottlenecks.readers.text_output import cprofile_row, cprofile_summary
from finding_bottlenecks.versions import short

CHECK_N = 2000  # the first cell checks every version's answer at this n (or the lesson's, if less)
TIMEIT_N = 1000  # the quadratic original takes a hundredth of its n = 10000 time
PROFILE_TRAP = sys.version_info < (3, 15)  # from 3.15, cProfile no longer imports `profile`
UNIQUE_N = 20000  # the unique-values exercise's list of values
UNIQUE_FACTOR = 200  # the claim's floor (the page quotes the ratio): 380 to 720 on 3.11 to 3.15
SUSPECTS = {"exercise_suspect_a.py": "agrees", "exercise_suspect_b.py": "differs from position 0"}

_whole = {}  # each version's one `time` run, in seconds (whole process), as the steps make them
_listing = {}  # cProfile's printed listing of the original: its total calls and seconds


def first_checks(lesson, n):
    """Correct first: every version's answer, before anything else is said; then the figures
    of the page's settings."""
    require_correct(lesson.path, SCRIPTS, min(n, CHECK_N))
    return {"n": n, "build_python": ".".join(map(str, sys.version_info[:3])), **timeit_rules()}


def whole_run(script, run):
    """A version's `time` run: whole process, one run. A step claims only its direction against
    the version it is compared with (the factors are claimed on repeated runs, in timings)."""
    version = BY_SCRIPT[script]
    _whole[script] = run.real
    if version.after in _whole:
        slow, fast = version.order
        claim_below(_whole[fast], _whole[slow],
                    f"{short(fast)}'s whole run is shorter than {short(slow)}'s")
    return {f"t_{version.short}": run.real}


def timeit_command(script="sum_nexts_original", n=TIMEIT_N):
    return (f'python -m timeit -s "from {script} import gen_data, sum_nexts; '
            f'numbers = gen_data({n}, 2016)" "sum_nexts(numbers)"')


def timeit_figures(run):
    report = timeit_report(run.output)
    return {"timeit_n": TIMEIT_N, "timeit_loops": report["loops"],
            "timeit_best_ms": 1e3 * report["best"]}


def cprofile_listing(run):
    """`python -m cProfile` on the original: the listing's order, totals and the hot function."""
    summary = cprofile_summary(run.output)
    _listing.update(summary)
    sum_nexts = cprofile_row(run.output, "(sum_nexts)")
    claim("Ordered by: cumulative time" in run.output,
          "cProfile's listing is sorted by cumulative time by default", output_head=run.output[:300])
    claim_above(sum_nexts["cumtime"] / summary["seconds"], 0.8,
                "most of the profiled time is spent inside sum_nexts",
                sum_nexts_cumtime=sum_nexts["cumtime"], total=summary["seconds"])
    claim_above(summary["seconds"], _whole["sum_nexts_original.py"],
                "the profiled run took longer than the plain one")
    return {"cprofile_calls": summary["calls"], "cprofile_seconds": summary["seconds"],
            "len_calls": cprofile_row(run.output, "builtins.len")["ncalls"],
            "sum_nexts_share": 100 * sum_nexts["cumtime"] / summary["seconds"]}


def profile_trap(run):
    """A script named profile.py under cProfile: before 3.15 cProfile imports it instead."""
    error_line = run.output.strip().splitlines()[-1]
    claim(("AttributeError" in error_line) == PROFILE_TRAP,
          "running a script named profile.py ends in an AttributeError before Python 3.15",
          last_line=error_line)
    claim(("sums;" in run.output) != PROFILE_TRAP,
          "before Python 3.15 the script is imported, not run, so it prints nothing",
          output=run.output)
    if not PROFILE_TRAP:  # the page says so of 3.15: read from the Python that builds it
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            sys.modules.pop("profile", None)
            importlib.import_module("profile")
        said = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
        claim(any("3.17" in message for message in said),
              "from Python 3.15 the profile module is deprecated, to be removed in 3.17", said=said)


def saved_profile(run):
    """The original's profile saved with -o and sorted by show_profile.py."""
    claim(f"List reduced from {len(run.stats.stats)} to 10" in run.output,
          "print_stats(10) keeps only the first ten of the saved profile's rows",
          output=run.output[-600:])
    claim(run.stats.total_calls == _listing["calls"],
          "the saved profile holds as many calls as the printed listing above counted",
          saved=run.stats.total_calls, printed=_listing["calls"])
    return {"cprofile_rows": len(run.stats.stats)}


def word_counts_profile(run):
    """The word counts' saved profile: count_words, and list.count inside it, take the time."""
    rows = {name: (calls, cumtime) for (_, _, name), (_, calls, _, cumtime, _) in run.stats.stats.items()}
    total = run.stats.total_tt
    count_words, list_count = rows["count_words"], rows["<method 'count' of 'list' objects>"]
    claim_above(count_words[1] / total, 0.7, "count_words takes most of the word-count exercise's time",
                count_words=count_words, total=total)
    claim_above(list_count[1] / count_words[1], 0.5, "list.count takes most of count_words's time",
                list_count=list_count, count_words=count_words)
    claim("count_words" in run.output and "method 'count' of 'list' objects" in run.output,
          "show_profile.py's top ten rows show both the function and the call", output=run.output)
    own = {name: tottime for (_, _, name), (_, _, tottime, _, _) in run.stats.stats.items()}
    claim(max(own, key=own.get) == "<method 'count' of 'list' objects>",
          "sorted by own time, list.count is the top row of the word counts' profile", own=own)
    claim_below(own["count_words"] / total, 0.1,
                "count_words's own time is a small part of the word counts' run",
                own=own["count_words"], total=total)
    return {"ex1_share": 100 * count_words[1] / total, "ex1_count_calls": list_count[0],
            "ex1_own_share": 100 * own["count_words"] / total}


def printed_alike(run):
    """Each command of `run` printed the same lines (a fix that changes no result)."""
    outputs, current = [], None
    for line in run.output.splitlines():
        if line.startswith("$ "):
            current = []
            outputs.append(current)
        elif current is not None:
            current.append(line)
    claim(len(outputs) > 1 and all(output == outputs[0] for output in outputs[1:]),
          "the fixed script prints the same result", output=run.output)


def original_lines(table, n):
    """kernprof's table of the original: exact hit counts, and the length check's share."""
    body, check, append = (table.row("sums[i] = sums[i]"), table.row("if len(sums)"),
                           table.row("sums.append"))
    claim(body.hits == n * (n - 1) // 2, "the inner loop body runs n(n-1)/2 times",
          hits=body.hits, n=n)
    claim(check.hits == body.hits and append.hits == n - 1,
          "the length check runs as often as the body and appends n-1 times",
          check_hits=check.hits, append_hits=append.hits, n=n)
    claim_above(check.percent, 20, "the length check takes a large share of the function's time")
    return {"k0_body_hits": body.hits, "k0_check_hits": check.hits, "k0_append_hits": append.hits,
            "k0_check_percent": check.percent, "k0_total": table.total}


def unique_timeit_command(script):
    return (f'python -m timeit -s "from {script} import gen_data, unique_in_order;'
            f' values = gen_data({UNIQUE_N})" "unique_in_order(values)"')


def unique_values_fix(profile, same, before, after):
    """The slow line of unique_in_order, the fix's same output, and its speed-up (timeit's best)."""
    slowest = max(profile.table.rows, key=lambda row: row.percent)
    claim("not in seen" in slowest.contents, "the membership test is the slowest line of unique_in_order",
          slowest=slowest)
    printed = [line for line in same.output.splitlines() if not line.startswith("$")]
    claim(printed[0] == printed[1], "the fixed script prints the same result", output=same.output)
    best = [timeit_report(run.output)["best"] for run in (before, after)]
    claim_above(best[0] / best[1], UNIQUE_FACTOR,
                f"the set makes unique_in_order more than {UNIQUE_FACTOR} times faster", best=best)
    return {"ex2_percent": slowest.percent, "ex2_x": mv.times_faster(best[0] / best[1])[:-1]}


def check_lines(run, expected=None):
    """check_variant.py's verdicts as the run printed them: each version's expected check (its
    known defect, else "agrees"), or those of `expected`, {script: verdict}."""
    scripts = [command.split()[-1] for command in run.commands if "check_variant.py" in command]
    expected = expected or {script: expected_verdict(script) for script in scripts}
    said = {script: f"{script}, n = 1000: {verdict}" for script, verdict in expected.items()}
    claim(all(line in run.output for line in said.values()),
          "check_variant.py says " + "; ".join(said.values()), output=run.output)


def preallocated_lines(table, n):
    body, loop = table.row("sums[i] = sums[i]"), table.row("for j in")
    claim(body.hits == n * (n - 1) // 2, "the inner loop body still runs n(n-1)/2 times",
          hits=body.hits, n=n)
    claim(loop.hits == body.hits + n, "the for-j line runs once more per pass than the body",
          loop_hits=loop.hits, body_hits=body.hits, n=n)
    claim_above(body.percent + loop.percent, 80, "the inner loop's two lines take most of the time")
    return {"k1_body_hits": body.hits, "k1_loop_hits": loop.hits,
            "k1_inner_percent": body.percent + loop.percent}


def slice_sum_lines(table, n):
    line = table.row("sum(numbers[i + 1:])")
    claim(line.hits == n, "the summing line runs once per number", hits=line.hits, n=n)
    claim_below(100 - line.percent, 10, "the rest of the function takes under a tenth of its time")
    return {"k2_sum_percent": line.percent, "k2_sum_hits": line.hits}


def numpy_builtin_sum_lines(table, n):
    return {"k3_per_hit_us": 1e6 * table.row("sum(numbers[i + 1:])").time / n}


def numpy_sum_lines(table):
    claim_below(table.total, _whole["sum_nexts_numpy_sum.py"] / 2, "the function, even under"
                " kernprof, is a small part of the whole unprofiled program's run")
    return {"k4_total_ms": 1e3 * table.total}


# Start-up beside the whole runs it is part of: Python importing numpy, and the two fastest steps
START_UP = 'python -c "import numpy"'
WHOLE_RUNS = ("sum_nexts_numpy_sum.py", "sum_nexts_reverse_cumsum.py")


def console(commands):
    """Commands as a console block a page shows (a hint's), not run where it stands."""
    from IPython.display import Markdown
    return Markdown("```console\n" + "".join(f"$ {command}\n" for command in commands) + "```\n")


def doubling_command(script, n):
    return (f"python time_commands.py --repeats 3 --json doubling.json 'python {script} {n}'"
            f" 'python {script} {2 * n}'")


def doubling(path, script, n):
    """Exercise 3: whole runs at n and 2n, in turns: close to the four times the quadratic work
    predicts (the start-up, which does not grow, pulls it down; caches can push it up)."""
    rows = {row["command"]: row for row in json.loads(path.read_text(encoding="utf-8"))["rows"]}
    small, large = rows[f"python {script} {n}"], rows[f"python {script} {2 * n}"]
    claim_between(large["median"] / small["median"], 2.5, 6, "a whole run at twice the numbers"
                  " takes close to four times as long: between 2.5 and 6", small=small, large=large)
    return {"ex3_ratio_text": supported(large["median"] / small["median"], ratio_spread(large, small))}


def whole_runs_command(n):
    return " ".join(["python time_commands.py --json whole-runs.json", f"'{START_UP}'",
                     *(f"'python {script} {n}'" for script in WHOLE_RUNS)])


class WholeRuns:
    """`time_commands.py`: start-up alone and whole runs of the fast steps, timed in turns."""

    def __init__(self, path, n):
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = {row["command"]: row for row in data["rows"]}
        self.repeats = data["repeats"]
        start_up = rows[START_UP]
        whole = {short(script): rows[f"python {script} {n}"] for script in WHOLE_RUNS}
        # a part is never larger than its whole: not beyond the spread of their runs
        claim(all(start_up["min"] <= row["max"] and start_up["median"] <= row["max"]
                  for row in whole.values()),
              "starting Python and importing numpy is no longer than a whole run that does it,"
              " beyond the spread (one measurement, in turns)", start_up=start_up, whole=whole)
        self.start_up = start_up["median"]
        self.whole = {version: row["median"] for version, row in whole.items()}
        claim_above(self.start_up / self.whole["numpy_sum"], 0.5,
                    "starting Python and importing numpy is most of step 4's whole run",
                    start_up=self.start_up, whole=self.whole)

    def share(self, seconds, version):
        return 100 * seconds / self.whole[version]

    def figures(self):
        return {"whole_repeats": self.repeats, "start_up": self.start_up,
                **{f"whole_{version}": seconds for version, seconds in self.whole.items()},
                **{f"start_up_share_{version}": self.share(self.start_up, version)
                   for version in self.whole}}


def factor_range(slow, fast):
    """From the slowest to the fastest factor their runs allow ("1.9 to 2.3"), two digits each."""
    low, high = slow["min"] / fast["max"], slow["max"] / fast["min"]
    return f"{mv.times_faster(low)[:-1]} to {mv.times_faster(high)[:-1]}"


def timings(path, whole_runs):
    """measure_variants.py's JSON: every answer first, then each step's claim on repeated runs.
    The measurements are published for learners to compare with theirs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    publish(data, "measurements.json")
    measured = Timings(data)
    measured.check_claims(whole_runs)
    return measured


class Timings:
    """`measure_variants.py --n N --json FILE`: each version's function, timed alone."""

    def __init__(self, data):
        self.data = data
        self.rows = {row["script"]: row for row in data["variants"]}
        self.f = {short(script): row["median"] for script, row in self.rows.items()}

    def check_claims(self, whole_runs):
        """Correct first, then the sentences about speed, on these repeated measurements: an
        order only where the spreads do not overlap, a factor only where the page states it."""
        checks = {script: self.rows[script]["check"] for script in SCRIPTS}
        claim(all(checks[s] == expected_verdict(s) for s in SCRIPTS),
              "every version gives its expected answer check: the original lacks one sum, and"
              " every other version agrees", checks=checks)
        whole = whole_runs.whole["numpy_sum"]
        claim_below(self.f["numpy_sum"] / whole, 0.5,
                    "step 4's function alone is a small part of its whole run",
                    function=self.f["numpy_sum"], whole=whole)
        self.whole_runs = whole_runs
        for number, step in enumerate(STEPS):
            if not step.order:
                continue
            slow, fast = step.order
            said = (f"{short(fast)} is faster than {short(slow)}" if not step.by else
                    f"{short(fast)} is more than {step.by:g} times as fast as {short(slow)}")
            claim_slower(self.rows[slow], self.rows[fast], said, by=step.by)
            if step.verdict == "faster":  # and than every step the episode took before it
                for earlier in STEPS[:number]:
                    if earlier.script != step.after:
                        claim_slower(self.rows[earlier.script], self.rows[step.script],
                                     f"{step.short} is faster than {earlier.short}")
        claim_between(self.speedup_total(), 10, 1000,
                      "the quadratic versions gain between one and three orders of magnitude")

    def fastest_quadratic(self):
        """The fastest of the episode's steps that keep the double loop's n² work."""
        return min((v.short for v in STEPS if v.growth == "quadratic"), key=self.f.get)

    def speedup_total(self):
        return self.f[START.short] / self.f[self.fastest_quadratic()]

    def figures(self):
        """Every figure the prose quotes from these measurements, by name. A factor between two
        versions is quoted to the digits the spread of their runs supports ("_text")."""
        f, floor = self.f, self.rows[mv.FLOOR]["median"]
        row = {short(script): r for script, r in self.rows.items()}
        first = START.short

        def factor(slow, fast):  # two runs of one machine agree only within SPEEDUP_AGREEMENT
            spread = max(ratio_spread(row[slow], row[fast]), mv.SPEEDUP_AGREEMENT)
            return supported(f[slow] / f[fast], spread)

        return {
            **{f"f_{v.short}": f[v.short] for v in VERSIONS},
            **{f"x_{v.short}_text": factor(first, v.short) for v in VERSIONS},
            **{f"step_x_{v.short}": factor(*map(short, v.order)) for v in STEPS if v.by},
            **{f"step_range_{v.short}": factor_range(*(self.rows[s] for s in v.order))
               for v in STEPS if v.by},
            "f_floor": floor,  # the prose names it
            "floor_ratio_text": supported(f["reverse_cumsum"] / floor,
                                          max(ratio_spread(row["reverse_cumsum"], self.rows[mv.FLOOR]),
                                              mv.SPEEDUP_AGREEMENT)),
            "min_runs": self.data["min_repeats"], "budget": self.data["budget"],
            "run_seconds": mv.RUN_SECONDS,
            "speedup_total_text": factor(first, self.fastest_quadratic()),
            "saved_preallocated": 100 * (1 - f["preallocated"] / f["original"]),
            "function_share_numpy_sum": self.whole_runs.share(f["numpy_sum"], "numpy_sum"),
            "numpy_builtin_slowdown": f["numpy_builtin_sum"] / f["slice_sum"],
        }
