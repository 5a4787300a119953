"""Pythons older than the oldest the lesson supports, for the tests that they are turned away in
one line, by the Makefile (PY_CHECK) and by lesson_code/check_setup.py.

- A stand-in, everywhere: this interpreter, claiming to be an old CPython (fake_python). It runs
  the very code an old Python would run up to its refusal, so the tests that use it need neither
  pyenv nor a download, and run in `make check`.
- Real ones, which also prove that the code still parses on them (no f-string in check_setup.py):
  pyenv's (2.7, 3.6 ...), where the machine has them; and in CI (CI=true, as GitHub Actions sets
  it) CPython 3.8 up to the one before the oldest supported, which uv installs (it has no older).
  The tests of real ones are marked `other_pythons` (tests/conftest.py): `make test` runs them,
  `make check` does not. Where there is none they are skipped, saying why, but never in CI: there
  a Python uv cannot install fails the test.
"""
import atexit
import functools
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

UV = Path(sys.executable).parent / "uv"  # pinned in requirements.txt
UV_OLDEST = (3, 8)  # the oldest CPython uv installs

# Run by the stand-in before anything else: the version it claims, everywhere an old Python's
# code would read it (sys.version_info, sys.version, platform.python_version()).
CLAIM = """\
import collections, platform, sys
sys.version_info = collections.namedtuple("version_info", "major minor micro releaselevel serial")(
    {major}, {minor}, {micro}, "final", 0)
sys.version = "{dotted} (a stand-in for CPython {dotted}: " + sys.version + ")"
platform.python_version = lambda: "{dotted}"
"""


def dotted(version):
    return ".".join(str(number) for number in version)


def in_ci():
    """GitHub Actions sets CI=true (and GITHUB_ACTIONS=true) for every step, in containers too."""
    return any(os.environ.get(name, "").lower() in {"true", "1", "yes"}
               for name in ("CI", "GITHUB_ACTIONS"))


def fake_python(folder, version):
    """An executable `pythonX.Y` in folder: this interpreter, claiming to be CPython `version`
    (X, Y, Z) from its start (a sitecustomize module on its PYTHONPATH)."""
    site = Path(folder) / f"claims-{dotted(version)}"
    site.mkdir(parents=True)
    (site / "sitecustomize.py").write_text(
        CLAIM.format(major=version[0], minor=version[1], micro=version[2], dotted=dotted(version)))
    python = Path(folder) / f"python{version[0]}.{version[1]}"
    python.write_text(f'#!/bin/sh\nPYTHONPATH="{site}${{PYTHONPATH:+:$PYTHONPATH}}" '
                      f'exec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return python


def pyenv_pythons(oldest):
    """{"3.6": path} of pyenv's Pythons older than oldest, told apart by their file names."""
    root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    found = {}
    for path in sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python*"))):
        name = re.fullmatch(r"python(\d+)\.(\d+)", os.path.basename(path))
        if name and tuple(map(int, name.groups())) < tuple(oldest):
            found.setdefault(f"{name[1]}.{name[2]}", path)
    return found


def uv_versions(oldest):
    """The versions older than oldest that uv can install: ["3.8", "3.9", "3.10"]."""
    return [f"3.{minor}" for minor in range(UV_OLDEST[1], oldest[1])] if oldest[0] == 3 else []


def old_versions(oldest):
    """The parameters of a test of real too-old Pythons: the versions this machine has (pyenv's)
    and, in CI, those uv installs. Outside CI, with none, one skipped parameter that says why."""
    wanted = set(pyenv_pythons(oldest)) | (set(uv_versions(oldest)) if in_ci() else set())
    if wanted:
        return sorted(wanted, key=lambda version: tuple(map(int, version.split("."))))
    return [pytest.param(None, marks=pytest.mark.skip(
        reason=f"no Python older than {dotted(oldest)} here (pyenv's; in CI, uv installs"
               f" {', '.join(uv_versions(oldest))}): the stand-in tests check the same code"))]


@functools.cache
def uv_pythons(versions):
    """{"3.8": path} of CPythons installed by uv into a temporary folder, once per test session;
    or, if uv could not install them, what it said."""
    folder = tempfile.mkdtemp(prefix="old-pythons-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    env = dict(os.environ, UV_PYTHON_INSTALL_DIR=folder, UV_SYSTEM_CERTS="1")  # as pip trusts them
    installed = subprocess.run([str(UV), "python", "install", "--no-bin", *versions], env=env,
                               capture_output=True, text=True, timeout=900)
    if installed.returncode != 0:
        return f"uv could not install CPython {', '.join(versions)}:\n{installed.stderr}"
    found = {}
    for version in versions:
        answer = subprocess.run([str(UV), "python", "find", "--system", "--managed-python",
                                 "--no-project", version], env=env, capture_output=True,
                                text=True, timeout=60)
        if answer.returncode != 0:
            return f"uv installed CPython {version} but cannot find it:\n{answer.stderr}"
        found[version] = answer.stdout.strip()
    return found


def old_python(version, oldest):
    """The path of a real CPython `version` ("3.9"), one of old_versions(oldest): pyenv's, or in
    CI uv's. A failure, never a skip, when it cannot be had."""
    pyenv = pyenv_pythons(oldest)
    if version in pyenv:
        return pyenv[version]
    assert in_ci(), f"no Python {version} here, and not in CI"
    installed = uv_pythons(tuple(uv_versions(oldest)))
    if isinstance(installed, str):
        pytest.fail(installed)
    return installed[version]
