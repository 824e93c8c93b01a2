"""`mkreport build`: check each input as `check` does, then write its outputs atomically."""
from __future__ import annotations

import os
from pathlib import Path

from .. import console
from ..errors import ExitCode, MkreportError
from ..findings import render_text, summary
from ..formats import plan
from ..pipeline import check


def run_build(inputs: list[str], out_dir: str | None, formats: list[str]) -> int:
    target = Path(out_dir) if out_dir else Path("outputs")
    steps = plan(formats or ["docx"])
    code = ExitCode.OK
    names = _distinct(inputs)
    given = [_identity(Path(name)) for name in names]
    claimed: dict[str, str] = {}         # output file → the input that writes it
    for name in names:
        outputs = [target / (Path(name).stem + step.suffix) for step in steps]
        clash = next((claimed[str(p)] for p in outputs if str(p) in claimed), None)
        if clash is not None:
            # two inputs of one name in different folders would write one report over the other
            console.err(f"{name}：与 {clash} 生成同名的报告 {outputs[0]}，未生成。请给其中一个文件改名，"
                        "或分两次生成并用 -o 指定不同的输出文件夹。")
            code = max(code, ExitCode.USAGE)
            continue
        claimed.update({str(p): name for p in outputs})
        result = check(Path(name), name)
        found = result.findings.sorted()
        if found:
            console.out(render_text(found))
        if result.loaded.unreadable:
            code = max(code, ExitCode.USAGE)
            continue
        if not result.buildable:
            errors = result.findings.errors
            console.err(f"{name}：{summary(errors, len(found) - errors)}未生成报告，请先改正上面的错误。")
            code = max(code, ExitCode.FINDINGS)
            continue
        protected = given + [_identity(p) for p in _used_files(result.loaded)]
        overwrite = next(((p, q) for p in outputs for q in protected if q is not None and _identity(p) == q), None)
        if overwrite is not None:
            console.err(f"{name}：要写出的 {overwrite[0]} 是本次的输入文件，不能覆盖，未生成。"
                        "请用 -o 指定另一个输出文件夹。")
            code = max(code, ExitCode.USAGE)
            continue
        made: dict[str, Path] = {}
        try:
            for step, path in zip(steps, outputs):
                step.write(result, path, made)
                made[step.name] = path
                console.out(f"已生成 {path}")
        except MkreportError as exc:
            console.err(str(exc))
            code = max(code, exc.exit_code)
    return code


def _distinct(inputs: list[str]) -> list[str]:
    """The inputs, each file once (`build a.yaml ./a.yaml` builds it once)."""
    seen, out = set(), []
    for name in inputs:
        key = _identity(Path(name)) or name
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _used_files(loaded) -> list[Path]:
    paths = [loaded.path]
    if loaded.rubric is not None and getattr(loaded.rubric, "path", None):
        paths.append(loaded.rubric.path)
    if loaded.template is not None:
        paths.append(loaded.template.path)
    return paths


def _identity(path: Path):
    """What makes two paths one file: device and inode when it exists, else its absolute path."""
    try:
        st = os.stat(path)
        return ("inode", st.st_dev, st.st_ino)
    except (OSError, ValueError):
        try:
            return ("path", str(path.resolve()))
        except (OSError, RuntimeError, ValueError):
            return ("path", os.path.abspath(path))
