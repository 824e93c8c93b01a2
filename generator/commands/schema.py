"""`mkreport schema`: the references generated from the code (tasks/schemas.py), printed or written."""
from __future__ import annotations

from ..core import console
from ..tasks.schemas import FILES, LINE, SCHEMA_ID, schema_beside, schema_text, with_schema_line

# kept importable from here, where they were first written
__all__ = ["run_schema", "FILES", "LINE", "SCHEMA_ID", "schema_beside", "schema_text", "with_schema_line"]


def run_schema(kind: str, output: str | None) -> None:
    from ..tasks.schemas import schema

    schema(kind, output, listener=console.say)
