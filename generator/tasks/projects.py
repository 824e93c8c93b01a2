"""A project added to its department's list (`projects:`), for `new --kind project --into` and
`import --into`: the department file edited in place (rollover.py's Edits), so its comments,
layout, encoding, byte-order mark and line ends stay as the user keeps them.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..core.errors import MkreportError
from ..model.yamlsource import Node


def read_department(dept: str) -> tuple[str, object, Node]:
    """The department file's text, its conventions (charset.Charset) and its tree; MkreportError
    when it cannot be read or is not a department's file."""
    from ..core.reading import ReadProblem, read_limited
    from ..model.yamlsource import MAX_BYTES, compose, decode

    try:
        raw = read_limited(Path(dept), MAX_BYTES, " YAML 文件")
        text, charset = decode(raw, dept)
    except ReadProblem as exc:
        raise MkreportError(f"{exc}。", dept) from None
    text = text.lstrip("\ufeff")        # the BOM is the charset's, written back by encode
    root = compose(text, dept)
    if root.kind != "map":
        raise MkreportError("这不是事实文件：顶层应是“字段: 值”的形式。", dept)
    kind = root.value.get("kind")
    if kind is not None and kind.kind == "scalar" and kind.value in ("project", "项目"):
        raise MkreportError("这是项目的事实文件（kind: project），不能再列出项目：--into 写部门的事实文件。", dept)
    return text, charset, root


def department_facts(dept: str) -> dict:
    """What a new project takes from its department: year and department name, where written."""
    _, _, root = read_department(dept)
    out = {}
    year = root.value.get("year")
    if year is not None and year.kind == "scalar" and str(year.value or "").isdigit():
        out["year"] = int(year.value)
    department = root.value.get("department")
    name = department.value.get("name") if department is not None and department.kind == "map" else None
    if name is not None and name.kind == "scalar" and name.value:
        out["department"] = name.value
    return out


def entry_for(dept: str, project: Path) -> str:
    """The project as the department lists it: relative to the department file's folder, with /."""
    rel = os.path.relpath(os.path.abspath(project), os.path.abspath(Path(dept).parent))
    return rel.replace(os.sep, "/")


def add_project(dept: str, project: Path) -> str:
    """Add `project` to `dept`'s projects (unless it is listed already); the entry, or "" when it
    was there. The department file is written only when it changes, atomically."""
    from ..core.charset import encode
    from ..core.output import write_atomic
    from .jobs import identity

    text, charset, root = read_department(dept)
    entry = entry_for(dept, project)
    node = root.value.get("projects")
    listed = node.value if node is not None and node.kind == "seq" else []
    here = Path(dept).parent
    if any(n.kind == "scalar" and n.value and identity(here / str(n.value).replace("\\", "/")) == identity(project)
           for n in listed):
        return ""
    if node is not None and not (node.kind == "seq" or node.is_null):
        raise MkreportError("projects 应是项目文件的列表，这里不是：请先改正（mkreport check 会指出），再加入项目。", dept)
    write_atomic(Path(dept), encode(_with_entry(text, root, node, entry), charset))    # type: ignore[arg-type]
    return entry


def _with_entry(text: str, root: Node, node: Node | None, entry: str) -> str:
    """The department file's text with `entry` at the end of its projects list."""
    from ..model.scaffold import scalar
    from .rollover import Edits

    edits = Edits(text)
    item = scalar(entry)
    if node is None:                     # no list yet: one at the end of the file
        tail = "" if text.endswith("\n") or not text else "\n"
        edits.changes.append((len(text), len(text), f"{tail}projects:  # 本部门的项目：各项目事实文件的路径（相对于本文件）\n"
                                                    f"  - {item}\n"))
    elif node.is_null:                   # `projects:` with nothing under it yet
        key = root.keys["projects"]
        edits.changes.append((_line_end(text, key.end), _line_end(text, key.end), f"\n  - {item}"))
    elif text[node.start:node.start + 1] == "[":        # [a.yaml, b.yaml]
        close = text.rindex("]", node.start, node.end)
        edits.changes.append((close, close, (", " if node.value else "") + item))
    else:                                # a block list: a line like the last one's, below it
        last = node.value[-1]
        start = text.rfind("\n", 0, last.start) + 1
        lead = text[start:last.start]
        lead = lead if re.fullmatch(r"[ \t]*-[ \t]+", lead) else " " * max(last.col - 3, 0) + "- "
        at = _line_end(text, edits.end(last))
        edits.changes.append((at, at, f"\n{lead}{item}"))
    return edits.apply()


def _line_end(text: str, at: int) -> int:
    """Where the line holding offset `at` ends (before its line break; a comment stays on it)."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return end - 1 if end > 0 and text[end - 1] == "\r" else end
