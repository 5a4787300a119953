"""Sphinx configuration for the Finding Bottlenecks book. Pages live in docs/."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The notebook kernel imports the build helpers (lessonbuild/) from the repository root.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
os.environ["LESSON_BUILD_PYTHON"] = sys.executable  # the kernel must be this interpreter

project = "Finding Bottlenecks"
author = "The Finding Bottlenecks contributors"
copyright = "2026, " + author
language = "en"

extensions = ["myst_nb"]
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
nitpicky = True  # every cross-reference must resolve

# MyST
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# MyST-NB: the build is the test, so every page runs every time.
nb_execution_mode = "force"  # the cache keys on cell source only, not on lesson_code/
nb_execution_raise_on_error = False  # a failing cell is reported as a warning, with its source and error; -W fails the build
nb_execution_timeout = 900  # per cell; the slowest, kernprof on the original, takes ~25 s here
nb_execution_show_tb = True
nb_render_markdown_format = "myst"  # cells emit MyST (console blocks, tables)
nb_merge_streams = True

# HTML
html_theme = "sphinx_book_theme"
html_title = "Finding Bottlenecks"
html_static_path = ["docs/_static"]  # relative to this file, which sits at the root
html_css_files = ["lesson.css"]
PUBLISHED = ROOT / "_build" / "published"  # data files the pages write while they run
PUBLISHED.mkdir(parents=True, exist_ok=True)
html_extra_path = [str(PUBLISHED)]  # copied into the site after every page has run
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
}


def _refuse_parallel_execution(app):
    # Timings are only honest when no other notebook runs beside them.
    if app.parallel > 1:
        raise RuntimeError("Build this book without -j: parallel execution would skew its timings.")


def _log_commands(app):
    # The lesson's commands log their wall time here; scripts/build_cost.py replays them.
    log = Path(app.outdir).parent / "lesson-commands.jsonl"
    log.unlink(missing_ok=True)
    os.environ["LESSON_COMMAND_LOG"] = str(log)


def _fresh_published_folder(app):
    # Nothing from an earlier build may be published by this one.
    for stale in PUBLISHED.iterdir():
        stale.unlink()
    os.environ["LESSON_PUBLISH_DIR"] = str(PUBLISHED)


def setup(app):
    app.connect("builder-inited", _fresh_published_folder)
    app.connect("builder-inited", _refuse_parallel_execution)
    app.connect("builder-inited", _log_commands)
