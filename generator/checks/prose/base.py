"""What every check of a claim stands on: the facts in the columns a text may mean, the findings, and the sentences read."""
from __future__ import annotations

import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from ...core.numbers import cut_off, decimals, fmt, same_figure
from ...derive.claims import Claim
from ...derive.claims.grammar import BY_SOURCE
from ...derive.claims.nearby import clause_words
from ...derive.claims.parts import PLAIN, source_key
from ...derive.claims.tokens import CURRENCY, MONEY
from ...derive.values import FactView
from ...model.facts import AMOUNT_PATHS, fact_label
from ...model.findings import Findings
from .common import _COLUMN_ZH, _SPENT_NOW, _Alias, _columns, _section


def _cut_off_note(code: str, stated, computed) -> str:
    """"…与写明的 15.86% 不符。" says more when 15.86 is 15.866 cut off, not rounded: the writer's way, named."""
    if code not in ("PROSE-RATE", "PROSE-SHARE", "PROSE-EXECUTION") or stated is None or computed is None:
        return ""
    stated, computed = Decimal(stated), Decimal(computed)
    places = decimals(stated)
    if cut_off(computed, places) != stated:
        return ""
    rounded = abs(computed).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"（{fmt(abs(stated))}% 是截去尾数的结果，按四舍五入应为 {fmt(rounded)}%。）"


# words that set income against spending: the balance after them is their difference
_SET_AGAINST = re.compile("相抵|轧差")
# the department's totals, the year's income and spending either way they are counted (with or without what was
# carried over): no amount of it is larger than the largest of them
WHOLES = ("finance.income.current", "finance.income.total", "finance.expenditure.current", "finance.expenditure.total")

class _Reads:
    """The facts seen through while one text's claims are checked: a figure a printed text is
    checked against (an execution rate's 调整预算数, either column a bare 预算 may mean) is used by
    the report even where no table prints it (TEMPLATE-UNUSED, checks/template.py)."""

    def __init__(self, view: FactView):
        self.paths: set[str]
        self._view, self.paths = view, set()

    def value(self, path: str):
        self.paths.add(path)
        return self._view.value(path)

    def peek(self, path: str):
        """A figure looked at as a bound, not checked against: not a use of the fact."""
        return self._view.value(path)

    def __getattr__(self, name):
        return getattr(self._view, name)


