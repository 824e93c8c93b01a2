"""`mkreport summary`: check many inputs and write one summary (xlsx, csv or md)."""
from __future__ import annotations

from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode
from ..model.findings import summary as counts
from ..tasks import batch
from ..tasks.jobs import check_job, lost_job
from .check import checked, lost, started


def run_summary(inputs: list[str], output: str | None, fmt: str | None, jobs: int | None = None) -> int:
    from ..core.output import write_atomic
    from ..tasks.summary import as_csv, as_markdown, as_xlsx, tables

    fmt = fmt or (Path(output).suffix.lower().lstrip(".") if output else "xlsx")
    fmt = {"markdown": "md"}.get(fmt, fmt)
    if fmt not in ("xlsx", "csv", "md"):
        fmt = "xlsx"
    jobs = jobs or batch.default_jobs()
    console.step(started("检查", len(inputs), jobs))
    outcomes = []
    for outcome in batch.run(list(inputs), check_job, jobs, "检查", lost_job):
        console.step(checked(outcome))
        outcomes.append(outcome)
    ts = tables(outcomes)
    if fmt == "xlsx":
        target = Path(output or "outputs/汇总.xlsx")
        write_atomic(target, as_xlsx(ts))
        console.info(f"已生成 {shown(target)}")
    else:
        text = as_csv(ts) if fmt == "csv" else as_markdown(ts)
        if output:
            write_atomic(output, text.encode("utf-8"))
            console.info(f"已生成 {shown(output)}")
        else:
            console.out(text.lstrip("\ufeff").rstrip("\n"))
    errors = sum(o.errors for o in outcomes)
    warnings = sum(o.warnings for o in outcomes)
    console.note(f"{len(outcomes)} 个文件：" + counts(errors, warnings))
    gone = lost(f for o in outcomes for f in o.findings)
    if gone:
        console.note(gone)
    if any(o.unreadable for o in outcomes):
        return ExitCode.USAGE
    return ExitCode.FINDINGS if errors else ExitCode.OK
