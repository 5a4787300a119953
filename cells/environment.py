"""The machine and software that produced this build's numbers, read while the build runs."""
from .lesson_code import measure_variants


class Panel:
    def __init__(self, facts):
        self.facts = facts

    def _repr_markdown_(self):
        rows = "\n".join(f"* - {key}\n  - {value}" for key, value in self.facts.items())
        return (":::{list-table} Where these numbers come from\n:class: build-environment\n"
                ":widths: auto\n\n" + rows + "\n:::\n")


def environment_panel():
    return Panel(measure_variants.environment())
