"""`mkreport new`: start a facts file from the schema and a rubric."""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .. import console
from ..errors import ExitCode, MkreportError


def run_new(rubric_ref: str, output: str, year: int | None, department: str | None, template: str | None) -> int:
    from ..datafile import display_path
    from ..lookup import RUBRIC, TEMPLATE, NotFound, resolve
    from ..output import write_atomic
    from ..resources import packaged_file
    from ..rubric import load_rubric
    from ..scaffold import new_file

    target = Path(output)
    if os.path.lexists(target):
        raise MkreportError("文件已存在，mkreport new 不会覆盖它。请换一个文件名，或先把它移走。", output)
    year = year or _dt.date.today().year - 1          # the year just ended, reported on now
    try:
        found = resolve(RUBRIC, rubric_ref, target, [target.parent])
    except NotFound as exc:
        raise MkreportError(exc.message(), output) from None
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
    text = new_file(rubric, year, department, template, rubric_ref, _schema_ref(target, packaged_file))
    write_atomic(target, text.encode("utf-8"))
    from ..pipeline import load
    todo = sum(f.code == "UNFILLED" for f in load(target, output).findings)
    console.out(f"已生成 {output}：{rubric.name}，{year} 年度，共 {todo} 处待填写。")
    console.err(f"填写后运行 `mkreport check {output}` 查看还有哪些没填；全部填好后 `mkreport build {output}`。")
    return ExitCode.OK


def _schema_ref(target: Path, packaged_file) -> str:
    """The facts schema for editors: the county repository's own schema/ folder if there is one
    above the file, else the copy installed with mkreport."""
    from ..lookup import nearest_file
    here = target.parent.resolve() if target.parent.exists() else Path(os.path.abspath(target.parent))
    found = nearest_file(here, "schema/facts.schema.json")
    if found is not None:
        return os.path.relpath(found, here).replace(os.sep, "/")
    return packaged_file("schema", "facts.schema.json").resolve().as_uri()
