"""`mkreport verify REPORT.docx INPUT.yaml`: does an edited report still match its facts?"""
from __future__ import annotations

from pathlib import Path

from .. import console
from ..errors import ExitCode, MkreportError


def run_verify(report: str, facts: str) -> int:
    from ..context import build_context
    from ..findings import Document, Findings, render_text, summary
    from ..pipeline import check
    from ..reading import ReadProblem, read_limited
    from ..render import render_docx
    from ..verify import NotAReport, blocks, compare

    try:
        edited = blocks(read_limited(Path(report), 64 * 1024 * 1024, " Word 文档"))
    except (ReadProblem, NotAReport) as exc:
        raise MkreportError(f"无法读取报告 {report}：{exc}。", report) from None
    result = check(Path(facts), facts)
    if not result.buildable:
        found = result.findings.sorted()
        if found:
            console.out(render_text(found))
        console.err(f"{facts}：{summary(result.findings.errors, result.findings.warnings)}"
                    "事实文件有错误，无法生成用来核对的报告；请先改正。")
        return ExitCode.USAGE
    loaded = result.loaded
    context = result.derived.context or build_context(loaded, result.derived)
    built = blocks(render_docx(loaded.template.path, context, loaded.report.report_date, loaded.report.department.name))
    differences = compare(built, edited)
    found = Findings()
    doc = Document(report, plain=True)
    for d in differences:
        found.add("VERIFY-FIGURE" if d.figures else "VERIFY-TEXT", f"{d.where}：{d.message}", doc)
    if found:
        console.out(render_text(list(found)))
    errors = found.errors
    if errors:
        console.err(f"{report} 与 {facts} 不一致：{errors} 处数字不同，{len(differences) - errors} 处文字改动。"
                    "请改正报告，或改正事实文件后重新生成。")
        return ExitCode.FINDINGS
    if differences:
        console.err(f"{report} 的数字与 {facts} 一致；有 {len(differences)} 处文字改动（见上）。")
    else:
        console.err(f"{report} 与 {facts} 生成的报告完全一致。")
    return ExitCode.OK
