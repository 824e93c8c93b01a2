"""Many inputs at once: a pool of worker processes, results in input order, a progress line.

A finance bureau checks and builds the reports of every department — 30 to 200 files — in one
command. Each file is one job (`jobs.py`): check it, and for `build` write its per-file outputs.
Jobs run in worker processes, one per core (`-j N`); their outcomes come back as plain data and
are printed in the order the files were given, whatever order they finish in. On a terminal a
progress line shows the count and the time left; in a pipe or a log, only the results.

Ctrl-C and SIGTERM reach the workers too (they share the parent's signal handling, see
entry.py): each removes its own temporary files and exits, and the parent stops the pool.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Callable, Iterable, Iterator

from . import console


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(items: list, work: Callable, jobs: int, label: str) -> Iterator:
    """`work(item)` for every item, yielded in the items' order. In-process for one item or one
    job; otherwise on a pool of `jobs` processes."""
    progress = Progress(len(items), label)
    try:
        if jobs <= 1 or len(items) <= 1:
            for item in items:
                outcome = work(item)
                progress.step()
                yield outcome
            return
        yield from _pooled(items, work, min(jobs, len(items)), progress)
    finally:
        progress.close()


def _pooled(items: list, work: Callable, jobs: int, progress: "Progress") -> Iterator:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    # fork: a worker starts with everything the parent has loaded (templates compiled, rubrics
    # read) instead of importing it all again
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_start)
    try:
        pending = {pool.submit(_guarded, work, item): i for i, item in enumerate(items)}
        done: dict[int, object] = {}
        following = 0
        while following < len(items):
            finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in finished:
                done[pending.pop(future)] = future.result()
                progress.step()
            while following in done:
                yield done.pop(following)
                following += 1
        pool.shutdown(wait=True)
    except BaseException:
        _stop_pool(pool)
        raise


_in_job = False


def _worker_start() -> None:
    """In a worker, Ctrl-C or SIGTERM during a job unwinds it (its temporary files are removed
    on the way, see cleanup.py); between jobs the worker just ends."""
    import signal

    def stop(signum, frame):
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_IGN)
        if _in_job:
            from .entry import Interrupted
            raise Interrupted(signum)
        os._exit(1)

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, stop)


def _guarded(work: Callable, item):
    """Run one job in a worker. Interrupted, the worker removes its temporary files and exits:
    the parent has been interrupted too, and stops the pool."""
    global _in_job
    from .entry import Interrupted

    _in_job = True
    try:
        return work(item)
    except Interrupted:
        from . import cleanup
        cleanup.clean_all()
        os._exit(1)
    finally:
        _in_job = False


def _stop_pool(pool) -> None:
    import signal

    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in processes:          # each removes its temporary files on SIGTERM, then exits
        try:
            os.kill(proc.pid, signal.SIGTERM)
        except OSError:
            pass
    deadline = time.monotonic() + 10
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
        if proc.is_alive():
            proc.kill()


class Progress:
    """`已完成 37/200 ███████░░░░░░ 剩余约 12 秒` on stderr, when stderr is a terminal."""

    def __init__(self, total: int, label: str):
        self.total, self.label, self.count = total, label, 0
        self.start = time.monotonic()
        try:
            self.live = total > 1 and sys.stderr.isatty()
        except (AttributeError, ValueError):
            self.live = False
        if self.live:
            self.draw()

    def step(self) -> None:
        self.count += 1
        if self.live:
            self.draw()

    def draw(self) -> None:
        width = 24
        filled = width * self.count // self.total
        bar = "█" * filled + "░" * (width - filled)
        left = ""
        if self.count:
            seconds = (time.monotonic() - self.start) / self.count * (self.total - self.count)
            left = f"  剩余约 {_duration(seconds)}" if self.count < self.total else ""
        console.status(f"{self.label} {self.count}/{self.total} {bar}{left}")

    def close(self) -> None:
        if self.live:
            console.status("")


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{max(1, round(seconds))} 秒"
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes} 分 {seconds} 秒" if minutes < 60 else f"{minutes // 60} 小时 {minutes % 60} 分"


def chunks(items: Iterable, n: int) -> list[list]:
    """`items` in `n` runs of near-equal length, in order."""
    items = list(items)
    n = max(1, min(n, len(items)))
    size, extra = divmod(len(items), n)
    out, at = [], 0
    for i in range(n):
        step = size + (1 if i < extra else 0)
        out.append(items[at:at + step])
        at += step
    return [c for c in out if c]
