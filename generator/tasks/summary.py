"""A finance bureau's summary of many checked reports: one row per department, every finding,
the grades and the indicators most often marked down.

Built from the outcomes of `check` (jobs.Outcome): the same figures the reports print. Three
tables, written as an .xlsx workbook (one sheet each), as CSV (the departments) or as Markdown.
A file with errors is listed with its department but has no score: its figures are known wrong;
a department whose own figures are right keeps its score when one of its projects has errors, and
its row names those projects.
A summary is sent on: no path of the installation, or outside the inputs' folder, is shown whole.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..core.console import shown
from ..core.numbers import fmt
from .said import Listener, Said

SEVERITY = {"error": "错误", "warning": "警告"}
GRADE_ORDER = ["优", "良", "中", "差"]
UNSCORED = "有错误，未评分"


@dataclass
class Table:
    title: str
    heads: list
    rows: list
    numeric: tuple = ()         # column indexes holding numbers


def tables(outcomes: list) -> list[Table]:
    return [departments(outcomes), findings(outcomes), statistics(outcomes)]


def _indicators(outcomes) -> list[tuple[str, str]]:
    """Top-level indicators over all inputs, in the order first met: (id, name)."""
    seen: dict = {}
    for o in outcomes:
        for ind_id, name, _, _ in o.facts.get("l1", []):
            seen.setdefault((ind_id, name), None)
    return list(seen)


def scored(o) -> bool:
    """Whether a file's scores are shown: scores computed from figures with errors are not. A
    department's score stands on its own figures: its projects' errors are said beside it."""
    return not o.unreadable and not o.facts.get("own_errors", o.errors)


def projects_said(o) -> str:
    """What a department's row says of its projects: how many, and which have errors (with how many)."""
    listed = o.facts.get("projects") or []
    wrong = [(name, errors) for name, errors, _ in listed if errors]
    if not listed:
        return ""
    if not wrong:
        return f"{len(listed)} 个，均无错误"
    names = "；".join(f"{name}（{errors} 个错误）" for name, errors in wrong)
    return f"{len(listed)} 个中 {len(wrong)} 个有错误：{names}"


def _state(o) -> str:
    if o.status == "lost":
        return "处理进程意外终止"
    if o.unreadable:
        return "无法读取"
    if not scored(o):
        return "有错误"
    return "所属项目有错误" if o.errors else "通过"


def departments(outcomes: list) -> Table:
    inds = _indicators(outcomes)
    # the column of projects only where a department lists some: a county of narratives has none
    with_projects = any(o.facts.get("projects") for o in outcomes)
    heads = (["部门", "年度", "总分", "等级"] + [f"{i} {n}" for i, n in inds] + ["错误", "警告", "状态"]
             + ["所属项目"] * with_projects + ["评分体系", "文件"])
    rows = []
    for o in outcomes:
        f = o.facts
        scores = {(i, n): s for i, n, _, s in f.get("l1", [])} if scored(o) else {}
        total, grade = (f.get("total"), f.get("grade", "")) if scored(o) else (None, "")
        rows.append([f.get("department", ""), f.get("year", ""), total, grade]
                    + [scores.get(k) for k in inds] + [o.errors, o.warnings, _state(o)]
                    + [projects_said(o)] * with_projects + [f.get("rubric", ""), shown(o.name)])
    numeric = (1, 2) + tuple(range(4, 4 + len(inds) + 2))
    return Table("部门", heads, rows, numeric)


def findings(outcomes: list) -> Table:
    """Every finding once: a problem in a rubric or vocabulary many inputs share is one row (as `check` says it once)."""
    rows, seen = [], set()
    places = Places([o.name for o in outcomes])
    for f in (f for o in outcomes for f in o.findings):
        if f.sort_key() not in seen:
            seen.add(f.sort_key())
            rows.append([shown(places.file(f.file)), f.line, f.col, SEVERITY.get(f.severity, f.severity), f.code,
                         places.text(f.message)])
    return Table("问题", ["文件", "行", "列", "级别", "代码", "说明"], rows, (1, 2))


# An absolute path in a message ("查找了：/srv/县/rubrics/x.yaml、…"): a POSIX one of two parts at
# least ("1/2" and a lone "/" are not paths), or a Windows one.
_ABSOLUTE = re.compile(r"(?<![\w./])(?:/[^\s/，。、；：（）“”‘’「」,;()'\"]+){2,}/?"
                       r"|(?<![\w])[A-Za-z]:\\[^\s，。、；：（）“”‘’「」,;()'\"]*")


