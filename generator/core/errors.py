"""Exceptions the CLI turns into clean messages, and the exit codes it returns.

Library code raises these; `cli.py` needs no try/except beyond catching `MkreportError`.
"""
from __future__ import annotations

import enum
import lzma
import zipfile
import zlib

# Everything reading a damaged zip container (a .docx, an .xlsx) can raise: a bad central
# directory, a corrupt deflate/bzip2/lzma stream, a truncated member, an unsupported method.
# Such a file is bad input (exit 2), never a crash.
BROKEN_ARCHIVE: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError,
    KeyError, NotImplementedError, RuntimeError)


class ExitCode(enum.IntEnum):
    OK = 0          # no error (warnings allowed unless --strict)
    FINDINGS = 1    # the input was read, and errors were found in it
    USAGE = 2       # bad arguments, or an input that cannot be read at all
    INTERNAL = 3    # a bug in mkreport itself


class MkreportError(Exception):
    """An error that ends the run with a message for the user (in Chinese)."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, file: str | None = None,
                 line: int | None = None, col: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.col = col

    def __str__(self) -> str:
        """One printed line, whatever control characters the file's name or the message holds."""
        from .console import shown

        where = shown(self.file or "")
        if self.file and self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: 错误 {shown(self.message)}" if where else f"错误 {shown(self.message)}"


class InputError(MkreportError):
    """The input file cannot be read as YAML (encoding, syntax, limits)."""


class RubricError(MkreportError):
    """The rubric file named by an input is missing or invalid."""


_ERRNO_ZH = {
    "ENOENT": "文件或文件夹不存在", "EACCES": "没有权限", "EPERM": "不允许这样操作", "EISDIR": "这是一个文件夹",
    "ENOTDIR": "路径中有一部分不是文件夹", "EEXIST": "文件已存在", "ENOSPC": "磁盘空间不足",
    "EROFS": "文件系统是只读的", "ENAMETOOLONG": "文件名或路径太长", "ELOOP": "符号链接循环",
    "EMFILE": "打开的文件太多", "EBUSY": "文件正被占用", "EIO": "读写出错",
}


def os_error_zh(exc: OSError) -> str:
    """An operating-system error in Chinese: users never read "Permission denied"."""
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    return _ERRNO_ZH.get(name, f"系统错误（{name or exc.errno or '未知'}）")
