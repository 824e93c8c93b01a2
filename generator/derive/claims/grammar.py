"""Tokens → claims: what each figure of a text states, of whom, of which year and column.

The grammar is a left-to-right reading with a little state, the way a reader keeps track:
  * a **subject** (a fact's label: "财政拨款收入") holds across clauses and into the next sentence
    until another subject is named; another subject (全县, 企业, a project, a subordinate unit, an
    unknown noun glued to a label) takes the figures that follow away from the department's facts;
  * a **year** (2022年, 上年) and a **column** (年初预算, 调整预算, 决算) hold to the end of the sentence;
    a year or column right after 较/比/同比 is the base of a comparison instead;
  * the words since the last figure (its **lead**) say what the figure is: an amount, a change
    (增加/减少), a growth rate (增长…%, 增幅), a share (占…%), an execution rate (执行率, 完成预算的…%),
    a difference (相差), one side of a comparison (小于), or a part of a list (其中, 分别为);
  * brackets open a nested scope: what is said inside does not change the subject outside.
Whenever the subject, the column or the relation is not certain, no claim is made and the figure is
recorded as unread with the reason — `mkreport explain` shows both.

The reader is one class, _Reader, assembled here from its parts, each a module: bounds.py (punctuation,
sentences, paragraphs), words.py (one handler per class of word), subjects.py (whose figures follow),
figures.py (a figure by its relation), levels.py (amounts and counts), shares.py, lists.py (其中 and 分别为),
stated.py (arithmetic checked on the text itself), points.py (the total score stated); what they share is state.py's, what they make claim.py's,
what a total is made of parts.py's. Brackets, which open a nested scope, are read here.
"""
from __future__ import annotations

import re

from .bounds import _Bounds
from .changeparts import _ChangeParts
from .claim import RELATIONS, Claim, Reading, TargetMention, Unread
from .cues import Cues
from .figures import _Figures
from .lettered import _Lettered
from .levels import _Levels
from .lists import _Lists
from .numbered import _Numbered
from .parts import BODY_UNITS, BY_SOURCE, COMPONENTS, PEOPLE_UNITS, VEHICLE_UNITS, within
from .points import _Points
from .setting import Setting
from .shares import _Shares
from .state import _Lead, _List
from .stated import _Stated
from .subjects import _Subjects
from .tokens import OPEN, SENTENCE, Token, is_han, units_named_at
from .words import _Words

# the names other modules import from here (checks/prose/, reader.py, formulas.py, tasks/explain.py)
__all__ = ["BODY_UNITS", "BY_SOURCE", "COMPONENTS", "MAX_DEPTH", "PEOPLE_UNITS", "RELATIONS", "Claim", "Reading", "TargetMention",
           "VEHICLE_UNITS", "within",
           "Unread", "read_tokens"]


def read_tokens(tokens: list[Token], text: str, setting: Setting, cues: Cues, budget_text: bool = False) -> Reading:
    return _Reader(tokens, text, setting, cues, budget_text).run()


MAX_DEPTH = 8            # brackets inside brackets: three is already rare
# figures in one sentence: a report's longest lists have a few dozen; a sentence with more is not a report's, and
# reading the rest of it would only spend the time of a hostile text
MAX_FIGURES = 1000
# a bracket's words that only name something (no 含, 包括, 不含 …)
_NAME_ONLY = re.compile(r"(?!含|包括|包含|不含|其中)[\u4e00-\u9fff“”]{2,12}")
# the class, division or item of the budget's classification after a line's name: "（204类）", "（06款）", "（项）",
# "（2130101项）", or a division's or item's code of the functional classification alone ("行政单位离退休（2080501）",
# "专项统计业务（2010505）": its codes begin with 2 — the economic classification's with 3)
_CODE_ONLY = re.compile(r"[ \t\u3000]*(?:[0-9]{3}|[0-9]{5}|[0-9]{7})[ \t\u3000]*")
_ACCOUNT_CODE = re.compile(r"[ \t\u3000]*(?:(?:[0-9]{2,8})?[ \t\u3000]*[类款项]|2[0-9]{4}(?:[0-9]{2})?)[ \t\u3000]*")


