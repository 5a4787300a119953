"""Correct first: compare each variant's result with a reference, and check the prose's claims."""
import importlib.util
import math
from dataclasses import dataclass


class ClaimError(AssertionError):
    """A sentence of the lesson does not hold on this build's measurements."""


def claim(holds, statement, **figures):
    """Fail the build, naming the claim and its figures, when a sentence of the page is false."""
    if not holds:
        shown = ", ".join(f"{name} = {value!r}" for name, value in figures.items())
        raise ClaimError(f"The lesson claims that {statement}, but on this build {shown}.")


def load_variant(path):
    """Import a lesson script as a module without running its command line."""
    spec = importlib.util.spec_from_file_location(f"variant_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference_sums(numbers):
    """sums[i] = x[i+1] + ... + x[n-1] for every i, each correctly rounded (math.fsum)."""
    numbers = [float(x) for x in numbers]
    return [math.fsum(numbers[i + 1:]) for i in range(len(numbers))]


@dataclass
class Comparison:
    name: str
    expected_length: int
    length: int
    worst_relative_error: float  # over the positions both have
    first_disagreement: int | None  # first common position outside the tolerance

    @property
    def agrees(self):
        return self.length == self.expected_length and self.first_disagreement is None

    def verdict(self):
        if self.agrees:
            return "agrees"
        parts = []
        if self.length != self.expected_length:
            missing = self.expected_length - self.length
            parts.append(f"{abs(missing)} value{'s' if abs(missing) != 1 else ''} "
                         f"{'missing' if missing > 0 else 'too many'}")
        if self.first_disagreement is not None:
            parts.append(f"differs from position {self.first_disagreement}")
        return "; ".join(parts)


def compare_variant(name, sums, reference, rel_tol=1e-9, abs_tol=1e-12):
    """Compare a variant's sums with the reference, position by position."""
    sums = [float(x) for x in sums]
    worst, first_bad = 0.0, None
    for i, (got, want) in enumerate(zip(sums, reference)):
        if want:
            worst = max(worst, abs(got - want) / abs(want))
        if first_bad is None and not math.isclose(got, want, rel_tol=rel_tol, abs_tol=abs_tol):
            first_bad = i
    return Comparison(name, len(reference), len(sums), worst, first_bad)


def check_variants(folder, scripts, n, seed=2016):
    """Run each script's sum_nexts in-process on its own gen_data(n, seed); compare with fsum."""
    reference, comparisons = None, []
    for script in scripts:
        module = load_variant(folder / script)
        numbers = module.gen_data(n, seed)
        if reference is None:
            first_numbers, reference = [float(x) for x in numbers], reference_sums(numbers)
        elif [float(x) for x in numbers] != first_numbers:
            raise ClaimError(f"{script} does not generate the same numbers as {scripts[0]}")
        comparisons.append(compare_variant(script, module.sum_nexts(numbers), reference))
    return CheckTable(comparisons)


class CheckTable(list):
    """The comparisons, shown as a table on the page."""

    def _repr_markdown_(self):
        lines = ["| Script | Values | Expected | Largest relative difference | Verdict |",
                 "| :-- | --: | --: | --: | :-- |"]
        for c in self:
            lines.append(f"| `{c.name}` | {c.length:,} | {c.expected_length:,} | "
                         f"{c.worst_relative_error:.1e} | {c.verdict()} |")
        return "\n".join(lines) + "\n"

    def get(self, name):
        return next(c for c in self if c.name == name)
