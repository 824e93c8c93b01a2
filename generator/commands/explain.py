"""`mkreport explain INPUT ID`: how a score, a fact or a printed figure was derived."""
from __future__ import annotations

import json
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError


def run_explain(facts: str, ident: str, fmt: str) -> int:
    from ..model.findings import render_text, visible
    from ..pipeline import check
    from ..tasks.explain import Explainer

    console.step(f"检查 {shown(facts)}，推算各项的值。")
    result = check(Path(facts), facts)
    if result.derived is None:
        found = visible(result.findings.sorted())
        if found:
            console.out(render_text(found))
        raise MkreportError("事实文件或评分体系有错误，无法推算；请先改正上面的错误。", facts)
    console.step(f"查找“{shown(ident)}”：指标编号、事实路径、报告中印出的数、正文。")
    explained = Explainer(result).explain(ident)
    if fmt == "json":
        console.out(json.dumps({"input": facts, "query": ident, "explanations": [e.as_json() for e in explained]},
                               ensure_ascii=False, indent=2))
    else:
        for e in explained:
            console.out(e.text())
    if not explained:
        console.err(f"在 {shown(facts)} 中找不到“{shown(ident)}”：请写指标编号（如 C22）、事实路径（如 finance.income.total.final）"
                    "、报告中印出的数（如 2.6、86.67%、7532.81万元），或一段文字的路径（如 scores.C1.text）或其中的几个字。")
        return ExitCode.FINDINGS
    return ExitCode.OK
