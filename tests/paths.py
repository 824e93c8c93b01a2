"""Where things are, for every test module and helper: `from paths import ROOT`.

A plain module rather than a fixture, because ROOT is needed where fixtures cannot reach —
in `parametrize` lists, `skipif` conditions and module-level helpers; tests/ is on pytest's
pythonpath (pyproject.toml), so any test file can import it.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent      # the repository: inputs/, rubrics/, templates/ …
FIXTURES = ROOT / "tests" / "fixtures"              # what the tests need, committed with them
EXAMPLES = ["yangxi-2023", "pingyuan-2023", "hunan-example-2023"]     # inputs/NAME.yaml, shipped


def county(folder: Path, n: int) -> list[str]:
    """`n` facts files in `folder`/inputs (the examples in turn, numbered), the rubrics beside them:
    a county's batch."""
    import shutil
    (folder / "inputs").mkdir(parents=True)
    (folder / "rubrics").symlink_to(ROOT / "rubrics")
    names = []
    for i in range(n):
        example = EXAMPLES[i % len(EXAMPLES)]
        path = folder / "inputs" / f"{i:02d}-{example}.yaml"
        shutil.copy(ROOT / "inputs" / f"{example}.yaml", path)
        names.append(str(path))
    return names
