"""The work of `mkreport check`: check each input, keep every finding once, count them.

Many inputs are checked on a pool of processes (batch.py), their findings said in the order the
files were given, a finding in a shared rubric once. Nothing is printed: `check` returns a
CheckResult and says its lines to a listener as they come (said.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.codes import NOT_STRICT
from ..core.errors import ExitCode
from ..model.findings import Finding, render_json, render_text, summary, visible
from . import batch
from .jobs import Outcome, check_job, lost_job
from .said import Listener, Said, checked, lost, stale, started, unfilled


@dataclass
class CheckResult:
    """What a check came to: the exit code, the findings shown (each once, in the order said), the
    counts, each input's Outcome, whether some input could not be read, and the lines said."""

    said: Said
    code: int = ExitCode.OK
    findings: list[Finding] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    unreadable: bool = False


def check(inputs: list[str], strict: bool = False, jobs: int | None = None, style: bool = False,
          fmt: str = "text", listener: Listener | None = None, progress: bool = False) -> CheckResult:
    """Check every input. `fmt` is the form of the lines said: text (each file's findings as it is
    done, then the counts) or json (one document at the end); `style`: the usage findings too;
    `progress`: a progress bar on a terminal's stderr (the CLI's)."""
    said = Said(listener)
    result = CheckResult(said)
    seen: set = set()
    jobs = jobs or batch.default_jobs()
    said.step(started("检查", len(inputs), jobs))
    for outcome in batch.run(list(inputs), check_job, jobs, "检查", lost_job, show=progress):
        said.step(checked(outcome))
        # a problem in a shared rubric or vocabulary is one finding, however many inputs use it
        new = [f for f in visible(outcome.findings, style) if f.sort_key() not in seen]
        seen.update(f.sort_key() for f in new)
        if fmt != "json" and new:
            said.out(render_text(new))
        result.findings.extend(new)
        result.outcomes.append(outcome)
        result.unreadable = result.unreadable or outcome.unreadable
    result.errors = sum(f.severity == "error" for f in result.findings)
    result.warnings = sum(f.severity == "warning" for f in result.findings)
    if fmt == "json":
        said.out(render_json(result.findings, list(inputs)))
    else:
        said.note(summary(result.errors, result.warnings))
        for line in (lost(result.findings), unfilled(result.findings), stale(result.findings)):
            if line:
                said.note(line)
    result.code = _code(result, strict)
    return result


def _code(result: CheckResult, strict: bool) -> int:
    if result.unreadable:
        return ExitCode.USAGE
    if result.errors or (strict and any(f.severity == "warning" and f.code not in NOT_STRICT for f in result.findings)):
        return ExitCode.FINDINGS
    return ExitCode.OK
