"""A new facts file, written out from the schema and the rubric: every section, every indicator.

`mkreport new` starts a department's file with every field the facts model knows, each with its
Chinese label and help as a comment, and 待填写 wherever a value is due — which `check` lists,
never reading it as a zero or a text. Fields that can be derived or only restate another (a
total, a completion status, a stated maximum) and the report's settings are written commented
out, with what they do, for the user to switch on. Every indicator of the rubric appears under
`scores` with its points and its scoring rule.

Without `--full`, only what the chosen template prints and the checks read is asked for: the
fields a trial check of a sample file (every value filled, `sample=True`) would call unused
(TEMPLATE-UNUSED) are left out (`omit`), so `new` never asks for what `check` then says to delete.
"""
from __future__ import annotations

import re

from .facts import Amounts, Department, Prose, Report
from .schema import (
    CHECK,
    PLACEHOLDER,
    SETTING,
    Choice,
    Date,
    Field,
    Integer,
    ListOf,
    Model,
    ModelKind,
    Number,
    Percent,
    QuantityKind,
)

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


class Plan:
    """What a scaffold writes where a value is due (待填写, or a sample value), and which fields it
    leaves out (paths of field names, list indexes dropped)."""

    def __init__(self, year: int, sample: bool = False, omit: frozenset = frozenset()):
        self.year, self.sample, self.omit = year, sample, omit

    def value(self, field: Field) -> str:
        return _sample(field, self.year) if self.sample else PLACEHOLDER

    def columns_unused(self, model: type[Model], path: tuple) -> None:
        """A column left out of every row a section asks for is left out of its derivable totals
        too (written commented out): 上年决算数 the template never prints, in 基本支出 as in 人员经费."""
        rows = [(n, f) for n, f in model.fields.items() if isinstance(f.kind, ModelKind) and f.kind.model is Amounts]
        asked = [path + (n,) for n, f in rows if not _optional(f)]
        for column in Amounts.fields if asked else ():
            if all(row + (column,) in self.omit for row in asked):
                self.omit |= {path + (n, column) for n, f in rows if _optional(f)}


def new_file(rubric, year: int, department: str | None = None, template: str | None = None,
             rubric_ref: str = "", schema_ref: str = "", omit: frozenset = frozenset(), sample: bool = False) -> str:
    """The text of a new facts file; `sample`: every value filled (for the trial check that finds
    what the template leaves unused); `omit`: the fields to leave out."""
    plan = Plan(year, sample, omit)
    lines = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    lines += [
        f"# {year} 年度部门整体支出绩效自评事实文件（由 mkreport new 生成）。",
        "# 每个数只写一次；标着“待填写”的地方填上，不适用的整行删去。改完运行：",
        "#   mkreport check 本文件        —— 列出还没填写的项和其他问题",
        "#   mkreport build 本文件        —— 生成报告",
        "# 以“# ”开头的行是说明或可选项：可选项去掉行首的“# ”即启用。",
    ]
    if omit:
        lines.append("# 只列出所选模板会写出、检查会用到的栏目；其余栏目（如上年决算数）见 mkreport new --full。")
    lines += [""]
    values = {"year": str(year), "rubric": rubric_ref or rubric.path.stem}
    if template:
        values["template"] = template
    _model(Report, 0, lines, plan, (), values, rubric=rubric, department=department)
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


def _model(model: type[Model], depth: int, lines: list, plan: Plan, path: tuple = (), values: dict | None = None,
           **ctx) -> None:
    values = values or {}
    pad = INDENT * depth
    plan.columns_unused(model, path)
    for name, field in model.fields.items():
        if name == model.format_key:
            continue            # absent means the current format: nothing for a department to write
        if name in values:
            lines.append(f"{pad}{name}: {scalar(values[name])}{_comment(field)}")
            continue
        if model is Report and name == "form":
            continue            # the national form is another kind of file (README, inputs/national-form-*.yaml)
        if model is Report and name == "scores":
            _scores(field, depth, lines, ctx["rubric"], plan)
            continue
        if path + (name,) in plan.omit:
            continue
        if model is Report and name == "department" and ctx.get("department") and isinstance(field.kind, ModelKind):
            lines.append(f"{pad}{name}:{_comment(field)}")
            _model(field.kind.model, depth + 1, lines, plan, path + (name,), {"name": ctx["department"]})
            continue
        _field(name, field, depth, lines, plan, path + (name,), commented=_optional(field) and not field.required)


