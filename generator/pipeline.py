"""The pipeline the commands call: load → check (→ derive → render, for build)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .facts import Report
from .findings import Document, Findings
from .rubric import Rubric, load_rubric
from .schema import INVALID, Conversion, convert
from .yamlsource import read_yaml


@dataclass
class Checked:
    """One input after loading and checking."""

    file: str
    report: Report | None = None
    doc: Document | None = None
    rubric: Rubric | None = None
    findings: Findings = field(default_factory=Findings)


def load(path: Path, display: str | None = None) -> Checked:
    """Read and type an input file and its rubric. Raises InputError if it cannot be read."""
    display = display or str(path)
    out = Checked(display)
    source = read_yaml(path, display)
    conv = Conversion()
    report = convert(Report, source.root, conv, (), "事实文件")
    out.doc = Document(display, conv.positions, conv.key_positions, conv.inline)
    out.findings.extend_problems(conv.problems, out.doc)
    if report is INVALID or out.findings:
        return out
    out.report = report
    rubric_path = (Path(path).parent / report.rubric)
    if not rubric_path.is_file():
        out.findings.error("RUBRIC-MISSING", f"找不到评分体系文件“{report.rubric}”（按本文件所在目录查找："
                           f"{rubric_path}）。", out.doc, ("rubric",))
        return out
    rubric, rubric_findings = load_rubric(rubric_path, _display(rubric_path))
    out.findings.extend(rubric_findings)
    out.rubric = rubric
    return out


def check(path: Path, display: str | None = None) -> Checked:
    out = load(path, display)
    if out.report is not None and out.rubric is not None:
        from .checks import run_checks
        run_checks(out.report, out.doc, out.rubric, out.findings)
    return out


def _display(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
