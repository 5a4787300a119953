"""Time a variant's sum_nexts inside Python: the function alone, data made beforehand."""
import statistics
import time
from dataclasses import dataclass

from .checks import load_variant


@dataclass
class FunctionTime:
    script: str
    n: int
    times: list  # seconds, one per repeat

    @property
    def median(self):
        return statistics.median(self.times)

    def _repr_markdown_(self):
        ms = [1e3 * t for t in self.times]
        return (f"```text\nsum_nexts of {self.script}, n = {self.n}, timed in-process: "
                f"median {statistics.median(ms):.1f} ms over {len(ms)} runs "
                f"(min {min(ms):.1f}, max {max(ms):.1f})\n```\n")


def function_time(folder, script, n, seed=2016, repeats=5):
    module = load_variant(folder / script)
    numbers = module.gen_data(n, seed)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        module.sum_nexts(numbers)
        times.append(time.perf_counter() - start)
    return FunctionTime(script, n, times)
