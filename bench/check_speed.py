"""Benchmark `mkreport check`: whole process and in process, against the cost of importing docxtpl.

Run: python bench/check_speed.py [--runs N]
Prints figures; asserts nothing (speed is watched here, not in the tests).
"""
from __future__ import annotations

import argparse
import os
import shutil
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
# The command users run: the console script (`python -m` adds runpy's cost on top).
MKREPORT = [shutil.which("mkreport")] if shutil.which("mkreport") else [sys.executable, "-m", "generator.cli"]


def compare(commands: dict[str, list[str]], runs: int) -> dict[str, "Timing"]:
    """Median wall and CPU time (user + system of the child) of each command, in ms.
    The commands take turns (A, B, C, A, B, C, …) so that a machine whose speed drifts
    during the run — this one does — slows them all alike and the comparison stays fair."""
    import resource

    walls = {k: [] for k in commands}
    cpus = {k: [] for k in commands}
    for cmd in commands.values():
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    for _ in range(runs):
        for key, cmd in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
            walls[key].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[key].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {k: Timing(statistics.median(walls[k]) * 1000, statistics.median(cpus[k]) * 1000) for k in commands}


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
    label = 'python -c "import docxtpl"'
    commands = {"python startup (floor)": [py, "-c", "pass"], label: [py, "-c", "import docxtpl"]}
    commands.update({f"mkreport check {name}": MKREPORT + ["check", name] for name in INPUTS})
    times = compare(commands, runs)
    floor = times["python startup (floor)"]
    for key, t in times.items():
        extra = f"   (above startup ≈ {t.cpu - floor.cpu:.0f} ms CPU)" if key != "python startup (floor)" else ""
        print(f"{key:44s} {t}{extra}")
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
