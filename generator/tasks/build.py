"""The work of `mkreport build`: check each input as `check` does, then write its outputs atomically.

Many inputs are built on a pool of processes (batch.py), said in the order given; PDFs are made
afterwards, all from a few LibreOffice processes (pdf.to_pdfs). Nothing is printed: `build`
returns a BuildResult, and says its lines to a listener as they come (said.py).
"""
from __future__ import annotations

from pathlib import Path

from ..core.console import shown
from ..core.errors import ExitCode
from . import batch
from .formats import plan
from .jobs import BuildJob, Outcome, build_job, identity, lost_job
from .said import Listener, Said, checked, stale, started


class BuildResult:
    """What a build came to: the exit code, each input's Outcome (its findings, its status, the
    files it wrote), the inputs refused before any work (two of one name), every file written,
    and the lines said."""

    def __init__(self, said: Said):
        self.code: int = ExitCode.OK
        self.outcomes: list[Outcome] = []
        self.refused: list[str] = []
        self.written: list[Path] = []
        self.said = said

    @property
    def findings(self) -> list:
        return [f for o in self.outcomes for f in o.findings]


def build(inputs: list[str], out_dir: str | Path | None = None, formats: list[str] | None = None,
          jobs: int | None = None, strict: bool = False, listener: Listener | None = None,
          progress: bool = False) -> BuildResult:
    """Build every input; `progress`: a progress bar on a terminal's stderr (the CLI's)."""
    said = Said(listener)
    result = BuildResult(said)
    target = Path(out_dir) if out_dir else Path("outputs")
    steps = plan(formats or ["docx"])
    jobs = jobs or batch.default_jobs()
    names = _distinct(inputs)
    names, built_with = _members_apart(names)
    for name, department in built_with:
        # "build shuili-2023.yaml shuili-2023/供水.yaml": the project's form is built with its department's
        said.info(f"{shown(name)}：是 {shown(department)} 所列的项目，随它一起检查和生成（名为“{Path(department).stem}-项目-"
                  f"{Path(name).stem}”），不再单独生成一份。")
    work, result.refused = _claim(names, target, steps, strict)
    for message in result.refused:
        said.err(message)
    code: int = ExitCode.USAGE if result.refused else ExitCode.OK
    said.step(started("检查并生成", len(work), jobs) + f"格式：{'、'.join(s.name for s in steps)}；写入 {shown(target)}。")
    for outcome in batch.run(work, build_job, jobs, "生成", lost_job, show=progress):
        said.step(checked(outcome))
        _say(outcome, said)                               # as each file is done, in the order given
        code = max(code, outcome.code)
        result.outcomes.append(outcome)
    for step in (s for s in steps if s.write_many is not None):
        code = max(code, _convert(step, [o for o in result.outcomes if o.status == "built"], target, jobs,
                                  result, progress))
    # each input's own files first, in the order given, then those made for all at once (PDFs)
    result.written[:0] = [Path(p) for o in result.outcomes for made in [o.made, *o.members.values()] for p in made.values()]
    if len(names) > 1:
        said.note(_closing(result.outcomes, len(result.refused)))
    todo = stale(f for o in result.outcomes for f in o.findings)
    if todo:
        said.note(todo)
    result.code = code
    return result


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


def _convert(step, built: list[Outcome], target: Path, jobs: int, result: BuildResult, progress: bool) -> int:
    """A format made for all built files at once (PDFs from a few LibreOffice processes)."""
    said = result.said
    # each input's document, then its projects' (named as their .docx are), each with its input
    owned = [(Path(made[need]), target / (stem + step.suffix), o) for o in built
             for stem, made in [(Path(o.name).stem, o.made), *o.members.items()] for need in step.needs[:1]]
    pairs = [(source, path) for source, path, _ in owned]
    bar = batch.Progress(len(pairs), f"转换 {step.name.upper()}", progress)
    said.step(f"转换 {len(pairs)} 个 {step.name.upper()}（由 .docx 转换，同时 {min(jobs, len(pairs))} 个）。")
    try:
        results = step.write_many(pairs, jobs, bar.step) if pairs else {}
    finally:
        bar.close()
    code: int = ExitCode.OK
    for _, path, o in owned:
        error = results.get(str(path), "未能生成。")
        if error:
            said.err(f"{shown(o.name)}：{shown(error)}")
            code = ExitCode.USAGE
            o.status = "failed"
        else:
            said.info(f"已生成 {shown(path)}")
            result.written.append(path)
    return code


def _say(outcome: Outcome, said: Said) -> None:
    for line in outcome.out:
        said.out(line)
    for line in outcome.info:
        said.info(line)
    for line in outcome.err:
        said.err(line)


def _closing(outcomes: list[Outcome], clashes: int) -> str:
    counts: dict[str, int] = {}
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


def _members_apart(names: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The inputs less the project files a department among them lists (built with it, under its name), and
    (project, department) for each left out. A department file that cannot be read lists nothing here: its
    own job says why."""
    from ..core.errors import MkreportError
    from ..model.yamlsource import read_yaml
    from ..pipeline import listed_project

    listed: dict = {}
    for name in names:
        try:
            root = read_yaml(name).root
        except (MkreportError, OSError, ValueError):
            continue
        entries = root.value.get("projects") if root.kind == "map" and isinstance(root.value, dict) else None
        if entries is None or entries.kind != "seq":
            continue
        for entry in entries.value:
            if entry.kind == "scalar" and isinstance(entry.value, str):
                listed.setdefault(identity(listed_project(Path(name), entry.value)), name)
    kept, apart = [], []
    for name in names:
        department = listed.get(identity(Path(name)))
        if department is not None and department != name:
            apart.append((name, department))
        else:
            kept.append(name)
    return kept, apart


def _distinct(inputs: list[str]) -> list[str]:
    """The inputs, each file once (`build a.yaml ./a.yaml` builds it once)."""
    seen, out = set(), []
    for name in inputs:
        key = identity(Path(name)) or name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
