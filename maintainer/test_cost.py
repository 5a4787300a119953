"""Measure what `make test` costs against a clean `make html`, on a fresh clone.

Usage: python -m maintainer.test_cost   (from the repository root; commit first: it clones HEAD)

1. clones the repository into a temporary folder, so nothing of yours is reused;
2. times `make venv` there, then `make html`, then `make test` (which also installs the browser
   tools the first time);
3. prints the times and two ratios: make test against a clean make html as `make clean` leaves
   it (the venv made too, as on a new machine; the book asks for at most 1.5), and against the
   build alone.

Run it on an otherwise idle machine: it takes as long as both commands.
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from maintainer.timed_make import timed_make

ROOT = Path(__file__).resolve().parent.parent


def main():
    base = Path(tempfile.mkdtemp(prefix="test-cost-"))
    try:
        clone = base / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        venv = timed_make(clone, "venv")
        html = timed_make(clone, "html")
        test = timed_make(clone, "test")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"make venv:                        {venv:7.1f} s")
    print(f"make html (venv made):            {html:7.1f} s")
    print(f"make test:                        {test:7.1f} s")
    print(f"make test / clean make html:      {test / (venv + html):7.2f}  (the goal: at most 1.5)")
    print(f"make test / make html alone:      {test / html:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
