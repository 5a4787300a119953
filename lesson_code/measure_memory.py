"""How much memory does each version of sum_nexts need? Measured with tracemalloc.

For every version the data is made first; then tracemalloc (standard library) follows one call
of sum_nexts and reports its peak, the most memory it saw the call hold at any moment, and its
result, what the call still held when it returned (the sums). Then four small measurements show
where memory goes: slicing a list copies it, slicing a numpy array does not, and going through
an array one element at a time makes a new Python object for each element.

tracemalloc sees the memory that Python's allocators hand out, and what C code such as numpy
reports to it; nothing else. Python keeps freed objects of some kinds (floats, lists, ...) on
free lists and hands them out again without asking its allocator, so a call that reuses one
would look cheaper than it is. Each measurement here first empties the free lists
(gc.collect() does) so that every object the call makes is counted.

Usage (from the folder that holds the sum_nexts_*.py scripts):
  python measure_memory.py 3000                     the table and the three measurements
  python measure_memory.py 3000 --json memory.json  ... and save them

tracemalloc slows down every allocation: the versions that make a new object for each addition
take many times longer here than without it, which is why the lesson uses a small n.

tracemalloc counts the sizes Python asked for. What the process really holds is more: Python's
allocator for small objects (pymalloc) rounds each request up to a block size, a multiple of 16
bytes. So the report ends with the resident memory a fresh Python gains for a list of
RESIDENT_N floats and for an array of as many (Linux and macOS; not measured on Windows).
"""
import gc
import json
import struct
import subprocess
import sys
import tracemalloc
from pathlib import Path

from measure_variants import HERE, VARIANTS, OneLineParser, load_variant


def traced(work, *arguments):
    """(peak, kept): bytes that work(*arguments) allocated at its peak, and still held after it
    returned (its result). The result is returned too, so that it is not freed before then."""
    gc.collect()  # empties the free lists: objects reused from them would not be traced
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = work(*arguments)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak - before, kept - before, result


def versions(n, seed=2016, folder=HERE):
    rows = []
    for script in VARIANTS:
        module = load_variant(folder / script)
        data = module.gen_data(n, seed)
        peak, kept, _ = traced(module.sum_nexts, data)
        rows.append({"script": script, "peak": peak, "result": kept})
    return rows


def effects(n, seed=2016, folder=HERE):
    """Bytes allocated by the three operations the versions repeat, on the lesson's own data."""
    numbers = load_variant(folder / "sum_nexts_original.py").gen_data(n, seed)
    array = load_variant(folder / "sum_nexts_numpy_sum.py").gen_data(n, seed)
    list_slice, _, copied = traced(lambda: numbers[1:])
    array_slice, _, view = traced(lambda: array[1:])
    each_float, _, _ = traced(list, numbers)  # n pointers to floats that already exist
    each_scalar, _, scalars = traced(list, array)  # n pointers to new numpy.float64 objects
    return {"n": n, "itemsize": array.itemsize, "list_slice": list_slice,
            "array_slice": array_slice, "copy_is_new": copied is not numbers,
            "slice_is_a_view": bool(view.base is array), "list_of_floats": each_float,
            "list_of_scalars": each_scalar, "scalar_type": type(scalars[0]).__name__,
            "float_size": sys.getsizeof(0.5), "pointer_size": struct.calcsize("P")}


PYMALLOC_ALIGNMENT = 16  # pymalloc's block sizes are multiples of this (Objects/obmalloc.c, 64-bit)
RESIDENT_N = 2_000_000  # enough numbers that the process's own memory is a small part
# Run in a fresh Python: the resident memory after everything that making the data needs is
# loaded, then after making it. Linux says what the process holds now (/proc/self/statm); macOS
# only its peak (ru_maxrss, in bytes), which a fresh process has just reached.
RESIDENT = """
import os, random, resource, sys, numpy
def held():
    if os.path.exists("/proc/self/statm"):
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
n, rng, numpy_rng = int(sys.argv[2]), random.Random(2016), numpy.random.default_rng(2016)
before = held()
if sys.argv[1] == "list":  # made at its full length, then filled: no spare room, no regrowth
    data = [0.0] * n
    for i in range(n):
        data[i] = rng.random()
else:
    data = numpy_rng.random(n)
print((held() - before) / n)
"""


def resident(n=RESIDENT_N):
    """{"list": bytes a number, "array": ...} the process's resident memory grew by; None where
    the system does not say (Windows has no `resource` module)."""
    try:
        import resource  # noqa: F401
    except ImportError:
        return None
    return {kind: float(subprocess.run([sys.executable, "-c", RESIDENT, kind, str(n)], check=True,
                                       capture_output=True, text=True).stdout)
            for kind in ("list", "array")}


def size(value):
    for unit, scale in (("MB", 1e6), ("kB", 1e3)):
        if value >= scale:
            return f"{value / scale:.3g} {unit}"
    return f"{value} B"


def per_number(value, n):
    return f"{value / max(n, 1):.1f} B"


def print_report(data, out=sys.stdout):
    n = data["n"]
    print(f"sum_nexts, memory of one call: n = {n}, traced by tracemalloc", file=out)
    print(f"{'':52}{'per number':^21}".rstrip(), file=out)
    print(f"{'version':32}{'peak':>10}{'result':>10}{'peak':>10}{'result':>11}", file=out)
    for row in data["versions"]:
        print(f"{row['script']:32}{size(row['peak']):>10}{size(row['result']):>10}"
              f"{per_number(row['peak'], n):>10}{per_number(row['result'], n):>11}", file=out)
    e = data["effects"]
    print(f"\nWhat the versions repeat, for n = {e['n']}:", file=out)
    print(f"  numbers[1:] of a list        {size(e['list_slice']):>9}  (a copy)", file=out)
    print(f"  numbers[1:] of a numpy array {size(e['array_slice']):>9}  (a view: no copy)",
          file=out)
    print(f"  list(numbers), a list        {size(e['list_of_floats']):>9}  (its floats exist)",
          file=out)
    print(f"  list(numbers), a numpy array {size(e['list_of_scalars']):>9}  (one new"
          f" {e['scalar_type']} per element)", file=out)
    held = data["resident"]
    print(f"\nWhat the process holds, {RESIDENT_N:,} numbers in a fresh Python:", file=out)
    if held is None:
        print("  not measured: this system does not report resident memory", file=out)
        return
    for kind, label in (("list", "a list of floats"), ("array", "a numpy array")):
        print(f"  {label:28} {held[kind]:.1f} B a number (resident memory)", file=out)


def main(argv=None):
    parser = OneLineParser(prog="measure_memory.py", description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many numbers, e.g. 3000")
    parser.add_argument("--effects-n", type=int, help="n of the three measurements (default: n)")
    parser.add_argument("--seed", type=int, default=2016, help="seed of the data (default 2016)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the measurements")
    args = parser.parse_args(argv)
    if args.n < 1 or (args.effects_n is not None and args.effects_n < 1):
        parser.error("n must be at least 1")
    data = {"n": args.n, "seed": args.seed, "versions": versions(args.n, args.seed),
            "effects": effects(args.effects_n or args.n, args.seed), "resident": resident()}
    print_report(data)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
