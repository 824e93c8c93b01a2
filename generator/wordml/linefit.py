"""Lines mended before LibreOffice letter-spaces them or parts a figure from its unit (issue 20).

A justified line of Chinese text that cannot take the next token whole — a figure such as 1,234.56,
a percentage, a Latin word — spreads what it has left over between its characters, and reads
letter-spaced; and a line may end between a figure and its unit ("5.65" / "万元"). LibreOffice 7.4
reads none of the .docx settings for line breaking, so the document itself has to avoid those
lines: each body paragraph is set here line by line as LibreOffice sets it, and where a line would
end so, room is made on it for the token (or the unit) the way a compositor makes it — the half-em
blank of a full-width comma, full stop, enumeration comma, semicolon, colon or closing mark is
compressed, then the small space set between a Chinese character and a figure (w:spacing,
condensed, on those characters: Word and LibreOffice both honour it). A line that cannot be mended
so is left as it was; nothing else of the text changes.

The model of LibreOffice's line setting, measured on the body text of the three examples (every one
of the 714 lines it reads that a paragraph's end does not close is predicted; tests/test_line_fit.py):
- a full-width character is as wide as the type size times the character width (w:w), rounded to
  twips; a Latin character its Times New Roman width (data/latin_widths.yaml), likewise;
- between an ideograph and a Latin letter or digit (or an enclosed number ①) it sets a fifth of the
  type size ("space between Asian and non-Asian text");
- a line holds the section's text width less 1.4 pt, less the paragraph's indents — on GB/T 9704's
  156 mm, the measure every template of ours has: LibreOffice's grid makes what a line holds on
  another measure otherwise (11 pt less on 148 mm), so sections of another width are left alone;
- a line may break between two characters when one is an ideograph, or both are full-width, or
  after a space — never before a character forbidden to begin a line (，。%）…) nor after one forbidden
  to end it (（“《…); a Latin character may begin a line after a full-width mark only when the mark
  follows a full-width character (in "9.7%。1-12月" the full stop belongs to the figure's run);
- a comma, full stop, enumeration comma, semicolon or colon after a full-width character may hang
  past the line's end rather than go to the next line.
Word sets the same paragraphs a little differently (it has its own metrics); there the compressed
marks are a few compressed marks mid-line, which Chinese typesetting allows anywhere.
"""
from __future__ import annotations

import copy
import math
import unicodedata
from dataclasses import dataclass
from functools import cache

from .elements import AFTER_W, qn, set_in_place

LO_SHORTFALL = 1.4          # points: LibreOffice's lines on GB/T 9704's 156 mm hold this much less (measured)
GBT_9704_WIDTH = 156 / 25.4 * 72    # points: the type area's width the model is measured on
WIDTH_TOLERANCE = 1.5       # points: a section this close to it is set so; others are left alone (on a
                            # 148 mm measure LibreOffice's lines hold 11 pt less: its character grid decides)
SPREAD_LIMIT = 0.9          # points added between two characters beyond which a line reads letter-spaced
MARGIN = 0.4                # points of room kept when a line is mended (rounding to twips in either suite)
MARK_SCALES = (60, 50)      # per cent: how narrow a closing mark is drawn to make room, at most (then at the last)
IDEOGRAPH_SCALE = 92        # per cent: how narrow the ideographs of a line are drawn, at most
SHARE_LINES = 6             # how many lines before a letter-spaced one may share what it leaves over
SHARE_LIMIT = 0.97          # points a line sharing it may add between two characters, at most
PARTLY = 0.6, 1.5           # a sharing that leaves a line letter-spaced still is taken when it spreads less than
                            # this part of what the line spread, and no more than these points
EPS = 0.01
TOKEN_LIMIT = 60            # characters: a token longer than this is looked no further into (it fits no line)
DOCUMENT_LIMIT = 100_000    # characters of body text a document's lines are mended in, at most (a report has some
                            # 30 000; past that a file is not a report, and the rest is left as it is)
PLAN_LIMIT = 1_000          # groups of lines a document sets again to share what a line leaves over (a report: ~30)

