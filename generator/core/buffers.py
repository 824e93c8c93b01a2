"""Texts open in an editor and not yet saved: what `mkreport lsp` checks in place of the file.

An editor's language server checks what the user sees, keystroke by keystroke, not what was
last saved. The server puts each open file's text here; the one reader of YAML files
(model/yamlsource.py) reads it instead of the disk, and the caches that know a file by its state
(a rubric, a county vocabulary) know it by this text. Nothing else changes: `check` over a
buffer is `check` over the file. A command run from a shell never puts anything here.
"""
from __future__ import annotations

import os
from hashlib import blake2b
from pathlib import Path

_open: dict[str, tuple[str, bytes]] = {}       # resolved path → (text, digest of the text)


def _key(path: Path | str) -> str:
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return os.path.abspath(path)


def edited(path: Path | str, text: str) -> None:
    """The editor holds `text` for `path` (opened, changed or saved)."""
    digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    _open[_key(path)] = (text, digest)


def closed(path: Path | str) -> None:
    """The editor closed `path`: the disk is what it says again."""
    _open.pop(_key(path), None)


def text_of(path: Path | str) -> str | None:
    """The unsaved text of `path`, or None when no editor holds it."""
    if not _open:
        return None
    found = _open.get(_key(path))
    return found[0] if found is not None else None


def stamp(path: Path) -> tuple:
    """The file as it is now, for a cache key: the digest of the text the editor holds, or the
    disk's time written and size (a file edited while one process runs is read again)."""
    key = _key(path)
    held = _open.get(key)
    if held is not None:
        return (key, "buffer", held[1])
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return (key,)
    return (key, st.st_mtime_ns, st.st_size)
