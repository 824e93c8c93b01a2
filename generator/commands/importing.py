"""`mkreport import FORM.xlsx|FORM.docx [-o facts.yaml]`: the work is tasks/importing.py; this
prints what it says."""
from __future__ import annotations

from ..core import console


def run_import(source: str, output: str | None, force: bool = False, explain: bool = False,
               into: str | None = None) -> int:
    from ..tasks.importing import import_form

    return import_form(source, output, force, explain, listener=console.say, into=into).code
