"""Read pinned requirements files, with their environment markers, for this interpreter or for
another Python and platform (`make pins` and its tests ask about Pythons this machine lacks)."""
import re

from packaging.markers import default_environment
from packaging.requirements import Requirement


def canonical(name):
    """A package's name as the index compares it: Some-Foo_bar.baz and some-foo-bar-baz match."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def target_environment(platform):
    """Marker values for one of uv's platforms, e.g. "aarch64-apple-darwin"."""
    machine = platform.split("-")[0]
    if "darwin" in platform:
        return {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix",
                "platform_machine": "arm64" if machine == "aarch64" else machine}
    if "windows" in platform:
        return {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                "platform_machine": "AMD64" if machine == "x86_64" else "ARM64"}
    return {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
            "platform_machine": machine}


def read_pins(text, python_version=None, platform=None):
    """{canonical name: version} of the `name==version` lines that apply to this interpreter,
    or to another CPython `python_version` ("3.15") and uv `platform` ("x86_64-apple-darwin")."""
    environment = default_environment()
    if python_version:
        environment.update(python_version=python_version, python_full_version=python_version + ".0")
    if platform:
        environment.update(target_environment(platform))
    pins = {}
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if "==" not in line or line.startswith("#"):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            pins[canonical(requirement.name)] = str(requirement.specifier).removeprefix("==")
    return pins
