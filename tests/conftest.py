"""Shared fixtures: run the CLI in-process, a folder with the examples' inputs and rubrics, the
example reports built once; and the suite-wide check that every finding code fires somewhere.

Paths are in paths.py (`from paths import ROOT`), which modules can import; a conftest should not
be imported. Slow tests carry `@pytest.mark.slow` and are left out of `python -m pytest`
(pyproject.toml); `python -m pytest -m "slow or not slow"` runs everything, as .ci/run does.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from paths import EXAMPLES, ROOT

from generator.cli import main


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


@pytest.fixture
def word_made(workdir: Path):
    """Make yangxi's facts build from a county's template as Word makes it (inputs/word.docx, wordmade.py);
    `lines="grid"`: its body's line height set by the grid. Returns the facts file."""
    from wordmade import word_made as made

    def make(lines: str = "exact") -> Path:
        made(ROOT / "templates" / "yangxi.docx", workdir / "inputs" / "word.docx", lines)
        facts = workdir / "inputs" / "yangxi-2023.yaml"
        text = facts.read_text(encoding="utf-8")
        if "template: word.docx" not in text:
            facts.write_text(text.replace("report_date:", "template: word.docx\nreport_date:"), encoding="utf-8")
        return facts
    return make


def _build_examples(out: Path, *options: str) -> Path:
    result = CliRunner().invoke(main, ["build", *(str(ROOT / "inputs" / f"{n}.yaml") for n in EXAMPLES),
                                       "-o", str(out), *options])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The folder where the three examples were built once: NAME.docx and NAME-自评表.xlsx.
    Shared by every test that only reads them — a test that edits one copies it first."""
    return _build_examples(tmp_path_factory.mktemp("built"), "--xlsx")


@pytest.fixture(scope="session")
def built_pdf(tmp_path_factory) -> Path:
    """The same, with NAME.pdf beside each report (LibreOffice), for the slow tests of the printed
    page; a separate build, so the tests that need no PDF never wait for LibreOffice."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice not installed (.ci/run installs it)")
    return _build_examples(tmp_path_factory.mktemp("built-pdf"), "--xlsx", "--pdf")


# ---- every registered finding code is produced by some test ----------------------------------
# Findings.add is the one place a finding is made; the suite records every code it sees, and a
# full run fails if a registered code never appeared (a check no test has seen fire is dead).
# "Full" means the whole tests/ folder with nothing deselected: the default run leaves the slow
# tests out, and some codes fire only there, so the check is made by `-m "slow or not slow"` (CI).
from generator.core.codes import CODES  # noqa: E402
from generator.model import findings as _findings  # noqa: E402

PRODUCED: set[str] = set()
DESELECTED: list = []
_add = _findings.Findings.add


def _recording_add(self, code, *args, **kwargs):
    PRODUCED.add(code)
    return _add(self, code, *args, **kwargs)


_findings.Findings.add = _recording_add


def pytest_deselected(items):
    DESELECTED.extend(items)        # by -m (the default "not slow" too) or -k


# Run on several processes (pytest-xdist, `-n`), each worker records the codes its tests produced and
# what it deselected; the controller gathers them as workers finish and judges the whole run.
WORKERS: list[dict] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    out = getattr(node, "workeroutput", None) or {}
    PRODUCED.update(out.get("produced", ()))
    WORKERS.append(out)


def _whole_suite_ran(session) -> bool:
    opt = session.config.option
    deselected = DESELECTED or any(w.get("deselected") for w in WORKERS)
    collected = session.testscollected or max((w.get("collected", 0) for w in WORKERS), default=0)
    if deselected or opt.collectonly or getattr(opt, "lf", False) or not collected:
        return False
    return all(Path(a).resolve() == ROOT / "tests" for a in session.config.args or [str(ROOT / "tests")])


def pytest_sessionfinish(session, exitstatus):
    out = getattr(session.config, "workeroutput", None)
    if out is not None:             # a worker of a run on several processes: the controller judges
        out.update(produced=sorted(PRODUCED), deselected=len(DESELECTED), collected=session.testscollected)
        return
    if exitstatus != 0 or not _whole_suite_ran(session):
        return
    missing = sorted(set(CODES) - PRODUCED)
    if missing:
        session.config.get_terminal_writer().line(
            f"\nRegistered finding codes no test produced (dead checks?): {', '.join(missing)}", red=True)
        session.exitstatus = 1
