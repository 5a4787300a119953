"""Measure what a prose-only edit costs in the preview (`make serve`) against a clean build.

Usage: python -m maintainer.preview_cost   (from the repository root; the venv must exist)

Works on a copy of the repository, so your own _build/ is left alone:
1. times a clean `make html`;
2. runs a cold `make preview` (it runs every page, as the first `make serve` build does);
3. edits one sentence of the lesson page's prose and times `make preview` again;
4. prints the times and the ratio (the contributors issue asks for at most 10%).
"""
import sys
import tempfile
from pathlib import Path

from finding_bottlenecks.settings import ROOT  # the repository
from maintainer.timed_make import timed_make
from tests.support.book_copy import copy_book

PAGE = "docs/finding-bottlenecks.md"
SENTENCE = "Measuring where the time goes is called"


def main():
    with tempfile.TemporaryDirectory(prefix="preview-cost-") as tmp:
        folder = copy_book(Path(tmp), ROOT / ".venv")
        clean = timed_make(folder, "html")
        cold = timed_make(folder, "preview")
        page = folder / PAGE
        page.write_text(page.read_text().replace(SENTENCE, "Measuring where time goes is called", 1))
        prose = timed_make(folder, "preview")
    print(f"clean make html:                      {clean:7.1f} s")
    print(f"cold preview (runs every page):       {cold:7.1f} s")
    print(f"preview after a prose-only edit:      {prose:7.1f} s")
    print(f"prose-only rebuild / clean build:     {100 * prose / clean:6.1f} %")


if __name__ == "__main__":
    sys.exit(main())
