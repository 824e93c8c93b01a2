"""A balance worked out in words: "全年财政拨款收入3237.75万元，加上年结余0万元，减全年财政拨款支出3237.75万元，年末财政拨款
滚存结余0万元".

An amount, then clauses that each open with 加 (加上, 再加) or 减 (减去, 扣除) and hold one amount, then a clause naming a
balance (结余, 结转, 余额) with its amount: the balance is the first amount plus and minus the others as written —
whoever's they are, as a written formula's result is (see formulas.py). Read as one formula claim, reported as a
difference (PROSE-DIFF). Only where the balance was left unread (no fact of the file took it), and only the plain
shape: a clause with two amounts, or none, ends the reading with nothing claimed. So too a total after amounts only
added ("…，加上上年结转收入35.20万元，收入总计1362.00万元"), read or not: a sum (PROSE-SUM).

One pass over the unread figures, each looked at with a bounded look back: linear in the text.
"""
from __future__ import annotations

import re

from ...core.numbers import decimals
from .claim import Claim, Reading, Unread
from .later import LaterPass
from .tokens import CLAUSE, MONEY, SENTENCE, Token

STEPS_BACK = 6               # 加/减 clauses looked back over
# the plain words of such a balance ("结余", "当年收支结余"): not a line of the file ("年末结转和结余" takes in last year's too)
_PLAIN_BALANCE = re.compile(r"[ \t\u3000]*(?:当年|全年|年末|年终)?(?:收支)?(?:结余|余额|结存)(?:资金)?(?:为|是)?[ \t\u3000]*")
_SHORT = 8                   # a clause of no amount this short ("2023年") may stand between a balance's two amounts



def read_chains(text: str, tokens: list[Token], reading: Reading) -> None:
    """Each balance worked out in words as a formula claim (see the module's docstring)."""
    later = LaterPass(reading)
    cues = reading.cues
    if cues is None or not (later.unread or cues.adding.search(text)):
        return
    clauses = _clauses(tokens)
    steps: set[int] = set()
    for k, (start, _, money) in enumerate(clauses):
        if len(money) != 1:
            continue
        balance = money[0]
        words = text[start:balance.start]
        if cues.adding.match(words) or cues.taking_away.match(words):
            continue
        unread = balance.start in later.unread
        if unread and cues.balance.search(words):
            claim = _chain_before(text, clauses, k, balance, later, cues) or _left_over(text, clauses, k, balance, later, cues)
        elif cues.total_word.search(words):
            # (a total, read as a fact's figure or not: the sum written out is checked as well)
            claim = _chain_before(text, clauses, k, balance, later, cues, total=True)
        else:
            continue
        if claim is not None:
            reading.claims.append(claim)
            if unread:
                later.take(balance.start)
            steps.update(claim.other_starts)
    later.done()
    if steps:
        # ("减全年财政拨款支出1305.93万元" read as a decrease: in the chain it is a figure taken away, no change — all the
        # chains' steps taken back in one pass over the claims)
        taken = [c for c in reading.claims if c.kind == "change" and c.figure is not None and c.figure.start in steps]
        if taken:
            gone = {id(c) for c in taken}
            reading.claims = [c for c in reading.claims if id(c) not in gone]
            reading.unread.extend(Unread(c.figure, "是用文字写出的结余中加减的一项（见其后的结余）") for c in taken)


def _clauses(tokens: list[Token]) -> list[tuple[int, int, list[Token]]]:
    """(start, end, money figures) of each clause, where its words begin and end; after a sentence's last clause, a
    mark (-1, -1, []) that no chain runs across."""
    out: list[tuple[int, int, list[Token]]] = []
    start = 0
    money: list[Token] = []
    for t in tokens:
        if t.kind == "punct" and (t.text in CLAUSE or t.text in SENTENCE):
            out.append((start, t.start, money))
            if t.text in SENTENCE:
                out.append((-1, -1, []))        # a sentence's end: no chain runs across it
            start, money = t.end, []
        elif t.kind == "num" and t.unit in MONEY:
            money.append(t)
    out.append((start, tokens[-1].end if tokens else 0, money))
    return out


