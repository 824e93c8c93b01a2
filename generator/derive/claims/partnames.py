"""Names that are a fact's only as a part of another listed right after its amount (the vocabulary's `within`):
"公务用车购置及运行费45.45万元，其中：购置费0万元、运行费45.45万元" — "购置费" and "运行费" name the vehicles' purchase and
running costs there; elsewhere ("办公设备购置费") they name nothing of the file's. Found by plain search for each
spelling, each looked at once with a bounded look back: linear in the text."""
from __future__ import annotations

import bisect

from .tokens import SENTENCE, Token, as_words

# what may stand right before a part's name: the list's marks, or 其中 itself
_OPENERS = "：:、，,（(；;"
_LOOK_BACK = 40         # tokens: a part is named within a few clauses of its whole


def with_parts_named(text: str, tokens: list[Token], within) -> list[Token]:
    """The tokens with each `within` spelling (spellings, fact, head) that stands as a part listed after its head's
    amount made one word meaning that fact."""
    if not within:
        return tokens
    words = [(t.start, t.end) for t in tokens if t.kind == "word"]
    starts = [s for s, _ in words]
    spans: dict[int, tuple] = {}
    for spellings, fact, head in within:
        for spelling in spellings:
            at = text.find(spelling)
            while at >= 0:
                end = at + len(spelling)
                if at not in spans and _opens_part(text, at) and not _inside_word(words, starts, at, end) \
                        and _after_head_amount(tokens, at, head):
                    spans[at] = (at, end, (("fact", fact),))
                at = text.find(spelling, end)
    return as_words(text, tokens, [spans[k] for k in sorted(spans)]) if spans else tokens


def _opens_part(text: str, at: int) -> bool:
    k = at
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    return k > 0 and (text[k - 1] in _OPENERS or text[max(0, k - 2):k] == "其中")


def _inside_word(words: list, starts: list, at: int, end: int) -> bool:
    """Whether a word the vocabulary knows covers any of at..end ("公务用车运行维护费" holds "运行维护费")."""
    k = bisect.bisect_right(starts, at) - 1
    for s, e in words[max(0, k):k + 2]:
        if s < end and at < e:
            return True
    return False


def _after_head_amount(tokens: list[Token], at: int, head: str) -> bool:
    """Whether the head's name, then an amount, stand before `at` in its sentence (a few clauses back at most)."""
    k = _index_before(tokens, at)
    amount = False
    for t in reversed(tokens[max(0, k - _LOOK_BACK):k + 1]):
        if t.kind == "punct" and t.text in SENTENCE:
            return False
        if t.kind == "num" and t.unit:
            amount = True
        elif t.kind == "word" and any(m[0] == "fact" and m[1] == head for m in t.means):
            return amount
    return False


def _index_before(tokens: list[Token], at: int) -> int:
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < at:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1
