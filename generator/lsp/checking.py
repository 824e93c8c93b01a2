"""What `mkreport check` runs, on a file an editor holds, and where each finding goes.

The editor's text is put in core/buffers.py first, so the pipeline reads it in place of the disk:
the findings are `check`'s own, the same codes, severities, messages and places. A facts file's
findings may sit in other files (its rubric, a county vocabulary): each goes to the file it is in.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..model.datafile import display_path
from ..model.findings import Finding, visible

FACTS, RUBRIC, VOCABULARY = "facts", "rubric", "vocabulary"

_TOP_KEY = re.compile(r"^([A-Za-z_]+)\s*:", re.M)


def kind_of(text: str, path: Path) -> str:
    """A rubric has `indicators` at its top, a vocabulary `facts` or `words` (or is named so);
    anything else an editor sends is checked as a facts file, as `check` would."""
    keys = set(_TOP_KEY.findall(text))
    if "indicators" in keys and "department" not in keys and "scores" not in keys:
        return RUBRIC
    if path.name == "vocabulary.yaml" or path.parent.name == "vocabularies" or \
            (keys & {"facts", "words", "columns", "shares"} and not keys & {"department", "rubric", "year"}):
        return VOCABULARY
    return FACTS


def real(name: str | os.PathLike) -> str:
    """One spelling of a file, whatever way a finding names it (relative to the working folder)."""
    try:
        return os.path.realpath(os.path.join(os.getcwd(), name))
    except (OSError, ValueError):
        return os.path.abspath(name)


class Checked:
    """One open document's last check: its findings by the file they are in, what it used."""

    def __init__(self, path: Path, kind: str):
        self.path, self.kind = path, kind
        self.result: Any = None                 # pipeline.Result of a facts file
        self.rubric: Any = None                 # a rubric file's own Rubric (None with errors)
        self.by_file: dict[str, list[Finding]] = {}
        self.uses: set[str] = set()             # real paths of the other files it was checked with

    def place(self, findings: list[Finding]) -> None:
        home = real(self.path)
        for f in findings:
            target = real(f.file) if f.file and not (f.doc is not None and f.doc.plain) else home
            self.by_file.setdefault(target, []).append(f)
        self.uses = set(self.by_file) - {home}


def check(path: Path, text: str | None = None) -> Checked:
    """Check the document at `path` (its text already in core/buffers.py when the editor holds it)."""
    kind = kind_of(text if text is not None else _disk_text(path), path)
    checked = Checked(path, kind)
    if kind == RUBRIC:
        _check_rubric(checked)
    elif kind == VOCABULARY:
        _check_vocabulary(checked)
    else:
        _check_facts(checked)
    return checked


def _check_facts(checked: Checked) -> None:
    from ..pipeline import check_family

    # a department with its projects, as `check` takes them: what they must agree on (PROJECT-*) is the
    # department's own finding; each project's own findings are its file's (published when it is open)
    family = check_family(checked.path, display_path(checked.path))
    result = family.head
    checked.result = result
    checked.place(visible(result.findings.sorted()))
    checked.uses.update(real(m.path) for m in family.members)
    loaded = result.loaded
    if loaded.rubric is not None and getattr(loaded.rubric, "path", None):
        checked.uses.add(real(loaded.rubric.path))
    vocabulary = loaded.vocabulary
    if vocabulary is not None:
        checked.uses.update(real(name) for name in vocabulary.files)


def _check_rubric(checked: Checked) -> None:
    """What `check` reports of a rubric: its load and validation (the same cache as a facts file's)."""
    from ..model.rubric import load_rubric

    rubric, found, _ = load_rubric(checked.path, display_path(checked.path))
    checked.rubric = rubric
    checked.place(visible(found.sorted()))


def _check_vocabulary(checked: Checked) -> None:
    from ..derive.vocabulary import vocabulary

    _, found = vocabulary((checked.path,))
    checked.place(visible(found.sorted()))


def _disk_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return ""