def _field(name: str, field: Field, depth: int, lines: list, plan: Plan, path: tuple, commented: bool = False) -> None:
    pad = INDENT * depth
    hash_ = "# " if commented else ""
    kind = field.kind
    if isinstance(kind, ModelKind):
        model = kind.model
        if model is Amounts:            # one row of a table: its columns on one line
            cols = ", ".join(f"{c}: {PLACEHOLDER if commented else plan.value(f)}" for c, f in Amounts.fields.items()
                             # a column only some departments have (上年预算数) is named in the finance comment
                             if not _optional(f) and path + (c,) not in plan.omit)
            if cols:
                lines.append(f"{pad}{hash_}{name}: {{{cols}}}{_comment(field, '万元')}")
            return
        if commented:
            lines.append(f"{pad}# {name}:{_comment(field)}")
            return
        inner: list = []
        _model(model, depth + 1, inner, plan, path)
        if any(not line.lstrip().startswith("#") for line in inner):   # nothing left to fill: left out
            lines += [f"{pad}{name}:{_comment(field)}"] + inner
        return
    if isinstance(kind, ListOf):
        item = kind.item
        inner = []
        if isinstance(item, ModelKind):
            first = True
            for sub, f in item.model.fields.items():
                optional = (_optional(f) or "默认" in f.help) and not f.required
                if optional and f.role == CHECK or path + (sub,) in plan.omit:
                    continue            # restatements of a published report, fields left unused: not asked for
                lead = f"{pad}{INDENT}{hash_}- " if first else f"{pad}{INDENT}{hash_}  "
                if optional:
                    inner.append(f"{pad}{INDENT}{hash_}  # {sub}: {_example(f)}{_comment(f)}")
                else:
                    inner.append(f"{lead}{sub}: {plan.value(f)}{_comment(f)}")
                    first = False
            if first:                   # no field of an item is asked for
                return
        else:
            inner.append(f"{pad}{INDENT}{hash_}- {plan.value(Field(item, ''))}")
        lines += [f"{pad}{hash_}{name}:{_comment(field)}"] + inner
        return
    extra = ""
    if isinstance(kind, Choice):
        extra = "可选：" + "、".join(dict.fromkeys(kind.options.values()))
    elif isinstance(kind, Number) and kind.unit:
        extra = kind.unit
    elif isinstance(kind, Date):
        extra = "如 2024-12-31"
    value = _example(field) if commented else plan.value(field)
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


def _sample(field: Field, year: int) -> str:
    """A value of the field's kind, for the sample file a trial check reads (never written out)."""
    kind = field.kind
    if isinstance(kind, Date):
        return f"{year}-12-31"
    if isinstance(kind, Percent):
        return "100%"
    if isinstance(kind, QuantityKind):
        return "1个"
    if isinstance(kind, (Number, Integer)):
        return "1"
    if isinstance(kind, Choice):
        return scalar(next(iter(kind.options.values())))
    return "示例。" if isinstance(kind, Prose) else "示例"


def _scores(field: Field, depth: int, lines: list, rubric, plan: Plan) -> None:
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
        score, measure, text = (_points(node.points), "100%", "示例。") if plan.sample else (PLACEHOLDER,) * 3
        lines.append(f"{body}score: {score}  # 自评得分（满分 {_points(node.points)}）")
        if rule.name == "rate" and (node.ind.measure is None or not node.ind.measure.numerator):
            lines.append(f"{body}measure: {{value: {measure}}}  # 指标值（百分比，如 64.94%），得分按它计算")
        lines.append(f"{body}text: {text}  # 评价说明：评分依据与完成情况")
        lines.append(f"{body}# reason: 扣分原因（得分低于满分且不是按公式计分时必填）")


def _points(value) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# The national form's 二级指标 under each 一级 (财预〔2020〕10号): a new project's form lists one
# row under each, for the user to name, fill, or delete where it does not apply.
FORM_LEVEL2 = {"产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
               "效益指标": ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
               "满意度指标": ["服务对象满意度指标"]}


