"""Build the book beside a noisy neighbour, and say how far its measurements moved.

A shared CI runner is rarely idle: other jobs load its cores for a few seconds, then leave them.
This tool does the same to this machine while `make html` runs: one busy process per core, each
spinning for a random few seconds, then resting for a random few seconds. The build must still
pass: no claim may fail because the machine was busy. Then it compares the build's speed-ups with
those of a quiet build's published measurements.json.

    .venv/bin/python -m maintainer.noisy_neighbour                    # load, then make html
    .venv/bin/python -m maintainer.noisy_neighbour --quiet q.json     # ... and compare with q.json
    .venv/bin/python -m maintainer.noisy_neighbour --make 'make html PYTHON=python3.15'

Run it from the repository root; keep a copy of a quiet build's _build/html/measurements.json
first, since this build replaces the site.
"""
import argparse
import json
import multiprocessing
import os
import random
import shlex
import subprocess
import sys
import time
from pathlib import Path

BUSY = (2.0, 6.0)  # seconds a burst of load lasts, at random in this range
IDLE = (2.0, 6.0)  # ... and a rest between bursts


def neighbour(seed, stop):
    """Spin for a random while, rest for a random while, until told to stop."""
    rng = random.Random(seed)
    while not stop.is_set():
        until = time.monotonic() + rng.uniform(*BUSY)
        while time.monotonic() < until and not stop.is_set():
            sum(i * i for i in range(10_000))
        stop.wait(rng.uniform(*IDLE))


def speedups(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {row["script"]: row["speedup"] for row in data["variants"]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", metavar="JSON", help="a quiet build's measurements.json")
    parser.add_argument("--make", default="make --no-print-directory html",
                        help="the build command (default: %(default)s)")
    parser.add_argument("--site", default="_build/html", help="where the build puts the site")
    parser.add_argument("--seed", type=int, default=2016)
    args = parser.parse_args(argv)
    if args.quiet and not Path(args.quiet).is_file():
        parser.exit(2, f"noisy_neighbour: no such file: {args.quiet}\n")

    stop = multiprocessing.Event()
    cores = os.cpu_count() or 1
    workers = [multiprocessing.Process(target=neighbour, args=(args.seed + i, stop), daemon=True)
               for i in range(cores)]
    for worker in workers:
        worker.start()
    start = time.perf_counter()
    try:
        build = subprocess.run(shlex.split(args.make), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    seconds = time.perf_counter() - start
    print(f"{args.make}: {'passed' if build.returncode == 0 else 'FAILED'} in {seconds:.0f} s,"
          f" beside {cores} busy processes ({BUSY[0]:g}-{BUSY[1]:g} s on,"
          f" {IDLE[0]:g}-{IDLE[1]:g} s off)")
    if build.returncode != 0:
        sys.exit(build.stdout[-4000:])
    claims = json.loads((Path(args.site) / "claims.json").read_text(encoding="utf-8"))["claims"]
    closest = [c for c in claims if c["kind"] != "exact"][:5]
    print("closest claims:")
    for entry in closest:
        print(f"  {entry['ratio'] or float('inf'):7.3f}  {entry['page']}: {entry['statement']}")
    if args.quiet:
        quiet, busy = speedups(args.quiet), speedups(Path(args.site) / "measurements.json")
        print(f"{'speed-up':32} {'quiet':>10} {'busy':>10} {'moved':>8}")
        for script, value in quiet.items():
            print(f"{script:32} {value:10.1f} {busy[script]:10.1f} {busy[script] / value - 1:+8.1%}")


if __name__ == "__main__":
    main()
