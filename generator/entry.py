"""The `mkreport` command: signals are set before anything else is loaded.

Ctrl-C and SIGTERM end the run at any moment with what they mean — exit 130 or 143, a line in
Chinese, no traceback — after every temporary file, folder and child process of the run is
removed (cleanup.py). Exit 1 stays what it says: errors were found in the input.
"""
from __future__ import annotations

import os
import signal
import sys

# (the first handlers, before even this module loads, are the package's: see early_signals)

_running = False        # the run has begun: a signal from now on cleans up what it made
_pid = os.getpid()      # the command's own process (a worker forked from it inherits the handler)


def _stop(signum, frame):
    if os.getpid() != _pid:
        # a worker forked from the run, before it set its own handler (batch._worker_start): nothing is made
        # yet; its parent says what happened
        os._exit(128 + signum)
    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, signal.SIG_IGN)       # the cleanup below is not cut short by a second signal
    if _running:
        from .core.cleanup import held
        if held(signum):
            return                              # raised when the step in progress ends (cleanup.signals_held)
    if not _running:
        # still loading mkreport (the handlers are set before its first import): nothing is made yet,
        # and an exception raised inside an import would end in a traceback
        os.write(2, "已中断：未完成的文件已删除。\n".encode())
        os._exit(128 + signum)
    from .core.cleanup import Interrupted
    raise Interrupted(signum)


def install_signal_handlers() -> None:
    for s in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(s, _stop)
        except (ValueError, OSError):
            pass


def run() -> None:
    global _running
    from .core.cleanup import Interrupted

    global _pid
    install_signal_handlers()
    _pid, _running = os.getpid(), True
    from .core.cleanup import deliver_again
    deliver_again(_stop)
    code, interrupted = 0, False
    try:
        try:
            from .cli import main
            main()
        finally:
            from .core import cleanup
            cleanup.clean_all()
    except Interrupted as exc:
        from .core import console
        console.err("已中断：未完成的文件已删除。")
        code, interrupted = 128 + exc.signum, True
    except KeyboardInterrupt:            # before our handler was in place, or from a library
        code, interrupted = 128 + signal.SIGINT, True
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    _flush()
    if interrupted:
        # everything the run made is cleaned up and said; the interpreter's exit would still run the process
        # pool's atexit hook, which writes to a pipe the interrupted pool has already closed (a traceback
        # "Bad file descriptor" seen in CI) — end here instead
        os._exit(code)
    _late_handlers()
    sys.exit(code)


def _late_handlers() -> None:
    """After the run: a signal during the interpreter's shutdown (joining a process pool's threads
    at exit) ends the process at once, with the same line and code, not a traceback from an
    atexit callback. Nothing of the run is in progress; its files are already cleaned up."""
    def late(signum, frame):
        try:
            os.write(2, "已中断：未完成的文件已删除。\n".encode())
        finally:
            os._exit(128 + signum)

    for s in (signal.SIGINT, signal.SIGTERM):
        try:
            signal.signal(s, late)
        except (ValueError, OSError):
            pass


def _flush() -> None:
    """Flush now, so a reader that has gone does not turn the flush at exit into a traceback."""
    from .core.console import silence
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            silence(stream)
        except (OSError, ValueError):
            pass


# set at import, before mkreport's own modules load: a signal while they load ends the process quietly
install_signal_handlers()

if __name__ == "__main__":      # pragma: no cover
    run()
