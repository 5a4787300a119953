"""Time the versions of sum_nexts under several Pythons, taking turns, and what profiling costs.

Give it one Python per version to compare, each from its own virtual environment made from
requirements.txt. Round after round, every Python runs once, the order rotated each round so
that none always goes first: measure_variants.py times each version's function once, in-process,
time_sum.py times the built-in sum() of floats alone beside its controls, and then the original
script runs whole three times, as measure_profilers.py runs it: plain, under cProfile and under
kernprof -l.
A slow moment of the machine hits every Python alike. The tables report the median round and the
spread (fastest to slowest round), then where each Python comes from and how it was built:
the same version can run at different speeds when built differently.

Usage (from the folder that holds the lesson's scripts):
  python compare_pythons.py venv-3.11/bin/python venv-3.13/bin/python
  python compare_pythons.py --n 2000 --rounds 5 --json pythons.json PYTHON [PYTHON ...]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure_profilers import WAYS, one_turn
from measure_variants import VARIANTS, OneLineParser, seconds, summary

HERE = Path(__file__).resolve().parent
N = 2000  # smaller than the lesson's 10000: kernprof's run of the original then takes seconds
ROUNDS = 5
ORIGINAL = "sum_nexts_original.py"
# The whole runs, as measure_profilers.py makes them: plain, under cProfile and kernprof -l (the
# profilers every Python's environment has; py-spy and pyinstrument are measured on Go further).
EVERYWHERE = ("plain", "cProfile", "kernprof -l")
PROFILERS = [(name, command) for name, _, command in WAYS if name in EVERYWHERE]


def function_times(python, n, folder):
    """One in-process timing of every version by measure_variants.py under `python`."""
    out = Path(folder) / "variants.json"
    subprocess.run([python, str(HERE / "measure_variants.py"), "--n", str(n), "--repeats", "1",
                    "--budget", "0", "--json", str(out)], cwd=folder, check=True,
                   stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def sum_times(python, n, folder):
    """One timing by time_sum.py under `python`: {statement's name: seconds per call}."""
    out = Path(folder) / "sum.json"
    subprocess.run([python, str(HERE / "time_sum.py"), str(n), "--json", str(out)], cwd=folder,
                   check=True, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))["times"]


def compare(pythons, n=N, rounds=ROUNDS):
    """[{"python", "environment", "checks", "steps": {script: spread}, "sum": {statement: spread},
    "whole": {profiler: spread}}] for each Python, in the order given."""
    runs = {python: {"steps": {}, "sum": {}, "whole": {name: [] for name, _ in PROFILERS}}
            for python in pythons}
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy2(HERE / ORIGINAL, folder)
        for round_number in range(rounds):
            turn = round_number % len(pythons)
            for python in pythons[turn:] + pythons[:turn]:
                mine = runs[python]
                data = function_times(python, n, folder)
                mine["environment"] = data["environment"]
                mine["checks"] = {row["script"]: row["check"] for row in data["variants"]
                                  if row["script"] in VARIANTS}
                for row in data["variants"]:
                    if row["script"] in VARIANTS:
                        mine["steps"].setdefault(row["script"], []).append(row["median"])
                for name, per_call in sum_times(python, n, folder).items():
                    mine["sum"].setdefault(name, []).append(per_call)
                for name, seconds_taken in one_turn(PROFILERS, ORIGINAL, n, folder, python).items():
                    mine["whole"][name].append(seconds_taken)
    results = []
    for python, mine in runs.items():
        whole = {name: summary(times) for name, times in mine["whole"].items()}
        plain = whole["plain"]["median"]
        for name, row in whole.items():
            row["slowdown"] = row["median"] / plain
        results.append({"python": python, "environment": mine["environment"],
                        "checks": mine["checks"], "whole": whole,
                        "sum": {name: summary(times) for name, times in mine["sum"].items()},
                        "steps": {script: summary(times) for script, times in mine["steps"].items()}})
    return results


def label(result):
    env = result["environment"]
    return f"Python {env['Python'].split()[0]}"


def print_tables(results, n, rounds, out=sys.stdout):
    names = [label(result) for result in results]
    print(f"sum_nexts, function alone: n = {n}, median of {rounds} rounds, Pythons in turns",
          file=out)
    print(f"{'version':32}" + "".join(f"{name:>16}" for name in names), file=out)
    for script in VARIANTS:
        cells = [seconds(result["steps"][script]["median"]) for result in results]
        print(f"{script:32}" + "".join(f"{cell:>16}" for cell in cells), file=out)
    print(f"{'numpy':32}" + "".join(f"{r['environment']['numpy']:>16}" for r in results),
          file=out)
    print(file=out)
    print(f"sum() of {n} floats alone, and its controls: median of {rounds} rounds", file=out)
    for name in results[0]["sum"]:
        cells = [seconds(result["sum"][name]["median"]) for result in results]
        print(f"{name:32}" + "".join(f"{cell:>16}" for cell in cells), file=out)
    print(file=out)
    print(f"{ORIGINAL} {n}, whole process: median of {rounds} rounds (slowdown)", file=out)
    print(f"{'run':32}" + "".join(f"{name:>16}" for name in names), file=out)
    for profiler, _ in PROFILERS:
        cells = [f"{seconds(r['whole'][profiler]['median'])} ({r['whole'][profiler]['slowdown']:.1f}x)"
                 for r in results]
        print(f"{profiler:32}" + "".join(f"{cell:>16}" for cell in cells), file=out)
    print(f"{'line_profiler':32}"
          + "".join(f"{r['environment']['line_profiler']:>16}" for r in results), file=out)
    print(file=out)
    print("Where each Python comes from, and what its sysconfig says of how it was built:", file=out)
    for result in results:
        env = result["environment"]
        print(f"  {label(result)}: {env['Python from']}; {env['Python build']}", file=out)


def main(argv=None):
    parser = OneLineParser(prog="compare_pythons.py", description=__doc__.splitlines()[0])
    parser.add_argument("pythons", nargs="+", metavar="PYTHON",
                        help="a Python with numpy and line_profiler, e.g. venv-3.13/bin/python")
    parser.add_argument("--n", type=int, default=N, help=f"how many numbers (default {N})")
    parser.add_argument("--rounds", type=int, default=ROUNDS,
                        help=f"rounds of turns (default {ROUNDS})")
    parser.add_argument("--json", metavar="FILE", help="also save the measurements to FILE")
    args = parser.parse_args(argv)
    if args.n < 2 or args.rounds < 1:
        parser.error("--n must be at least 2 and --rounds at least 1")
    if len(set(args.pythons)) < len(args.pythons):
        parser.error("give each Python once")
    given_pythons = list(args.pythons)
    # Absolute paths: each run happens in a scratch folder of its own.
    args.pythons = [os.path.abspath(shutil.which(python) or python) for python in args.pythons]
    for python in args.pythons:
        try:
            subprocess.run([python, "-c", "import numpy, line_profiler"], check=True,
                           capture_output=True)
        except (OSError, subprocess.CalledProcessError):
            parser.exit(2, f"{parser.prog}: {python} is not a Python with numpy and line_profiler"
                           " (make a virtual environment from requirements.txt)\n")
    results = compare(args.pythons, args.n, args.rounds)
    for result, given in zip(results, given_pythons):
        result["python"] = given  # as typed: the scratch folder's path means nothing later
    print_tables(results, args.n, args.rounds)
    if args.json:
        data = {"n": args.n, "rounds": args.rounds, "pythons": results}
        Path(args.json).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
