"""Work split into runs: the files of a batch over worker processes, the PDFs of a build over
LibreOffice instances — in order, near-equal lengths."""
from __future__ import annotations

from collections.abc import Iterable


def chunks(items: Iterable, n: int) -> list[list]:
    """`items` in `n` runs of near-equal length, in order."""
    items = list(items)
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, at = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(items[at:at + step])
        at += step
    return [c for c in out if c]
