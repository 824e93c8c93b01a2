"""Formulas written out in a text: "在职人员控制率=在职人数÷编制数×100%=44÷45×100%=97.78%".

A self-evaluation shows how a rate was computed by writing the arithmetic with its figures. The result after
the last "=" must be what the figures before it make — whoever's the figures are — so the formula is read as
one claim: its expression (parsed here, evaluated by the check) and its result. The name before it (…率)
says which kind of figure the result is, and so which code a wrong one is reported under.

Each "=" is looked at once, with a bounded look back and ahead: linear in the text, whatever it holds.
"""
from __future__ import annotations

import bisect
import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from .grammar import Claim, Reading
from .tokens import Token

_EQUALS = "=＝"
_EQUALS_AT = re.compile("[" + _EQUALS + "]")
_OPERATORS = "+-−×*÷/＋－／"    # (the full-width ＋ － ／ of Chinese text too)
_OPEN, _CLOSE = "（(", "）)"
# what an expression of figures is made of: digits, the point, per cent, operators, brackets, spaces, and the units
# a figure may carry inside it ("7540.18万元÷7532.81万元×100%")
_EXPRESSION_CHARS = set("0123456789.,%％ \t\u3000" + _OPERATORS + _OPEN + _CLOSE + "万元人个")
LOOK_BACK = 160          # the longest expression read (a report's formulas are a line at most)
_RESULT = re.compile(r"[ \t\u3000]*(?P<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)[ \t\u3000]*"
                     r"(?P<unit>%|％|万元|元|分|人|个)?")
# what a formula computes: the words right before its first "=" ("预算执行率得分=…" computes a score, not a rate)
_NAME = re.compile(r"[\u4e00-\u9fff“”\"]{1,16}$")
_CLAUSE_ENDS = "，,。；;：:！？!?\n"
_LAST_END = re.compile("[" + _CLAUSE_ENDS + "](?=[^" + _CLAUSE_ENDS + "]*$)")   # the last clause mark of a window
_ATOM = re.compile(r"(?P<num>[0-9]{1,15}(?:,[0-9]{3})*(?:\.[0-9]{1,8})?)[ \t\u3000]*(?P<pct>%|％)?(?:[ \t\u3000]*(?P<unit>万元|元|人|个))?"
                   r"|(?P<op>[+\-−×*÷/＋－／])|(?P<open>[（(])|(?P<close>[）)])|(?P<space>[ \t\u3000]+)")

# which code a wrong result is reported under, by the name of what it computes
KINDS = (("PROSE-EXECUTION", ("执行率", "完成率", "支出率", "拨付率", "到位率", "使用率", "控制率")),
         ("PROSE-RATE", ("变动率", "增长率", "增减率", "变化率", "下降率", "调整率", "增幅", "降幅", "增长幅度", "下降幅度")),
         ("PROSE-SHARE", ("比重", "占比", "比例")))


@functools.lru_cache(maxsize=1024)
def formula_code(name: str) -> str:
    """The code a wrong result is reported under: the kind of rate the name ends with, else PROSE-FORMULA."""
    for code, words in KINDS:
        if name.endswith(words):
            return code
    return "PROSE-FORMULA"


def _name(words: str) -> str:
    """What the formula in the clause `words` lead to computes: the name before its first "=" (or before the
    expression, "控制率为44÷45×100%=…"), without the verb after it."""
    first = min((i for i in (words.find(ch) for ch in _EQUALS) if i >= 0), default=len(words))
    head = words[:first].rstrip(" \t\u3000：:")
    for verb in ("为", "是", "按"):
        head = head[:-len(verb)] if head.endswith(verb) else head
    m = _NAME.search(head)
    return m.group() if m else ""


