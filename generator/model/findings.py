"""Findings are data: a code, a severity, where (a path into a document) and a message.

Checks only build `Finding`s. This module is the one place that turns paths into
`file:line:col`, sorts, prints and counts them.
"""
from __future__ import annotations

from collections import Counter

from ..core.codes import ERROR, STYLE, WARNING, severity
from .schema import BlockSource, Fix, Path

SEVERITY_ZH = {ERROR: "错误", WARNING: "警告"}


def block_position(line: int, col: int, raw: str, value: str, lead: int, offset: int) -> tuple[int, int]:
    """Where character `offset` of a text written over several lines (a `|` or `>` block, or a plain
    or quoted scalar that wraps) stands in the file: the text's characters are found in its source in
    order, line breaks and indentation skipped — one pass, as far as the character."""
    target = lead + offset
    j = 0
    if raw[:1] in "|>":                       # the block header ends at its line break
        j = raw.find("\n") + 1
    elif raw[:1] in "'\"":
        j = 1
    for i, ch in enumerate(value):
        while j < len(raw) and raw[j] != ch and not (ch in " \n" and raw[j] in " \n"):
            j += 1
        if i == target or j >= len(raw):
            break
        j += 1
    j = min(j, len(raw))
    breaks = raw.count("\n", 0, j)
    if not breaks:
        return line, col + j
    return line + breaks, j - raw.rfind("\n", 0, j)


class Document:
    """A loaded file and the positions of its values, keyed by path."""

    def __init__(self, file: str, positions: dict | None = None, key_positions: dict | None = None,
                 inline: dict | None = None, plain: bool = False, blocks: dict[Path, BlockSource] | None = None,
                 charset=None, spans: dict | None = None):
        self.file = file
        self.spans = {} if spans is None else spans      # a figure's characters in the text: (start, end)
        self.charset = charset      # charset.Charset of a text file as read (for files written from it)
        self.blocks = {} if blocks is None else blocks     # texts over several lines (see block_position)
        self.positions = {} if positions is None else positions
        self.key_positions = {} if key_positions is None else key_positions
        self.inline = {} if inline is None else inline
        self.plain = plain      # not a text file (a .docx template): findings name the file only

    def locate(self, path: Path, at_key: bool = False, offset: int | None = None) -> tuple[int | None, int | None]:
        """The position of `path`, or of its nearest ancestor that was written; with an offset
        into a one-line text, the column of that very character."""
        if self.plain:
            return None, None
        if offset is not None:
            for p in (tuple(path), tuple(path[:-1]) if path and path[-1] == 0 else None):
                if p is not None and p in self.inline:
                    line, col = self.inline[p]
                    return line, col + offset
                if p is not None and p in self.blocks:
                    return block_position(*self.blocks[p], offset)
        table = self.key_positions if at_key else self.positions
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))

    def fix(self, path: Path, text: str, title: str) -> Fix | None:
        """Replace the figure written at `path` by `text`; None where no figure was written."""
        span = self.spans.get(tuple(path))
        return Fix(span[0], span[1], text, title) if span is not None else None


class Finding:
    def __init__(self, code: str, severity: str, message: str, doc: Document | None = None, path: Path = (),
                 line: int | None = None, col: int | None = None, numbers: dict | None = None,
                 at_key: bool = False, offset: int | None = None, wrong: frozenset = frozenset(),
                 uses: frozenset = frozenset(), about: str = "", fix: Fix | None = None):
        self.code, self.severity, self.message = code, severity, message
        self.fix = fix                # the edit that corrects it, where the check computed one
        self.doc, self.path, self.line, self.col = doc, path, line, col
        self.numbers = {} if numbers is None else numbers   # the values involved, for --format json
        self.at_key = at_key
        self.offset = offset          # character index into the text at `path`, for prose findings
        # One slip, one finding: a finding that says a fact is wrong (`wrong`) takes in the findings
        # of checks that computed something from that fact (`uses`), named by their `about`.
        self.wrong, self.uses, self.about = wrong, uses, about

    def __repr__(self):
        return f"Finding({self.code!r}, {self.severity!r}, {self.message!r}, path={self.path!r}, line={self.line})"

    def resolve(self) -> Finding:
        if self.line is None and self.doc is not None:
            self.line, self.col = self.doc.locate(self.path, self.at_key, self.offset)
        return self

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else ""

    def sort_key(self):
        return (self.file, self.line or 0, self.col or 0, self.code, self.message)

    def text(self) -> str:
        """The finding as one printed line: a file name or a quoted text cannot break it in two."""
        from ..core.console import shown

        where = shown(self.file)
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {SEVERITY_ZH[self.severity]} [{self.code}] {shown(self.message)}"

    def as_json(self) -> dict:
        from .schema import dotted_path
        return {"file": self.file, "line": self.line, "col": self.col, "severity": self.severity,
                "code": self.code, "path": dotted_path(self.path) if self.path else "",
                "message": self.message,
                "numbers": {k: str(v) for k, v in self.numbers.items()}}


