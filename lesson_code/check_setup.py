"""Check that this computer is ready for the lesson: Python, numpy, line_profiler, the scripts.

Usage: python check_setup.py
"""
import platform
import shutil
import sys
from importlib import metadata
from pathlib import Path

from measure_variants import check, load_variant, reference_sums


def main():
    problems = []
    print(f"Python        {platform.python_version()} ({platform.python_implementation()})")
    if sys.version_info < (3, 10):
        problems.append("the lesson code needs Python 3.10 or newer")
    for package in ("numpy", "line_profiler"):
        try:
            print(f"{package:13} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            problems.append(f"{package} is not installed: python -m pip install -r requirements.txt")
    if shutil.which("kernprof") is None:
        problems.append("the kernprof command is not on your PATH: try python -m kernprof")
    here = Path(__file__).resolve().parent
    script = here / "sum_nexts_preallocated.py"
    numbers = load_variant(script).gen_data(500, 2016)
    verdict = check(load_variant(script).sum_nexts(numbers), reference_sums(numbers))
    print(f"{script.name}: {verdict}")
    if verdict != "agrees":
        problems.append(f"{script.name} gives a wrong answer: download the lesson code again")
    for problem in problems:
        print(f"problem: {problem}")
    print("Your setup is ready." if not problems else "Please fix the problems above.")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if len(sys.argv) != 1:
        print(f"usage: python {sys.argv[0]}", file=sys.stderr)
        sys.exit(2)
    main()
