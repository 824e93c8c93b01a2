"""Benchmark `mkreport check`: whole process and in process, against the cost of importing docxtpl.

Run: python bench/check_speed.py [--runs N]
Prints figures; asserts nothing (speed is watched here, not in the tests).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ["inputs/yangxi-2023.yaml", "inputs/pingyuan-2023.yaml"]


# Measure what users see: bytecode caches written and used (some shells set PYTHONDONTWRITEBYTECODE,
# which makes every run recompile every module), after one warm-up run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd, runs):
    """Median wall-clock and median CPU time (user + system of the child) in ms.
    CPU time barely moves when another process shares the machine; wall time does."""
    import resource

    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return Timing(statistics.median(walls) * 1000, statistics.median(cpus) * 1000)


class Timing:
    def __init__(self, wall_ms: float, cpu_ms: float):
        self.wall, self.cpu = wall_ms, cpu_ms

    def __str__(self) -> str:
        return f"{self.wall:6.0f} ms wall, {self.cpu:6.0f} ms CPU"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    runs = ap.parse_args().runs
    py = sys.executable
    bare = wall([py, "-c", "pass"], runs)
    docxtpl = wall([py, "-c", "import docxtpl"], runs)
    print(f"{'python startup (floor)':44s} {bare}")
    label = 'python -c "import docxtpl"'
    print(f"{label:44s} {docxtpl}   (import alone ≈ {docxtpl.cpu - bare.cpu:.0f} ms CPU)")
    for name in INPUTS:
        t = wall([py, "-m", "generator.cli", "check", name], runs)
        print(f"{'mkreport check ' + name:44s} {t}   (above startup ≈ {t.cpu - bare.cpu:.0f} ms CPU)")
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import check
    from generator.rubric import _cache
    for name in INPUTS:
        times = []
        for _ in range(runs):
            _cache.clear()
            t = time.perf_counter()
            check(ROOT / name, name)
            times.append(time.perf_counter() - t)
        print(f"{'in-process check ' + name:44s} {statistics.median(times) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
