"""`mkreport rollover INPUT --year 2024 -o OUTPUT`: next year's facts file from this year's.
The work is tasks/rollover.py; this prints what it says, as it says it."""
from __future__ import annotations

from ..core import console


def run_rollover(source: str, year: int, output: str) -> int:
    from ..tasks.rollover import rollover

    return rollover(source, year, output, listener=console.say).code
