"""Every page as a reader first meets it (empty storage), at desktop and phone width, in light and
dark mode. The first visits are made once, for every test here (the tests run in two workers,
a file to each: this file's tests share them)."""
import json

import pytest

from tests.browser.conftest import SCREENSHOTS, Visit

MAX_LESSON_BYTES = 1_500_000


def test_first_visits_are_clean_and_local(first_visits, width):
    """No console error, no uncaught script error, no request to any other host (a screenshot
    of each is in _build/screenshots)."""
    problems = {name: {"errors": seen["errors"], "foreign": seen["foreign"]}
                for (at, name), seen in first_visits.items()
                if at == width and (seen["errors"] or seen["foreign"])}
    assert not problems


def test_no_serious_accessibility_violations(first_visits, width):
    found = {name: seen["serious"] for (at, name), seen in first_visits.items()
             if at == width and seen["serious"]}
    assert not found


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_is_readable_in_both_modes_on_every_page(first_visits, width, mode):
    unreadable = {name: seen[mode] for (at, name), seen in first_visits.items()
                  if at == width and seen[mode]}
    assert not unreadable


def test_page_weights(first_visits, width):
    """What each page transfers on a first visit, everything it loads included: no page of the
    book over MAX_LESSON_BYTES (a profiler's own pages, such as Tachyon's flame graph, are linked
    from the lesson, not loaded with it)."""
    weights = {name: seen["bytes"] for (at, name), seen in first_visits.items() if at == width}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"page-weights-{width}.json").write_text(json.dumps(weights, indent=1) + "\n")
    print("\n".join(f"{bytes_:>10,} B  {name}" for name, bytes_ in weights.items()))
    assert "finding-bottlenecks.html" in weights  # the episode was visited, at least
    heavy = {name: bytes_ for name, bytes_ in weights.items() if bytes_ > MAX_LESSON_BYTES}
    assert not heavy, f"over {MAX_LESSON_BYTES:,} bytes on a first visit: {heavy}"


def test_search_finds_the_lesson_page(visit):
    page = visit.open("search.html?q=kernprof")
    results = page.locator("#search-results a[href*='finding-bottlenecks']")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1


def test_published_profiler_pages_open_clean_and_local(chromium, site, published_pages):
    """Tachyon's flame graph and heat map pages (built with Python 3.15): no console error, no
    uncaught script error, no request to any other host. Elsewhere there are none to open."""
    problems = {}
    for name in published_pages:
        reader = Visit(chromium, site, "desktop")
        try:
            reader.open(name)
            if reader.errors or reader.foreign_requests():
                problems[name] = {"errors": reader.errors, "foreign": reader.foreign_requests()}
        finally:
            reader.close()
    assert not problems
