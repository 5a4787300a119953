"""Measure what `make test` costs against a clean `make html`, on a fresh clone.

Usage: python -m maintainer.test_cost   (from the repository root; commit first: it clones HEAD)

1. clones the repository into a temporary folder, so nothing of yours is reused;
2. times `make html` there (the venv is made too, as on a new machine);
3. times `make test` there (everything it reads comes from that clone);
4. prints both times and their ratio (the book asks for at most 1.5).

Run it on an otherwise idle machine: it takes as long as both commands.
"""
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_make(folder, target):
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", target], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"make {target} failed in {folder}:\n{result.stdout[-3000:]}")
    return seconds


def main():
    base = Path(tempfile.mkdtemp(prefix="test-cost-"))
    clone = base / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    html = timed_make(clone, "html")
    test = timed_make(clone, "test")
    print(f"clean make html (venv included): {html:7.1f} s")
    print(f"make test:                       {test:7.1f} s")
    print(f"ratio:                           {test / html:7.2f}")
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
