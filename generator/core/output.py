"""Atomic writes: a temporary file in the target folder, then a rename over the old file."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import MkreportError, os_error_zh


def write_atomic(path: str | Path, data: bytes) -> None:
    write_all_atomic([(Path(path), data)])


def write_all_atomic(files: list[tuple[Path, bytes]]) -> None:
    """Several files as one: each written in full to a temporary file beside it first, and only
    when all are, each renamed into place — a department and its projects' forms are written
    together or not at all (a failure leaves the old files as they were)."""
    from . import cleanup

    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            staged.append((_stage(Path(path), data), Path(path)))
    except BaseException:
        for tmp, _ in staged:
            cleanup.remove_file(tmp)
        raise
    for i, (tmp, path) in enumerate(staged):
        try:
            cleanup.move_into_place(tmp, str(path))
        except OSError as exc:
            for rest, _ in staged[i:]:
                cleanup.remove_file(rest)
            raise MkreportError(f"无法写入 {path}：{os_error_zh(exc)}。", str(path)) from None


def _stage(path: Path, data: bytes) -> str:
    """`data` in a temporary file in `path`'s folder, flushed to disk: its name."""
    from . import cleanup

    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = cleanup.temp_file(str(folder), f".{path.name}.", ".tmp")
    except OSError as exc:
        raise MkreportError(f"无法写入文件夹 {folder}：{os_error_zh(exc)}。", str(path)) from None
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)   # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        return tmp
    except BaseException as exc:
        cleanup.remove_file(tmp)
        if isinstance(exc, OSError):
            raise MkreportError(f"无法写入 {path}：{os_error_zh(exc)}。", str(path)) from None
        raise
