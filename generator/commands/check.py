"""`mkreport check`: the work is tasks/check.py; this prints what it says, as it says it."""
from __future__ import annotations

from ..core import console


def run_check(inputs: list[str], fmt: str, strict: bool, jobs: int | None = None, style: bool = False) -> int:
    from ..tasks.check import check

    return check(inputs, strict, jobs, style, fmt, listener=console.say, progress=True).code
