"""A report's text, for reading and for `git diff`: paragraphs, then tables row by row.

A .docx is a zip: git shows a change to it as "binary files differ". With `mkreport text` as
git's textconv for *.docx (`mkreport init` sets this up), `git diff` and `git log -p` show which
sentence and which figure changed between two builds or two years.
"""
from __future__ import annotations


def report_text(data: bytes) -> str:
    """The body of a .docx as lines: a paragraph per line, a table row as its cells joined by " | "."""
    from ..wordml.elements import W, paragraph_text
    from .verify import document_root

    body = document_root(data).find(f"{W}body")
    lines: list[str] = []
    if body is None:
        return ""
    for child in body:
        if child.tag == f"{W}p":
            text = paragraph_text(child).replace("\n", " ").strip()
            if text:
                lines.append(text)
        elif child.tag == f"{W}tbl":
            lines.append("")
            for row in child.findall(f"{W}tr"):
                cells = [" ".join(paragraph_text(p) for p in tc.iter(f"{W}p")).replace("\n", " ").strip()
                         for tc in row.findall(f"{W}tc")]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    return "\n".join(lines).strip("\n") + "\n"
