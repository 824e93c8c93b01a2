"""Reading a file a stranger may have named: regular files only, never more than a limit.

`os.stat` says 0 bytes for /dev/zero and /proc files, and opening a FIFO waits for a writer that
never comes. So a file is opened without blocking, checked to be a regular file on the open
descriptor (not on a path that could be swapped in between), and read up to its limit + 1 byte:
whatever its size claims, no more than the limit is ever read.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import os_error_zh


class ReadProblem(Exception):
    """Why a file could not be read, in Chinese; the caller adds the file's name."""


def _open(path: Path, what: str) -> int:
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadProblem(f"无法读取{what}：{os_error_zh(exc)}") from None
    except ValueError:          # a NUL byte in the path
        raise ReadProblem(f"无法读取{what}：路径中有不允许的字符") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadProblem(f"这是一个文件夹，不是{what}")
        if not stat.S_ISREG(st.st_mode):
            raise ReadProblem(f"这不是普通文件（而是设备、管道或套接字），不能作为{what}读取")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_head(path: Path, size: int) -> bytes | None:
    """The first `size` bytes of a regular file; None for anything else or an unreadable file."""
    try:
        fd = _open(path, "文件")
    except ReadProblem:
        return None
    try:
        return os.read(fd, size)
    except OSError:
        return None
    finally:
        os.close(fd)


def read_limited(path: Path, limit: int, what: str = "文件") -> bytes:
    fd = _open(path, what)
    try:
        st = os.fstat(fd)
        if st.st_size > limit:
            raise ReadProblem(_too_big(st.st_size, limit))
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:       # a file that grew, or a size the file system does not report
            raise ReadProblem(_too_big(total, limit, at_least=True))
        return b"".join(chunks)
    except OSError as exc:
        raise ReadProblem(f"无法读取{what}：{os_error_zh(exc)}") from None
    finally:
        os.close(fd)


def _too_big(size: int, limit: int, at_least: bool = False) -> str:
    more = "超过" if at_least else ""
    return f"文件过大（{more}{size / 1048576:.1f} MB），上限为 {limit // 1048576} MB"
