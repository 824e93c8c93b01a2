"""`mkreport summary`: check many inputs and write one summary (xlsx, csv or md)."""
from __future__ import annotations

from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode
from ..model.findings import summary as counts
from ..tasks import batch
from ..tasks.jobs import check_job, lost_job
from .check import lost


def run_summary(inputs: list[str], output: str | None, fmt: str | None, jobs: int | None = None) -> int:
    from ..core.output import write_atomic
    from ..tasks.summary import as_csv, as_markdown, as_xlsx, tables

    fmt = fmt or (Path(output).suffix.lower().lstrip(".") if output else "xlsx")
    fmt = {"markdown": "md"}.get(fmt, fmt)
    if fmt not in ("xlsx", "csv", "md"):
        fmt = "xlsx"
    outcomes = list(batch.run(list(inputs), check_job, jobs or batch.default_jobs(), "检查", lost_job))
    ts = tables(outcomes)
    if fmt == "xlsx":
        target = Path(output or "outputs/汇总.xlsx")
        write_atomic(target, as_xlsx(ts))
        console.out(f"已生成 {shown(target)}")
    else:
        text = as_csv(ts) if fmt == "csv" else as_markdown(ts)
        if output:
            write_atomic(output, text.encode("utf-8"))
            console.out(f"已生成 {shown(output)}")
        else:
            console.out(text.lstrip("\ufeff").rstrip("\n"))
    errors = sum(o.errors for o in outcomes)
    warnings = sum(o.warnings for o in outcomes)
    console.err(f"{len(outcomes)} 个文件：" + counts(errors, warnings))
    gone = lost(f for o in outcomes for f in o.findings)
    if gone:
        console.err(gone)
    if any(o.unreadable for o in outcomes):
        return ExitCode.USAGE
    return ExitCode.FINDINGS if errors else ExitCode.OK
