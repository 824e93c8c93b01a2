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


def new(rubric_ref: str, output: str, year: int | None = None, department: str | None = None,
        template: str | None = None, full: bool = False, listener: Listener | None = None) -> NewResult:
    """Write a new facts file at `output` for the rubric `rubric_ref` (a name or a path)."""
    from ..core.charset import UTF8, encode
    from ..core.output import write_atomic
    from ..model.datafile import display_path
    from ..model.lookup import RUBRIC, TEMPLATE, NotFound, resolve
    from ..model.rubric import load_rubric
    from ..model.scaffold import new_file
    from .said import stopped
    from .schemas import schema_beside

    target = Path(output)
    if os.path.lexists(target):
        raise MkreportError("文件已存在，mkreport new 不会覆盖它。请换一个文件名，或先把它移走。", output)
    said = Said(listener)
    result = NewResult(said, target, year=year or _dt.date.today().year - 1)   # the year just ended, reported on now
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
        return result
    result.rubric = rubric.name
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
    schema_ref, result.schema_written = schema_beside(target, "facts")
    text = new_file(rubric, result.year, department, template, rubric_ref, schema_ref, omit)
    # in the conventions of the rubric it was made from (charset.py): a county that keeps its
    # rubric as GBK with CRLF in Notepad gets facts files Notepad shows the same way
    write_atomic(target, encode(text, rubric.doc.charset or UTF8))
    from ..pipeline import load
    result.unfilled = sum(f.code == "UNFILLED" for f in load(target, output).findings)
    said.info(f"已生成 {shown(output)}：{rubric.name}，{result.year} 年度，共 {result.unfilled} 处待填写。")
    if result.schema_written is not None:
        said.info(f"已生成 {shown(result.schema_written)}：编辑器（如 VS Code 的 YAML 插件）据此提示每个字段的说明和写错的值。")
    said.note(f"填写后运行 `mkreport check {shown(output)}` 查看还有哪些没填；全部填好后 `mkreport build {shown(output)}`。")
    return result


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
