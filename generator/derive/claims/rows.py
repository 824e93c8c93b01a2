"""A staffing table's head row and the department's row written out as words: "单位名称 经费性质 人员编制数 在职人数
本部门 财政全额拨款 32 34".

A run of two or more names of headcounts parted only by spaces is a table's head; the first run of as many figures of
no unit after it, parted only by spaces, in a row that names the department itself (its own name, written 本部门 before
reading, or a word for itself), is that row: each figure is the count its column names, in turn. A row of another unit
("县中小企业服务中心 财政拨款 6 5") is left alone.

One pass over the tokens, each head looked at with a bounded look ahead: linear in the text.
"""
from __future__ import annotations

from .claim import Claim, Reading
from .later import LaterPass
from .parts import COUNTED_BEFORE_NAME
from .tokens import SENTENCE, Token

LOOK_AHEAD = 12      # tokens between the head's last name and the row's first figure


def _headcount(tok: Token) -> str | None:
    fact = tok.get("fact") if tok.kind == "word" else None
    return fact if fact is not None and fact.startswith("department.staffing.") else None


def read_rows(text: str, tokens: list[Token], reading: Reading) -> None:
    """Each such row's figures as counts of the columns its head names (see the module's docstring)."""
    later = LaterPass(reading)
    if not later.unread:
        return
    i = 0
    while i < len(tokens):
        head = _head_at(text, tokens, i)
        if len(head) < 2:
            i += max(1, len(head))
            continue
        row, after = _row_after(text, tokens, i + len(head), len(head))
        if row and all(figure.start in later.unread for figure in row) and not _another_row(tokens, after):
            for name, figure in zip(head, row):
                fact = _headcount(name)
                reading.claims.append(Claim("count", figure, fact, sentence=later.sentence_at(figure.start),
                                            label=name.text, unit="个" if fact in COUNTED_BEFORE_NAME else "人"))
                later.take(figure.start)
        i += len(head)
    later.done()


def _head_at(text: str, tokens: list[Token], i: int) -> list[Token]:
    """The names of headcounts from tokens[i] on, parted only by spaces."""
    out: list[Token] = []
    while i < len(tokens) and _headcount(tokens[i]) is not None:
        if out and text[out[-1].end:tokens[i].start].strip(" \t\u3000"):
            break
        out.append(tokens[i])
        i += 1
    return out


def _another_row(tokens: list[Token], after: int) -> bool:
    """Whether a figure of no unit follows the row (from tokens[after] on) in its sentence: a table of several rows,
    where the department's may be only its own level ("局本级 财政核拨 39 38 县中小企业局 财政核拨 6 6")."""
    for k in range(after, min(len(tokens), after + LOOK_AHEAD)):
        t = tokens[k]
        if t.kind == "punct" and t.text in SENTENCE:
            return False
        if t.kind == "num" and not t.unit:
            return True
    return False


def _row_after(text: str, tokens: list[Token], i: int, n: int) -> tuple[list[Token], int]:
    """The department's row after a head of n names: its n figures of no unit, parted only by spaces, and the index of
    the token after them; or ([], i)."""
    own = False
    for k in range(i, min(len(tokens), i + LOOK_AHEAD)):
        t = tokens[k]
        if t.kind == "punct" and t.text in SENTENCE:
            return [], i
        if t.kind == "word" and t.has("self"):
            own = True
        if t.kind == "num":
            row = tokens[k:k + n]
            if not own or len(row) < n or any(r.kind != "num" or r.unit or "." in r.text for r in row) \
                    or any(text[a.end:b.start].strip(" \t\u3000") for a, b in zip(row, row[1:])):
                return [], i
            return row, k + n
    return [], i
