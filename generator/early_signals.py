"""The first signal handlers of the `mkreport` command, set as the package is first imported.

A Ctrl-C while the interpreter is still loading mkreport (even the `signal` module) would end in a
KeyboardInterrupt traceback; nothing is made yet, so the run just ends with 128 + the signal and a
line in Chinese. Only the command itself sets them: a program that imports mkreport keeps its own.
entry.run replaces them with the handlers that clean up what a run made.
"""
from __future__ import annotations

import _signal  # type: ignore[import-not-found]  # the C module, loaded at once (signal.py builds enums first)
import os
import sys


def _stop(signum, frame):
    os.write(2, "已中断：未完成的文件已删除。\n".encode())
    os._exit(128 + signum)


def started_as_command() -> bool:
    """Whether this process is `mkreport` or `python -m generator` (whose package is imported while
    sys.argv[0] is still "-m"), not a program importing mkreport."""
    first = sys.argv[0] if sys.argv else ""
    return first == "-m" or os.path.basename(first).split(".")[0] in ("mkreport", "mkreport-script") \
        or first.endswith(os.path.join("generator", "__main__.py"))


def install() -> None:
    if started_as_command():
        for s in (_signal.SIGINT, _signal.SIGTERM):
            try:
                _signal.signal(s, _stop)
            except (ValueError, OSError):       # not the main thread: the host program's affair
                pass
