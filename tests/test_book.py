"""The built book: every output present, every glued number equal to what the build measured."""
import datetime
import fnmatch
import json
import os
import platform
import re
from importlib import metadata

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, glue_roles, toc_pages

from finding_bottlenecks.cells import kernprof_table
from finding_bottlenecks.cells import measure_variants as mv
from finding_bottlenecks.learner_profilers import pinned_for_this_python
from finding_bottlenecks.pythons import build_tags, find_pythons
from finding_bottlenecks.settings import LEARNER_OUTPUTS
from finding_bottlenecks.versions import short
from maintainer.refresh_pins import read_pins

# The tags the extension sets for this interpreter, which also builds the book in the tests.
# The tests require the live path: py-spy may record here (a build where it may not shows a note
# instead, and fails these tests); pyinstrument runs where the learner's requirements install it.
TAGS = build_tags(len(find_pythons())) | {"py_spy": True,
                                          "pyinstrument": pinned_for_this_python("pyinstrument")}


@pytest.fixture(scope="module")
def soup(book):
    return BeautifulSoup(book.page(), "html.parser")


@pytest.fixture(scope="module")
def consoles(soup):
    """Each console block on the page, keyed by its first command."""
    blocks = {}
    for pre in soup.select("div.highlight-console pre"):
        text = pre.get_text()
        blocks[text.splitlines()[0].removeprefix("$ ")] = text
    return blocks


@pytest.fixture(scope="module")
def n(consoles):
    (command,) = [c for c in consoles if c.startswith("time python sum_nexts_original.py ")]
    return int(command.split()[-1])


def console(consoles, command):
    assert command in consoles, f"no console block for `{command}`"
    return consoles[command]


@pytest.fixture(scope="module")
def published(book):
    return json.loads((book.html / "measurements.json").read_text())


# The steps whose whole `time` run the prose quotes, by name
WHOLE_RUNS_QUOTED = ["sum_nexts_original.py", "sum_nexts_preallocated.py", "sum_nexts_slice_sum.py",
                     "sum_nexts_numpy_builtin_sum.py", "sum_nexts_numpy_sum.py"]


# Patterns on the shown text, written here apart from the build's readers (finding_bottlenecks/
# readers/), so that a reader's mistake cannot agree with itself.
def _real(block):
    minutes, seconds = re.search(r"^real\s+(\d+)m([\d.]+)s$", block, re.MULTILINE).groups()
    return 60 * int(minutes) + float(seconds)


def _cprofile_total(block):
    calls, seconds = re.search(r"([\d,]+) function calls(?: \(\d+ primitive calls\))? in ([\d.]+) seconds",
                               block).groups()
    return int(calls.replace(",", "")), float(seconds)


def _cprofile_columns(block, name):
    """(ncalls, cumtime) of the listing's row whose last column holds `name`."""
    for line in block.splitlines():
        cells = line.split(None, 5)
        if len(cells) == 6 and name in cells[5] and re.fullmatch(r"[\d/]+", cells[0]):
            return int(cells[0].split("/")[0]), float(cells[3])
    raise AssertionError(f"no row for {name} in the listing")


def _kernprof_line(block, text):
    """(hits, % time) of the table's line whose source contains `text`."""
    for line in block.splitlines():
        found = re.match(r"^\s*\d+\s+(\d+)\s+[\d.e+]+\s+[\d.e+]+\s+([\d.]+)\s+(.*)$", line)
        if found and text in found[3]:
            return int(found[1]), float(found[2])
    raise AssertionError(f"no line {text!r} in the table")


def _timeit_best(block):
    value, unit = re.search(r"best of \d+: ([\d.]+) (nsec|usec|msec|sec) per loop", block).groups()
    return float(value) * {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}[unit]


