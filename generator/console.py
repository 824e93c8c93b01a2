"""What mkreport prints, to a reader that may leave early.

`mkreport build inputs/*.yaml | head -1` closes the pipe after one line; the build must still
write every report. A write to a closed pipe therefore sends the rest of the output to nowhere
(os.devnull) instead of ending the run.
"""
from __future__ import annotations

import os
import sys


_status = ""      # the progress line on a terminal's stderr, kept below what is printed


def status(text: str) -> None:
    """Show (or with "" clear) a one-line status on stderr, redrawn in place."""
    global _status
    _status = text
    _raw(sys.stderr, "\r\033[K" + text)


def out(text: str) -> None:
    _write(sys.stdout, text)


def err(text: str) -> None:
    _write(sys.stderr, text)


def _write(stream, text: str) -> None:
    if _status:
        _raw(sys.stderr, "\r\033[K")
    _raw(stream, text + "\n")
    if _status:
        _raw(sys.stderr, _status)


def _raw(stream, text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        silence(stream)
    except ValueError:       # a stream already closed
        pass


def silence(stream) -> None:
    """Point a stream whose reader has gone at os.devnull, so later writes (and the flush at
    exit) succeed quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
