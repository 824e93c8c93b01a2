"""The template contract: every name a report template may use, its type and its meaning.

Templates are data a county edits in Word; this is the list of what they can say. It is written
once, here, and used three ways:
  * `context.py` builds the values a template receives, shaped exactly like this (a test keeps the
    two in step);
  * `report_template.py` checks a template against it: a misspelt or unknown name is a finding in
    `mkreport check`, not a failed build;
  * `mkreport schema --template` prints it as the reference for template authors
    (`schema/template.md`, generated and kept in sync by a test, like the facts schema).
Sections that mirror the facts file (staffing, assets, amounts …) are read off the facts model,
so a field added there is a name templates can use, with the same Chinese label.
"""
from __future__ import annotations

from typing import Any

from ..model import facts
from ..model.schema import Choice, Date, Integer, Kind, ListOf, Model, ModelKind, Number, Percent, QuantityKind


class T:
    """A type in the contract. `kind`: text, number, int, date, bool, quantity, list, object."""

    def __init__(self, kind: str, zh: str = "", fields: dict | None = None, item: T | None = None,
                 name: str = "", optional: bool = False):
        self.kind, self.zh = kind, zh
        self.fields = {} if fields is None else fields   # object: name → T
        self.item = item                                 # list: the type of each item
        self.name = name                                 # a named object type, documented once
        self.optional = optional                         # may be none (absent from the facts)

    def __repr__(self):
        return f"T({self.kind!r}, {self.zh!r})"


def text(zh, optional=False):
    return T("text", zh, optional=optional)


def number(zh, optional=True):
    return T("number", zh, optional=optional)


def integer(zh, optional=False):
    return T("int", zh, optional=optional)


def date(zh, optional=True):
    return T("date", zh, optional=optional)


def boolean(zh):
    return T("bool", zh)


def seq(item: T, zh: str) -> T:
    return T("list", zh, item=item)


def obj(name: str, zh: str, fields: dict, optional: bool = False) -> T:
    return T("object", zh, fields=fields, name=name, optional=optional)


_NAMED: dict[str, T] = {}


def named(t: T) -> T:
    _NAMED[t.name] = t
    return t


def from_model(model: type[Model], zh: str = "", optional: bool = True) -> T:
    """A section of the facts file as templates see it: the same fields, the same labels."""
    if model.__name__ in _NAMED:
        t = _NAMED[model.__name__]
        return T(t.kind, zh or t.zh, t.fields, t.item, t.name, optional)
    title = (model.__doc__ or "").strip().splitlines()[0]
    t = named(obj(model.__name__, title, {}, optional))
    for name, f in model.fields.items():
        t.fields[name] = _from_kind(f.kind, f.zh)
    return T(t.kind, zh or t.zh, t.fields, t.item, t.name, optional)


def _from_kind(kind, zh: str) -> T:
    if isinstance(kind, ModelKind):
        return from_model(kind.model, zh)
    if isinstance(kind, ListOf):
        return seq(_from_kind(kind.item, ""), zh)
    if isinstance(kind, Integer):
        return integer(zh, optional=True)
    if isinstance(kind, (Number, Percent)):
        return number(zh)
    if isinstance(kind, Date):
        return date(zh)
    if isinstance(kind, QuantityKind):
        return T("quantity", zh, optional=True)
    return text(zh, optional=True)


# ---- the shapes -----------------------------------------------------------------------------

PARA = named(obj("Para", "一段叙述：可有标题，下有段落和小节", {}))
PARA.fields.update({
    "title": text("标题（用户未写时为空文字）"),
    "paras": seq(text(""), "段落文字"),
    "first": text("第一段（没有时为空文字）"),
    "rest": seq(text(""), "第一段之后的段落"),
    "children": seq(PARA, "下一级小节"),
})
PARAS = seq(PARA, "")
LINES = seq(text(""), "")

AMOUNTS = from_model(facts.Amounts, optional=False)

COMPARISON = named(obj("Comparison", "not_exceed 规则的一项比较（金额已带单位）", {
    "actual_name": text("实际数的名称，如“公用经费决算数”"),
    "actual": text("实际数，如“33.6万元”"),
    "limit_name": text("上限的名称，如“调整预算数”（与实际数同一行时只写口径）"),
    "limit": text("上限，如“33.6万元”"),
    "within": boolean("实际数是否未超过上限"),
}))

