"""Atomic writes: a temporary file in the target folder, then a rename over the old file."""
from __future__ import annotations

import os
from pathlib import Path

from .errors import MkreportError, os_error_zh


def write_atomic(path: str | Path, data: bytes) -> None:
    from . import cleanup

    path = Path(path)
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
        cleanup.move_into_place(tmp, str(path))
    except BaseException as exc:
        cleanup.remove_file(tmp)
        if isinstance(exc, OSError):
            raise MkreportError(f"无法写入 {path}：{os_error_zh(exc)}。", str(path)) from None
        raise
