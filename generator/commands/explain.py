"""`mkreport explain INPUT ID`: the work is tasks/explain.py; this prints what it says."""
from __future__ import annotations

from ..core import console


def run_explain(facts: str, ident: str, fmt: str) -> int:
    from ..tasks.explain import explain

    return explain(facts, ident, fmt, listener=console.say).code
