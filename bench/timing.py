"""Timing shared by the benchmarks: the commands users run, compared fairly on a noisy machine."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Measure what users see: bytecode caches written and used (some shells set PYTHONDONTWRITEBYTECODE,
# which makes every run recompile every module), after one warm-up run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The templates' merged 自评表 cells are the one tag mkreport adds to docxtpl's: a bare docxtpl script
# must know it too to render them (the scripts compared against mkreport begin with this).
DOCXTPL_PRELUDE = """
from docxtpl import DocxTemplate as Plain
from generator.wordml.docxtemplate import vmerge

class DocxTemplate(Plain):
    def patch_xml(self, src_xml):
        return vmerge(super().patch_xml(src_xml))
"""

# The command users run: the console script (`python -m` adds runpy's cost on top).
MKREPORT = [shutil.which("mkreport")] if shutil.which("mkreport") else [sys.executable, "-m", "generator.cli"]


def compare(commands: dict[str, list[str]], runs: int) -> dict[str, Timing]:
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


def sized_medians(inputs: list, run, rounds: int = 3) -> list[float]:
    """Median seconds `run(x)` takes for each of `inputs` (a text at several sizes), the inputs taking
    turns within each round so that a drifting machine slows every size alike."""
    times: list[list[float]] = [[] for _ in inputs]
    for _ in range(rounds):
        for i, x in enumerate(inputs):
            t = time.perf_counter()
            run(x)
            times[i].append(time.perf_counter() - t)
    return [statistics.median(t) for t in times]
