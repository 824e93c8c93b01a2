"""`mkreport verify REPORT.docx INPUT.yaml`: does an edited report still match its facts?"""
from __future__ import annotations

from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError


def run_verify(report: str, facts: str) -> int:
    from ..core.reading import ReadProblem, read_limited
    from ..model.findings import Document, Findings, render_text, summary, visible
    from ..pipeline import check, render
    from ..tasks.verify import NotAReport, blocks, compare, outside_links

    try:
        data = read_limited(Path(report), 64 * 1024 * 1024, " Word 文档")
        edited = blocks(data)
    except (ReadProblem, NotAReport) as exc:
        raise MkreportError(f"无法读取报告 {report}：{exc}。", report) from None
    console.step(f"读取 {shown(report)}：{_counted(edited)}。")
    outside = outside_links(data)
    console.step(f"检查 {shown(facts)}。")
    result = check(Path(facts), facts)
    if not result.buildable:
        found = visible(result.findings.sorted())
        if found:
            console.out(render_text(found))
        console.err(f"{shown(facts)}：{summary(result.findings.errors, result.findings.warnings)}"
                    "事实文件有错误，无法生成用来核对的报告；请先改正。")
        return ExitCode.USAGE
    console.step("用事实文件重新生成报告。")
    built = blocks(render(result, "docx"))
    console.step(f"逐段、逐格比较：生成的报告 {_counted(built)}。")
    differences = compare(built, edited)
    found = Findings()
    doc = Document(report, plain=True)
    links = _outside(outside, doc, found)
    for d in differences:
        found.add("VERIFY-FIGURE" if d.figures else "VERIFY-TEXT", f"{d.where}：{d.message}", doc)
    if found:
        console.out(render_text(list(found)))
    errors = found.errors
    also = f"另有 {links} 处外部链接（见上），报送前请删去。" if links else ""
    if errors:
        console.note(f"{shown(report)} 与 {shown(facts)} 不一致：{errors} 处数字不同，{len(differences) - errors} 处文字改动。"
                    "请改正报告，或改正事实文件后重新生成。" + also)
        return ExitCode.FINDINGS
    if differences:
        console.note(f"{shown(report)} 的数字与 {shown(facts)} 一致；有 {len(differences)} 处文字改动（见上）。" + also)
    else:
        console.note(f"{shown(report)} 与 {shown(facts)} 生成的报告完全一致。" + also)
    return ExitCode.OK


def _counted(found) -> str:
    paragraphs = sum(b.where.endswith("段") for b in found)
    return f"{paragraphs} 段文字、{len(found) - paragraphs} 个表格单元格"


def _outside(outside, doc, found) -> int:
    """A warning for each link out of the report (the first few), and how many there are; a report
    whose parts could not be read for them says so."""
    from ..tasks.verify import outside_message

    if outside is None:
        found.add("VERIFY-EXTERNAL", "无法检查这份报告中有没有外部链接：其中有部件过大或已损坏。报送前请用 Word 打开、另存一次。", doc)
        return 0
    for link in outside.shown:
        found.add("VERIFY-EXTERNAL", outside_message(link), doc)
    if outside.total > len(outside.shown):
        found.add("VERIFY-EXTERNAL", f"还有 {outside.total - len(outside.shown)} 处外部链接（共 {outside.total} 处）。", doc)
    return outside.total
