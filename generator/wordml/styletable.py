"""What a document's paragraph styles say about type size and right indent, read once per template.

A template's styles.xml is its largest part; a build leaves it unparsed and writes it back as it
came (render/docx.py). What the layout passes need from it — each paragraph style's size, right
indent, character width and whether it is set on the document grid, following basedOn — is read
from its bytes once and kept in the cache under their digest.
"""
from __future__ import annotations

import json

from .elements import qn

_VAL, _RPR, _SZ, _IND = qn("w:val"), qn("w:rPr"), qn("w:sz"), f"{qn('w:pPr')}/{qn('w:ind')}"
_JC = f"{qn('w:pPr')}/{qn('w:jc')}"
_W, _SNAP = f"{_RPR}/{qn('w:w')}", f"{qn('w:pPr')}/{qn('w:snapToGrid')}"
WORD_DEFAULT_SIZE = 10.0          # Word's size when nothing states one


class StyleTable:
    """Each paragraph style's own size (points), right indent (twips), the style it is based on,
    its character width (per cent), whether it is set on the document grid, its alignment, and its
    first-line and left indents (twips; a hanging indent negative) — None: not stated."""

    def __init__(self, own: dict, default_style: str | None, default_size: float):
        self.own = own      # style id → (size, right indent, based on, width, on the grid), each None if not stated
        self.default_style, self.default_size = default_style, default_size
        self.memo: dict = {}

    def size(self, style_id: str | None) -> float:
        """The type size a paragraph of this style is set in, in points."""
        found = self._inherited(style_id, 0)
        return found if found is not None else self.default_size

    def right_indent(self, style_id: str | None) -> int:
        """The right indent a paragraph of this style has, in twips."""
        return self._inherited(style_id, 1) or 0

    def scale(self, style_id: str | None) -> int:
        """The width (per cent) a paragraph of this style draws its characters at."""
        return self._inherited(style_id, 3) or 100

    def on_grid(self, style_id: str | None) -> bool:
        """Whether a paragraph of this style is set on the document grid (Word's default: it is)."""
        found = self._inherited(style_id, 4)
        return found if found is not None else True

    def alignment(self, style_id: str | None) -> str:
        """How a paragraph of this style is aligned (w:jc; Word's default: left)."""
        return self._inherited(style_id, 5) or "left"

    def first_indent(self, style_id: str | None) -> int:
        """How far the first line of a paragraph of this style is indented beyond the others, in twips."""
        return self._inherited(style_id, 6) or 0

    def left_indent(self, style_id: str | None) -> int:
        """The left indent a paragraph of this style has, in twips."""
        return self._inherited(style_id, 7) or 0

    def _inherited(self, style_id: str | None, what: int):
        key = (style_id, what)
        if key not in self.memo:
            sid, seen, value = style_id if style_id in self.own else self.default_style, set(), None
            while sid in self.own and sid not in seen and value is None:
                seen.add(sid)
                value, sid = self.own[sid][what], self.own[sid][2]
            self.memo[key] = value
        return self.memo[key]


def style_table(document) -> StyleTable:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from ..core import cache

    try:
        blob = document.part.part_related_by(RT.STYLES).blob
    except KeyError:
        return StyleTable({}, None, WORD_DEFAULT_SIZE)
    return StyleTable(*cache.kept(cache.key("style-table-3", blob) + ".json", lambda: _read(blob),
                                  lambda table: json.dumps(table).encode("utf-8"), _decode, memory=_tables))


_tables: dict = {}


def _decode(data: bytes):
    own, default_style, default_size = json.loads(data)
    return {k: tuple(v) for k, v in own.items()}, default_style, default_size


def _twips(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def first_indent(ind) -> int | None:
    """A w:ind's first-line indent in twips (a hanging indent negative), None when it states none."""
    if ind is None:
        return None
    first, hanging = _twips(ind.get(qn("w:firstLine"))), _twips(ind.get(qn("w:hanging")))
    return -hanging if hanging is not None else first


def _read(blob: bytes) -> tuple[dict, str | None, float]:
    from lxml import etree

    try:
        root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, huge_tree=False, no_network=True))
    except (etree.XMLSyntaxError, ValueError):
        return {}, None, WORD_DEFAULT_SIZE      # unreadable styles: Word's defaults throughout
    own: dict[str, tuple] = {}
    default_style, default_size = None, WORD_DEFAULT_SIZE
    rpr_default = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{_RPR}/{_SZ}")
    if rpr_default is not None and (rpr_default.get(_VAL) or "").isdigit():
        default_size = int(rpr_default.get(_VAL)) / 2
    for style in root.findall(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if style.get(qn("w:type")) != "paragraph" or sid is None:
            continue
        sz = style.find(f"{_RPR}/{_SZ}")
        ind = style.find(_IND)
        right = _twips(ind.get(qn("w:right"), ind.get(qn("w:end")))) if ind is not None else None
        left = _twips(ind.get(qn("w:left"), ind.get(qn("w:start")))) if ind is not None else None
        jc = style.find(_JC)
        based = style.find(qn("w:basedOn"))
        width, snap = style.find(_W), style.find(_SNAP)
        scale = (width.get(_VAL) or "").rstrip("%") if width is not None else ""
        own[sid] = ((int(sz.get(_VAL)) / 2 if sz is not None and (sz.get(_VAL) or "").isdigit() else None),
                    right, based.get(_VAL) if based is not None else None,
                    int(scale) if scale.isdigit() and 0 < int(scale) <= 600 else None,
                    snap.get(_VAL) not in ("0", "false", "off") if snap is not None else None,
                    jc.get(_VAL) if jc is not None else None, first_indent(ind), left)
        if style.get(qn("w:default")) in ("1", "true", "on"):
            default_style = sid
    return own, default_style, default_size
