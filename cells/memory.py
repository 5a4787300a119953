"""Memory (measure_memory.py's JSON): the figures the prose quotes and the claims it makes."""
import json

from .claims import claim
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
        claim(all(30 < self.per_number(s) < 36 for s in LIST_STEPS)
              and all(8 <= self.per_number(s) < 9 for s in ARRAY_STEPS),
              "a list of floats takes about 32 bytes a number, an array 8", rows=self.rows)
        ratio = self.rows["original"]["result"] / self.rows["numpy_sum"]["result"]
        claim(3.5 < ratio < 4.5, "a list of floats takes about four times the memory of an array",
              ratio=ratio)
        claim(e["list_slice"] >= 8 * (big - 1) and e["copy_is_new"],
              "slicing a list copies a pointer for each element", effects=e)
        claim(e["array_slice"] < 1000 and e["slice_is_a_view"],
              "slicing an array makes a view, whatever its length", effects=e)
        new_per_element = (e["list_of_scalars"] - e["list_of_floats"]) / big
        claim(e["scalar_type"] == "float64" and new_per_element >= 24,
              "going through an array makes a new numpy.float64 object for each element",
              effects=e, new_per_element=new_per_element)
        claim(self.extra["reverse_cumsum"] >= 8 * (n - 1),
              "the reverse cumulative sum holds one temporary array beside its result",
              extra=self.extra)
        claim(max(self.extra["slice_sum"], self.extra["numpy_builtin_sum"]) < 8 * n,
              "the slices and scalars are freed as they go, never a whole array's worth at once",
              extra=self.extra)
        return {"memory_n": n, "array_itemsize": e["itemsize"],
                "list_per_number": self.per_number("original"),
                "array_per_number": self.per_number("numpy_sum"),
                "list_slice_kb": e["list_slice"] / 1e3, "array_slice_bytes": e["array_slice"],
                "scalars_kb": e["list_of_scalars"] / 1e3, "floats_kb": e["list_of_floats"] / 1e3,
                "scalar_bytes": e["scalar_size"],
                "cumsum_extra_per_number": self.extra["reverse_cumsum"] / n}
