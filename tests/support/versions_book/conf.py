"""A small book that shows every version of sum_nexts the way the lesson's pages do: the
measuring script's table, the timing bars, the scaling lines and the comparison of Pythons
(tests/test_seventh_version.py builds it on a copy of the repository that has one more)."""
import os
import sys
from pathlib import Path

ROOT = Path(os.environ.get("VERSIONS_ROOT") or Path(__file__).resolve().parents[3])  # the repository
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = str(ROOT)  # the kernel imports the lesson's packages from there

extensions = ["myst_nb"]
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_render_markdown_format = "myst"
nb_execution_show_tb = True  # a failing cell shows its traceback in the test's message
