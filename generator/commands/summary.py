"""`mkreport summary`: the work is tasks/summary.py; this prints what it says, as it says it."""
from __future__ import annotations

from ..core import console


def run_summary(inputs: list[str], output: str | None, fmt: str | None, jobs: int | None = None) -> int:
    from ..tasks.summary import summarize

    return summarize(inputs, output, fmt, jobs, listener=console.say, progress=True).code
