"""`mkreport text` and `mkreport init`: the work is tasks/repository.py; this prints what it says."""
from __future__ import annotations

from ..core import console


def run_text(report: str, numbered: bool = False) -> int:
    from ..tasks.repository import text

    return text(report, numbered, listener=console.say).code


def run_init(folder: str, rubrics: tuple[str, ...] = ()) -> int:
    from ..tasks.repository import init

    return init(folder, rubrics, listener=console.say).code
