"""`mkreport build`: check, then render each input to .docx (and PDF), written atomically."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ExitCode, MkreportError
from ..findings import ERROR, render_text, summary
from ..output import write_atomic
from ..pipeline import check

ROOT = Path(__file__).resolve().parent.parent.parent


def find_template(name: str, input_path: Path) -> Path:
    """A template named in the input or its rubric: a path relative to the input file, or a
    name looked up in templates/ beside the inputs, in the working directory, then the project's."""
    if name.endswith(".docx"):
        candidates = [input_path.parent / name]
    else:
        candidates = [input_path.parent.parent / "templates" / f"{name}.docx",
                      Path.cwd() / "templates" / f"{name}.docx",
                      ROOT / "templates" / f"{name}.docx"]
    for c in candidates:
        if c.is_file():
            return c
    tried = "、".join(str(c) for c in dict.fromkeys(candidates))
    raise MkreportError(f"找不到报告模板“{name}”（查找了：{tried}）。", str(input_path))


def run_build(inputs: list[str], out_dir: str | None, pdf: bool) -> int:
    from ..context import build_context
    from ..render import render_docx

    target = Path(out_dir) if out_dir else Path("outputs")
    failed = False
    for name in inputs:
        path = Path(name)
        checked = check(path, name)
        found = checked.findings.sorted()
        errors = [f for f in found if f.severity == ERROR]
        if found:
            sys.stdout.write(render_text(found) + "\n")
        if errors or checked.report is None:
            sys.stderr.write(f"{name}：{summary(len(errors), len(found) - len(errors))}"
                             "未生成报告，请先改正上面的错误。\n")
            failed = True
            continue
        report, rubric = checked.report, checked.rubric
        template = find_template(report.template or rubric.model.template or "yangxi", path)
        data = render_docx(template, build_context(report, rubric), report.report_date)
        docx = target / f"{path.stem}.docx"
        write_atomic(docx, data)
        sys.stdout.write(f"已生成 {docx}\n")
        if pdf:
            from ..pdf import to_pdf
            sys.stdout.write(f"已生成 {to_pdf(docx)}\n")
    return ExitCode.FINDINGS if failed else ExitCode.OK