# A file crafted (or pasted) with thousands of the same slip gets a readable report, not a
# megabyte of output: so many of one code in one field, and in one file, then one line saying so.
MAX_PER_FIELD = 50
MAX_PER_FILE = 500


class Findings(list[Finding]):
    """The findings of one run, with the counts the CLI needs."""

    def __init__(self, *args):
        super().__init__(*args)
        self._seen: Counter = Counter()     # findings made per (code, file, path) and per (code, file)

    def add(self, code: str, message: str, doc: Document | None = None,
            path: Path = (), offset: int | None = None, *, wrong=(), uses=(), about: str = "",
            fix: Fix | None = None, **numbers) -> Finding:
        """A finding of a registered code (codes.py), with the severity the registry gives it."""
        f = Finding(code, severity(code), message, doc, tuple(path), numbers=numbers, offset=offset,
                    wrong=frozenset(wrong), uses=frozenset(uses), about=about, fix=fix)
        limit = self._limit(code, doc.file if doc else "", tuple(path))
        if limit == "":
            self.append(f)
        elif limit is not None:        # the one line that says the rest are not listed
            f.message = f"{limit}同类问题（{code}）过多，以下不再逐条列出；请先改正上面列出的，再运行一次检查。"
            f.wrong, f.uses, f.fix = frozenset(), frozenset(), None
            self.append(f)
        return f

    def _limit(self, code: str, file: str, path: tuple) -> str | None:
        """"" while under both limits; where the limit is, the first time it is passed; None after."""
        field, whole = (code, file, path), (code, file)
        self._seen[field] += 1
        self._seen[whole] += 1
        if self._seen[field] <= MAX_PER_FIELD and self._seen[whole] <= MAX_PER_FILE:
            return ""
        if self._seen[field] == MAX_PER_FIELD + 1:
            return "此处"
        if self._seen[whole] == MAX_PER_FILE + 1 and self._seen[field] <= MAX_PER_FIELD:
            return "本文件"
        return None

    def fold(self) -> None:
        """Findings computed from a fact another finding says is wrong are not repeated: the root
        finding names them, so the user fixes the cause and checks again."""
        roots = [f for f in self if f.wrong]
        primary = [f for f in roots if not f.uses]      # says a figure is wrong, computed from nothing
        for f in list(self):
            if not f.uses:
                continue
            causes = [r for r in primary if r is not f and r.wrong & f.uses] or \
                ([r for r in roots if r is not f and r.wrong & f.uses] if not f.wrong else [])
            if causes:
                self.remove(f)
                for r in causes:
                    r.numbers.setdefault("_dependents", []).append(f.about or f.code)
        for r in roots:
            dependents = r.numbers.pop("_dependents", None)
            if dependents:
                r.message += f"（{'、'.join(dict.fromkeys(dependents))}是用这个数算的，改正后会随之一致，不再另报。）"

    # Named for what a reader of the check expects; the registry decides, and they must agree.
    def error(self, code, message, doc=None, path=(), offset=None, **kw):
        assert severity(code) == ERROR, code
        return self.add(code, message, doc, path, offset, **kw)

    def warning(self, code, message, doc=None, path=(), offset=None, **kw):
        assert severity(code) == WARNING, code
        return self.add(code, message, doc, path, offset, **kw)

    def extend_problems(self, problems, doc: Document, prefix: str = "") -> None:
        """Schema problems (already positioned) as findings of their registered severity (nearly
        all errors; a text kept from last year is a warning); `prefix` names the document kind."""
        for p in problems:
            f = self.add(prefix + p.code, p.message, doc, p.path, fix=p.fix)
            f.line, f.col = p.line, p.col

    def sorted(self) -> list[Finding]:
        return sorted((f.resolve() for f in self), key=Finding.sort_key)

    # counts by severity, where list.count counts one item: no Finding is ever counted that way
    def count(self, severity: str) -> int:  # type: ignore[override]
        return sum(1 for f in self if f.severity == severity)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def warnings(self) -> int:
        return self.count(WARNING)


def visible(findings, style: bool = False) -> list[Finding]:
    """The findings a command prints: usage ones (codes.STYLE) only when asked for (`check --style`)."""
    return [f for f in findings if style or f.code not in STYLE]


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
