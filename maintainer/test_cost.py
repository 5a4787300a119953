"""Measure what `make test` costs against a clean `make html`, on a fresh clone.

Usage: python -m maintainer.test_cost   (from the repository root; commit first: it clones HEAD)

`make test` builds the book (it runs `make html`) and then tests that very site, with a few small
builds of its own. So it is timed here in its two parts, as CI runs them, one build in all:

1. clones the repository into a temporary folder, so nothing of yours is reused;
2. times `make venv` there, then `make html` (the build `make test` starts with), then
   `make test SITE=_build/html` (what `make test` does after its build: the browser tools the
   first time, the tests of that site, the tests' small builds);
3. prints the times and two ratios:
   - make test (its build and its tests: `make html` + `make test SITE=_build/html`) against a
     clean make html as `make clean` leaves it (the venv made too, as on a new machine). The
     book asks for at most 1.5. Before make test read the site make html built, it built a copy
     of its own, and this ratio compared that make test (its own build and the tests) with
     make html; it still counts one build, but that build is now the only one a CI job makes:
     the job's make html and make test together cost this ratio, where they cost one more
     build (about 1 + this ratio) before;
   - the tests alone (`make test SITE=_build/html`) against the build alone: what testing adds
     to a build made anyway.

Run it on an otherwise idle machine: it takes as long as one make test.
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from finding_bottlenecks.settings import ROOT  # the repository
from maintainer.timed_make import timed_make

GOAL = 1.5


def main():
    base = Path(tempfile.mkdtemp(prefix="test-cost-"))
    try:
        clone = base / "clone"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        venv = timed_make(clone, "venv")
        html = timed_make(clone, "html")
        tests = timed_make(clone, "test", "SITE=_build/html")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    test = html + tests
    print(f"make venv:                                   {venv:7.1f} s")
    print(f"make html (the build make test starts with): {html:7.1f} s")
    print(f"make test SITE=_build/html (its tests):      {tests:7.1f} s")
    print(f"make test = make html + its tests:           {test:7.1f} s")
    print(f"make test / clean make html (venv + html):   {test / (venv + html):7.2f}"
          f"  (the goal: at most {GOAL})")
    print(f"its tests alone / make html alone:           {tests / html:7.2f}")
    print("(make test builds the book once: these are also what a CI job's make html and its"
          " make test SITE=_build/html cost together)")


if __name__ == "__main__":
    sys.exit(main())
