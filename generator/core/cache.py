"""The disk cache: work that depends only on a template is kept between runs.

Compiled Jinja code, docxtpl's clean-up of each part, a template's Jinja sources and its analysis
against the contract all depend on nothing but their inputs, so they are stored under a hash of
those inputs in `~/.cache/mkreport/` (`MKREPORT_CACHE=目录` moves it, `MKREPORT_CACHE=off` turns it
off). An entry is written whole or not at all; one that is missing, unreadable or damaged is made
again; a cache that cannot be written is never a reason to fail.

Compiled code read from the cache runs as it is, outside the sandbox's compiler, so the cache is
used only where nobody but the user can write: a folder owned by the user, writable by no one
else, holding files owned by the user (as ssh treats ~/.ssh, and Jinja its own bytecode cache).
Each entry carries a digest of its name and content; a truncated or altered entry does not match
and is made again — it can cost time, never a wrong result.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
from pathlib import Path

# Bump when the meaning of cached entries changes (and whenever the sandbox compiles templates
# differently); the Python version is part of every key because marshalled code objects only
# load into the version that wrote them.
CODE_VERSION = f"mkreport-6-py{sys.version_info[0]}{sys.version_info[1]}"
_MAGIC = b"MKRC1"


def cache_dir() -> Path | None:
    chosen = os.environ.get("MKREPORT_CACHE")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")) / "mkreport"


def _private(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _folder(create: bool) -> Path | None:
    """The cache folder if it is private (made so when `create`), else None: no cache at all."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create and not folder.exists():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        st = os.stat(folder)
        return folder if stat.S_ISDIR(st.st_mode) and _private(st) else None
    except (OSError, ValueError):
        return None


def _digest(name: str, data: bytes) -> bytes:
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).digest()


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
        spec = find_spec("docxtpl")
        if spec is None or spec.origin is None:
            return "docxtpl"
        st = os.stat(Path(spec.origin).parent / "template.py")
        return f"docxtpl-{st.st_size}-{st.st_mtime_ns}"
    except (OSError, TypeError, AttributeError, ValueError):
        return "docxtpl"


def kept(name: str, make, encode, decode, memory: dict | None = None):
    """The value kept under `name`: from `memory`, else from the disk, else `make()` — then kept in
    both. `decode` may raise ValueError or TypeError (or return None) for an entry it cannot use,
    which is then made again."""
    if memory is not None and name in memory:
        return memory[name]
    value = None
    data = read(name)
    if data is not None:
        try:
            value = decode(data)
        except (ValueError, TypeError, EOFError):
            value = None
    if value is None:
        value = make()
        write(name, encode(value))
    if memory is not None:
        memory[name] = value
    return value


def read(name: str) -> bytes | None:
    folder = _folder(create=False)
    if folder is None:
        return None
    try:
        fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > 64 << 20:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            blob = fh.read()
    except OSError:
        return None
    finally:
        os.close(fd)
    head = len(_MAGIC) + 32
    if len(blob) < head or not blob.startswith(_MAGIC):
        return None
    data = blob[head:]
    return data if blob[len(_MAGIC):head] == _digest(name, data) else None


def write(name: str, data: bytes) -> None:
    from . import cleanup

    folder = _folder(create=True)
    if folder is None:
        return
    try:
        fd, tmp = cleanup.temp_file(str(folder), f".{name}.", ".tmp")     # mode 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + _digest(name, data) + data)
        cleanup.move_into_place(tmp, str(folder / name))
    except OSError:              # a full disk: no entry, no stray file
        cleanup.remove_file(tmp)
    except BaseException:        # a signal
        cleanup.remove_file(tmp)
        raise
