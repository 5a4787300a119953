"""The pins install from wheels alone on every supported Python and platform, asked of uv's
resolver without those interpreters: a learner on the newest Python can follow the setup page."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from finding_bottlenecks.pythons import supported_versions
from maintainer.refresh_pins import (
    BUILD_PINS,
    BUILD_PLATFORMS,
    LEARNER_PINS,
    LEARNER_PLATFORMS,
    UnresolvableError,
    read_pins,
    resolve_for,
)

CASES = ([("learner", LEARNER_PINS, v, p) for v in supported_versions() for p in LEARNER_PLATFORMS]
         + [("build", BUILD_PINS, v, p) for v in supported_versions() for p in BUILD_PLATFORMS])


@pytest.fixture(scope="module")
def resolutions():
    """Every case resolved at once: each is a wait on the package index, not on this machine, so
    they run side by side. {(pins, version, platform): pins resolved, or the UnresolvableError}."""
    def resolve(case):
        try:
            return resolve_for(*case)
        except UnresolvableError as error:
            return error
    cases = [case[1:] for case in CASES]
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(cases, pool.map(resolve, cases)))


@pytest.mark.parametrize("pins,version,platform", [case[1:] for case in CASES],
                         ids=[f"{who}-{v}-{p}" for who, _, v, p in CASES])
def test_the_pins_install_from_wheels_alone(resolutions, pins, version, platform):
    resolved = resolutions[pins, version, platform]
    if isinstance(resolved, UnresolvableError):
        pytest.fail(f"{pins.name} does not install from wheels on Python {version}, {platform}:"
                    f"\n{resolved}")
    pinned = read_pins(pins.read_text(), version, platform)
    # Whatever the install would take must be pinned, at that version: no unpinned dependency.
    assert resolved == {name: pinned.get(name) for name in resolved}, (resolved, pinned)


def test_a_pin_made_on_one_python_alone_is_caught(tmp_path):
    # The pins before `make pins` used uv: numpy 2.4.6 everywhere, which has no wheel for 3.15.
    old = tmp_path / "requirements.txt"
    old.write_text("numpy==2.4.6\nline-profiler==5.1.0\ntyping-extensions==4.16.0\n")
    with pytest.raises(UnresolvableError, match="numpy"):
        resolve_for(old, supported_versions()[-1], LEARNER_PLATFORMS[0])


@pytest.mark.parametrize("version", supported_versions())
def test_learner_pins_are_the_build_pins(version):
    build = read_pins(BUILD_PINS.read_text(), version)
    learner = read_pins(LEARNER_PINS.read_text(), version)
    assert learner and {name: build.get(name) for name in learner} == learner