HANG = frozenset("，。、；：")
SQUEEZABLE = frozenset("，。、；：！？）》」』】〕〉”’")      # full-width marks whose glyph sits in the left half
NO_START = frozenset("-!%),.:;?]}¢°·'\"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？］｝～”’」』】〉》…—")
NO_END = frozenset("$(£¥·'\"〈《「『【〔〖〝﹙﹛＄（．［｛￡￥“‘")
UNIT_LEADS = frozenset("万亿千百十")          # a unit of two characters: 万元, 亿元, 万亩, 千米 …
BREAK = "\u200b"            # zero width space: a place a line may end (Word's "no-width optional break")
FORMULA_SIGNS = "=×÷+"      # after which a formula written without a break may end a line

_P, _R, _T, _RPR, _PPR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:rPr"), qn("w:pPr")
_VAL, _SPACING = qn("w:val"), qn("w:spacing")
_PARA_CHILDREN = frozenset({_PPR, _R, qn("w:bookmarkStart"), qn("w:bookmarkEnd"), qn("w:proofErr")})
_RUN_REFUSED = tuple(qn(t) for t in ("w:rStyle", "w:vertAlign", "w:position", "w:fitText",
                                     "w:eastAsianLayout", "w:kern", "w:caps", "w:smallCaps"))
_AFTER_SPACING = (qn("w:w"), *AFTER_W)          # w:spacing comes right before w:w in CT_RPr
_LATIN_FONTS = (None, "Times New Roman", "Liberation Serif")


@dataclass(frozen=True)
class Measure:
    """How a paragraph is set: type size (pt), character width (per cent), what its lines hold
    (pt) and how much its first line is indented beyond the others (pt; negative: hanging)."""
    size: float
    scale: int
    width: float
    first: float


def is_wide(c: str) -> bool:
    """A character set a full em wide in the Chinese font: CJK, full-width punctuation, the Chinese
    quotation marks (templates set them in the Chinese face), enclosed numbers and Roman numerals."""
    o = ord(c)
    return o >= 0x2E80 or c in "“”‘’—…" or 0x2460 <= o <= 0x24FF or 0x2160 <= o <= 0x217F


def _enclosed(c: str) -> bool:
    return 0x2460 <= ord(c) <= 0x24FF


def is_ideograph(c: str) -> bool:
    return is_wide(c) and not _enclosed(c) and unicodedata.category(c)[0] not in "PS" and c not in "“”‘’"


def _latin(c: str) -> bool:
    """A character LibreOffice spaces off an ideograph: a Latin letter or digit, an enclosed number."""
    return (c.isascii() and c.isalnum()) or _enclosed(c)


@cache
def _latin_widths(bold: bool) -> dict[str, int]:
    import yaml

    from ..core.resources import PACKAGE_DIR

    data = yaml.safe_load((PACKAGE_DIR / "data" / "latin_widths.yaml").read_text(encoding="utf-8"))
    face = data["bold" if bold else "regular"]
    widths = {chr(32 + i): int(w) for i, w in enumerate(face["ascii"].split())}
    widths.update({k: int(v) for k, v in face["other"].items()})
    return widths


def _laid_out(points: float) -> float:
    """A width as LibreOffice lays it out, in whole twips (measured: 15.68 pt → 15.65, 7.84 → 7.85)."""
    return math.floor(points * 20 + 0.25) / 20


def advance(c: str, bold: bool, m: Measure) -> float | None:
    """The width LibreOffice gives a character, or None when the model does not know it."""
    if c == BREAK:
        return 0.0
    em = m.size * m.scale / 100
    if is_wide(c):
        return _laid_out(em)
    units = _latin_widths(bold).get(c)
    return None if units is None else _laid_out(units / 2048 * em)


def _gap(a: str, b: str, m: Measure) -> float:
    """The space LibreOffice sets between an ideograph and a Latin letter or digit."""
    return m.size / 5 if (is_ideograph(a) and _latin(b)) or (_latin(a) and is_ideograph(b)) else 0.0


def may_break(text: str, i: int) -> bool:
    """Whether LibreOffice may end a line between text[i-1] and text[i]."""
    a, b = text[i - 1], text[i]
    if a == BREAK:
        return True
    if b in NO_START or a in NO_END:
        return False
    if is_wide(a) and not is_ideograph(a) and _latin(b) and not _enclosed(b):
        return i >= 2 and is_wide(text[i - 2])
    if is_ideograph(a) or is_ideograph(b) or (is_wide(a) and is_wide(b)):
        return True
    return a == " "


