"""`mkreport check`: check each input, print every finding, return the exit code.

Many inputs are checked on a pool of processes (batch.py); each file's findings are printed
in the order the files were given, a finding in a shared rubric once.
"""
from __future__ import annotations

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode
from ..model.findings import render_json, render_text, summary, visible
from ..tasks import batch
from ..tasks.jobs import check_job, lost_job


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


def started(what: str, count: int, jobs: int) -> str:
    """-v: how many files, and how many at a time."""
    at_once = min(jobs, count)
    return f"{what} {count} 个文件" + (f"，同时处理 {at_once} 个" if at_once > 1 else "") + "。"


def checked(outcome) -> str:
    """-v: one file done — what it was checked against, what was found, how long it took."""
    used = "，".join(outcome.used)
    return (f"已检查 {shown(outcome.name)}" + (f"（{used}）" if used else "")
            + f"：{outcome.errors} 个错误、{outcome.warnings} 个警告，用时 {outcome.seconds:.2f} 秒。")


def lost(findings) -> str:
    """How many files were not checked because the process working on them died (batch.py)."""
    count = sum(f.code == "PROCESS-LOST" for f in findings)
    return f"其中 {count} 个文件的处理进程意外终止（可能内存不足），没有检查完。" if count else ""


def unfilled(findings) -> str:
    """How many values are still 待填写, section by section (a file from `mkreport new`)."""
    from ..model.facts import Report

    counts: dict[str, int] = {}
    for f in findings:
        if f.code == "UNFILLED" and f.path:
            counts[f.path[0]] = counts.get(f.path[0], 0) + 1
    if not counts:
        return ""
    parts = [f"{Report.fields[k].zh if k in Report.fields else k}（{k}）{n} 项" for k, n in counts.items()]
    return f"还有 {sum(counts.values())} 项待填写：" + "、".join(parts) + "。"


def stale(findings) -> str:
    """How many texts kept by `mkreport rollover` still carry last year's mark."""
    from ..model.schema import STALE

    count = sum(f.code == "STALE" for f in findings)
    return f"还有 {count} 处{STALE}文字未改写：请按本年情况改写，改好后删去“{STALE}”。" if count else ""
