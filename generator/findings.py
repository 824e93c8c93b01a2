"""Findings are data: a code, a severity, where (a path into a document) and a message.

Checks only build `Finding`s. This module is the one place that turns paths into
`file:line:col`, sorts, prints and counts them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .codes import ERROR, WARNING, severity
from .schema import Path

SEVERITY_ZH = {ERROR: "错误", WARNING: "警告"}


@dataclass
class Document:
    """A loaded file and the positions of its values, keyed by path."""

    file: str
    positions: dict = field(default_factory=dict)
    key_positions: dict = field(default_factory=dict)
    inline: dict = field(default_factory=dict)
    plain: bool = False     # not a text file (a .docx template): findings name the file only

    def locate(self, path: Path, at_key: bool = False, offset: int | None = None) -> tuple[int, int]:
        """The position of `path`, or of its nearest ancestor that was written; with an offset
        into a one-line text, the column of that very character."""
        if self.plain:
            return None, None
        if offset is not None:
            for p in (tuple(path), tuple(path[:-1]) if path and path[-1] == 0 else None):
                if p is not None and p in self.inline:
                    line, col = self.inline[p]
                    return line, col + offset
        table = self.key_positions if at_key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    doc: Document | None = None
    path: Path = ()
    line: int | None = None
    col: int | None = None
    numbers: dict = field(default_factory=dict)   # the values involved, for --format json
    at_key: bool = False
    offset: int | None = None     # character index into the text at `path`, for prose findings

    def resolve(self) -> "Finding":
        if self.line is None and self.doc is not None:
            self.line, self.col = self.doc.locate(self.path, self.at_key, self.offset)
        return self

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else ""

    def sort_key(self):
        return (self.file, self.line or 0, self.col or 0, self.code, self.message)

    def text(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {SEVERITY_ZH[self.severity]} [{self.code}] {self.message}"

    def as_json(self) -> dict:
        from .schema import dotted_path
        return {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
                "code": self.code, "path": dotted_path(self.path) if self.path else "",
                "message": self.message,
                "numbers": {k: str(v) for k, v in self.numbers.items()}}


class Findings(list):
    """The findings of one run, with the counts the CLI needs."""

    def add(self, code: str, message: str, doc: Document | None = None,
            path: Path = (), offset: int | None = None, **numbers) -> Finding:
        """A finding of a registered code (codes.py), with the severity the registry gives it."""
        f = Finding(code, severity(code), message, doc, tuple(path), numbers=numbers, offset=offset)
        self.append(f)
        return f

    # Named for what a reader of the check expects; the registry decides, and they must agree.
    def error(self, code, message, doc=None, path=(), offset=None, **numbers):
        assert severity(code) == ERROR, code
        return self.add(code, message, doc, path, offset, **numbers)

    def warning(self, code, message, doc=None, path=(), offset=None, **numbers):
        assert severity(code) == WARNING, code
        return self.add(code, message, doc, path, offset, **numbers)

    def extend_problems(self, problems, doc: Document, prefix: str = "") -> None:
        """Schema problems (already positioned) as error findings; `prefix` names the document kind."""
        for p in problems:
            f = self.error(prefix + p.code, p.message, doc, p.path)
            f.line, f.col = p.line, p.col

    def sorted(self) -> list[Finding]:
        return sorted((f.resolve() for f in self), key=Finding.sort_key)

    def count(self, severity: str) -> int:  # type: ignore[override]
        return sum(1 for f in self if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)


def render_text(findings: list[Finding]) -> str:
    return "\n".join(f.text() for f in findings)


def render_json(findings: list[Finding], files: list[str]) -> str:
    import json
    body = {"files": files,
            "errors": sum(f.severity == ERROR for f in findings),
            "warnings": sum(f.severity == WARNING for f in findings),
            "findings": [f.as_json() for f in findings]}
    return json.dumps(body, ensure_ascii=False, indent=2)


def summary(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return "检查通过：未发现问题。"
    return f"共发现 {errors} 个错误、{warnings} 个警告。"
