"""The lesson's own measuring module, shared by the build and by learners (lesson_code/),
and the versions of sum_nexts it measures, each known by its role (sum_nexts_versions.toml):
VERSIONS in the order the tables show them, the STEPS the episode teaches in the order it
teaches them, from START to END, and the EXTRAS it only shows."""
import importlib.util
import sys

from finding_bottlenecks.settings import LESSON_CODE
from finding_bottlenecks.versions import chain, read_versions


def load(name):
    """lesson_code/<name>.py as a module, able to import its neighbours as it does when a
    learner runs it there."""
    spec = importlib.util.spec_from_file_location(name, LESSON_CODE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(LESSON_CODE))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(LESSON_CODE))
    return module


measure_variants = load("measure_variants")
VERSIONS = read_versions()  # every version of sum_nexts, as lesson_code/sum_nexts_versions.toml says
SCRIPTS = [version.script for version in VERSIONS]  # their scripts, in the lesson's order
BY_SCRIPT = {version.script: version for version in VERSIONS}
STEPS = chain(VERSIONS)  # the episode's steps, in its order
START, END = STEPS[0], STEPS[-1]  # the version the episode starts from, and the one it ends with
EXTRAS = [version for version in VERSIONS if not version.is_step]
