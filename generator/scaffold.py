"""A new facts file, written out from the schema and the rubric: every section, every indicator.

`mkreport new` starts a department's file with every field the facts model knows, each with its
Chinese label and help as a comment, and 待填写 wherever a value is due — which `check` lists,
never reading it as a zero or a text. Fields that can be derived or only restate another (a
total, a completion status, a stated maximum) and the report's settings are written commented
out, with what they do, for the user to switch on. Every indicator of the rubric appears under
`scores` with its points and its scoring rule.
"""
from __future__ import annotations

import re

from .facts import Amounts, Report
from .schema import CHECK, PLACEHOLDER, SETTING, Choice, Date, Field, ListOf, Model, ModelKind, Number

INDENT = "  "
_PLAIN = re.compile(r"^[^\s#:{}\[\],&*!|>'\"%@`-][^#:{}\[\],]*$")


def scalar(value) -> str:
    """A YAML scalar as a person would type it; quoted only when YAML would misread it."""
    text = str(value)
    plain = text.isprintable() and _PLAIN.match(text) and text.strip() == text
    if plain and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "~"):
        return text
    return '"' + "".join(_escape(c) for c in text) + '"'


def _escape(c: str) -> str:
    """One character inside YAML double quotes: printable ones as they are, the rest escaped."""
    if c in '"\\':
        return "\\" + c
    if c.isprintable():
        return c
    return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"


def new_file(rubric, year: int, department: str | None = None, template: str | None = None,
             rubric_ref: str = "", schema_ref: str = "") -> str:
    lines = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines += [
        f"# {year} 年度部门整体支出绩效自评事实文件（由 mkreport new 生成）。",
        "# 每个数只写一次；标着“待填写”的地方填上，不适用的整行删去。改完运行：",
        "#   mkreport check 本文件        —— 列出还没填写的项和其他问题",
        "#   mkreport build 本文件        —— 生成报告",
        "# 以“# ”开头的行是说明或可选项：可选项去掉行首的“# ”即启用。",
        "",
    ]
    values = {"year": str(year), "rubric": rubric_ref or rubric.path.stem}
    if template:
        values["template"] = template
    _model(Report, 0, lines, values, rubric=rubric, department=department)
    return "\n".join(lines).rstrip() + "\n"


def _comment(field: Field, extra: str = "") -> str:
    text = field.zh + (f"（{extra}）" if extra else "")
    if field.help:
        text += "：" + field.help
    return "  # " + text


def _optional(field: Field) -> bool:
    """Written commented out: what only restates another value, settings, and what the help
    says may be left out (a derivable total)."""
    return field.role in (CHECK, SETTING) or field.help.startswith("可省略")


def _model(model: type[Model], depth: int, lines: list, values: dict | None = None, **ctx) -> None:
    values = values or {}
    pad = INDENT * depth
    for name, field in model.fields.items():
        if name in values:
            lines.append(f"{pad}{name}: {scalar(values[name])}{_comment(field)}")
            continue
        if model is Report and name == "scores":
            _scores(field, depth, lines, ctx["rubric"])
            continue
        if model is Report and name == "department" and ctx.get("department"):
            lines.append(f"{pad}{name}:{_comment(field)}")
            _model(field.kind.model, depth + 1, lines, {"name": ctx["department"]})
            continue
        _field(name, field, depth, lines, commented=_optional(field) and not field.required)


def _field(name: str, field: Field, depth: int, lines: list, commented: bool = False) -> None:
    pad = INDENT * depth
    hash_ = "# " if commented else ""
    kind = field.kind
    if isinstance(kind, ModelKind):
        model = kind.model
        if model is Amounts:            # one row of a table: its columns on one line
            cols = ", ".join(f"{c}: {PLACEHOLDER}" for c, f in Amounts.fields.items() if f.role != CHECK)
            lines.append(f"{pad}{hash_}{name}: {{{cols}}}{_comment(field, '万元')}")
            return
        if commented:
            lines.append(f"{pad}# {name}:{_comment(field)}")
            return
        lines.append(f"{pad}{name}:{_comment(field)}")
        _model(model, depth + 1, lines)
        return
    if isinstance(kind, ListOf):
        item = kind.item
        lines.append(f"{pad}{hash_}{name}:{_comment(field)}")
        if isinstance(item, ModelKind):
            first = True
            for sub, f in item.model.fields.items():
                optional = (_optional(f) or "默认" in f.help) and not f.required
                if optional and f.role == CHECK:
                    continue            # restatements of a published report: not for a new file
                lead = f"{pad}{INDENT}{hash_}- " if first else f"{pad}{INDENT}{hash_}  "
                if optional:
                    lines.append(f"{pad}{INDENT}{hash_}  # {sub}: {_example(f)}{_comment(f)}")
                else:
                    lines.append(f"{lead}{sub}: {PLACEHOLDER}{_comment(f)}")
                    first = False
        else:
            lines.append(f"{pad}{INDENT}{hash_}- {PLACEHOLDER}")
        return
    extra = ""
    if isinstance(kind, Choice):
        extra = "可选：" + "、".join(dict.fromkeys(kind.options.values()))
    elif isinstance(kind, Number) and kind.unit:
        extra = kind.unit
    elif isinstance(kind, Date):
        extra = "如 2024-12-31"
    value = _example(field) if commented else PLACEHOLDER
    lines.append(f"{pad}{hash_}{name}: {value}{_comment(field, extra)}")


def _example(field: Field) -> str:
    """What a commented-out option shows: its default where it has one."""
    kind = field.kind
    if isinstance(kind, Choice):
        values = list(dict.fromkeys(kind.options.values()))
        return "万元" if "万元" in values else scalar(values[0])
    if field.zh.endswith("小数位数"):
        return "2"
    return "…"


def _scores(field: Field, depth: int, lines: list, rubric) -> None:
    """Every indicator of the rubric: a leaf's score and its explanation to write; a parent's
    score is the sum of its leaves'."""
    pad, key, body = INDENT * depth, INDENT * (depth + 1), INDENT * (depth + 2)
    levels = "一二三四五六"
    lines.append("")
    lines.append(f"{pad}scores:{_comment(field)}")
    for node in rubric.walk():
        rule = node.rule_kind
        where = f"{levels[node.level - 1] if node.level <= 6 else node.level}级指标，{_points(node.points)} 分"
        lines.append(f"{key}{node.id}:  # {where}" + ("" if node.children else f"；计分：{rule.zh}"))
        lines.append(f"{body}name: {scalar(node.name)}")
        if node.children:
            lines.append(f"{body}# score: 可省略，由下级指标得分相加")
            continue
        lines.append(f"{body}score: {PLACEHOLDER}  # 自评得分（满分 {_points(node.points)}）")
        if rule.name == "rate" and node.ind.measure is None:
            lines.append(f"{body}measure: {{value: {PLACEHOLDER}}}  # 指标值（百分比，如 64.94%），得分按它计算")
        lines.append(f"{body}text: {PLACEHOLDER}  # 评价说明：评分依据与完成情况")
        lines.append(f"{body}# reason: 扣分原因（得分低于满分且不是按公式计分时必填）")


def _points(value) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
