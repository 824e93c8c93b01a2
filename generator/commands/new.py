"""`mkreport new`: start a facts file from the schema and a rubric."""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError


def run_new(rubric_ref: str, output: str, year: int | None, department: str | None, template: str | None,
            full: bool = False) -> int:
    from ..core.charset import UTF8, encode
    from ..core.output import write_atomic
    from ..model.datafile import display_path
    from ..model.lookup import RUBRIC, TEMPLATE, NotFound, resolve
    from ..model.rubric import load_rubric
    from ..model.scaffold import new_file
    from .schema import schema_beside

    target = Path(output)
    if os.path.lexists(target):
        raise MkreportError("文件已存在，mkreport new 不会覆盖它。请换一个文件名，或先把它移走。", output)
    year = year or _dt.date.today().year - 1          # the year just ended, reported on now
    try:
        found = resolve(RUBRIC, rubric_ref, target, [target.parent])
    except NotFound as exc:
        raise MkreportError(exc.message(), output) from None
    console.step(f"评分体系“{shown(rubric_ref)}”：{shown(found.path)}。")
    rubric, findings, _ = load_rubric(found.path, display_path(found.path), found.builtin)
    if rubric is None:
        for f in findings.sorted():
            console.err(f.text())
        raise MkreportError(f"评分体系 {display_path(found.path)} 有错误，请先改正。", output)
    if template:
        try:
            resolve(TEMPLATE, template, target, [target.parent])
        except NotFound as exc:
            raise MkreportError(exc.message(), output) from None
    used = None if full else _template_for(target, template, rubric, found)
    if used is not None:
        console.step(f"模板：{shown(used)}。用它试生成一份填满示例值的文件，找出模板不写出、检查也用不到的栏目，不列出。")
    omit = frozenset() if used is None else _unused(rubric, found, year, used)
    console.step(f"写入 {shown(target)}" + (f"（不列出 {len(omit)} 个栏目）。" if omit else "。"))
    schema_ref, schema_written = schema_beside(target, "facts")
    text = new_file(rubric, year, department, template, rubric_ref, schema_ref, omit)
    # in the conventions of the rubric it was made from (charset.py): a county that keeps its
    # rubric as GBK with CRLF in Notepad gets facts files Notepad shows the same way
    write_atomic(target, encode(text, rubric.doc.charset or UTF8))
    from ..pipeline import load
    todo = sum(f.code == "UNFILLED" for f in load(target, output).findings)
    console.info(f"已生成 {shown(output)}：{rubric.name}，{year} 年度，共 {todo} 处待填写。")
    if schema_written is not None:
        console.info(f"已生成 {shown(schema_written)}：编辑器（如 VS Code 的 YAML 插件）据此提示每个字段的说明和写错的值。")
    console.note(f"填写后运行 `mkreport check {shown(output)}` 查看还有哪些没填；全部填好后 `mkreport build {shown(output)}`。")
    return ExitCode.OK


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
