"""What a learner does on the lesson page: copy a command, open a solution or go to its exercise,
switch light and dark."""
import pytest

LESSON = "finding-bottlenecks.html"


def test_the_copy_button_copies_the_command_without_prompt_or_output(visit):
    page = visit.open(LESSON)
    block = page.locator("div.highlight-console", has_text="$ python sum_nexts_original.py").first
    shown = block.inner_text()
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip().startswith("python sum_nexts_original.py"), copied
    assert "$" not in copied and "\n" not in copied.strip(), copied
    assert copied.strip() in shown and len(shown) > len(copied)  # the block also shows output


def test_a_solution_opens_when_clicked(visit):
    page = visit.open(LESSON)
    solution = page.locator("div.admonition.solution").first
    answer = solution.locator("> :not(.admonition-title)").first
    assert not answer.is_visible()  # hidden until the reader asks
    solution.locator(".admonition-title").click(position={"x": 8, "y": 8})  # the title, off its link
    answer.wait_for(state="visible")
    assert answer.inner_text().strip()
    solution.locator("button.toggle-button").click()
    answer.wait_for(state="hidden")
    assert not visit.errors


def test_a_solutions_title_links_to_its_exercise_and_opens_nothing(visit):
    page = visit.open(LESSON)
    solution = page.locator("div.admonition.solution").first
    answer = solution.locator("> :not(.admonition-title)").first
    link = solution.locator(".admonition-title a")
    exercise = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_function(f"location.hash === '#{exercise}'")
    assert "exercise" in page.locator(f"#{exercise}").get_attribute("class").split()
    assert not answer.is_visible() and not visit.errors  # togglebutton did not try to open it


@pytest.mark.parametrize("mode", ["dark", "light"])
def test_the_theme_switch_changes_the_colours(visit, mode):
    page = visit.open(LESSON)
    other = {"dark": "light", "light": "dark"}[mode]
    visit.choose_mode(other)
    before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    visit.choose_mode(mode)
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != before
    # The choice is remembered on the next page.
    page = visit.open("setup.html")
    assert page.evaluate("document.documentElement.dataset.theme") == mode


def luminance(css_colour):
    """Relative brightness, 0 to 1, of an rgb()/rgba() colour as the browser reports it, seen over
    a black page: a nearly transparent backdrop is not a light one."""
    parts = [float(x) for x in css_colour[css_colour.index("(") + 1:-1].replace("/", ",").split(",")]
    red, green, blue = (c / 255 for c in parts[:3])
    alpha = parts[3] if len(parts) > 3 else 1.0
    return alpha * (0.2126 * red + 0.7152 * green + 0.0722 * blue)


def test_figures_sit_on_a_light_backdrop_in_dark_mode(visit):
    # The charts are drawn with dark ink; in dark mode the theme must put them on a light card.
    page = visit.open(LESSON)
    visit.choose_mode("dark")
    figures = page.locator("img[src$='.svg']")
    assert figures.count() >= 2  # the triangle of sums and the timings (the scaling plot: Go further)
    for i in range(figures.count()):
        backdrop = figures.nth(i).evaluate("img => getComputedStyle(img).backgroundColor")
        assert luminance(backdrop) > 0.6, (figures.nth(i).get_attribute("alt"), backdrop)


def test_one_visible_way_to_search(visit):
    page = visit.open(LESSON)
    buttons = page.locator("button.search-button__button, button.search-button")
    visible = [i for i in range(buttons.count()) if buttons.nth(i).is_visible()]
    assert len(visible) == 1
