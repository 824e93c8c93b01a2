"""A form as read (formread.Reading) written out: the facts file, each value with the cell it came
from as a YAML comment; the rubric beside it when the form's points per 一级 are not a packaged
rubric's; and the reading as a table (`import --explain`).

The facts are laid out as a tree of Value, Blank and lists, built once (`tree`), so the file and
the table can never say two different things about one cell.
"""
from __future__ import annotations

from decimal import Decimal

from ..core.numbers import fmt, parse_decimal
from ..model.scaffold import scalar
from .formread import DASH, FIELD_ZH, SOURCE_ZH, Blank, Reading, Value

PLACEHOLDER = "待填写"
REQUIRED = {"level1", "level2", "name", "target"}
FIELD_ZH_ALL = {**FIELD_ZH, "kind": "类型", "year": "报告年度", "rubric": "评分体系", "department": "部门",
                "form": "自评表", "funding": "资金", "unit": "金额单位", "goals": "年度总体目标",
                "expected": "预期目标", "indicators": "绩效指标", "total": "总分", "grade": "绩效等级",
                "contact": "填报人及联系电话", "authority": "主管部门", "executor": "实施单位",
                **SOURCE_ZH}
FIELD_ZH_ALL["name"] = "名称"


def department_name(reading: Reading) -> Value | None:
    """The department the form is for: a department form's 部门（单位）名称; a project's 主管部门."""
    names = reading.names
    for key in (("department", "name", "authority") if reading.kind and reading.kind.text == "department"
                else ("authority", "department", "executor")):
        if key in names:
            v = names[key]
            return Value(v.text, v.where, FIELD_ZH_ALL.get(key, "") if key != "name" else "项目名称")
    return None


def tree(reading: Reading, rubric: Value) -> dict:
    """The facts file's values in the order they are written."""
    project = reading.kind is not None and reading.kind.text == "project"
    dept = department_name(reading) or Blank("", "部门名称")
    out: dict = {"kind": reading.kind, "year": reading.year or Blank("", "报告年度"), "rubric": rubric,
                 "department": {"name": dept}}
    form: dict = {}
    names = reading.names
    if project:
        form["name"] = names.get("name") or Blank("", "项目名称")
    for key in ("authority", "executor"):
        if key in names:
            form[key] = names[key]
    form["funding"] = _funding(reading.funding)
    if reading.goals:
        form["goals"] = {k: reading.goals[k] for k in ("expected", "actual") if k in reading.goals}
    form["indicators"] = reading.rows
    for key in ("total", "grade", "contact"):
        value = getattr(reading, key)
        if value is not None:
            form[key] = value
    out["form"] = form
    return out


def _funding(funding: dict) -> dict:
    out: dict = {}
    if "unit" in funding:
        out["unit"] = funding["unit"]
    for source in SOURCE_ZH:
        # a source whose every cell is empty (其他资金 with nothing in it) is not a source at all
        if source in funding and any(isinstance(v, Value) for v in funding[source].values()):
            out[source] = funding[source]
    for key in ("points", "rate", "score"):
        if key in funding:
            out[key] = funding[key]
    return out


# ---- YAML -------------------------------------------------------------------------------------

def facts_yaml(reading: Reading, rubric: Value, header: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    _write(tree(reading, rubric), 0, lines)
    return "\n".join(lines) + "\n"


def _comment(value: Value) -> str:
    if not value.where:
        return f"  # {value.note}" if value.note else ""
    return f"  # {value.where}" + (f"：{value.note}" if value.note else "")


def _yaml_scalar(text: str) -> str:
    return scalar(text).replace("\\u000a", "\\n")


def _write(node: dict, depth: int, lines: list[str], first_prefix: str | None = None) -> None:
    pad = "  " * depth
    for i, (key, value) in enumerate(node.items()):
        lead = first_prefix if (i == 0 and first_prefix is not None) else pad
        if value is None:
            continue
        if isinstance(value, Value):
            lines.append(f"{lead}{key}: {_yaml_scalar(value.text)}{_comment(value)}")
        elif isinstance(value, Blank):
            if key in REQUIRED or key in ("year", "name"):
                where = f"{value.where} " if value.where else "表中"
                lines.append(f"{lead}{key}: {PLACEHOLDER}  # {where}空白：{value.what}")
            else:
                where = f"{value.where} " if value.where else ""
                lines.append(f"{lead}# {key}:  {where}空白（{value.what}）：不按 0 计，check 会指出")
        elif isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            _write(value, depth + 1, lines)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{lead}{key}: []")
                continue
            lines.append(f"{lead}{key}:")
            for item in value:
                if isinstance(item, Value):
                    lines.append(f"{pad}  - {_yaml_scalar(item.text)}{_comment(item)}")
                else:
                    _write(item, depth + 2, lines, f"{pad}  - ")


# ---- the reading as a table -------------------------------------------------------------------

def reading_rows(reading: Reading, rubric: Value) -> list[tuple[str, str, str, str]]:
    """(cell, field path, field in Chinese, value as read) for every value and blank, in file order."""
    out: list[tuple[str, str, str, str]] = []

    def walk(node, path: tuple) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))
        elif isinstance(node, Value):
            shown = node.text + (f"（{node.note}）" if node.note else "")
            out.append((node.where or "—", ".".join(map(str, path)), _zh(path), shown))
        elif isinstance(node, Blank):
            out.append((node.where or "—", ".".join(map(str, path)), _zh(path), "（空白）"))

    walk(tree(reading, rubric), ())
    return out