def _hangs(text: str, i: int) -> bool:
    return text[i] in HANG and i >= 1 and is_wide(text[i - 1])


class Setting:
    """One paragraph's text as LibreOffice sets it: its characters' widths, how much narrower some
    are drawn (squeeze, points) and how much space some are given after them (space, points), and
    where its lines end."""

    def __init__(self, text: str, widths: list[float], m: Measure, plans: list[int] | None = None):
        self.text, self.widths, self.m = text, widths, m
        self.plans = plans if plans is not None else [PLAN_LIMIT]    # how many more groups may be set again (shared)
        self.squeeze = [0.0] * len(text)
        self.space = [0.0] * len(text)
        self.gaps = [0.0] + [_gap(a, b, m) for a, b in zip(text, text[1:])]     # before each character

    def avail(self, first: bool) -> float:
        return self.m.width - (self.m.first if first else 0.0)

    def _w(self, i: int) -> float:
        return self.widths[i] - self.squeeze[i] + self.space[i]

    def next_end(self, start: int, avail: float) -> int:
        """Where the line beginning at `start` ends (the index after its last character)."""
        text = self.text
        x, last, i, n = 0.0, None, start, len(text)
        while i < n:
            w = self._w(i) + (self.gaps[i] if i > start else 0.0)
            if i > start and may_break(text, i):
                last = i
            if x + w > avail + EPS and i > start:
                if _hangs(text, i) and x <= avail + EPS:
                    return i + 1
                if text[i] == " ":
                    while i < n and text[i] == " ":
                        i += 1
                    return i
                return last if last is not None else i
            x += w
            i += 1
        return n

    def width(self, start: int, end: int) -> float:
        """The width of text[start:end] set on one line."""
        return sum(self._w(i) for i in range(start, end)) + sum(self.gaps[start + 1:end])

    def _body(self, start: int, end: int) -> int:
        """The end of the line's characters within the measure (a mark hanging past it left out)."""
        return end - 1 if end - start > 1 and _hangs(self.text, end - 1) else end

    def slack(self, start: int, end: int, avail: float) -> float:
        """What a line leaves over for justification to spread (what it was given after its
        characters counted as spread too)."""
        body = self._body(start, end)
        return avail - self.width(start, body) + sum(self.space[start:body])

    def fault(self, start: int, end: int, avail: float) -> str | None:
        """What is wrong with a line that does not end the paragraph: "split" (a figure parted from
        the unit beginning the next line), "spaced" (letter-spaced), or None."""
        if end >= len(self.text):
            return None
        if self._splits(end):
            return "split"
        return "spaced" if self._spread(start, end, avail) > SPREAD_LIMIT else None

    def _spread(self, start: int, end: int, avail: float) -> float:
        """Points a justified line adds between two of its characters: LibreOffice spreads what it
        leaves over between its full-width characters and its runs of Latin text (measured)."""
        body = self._body(start, end)
        units = sum(1 for i in range(start, body) if is_wide(self.text[i]) or i == start or is_wide(self.text[i - 1]))
        return self.slack(start, end, avail) / max(1, units - 1)

    def wanted_end(self, end: int, fault: str) -> int:
        """Where the line should end instead: after the unit, or after the token it lost."""
        text, n = self.text, min(len(self.text), end + TOKEN_LIMIT)
        k = end + 1 if fault == "split" else self._after_token(end + 1)
        while k < n:
            if fault == "split" and text[k - 1] in UNIT_LEADS and is_ideograph(text[k]):
                k += 1                              # 万|元: the unit is two characters
            k = self._after_token(k)
            if not (k < n and self._splits(k)):
                return k
            fault, k = "split", k + 1               # the token lost was a figure: its unit comes too
        return k

    def _after_token(self, k: int) -> int:
        """The first place at or after k where a line may end (looking no further than a line's
        worth of characters)."""
        limit = min(len(self.text), k + TOKEN_LIMIT)
        while k < limit and not may_break(self.text, k):
            k += 1
        return k

    def _splits(self, end: int) -> bool:
        """A line ending at `end` parts a figure from the unit after it."""
        a, b = self.text[end - 1], self.text[end]
        return a.isascii() and a.isalnum() and is_ideograph(b)

    def room(self, start: int, end: int, need: float) -> list[float] | None:
        """Narrower characters giving text[start:end] `need` points of room — its closing marks
        first (their blank half), then its ideographs a few per cent — as the squeeze each
        character is given; None when that is not enough."""
        text, m = self.text, self.m
        marks = [i for i in range(start, end) if text[i] in SQUEEZABLE and not self.squeeze[i]]
        ideographs = [i for i in range(start, end) if is_ideograph(text[i]) and not self.squeeze[i]]
        full = _laid_out(m.size * m.scale / 100)
        stages = [(MARK_SCALES[0], m.scale), (MARK_SCALES[0], IDEOGRAPH_SCALE), (MARK_SCALES[1], IDEOGRAPH_SCALE)]
        for floor, other_scale in stages:
            kept = len(ideographs) * (full - _laid_out(m.size * other_scale / 100))
            for scale in range(m.scale - 1, floor - 1, -1):
                if len(marks) * (full - _laid_out(m.size * scale / 100)) + kept >= need:
                    out = list(self.squeeze)
                    for i in marks:
                        out[i] = full - _laid_out(m.size * scale / 100)
                    for i in ideographs if other_scale != m.scale else ():
                        out[i] = full - _laid_out(m.size * other_scale / 100)
                    return out
        return None

    def mend(self) -> int:
        """Set the paragraph, mending each line that would be letter-spaced or part a figure from
        its unit; returns how many lines were mended. A line is mended by making room on it for
        what it lost (room); a letter-spaced line that cannot be, by sharing what it has left over
        with the lines before it (share)."""
        lines: list[list] = []
        start, mended, n = 0, 0, len(self.text)
        while start < n:
            avail = self.avail(not lines)
            end = self.next_end(start, avail)
            fault = self.fault(start, end, avail)
            if fault and self._make_room(start, end, avail, fault):
                end, mended = self.next_end(start, avail), mended + 1
            elif fault == "spaced" and self._share(lines, start, end, avail):
                mended += 1
                start = end
                continue                        # the lines it shares with are set again, this one too
            lines.append([start, end, avail])
            start = end
        return mended

    def _make_room(self, start: int, end: int, avail: float, fault: str) -> bool:
        want = self.wanted_end(end, fault)
        if self.width(end, want) > avail / 2:
            return False                    # a token that long fits on no line with room made
        need = self.width(start, self._body(start, want)) - avail + MARGIN
        trial = self.room(start, self._body(start, want), need) if need > 0 else None
        if trial is None:
            return False
        kept, self.squeeze = self.squeeze, trial
        new_end = self.next_end(start, avail)
        if new_end >= want and self.fault(start, new_end, avail) is None:
            return True
        self.squeeze = kept
        return False

    def _share(self, lines: list[list], start: int, end: int, avail: float) -> bool:
        """Set this line and up to SHARE_LINES lines before it again, as many lines ending where
        this one ends, so that each leaves over its part of what they leave over together — the
        lines but the last given the space after their characters that makes LibreOffice end them
        there. The fewest lines that leave none letter-spaced are taken; when no group does, the
        group whose most spaced line is least spaced, if that is well below this line's spread."""
        best = None
        for back in range(1, min(SHARE_LINES, len(lines)) + 1):
            if self._splits(lines[-back][1]) or self.plans[0] <= 0:
                break
            self.plans[0] -= 1
            group = lines[-back:] + [[start, end, avail]]
            plan = self._plan(group)
            if plan is None:
                continue
            if best is None or plan[0] < best[0]:
                best = (plan[0], plan[1], group)
            if plan[0] <= SHARE_LIMIT:
                break
        if best is None or (best[0] > SHARE_LIMIT and
                            (best[0] > self._spread(start, end, avail) * PARTLY[0] or best[0] > PARTLY[1])):
            return False
        new = self._apply(best[2], best[1])
        if new is None:
            return False
        lines[-len(new) + 1:] = new[:-1]
        lines.append(new[-1])
        return True

    def _plan(self, group: list[list]) -> tuple[float, list[int]] | None:
        """Where the group's lines end when set again from its first line's start to its last
        line's end, as many lines, chosen so that the most letter-spaced of them is spaced least
        (dynamic programming over the places a line may end): (that spread, the lines' bounds)."""
        first, last_end = group[0][0], group[-1][1]
        text = self.text
        ends = [e for e in range(first + 1, last_end) if may_break(text, e) and not self._splits(e)]
        # sums from the group's start, so that a line's width and spread cost no walk over it
        width, gaps, units = [0.0], [0.0, 0.0], [0, 0]
        for i in range(first, last_end):
            width.append(width[-1] + self.widths[i] - self.squeeze[i])
            if i > first:
                gaps.append(gaps[-1] + self.gaps[i])
                units.append(units[-1] + (is_wide(text[i]) or is_wide(text[i - 1])))

        def spread(p: int, e: int, av: float) -> float | None:
            body = e - 1 if e - p > 1 and _hangs(text, e - 1) else e
            a, b = p - first, body - first
            left = av - (width[b] - width[a]) - (gaps[b] - gaps[a + 1] if b > a + 1 else 0.0)
            return None if left < 0 else left / max(1, units[b] - units[a + 1])

        layers: list[dict] = []
        layer = {first: (0.0, -1)}          # where a line may begin → (the worst spread so far, where the line before began)
        for j, (_, _, av) in enumerate(group):
            nxt: dict = {}
            starts = sorted(layer, reverse=True)
            for e in ([last_end] if j == len(group) - 1 else ends):
                for p in (p for p in starts if p < e):
                    line = spread(p, e, av)
                    if line is None:
                        break
                    worst = max(layer[p][0], line)
                    if e not in nxt or worst < nxt[e][0]:
                        nxt[e] = (worst, p)
            if not nxt:
                return None
            layers.append(nxt)
            layer = nxt
        if last_end not in layer:
            return None
        bounds = [last_end]
        for j in range(len(group) - 1, -1, -1):
            bounds.append(layers[j][bounds[-1]][1])
        return layer[last_end][0], bounds[::-1]

    def _apply(self, group: list[list], bounds: list[int]) -> list[list] | None:
        """The group's lines set at these bounds, each but the last given its space; None (and
        nothing given) when LibreOffice would not end them there."""
        kept = list(self.space)
        for i in range(bounds[0], bounds[-1]):
            self.space[i] = 0.0
        out = []
        for (s, e), (_, _, av) in zip(zip(bounds, bounds[1:]), group):
            if e != bounds[-1]:
                self._give_space(s, e, av)
            if self.next_end(s, av) != e:
                self.space = kept
                return None
            out.append([s, e, av])
        return out

    def _give_space(self, start: int, end: int, avail: float) -> None:
        """Space after each character of text[start:end] but its last, filling the line to just
        short of its measure, so that the next character does not fit."""
        body = self._body(start, end)
        for i in range(start, end):
            self.space[i] = 0.0
        each = math.floor((avail - self.width(start, body) - MARGIN) / max(1, body - start - 1) * 20) / 20
        for i in range(start, body - 1):
            self.space[i] = max(0.0, each)

    def lines(self) -> list[str]:
        """The paragraph's lines as set (with what the characters were given)."""
        out, start, first = [], 0, True
        while start < len(self.text):
            end = self.next_end(start, self.avail(first))
            out.append(self.text[start:end])
            start, first = end, False
        return out


