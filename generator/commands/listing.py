"""`mkreport list`: the work is tasks/listing.py; this prints what it says."""
from __future__ import annotations

from ..core import console


def run_list(where: str | None, fmt: str) -> None:
    from ..tasks.listing import list_all

    list_all(where, fmt, listener=console.say)
