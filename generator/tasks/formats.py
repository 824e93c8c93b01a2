"""Output formats, registered by name: what `mkreport build --to NAME` can write.

Each format writes one file per input into the output folder, atomically, and may need another
format first (a PDF is converted from the .docx). Later formats (xlsx, md …) are one entry here.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple


class Format(NamedTuple):
    name: str
    zh: str
    suffix: str
    write: Callable          # (result, target path, paths already made by name) -> None
    needs: tuple = ()
    # made for all inputs at once, after the per-file formats: ([(source path, target)], jobs,
    # progress callback) -> {target: error message or None}; a batch of PDFs from one LibreOffice
    write_many: Callable | None = None
    # a format made from the checked input alone: (result) -> its bytes; `build` makes every file
    # of an input (a department and its projects) before writing any, and writes them together
    render: Callable | None = None


def _docx(result, target: Path, made: dict) -> None:
    from ..core.output import write_atomic
    write_atomic(target, _render_docx(result))


def _xlsx(result, target: Path, made: dict) -> None:
    from ..core.output import write_atomic
    write_atomic(target, _render_xlsx(result))


def _render_docx(result) -> bytes:
    from ..pipeline import render
    return render(result, "docx")


def _render_xlsx(result) -> bytes:
    from ..pipeline import render
    return render(result, "xlsx")


def _pdf(result, target: Path, made: dict) -> None:
    from ..render.pdf import to_pdf
    to_pdf(made["docx"], target)


def _pdfs(pairs: list, jobs: int, progress=None) -> dict:
    from ..render.pdf import to_pdfs
    return to_pdfs(pairs, jobs, progress)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("docx", "Word 文档", ".docx", _docx, render=_render_docx),
    Format("pdf", "PDF（用 LibreOffice 转换）", ".pdf", _pdf, needs=("docx",), write_many=_pdfs),
    Format("xlsx", "自评表（Excel）", "-自评表.xlsx", _xlsx, render=_render_xlsx),
)}


def plan(names: list[str]) -> list[Format]:
    """The formats to write, each after those it needs, in registry order."""
    wanted: set[str] = set()

    def add(name: str) -> None:
        if name not in wanted:
            wanted.add(name)
            for n in FORMATS[name].needs:
                add(n)

    for n in names:
        add(n)
    return [f for f in FORMATS.values() if f.name in wanted]
