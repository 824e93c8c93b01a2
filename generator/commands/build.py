"""`mkreport build`: the work is tasks/build.py; this prints what it says, as it says it."""
from __future__ import annotations

from ..core import console


def run_build(inputs: list[str], out_dir: str | None, formats: list[str], jobs: int | None = None,
              strict: bool = False) -> int:
    from ..tasks.build import build

    return build(inputs, out_dir, formats, jobs, strict, listener=console.say, progress=True).code