class Places:
    """How a summary shows a file: an input as it was typed; a file shipped with mkreport as
    内置：name; anything else relative to the inputs' folder (a county's ../rubrics/x.yaml) — a
    summary is sent to others, and the installation's folders are nobody's business."""

    def __init__(self, inputs: list[str]):
        self.inputs = set(inputs)
        folders = [_absolute(Path(n)).parent for n in inputs] or [_absolute(Path("."))]
        try:
            self.base = Path(os.path.commonpath([str(d) for d in folders]))
        except ValueError:              # inputs on two Windows drives
            self.base = folders[0]
        self.shipped = _shipped()

    def file(self, name: str) -> str:
        if not name or name in self.inputs:
            return name
        path = Path(name)
        if not path.is_absolute() and not name.startswith("..") and not self._builtin(_absolute(path)):
            return name                 # as `check` shows it: below the working folder
        return self.path(_absolute(path))

    def text(self, message: str) -> str:
        """A message with each absolute path in it shown as `path` does (a built-in file by its
        whole name: the places a name was looked for differ by their suffix)."""
        return _ABSOLUTE.sub(lambda m: self.path(Path(m.group()), whole=True), message)

    def path(self, path: Path, whole: bool = False) -> str:
        builtin = self._builtin(path, whole)
        if builtin is not None:
            return builtin
        try:
            rel = os.path.relpath(path, self.base)
        except ValueError:              # another Windows drive: the name alone
            return path.name
        return "./" if rel == "." else rel

    def _builtin(self, path: Path, whole: bool = False) -> str | None:
        for folder in self.shipped:
            for p in {path, _absolute(path)}:
                try:
                    rest = p.relative_to(folder).as_posix()
                except ValueError:
                    continue
                return "内置" if rest == "." else f"内置：{rest if whole else _stem(rest)}"
        return None


