"""Numbered items that run across sentences: "2023年度一般公共预算拨款支出1747.99万元，主要支出项目（按项级科目分类
统计）包括：（一）[2130204]林业事业机构612.48万元。主要用于…。（二）[2130205]森林培育60万元。主要用于…。（三）…" — a
total, words that announce its parts (包括, 其中, 如下) and items numbered one after the other, each opening with its
name and its amount and going on with what it was spent on. The 其中 lists of lists.py end with their sentence; these
do not, so they are read once the text is read: the items' amounts are parts of the total, whatever their names (lines
of accounts no fact has), and their sum is checked as a list's (not said to be complete: only a sum above the total,
or the total with two digits swapped, is wrong).

Only the plain shape is read: an item whose amount is not the first figure after its number, with no comma or list
word before it ("（一）按支出功能分类，包括…"), ends the reading with nothing claimed."""
from __future__ import annotations

import bisect
import re

from .claim import Claim
from .state import _ReadSoFar, _State
from .tokens import MONEY, SENTENCE, chinese_number

# an item's number: （一） 一、 （1） 1、 1. ①, each a style of its own (the items of one list share theirs)
ITEM_NUMBER = re.compile(r"[（(][ \t\u3000]?([一二三四五六七八九十]{1,3})[ \t\u3000]?[）)]|([一二三四五六七八九十]{1,3})、"
                     r"|[（(][ \t\u3000]?([0-9]{1,2})[ \t\u3000]?[）)]|([0-9]{1,2})[ \t\u3000]?[、.．](?![0-9])|([①-⑳])")
# the words that announce a total's parts, right before the first item ("…包括：（一）", "其中：1.", "具体情况如下：")
_ANNOUNCE = re.compile("包括|其中|如下|构成")
_ANNOUNCE_REACH = 40        # from the announcing word back to the total: a short phrase ("主要支出项目(…)包括")
_NAME_REACH = 60            # from an item's number to its amount: its name (a code, a class, an item of accounts)
_BARE_ANNOUNCE = 24        # a sentence that only announces the parts ("具体情况如下：")
_SENTENCE_REACH = 400       # how far back a total's sentence (or clause) is looked for
_ITEM_REACH = 1200          # from an item's amount to the next item's number: what it was spent on, a few sentences
# what may not stand between an item's number and its amount: a clause's end, or words that make the amount some-
# thing other than the item's ("（一）按支出功能分类，包括…", "（二）比上年增加…")
_NOT_A_NAME = re.compile("[，,：:；;。!！?？]|按|包括|其中|合计|共计|比|较|增加|减少|增长|下降|增支|减支|占")
# what may stand between the announcing word and the first item: an aside in brackets, a colon
_AFTER_ANNOUNCE = re.compile(r"[ \t\u3000\r\n]*(?:[（(][^（）()]{0,20}[）)])?[ \t\u3000\r\n]*[：:]?[ \t\u3000\r\n]*")
# words that allot an item its money, before its one amount stated after what it is for ("安排经费260.00万元")
_ALLOTTED = re.compile("安排|预算|下达|拨付|资金|经费")
# words before a total that make it a change or a base, not a total ("比上年增支86.47万元")
_CHANGE_WORDS = re.compile("增|减|比|较|同比|相比|上年|去年")


def item_number(m: re.Match) -> tuple[int, int] | None:
    """(style, number) of an item's number."""
    for style in range(1, 6):
        s = m.group(style)
        if s is None:
            continue
        if style in (3, 4):
            return style, int(s)
        if style == 5:
            return style, ord(s) - ord("①") + 1
        return style, chinese_number(s) or 0
    return None


def item_opening(text: str, at: int, marks: str, reach: int) -> re.Match | None:
    """The item number ("2." "（三）") that the stretch holding `at` opens on — the stretch begins after the last of
    `marks` within `reach` characters before `at` (bounded: a text of no marks is not searched back to its start)."""
    start = max(text.rfind(ch, max(0, at - reach), at) for ch in marks) + 1
    while start < at and text[start] in " \t\u3000\r\n":
        start += 1
    return ITEM_NUMBER.match(text, start)


