"""Ratios a text states in words: "新签约项目28个，完成全年目标任务25个的112%".

A figure, then a verb of attaining (the vocabulary's execution_of words: 完成, 达到 …) and another figure of the same
unit with "的P%" right after it: P is the first figure as a percentage of the second — whoever's they are, as a
written formula's result is (see formulas.py). Read as a formula claim (X ÷ Y), so the check and explain treat it
as one. Only where the percentage was left unread (no execution rate or share of a fact took it) and its sentence is
not another subject's, and only with one figure of that unit in the clause before: "A 12亿元，B 8亿元，完成任务20亿元
的100%" (their sum) is left alone.

One pass over the tokens, each looked at with a bounded look back: linear in the text.
"""
from __future__ import annotations

from decimal import Decimal

from ...core.numbers import decimals
from .claim import Claim, Reading
from .later import LaterPass, another_body
from .tokens import CLAUSE, MONEY, SENTENCE, Token

LOOK_BACK = 24      # tokens looked at before the whole (a clause or two)



def _same_unit(a: Token, b: Token) -> bool:
    return a.unit == b.unit or (a.unit in MONEY and b.unit in MONEY)


def _in_wan(tok: Token) -> Decimal:
    return tok.value * MONEY[tok.unit] if tok.unit in MONEY else tok.value


def read_ratios(text: str, tokens: list[Token], reading: Reading) -> None:
    """Each ratio stated in words as a formula claim (see the module's docstring)."""
    later = LaterPass(reading)
    unread = later.unread
    if not unread:
        return
    for i, tok in enumerate(tokens):
        if tok.kind != "num" or tok.unit not in ("%", "％") or i < 2 or tok.start not in unread:
            continue
        if another_body(reading, unread[tok.start]):
            continue
        claim = _ratio_at(text, tokens, i, later)
        figures = [unread.get(claim.expression_start), unread.get(tokens[i - 1].start)] if claim is not None else []
        if claim is not None and not any(another_body(reading, u) for u in figures):
            reading.claims.append(claim)
            later.take(tok.start)
    later.done()


def _ratio_at(text: str, tokens: list[Token], i: int, later: LaterPass) -> Claim | None:
    """The ratio whose percentage is tokens[i], or None."""
    tok, whole = tokens[i], tokens[i - 1]
    if whole.kind != "num" or whole.unit in ("", "%", "％") or text[whole.end:tok.start] != "的" or not whole.value:
        return None
    verb = None
    for k in range(i - 2, max(-1, i - LOOK_BACK), -1):
        t = tokens[k]
        if t.kind == "punct" and (t.text in SENTENCE or t.text in CLAUSE):
            break
        if t.kind == "num":
            return None             # another figure between the verb and the whole
        if t.kind == "word" and t.has("execution_of"):
            verb = k
            break
    if verb is None:
        return None
    part = _part_before(tokens, verb, whole)
    if part is None:
        return None
    tree = ("/", ("num", (_in_wan(part), decimals(part.value), False)), ("num", (_in_wan(whole), decimals(whole.value), False)))
    written = text[tok.start:tok.end].strip()
    claim = Claim("formula", tok, None, other=tree, op="PROSE-EXECUTION", label="完成比例",
                  sentence=later.sentence_at(tok.start), value=tok.value, unit="%", percent=True,
                  expression=f"{text[part.start:part.end].strip()} ÷ {text[whole.start:whole.end].strip()}",
                  written=written)
    claim.expression_start = part.start
    return claim


def _part_before(tokens: list[Token], verb: int, whole: Token) -> Token | None:
    """The one figure of the whole's unit in the clause before the verb (or in the verb's own clause before it), in
    the same sentence; None when there is none or more than one."""
    found: list[Token] = []
    clauses = 0
    for k in range(verb - 1, max(-1, verb - LOOK_BACK), -1):
        t = tokens[k]
        if t.kind == "punct" and t.text in SENTENCE:
            break
        if t.kind == "punct" and t.text in CLAUSE:
            clauses += 1
            if clauses > 1 and not found:
                break
            continue
        if t.kind == "num" and _same_unit(t, whole):
            found.append(t)
    # (another figure of the unit earlier in the sentence: "上半年12个，下半年16个，完成目标25个的112%" — of which, or
    # of their sum, the words do not say)
    return found[0] if len(found) == 1 else None
