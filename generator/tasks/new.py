"""The work of `mkreport new`: a facts file started from the schema and a rubric, listing what the
chosen template writes and the checks read. Nothing is printed: `new` returns a NewResult and
says its lines to a listener (said.py)."""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..core.console import shown
from ..core.errors import ExitCode, MkreportError
from .said import Listener, Said


@dataclass
class NewResult:
    """What `new` wrote: the facts file, the rubric's name and file, the year, how many values are
    to be filled, the template asked about (None: every field, as --full), the fields left out, the
    schema written beside it (None: one was there); or, when the rubric has errors, its findings
    (and nothing written). The lines said."""

    said: Said
    path: Path
    code: int = ExitCode.OK
    rubric: str = ""
    rubric_file: Path | None = None
    year: int = 0
    unfilled: int = 0
    template: Path | None = None
    omitted: frozenset = frozenset()
    schema_written: Path | None = None
    findings: list = field(default_factory=list)
    kind: str = "department"
    into: Path | None = None        # the department file the new project was added to
    entry: str = ""                 # as listed there ("" when it was listed already)


# a project fills the national form: the packaged rubric of it, unless another is named
PROJECT_RUBRIC = "national-form"


def new(rubric_ref: str | None, output: str, year: int | None = None, department: str | None = None,
        template: str | None = None, full: bool = False, listener: Listener | None = None,
        kind: str = "department", into: str | None = None, name: str | None = None) -> NewResult:
    """Write a new facts file at `output` for the rubric `rubric_ref` (a name or a path); `kind`
    project: a project's form, its year and department taken from the department file `into`
    (unless given), and the new file added to that department's projects."""
    if kind == "project":
        return _new_project(rubric_ref or PROJECT_RUBRIC, output, year, department, name, into, listener)
    if into or name:
        raise MkreportError(f"{'--into' if into else '--name'} 只用于新建项目的文件（--kind project）。", output)
    if not rubric_ref:
        raise MkreportError("缺少 --rubric：新建部门的事实文件要写明评分体系（运行 mkreport list 查看可用的），"
                            "如 mkreport new --rubric yangxi-2023 -o inputs/工信局-2024.yaml。", output)
    return _new_department(rubric_ref, output, year, department, template, full, listener)


def _new_department(rubric_ref: str, output: str, year: int | None, department: str | None, template: str | None,
                    full: bool, listener: Listener | None) -> NewResult:
    from ..model.lookup import TEMPLATE, NotFound, resolve
    from ..model.scaffold import new_file

    target = Path(output)
    if os.path.lexists(target):
        raise MkreportError("文件已存在，mkreport new 不会覆盖它。请换一个文件名，或先把它移走。", output)
    said = Said(listener)
    result = NewResult(said, target, year=year or _dt.date.today().year - 1)   # the year just ended, reported on now
    rubric, found = _rubric(rubric_ref, output, result)
    if rubric is None:
        return result
    if rubric.model.form is not None:
        return _new_department_form(rubric, rubric_ref, output, department, template, full, result)
    if template:
        try:
            resolve(TEMPLATE, template, target, [target.parent])
        except NotFound as exc:
            raise MkreportError(exc.message(), output) from None
    result.template = None if full else _template_for(target, template, rubric, found)
    if result.template is not None:
        said.step(f"模板：{shown(result.template)}。用它试生成一份填满示例值的文件，找出模板不写出、检查也用不到的栏目，不列出。")
    result.omitted = omit = frozenset() if result.template is None else _unused(rubric, found, result.year, result.template)
    said.step(f"写入 {shown(target)}" + (f"（不列出 {len(omit)} 个栏目）。" if omit else "。"))
    schema_ref, result.schema_written = schema_beside_new(target)
    _write(target, new_file(rubric, result.year, department, template, rubric_ref, schema_ref, omit), rubric, output,
           result)
    said.note(f"填写后运行 `mkreport check {shown(output)}` 查看还有哪些没填；全部填好后 `mkreport build {shown(output)}`。")
    return result


def _new_department_form(rubric, rubric_ref: str, output: str, department: str | None, template: str | None,
                         full: bool, result: NewResult) -> NewResult:
    """A whole department's national form (the rubric has a form section): the form's own funding,
    goals and indicator rows to fill, as a project's form is, not the narrative's scores."""
    from ..model.scaffold import form_file

    if template:
        raise MkreportError(f"评分体系“{rubric_ref}”是自评表的：自评表按固定的格式生成，不用 --template 选模板。", output)
    target, said = result.path, result.said
    if full:
        said.step("自评表的事实文件只有表中的栏目，--full 不另列出其他栏目。")
    said.step(f"写入 {shown(target)}：部门整体支出绩效自评表（资金、年度总体目标、绩效指标）。")
    schema_ref, result.schema_written = schema_beside_new(target)
    _write(target, form_file(rubric, result.year, department, rubric_ref=rubric_ref, schema_ref=schema_ref,
                             kind="department"), rubric, output, result)
    said.note(f"填写后运行 `mkreport check {shown(output)}` 查看还有哪些没填；全部填好后 `mkreport build {shown(output)}`。")
    return result


