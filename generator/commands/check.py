"""`mkreport check`: check each input, print every finding, return the exit code.

Many inputs are checked on a pool of processes (batch.py); each file's findings are printed
in the order the files were given, a finding in a shared rubric once.
"""
from __future__ import annotations

from ..core import console
from ..core.errors import ExitCode
from ..model.findings import render_json, render_text, summary, visible
from ..tasks import batch
from ..tasks.jobs import check_job, lost_job
from ..tasks.said import checked, lost, stale, started, unfilled

# said by other commands too: kept importable from here
__all__ = ["run_check", "started", "checked", "lost", "unfilled", "stale"]


def run_check(inputs: list[str], fmt: str, strict: bool, jobs: int | None = None, style: bool = False) -> int:
    findings = []
    unreadable = False
    seen: set = set()
    jobs = jobs or batch.default_jobs()
    console.step(started("检查", len(inputs), jobs))
    for outcome in batch.run(list(inputs), check_job, jobs, "检查", lost_job):
        console.step(checked(outcome))
        # a problem in a shared rubric or vocabulary is one finding, however many inputs use it
        new = [f for f in visible(outcome.findings, style) if f.sort_key() not in seen]
        seen.update(f.sort_key() for f in new)
        if fmt != "json" and new:
            console.out(render_text(new))
        findings.extend(new)
        unreadable = unreadable or outcome.unreadable
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    if fmt == "json":
        console.out(render_json(findings, list(inputs)))
    else:
        console.note(summary(errors, warnings))
        for line in (lost(findings), unfilled(findings), stale(findings)):
            if line:
                console.note(line)
    if unreadable:
        return ExitCode.USAGE
    if errors or (strict and warnings):
        return ExitCode.FINDINGS
    return ExitCode.OK
