"""Benchmark `mkreport build` against a bare docxtpl render of the same template and context.

Run: python bench/build_speed.py [--runs N]
Prints: whole-process `mkreport build` vs a bare script that only imports docxtpl, renders the
same template with the same (pickled) context and saves — the floor a build should not exceed — and the
in-process render+save time per report. Asserts nothing.
"""
from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import DOCXTPL_PRELUDE, MKREPORT, compare  # noqa: E402  (bench/ is not a package)
sys.path.insert(0, str(ROOT))
REPORTS = {"yangxi-2023": "yangxi", "pingyuan-2023": "pingyuan", "hunan-example-2023": "hunan"}

BARE = DOCXTPL_PRELUDE + """
import pickle, sys
from jinja2.sandbox import ImmutableSandboxedEnvironment
from generator.phrases import FILTERS
ctx = pickle.load(open(sys.argv[1], "rb"))
env = ImmutableSandboxedEnvironment(autoescape=True); env.filters.update(FILTERS)
doc = DocxTemplate(sys.argv[2]); doc.render(ctx, env); doc.save(sys.argv[3])
"""


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
            loaded = checked.loaded
            ctx = build_context(loaded, checked.derived)
            ctx_file = Path(tmp) / f"{name}.pickle"
            ctx_file.write_bytes(pickle.dumps(ctx))
            tpl = ROOT / "templates" / f"{template}.docx"
            both = compare({"bare": [sys.executable, "-c", BARE, str(ctx_file), str(tpl), str(Path(tmp) / "bare.docx")],
                            "mkreport": MKREPORT + ["build", f"inputs/{name}.yaml", "-o", tmp]}, runs)
            bare, full = both["bare"], both["mkreport"]
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                render_docx(tpl, build_context(loaded, checked.derived), loaded.report.report_date)
                times.append(time.perf_counter() - t)
            print(f"{name}:\n  bare docxtpl script  {bare}\n  mkreport build       {full}\n"
                  f"  in-process context+render+save {statistics.median(times) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