class _Base:
    """The facts, the findings and the sentences every check uses."""

    def __init__(self, report, view: FactView | _Reads, units: dict, doc, found: Findings):
        self.report, self.view, self.units, self.doc, self.found = report, view, units, doc, found
        self.path, self.text = (), ""
        self.reading: Any = None               # the reading being checked (see check)
        self.verdicts: dict[int, str] = {}     # id(claim) → how it was checked (for explain)
        self.rates: dict = {}                  # id(change) → the rate stated with it (budget against last year)
        self.source = ""                       # the source of funds the claim being checked names
        self.wrong_priors: set = set()         # (fact, sentence) of each last year's figure reported wrong (this text)
        self._whole: Decimal | None = None     # the largest of the department's totals (万元), see _beyond_whole
        self.changes_read_as_prior: set = set()  # ids of "上年" figures that are the change (see _change_not_prior)
        self.scores: Any = None                # the derived scores (derive/values.py), for a total score stated

    # ---- facts ------------------------------------------------------------------------------------
    def _begin(self, reading) -> None:
        """What is known of one text before its claims are checked, and what its checks find out as they go."""
        self.reported = 0
        self.claims, self.reading = reading.claims, reading
        self.lists: tuple | None = None         # see _lists
        self.by_sentence: dict[int, list] = {}  # this text's claims by sentence (most questions are of one or two)
        for claim in reading.claims:
            self.by_sentence.setdefault(claim.sentence, []).append(claim)
        # the rate stated with each change of a budget against last year (a claim keeps no link back: no cycles)
        self.rates = {id(c.change): c for c in reading.claims if c.kind == "rate" and c.budget_base and c.change is not None}
        self._prior_shown: bool | None = None       # see prior_shown, asked only of a budget's change or rate
        self._adjusted: bool | None = None          # see _adjusted_in_year
        self._implied_amounts: dict[int, list] = {}   # see _peers_column
        self.numbered_peers: set[int] = set()         # ids of amounts judged among their numbered items' (_numbered_peers)
        self._prior_budgets: dict[tuple, bool] = {}   # see _prior_in_budget
        self._budget_heads: dict[int, list] = {}      # see _budget_head_before
        self._list_of: dict[int, Claim] | None = None  # see _lists_of
        self._list_headed: dict[int, Claim] = {}         # see _lists_of
        self._list_column: dict[int, tuple | None] = {}    # each list's column shown by its amounts (_column_of_its_list)
        self._under: dict[int, set] = {}        # the facts of the items under each head of unsure words (_head_is_ours)
        self._grants: dict[int, Claim | None] = {}     # the grants to households stated in each sentence
        self.wrong_priors = set()
        # the base each change matched, when none was named: its rate is measured on the same one
        self.change_base: dict[int, str] = {}
        self.restated: set[int] = set()         # amounts with no column word that restate a budget (_said_before)
        self.far_amounts: set[int] = set()      # amounts many times their fact's figure: of something else (_level_off)
        self.columns_said: dict | None = None   # the amounts said with a column, by fact and figure (_said_before)
        # sentences with an amount far off its fact: another body's sentence (see far_off), none of it checked
        # (after every cache above is set for this text: telling a far amount asks about the amounts beside it)
        self.far: set = self._far_sentences(reading.claims)

    def _is_figure_of(self, fact: str | None, value: Decimal, unit: str) -> bool:
        """Whether an amount as written is the fact's figure in one of this year's columns (final, budget, adjusted)."""
        return any(v is not None and same_figure(abs(value), v)
                   for v in (self.fact(fact, col, unit, quiet=True) for col in ("final", "budget", "adjusted")))

    def fact(self, fact: str | None, column: str | None, unit: str, quiet: bool = False) -> Decimal | None:
        """A fact's value in `unit`: the column of an amounts row, or a single figure (this year). `quiet`: looked
        at without counting as a use of the fact (see _Reads.peek)."""
        if fact is None or unit in CURRENCY:
            return None
        if self.source and fact.startswith(("finance.income.", "finance.expenditure.")) \
                and fact != f"finance.income.{source_key(self.source)}" and not self._all_from(
                self.source, self._source_split(column)):
            return None             # "一般公共预算基本支出": only the part paid from that source (in that column)
        if fact in BY_SOURCE:
            # 财政拨款支出 (一般公共预算财政拨款支出 …) is 本年支出合计 only when all income came from that source — in
            # that column: last year's split is last year's, not this year's
            if not self._all_from(BY_SOURCE[fact], self._split_column(BY_SOURCE[fact], column)):
                return None
            fact = "finance.expenditure.current"
        if fact in AMOUNT_PATHS:
            if column is None:
                return None
            path = f"{fact}.{column}"
        elif column in (None, "final"):
            path = fact
        else:
            return None
        value = (getattr(self.view, "peek", self.view.value) if quiet else self.view.value)(path)
        if value is None or unit not in MONEY:
            return None
        places = self.view.decimals
        if decimals(value) < places:
            # the file's "20" is 20.00 (finance.decimals): the text's figure is rounded, the file's is not
            value = value.quantize(Decimal(1).scaleb(-places))
        table = self.units.get(_section(path)) or self.view.unit(path)
        return value * MONEY[table] / MONEY[unit]

    def _source_split(self, column: str | None) -> str:
        """The column whose income tells whether a line named with the source of funds (self.source) is all of it: its
        own; last year's budget's where the file has the source's then ("一般公共预算拨款…较上年增加69.70万元" where last
        year also had 国有资本经营预算 income), else this year's budget's; the final's otherwise."""
        if column in ("budget", "adjusted"):
            return column
        if column == "prior_budget":
            # (that year's split only where the file tells it: the source's income and all income of last year's budget)
            known = all(self.view.value(f"finance.income.{k}.prior_budget") is not None
                        for k in (source_key(self.source), "current"))
            return "prior_budget" if known else "budget"
        return "final"

    def _split_column(self, source: str, column: str | None) -> str:
        """The column whose income tells how much of a year's spending came from a source: its own; for last year's,
        last year's where the file has that source's income then, else this year's (no better guess)."""
        if column in ("budget", "adjusted"):
            return column
        if column in ("prior", "prior_budget") and self.view.value(f"finance.income.{source_key(source)}.{column}") is not None:
            return column
        return "final"

    def _all_from(self, source: str, column: str = "final") -> bool:
        """Whether all of the department's income this year (in `column`) came from the source named."""
        key = source_key(source)
        part, whole = self.view.value(f"finance.income.{key}.{column}"), self.view.value(f"finance.income.current.{column}")
        # money carried over from last year was spent too, of whichever source: with any, the year's spending is
        # not all from this year's source ("一般公共预算财政拨款支出9746.50万元" beside 本年支出合计9759.38万元)
        carried = self.view.value(f"finance.income.carryover.{column}")
        if column not in ("final", "prior"):
            # a budget: its spending is all from the source when it is just that source's income (nothing carried over
            # is budgeted to be spent: "财政拨款支出预算1747.99万元" beside 财政拨款收入预算1747.99万元)
            spent = self.view.value(f"finance.expenditure.current.{column}")
            if column == "prior_budget" and spent is None:
                spent = part        # (last year's budget: its spending side is seldom in the file)
            return part is not None and part == whole == spent and not carried
        return part is not None and whole is not None and part == whole and not carried

    def quote(self, c: Claim, before: int = 14, start: int | None = None) -> str:
        return self.text[max(0, (c.start if start is None else start) - before): c.figure.end]

    def error(self, code: str, c: Claim, message: str, at: int | None = None, **numbers) -> None:
        c.flagged = True
        if code == "PROSE-CHANGE" and c.saving:
            code = "PROSE-DIFF"         # "预算775.2万元，实支763.9万元，节支11.03万元": the plan less the spending
        if code == "PROSE-FACT" and self._balance_after_both_sides(c):
            code = "PROSE-DIFF"         # "收入总计7542.23万元，本年支出7540.18万元，年末结转和结余2.50万元": what is left
        if c.kind == "prior":
            self.wrong_priors.add((c.fact, c.sentence))
        message += _cut_off_note(code, numbers.get("stated"), numbers.get("computed"))
        # (a quote across the text's lines — a heading and its numbered items — is one line of the report)
        message = " ".join(message.split("\n")).replace("\r", "")
        self.verdicts[id(c)] = "不符：" + message
        self.reported += 1
        self.found.error(code, message, self.doc, self.path, c.start if at is None else at, **numbers)

    def _balance_after_both_sides(self, c: Claim) -> bool:
        """Whether an amount is the year-end balance stated after the year's income and its spending in its sentence
        and said to be set against each other ("上述收支相抵，年终结余2.50万元"): a difference of the two, as much as a figure of the file."""
        if c.fact != "finance.expenditure.carryover" or c.kind != "level" or c.figure is None \
                or not _SET_AGAINST.search(self.text, max(0, c.start - 24), c.start):
            return False        # (only where the words set the two against each other: else it is a figure of the file)
        sides = {p.fact.split(".")[1] for p in self.by_sentence.get(c.sentence, ()) if p.kind == "level"
                 and p.start < c.start and p.fact in WHOLES}
        return sides == {"income", "expenditure"}

    def ok(self, c: Claim, how: str) -> None:
        self.verdicts[id(c)] = "相符：" + how

    def skip(self, c: Claim, why: str) -> None:
        self.verdicts[id(c)] = "未核对：" + why

    def _state(self, c: Claim) -> tuple:
        """What checking a claim may change, to check it twice (_either_way): the findings (only ever added to),
        the counts behind their limits, and the verdicts and marks of the claims of its sentence."""
        near = self.by_sentence.get(c.sentence, [c])
        return (len(self.found), Counter(self.found._seen), self.reported, set(self.wrong_priors),
                dict(self.change_base), [(k, k.flagged, self.verdicts.get(id(k))) for k in near])

    def _restore(self, state: tuple) -> None:
        size, seen, self.reported, self.wrong_priors, self.change_base, near = state
        del self.found[size:]
        self.found._seen = seen
        for k, flagged, verdict in near:
            k.flagged = flagged
            if verdict is None:
                self.verdicts.pop(id(k), None)
            else:
                self.verdicts[id(k)] = verdict

    def _label(self, fact: str, column: str | None) -> str:
        if fact == "scores.total":
            return "部门整体的自评总分"
        if fact in BY_SOURCE:
            fact = "finance.expenditure.current"
        if fact in AMOUNT_PATHS and column in ("plan", "any"):
            # 预算 alone (年初 or 调整), or a figure that may be either column: no column of the file by that name
            return f"{fact_label(fact, self.report)} {_COLUMN_ZH[column]}"
        return fact_label(f"{fact}.{column}" if fact in AMOUNT_PATHS and column else fact, self.report)

    def _lists_of(self) -> dict:
        """The 其中 list (its sum claim) each part is of, by the part's id (made once a text)."""
        if self._list_of is None:
            self._list_of = {id(p): s for s in self.claims if s.kind == "sum" for p in s.parts}
            self._list_headed = {id(s.of): s for s in self.claims if s.kind == "sum" and s.of is not None}
        return self._list_of

    def _list_headed_by(self, c: Claim) -> Claim | None:
        """The 其中 list (its sum claim) a head opens."""
        self._lists_of()
        return self._list_headed.get(id(c))

    def _known(self, c: Claim) -> list[tuple[str, str, Decimal]]:
        """(fact, column, value) of each figure the file has that an amount's words may mean."""
        # ("批复支出预算1326.80万元，实际执行支出预算1305.93万元": the budget as carried out, the final)
        spent = c.column in ("budget", "adjusted", "plan") and c.figure is not None and self.reading is not None \
            and _SPENT_NOW.search(clause_words(self.reading, c)) is not None
        column = c.column
        if c.in_budget and not c.implied and column == "budget" and self.fact(c.fact, "budget", c.unit, quiet=True) is None:
            column = "plan"         # (预算 in a budget's text, where the file has no 年初预算: 年初 or 调整, as elsewhere)
        return [(f, col, v) for f in (c.fact, *self._alts(c)) for col in (["final"] if spent else _columns(column))
                if (v := self.fact(f, col, c.unit)) is not None]

    def _alts(self, c: Claim) -> tuple:
        """The other facts an amount's words may mean — not 支出总计 for a plain 支出 whose list names every line of this
        year's spending ("决算支出7542.23万元（其中，基本支出845.92万元，项目支出6694.26万元）": this year's)."""
        if not (c.head and c.label in PLAIN and c.fact == "finance.expenditure.current"
                and "finance.expenditure.total" in c.alts):
            return c.alts
        lists = [s for s in self.by_sentence.get(c.sentence, ()) if s.kind == "sum" and s.of is c]
        if lists and self._complete(c.fact, {p.fact for p in lists[0].parts}, c.column):
            return tuple(a for a in c.alts if a != "finance.expenditure.total")
        return c.alts

    def _sentences(self, first: int, last: int | None = None) -> list:
        """This text's claims of the sentences first…last, in order."""
        if last is None or last == first:
            return self.by_sentence.get(first, [])
        return [c for n in range(first, last + 1) for c in self.by_sentence.get(n, [])]

    def _lists(self) -> tuple[dict, dict]:
        """This text's 其中 lists (made once): the ids of each list's parts by the id of its head, and each head by
        the figure of its list's last item."""
        if self.lists is None:
            parts: dict[int, set] = {}
            heads: dict[int, Claim] = {}
            for s in self.claims:
                if s.kind == "sum" and s.of is not None and s.parts:
                    parts.setdefault(id(s.of), set()).update(id(p) for p in s.parts)
                    if s.parts[-1].figure is not None:
                        heads.setdefault(id(s.parts[-1].figure), s.of)
            self.lists = (parts, heads)
        return self.lists

    if TYPE_CHECKING:
        # what one module of the checks calls in another, declared for the type checker (each is defined in the
        # module named; checker.py's Checker has them all)
        # counts.py
        def _far_count(self, c: Claim) -> bool: ...
        def _staff_control(self, c: Claim) -> None: ...
        def count_candidates(self, claim: Claim) -> list[tuple[str, Decimal]]: ...
        # levels.py
        def _base_of_another_amount(self, c: Claim) -> Claim | None: ...
        def _far_sentences(self, claims: list) -> set: ...
        def _of_budget_peers(self, c: Claim) -> bool: ...
        def _budget_change_of_another(self, c: Claim, column: str) -> str: ...
        def _head_is_ours(self, c: Claim) -> bool: ...
        def _whole_under(self, c: Claim) -> str | None: ...
        # columns.py
        def _only_in(self, p: Claim | _Alias, column: str) -> bool: ...
        # changes.py
        def _bases(self, c: Claim, fact: str | None=None) -> list[tuple[str, Decimal]]: ...
        def _base_of_peers(self, c: Claim, both: list[tuple[str, Decimal]]) -> str | None: ...
        def _below_nothing(self, c: Claim, level: Claim, change: Claim) -> bool: ...
        def _both_last_years(self, c: Claim, fact: str | None=None) -> list[tuple[str, Decimal]]: ...
        def _budget_level(self, c: Claim) -> Decimal | None: ...
        def _budget_stated(self, c: Claim) -> bool: ...
        def _budget_twin(self, c: Claim) -> str: ...
        def _budgets_of(self, c: Claim, fact: str | None=None) -> list[Decimal]: ...
        def _current(self, c: Claim, fact: str | None=None) -> tuple[Decimal | None, bool]: ...
        def _fact_of(self, c: Claim) -> str: ...
        def _fits_stated_budget(self, c: Claim, probe: Claim) -> bool: ...
        def _last_year(self, c: Claim, fact: str | None=None) -> tuple[str, Decimal | None, bool]: ...
        def _only_prior_budget(self, c: Claim) -> Decimal | None: ...
        def _stated_budget_on_either(self, c: Claim) -> bool: ...
        def _total_as_current(self, c: Claim) -> list[tuple[str, str, Decimal]]: ...
        def _unsourced(self, fact: str, column: str) -> Decimal | None: ...
        @property
        def prior_shown(self) -> bool: ...
        # rates.py
        def _rate_on_either(self, c: Claim, currents: list[Decimal], both: list[tuple[str, Decimal]]) -> None: ...
        # shares.py
        def _head_of_item(self, item: Claim) -> Claim | None: ...
        # executions.py
        def _in_aside(self, c: Claim) -> bool: ...
        # relations.py
        def _last_said_as_budget(self, c: Claim) -> bool: ...
        # lists.py
        def _complete(self, head: str | None, named: set, column: str | None=None) -> bool: ...
        def _descendants(self, fact: str) -> set: ...
        def _covering_whole(self, named: set, start: str | None) -> str | None: ...
