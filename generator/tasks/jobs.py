"""One input's work, as a worker process does it: check it, and for `build` write its files.

What comes back is plain data (an Outcome): the findings, already placed at `file:line:col`,
the lines to print, the files written, the exit code — small enough to send between processes,
and all the parent needs to print results in order and to summarise them.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import NamedTuple

from ..core.codes import NOT_STRICT
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError
from ..model.findings import Document, Finding, summary


class Outcome:
    def __init__(self, name: str, findings: list | None = None, unreadable: bool = False, buildable: bool = False):
        self.name = name
        self.findings = [] if findings is None else findings   # Finding, resolved, without their documents
        self.unreadable, self.buildable = unreadable, buildable
        self.out: list = []             # lines for stdout, in order: findings
        self.info: list = []            # what was made (已生成 …), left out when quiet (-q)
        self.err: list = []             # lines for stderr
        self.used: list = []            # the rubric and template it was checked against (said with -v)
        self.seconds = 0.0              # how long it took its worker
        self.code: int = ExitCode.OK
        self.made: dict = {}            # format name → path written
        self.facts: dict = {}           # what a summary shows (see summary.py)
        self.members: dict = {}         # a department's projects: output name → {format name → path}
        self.status = ""                # built, refused (errors), unreadable, skipped, lost (its worker died)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def strict_warnings(self) -> int:
        """The warnings `--strict` refuses a file for (not the notes of codes.NOT_STRICT)."""
        return sum(f.severity == "warning" and f.code not in NOT_STRICT for f in self.findings)


def _light(findings) -> list[Finding]:
    """Findings placed and detached from their documents (positions are not sent around)."""
    out = []
    for f in findings.sorted():
        f.doc = Document(f.file)
        f.numbers = {k: v for k, v in f.numbers.items() if not k.startswith("_")}
        out.append(f)
    return out


def _family_findings(family) -> list[Finding]:
    """The department's findings, then each listed project's, each at its own file:line:col."""
    return [f for result in family.results for f in _light(result.findings)]


def check_job(name: str) -> Outcome:
    from ..pipeline import check_family

    started = time.perf_counter()
    family = check_family(Path(name), name)
    result = family.head
    outcome = Outcome(name, _family_findings(family), result.loaded.unreadable, result.buildable)
    outcome.facts = family_facts(family)
    outcome.used = _used(result.loaded)
    outcome.seconds = time.perf_counter() - started
    outcome.code = ExitCode.USAGE if outcome.unreadable else ExitCode.FINDINGS if outcome.errors else ExitCode.OK
    return outcome


class BuildJob(NamedTuple):
    name: str
    outputs: tuple            # (format name, path) of the formats written per file, in order
    given: tuple = ()         # identities of every input of the command (never overwritten)
    strict: bool = False      # --strict: a warning refuses the file as an error does


def build_job(job: BuildJob) -> Outcome:
    """Check an input (a department with its projects: all of them) and write its files, or
    none: one project with an error, and nothing of that department is written."""
    from ..model.findings import render_text
    from ..pipeline import check_family

    started = time.perf_counter()
    family = check_family(Path(job.name), job.name)
    result = family.head
    outcome = Outcome(job.name, _family_findings(family), result.loaded.unreadable, result.buildable)
    outcome.facts = family_facts(family)
    outcome.used = _used(result.loaded)
    if outcome.findings:
        outcome.out.append(render_text(outcome.findings))
    if outcome.unreadable:
        outcome.code, outcome.status = ExitCode.USAGE, "unreadable"
        return outcome
    if not _family_buildable(family):
        errors = outcome.errors
        outcome.err.append(f"{shown(job.name)}：{summary(errors, len(outcome.findings) - errors)}"
                           f"{_nothing_built(family, lambda r: r.findings.errors)}请先改正上面的错误。")
        outcome.code, outcome.status = ExitCode.FINDINGS, "refused"
        return outcome
    if job.strict and outcome.strict_warnings:
        outcome.err.append(f"{shown(job.name)}：{summary(0, outcome.warnings)}"
                           f"{_nothing_built(family, _strict_warnings)}加了 --strict，警告也当作错误，请先改正上面的警告。")
        outcome.code, outcome.status = ExitCode.FINDINGS, "strict"
        return outcome
    files = _family_outputs(family, job)
    refusal = _refusal(family, job, files)
    if refusal:
        outcome.err.append(refusal)
        outcome.code, outcome.status = ExitCode.USAGE, "overwrite"
        return outcome
    try:
        _write_family(files)
    except MkreportError as exc:
        outcome.err.append(str(exc))
        outcome.code, outcome.status = exc.exit_code, "failed"
        return outcome
    for res, fmt, path, stem in files:
        if res is result:
            outcome.made[fmt] = str(path)
        else:
            outcome.members.setdefault(stem, {})[fmt] = str(path)
        outcome.info.append(f"已生成 {shown(str(path))}")
    outcome.status = "built"
    outcome.seconds = time.perf_counter() - started
    return outcome


def _family_buildable(family) -> bool:
    return family.head.buildable and all(m.result is not None and m.result.buildable for m in family.members)


def _strict_warnings(result) -> int:
    return sum(f.severity == "warning" and f.code not in NOT_STRICT for f in result.findings)


def _nothing_built(family, stops) -> str:
    """What was not written, naming the project files that stopped it (`stops`: a count per file)."""
    if not family.members:
        return "未生成报告："
    named = [m.display for m in family.members if m.result is not None and stops(m.result)]
    which = f"（问题在项目 {'、'.join(shown(n) for n in named)}）" if named else ""
    return f"部门和所列 {len(family.members)} 个项目都未生成{which}："


# what a project's file is named after, in the department's output folder: the department's
# name first, so that its files sort together and say whose they are
PROJECT_JOIN = "-项目-"


def member_stem(head: str, member_path: Path) -> str:
    """shuili-2023-项目-农村供水保障工程 for inputs/shuili-2023/农村供水保障工程.yaml listed by inputs/shuili-2023.yaml."""
    return Path(head).stem + PROJECT_JOIN + member_path.stem


def _family_outputs(family, job: BuildJob) -> list[tuple]:
    """(result, format, path, name without suffix) of every file to write: the department's as
    planned, then each project's beside them, named after both."""
    from .formats import FORMATS

    out = [(family.head, fmt, Path(path), Path(job.name).stem) for fmt, path in job.outputs]
    for m in family.members:
        stem = member_stem(job.name, m.path)
        out += [(m.result, fmt, Path(path).with_name(stem + FORMATS[fmt].suffix), stem) for fmt, path in job.outputs]
    return out