VERDICT = named(obj("Verdict", "指标得分的评语：计分句所需的各项（由过滤器 scoring、deduction 写成句子，"
                    "措辞见 generator/data/scoring.yaml）", {
    "kind": text("按哪种计分规则的措辞：judgement、rate、target_rate、not_exceed、control 等（规则缺数据时为 judgement）"),
    "case": text("情形：full（满分）、capped（满分，指标值超过 100%）、lost（扣分）、lost_reason（扣分，事实文件写了扣分原因）"),
    "points": number("分值", optional=False),
    "score": number("得分", optional=False),
    "lost": number("扣分", optional=False),
    "measure": text("指标值的名称，如“政府采购执行率”（按比率计分时；否则为空文字）"),
    "short": text("指标值的简称：与指标名称相同时只写末尾的“××率”（如“执行率”），供自评表一栏使用"),
    "rate": number("指标值或完成率（%）"),
    "limit": number("上限（%，control 规则）"),
    "total": integer("绩效目标总数（target_rate 规则）", optional=True),
    "achieved": integer("已实现的目标数（target_rate 规则）", optional=True),
    "unmet": seq(text(""), "未实现的目标名称（target_rate 规则）"),
    "compared": seq(COMPARISON, "各项比较（not_exceed 规则）"),
    "reason": text("事实文件写的扣分原因（多条以“；”相连，末尾与扣分相同的“扣X分”已去掉；没有时为空文字）"),
    "how": text("规则的算式（供没有自己措辞的规则使用）"),
    "stated": boolean("该项的文字是否已写明规则所用的数（是时计分句用 scoring.yaml 的 said 措辞，不再重复这些数）"),
}))

INDICATOR = named(obj("Indicator", "评分体系中的一项指标及其自评", {}))
INDICATOR.fields.update({
    "id": text("指标编号，如 B24"),
    "name": text("指标名称（与评分体系一致）"),
    "points": number("分值", optional=False),
    "level": integer("层级：1 为一级指标"),
    "table": text("评分体系要求随附的表格：targets（绩效目标实现情况表）或空文字"),
    "score": number("得分（写明的，或由下级相加、按规则算出的）", optional=False),
    "rule": text("计分规则类型：judgement、rate、target_rate、not_exceed、control 等"),
    "expected": text("按规则计分时的算式，如“64.94% × 分值 4 = 2.6”；酌情评分时为空文字"),
    "rate": number("按规则计分所用的比率（%）"),
    "measure_name": text("评分体系中指标值的名称，如“结转结余率”；没有时为空文字"),
    "lost": number("扣分 = 分值 − 得分", optional=False),
    "text": PARAS,
    "first": text("评价说明的第一段（没有标题时）"),
    "rest": seq(PARA, "评价说明的其余段落"),
    "reason": seq(text(""), "扣分原因"),
    "verdict": VERDICT,
    "children": seq(INDICATOR, "下级指标"),
})
INDICATOR.fields["text"] = seq(PARA, "评价说明（段落与小节）")

ROW = named(obj("BudgetRow", "支出表的一行", {
    "label": text("行名，如“一、基本支出”"),
    "budget": number("年初预算数"),
    "adjusted": number("调整预算数"),
    "final": number("决算数"),
    "budget_text": text("年初预算数（已按所写精度排好，空格为空文字）"),
    "adjusted_text": text("调整预算数（同上）"),
    "final_text": text("决算数（同上）"),
    "strong": boolean("是否为合计或大类行（加粗）"),
}))

SCORE_ROW = named(obj("ScoreRow", "自评表（附件）的一行：一项末级指标", {
    "l1": text("一级指标名称"), "l2": text("二级指标名称（没有时为空文字）"),
    "l3": text("三级指标名称（没有时为空文字；第四级及以下与第三级以“—”相连）"),
    "l1_shown": text("一级指标名称，只在同组第一行出现"),
    "l2_shown": text("二级指标名称，只在同组第一行出现"),
    "l1_merge": text("一级指标单元格的纵向合并：restart（本组第一行）或 continue，写作 {% vmerge r.l1_merge %}"),
    "l2_merge": text("二级指标单元格的纵向合并：restart 或 continue，写作 {% vmerge r.l2_merge %}"),
    "points": number("分值", optional=False), "score": number("得分", optional=False),
    "lost": number("扣分", optional=False),
    "reason": text("扣分原因（多条以“；”相连）"),
    "rule": text("计分规则类型"), "rate": number("按规则计分所用的比率（%）"),
    "expected": text("按规则计分时的算式"),
    "measure_name": text("指标值的名称"),
    "verdict": VERDICT,
}))

