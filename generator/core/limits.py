"""Limits on what a template may cost: time, memory, the size of what it writes.

Jinja's sandbox keeps a template away from Python's internals but not from the machine's time and
memory: `{% for i in range(99999) %}{% for j in range(99999) %}` runs for hours and
`{{ 'x' * 10**9 }}` takes a gigabyte. A template from another county is data, so it gets limits
like an input file: each render has a time budget (an alarm, on systems that have one), a memory
ceiling above what the process already uses (the address-space limit, where there is one), and
a bound on the size of any value it builds and of the text it writes. Crossing one is a
TemplateLimit, reported like any other template error; the process itself is never at risk.
"""
from __future__ import annotations

import math
import re
import threading
from contextlib import contextmanager

TEMPLATE_SECONDS = 20               # a render takes well under a second
MEMORY_HEADROOM = 1 << 30           # bytes a render may add to the process
MAX_OUTPUT = 20 * 1024 * 1024       # characters one part of a template may write (a report: ~1 MB)
MAX_VALUE = 1_000_000               # characters or items of any one value a template builds
MAX_POWER_BITS = 1 << 16            # an integer power of up to ~20,000 digits


class TemplateLimit(Exception):
    """A template that exceeded a limit; the message is for the template's author."""


def bounded_concat(chunks) -> str:
    """Jinja's `concat`, which joins what a template writes, stopping at MAX_OUTPUT."""
    out, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise TemplateLimit(f"模板写出的文字超过 {MAX_OUTPUT // 1048576} MB 的上限（一份报告约 1 MB），"
                                "请检查模板中的循环。")
        out.append(chunk)
    return "".join(out)


_WIDTH = re.compile(r"%[-+ #0]*([0-9]+|\*)?(?:\.([0-9]+|\*))?")


