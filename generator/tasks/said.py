"""What a task says, as data: the lines a command prints, each on its channel, in order.

A task (build, verify, rollover) never prints. It says each line to a `Said`, which keeps it and
hands it on, as it is said, to a listener: the command passes `console.say`, so a long build
still shows each file as it is done; a caller from Python passes none and reads `lines`.

Channels (core/console.py says who sees which): out (what the command is for: findings),
info (what was made, 已生成 …), note (closing counts, hints), err (errors), step (-v only).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.console import shown

Listener = Callable[[str, str], None]       # (channel, text)


class Said:
    def __init__(self, listener: Listener | None = None):
        self.lines: list[tuple[str, str]] = []
        self.listener = listener

    def say(self, channel: str, text: str) -> None:
        self.lines.append((channel, text))
        if self.listener is not None:
            self.listener(channel, text)

    def out(self, text: str) -> None:
        self.say("out", text)

    def info(self, text: str) -> None:
        self.say("info", text)

    def note(self, text: str) -> None:
        self.say("note", text)

    def err(self, text: str) -> None:
        self.say("err", text)

    def step(self, text: str) -> None:
        self.say("step", text)

    def on(self, channel: str) -> list[str]:
        """The lines said on one channel, in order."""
        return [text for c, text in self.lines if c == channel]


# ---- lines more than one command says ---------------------------------------------------------

def started(what: str, count: int, jobs: int) -> str:
    """-v: how many files, and how many at a time."""
    at_once = min(jobs, count)
    return f"{what} {count} 个文件" + (f"，同时处理 {at_once} 个" if at_once > 1 else "") + "。"


def checked(outcome) -> str:
    """-v: one file done — what it was checked against, what was found, how long it took."""
    used = "，".join(outcome.used)
    return (f"已检查 {shown(outcome.name)}" + (f"（{used}）" if used else "")
            + f"：{outcome.errors} 个错误、{outcome.warnings} 个警告，用时 {outcome.seconds:.2f} 秒。")


def lost(findings: Iterable) -> str:
    """How many files were not checked because the process working on them died (batch.py)."""
    count = sum(f.code == "PROCESS-LOST" for f in findings)
    return f"其中 {count} 个文件的处理进程意外终止（可能内存不足），没有检查完。" if count else ""


def unfilled(findings: Iterable) -> str:
    """How many values are still 待填写, section by section (a file from `mkreport new`)."""
    from ..model.facts import Report

    counts: dict[str, int] = {}
    for f in findings:
        if f.code == "UNFILLED" and f.path:
            counts[f.path[0]] = counts.get(f.path[0], 0) + 1
    if not counts:
        return ""
    parts = [f"{Report.fields[k].zh if k in Report.fields else k}（{k}）{n} 项" for k, n in counts.items()]
    # (a file not yet filled in is not checked further: say so, lest a clean list read as a checked text)
    return f"还有 {sum(counts.values())} 项待填写：" + "、".join(parts) + "。全部填写后才核对得分、收支表和正文中的数。"


def stale(findings: Iterable) -> str:
    """How many texts kept by `mkreport rollover` still carry last year's mark."""
    from ..model.schema import STALE

    count = sum(f.code == "STALE" for f in findings)
    return f"还有 {count} 处{STALE}文字未改写：请按本年情况改写，改好后删去“{STALE}”。" if count else ""


def stopped(message: str, file: str | None = None) -> str:
    """A problem that stops the work, in the words the CLI gives a MkreportError (`file: 错误 …`):
    for a task that returns what it found before it stopped (the findings) instead of raising."""
    from ..core.errors import MkreportError

    return str(MkreportError(message, file))
