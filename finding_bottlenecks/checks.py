"""Correct first: compare each variant's result with a reference before the page says more."""
from executable_lesson.kernel.claims import ClaimError, claim
from finding_bottlenecks.lesson_modules import BY_SCRIPT
from finding_bottlenecks.lesson_modules import measure_variants as mv


def check_variants(folder, scripts, n, seed=2016):
    """Run each script's sum_nexts in-process on its own gen_data(n, seed); compare with fsum."""
    reference, first_numbers, rows = None, None, []
    for script in scripts:
        module = mv.load_variant(folder / script)
        numbers = module.gen_data(n, seed)
        if reference is None:
            first_numbers, reference = [float(x) for x in numbers], mv.reference_sums(numbers)
        elif [float(x) for x in numbers] != first_numbers:
            raise ClaimError(f"{script} does not generate the same numbers as {scripts[0]}")
        sums = module.sum_nexts(numbers)
        rows.append({"script": script, "length": len(sums), "expected": len(reference),
                     "worst_relative_error": mv.worst_relative_error(sums, reference),
                     "check": mv.check(sums, reference)})
    return CheckTable(rows)


def expected_verdict(script):
    """What a version's answer check must say: its known defect, else "agrees"."""
    return BY_SCRIPT[script].expected_check


def require_correct(folder, scripts, n):
    """Correct first: check every version's answer before the page says anything else about it.

    A version that does not give its expected verdict (its known defect, else "agrees") stops
    the build here, named with its first differing position."""
    table = check_variants(folder, scripts, n)
    for row in table:
        expected = expected_verdict(row["script"])
        claim(row["check"] == expected,
              f"{row['script']} gives the expected answer for n = {n} ({expected}) before the page"
              " says anything more about it", check=row["check"])
    return table


class CheckTable(list):
    """The comparisons, shown as a table on the page."""

    def _repr_markdown_(self):
        lines = ["| Script | Values | Expected | Largest relative difference | Verdict |",
                 "| :-- | --: | --: | --: | :-- |"]
        for row in self:
            lines.append(f"| `{row['script']}` | {row['length']:,} | {row['expected']:,} | "
                         f"{row['worst_relative_error']:.1e} | {row['check']} |")
        return "\n".join(lines) + "\n"

    def get(self, script):
        return next(row for row in self if row["script"] == script)
