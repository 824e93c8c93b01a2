"""Write the generated parts of README.md from the code: the table of finding codes (from the
registry) between the `codes` markers, and the words the prose checks read (from the built-in
vocabulary) between the `vocabulary` markers.

Run: python tools/update_readme_codes.py   (tests/test_codes.py fails until the README matches)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from generator.core.codes import readme_table  # noqa: E402
from generator.derive.claims.describe import readme_section  # noqa: E402
from generator.derive.vocabulary import vocabulary  # noqa: E402


def _between(readme: str, name: str, body: str) -> str:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    head, rest = readme.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{body}\n{end}{tail}"


def with_table(readme: str) -> str:
    readme = _between(readme, "codes", readme_table())
    return _between(readme, "vocabulary", readme_section(vocabulary()[0]))


if __name__ == "__main__":
    path = ROOT / "README.md"
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