def _numbers(text: str) -> dict[int, list[tuple[int, int, int]]]:
    """The numbers that open items, by style: style → [(start, end, number)], in order."""
    numbers: dict[int, list[tuple[int, int, int]]] = {}
    for m in ITEM_NUMBER.finditer(text):
        got = item_number(m)
        if got is not None and _opens_item(text, m.start()):
            numbers.setdefault(got[0], []).append((m.start(), m.end(), got[1]))
    return numbers


def _opens_item(text: str, at: int) -> bool:
    """Whether a number at `at` opens an item: at the start of the text, a line, or after a sentence, a clause of a
    list (；) or the words announcing it (：)."""
    i = at - 1
    while i >= 0 and text[i] in " \t\u3000\r":
        i -= 1
    return i < 0 or text[i] in "：:。；;\n"


def _sentence_start(text: str, at: int, marks: str = SENTENCE) -> int:
    """Where the sentence (or clause, with its marks) `at` is in starts: after its mark, or _SENTENCE_REACH back."""
    window = max(0, at - _SENTENCE_REACH)
    return max(max(text.rfind(ch, window, at) for ch in marks) + 1, window)


class _Numbered(_State):
    """Numbered items across sentences (see the module's docstring)."""

    def _numbered_lists(self) -> None:
        text = self.text
        if not _ANNOUNCE.search(text) and "\n" not in text:
            return
        numbers = _numbers(text)
        if not any(n == 1 for marks in numbers.values() for _, _, n in marks):
            return
        read = _ReadSoFar(self.tokens, self.out.claims, self.out.unread)
        for marks in numbers.values():
            marks_at = [s for s, _, _ in marks]
            for i, (start, _, n) in enumerate(marks):
                if n != 1:
                    continue
                head = self._announced_total(start, read)
                if head is None or id(head.figure) in read.listed:
                    continue
                if id(head.figure) in read.heads:
                    self._cut_short(head, marks, marks_at, i, read)
                    continue
                items = self._items(marks, marks_at, i, read, zero_unit=head.unit)
                if len(items) < 2:
                    continue
                self.out.claims.append(Claim("sum", head.figure, head.fact, parts=items, sentence=head.sentence,
                                             of=head))
                head.head = True
                read.heads.add(id(head.figure))

    def _cut_short(self, head: Claim, marks: list, marks_at: list[int], i: int, read: _ReadSoFar) -> None:
        """"“三公”经费支出9.86万元，具体情况如下：（一）因公出国（境）费0万元。（二）公务用车购置及运行费6.34万元。其中：
        …。（三）公务接待费3.25万元": the list read with its sentences ended at the first sentence that was no item (the
        inner 其中); where the numbered items it began with go on past it, they are all its parts."""
        made = next((c for c in self.out.claims if c.kind == "sum" and c.of is head), None)
        if made is None or not made.parts:
            return
        own = {id(p.figure) for p in made.parts}
        items = self._items(marks, marks_at, i, read, own)
        # (only items of facts: "3.上缴上级支出0.00万元" names no line of the file, and the list its named items made
        # stays as it was)
        # (or all lines of accounts, none a fact's: "其中（按项级科目分类统计）：（一）2011301-行政运行…。主要用于…。（二）…")
        if len(items) > len(made.parts) and [id(p.figure) for p in items[:len(made.parts)]] == \
                [id(p.figure) for p in made.parts] and (all(p.fact is not None for p in items)
                                                         or all(p.fact is None for p in items)):
            made.parts = items
            read.listed |= {id(p.figure) for p in items}

    def _announced_total(self, first: int, read: _ReadSoFar) -> Claim | None:
        """The total the first item's number follows: an amount, then (in its sentence) the words announcing its
        parts and nothing else but figures said of it on the way (its change, its rate)."""
        text = self.text
        lead = text[max(0, first - _ANNOUNCE_REACH):first]
        said = next(reversed(list(_ANNOUNCE.finditer(lead))), None)      # the last word announcing parts
        if said is None or not _AFTER_ANNOUNCE.fullmatch(text, max(0, first - _ANNOUNCE_REACH) + said.end(), first):
            return self._heading_total(first, read)
        announce = max(0, first - _ANNOUNCE_REACH) + said.start()
        k = bisect.bisect_left(read.starts, announce) - 1
        stop = _sentence_start(text, announce)
        if announce - stop <= _BARE_ANNOUNCE and (k < 0 or read.nums[k].end <= stop):
            # "…增长8.31%。具体情况如下（按项级科目分类统计）：（一）…": a sentence of no figure that only announces the
            # parts — of the total stated in the sentence before
            bare = stop
            stop = _sentence_start(text, stop - 1)
            if k < 0 or read.nums[k].end <= stop:
                # (and one sentence of no figure before it: "…增长11.88%。按照…过紧日子的有关要求，…体现在有关支出科目中。
                # 其中（按项级科目分类统计）：（一）…" — as the reader passes it)
                stop = _sentence_start(text, stop - 1)
            return self._total_before(k, stop, read) or self._named_total(bare, announce, read)
        return self._total_before(k, stop, read)

    def _total_before(self, k: int, stop: int, read: _ReadSoFar) -> Claim | None:
        """The total among the figures from the k-th back to `stop`: the last amount, past the changes and rates said
        of it; None where another figure comes first."""
        text = self.text
        while k >= 0 and read.nums[k].start >= stop:
            tok = read.nums[k]
            c = read.claimed.get(id(tok))
            if tok.unit == "%" or (c is not None and c.kind in ("change", "rate", "share", "flat", "execution")):
                k -= 1
                continue
            if tok.unit not in MONEY:
                return None
            if c is not None:
                return c if c.kind == "level" and not c.compared else None
            if id(tok) not in read.others and id(tok) not in read.totals:
                return None
            # another body's total, read as no claim: its list is checked all the same (its arithmetic is its own)
            if _CHANGE_WORDS.search(text, _sentence_start(text, tok.start, "，,；;：:"), tok.start):
                return None
            return Claim("level", tok, None, sentence=read.sentence_of(tok))
        return None

    def _named_total(self, start: int, announce: int, read: _ReadSoFar) -> Claim | None:
        """"…。财政拨款收入支出增加的主要原因是…。财政拨款支出主要内容如下：1.…": a sentence that announces the parts of a
        total it names by one fact's words only, the total stated before a sentence or two of something else (a
        reason) — the last amount read as that very fact within reach (not a part or a source of it), if any."""
        words = [t for t in self.tokens[bisect.bisect_left(self._token_starts(), start):] if t.start < announce]
        facts = {t.get("fact") for t in words if t.kind == "word" and t.has("fact")}
        if len(facts) != 1 or any(t.kind == "num" for t in words):
            return None
        fact = facts.pop()
        reach = max(0, start - 2 * _SENTENCE_REACH)
        for tok in reversed(read.nums[bisect.bisect_left(read.starts, reach):bisect.bisect_left(read.starts, start)]):
            c = read.claimed.get(id(tok))
            if c is not None and c.kind == "level" and c.fact == fact and not c.compared and tok.unit in MONEY \
                    and id(tok) not in read.listed:
                return c
        return None

    def _token_starts(self) -> list[int]:
        """Where each token starts (made once a text)."""
        if self._starts_of_tokens is None:
            self._starts_of_tokens = [t.start for t in self.tokens]
        return self._starts_of_tokens

    def _heading_total(self, first: int, read: _ReadSoFar) -> Claim | None:
        """"（一）本年财政拨款收入2903.60万元\n1.一般公共预算拨款收入…。\n2.…": a heading line that ends on an amount, item 1
        on the next line — the items are its parts (as after 如下). The amount as read, if a level; else None."""
        k = bisect.bisect_left(read.starts, first) - 1
        if k < 0:
            return None
        tok = read.nums[k]
        between = self.text[tok.end:first]
        line = max(self.text.rfind("\n", 0, tok.start), -1) + 1
        if tok.unit not in MONEY or between.count("\n") != 1 or between.strip(" \t\u3000\r\n") \
                or ITEM_NUMBER.match(self.text, line) is None:
            return None
        c = read.claimed.get(id(tok))
        return c if c is not None and c.kind == "level" and not c.compared else None

    def _sole_allotment(self, marks: list, j: int, expect: int, read: _ReadSoFar):
        """"1.县域商业体系建设专项。主要用于…。安排经费260.00万元。2.…": an item that opens with its name and what it is
        for, its money stated later in it — the one amount of the item (to the next item's number, or the end of its
        paragraph for the last), after words that allot it (安排, 预算, 资金…). That amount, or None."""
        text, end = self.text, marks[j][1]
        if j + 1 < len(marks) and marks[j + 1][2] == expect + 1:
            stop = marks[j + 1][0]
        else:
            line = text.find("\n", end, end + _ITEM_REACH)
            stop = line if line >= 0 else min(len(text), end + _ITEM_REACH)
        if stop - end > _ITEM_REACH:
            return None
        lo, hi = bisect.bisect_left(read.starts, end), bisect.bisect_left(read.starts, stop)
        amounts = [t for t in read.nums[lo:hi] if t.unit in MONEY]
        if len(amounts) != 1 or any(t.unit == "%" for t in read.nums[lo:hi]):
            return None
        tok = amounts[0]
        return tok if _ALLOTTED.search(text, _sentence_start(text, tok.start, "，,；;：:。"), tok.start) else None

    def _items(self, marks: list, marks_at: list[int], i: int, read: _ReadSoFar,
               own: frozenset[int] | set[int] = frozenset(), zero_unit: str = "") -> list[Claim]:
        """The items numbered 1, 2, 3 … from marks[i] on, each its amount as a claim; [] when one of them is not the
        plain shape (then none is read). `own`: figures that may already be items (of the list being extended);
        `zero_unit`: the total's unit, for an item of nought written without one ("（一）因公出国（境）费为0，与…")."""
        text = self.text
        items: list[Claim] = []
        expect, j = 1, i
        while j < len(marks):
            start, end, n = marks[j]
            if n != expect:
                break
            k = bisect.bisect_left(read.starts, end)
            while k < len(read.nums) and not read.nums[k].unit and read.nums[k].start - end <= _NAME_REACH \
                    and not (zero_unit and read.nums[k].value == 0 and text[read.nums[k].end:read.nums[k].end + 1] in "，,。；;"):
                k += 1          # a code of the classification ("（一）[2130204]林业事业机构…"): part of the name
            if k >= len(read.nums):
                return []
            tok = read.nums[k]
            nought = zero_unit in MONEY and not tok.unit and tok.value == 0 and text[tok.end:tok.end + 1] in "，,。；;"
            if tok.start - end > _NAME_REACH or (tok.unit not in MONEY and not nought) \
                    or _NOT_A_NAME.search(text, end, tok.start):
                sole = self._sole_allotment(marks, j, expect, read)
                if sole is None:
                    return []
                tok, k, nought = sole, bisect.bisect_left(read.starts, sole.start), False
            if id(tok) in read.listed and id(tok) not in own:
                return []
            c = read.claimed.get(id(tok))
            if c is not None and c.kind == "sum" and c.of is not None and c.of.figure is tok:
                c = c.of        # (an item broken down in its turn: "1.社会保障管理1,006.00万元，主要包括：…")
            if c is not None and c.kind != "level":
                return []
            items.append(c if c is not None else Claim("level", tok, None, sentence=read.sentence_of(tok),
                                                        **({"unit": zero_unit} if nought else {})))
            nxt = bisect.bisect_right(marks_at, tok.end)
            if nxt >= len(marks) or marks[nxt][0] - tok.end > _ITEM_REACH:
                break
            j, expect = nxt, expect + 1
        return items
