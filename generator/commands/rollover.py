"""`mkreport rollover INPUT --year 2024 -o OUTPUT`: next year's facts file from this year's."""
from __future__ import annotations

import os
from pathlib import Path

from ..core import console
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError


def run_rollover(source: str, year: int, output: str) -> int:
    from ..core.charset import encode
    from ..core.output import write_atomic
    from ..core.reading import ReadProblem, read_limited
    from ..model.facts import Report
    from ..model.lookup import RUBRIC, NotFound, resolve
    from ..model.schema import newer_format
    from ..model.yamlsource import MAX_BYTES, compose, decode
    from ..pipeline import load
    from ..tasks.jobs import identity
    from ..tasks.rollover import next_rubric, roll
    from .schema import schema_beside, with_schema_line

    target = Path(output)
    if os.path.lexists(target):
        same = identity(target) == identity(Path(source))
        raise MkreportError("这就是输入文件，rollover 从不改写输入。" if same else
                            "文件已存在，mkreport rollover 不会覆盖它。请换一个文件名，或先把它移走。", output)
    try:
        # a second byte-order mark (saved twice by some editor) would land inside the new file
        raw = read_limited(Path(source), MAX_BYTES, " YAML 文件")
        text, charset = decode(raw, source)
        text = text.lstrip("\ufeff")
    except ReadProblem as exc:
        raise MkreportError(f"{exc}。", source) from None
    console.step(f"读取 {shown(source)}（{charset.zh}）。")
    root = compose(text, source)
    newer = newer_format(Report, root, then="后再转入下一年")
    if newer:       # its fields may mean something else now: nothing is edited by guesswork
        raise MkreportError(newer, source)
    year_node = root.value.get("year") if root.kind == "map" else None
    try:
        old_year = int(year_node.value)
    except (AttributeError, TypeError, ValueError):
        raise MkreportError("读不出报告年度（year），无法转入下一年。请先运行 mkreport check 改正。", source) from None
    if year <= old_year:
        raise MkreportError(f"新的年度 {year} 应晚于本文件的年度 {old_year}。", source)
    ref_node = root.value.get("rubric")
    old_ref = ref_node.value if ref_node is not None and ref_node.kind == "scalar" else None
    new_ref, note = None, ""
    candidate = next_rubric(old_ref or "", old_year, year)
    if candidate:
        try:
            resolve(RUBRIC, candidate, target, [target.parent])
            new_ref = candidate
            note = f"评分体系改为 {candidate}。"
        except NotFound:
            note = (f"没有找到 {year} 年度的评分体系“{candidate}”，仍使用 {old_ref}；本年评分体系如有变化，"
                    f"请放入 rubrics/ 后修改 rubric 一行。")
    console.step(f"转入 {year} 年度：本年决算数转为上年数，本年的数改为“待填写”，叙述文字标上“【上年】”。")
    edits = roll(text, root, year, old_year, new_ref)
    out = edits.apply()
    # the source's name on one comment line: a line break in it would write YAML into the new file
    header = f"# 由 mkreport rollover 从 {shown(Path(source).name)}（{old_year} 年度）转入 {year} 年度：“待填写”处填本年数据，" \
             f"“【上年】”开头的文字按本年情况改写后删去该标记。\n"
    # the editor's schema found from where the new file is, not where the old one was
    schema_ref, schema_written = schema_beside(target, "facts")
    lines = with_schema_line(out, schema_ref).splitlines(keepends=True)
    out = lines[0] + header + "".join(lines[1:])
    # in the old file's encoding, BOM and line ends (charset.py): a file kept in Notepad as GBK
    # with CRLF stays one Notepad shows as it did last year
    console.step(f"写入 {shown(target)}（{charset.zh}），再检查一遍，数出待填写和待改写的地方。")
    write_atomic(target, encode(out, charset))
    found = load(target, output).findings
    todo = sum(f.code == "UNFILLED" for f in found)
    stale = sum(f.code == "STALE" for f in found)
    console.info(f"已生成 {shown(output)}：{year} 年度，{todo} 处待填写，{stale} 段上年文字待改写。")
    if schema_written is not None:
        console.info(f"已生成 {shown(schema_written)}：编辑器（如 VS Code 的 YAML 插件）据此提示每个字段的说明和写错的值。")
    if note:
        console.note(shown(note))
    console.note(f"运行 `mkreport check {shown(output)}` 逐项查看。")
    return ExitCode.OK

