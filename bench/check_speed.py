"""Benchmark `mkreport check`: whole process and in process, against the cost of importing docxtpl.

Run: python bench/check_speed.py [--runs N]
Prints figures; asserts nothing (speed is watched here, not in the tests).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import MKREPORT, compare  # noqa: E402  (bench/ is not a package)

INPUTS = ["inputs/yangxi-2023.yaml", "inputs/pingyuan-2023.yaml"]


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
    from generator.model.rubric import _cache
    from generator.pipeline import check
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