def _refusal(family, job: BuildJob, files: list[tuple]) -> str:
    """Why nothing can be written: an output is one of the inputs, or two projects of one name."""
    protected = list(job.given) + [identity(p) for r in family.results for p in used_files(r.loaded)]
    seen: set = set()
    for _, _, path, _ in files:
        if identity(path) in protected:
            return (f"{shown(job.name)}：要写出的 {shown(str(path))} 是本次的输入文件，不能覆盖，未生成。"
                    "请用 -o 指定另一个输出文件夹。")
        if path in seen:
            return (f"{shown(job.name)}：所列的两个项目文件同名，都会写成 {shown(str(path))}，未生成。请给其中一个改名。")
        seen.add(path)
    return ""


def _write_family(files: list[tuple]) -> None:
    """Every file made in memory first, then all written together: a failure writes nothing."""
    from ..core.output import write_all_atomic
    from .formats import FORMATS

    made = []
    for res, fmt, path, _ in files:
        render = FORMATS[fmt].render
        assert render is not None, f"{fmt} is made for all inputs at once, not per file"
        made.append((path, render(res)))
    write_all_atomic(made)


def lost_job(item) -> Outcome:
    """The outcome of a file whose worker process died under it, twice (batch.py): killed by the
    out-of-memory killer, say. That file failed, as an unreadable one does (exit 2); the others
    carry on."""
    from ..model.findings import Findings, render_text

    name = item.name if isinstance(item, BuildJob) else item
    found = Findings()
    found.add("PROCESS-LOST", "处理这个文件的进程意外终止（可能内存不足），单独重试仍然终止：这个文件没有处理完，"
              "其余文件照常处理。请单独运行 mkreport check 检查它，看其中是否有异常庞大的内容。", Document(name, plain=True))
    outcome = Outcome(name, found.sorted(), unreadable=True)
    outcome.out.append(render_text(outcome.findings))
    outcome.code, outcome.status = ExitCode.USAGE, "lost"
    return outcome