def _new_project(rubric_ref: str, output: str, year: int | None, department: str | None, name: str | None,
                 into: str | None, listener: Listener | None) -> NewResult:
    """A project's facts file (its form to fill), added to its department's list when asked."""
    from ..model.datafile import display_path
    from ..model.scaffold import form_file
    from .projects import add_project, department_facts

    target = Path(output)
    if os.path.lexists(target):
        raise MkreportError("文件已存在，mkreport new 不会覆盖它。请换一个文件名，或先把它移走。", output)
    said = Said(listener)
    stated = department_facts(into) if into else {}
    if into:
        said.step(f"部门的文件：{shown(into)}（年度、部门名称取自它，新文件加入它的 projects）。")
    year = year or stated.get("year") or _dt.date.today().year - 1
    result = NewResult(said, target, year=year, kind="project", into=Path(into) if into else None)
    rubric, found = _rubric(rubric_ref, output, result)
    if rubric is None:
        return result
    if rubric.model.form is None:
        raise MkreportError(f"项目支出按自评表填写，评分体系 {display_path(found.path)} 不是自评表的（没有 form 一节）："
                            f"请用 --rubric {PROJECT_RUBRIC}，或县里按它修改的评分体系。", output)
    schema_ref, result.schema_written = schema_beside_new(target)
    text = form_file(rubric, year, department or stated.get("department"), name, rubric_ref, schema_ref)
    _write(target, text, rubric, output, result)
    if into:
        result.entry = add_project(into, target)
        said.info(f"已加入 {shown(into)} 的 projects：{shown(result.entry)}。" if result.entry
                  else f"{shown(into)} 的 projects 中已有这个文件，未改动。")
    said.note(f"填写后运行 `mkreport check {shown(into or output)}` 查看还有哪些没填。")
    return result


def _rubric(rubric_ref: str, output: str, result: NewResult):
    """The rubric named, loaded, and where it was found; (None, found) with its findings said and
    the exit code set when it has errors."""
    from ..model.datafile import display_path
    from ..model.lookup import RUBRIC, NotFound, resolve
    from ..model.rubric import load_rubric
    from .said import stopped

    said, target = result.said, result.path
    try:
        found = resolve(RUBRIC, rubric_ref, target, [target.parent])
    except NotFound as exc:
        raise MkreportError(exc.message(), output) from None
    result.rubric_file = found.path
    said.step(f"评分体系“{shown(rubric_ref)}”：{shown(found.path)}。")
    rubric, findings, _ = load_rubric(found.path, display_path(found.path), found.builtin)
    if rubric is None:
        result.findings = findings.sorted()
        for f in result.findings:
            said.err(f.text())
        said.err(stopped(f"评分体系 {display_path(found.path)} 有错误，请先改正。", output))
        result.code = ExitCode.USAGE
        return None, found
    result.rubric = rubric.name
    return rubric, found


def schema_beside_new(target: Path):
    """The editor's schema line for a new facts file, and the schema file written beside it (if any)."""
    from .schemas import schema_beside
    return schema_beside(target, "facts")


def _write(target: Path, text: str, rubric, output: str, result: NewResult) -> None:
    """The new file, in the conventions of the rubric it was made from (charset.py): a county that
    keeps its rubric as GBK with CRLF in Notepad gets facts files Notepad shows the same way; then
    the values it leaves to fill, counted as `check` will list them."""
    from ..core.charset import UTF8, encode
    from ..core.output import write_atomic
    from ..pipeline import load

    write_atomic(target, encode(text, rubric.doc.charset or UTF8))
    result.unfilled = sum(f.code == "UNFILLED" for f in load(target, output).findings)
    result.said.info(f"已生成 {shown(output)}：{rubric.name}，{result.year} 年度，共 {result.unfilled} 处待填写。")
    if result.schema_written is not None:
        result.said.info(f"已生成 {shown(result.schema_written)}：编辑器（如 VS Code 的 YAML 插件）据此提示每个字段的说明和写错的值。")


def _template_for(target: Path, template: str | None, rubric, found) -> Path | None:
    """The template the new file will be built with, found as `check` will find it from where
    the file is written (a county's own templates/ first); None when it cannot be found yet."""
    from ..model.lookup import TEMPLATE, NotFound, resolve
    from ..pipeline import DEFAULT_TEMPLATE

    if template:
        ref, stated_in, starts = template, target, [target.parent]
    elif rubric.model.template:
        ref, stated_in = rubric.model.template, found.path
        starts = [target.parent] if found.builtin else [target.parent, found.path.parent]
    else:
        ref, stated_in, starts = DEFAULT_TEMPLATE, target, [target.parent]
    try:
        return resolve(TEMPLATE, ref, stated_in, starts).path
    except NotFound:
        return None


def _unused(rubric, found, year: int, template: Path | None) -> frozenset:
    """The fields the template would leave out of the report and no check reads: those of a sample
    file, every value filled, that `check` calls unused (TEMPLATE-UNUSED). Paths of field names."""
    import tempfile

    from ..model.scaffold import new_file
    from ..pipeline import check

    if template is None:
        return frozenset()          # nothing to ask the template: every field, as --full
    text = new_file(rubric, year, "示例县示例局", str(template.resolve()), str(found.path.resolve()), sample=True)
    with tempfile.TemporaryDirectory(prefix="mkreport-new-") as folder:
        sample = Path(folder) / "sample.yaml"
        sample.write_text(text, encoding="utf-8")
        findings = check(sample).findings
    return frozenset(tuple(p for p in path if isinstance(p, str))
                     for f in findings if f.code == "TEMPLATE-UNUSED" for path in getattr(f, "paths", ()))
