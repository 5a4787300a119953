"""Time every version of sum_nexts on your machine, and check that each gives the right answer.

Each version's function is timed alone, inside this one Python process, on data made before the
clock starts: at least 7 timed runs, and more until about --budget seconds are spent (a run is
one call, or a batch of calls lasting about 0.1 s for the fast versions), the versions taking
turns. The table reports the median run and the spread (fastest to slowest run).

Usage (from the folder that holds the sum_nexts_*.py scripts):
  python measure_variants.py --n 10000                 time all versions for n = 10000
  python measure_variants.py --n 10000 --json my.json  ... and save the measurements
  python measure_variants.py --compare measurements.json
                          time them again the way that file was made (its n, seed, runs
                          and budget) and print the published figures beside yours, with
                          how far each speed-up differs and whether that is within 10%
  python measure_variants.py --scaling --json s.json   time each version over a range of n
"""
import argparse
import datetime
import gc
import importlib.util
import json
import math
import os
import platform
import re
import shlex
import statistics
import sys
import sysconfig
import time
import tomllib
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script -> what it does, in the lesson's order: from the description of every version
with open(HERE / "sum_nexts_versions.toml", "rb") as _file:
    _ENTRIES = tomllib.load(_file)["version"]
VARIANTS = {entry["script"]: entry["label"] for entry in _ENTRIES}
# the speed-ups are against the version the episode starts from: the step that follows no other
START = next(e["script"] for e in _ENTRIES if e.get("role") == "step" and not e.get("after"))
FLOOR = "floor: one numpy.sum"  # any algorithm must read the data at least once
MIN_REPEATS = 7  # this many timed runs at least; fast versions get more, within the budget
RUN_SECONDS = 0.1  # a fast version's run is a batch of calls lasting about this long
BUDGET = 1.0  # seconds of timed runs per version, by default: more runs than MIN_REPEATS if they fit
SCALING_START = 256  # --scaling times n = 256, 512, 1024, ...
SCALING_MAX_CALL = 0.25  # ... until one call takes this many seconds
SCALING_MAX_N = 2 ** 22  # ... or n reaches this (a fast version's arrays: 32 MB of floats)
SLOPE_POINTS = 4  # the slope is fitted over this many of the largest sizes


# -- correctness -------------------------------------------------------------------------------