def family_facts(family) -> dict:
    """A summary's row of a department and its projects: the department's own facts and score
    (facts_of), the errors that are its own (its file's, the cross-file checks'), and each listed
    project that was read with its errors and warnings — a project's error leaves the department's
    own score standing, and the row names the project."""
    out = facts_of(family.head)
    out["own_errors"] = family.head.findings.errors
    out["projects"] = [(m.display, m.result.findings.errors, m.result.findings.warnings)
                       for m in family.members if m.result is not None]
    return out


def facts_of(result) -> dict:
    """Department, year, total, grade and each top-level indicator's score: a summary's row. A file
    with errors keeps what could be read of it (its department, year and rubric)."""
    loaded, derived = result.loaded, result.derived
    report = loaded.report or loaded.partial
    if report is None:
        return {}
    out = {"department": (report.department.name if report.department else None) or "", "year": report.year}
    if loaded.rubric is None and report.rubric:
        out["rubric"] = _rubric_name(loaded, report.rubric)
    if loaded.rubric is not None and derived is not None:
        rubric, scores = loaded.rubric, derived.scores
        out["rubric"] = rubric.name or ""
        out["points"] = rubric.points
        out["total"] = scores.total
        out["grade"] = scores.grade or ""
        out["grades"] = [grade for grade, _ in rubric.grades]
        out["l1"] = [(node.id, node.name, node.points, scores.derived.get(node.id)) for node in rubric.roots]
        out["lost"] = [(leaf.id, leaf.name, leaf.points, scores.derived.get(leaf.id))
                       for root in rubric.roots for leaf in root.leaves()
                       if scores.derived.get(leaf.id) is not None and scores.derived.get(leaf.id) < leaf.points]
    return out


def _rubric_name(loaded, ref: str) -> str:
    """The name of the rubric a file with errors names, as a summary shows it for every file; its
    own reference (a name, never a path) when it cannot be read."""
    from ..model.datafile import display_path
    from ..model.lookup import RUBRIC, NotFound, resolve
    from ..model.rubric import load_rubric

    try:
        found = resolve(RUBRIC, ref, loaded.path, [loaded.path.parent])
    except NotFound:
        return RUBRIC.stem(Path(ref.replace("\\", "/")).name)
    rubric, _, _ = load_rubric(found.path, display_path(found.path), found.builtin)   # as load() does: one cache
    return rubric.name if rubric is not None and rubric.name else found.name


def _used(loaded) -> list[str]:
    """The rubric and the template a file was checked against, as -v says them."""
    said = []
    if loaded.rubric is not None and getattr(loaded.rubric, "path", None):
        said.append(f"评分体系 {shown(loaded.rubric.path)}")
    if loaded.template is not None:
        said.append(f"模板 {shown(loaded.template.path)}")
    return said


def used_files(loaded) -> list[Path]:
    paths = [loaded.path]
    if loaded.rubric is not None and getattr(loaded.rubric, "path", None):
        paths.append(loaded.rubric.path)
    if loaded.template is not None:
        paths.append(loaded.template.path)
    return paths


def identity(path: Path):
    """What makes two paths one file: device and inode when it exists, else its absolute path."""
    try:
        st = os.stat(path)
        return ("inode", st.st_dev, st.st_ino)
    except (OSError, ValueError):
        try:
            return ("path", str(path.resolve()))
        except (OSError, RuntimeError, ValueError):
            return ("path", os.path.abspath(path))
