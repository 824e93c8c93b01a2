"""`mkreport import FORM.xlsx|FORM.docx [-o facts.yaml]`: a filled national form as a facts file."""
from __future__ import annotations

import os
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError

MAX_FORM_BYTES = 20 * 1024 * 1024        # a filled form is tens of kilobytes; a scanned one a few MB
PACKAGED = "national-form"


def run_import(source: str, output: str | None, force: bool = False, explain: bool = False) -> int:
    from ..core.output import write_atomic
    from ..core.reading import ReadProblem, read_limited
    from ..tasks.formread import NotAForm, Value, read_form
    from ..tasks.formwrite import facts_yaml, reading_rows
    from ..wordml.filledtables import FormFileProblem, document_rows, workbook_sheets

    path = Path(source)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise MkreportError("mkreport import 读 .xlsx（Excel）或 .docx（Word）格式的自评表；.xls、.doc、.wps、.et 请先在 "
                            "Excel、Word 或 WPS 中另存为 .xlsx 或 .docx。", source)
    target = Path(output) if output else path.with_suffix(".yaml")
    _refuse_overwrite(target, force, source)
    try:
        data = read_limited(path, MAX_FORM_BYTES, "自评表")
        sheets = workbook_sheets(data) if suffix == ".xlsx" else [document_rows(data)]
        reading = read_form(sheets)
    except (ReadProblem, FormFileProblem, NotAForm) as exc:
        raise MkreportError(f"{exc}。", source) from None
    console.step(f"读取 {shown(source)}" + (f"的工作表“{shown(reading.sheet)}”" if reading.sheet else "") + "。")
    rubric, rubric_file, note = _rubric(reading, target, path.name, force, source)
    header = [f"由 mkreport import 从“{path.name}”" + (f"的工作表“{reading.sheet}”" if reading.sheet else "") + "读入。",
              "每个值后的注释是它所在的单元格；写着“空白”的是表中空着的格（不按 0 计，check 会指出）。",
              "运行 mkreport check 查看表中的问题（如合计不等、得分与规则不符），mkreport build 按同样的格式重新生成。"]
    from .schema import schema_beside, with_schema_line
    schema_ref, schema_written = schema_beside(target, "facts")
    text = with_schema_line(facts_yaml(reading, rubric, header), schema_ref)
    if explain:
        _show(reading_rows(reading, rubric))
    for p in reading.problems:
        console.err(f"{shown(source)}: {shown(p.where)}: 提示 {shown(p.message)}")
    if rubric_file is not None:
        write_atomic(rubric_file[0], rubric_file[1].encode("utf-8"))
        console.info(f"已生成 {shown(rubric_file[0])}：{shown(note)}")
    write_atomic(target, text.encode("utf-8"))
    if schema_written is not None:
        console.info(f"已生成 {shown(schema_written)}：编辑器据此提示每个字段的说明。")
    count = sum(1 for _, _, _, v in reading_rows(reading, rubric) if v != "（空白）")
    blanks = sum(1 for _, _, _, v in reading_rows(reading, rubric) if v == "（空白）")
    console.info(f"已生成 {shown(str(target))}：{count} 个值" + (f"，{blanks} 处空白" if blanks else "") + "。")
    if rubric_file is None and isinstance(rubric, Value) and rubric.note:
        console.note(shown(rubric.note))
    _summary_of_check(target)
    return ExitCode.OK


def _refuse_overwrite(target: Path, force: bool, source: str) -> None:
    from ..tasks.jobs import identity

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
    from ..tasks.formread import Value
    from ..tasks.formwrite import Points, rubric_text, same_as

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


def _show(rows: list[tuple[str, str, str, str]]) -> None:
    """The reading as a table on standard output: the cell, what it was read as, the value."""
    width = max((display_width(r[0]) for r in rows), default=4)
    label = max((display_width(r[2]) for r in rows), default=4)
    console.out(f"{'单元格'}{' ' * (width - 6)}  {'读作'}{' ' * (label - 4)}  值")
    for cell, _path, zh, value in rows:
        console.out(f"{shown(cell)}{' ' * (width - display_width(cell))}  {zh}{' ' * (label - display_width(zh))}  "
                    f"{shown(value)}")


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: a Chinese character two, a Latin one one."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _summary_of_check(target: Path) -> None:
    from ..pipeline import check

    result = check(target, str(target))
    errors = result.findings.errors
    if errors:
        console.note(f"运行 `mkreport check {shown(str(target))}`：表中有 {errors} 处问题（如合计不等、得分与规则不符）。")
    else:
        console.note(f"`mkreport check {shown(str(target))}` 没有发现问题；`mkreport build {shown(str(target))}` 按同样的格式重新生成。")
