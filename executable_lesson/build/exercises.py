"""Exercises and solutions come from sphinx-exercise (its `exercise` and `solution` directives);
this module keeps the rest of the book as it was with it.

- sphinx-exercise numbers exercises through Sphinx's `numfig`, which it switches on for the whole
  book, and `numfig` would also number every captioned figure ("Fig. 1"). Only exercises are
  numbered here: the figures keep their captions as they were.
- It puts each exercise's and each solution's body in a `<section>` whose id is always
  `exercise-content` or `solution-content`: two exercises on a page would repeat an id, which is
  invalid HTML. The bodies lose that wrapper (the box around them stays, with its own id).
- A solution's title, "Solution to Exercise 1 (...)", links to its exercise; the space before
  the link is moved out of it, so that the underline starts under the word. A click on that
  link goes to the exercise and nothing else (static/solutions.js, added here): sphinx-togglebutton
  would also try to open the solution, and fail with an error.
"""
from pathlib import Path

from docutils import nodes
from sphinx_exercise.nodes import is_extension_node

STATIC = Path(__file__).resolve().parent / "static"

NUMBERED = {"exercise"}  # the only figure types (numfig's) that get a number
BODY_IDS = {"exercise-content", "solution-content"}


def _number_only_exercises(app, env):
    # Runs after Sphinx has numbered the book (its own env-get-updated handler, priority 500).
    for numbers in env.toc_fignumbers.values():
        for figtype in set(numbers) - NUMBERED:
            del numbers[figtype]
    return []


def _tidy_boxes(app, doctree, docname):
    for box in list(doctree.findall(is_extension_node)):
        for body in [child for child in box.children if isinstance(child, nodes.section)
                     and set(child["ids"]) <= BODY_IDS]:
            body["ids"] = []  # else replace_self hands them to the first child
            body.replace_self(body.children)
        title = box.children[0]
        for link in list(title.findall(nodes.reference)):
            text = link.children[0] if link.children else None
            if isinstance(text, nodes.Text) and text.startswith(" ") and link.parent is title:
                link.replace(text, nodes.Text(text.lstrip()))
                title.insert(title.index(link), nodes.Text(" "))


def _static_files(app, config):
    config.html_static_path.append(str(STATIC))


def setup(app):
    app.setup_extension("sphinx_exercise")
    app.connect("config-inited", _static_files)
    app.add_js_file("solutions.js")
    app.connect("env-get-updated", _number_only_exercises, priority=900)
    app.connect("doctree-resolved", _tidy_boxes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
