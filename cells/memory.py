"""Memory (measure_memory.py's JSON): the figures the prose quotes and the claims it makes."""
import json

from .claims import claim, claim_below, claim_between
from .commands import LESSON_CODE
from .lesson_code import short


def _measure_memory():
    """lesson_code/measure_memory.py, which imports measure_variants from its own folder."""
    import importlib.util
    import sys
    spec = importlib.util.spec_from_file_location("measure_memory", LESSON_CODE / "measure_memory.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(LESSON_CODE))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(LESSON_CODE))
    return module


_script = _measure_memory()

MEMORY_N = 3000  # tracemalloc follows every allocation: the double loops take ~40 s at 10000
LIST_STEPS = ["original", "preallocated", "slice_sum"]
ARRAY_STEPS = ["numpy_builtin_sum", "numpy_sum", "reverse_cumsum"]


def measure_memory(lesson, effects_n, n=MEMORY_N):
    """`python measure_memory.py n --effects-n effects_n --json memory.json`: the table for n,
    and the three operations behind it measured at effects_n."""
    run = lesson.run(f"python measure_memory.py {n} --effects-n {effects_n} --json memory.json")
    run.memory = MemoryUse(json.loads(lesson.file("memory.json").read_text(encoding="utf-8")))
    return run


def size(value):
    """Bytes as measure_memory.py's table prints them: "80.1 kB"."""
    return _script.size(value)


def per_number(value, n):
    """Bytes a number, as the table prints them: "32.0 B"."""
    return _script.per_number(value, n)


class MemoryUse:
    def __init__(self, data):
        self.n, self.effects = data["n"], data["effects"]
        self.rows = {short(row["script"]): row for row in data["versions"]}
        self.extra = {name: row["peak"] - row["result"] for name, row in self.rows.items()}

    def per_number(self, step):
        return self.rows[step]["result"] / self.n

    def figures(self):
        """The figures of the prose, once its sentences about them are checked. Each is the
        table's own, formatted as the table prints it, so that the prose adds up with it."""
        e, n, big = self.effects, self.n, self.effects["n"]
        for step in LIST_STEPS:
            claim_between(self.per_number(step), 28, 40,  # about 32, and a list's spare room
                          f"{step}'s list of floats takes about 32 bytes a number")
        for step in ARRAY_STEPS:  # byte counts are exact: facts, not measurements with a spread
            claim(8 <= self.per_number(step) < 9, f"{step}'s array takes 8 bytes a number",
                  per_number=self.per_number(step))
        float_and_pointer = e["float_size"] + e["pointer_size"]
        # byte counts are exact: all the floats and pointers are there (the free lists were
        # emptied first), and little else beside them
        floats_and_pointers = n * float_and_pointer
        preallocated = self.rows["preallocated"]["result"]
        claim(preallocated >= floats_and_pointers, "the preallocated list's result holds a float"
              " and a pointer for each number", result=preallocated, floats=floats_and_pointers)
        claim_below(preallocated - floats_and_pointers, 0.02 * floats_and_pointers,
                    "the preallocated list's result holds little beside its floats and pointers")
        claim(self.rows["original"]["result"] > self.rows["preallocated"]["result"],
              "the original's list, grown by append, takes more than the preallocated one",
              rows=self.rows)
        ratio = self.rows["original"]["result"] / self.rows["numpy_sum"]["result"]
        # quoted as "about k", k the nearest whole number: exact byte counts, no spread to respect
        claim_between(ratio, 3, 5, "a list of floats takes several times the memory of an array")
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
        per = {step: per_number(self.rows[step]["result"], n) for step in self.rows}
        return {"memory_n": n, "memory_ratio": round(ratio), "array_itemsize": e["itemsize"],
                "float_size": e["float_size"],
                "pointer_size": e["pointer_size"], "float_and_pointer": float_and_pointer,
                "preallocated_per_number": per["preallocated"],
                "original_per_number": per["original"], "array_per_number": per["numpy_sum"],
                "list_slice_size": size(e["list_slice"]),
                "array_slice_size": size(e["array_slice"]),
                "scalars_size": size(e["list_of_scalars"]), "floats_size": size(e["list_of_floats"]),
                "scalars_extra_size": size(e["list_of_scalars"] - e["list_of_floats"]),
                "scalar_bytes": round(new_per_element),
                "cumsum_peak_per_number": per_number(self.rows["reverse_cumsum"]["peak"], n),
                "cumsum_result_per_number": per["reverse_cumsum"]}
