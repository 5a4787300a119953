"""A section of a page as a notebook to download (executable_lesson/build/section_notebooks.py):
the code cells a reader sees in it, in order, and nothing hidden, from any other section, or run."""
import nbformat
from myst_nb.core.read import read_myst_markdown_notebook

from executable_lesson.build.section_notebooks import file_name, section_notebook

PAGE = """---
kernelspec:
  name: python3
  display_name: Python 3
---

# Title

```{code-cell} ipython3
:tags: [remove-cell]
set_up = 1
```

## Before

```{code-cell} ipython3
before = 1
```

## In a `notebook`

Some prose.

```{code-cell} ipython3
:tags: [remove-cell]
hidden = 1
```

```{code-cell} ipython3
first = 1
```

```{code-cell} ipython3
:tags: [remove-input]
only_its_output = 1
```

```{code-cell} ipython3
%timeit first
```

## After

```{code-cell} ipython3
after = 1
```
"""


def executed():
    """The page as MyST-NB's executed notebook holds it (as JSON: lists of lines or strings)."""
    notebook = read_myst_markdown_notebook(PAGE)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = [nbformat.v4.new_output("stream", text="ran\n")]
            cell.execution_count = 1
    return nbformat.from_dict(notebook)


def test_the_sections_visible_cells_in_order_without_outputs():
    notebook = section_notebook(executed(), "In a `notebook`")
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert [cell["source"] for cell in code] == ["first = 1", "%timeit first"]
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    assert notebook["cells"][0]["source"].startswith("# In a `notebook`")
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    nbformat.validate(nbformat.from_dict(notebook))  # a notebook Jupyter opens


def test_a_heading_the_page_lacks_gives_none_and_names_are_anchors():
    assert section_notebook(executed(), "Elsewhere") is None
    assert file_name("Profile in a notebook") == "profile-in-a-notebook.ipynb"
    assert file_name("Step 2: let `sum` do it") == "step-2-let-sum-do-it.ipynb"
