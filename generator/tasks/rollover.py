"""Next year's facts file from this year's, edited in place so that comments and layout stay.

What changes each year is made a placeholder (待填写) or marked (【上年】); what last year's
report can give this year's is carried over:
  * `year` moves on; the rubric moves to the new year's where one exists (yangxi-2023 → yangxi-2024);
  * every row of the money tables: this year's 决算数 becomes `prior` (上年决算数), the other
    columns are to be filled; a restated 增减额 is dropped;
  * single figures, headcounts, dates and scores are to be filled; targets keep their names and
    units (待填写亿元);
  * narratives, and the title and 文号 of the notice the evaluation follows, are kept, each marked
    【上年】 until rewritten (check warns on each one; build --strict refuses the file);
  * what describes the department (its name, duties, units) stays as it is.
The input file is never written; the result is checked by `mkreport check` like any other.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.charset import Charset
from ..core.console import shown
from ..core.errors import ExitCode, MkreportError
from ..model.facts import Amounts, Report, Target
from ..model.schema import PLACEHOLDER, STALE, Date, Integer, ListOf, Model, ModelKind, Number, Percent
from ..model.yamlsource import Node
from .said import Listener, Said

# texts of one year: kept, marked as last year's — the narratives, and the bureau's notice the
# evaluation follows (its 文号 西财绩〔2024〕1号 is next year's to write, like its title)
YEARLY = {"work", "targets_intro", "problems", "measures", "rectification", "results_use", "other_notes",
          "conclusion.text", "finance.narrative", "basis.title", "basis.issuer", "basis.number"}
SCORE_TEXTS = {"text", "reason"}


@dataclass
class Edits:
    text: str
    changes: list = field(default_factory=list)      # (start, end, replacement)
    notes: list = field(default_factory=list)

    def replace(self, node, value: str) -> None:
        end = self.end(node)
        if node.is_null or end <= node.start:
            self.changes.append((node.start, node.start, " " + value))
        else:
            self.changes.append((node.start, end, value))

    def end(self, node) -> int:
        """Where a node's own text ends: a block mapping or list ends with its last value (the
        parser's end mark is the start of whatever follows, comments and line breaks included)."""
        while node.kind in ("map", "seq") and self.text[node.start:node.start + 1] not in ("{", "["):
            children = list(node.value.values()) if node.kind == "map" else node.value
            if not children:
                break
            node = children[-1]
        return node.end

    def mark(self, node) -> None:
        """【上年】 before a text, inside its quotes or after a block scalar's header."""
        if node.kind != "scalar" or not node.value or node.value.lstrip().startswith(STALE):
            return
        at = node.start
        head = self.text[at:at + 1]
        if head in "\"'":
            at += 1
        elif head in "|>":
            newline = self.text.find("\n", at)
            at = newline + 1
            while at < len(self.text) and self.text[at] == " ":
                at += 1
        self.changes.append((at, at, STALE))

    def apply(self) -> str:
        out = self.text
        for start, end, value in sorted(self.changes, key=lambda c: (c[0], c[1]), reverse=True):
            out = out[:start] + value + out[end:]
        return out


def roll(text: str, root, year: int, old_year: int, rubric_ref: str | None) -> Edits:
    edits = Edits(text)
    _model(root, Report, (), edits, year, old_year, rubric_ref)
    return edits


