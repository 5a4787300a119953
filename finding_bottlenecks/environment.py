"""The machine and software that produced this build's numbers, read while the build runs."""
from finding_bottlenecks.lesson_modules import measure_variants

CPUINFO = "/proc/cpuinfo"


def virtual_machine(cpuinfo=CPUINFO):
    """Whether the processor says it runs under a hypervisor (Linux: the `hypervisor` flag);
    None where that cannot be read."""
    try:
        with open(cpuinfo, encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("flags"):
                    return "hypervisor" in line.split(":", 1)[1].split()
    except OSError:
        pass
    return None


def cpus_said(count, virtual):
    """What os.cpu_count() counts: logical CPUs, which on a virtual machine are virtual ones."""
    if virtual:
        return (f"{count}, virtual: this is a virtual machine, whose CPUs may share physical"
                " cores with other machines")
    return f"{count}, as the operating system counts them (hardware threads included)"


def panel_facts(environment, virtual):
    """measure_variants.py's record of the environment, labelled for a reader: its "Cores" are
    logical CPUs; where the Python comes from and how it was built stay beside its version."""
    facts = {}
    for key, value in environment.items():
        if key == "Cores":
            facts["Logical CPUs"] = cpus_said(value, virtual)
        else:
            facts[key] = value
    return facts


class Panel:
    def __init__(self, facts):
        self.facts = facts

    def _repr_markdown_(self):
        rows = "\n".join(f"* - {key}\n  - {value}" for key, value in self.facts.items())
        return (":::{list-table} Where these numbers come from\n:class: build-environment\n"
                ":widths: auto\n\n" + rows + "\n:::\n")


def environment_panel():
    return Panel(panel_facts(measure_variants.environment(), virtual_machine()))
