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
