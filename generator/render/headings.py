"""Headings one style a level, numbered as the outline nests, and quotation marks in the Chinese face.

GB/T 9704 7.3.3 numbers the levels of a document "一、" "（一）" "1." "（1）" (and ① below), the first
level in 黑体, the second in 楷体, the others in 仿宋. A template sets the headings it writes in its
Heading styles; but a heading also comes from text — "（一）存在问题。……" written on in a body
paragraph, or a county's facts that number their own paragraphs — and was then set in 仿宋 where the
template's （一） is 楷体. After rendering, each paragraph of the body that opens with a level's
number is read in order:

- a number that starts again at one below an item of its own level or a deeper one (平远's facts
  number the paragraphs of "②采购内控制度建设" （一）–（五）, the document's second level) is a list
  inside that item: it is renumbered one level below it ("①" under "（1）"), and below ① — the last
  level GB/T 9704's practice has — as running text does it, "一是" "二是";
- a first- or second-level heading written on in a body paragraph has its number and title (up to
  the first "。") set in its level's Heading style's face, as the template's own headings are.

Quotation marks “ ” ‘ ’ are set in the run's Chinese face: Word and LibreOffice take them for
Latin characters and set them in Times New Roman, narrow and low beside 仿宋.
"""
from __future__ import annotations

import copy
import re

from ..wordml.elements import qn

LEVEL_NUMBERS = (
    (1, re.compile(r"[一二三四五六七八九十]+、")),
    (2, re.compile(r"（[一二三四五六七八九十]+）")),
    (3, re.compile(r"\d{1,2}[.．](?!\d)")),
    (4, re.compile(r"（\d{1,2}）")),
    (5, re.compile(r"[①-⑳]")),
)
CHINESE = "一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
QUOTES = "“”‘’"
TITLE_MAX = 30          # characters: a run-in title longer than this is a sentence, not a title

