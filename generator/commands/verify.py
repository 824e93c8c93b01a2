"""`mkreport verify REPORT.docx INPUT.yaml`: does an edited report still match its facts?
The work is tasks/verify.py; this prints what it says, as it says it."""
from __future__ import annotations

from ..core import console


def run_verify(report: str, facts: str) -> int:
    from ..tasks.verify import verify

    return verify(report, facts, listener=console.say).code
