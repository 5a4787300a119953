"""A copy of just what `make html` needs, for builds that must not touch the working tree."""
import shutil
from pathlib import Path

from build_support.settings import CODE_PACKAGES
from tests.support.lesson_code_copy import LEARNER_OUTPUTS

ROOT = Path(__file__).resolve().parents[2]  # tests/support/ -> the repository
BOOK_FILES = ["conf.py", "Makefile", "requirements.txt", "docs", "lesson_code", "book_extension",
              *CODE_PACKAGES]


def copy_book(folder, venv):
    """Copy the book's sources into folder, with .venv a link to an existing venv."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in BOOK_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns(*LEARNER_OUTPUTS))
        else:
            shutil.copy2(source, folder / name)
    (folder / ".venv").symlink_to(Path(venv))
    return folder
