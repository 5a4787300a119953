"""What does profiling cost? Run one script plain and under each profiler, and compare.

Each run is a whole process, timed from start to exit: starting Python, importing, the work and,
for a profiler, writing its report. The commands take turns (plain, cProfile, kernprof, py-spy,
pyinstrument, Tachyon, then again) so that a slow spell of the machine touches them all alike.
The table reports each one's median run, its spread (fastest to slowest run) and its median
divided by the plain run's.

Usage (from the folder that holds the lesson's scripts):
  python measure_profilers.py 3000                 5 turns of sum_nexts_original.py 3000
  python measure_profilers.py 3000 --repeats 9 --script your_script.py
  python measure_profilers.py 3000 --json cost.json   ... and save the measurements
A profiler that is not installed is left out, with a line saying so; so is Tachyon, Python's own
sampling profiler, before Python 3.15.
"""
import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure_variants import OneLineParser, summary

HERE = Path(__file__).resolve().parent
REPEATS = 5
# Each way to run the script: its name, what it needs (a module of the Python that runs it, or a
# program), and the command (reports go to files, so that every profiler does the same work as
# when you use it). compare_pythons.py runs plain, cProfile and kernprof -l under each Python.
WAYS = [
    ("plain", None, "{python} {script} {n}"),
    ("cProfile", None, "{python} -m cProfile -o run.cprofile {script} {n}"),
    ("kernprof -l", "module kernprof", "{python} -m kernprof -l -o run.lprof {script} {n}"),
    ("py-spy", "program py-spy", "py-spy record -o run.svg -- {python} {script} {n}"),
    ("pyinstrument", "module pyinstrument", "{python} -m pyinstrument -o run.txt {script} {n}"),
    ("Tachyon", "module profiling.sampling",
     "{python} -m profiling.sampling run -o run.pstats {script} {n}"),
]


def parse_args(argv):
    parser = OneLineParser(
        prog="measure_profilers.py", description="Time a script plain and under each profiler.")
    parser.add_argument("n", type=int, help="the script's argument, e.g. 3000")
    parser.add_argument("--script", default="sum_nexts_original.py")
    parser.add_argument("--repeats", type=int, default=REPEATS, help=f"turns (default {REPEATS})")
    parser.add_argument("--without", action="append", default=[], metavar="NAME",
                        choices=[name for name, _, _ in WAYS if name != "plain"],
                        help="leave out a profiler, e.g. --without py-spy")
    parser.add_argument("--json", type=Path, help="also save the measurements here")
    args = parser.parse_args(argv)
    if args.n < 0 or args.repeats < 1:
        parser.error("n must be >= 0 and --repeats >= 1")
    if not (HERE / args.script).is_file():
        parser.error(f"no script named {args.script} next to this one")
    return args


def installed(needs, python=sys.executable):
    """Whether `python` has the module, or this machine the program, that a way needs."""
    if needs is None:
        return True
    kind, name = needs.split()
    if kind == "program":
        return shutil.which(name) is not None
    return subprocess.run([python, "-c", f"import {name}"], capture_output=True).returncode == 0


def available(without=(), python=sys.executable):
    """The ways to run that `python` and this machine have, and a line for each one left out."""
    ways, notes = [], []
    for name, needs, command in WAYS:
        if name in without:
            notes.append(f"{name}: left out (--without)")
        elif not installed(needs, python):
            what = needs.split()[1]
            notes.append(f"{name}: this Python has no {what}, left out" if "." in what
                         else f"{name}: not installed here, left out")
        else:
            ways.append((name, command))
    return ways, notes


def run_once(command, folder):
    start = time.perf_counter()
    done = subprocess.run(command, shell=True, cwd=folder, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"`{command}` failed (exit status {done.returncode}):\n"
                           f"{(done.stdout + done.stderr).strip()}")
    return seconds


def one_turn(ways, script, n, folder, python=sys.executable):
    """{name: seconds}: one whole run of the script each way, under `python`, in `folder`
    (which holds a copy of the script)."""
    return {name: run_once(command.format(python=shlex.quote(str(python)),
                                          script=shlex.quote(str(script)), n=n), folder)
            for name, command in ways}


def measure(ways, script, n, repeats):
    """{name: [seconds of each run]}, the ways taking turns, in a scratch copy of the script."""
    times = {name: [] for name, _ in ways}
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy2(HERE / script, folder)
        for _ in range(repeats):
            for name, seconds in one_turn(ways, script, n, folder).items():
                times[name].append(seconds)
    return times


def rows(times):
    plain = statistics.median(times["plain"])
    return [{"way": name, **summary(runs), "times_plain": statistics.median(runs) / plain}
            for name, runs in times.items()]


def print_table(data, out=sys.stdout):
    print(f"{data['script']} {data['n']}, whole process: {data['repeats']} runs each, in turns",
          file=out)
    print(f"{'run':<14}{'median':>9}{'fastest':>10}{'slowest':>10}{'x plain':>9}", file=out)
    for row in data["rows"]:
        print(f"{row['way']:<14}{row['median']:>8.2f}s{row['min']:>9.2f}s{row['max']:>9.2f}s"
              f"{row['times_plain']:>9.2f}", file=out)
    for note in data["notes"]:
        print(note, file=out)


def main(argv):
    args = parse_args(argv)
    ways, notes = available(args.without)
    try:
        times = measure(ways, args.script, args.n, args.repeats)
    except RuntimeError as error:
        sys.exit(f"measure_profilers.py: {error}")
    data = {"script": args.script, "n": args.n, "repeats": args.repeats,
            "python": sys.version.split()[0], "rows": rows(times), "notes": notes}
    print_table(data)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
