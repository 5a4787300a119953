"""A section of a page offered as a notebook to download: the code cells a reader sees in it, in
order, under its heading, without outputs, for a learner to run in their own Jupyter.

conf.py names the sections: `lesson_notebooks = [("page", "Its `##` heading"), ...]`. Each is
written beside the site's pages as <the heading's anchor>.ipynb when the build ends, from the
executed notebook MyST-NB keeps: hidden cells (`remove-cell`, `remove-input`) stay out.
"""
import json
from pathlib import Path

from docutils.nodes import make_id
from sphinx.util import logging

from executable_lesson.build import config
from executable_lesson.build.page_sections import headings

logger = logging.getLogger(__name__)
HIDDEN = {"remove-cell", "remove-input"}


def file_name(heading):
    """"Profile in a notebook" -> "profile-in-a-notebook.ipynb": the section's anchor."""
    return make_id(heading.replace("`", "")) + ".ipynb"


def section_notebook(executed, heading):
    """The notebook of one `##` section of an executed page; None when it has no such section."""
    cells, inside, found = [], False, False
    for cell in executed["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            titles = headings(source)
            if titles:
                inside = titles[-1] == heading
                found = found or heading in titles
        elif inside and cell["cell_type"] == "code" and not HIDDEN & set(cell["metadata"].get("tags", [])):
            cells.append({"cell_type": "code", "metadata": {}, "source": source,
                          "outputs": [], "execution_count": None})
    if not found:
        return None
    title = {"cell_type": "markdown", "metadata": {},
             "source": f"# {heading}\n\nRun the cells in turn, in the folder of the lesson code."}
    cells = [title, *cells]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"  # nbformat 4.5 wants an id on every cell
    return {"cells": cells, "metadata": {"kernelspec": executed["metadata"].get("kernelspec", {})},
            "nbformat": 4, "nbformat_minor": 5}


def _write(app, exception):
    if exception is not None:
        return
    for page, heading in config.read(app.config).notebooks:
        executed = Path(app.outdir).parent / "jupyter_execute" / f"{page}.ipynb"
        notebook = section_notebook(json.loads(executed.read_text(encoding="utf-8")), heading) \
            if executed.exists() else None
        if notebook is None:
            logger.warning(f"lesson_notebooks: {page} has no executed section '## {heading}'")
            continue
        (Path(app.outdir) / file_name(heading)).write_text(json.dumps(notebook, indent=1) + "\n",
                                                           encoding="utf-8")


def setup(app):
    app.connect("build-finished", _write)