# ---- the document: which paragraphs are set so, their text and widths, the compression written ----

_SECT, _PGSZ, _PGMAR, _COLS = qn("w:sectPr"), qn("w:pgSz"), qn("w:pgMar"), qn("w:cols")
_PSTYLE, _JC, _SNAP, _IND, _NUMPR = qn("w:pStyle"), qn("w:jc"), qn("w:snapToGrid"), qn("w:ind"), qn("w:numPr")
_SZ, _W, _B, _FONTS = qn("w:sz"), qn("w:w"), qn("w:b"), qn("w:rFonts")
_OFF = ("0", "false", "off")


def fit_lines(document, styles) -> int:
    """Mend the lines of the document's body paragraphs that LibreOffice would letter-space or
    end between a figure and its unit (see above); returns how many lines were mended. `styles`
    is the document's wordml.styletable.StyleTable."""
    body = document.find(qn("w:body"))
    if body is None:
        return 0
    mended, budget, plans = 0, DOCUMENT_LIMIT, [PLAN_LIMIT]
    for p, text_width in _paragraphs(body):
        if budget <= 0:
            break
        m = _measure(p, styles, text_width)
        read = _read(p, m) if m is not None else None
        if m is None or read is None:
            continue
        if _open_formulas(read[0], read[1], read[2], m):
            read = _read(p, m)              # read again, the zero width spaces in it
        if read is None:
            continue
        text, widths, owners = read
        budget -= len(text)
        setting = Setting(text, widths, m, plans)
        lines = setting.mend()
        if lines:
            _write(setting, owners)
            mended += lines
    return mended


