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


def wall(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    runs = ap.parse_args().runs
    py = sys.executable
    bare = wall([py, "-c", "pass"], runs)
    docxtpl = wall([py, "-c", "import docxtpl"], runs)
    print(f"{'python startup (floor)':44s} {bare:8.1f} ms")
    label = 'python -c "import docxtpl"'
    print(f"{label:44s} {docxtpl:8.1f} ms   (docxtpl import ≈ {docxtpl - bare:.1f} ms)")
    for name in INPUTS:
        ms = wall([py, "-m", "generator.cli", "check", name], runs)
        print(f"{'mkreport check ' + name:44s} {ms:8.1f} ms   (above startup: {ms - bare:.1f} ms)")
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
