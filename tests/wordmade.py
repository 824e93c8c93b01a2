"""A county's template as Word makes it, for the character-grid tests (wordml/chargrid.py): one of ours
with the fit taken out of its styles — no character scale, the body styles on the character grid, Normal's
size stated only in the document defaults (a template Word saves states it there)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

FITTED = ("Normal", "Signature", "AttachmentMark", "AttachmentNote")      # the styles the fit took off the grid


def unfitted(styles: str, lines: str = "exact") -> str:
    """styles.xml without the fit; with `lines="grid"`, the body styles' line height single, set by the
    grid's 22 lines, rather than an exact 28.95 pt."""
    styles = re.sub(r'<w:w w:val="\d+"/>', "", styles).replace('<w:snapToGrid w:val="1"/>', "")
    for sid in FITTED:
        style = re.search(rf'<w:style [^>]*w:styleId="{sid}".*?</w:style>', styles, re.S).group(0)
        assert style.count('<w:snapToGrid w:val="0"/>') == 1, sid
        styles = styles.replace(style, style.replace('<w:snapToGrid w:val="0"/>', ""))
    normal = re.search(r'<w:style [^>]*w:styleId="Normal".*?</w:style>', styles, re.S).group(0)
    assert '<w:sz w:val="32"/>' in normal and '<w:sz w:val="32"/>' in styles.split("</w:docDefaults>")[0]
    styles = styles.replace(normal, normal.replace('<w:sz w:val="32"/><w:szCs w:val="32"/>', ""))
    if lines == "grid":
        styles = styles.replace('w:lineRule="exact" w:line="579"', 'w:lineRule="auto" w:line="240"')
    return styles


def word_made(template: Path, out: Path, lines: str = "exact") -> Path:
    """A copy of `template` at `out` with its styles unfitted."""
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            zout.writestr(item, unfitted(data.decode("utf-8"), lines).encode("utf-8")
                          if item.filename == "word/styles.xml" else data)
    return out
