"""The template context: checked facts and derived values as plain data, no wording.

Templates decide every sentence; here we only gather values (stated where written, derived
otherwise), normalise narrative into blocks, and expand the {{ path }} references that
users may write in their own paragraphs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .derive import FactView
from .facts import COLUMNS, Block, Report
from .numbers import fmt
from .references import expand
from .rubric import Rubric


@dataclass
class Para:
    """A narrative item: optional title, its paragraphs, and sub-items."""

    title: str = ""
    paras: list = field(default_factory=list)
    children: list = field(default_factory=list)

    @property
    def first(self) -> str:
        return self.paras[0] if self.paras else ""

    @property
    def rest(self) -> list:
        return self.paras[1:]


def paras(items, report: Report, view: FactView) -> list[Para]:
    """Prose (texts and blocks) as a list of Para: a text is a Para without title."""
    out: list[Para] = []
    for item in items or []:
        if isinstance(item, Block):
            texts = [expand(t, report, view) for t in item.text if isinstance(t, str)]
            subs = [t for t in item.text if isinstance(t, Block)]
            out.append(Para(item.title or "", texts, paras(subs, report, view) if subs else
                            []))
        else:
            out.append(Para("", [expand(item, report, view)]))
    return out


def flat(items, report: Report, view: FactView) -> list[str]:
    return [p for para in paras(items, report, view) for p in ([para.title] if para.title else []) + para.paras]


def amounts(view: FactView, path: str) -> dict:
    return {col: view.value(f"{path}.{col}") for col in COLUMNS}


def build_context(loaded, derived) -> dict:
    report, rubric = loaded.report, loaded.rubric
    view, scores = derived.view, derived.scores
    dept = report.department
    st = dept.staffing
    fin = report.finance
    unit = (fin.unit if fin and fin.unit else "万元")
    summary = derived.targets

    def node_ctx(node) -> dict:
        entry = report.scores.get(node.id)
        text = paras(entry.text, report, view) if entry else []
        exp = scores.expected.get(node.id)
        return {
            "id": node.id, "name": node.name, "points": node.points, "level": node.level,
            "table": node.ind.table or "",
            "score": scores.derived.get(node.id), "rule": node.rule,
            "text": text, "first": text[0].first if text and not text[0].title else "",
            "rest": (text[1:] if text and not text[0].title else text),
            "reason": flat(entry.reason, report, view) if entry else [],
            "measure": entry.measure if entry else None,
            "expected": exp.how if exp and exp.score is not None else "",
            "lost": node.points - scores.derived.get(node.id, node.points),
            "children": [node_ctx(c) for c in node.children],
        }

    analysis = [node_ctx(r) for r in rubric.roots]
    table = []
    for leaf_parent in rubric.walk():
        if not leaf_parent.is_leaf:
            continue
        chain = []
        n = leaf_parent
        while n is not None:
            chain.insert(0, n)
            n = n.parent
        names = [c.name for c in chain] + ["", "", ""]
        entry = report.scores.get(leaf_parent.id)
        reason = "；".join(flat(entry.reason, report, view)) if entry else ""
        exp = scores.expected.get(leaf_parent.id)
        table.append({"l1": names[0], "l2": names[1] if len(chain) > 1 else "",
                      "l3": names[2] if len(chain) > 2 else "", "points": leaf_parent.points,
                      "score": scores.derived.get(leaf_parent.id), "reason": reason,
                      "rule": leaf_parent.rule, "rate": exp.measure if exp else None,
                      "measure_name": leaf_parent.ind.measure.name if leaf_parent.ind.measure else "",
                      "lost": leaf_parent.points - scores.derived.get(leaf_parent.id, leaf_parent.points)})
    _blank_repeats(table)

    targets = []
    for i, t in enumerate(report.targets, 1):
        status, _ = derived.statuses[i - 1]
        targets.append({"no": i, "name": t.name, "target": str(t.target), "actual": str(t.actual or ""),
                        "status": status or "", "direction": t.direction or ">="})

    rows = _budget_rows(view, report)
    return {
        "year": report.year,
        "title": report.title or "",
        "dept": {"name": dept.name, "short": dept.short_name or "本部门", "kind": dept.kind or "",
                 "rank": dept.rank or "", "plaques": dept.plaques,
                 "overview": flat(dept.overview, report, view)},
        "duties": {"intro": flat(dept.duties.intro, report, view) if dept.duties else [],
                   "entries": paras(dept.duties.items, report, view) if dept.duties else []},
        "units": dept.units,
        "staffing": st,
        "basis": report.basis,
        "work": {"intro": flat(report.work.intro, report, view) if report.work else [],
                 "entries": paras(report.work.items, report, view) if report.work else [],
                 "closing": flat(report.work.closing, report, view) if report.work else []},
        "finance": {
            "unit": unit,
            "narrative": flat(fin.narrative, report, view) if fin else [],
            "income": {k: amounts(view, f"finance.income.{k}") for k in
                       ("fiscal", "general", "fund", "state_capital", "other", "current", "carryover", "total")},
            "expenditure": {k: amounts(view, f"finance.expenditure.{k}") for k in
                            ("basic", "personnel", "public", "project", "capital_construction", "current",
                             "carryover", "total")},
            "three_public": amounts(view, "finance.three_public"),
            "rows": rows,
            "has_table": any(r["final"] is not None or r["budget"] is not None for r in rows),
        },
        "assets": report.assets,
        "targets_intro": flat(report.targets_intro, report, view),
        "targets": targets,
        "targets_summary": {"total": summary.total, "achieved": summary.achieved, "rate": summary.rate},
        "analysis": analysis,
        "total": scores.total,
        "points_total": rubric.points,
        "grade": scores.grade,
        "conclusion": flat(report.conclusion.text, report, view) if report.conclusion else [],
        "score_table": table,
        "problems": paras(report.problems, report, view),
        "measures": paras(report.measures, report, view),
        "rectification": paras(report.rectification, report, view),
        "other_notes": flat(report.other_notes, report, view),
        "report_date": report.report_date,
    }


def _blank_repeats(table: list[dict]) -> None:
    """Show a level-1/level-2 name only on the first row of its group, as the printed tables do."""
    last1 = last2 = None
    for row in table:
        show1, show2 = row["l1"] != last1, row["l2"] != last2 or row["l1"] != last1
        last1, last2 = row["l1"], row["l2"]
        row["l1_shown"] = row["l1"] if show1 else ""
        row["l2_shown"] = row["l2"] if show2 else ""


_ROWS = [
    ("一、基本支出", "finance.expenditure.basic", True),
    ("人员经费", "finance.expenditure.personnel", False),
    ("公用经费", "finance.expenditure.public", False),
    ("二、项目支出", "finance.expenditure.project", True),
    ("其中：基本建设类项目", "finance.expenditure.capital_construction", False),
    ("三、上缴上级支出", "finance.expenditure.remit_upper", True),
    ("四、经营支出", "finance.expenditure.operating", True),
    ("五、对附属单位补助支出", "finance.expenditure.subsidiary", True),
    ("本年支出合计", "finance.expenditure.current", True),
    ("年末结转和结余", "finance.expenditure.carryover", True),
    ("总计", "finance.expenditure.total", True),
]
_ECONOMIC = [("一、工资福利支出", "wages"), ("二、商品和服务支出", "goods_services"),
             ("三、对个人和家庭的补助", "households"), ("四、债务利息及费用支出", "debt_interest"),
             ("五、资本性支出（基本建设）", "capital_construction"), ("六、资本性支出", "capital"),
             ("七、对企业补助（基本建设）", "enterprise_construction"), ("八、对企业补助", "enterprise"),
             ("九、对社会保障基金补助", "social_security"), ("十、其他支出", "other")]


def _budget_rows(view: FactView, report: Report) -> list[dict]:
    rows = [{"label": label, "budget": view.value(f"{p}.budget"), "adjusted": view.value(f"{p}.adjusted"),
             "final": view.value(f"{p}.final"), "strong": strong} for label, p, strong in _ROWS]
    if report.finance is not None and report.finance.economic is not None:
        at = rows.index(next(r for r in rows if r["label"] == "本年支出合计"))
        econ = [{"label": "经济分类支出合计", "budget": None, "adjusted": None,
                 "final": view.value("finance.economic.total"), "strong": True}]
        econ += [{"label": label, "budget": None, "adjusted": None,
                  "final": view.value(f"finance.economic.{k}"), "strong": False} for label, k in _ECONOMIC]
        rows[at:at] = econ
    for r in rows:
        for col in ("budget", "adjusted", "final"):
            r[col + "_text"] = "" if r[col] is None else fmt(r[col])
    return rows
