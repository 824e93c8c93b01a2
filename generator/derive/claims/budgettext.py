"""A text that is a budget's: it speaks of 预算 and never of this year's budget adjusted, carried out or closed (none
of the vocabulary's `in_year` words, but after last year's name: "比上年执行数减少…" is a budget's too) — the 说明 of a
部门预算, written before the year began. Then the year has only its 年初预算: an amount of no column word, and one of
预算 alone (年初 or 调整 elsewhere), is the 年初预算 ("收入预算1,327万元，比2022年预算增加42万元" where the file's
调整预算数 is 1326.80 and its 年初预算数 1174.50 is wrong)."""
from __future__ import annotations

import re
from functools import lru_cache

from .claim import Reading
from .cues import Cues

# last year named right before a word of the year's budget carried out: "上年执行数", "2022年决算", "去年同期完成"
_LAST_YEAR = r"(?:上一?年度?|去年|前年|同期|{years})(?:的|同期|预算|年初预算|财政拨款)*[ \t\u3000]*$"
_REACH = 12


@lru_cache(maxsize=8)
def _last_year(year: int) -> re.Pattern:
    return re.compile(_LAST_YEAR.format(years="|".join(f"{y}[ \t\u3000]*年度?" for y in range(year - 3, year))))


def year_carried_out(text: str, cues: Cues, year: int) -> bool:
    """Whether a text says anything of this year's budget adjusted, carried out or closed (an `in_year` word not right
    after last year's name, nor in a clause of what is to be done)."""
    last = _last_year(year)
    return any(not last.search(text[max(0, m.start() - _REACH):m.start()]) and not _in_future(text, m, cues)
               and not _done_in_reason(text, m) for m in cues.in_year.finditer(text))


def _done_in_reason(text: str, m: re.Match) -> bool:
    """"较上年减少40.85万元，原因是部分项目已完成，今年未安排此项目预算": work already done, given as the reason for a
    budget's change — past years' work, not this year's budget carried out (nor "本单位实现了绩效目标的全覆盖": the
    targets set, not the budget carried out)."""
    if m.group() == "实现" and "全覆盖" in text[m.end():m.end() + 16]:
        return True
    if m.group() != "完成" or text[max(0, m.start() - 2):m.start()] not in ("已经", "均已") and text[m.start() - 1:m.start()] != "已":
        return False
    start = max(text.rfind(ch, max(0, m.start() - 40), m.start()) for ch in "。；;\n") + 1
    return "原因" in text[start:m.start()]


def _in_future(text: str, m: re.Match, cues: Cues) -> bool:
    """Whether the clause of an `in_year` word says what is to be done ("相关项目在执行时需…", "在年度预算执行完毕后"):
    a word of the vocabulary's `in_future` in the clause, up to the word and a few characters after it."""
    start = max(text.rfind(ch, max(0, m.start() - 40), m.start()) for ch in "，,；;。：:\n") + 1
    end = min((k for k in (text.find(ch, m.end(), m.end() + 8) for ch in "，,；;。\n") if k >= 0), default=m.end() + 8)
    return cues.in_future.search(text, start, end) is not None


def spent_in_year(claims: list) -> bool:
    """Whether a text's claims speak of this year's budget spent or adjusted: an amount named a final or an adjusted
    budget, an execution rate, or a comparison with this year's budget ("支出数比预算数减少14.18万元")."""
    return any((c.kind == "level" and not c.implied and c.column in ("final", "adjusted")) or c.kind == "execution"
               or (c.kind in ("change", "rate", "difference") and c.against in ("budget", "adjusted", "plan"))
               for c in claims)


def is_budget_text(text: str, reading: Reading, carried_out: bool) -> bool:
    """Whether a text, as first read, is a budget's: it says nothing of the year's budget carried out (`carried_out`:
    see year_carried_out, spent_in_year) and states an amount named a budget — not 预算 only inside another word
    ("主要原因是项目经费预算收入" of a text about the year's income) — or the budget of the projects brought under
    绩效目标管理 ("…均实行绩效目标管理，涉及资金6,694.26万元", a text that need not say 预算)."""
    claims = reading.claims
    return not carried_out and (any(c.covered for c in claims) or ("预算" in text and any(
        c.kind == "level" and not c.implied and c.column in ("budget", "plan") for c in claims)))


def read_as_budget(reading: Reading) -> None:
    """In a budget's text (the reader's default column there is already 年初预算), 预算 alone is the 年初预算 too."""
    for c in reading.claims:
        if c.column == "plan" and c.kind in ("level", "sum", "share"):
            c.column, c.in_budget = "budget", True
        elif c.kind == "level" and c.column == "budget" and c.implied:
            c.in_budget = True
