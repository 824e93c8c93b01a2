"""Benchmark `mkreport build` against a bare docxtpl render of the same template and context.

Run: python bench/build_speed.py [--runs N]
Prints: whole-process `mkreport build` vs a bare script that only imports docxtpl, renders the
same template with the same (pickled) context and saves — the floor a build should not exceed — then
what each stage of both costs in a fresh process (imports included where they happen), and the
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
from generator.template.phrases import FILTERS
ctx = pickle.load(open(sys.argv[1], "rb"))
env = ImmutableSandboxedEnvironment(autoescape=True); env.filters.update(FILTERS)
doc = DocxTemplate(sys.argv[2]); doc.render(ctx, env); doc.save(sys.argv[3])
"""


# The stages of one cold build, as `mkreport build` runs them (jobs.build_job, formats._docx), timed.
STAGES = """
import time, json, sys
t = [time.perf_counter()]
import generator.cli, generator.commands.build                      # what the command loads at start
t.append(time.perf_counter())
from pathlib import Path
from generator.pipeline import load, derive
from generator.checks import run_checks
from generator.render.docx import render_docx
from generator.core.output import write_atomic
t.append(time.perf_counter())
loaded = load(Path(sys.argv[1])); t.append(time.perf_counter())
derived = derive(loaded); t.append(time.perf_counter())
run_checks(loaded, derived); t.append(time.perf_counter())
data = render_docx(loaded.template.path, derived.context, loaded.report.report_date,
                   loaded.report.department.name, derived.rendered); t.append(time.perf_counter())
write_atomic(Path(sys.argv[2]), data); t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""
STAGE_NAMES = ["import the CLI (click, our modules)", "import the pipeline", "load facts + rubric (+PyYAML)",
               "derive", "checks (+Jinja, trial render)", "render (+docxtpl, python-docx)", "write (fsync)"]
BARE_STAGES = DOCXTPL_PRELUDE.replace("from docxtpl", "import time, json, sys\nt = [time.perf_counter()]\nfrom docxtpl", 1) + """
from jinja2.sandbox import ImmutableSandboxedEnvironment
from generator.template.phrases import FILTERS
import pickle
t.append(time.perf_counter())
ctx = pickle.load(open(sys.argv[1], "rb")); t.append(time.perf_counter())
env = ImmutableSandboxedEnvironment(autoescape=True); env.filters.update(FILTERS)
doc = DocxTemplate(sys.argv[2]); doc.render(ctx, env); t.append(time.perf_counter())
doc.save(sys.argv[3]); t.append(time.perf_counter())
print(json.dumps([b - a for a, b in zip(t, t[1:])]))
"""
BARE_NAMES = ["import docxtpl (Jinja, python-docx)", "unpickle the context", "render", "save"]


def stage_medians(cmd: list[str], runs: int) -> list[float]:
    import json
    import subprocess

    from timing import ENV
    rows = [json.loads(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=ENV, check=True).stdout)
            for _ in range(runs)]
    return [statistics.median(col) * 1000 for col in zip(*rows)]


def show_stages(title: str, names: list[str], ms: list[float]) -> None:
    print(f"  {title}: " + ", ".join(f"{n} {v:.1f}" for n, v in zip(names, ms)) + f"  = {sum(ms):.0f} ms in the script")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args().runs
    from generator.pipeline import check
    from generator.render.docx import render_docx
    from generator.template.context import build_context

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
            show_stages("stages of mkreport build, ms", STAGE_NAMES,
                        stage_medians([sys.executable, "-c", STAGES, f"inputs/{name}.yaml", str(Path(tmp) / "s.docx")], runs))
            show_stages("stages of the bare script, ms", BARE_NAMES,
                        stage_medians([sys.executable, "-c", BARE_STAGES, str(ctx_file), str(tpl), str(Path(tmp) / "b.docx")], runs))


if __name__ == "__main__":
    main()
