"""Exceptions the CLI turns into clean messages, and the exit codes it returns.

Library code raises these; `cli.py` needs no try/except beyond catching `MkreportError`.
"""
from __future__ import annotations

import enum


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
        where = self.file or ""
        if self.file and self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: 错误 {self.message}" if where else f"错误 {self.message}"


class InputError(MkreportError):
    """The input file cannot be read as YAML (encoding, syntax, limits)."""


class RubricError(MkreportError):
    """The rubric file named by an input is missing or invalid."""