# what a key means under its parent, where the same key means another thing elsewhere
_IN = {("form", "total"): "总分", ("goals", "actual"): "实际完成情况", ("form", "name"): "项目名称",
       ("department", "name"): "部门名称", ("indicators", "name"): "三级指标"}


def _zh(path: tuple) -> str:
    """绩效指标 第2项 三级指标: a field path as the form names it."""
    parts: list[str] = []
    parent = ""
    for p in path:
        if isinstance(p, int):
            parts.append(f"第{p + 1}项")
        elif p not in ("form", "department"):
            parts.append(_IN.get((parent, p)) or FIELD_ZH_ALL.get(p, p))
        parent = parent if isinstance(p, int) else p
    return " ".join(parts)


# ---- the rubric -------------------------------------------------------------------------------

class Points:
    """The form's points: the funds' and each 一级's (its rows added up), as written."""

    def __init__(self, reading: Reading):
        from ..derive.form_scores import level_key

        self.funding = _number(reading.funding.get("points"))
        self.funding_where = reading.funding["points"].where if isinstance(reading.funding.get("points"), Value) else ""
        self.levels: dict[str, list] = {}        # level key → [name as written, sum, first cell, unknown?]
        for row in reading.rows:
            level = row.get("level1")
            if not isinstance(level, Value):
                continue
            entry = self.levels.setdefault(level_key(level.text), [level.text, Decimal(0), "", False])
            points = row.get("points")
            value = _number(points)
            if value is None and not (isinstance(points, Value) and points.text == DASH):
                entry[3] = True
            entry[1] += value or 0
            if isinstance(points, Value) and not entry[2]:
                entry[2] = points.where
        stated = _number(reading.total_points)
        self.stated = stated
        self.total = (self.funding or 0) + sum(e[1] for e in self.levels.values())

    @property
    def unknown(self) -> bool:
        return self.funding is None or any(e[3] for e in self.levels.values())

    def shown(self) -> str:
        parts = ([f"预算执行率 {fmt(self.funding)}"] if self.funding is not None else []) + \
            [f"{name.removesuffix('指标')} {fmt(p)}" for name, p, _, _ in self.levels.values()]
        return "、".join(parts)


def _number(value) -> Decimal | None:
    return parse_decimal(value.text) if isinstance(value, Value) else None


def same_as(points: Points, rubric) -> bool:
    """The form's points are the packaged rubric's: 执行率 and every 一级, no more, no fewer."""
    from ..derive.form_scores import level_key

    funding = next((n for n in rubric.roots if n.rule == "execution_rate"), None)
    if funding is None or points.funding is not None and points.funding != funding.points:
        return False
    levels = {level_key(n.name): n.points for n in rubric.roots if n is not funding}
    ours = {k: e[1] for k, e in points.levels.items()}
    return set(levels) == set(ours) and all(levels[k] == ours[k] or points.levels[k][3] for k in levels)


def rubric_text(points: Points, packaged: str, source: str) -> str:
    """The packaged rubric with this form's points per 一级: its rules, grades and template kept."""
    head, _, _ = packaged.partition("\nindicators:")
    body = [line for line in head.splitlines() if not line.startswith("#")]
    body = [f"name: {scalar(source + ' 的评分体系（' + points.shown() + '）')}" if line.startswith("name:") else
            f"points: {fmt(points.total)}" if line.startswith("points:") else line for line in body]
    lines = [f"# 由 mkreport import 按“{source}”中各一级指标的分值生成：计分规则与内置的 national-form",
             "# （财预〔2020〕10号）相同，分值按表中所列。分值有误时改这里，或改用 rubric: national-form。",
             *body, "indicators:"]
    if points.funding is not None:
        lines.append(f"  - {{id: 执行率, name: 预算执行率, points: {fmt(points.funding)}, rule: {{kind: execution_rate}}}}"
                     f"  # {points.funding_where}")
    for key, (name, total, where, _) in points.levels.items():
        lines.append(f"  - {{id: {scalar(key)}, name: {scalar(name)}, points: {fmt(total)}, rule: {{kind: form_rows}}}}"
                     f"  # 各行分值之和，第一行在 {where}")
    return "\n".join(lines) + "\n"