def _open_formulas(text: str, widths: list[float], owners: list[tuple], m: Measure) -> bool:
    """A formula written with no place to end a line in it ("…决算数）×100%=0÷（0+3237.75+0）×100%=0%")
    wider than a third of a line is given one after each sign (a zero width space, as a
    compositor breaks a formula after a relation or operation sign); returns whether any was given."""
    places, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or may_break(text, i):
            if sum(widths[start:i]) > m.width / 3:
                places += [k for k in range(start, i - 1) if text[k] in FORMULA_SIGNS and text[k + 1] != BREAK]
            start = i
    for k in reversed(places):
        _, t, offset = owners[k]
        t.text = t.text[:offset + 1] + BREAK + t.text[offset + 1:]
    return bool(places)


def _paragraphs(body):
    """Each paragraph of the body with the text width of its section (points), sections of one
    column only."""
    width = None
    out = []
    for el in reversed(body):
        sect = el if el.tag == _SECT else el.find(f"{_PPR}/{_SECT}") if el.tag == _P else None
        if sect is not None:
            width = _text_width(sect)
        if el.tag == _P and width is not None:
            out.append((el, width))
    return reversed(out)


def _text_width(sect) -> float | None:
    size, margins, cols = sect.find(_PGSZ), sect.find(_PGMAR), sect.find(_COLS)
    if size is None or margins is None or (cols is not None and cols.get(qn("w:num"), "1") not in ("1", "0")):
        return None
    try:
        twips = int(size.get(qn("w:w"))) - sum(int(margins.get(qn(f"w:{k}"), "0")) for k in ("left", "right", "gutter"))
    except (TypeError, ValueError):
        return None
    width = twips / 20
    return width if abs(width - GBT_9704_WIDTH) <= WIDTH_TOLERANCE else None