class _Reader(_Bounds, _Words, _Subjects, _Figures, _Levels, _Shares, _Lists, _Numbered, _Lettered, _Stated, _Points,
              _ChangeParts):
    """The claims of one text, read token by token (run); the parts it is made of are the modules named above."""

    def run(self) -> Reading:
        handlers = {"punct": self._punct, "year": self._year, "date": self._date, "word": self._word,
                    "num": self._num}
        for i, tok in enumerate(self.tokens):
            self.index = i
            if tok.kind == "cut":
                self.out.unread.append(Unread(tok, tok.value))     # (see tokens.MAX_TEXT_TOKENS)
                break
            if self.figures_in_sentence >= MAX_FIGURES and not (tok.kind == "punct" and tok.text in SENTENCE):
                # a sentence with more figures than any report's: the rest of it is not read (see _crowded)
                if self.figures_in_sentence == MAX_FIGURES and tok.kind == "num":
                    self._crowded(tok)
                self.cursor = tok.end
                continue
            if tok.start > self.cursor:
                self._gap(tok.start)
            handlers[tok.kind](tok)
            self.cursor = tok.end
        self._end_clause()
        self._end_sentence()
        self._enumerated_totals()
        self._shares_of_their_sum()
        self._numbered_lists()
        self._lettered_rates()
        # a figure left unread one way and then read as a claim of what the sentence itself states (a rate of two
        # amounts written, a change between two columns) is read: explain lists it once
        read = {id(c.figure) for c in self.out.claims if c.figure is not None}
        if any(id(u.figure) in read for u in self.out.unread):
            self.out.unread = [u for u in self.out.unread if id(u.figure) not in read]
        return self.out

    def _crowded(self, tok) -> None:
        self.figures_in_sentence += 1           # (said once: the figures after it are passed over)
        self.out.unread.append(Unread(tok, f"这一句已有 {MAX_FIGURES} 个数，不是报告中的句子：其后的数不读"))

    def _open_bracket(self) -> None:
        if len(self.saved) >= MAX_DEPTH:
            self.deep += 1             # brackets nested deeper than any report: not a scope
            return
        self.stack.append(self.scope.copy())
        self.scope = self.stack[-1]
        self.saved.append((self.lead, self.figures, self.last_claim, self.last_money, self.list))
        lst, last = self.list, self.last_claim
        if lst is not None and last is not None and lst.parts and last is not lst.parts[-1] \
                and last.kind in ("change", "rate", "share") and last.fact == lst.parts[-1].fact \
                and last.sentence == lst.parts[-1].sentence:
            # "财政拨款收入4032.78万元，占99.69%，较上年减少159.27万元，下降3.80%（其中：…）": what was said of the item
            # on the way does not end it — the bracket is still the item's
            last = lst.parts[-1]
        if lst is None and last is not None and self._bracket_after(last):
            # "实有人数68人（机关在职40人，退休4人；事业在职4人）", "基本支出845.92万元（人员经费796.02万元，…）": the
            # amount's parts, right after its figure, as after 其中
            self.list = _List(last, len(self.stack), "（")
            self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
            self.list.year_at = self.scope.year
        elif lst is not None and last is not None and lst.parts and last is lst.parts[-1] \
                and (last.money or (last.figure is not None and last.unit and last.unit != "%")) \
                and self._bracket_right_after(self.last_num):
            # "公车费5.00万元（购置费0万元，运行费5.00万元）", "建设项目27项（省级6项、市级5项…）": the item's own
            # parts, a list of its own, right after its figure (not "…574.68万元，分别占年初预算（700.30万元、474.20万元）
            # 的…": the wholes of its share)
            self.list = _List(last, len(self.stack), "（")
            self.list.figures_at, self.list.before = self.figures, self.figures_in_sentence
            self.list.within = lst
            self.list.year_at = lst.year_at
        self.lead = _Lead()
        self.last_num = None

    def _bracket_right_after(self, figure: Token | None) -> bool:
        """Whether the bracket opening here is right after `figure` (spaces between at most), the last one read."""
        return figure is not None and not self.text[figure.end:self.tokens[self.index].start].strip(" \t\u3000")

    def _bracket_after(self, last: Claim) -> bool:
        """Whether the bracket opening here is right after the figure of an amount or count of a known fact, this
        year's (the parts of it may follow)."""
        tok = self.tokens[self.index]
        nxt = self.tokens[self.index + 1] if self.index + 1 < len(self.tokens) else None
        if nxt is None or nxt.kind != "word" or any(
                k in ("prior_year", "this_year", "compare_to", "up", "down", "rate_up", "rate_down", "col", "share")
                for k, _ in nxt.means):
            return False        # "（2022年为734.58万元）", "（上年389.74万元）", "（较上年增加2人）": not its parts
        return last.kind in ("level", "count") and last.fact is not None and last.figure is not None \
            and last.figure.end <= tok.start <= last.figure.end + 1 and last.sentence == self.sentence \
            and last.year in (None, self.year) and (last.money or last.unit in PEOPLE_UNITS)

    def _close_bracket(self, tok: Token | None = None) -> None:
        if self.deep:
            self.deep -= 1
            return
        name = self._account_line(tok) if tok is not None else None
        self.last_num = None
        if len(self.stack) <= 1:
            self.lead = _Lead()
            return
        if self.list is not None and self.list.depth >= len(self.stack):
            self._end_list()
        inner_scope = self.stack.pop()
        self.scope = self.stack[-1]
        inner = self.lead
        if inner_scope.blocked and tok is not None and units_named_at(self.cues.units_bracket, self.text, tok.end):
            # "设下属事业单位1个（即：县招商投资服务中心），编制7名": the unit the bracket names is what follows is of
            # (not an aside in the department's sentence: the clauses after it are the unit's)
            self.scope.blocked, self.scope.subject, self.scope.label, self.scope.alts = inner_scope.blocked, None, "", ()
            self.aside = 0
        lead, figures, last_claim, last_money, outer_list = self.saved.pop()
        if self.list is None and outer_list is not None and outer_list.depth <= len(self.stack):
            self.list = outer_list           # a list nested in the bracket is over; the outer one goes on
        if figures == self.figures or self._code_only(tok):
            # "资产总额（净值）932.43万元": a bracket without figures is an aside; the words before it
            # (so is a classification's code alone: "其中：工资福利支出（301）718.12万元")
            # still lead, with what it said of the relation ("较上年（减）7.25万元")
            self.lead = lead
            # "下降（增长）27.78%": a form's two words for either direction — the direction is not said
            if lead.dir and inner.dir and inner.dir != lead.dir:
                lead.twoway = True
            lead.dir = inner.dir or lead.dir
            if lead.label == "department.staffing.posts_total" and inner.label == "department.staffing.posts" \
                    and inner.kind_text:
                # "现有人员编制（行政编制）18名": the bracket names the category the posts are of
                lead.label, lead.kind_text = inner.label, inner.kind_text
                self.scope.subject = inner.label
            elif lead.label and inner.label and inner.label != lead.label and within(lead.label, inner.label) \
                    and not inner.figure and tok is not None and self._names_only(tok):
                # "“基本支出（人员经费）”653.60万元": the bracket names the part of the line the amount is
                lead.label = self.scope.subject = inner.label
        else:
            self.lead = _Lead()
            # what comes after the bracket is about what came before it ("…（其中…），占收入合计100%")
            self.last_claim, self.last_money = last_claim, last_money
        if name is not None:
            self._on_account(name, {})

    def _code_only(self, tok: Token | None) -> bool:
        """Whether the bracket closing at `tok` holds a classification's code alone ("（301）", "（2080501）")."""
        if tok is None:
            return False
        at = max(self.text.rfind(ch, max(0, tok.start - 12), tok.start) for ch in OPEN)
        return at >= 0 and _CODE_ONLY.fullmatch(self.text, at + 1, tok.start) is not None

    def _names_only(self, tok: Token) -> bool:
        """Whether the bracket closing at `tok` holds a name alone (not "（含政府性基金拨款）": what the amount takes in)."""
        at = max(self.text.rfind(ch, max(0, tok.start - 24), tok.start) for ch in OPEN)
        return at >= 0 and _NAME_ONLY.fullmatch(self.text, at + 1, tok.start) is not None

    def _account_line(self, tok: Token) -> Token | None:
        """"公共法律服务（07项）", "事业单位离退休（项）": a bracket holding only a class, division or item of the
        budget's classification (with its code or not) ends the name of a line of accounts — the name as a word."""
        at = max(self.text.rfind(ch, max(0, tok.start - 8), tok.start) for ch in OPEN)
        if at < 0 or not _ACCOUNT_CODE.fullmatch(self.text, at + 1, tok.start):
            return None
        before = next((t for t in reversed(self.tokens[max(0, self.index - 4):self.index]) if t.end <= at), None)
        if before is not None and before.end == at and any(k == "fact" and str(v).startswith("finance.economic.")
                                                           for k, v in before.means):
            return None     # "工资福利支出（类）688.52万元": a class of the economic classification the file has
        start = at
        while start > 0 and at - start < 16 and is_han(self.text[start - 1]):
            start -= 1
        return Token("word", start, at, self.text[start:at]) if at - start >= 2 else None
