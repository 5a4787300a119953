"""What the episode says of timeit and of IPython's %timeit, %prun and %lprun, checked."""
import inspect
import re
import timeit

from executable_lesson.kernel.claims import claim


def timeit_rules():
    """timeit's own rules, read from the module the learner's Python ships, for the prose: how
    long a batch of loops must take (Python 3.15 names it; older ones write it in autorange)."""
    target = getattr(timeit, "default_target_time", None)
    if target is None:
        found = re.search(r"time_taken >= ([\d.]+)", inspect.getsource(timeit.Timer.autorange))
        claim(found is not None, "timeit's autorange stops at a batch of a fixed duration")
        target = float(found[1])
    return {"timeit_autorange": target, "timeit_repeat": timeit.default_repeat}


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
