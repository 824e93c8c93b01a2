"""The wheel carries every part of the package: a subpackage left out of pyproject.toml works in the
repository (an editable install) and fails at the first import in a county's installation."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_in_the_wheel():
    listed = set(re.findall(r'"(generator[a-z_.]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")))
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "generator").rglob("__init__.py")}
    assert found <= listed, found - listed
