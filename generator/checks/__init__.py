"""Every consistency check, run in one pass; each adds findings and never raises."""
from __future__ import annotations

from ..derive import FactView, derive_scores
from ..facts import Report
from ..findings import Document, Findings
from ..rubric import Rubric
from .arithmetic import check_arithmetic
from .prose import check_prose
from .scores import check_scores
from .targets import check_targets
from .text import check_text


def run_checks(report: Report, doc: Document, rubric: Rubric, found: Findings) -> None:
    view = FactView(report)
    scores = derive_scores(report, rubric, view)
    check_scores(report, doc, rubric, scores, view, found)
    check_arithmetic(report, doc, view, found)
    check_targets(report, doc, found)
    check_text(report, doc, view, found)
    check_prose(report, doc, view, found)
