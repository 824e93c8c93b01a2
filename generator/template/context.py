"""The template context: loaded facts and derived values shaped as the contract says, no wording.

Templates decide every sentence; here we only gather values (stated where written, derived
otherwise), normalise narrative into paragraphs, and expand the {{ path }} references users may
write in their own text. Every value remembers the facts it shows (`Slots`), so a render can tell
which of the facts a user filled reached the report (report_template.py).
"""
from __future__ import annotations

from ..core.numbers import fmt
from ..model.facts import COLUMNS, Block
from ..model.rubric import Node as RubricNode
from ..model.schema import Model
from .references import expand

RUBRIC = "@rubric"      # first part of a source path that points into the rubric, not the facts


class Slots:
    """A value with named parts, as templates see it (`dept.name`, `r.final_text`), remembering
    for each part the paths of the facts it shows: the first is the fact the part stands for,
    the rest are the facts it was computed from."""

    __slots__ = ("_values", "_sources")

    def __init__(self, values: dict, sources: dict | None = None):
        self._values = values
        self._sources = sources or {}

    def __getattr__(self, name: str):
        if name.startswith("_"):       # our own slots, before they are set (copy, pickle)
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str):
        return self._values[name]

    def __str__(self) -> str:       # never Python object text in a report (check forbids printing it)
        return ""

    def __repr__(self) -> str:
        return f"Slots({self._values!r})"


# While a trial render runs (report_template.py), a callback that records the sources of what it reads.
READS: list = []


class Lines(list):
    """Paragraphs of one field (a list of texts): iterating them means printing them, so a trial
    render records the field as read only then, not when a template merely tests `{% if x %}`."""

    __slots__ = ("_source",)

    def __init__(self, items=(), source: tuple = ()):
        super().__init__(items)
        self._source = source

    def __iter__(self):
        if READS and self._source:
            READS[-1]((self._source,))
        return super().__iter__()


def _path(dotted: str) -> tuple:
    return tuple(dotted.split("."))


