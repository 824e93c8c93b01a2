"""The pipeline every command runs: load → derive → check (→ render, for build).

    load    facts + rubric + template + vocabulary, each value with its file:line:col
    derive  totals, rates, expected scores, target statuses — computed once (derive/values.py)
    check   findings, from the loaded facts and the derived values (checks/; checks/template.py
            renders the template's Jinja code once on trial: names, blanks, fields left out)
    render  outputs by registered name: docx, pdf (formats.py)

Nothing here knows about click; nothing here stops at the first bad file.
"""
from __future__ import annotations

import os
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
    if report is not None and report.kind == "project" and report.projects:
        out.findings.error("PROJECT-KIND", "项目的事实文件（kind: project）不能再列出项目：projects 只写在部门的文件中。"
                           "请把这些项目移到部门文件的 projects 中。", out.doc, ("projects",))
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


class Member:
    """A project a department lists: where it is listed (`projects` item `index`), its file as the
    user would name it (relative to where the department file was named from), its check."""

    def __init__(self, index: int, display: str, path: Path, result: Result | None = None):
        self.index, self.display, self.path, self.result = index, display, path, result

    @property
    def report(self) -> Report | None:
        """Its facts, when they were read without errors."""
        return self.result.loaded.report if self.result is not None else None


class Family:
    """A facts file and the projects it lists, each checked as a file of its own; the cross-file
    findings (checks/projects.py) are the department's own."""

    def __init__(self, head: Result, members: list[Member]):
        self.head, self.members = head, members

    @property
    def results(self) -> list[Result]:
        """The department's check, then each listed project's that could be read, in list order."""
        return [self.head] + [m.result for m in self.members if m.result is not None]


def listed_project(department: Path, entry: str) -> Path:
    """The project file a department's `projects` entry names: relative to the department file's folder, with
    the separators typed on Windows (水利局-2023\\供水.yaml) read as /."""
    return Path(department).parent / entry.replace("\\", "/")


def check_family(path: Path, display: str | None = None) -> Family:
    """Check a facts file and, for a department that lists its projects, each of them and what
    they must agree on. A project file that is missing, unreadable or listed twice is a finding
    at its list entry; the others are checked all the same."""
    head = check(path, display)
    loaded = head.loaded
    report = loaded.report or loaded.partial
    if report is None or loaded.doc is None or not report.projects or report.kind == "project":
        return Family(head, [])
    base = Path(loaded.file).parent
    seen: dict = {}
    members: list[Member] = []
    for i, entry in enumerate(report.projects):
        entry = entry.replace("\\", "/")          # as typed on Windows: 水利局-2023\供水.yaml
        member = Member(i, str(base / entry), listed_project(path, entry))
        key = _file_key(member.path)
        if key in seen:
            loaded.findings.error("PROJECT-TWICE", f"项目 {entry} 已在 projects 第 {seen[key] + 1} 项列出，这里又列了一次："
                                  "同一个项目只列一次，请删去这一行。", loaded.doc, ("projects", i))
            continue
        seen[key] = i
        if not member.path.is_file():
            where = "是一个文件夹" if member.path.is_dir() else "不存在"
            loaded.findings.error("PROJECT-MISSING", f"项目文件 {member.display} {where}（路径相对于本文件所在的文件夹）："
                                  "请核对文件名，或删去这一行。", loaded.doc, ("projects", i))
            continue
        member.result = check(member.path, member.display)
        if member.result.loaded.unreadable:
            loaded.findings.error("PROJECT-MISSING", f"项目文件 {member.display} 读不了（原因见该文件的问题）：请先改正它，"
                                  "或删去这一行。", loaded.doc, ("projects", i))
        members.append(member)
    if loaded.report is not None:
        from .checks.projects import check_projects
        check_projects(loaded.report, loaded.doc, members, loaded.findings)
    return Family(head, members)


def _file_key(path: Path):
    """What makes two listed paths one file: device and inode (a link, another spelling), else the path."""
    try:
        st = path.stat()
        return ("inode", st.st_dev, st.st_ino)
    except (OSError, ValueError):
        return ("path", os.path.abspath(path))


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
