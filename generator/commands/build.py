"""`mkreport build`: check each input as `check` does, then write its outputs atomically.

Many inputs are built on a pool of processes (batch.py), printed in the order given; PDFs are
made afterwards, all from a few LibreOffice processes (pdf.to_pdfs).
"""
from __future__ import annotations

from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode
from ..tasks import batch
from ..tasks.formats import plan
from ..tasks.jobs import BuildJob, build_job, identity, lost_job
from .check import checked, stale, started


def run_build(inputs: list[str], out_dir: str | None, formats: list[str], jobs: int | None = None,
              strict: bool = False) -> int:
    target = Path(out_dir) if out_dir else Path("outputs")
    steps = plan(formats or ["docx"])
    jobs = jobs or batch.default_jobs()
    names = _distinct(inputs)
    work, clashes = _claim(names, target, steps, strict)
    for message in clashes:
        console.err(message)
    code = ExitCode.USAGE if clashes else ExitCode.OK
    outcomes = []
    console.step(started("检查并生成", len(work), jobs) + f"格式：{'、'.join(s.name for s in steps)}；写入 {shown(target)}。")
    for outcome in batch.run(work, build_job, jobs, "生成", lost_job):
        console.step(checked(outcome))
        _say(outcome)                               # as each file is done, in the order given
        code = max(code, outcome.code)
        outcomes.append(outcome)
    for step in (s for s in steps if s.write_many is not None):
        code = max(code, _convert(step, [o for o in outcomes if o.status == "built"], target, jobs))
    if len(names) > 1:
        console.note(_closing(outcomes, len(clashes)))
    todo = stale(f for o in outcomes for f in o.findings)
    if todo:
        console.note(todo)
    return code


def _claim(names: list[str], target: Path, steps: list, strict: bool) -> tuple[list[BuildJob], list[str]]:
    """A job per input, and a message per input refused before anything is written: two inputs
    of one name would write one report over the other."""
    per_file = {s.name for s in steps if s.write_many is None}
    given = tuple(identity(Path(n)) for n in names)
    claimed: dict[str, str] = {}
    work: list[BuildJob] = []
    refused: list[str] = []
    for name in names:
        outputs = [(s.name, str(target / (Path(name).stem + s.suffix))) for s in steps]
        clash = next((claimed[p] for _, p in outputs if p in claimed), None)
        if clash is not None:
            refused.append(f"{shown(name)}：与 {shown(clash)} 生成同名的报告 {shown(outputs[0][1])}，未生成。"
                           "请给其中一个文件改名，或分两次生成并用 -o 指定不同的输出文件夹。")
            continue
        claimed.update({p: name for _, p in outputs})
        work.append(BuildJob(name, tuple(o for o in outputs if o[0] in per_file), given, strict))
    return work, refused


def _convert(step, built: list, target: Path, jobs: int) -> int:
    """A format made for all built files at once (PDFs from a few LibreOffice processes)."""
    pairs = [(Path(o.made[need]), target / (Path(o.name).stem + step.suffix)) for o in built for need in step.needs[:1]]
    progress = batch.Progress(len(pairs), f"转换 {step.name.upper()}")
    console.step(f"转换 {len(pairs)} 个 {step.name.upper()}（由 .docx 转换，同时 {min(jobs, len(pairs))} 个）。")
    try:
        results = step.write_many(pairs, jobs, progress.step) if pairs else {}
    finally:
        progress.close()
    code = ExitCode.OK
    for (_, path), o in zip(pairs, built):
        error = results.get(str(path), "未能生成。")
        if error:
            console.err(f"{shown(o.name)}：{shown(error)}")
            code = ExitCode.USAGE
            o.status = "failed"
        else:
            console.info(f"已生成 {shown(path)}")
    return code


def _say(outcome) -> None:
    for line in outcome.out:
        console.out(line)
    for line in outcome.info:
        console.info(line)
    for line in outcome.err:
        console.err(line)


def _closing(outcomes, clashes: int) -> str:
    counts = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    built = counts.get("built", 0)
    reasons = [f"{n} 个{what}" for what, n in (("有错误", counts.get("refused", 0)),
                                              ("有警告（--strict）", counts.get("strict", 0)),
                                              ("无法读取", counts.get("unreadable", 0)),
                                              ("会覆盖输入文件", counts.get("overwrite", 0)), ("同名", clashes),
                                              ("写出时失败", counts.get("failed", 0)),
                                              ("处理进程意外终止", counts.get("lost", 0))) if n]
    total = len(outcomes) + clashes
    return f"共 {total} 个文件：已生成 {built} 个" + (f"，未生成 {total - built} 个（{'，'.join(reasons)}）。" if reasons else "。")


def _distinct(inputs: list[str]) -> list[str]:
    """The inputs, each file once (`build a.yaml ./a.yaml` builds it once)."""
    seen, out = set(), []
    for name in inputs:
        key = identity(Path(name)) or name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