def form_file(rubric, year: int, department: str | None, name: str | None = None, rubric_ref: str = "",
              schema_ref: str = "", kind: str = "project") -> str:
    """The text of a new facts file that fills the national form: a project's (kind: project) or a
    whole department's (its own projects and the 本年支出合计 the form is checked against written
    commented out); every value to fill, a row under each 二级指标 of the rubric's 一级 (the rows
    of the execution rate left out)."""
    from .form import Form

    fill = PLACEHOLDER
    lines = [f"# yaml-language-server: $schema={schema_ref}"] if schema_ref else []
    lines += _form_header(year, kind)
    lines += [
        f"kind: {kind}",
        f"year: {year}",
        f"rubric: {scalar(rubric_ref or rubric.path.stem)}",
        "department:",
        f"  name: {scalar(department) if department else fill}{_comment(Department.fields['name'])}",
        "",
    ]
    if kind != "project":
        lines += _department_extras()
    lines.append(f"form:{_comment(Report.fields['form'])}")
    if kind == "project":
        lines += [f"  name: {scalar(name) if name else fill}{_comment(Form.fields['name'])}",
                  f"  authority: {scalar(department) if department else fill}{_comment(Form.fields['authority'])}",
                  f"  executor: {fill}{_comment(Form.fields['executor'])}"]
    lines += _form_body(rubric)
    if kind != "project":
        lines.append(f"  # contact: …{_comment(Form.fields['contact'])}")
    return "\n".join(lines) + "\n"


def _form_header(year: int, kind: str) -> list[str]:
    """The opening comment: what the file is, how to fill it, what to run."""
    if kind == "project":
        return [f"# {year} 年度项目支出绩效自评事实文件（由 mkreport new --kind project 生成）。",
                "# 标着“待填写”的地方填上；不适用的指标行删去，或把年度指标值、实际完成值、分值、得分写成“—”。",
                "# 各一级指标下各行的分值之和应等于评分体系的分值。改完运行 mkreport check 本文件（或它所在部门的文件）。",
                ""]
    return [f"# {year} 年度部门整体支出绩效自评表的事实文件（由 mkreport new 生成）。",
            "# 标着“待填写”的地方填上；不适用的指标行删去，或把年度指标值、实际完成值、分值、得分写成“—”。",
            "# 各一级指标下各行的分值之和应等于评分体系的分值。以“# ”开头的行是说明或可选项：去掉行首的“# ”即启用。",
            "# 改完运行 mkreport check 本文件（列出还没填写的项和其他问题）；都填好后 mkreport build 本文件 生成自评表。",
            ""]


def _department_extras() -> list[str]:
    """What a department's form file may add, written commented out: its projects (each its own
    form) and the 收支表 figures the form's funding and the projects are checked against."""
    from .facts import Expenditure, Finance

    spent, projects = Expenditure.fields["current"].zh, Expenditure.fields["project"].zh
    return [
        f"# projects:{_comment(Report.fields['projects'])}",
        "#   - 待填写  # 新建项目的文件：mkreport new --kind project --into 本文件 -o 项目文件.yaml",
        "",
        "# 写了收支表的支出时，check 核对年度资金总额的全年执行数等于本年支出合计，项目支出不少于所列项目的全年执行数之和。",
        f"# finance:{_comment(Report.fields['finance'])}",
        f"#   expenditure:{_comment(Finance.fields['expenditure'])}",
        f"#     current: {{final: {PLACEHOLDER}}}  # {spent}决算数（万元）：与年度资金总额的全年执行数核对",
        f"#     project: {{final: {PLACEHOLDER}}}  # {projects}决算数（万元）：不少于所列项目的全年执行数之和",
        "",
    ]


def _form_body(rubric) -> list[str]:
    """The form's funding by source, its goals and a row under each 二级指标, every value to fill."""
    from .form import FUNDING_COLUMNS, SOURCES, Form, Funding

    fill = PLACEHOLDER
    lines = [f"  funding:{_comment(Form.fields['funding'])}"]
    row = "{" + ", ".join(f"{c}: {fill}" for c in FUNDING_COLUMNS) + "}"
    lines.append(f"    total: {row}  # 年度资金总额：{'、'.join(FUNDING_COLUMNS.values())}（万元）")
    lines += [f"    {key}: {row}  # {zh}" for key, zh in SOURCES.items()]
    lines.append(f"    score: {fill}{_comment(Funding.fields['score'])}")
    lines += ["  goals:  # 年度总体目标", "    expected:  # 预期目标：每条一项", f"      - {fill}",
              "    actual:  # 实际完成情况：每条一项，与预期目标对应", f"      - {fill}",
              f"  indicators:{_comment(Form.fields['indicators'])}"]
    for node in rubric.roots:
        if node.rule == "execution_rate":
            continue
        lines.append(f"    # {node.name}：{_points(node.points)} 分")
        for level2 in FORM_LEVEL2.get(node.name, [fill]):
            lines.append(f"    - {{level1: {scalar(node.name)}, level2: {scalar(level2)}, name: {fill}, target: {fill}, "
                         f"actual: {fill}, points: {fill}, score: {fill}}}")
    return lines
