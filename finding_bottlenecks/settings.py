"""Names and numbers of this lesson that its pages, its tests, conf.py and the maintainer's
tools share."""
import os
from pathlib import Path

from executable_lesson.support import lesson_files as _files

ROOT = Path(__file__).resolve().parent.parent  # the repository
LESSON_CODE = ROOT / "lesson_code"
PROFILES = "profiles"  # the site's folder of the profiles the pages save, for slow laptops
# What a page's cells import: the machinery's kernel side and this lesson's package (the preview
# runs a page again when one of their modules changes; conf.py says so)
CODE_PACKAGES = ("executable_lesson/kernel", "executable_lesson/support", "finding_bottlenecks")
LESSON_SUFFIXES = (".py", ".txt", ".toml")  # the lesson's files: scripts, requirements, descriptions
# What a learner's runs leave beside the scripts (profiles, line_profiler's profile_output.txt,
# bytecode): never a lesson file, never copied.
LEARNER_OUTPUTS = ("__pycache__", "*.pyc", "*.lprof", "*.cprofile", "*.prof", "profile_output*")


def lesson_n():
    """The n of the lesson's runs: 10000. LESSON_N overrides it for a maintainer's quick look;
    the timing claims are made for n = 10000 and may fail at a much smaller n."""
    return int(os.environ.get("LESSON_N", "10000"))


def lesson_files(folder=LESSON_CODE):
    """The lesson's own files in `folder`, as a learner downloads them (no profiles, no caches)."""
    return _files.lesson_files(folder, LESSON_SUFFIXES, LEARNER_OUTPUTS)