def check_binop(operator: str, left, right) -> None:
    """Refuse an operation whose result would exceed MAX_VALUE or MAX_POWER_BITS, before it is
    computed (a C-level operation cannot be interrupted once started)."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, (str, bytes, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_VALUE:
                raise _too_large()
    elif operator == "+":
        if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)) \
                and len(left) + len(right) > MAX_VALUE:
            raise _too_large()
    elif operator == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0 \
                and right * math.log2(abs(left)) > MAX_POWER_BITS:
            raise TemplateLimit("模板中的乘方结果过大，请检查模板中的计算。")
    elif operator == "%" and isinstance(left, str):
        values = right if isinstance(right, tuple) else (right,)
        big = any(isinstance(x, int) and abs(x) > MAX_VALUE for x in values)     # for a "*" width
        for m in _WIDTH.finditer(left):
            if any(g and (g.isdigit() and int(g) > MAX_VALUE or g == "*" and big) for g in m.groups()):
                raise _too_large()


_FORMAT_WIDTH = re.compile(r"\{[^{}]*:[^{}]*?([0-9]{7,})[^{}]*\}")


def _int(args: tuple, kwargs: dict, i: int, key: str, default: int = 0) -> int:
    v = args[i] if len(args) > i else kwargs.get(key, default)
    return v if isinstance(v, int) and not isinstance(v, bool) else default


def _padded(s: str, args: tuple, kwargs: dict) -> int:
    return max(len(s), _int(args, kwargs, 0, "width"))


def _tabs(s: str, args: tuple, kwargs: dict) -> int:
    return len(s) + s.count("\t") * _int(args, kwargs, 0, "tabsize", 8)


def _indented(s: str, args: tuple, kwargs: dict) -> int:
    width = args[0] if args else kwargs.get("width", 4)
    pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 4
    return len(s) + (s.count("\n") + 1) * pad


def _replaced(s: str, args: tuple, kwargs: dict) -> int:
    old, new = args[:2] if len(args) >= 2 else (kwargs.get("old"), kwargs.get("new"))
    if not (isinstance(old, str) and isinstance(new, str)):
        return len(s)
    hits = len(s) + 1 if not old else s.count(old)
    return len(s) + hits * max(len(new) - len(old), 0)


def _wrapped(s: str, args: tuple, kwargs: dict) -> int:
    wrap = args[2] if len(args) > 2 else kwargs.get("wrapstring", "\n")
    width = max(_int(args, kwargs, 0, "width", 79), 1)
    return len(s) + (len(s) // width + 1) * (len(wrap) if isinstance(wrap, str) else 1)


def _formatted(s: str, args: tuple, kwargs: dict) -> int:
    if any(int(m.group(1)) > MAX_VALUE for m in _FORMAT_WIDTH.finditer(s)):
        return MAX_VALUE + 1
    given = list(args) + list(kwargs.values()) + [v for a in args if isinstance(a, dict) for v in a.values()]
    if ":" in s and any(isinstance(x, int) and abs(x) > MAX_VALUE for x in given):
        return MAX_VALUE + 1          # a width given as an argument: "{:{w}}".format(x, w=10**9)
    return len(s)


def _joined(s: str, args: tuple, kwargs: dict) -> int:
    items = args[0] if args else ()
    if not isinstance(items, (list, tuple)):
        return len(s)
    return sum(len(x) for x in items if isinstance(x, str)) + len(s) * max(len(items) - 1, 0)


# The size of a string method's (or filter's) result, estimated from its arguments before it runs.
_RESULT_SIZE = {"center": _padded, "ljust": _padded, "rjust": _padded, "zfill": _padded, "expandtabs": _tabs,
                "indent": _indented, "replace": _replaced, "wordwrap": _wrapped, "format": _formatted,
                "format_map": _formatted, "join": _joined}


def check_call(name: str, value, args: tuple, kwargs: dict) -> None:
    """Refuse a string method or filter whose result would exceed MAX_VALUE, before it runs:
    `"a".center(10**9)`, `"%900000000s" | format(…)`, `s.replace("", big)` are one C call each,
    which neither the time budget nor the size check after it could stop in time."""
    size = _RESULT_SIZE.get(name)
    if isinstance(value, str) and size is not None and size(value, args, kwargs) > MAX_VALUE:
        raise _too_large()


def check_size(value) -> None:
    if isinstance(value, (str, bytes, list, tuple, dict)) and len(value) > MAX_VALUE:
        raise _too_large()


def _too_large() -> TemplateLimit:
    return TemplateLimit(f"模板中生成的文字或列表超过 {MAX_VALUE:,} 个字符（项）的上限，请检查模板中的计算。")


@contextmanager
def render_limits(seconds: float | None = None):
    """Run a render under the time budget and the memory ceiling."""
    seconds = TEMPLATE_SECONDS if seconds is None else seconds
    alarm = _start_alarm(seconds)
    memory = _lower_memory()
    try:
        yield
    finally:
        if alarm is not None:
            alarm()
        if memory is not None:
            memory()


def _start_alarm(seconds: float, make=None):
    """An alarm `seconds` from now raising `make()` (a TemplateLimit by default). Alarms nest:
    a render inside a timed `check` keeps the check's deadline, and the one due first fires."""
    import signal
    import time

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return None
    make = make or (lambda: TemplateLimit(f"模板运行超过 {seconds:g} 秒仍未完成，已停止。"
                                          "请检查模板中的循环（如嵌套的 range）。"))
    try:
        outer, _ = signal.getitimer(signal.ITIMER_REAL)
        previous = signal.getsignal(signal.SIGALRM)
    except (ValueError, OSError):
        return None
    outer_first = 0 < outer < seconds
    started = time.monotonic()

    def expired(signum, frame):
        if outer_first and callable(previous):
            previous(signum, frame)          # the enclosing deadline came first: its error
        raise make()

    try:
        signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, outer if outer_first else seconds)
    except (ValueError, OSError):
        return None

    def stop():
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:                        # the enclosing alarm goes on with what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
    return stop


CHECK_SECONDS = 120                 # a whole `check` of one file takes well under a second


class CheckTimeout(BaseException):
    """A check that ran past CHECK_SECONDS. A BaseException, as KeyboardInterrupt is: raised from
    an alarm anywhere in the checks, it must not be taken for that check's own error."""


@contextmanager
def check_limits(seconds: float | None = None):
    """Run one file's load and checks under a time budget of their own (every check is meant to
    be linear; this is the guard for the case nobody foresaw)."""
    seconds = CHECK_SECONDS if seconds is None else seconds
    alarm = _start_alarm(seconds, lambda: CheckTimeout(seconds))
    try:
        yield
    finally:
        if alarm is not None:
            alarm()


def _lower_memory():
    """Lower the soft address-space limit to what is in use plus MEMORY_HEADROOM: an
    allocation beyond it raises MemoryError in the render instead of exhausting the machine."""
    try:
        import os
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with open("/proc/self/statm") as fh:
            in_use = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        ceiling = in_use + MEMORY_HEADROOM
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        if soft != resource.RLIM_INFINITY and soft <= ceiling:
            return None
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    except (ImportError, OSError, ValueError, AttributeError):
        return None

    def restore():
        try:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        except (OSError, ValueError):
            pass
    return restore
