"""The {when} directive (executable_lesson/build/alternatives.py): a page holds one sentence per case of what
it measured, and the build keeps the one whose condition holds for the values the page glued."""
import shutil

import pytest
from sphinx.testing.util import SphinxTestApp

from executable_lesson.build.alternatives import ConditionError, holds
from tests.support.book_copy import ROOT

SITE = ROOT / "tests" / "sites" / "alternatives"
GLUED = {"count": 3, "alike": False, "case": "close"}.__getitem__


@pytest.mark.parametrize("condition,expected", [
    ("alike", False), ("not alike", True), ("count", True), ("count == 3", True),
    ("count != 3", False), ('case == "close"', True), ("case == 'slower'", False),
    ("case  ==  'close'", True),
])
def test_a_condition_reads_a_glued_value(condition, expected):
    assert holds(condition, GLUED) is expected


@pytest.mark.parametrize("condition", ["", "count ==", "not count == 3", "count > 3", "case == close",
                                       "a b"])
def test_a_condition_it_cannot_read_is_refused(condition):
    with pytest.raises(ConditionError):
        holds(condition, GLUED)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    source = tmp_path_factory.mktemp("alternatives") / "site"
    shutil.copytree(SITE, source)
    app = SphinxTestApp("html", srcdir=source)
    try:
        app.build()
        return (source / "_build" / "html" / "index.html").read_text(), app._warning.getvalue()
    finally:
        app.cleanup()


def test_the_page_keeps_the_sentences_whose_condition_holds(built):
    html, warnings = built
    assert "Sentence B, of" in html and "Sentence C." in html and "Sentence E." in html
    # left out before their roles are read: the missing key in A is never looked up
    assert "Sentence A" not in html and "Sentence D." not in html and "no_such_key" not in warnings
    assert not warnings.strip(), warnings


def test_a_condition_naming_no_glued_value_fails_naming_it(tmp_path):
    source = tmp_path / "site"
    shutil.copytree(SITE, source)
    page = source / "index.md"
    page.write_text(page.read_text().replace("{when} count == 3", "{when} counted == 3"))
    app = SphinxTestApp("html", srcdir=source)
    try:
        app.build()
        warnings = app._warning.getvalue()
    finally:
        app.cleanup()
    assert "{when} counted == 3: no value named 'counted' is glued on this page" in warnings
