"""The `lesson-scripts` directive: every file of the lesson's code folder that its archive holds,
each with its download link, in the groups the page names. A file no group takes, or that two
groups take, fails the build: a new script is never left off the list.

    ```{lesson-scripts}
    the steps, one script each: step_*.py
    the exercises and their solutions: exercise_*.py solution_*.py
    ```

Each line is a group: what the page calls it, a colon, then the file patterns it takes.
"""
import fnmatch
import os
from pathlib import Path

from sphinx.util.docutils import SphinxDirective

from executable_lesson.build import config
from executable_lesson.support.lesson_files import lesson_files


def lesson_file_names(folder, suffixes, ignored):
    return [path.name for path in lesson_files(folder, suffixes, ignored)]


def grouped(groups, names, where="the lesson-scripts list"):
    """[(label, [names])] in the order of `groups` ([(label, [patterns])]); a ValueError for a
    file that fits no group or more than one, or a group that takes no file."""
    taken = {label: [] for label, _ in groups}
    for name in names:
        fits = [label for label, patterns in groups if any(fnmatch.fnmatch(name, p) for p in patterns)]
        if len(fits) != 1:
            said = "no group" if not fits else f"{len(fits)} groups ({'; '.join(fits)})"
            raise ValueError(f"{where}: the lesson file {name} fits {said}: give it one pattern of one"
                             " group")
        taken[fits[0]].append(name)
    for label, found in taken.items():
        if not found:
            raise ValueError(f"{where}: the group '{label}' takes no lesson file")
    return list(taken.items())


def parse_groups(lines):
    groups = []
    for line in filter(str.strip, lines):
        label, colon, patterns = line.rpartition(":")
        if not colon or not patterns.split():
            raise ValueError(f"'{line}' is not 'what the page calls the group: pattern pattern ...'")
        groups.append((label.strip(), patterns.split()))
    return groups


class LessonScripts(SphinxDirective):
    has_content = True

    def run(self):
        where = f"{self.env.docname}.md, line {self.lineno}"
        try:
            given = config.read(self.config)
            folder = Path(self.env.app.confdir) / given.folder
            groups = grouped(parse_groups(self.content),
                             lesson_file_names(folder, given.suffixes, given.ignore), where)
        except ValueError as error:
            raise self.error(str(error)) from error
        # from the page's folder to the code folder, as {download} reads a path
        page_folder = Path(self.env.doc2path(self.env.docname)).parent
        relative = Path(os.path.relpath(folder, page_folder)).as_posix()
        items = [f"- {label}: " + ", ".join(f"{{download}}`{name} <{relative}/{name}>`" for name in names)
                 for label, names in groups]
        return self.parse_text_to_nodes("\n".join(items))


def setup(app):
    config.add_config_values(app)
    app.add_directive("lesson-scripts", LessonScripts)