TARGET = named(obj("TargetRow", "绩效目标表的一行", {
    "no": integer("序号"),
    "name": text("绩效目标（指标名称）"),
    "target": text("目标值，如“500亿元”"),
    "actual": text("完成值（未填写时为空文字）"),
    "status": text("完成情况：完成、未完成，或空文字（无法判断时）"),
    "direction": text("方向：>=（越大越好）、<=（越小越好）或 ="),
}))

def _amount_section(model: type[Model], zh: str) -> T:
    return obj(model.__name__ + "Amounts", zh, {n: T(AMOUNTS.kind, f.zh, AMOUNTS.fields, name="Amounts")
                                                 for n, f in model.fields.items()})


CONTEXT = obj("Context", "模板中可用的全部名字", {
    "year": integer("报告年度，如 2023"),
    "title": text("用户写的报告标题；未写时为 none（模板自拟“部门名称+年度+…自评报告”）", optional=True),
    "report_date": date("成文日期"),
    "dept": obj("Dept", "部门", {
        "name": text("部门全称"),
        "short": text("正文中的自称，如“我局”；未写时为“本部门”"),
        "kind": text("部门性质，如“县政府工作部门”", optional=True),
        "rank": text("机构规格，如“正科级”", optional=True),
        "plaques": seq(text(""), "加挂牌子"),
        "overview": seq(text(""), "部门概况（补充说明）的段落"),
    }),
    "duties": obj("Duties", "主要职责", {
        "intro": seq(text(""), "列举职责前的说明文字"),
        "entries": seq(PARA, "职责条目"),
    }),
    "units": seq(text(""), "内设机构"),
    "staffing": from_model(facts.Staffing, "人员编制"),
    "basis": from_model(facts.Document, "评价依据文件"),
    "work": obj("Work", "年度总体工作和重点工作任务", {
        "intro": seq(text(""), "总述的段落"),
        "entries": seq(PARA, "重点工作，每项一个带标题的小节"),
        "closing": seq(text(""), "结束语的段落"),
    }),
    "finance": obj("Finance", "部门整体收支情况", {
        "unit": text("金额单位：元、万元或亿元"),
        "narrative": seq(text(""), "用户自己写的收支情况说明；为空列表时由模板按标准措辞生成"),
        "income": _amount_section(facts.Income, "收入，各项为一组各口径金额"),
        "expenditure": _amount_section(facts.Expenditure, "支出（按支出性质），各项为一组各口径金额"),
        "economic": from_model(facts.Economic, "支出决算（按经济分类）"),
        "three_public": T(AMOUNTS.kind, "“三公”经费", AMOUNTS.fields, name="Amounts"),
        "rows": seq(ROW, "部门整体支出表的各行（按支出性质，含经济分类时插入其各项）"),
        "has_table": boolean("是否有可列的支出表"),
    }),
    "assets": from_model(facts.Assets, "资产情况"),
    "targets_intro": seq(text(""), "绩效目标说明的段落"),
    "targets": seq(TARGET, "部门整体支出绩效目标"),
    "targets_summary": obj("TargetsSummary", "绩效目标完成情况汇总", {
        "total": integer("目标总数"), "achieved": integer("已完成数"),
        "rate": number("完成率（%），没有目标时为空"),
    }),
    "analysis": seq(INDICATOR, "逐项指标分析：评分体系的一级指标，各带下级"),
    "score_table": seq(SCORE_ROW, "自评表（附件）：每项末级指标一行"),
    "total": number("自评总分", optional=False),
    "points_total": number("评分体系总分（通常为 100）", optional=False),
    "grade": text("绩效等级，如“优”（总分不在任何等级内时为 none）", optional=True),
    "conclusion": seq(text(""), "绩效自评结论的说明段落"),
    "problems": seq(PARA, "存在的问题"),
    "measures": seq(PARA, "改进措施"),
    "rectification": seq(PARA, "上年度绩效自评整改情况"),
    "results_use": seq(PARA, "绩效自评结果拟应用和公开情况"),
    "other_notes": seq(text(""), "其他需要说明的情况的段落"),
})


