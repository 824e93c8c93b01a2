"""The registry of finding codes: the README's table is made from it, and every code is produced
by some test (the suite-wide check is in conftest.py)."""
from __future__ import annotations

import re
import sys

from paths import ROOT

from generator.core.codes import CODES, ERROR, WARNING


def test_the_readme_table_is_generated_from_the_registry():
    sys.path.insert(0, str(ROOT / "tools"))
    from update_readme_codes import with_table
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme == with_table(readme), "run: python tools/update_readme_codes.py"


def test_every_code_has_a_severity_and_a_chinese_description():
    for c in CODES.values():
        assert c.severity in (ERROR, WARNING) and re.search(r"[\u4e00-\u9fff]", c.zh), c.code


def test_the_code_does_not_name_an_unregistered_code():
    """Every code a check names in the source is in the registry (a typo would fail at run time)."""
    named = set()
    for path in (ROOT / "generator").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""(?:error|warning|add)\(\s*"([A-Z][A-Z-]+)\"""", text))
        named |= set(re.findall(r"""Issue\(\s*"([A-Z][A-Z-]+)\"""", text))
    assert named and named <= set(CODES), named - set(CODES)