def _chain_before(text: str, clauses: list, k: int, balance: Token, later: LaterPass, cues,
                  total: bool = False) -> Claim | None:
    """The formula claim whose result is `balance` (the one amount of clauses[k]), or None. `total`: the clause names a
    total, which only what was added makes up (a sum, PROSE-SUM)."""
    steps: list[tuple[str, Token]] = []
    j = k - 1
    while j >= 0 and len(steps) < STEPS_BACK:
        start, _, money = clauses[j]
        if start < 0 or len(money) != 1:
            return None
        words = text[start:money[0].start]
        if cues.adding.match(words):
            steps.append(("+", money[0]))
        elif cues.taking_away.match(words):
            steps.append(("-", money[0]))
        else:
            break
        j -= 1
    if j < 0 or not steps or (total != all(op == "+" for op, _ in steps)):
        return None
    first_start, _, first = clauses[j]
    if j > 0 and clauses[j - 1][0] >= 0 and (clauses[j - 1][2] or text[clauses[j - 1][1]:clauses[j - 1][1] + 1] not in "：:"):
        return None             # (the first amount opens its sentence, or follows a heading's colon: "A，B，加C…" sums more)
    if first_start < 0 or len(first) != 1 or any(t.unit != balance.unit for t in (first[0], *(t for _, t in steps))):
        return None             # (figures in one unit only: each stands for ± half its last digit as written)
    tree: tuple = _num(first[0])
    shown = text[first[0].start:first[0].end].strip()
    for op, tok in reversed(steps):
        tree = (op, tree, _num(tok))
        shown += f" {'+' if op == '+' else '−'} {text[tok.start:tok.end].strip()}"
    claim = Claim("formula", balance, None, other=tree, op="PROSE-SUM" if total else "PROSE-DIFF",
                  label="总计" if total else "结余",
                  sentence=later.sentence_at(balance.start), value=balance.value, unit=balance.unit,
                  expression=shown, written=text[balance.start:balance.end].strip())
    claim.expression_start = first[0].start
    claim.other_starts = tuple(tok.start for _, tok in steps)
    return claim


def _left_over(text: str, clauses: list, k: int, balance: Token, later: LaterPass, cues) -> Claim | None:
    """"财政批复的“三公”经费为75.45万元，执行数19.85万元，结余56.50万元", "…资金总额为1362.00万元。2023年，我局支出总额为
    1305.93万元，结余20.87万元": a balance right after the money there was (its words name a budget or income) and the
    money spent (its words, what went out) — each the one amount of its clause, the first maybe ending the sentence
    before: what is left is the one less the other (a formula claim, as _chain_before's)."""
    if k < 1 or len(clauses[k - 1][2]) != 1 or not _PLAIN_BALANCE.fullmatch(text, clauses[k][0], balance.start):
        return None
    spent = clauses[k - 1][2][0]
    j, passed = k - 2, 0
    while j >= 0 and passed < 3 and (clauses[j][0] < 0 or (not clauses[j][2] and clauses[j][1] - clauses[j][0] <= _SHORT)):
        # (the sentence before ended on the money there was; "2023年，我局支出…": a clause of a few words between)
        j, passed = j - 1, passed + 1
    if j < 0 or clauses[j][0] < 0 or len(clauses[j][2]) != 1:
        return None
    had = clauses[j][2][0]
    had_words = text[clauses[j][0]:had.start]
    spent_words = text[clauses[k - 1][0]:spent.start]
    if not cues.incoming.search(had_words) or not cues.outgoing.search(spent_words) or cues.incoming.search(spent_words) \
            or had.unit != balance.unit or spent.unit != balance.unit:
        return None
    # ("当年收支结余-3349.41万元": a deficit, its sign written before the figure)
    sign = -1 if text[max(0, balance.start - 1):balance.start] in ("-", "－", "负") else 1
    claim = Claim("formula", balance, None, other=("-", _num(had), _num(spent)), op="PROSE-DIFF", label="结余",
                  sentence=later.sentence_at(balance.start), value=balance.value * sign, unit=balance.unit,
                  expression=f"{text[had.start:had.end].strip()} − {text[spent.start:spent.end].strip()}",
                  written=text[balance.start:balance.end].strip())
    claim.expression_start = had.start
    return claim


def _num(tok: Token) -> tuple:
    return ("num", (tok.value, decimals(tok.value), False))
