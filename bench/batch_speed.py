"""Benchmark a finance bureau's batch: many reports in one command, and their PDFs.

Run: python bench/batch_speed.py [--reports 100] [--pdfs 6] [--runs 3]
Prints, with the compared commands taking turns (bench/timing.py):
  * `mkreport build` of N reports (check + render + write, on all cores) against a script that
    renders the same templates with the same contexts with docxtpl on a process pool, compiled
    templates cached per process — the floor a batch should not exceed;
  * `mkreport build --pdf` of 6 reports against LibreOffice converting the same six .docx in one call;
  * peak memory (largest process) for 200 reports;
  * what each stage costs per report, measured in process.
Asserts nothing.
"""
from __future__ import annotations

import argparse
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import DOCXTPL_PRELUDE, ENV, MKREPORT, compare  # noqa: E402  (bench/ is not a package)

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from paths import county  # noqa: E402  (the county folder the batch tests use: the examples in turn)

SEEDS = {"yangxi-2023": "yangxi", "pingyuan-2023": "pingyuan", "hunan-example-2023": "hunan"}

POOL = DOCXTPL_PRELUDE + """
import pickle, sys
from concurrent.futures import ProcessPoolExecutor
from jinja2.sandbox import ImmutableSandboxedEnvironment
from generator.template.phrases import FILTERS

class Cached(ImmutableSandboxedEnvironment):
    compiled = {}
    def from_string(self, source, globals=None, template_class=None):
        if source not in self.compiled:
            self.compiled[source] = super().from_string(source)
        return self.compiled[source]

env = None
def render(job):
    global env
    if env is None:
        env = Cached(autoescape=True); env.filters.update(FILTERS)
    ctx_file, template, out = job
    doc = DocxTemplate(template); doc.render(pickle.load(open(ctx_file, "rb")), env); doc.save(out)

if __name__ == "__main__":
    jobs = pickle.load(open(sys.argv[1], "rb"))
    with ProcessPoolExecutor() as pool:
        list(pool.map(render, jobs, chunksize=4))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--pdfs", type=int, default=6)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from generator.pipeline import check
    from generator.tasks.batch import default_jobs
    from generator.template.context import build_context

    print(f"machine: {default_jobs()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        names = county(tmp / "county", args.reports)
        contexts = {}
        for seed, template in SEEDS.items():
            checked = check(ROOT / "inputs" / f"{seed}.yaml")
            path = tmp / f"{seed}.pickle"
            path.write_bytes(pickle.dumps(build_context(checked.loaded, checked.derived)))
            contexts[seed] = (str(path), str(ROOT / "templates" / f"{template}.docx"))
        (tmp / "pool-out").mkdir()
        jobs = [(*contexts[list(SEEDS)[i % 3]], str(tmp / "pool-out" / f"{i:03d}.docx")) for i in range(args.reports)]
        (tmp / "jobs.pickle").write_bytes(pickle.dumps(jobs))
        timed = compare({"pool": [sys.executable, "-c", POOL, str(tmp / "jobs.pickle")],
                         "mkreport": MKREPORT + ["build", *names, "-o", str(tmp / "out")]}, args.runs)
        print(f"{args.reports} reports:\n  docxtpl on a process pool   {timed['pool']}\n"
              f"  mkreport build              {timed['mkreport']}  ({timed['mkreport'].wall / timed['pool'].wall:.2f}×)")
        print(f"  per report: {timed['mkreport'].wall / args.reports:.1f} ms wall, "
              f"{timed['mkreport'].cpu / args.reports:.1f} ms CPU; "
              f"{3600 * 1000 / (timed['mkreport'].wall / args.reports):,.0f} reports an hour")

        if shutil.which("soffice"):
            six = names[:args.pdfs]
            built = tmp / "six"
            subprocess.run(MKREPORT + ["build", *six, "-o", str(built)], env=ENV, capture_output=True)
            docx = sorted(str(p) for p in built.glob("*.docx"))
            one_call = ["bash", "-c", 'p=$(mktemp -d); soffice -env:UserInstallation=file://$p --headless '
                        f'--convert-to pdf --outdir {tmp}/lo "$@" >/dev/null 2>&1; rm -rf $p', "_", *docx]
            timed = compare({"soffice": one_call,
                             "mkreport": MKREPORT + ["build", *six, "-o", str(tmp / "pdf-out"), "--pdf"]}, args.runs)
            print(f"{args.pdfs} reports with PDF:\n  LibreOffice, one call, the six .docx   {timed['soffice']}\n"
                  f"  mkreport build --pdf (from the facts)  {timed['mkreport']}  "
                  f"({timed['mkreport'].wall / timed['soffice'].wall:.2f}×)")
            print(f"  per PDF: {timed['mkreport'].wall / args.pdfs:.0f} ms wall; "
                  f"{3600 * 1000 / (timed['mkreport'].wall / args.pdfs):,.0f} reports with PDF an hour")
        else:
            print("PDF: LibreOffice not installed, skipped")

        many = county(tmp / "county200", 200)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        subprocess.run(MKREPORT + ["build", *many, "-o", str(tmp / "out200")], env=ENV, capture_output=True)
        wall = time.perf_counter() - t
        peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
        print(f"200 reports: {wall:.1f} s wall; peak memory of the largest process {peak / 1024:.0f} MB")

        stages(contexts)


def stages(contexts) -> None:
    """What one report costs, stage by stage, in process (warm: templates compiled)."""
    from generator.pipeline import check, derive, load
    from generator.render.docx import render_docx
    from generator.template.context import build_context

    print("stages, per report (in process, warm):")
    for seed in SEEDS:
        path = ROOT / "inputs" / f"{seed}.yaml"
        check(path)                                          # warm every cache
        rows = {"load": [], "derive": [], "check": [], "render+save": []}
        for _ in range(5):
            t0 = time.perf_counter()
            loaded = load(path)
            t1 = time.perf_counter()
            derive(loaded)
            t2 = time.perf_counter()
            result = check(path)
            t3 = time.perf_counter()
            render_docx(result.loaded.template.path, build_context(result.loaded, result.derived))
            t4 = time.perf_counter()
            for k, v in zip(rows, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                rows[k].append(v * 1000)
        print(f"  {seed:20s} " + ", ".join(f"{k} {sorted(v)[2]:.1f} ms" for k, v in rows.items())
              + "  (check includes load, derive and the template's trial render)")


if __name__ == "__main__":
    main()
