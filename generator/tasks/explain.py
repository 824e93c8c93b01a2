"""How a value in a report came to be: its rule, its formula with the numbers, and where each
number was written.

`mkreport explain INPUT ID` answers for an indicator (C22), a fact (finance.income.total.final),
a figure as printed in the report (2.6, 86.67%, 7532.81万元), or a text of the facts file — by its
path (work.items.1.text, other_notes) or by words it contains ("较上年增加") — whose figures are
listed as the claim reader read them: each claim, the fact it names, what it was checked against,
and every figure left unread with the reason. Everything is read from what the
check derived (derive/values.py), so the explanation is the computation itself, not a retelling of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..core.numbers import fmt, parse_quantity, round_to
from .said import Listener, Said

LEVELS = "一二三四五六七八九"


@dataclass
class Step:
    text: str
    file: str = ""
    line: int | None = None
    col: int | None = None

    def where(self) -> str:
        from ..core.console import shown

        if not self.file:
            return ""
        return f"{shown(self.file)}:{self.line}:{self.col}" if self.line else shown(self.file)

    def as_json(self) -> dict:
        return {"text": self.text, "file": self.file, "line": self.line, "col": self.col}


@dataclass
class Explanation:
    subject: str
    value: str
    steps: list = field(default_factory=list)

    def as_json(self) -> dict:
        return {"subject": self.subject, "value": self.value, "steps": [s.as_json() for s in self.steps]}

    def text(self) -> str:
        out = [f"{self.subject}：{self.value}"]
        for s in self.steps:
            where = s.where()
            out.append(f"  {s.text}" + (f"（{where}）" if where else ""))
        return "\n".join(out)


class Explainer:
    def __init__(self, result):
        self.loaded, self.derived = result.loaded, result.derived
        self.report, self.rubric = self.loaded.report, self.loaded.rubric
        self.doc, self.view = self.loaded.doc, self.derived.view

    # ---- where things are ---------------------------------------------------------------

    def at(self, text: str, path: tuple) -> Step:
        line, col = self.doc.locate(path)
        return Step(text, self.doc.file, line, col)

    def at_rubric(self, text: str, path: tuple) -> Step:
        line, col = self.rubric.doc.locate(path)
        return Step(text, self.rubric.doc.file, line, col)

    # ---- what is asked ------------------------------------------------------------------

    def explain(self, ident: str) -> list[Explanation]:
        ident = ident.strip()
        score = re.fullmatch(r"scores\.([^.]+)(\.score)?", ident)
        if score and score.group(1) in self.rubric.by_id:
            ident = score.group(1)
        if ident in self.rubric.by_id:
            return [self.indicator(self.rubric.by_id[ident])]
        if ident in _TOTAL:
            return [self.total()]
        if ident in _GRADE or ident in {g for g, _ in self.rubric.grades}:
            return [self.grade()]
        if "." in ident and re.fullmatch(r"[a-z_]+(\.[a-z_0-9]+)+", ident):
            value = self.view.value(ident)
            if value is not None or self.report.get(ident) is not None and not isinstance(
                    self.report.get(ident), (str, list)):
                return [self.fact(ident)]
        if re.fullmatch(r"[a-z_]+(\.[A-Za-z_0-9]+)*", ident):
            texts = self.texts(lambda path, text: ".".join(map(str, path)).startswith(ident))
            if texts:
                return texts
        return self.figure(ident) or self.texts(lambda path, text: len(ident) >= 2 and ident in text)

    # ---- a text: how its figures were read ------------------------------------------------

    def texts(self, wanted) -> list[Explanation]:
        from ..checks.prose import Checker, _table_units, read_texts
        from ..derive.claims.grammar import RELATIONS
        from ..model.findings import Findings
        voc = self.loaded.vocabulary
        all_texts = list(read_texts(self.report, voc))
        scratch = Findings()
        checker = Checker(self.report, self.view, _table_units(self.report, self.doc, self.view, all_texts, scratch),
                          self.doc, scratch)
        checker.scores = self.derived.scores
        out = []
        for path, text, reading in all_texts:
            if not wanted(path, text) or not (reading.claims or reading.unread or reading.targets):
                continue
            checker.path, checker.text = path, text
            checker.check(reading)
            dotted = ".".join(map(str, path))
            e = Explanation(f"正文 {dotted}", f"读出 {len(reading.claims)} 个说法，{len(reading.unread)} 个数未核对")
            e.steps.append(self.at(f"“{_short(text)}”", path))
            items = [(c.start, self.claim_step(c, checker, RELATIONS, path)) for c in reading.claims]
            items += [(u.figure.start, self.at_text(f"“{u.figure.text}” 未读作说法：{u.why}", path, u.figure.start))
                      for u in reading.unread]
            items += [(m.start, self.at_text(_target_step(text, m), path, m.start)) for m in reading.targets]
            e.steps.extend(step for _, step in sorted(items, key=lambda x: x[0]))
            out.append(e)
        return out

    def at_text(self, text: str, path: tuple, offset: int) -> Step:
        line, col = self.doc.locate(path, offset=offset)
        return Step(text, self.doc.file, line, col)

    def claim_step(self, c, checker, relations, path) -> Step:
        what = relations.get(c.kind, c.kind)
        if c.saving:
            what = "节约或超支额（预算与决算之差）" if c.kind == "change" else "节约率"
        elif c.kind == "difference" and c.as_change:
            what = "增减额（与写明的基数之差）"
        elif c.kind == "share" and checker.of_own_budget(c):
            what = "执行率（占自己的预算）"
        figure = f"“{c.figure.text}”" if c.figure is not None else ""
        subject = ""
        if c.fact:
            subject = checker._label(c.fact, c.column if c.kind in ("level", "prior") else None)
            if c.inferred:
                subject += "（没有称呼：按“其中”所列各项所属的一方）"
            elif c.guarded:
                subject += f"（称呼“{c.label}”：它的金额与这一项的数相符，才认作这一项）"
            elif c.label:
                subject += f"（称呼“{c.label}”）"
            if c.in_budget:
                subject += "（全文说的是预算，没有说本年预算已调整、执行、决算：读作年初预算）"
            if c.at_most:
                subject += "（说的是其中一部分：只核对不超过它）"
            if c.at_least:
                subject += "（计划购置的全部车辆，不论资金来源：只核对不少于它）"
            if c.alts and c.kind in ("level", "prior", "change"):
                # the other facts the same words may mean: either agreeing is no contradiction
                subject += "，也可能是" + "、".join(checker._label(a, None) for a in c.alts)
        elif c.label:
            subject = c.label             # no fact of the file: what the claim is checked against
        describe = _DESCRIBE.get(c.kind)
        if describe is not None:
            subject, figure = describe(c, checker, subject, figure)
        verdict = checker.verdicts.get(id(c), "未核对")
        return self.at_text(f"{figure} {what}：{subject} → {verdict}".strip(), path, c.start)

    def indicator(self, node) -> Explanation:
        scores = self.derived.scores
        kind = f"{LEVELS[node.level - 1] if node.level <= 9 else node.level}级指标"
        value = scores.derived.get(node.id)
        e = Explanation(f"{node.id} {node.name}（{kind}，满分 {fmt(node.points)} 分）",
                        f"{fmt(value)} 分" if value is not None else "（无）")
        if node.children:
            parts = " + ".join(fmt(scores.derived.get(c.id, Decimal(0))) for c in node.children)
            e.steps.append(Step(f"得分 = 下级指标得分之和 = {parts} = {fmt(value)}"))
            for c in node.children:
                e.steps.append(self.at(f"{c.id} {c.name}：{fmt(scores.derived.get(c.id, Decimal(0)))} 分",
                                       ("scores", c.id, "score")))
        else:
            rule = node.rule_kind
            e.steps.append(self.at_rubric(f"计分规则：{rule.zh}", node.path))
            exp = scores.expected.get(node.id)
            if exp is not None:
                e.steps.append(Step(f"按规则：{exp.how}"))
                for source in exp.sources:
                    e.steps.extend(self.source(source))
            stated = scores.stated.get(node.id)
            if stated is not None:
                note = ""
                if exp is not None and exp.score is not None and stated != exp.score:
                    note = f"，与按规则算出的 {fmt(exp.score)} 不同"
                e.steps.append(self.at(f"自评写明的得分：{fmt(stated)}{note}", ("scores", node.id, "score")))
            elif node.id in scores.missing:
                e.steps.append(self.at("自评没有写得分，按 0 分计", ("scores", node.id)))
        if node.parent is not None:
            e.steps.append(Step(f"计入上级 {node.parent.id} {node.parent.name}"))
        return e

    def total(self) -> Explanation:
        """自评总分: the top-level indicators' scores added up, and the total written, if any."""
        scores = self.derived.scores
        e = Explanation(f"自评总分（满分 {fmt(self.rubric.points)} 分）", f"{fmt(scores.total)} 分")
        parts = " + ".join(fmt(scores.derived.get(r.id, Decimal(0))) for r in self.rubric.roots)
        e.steps.append(Step(f"= 各一级指标得分之和 = {parts} = {fmt(scores.total)}"))
        for r in self.rubric.roots:
            text = f"{r.id} {r.name}：{fmt(scores.derived.get(r.id, Decimal(0)))} 分（满分 {fmt(r.points)}）"
            # a written score is shown where it is; a derived one by how it adds up (explain its id)
            e.steps.append(self.at(text, ("scores", r.id)) if r.id in self.report.scores
                           else Step(f"{text}，由下级指标相加（运行 mkreport explain 文件 {r.id} 查看）"))
        conclusion = self.report.conclusion
        if conclusion is not None and conclusion.total is not None:
            same = "，与算出的一致" if conclusion.total == scores.total else f"，与算出的 {fmt(scores.total)} 不同"
            e.steps.append(self.at(f"结论中写明的总分：{fmt(conclusion.total)}{same}", ("conclusion", "total")))
        return e

    def grade(self) -> Explanation:
        """绩效等级: the total against the rubric's bands, on the rubric's own scale."""
        scores = self.derived.scores
        e = Explanation("绩效等级", scores.grade or "（无）")
        where = ("grades",) if self.rubric.model.grades else ()
        bands = f"评分体系的等级划分：{self.rubric.band_text()}" + ("" if where else "（默认，按总分的百分比）")
        e.steps.append(self.at_rubric(bands, where) if where else Step(bands))
        e.steps.append(Step(f"自评总分 {fmt(scores.total)} 分 → {scores.grade}（运行 mkreport explain 文件 总分 查看总分的算法）"))
        conclusion = self.report.conclusion
        if conclusion is not None and conclusion.grade:
            same = "，与算出的一致" if conclusion.grade == scores.grade else f"，与算出的“{scores.grade}”不同"
            e.steps.append(self.at(f"结论中写明的等级：{conclusion.grade}{same}", ("conclusion", "grade")))
        return e

    def source(self, source) -> list[Step]:
        """The inputs a rule read: the targets, a fact, a stated measure."""
        if source == "targets":
            out = []
            for i, (t, (status, _)) in enumerate(zip(self.report.targets, self.derived.statuses)):
                actual = f"完成值 {t.actual}" if t.actual is not None else "没有完成值"
                out.append(self.at(f"目标 {i + 1} {t.name}：目标值 {t.target}，{actual} → {status or '无法判断'}",
                                   ("targets", i)))
            return out
        if isinstance(source, tuple):
            return [self.at("自评中写明的指标值", source)]
        value = self.view.value(source)
        unit = "" if value is None else "人" if source.startswith("department.") else self.view.unit(source)
        if self.view.stated(source) is None and value is not None:
            return [Step(f"{self.label(source)}：{fmt(value)}{unit}（未填写，由各项相加；运行 mkreport explain 文件 "
                         f"{source} 查看）")]
        return [self.at(f"{self.label(source)}：{fmt(value)}{unit}", tuple(source.split(".")))]

    def label(self, path: str) -> str:
        from ..model.facts import fact_label
        return f"{fact_label(path, self.report)}（{path}）"

    def fact(self, path: str) -> Explanation:
        value = self.view.value(path)
        unit = self.view.unit(path) if isinstance(value, Decimal) else ""
        e = Explanation(self.label(path), f"{fmt(value)}{unit}" if value is not None else str(self.report.get(path)))
        if self.view.stated(path) is not None or not isinstance(self.report.get(path), (Decimal, type(None))):
            e.steps.append(self.at("写在事实文件中", tuple(path.split("."))))
            return e
        if path.endswith(".change"):
            base = path[: -len(".change")]
            e.steps.append(Step(f"= 决算数 − 上年决算数 = {fmt(self.view.value(base + '.final'))} − "
                                f"{fmt(self.view.value(base + '.prior'))}"))
            for p in (base + ".final", base + ".prior"):
                e.steps.append(self.at(f"{self.label(p)}：{fmt(self.view.value(p))}", tuple(p.split("."))))
            return e
        parts = self.view.parts(path)
        if parts:
            e.steps.append(Step("= " + " + ".join(fmt(v) for _, v in parts) + f" = {fmt(value)}（由各项相加，事实文件中没有写）"))
            for p, v in parts:
                e.steps.append(self.at(f"{self.label(p)}：{fmt(v)}", tuple(p.split("."))))
        return e

    # ---- a figure as printed --------------------------------------------------------------

    def figure(self, text: str) -> list[Explanation]:
        q = parse_quantity(text.replace("％", "%"))
        if q is None:
            return []
        out: list[Explanation] = []
        if q.unit in ("", "分"):
            if self.derived.scores.total is not None and _same(self.derived.scores.total, q.value):
                out.append(self.total())
            for node in self.rubric.walk():
                v = self.derived.scores.derived.get(node.id)
                if v is not None and _same(v, q.value):
                    out.append(self.indicator(node))
        if q.unit in ("%", ""):
            s = self.derived.targets
            if s.rate is not None and _same(s.rate, q.value):
                e = Explanation("整体绩效目标完成率", f"{fmt(s.rate, 2)}%")
                e.steps.append(Step(f"= 已完成目标数 {s.achieved} ÷ 目标总数 {s.total} × 100%"))
                e.steps.extend(self.source("targets"))
                out.append(e)
            for node_id, exp in self.derived.scores.expected.items():
                if exp.sources == ("targets",) and out and out[-1].subject == "整体绩效目标完成率":
                    continue            # the targets' rate, explained just above
                if exp.measure is not None and _same(exp.measure, q.value):
                    node = self.rubric.by_id[node_id]
                    e = Explanation(f"{node.id} {node.name} 的指标值", f"{fmt(exp.measure, 2)}%")
                    e.steps.append(Step(f"{exp.how}"))
                    for source in exp.sources:
                        e.steps.extend(self.source(source))
                    out.append(e)
        if q.unit == "%":
            out += self.rates(q.value)
        if q.unit not in ("%", "分"):
            for path in self.fact_paths():
                v = self.view.value(path)
                if v is None:
                    continue
                value = _in_unit(q, self.view.unit(path))
                if value is not None and _same(v, value):
                    out.append(self.fact(path))
        return out

    def rates(self, written: Decimal) -> list[Explanation]:
        """A printed percentage computed from two facts: a change on last year, an execution rate
        (决算 ÷ 调整预算 or 年初预算), a line's share of its total."""
        from ..derive.values import SUMS
        from ..model.facts import AMOUNT_PATHS
        out = []

        def rate(name: str, top: str, bottom: str, minus: bool = False) -> None:
            a, b = self.view.value(top), self.view.value(bottom)
            if a is None or not b:
                return
            value = ((a - b) if minus else a) / b * 100
            # a change is printed without its sign after 增长/下降: 下降5.37% is −5.37 %
            if not (_same(value, written) or minus and written > 0 and _same(-value, written)):
                return
            e = Explanation(name, f"{fmt(value, 2)}%")
            formula = f"({fmt(a)} − {fmt(b)}) ÷ {fmt(b)}" if minus else f"{fmt(a)} ÷ {fmt(b)}"
            e.steps.append(Step(f"= {formula} × 100% = {fmt(value, 2)}%"))
            for p in dict.fromkeys((top, bottom)):
                e.steps.append(self.fact_step(p))
            out.append(e)

        for path in sorted(AMOUNT_PATHS):
            label = self.label(path).split("（")[0]
            rate(f"{label} 较上年增减率", f"{path}.final", f"{path}.prior", minus=True)
            rate(f"{label} 较年初预算增减率", f"{path}.final", f"{path}.budget", minus=True)
            rate(f"{label} 较调整预算增减率", f"{path}.final", f"{path}.adjusted", minus=True)
            rate(f"{label} 预算执行率（决算数 ÷ 调整预算数）", f"{path}.final", f"{path}.adjusted")
            rate(f"{label} 预算完成率（决算数 ÷ 年初预算数）", f"{path}.final", f"{path}.budget")
        for total, parts in SUMS.items():
            for part in parts:
                rate(f"{self.label(part).split('（')[0]} 占 {self.label(total).split('（')[0]} 的比重", part, total)
        return out

    def fact_step(self, path: str) -> Step:
        text = f"{self.label(path)}：{fmt(self.view.value(path))}"
        if self.view.stated(path) is not None:
            return self.at(text, tuple(path.split(".")))
        return Step(f"{text}（未填写，由各项相加；运行 mkreport explain 文件 {path} 查看）")

    def fact_paths(self) -> list[str]:
        from ..derive.values import SUMS
        from ..model.facts import AMOUNT_PATHS, COLUMNS
        paths = [f"{p}.{c}" for p in sorted(AMOUNT_PATHS) for c in COLUMNS]
        paths += [p for p in SUMS if p not in paths]
        for parts in SUMS.values():
            paths += [p for p in parts if p not in paths]
        return paths


