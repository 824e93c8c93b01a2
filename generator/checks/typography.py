"""Typography of an official document: the slips a clerk makes typing Chinese on a Western keyboard.

Each is a warning that says what to write instead: half-width punctuation inside Chinese text,
square brackets around the year of a document number (〔2016〕), `*` and `/` in a formula (× ÷),
a word typed twice, and a self-reference that is not the department's own (我司 for a 局).
"""
from __future__ import annotations

import re

from ..model.facts import Report
from ..model.findings import Document, Findings
from .text import iter_texts

# Chinese text, for these checks: any character beyond ASCII (a class of one range compiles in
# microseconds; the CJK blocks spelt out take a millisecond at every start)
_CJK = r"^\x00-\x7f"
_FULL = {";": "；", ",": "，", "(": "（", ")": "）", ":": "："}
# a half-width mark with Chinese on at least one side (not "10:30", "1,000", "(PPP)")
_PUNCT = re.compile(rf"(?<=[{_CJK}])\s*[;,():]|[;,():]\s*(?=[{_CJK}])")
_BRACKET = re.compile(r"[\[【(（]\s*([0-9]{4})\s*[\]】)）](?=\s*[0-9]+\s*号)")
_TIMES = re.compile(r"(?<=[0-9）)%])\s*\*\s*(?=[0-9（(])")
# a division between figures or bracketed terms, or between a named quantity and a figure or
# bracket ("决算数/（年初…"); never between two words, where "/" is a unit ("万元/人", "人/次")
_DIVIDE = re.compile(r"(?<=[0-9）)])\s*/\s*(?=[0-9（(]|[^\x00-\x7f])|(?<=[^\x00-\x7f])\s*/\s*(?=[0-9（(])")
_DOUBLED = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_SELF = re.compile(r"(?:我|本)([局委办厅院司])(?!长)")
# words that are said twice on purpose
_RHYTHM = re.compile(r"^(?:一|每|逐|步|层|节|年|月|天|人|家)")


def check_typography(report: Report, doc: Document, found: Findings) -> None:
    own = report.department.name[-1] if report.department and report.department.name else ""
    for path, text in iter_texts(report):
        if path and path[0] in ("rubric", "template"):
            continue
        latin = _latin_parentheses(text)
        marks = [m for m in _PUNCT.finditer(text) if m.end() - 1 not in latin]
        if marks:
            kinds = "".join(dict.fromkeys(m.group().strip() for m in marks))
            fix = "、".join(f"“{k}”改为“{_FULL[k]}”" for k in kinds)
            found.warning("TYPO-PUNCT", f"中文里有 {len(marks)} 处半角标点（如“…{_around(text, marks[0])}…”）：{fix}。",
                          doc, path, marks[0].start() + (len(marks[0].group()) - len(marks[0].group().lstrip())))
        for m in _BRACKET.finditer(text):
            found.warning("TYPO-BRACKET", f"文号的年份应用六角括号：“{text[max(0, m.start() - 6):m.end() + 3]}”中的"
                          f"“{m.group()}”应为“〔{m.group(1)}〕”。", doc, path, m.start())
        operators = [(m, "×") for m in _TIMES.finditer(text)]
        if operators or "=" in text or "＝" in text:
            operators += [(m, "÷") for m in _DIVIDE.finditer(text) if not _date_like(text, m)]
        if operators:
            m, _ = min(operators, key=lambda o: o[0].start())
            signs = "、".join(dict.fromkeys(f"“{o.group().strip()}”改为“{s}”" for o, s in operators))
            found.warning("TYPO-OPERATOR", f"算式中用了程序里的运算符（“…{_around(text, m)}…”）：{signs}。",
                          doc, path, m.start() + len(m.group()) - len(m.group().lstrip()))
        for m in _DOUBLED.finditer(text):
            if _RHYTHM.match(m.group(1)) or "每" in m.group(1):
                continue                # ("行政村每村每月": 每X每Y, each of two things)
            found.warning("TYPO-DOUBLED", f"“{text[max(0, m.start() - 4):m.end() + 4]}”中“{m.group(1)}”重复了一次。",
                          doc, path, m.start() + len(m.group(1)))
        if own in "局委办厅院司":
            for m in _SELF.finditer(text):
                if m.group(1) != own:
                    found.warning("TYPO-SELF", f"“{text[max(0, m.start() - 6):m.end() + 6]}”：本部门是“{report.department.name}”，"
                                  f"自称应为“{m.group()[0]}{own}”，此处写成“{m.group()}”。", doc, path, m.start())


def _latin_parentheses(text: str) -> set:
    """Positions of "(" and ")" around Latin text after a Latin word — "PPP(Public-Private Partnership)"
    is a foreign term with its gloss, typeset as Latin."""
    out = set()
    for m in re.finditer(r"\(([\x20-\x7e]*)\)", text):
        if m.start() == 0 or text[m.start() - 1].isascii():
            out |= {m.start(), m.end() - 1}
    return out


def _date_like(text: str, m: re.Match) -> bool:
    """2023/12/31 is a date, not a division."""
    return bool(re.search(r"[0-9]{4}\s*/\s*[0-9]{1,2}\s*/\s*[0-9]{1,2}", text[max(0, m.start() - 7):m.end() + 6]))


def _around(text: str, m: re.Match, width: int = 8) -> str:
    return text[max(0, m.start() - width): m.end() + width].replace("\n", " ")
