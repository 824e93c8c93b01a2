"""Every consistency check, run in one pass over loaded facts and derived values; each adds
findings and never raises."""
from __future__ import annotations

from .arithmetic import check_arithmetic
from .prose import check_prose, read_texts
from .scores import check_scores
from .targets import check_targets
from .text import check_text
from .typography import check_typography


def run_checks(loaded, derived) -> None:
    report, doc, rubric, found = loaded.report, loaded.doc, loaded.rubric, loaded.findings
    if report.form is not None:
        from .national_form import check_form
        check_form(report, doc, derived, found)
        from ..derive.values import FactView
        check_text(report, doc, FactView(report), found)
        check_typography(report, doc, found)
        found.fold()
        return
    view = derived.view
    check_scores(report, doc, rubric, derived, found)
    check_arithmetic(report, doc, view, found)
    check_targets(report, doc, derived, found, rubric)
    texts = list(read_texts(report, loaded.vocabulary))
    check_text(report, doc, view, found, {path: reading for path, _, reading in texts})
    check_typography(report, doc, found)
    mentions = check_prose(report, doc, view, texts, found, derived.scores)
    found.fold()
    if loaded.template is not None:
        from .template import check_template  # only here: it needs Jinja
        check_template(loaded, derived, mentions, found)