def load_variant(path):
    """Import a lesson script as a module without running its command line."""
    spec = importlib.util.spec_from_file_location(f"variant_{Path(path).stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_sums(numbers):
    """sums[i] = x[i+1] + ... + x[n-1] for every i, each correctly rounded (math.fsum)."""
    numbers = [float(x) for x in numbers]
    return [math.fsum(numbers[i + 1:]) for i in range(len(numbers))]


def check(sums, reference, rel_tol=1e-9, abs_tol=1e-12):
    """'agrees', or what differs: missing or extra values, the first position out of tolerance."""
    sums = [float(x) for x in sums]
    problems = []
    missing = len(reference) - len(sums)
    if missing:
        word = "missing" if missing > 0 else "too many"
        problems.append(f"{abs(missing)} value{'s' if abs(missing) != 1 else ''} {word}")
    for i, (got, want) in enumerate(zip(sums, reference)):
        if not math.isclose(got, want, rel_tol=rel_tol, abs_tol=abs_tol):
            problems.append(f"differs from position {i}")
            break
    return "; ".join(problems) or "agrees"


def worst_relative_error(sums, reference):
    errors = [abs(float(got) - want) / abs(want) for got, want in zip(sums, reference) if want]
    return max(errors, default=0.0)


# -- timing ------------------------------------------------------------------------------------
#
# The versions take turns: round after round, each version runs once. A machine that slows down
# for a few seconds (another program, a busy neighbour on a shared server) then slows every
# version alike, and the speed-ups between them stay true.

def calls_per_run(seconds_per_call, run_seconds):
    """How many calls one timed run makes: fast functions are timed in batches, as timeit does."""
    return max(1, math.ceil(run_seconds / max(seconds_per_call, 1e-9)))


def timed_run(func, argument, number):
    """Seconds per call, averaged over `number` back-to-back calls."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # as timeit does: a collection in one run only would widen the spread
    try:
        start = time.perf_counter()
        for _ in range(number):
            func(argument)
        return (time.perf_counter() - start) / number
    finally:
        if gc_was_enabled:
            gc.enable()


def first_call(func, argument):
    start = time.perf_counter()
    result = func(argument)
    return result, time.perf_counter() - start


def warm_call(func, argument, at_least=0.01):
    """Seconds per call once warm: batches of 1, 2, 4, ... calls until one lasts `at_least`. The
    first call of a function is often slower; sizing the batches on it would make them short."""
    number = 1
    while True:
        seconds = timed_run(func, argument, number)
        if seconds * number >= at_least:
            return seconds
        number *= 2


def take_turns(jobs, rounds, run_seconds, budget=0.0):
    """jobs: {key: (func, argument, seconds of one call)} -> {key: [seconds per call, ...]}.

    Every job gets at least `rounds` runs, and more, while its runs add up to less than
    `budget` seconds. Each round runs every job that still needs a run, one after the other.
    """
    numbers = {key: calls_per_run(once, run_seconds) for key, (_, _, once) in jobs.items()}
    wanted = {key: max(rounds, math.ceil(budget / max(once * numbers[key], 1e-9)))
              for key, (_, _, once) in jobs.items()}
    times = {key: [] for key in jobs}
    while any(len(times[key]) < wanted[key] for key in jobs):
        for key, (func, argument, _) in jobs.items():
            if len(times[key]) < wanted[key]:
                times[key].append(timed_run(func, argument, numbers[key]))
    return times, numbers


def summary(times):
    return {"median": statistics.median(times), "min": min(times), "max": max(times),
            "runs": len(times)}


def measure(n, seed=2016, budget=BUDGET, folder=HERE, repeats=MIN_REPEATS):
    """Time and check every variant, and the one-pass floor, for one n.

    Each version gets at least `repeats` timed runs, and more until about `budget` seconds
    are spent; a run is one call, or a batch of calls lasting about RUN_SECONDS for a fast
    version. The versions take turns, run by run.
    """
    jobs, checks, reference, numbers = {}, {}, None, None
    for script in VARIANTS:
        module = load_variant(folder / script)
        data = module.gen_data(n, seed)
        if reference is None:
            numbers, reference = [float(x) for x in data], reference_sums(data)
        sums, once = first_call(module.sum_nexts, data)
        same_data = [float(x) for x in data] == numbers
        checks[script] = (check(sums, reference) if same_data else "different data",
                          worst_relative_error(sums, reference))
        # a slow version's first call sizes its runs; a fast one is timed warm first
        jobs[script] = (module.sum_nexts, data,
                        once if once >= RUN_SECONDS else warm_call(module.sum_nexts, data))
    import numpy  # only the floor needs it here; the variants import their own
    array = numpy.array(numbers)
    jobs[FLOOR] = (numpy.sum, array, warm_call(numpy.sum, array))
    checks[FLOOR] = ("not a variant", None)

    times, numbers_per_run = take_turns(jobs, repeats, RUN_SECONDS, budget)
    results = []
    for key, key_times in times.items():
        results.append({"script": key, "label": VARIANTS.get(key, "one numpy.sum over all the data"),
                        "times": key_times, "calls_per_run": numbers_per_run[key],
                        **summary(key_times), "check": checks[key][0],
                        "worst_relative_error": checks[key][1]})
    original = next(row["median"] for row in results if row["script"] == START)
    for row in results:
        row["speedup"] = original / row["median"]
    return results


def scaling(script, seed=2016, start=SCALING_START, max_n=SCALING_MAX_N, max_call=SCALING_MAX_CALL,
            rounds=5, run_seconds=0.1, folder=HERE):
    """Median time per call for n = start, 2*start, ... until one call takes max_call seconds
    or n reaches max_n.

    The sizes take turns too, so a slow moment of the machine does not bend the slope.
    """
    module = load_variant(folder / script)
    jobs, n = {}, start
    while n <= max_n:
        data = module.gen_data(n, seed)
        _, once = first_call(module.sum_nexts, data)
        jobs[n] = (module.sum_nexts, data, once)
        if once >= max_call:
            break
        n *= 2
    times, _ = take_turns(jobs, rounds, run_seconds)
    return [{"n": n, **summary(n_times)} for n, n_times in times.items()]


def fitted_slope(points, last=SLOPE_POINTS):
    """Slope of log(time) against log(n) over the largest sizes: about 2 for quadratic work."""
    return _fit(points[-last:])[0]


def slope_error(points, last=SLOPE_POINTS):
    """The standard error of that slope: how far the points scatter about the fitted line."""
    return _fit(points[-last:])[1]


def _fit(tail):
    xs = [math.log(p["n"]) for p in tail]
    ys = [math.log(p["median"]) for p in tail]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    scatter = sum((y - my - slope * (x - mx)) ** 2 for x, y in zip(xs, ys))
    return slope, math.sqrt(scatter / (len(tail) - 2) / sxx) if len(tail) > 2 else math.nan


# -- where the numbers come from ---------------------------------------------------------------

def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def operating_system():
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"] + f" (Linux {platform.release()})"
    except (OSError, AttributeError, KeyError):
        return platform.platform(terse=True)


def version(package):
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def python_source():
    """Where this Python comes from, as far as its paths tell (for a virtual environment, the
    Python it was made from): "pyenv", "Debian GNU/Linux package", ..."""
    base = Path(sys.base_prefix).resolve()
    paths = " ".join(str(p).replace("\\", "/") for p in (base, Path(sys.executable).resolve()))
    uv_folder = os.environ.get("UV_PYTHON_INSTALL_DIR")
    if "/.pyenv/versions/" in paths or "/pyenv-win/versions/" in paths:
        return "pyenv"
    if ("/uv/python/" in paths or (uv_folder and base.is_relative_to(Path(uv_folder).resolve()))
            or re.search(r"/cpython-\d+\.\d+\.\d+[^/]*-(linux|macos|windows)-", paths)):
        return "uv (python-build-standalone)"
    if (base / "conda-meta").is_dir():
        return "conda"
    if "/Cellar/" in paths or "/homebrew/" in paths:
        return "Homebrew"
    if "/Python.framework/" in paths or "/Programs/Python/" in paths:
        return "python.org installer"
    if base == Path("/usr"):
        return f"{distribution()} package"
    if base == Path("/usr/local"):
        return "/usr/local, as in the python Docker images"
    return "unknown source"


def distribution():
    try:
        return platform.freedesktop_os_release()["NAME"]
    except (OSError, AttributeError, KeyError):
        return "distribution"


def build_options():
    """What sysconfig records of profile-guided (PGO) and link-time (LTO) optimisation, and of a
    shared libpython (slower unless built with -fno-semantic-interposition, which only
    --enable-optimizations adds: bpo-38980). GCC's PGO flag is given at make time and not recorded,
    so PGO is read from the configure options."""
    configured = shlex.split(sysconfig.get_config_var("CONFIG_ARGS") or "")
    flags = " ".join(sysconfig.get_config_var(name) or ""
                     for name in ("PY_CFLAGS", "PY_CFLAGS_NODIST", "CFLAGS", "PY_LDFLAGS_NODIST"))
    if not configured and not flags.strip():
        return "sysconfig records no build options"
    pgo = "--enable-optimizations" in configured
    lto = "-flto" in flags or any(arg.startswith("--with-lto") and arg != "--with-lto=no"
                                  for arg in configured)
    said = f"sysconfig: {'' if pgo else 'no '}PGO, {'' if lto else 'no '}LTO"
    if sysconfig.get_config_var("Py_ENABLE_SHARED"):
        said += ", shared libpython"
    if Path(sys.base_prefix).resolve() == Path("/usr") and not (pgo and lto):
        said += ", but a distribution may optimise by its own rules, which sysconfig does not show"
    return said


def environment():
    return {
        "CPU": cpu_model(),
        "Cores": str(os.cpu_count()),
        "Operating system": operating_system(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Python from": python_source(),
        "Python build": build_options(),
        "numpy": version("numpy"),
        "line_profiler": version("line_profiler"),
        "Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# -- output ------------------------------------------------------------------------------------

def seconds(value):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value / 1e-9:.3g} ns"


def times_faster(value):
    """A speed-up to two significant digits (2.0x, 12x, 63,000x): two runs on one machine agree
    only to within about SPEEDUP_AGREEMENT, so a third digit would be noise."""
    rounded = float(f"{value:.2g}")  # rounded first: 9.96 becomes 10, two digits, not 10.0
    place = 1 - math.floor(math.log10(rounded))
    return f"{rounded:,.{max(place, 0)}f}x"


def print_table(data, out=sys.stdout):
    runs = (f"at least {data['min_repeats']} runs and {data['budget']:g} s per version"
            if data["budget"] else f"{data['min_repeats']} runs per version")
    print(f"sum_nexts, function alone: n = {data['n']}, seed {data['seed']}, {runs}, in turns",
          file=out)
    print(f"{'version':34} {'median':>9} {'fastest - slowest':>21} {'runs':>6} "
          f"{'speed-up':>9}  check", file=out)
    for row in data["variants"]:
        spread = f"{seconds(row['min'])} - {seconds(row['max'])}"
        print(f"{row['script']:34} {seconds(row['median']):>9} {spread:>21} {row['runs']:>6} "
              f"{times_faster(row['speedup']):>9}  {row['check']}", file=out)


SPEEDUP_AGREEMENT = 0.10  # two measurements agree when their speed-ups differ by less than this
SPEEDUP_COUNTED = 5  # ... counting the speed-ups of at least this much (smaller ones are noise)


def agreement(difference, limit=SPEEDUP_AGREEMENT):
    """How far two speed-ups differ, as a percentage with as many decimals as it takes for the
    figure shown to fall on the same side of the limit as the figure itself: 10.3% fails
    "within 10%" and is never shown as "10%"."""
    percent, bound = 100 * difference, round(100 * limit, 9)
    for places in range(7):
        shown = f"{percent:.{places}f}"
        if (float(shown) <= bound) == (difference <= limit):
            return shown + "%"
    return f"{percent!r}%"


def print_comparison(published, mine, out=sys.stdout):
    """Both medians with their ratio, then both speed-ups, how far they differ and whether that
    is within SPEEDUP_AGREEMENT (counted only for speed-ups of SPEEDUP_COUNTED or more). Two runs
    on one machine differ a little; on two machines, times differ and speed-ups may too."""
    within = f"within {100 * SPEEDUP_AGREEMENT:.0f}%"
    print(f"published: {published['environment']['CPU']}, Python "
          f"{published['environment']['Python']}, n = {published['n']}", file=out)
    print(f"yours:     {mine['environment']['CPU']}, Python {mine['environment']['Python']}, "
          f"n = {mine['n']}", file=out)
    print(f"{'version':34} {'published':>10} {'yours':>10} {'yours/published':>16} "
          f"{'speed-ups':>19} {'differ':>7}  {within}", file=out)
    theirs = {row["script"]: row for row in published["variants"]}
    checked = agreed = 0
    for row in mine["variants"]:
        if row["script"] not in theirs:
            continue
        other = theirs[row["script"]]
        difference = abs(row["speedup"] - other["speedup"]) / other["speedup"]
        verdict = "-"  # a speed-up below SPEEDUP_COUNTED is mostly noise: not counted
        if min(row["speedup"], other["speedup"]) >= SPEEDUP_COUNTED:
            checked += 1
            agreed += difference <= SPEEDUP_AGREEMENT
            verdict = "yes" if difference <= SPEEDUP_AGREEMENT else "no"
        print(f"{row['script']:34} {seconds(other['median']):>10} {seconds(row['median']):>10} "
              f"{row['median'] / other['median']:>15.2f}x "
              f"{times_faster(other['speedup']):>9} {times_faster(row['speedup']):>9} "
              f"{agreement(difference):>7}  {verdict}", file=out)
    print(f"{agreed} of {checked} speed-ups of {SPEEDUP_COUNTED}x or more agree {within}", file=out)


class OneLineParser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, status 2, no usage dump
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def main(argv=None):
    parser = OneLineParser(prog="measure_variants.py", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000, help="how many numbers (default 10000)")
    parser.add_argument("--seed", type=int, default=2016, help="seed of the data (default 2016)")
    # None: not given, so --compare can take the published file's own
    parser.add_argument("--budget", type=float,
                        help=f"seconds to spend timing each version (default {BUDGET:g})")
    parser.add_argument("--repeats", type=int,
                        help=f"timed runs of each version at least (default {MIN_REPEATS})")
    parser.add_argument("--json", metavar="FILE", help="also save the measurements to FILE")
    parser.add_argument("--compare", metavar="FILE", help="published measurements to compare with")
    parser.add_argument("--scaling", action="store_true",
                        help="time each version over doubling n instead, and fit the slopes")
    args = parser.parse_args(argv)
    published = None
    if args.compare:  # measure again the way the published file was made
        try:
            published = json.loads(Path(args.compare).read_text(encoding="utf-8"))
            args.n, args.seed = published["n"], published["seed"]
            args.budget = published["budget"] if args.budget is None else args.budget
            args.repeats = published["min_repeats"] if args.repeats is None else args.repeats
        except (OSError, ValueError, KeyError, TypeError) as err:
            parser.exit(2, f"{parser.prog}: cannot read {args.compare}: {err}\n")
    args.budget = BUDGET if args.budget is None else args.budget
    args.repeats = MIN_REPEATS if args.repeats is None else args.repeats
    if args.n < 1 or args.budget < 0 or args.repeats < 1:
        parser.error("--n and --repeats must be at least 1 and --budget not below 0")

    data = {"n": args.n, "seed": args.seed, "budget": args.budget,
            "environment": environment(), "min_repeats": args.repeats}
    if args.scaling:
        data["scaling"] = {script: scaling(script, args.seed) for script in VARIANTS}
        for script, points in data["scaling"].items():
            print(f"{script:34} slope {fitted_slope(points):.2f} ± {slope_error(points):.2f} over n = "
                  f"{points[-SLOPE_POINTS:][0]['n']} .. {points[-1]['n']}")
    else:
        data["variants"] = measure(args.n, args.seed, args.budget, repeats=args.repeats)
        print_table(data)
        if published:
            print()
            print_comparison(published, data)
    if args.json:
        Path(args.json).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
