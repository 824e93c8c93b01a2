"""落款 as GB/T 9704—2012 (7.3.5.1) sets it on a sealed document: the date four characters in from
the right margin, the department's name on the line above, centred on the date — the seal then
covers both. A template marks the two paragraphs with its "Signature" style (right-aligned, four
characters in); after rendering, the name's right indent is set from the widths of the two texts.

The two lines are set off the character grid: on it, Word gives a run of digits its own width
and LibreOffice whole cells ("2024" two, "3" one), so no one indent would centre the name in
both. Off it, both set each character at its width with the same small space where Chinese meets
a digit (measure.set_em). A Signature style with an exact line height is off the grid already
(wordml/chargrid.py); one whose line height follows the grid has the two paragraphs taken off it
here, each line one line of the grid high, exactly, as on it.
"""
from __future__ import annotations

from ..core.measure import set_em
from ..wordml.chargrid import char_space, line_pitch
from ..wordml.elements import qn
from ..wordml.styletable import StyleTable

SIGNATURE = "Signature"
_STYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"


def centre_signature(document, styles: StyleTable) -> None:
    from docx.shared import Twips
    from docx.text.paragraph import Paragraph

    body = document.element.find(qn("w:body"))
    paragraphs = body.findall(qn("w:p")) if body is not None else []
    gridded = char_space(document.element) is not None
    pitch = line_pitch(document.element)
    for name, date in zip(paragraphs, paragraphs[1:]):
        if not (_style(name) == _style(date) == SIGNATURE):
            continue
        # only the text is read: a paragraph without its story part (python-docx wants one)
        name_p, date_p = Paragraph(name, None), Paragraph(date, None)  # type: ignore[arg-type]
        if not name_p.text.strip() or not date_p.text.strip():
            continue
        for p in (name, date):
            if gridded and _on_grid(p, styles):
                _off_grid(p, pitch)
        own = date_p.paragraph_format.right_indent          # the date's, where the template set it by hand
        date_right = own.twips if own is not None else styles.right_indent(SIGNATURE)
        twips_per_em = styles.size(SIGNATURE) * 20 * styles.scale(SIGNATURE) / 100
        right = date_right + (set_em(date_p.text.strip()) - set_em(name_p.text.strip())) / 2 * twips_per_em
        name_p.paragraph_format.right_indent = Twips(max(0, round(right)))


def _on_grid(p, styles: StyleTable) -> bool:
    snap = p.find(f"{qn('w:pPr')}/{qn('w:snapToGrid')}")
    if snap is None:
        return styles.on_grid(SIGNATURE)
    return snap.get(qn("w:val")) not in ("0", "false", "off")


def _off_grid(p, pitch: int | None) -> None:
    """A paragraph off the character grid, its line as high as one of the grid's (when it has one)."""
    from docx.oxml import OxmlElement

    ppr = p.get_or_add_pPr()
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(snap, *_AFTER_SNAP)
    snap.set(qn("w:val"), "0")
    if pitch:
        spacing = ppr.find(qn("w:spacing"))
        if spacing is None:
            spacing = OxmlElement("w:spacing")
            ppr.insert_element_before(spacing, *_AFTER_SNAP[1:])
        spacing.set(qn("w:line"), str(pitch))
        spacing.set(qn("w:lineRule"), "exact")


# what follows w:snapToGrid in paragraph properties (ECMA-376 CT_PPr)
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
               "w:rPr", "w:sectPr", "w:pPrChange")


def _style(p) -> str | None:
    style = p.find(_STYLE)
    return style.get(qn("w:val")) if style is not None else None
