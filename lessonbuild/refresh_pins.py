"""`make pins`: resolve requirements.in into exact pins, in a throwaway venv.

Writes requirements.txt (everything installed, pinned) and updates the pins of the packages a
learner installs in lesson_code/requirements.txt, so the two cannot drift apart.
Usage: python -m lessonbuild.refresh_pins   (from the repository root; needs the package index)
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Exact pins for building the book and running its tests (make html, make test, make check).
# Do not edit by hand: list direct needs in requirements.in, then run `make pins`.
# Learners need only lesson_code/requirements.txt, whose pins `make pins` keeps equal to these.
# Made with {python}.
"""


def resolve(python):
    with tempfile.TemporaryDirectory() as folder:
        venv = Path(folder) / "venv"
        subprocess.run([python, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
        subprocess.run(pip + ["install", "--quiet", "-r", str(ROOT / "requirements.in")], check=True)
        frozen = subprocess.run(pip + ["freeze", "--all", "--exclude", "pip", "--exclude",
                                       "setuptools", "--exclude", "wheel"],
                                check=True, capture_output=True, text=True).stdout
    return sorted((line for line in frozen.splitlines() if "==" in line), key=str.lower)


def canonical(name):
    """A package's name as the index compares it: numpy-Foo_bar.baz and numpy-foo-bar-baz match."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def read_pins(text):
    """{canonical name: version} of every `name==version` line of a requirements-style text."""
    return {canonical(name): version for name, version in
            (line.split("==", 1) for line in text.splitlines()
             if "==" in line and not line.startswith("#"))}


def learner_file(text, pins):
    """The learner's file with each package's pin replaced by the build's."""
    versions = {canonical(p.split("==")[0]): p for p in pins}

    def repin(match):
        return versions[canonical(match[1])]

    return re.sub(r"^([A-Za-z0-9_.-]+)==\S+$", repin, text, flags=re.MULTILINE)


def main():
    pins = resolve(sys.executable)
    version = ".".join(map(str, sys.version_info[:3]))
    (ROOT / "requirements.txt").write_text(HEADER.format(python=f"Python {version}") +
                                           "\n".join(pins) + "\n")
    learner = ROOT / "lesson_code" / "requirements.txt"
    learner.write_text(learner_file(learner.read_text(), pins))
    print(f"requirements.txt: {len(pins)} pins; lesson_code/requirements.txt updated."
          " Run make test before committing them.")


if __name__ == "__main__":
    main()
