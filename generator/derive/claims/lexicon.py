"""The words the claim reader knows, compiled into one matcher that runs in linear time.

Every word of the vocabulary (a fact's label, a column word, a relation word, another subject …) is
written as a small regular expression, but each must stand for a finite set of spellings
("财政拨款(?:预算)?收入" is two). The set is expanded and the spellings put into a trie, written as
one regular expression of nested optional groups: at each position of a text the engine walks at
most one spelling deep and takes the longest, so tokenizing costs time linear in the text, whatever
a county writes, and no pattern of a user's is ever run over text.
"""
from __future__ import annotations

import re

try:
    from re import _constants as _c  # type: ignore[attr-defined]  # Python 3.11+; private, not in typeshed
    from re import _parser as _p  # type: ignore[attr-defined]  # likewise
except ImportError:                                       # pragma: no cover - Python 3.10
    import sre_constants as _c
    import sre_parse as _p

MAX_SPELLINGS = 2000      # per pattern: more is a sign of a pattern that is not a list of words
MAX_LENGTH = 40           # characters in one spelling


class NotFinite(Exception):
    """A pattern that does not stand for a short list of spellings; the message says why, in Chinese."""


def spellings(pattern: str) -> set[str]:
    """Every text the pattern matches (it must match finitely many short texts)."""
    try:
        tree = _p.parse(pattern)
    except re.error as exc:
        raise NotFinite("不是有效的正则表达式") from exc
    out = _seq(list(tree))
    if "" in out:
        out.discard("")
    if not out:
        raise NotFinite("匹配不到任何文字")
    return out


def _seq(items) -> set[str]:
    out = {""}
    for op, arg in items:
        alts = _item(op, arg)
        out = {a + b for a in out for b in alts}
        if len(out) > MAX_SPELLINGS:
            raise NotFinite(f"写法超过 {MAX_SPELLINGS} 种，请拆成几个称呼")
        if any(len(s) > MAX_LENGTH for s in out):
            raise NotFinite(f"一种写法超过 {MAX_LENGTH} 个字")
    return out


def _item(op, arg) -> set[str]:
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < 64:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                raise NotFinite("方括号中只能列出具体的字（如 [“”\"]），不能写取反或很大的范围")
        return chars
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in arg[1]:
            out |= _seq(list(alt))
        return out
    if op is _c.SUBPATTERN:
        return _seq(list(arg[-1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, body = arg
        if high == _c.MAXREPEAT or high > 6:
            raise NotFinite("不能用 * + 或 {n,} 这样不限次数的写法")
        inner = _seq(list(body))
        out, level = set(), {""}
        for n in range(high + 1):
            if n >= low:
                out |= level
            if n < high:
                level = {a + b for a in level for b in inner}
                if len(level) > MAX_SPELLINGS:
                    raise NotFinite(f"写法超过 {MAX_SPELLINGS} 种，请拆成几个称呼")
        return out
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        raise NotFinite("不支持 (?<!…) (?=…) ^ $ 等环视或锚点：写出称呼本身即可，更长的称呼自动优先")
    if op is _c.NOT_LITERAL:
        raise NotFinite("方括号中只能列出具体的字（如 [“”\"]），不能写取反或很大的范围")
    if op is _c.ANY:
        raise NotFinite("不能用“.”（任意字）")
    raise NotFinite("含有不支持的写法")


def trie_pattern(words) -> str:
    """One regular expression matching any of `words`, longest first at every position."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node(root)


def _node(node: dict) -> str:
    end = "" in node
    branches = [re.escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch != ""]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # a word may end here, or go on: the longer spelling is tried first (greedy)
        return "(?:" + body + ")?" if len(branches) == 1 and len(body) > 1 else body + "?" if len(body) == 1 \
            else "(?:" + body + ")?"
    return body
