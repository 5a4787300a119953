"""The built book served on 127.0.0.1 and read in Debian's Chromium, driven by Playwright."""
import contextlib
import functools
import http.server
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import sync_playwright

from finding_bottlenecks.settings import ROOT  # the repository

CHROMIUM = "/usr/bin/chromium"  # Debian's package, installed by `make test`
# How Chromium must start on these machines: no sandbox as root, and no background traffic.
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "_build" / "screenshots"  # CI uploads this folder


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site(book):
    """Base address of the built book, served from its folder on a free local port."""
    handler = functools.partial(QuietHandler, directory=str(book.html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def made_by_sphinx(path):
    return 'data-content_root="' in path.read_text(encoding="utf-8")  # on Sphinx's <html> element


@pytest.fixture(scope="session")
def pages(book):
    """Every page of the book, as a path under the site's address."""
    return sorted(p.name for p in book.html.glob("*.html") if made_by_sphinx(p))


@pytest.fixture(scope="session")
def published_pages(book):
    """The pages a profiler wrote and the book publishes as they are (Tachyon's flame graph and
    heat map, on a build with Python 3.15), as paths under the site's address."""
    return sorted(str(p.relative_to(book.html)) for p in book.html.rglob("*.html")
                  if not made_by_sphinx(p) and "_static" not in p.parts)


@contextlib.contextmanager
def launched():
    """A Chromium of its own; Playwright's objects belong to the thread that launched them."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def chromium():
    with launched() as browser:
        yield browser


class Visit:
    """One fresh reader (empty storage) at one width, with what the page says and asks for."""

    def __init__(self, chromium, site, width):
        self.site = site
        self.context = chromium.new_context(viewport=WIDTHS[width])
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
        self.page = self.context.new_page()
        self.errors, self.requests, self.responses = [], [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("response", lambda r: self.responses.append(r))

    def open(self, path, wait_until="networkidle"):
        self.page.goto(f"{self.site}/{path}", wait_until=wait_until)
        return self.page

    def foreign_requests(self):
        return [url for url in self.requests if not url.startswith(self.site + "/")]

    def transferred_bytes(self):
        return sum(len(r.body()) for r in self.responses if r.status < 300)

    def axe(self, **options):
        """Run axe-core in the page; return its violations."""
        if not self.page.evaluate("typeof axe !== 'undefined'"):
            self.page.add_script_tag(path=str(AXE))
        return self.page.evaluate("options => axe.run(document, options).then(r => r.violations)",
                                  options)

    def choose_mode(self, mode):
        self.page.locator("button.theme-switch-button").first.click()
        self.page.locator(f"button.theme-change-button[data-mode={mode}]").first.click()
        # Read colours only once the mode applies and the theme's colour transitions have ended:
        # a check in mid-fade once found the search button's text between its two colours.
        self.page.wait_for_function("mode => document.documentElement.dataset.theme === mode", arg=mode)
        # The clicked button's tooltip goes when the pointer and the focus leave it; on a busy
        # machine axe once read it in mid-fade.
        self.page.mouse.move(0, 0)
        self.page.evaluate("document.activeElement && document.activeElement.blur()")
        self.page.wait_for_function("() => !document.querySelector('.tooltip')")
        self.page.wait_for_function(
            "() => document.getAnimations().every(a => a.playState !== 'running')")

    def close(self):
        self.context.close()


@pytest.fixture(params=list(WIDTHS))
def width(request):
    return request.param


@pytest.fixture
def new_visit(chromium, site, width):
    """Make readers at this width, each with empty storage, as on a first visit."""
    made = []

    def make():
        made.append(Visit(chromium, site, width))
        made[-1].width = width
        return made[-1]

    yield make
    for reader in made:
        reader.close()


@pytest.fixture
def visit(new_visit):
    return new_visit()


CONTRAST = ("color-contrast", "link-in-text-block")  # axe-core's rules that read colours


def first_visit(chromium, site, width, name):
    """What one reader meets on a first visit to one page: its errors, requests, weight and
    screenshot, axe-core's serious findings, and its contrast findings in light and dark mode."""
    reader = Visit(chromium, site, width)
    try:
        # Opened at its load event, not 500 ms of network silence: the checks below take longer
        # than that, and the requests and errors are read after them, so late ones still count.
        page = reader.open(name, wait_until="load")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name[:-5]}-{width}.png"), full_page=True)
        # Every rule once, in light mode (its contrast rules among them), then the contrast
        # rules again in dark mode.
        reader.choose_mode("light")
        found = reader.axe()
        seen = {"serious": [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found
                            if v["impact"] in ("serious", "critical")],
                "light": [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in found
                          if v["id"] in CONTRAST]}
        reader.choose_mode("dark")
        seen["dark"] = [(v["id"], [n["target"] for n in v["nodes"]][:5])
                        for v in reader.axe(runOnly=list(CONTRAST))]
        page.wait_for_load_state("networkidle")
        seen.update(errors=list(reader.errors), foreign=reader.foreign_requests(),
                    bytes=reader.transferred_bytes())
        return seen
    finally:
        reader.close()


@pytest.fixture(scope="session")
def first_visits(site, pages):
    """{(width, page): first_visit(...)}: every page at every width, visited once for all the
    tests that read a first visit; each width in a browser of its own, side by side."""
    def visit_every_page(width):
        with launched() as browser:
            return {(width, name): first_visit(browser, site, width, name) for name in pages}
    with ThreadPoolExecutor(max_workers=len(WIDTHS)) as pool:
        return {key: seen for visits in pool.map(visit_every_page, WIDTHS) for key, seen in visits.items()}