_P, _PPR, _PSTYLE, _R, _RPR, _T = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr"), qn("w:t")
_FONTS, _VAL, _B = qn("w:rFonts"), qn("w:val"), qn("w:b")
_EAST, _HINT = qn("w:eastAsia"), qn("w:hint")


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (as far as a document's numbering goes)."""
    tens, units = divmod(n, 10)
    return (("" if tens < 2 else CHINESE[tens - 1]) + ("十" if tens else "") + (CHINESE[units - 1] if units else "")
            ) or "零"


def number_of(text: str) -> tuple[int, int, int] | None:
    """(level, number, length of the numbering) of a paragraph that opens with a level's number."""
    for level, pattern in LEVEL_NUMBERS:
        m = pattern.match(text)
        if m:
            mark = m.group(0).strip("（）、.．")
            if level == 5:
                n = CIRCLED.index(mark) + 1
            elif mark.isdigit():
                n = int(mark)
            else:
                n = _from_chinese(mark)
            return level, n, m.end()
    return None


def _from_chinese(mark: str) -> int:
    if mark == "十":
        return 10
    if "十" in mark:
        tens, _, units = mark.partition("十")
        return (CHINESE.index(tens) + 1 if tens else 1) * 10 + (CHINESE.index(units) + 1 if units else 0)
    return CHINESE.index(mark) + 1 if len(mark) == 1 else 0


def numbered(level: int, n: int) -> str:
    """The number n at a level of the outline; below the fifth, as running text counts: 一是."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    if level == 5 and n <= len(CIRCLED):
        return CIRCLED[n - 1]
    return f"{chinese_number(n)}是"


def body_paragraphs(document) -> list:
    body = document.element.find(qn("w:body"))
    return body.findall(_P) if body is not None else []


def renumber_lists(paragraphs) -> int:
    """Number again, one level below the item they belong to, the lists a paragraph's text numbers
    from one at a level the outline has already passed. Returns how many were renumbered."""
    open_items: list[tuple[int, int]] = []          # (level, number) of the items the text is inside
    inner: tuple[int, int, int] | None = None       # a list being renumbered: its level, last number, new level
    changed = 0
    for p in paragraphs:
        text = _text(p)
        found = number_of(text)
        if found is None:
            continue
        level, n, length = found
        if inner and level == inner[0] and n == inner[1] + 1:
            changed += _renumber(p, length, numbered(inner[2], n))
            inner = (level, n, inner[2])
            continue
        inner = None
        deepest = open_items[-1][0] if open_items else 0
        same = [k for lv, k in open_items if lv == level]
        if n == 1 and deepest >= level and level > 1:
            inner = (level, 1, deepest + 1)
            changed += _renumber(p, length, numbered(deepest + 1, 1))
            continue
        if same and n != same[-1] + 1 and not (n == 1 and deepest < level):
            continue                                  # a number the outline cannot place: left as written
        open_items = [(lv, k) for lv, k in open_items if lv < level] + [(level, n)]
    return changed


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


def _renumber(p, length: int, new: str) -> int:
    """The first `length` characters (the number) replaced, where they are all in the first text."""
    first = next(p.iter(_T), None)
    if first is None or len(first.text or "") < length:
        return 0
    first.text = new + first.text[length:]
    return 1


def style_fonts(styles_root) -> dict:
    """Each paragraph style's (id → (East-Asian face, bold)) following basedOn, from the styles part."""
    own, based = {}, {}
    for st in styles_root.iterchildren(qn("w:style")):
        sid = st.get(qn("w:styleId"))
        rpr = st.find(_RPR)
        fonts = rpr.find(_FONTS) if rpr is not None else None
        bold = rpr.find(_B) if rpr is not None else None
        own[sid] = (fonts.get(_EAST) if fonts is not None else None,
                    None if bold is None else bold.get(_VAL) not in ("0", "false", "off"))
        parent = st.find(qn("w:basedOn"))
        based[sid] = parent.get(_VAL) if parent is not None else None
    out = {}
    for sid in own:
        face = bold = None
        seen, cur = set(), sid
        while cur in own and cur not in seen:
            seen.add(cur)
            face = face if face is not None else own[cur][0]
            bold = bold if bold is not None else own[cur][1]
            cur = based[cur]
        out[sid] = (face, bool(bold))
    return out


def _style_of(p) -> str | None:
    el = p.find(f"{_PPR}/{_PSTYLE}")
    return el.get(_VAL) if el is not None else None


def set_run_in_titles(paragraphs, fonts: dict, normal: str | None) -> int:
    """A first- or second-level heading written on in a body paragraph: its number and title in
    the face (and weight) of its level's Heading style. Returns how many were set."""
    heading = {1: fonts.get("Heading1"), 2: fonts.get("Heading2")}
    changed = 0
    for p in paragraphs:
        style = _style_of(p) or normal
        if style in ("Heading1", "Heading2", "Heading3"):
            continue
        found = number_of(_text(p))
        level_face = heading.get(found[0]) if found is not None else None
        if found is None or not level_face or not level_face[0]:
            continue
        runs = [r for r in p.iterchildren(_R) if r.find(_T) is not None]
        if not runs:
            continue
        first = runs[0].find(_T).text or ""
        end = first.find("。")
        cut = end + 1 if 0 < end <= TITLE_MAX else found[2]
        face, bold = level_face
        if face == _face(runs[0], fonts, style):
            continue
        title = _split_run(runs[0], cut) if cut < len(first) else runs[0]
        _set_face(title, face, bold)
        changed += 1
    return changed


def _face(r, fonts: dict, style: str | None) -> str | None:
    el = r.find(f"{_RPR}/{_FONTS}")
    if el is not None and el.get(_EAST):
        return el.get(_EAST)
    return (fonts.get(style) or (None, False))[0]


def _split_run(r, at: int):
    """The run cut in two after `at` characters of its (single) text: returns the first part."""
    head = copy.deepcopy(r)
    t_head, t_tail = head.find(_T), r.find(_T)
    t_head.text, t_tail.text = t_tail.text[:at], t_tail.text[at:]
    for t in (t_head, t_tail):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.addprevious(head)
    return head


def _rpr(r):
    rpr = r.find(_RPR)
    if rpr is None:
        rpr = r.makeelement(_RPR, {})
        r.insert(0, rpr)
    return rpr


def _set_face(r, face: str, bold: bool | None = None) -> None:
    rpr = _rpr(r)
    fonts = rpr.find(_FONTS)
    if fonts is None:
        fonts = rpr.makeelement(_FONTS, {})
        rpr.insert(1 if len(rpr) and rpr[0].tag == qn("w:rStyle") else 0, fonts)
    fonts.set(_EAST, face)
    if bold is not None:
        b = rpr.find(_B)
        if bold and b is None:
            fonts.addnext(rpr.makeelement(_B, {}))
        elif not bold and b is not None:
            b.set(_VAL, "0")


def quotes_in_chinese_face(document, fonts: dict, normal: str | None) -> int:
    """Each quotation mark in a run of its own, set in the run's East-Asian face for every script
    (w:ascii, w:hAnsi, and w:hint="eastAsia" for Word). Returns how many runs were split."""
    changed = 0
    for p in document.element.iter(_P):
        style = _style_of(p) or normal
        for r in list(p.iterchildren(_R)):
            texts = r.findall(_T)
            if len(texts) != 1 or not any(q in (texts[0].text or "") for q in QUOTES):
                continue
            face = _face(r, fonts, style)
            if not face:
                continue
            for part in re.split(f"([{QUOTES}]+)", texts[0].text):
                if not part:
                    continue
                piece = copy.deepcopy(r)
                piece.find(_T).text = part
                piece.find(_T).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                if part[0] in QUOTES:
                    _set_face(piece, face)
                    el = piece.find(f"{_RPR}/{_FONTS}")
                    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                        el.set(qn(attr), face)
                    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
                        el.attrib.pop(qn(attr), None)
                    el.set(_HINT, "eastAsia")
                r.addprevious(piece)
            r.getparent().remove(r)
            changed += 1
    return changed


def tidy_headings(document) -> None:
    """The passes above, on a rendered document (render/docx.py)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    paragraphs = body_paragraphs(document)
    renumber_lists(paragraphs)
    try:
        blob = document.part.part_related_by(RT.STYLES).blob
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except (KeyError, etree.XMLSyntaxError, ValueError):
        return
    fonts = style_fonts(root)
    normal = next((st.get(qn("w:styleId")) for st in root.iterchildren(qn("w:style"))
                   if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true", "on")), None)
    set_run_in_titles(paragraphs, fonts, normal)
    quotes_in_chinese_face(document, fonts, normal)
