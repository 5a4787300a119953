"""Measure what a clean `make html` costs against the lesson's own commands run once.

Usage: python -m maintainer.build_cost   (from the repository root; the venv must exist)

1. Times a clean `make html`, which logs every command the page runs.
2. Replays those commands back to back, once, in a fresh scratch copy of lesson_code/.
3. Prints both times and their ratio (the book issue asks for at most 1.5).
"""
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from executable_lesson.support.learner_environment import learner_environment
from finding_bottlenecks.scratch import UNSET
from finding_bottlenecks.settings import (
    ROOT,  # the repository
    lesson_files,
)


def main():
    start = time.perf_counter()
    subprocess.run(["make", "--no-print-directory", "html"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    build = time.perf_counter() - start

    log = ROOT / "_build" / "lesson-commands.jsonl"
    runs = [json.loads(line) for line in log.read_text().splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for path in lesson_files():  # what the build's scratch copies hold
            shutil.copy2(path, scratch)
        start = time.perf_counter()
        for run in runs:
            # in the environment the build ran it in (the learner's venv, which the build keeps)
            env = learner_environment(Path(run["python"]).parent.parent, unset=UNSET)
            for command in run["commands"]:
                subprocess.run(["bash", "-c", command], cwd=scratch, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # as the page does after its profile.py trap: a left-over profile.py breaks cProfile
            (scratch / "profile.py").unlink(missing_ok=True)
        commands = time.perf_counter() - start

    print(f"clean make html:                 {build:7.1f} s")
    print(f"lesson commands, back to back:   {commands:7.1f} s  ({len(runs)} runs)")
    print(f"ratio:                           {build / commands:7.2f}")


if __name__ == "__main__":
    sys.exit(main())
