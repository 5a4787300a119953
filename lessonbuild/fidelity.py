"""Fidelity of the book's measurements: measure twice, compare the speed-ups.

Usage: python -m lessonbuild.fidelity [--n N]   (from the repository root, with the venv's python)

Runs lesson_code/measure_variants.py twice, exactly as the book does, and prints each speed-up
from both runs with their relative difference. On an idle machine, every speed-up of 2x or more
should agree within 10%.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .commands import Scratch


def measure_once(scratch, n, path):
    subprocess.run(["python", "measure_variants.py", "--n", str(n), "--json", str(path)],
                   cwd=scratch.path, env=scratch.env, check=True, stdout=subprocess.DEVNULL)
    return {row["script"]: row["speedup"] for row in json.loads(path.read_text())["variants"]}


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m lessonbuild.fidelity")
    parser.add_argument("--n", type=int, default=10000)
    args = parser.parse_args(argv)
    scratch = Scratch()
    folder = Path(tempfile.mkdtemp(prefix="fidelity-"))
    first = measure_once(scratch, args.n, folder / "first.json")
    second = measure_once(scratch, args.n, folder / "second.json")
    print(f"{'version':34} {'run 1':>10} {'run 2':>10} {'difference':>11}  speed-up >= 2x within 10%?")
    checked = agreed = 0
    for script, one in first.items():
        two = second[script]
        difference = abs(two - one) / one
        verdict = ""
        if min(one, two) >= 2:
            checked += 1
            agreed += difference <= 0.10
            verdict = "yes" if difference <= 0.10 else "NO"
        print(f"{script:34} {one:>9.4g}x {two:>9.4g}x {100 * difference:>10.1f}%  {verdict}")
    print(f"{agreed} of {checked} speed-ups of 2x or more agree within 10%")
    return 0 if agreed == checked else 1


if __name__ == "__main__":
    sys.exit(main())
