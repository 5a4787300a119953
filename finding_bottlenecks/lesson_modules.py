"""The lesson's own measuring module, shared by the build and by learners (lesson_code/),
and the versions of sum_nexts it measures, each known by its role (sum_nexts_versions.toml):
VERSIONS in the order the tables show them, the STEPS the episode teaches in the order it
teaches them, from START to END, and the EXTRAS it only shows."""
import importlib.util

from finding_bottlenecks.settings import LESSON_CODE
from finding_bottlenecks.versions import chain, read_versions


def _load(name):
    spec = importlib.util.spec_from_file_location(name, LESSON_CODE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


measure_variants = _load("measure_variants")
VERSIONS = read_versions()  # every version of sum_nexts, as lesson_code/sum_nexts_versions.toml says
SCRIPTS = [version.script for version in VERSIONS]  # their scripts, in the lesson's order
BY_SCRIPT = {version.script: version for version in VERSIONS}
STEPS = chain(VERSIONS)  # the episode's steps, in its order
START, END = STEPS[0], STEPS[-1]  # the version the episode starts from, and the one it ends with
EXTRAS = [version for version in VERSIONS if not version.is_step]
