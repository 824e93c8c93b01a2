"""Temporary files, folders and child processes, gone however the run ends.

A report is written through a temporary file renamed over the target; a PDF is made in a
temporary folder by a LibreOffice process. Each of these is registered here the moment it
exists, with SIGINT and SIGTERM held back while it is created and registered (and while a
finished file is renamed into place), so that at any moment either nothing exists yet or the
registry knows it. Whatever ends the run — an error, Ctrl-C, SIGTERM — `clean_all` then removes
what is left and stops the child processes with their whole process group.
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager

_files: set[str] = set()
_folders: set[str] = set()
_groups: dict[int, object] = {}      # process group id → Popen


_held = 0                   # steps in progress that a signal must not cut
_pending: int | None = None  # a signal that came during one, raised on leaving it


@contextmanager
def signals_held():
    """SIGINT and SIGTERM wait (they are delivered on leaving) while a step must not be cut. The mask holds
    them back from this thread; a signal another thread took (a process pool's) reaches the handler anyway,
    which asks `held` and leaves it to be raised here — not inside the step (a fork's hooks print an
    exception raised in them as a traceback, and go on)."""
    global _held, _pending
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    masked = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, masked) if hasattr(signal, "pthread_sigmask") else None
    _held += 1
    try:
        yield
    finally:
        _held -= 1
        if previous is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        if not _held and _pending is not None:
            signum, _pending = _pending, None
            raise Interrupted(signum)


def held(signum: int) -> bool:
    """For the signal handler: whether a step that must not be cut is in progress (then the signal is
    raised when it ends)."""
    global _pending
    if _held:
        _pending = _pending or signum
        return True
    return False


def release_held() -> None:
    """In a forked worker: nothing of the parent's steps is in progress here; signals are its own."""
    global _held, _pending
    _held, _pending = 0, None
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def temp_file(folder: str, prefix: str, suffix: str) -> tuple[int, str]:
    with signals_held():
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
        _files.add(path)
    return fd, path


def move_into_place(tmp: str, target: str) -> None:
    with signals_held():
        os.replace(tmp, target)
        _files.discard(tmp)


def remove_file(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
    _files.discard(path)


def temp_folder(prefix: str) -> str:
    with signals_held():
        path = tempfile.mkdtemp(prefix=prefix)
        _folders.add(path)
    return path


def remove_folder(path: str) -> None:
    shutil.rmtree(path, ignore_errors=True)
    _folders.discard(path)


def start(cmd: list[str], **kwargs):
    """A child process in a process group of its own, registered as soon as it runs: stopping
    it stops what it started too (soffice starts soffice.bin)."""
    import subprocess

    with signals_held():
        proc = subprocess.Popen(cmd, start_new_session=hasattr(os, "setsid"), **kwargs)
        _groups[proc.pid] = proc
    return proc


def stop(proc) -> None:
    """Kill a child's whole process group, and wait for the child."""
    _kill_group(proc)
    try:
        proc.kill()
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except Exception:
        pass
    _groups.pop(proc.pid, None)


def finished(proc) -> None:
    """A child that ended by itself: anything it left running in its group is stopped."""
    _kill_group(proc)
    _groups.pop(proc.pid, None)


def _kill_group(proc) -> None:
    if hasattr(os, "killpg"):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass


def clean_all() -> None:
    for proc in list(_groups.values()):
        stop(proc)
    for path in list(_files):
        remove_file(path)
    for path in list(_folders):
        remove_folder(path)


def deliver_again(handler) -> None:
    """An Interrupted raised where Python ignores exceptions (a weak reference's callback inside the import
    machinery, a __del__) is printed as "Exception ignored … Traceback" and lost: print nothing and deliver the
    signal again, so that the handler raises it at the next moment Python can unwind."""
    previous = sys.unraisablehook

    def hook(unraisable) -> None:
        exc = unraisable.exc_value
        if isinstance(exc, Interrupted):
            signal.signal(exc.signum, handler)
            # from another thread: a signal sent here would be handled inside this hook, and ignored again
            again = threading.Timer(0.01, os.kill, (os.getpid(), exc.signum))
            again.daemon = True
            again.start()
            return
        previous(unraisable)

    sys.unraisablehook = hook


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM (entry.py, batch.py): the run unwinds, removing what it made on the way.
    A BaseException, so no `except Exception` on the way swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
