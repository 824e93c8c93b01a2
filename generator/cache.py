"""The disk cache: work that depends only on a template is kept between runs.

Compiled Jinja code, docxtpl's clean-up of each part, a template's Jinja sources and its analysis
against the contract all depend on nothing but their inputs, so they are stored under a hash of
those inputs in `~/.cache/mkreport/` (`MKREPORT_CACHE=目录` moves it, `MKREPORT_CACHE=off` turns it
off). An entry is written whole or not at all; one that is missing, unreadable or damaged is made
again; a cache that cannot be written is never a reason to fail.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

# Bump when the meaning of cached entries changes; the Python version is part of every key
# because marshalled code objects only load into the version that wrote them.
CODE_VERSION = f"mkreport-4-py{sys.version_info[0]}{sys.version_info[1]}"


def cache_dir() -> Path | None:
    chosen = os.environ.get("MKREPORT_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")) / "mkreport"


def key(*parts: str | bytes) -> str:
    """A hash of the inputs an entry depends on, the code version always among them."""
    digest = hashlib.sha256(CODE_VERSION.encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def docxtpl_stamp() -> str:
    """Which docxtpl prepares a template (another release may prepare it differently), found
    without importing it: a check with a warm cache never loads docxtpl, python-docx or lxml."""
    from importlib.util import find_spec
    try:
        st = os.stat(Path(find_spec("docxtpl").origin).parent / "template.py")
        return f"docxtpl-{st.st_size}-{st.st_mtime_ns}"
    except (OSError, TypeError, AttributeError, ValueError):
        return "docxtpl"


def read(name: str) -> bytes | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{name}.{os.getpid()}.tmp"
        tmp.write_bytes(data)
        os.replace(tmp, folder / name)
    except OSError:
        pass
