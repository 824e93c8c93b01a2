"""落款 as GB/T 9704—2012 (7.3.5.1) sets it on a sealed document: the date four characters in from
the right margin, the department's name on the line above, centred on the date — the seal then
covers both. A template marks the two paragraphs with its "Signature" style (right-aligned, four
characters in); after rendering, the name's right indent is set from the widths of the two texts.
"""
from __future__ import annotations

from ..core.measure import set_em
from ..wordml.elements import qn
from ..wordml.styletable import StyleTable

SIGNATURE = "Signature"
_STYLE = f"{qn('w:pPr')}/{qn('w:pStyle')}"


def centre_signature(document, styles: StyleTable) -> None:
    from docx.shared import Twips
    from docx.text.paragraph import Paragraph

    body = document.element.find(qn("w:body"))
    paragraphs = body.findall(qn("w:p")) if body is not None else []
    for name, date in zip(paragraphs, paragraphs[1:]):
        if not (_style(name) == _style(date) == SIGNATURE):
            continue
        name_p, date_p = Paragraph(name, None), Paragraph(date, None)
        if not name_p.text.strip() or not date_p.text.strip():
            continue
        own = date_p.paragraph_format.right_indent          # the date's, where the template set it by hand
        date_right = own.twips if own is not None else styles.right_indent(SIGNATURE)
        twips_per_em = styles.size(SIGNATURE) * 20
        right = date_right + (set_em(date_p.text.strip()) - set_em(name_p.text.strip())) / 2 * twips_per_em
        name_p.paragraph_format.right_indent = Twips(max(0, round(right)))


def _style(p) -> str | None:
    style = p.find(_STYLE)
    return style.get(qn("w:val")) if style is not None else None
