"""Shared helpers: run the CLI in-process, and write small YAML inputs next to a rubric."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run():
    def _run(*args: str):
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return result
    return _run


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder with inputs/ and rubrics/ copied in, so relative rubric paths resolve."""
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    return tmp_path


# ---- every registered finding code is produced by some test ----------------------------------
# Findings.add is the one place a finding is made; the suite records every code it sees, and a
# full run fails if a registered code never appeared (a check no test has seen fire is dead).
from generator import findings as _findings  # noqa: E402
from generator.codes import CODES  # noqa: E402

PRODUCED: set[str] = set()
_add = _findings.Findings.add


def _recording_add(self, code, *args, **kwargs):
    PRODUCED.add(code)
    return _add(self, code, *args, **kwargs)


_findings.Findings.add = _recording_add


def pytest_sessionfinish(session, exitstatus):
    opt = session.config.option
    whole = not opt.keyword and not opt.markexpr and not getattr(opt, "lf", False) and \
        all(Path(a).resolve() == ROOT / "tests" for a in session.config.args or [str(ROOT / "tests")])
    if not whole or exitstatus != 0:
        return
    missing = sorted(set(CODES) - PRODUCED)
    if missing:
        session.config.get_terminal_writer().line(
            f"\nRegistered finding codes no test produced (dead checks?): {', '.join(missing)}", red=True)
        session.exitstatus = 1
