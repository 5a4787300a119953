"""The exact versions of everything installed in the interpreter that built the book."""
import platform
import sys
from importlib import metadata


def installed():
    """(name, version) of every installed distribution, sorted by name."""
    found = {dist.metadata["Name"]: dist.version for dist in metadata.distributions()}
    return sorted(found.items(), key=lambda item: item[0].lower())


def versions_file():
    """requirements.txt-style text: what this build used, to install the same again."""
    lines = [f"# Built with {platform.python_implementation()} {platform.python_version()}"
             f" ({sys.executable})"]
    lines += [f"{name}=={version}" for name, version in installed()]
    return "\n".join(lines) + "\n"


class VersionsTable:
    def _repr_markdown_(self):
        rows = "\n".join(f"| {name} | {version} |" for name, version in installed())
        return "| Package | Version |\n| :-- | :-- |\n" + rows + "\n"


def versions_table():
    return VersionsTable()
