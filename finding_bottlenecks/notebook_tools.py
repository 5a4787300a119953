"""What the pages say of timeit and of IPython's %timeit, %prun and %lprun, checked."""
import inspect
import re
import timeit

from executable_lesson.kernel.claims import claim


def timeit_rules():
    """timeit's own rules, read from the module the learner's Python ships, for the prose: how
    long a batch of loops must take (Python 3.15 names it; older ones write it in autorange)."""
    steps = re.search(r"for j in ([\d, ]+):", inspect.getsource(timeit.Timer.autorange))
    claim(steps is not None, "timeit's autorange grows a batch by steps within each power of ten")
    steps = [int(step) for step in steps[1].split(",")]
    target = getattr(timeit, "default_target_time", None)
    if target is None:
        found = re.search(r"time_taken >= ([\d.]+)", inspect.getsource(timeit.Timer.autorange))
        claim(found is not None, "timeit's autorange stops at a batch of a fixed duration")
        target = float(found[1])
    return {"timeit_autorange": target, "timeit_repeat": timeit.default_repeat,
            "timeit_batches": ", ".join(str(step * 10 ** power) for power in (0, 1) for step in steps)}


def magic_timeit_rules(shell):
    """IPython's own %timeit rules, read from the IPython that runs the page: how many batches it
    times by default (a quiet run of one loop says), and that it grows a batch by powers of ten;
    and, to set beside them, how many batches `python -m timeit` times."""
    from IPython.core.magics.execution import ExecutionMagics
    claim(re.search(r"number = 10 \*\* index", inspect.getsource(ExecutionMagics.timeit)) is not None,
          "%timeit grows its batch of loops by powers of ten")
    result = shell.run_line_magic("timeit", "-o -q -n 1 pass")
    return {"magic_timeit_repeat": result.repeat, "timeit_repeat": timeit.default_repeat,
            "magic_batches": ", ".join(str(10 ** index) for index in range(3))}  # as checked above


def timeit_report(output):
    """`python -m timeit`'s last line, "20 loops, best of 5: 19 msec per loop", in seconds."""
    found = re.search(r"(\d+) loops?, best of (\d+): ([\d.]+) (nsec|usec|msec|sec) per loop",
                      output)
    if not found:
        raise ValueError(f"no timeit report in:\n{output}")
    unit = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}[found[4]]
    return {"loops": int(found[1]), "repeat": int(found[2]), "best": float(found[3]) * unit}


def check_magics(shell, statement, function, n):
    """Run the page's %prun and %lprun again, quietly, and check the counts their tables show:
    cProfile's `len` calls and line_profiler's hits are exact, n(n-1)/2 for the inner loop."""
    stats = shell.run_line_magic("prun", f"-q -r {statement}")
    len_calls = sum(s[1] for f, s in stats.stats.items() if f[2] == "<built-in method builtins.len>")
    claim(len_calls >= n * (n - 1) // 2, "%prun counts every call of len in the length check",
          len_calls=len_calls, n=n)
    profiler = shell.run_line_magic("lprun", f"-r -f {function} {statement}")
    (timings,) = [t for (_, _, name), t in profiler.get_stats().timings.items() if name == function]
    hits = max(line_hits for _, line_hits, _ in timings)
    claim(hits == n * (n + 1) // 2, "%lprun's most-hit line runs n(n+1)/2 times (the for-j line)",
          hits=hits, n=n)
    return {"magic_n": n, "magic_body_hits": n * (n - 1) // 2}
