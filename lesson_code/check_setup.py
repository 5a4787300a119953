"""Check that this computer is ready for the lesson: Python, numpy, line_profiler, the scripts.

Usage: python check_setup.py
"""
# ruff: noqa: UP032
# This file uses no f-strings and checks the Python version before it imports anything else,
# so that even a very old Python can run it far enough to say what is wrong.
import platform
import sys

# The Pythons the lesson is tested on. make pins, the tests and the setup page read these two.
OLDEST = (3, 11)
NEWEST = (3, 15)


def dotted(version):
    return ".".join(str(number) for number in version)


def check_python():
    """Stop on a Python older than OLDEST; warn on one newer than NEWEST."""
    mine = platform.python_version()
    if sys.version_info[:2] < OLDEST:
        print("problem: the lesson needs Python {} to {} and you are using {}: install one of"
              " those (python.org/downloads), then make the virtual environment again with it"
              .format(dotted(OLDEST), dotted(NEWEST), mine))
        sys.exit(1)
    print("Python        {} ({})".format(mine, platform.python_implementation()))
    if sys.version_info[:2] > NEWEST:
        print("warning: the lesson is tested on Python {} to {}, not yet on {}: if a package"
              " fails to install, use Python {}".format(dotted(OLDEST), dotted(NEWEST), mine,
                                                        dotted(NEWEST)))


def main():
    check_python()
    import shutil
    from importlib import metadata
    from pathlib import Path

    from measure_variants import check, load_variant, reference_sums

    problems = []
    for package in ("numpy", "line_profiler", "ipython"):  # IPython: the notebook section
        try:
            print("{:13} {}".format(package, metadata.version(package)))
        except metadata.PackageNotFoundError:
            problems.append(package + " is not installed: python -m pip install -r requirements.txt")
    if shutil.which("kernprof") is None:
        problems.append("the kernprof command is not on your PATH: try python -m kernprof")
    here = Path(__file__).resolve().parent
    script = here / "sum_nexts_preallocated.py"
    numbers = load_variant(script).gen_data(500, 2016)
    verdict = check(load_variant(script).sum_nexts(numbers), reference_sums(numbers))
    print("{}: {}".format(script.name, verdict))
    if verdict != "agrees":
        problems.append(script.name + " gives a wrong answer: download the lesson code again")
    for problem in problems:
        print("problem: " + problem)
    print("Your setup is ready." if not problems else "Please fix the problems above.")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    if len(sys.argv) != 1:
        sys.stderr.write("usage: python {}\n".format(sys.argv[0]))
        sys.exit(2)
    main()
