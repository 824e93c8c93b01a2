"""`mkreport build`: check each input as `check` does, then write its outputs atomically."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ExitCode, MkreportError
from ..findings import render_text, summary
from ..formats import plan
from ..pipeline import check


def run_build(inputs: list[str], out_dir: str | None, formats: list[str]) -> int:
    target = Path(out_dir) if out_dir else Path("outputs")
    steps = plan(formats or ["docx"])
    code = ExitCode.OK
    for name in inputs:
        result = check(Path(name), name)
        found = result.findings.sorted()
        if found:
            sys.stdout.write(render_text(found) + "\n")
        if result.loaded.unreadable:
            code = max(code, ExitCode.USAGE)
            continue
        if not result.buildable:
            errors = result.findings.errors
            sys.stderr.write(f"{name}：{summary(errors, len(found) - errors)}未生成报告，请先改正上面的错误。\n")
            code = max(code, ExitCode.FINDINGS)
            continue
        made: dict[str, Path] = {}
        try:
            for step in steps:
                path = target / (Path(name).stem + step.suffix)
                step.write(result, path, made)
                made[step.name] = path
                sys.stdout.write(f"已生成 {path}\n")
        except MkreportError as exc:
            sys.stderr.write(str(exc) + "\n")
            code = max(code, exc.exit_code)
    return code
