"""Line breaking in the body text of a report as LibreOffice sets it (issue 20), read back from the PDF:
lines letter-spaced because the next token (a figure, a percentage, a Latin word) could not be broken and
went whole to the next line, and a figure parted from its unit at a line end ("5.65" / "万元").

The body text is off the character grid (wordml/chargrid.py): each Chinese character is 16 pt drawn at 98 %,
15.68 pt, one after the other, and a justified line spreads what it has left over between its Chinese
characters. pdftotext gives a word per run of characters set without a gap, so a letter-spaced line comes back
as many one-character words; the pitch of its Chinese characters is what the eye reads as letter-spacing.
"""
from __future__ import annotations

import re
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

CJK_WIDTH = 15.68                 # a body character: 3号 (16 pt) at the 98 % width chargrid.py gives it
SPACED = 1.0                      # points added between two characters beyond which a line reads letter-spaced
LEFT, RIGHT = 28 / 25.4 * 72, (28 + 156) / 25.4 * 72      # the type area's edges, in points (GB/T 9704)
FOOT = 760                        # the type area ends 35 mm above the foot of the page; the page number is below
_BODY_BOX = (20, 22)              # pdftotext's box height of a 16 pt line (ascent + descent): not tables, titles
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_FIGURE_END = re.compile(r"[0-9]$")
_UNIT_START = re.compile(r"[\u3400-\u9fff%％‰]")      # after a figure, a Chinese character is its unit or measure word


@dataclass(frozen=True)
class Word:
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Line:
    page: int
    baseline: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return "".join(w.text for w in self.words)

    @property
    def left(self) -> float:
        return self.words[0].x0

    @property
    def right(self) -> float:
        return self.words[-1].x1

    def __str__(self) -> str:
        return f"p{self.page}: {self.text}"


def is_wide(c: str) -> bool:
    """A character set a full em wide: Chinese, full-width punctuation, and the Chinese quotation marks
    (templates set them in the Chinese font)."""
    return ord(c) >= 0x2E80 or c in "“”‘’"


def body_lines(pdf: Path) -> list[Line]:
    """The lines of 3号 body text of every page, in reading order (tables, titles and page numbers left out)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = []
    for page, chunk in enumerate(html.split("<page ")[1:], 1):
        rows: dict[int, list[Word]] = {}
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            if _BODY_BOX[0] < float(y1) - float(y0) < _BODY_BOX[1] and float(y1) < FOOT:
                rows.setdefault(round(float(y1)), []).append(Word(float(x0), float(x1), text))
        lines += [Line(page, y, tuple(sorted(words, key=lambda w: w.x0))) for y, words in sorted(rows.items())]
    return lines


def pitches(line: Line) -> list[float]:
    """The distance from each Chinese character to the next where both are wide: within a word the average,
    between words the gap (a figure between two characters is left out: its width is its own)."""
    out = []
    for w in line.words:
        if len(w.text) >= 2 and all(is_wide(c) for c in w.text):
            out += [(w.x1 - w.x0 - CJK_WIDTH) / (len(w.text) - 1)] * (len(w.text) - 1)
    for a, b in zip(line.words, line.words[1:]):
        if is_wide(a.text[-1]) and is_wide(b.text[0]):
            out.append(b.x0 - a.x1 + CJK_WIDTH)
    return out


def added_space(line: Line) -> float:
    """Points a justified line puts between two of its Chinese characters beyond their width."""
    found = pitches(line)
    return statistics.median(found) - CJK_WIDTH if found else 0.0


def is_full(line: Line) -> bool:
    """The line runs to the right edge of the type area (justified, or filled)."""
    return line.right > RIGHT - 3


def letter_spaced(lines: list[Line]) -> list[Line]:
    """Lines spread more than SPACED points a character: a line that lost a whole token to the next, not the
    half point a line gives when it keeps a closing mark off the next line's start."""
    return [line for line in lines if is_full(line) and added_space(line) > SPACED]


def figure_unit_splits(lines: list[Line]) -> list[tuple[Line, Line]]:
    """A full line ending in a figure, followed in the same paragraph (the next line starts at the left edge,
    not indented as a paragraph's first line is) by a line beginning with its unit ("万元", "分", "%", "年" …)."""
    return [(a, b) for a, b in zip(lines, lines[1:])
            if is_full(a) and abs(b.left - LEFT) < 2 and _FIGURE_END.search(a.text) and _UNIT_START.match(b.text)]
