"""The lesson's scratch folder: the machinery's (executable_lesson.kernel.commands.Scratch), with
the lesson's own ways to run a command: under `time`, under kernprof and under cProfile, each
read back from what the tool printed or saved, and the saved profiles published for learners."""
from executable_lesson.kernel import commands
from executable_lesson.kernel.commands import CommandError
from executable_lesson.kernel.publish import publish_file
from finding_bottlenecks.readers.profile_files import line_table, listing_agrees, profile_stats
from finding_bottlenecks.readers.text_output import time_report
from finding_bottlenecks.settings import LEARNER_OUTPUTS, LESSON_CODE, LESSON_SUFFIXES, PROFILES

UNSET = ("LINE_PROFILE",)  # would switch on line_profiler's own summaries in every command


class Scratch(commands.Scratch):
    """A throwaway copy of lesson_code/: .lprof and .cprofile files never land in the repository,
    and kernprof's File: line stays as short as a learner's."""

    def __init__(self, source=LESSON_CODE):
        super().__init__(source, LESSON_SUFFIXES, LEARNER_OUTPUTS, unset=UNSET)

    def time(self, command):
        """`time command`, as a learner types it; run.real is the whole process's wall time."""
        run = self.run(f"time {command}")
        run.real = time_report(run.output)["real"]
        return run

    def kernprof(self, script, *arguments, function="sum_nexts", every_function=False):
        """`kernprof -l -v script arguments`; run.table holds `function`'s line timings as the
        .lprof file saved them, checked against the table kernprof printed. every_function adds
        `-p script`: kernprof then profiles every function of the script, no @profile needed."""
        options = f"-l -v -p {script}" if every_function else "-l -v"
        run = self.run(" ".join(["kernprof", options, script, *map(str, arguments)]))
        run.table = line_table(self.file(f"{script}.lprof"), function)
        _publish_profile(self.file(f"{script}.lprof"))
        if not listing_agrees(run.output, run.table, function):
            raise CommandError(f"kernprof printed a table that its {script}.lprof does not hold:"
                               f"\n{run.output}\n{run.table}")
        return run

    def cprofile(self, script, *arguments, saved=None, then=()):
        """`python -m cProfile -o saved script arguments` (saved: script.cprofile by default),
        then the commands `then`; run.stats is the saved profile, read with pstats."""
        saved = saved or script.removesuffix(".py") + ".cprofile"
        run = self.run(" ".join(["python -m cProfile -o", saved, script, *map(str, arguments)]),
                       *then)
        run.stats = profile_stats(self.file(saved))
        _publish_profile(self.file(saved))
        return run


def _publish_profile(path):
    """Publish a profile a command saved as profiles/<its name>, for learners whose laptops are
    too slow to make it (the instructor guide lists them)."""
    publish_file(path, f"{PROFILES}/{path.name}")


