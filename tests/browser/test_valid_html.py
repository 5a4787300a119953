"""Every page of the book is valid HTML for the current Nu HTML Checker (npm vnu-jar, run with
Java); the pages a profiler wrote, published as they are, are its own."""
import json
import subprocess

from tests.browser.conftest import ROOT, made_by_sphinx

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_the_nu_checker_finds_no_errors(book):
    pages = sorted(str(p) for p in book.html.glob("*.html") if made_by_sphinx(p))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [(m["url"].rsplit("/", 1)[-1], m.get("lastLine"), m["message"]) for m in messages
              if m["type"] == "error" or m.get("subType") == "fatal"]
    assert not errors, errors[:20]
    assert result.returncode == 0
