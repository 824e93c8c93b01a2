"""Hover: in a facts file, what the value under the cursor derives to and how — exactly what
`mkreport explain 文件 路径` prints for its path; in a rubric, the indicator's name, points and rule."""
from __future__ import annotations

from ..core.numbers import fmt
from ..tasks.explain import LEVELS, Explainer


def path_at(doc, line: int, col: int) -> tuple | None:
    """The path of the key or value written at `line:col` (1-based): the last one that starts on
    that line at or before the column, or the text over several lines the line belongs to."""
    best, best_at = None, (0, 0)
    for table in (doc.key_positions, doc.positions):
        for path, (l, c) in table.items():
            if l == line and c <= col and (c, len(path)) > best_at:
                best, best_at = path, (c, len(path))
    if best is not None:
        return best
    for path, (l, _col, raw, *_rest) in doc.blocks.items():
        if l < line <= l + raw.count("\n"):
            return path
    return None


def facts_hover(result, line: int, col: int) -> str | None:
    """`explain` for the path under the cursor, or for the nearest enclosing path it knows."""
    if result is None or result.derived is None or result.loaded.doc is None:
        return None
    path = path_at(result.loaded.doc, line, col)
    if not path:
        return None
    explainer = Explainer(result)
    for n in range(len(path), 0, -1):
        dotted = ".".join(str(p) for p in path[:n])
        found = explainer.explain(dotted)
        if found:
            body = "\n\n".join(e.text() for e in found[:3])
            more = f"\n\n（另有 {len(found) - 3} 项，运行 mkreport explain 查看）" if len(found) > 3 else ""
            return f"**mkreport explain {dotted}**\n\n```text\n{body}\n```{more}"
    return None


def rubric_hover(rubric, line: int, col: int) -> str | None:
    """An indicator whose id or name is on the cursor's line: its name, points, rule and criteria."""
    if rubric is None:
        return None
    for node in rubric.walk():
        at = [rubric.doc.positions.get(node.path + (key,)) for key in ("id", "name")]
        if any(p is not None and p[0] == line for p in at):
            return indicator_text(node)
    return None


def indicator_text(node) -> str:
    level = f"{LEVELS[node.level - 1] if node.level <= 9 else node.level}级指标"
    lines = [f"**{node.id} {node.name}**（{level}，分值 {fmt(node.points)} 分）"]
    if node.children:
        parts = " + ".join(f"{c.id} {fmt(c.points)}" for c in node.children)
        lines.append(f"得分 = 下级指标得分之和：{parts}")
    else:
        rule = node.rule_kind
        lines.append(f"计分规则：{node.rule}——{rule.zh}")
    if node.ind.criteria:
        lines.append(f"评分标准：{node.ind.criteria}")
    if node.parent is not None:
        lines.append(f"上级指标：{node.parent.id} {node.parent.name}")
    return "\n\n".join(lines)
