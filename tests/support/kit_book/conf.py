"""A small book that tries the instructor's kit end to end: the magics' timings, each command
placed in its section, the published profiles, the cheat sheet (tests/test_kit_book.py)."""
import os
import sys
from pathlib import Path

ROOT = Path(os.environ.get("KIT_ROOT") or Path(__file__).resolve().parents[3])  # the repository
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = str(ROOT)  # the kernel imports the lesson's packages

extensions = ["myst_nb", "executable_lesson.build.page_data", "executable_lesson.build.progress",
              "executable_lesson.build.schedule", "executable_lesson.build.instructor_guide",
              "executable_lesson.build.cheat_sheet", "finding_bottlenecks.profiles_guide"]
myst_enable_extensions = ["substitution", "colon_fence"]
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_render_markdown_format = "myst"
