"""Many inputs at once: a pool of worker processes, results in input order, a progress line.

A finance bureau checks and builds the reports of every department — 30 to 200 files — in one
command. Each file is one job (`jobs.py`): check it, and for `build` write its per-file outputs.
Jobs run in worker processes, one per core (`-j N`); their outcomes come back as plain data and
are printed in the order the files were given, whatever order they finish in. On a terminal a
progress line shows the count and the time left; in a pipe or a log, only the results.

Ctrl-C and SIGTERM reach the workers too (they share the parent's signal handling, see
entry.py): each removes its own temporary files and exits, and the parent stops the pool.

A worker that dies under a job (the out-of-memory killer's `kill -9`) breaks the whole pool: every
unfinished job fails with it. The parent starts a new pool and carries on; each file that was being
worked on when the worker died is run again alone, and one that loses its worker again is that
file's failure (`lost(item)`, a Chinese message), never the batch's.
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator

from ..core import console


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(items: list, work: Callable, jobs: int, label: str, lost: Callable, show: bool = True) -> Iterator:
    """`work(item)` for every item, yielded in the items' order. In-process for one item or one
    job; otherwise on a pool of `jobs` processes, where `lost(item)` stands for the outcome of an
    item whose worker process died under it. `show`: a progress bar on a terminal."""
    progress = Progress(len(items), label, show)
    try:
        if jobs <= 1 or len(items) <= 1:
            for item in items:
                outcome = work(item)
                progress.step()
                yield outcome
            return
        yield from _pooled(items, work, min(jobs, len(items)), progress, lost)
    finally:
        progress.close()


def _pooled(items: list, work: Callable, jobs: int, progress: Progress, lost: Callable) -> Iterator:
    import multiprocessing

    # fork: a worker starts with everything the parent has loaded (templates compiled, rubrics
    # read) instead of importing it all again
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    batch = _Batch(items, work, lost, progress, multiprocessing.get_context(method))
    following = 0
    try:
        for _ in batch.rounds(jobs):
            while following in batch.done:
                yield batch.done.pop(following)
                following += 1
    except BaseException:
        for pool in batch.pools:
            _stop_pool(pool)
        raise


class _Batch:
    """The items of one command on pools of workers, the pool started again when a worker dies."""

    def __init__(self, items: list, work: Callable, lost: Callable, progress: Progress, context):
        self.items, self.work, self.lost, self.progress, self.context = items, work, lost, progress, context
        self.started = context.RawArray("b", len(items))     # a worker marks each item it takes up
        self.done: dict[int, object] = {}
        self.rest = list(range(len(items)))     # not yet taken up by any worker
        self.alone: list[int] = []              # taken up when a worker died: each again, in a pool of its own
        self.pools: list = []

    def rounds(self, jobs: int) -> Iterator[None]:
        """Run every item; yield each time one finishes (`done` has it)."""
        barren = 0                              # pools lost in a row with nothing finished and no suspect
        while self.rest or self.alone:
            before = len(self.done)
            if self.alone:
                groups, self.alone = [[i] for i in self.alone], []
                yield from self.round(groups, 1, isolated=True)
            else:
                groups, self.rest = [self.rest], []
                yield from self.round(groups, jobs, isolated=False)
            barren = barren + 1 if self.rest and not self.alone and len(self.done) == before else 0
            if barren > 2:                      # workers die whatever they run: each file alone finds the one
                self.alone, self.rest = self.rest, []

    def round(self, groups: list[list[int]], workers: int, isolated: bool) -> Iterator[None]:
        """Each group on a pool of its own."""
        from concurrent.futures import FIRST_COMPLETED, wait

        self.pools = [_pool(self.context, workers, self.started) for _ in groups]
        pending = _submit(list(zip(self.pools, groups)), self.work, self.items)
        while pending:
            finished, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            for future in finished:
                if future in pending:           # not already taken with its broken pool
                    self.settle(future, pending, isolated)
            yield
        for pool in self.pools:
            _close_pool(pool)
        self.pools = []
        self.rest.sort()
        self.alone.sort()

    def settle(self, future, pending: dict, isolated: bool) -> None:
        from concurrent.futures.process import BrokenProcessPool

        pool, i = pending.pop(future)
        error = future.exception()
        if error is None:
            self.finish(i, future.result())
        elif not isinstance(error, BrokenProcessPool):
            raise error
        elif isolated:                          # its worker died again, with nothing else to blame
            self.finish(i, self.lost(self.items[i]))
        else:
            # one of the items the pool's workers had taken up killed it: those are run again each
            # alone; the items not yet taken up, on a new pool
            for j, f in [(i, future)] + [(j, f) for f, (p, j) in list(pending.items()) if p is pool]:
                pending.pop(f, None)
                if f.done() and f.exception() is None:
                    self.finish(j, f.result())
                else:
                    (self.alone if self.started[j] else self.rest).append(j)

    def finish(self, i: int, outcome) -> None:
        self.done[i] = outcome
        self.progress.step()


def _pool(context, workers: int, started):
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker_start,
                               initargs=(started,))


def _submit(groups: list, work: Callable, items: list) -> dict:
    """Each pool's items submitted: future → (pool, index). A pool that breaks while its items are
    submitted (a worker died at once) gives a failed future for each item it did not take."""
    from ..core.cleanup import signals_held

    pending: dict = {}
    with signals_held():            # a worker is forked here: a signal waits until the forks are done
        _submit_each(groups, work, items, pending)
    return pending


def _submit_each(groups: list, work: Callable, items: list, pending: dict) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    for pool, indexes in groups:
        for n, i in enumerate(indexes):
            try:
                pending[pool.submit(_guarded, work, items[i], i)] = (pool, i)
            except BrokenProcessPool as exc:
                for j in indexes[n:]:
                    failed: Future = Future()
                    failed.set_exception(exc)
                    pending[failed] = (pool, j)
                break


_in_job = False
_started = None         # in a worker: the shared flags of the items taken up (see _pooled)


def _worker_start(started=None) -> None:
    """In a worker, Ctrl-C or SIGTERM during a job unwinds it (its temporary files are removed
    on the way, see cleanup.py); between jobs the worker just ends."""
    import signal

    global _started
    from ..core.cleanup import release_held
    release_held()                  # forked while the parent held signals (_submit)
    _started = started

    def stop(signum, frame):
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_IGN)
        if _in_job:
            from ..core.cleanup import Interrupted
            raise Interrupted(signum)
        os._exit(1)

    for s in (signal.SIGINT, signal.SIGTERM):
        signal.signal(s, stop)
    from ..core.cleanup import deliver_again
    deliver_again(stop)


def _guarded(work: Callable, item, index: int | None = None):
    """Run one job in a worker. Interrupted, the worker removes its temporary files and exits:
    the parent has been interrupted too, and stops the pool."""
    global _in_job
    from ..core.cleanup import Interrupted

    if _started is not None and index is not None:
        _started[index] = 1           # should this worker die now, the parent knows what it was on
    _in_job = True
    try:
        return work(item)
    except Interrupted:
        from ..core import cleanup
        cleanup.clean_all()
        os._exit(1)
    finally:
        _in_job = False


def _close_pool(pool) -> None:
    """A pool whose items are all settled, shut down; its workers given ten seconds to end. A worker can
    wait for ever on the job queue's lock when another died holding it (a worker killed by the system):
    one still there then is stopped, not waited for."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False)
    deadline = time.monotonic() + 10
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
    if any(proc.is_alive() for proc in processes):
        _stop_pool(pool, processes)


def _stop_pool(pool, processes: list | None = None) -> None:
    import signal

    if processes is None:
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

    def __init__(self, total: int, label: str, show: bool = True):
        self.total, self.label, self.count = total, label, 0
        self.start = time.monotonic()
        try:
            self.live = show and total > 1 and sys.stderr.isatty()
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
