"""Sphinx configuration for the Finding Bottlenecks book. Pages live in docs/.

Settings only: the machinery of an executable lesson is the extension executable_lesson/
(configured by the lesson_* values below); what is this lesson's own (its tags, the profiles it
publishes) is finding_bottlenecks/book.py.
"""
import os
import sys

sys.path.insert(0, os.path.abspath("."))  # executable_lesson/ and finding_bottlenecks/ live here

from finding_bottlenecks import settings  # noqa: E402 (the lesson's own names, once)

project = "Finding Bottlenecks"
author = "The Finding Bottlenecks contributors"
copyright = "2026, " + author
language = "en"

# executable_lesson also loads sphinx_exercise, which numbers and links the exercises and their
# solutions (hidden by sphinx_togglebutton until opened), and fits it to the book (exercises.py).
extensions = ["myst_nb", "sphinx_copybutton", "sphinx_togglebutton", "executable_lesson",
              "finding_bottlenecks.book"]
html_math_renderer = "mathml"  # executable_lesson draws math as MathML: no math script, no CDN

# The executable lesson (executable_lesson/build/config.py says what each value is for)
lesson_folder = str(settings.LESSON_CODE)  # what a learner downloads and runs
lesson_suffixes = settings.LESSON_SUFFIXES
lesson_ignore = settings.LEARNER_OUTPUTS  # what a learner's runs leave beside the scripts
lesson_packages = settings.CODE_PACKAGES  # what the pages' cells import
# what the pages' outputs depend on beside their files: the lesson's n, the Pythons compared, a
# refusal of py-spy to show (README, "Settings"); another value re-runs every page
lesson_preview_inputs = ["LESSON_N", "LESSON_PYTHONS", "LESSON_PY_SPY_REFUSED"]
lesson_home = "https://github.com/finding-bottlenecks/lesson"
lesson_schedule = "schedule.toml"  # in docs/
lesson_commands = "commands.toml"  # in docs/, for the cheat sheet
lesson_notebooks = [("going-further", "Profile in a notebook")]  # its cells, to download
exclude_patterns = ["_build", "**/.ipynb_checkpoints"]
nitpicky = True  # every cross-reference must resolve

# MyST
# substitution: {{ teaching_minutes }} and the other minutes come from docs/schedule.toml
# (executable_lesson/build/schedule.py), so that the plan is written once
myst_enable_extensions = ["dollarmath", "colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3

# `make serve` previews with a cache keyed on everything a page's outputs depend on
# (executable_lesson/build/preview.py); `make html`, the authoritative build, runs every page.
PREVIEW = tags.has("preview")  # noqa: F821 (Sphinx gives conf.py its tags: make serve adds -t preview)

# MyST-NB: the build is the test, so every page runs every time.
nb_execution_mode = "cache" if PREVIEW else "force"
nb_execution_cache_path = os.path.abspath("_build/preview/jupyter_cache")
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

html_theme_options = {
    "home_page_in_toc": True,
    "navbar_persistent": [],  # the sidebar has the search field; no second one in a header bar
    "show_toc_level": 2,
    # "repository_url" is where this copy came from (executable_lesson/build/repository.py)
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
