"""GB/T 9704's 28 characters a line from the same file in Word and in the suites that are not Word.

A section's character grid (w:docGrid of type linesAndChars) divides each line into cells of the
Normal style's size plus charSpace / 4096 pt: 15.79 pt for 28 characters of 3号 (16 pt) on a
156 mm line, and Word sets a character of Normal's size in one cell. LibreOffice reckons the cell
alike (from the size the Normal style itself states, 12 pt when it states none; 15.73 pt here,
rounded to 1/100 mm) but gives a character as many whole cells as its width needs: a 16 pt
character takes two, and a line holds 14 — 36 pages instead of 22. And after a figure, which it
sets at its own width, it starts the next Chinese character on the next cell ("7532.81   万元").

So each style on the grid whose characters are wider than a cell draws them at a width that fits
one (w:w, the character scale: 98 % of 16 pt is 15.68 pt), 28 a line in Word and in LibreOffice.
Where its line height is exact (GB/T 9704's 28.95 pt, as in every template we make), it is also
set off the character grid (w:snapToGrid 0): its line height does not come from the grid, a line
of 15.68 pt characters still holds 28 (28 × 15.68 ≤ 442 pt < 29 × 15.68), and off the grid both
suites set a figure at its own width with the same small space on either side. A style whose
line height follows the grid stays on it (and LibreOffice then still spaces a figure to a cell). Normal states its size
(LibreOffice's cell is reckoned from it); the grid itself is not touched — Word's layout is
reckoned from it. Styles off the grid already (a title, table text) and characters larger than
Normal's (more than one cell in Word too) keep their width; a style that would inherit a change
from one it is based on states its own value instead.

tools/make_templates.py draws our templates so; a template made in Word gets it when a report is
built from it (render/docx.py), with the paragraphs and runs that say otherwise than their styles
(fit_paragraphs) — the delivered .docx is what LibreOffice lays out, with no copy between.
"""

from __future__ import annotations

import json

from .elements import AFTER_W, insert_in_place, qn, set_in_place

GRID_TYPES = ("linesAndChars", "snapToChars")
WORD_DEFAULT_SIZE = 10.0           # Word's size when nothing states one
_TOLERANCE = 0.01                  # points: a size "of Normal's" despite half-point rounding

_VAL, _STYLE, _TYPE, _ID = qn("w:val"), qn("w:style"), qn("w:type"), qn("w:styleId")
_RPR, _PPR, _SZ, _W, _SNAP = qn("w:rPr"), qn("w:pPr"), qn("w:sz"), qn("w:w"), qn("w:snapToGrid")
_BASED, _DEFAULT = qn("w:basedOn"), qn("w:default")
_P, _R, _PSTYLE, _RSTYLE = qn("w:p"), qn("w:r"), qn("w:pStyle"), qn("w:rStyle")
_SPACING, _LINE, _RULE = qn("w:spacing"), qn("w:line"), qn("w:lineRule")

# what follows an element in its parent (ECMA-376 CT_RPr, CT_Style), so each goes in its place
_AFTER_W = AFTER_W
_AFTER_SZ = _AFTER_W[3:]
_AFTER_RPR = tuple(qn(t) for t in ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"))
_AFTER_SNAP = tuple(qn(t) for t in ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                                    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                                    "w:sectPr", "w:pPrChange"))


def _grid(document):
    body = document.find(qn("w:body"))
    sect = body.find(qn("w:sectPr")) if body is not None else None
    return sect.find(qn("w:docGrid")) if sect is not None else None


def char_space(document) -> int | None:
    """The charSpace of the document's character grid (its last section's), or None when it has
    none — LibreOffice, like Word, reads charSpace 0 as a grid of lines only."""
    grid = _grid(document)
    if grid is None or grid.get(_TYPE) not in GRID_TYPES:
        return None
    try:
        return int(grid.get(qn("w:charSpace")) or 0) or None
    except ValueError:
        return None


