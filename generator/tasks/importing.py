"""The work of `mkreport import`: a filled national form (.xlsx or .docx) read back as a facts file.

Nothing is printed: `import_form` returns an ImportResult (what was read, cell by cell; what was
written; what `check` then finds) and says its lines to a listener (said.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.console import shown
from ..core.errors import ExitCode, MkreportError
from .said import Listener, Said

MAX_FORM_BYTES = 20 * 1024 * 1024        # a filled form is tens of kilobytes; a scanned one a few MB
PACKAGED = "national-form"


@dataclass
class ImportResult:
    """What `import` read and wrote: the facts file, the sheet read (empty for a Word table), every
    cell read as (cell, field path, field in Chinese, value), the values and blanks counted, the
    form's slips (problems), the rubric it names (with why), the rubric file and the schema written
    beside it (None: none written), how many errors `check` finds in the new file, the lines said."""

    said: Said
    path: Path
    code: int = ExitCode.OK
    sheet: str = ""
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    values: int = 0
    blanks: int = 0
    problems: list = field(default_factory=list)
    rubric: Any = None
    rubric_written: Path | None = None
    schema_written: Path | None = None
    check_errors: int = 0
    into: Path | None = None        # the department file the project was added to
    entry: str = ""                 # as listed there ("" when it was listed already)


def import_form(source: str, output: str | None = None, force: bool = False, explain: bool = False,
                listener: Listener | None = None, into: str | None = None) -> ImportResult:
    """Read the form at `source` and write its facts file (`output`, else the form's name as .yaml);
    `force`: overwrite an existing one; `explain`: say every cell read, as a table on out; `into`:
    a project's form is added to this department file's projects."""
    from ..core.output import write_atomic
    from .formwrite import facts_yaml, reading_rows
    from .schemas import schema_beside, with_schema_line

    path = Path(source)
    if path.suffix.lower() not in (".xlsx", ".docx"):
        raise MkreportError("mkreport import 读 .xlsx（Excel）或 .docx（Word）格式的自评表；.xls、.doc、.wps、.et 请先在 "
                            "Excel、Word 或 WPS 中另存为 .xlsx 或 .docx。", source)
    target = Path(output) if output else path.with_suffix(".yaml")
    _refuse_overwrite(target, force, source)
    reading = _read(path, source)
    if into:
        _can_list(reading, into, source)
    said = Said(listener)
    result = ImportResult(said, target, sheet=reading.sheet, problems=list(reading.problems))
    said.step(f"读取 {shown(source)}" + (f"的工作表“{shown(reading.sheet)}”" if reading.sheet else "") + "。")
    result.rubric, rubric_file, note = _rubric(reading, target, path.name, force, source)
    header = [f"由 mkreport import 从“{path.name}”" + (f"的工作表“{reading.sheet}”" if reading.sheet else "") + "读入。",
              "每个值后的注释是它所在的单元格；写着“空白”的是表中空着的格（不按 0 计，check 会指出）。",
              "运行 mkreport check 查看表中的问题（如合计不等、得分与规则不符），mkreport build 按同样的格式重新生成。"]
    schema_ref, result.schema_written = schema_beside(target, "facts")
    text = with_schema_line(facts_yaml(reading, result.rubric, header), schema_ref)
    result.rows = reading_rows(reading, result.rubric)
    if explain:
        for line in _table(result.rows):
            said.out(line)
    for p in reading.problems:
        said.err(f"{shown(source)}: {shown(p.where)}: 提示 {shown(p.message)}")
    if rubric_file is not None:
        write_atomic(rubric_file[0], rubric_file[1].encode("utf-8"))
        result.rubric_written = rubric_file[0]
        said.info(f"已生成 {shown(rubric_file[0])}：{shown(note)}")
    write_atomic(target, text.encode("utf-8"))
    _said_written(result, rubric_file is None)
    if into:
        _list_in(result, into)
    _check_new(result)
    return result


def _can_list(reading, into: str, source: str) -> None:
    """Only a project's form goes into a department's list, and only a department file takes it:
    said before anything is written."""
    from .projects import read_department

    if reading.kind is None or reading.kind.text != "project":
        raise MkreportError("这是部门整体支出绩效自评表，不是项目的：--into 只把项目支出绩效自评表加入部门的 projects。", source)
    read_department(into)


def _list_in(result: ImportResult, into: str) -> None:
    from .projects import add_project

    result.into, result.entry = Path(into), add_project(into, result.path)
    result.said.info(f"已加入 {shown(into)} 的 projects：{shown(result.entry)}。" if result.entry
                     else f"{shown(into)} 的 projects 中已有这个文件，未改动。")


def _read(path: Path, source: str):
    """The form's reading (formread.Reading); a file that is not a form, or not one mkreport can
    read, stops the work."""
    from ..core.reading import ReadProblem, read_limited
    from ..wordml.filledtables import FormFileProblem, document_rows, workbook_sheets
    from .formread import NotAForm, read_form

    try:
        data = read_limited(path, MAX_FORM_BYTES, "自评表")
        sheets = workbook_sheets(data) if path.suffix.lower() == ".xlsx" else [document_rows(data)]
        return read_form(sheets)
    except (ReadProblem, FormFileProblem, NotAForm) as exc:
        raise MkreportError(f"{exc}。", source) from None


def _said_written(result: ImportResult, packaged: bool) -> None:
    """What was written, with the values and blanks counted; why the packaged rubric is named."""
    from .formread import Value

    said = result.said
    if result.schema_written is not None:
        said.info(f"已生成 {shown(result.schema_written)}：编辑器据此提示每个字段的说明。")
    result.values = sum(1 for _, _, _, v in result.rows if v != "（空白）")
    result.blanks = sum(1 for _, _, _, v in result.rows if v == "（空白）")
    said.info(f"已生成 {shown(str(result.path))}：{result.values} 个值" + (f"，{result.blanks} 处空白" if result.blanks else "")
              + "。")
    if packaged and isinstance(result.rubric, Value) and result.rubric.note:
        said.note(shown(result.rubric.note))


def _refuse_overwrite(target: Path, force: bool, source: str) -> None:
    from .jobs import identity

    if os.path.lexists(target):
        if identity(target) == identity(Path(source)):
            raise MkreportError("输出文件就是要读的自评表，mkreport import 从不改写它。", str(target))
        if not force:
            raise MkreportError("文件已存在，mkreport import 不会覆盖它：换一个文件名（-o），或加 --force 覆盖。",
                                str(target))


def _rubric(reading, target: Path, source_name: str, force: bool, source: str):
    """rubric: national-form when the form's points per 一级 are its; else a rubric beside the facts
    file with the form's points — unless the points do not add up to the form's total, which is a
    slip for `check` to show (FORM-POINTS), not a rubric to make."""
    from ..model.lookup import RUBRIC, resolve
    from ..model.rubric import load_rubric
    from .formread import Value
    from .formwrite import Points, rubric_text, same_as

    found = resolve(RUBRIC, PACKAGED, target, [])
    packaged, _, _ = load_rubric(found.path, PACKAGED, found.builtin)
    points = Points(reading)
    if packaged is None or same_as(points, packaged):
        return Value(PACKAGED, "", "各一级指标的分值与内置的评分体系相同"), None, ""
    total = points.stated if points.stated is not None else packaged.model.points
    if points.unknown or points.total != total:
        from ..core.numbers import fmt
        note = (f"表中各一级指标的分值（{points.shown()}）合计 {fmt(points.total)}，与总分的分值 {fmt(total)} 不符"
                if not points.unknown else f"表中有空着的分值（{points.shown()}）")
        return Value(PACKAGED, "", note + "：仍按内置的评分体系 national-form，check 会指出分值的问题"), None, ""
    name = f"{target.stem}-评分体系.yaml"
    path = target.with_name(name)
    _refuse_overwrite(path, force, source)
    text = rubric_text(points, found.path.read_text(encoding="utf-8"), source_name)
    note = f"表中的分值（{points.shown()}）与内置的评分体系 national-form 不同，按表中的分值生成"
    return Value(f"./{name}", "", note), (path, text), note


def _table(rows: list[tuple[str, str, str, str]]) -> list[str]:
    """The reading as a table: the cell, what it was read as, the value."""
    width = max((display_width(r[0]) for r in rows), default=4)
    label = max((display_width(r[2]) for r in rows), default=4)
    out = [f"{'单元格'}{' ' * (width - 6)}  {'读作'}{' ' * (label - 4)}  值"]
    for cell, _path, zh, value in rows:
        out.append(f"{shown(cell)}{' ' * (width - display_width(cell))}  {zh}{' ' * (label - display_width(zh))}  "
                   f"{shown(value)}")
    return out


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: a Chinese character two, a Latin one one."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _check_new(result: ImportResult) -> None:
    """The new file checked at once: how many slips of the form `check` will show."""
    from ..pipeline import check

    target = result.path
    result.check_errors = check(target, str(target)).findings.errors
    if result.check_errors:
        result.said.note(f"运行 `mkreport check {shown(str(target))}`：表中有 {result.check_errors} 处问题（如合计不等、得分与规则不符）。")
    else:
        result.said.note(f"`mkreport check {shown(str(target))}` 没有发现问题；`mkreport build {shown(str(target))}` 按同样的格式重新生成。")
