"""A scratch copy of lesson_code/ without what running the lesson leaves there.

A learner (or a contributor trying a command from the page) runs the scripts in lesson_code/ and
leaves their outputs behind: kernprof's and cProfile's files, line_profiler's `profile_output*`
(LINE_PROFILE=1), Python's `__pycache__`. No test may depend on whether they are there: a test
that runs scripts or lists the folder works in a copy made here, which leaves them out.
"""
import shutil
from pathlib import Path

from finding_bottlenecks.settings import LEARNER_OUTPUTS, LESSON_CODE  # what runs leave; never lesson code


def copy_lesson_code(folder, source=LESSON_CODE):
    """Copy lesson_code/ into folder (made here), leaving out LEARNER_OUTPUTS; return folder."""
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns(*LEARNER_OUTPUTS))
    return Path(folder)


def listing(folder):
    """{relative path: (size, modification time)} of every file and folder under folder: equal
    before and after a run when the run wrote, changed and removed nothing there."""
    folder = Path(folder)
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in folder.rglob("*")}
