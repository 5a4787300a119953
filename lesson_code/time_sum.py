"""Time the built-in sum() of a list of floats alone, beside two controls that do not change with
how sum() adds floats: copying the list (what a slice does) and summing whole numbers.

From Python 3.12, sum() adds floats with compensated summation: more exact, and more work per
float. Run this under two Pythons built alike: if the floats' sum changed more than its controls,
that is the new summation; if everything changed alike, it is the interpreter as a whole.

Each statement is timed with timeit in batches of about 20 ms, best of 5, the statements taking
turns batch by batch.

Usage (from the folder that holds the lesson's scripts):
  python time_sum.py 2000               n = 2000 numbers
  python time_sum.py 2000 --json t.json ... and save the times (seconds per call)
"""
import json
import random
import sys
import timeit
from pathlib import Path

from measure_variants import OneLineParser, seconds

# name -> statement; each runs on `floats` or `ints`, n numbers made before the clock starts
STATEMENTS = {
    "sum of floats": "sum(floats)",
    "copy of the floats": "floats[:]",
    "sum of whole numbers": "sum(ints)",
}
REPEATS = 5
BATCH_SECONDS = 0.02  # short batches: compare_pythons.py runs this under every Python, every round


def measure(n, repeats=REPEATS, seed=2016):
    """{name: seconds per call, the best batch}, the statements taking turns batch by batch."""
    rng = random.Random(seed)
    names = {"floats": [rng.random() for _ in range(n)], "ints": [rng.randrange(1000) for _ in range(n)]}
    timers = {name: timeit.Timer(statement, globals=names) for name, statement in STATEMENTS.items()}
    loops = {name: max(1, round(BATCH_SECONDS / max(timer.timeit(1), 1e-9)))
             for name, timer in timers.items()}
    best = {name: float("inf") for name in timers}
    for _ in range(repeats):
        for name, timer in timers.items():
            best[name] = min(best[name], timer.timeit(loops[name]) / loops[name])
    return best


def main(argv):
    parser = OneLineParser(prog="time_sum.py", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many numbers, e.g. 2000")
    parser.add_argument("--json", type=Path, help="also save the times here")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    times = measure(args.n)
    print(f"n = {args.n}, Python {sys.version.split()[0]}: per call, best of {REPEATS} batches,"
          " in turns")
    for name, per_call in times.items():
        print(f"{name:22}{seconds(per_call):>10}")
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, "times": times}, indent=1) + "\n",
                             encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
