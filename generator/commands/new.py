"""`mkreport new`: the work is tasks/new.py; this prints what it says."""
from __future__ import annotations

from ..core import console


def run_new(rubric_ref: str | None, output: str, year: int | None, department: str | None, template: str | None,
            full: bool = False, kind: str = "department", into: str | None = None, name: str | None = None) -> int:
    from ..tasks.new import new

    return new(rubric_ref, output, year, department, template, full, listener=console.say, kind=kind, into=into,
               name=name).code