def _stem(name: str) -> str:
    for suffix in (".yaml", ".yml", ".docx"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return Path(os.path.abspath(path))


def _shipped() -> list[Path]:
    """The folders of files shipped with mkreport, as written and resolved: the rubrics and templates
    (inside the package when installed, beside it in a source checkout), its data (the built-in
    vocabulary), then the package itself — innermost first, so a rubric is 内置：yangxi-2023."""
    from ..core.resources import PACKAGE_DIR, packaged

    here = PACKAGE_DIR
    folders = [packaged(f) for f in ("rubrics", "templates", "schema", "fonts")] + [here / "data", here]
    return list(dict.fromkeys(p for f in folders for p in (f, _absolute(f))))


def statistics(outcomes: list) -> Table:
    """The grade distribution (a file with errors counted apart), then the indicators marked down
    in most reports with no errors."""
    graded = [o.facts.get("grade") for o in outcomes if scored(o) and o.facts.get("grade")]
    unscored = sum(not scored(o) for o in outcomes)
    rows: list = [["等级分布", "", "", ""]]
    # every grade the rubrics define, in their order, a grade no department reached showing 0
    order = [g for o in outcomes for g in o.facts.get("grades", ())] or GRADE_ORDER
    for grade in dict.fromkeys(order + sorted(set(graded) - set(order))):
        rows.append([grade, graded.count(grade), "", ""])
    if unscored:
        rows.append([UNSCORED, unscored, "", ""])
    if len(graded) + unscored < len(outcomes):
        rows.append(["未评定（评分体系没有等级）", len(outcomes) - len(graded) - unscored, "", ""])
    rows.append(["", "", "", ""])
    rows.append(["扣分最多的指标", "扣分的部门数", "平均扣分", "满分"])
    lost: dict = {}
    for o in filter(scored, outcomes):
        for ind_id, name, points, score in o.facts.get("lost", []):
            lost.setdefault((ind_id, name, points), []).append(points - score)
    ranked = sorted(lost.items(), key=lambda kv: (-len(kv[1]), -sum(kv[1]), kv[0][0]))
    for (ind_id, name, points), losses in ranked:
        mean = sum(losses, Decimal(0)) / len(losses)
        rows.append([f"{ind_id} {name}", len(losses), Decimal(fmt(mean, 2)), points])
    return Table("统计", ["项目", "数量", "平均扣分", "满分"], rows, (1, 2, 3))


# ---- writing ------------------------------------------------------------------------------

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return fmt(value)
    return str(value)


def as_csv(ts: list[Table]) -> str:
    """The departments table (the one a bureau pastes into its own sheet), UTF-8 with BOM for Excel."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([_csv_text(h) for h in ts[0].heads])
    for row in ts[0].rows:
        w.writerow([_csv_text(v) if isinstance(v, str) else _cell(v) for v in row])
    return "\ufeff" + buf.getvalue()


def _csv_text(text: str) -> str:
    """A text a spreadsheet would open as a formula (a department named =HYPERLINK(…), +cmd|…)
    with a single quote before it, as OWASP advises for CSV: a CSV cell has no type, and Excel
    and LibreOffice evaluate what starts with = + - @. Only texts: mkreport's own numbers stay numbers."""
    from ..render.xlsx import formula_like

    return "'" + text if formula_like(text) else text


def as_markdown(ts: list[Table]) -> str:
    out = []
    for t in ts:
        out.append(f"## {t.title}\n")
        out.append("| " + " | ".join(t.heads) + " |")
        out.append("|" + "|".join("---:" if i in t.numeric else "---" for i in range(len(t.heads))) + "|")
        for row in t.rows:
            out.append("| " + " | ".join(_cell(v).replace("|", "\\|").replace("\n", " ") for v in row) + " |")
        out.append("")
    return "\n".join(out)


def as_xlsx(ts: list[Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ..render.xlsx import append_row
    from ..wordml.workbook import figure_format, fit_rows, lines_in, print_on_a4, saved

    wb = Workbook()
    wb.remove(wb.active)
    head_font, body_font = Font(name="黑体", bold=True), Font(name="仿宋_GB2312")
    fill = PatternFill("solid", fgColor="DDEBF7")
    for t in ts:
        ws = wb.create_sheet(t.title)
        append_row(ws, t.heads)
        for row in t.rows:
            append_row(ws, row)
        for cell in ws[1]:
            cell.font, cell.fill = head_font, fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        widths = _widths(ws, len(t.heads))
        for c, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = w
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.font = body_font
                # a text wider than its column wraps; every cell set at the top of its row
                wraps = isinstance(cell.value, str) and lines_in(cell.value, 11, widths[cell.column - 1]) > 1
                cell.alignment = Alignment(vertical="top", wrap_text=wraps)
                if isinstance(cell.value, (int, Decimal)):
                    cell.number_format = figure_format(_cell(cell.value))     # as the CSV and Markdown show it
        fit_rows(ws, widths, 1)
        ws.freeze_panes = "A2"
        print_on_a4(ws, widths, "1:1", gridlines=True)     # a list without ruled cells: the grid rules it
        if t.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(t.heads))}{ws.max_row}"
    wb.properties.creator = ""
    wb.properties.title = "部门整体支出绩效自评汇总"
    wb.properties.created = wb.properties.modified = _dt.datetime(2000, 1, 1, 9, 0)
    return saved(wb)


def _widths(ws, columns: int) -> list[int]:
    """Each column as wide as its widest cell, at most 40 (a longer text wraps); a heading may take
    two lines, so that a column of figures under a long indicator name stays narrow."""
    from ..wordml.workbook import width_to_fit

    out = []
    for c in range(1, columns + 1):
        body = [width_to_fit(_cell(ws.cell(r, c).value)) for r in range(2, ws.max_row + 1)]
        head = width_to_fit(_cell(ws.cell(1, c).value)) // 2 + 1
        out.append(min(max(*body, head, 6), 40))
    return out


# ---- the command's work: check the inputs, make the tables, write them or say them -----------

@dataclass
class SummaryResult:
    """What a summary came to: the exit code, each input's Outcome, the three tables, the format,
    the file written (None when the text was said on out), the text of a csv or md summary, the
    counts, and the lines said."""

    said: Said
    code: int = 0
    outcomes: list = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    format: str = "xlsx"
    written: Path | None = None
    text: str | None = None
    errors: int = 0
    warnings: int = 0


def summarize(inputs: list[str], output: str | None = None, fmt: str | None = None, jobs: int | None = None,
              listener: Listener | None = None, progress: bool = False) -> SummaryResult:
    """Check every input and write (or, csv and md with no `output`, say) the summary. The format
    is `fmt`, else the extension of `output`, else xlsx."""
    from ..core.errors import ExitCode
    from ..model.findings import summary as counts
    from . import batch
    from .jobs import check_job, lost_job
    from .said import checked, lost, started

    said = Said(listener)
    result = SummaryResult(said, format=_format(output, fmt))
    jobs = jobs or batch.default_jobs()
    said.step(started("检查", len(inputs), jobs))
    for outcome in batch.run(list(inputs), check_job, jobs, "检查", lost_job, show=progress):
        said.step(checked(outcome))
        result.outcomes.append(outcome)
    result.tables = tables(result.outcomes)
    _write(result, output)
    result.errors = sum(o.errors for o in result.outcomes)
    result.warnings = sum(o.warnings for o in result.outcomes)
    said.note(f"{len(result.outcomes)} 个文件：" + counts(result.errors, result.warnings))
    gone = lost(f for o in result.outcomes for f in o.findings)
    if gone:
        said.note(gone)
    if any(o.unreadable for o in result.outcomes):
        result.code = ExitCode.USAGE
    else:
        result.code = ExitCode.FINDINGS if result.errors else ExitCode.OK
    return result


def _format(output: str | None, fmt: str | None) -> str:
    fmt = fmt or (Path(output).suffix.lower().lstrip(".") if output else "xlsx")
    fmt = {"markdown": "md"}.get(fmt, fmt)
    return fmt if fmt in ("xlsx", "csv", "md") else "xlsx"


def _write(result: SummaryResult, output: str | None) -> None:
    from ..core.output import write_atomic

    if result.format == "xlsx":
        target = Path(output or "outputs/汇总.xlsx")
        write_atomic(target, as_xlsx(result.tables))
        result.written = target
        result.said.info(f"已生成 {shown(target)}")
        return
    result.text = as_csv(result.tables) if result.format == "csv" else as_markdown(result.tables)
    if output:
        write_atomic(output, result.text.encode("utf-8"))
        result.written = Path(output)
        result.said.info(f"已生成 {shown(output)}")
    else:
        result.said.out(result.text.lstrip("\ufeff").rstrip("\n"))
