"""Every figure a page's prose quotes, recorded once.

`quote(name=value, ...)` glues each value for a {glue:text} role, and names the values it glued
as the page's figures: the build gathers them from the executed notebook and publishes them as
`<page>.figures.json` beside the site (build/page_data.py), so a figure is computed in
one place only.
"""
import numbers

from myst_nb import glue

from executable_lesson.kernel.send import send

NOT_MEASURED = float("nan")  # a figure this build could not measure; null in the record


class Record:
    def __init__(self, page):
        self.page = page  # the page's name, as its file is named
        self.figures = {}
        send("figures", names=[])  # the page keeps a record, even if it quotes nothing

    def quote(self, **figures):
        """Glue each figure for the prose and name it a figure; a name is quoted once per page."""
        for name, value in figures.items():
            if name in self.figures:
                raise ValueError(f"{self.page}: the figure {name!r} is quoted twice")
            value = _plain(value)
            glue(name, value, display=False)
            self.figures[name] = value
        send("figures", names=list(figures))


def _plain(value):
    # other kinds of numbers become plain Python ones, so that the record is plain JSON
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"a quoted figure is a number or a string, not {value!r}")