def _measure(p, styles, text_width: float) -> Measure | None:
    """How the paragraph is set, when it is set as the model knows: justified, off the character
    grid, not numbered."""
    ppr = p.find(_PPR)

    def own(tag):
        return ppr.find(tag) if ppr is not None else None

    style_el = own(_PSTYLE)
    style = style_el.get(_VAL) if style_el is not None else None
    jc, snap, ind = own(_JC), own(_SNAP), own(_IND)
    if own(_NUMPR) is not None:
        return None
    if (jc.get(_VAL) if jc is not None else styles.alignment(style)) != "both":
        return None
    if (snap.get(_VAL) not in _OFF if snap is not None else styles.on_grid(style)):
        return None
    left, right, first = styles.left_indent(style), styles.right_indent(style), styles.first_indent(style)
    if ind is not None:
        from .styletable import first_indent

        left = _int(ind.get(qn("w:left"), ind.get(qn("w:start"))), left)
        right = _int(ind.get(qn("w:right"), ind.get(qn("w:end"))), right)
        own_first = first_indent(ind)
        first = own_first if own_first is not None else first
    return Measure(styles.size(style), styles.scale(style), text_width - LO_SHORTFALL - (left + right) / 20, first / 20)


def _int(value, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read(p, m: Measure):
    """The paragraph's text, each character's width and where it is (run, w:t, offset), or None
    when the paragraph holds something the model does not measure or is set already (a run drawn
    narrower or wider, or spaced: by hand, or by an earlier pass)."""
    read = _read_runs(p, m)
    if read is None or any(form != (m.scale, 0) for form in read[3]):
        return None
    return read[:3]


def _read_as_set(p, m: Measure) -> Setting | None:
    """The paragraph as it is set, the widths and spaces its runs state included: what LibreOffice
    lays out of a delivered .docx (the tests hold LibreOffice's lines to it)."""
    read = _read_runs(p, m)
    if read is None:
        return None
    text, widths, _, forms = read
    setting = Setting(text, widths, m)
    full = _laid_out(m.size * m.scale / 100)
    for i, (scale, space) in enumerate(forms):
        if scale != m.scale and is_wide(text[i]):
            setting.squeeze[i] = full - _laid_out(m.size * scale / 100)
        setting.space[i] = space / 20
    return setting


def _read_runs(p, m: Measure):
    """(text, widths, owners, each character's (width per cent, space after it in twips)), or None."""
    text: list[str] = []
    widths: list[float] = []
    owners: list[tuple] = []
    forms: list[tuple[int, int]] = []
    for child in p:
        if child.tag not in _PARA_CHILDREN:
            return None
        if child.tag != _R:
            continue
        style = _run_style(child, m)
        if style is None:
            return None
        bold, latin_ok, form = style
        for t in child:
            if t.tag == _RPR:
                continue
            if t.tag != _T:
                return None
            for k, c in enumerate(t.text or ""):
                w = advance(c, bold, m) if latin_ok or is_wide(c) else None
                if w is None:
                    return None
                text.append(c)
                widths.append(w)
                owners.append((child, t, k))
                forms.append(form)
    return ("".join(text), widths, owners, forms) if text else None


def _run_style(r, m: Measure) -> tuple[bool, bool, tuple[int, int]] | None:
    """(bold, whether its Latin text is in Times New Roman, (its width per cent, the space after
    each character in twips)), or None for a run set otherwise than the model measures (another
    size, raised, a character style)."""
    rpr = r.find(_RPR)
    if rpr is None:
        return False, True, (m.scale, 0)
    if any(rpr.find(tag) is not None for tag in _RUN_REFUSED):
        return None
    sz, w, b, fonts, spacing = rpr.find(_SZ), rpr.find(_W), rpr.find(_B), rpr.find(_FONTS), rpr.find(_SPACING)
    if sz is not None and sz.get(_VAL) != str(round(m.size * 2)):
        return None
    scale, space = _int(w.get(_VAL, "").rstrip("%") if w is not None else None, m.scale), \
        _int(spacing.get(_VAL) if spacing is not None else None, 0)
    latin = fonts.get(qn("w:ascii")) if fonts is not None else None
    return b is not None and b.get(_VAL) not in _OFF, latin in _LATIN_FONTS, (scale, space)


def _write(setting: Setting, owners: list[tuple]) -> None:
    """Each run holding a character drawn narrower or given space after it cut into runs alike
    throughout, those drawn at their width (w:w) and spaced by their space (w:spacing, twips)."""
    m = setting.m
    full = _laid_out(m.size * m.scale / 100)
    by_run: dict = {}
    for squeeze, space, (r, t, k) in zip(setting.squeeze, setting.space, owners):
        form = (_scale_of(full - squeeze, m) if squeeze else None, round(space * 20))
        by_run.setdefault(r, []).append((form, t.text[k]))
    for r, chars in by_run.items():
        if not any(form != (None, 0) for form, _ in chars):
            continue
        rpr = r.find(_RPR)
        segments: list[list] = []
        for form, c in chars:
            if segments and segments[-1][0] == form:
                segments[-1][1] += c
            else:
                segments.append([form, c])
        for (scale, space), chunk in segments:
            new = r.makeelement(_R, dict(r.attrib))
            props = copy.deepcopy(rpr) if rpr is not None else None
            if scale or space:
                if props is None:
                    props = new.makeelement(_RPR, {})
                if space:
                    set_in_place(props, _SPACING, str(space), _AFTER_SPACING)
                if scale:
                    set_in_place(props, _W, str(scale), AFTER_W)
            if props is not None:
                new.append(props)
            t_el = new.makeelement(_T, {})
            t_el.text = chunk
            t_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            new.append(t_el)
            r.addprevious(new)
        r.getparent().remove(r)


def _scale_of(width: float, m: Measure) -> int:
    """The character width (per cent) a full-width character of this width is drawn at."""
    return next(s for s in range(m.scale, 0, -1) if _laid_out(m.size * s / 100) <= width + EPS)


