"""`mkreport schema`: the JSON Schema of the facts file, generated from the model."""
from __future__ import annotations

import json
import sys

from ..facts import Report
from ..schema import json_schema

SCHEMA_ID = "https://mkreport.invalid/schema/facts.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(Report, SCHEMA_ID), ensure_ascii=False, indent=2) + "\n"


def run_schema(output: str | None) -> None:
    text = schema_text()
    if output:
        from ..output import write_atomic
        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
