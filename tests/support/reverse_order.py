"""A Sphinx extension for tests: read the pages in the reverse of Sphinx's own order, to show that
no page needs another to have run before it."""


def _reverse(app, env, docnames):
    docnames.reverse()


def setup(app):
    app.connect("env-before-read-docs", _reverse)
    return {"parallel_read_safe": False}
