"""The lesson's own files in its code folder: what a learner downloads and what each page's
scratch copy holds (no profiles, no caches: what a learner's runs leave is not a lesson file)."""
import fnmatch
from pathlib import Path


def lesson_files(folder, suffixes, ignored):
    """The files of `folder` whose names end with one of `suffixes` and match none of the
    patterns `ignored`, sorted."""
    return sorted(path for path in Path(folder).iterdir()
                  if path.is_file() and path.suffix in set(suffixes)
                  and not any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored))
