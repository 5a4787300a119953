"""Every page as a reader first meets it (empty storage), at desktop and phone width."""
import json

from .conftest import SCREENSHOTS

MAX_LESSON_BYTES = 1_500_000


def test_first_visits_are_clean_and_local(new_visit, width, pages):
    """No console error, no uncaught script error, no request to any other host; a screenshot."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for name in pages:
        reader = new_visit()
        page = reader.open(name)
        page.screenshot(path=str(SCREENSHOTS / f"{name[:-5]}-{width}.png"), full_page=True)
        if reader.errors or reader.foreign_requests():
            problems[name] = {"errors": reader.errors, "foreign": reader.foreign_requests()}
    assert not problems


def test_no_serious_accessibility_violations(visit, pages):
    found = {}
    for name in pages:
        visit.open(name)
        serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in visit.axe()
                   if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
    assert not found


def test_page_weights(new_visit, width, pages):
    """What each page transfers on a first visit, everything it loads included."""
    weights = {}
    for name in pages:
        reader = new_visit()
        reader.open(name)
        weights[name] = reader.transferred_bytes()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"page-weights-{width}.json").write_text(json.dumps(weights, indent=1) + "\n")
    print("\n".join(f"{bytes_:>10,} B  {name}" for name, bytes_ in weights.items()))
    assert weights["finding-bottlenecks.html"] <= MAX_LESSON_BYTES, weights


def test_search_finds_the_lesson_page(visit):
    page = visit.open("search.html?q=kernprof")
    results = page.locator("#search-results a[href*='finding-bottlenecks']")
    results.first.wait_for(timeout=15000)
    assert results.count() >= 1