def _model(node, model: type[Model], path: tuple, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if node.kind != "map":
        return
    for key, child in node.value.items():
        f = model.fields.get(key)
        if f is None:
            continue
        top = _TOP.get(key) if model is Report else None
        if top is not None:
            top(child, edits, year, old_year, rubric_ref)
        else:
            _field(child, f, path + (key,), edits, year, old_year, rubric_ref)


def _field(child, f, sub: tuple, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    """One field below the top: this year's texts marked, rows rolled, figures to be written."""
    kind = f.kind
    if ".".join(str(p) for p in sub) in YEARLY:
        _mark_all(child, edits)
    elif isinstance(kind, ModelKind) and kind.model is Amounts:
        _amounts(child, edits)
    elif isinstance(kind, ModelKind):
        _model(child, kind.model, sub, edits, year, old_year, rubric_ref)
    elif isinstance(kind, ListOf) and isinstance(kind.item, ModelKind):
        item = kind.item.model
        for i, element in enumerate(child.value if child.kind == "seq" else ()):
            if item is Target:
                _target(element, edits)
            else:
                _model(element, item, sub + (i,), edits, year, old_year, rubric_ref)
    elif isinstance(kind, (Number, Integer, Percent, Date)) and child.kind == "scalar":
        if not (isinstance(kind, Integer) and f.zh.endswith("小数位数")):
            edits.replace(child, PLACEHOLDER)


def _year(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    edits.replace(child, str(year))


def _rubric(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if rubric_ref:
        edits.replace(child, rubric_ref)


def _title(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    if child.kind == "scalar" and child.value:
        edits.replace(child, _quoted(child, edits.text).replace(str(old_year), str(year)))


def _scores(child, edits: Edits, year: int, old_year: int, rubric_ref) -> None:
    for entry in (child.value.values() if child.kind == "map" else ()):
        _score(entry, edits)


# The report's own top-level fields that roll in their own way (the year, its rubric, its title,
# the scores); every other field by its kind (_field).
_TOP = {"year": _year, "rubric": _rubric, "title": _title, "scores": _scores}


def _amounts(node, edits: Edits) -> None:
    """A table row: 决算数 → 上年决算数, 年初预算数 → 上年预算数; the year's columns to fill; a restated
    增减额 dropped."""
    from ..model.scaffold import scalar

    if node.kind != "map":
        return
    cols = [c for c in ("budget", "adjusted", "final") if c in node.value]
    parts = [f"{c}: {PLACEHOLDER}" for c in cols]
    for last, now in (("final", "prior"), ("budget", "prior_budget")):
        value = node.value.get(last)
        if value is not None and value.kind == "scalar" and value.value is not None:
            parts.append(f"{now}: {scalar(value.value)}")    # quoted if YAML would misread it
        elif now in node.value:
            parts.append(f"{now}: {PLACEHOLDER}")
    edits.replace(node, "{" + ", ".join(parts) + "}")


def _target(node, edits: Edits) -> None:
    """A target keeps its name and its units; its values are to be written."""
    from ..core.numbers import parse_quantity

    if node.kind != "map":
        return
    for key in ("target", "actual", "results_target"):
        child = node.value.get(key)
        if child is not None and child.kind == "scalar" and child.value is not None:
            q = parse_quantity(child.value)
            edits.replace(child, PLACEHOLDER + (q.unit if q is not None else ""))
    status = node.value.get("status")
    if status is not None and status.kind == "scalar":
        edits.replace(status, PLACEHOLDER)


def _score(node, edits: Edits) -> None:
    if node.kind != "map":
        return
    for key, child in node.value.items():
        if key in ("score", "deduction") and child.kind == "scalar":
            edits.replace(child, PLACEHOLDER)
        elif key in SCORE_TEXTS:
            _mark_all(child, edits)
        elif key == "measure" and child.kind == "map":
            for k, v in child.value.items():
                if k in ("value", "numerator", "denominator") and v.kind == "scalar":
                    edits.replace(v, PLACEHOLDER)
                elif k == "text":
                    _mark_all(v, edits)


def _mark_all(node, edits: Edits) -> None:
    """Every text of a narrative (a paragraph, a list of them, headed blocks) marked 【上年】."""
    todo = [node]
    while todo:
        n = todo.pop()
        if n.kind == "scalar":
            edits.mark(n)
        elif n.kind == "seq":
            todo.extend(n.value)
        elif n.kind == "map":
            todo.extend(n.value.values())


def _quoted(node, text: str) -> str:
    """A scalar's source text, quotes included."""
    return text[node.start:node.end]


def next_rubric(ref: str, old_year: int, year: int) -> str | None:
    """yangxi-2023 → yangxi-2024: the same rubric's name for the new year, if it names a year."""
    if str(old_year) not in ref:
        return None
    return re.sub(str(old_year), str(year), ref)


# ---- the command's work: read, roll, write, check the new file -------------------------------

class RolloverResult:
    """What `rollover` came to: the file written, the rubric it now names (None: kept), how many
    values are to be filled and texts to be rewritten, the schema file written beside it (if
    any), and the lines said."""

    def __init__(self, said: Said, path: Path, year: int):
        self.code: int = ExitCode.OK
        self.path, self.year = path, year
        self.rubric: str | None = None
        self.unfilled = self.stale = 0
        self.schema_written: Path | None = None
        self.said = said


def rollover(source: str, year: int, output: str, listener: Listener | None = None) -> RolloverResult:
    """Write next year's facts file at `output` from `source`. What stops it (an existing output,
    an unreadable or newer-format source, a year not later) raises MkreportError."""
    from ..core.charset import encode
    from ..core.output import write_atomic
    from ..pipeline import load
    from .schemas import schema_beside, with_schema_line

    said = Said(listener)
    target = Path(output)
    text, charset, root, old_year = _source(source, output, year, said)
    done = RolloverResult(said, target, year)
    done.rubric, note = _next_rubric(root, old_year, year, target)
    said.step(f"转入 {year} 年度：本年决算数转为上年数，本年的数改为“待填写”，叙述文字标上“【上年】”。")
    out = roll(text, root, year, old_year, done.rubric).apply()
    # the source's name on one comment line: a line break in it would write YAML into the new file
    header = f"# 由 mkreport rollover 从 {shown(Path(source).name)}（{old_year} 年度）转入 {year} 年度：“待填写”处填本年数据，" \
             f"“【上年】”开头的文字按本年情况改写后删去该标记。\n"
    # the editor's schema found from where the new file is, not where the old one was
    schema_ref, done.schema_written = schema_beside(target, "facts")
    lines = with_schema_line(out, schema_ref).splitlines(keepends=True)
    out = lines[0] + header + "".join(lines[1:])
    # in the old file's encoding, BOM and line ends (charset.py): a file kept in Notepad as GBK
    # with CRLF stays one Notepad shows as it did last year
    said.step(f"写入 {shown(target)}（{charset.zh}），再检查一遍，数出待填写和待改写的地方。")
    write_atomic(target, encode(out, charset))
    found = load(target, output).findings
    done.unfilled = sum(f.code == "UNFILLED" for f in found)
    done.stale = sum(f.code == "STALE" for f in found)
    said.info(f"已生成 {shown(output)}：{year} 年度，{done.unfilled} 处待填写，{done.stale} 段上年文字待改写。")
    if done.schema_written is not None:
        said.info(f"已生成 {shown(done.schema_written)}：编辑器（如 VS Code 的 YAML 插件）据此提示每个字段的说明和写错的值。")
    if note:
        said.note(shown(note))
    said.note(f"运行 `mkreport check {shown(output)}` 逐项查看。")
    return done


def _source(source: str, output: str, year: int, said: Said) -> tuple[str, Charset, Node, int]:
    """This year's file as text, its encoding, its tree and its year; MkreportError when it cannot
    be rolled over into `output` for `year`."""
    from ..core.reading import ReadProblem, read_limited
    from ..model.schema import newer_format
    from ..model.yamlsource import MAX_BYTES, compose, decode
    from .jobs import identity

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
    said.step(f"读取 {shown(source)}（{charset.zh}）。")
    root = compose(text, source)
    newer = newer_format(Report, root, then="后再转入下一年")
    if newer:       # its fields may mean something else now: nothing is edited by guesswork
        raise MkreportError(newer, source)
    old_year = _stated_year(root.value.get("year") if root.kind == "map" else None)
    if old_year is None:
        raise MkreportError("读不出报告年度（year），无法转入下一年。请先运行 mkreport check 改正。", source)
    if year <= old_year:
        raise MkreportError(f"新的年度 {year} 应晚于本文件的年度 {old_year}。", source)
    return text, charset, root, old_year


def _stated_year(node: Node | None) -> int | None:
    try:
        return int(node.value) if node is not None else None
    except (TypeError, ValueError):
        return None


def _next_rubric(root: Node, old_year: int, year: int, target: Path) -> tuple[str | None, str]:
    """The rubric the new file names when next year's exists (None: keep the old one), and a note."""
    from ..model.lookup import RUBRIC, NotFound, resolve

    ref_node = root.value.get("rubric")
    old_ref = ref_node.value if ref_node is not None and ref_node.kind == "scalar" else None
    candidate = next_rubric(old_ref or "", old_year, year)
    if not candidate:
        return None, ""
    try:
        resolve(RUBRIC, candidate, target, [target.parent])
    except NotFound:
        return None, (f"没有找到 {year} 年度的评分体系“{candidate}”，仍使用 {old_ref}；本年评分体系如有变化，"
                      f"请放入 rubrics/ 后修改 rubric 一行。")
    return candidate, f"评分体系改为 {candidate}。"
