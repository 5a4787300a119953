"""Memory (measure_memory.py's JSON): the figures the prose quotes and the claims it makes."""
import json

from .claims import claim, claim_below, claim_between
from .lesson_code import short

MEMORY_N = 3000  # tracemalloc follows every allocation: the double loops take ~40 s at 10000
LIST_STEPS = ["original", "preallocated", "slice_sum"]
ARRAY_STEPS = ["numpy_builtin_sum", "numpy_sum", "reverse_cumsum"]


def measure_memory(lesson, effects_n, n=MEMORY_N):
    """`python measure_memory.py n --effects-n effects_n --json memory.json`: the table for n,
    and the three operations behind it measured at effects_n."""
    run = lesson.run(f"python measure_memory.py {n} --effects-n {effects_n} --json memory.json")
    run.memory = MemoryUse(json.loads(lesson.file("memory.json").read_text(encoding="utf-8")))
    return run


class MemoryUse:
    def __init__(self, data):
        self.n, self.effects = data["n"], data["effects"]
        self.rows = {short(row["script"]): row for row in data["versions"]}
        self.extra = {name: row["peak"] - row["result"] for name, row in self.rows.items()}

    def per_number(self, step):
        return self.rows[step]["result"] / self.n

    def figures(self):
        """The figures of the prose, once its sentences about them are checked."""
        e, n, big = self.effects, self.n, self.effects["n"]
        for step in LIST_STEPS:
            claim_between(self.per_number(step), 28, 40,  # about 32, and a list's spare room
                          f"{step}'s list of floats takes about 32 bytes a number")
        for step in ARRAY_STEPS:  # byte counts are exact: facts, not measurements with a spread
            claim(8 <= self.per_number(step) < 9, f"{step}'s array takes 8 bytes a number",
                  per_number=self.per_number(step))
        ratio = self.rows["original"]["result"] / self.rows["numpy_sum"]["result"]
        claim_between(ratio, 3, 5,  # nearer four than three or five
                      "a list of floats takes about four times the memory of an array")
        claim(e["copy_is_new"], "slicing a list makes a new list", effects=e)
        claim(e["list_slice"] >= 8 * (big - 1), "slicing a list copies a pointer for each element",
              list_slice=e["list_slice"], elements=big - 1)
        claim(e["slice_is_a_view"], "slicing an array makes a view", effects=e)
        claim_below(e["array_slice"], 1000, "an array's slice is small, whatever its length")
        new_per_element = (e["list_of_scalars"] - e["list_of_floats"]) / big
        claim(e["scalar_type"] == "float64", "going through an array gives numpy.float64 objects",
              effects=e)
        claim(new_per_element >= 24,
              "going through an array makes a new object of 24 bytes or more per element",
              new_per_element=new_per_element)
        claim(self.extra["reverse_cumsum"] >= 8 * (n - 1),
              "the reverse cumulative sum holds one temporary array beside its result",
              extra=self.extra["reverse_cumsum"], n=n)
        claim_below(max(self.extra["slice_sum"], self.extra["numpy_builtin_sum"]), 8 * n,
                    "the slices and scalars are freed as they go, never a whole array's worth at"
                    " once", extra=self.extra)
        return {"memory_n": n, "array_itemsize": e["itemsize"],
                "list_per_number": self.per_number("original"),
                "array_per_number": self.per_number("numpy_sum"),
                "list_slice_kb": e["list_slice"] / 1e3, "array_slice_bytes": e["array_slice"],
                "scalars_kb": e["list_of_scalars"] / 1e3, "floats_kb": e["list_of_floats"] / 1e3,
                "scalar_bytes": e["scalar_size"],
                "cumsum_extra_per_number": self.extra["reverse_cumsum"] / n}
