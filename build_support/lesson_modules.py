"""The lesson's own measuring module, shared by the build and by learners (lesson_code/),
and the versions of sum_nexts it measures (VERSIONS, and their SCRIPTS)."""
import importlib.util

from .settings import LESSON_CODE
from .sum_nexts_versions import read_versions


def _load(name):
    spec = importlib.util.spec_from_file_location(name, LESSON_CODE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


measure_variants = _load("measure_variants")
VERSIONS = read_versions()  # every version of sum_nexts, as lesson_code/sum_nexts_versions.toml says
SCRIPTS = [version.script for version in VERSIONS]  # their scripts, in the lesson's order
BY_SCRIPT = {version.script: version for version in VERSIONS}
