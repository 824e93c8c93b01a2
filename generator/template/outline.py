"""Outline markers (1. （1） 一、 （一） ①) typed by a user into items a template numbers itself.

Templates number the entries of a list (duties, work items, problems, measures …) with
`loop.index|numbering(…)`. An entry that carries its own number, or several entries typed as one
numbered string ("1.拟订…；2.监测…"), then prints as "（1）1.拟订…；2.监测…". Whether a template
numbers a list is the template's business, so the doubling is found in what a trial render
printed (`doubled`), and the context then builds those entries without their typed numbers
(`split`, `strip`); the check says which field to rewrite.
"""
from __future__ import annotations

import html
import re

from .phrases import _CIRCLED, cn_number

_CN = "一二三四五六七八九十"
# One marker. A figure is no marker: "1.5倍" (a digit after the point), "2023年".
_OTHERS = r"|[（(]\d{1,3}[）)]|[" + _CN + r"]{1,3}、|[（(][" + _CN + r"]{1,3}[）)]|[" + _CIRCLED + r"]"
MARK = r"(?:\d{1,3}[.．、](?!\d)" + _OTHERS + ")"
LEADING = re.compile(r"\s*(" + MARK + r")\s*")
# Where the next item of a numbered string may start: after a clause or sentence ends.
_BOUNDARY = "；;。！？!?\n \u3000"


def _variants(mark: str, n: int) -> list[str]:
    """The ways item n is written in the style of `mark`, the first item's marker."""
    if mark[0] in "0123456789":       # not str.isdigit, which ① passes
        return [f"{n}.", f"{n}．"] if mark[-1] in ".．" else [f"{n}、"]
    if mark[0] in "（(" and mark[1].isdigit():
        return [f"（{n}）", f"({n})"]
    if mark[0] in "（(":
        return [f"（{cn_number(n)}）", f"({cn_number(n)})"]
    if mark[-1] == "、":
        return [f"{cn_number(n)}、"]
    return [_CIRCLED[n - 1]] if n <= len(_CIRCLED) else []


def _first(text: str) -> re.Match | None:
    """The marker a text starts with, if it is the first of its style (1. （1） 一、 （一） ①)."""
    m = LEADING.match(text)
    if m is None or m.group(1) not in _variants(m.group(1), 1):
        return None
    return m


def strip(text: str) -> str:
    """The text without the marker it starts with."""
    m = LEADING.match(text)
    return text[m.end():] if m else text


def split(text: str) -> list[str]:
    """"1.拟订…；2.监测…；3.承办…" → its items without their numbers; a text that is not such a
    sequence (one item, or numbers that do not run 1, 2, 3 …) → itself without its leading marker."""
    m = _first(text)
    if m is None:
        return [strip(text)]
    mark, starts, n = m.group(1), [m.start(1)], 2
    while True:
        at = _next(text, _variants(mark, n), starts[-1] + 1)
        if at is None:
            break
        starts.append(at)
        n += 1
    pieces = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
    return [strip(p).rstrip() for p in pieces]


def _next(text: str, variants: list[str], start: int) -> int | None:
    best = None
    for v in variants:
        i = text.find(v, start)
        while i != -1:
            after = text[i + len(v): i + len(v) + 1]
            if text[i - 1] in _BOUNDARY and not after.isdigit():
                best = i if best is None else min(best, i)
                break
            i = text.find(v, i + 1)
    return best


def numbered(text: str) -> int:
    """How many items a numbered string holds (0: it does not start with a first marker)."""
    return len(split(text)) if _first(text) else 0


_PARA = re.compile(r"<w:p[ >].*?</w:p>", re.S)
_RUN_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def paragraphs(outputs: dict) -> list[str]:
    """The plain text of every paragraph a render printed (its parts' WordprocessingML)."""
    out = []
    for xml in outputs.values():
        for p in _PARA.findall(xml):
            text = html.unescape("".join(_RUN_TEXT.findall(p)))
            if text.strip():
                out.append(text)
    return out


def doubled(texts, outputs: dict) -> list[tuple[tuple, str]]:
    """(path, what was printed) for each text that starts with its own marker and was printed
    right after a marker of the template's: "（1）1.拟订…". `outputs`: what a render printed.
    One pass over the printed paragraphs (every marker right before another), then one look-up
    per text: a file of ten thousand numbered items costs no more than reading it."""
    found, seen = [], None
    for path, text in texts:
        m = LEADING.match(text)
        if m is None:
            continue
        head = text[m.start(1):].split("{{")[0][:_HEAD]     # a {{ reference }} is printed expanded
        if len(head) < len(m.group(1)) + 2:
            continue
        if seen is None:            # read only when some text starts with a number: most do not
            seen = _marked_twice(paragraphs(outputs))
        shown = next((s for after, s in seen.get(head[:4], ()) if after.startswith(head)), "")
        if shown:
            found.append((path, shown))
    return found


_HEAD = 16
# a marker right before another: the first may be followed by a digit (the "1." of "1.1.")
_TWICE = re.compile(r"(?:\d{1,3}[.．、]" + _OTHERS + r")\s*(?=(" + MARK + r"))")


def _marked_twice(printed: list[str]) -> dict[str, list[tuple[str, str]]]:
    """What follows each marker printed right after another marker, by its first characters:
    (the text from the second marker on, the words a message quotes)."""
    out: dict[str, list] = {}
    for p in printed:
        for m in _TWICE.finditer(p):
            after = p[m.start(1): m.start(1) + _HEAD]
            out.setdefault(after[:4], []).append((after, after and p[m.start(): m.start(1) + _HEAD] + "…"))
    return out
