"""Which `##` section each code cell lies in: the map the instructor guide uses to place each
command the build ran (executable_lesson/build/page_sections.py)."""
import nbformat
from conftest import DOCS
from myst_nb.core.read import read_myst_markdown_notebook

from executable_lesson.build.page_sections import cell_sections, headings


def numbered(text):
    """The notebook MyST-NB makes of the page, numbered as its kernel runs it (nbclient skips
    empty cells: they get no number)."""
    notebook = read_myst_markdown_notebook(text)
    count = 0
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source.strip():
            count += 1
            cell.execution_count = count
    return notebook


def test_each_cell_lies_in_the_last_section_before_it():
    page = ("# Title\n\n```{code-cell} ipython3\nsetup()\n```\n\n## One\n\n"
            "```{code-cell} ipython3\na()\n```\n\n```{code-cell} ipython3\n```\n\n"
            "## Two\n\n```python\n## not a heading\n```\n\n```{code-cell} ipython3\n"
            ":tags: [remove-cell]\n\nb()\n```\n\n## Three\n\nNo cell.\n\n## Four\n\n"
            "```{code-cell} ipython3\nc()\n```\n")
    # set-up before the first section counts in it; the empty cell is not run, so not numbered
    assert cell_sections(numbered(page)) == {1: "One", 2: "One", 3: "Two", 4: "Four"}


def test_cells_with_list_sources_are_read_too():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(["## A\n", "text\n"]),
        nbformat.v4.new_code_cell("x = 1", execution_count=1)])
    assert cell_sections(notebook) == {1: "A"}


def test_every_cell_of_the_episode_lies_in_one_of_its_sections():
    text = (DOCS / "finding-bottlenecks.md").read_text(encoding="utf-8")
    placed = cell_sections(numbered(text))
    assert set(placed.values()) <= set(headings(text))
    assert len(placed) == sum(1 for c in numbered(text).cells if c.get("execution_count"))
