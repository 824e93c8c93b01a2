"""Write the table of finding codes into README.md, between its `codes` markers, from the registry.

Run: python tools/update_readme_codes.py   (tests/test_codes.py fails until the README matches)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.codes import readme_table  # noqa: E402

START, END = "<!-- codes:start -->", "<!-- codes:end -->"


def with_table(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{readme_table()}\n{END}{tail}"


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