# ---- the reference for template authors ----------------------------------------------------

_KIND_ZH = {"text": "文字", "number": "数", "int": "整数", "date": "日期", "bool": "是/否",
            "quantity": "数量（数字+单位）", "list": "列表", "object": "对象", "Verdict": "Verdict"}


def describe(t: T) -> str:
    if t.kind == "list" and t.item is not None:       # a list's T has its item's
        inner = t.item.name if t.item.kind == "object" and t.item.name else _KIND_ZH[t.item.kind]
        return f"{inner} 的列表"
    return (t.name if t.kind == "object" else _KIND_ZH[t.kind]) + ("，可能为空（none）" if t.optional else "")


def reference() -> str:
    """`schema/template.md`: every name, its type and meaning, in Chinese."""
    from .phrases import FILTER_DOCS

    lines = ["# 模板中可用的名字", "",
             "由 mkreport 的代码生成（`mkreport schema --template`），请勿手工修改。",
             "模板（.docx）中的 `{{ … }}`、`{% … %}` 只能用下列名字；`mkreport check` 会逐一核对，",
             "写错的名字、用错的过滤器在检查时就会指出。标为“可能为空”的值未填写时为 none，",
             "请用 `{% if x is not none %}` 或 `{% if x %}` 包起来，否则报告中会出现空白（检查时会提示）。", "",
             "## 顶层名字", "", "| 名字 | 类型 | 说明 |", "|---|---|---|"]
    for name, t in CONTEXT.fields.items():
        lines.append(f"| `{name}` | {describe(t)} | {t.zh} |")
    seen: list[T] = []

    def collect(t: T) -> None:
        for sub in ([t.item] if t.kind == "list" else list(t.fields.values()) if t.kind == "object" else []):
            if sub is None:
                continue
            target = sub.item if sub.kind == "list" else sub
            if target is not None and target.kind == "object" and target.name and \
                    all(s.name != target.name for s in seen):
                seen.append(target)
                collect(target)
            elif target is not None and target.kind == "list":
                collect(target)

    collect(CONTEXT)
    for t in seen:
        lines += ["", f"## {t.name}", "", t.zh, "", "| 名字 | 类型 | 说明 |", "|---|---|---|"]
        for name, sub in t.fields.items():
            lines.append(f"| `{name}` | {describe(sub)} | {sub.zh} |")
    lines += ["", "## 过滤器", "", "| 过滤器 | 用于 | 说明 |", "|---|---|---|"]
    for name, (accepts, zh) in FILTER_DOCS.items():
        lines.append(f"| `{name}` | {'、'.join(_KIND_ZH[a] for a in accepts)} | {zh} |")
    return "\n".join(lines) + "\n"


def facts_kind(path: str) -> str | None:
    """The contract kind of a fact path of the facts file (for `{{ path | filter }}` in user text):
    text, number, int, date, quantity, list, object, or None when there is no such path."""
    from ..model.schema import MapOf
    model: type[Model] | None = facts.Report
    kind: Kind[Any] | None = None
    keyed = False          # the next part is a key of a mapping (scores.B24)
    for part in path.split("."):
        if keyed:
            keyed = False
            kind = kind.item if isinstance(kind, MapOf) else None      # keyed: kind is a MapOf
            model = kind.model if isinstance(kind, ModelKind) else None
            continue
        f = model.fields.get(part) if model is not None else None
        if f is None:
            return None
        kind = f.kind
        keyed = isinstance(kind, MapOf)
        model = kind.model if isinstance(kind, ModelKind) else None
    if keyed:
        return "object"
    if kind is None:
        return None
    if isinstance(kind, ModelKind):
        return "object"
    if isinstance(kind, Choice):
        return "text"
    if type(kind).__name__ == "Prose":
        return "list"
    t = _from_kind(kind, "")
    return "list" if t.kind == "list" else t.kind
