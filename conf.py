"""Sphinx configuration for the Finding Bottlenecks book. Pages live in docs/."""
import os
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# The notebook kernel imports the build helpers (lessonbuild/) from the repository root.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
os.environ["LESSON_BUILD_PYTHON"] = sys.executable  # the kernel must be this interpreter

project = "Finding Bottlenecks"
author = "The Finding Bottlenecks contributors"
copyright = "2026, " + author
language = "en"

extensions = ["myst_nb", "sphinx_copybutton", "sphinx_togglebutton", "lessonbuild.mathml"]
html_math_renderer = "mathml"  # drawn by the browser: no math script, no CDN
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
nitpicky = True  # every cross-reference must resolve

# MyST
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist"]
myst_heading_anchors = 3

# `make serve` previews with a cache keyed on everything a page's outputs depend on
# (lessonbuild/preview.py); `make html`, the authoritative build, runs every page every time.
PREVIEW = os.environ.get("LESSON_PREVIEW") == "1"

# MyST-NB: the build is the test, so every page runs every time.
nb_execution_mode = "cache" if PREVIEW else "force"
nb_execution_cache_path = str(ROOT / "_build" / "preview" / "jupyter_cache")
# A failing cell is reported as a warning with the page, its source and error; -W fails the build.
nb_execution_raise_on_error = False
nb_execution_timeout = 900  # per cell; the slowest, kernprof on the original, takes ~25 s here
nb_execution_show_tb = True
nb_render_markdown_format = "myst"  # cells emit MyST (console blocks, tables)
nb_merge_streams = True

# HTML
html_theme = "sphinx_book_theme"
html_title = "Finding Bottlenecks"
templates_path = ["docs/_templates"]  # the theme, lighter and with a fixed search button
html_favicon = "docs/_static/favicon.svg"
html_static_path = ["docs/_static"]  # relative to this file, which sits at the root
html_css_files = ["lesson.css"]
PUBLISHED = ROOT / "_build" / ("preview" if PREVIEW else "") / "published"  # files the pages write
PUBLISHED.mkdir(parents=True, exist_ok=True)
html_extra_path = [str(PUBLISHED)]  # copied into the site after every page has run
sys.path.insert(0, str(ROOT))
from lessonbuild.pythons import build_tags, find_pythons  # noqa: E402
from lessonbuild.repository import repository_url  # noqa: E402
from lessonbuild.versions import versions_file  # noqa: E402

# Prose that is true only on some builds sits in {only} blocks chosen by these tags (Sphinx
# gives conf.py its `tags`).
os.environ["LESSON_PYTHONS_FOUND"] = str(len(find_pythons()))  # the page checks it compared as many
for _tag, _wanted in build_tags(int(os.environ["LESSON_PYTHONS_FOUND"])).items():
    if _wanted:
        tags.add(_tag)  # noqa: F821

REPOSITORY = repository_url(ROOT)  # where the repository, issue and edit buttons point
html_theme_options = {
    "home_page_in_toc": True,
    "navbar_persistent": [],  # the sidebar has the search field; no second one in a header bar
    "show_toc_level": 2,
    "repository_url": REPOSITORY,
    "repository_branch": "main",
    "path_to_docs": "docs",  # pages live in docs/, conf.py at the root
    "use_repository_button": True,
    "use_issues_button": True,
    "use_edit_page_button": True,
    "use_download_button": True,
    "extra_footer": (
        "Lesson text and figures: <a href='https://creativecommons.org/licenses/by/4.0/'>CC BY 4.0</a>;"
        " code: MIT. Follows the outline of <em>Finding Bottlenecks</em> from the 2016 course"
        " <em>Advanced and Parallel Python</em>."
    ),
}

# Copy buttons copy what a learner types: Pygments marks the prompt (.gp) and the program's
# output (.go) in console blocks, and line numbers (.linenos) in listings; none is copied.
copybutton_exclude = ".linenos, .gp, .go"


def _refuse_parallel_execution(app):
    # Timings are only honest when no other notebook runs beside them.
    if app.parallel > 1:
        raise RuntimeError("Build this book without -j: parallel execution would skew its timings.")


def _log_commands(app):
    # The lesson's commands log their wall time here; lessonbuild/build_cost.py replays them.
    log = Path(app.outdir).parent / "lesson-commands.jsonl"
    log.unlink(missing_ok=True)
    os.environ["LESSON_COMMAND_LOG"] = str(log)


def _fresh_published_folder(app):
    # Nothing from an earlier build may be published by this one.
    for stale in PUBLISHED.iterdir():
        stale.unlink()
    os.environ["LESSON_PUBLISH_DIR"] = str(PUBLISHED)
    _zip_lesson_code(PUBLISHED / "lesson-code.zip")
    (PUBLISHED / "build-versions.txt").write_text(versions_file(), encoding="utf-8")


def _zip_lesson_code(archive):
    """The learner's download: every script and the requirements, in a lesson-code/ folder."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted((ROOT / "lesson_code").iterdir()):
            if path.suffix in {".py", ".txt"}:
                zf.write(path, f"lesson-code/{path.name}")


def _offer_notebooks(app, pagename, templatename, context, doctree):
    # The theme's download menu offers the executed notebook beside the page's source.
    if (Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb").exists():
        context["ipynb_source"] = pagename + ".ipynb"


def _copy_notebooks(app, exception):
    if exception is None:
        for notebook in (Path(app.outdir).parent / "jupyter_execute").glob("*.ipynb"):
            shutil.copy2(notebook, Path(app.outdir) / "_sources" / notebook.name)


def setup(app):
    if PREVIEW:
        from lessonbuild.preview import setup_preview
        setup_preview(app)
    app.connect("builder-inited", _fresh_published_folder)
    app.connect("html-page-context", _offer_notebooks)
    app.connect("build-finished", _copy_notebooks)
    app.connect("builder-inited", _refuse_parallel_execution)
    app.connect("builder-inited", _log_commands)
