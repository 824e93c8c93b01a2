"""The pipeline every command runs: load → derive → check (→ render, for build).

    load    facts + rubric + template + vocabulary, each value with its file:line:col
    derive  totals, rates, expected scores, target statuses — computed once (derive/values.py)
    check   findings, from the loaded facts and the derived values (checks/; checks/template.py
            renders the template's Jinja code once on trial: names, blanks, fields left out)
    render  outputs by registered name: docx, pdf (formats.py)

Nothing here knows about click; nothing here stops at the first bad file.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .model.datafile import display_path, load_model
from .model.facts import Report, missing_for_kind
from .model.findings import Document, Findings
from .model.lookup import COUNTY_VOCABULARY, RUBRIC, TEMPLATE, VOCABULARY, Found, NotFound, nearest_file, resolve
from .model.rubric import Rubric, load_rubric

if TYPE_CHECKING:
    from .derive.vocabulary import Vocabulary

DEFAULT_TEMPLATE = "yangxi"


class Loaded:
    """One input after loading: its facts, its rubric, the template it will be built with."""

    def __init__(self, file: str, path: Path):
        self.file = file                              # as the user typed it
        self.path = path
        self.report: Report | None = None
        self.doc: Document | None = None
        self.rubric: Rubric | None = None
        self.template: Found | None = None
        self.vocabulary: Vocabulary | None = None
        self.findings = Findings()
        self.unreadable = False                       # the file (or its rubric) could not be read at all
        # a facts file with errors, as far as it could be read (a bad value left empty): only for
        # naming the file's department, year and rubric in a summary, never checked or built
        self.partial: Report | None = None

    @property
    def ready(self) -> bool:
        """Facts and rubric both loaded without errors: the checks can run."""
        return self.report is not None and self.rubric is not None

    def facts_and_rubric(self) -> tuple[Report, Rubric]:
        """The facts and the rubric, for the steps that run only on a ready input."""
        assert self.report is not None and self.rubric is not None, "only for a ready input"
        return self.report, self.rubric

    def template_path(self) -> Path:
        """The template's file, for the steps that run only on a buildable input."""
        assert self.template is not None, "only for a buildable input"
        return self.template.path


class Result:
    def __init__(self, loaded: Loaded, derived=None):
        self.loaded = loaded
        self.derived = derived                # derive.Derived

    @property
    def findings(self) -> Findings:
        return self.loaded.findings

    @property
    def buildable(self) -> bool:
        return self.derived is not None and self.loaded.template is not None and not self.findings.errors


def load(path: Path, display: str | None = None) -> Loaded:
    display = display or str(path)
    out = Loaded(display, Path(path))
    report, out.doc, out.unreadable = load_model(Report, Path(path), display, "事实文件", "", out.findings,
                                                 placeholders=True, partial=True)
    if report is not None:
        for where, message in missing_for_kind(report, out.doc.positions):
            out.findings.error("SCHEMA-MISSING", message, out.doc, where)
    if report is not None and out.findings.errors:
        out.partial = report
        return out
    if report is None:
        return out
    out.report = report
    try:
        found = resolve(RUBRIC, report.rubric, out.path, [out.path.parent])
    except NotFound as exc:
        out.findings.error("RUBRIC-MISSING", exc.message(), out.doc, ("rubric",))
        return out
    rubric, rubric_findings, unreadable = load_rubric(found.path, display_path(found.path), found.builtin)
    out.findings.extend(rubric_findings)
    out.unreadable = unreadable
    out.rubric = rubric
    if rubric is None:
        return out
    _find_template(out, report, rubric)
    _find_vocabulary(out, rubric)
    return out


def _find_template(out: Loaded, report: Report, rubric: Rubric) -> None:
    """The template named by the facts file, else by its rubric, else the default house style."""
    here = out.path.parent
    if report.template:
        ref, doc, stated_in, starts = report.template, out.doc, out.path, [here]
    elif rubric.model.template:
        ref, doc, stated_in = rubric.model.template, rubric.doc, rubric.path
        starts = [here] if rubric.builtin else [here, rubric.path.parent]
    else:
        ref, doc, stated_in, starts = DEFAULT_TEMPLATE, out.doc, out.path, [here]
    try:
        out.template = resolve(TEMPLATE, ref, stated_in, starts)
    except NotFound as exc:
        out.findings.error("TEMPLATE-MISSING", exc.message(), doc, ("template",))


def _find_vocabulary(out: Loaded, rubric: Rubric) -> None:
    """The county's `vocabulary.yaml` (nearest walking up), the files its rubric names, the built-in."""
    from .derive.vocabulary import vocabulary

    files: list[Path] = []
    county = nearest_file(out.path.parent, COUNTY_VOCABULARY)
    if county is not None:
        files.append(county)
    starts = [out.path.parent] + ([] if rubric.builtin else [rubric.path.parent])
    for i, ref in enumerate(rubric.model.vocabulary):
        try:
            files.append(resolve(VOCABULARY, ref, rubric.path, starts).path)
        except NotFound as exc:
            out.findings.error("VOCABULARY-MISSING", exc.message(), rubric.doc, ("vocabulary", i))
    out.vocabulary, found = vocabulary(tuple(dict.fromkeys(files)))
    out.findings.extend(found)


def derive(loaded: Loaded):
    report, rubric = loaded.facts_and_rubric()
    if report.form is not None:
        from .derive.form_scores import derive_form
        return derive_form(report, rubric)
    from .derive.values import derive as compute
    return compute(report, rubric)


def check(path: Path, display: str | None = None) -> Result:
    """Load, derive and check one input. Never raises for anything a user can write."""
    from .core.limits import CheckTimeout, check_limits
    state: dict = {}
    try:
        with check_limits():
            return _check(path, display, state)
    except CheckTimeout as exc:
        loaded = state.get("loaded") or Loaded(display or str(path), path)
        loaded.findings.error("CHECK-TIME", f"检查运行超过 {exc.args[0]:g} 秒仍未完成，已停止：文件中可能有异常庞大或"
                              "特意构造的内容。请检查最近改动的文字或表格。", loaded.doc or Document(loaded.file))
        return Result(loaded)


def _check(path: Path, display: str | None, state: dict) -> Result:
    loaded = state["loaded"] = load(path, display)
    result = Result(loaded)
    if not loaded.ready:
        return result
    from .checks import run_checks
    result.derived = derive(loaded)
    run_checks(loaded, result.derived)
    return result


def render(result: Result, name: str) -> bytes:
    """The render step: one checked input as the bytes of a document ("docx", the report; "xlsx",
    its score workbook), from the values the check built and, where the check already rendered
    the template on trial with those very values, from that render. `build` writes these bytes,
    `verify` compares them; neither builds them another way."""
    from .template.context import build_context

    loaded, derived = result.loaded, result.derived
    report, _ = loaded.facts_and_rubric()
    if report.form is not None:
        return _render_form(result, name)
    context = derived.context or build_context(loaded, derived)
    printed = derived.rendered if context is derived.context else None
    if name == "xlsx":
        from .render.xlsx import score_workbook
        return score_workbook(context, report.report_date, printed)
    from .render.docx import render_docx
    return render_docx(loaded.template_path(), context, report.report_date, report.department.name, printed)


def _render_form(result: Result, name: str) -> bytes:
    """The national form: the table itself is the document (render/form.py), and its workbook."""
    loaded, derived = result.loaded, result.derived
    report, _ = loaded.facts_and_rubric()
    if name == "xlsx":
        from .render.form_xlsx import form_workbook
        return form_workbook(report, derived)
    from .render.form import form_docx
    return form_docx(loaded.template_path(), report, derived)
