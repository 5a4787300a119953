"""A small book that tries the instructor's kit end to end: the magics' timings, each command
placed in its section, the published profiles, the cheat sheet (tests/test_kit_book.py)."""
import os
import sys
from pathlib import Path

ROOT = Path(os.environ.get("KIT_ROOT") or Path(__file__).resolve().parents[3])  # the repository
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = str(ROOT)  # the kernel imports cells/ and book_extension/

extensions = ["myst_nb", "book_extension.page_data", "book_extension.progress", "book_extension.schedule",
              "book_extension.instructor_guide", "book_extension.cheat_sheet"]
myst_enable_extensions = ["substitution", "colon_fence"]
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_render_markdown_format = "myst"
