"""Names and numbers the pages, the Sphinx extension and the maintainer's tools share."""
import fnmatch
import os
from pathlib import Path

LESSON_CODE = Path(__file__).resolve().parent.parent / "lesson_code"
SCRATCH_PREFIX = "finding-bottlenecks-"  # each scratch copy is a temporary folder named so
PROFILES = "profiles"  # the site's folder of the profiles the pages save, for slow laptops
# The packages a page's cells import: the page API and its pages, readers, charts, and this one.
CODE_PACKAGES = ("cells", "readers", "charts", "build_support")
LESSON_SUFFIXES = {".py", ".txt", ".toml"}  # the lesson's files: scripts, requirements, descriptions
# What a learner's runs leave beside the scripts (profiles, line_profiler's profile_output.txt,
# bytecode): never a lesson file, never copied.
LEARNER_OUTPUTS = ("__pycache__", "*.pyc", "*.lprof", "*.cprofile", "*.prof", "profile_output*")
FLAG_RATIO = 1.1  # the build report flags a claim with less than a tenth of margin


def lesson_n():
    """The n of the lesson's runs: 10000. LESSON_N overrides it for a maintainer's quick look;
    the timing claims are made for n = 10000 and may fail at a much smaller n."""
    return int(os.environ.get("LESSON_N", "10000"))


def lesson_files(folder=LESSON_CODE):
    """The lesson's own files in `folder`, as a learner downloads them (no profiles, no caches)."""
    return sorted(path for path in Path(folder).iterdir()
                  if path.is_file() and path.suffix in LESSON_SUFFIXES
                  and not any(fnmatch.fnmatch(path.name, pattern) for pattern in LEARNER_OUTPUTS))