def headline(consoles, published, n):
    """The headline figures, recomputed from the outputs shown on the page and the published
    measurements, with patterns of this test's own: not from the build's record or readers."""
    listing = console(consoles, f"python -m cProfile sum_nexts_original.py {n}")
    calls, seconds = _cprofile_total(listing)
    pstats_block = console(consoles, f"python -m cProfile -o sum_nexts_original.cprofile "
                                     f"sum_nexts_original.py {n}")
    k0 = console(consoles, f"kernprof -l -v sum_nexts_original.py {n}")
    (timeit_block,) = [block for command, block in consoles.items()
                       if command.startswith("python -m timeit -s \"from sum_nexts_original ")]
    f = {short(row["script"]): row["median"] for row in published["variants"]}
    return {
        "n": n,
        **{f"t_{short(script)}": _real(console(consoles, f"time python {script} {n}"))
           for script in WHOLE_RUNS_QUOTED},
        "cprofile_calls": calls,
        "cprofile_seconds": seconds,
        "len_calls": _cprofile_columns(listing, "builtins.len")[0],
        "sum_nexts_share": 100 * _cprofile_columns(listing, "(sum_nexts)")[1] / seconds,
        "saved_preallocated": 100 * (1 - f["preallocated"] / f["original"]),
        "numpy_builtin_slowdown": f["numpy_builtin_sum"] / f["slice_sum"],
        "timeit_best_ms": 1e3 * _timeit_best(timeit_block),
        "cprofile_rows": int(re.search(r"List reduced from (\d+) to 10", pstats_block).group(1)),
        "k0_body_hits": _kernprof_line(k0, "sums[i] = sums[i]")[0],
        "k0_check_hits": _kernprof_line(k0, "if len(sums)")[0],
        "k0_total": float(re.search(r"^Total time: ([\d.e+-]+) s$", k0, re.MULTILINE)[1]),
        "k0_check_percent": _kernprof_line(k0, "if len(sums)")[1],  # printed to 0.1
        "f_numpy_sum": f["numpy_sum"],
    }


GLUED_PAGES = [page for page in toc_pages() if glue_roles((DOCS / f"{page}.md").read_text(), TAGS)]


def test_the_pages_that_quote_figures_are_found():
    assert {"setup", "finding-bottlenecks", "python-versions"} <= set(GLUED_PAGES)
    assert len(glue_roles((DOCS / "finding-bottlenecks.md").read_text(), TAGS)) > 30


@pytest.mark.parametrize("name", GLUED_PAGES)
def test_every_glued_figure_is_shown_and_published(book, name):
    """Each {glue:text} role renders, and the page publishes the figure beside it."""
    def record(page):
        return json.loads((book.html / f"{page}.figures.json").read_text())

    roles = glue_roles((DOCS / f"{name}.md").read_text(), TAGS, record(name))
    spans = BeautifulSoup(book.page(name), "html.parser").select("span.pasted-text")
    assert len(spans) == len(roles)
    for glued, _ in roles:
        source, _, key = glued.rpartition("::")  # another page's figure: that page's record
        assert key in record(source.removesuffix(".md") or name), f"{name}: {key!r} is glued but not published"


def shown_number(text):
    """A figure as the prose prints it ("5.24", "49,995,000", "12.3%") and half its last digit."""
    digits = text.replace(",", "").rstrip("%")
    decimals = len(digits.partition(".")[2])
    return float(digits), 0.5 * 10 ** -decimals


def test_the_prose_shows_the_figures_its_outputs_give(book, consoles, published, n):
    """The episode's prose, read on the page, against figures recomputed from the outputs it
    shows and the measurements it publishes: not from the record quote() wrote."""
    recomputed = headline(consoles, published, n)
    roles = glue_roles((DOCS / "finding-bottlenecks.md").read_text(), TAGS)
    spans = BeautifulSoup(book.page(), "html.parser").select("span.pasted-text")
    checked = set()
    for (key, spec), span in zip(roles, spans):
        if key in recomputed and spec and spec[-1] in "fd,":
            shown, half_digit = shown_number(span.get_text())
            assert abs(shown - recomputed[key]) <= half_digit + 1e-6 * abs(recomputed[key]), key
            checked.add(key)
    assert len(checked) >= 10, sorted(checked)  # the headline figures the prose quotes


def test_the_headline_figures_follow_from_the_shown_outputs(book, consoles, published, n):
    record = json.loads((book.html / "finding-bottlenecks.figures.json").read_text())
    for key, value in headline(consoles, published, n).items():
        # printed to six digits, percentages to one decimal
        tolerance = {"abs": 0.051} if key.endswith("percent") else {"rel": 1e-5}
        expected = value if isinstance(value, str) else pytest.approx(value, **tolerance)
        assert record[key] == expected, key


