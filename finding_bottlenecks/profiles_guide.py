"""The profiles the pages published, for the instructor guide (`published-profiles`: each with the
command that made it and the one that opens it), and those commands for the cheat sheet."""
from docutils import nodes

from executable_lesson.build import holders, instructor_guide, page_data
from executable_lesson.build.tables import table
from finding_bottlenecks.settings import PROFILES


def published_profiles(env):
    """The names of the profiles the pages published in profiles/, sorted."""
    return sorted(name.removeprefix(f"{PROFILES}/") for name in page_data.published(env)
                  if name.startswith(f"{PROFILES}/"))


def profile_commands(names):
    """The command that opens each profile, in a lesson folder that holds it."""
    return [f"python -m pstats {name}" if name.endswith(".cprofile")
            else f"python -m line_profiler {name}" for name in names]


def made_by(name, events):
    """The command that saved the profile `name`, from the progress log, or ''."""
    script = name.removesuffix(".lprof")  # kernprof saves script.py.lprof
    for event in events:
        words = event["command"].split()
        if (name.endswith(".cprofile") and name in words) or (
                name.endswith(".lprof") and words[:1] == ["kernprof"] and script in words):
            return event["command"]
    return ""


def profiles_table(profiles):
    rows = []
    for (name, command), opener in zip(profiles, profile_commands([name for name, _ in profiles])):
        link = nodes.raw("", f'<a href="{PROFILES}/{name}" download>{name}</a>', format="html")
        rows.append([nodes.paragraph("", "", link),
                     nodes.paragraph("", "", nodes.literal(text=command)) if command else "",
                     nodes.paragraph("", "", nodes.literal(text=opener))])
    return table(["Profile", "Made by", "Open it with"], rows, "published-profiles")


def _gather_profiles(app, env):
    pages = holders.pages_holding(env, "published-profiles")
    events = instructor_guide.ended(app)
    env.lesson_profiles = [(name, made_by(name, events)) for name in published_profiles(env)]
    return pages


def _fill_profiles(app, doctree, docname):
    holders.fill(doctree, "published-profiles",
                 lambda: profiles_table(getattr(app.env, "lesson_profiles", [])))


def _cheat_sheet_commands(app, env):
    """The commands that open the published profiles, as the guide gives them."""
    pages = holders.pages_holding(env, "published-profiles")
    return [(command, pages[0]) for command in profile_commands(published_profiles(env))] if pages else []


def setup(app):
    holders.add(app, "published-profiles")
    app.connect("env-updated", _gather_profiles)
    app.connect("doctree-resolved", _fill_profiles)
    app.connect("cheat-sheet-commands", _cheat_sheet_commands)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
