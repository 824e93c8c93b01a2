"""What mkreport prints, to a reader that may leave early.

`mkreport build inputs/*.yaml | head -1` closes the pipe after one line; the build must still
write every report. A write to a closed pipe therefore sends the rest of the output to nowhere
(os.devnull) instead of ending the run.
"""
from __future__ import annotations

import os
import sys

_status = ""      # the progress line on a terminal's stderr, kept below what is printed

# How much is said besides findings and errors (mkreport -q / -v): QUIET says only those; NORMAL
# also what was made and the closing counts; VERBOSE also each step as it is taken.
QUIET, NORMAL, VERBOSE = 0, 1, 2
level = NORMAL


def set_level(value: int) -> None:
    global level
    level = value

# A file name may hold any character but "/": one named "a\n已生成 evil.docx.yaml" would print a
# line of its own, a forged "已生成 …" or finding line; an escape sequence would drive the terminal;
# a bidirectional override would show the name reversed. Such characters are shown as visible
# symbols instead: a line break as ⏎, the other C0 controls as their control pictures (␉ ␍ ␛ …),
# anything else invisible that steers the text as <U+XXXX>.
_VISIBLE = {0x0A: "⏎", 0x7F: "␡", **{c: chr(0x2400 + c) for c in range(0x20) if c != 0x0A}}
_STEERING = {0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_ESCAPES = {**{c: f"<U+{c:04X}>" for c in (*range(0x80, 0xA0), *_STEERING)}, **_VISIBLE}


def shown(text) -> str:
    """A user's text (a path, a name, a message quoting either) as one printed line: every control
    character visible, none acting. The one way a message shows what the user typed."""
    return str(text).translate(_ESCAPES)


def status(text: str) -> None:
    """Show (or with "" clear) a one-line status on stderr, redrawn in place (not when quiet)."""
    global _status
    if level == QUIET and text:
        return
    _status = text
    _raw(sys.stderr, "\r\033[K" + text)


def out(text: str) -> None:
    """What the command is for (findings, a report's text, a listing): always shown."""
    _write(sys.stdout, text)


def err(text: str) -> None:
    """An error, or a finding-like notice: always shown."""
    _write(sys.stderr, text)


def info(text: str) -> None:
    """What was made (已生成 …): on stdout, not when quiet."""
    if level >= NORMAL:
        _write(sys.stdout, text)


def note(text: str) -> None:
    """A closing count, a hint of what to do next: on stderr, not when quiet."""
    if level >= NORMAL:
        _write(sys.stderr, text)


def step(text: str) -> None:
    """What is being done now, said only when verbose (-v), on stderr."""
    if level >= VERBOSE:
        _write(sys.stderr, "· " + text)


def say(channel: str, text: str) -> None:
    """Print a line a task said (tasks/said.py) on its channel: out, info, note, err or step."""
    {"out": out, "info": info, "note": note, "err": err, "step": step}[channel](text)


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