class Builder:
    """Builds the context of one report from its loaded facts and derived values."""

    def __init__(self, loaded, derived, renumber: frozenset = frozenset()):
        self.report, self.rubric = loaded.report, loaded.rubric
        self.view, self.scores = derived.view, derived.scores
        self.derived = derived
        # texts (by path) the template numbers and the user numbered too: built without the typed
        # numbers, a numbered string as its items (outline.py; found by checks/template.py)
        self.renumber = renumber

    # -- narrative --------------------------------------------------------------------------

    def paras(self, items, path: tuple, start: int = 0) -> list:
        """Prose (texts and headed blocks) as a list of Para; `start` is the index of the first item
        in its field, so each Para knows where it was written."""
        out = []
        for i, item in enumerate(items or [], start):
            where = path + (i,)
            if isinstance(item, Block):
                # the block's own paragraphs are the texts before its first sub-block; a text after a
                # sub-block is one more sub-item in its place ("27.职能转变" has (1) (2) and then (3))
                lead = next((k for k, t in enumerate(item.text) if isinstance(t, Block)), len(item.text))
                texts = [self.expand(self._unnumbered(t, where + ("text", k))) for k, t in enumerate(item.text[:lead])
                         if isinstance(t, str)]        # all are: `lead` is the first Block
                subs = self.paras(item.text[lead:], where + ("text",), lead)
                out.append(self.para(self._unnumbered(item.title or "", where + ("title",)), texts, subs, where))
            elif where in self.renumber:
                from .outline import split
                out += [self.para("", [self.expand(piece)], [], where) for piece in split(item)]
            else:
                out.append(self.para("", [self.expand(item)], [], where))
        return out

    def _unnumbered(self, text: str, where: tuple) -> str:
        if where not in self.renumber:
            return text
        from .outline import strip
        return strip(text)

    @staticmethod
    def para(title: str, texts: list, children: list, where: tuple) -> Slots:
        values = {"title": title, "paras": texts, "first": texts[0] if texts else "", "rest": texts[1:],
                  "children": children}
        return Slots(values, {k: (where,) for k in values})

    def lines(self, items, path: tuple) -> list:
        """Prose as plain paragraphs: each block's title, then its texts."""
        out = Lines(source=path)
        for p in self.paras(items, path):
            out += ([p.title] if p.title else []) + p.paras
        return out

    def expand(self, text: str) -> str:
        return expand(text, self.report, self.view)

    # -- values -----------------------------------------------------------------------------

    def amounts(self, dotted: str) -> Slots:
        values, sources = {}, {}
        for col in COLUMNS:
            p = f"{dotted}.{col}"
            values[col] = self.view.value(p)
            sources[col] = (_path(p),)
        return Slots(values, sources)

    def model(self, obj: Model | None, model: type[Model], path: tuple) -> Slots | None:
        """A section of the facts as written (staffing, assets …), field for field."""
        if obj is None:
            return None
        values, sources = {}, {}
        for name in model.fields:
            v = getattr(obj, name)
            if isinstance(v, Model):
                v = self.model(v, type(v), path + (name,))
            elif isinstance(v, list):
                v = Lines([self.model(x, type(x), path + (name, i)) if isinstance(x, Model) else x
                           for i, x in enumerate(v)], path + (name,))
            values[name] = v
            if not isinstance(v, Slots):     # a part with parts records its own, finer reads
                sources[name] = (path + (name,),)
        return Slots(values, sources)

    def build(self) -> dict:
        report = self.report
        dept = report.department
        fin = report.finance
        from ..model.facts import Assets, Document, Economic, Expenditure, Income, Staffing

        def section(model, dotted):
            return Slots({k: self.amounts(f"{dotted}.{k}") for k in model.fields})

        summary = self.derived.targets
        top = {
            "year": report.year,
            "title": report.title,
            "report_date": report.report_date,
            "dept": Slots({"name": dept.name, "short": dept.short_name or "本部门", "kind": dept.kind,
                           "rank": dept.rank, "plaques": Lines(dept.plaques, ("department", "plaques")),
                           "overview": self.lines(dept.overview, ("department", "overview"))},
                          {"name": (("department", "name"),), "short": (("department", "short_name"),),
                           "kind": (("department", "kind"),), "rank": (("department", "rank"),),
                           "plaques": (("department", "plaques"),), "overview": (("department", "overview"),)}),
            "duties": Slots({"intro": self.lines(dept.duties.intro, ("department", "duties", "intro"))
                             if dept.duties else [],
                             "entries": self.paras(dept.duties.items, ("department", "duties", "items"))
                             if dept.duties else []},
                            {"intro": (("department", "duties", "intro"),),
                             "entries": (("department", "duties", "items"),)}),
            "units": Lines(dept.units, ("department", "units")),
            "staffing": self.model(dept.staffing, Staffing, ("department", "staffing")),
            "basis": self.model(report.basis, Document, ("basis",)),
            "work": Slots({"intro": self.lines(report.work.intro, ("work", "intro")) if report.work else [],
                           "entries": self.paras(report.work.items, ("work", "items")) if report.work else [],
                           "closing": self.lines(report.work.closing, ("work", "closing")) if report.work else []},
                          {k: (("work", src),) for k, src in (("intro", "intro"), ("entries", "items"),
                                                               ("closing", "closing"))}),
            "finance": Slots({
                "unit": (fin.unit if fin and fin.unit else "万元"),
                "narrative": self.lines(fin.narrative, ("finance", "narrative")) if fin else [],
                "income": section(Income, "finance.income"),
                "expenditure": section(Expenditure, "finance.expenditure"),
                "economic": self.model(fin.economic if fin else None, Economic, ("finance", "economic")),
                "three_public": self.amounts("finance.three_public"),
                "rows": self.budget_rows(),
            }, {"unit": (("finance", "unit"),), "narrative": (("finance", "narrative"),),
                **({} if fin and fin.economic else {"economic": (("finance", "economic"),)})}),
            "assets": self.model(report.assets, Assets, ("assets",)),
            "targets_intro": self.lines(report.targets_intro, ("targets_intro",)),
            "targets": self.targets(),
            "targets_summary": Slots({"total": summary.total, "achieved": summary.achieved, "rate": summary.rate},
                                     {k: (("targets",),) for k in ("total", "achieved", "rate")}),
            "analysis": [self.indicator(r) for r in self.rubric.roots],
            "score_table": self.score_table(),
            "total": self.scores.total,
            "points_total": self.rubric.points,
            "grade": self.scores.grade,
            "conclusion": self.lines(report.conclusion.text, ("conclusion", "text")) if report.conclusion else [],
            # sections a bureau's template may require (`required`): each knows the field it shows
            "problems": Lines(self.paras(report.problems, ("problems",)), ("problems",)),
            "measures": Lines(self.paras(report.measures, ("measures",)), ("measures",)),
            "rectification": Lines(self.paras(report.rectification, ("rectification",)), ("rectification",)),
            "results_use": Lines(self.paras(report.results_use, ("results_use",)), ("results_use",)),
            "other_notes": self.lines(report.other_notes, ("other_notes",)),
        }
        top["finance"]._values["has_table"] = any(r.final is not None or r.budget is not None
                                                  for r in top["finance"].rows)
        return top

    def top_sources(self) -> dict:
        """What each top-level name shows, for those that are not Slots themselves."""
        scored = [self.score_sources(n) for n in self.rubric.walk()]
        return {
            "year": (("year",),), "title": (("title",),), "report_date": (("report_date",),),
            "units": (("department", "units"),), "targets_intro": (("targets_intro",),),
            "targets": (("targets",),), "conclusion": (("conclusion", "text"),),
            "problems": (("problems",),), "measures": (("measures",),), "rectification": (("rectification",),),
            "results_use": (("results_use",),), "other_notes": (("other_notes",),),
            "total": (("conclusion", "total"),) + tuple(p for s in scored for p in s),
            "grade": (("conclusion", "grade"),), "staffing": (("department", "staffing"),),
            "basis": (("basis",),), "assets": (("assets",),),
        }

    # -- scores -----------------------------------------------------------------------------

    def score_sources(self, node) -> tuple:
        """The facts an indicator's score shows: the stated score, or what its rule read."""
        out = [("scores", node.id, "score")]
        exp = self.scores.expected.get(node.id)
        if exp is not None:
            out += [s if isinstance(s, tuple) else _path(s) for s in exp.sources]
        measure = self.scores.measures.get(node.id)
        if measure is not None:      # a score judged on a measure shows the figures it is made of
            out += [_path(s) for s in measure.sources]
        return tuple(out)

    def indicator(self, node) -> Slots:
        entry = self.report.scores.get(node.id)
        base = ("scores", node.id)
        text = self.paras(entry.text, base + ("text",)) if entry else []
        exp = self.scores.expected.get(node.id)
        headless = bool(text) and not text[0].title
        values = {
            "id": node.id, "name": node.name, "points": node.points, "level": node.level,
            "table": node.ind.table or "",
            "score": self.scores.derived.get(node.id), "rule": node.rule,
            "expected": exp.how if exp and exp.score is not None else "",
            "rate": exp.measure if exp else None,
            "measure_name": node.ind.measure.name if node.ind.measure else "",
            "lost": node.points - self.scores.derived.get(node.id, node.points),
            "text": text, "first": text[0].first if headless else "",
            "rest": text[1:] if headless else text,
            "reason": self.lines(entry.reason, base + ("reason",)) if entry else [],
            "verdict": self.verdict(node),
            "children": [self.indicator(c) for c in node.children],
        }
        sources: dict[str, tuple] = {k: (base + ("text",),) for k in ("text", "first", "rest")}
        sources["reason"] = (base + ("reason",),)
        sources["score"] = self.score_sources(node)
        sources["rate"] = sources["score"][1:]
        if node.ind.table:
            sources["table"] = ((RUBRIC,) + node.path + ("table",),)
        return Slots(values, sources)

    def verdict(self, node) -> Slots:
        """How the report words this indicator's score (scoring.py): its rule's figures and the
        facts' own reason, each part remembering the facts it shows."""
        from ..derive.scoring import verdict_values

        entry = self.report.scores.get(node.id)
        base = ("scores", node.id)
        reasons = list(self.lines(entry.reason, base + ("reason",))) if entry else []
        exp = self.scores.expected.get(node.id) if node.is_leaf else None
        said = "".join(self.lines(entry.text, base + ("text",))) if entry and entry.text else ""
        values = verdict_values(node, self.scores.derived.get(node.id, node.points), exp, reasons, self.report, said)
        values["compared"] = [Slots(c) for c in values["compared"]]
        shown = self.score_sources(node)
        sources = {k: shown for k in ("score", "lost", "rate", "limit", "total", "achieved", "unmet", "compared")}
        if values["case"] == "lost_reason":     # the facts' reason is said only for points lost
            sources["reason"] = (base + ("reason",),)
        return Slots(values, sources)

    def score_table(self) -> list:
        rows = []
        for leaf in self.rubric.walk():
            if not leaf.is_leaf:
                continue
            chain: list[RubricNode] = []
            n: RubricNode | None = leaf
            while n is not None:
                chain.insert(0, n)
                n = n.parent
            entry = self.report.scores.get(leaf.id)
            exp = self.scores.expected.get(leaf.id)
            # the table has three name columns: a fourth level and deeper goes with the third
            values = {"l1": chain[0].name, "l2": chain[1].name if len(chain) > 1 else "",
                      "l3": "—".join(n.name for n in chain[2:]), "points": leaf.points,
                      "score": self.scores.derived.get(leaf.id),
                      "reason": "；".join(self.lines(entry.reason, ("scores", leaf.id, "reason"))) if entry else "",
                      "rule": leaf.rule, "rate": exp.measure if exp else None,
                      "expected": exp.how if exp and exp.score is not None else "",
                      "measure_name": leaf.ind.measure.name if leaf.ind.measure else "",
                      "lost": leaf.points - self.scores.derived.get(leaf.id, leaf.points),
                      "verdict": self.verdict(leaf)}
            rows.append(Slots(values, {"score": self.score_sources(leaf), "rate": self.score_sources(leaf)[1:],
                                       "reason": (("scores", leaf.id, "reason"),)}))
        last1 = last2 = None
        for row in rows:
            show1 = row.l1 != last1
            show2 = row.l2 != last2 or show1
            last1, last2 = row.l1, row.l2
            row._values["l1_shown"] = row.l1 if show1 else ""
            row._values["l2_shown"] = row.l2 if show2 else ""
            # how the printed table merges the group's cells: a group starts, or the cell above goes on
            row._values["l1_merge"] = "restart" if show1 else "continue"
            row._values["l2_merge"] = "restart" if show2 or not row.l2 else "continue"
        return rows

    # -- tables -----------------------------------------------------------------------------

    def targets(self) -> list:
        out = []
        for i, (t, (status, _)) in enumerate(zip(self.report.targets, self.derived.statuses)):
            base = ("targets", i)
            out.append(Slots({"no": i + 1, "name": t.name, "target": str(t.target), "actual": str(t.actual or ""),
                              "status": status or "", "direction": t.direction or ">="},
                             {"name": (base + ("name",),), "target": (base + ("target",),),
                              "actual": (base + ("actual",),),
                              "status": (base + ("status",), base + ("actual",), base + ("direction",)),
                              "direction": (base + ("direction",),)}))
        return out

    def budget_rows(self) -> list:
        """The expenditure table: by nature, with the economic classification inserted before
        本年支出合计 when the facts have it (a single 决算 figure per row)."""
        rows = []

        def row(label: str, dotted: str, strong: bool, single: bool = False) -> None:
            values, sources = {"label": label, "strong": strong}, {}
            for col in ("budget", "adjusted", "final"):
                p = (dotted if col == "final" else None) if single else f"{dotted}.{col}"
                v = self.view.value(p) if p else None
                # one column, one number of decimals: 653.6, 695.60 and 42 are printed 653.60, 695.60, 42.00
                values[col], values[col + "_text"] = v, "" if v is None else fmt(v, self.view.decimals)
                if p:
                    sources[col] = sources[col + "_text"] = (_path(p),)
            rows.append(Slots(values, sources))

        economic = self.report.finance is not None and self.report.finance.economic is not None
        for label, dotted, strong in _ROWS:
            if label == "本年支出合计" and economic:
                row("经济分类支出合计", "finance.economic.total", True, single=True)
                for elabel, key in _ECONOMIC:
                    row(elabel, f"finance.economic.{key}", False, single=True)
            if dotted in _ONLY_WITH_FIGURES and self.report.get(dotted) is None:
                continue        # (a line few departments have: printed only where the file has it)
            row(label, dotted, strong)
        return rows


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
    ("结余分配", "finance.expenditure.distribution", True),
    ("年末结转和结余", "finance.expenditure.carryover", True),
    ("总计", "finance.expenditure.total", True),
]
_ONLY_WITH_FIGURES = {"finance.expenditure.distribution"}
_ECONOMIC = [("一、工资福利支出", "wages"), ("二、商品和服务支出", "goods_services"),
             ("三、对个人和家庭的补助", "households"), ("四、债务利息及费用支出", "debt_interest"),
             ("五、资本性支出（基本建设）", "capital_construction"), ("六、资本性支出", "capital"),
             ("七、对企业补助（基本建设）", "enterprise_construction"), ("八、对企业补助", "enterprise"),
             ("九、对社会保障基金补助", "social_security"), ("十、其他支出", "other")]


def build_context(loaded, derived) -> dict:
    return Builder(loaded, derived).build()
