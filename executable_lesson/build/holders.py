"""Which page holds which of the extension's directives (the build report, the schedule, the cheat
sheet): a page says so while it is read, so the extension names no page. Kept in each page's own
metadata, which Sphinx forgets when it reads the page again. Such a directive only marks its
place; what goes there is made once every page has run, and put in when the page is written."""
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

KEY = "executable-lesson-holds"


class placeholder(nodes.General, nodes.Element):
    """Where a directive's content goes, once every page has run (`name` says which)."""


def filled_later(name):
    """A directive named `name` that marks its place on its page, to be filled later; its
    argument, if it is given one, narrows what goes there (fill_each passes it on)."""
    class FilledLater(SphinxDirective):
        optional_arguments = 1
        final_argument_whitespace = True

        def run(self):
            note(self, name)
            return [placeholder(name=name, argument=" ".join(self.arguments))]
    return FilledLater


def fill(doctree, name, make):
    """Put `make()` (a list of nodes) where each `name` directive of this page marked its place."""
    fill_each(doctree, name, lambda argument: make())


def fill_each(doctree, name, make):
    """Put `make(argument)` where each `name` directive of this page marked its place, given
    the directive's argument ("" when it has none)."""
    for found in list(doctree.findall(placeholder)):
        if found["name"] == name:
            found.replace_self(make(found.get("argument", "")))


def add(app, name):
    """Register the directive `name`, filled later."""
    if not getattr(app, "_lesson_placeholder_added", False):
        app.add_node(placeholder)
        app._lesson_placeholder_added = True
    app.add_directive(name, filled_later(name))


def note(directive, name):
    """Called by `directive` (a SphinxDirective) as it runs: its page holds `name`."""
    held = directive.env.metadata[directive.env.docname].setdefault(KEY, [])
    if name not in held:
        held.append(name)


def pages_holding(env, name):
    """The pages that hold `name`, sorted."""
    return sorted(page for page, meta in env.metadata.items()
                  if page in env.found_docs and name in meta.get(KEY, []))