class _Parser:
    """expression := term (+|− term)*; term := factor (×|÷ factor)*; factor := −factor | figure[%] | (expression).
    A figure is (value, written decimals, per cent): the check turns each into an interval."""

    def __init__(self, atoms: list):
        self.atoms, self.i = atoms, 0

    def peek(self):
        return self.atoms[self.i] if self.i < len(self.atoms) else (None, None)

    def take(self):
        atom = self.peek()
        self.i += 1
        return atom

    def expression(self):
        node = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-−＋－":
            op = "+" if self.take()[1] in "+＋" else "-"
            node = (op, node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "×*÷/／":
            op = "*" if self.take()[1] in "×*" else "/"
            node = (op, node, self.factor())
        return node

    def factor(self):
        kind, value = self.take()
        if kind == "op" and value in "-−－":
            return ("neg", self.factor())
        if kind == "num":
            return ("num", value)
        if kind == "open":
            node = self.expression()
            if self.take()[0] != "close":
                raise ValueError("unbalanced")
            return node
        raise ValueError("not a figure")


# a sum of money in 元 per unit written ("7万元×3个+6万元×15个=1110000元": each figure in the result's unit)
_YUAN = {"万元": 4, "元": 0}
_MONEY_UNIT = re.compile("万元|元")


def parse(expression: str, into: str = ""):
    """The expression as a tree of ("num", (value, decimals, percent)) leaves, or None if it is not one; each sum of
    money in the unit `into` (万元 or 元) when it is given."""
    atoms: list[tuple[str, Any]] = []
    at = 0
    while at < len(expression):
        m = _ATOM.match(expression, at)
        if m is None:
            return None
        at = m.end()
        if m.group("space"):
            continue
        if m.group("num"):
            text = m.group("num").replace(",", "")
            try:
                value = Decimal(text)
            except InvalidOperation:
                return None
            decimals = len(text.split(".")[1]) if "." in text else 0
            if into and m.group("unit") in _YUAN and m.group("unit") != into:
                shift = _YUAN[m.group("unit")] - _YUAN[into]
                value, decimals = value.scaleb(shift), max(0, decimals - shift)
            atoms.append(("num", (value, decimals, bool(m.group("pct")))))
        else:
            kind = next(k for k in ("op", "open", "close") if m.group(k))
            atoms.append((kind, m.group(kind)))
    if sum(1 for k, _ in atoms if k == "num") < 2 or not any(k == "op" for k, _ in atoms[1:]):
        return None                     # a figure alone ("=97.78%"), or a signed one: no arithmetic
    parser = _Parser(atoms)
    try:
        tree = parser.expression()
    except ValueError:
        return None
    return tree if parser.i == len(atoms) else None


def _expression_before(text: str, eq: int) -> int:
    """Where the expression of figures right before the "=" at `eq` begins (eq itself if there is none)."""
    start = eq
    while start > 0 and eq - start < LOOK_BACK and text[start - 1] in _EXPRESSION_CHARS:
        start -= 1
    # it begins at a figure or an opening bracket (not at a stray unit or space)
    while start < eq and not (text[start].isdigit() or text[start] in _OPEN or text[start] in "-−－"):
        start += 1
    # "控制率为93.55%（29÷31×100%=93.55%）": the bracket the formula is written in, and what stands before it, are
    # not part of it
    depth, cut = 0, -1
    for k in range(eq - 1, start - 1, -1):
        depth += (text[k] in _CLOSE) - (text[k] in _OPEN)
        if depth < 0:
            cut = k
            break
    return cut + 1 if cut >= 0 else start


def read_formulas(text: str, tokens: list[Token], reading: Reading) -> None:
    """Each formula of the text as a claim (kind "formula"); the figures inside it are the formula's, not
    claims of their own."""
    if not any(ch in text for ch in _EQUALS):
        return
    starts = {t.start: t for t in tokens if t.kind == "num"}
    # the sentence each claim's figure is in, by position: a formula's result is in the sentence of the claim before it
    placed = sorted((c.figure.start, c.sentence) for c in reading.claims if c.figure is not None)
    spans = []
    # (a text cut short by the tokenizer is read up to the cut: see tokens.MAX_TEXT_TOKENS)
    end = tokens[-1].start if tokens and tokens[-1].kind == "cut" else len(text)
    for m in _EQUALS_AT.finditer(text, 0, end):
        found = _formula_at(text, m.start(), starts, placed)
        if found is not None:
            spans.append(found)
    if not spans:
        return
    begins = [s for s, _, _ in spans]

    def inside(tok: Token | None) -> bool:
        if tok is None:
            return False
        k = bisect.bisect_right(begins, tok.start) - 1
        return k >= 0 and tok.start < spans[k][1]
    reading.claims = [c for c in reading.claims if not inside(c.figure)] + [c for _, _, c in spans]
    reading.unread = [u for u in reading.unread if not inside(u.figure)]


def _formula_at(text: str, eq: int, starts: dict, placed: list):
    """(start, end, claim) of the formula whose result follows the "=" at `eq`, or None."""
    m = _RESULT.match(text, eq + 1)
    if m is None:
        return None
    after = text[m.end():m.end() + 1]
    if after and (after in _OPERATORS or after in _OPEN or after.isdigit() or after == "."):
        return None                     # the "=" opens an expression, not a result ("=44÷45×100%=…")
    begin = _expression_before(text, eq)
    # (sums of money in two units are each taken in the result's; without a unit of money to the result, not read)
    units = set(_MONEY_UNIT.findall(text, begin, eq))
    into = m.group("unit") if m.group("unit") in _YUAN else ""
    if len(units) > 1 and not into:
        return None
    tree = parse(text[begin:eq], into) if begin < eq else None
    if tree is None:
        return None
    result = starts.get(m.start("num"))
    if result is None or result.end > m.end() + 1:
        return None
    lo = max(0, begin - 60)
    end = _LAST_END.search(text, lo, begin)
    clause = end.start() + 1 if end else lo
    name = _name(text[clause:begin])
    k = bisect.bisect_right(placed, (result.start, 1 << 30)) - 1
    claim = Claim("formula", result, None, other=tree, op=formula_code(name), label=name,
                  sentence=placed[k][1] if k >= 0 else 0, value=Decimal(m.group("num").replace(",", "")),
                  unit=m.group("unit") or "", percent=m.group("unit") in ("%", "％"), expression=text[begin:eq].strip(),
                  written=text[m.start("num"):m.end()].strip())
    return begin, m.end(), claim
