"""`make pins`: resolve requirements.in into exact pins for every supported Python, with uv.

uv's universal resolution writes one file whose environment markers pick, for each Python, the
newest release that installs from wheels: numpy 2.5 needs Python 3.12, and numpy 2.4 is the last
for 3.11, so a file pinned on one Python alone cannot serve them all. requirements.txt gets every
package the build and the tests use; lesson_code/requirements.txt gets the packages marked
`# learner` in requirements.in, at the same versions.
Usage: python -m maintainer.refresh_pins   (from the repository root; needs the package index)
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from executable_lesson.support.pins import canonical, read_pins, target_environment  # noqa: F401 (the tests use them from here)
from finding_bottlenecks.pythons import supported_range, supported_versions
from finding_bottlenecks.settings import ROOT  # the repository

BUILD_PINS = ROOT / "requirements.txt"
LEARNER_PINS = ROOT / "lesson_code" / "requirements.txt"
# Where learners are: every supported Python on each of these must install from wheels alone.
LEARNER_PLATFORMS = ["x86_64-manylinux_2_28", "aarch64-manylinux_2_28", "x86_64-apple-darwin",
                     "aarch64-apple-darwin", "x86_64-pc-windows-msvc"]
BUILD_PLATFORMS = ["x86_64-manylinux_2_28"]  # the book is built on Linux
HEADER = """\
# Exact pins for building the book and running its tests (make html, make test, make check),
# one file for CPython {versions}: markers pick each Python's versions.
# Do not edit by hand: list direct needs in requirements.in, then run `make pins`.
# Learners need only lesson_code/requirements.txt, whose pins `make pins` keeps equal to these.
"""
LEARNER_HEADER = """\
# What a learner installs to follow the lesson: python -m pip install -r requirements.txt
# One file for Python {versions}: a line ending in "; python_full_version ..." applies only to
# the Pythons it names, so each Python gets releases that install on it.
"""


class UnresolvableError(RuntimeError):
    """uv found no set of wheels that satisfies the pins for that Python and platform."""


def uv_compile(source, *options):
    """The pins uv resolves for `source` (a requirements file), as text; raises on failure."""
    command = [sys.executable, "-m", "uv", "pip", "compile", str(source), "--quiet",
               "--no-header", "--no-annotate", "--only-binary", ":all:",
               "--no-python-downloads",  # a target version, not an interpreter to fetch
               "--system-certs",  # the system's certificates, as pip trusts them: any network pip works on
               *options]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise UnresolvableError(result.stderr.strip())
    return result.stdout


def resolve_for(pins, python_version, platform):
    """{name: version} that a wheels-only install of the file `pins` gets on that Python and
    platform. Packages the file does not pin would be resolved too, so they show up here."""
    return read_pins(uv_compile(pins, "--python-version", python_version,
                                "--python-platform", platform), python_version, platform)


def learner_needs(text):
    """The packages marked `# learner` in requirements.in."""
    return [line.split("#", 1)[0].strip() for line in text.splitlines()
            if re.search(r"#\s*learner\b", line) and not line.lstrip().startswith("#")]


def main():
    oldest = "{}.{}".format(*supported_range()[0])
    versions = f"{supported_versions()[0]} to {supported_versions()[-1]}"
    universal = ["--universal", "--python-version", oldest]
    # Both files are resolved before either is written: a failure leaves them as they were.
    try:
        with tempfile.TemporaryDirectory() as folder:
            build = uv_compile(ROOT / "requirements.in", *universal)
            constraints = Path(folder) / "build.txt"
            constraints.write_text(build)
            needs = Path(folder) / "learner.in"
            needs.write_text("\n".join(learner_needs((ROOT / "requirements.in").read_text())) + "\n")
            learner = uv_compile(needs, *universal, "--constraints", constraints)
    except UnresolvableError as error:
        sys.exit(f"make pins: uv could not resolve requirements.in:\n{error}")
    BUILD_PINS.write_text(HEADER.format(versions=versions) + build)
    LEARNER_PINS.write_text(LEARNER_HEADER.format(versions=versions) + learner)
    print(f"requirements.txt: {len(read_pins(build))} packages; lesson_code/requirements.txt:"
          f" {len(read_pins(learner))}. Run make test before committing them.")


if __name__ == "__main__":
    main()