HITS = {  # line of sum_nexts -> exact hit count for n, per variant
    "sum_nexts_original.py": {"for i in": lambda n: n + 1, "for j in": lambda n: n * (n + 1) // 2,
                              "if len(sums)": lambda n: n * (n - 1) // 2,
                              "sums.append": lambda n: n - 1,
                              "sums[i] = sums[i]": lambda n: n * (n - 1) // 2},
    "sum_nexts_preallocated.py": {"for i in": lambda n: n + 1, "for j in": lambda n: n * (n + 1) // 2,
                                  "sums[i] = sums[i]": lambda n: n * (n - 1) // 2},
    "sum_nexts_slice_sum.py": {"for i in": lambda n: n + 1, "sum(numbers[i + 1:])": lambda n: n},
    "sum_nexts_numpy_builtin_sum.py": {"for i in": lambda n: n + 1,
                                       "sum(numbers[i + 1:])": lambda n: n},
    "sum_nexts_numpy_sum.py": {"for i in": lambda n: n + 1, ".sum()": lambda n: n},
}


@pytest.mark.parametrize("script", HITS)
def test_each_kernprof_table_is_complete_with_exact_hits(consoles, n, script):
    output = console(consoles, f"kernprof -l -v {script} {n}")
    assert f"Wrote profile results to '{script}.lprof'" in output
    assert f"File: {script}\nFunction: sum_nexts at line" in output
    table = kernprof_table(output)
    for text, hits in HITS[script].items():
        assert table.row(text).hits == hits(n), text
    assert abs(sum(row.percent for row in table.rows) - 100) < 1


def test_time_and_profiler_outputs_are_all_there(consoles, n):
    for script in HITS:
        assert f"{n} sums;" in console(consoles, f"time python {script} {n}") or script.endswith("original.py")
    assert f"{n - 1} sums;" in console(consoles, f"time python sum_nexts_original.py {n}")
    assert "Ordered by: cumulative time" in console(consoles, f"python -m cProfile sum_nexts_original.py {n}")
    pstats_block = console(consoles, f"python -m cProfile -o sum_nexts_original.cprofile sum_nexts_original.py {n}")
    assert "$ python show_profile.py sum_nexts_original.cprofile" in pstats_block
    assert "due to restriction <10>" in pstats_block


def test_the_profile_py_trap_shows_the_real_error(consoles):
    block = console(consoles, "cp sum_nexts_original.py profile.py")
    trapped = "AttributeError: module 'profile' has no attribute 'run'" in block
    assert trapped == (not TAGS["profiling_package"])  # Python 3.15's cProfile needs no `profile`


def test_the_correctness_check_is_shown(consoles, published):
    step_one = console(consoles, "python check_variant.py sum_nexts_original.py")
    assert "sum_nexts_original.py, n = 1000: 1 value missing" in step_one
    assert "sum_nexts_preallocated.py, n = 1000: agrees" in step_one
    checks = {row["script"]: row["check"] for row in published["variants"]}
    assert checks["sum_nexts_original.py"] == "1 value missing"
    assert all(checks[script] == "agrees" for script in mv.VARIANTS if script != "sum_nexts_original.py")


def test_the_environment_panel_is_read_at_build_time(soup):
    table = soup.select_one("table.build-environment")
    assert table is not None
    facts = {tr.select("td")[0].get_text(strip=True): tr.select("td")[1].get_text(strip=True)
             for tr in table.select("tr") if tr.select("td")}
    assert facts["Logical CPUs"].startswith(f"{os.cpu_count()}, ")  # not "cores"
    assert facts["Python from"] and facts["Python build"].startswith("sysconfig")
    assert facts["Python"] == f"{platform.python_version()} ({platform.python_implementation()})"
    assert facts["numpy"] == metadata.version("numpy")
    assert facts["line_profiler"] == metadata.version("line_profiler")
    assert facts["CPU"] and facts["Operating system"]
    built = datetime.datetime.strptime(facts["Date"], "%Y-%m-%d %H:%M UTC").replace(tzinfo=datetime.UTC)
    assert abs(datetime.datetime.now(datetime.UTC) - built) < datetime.timedelta(hours=2)


def test_listings_come_from_lesson_code(book, soup):
    code = "\n".join(pre.get_text() for pre in soup.select("div.highlight-python pre"))
    for script in HITS:
        body = (book.folder / "lesson_code" / script).read_text()
        start = body.index("@profile\ndef sum_nexts")
        function = body[start:body.index("\n\n\n", start)]
        plain = re.sub(r"^ *\d+", "", code, flags=re.MULTILINE)  # drop line numbers
        assert function in plain, script


def test_the_figure_is_drawn_not_pasted(soup):
    figure = soup.select_one("figure#fig-sum-nexts")
    assert figure is not None
    image = figure.select_one("img")
    assert image["src"].endswith(".svg") and "sums[i]" in image["alt"]


def test_the_published_data_matches_the_tables_on_the_page(published, consoles, n):
    assert published["n"] == n and published["environment"]["Cores"] == str(os.cpu_count())
    table = console(consoles, f"python measure_variants.py --n {n} --json measurements.json")
    for row in published["variants"]:
        line = next(text for text in table.splitlines() if text.startswith(row["script"]))
        assert mv.seconds(row["median"]) in line and row["check"] in line


def test_the_page_links_the_published_data(soup):
    links = [a["href"] for a in soup.select("a[download]")]
    assert set(links) == {"measurements.json", "profiles/sum_nexts_original.cprofile",
                          "profiles/sum_nexts_original.py.lprof"}


def test_the_charts_are_drawn_with_alt_text(book, soup):
    further = BeautifulSoup(book.page("going-further"), "html.parser")
    for page, name in ((soup, "fig-timings"), (further, "fig-scaling")):
        image = page.select_one(f"figure#{name} img")
        assert image is not None and image["src"].endswith(".svg") and len(image["alt"]) > 80


def test_the_build_report_lists_each_page_and_the_machine(book):
    report = BeautifulSoup(book.page("build-report"), "html.parser")
    cells = [td.get_text(strip=True) for td in report.select("table td")]
    assert "finding-bottlenecks" in cells and "build-report" in cells
    assert report.select_one("table.build-environment") is not None


def test_every_claim_is_published_with_its_margin_and_listed_in_the_report(book):
    published = json.loads((book.html / "claims.json").read_text())
    claims = published["claims"]
    pages = {c["page"] for c in claims}
    assert {"finding-bottlenecks", "going-further", "python-versions"} <= pages
    measured = [c for c in claims if c["kind"] != "exact"]
    assert all(c["held"] for c in claims) and len(measured) > 30
    assert all(c["ratio"] is None or c["ratio"] > 1 for c in measured)
    ratios = [c["ratio"] for c in measured if c["ratio"] is not None]
    assert ratios == sorted(ratios), "closest to failing first"
    report = BeautifulSoup(book.page("build-report"), "html.parser")
    rows = report.select("table.claims-with-margins tbody tr")
    assert len(rows) == len(measured)
    for row, entry in zip(rows, measured):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert cells[1:3] == [entry["page"], entry["statement"]]
        assert (cells[0] == "flagged") == (entry["ratio"] is not None
                                            and entry["ratio"] < published["flag_below_ratio"])
    assert report.select_one('a[href="claims.json"]') is not None


def test_the_build_log_shows_each_command_and_not_the_kernels_notice(book):
    if book.output is None:
        pytest.skip("no log of this site's build (make html keeps it in _build/html.log)")
    assert "Kernel is running over TCP" not in book.output
    assert re.search(r"^ +\d+\.\d s  finding-bottlenecks: kernprof -l -v sum_nexts_original.py \d+$",
                     book.output, flags=re.MULTILINE)
    assert "claims: " in book.output and "the closest to failing:" in book.output


def test_the_episode_has_its_lesson_structure(soup):
    titles = [p.get_text(strip=True) for p in soup.select("div.admonition p.admonition-title")]
    assert titles[0] == "Overview" and titles[-1] == "Key points"
    overview = soup.select_one("div.admonition.overview").get_text()
    assert "Questions" in overview and "Objectives" in overview
    exercises = soup.select("div.admonition.exercise")
    solutions = soup.select("div.admonition.solution")
    assert len(exercises) >= 4 and len(solutions) == len(exercises)
    assert all("dropdown" in div["class"] for div in solutions)  # hidden until opened
    assert all(div.select("div.highlight") for div in solutions)  # with outputs from the build
    notes = soup.select("div.admonition.instructor-note")
    assert notes and all("dropdown" in div["class"] for div in notes)  # the rest: the guide


def test_every_page_title_is_a_verb_phrase_in_sentence_case(book):
    for page in toc_pages()[1:]:  # the home page's title is the lesson's name
        title = BeautifulSoup(book.page(page), "html.parser").select_one("article h1").get_text()
        title = title.rstrip("#")
        first, *rest = title.split()
        assert first in {"Set", "Find", "Compare", "Go", "See"}, title
        assert all(not w[0].isupper() or w in {"Python"} for w in rest), title


def test_the_setup_page_offers_the_code_and_checks_the_setup(book):
    setup = BeautifulSoup(book.page("setup"), "html.parser")
    assert setup.select_one('a[href="lesson-code.zip"][download]') is not None
    check = [pre.get_text() for pre in setup.select("div.highlight-console pre")
             if pre.get_text().startswith("$ python check_setup.py")]
    assert check and check[0].rstrip().endswith("Your setup is ready.")
    linked = {a.get_text() for a in setup.select("a.download")}
    assert {p.name for p in (ROOT / "lesson_code").glob("sum_nexts_*.py")} <= linked
    for a in setup.select("a.download"):
        assert (book.html / a["href"]).is_file()


def test_the_archive_holds_the_whole_lesson_code(book):
    import zipfile
    with zipfile.ZipFile(book.html / "lesson-code.zip") as archive:
        names = set(archive.namelist())
    # Every .py, .txt and .toml, but not what a learner's runs leave (profile_output.txt, ...).
    wanted = {f"lesson-code/{p.name}" for p in (ROOT / "lesson_code").iterdir()
              if p.suffix in {".py", ".txt", ".toml"}
              and not any(fnmatch.fnmatch(p.name, output) for output in LEARNER_OUTPUTS)}
    assert names == wanted


def test_each_page_offers_its_source_and_notebook(book):
    for page in [p for p in toc_pages() if "{code-cell}" in (DOCS / f"{p}.md").read_text()]:
        html = BeautifulSoup(book.page(page), "html.parser")
        hrefs = [a["href"] for a in html.select("a[href*='_sources']")]
        assert f"_sources/{page}.md" in hrefs and f"_sources/{page}.ipynb" in hrefs
        assert (book.html / "_sources" / f"{page}.ipynb").is_file()


def test_the_header_buttons_point_at_the_repository_files(book):
    html = BeautifulSoup(book.page("finding-bottlenecks"), "html.parser")
    hrefs = [a["href"] for a in html.select("a[href]")]
    assert any(h.endswith("/edit/main/docs/finding-bottlenecks.md") for h in hrefs)
    assert any("/issues" in h for h in hrefs)
    footer = " ".join(f.get_text() for f in html.select("footer"))
    assert "CC BY 4.0" in footer and "MIT" in footer


def test_going_further_has_a_glossary_and_a_figure_from_this_build(book):
    html = BeautifulSoup(book.page("going-further"), "html.parser")
    terms = {dt.get_text(strip=True).rstrip("#¶") for dt in html.select("dl.glossary dt")}
    assert {"wall time", "CPU time", "cumulative time", "own time", "hit"} <= terms
    for figure in ("fig-icicle", "fig-flame-graph", "fig-daily-flame"):
        image = html.select_one(f"figure#{figure} img")
        assert image is not None and image["src"].endswith(".svg") and image["alt"], figure


def test_the_sampling_profilers_ran_live_here(book):
    # These machines must show py-spy's own output, never the note for a machine that forbids it.
    html = BeautifulSoup(book.page("going-further"), "html.parser")
    assert not html.select(".admonition.warning"), "py-spy was refused: the page shows a note"
    consoles = [pre.get_text() for pre in html.select("div.highlight-console pre")]
    assert not [text for text in consoles if "\x1b" in text], "colour codes in a console block"
    recorded = [text for text in consoles if text.startswith("$ py-spy record")]
    assert len(recorded) == 2 and all("Samples: " in text for text in recorded)
    # the count the prose quotes is the one py-spy printed beside it
    quoted = json.loads((book.html / "going-further.figures.json").read_text())["spy_samples"]
    assert f"Samples: {quoted} " in recorded[0]
    # py-spy's own interactive SVGs are published beside the page, which links them
    links = {a["href"] for a in html.select("a[href$='.svg']")}
    assert links == {"py-spy-sum-nexts.svg", "py-spy-daily-temperatures.svg"}
    assert "sum_nexts (sum_nexts_original.py:" in (book.html / "py-spy-sum-nexts.svg").read_text()
    assert "parse (exercise_daily_temperatures.py:" in \
        (book.html / "py-spy-daily-temperatures.svg").read_text()
    tree = [text for text in consoles if text.startswith("$ pyinstrument ")]
    if TAGS["pyinstrument"]:
        assert len(tree) == 1 and "sum_nexts  sum_nexts_original.py" in tree[0]
    else:
        assert html.select("div.needs-pyinstrument") and len(tree) == 1
    cost = next(text for text in consoles if text.startswith("$ python measure_profilers.py"))
    names = ({"plain", "cProfile", "kernprof -l", "py-spy"} | ({"pyinstrument"} if TAGS["pyinstrument"] else set())
             | ({"Tachyon"} if TAGS["profiling_package"] else set()))
    assert all(f"\n{name} " in cost for name in names), cost


def test_copy_buttons_skip_prompts_output_and_line_numbers(book):
    script = (book.html / "_static" / "copybutton.js").read_text()
    assert ".linenos, .gp, .go" in script
    assert "copybutton.js" in book.page()


def test_the_build_records_the_versions_it_used(book):
    recorded = (book.html / "build-versions.txt").read_text()
    assert recorded.startswith("# Built with CPython 3.")
    installed = read_pins(recorded)
    for name, version in read_pins((ROOT / "requirements.txt").read_text()).items():
        assert installed[name] == version, name
    report = BeautifulSoup(book.page("build-report"), "html.parser")
    assert report.find("a", href="build-versions.txt")
    assert any(cell.get_text(strip=True) == "myst-nb" for cell in report.select("td"))


def test_the_home_page_states_the_licences_and_how_to_cite(book):
    home = BeautifulSoup(book.page("index"), "html.parser").get_text(" ")
    assert "CC BY 4.0" in home and "MIT" in home and "CITATION.cff" in home


def test_the_scaling_run_is_published_with_its_slopes(book):
    further = BeautifulSoup(book.page("going-further"), "html.parser")
    blocks = {pre.get_text().splitlines()[0].removeprefix("$ "): pre.get_text()
              for pre in further.select("div.highlight-console pre")}
    slopes = console(blocks, "python measure_variants.py --scaling --json scaling.json")
    published = json.loads((book.html / "scaling.json").read_text())
    for script, points in published["scaling"].items():
        assert f"{script:34} slope {mv.fitted_slope(points):.2f} ± {mv.slope_error(points):.2f}" in slopes


def test_the_notebook_section_downloads_as_a_notebook(book):
    further = BeautifulSoup(book.page("going-further"), "html.parser")
    assert "profile-in-a-notebook.ipynb" in [a["href"] for a in further.select("a[download]")]
    notebook = json.loads((book.html / "profile-in-a-notebook.ipynb").read_text(encoding="utf-8"))
    sources = [cell["source"] for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert sources[0].startswith("from sum_nexts_original import")
    assert any(source.startswith("%%lprun_all") for source in sources)
    assert not [source for source in sources if "lesson." in source or "chdir" in source]


def test_tachyons_figures_are_read_from_its_own_outputs(book):
    """Built with Python 3.15: the flame graph's counts in the prose are those Tachyon printed,
    and the heat map's comparison quotes kernprof's table shown above it."""
    if not (book.html / "tachyon-flame.html").exists():
        pytest.skip("built with a Python older than 3.15: Tachyon's commands are shown, not run")
    further = BeautifulSoup(book.page("going-further"), "html.parser")
    blocks = [pre.get_text() for pre in further.select("div.highlight-console pre, div.output pre")]
    flame = next(text for text in blocks if "--flamegraph -o tachyon-flame.html" in text)
    captured = re.search(r"Captured ([\d,]+) samples", flame)[1]
    drawn = int(re.search(r"Flamegraph data: .*?([\d,]+) total samples", flame)[1].replace(",", ""))
    prose = " ".join(further.get_text().split())
    assert f"It holds {drawn:,} of the {int(captured.replace(',', '')):,} samples captured" in prose
    heat = next(text for text in blocks if "--heatmap -o tachyon-heatmap" in text)
    table = kernprof_table(heat, "sum_nexts")
    shares = [f"{row.percent:.0f}%" for row in table.rows if row.percent > 10]
    assert f"kernprof gives those lines {', '.join(shares[:-1])} and {shares[-1]}" in prose
    diff = next(text for text in blocks if "--diff-flamegraph before.bin -o tachyon-diff.html" in text)
    drawn = int(re.findall(r"Flamegraph data: .*?([\d,]+) total samples", diff)[-1].replace(",", ""))
    assert re.search(rf"The whole run went from [\d,]+ samples to {drawn:,},", prose)
    assert "tachyon-diff.html" in [a["href"] for a in further.select("a")]
    wall = next(text for text in blocks if "--mode wall" in text).split("--mode cpu")[0]
    shares = re.findall(r"^\s*\d+/\d+\s+([\d.]+)\s.*wait_then_sum\.py:\d+\(receive_numbers\)$", wall,
                        re.MULTILINE)
    waiting = max(map(float, shares))
    assert f"holds {waiting:.0f}% of the samples: most of the run is spent waiting" in prose
