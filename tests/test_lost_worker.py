"""A lost worker is that file's failure: `kill -9` of the process working on one file (as the
out-of-memory killer would) fails that file, with a finding and in the closing count; the pool is
started again and every other file is checked or built; never exit 3."""
from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import pytest
from paths import county

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="the killing check reaches the workers by fork")


@pytest.fixture
def killer(monkeypatch, tmp_path):
    """`killer(name, times)`: the worker that checks `name` kills itself with SIGKILL, the first
    `times` times (every time with None). The test's own process is never killed, and no hook is in
    mkreport: the workers are forked from this process with `pipeline.check` replaced."""
    from generator import pipeline

    real, parent = pipeline.check, os.getpid()
    victims: dict[str, int | None] = {}
    count = tmp_path / "kills"
    count.mkdir()

    def check(path, name, *args, **kwargs):
        if name in victims and os.getpid() != parent:
            times = victims[name]
            done = len(list(count.glob(f"{Path(name).stem}.*")))
            if times is None or done < times:
                (count / f"{Path(name).stem}.{done}").touch()
                os.kill(os.getpid(), signal.SIGKILL)
        return real(path, name, *args, **kwargs)

    monkeypatch.setattr(pipeline, "check", check)

    def arm(name: str, times: int | None = None) -> None:
        victims[name] = times
    arm.count = lambda name: len(list(count.glob(f"{Path(name).stem}.*")))
    return arm


def test_build_carries_on_when_a_worker_is_killed(tmp_path, run, killer):
    names = county(tmp_path, 12)
    victim = names[4]
    killer(victim)
    result = run("build", *names, "-o", str(tmp_path / "out"), "-j", "3")
    assert result.exit_code == 2, result.output
    made = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert made == sorted(f"{Path(n).stem}.docx" for n in names if n != victim)   # and no temporary file left
    assert f"{victim}: 错误 [PROCESS-LOST] 处理这个文件的进程意外终止（可能内存不足）" in result.output
    assert "共 12 个文件：已生成 11 个，未生成 1 个（1 个处理进程意外终止）。" in result.output
    assert killer.count(victim) == 2                    # once among the others, once alone
    lines = [line for line in result.output.splitlines() if line.startswith("已生成 ") or "[PROCESS-LOST]" in line]
    assert [line.split("/")[-1].split(":")[0].removesuffix(".docx").removesuffix(".yaml") for line in lines] == \
        [Path(n).stem for n in names]                   # in the order given


def test_a_file_that_lost_its_worker_once_is_built_when_run_again(tmp_path, run, killer):
    """Killed once (memory was short while others ran): run alone, it is built; nothing fails."""
    names = county(tmp_path, 8)
    killer(names[2], times=1)
    result = run("build", *names, "-o", str(tmp_path / "out"), "-j", "3")
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").iterdir())) == 8
    assert "共 8 个文件：已生成 8 个。" in result.output and "PROCESS-LOST" not in result.output


def test_check_and_summary_name_the_lost_file(tmp_path, run, killer):
    names = county(tmp_path, 7)
    victim = names[6]
    killer(victim)
    result = run("check", *names, "-j", "2")
    assert result.exit_code == 2, result.output
    assert result.output.count("[PROCESS-LOST]") == 1 and f"{victim}: 错误 [PROCESS-LOST]" in result.output
    assert "其中 1 个文件的处理进程意外终止（可能内存不足），没有检查完。" in result.output
    assert result.output.count("[TARGET-NONE]") == 2              # the others were checked in full

    from openpyxl import load_workbook
    summary = run("summary", *names, "-o", str(tmp_path / "s.xlsx"), "-j", "2")
    assert summary.exit_code == 2 and "其中 1 个文件的处理进程意外终止" in summary.output
    rows = {r[-1]: r for r in load_workbook(tmp_path / "s.xlsx")["部门"].iter_rows(min_row=2, values_only=True)}
    assert rows[victim][-3] == "处理进程意外终止" and rows[victim][2] is None
    assert [rows[n][-3] for n in names if n != victim] == ["通过"] * 6


def test_two_files_that_kill_their_workers(tmp_path, run, killer):
    names = county(tmp_path, 9)
    for victim in (names[1], names[7]):
        killer(victim)
    result = run("build", *names, "-o", str(tmp_path / "out"), "-j", "4")
    assert result.exit_code == 2
    assert "共 9 个文件：已生成 7 个，未生成 2 个（2 个处理进程意外终止）。" in result.output


def test_no_worker_lost_no_such_finding(tmp_path, run):
    """The clean twin: the same batch with no worker killed builds everything, exit 0."""
    names = county(tmp_path, 6)
    result = run("build", *names, "-o", str(tmp_path / "out"), "-j", "3")
    assert result.exit_code == 0 and "PROCESS-LOST" not in result.output
    assert "共 6 个文件：已生成 6 个。" in result.output