def line_pitch(document) -> int | None:
    """The height of a line of the document's grid (its last section's), in twips."""
    grid = _grid(document)
    value = grid.get(qn("w:linePitch")) if grid is not None else None
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def _mm100(twips: int) -> int:
    """Twips to 1/100 mm, rounded half away from zero, as LibreOffice converts them."""
    whole, rest = divmod(abs(twips) * 127, 72)
    value = whole + (2 * rest >= 72)
    return value if twips >= 0 else -value


def _twips(points: float) -> int:
    return int(points * 20 + 0.5)


def cell_mm100(normal_pt: float, space: int) -> int:
    """A cell of the grid as LibreOffice reckons it (writerfilter's SectionPropertyMap): Normal's
    size, charSpace's whole points and its fraction, each rounded to 1/100 mm."""
    whole, fraction = space >> 12, space & 0xFFF
    return _mm100(_twips(normal_pt)) + _mm100(whole * 20) + _mm100(fraction * 20 // 0xFFF)


def fits(size_pt: float, scale: int, cell: int) -> bool:
    """Whether a character of this size drawn at this width takes one cell (1/100 mm to spare,
    against rounding)."""
    return _mm100(_twips(size_pt)) * scale <= (cell - 1) * 100


def fitting_scale(size_pt: float, cell: int) -> int:
    """The widest character scale (per cent) at which a character of this size takes one cell."""
    return max(1, min(100, (cell - 1) * 100 // max(1, _mm100(_twips(size_pt)))))


class GridFit:
    """What fitting a styles part found: the cell, Normal's size and the document defaults, and for
    each paragraph style its size, character scale, whether it was on the grid and whether it is
    now; for each character style its size and scale — what fit_paragraphs needs."""

    def __init__(self, cell: int, normal: float, default_style: str | None, default_size: float,
                 default_scale: int, paragraph: dict, character: dict):
        self.cell, self.normal, self.default_style = cell, normal, default_style
        self.default_size, self.default_scale = default_size, default_scale
        self.paragraph = paragraph      # style id → [size, scale, was on the grid, is on the grid]
        self.character = character      # style id → [size or None, scale or None]

    def as_json(self) -> str:
        return json.dumps([self.cell, self.normal, self.default_style, self.default_size, self.default_scale,
                           self.paragraph, self.character])

    @classmethod
    def from_json(cls, text: str) -> GridFit:
        return cls(*json.loads(text))

    def of_paragraph(self, style_id: str | None) -> list:
        return (self.paragraph.get(style_id) or self.paragraph.get(self.default_style)
                or [self.default_size, self.default_scale, True, True])


class _Style:
    """A style's own values (None where it states none) and the style it is based on."""

    def __init__(self, el):
        self.el, self.family, self.id = el, el.get(_TYPE) or "paragraph", el.get(_ID)
        based = el.find(_BASED)
        self.based = based.get(_VAL) if based is not None else None
        rpr, ppr = el.find(_RPR), el.find(_PPR)
        self.size = _size(rpr.find(_SZ)) if rpr is not None else None
        self.scale = _scale(rpr.find(_W)) if rpr is not None else None
        self.snap = _on(ppr.find(_SNAP)) if ppr is not None else None
        self.rule = _line_rule(ppr)


def _size(el) -> float | None:
    value = el.get(_VAL) if el is not None else None
    return int(value) / 2 if value and value.isdigit() and int(value) > 0 else None


def _scale(el) -> int | None:
    value = (el.get(_VAL) or "").rstrip("%") if el is not None else ""
    return int(value) if value.isdigit() and 0 < int(value) <= 600 else None


def _on(el) -> bool | None:
    """An on/off property: None when absent."""
    if el is None:
        return None
    return el.get(_VAL) not in ("0", "false", "off")


def _line_rule(ppr) -> str | None:
    """How paragraph properties set the line height: "exact", "atLeast", "auto" (a line stated
    without a rule), or None when they leave it to the style."""
    spacing = ppr.find(_SPACING) if ppr is not None else None
    if spacing is None or spacing.get(_LINE) is None and spacing.get(_RULE) is None:
        return None
    return spacing.get(_RULE) or "auto"


def _chain(styles: dict, sid: str | None):
    """A style and those it is based on, nearest first (a loop or a missing style ends it)."""
    seen = set()
    while sid in styles and sid not in seen:
        seen.add(sid)
        yield styles[sid]
        sid = styles[sid].based


def _first(values, default=None):
    return next((v for v in values if v is not None), default)


def _inherited(styles: dict, sid: str | None, what: str, default=None):
    return _first((getattr(s, what) for s in _chain(styles, sid)), default)


def fit_styles(root, space: int) -> tuple[bool, GridFit]:
    """Fit a styles part (its root element, changed in place) to the grid of charSpace `space`.
    Returns whether anything changed, and what fit_paragraphs needs."""
    defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{_RPR}")
    default_size = _first([_size(defaults.find(_SZ))] if defaults is not None else [], WORD_DEFAULT_SIZE)
    default_scale = _first([_scale(defaults.find(_W))] if defaults is not None else [], 100)
    default_rule = _line_rule(root.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{_PPR}")) or "auto"
    families: dict[str, dict[str, _Style]] = {"paragraph": {}, "character": {}}
    for el in root.iterchildren(_STYLE):
        style = _Style(el)
        if style.id and style.family in families and style.id not in families[style.family]:
            families[style.family][style.id] = style
    paragraphs, characters = families["paragraph"], families["character"]
    normal = next((s.id for s in paragraphs.values() if s.el.get(_DEFAULT) in ("1", "true", "on")),
                  "Normal" if "Normal" in paragraphs else None)
    normal_size = _inherited(paragraphs, normal, "size", default_size)
    changed = False
    if normal in paragraphs and paragraphs[normal].size is None:
        # LibreOffice reckons the cell from the size Normal itself states (12 pt if none), Word from
        # the size Normal is set in: stating it changes nothing in Word
        set_in_place(_rpr(paragraphs[normal].el), _SZ, str(round(normal_size * 2)), _AFTER_SZ)
        paragraphs[normal].size = normal_size
        changed = True
    cell = cell_mm100(normal_size, space)

    def too_wide(size: float | None, scale: int) -> bool:
        return size is not None and size <= normal_size + _TOLERANCE and not fits(size, scale, cell)

    was_on = {sid: _inherited(paragraphs, sid, "snap", True) for sid in paragraphs}
    scales, snaps = {}, {}
    for sid in paragraphs:
        size, scale = _inherited(paragraphs, sid, "size", default_size), _inherited(paragraphs, sid, "scale", default_scale)
        if was_on[sid] and too_wide(size, scale):
            scales[sid] = fitting_scale(size, cell)
            snaps[sid] = _inherited(paragraphs, sid, "rule", default_rule) != "exact"
        else:
            scales[sid], snaps[sid] = scale, was_on[sid]
    changed |= _give(paragraphs, "scale", scales, default_scale)
    changed |= _give(paragraphs, "snap", snaps, True)
    # a character style is not tied to a paragraph on the grid or off it: a scale that fits a cell fits both
    changed |= _give(characters, "scale", {sid: fitting_scale(_inherited(characters, sid, "size"), cell)
                                           if too_wide(_inherited(characters, sid, "size"),
                                                       _inherited(characters, sid, "scale", 100))
                                           else _inherited(characters, sid, "scale") for sid in characters}, None)
    return changed, GridFit(
        cell, normal_size, normal, default_size, default_scale,
        {sid: [_inherited(paragraphs, sid, "size", default_size), _inherited(paragraphs, sid, "scale", default_scale),
               was_on[sid], _inherited(paragraphs, sid, "snap", True)] for sid in paragraphs},
        {sid: [_inherited(characters, sid, "size"), _inherited(characters, sid, "scale")] for sid in characters})


def _give(styles: dict, what: str, wanted: dict, default) -> bool:
    """Each style its wanted value of `what` (scale, snap), stated where it would not inherit it:
    parents first, so a style states one only where its own differs from what it now inherits.
    None wanted: leave it (a character style takes its paragraph's scale)."""
    changed = False
    for style in _parents_first(styles):
        own = getattr(style, what)
        now = own if own is not None else _inherited(styles, style.based, what, default)
        if wanted[style.id] is not None and wanted[style.id] != now:
            if what == "scale":
                set_in_place(_rpr(style.el), _W, str(wanted[style.id]), _AFTER_W)
            else:
                set_in_place(_ppr(style.el), _SNAP, "1" if wanted[style.id] else "0", _AFTER_SNAP)
            setattr(style, what, wanted[style.id])
            changed = True
    return changed


def _parents_first(styles: dict) -> list:
    out, done = [], set()
    for sid in styles:
        for style in reversed(list(_chain(styles, sid))):
            if style.id not in done:
                done.add(style.id)
                out.append(style)
    return out


def _ppr(style):
    ppr = style.find(_PPR)
    if ppr is None:
        ppr = style.makeelement(_PPR, {})
        insert_in_place(style, ppr, (_RPR, *_AFTER_RPR))
    return ppr


def _rpr(style):
    rpr = style.find(_RPR)
    if rpr is None:
        rpr = style.makeelement(_RPR, {})
        insert_in_place(style, rpr, _AFTER_RPR)
    return rpr


def fit_paragraphs(body, fit: GridFit) -> bool:
    """The paragraphs and runs that say otherwise than their styles, fitted as the styles are: a
    paragraph set on the grid whose style left it for an exact line height, where the paragraph's
    own line height is not exact, stays on it; a run on the grid, or in a paragraph whose style
    left it, that states its own size (or scale, or a character style with a size) draws its
    characters one cell wide. Returns whether anything changed."""
    changed = False
    for p in body.iter(_P):
        ppr = p.find(_PPR)
        pstyle = ppr.find(_PSTYLE) if ppr is not None else None
        size, scale, was_on, is_on = fit.of_paragraph(pstyle.get(_VAL) if pstyle is not None else fit.default_style)
        direct = _on(ppr.find(_SNAP)) if ppr is not None else None
        if not (direct if direct is not None else was_on):
            continue
        if direct is None and not is_on and _line_rule(ppr) not in (None, "exact"):
            set_in_place(ppr, _SNAP, "1", _AFTER_SNAP)
            changed = True
        for r in p.iter(_R):
            rpr = r.find(_RPR)
            if rpr is None or _owner(r) is not p:
                continue
            rstyle = rpr.find(_RSTYLE)
            own_size, own_scale = _size(rpr.find(_SZ)), _scale(rpr.find(_W))
            if own_size is None and own_scale is None and rstyle is None:
                continue
            char_size, char_scale = fit.character.get(rstyle.get(_VAL) if rstyle is not None else None, [None, None])
            run_size = _first([own_size, char_size], size)
            run_scale = _first([own_scale, char_scale], scale)
            if run_size <= fit.normal + _TOLERANCE and not fits(run_size, run_scale, fit.cell):
                set_in_place(rpr, _W, str(fitting_scale(run_size, fit.cell)), _AFTER_W)
                changed = True
    return changed


def _owner(r):
    """The paragraph a run belongs to (not one of a text box inside another paragraph's run)."""
    el = r.getparent()
    while el is not None and el.tag != _P:
        el = el.getparent()
    return el


_fitted: dict = {}


def fitted_styles(blob: bytes, space: int) -> tuple[bytes | None, GridFit | None]:
    """A styles part fitted to the grid: its new bytes (None when it needs nothing) and what
    fit_paragraphs needs (None for an unreadable part, which is left as it is). Kept per part and grid:
    a template's styles are fitted once."""
    from ..core import cache

    def make():
        from lxml import etree

        try:
            root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
        except (etree.XMLSyntaxError, ValueError):
            return None, None
        changed, fit = fit_styles(root, space)
        return (etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if changed else None), fit

    def encode(value) -> bytes:
        new, fit = value
        return (fit.as_json() if fit else "null").encode("utf-8") + b"\n" + (new or b"")

    def decode(data: bytes):
        head, _, new = data.partition(b"\n")
        fit = GridFit.from_json(head.decode("utf-8")) if head != b"null" else None
        return new or None, fit

    return cache.kept(cache.key("char-grid-fit", blob, str(space)) + ".bin", make, encode, decode, memory=_fitted)
