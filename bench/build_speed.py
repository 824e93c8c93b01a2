"""Benchmark `mkreport build` against a bare docxtpl render of the same template and context.

Run: python bench/build_speed.py [--runs N]
Prints: whole-process `mkreport build` vs a bare script that only imports docxtpl, renders the
same template with the same (pickled) context and saves — the floor we cannot beat — and the
in-process render+save time per report. Asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REPORTS = {"yangxi-2023": "yangxi", "pingyuan-2023": "pingyuan"}

BARE = """
import pickle, sys
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from generator.phrases import FILTERS
ctx = pickle.load(open(sys.argv[1], "rb"))
env = ImmutableSandboxedEnvironment(autoescape=True); env.filters.update(FILTERS)
doc = DocxTemplate(sys.argv[2]); doc.render(ctx, env); doc.save(sys.argv[3])
"""


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
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args().runs
    from generator.context import build_context
    from generator.pipeline import check
    from generator.render import render_docx

    with tempfile.TemporaryDirectory() as tmp:
        for name, template in REPORTS.items():
            checked = check(ROOT / "inputs" / f"{name}.yaml")
            ctx = build_context(checked.report, checked.rubric)
            ctx_file = Path(tmp) / f"{name}.pickle"
            ctx_file.write_bytes(pickle.dumps(ctx))
            tpl = ROOT / "templates" / f"{template}.docx"
            both = compare({"bare": [sys.executable, "-c", BARE, str(ctx_file), str(tpl), str(Path(tmp) / "bare.docx")],
                            "mkreport": MKREPORT + ["build", f"inputs/{name}.yaml", "-o", tmp]}, runs)
            bare, full = both["bare"], both["mkreport"]
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                render_docx(tpl, build_context(checked.report, checked.rubric), checked.report.report_date)
                times.append(time.perf_counter() - t)
            print(f"{name}:\n  bare docxtpl script  {bare}\n  mkreport build       {full}\n"
                  f"  in-process context+render+save {statistics.median(times) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
