"""`mkreport check`: check each input, print every finding, return the exit code."""
from __future__ import annotations

from pathlib import Path

from .. import console
from ..errors import ExitCode
from ..findings import ERROR, WARNING, Finding, render_json, render_text, summary
from ..pipeline import check


def run_check(inputs: list[str], fmt: str, strict: bool) -> int:
    findings: list[Finding] = []
    unreadable = False
    seen: set[int] = set()
    for name in inputs:
        result = check(Path(name), name)
        # a problem in a shared rubric or vocabulary is one finding, however many inputs use it
        findings.extend(f for f in result.findings.sorted() if id(f) not in seen)
        seen.update(id(f) for f in result.findings)
        unreadable = unreadable or result.loaded.unreadable
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    if fmt == "json":
        console.out(render_json(findings, inputs))
    else:
        if findings:
            console.out(render_text(findings))
        console.err(summary(errors, warnings))
    if unreadable:
        return ExitCode.USAGE
    if errors or (strict and warnings):
        return ExitCode.FINDINGS
    return ExitCode.OK
