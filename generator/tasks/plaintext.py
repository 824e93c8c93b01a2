"""A report's text, for reading and for `git diff`: paragraphs, then tables row by row.

A .docx is a zip: git shows a change to it as "binary files differ". With `mkreport text` as
git's textconv for *.docx (`mkreport init` sets this up), `git diff` and `git log -p` show which
sentence and which figure changed between two builds or two years.
"""
from __future__ import annotations


def report_text(data: bytes, numbered: bool = False) -> str:
    """The body of a .docx as lines: a paragraph per line, a table row as its cells joined by " | ".
    `numbered` puts before each line where it is (第 30 段：, 第 2 张表第 3 行：), as `verify` names
    places; the paragraphs and tables are the ones verify counts (verify.body_parts)."""
    from ..wordml.elements import W, paragraph_text
    from .verify import body_parts

    lines: list[str] = []
    for kind, number, element in body_parts(data):
        if kind == "p":
            text = paragraph_text(element).replace("\n", " ").strip()
            lines.append(f"第 {number} 段：{text}" if numbered else text)
            continue
        lines.append("")
        for r, row in enumerate(element.findall(f"{W}tr"), 1):
            cells = [" ".join(paragraph_text(p) for p in tc.iter(f"{W}p")).replace("\n", " ").strip()
                     for tc in row.findall(f"{W}tc")]
            line = "| " + " | ".join(cells) + " |"
            lines.append(f"第 {number} 张表第 {r} 行：{line}" if numbered else line)
        lines.append("")
    return "\n".join(lines).strip("\n") + "\n"
