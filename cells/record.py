"""Every figure a page's prose quotes, recorded once.

`quote(name=value, ...)` glues each value for a {glue:text} role and writes it into
`<page>.figures.json`, published beside the site; the page tests check every glued number on the
page against that file, so a figure is computed in one place only.
"""
import numbers
import os

from myst_nb import glue

from . import claims
from .publish import publish

NOT_MEASURED = float("nan")  # a figure this build could not measure; null in the record


class Record:
    def __init__(self, page):
        self.page = page  # the page's name, e.g. "finding-bottlenecks"
        self.figures = {}
        claims.record_for(page)  # the page's claims are recorded beside its figures
        os.environ["LESSON_PAGE"] = page  # and its commands' progress lines name it

    def quote(self, **figures):
        """Glue each figure for the prose and record it; a name is quoted once per page."""
        for name, value in figures.items():
            if name in self.figures:
                raise ValueError(f"{self.page}: the figure {name!r} is quoted twice")
            value = _plain(value)
            glue(name, value, display=False)
            self.figures[name] = value
        # A figure not measured on this build (nan, for prose its {only} blocks leave out) is
        # null in the record: JSON has no nan.
        publish({name: None if value != value else value for name, value in self.figures.items()},
                f"{self.page}.figures.json")


def _plain(value):
    # numpy's numbers become Python's, so that the record is plain JSON
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"a quoted figure is a number or a string, not {value!r}")
