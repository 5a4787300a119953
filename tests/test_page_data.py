"""What a page hands to the build travels inside its executed notebook (kernel/send.py,
executable_lesson/build/page_data.py): a small site of two pages, built in seconds. Their claims, figures
and files reach the site, again when the pages come from the execution cache, and whatever order
the pages are read in; two pages publishing one name is an error naming both."""
import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from tests.support.book_copy import ROOT

SITE = ROOT / "tests" / "sites" / "page_data"


def build(source, **settings):
    app = SphinxTestApp("html", srcdir=source, confoverrides=settings, freshenv=True)
    try:
        app.build()
        build.status = app._status.getvalue()
        return source / "_build" / "html", app._warning.getvalue()
    finally:
        app.cleanup()


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the kernels import the packages
    shutil.copytree(SITE, tmp_path / "site")
    return tmp_path / "site"


def published(html):
    return {"figures": json.loads((html / "first.figures.json").read_text()),
            "claims": [(c["page"], c["statement"], c["held"])
                       for c in json.loads((html / "claims.json").read_text())["claims"]],
            "first.json": json.loads((html / "data" / "first.json").read_text()),
            "second.txt": (html / "second.txt").read_text(),
            "second figures": (html / "second.figures.json").exists()}


EXPECTED = {"figures": {"n": 3, "word": "three", "not_measured": None},
            "claims": [("first", "two is above one", True), ("second", "a fact", True)],
            "first.json": {"rows": [1, 2]}, "second.txt": "hello", "second figures": False}


def test_claims_figures_and_files_reach_the_site(site):
    html, warnings = build(site)
    assert not warnings.strip(), warnings
    assert published(html) == EXPECTED
    text = BeautifulSoup((html / "first.html").read_text(), "html.parser").get_text(" ", strip=True)
    assert "There are 3 of them." in " ".join(text.split())


def test_pages_from_the_execution_cache_hand_over_the_same(site, tmp_path):
    cache = tmp_path / "cache"
    build(site, nb_execution_mode="cache", nb_execution_cache_path=str(cache))
    shutil.rmtree(site / "_build")
    html, warnings = build(site, nb_execution_mode="cache", nb_execution_cache_path=str(cache))
    assert "Using cached notebook" in build.status and "Executing notebook" not in build.status
    assert not warnings.strip(), warnings
    assert published(html) == EXPECTED


def test_the_pages_read_in_reverse_order_give_the_same_site(site):
    conf = site / "conf.py"
    conf.write_text(conf.read_text() + '\nextensions.append("tests.support.reverse_order")\n')
    html, warnings = build(site)
    read = re.findall(r"reading sources\.\.\. (?:\x1b\[[\d;]*m)*\[\s*\d+%\] (?:\x1b\[[\d;]*m)*(\w+)", build.status)
    assert read == ["second", "index", "first"], build.status
    assert not warnings.strip(), warnings
    assert published(html) == EXPECTED


def test_no_page_needs_another_to_have_run(site):
    (site / "index.md").write_text((site / "index.md").read_text().replace("first\nsecond", "second"))
    (site / "first.md").unlink()  # only the second page: it publishes all it did beside the first
    html, warnings = build(site)
    assert (html / "second.txt").read_text() == "hello"
    assert [c["statement"] for c in json.loads((html / "claims.json").read_text())["claims"]] == ["a fact"]


def test_two_pages_publishing_one_name_fail_naming_both(site):
    second = site / "second.md"
    second.write_text(second.read_text().replace('"second.txt"', '"data/first.json"'))
    _, warnings = build(site)
    assert "second publishes data/first.json, which first publishes too" in warnings
