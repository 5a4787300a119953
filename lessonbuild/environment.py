"""The machine and software that produced this build's numbers, read while the build runs."""
import datetime
import os
import platform
from importlib import metadata


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def operating_system():
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"] + f" (Linux {platform.release()})"
    except (OSError, AttributeError, KeyError):
        return platform.platform(terse=True)


def environment():
    return {
        "CPU": cpu_model(),
        "Cores": str(os.cpu_count()),
        "Operating system": operating_system(),
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "numpy": metadata.version("numpy"),
        "line_profiler": metadata.version("line_profiler"),
        "Built": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


class Panel:
    def __init__(self, facts):
        self.facts = facts

    def _repr_markdown_(self):
        rows = "\n".join(f"* - {key}\n  - {value}" for key, value in self.facts.items())
        return (":::{list-table} Where these numbers come from\n:class: build-environment\n"
                ":widths: auto\n\n" + rows + "\n:::\n")


def environment_panel():
    return Panel(environment())