# How explain words each kind of claim after its fact: (claim, checker, subject, figure) → (subject, figure).

def _base(c) -> str:
    if c.final_base:
        return "上年决算（本年预算与写明的上年决算比较）" if c.budget_base else "上年决算"
    if c.against == "prior_budget":
        return f"上年预算（本年{'预算' if c.budget_base else '决算'}与写明的上年预算比较）"
    if c.budget_base:
        return "上年（本年预算与上年比较：上年的预算数或决算数）"
    return {"prior": "上年", "budget": "年初预算", "adjusted": "调整预算",
            "plan": "预算（年初预算或调整预算）"}.get(c.against or "", "")


def _compared(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if c.fact:
        subject += f"，比较的基数：{_base(c) or '未写明（上年、年初预算、调整预算中任一相符即可）'}"
    return subject, figure


def _rate(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if not c.fact and c.of is not None and c.change is not None:
        return f"“{c.of.figure.text}”及其增减额“{c.change.figure.text}”（同一句写明的数）", figure
    return _compared(c, checker, subject, figure)


def _difference(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if not c.fact and c.other is not None and all(o.figure is not None for o in c.other):
        return "“" + "”与“".join(o.figure.text for o in c.other) + "”之差", figure
    if c.other is not None and c.other[0].figure is not None and c.other[1].figure is None:
        # "项目支出达2473.85万元，比基本支出多出…": the amount written and another fact of the file
        return f"“{c.other[0].figure.text}”与{checker._label(c.other[1].fact, c.other[1].column)}之差", figure
    return _compared(c, checker, subject, figure)


def _execution(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if c.other is not None:
        return f"“{c.other[1].figure.text}” ÷ “{c.other[0].figure.text}”（同一句写明的两个数）", figure
    column = {"budget": "年初预算", "adjusted": "调整预算"}.get(c.column or "", "")
    if (c.fact or "").startswith("department.staffing"):
        return subject + "，基数：核定编制（实有在职人员 ÷ 核定编制）", figure
    return subject + f"，基数：{_base(c) or column or '调整预算或年初预算'}", figure


def _share(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if not subject and c.of is not None and c.of.figure is not None:
        subject = f"“{c.of.figure.text}”（前面写明的数）"
    also = "、".join(checker._label(w, None) for w in c.whole_alts)
    whole = checker._label(c.whole, None) if c.whole else f"前面写明的“{c.whole_from.figure.text}”（一连串占比的各项之和）" \
        if c.summed_whole and c.whole_from is not None and c.whole_from.figure is not None \
        else f"所列各项之和 {fmt(c.series_sum[0])}万元（一连串占比，除至多一项外都是各项占这个和的比例）" \
        if c.series_sum is not None else "“其中”前的总数"
    return subject + f"，总数：{whole}" \
        + (f"（也可能是{also}）" if also else ""), figure


def _compare(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if c.other is None or c.other.figure is None:
        return subject, figure
    op = {"<": "小于", ">": "大于", "=": "等于"}[c.op]
    return f"“{c.other.figure.text}” {op} " + (checker._label(c.fact, c.column) if c.fact else f"“{c.figure.text}”"), ""


def _sum(c, checker, subject: str, figure: str) -> tuple[str, str]:
    if c.changes:
        # (a change's parts: each with its direction, "减少18.62万元 + 增加27.35万元")
        return f"{len(c.parts)} 项的增减：" + " + ".join(("增加" if p.value >= 0 else "减少") + p.figure.text
                                                    for p in c.parts if p.figure is not None), figure
    return f"{len(c.parts)} 项：" + " + ".join(p.figure.text for p in c.parts if p.figure is not None), figure


def _formula(c, checker, subject: str, figure: str) -> tuple[str, str]:
    """"…=44÷45×100%=97.78%": what the formula computes (its name, if written) and the expression."""
    return f"{subject or '（没写算的是什么）'}，算式 {c.expression}", figure


def _named(c, checker, subject: str, figure: str) -> tuple[str, str]:
    """"内设14个机构，分别是…": the names the count is of (or the items, each with its amount)."""
    from ..derive.claims.named import PRICED
    return f"{'列出的各项' if c.label == PRICED else '列出的名称'} {len(c.other)} 个", figure


_DESCRIBE = {"change": _compared, "flat": _compared, "rate": _rate, "difference": _difference,
             "execution": _execution, "share": _share, "compare": _compare, "sum": _sum, "formula": _formula,
             "named": _named}

_TOTAL = {"总分", "自评总分", "conclusion.total", "total"}
_GRADE = {"等级", "绩效等级", "评价等级", "conclusion.grade", "grade"}


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[:n] + "…"


def _in_unit(q, unit: str) -> Decimal | None:
    """A printed amount in the unit a fact is kept in (7532.81万元 → 75328100 when kept in 元)."""
    from ..core.numbers import MONEY_UNITS
    if not q.unit:
        return q.value
    if q.unit in MONEY_UNITS and unit in MONEY_UNITS:
        return q.value * MONEY_UNITS[q.unit] / MONEY_UNITS[unit]
    return None


def _same(value: Decimal, written: Decimal) -> bool:
    """A value and a figure as printed: equal at the figure's precision (2.60 is 2.6, 86.67% is 86.666…)."""
    exp = written.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    return round_to(value, places) == written


# ---- the command's work: check the file, explain what is asked, say it -----------------------

@dataclass
class ExplainResult:
    """What `explain` came to: the exit code, the explanations (none: nothing by that name), the
    findings that stopped it when the file cannot be derived (derived False), and the lines said."""

    said: Said
    code: int = 0
    explanations: list[Explanation] = field(default_factory=list)
    derived: bool = False
    findings: list = field(default_factory=list)


def explain(facts: str, ident: str, fmt: str = "text", listener: Listener | None = None) -> ExplainResult:
    """Explain `ident` in the facts file `facts`; `fmt` is the form of the lines said (text or json)."""
    import json
    from pathlib import Path

    from ..core.console import shown
    from ..core.errors import ExitCode
    from ..model.findings import render_text, visible
    from ..pipeline import check
    from .said import stopped

    said = Said(listener)
    out = ExplainResult(said)
    said.step(f"检查 {shown(facts)}，推算各项的值。")
    result = check(Path(facts), facts)
    if result.derived is None:
        out.findings = visible(result.findings.sorted())
        if out.findings:
            said.out(render_text(out.findings))
        said.err(stopped("事实文件或评分体系有错误，无法推算；请先改正上面的错误。", facts))
        out.code = ExitCode.USAGE
        return out
    out.derived = True
    said.step(f"查找“{shown(ident)}”：指标编号、事实路径、报告中印出的数、正文。")
    out.explanations = Explainer(result).explain(ident)
    if fmt == "json":
        said.out(json.dumps({"input": facts, "query": ident, "explanations": [e.as_json() for e in out.explanations]},
                            ensure_ascii=False, indent=2))
    else:
        for e in out.explanations:
            said.out(e.text())
    if not out.explanations:
        said.err(f"在 {shown(facts)} 中找不到“{shown(ident)}”：请写指标编号（如 C22）、事实路径（如 finance.income.total.final）"
                 "、报告中印出的数（如 2.6、86.67%、7532.81万元），或一段文字的路径（如 scores.C1.text）或其中的几个字。")
        out.code = ExitCode.FINDINGS
    return out


def _target_step(text: str, m) -> str:
    """How a target's name in the text was read: whether the figure after it is checked against the target table."""
    name = text[m.start:m.end]
    if m.why:
        return f"绩效目标“{name}”：其后的数不核对：{m.why}"
    return f"绩效目标“{name}”：其后紧接的数按绩效目标表的目标值、完成值核对（PROSE-TARGET）"
